"""Writes: saving disclosures (with their revisions), storing renders, reader preferences."""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import content_types, rendering, selectors, signals
from .app_settings import app_settings
from .models import (
    FORM_VERSION,
    AssistanceKind,
    Content,
    ContentRender,
    CoSignature,
    CoSignatureStatus,
    Disclosure,
    DisclosureRevision,
    ReaderPreference,
)
from .rules import DisclosureData


def content_for(obj: Model | Content) -> Content:
    """The hub row of a host object of a registered type, created the first time the plugin
    meets it (with its parent's row). With :func:`contents_for`, the only writer of
    ``Content``; a ``Content`` passes through. ``LookupError`` when ``obj``'s model is not
    registered.
    """
    if isinstance(obj, Content):
        return obj
    found = selectors.content_of(obj)
    if found is not None:
        return found
    registered = content_types.of(obj)
    parent = registered.adapter.get_parent(obj)
    content, _created = Content.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        defaults={
            "kind": registered.kind,
            "parent": content_for(parent) if parent is not None else None,
        },
    )
    content.obj = obj
    obj._ai_content = content
    return content


def contents_for(objs: list[Model]) -> list[Content]:
    """:func:`content_for` for many new host objects of one registered type at once (the
    demo seeder, imports): one insert, whatever their number. Their parents need rows
    already. Returns the rows in the order of ``objs``.
    """
    if not objs:
        return []
    registered = content_types.of(objs[0])
    content_type = ContentType.objects.get_for_model(objs[0], for_concrete_model=True)
    parents = {}
    for obj in objs:
        parent = registered.adapter.get_parent(obj)
        if parent is not None:
            parents[obj.pk] = content_for(parent)
    Content.objects.bulk_create(
        [Content(kind=registered.kind, content_type=content_type, object_id=obj.pk,
                 parent=parents.get(obj.pk)) for obj in objs],
        ignore_conflicts=True,
    )
    rows = {content.object_id: content for content in Content.objects.filter(
        content_type=content_type, object_id__in=[obj.pk for obj in objs])}
    for obj in objs:
        rows[obj.pk].obj = obj
        obj._ai_content = rows[obj.pk]
    return [rows[obj.pk] for obj in objs]


def forget_deleted_content(sender, instance, **kwargs) -> None:
    """Delete the ``Content`` row (and so the disclosure, render, screening, review items)
    of a deleted host object: a receiver of the registered models' ``post_delete``.
    """
    Content.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def validate_body(text: str) -> None:
    """Refuse a post body above ``AI_DISCLOSURE_MAX_BODY_BYTES``, saying by how much."""
    size = len(text.encode("utf-8"))
    limit = app_settings.MAX_BODY_BYTES
    if size > limit:
        raise ValidationError(
            _("This post is %(size)s; the limit is %(limit)s. Shorten it or split it into "
              "several posts.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def render_body(text: str) -> rendering.Rendered:
    """Render a body with the block types configured in the admin."""
    return rendering.render(text, block_types=selectors.block_types())


def rendered_content(obj: Model | Content) -> ContentRender:
    """The stored render of a host object, rebuilt if its body or the renderer changed."""
    content = content_for(obj)
    host = content.obj
    body = content_types.adapter_for(host).get_body(host)
    body_hash = rendering.content_hash(body)
    stored = ContentRender.objects.filter(content=content).first()
    if (
        stored
        and stored.content_hash == body_hash
        and stored.renderer_version == rendering.RENDERER_VERSION
    ):
        return stored
    # Stored and shared by every reader, so written in one language: the site's.
    with translation.override(settings.LANGUAGE_CODE):
        result = render_body(body)
    stored, _created = ContentRender.objects.update_or_create(
        content=content,
        defaults={
            "content_hash": body_hash,
            "renderer_version": rendering.RENDERER_VERSION,
            "html": result.html,
            "blocks": [asdict(block) for block in result.blocks],
            "warnings": [asdict(warning) for warning in result.warnings],
            "ai_share": result.ai_share,
            "text_length": result.text_length,
        },
    )
    return stored


def save_disclosure(*, content: Model | Content, user, data: DisclosureData) -> Disclosure:
    """Create or update the disclosure of ``content`` (a host object of a registered type or
    its ``Content``) and append a revision; see :func:`save_disclosure_revision`.
    """
    return save_disclosure_revision(content=content, user=user, data=data).disclosure


@transaction.atomic
def save_disclosure_revision(
    *, content: Model | Content, user, data: DisclosureData
) -> DisclosureRevision:
    """Create or update the content's disclosure, append a revision and return it (number 1:
    the disclosure was created).

    ``data`` must already be validated (``gate.disclosure_errors``). ``disclosure_saved``
    is sent once the transaction commits, so listeners (screening) see the saved rows. The
    previous revision holds the values before this save, so a save whose kinds of help are
    unchanged reads and writes no kinds at all.

    The only writer of the tick's binding to the text: a human-only tick is stored with the
    content hash of the post's body as it is now (save the post's new body first). A named
    reviewer is invited to co-sign (:func:`_sync_cosignature`).
    """
    content = content_for(content)
    # Lock the content so concurrent saves of one disclosure are serialised (revision numbers).
    Content.objects.select_for_update().filter(pk=content.pk).values_list("pk").first()
    disclosure = Disclosure.objects.filter(content=content).first()
    if disclosure is not None:
        disclosure.content = content  # already loaded: callers read it without a query
    created = disclosure is None
    last = (
        None if created
        else disclosure.revisions.order_by("-number").first()
    )
    before = {} if created else last.data if last else snapshot(disclosure)
    disclosure = disclosure or Disclosure(content=content)
    disclosure.human_only = data.human_only
    disclosure.models_used = list(data.models_used)
    disclosure.ai_share_estimate = data.ai_share_estimate
    disclosure.description = data.description
    disclosure.verification = data.verification
    disclosure.expertise = data.expertise
    disclosure.autonomous = data.autonomous
    disclosure.form_version = FORM_VERSION
    host = content.obj
    adapter = content_types.adapter_for(host)
    body_hash = rendering.content_hash(adapter.get_body(host))
    disclosure.human_only_hash = body_hash if data.human_only else ""
    disclosure.save()
    assistance = sorted(data.assistance)
    if assistance != before.get("assistance", []):
        kinds = AssistanceKind.objects.filter(slug__in=assistance)
        disclosure.assistance.set(kinds)
        assistance = sorted(kind.slug for kind in kinds)

    # The last revision names the reviewer invited, if any: without one before or now there
    # is nothing to look up.
    cosignature = _sync_cosignature(
        disclosure, reviewer=data.reviewer, body_hash=body_hash,
        author_id=adapter.get_author_id(host),
    ) if data.reviewer or before.get("reviewer") else None
    after = {**_declared_values(disclosure), "assistance": assistance,
             **_reviewer_value(cosignature)}
    changes = {
        name: [before.get(name, EMPTY_VALUES.get(name)), after.get(name, EMPTY_VALUES.get(name))]
        for name in [*after, *(name for name in before if name not in after)]
        if before.get(name, EMPTY_VALUES.get(name)) != after.get(name, EMPTY_VALUES.get(name))
    }
    revision = DisclosureRevision.objects.create(
        disclosure=disclosure,
        number=(last.number if last else 0) + 1,
        changed_by=user if user and user.is_authenticated else None,
        form_version=FORM_VERSION,
        data=after,
        changes=changes,
    )
    transaction.on_commit(
        lambda: signals.disclosure_saved.send(
            sender=Disclosure, disclosure=disclosure, revision=revision, created=created
        )
    )
    return revision


#: Optional values, stored in a revision only when given (so revisions saved before the field
#: existed read the same), and their empty value.
EMPTY_VALUES = {"reviewer": ""}


def _reviewer_value(cosignature: CoSignature | None) -> dict:
    """``{"reviewer": username}`` of the reviewer invited to co-sign, or nothing."""
    return {"reviewer": cosignature.reviewer.get_username()} if cosignature else {}


def snapshot(disclosure: Disclosure) -> dict:
    """The disclosure's declared values as plain JSON, as stored in revisions."""
    cosignature = CoSignature.objects.filter(disclosure=disclosure).select_related("reviewer")
    return {
        **_declared_values(disclosure),
        "assistance": sorted(kind.slug for kind in disclosure.assistance.all()),
        **_reviewer_value(cosignature.first() if disclosure.pk else None),
    }


def _sync_cosignature(
    disclosure: Disclosure, *, reviewer: str, body_hash: str, author_id
) -> CoSignature | None:
    """Keep the disclosure's co-signature in step with the reviewer the author named.

    No reviewer: any invitation is withdrawn. Another reviewer: they replace the previous one.
    The same reviewer and an edited text: whatever they answered was about an older version,
    so they are invited again (a confirmation no longer counts until they confirm the new
    text). ``cosignature_requested`` is sent for each new invitation, after commit.
    """
    current = (
        CoSignature.objects.select_related("reviewer").filter(disclosure=disclosure).first()
    )
    user = None
    if current and reviewer and current.reviewer.get_username() == reviewer:
        user = current.reviewer
    elif reviewer:
        user_model = get_user_model()
        user = user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: reviewer}, is_active=True
        ).first()
    if user is None or user.pk == author_id:  # the gate refuses both; never invite them
        if current:
            current.delete()
        return None
    if current and current.reviewer_id == user.pk:
        if current.content_hash == body_hash:
            return current
        current.content_hash = body_hash
        if current.status == CoSignatureStatus.INVITED:  # still waiting: now about this text
            current.save(update_fields=["content_hash"])
            return current
        # They answered about an older text: ask again (their note stays, to start from).
        current.status = CoSignatureStatus.INVITED
        current.invited_at, current.responded_at = timezone.now(), None
        current.save(update_fields=["content_hash", "status", "invited_at", "responded_at"])
        cosignature = current
    else:
        if current:
            current.delete()
        cosignature = CoSignature.objects.create(
            disclosure=disclosure, reviewer=user, content_hash=body_hash,
            invited_at=timezone.now(),
        )
    transaction.on_commit(
        lambda: signals.cosignature_requested.send(sender=CoSignature, cosignature=cosignature)
    )
    return cosignature


@transaction.atomic
def answer_cosignature(
    *, cosignature: CoSignature, user, confirm: bool, note: str = ""
) -> CoSignature:
    """The invited reviewer confirms (with a short note) or declines to co-sign.

    Only the reviewer may answer (``PermissionDenied`` otherwise), and only an open
    invitation (``ValidationError``): a confirmation is for the text they were shown, and an
    edit of the text invites them again.
    """
    cosignature = CoSignature.objects.select_for_update().get(pk=cosignature.pk)
    if cosignature.reviewer_id != getattr(user, "pk", None):
        raise PermissionDenied(_("Only the invited reviewer can answer this invitation."))
    if cosignature.status != CoSignatureStatus.INVITED:
        raise ValidationError(
            _("You already answered this invitation. If the author edits the post, you will "
              "be asked again."), code="answered",
        )
    cosignature.status = CoSignatureStatus.CONFIRMED if confirm else CoSignatureStatus.DECLINED
    cosignature.note = note.strip()
    cosignature.responded_at = timezone.now()
    cosignature.save(update_fields=["status", "note", "responded_at"])
    transaction.on_commit(
        lambda: signals.cosignature_answered.send(sender=CoSignature, cosignature=cosignature)
    )
    return cosignature


def disclosure_data(disclosure: Disclosure | None) -> DisclosureData:
    """The saved disclosure as the rules' plain record (an empty one for ``None``)."""
    if disclosure is None:
        return DisclosureData()
    values = snapshot(disclosure)
    return DisclosureData(**{
        name: values[name] for name in DisclosureData.__dataclass_fields__ if name in values
    })


def _declared_values(disclosure: Disclosure) -> dict:
    """``snapshot`` without the kinds of help (a many-to-many, read separately)."""
    return {
        "human_only": disclosure.human_only,
        "assistance": [],
        "models_used": list(disclosure.models_used),
        "ai_share_estimate": disclosure.ai_share_estimate,
        "description": disclosure.description,
        "verification": disclosure.verification,
        "expertise": disclosure.expertise,
        "autonomous": disclosure.autonomous,
        "form_version": disclosure.form_version,
    }


def set_reader_preference(*, user, collapse_mostly_ai: bool) -> ReaderPreference:
    """Store whether this reader wants mostly AI-written posts collapsed in listings."""
    preference, _created = ReaderPreference.objects.update_or_create(
        user=user, defaults={"collapse_mostly_ai": collapse_mostly_ai}
    )
    return preference

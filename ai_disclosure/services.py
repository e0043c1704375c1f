"""Writes: saving disclosures (with their revisions), storing renders, reader preferences."""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from . import rendering, selectors, signals
from .adapter import get_adapter, get_post_model
from .app_settings import app_settings
from .models import (
    FORM_VERSION,
    AssistanceKind,
    Disclosure,
    DisclosureRevision,
    PostRender,
    ReaderPreference,
)
from .rules import DisclosureData


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


def rendered_post(post: Model) -> PostRender:
    """The post's stored render, rebuilt if its body or the renderer changed since."""
    body = get_adapter().get_body(post)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    stored = PostRender.objects.filter(post=post).first()
    if (
        stored
        and stored.content_hash == content_hash
        and stored.renderer_version == rendering.RENDERER_VERSION
    ):
        return stored
    # Stored and shared by every reader, so written in one language: the site's.
    with translation.override(settings.LANGUAGE_CODE):
        result = render_body(body)
    stored, _created = PostRender.objects.update_or_create(
        post=post,
        defaults={
            "content_hash": content_hash,
            "renderer_version": rendering.RENDERER_VERSION,
            "html": result.html,
            "blocks": [asdict(block) for block in result.blocks],
            "warnings": [asdict(warning) for warning in result.warnings],
            "ai_share": result.ai_share,
            "text_length": result.text_length,
        },
    )
    return stored


def save_disclosure(*, post: Model, user, data: DisclosureData) -> Disclosure:
    """Create or update the post's disclosure and append a revision; see
    :func:`save_disclosure_revision`.
    """
    return save_disclosure_revision(post=post, user=user, data=data).disclosure


@transaction.atomic
def save_disclosure_revision(*, post: Model, user, data: DisclosureData) -> DisclosureRevision:
    """Create or update the post's disclosure, append a revision and return it (number 1:
    the disclosure was created).

    ``data`` must already be validated (``rules.validate_disclosure``). ``disclosure_saved``
    is sent once the transaction commits, so listeners (screening) see the saved rows. The
    previous revision holds the values before this save, so a save whose kinds of help are
    unchanged reads and writes no kinds at all: six queries in all.
    """
    # Lock the post so concurrent saves of one disclosure are serialised (revision numbers).
    get_post_model().objects.select_for_update().filter(pk=post.pk).values_list("pk").first()
    disclosure = Disclosure.objects.filter(post=post).first()
    created = disclosure is None
    last = (
        None if created
        else disclosure.revisions.order_by("-number").first()
    )
    before = {} if created else last.data if last else snapshot(disclosure)
    disclosure = disclosure or Disclosure(post=post)
    disclosure.human_only = data.human_only
    disclosure.models_used = list(data.models_used)
    disclosure.ai_share_estimate = data.ai_share_estimate
    disclosure.description = data.description
    disclosure.verification = data.verification
    disclosure.expertise = data.expertise
    disclosure.autonomous = data.autonomous
    disclosure.form_version = FORM_VERSION
    disclosure.save()
    assistance = sorted(data.assistance)
    if assistance != before.get("assistance", []):
        kinds = AssistanceKind.objects.filter(slug__in=assistance)
        disclosure.assistance.set(kinds)
        assistance = sorted(kind.slug for kind in kinds)

    after = {**_declared_values(disclosure), "assistance": assistance}
    changes = {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
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


def snapshot(disclosure: Disclosure) -> dict:
    """The disclosure's declared values as plain JSON, as stored in revisions."""
    return {
        **_declared_values(disclosure),
        "assistance": sorted(kind.slug for kind in disclosure.assistance.all()),
    }


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

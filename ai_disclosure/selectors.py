"""Reads: the form's vocabularies and wording, disclosures, their machine-readable forms,
AI tools' suggestions and reader preferences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from . import blocks, content_types, provenance, rendering
from .app_settings import app_settings
from .compliance import LabelDecision, label_decision
from .models import (
    AIBlockType,
    AIShareEstimate,
    AssistanceKind,
    Content,
    ContentRender,
    CoSignature,
    CoSignatureStatus,
    Disclosure,
    Expertise,
    FormWording,
    ReaderPreference,
    SuggestionStatus,
    ToolSuggestion,
)
from .rendering import content_hash

EXPERTISE_SUMMARY = {
    Expertise.AUTHOR: _("expert-reviewed by the author"),
    Expertise.OTHER: _("expert-reviewed"),
    Expertise.NONE: _("not expert-reviewed"),
}

DEFAULT_WORDING = {
    # xgettext:no-python-format ("100%" is not a placeholder)
    "human_only_label": _("This post is unambiguously 100% human-written"),
    "intro": _(
        "Tell readers how AI was involved in this post. If it was not, one tick is enough. "
        "If it was, a couple of honest sentences help readers and moderators trust your work."
    ),
    "description_help": _(
        "What exactly did the AI do, and what did you do yourself? For example: “Claude "
        "suggested the outline; I wrote every paragraph and it fixed my grammar.”"
    ),
    "verification_help": _(
        "How did you check the AI's output? For example: “I re-ran the code”, “I read every "
        "cited paper”, “a colleague who works on this checked the maths.”"
    ),
}


#: The vocabularies are read by every preview, check and save and change rarely, so they are
#: kept in the default cache and dropped whenever a kind or block type is saved or deleted
#: (``forget_vocabulary``, connected in ``apps.py``). With a per-process cache another process
#: sees an admin's change after at most ``VOCABULARY_TIMEOUT`` seconds; with a shared cache
#: (Redis) at once.
VOCABULARY_CACHE_KEY = "ai_disclosure:vocabulary"
VOCABULARY_TIMEOUT = 60


@dataclass(frozen=True)
class Vocabulary:
    """The active assistance kinds and AI block types, in display order."""

    kinds: tuple[AssistanceKind, ...]
    block_types: tuple[blocks.BlockType, ...]

    def kinds_by_slug(self) -> dict[str, AssistanceKind]:
        """The kinds keyed by slug, as the disclosure rules look them up."""
        return {kind.slug: kind for kind in self.kinds}


def vocabulary() -> Vocabulary:
    """The active kinds and block types, from the cache when they are there."""
    found = cache.get(VOCABULARY_CACHE_KEY)
    if found is None:
        found = Vocabulary(
            kinds=tuple(assistance_kinds()),
            block_types=tuple(
                block_type.as_block_type()
                for block_type in AIBlockType.objects.filter(active=True).select_related(
                    "assistance_kind"
                )
            ),
        )
        cache.set(VOCABULARY_CACHE_KEY, found, VOCABULARY_TIMEOUT)
    return found


def forget_vocabulary(**kwargs) -> None:
    """Drop the cached vocabulary (a receiver of the kinds' and block types' saves)."""
    cache.delete(VOCABULARY_CACHE_KEY)


def assistance_kinds() -> QuerySet[AssistanceKind]:
    """The kinds of AI help offered on the form, in display order."""
    return AssistanceKind.objects.filter(active=True)


def block_types() -> list[blocks.BlockType]:
    """The active AI block types, as edited in the admin."""
    return list(vocabulary().block_types)


def form_wording() -> dict[str, str]:
    """The form's wording: the admin's text where given, else the translated default."""
    row = FormWording.objects.filter(pk=1).first()
    return {
        key: (getattr(row, key, "") or default) for key, default in DEFAULT_WORDING.items()
    }


#: What ``content_of`` keeps on a host object: its ``Content`` row, or this marker for none.
NO_CONTENT = object()


def content_of(obj: Model | Content) -> Content | None:
    """The ``Content`` row of a host object, or ``None`` when the plugin has none yet (reads
    only; ``services.content_for`` creates it). A row found is kept on the instance; a
    listing fills its objects at once with ``attach_contents``.
    """
    if isinstance(obj, Content):
        return obj
    found = getattr(obj, "_ai_content", None)
    if found is None and obj.pk is not None:
        found = Content.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=obj.pk,
        ).first()
        if found is not None:
            found.obj = obj
            obj._ai_content = found
    return None if found is NO_CONTENT else found


def attach_contents(objs: Sequence[Model]) -> Sequence[Model]:
    """Look up the ``Content`` rows (with disclosure, kinds and render) of many host objects
    of one or more registered types at once: two queries per type in the list, whatever its
    length. Returns ``objs``.
    """
    by_model: dict[type[Model], list[Model]] = {}
    for obj in objs:
        if obj.pk is not None:
            by_model.setdefault(obj._meta.concrete_model, []).append(obj)
    for model, group in by_model.items():
        rows = {
            content.object_id: content
            for content in Content.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[obj.pk for obj in group],
            ).select_related("disclosure", "render").prefetch_related("disclosure__assistance")
        }
        for obj in group:
            content = rows.get(obj.pk)
            if content is not None:
                content.obj = obj
            obj._ai_content = content or NO_CONTENT
    return objs


def disclosure_of(content: Content | None) -> Disclosure | None:
    """The content's disclosure as loaded with it, or ``None``."""
    return getattr(content, "disclosure", None) if content is not None else None


def render_of(content: Content | None) -> ContentRender | None:
    """The content's stored render as loaded with it, or ``None``."""
    return getattr(content, "render", None) if content is not None else None


def disclosure_for(obj: Model | Content) -> Disclosure | None:
    """The disclosure of a host object (or ``Content``) with its assistance kinds, or
    ``None`` if it has none yet.
    """
    content = content_of(obj)
    if content is None:
        return None
    return Disclosure.objects.filter(content=content).prefetch_related("assistance").first()


def tool_suggestions(
    obj: Model | Content, *, pending: bool = False
) -> QuerySet[ToolSuggestion]:
    """The suggestions AI tools recorded on a host object (or ``Content``), oldest first;
    only those waiting for the author with ``pending``. For the author and moderators, never
    for readers.
    """
    found = ToolSuggestion.objects.filter(content=content_of(obj)).select_related("revision")
    if pending:
        found = found.filter(status=SuggestionStatus.PENDING)
    return found.order_by("created_at", "pk")


def passages_in_body(obj: Model, suggestions: Sequence[ToolSuggestion]) -> dict[int, bool]:
    """Suggestion id → whether the host object's body still holds its passage (for those
    with one), so the author knows before accepting whether it can be marked as an AI block.
    """
    body = rendering.normalise(content_types.adapter_for(obj).get_body(obj))
    return {
        suggestion.pk: suggestion.passage in body
        for suggestion in suggestions
        if suggestion.passage
    }


def collapses_mostly_ai(user) -> bool:
    """Whether this reader chose to collapse mostly AI-written posts in listings."""
    if not user.is_authenticated:
        return False
    return ReaderPreference.objects.filter(user=user, collapse_mostly_ai=True).exists()


def confirmed_cosignature(
    disclosure: Disclosure | None, *, body_hash: str | None = None, post: Model | None = None
) -> CoSignature | None:
    """The expert co-signature readers may see: confirmed by the named reviewer for the post's
    current text (``body_hash``, or read from ``post``). Queries only for a disclosure that
    says another person reviewed the post.
    """
    if disclosure is None or disclosure.expertise != Expertise.OTHER:
        return None
    cosignature = (
        CoSignature.objects.filter(disclosure=disclosure, status=CoSignatureStatus.CONFIRMED)
        .select_related("reviewer").first()
    )
    if cosignature is None:
        return None
    if body_hash is None:
        obj = post or disclosure.content.obj
        body_hash = content_hash(content_types.adapter_for(obj).get_body(obj))
    return cosignature if cosignature.is_confirmed_for(body_hash) else None


def cosignature_invitations(user) -> QuerySet[CoSignature]:
    """The co-signing invitations ``user`` received, open ones first, newest first."""
    return (
        CoSignature.objects.filter(reviewer=user)
        .select_related("disclosure__content")
        .order_by("-status", "-invited_at")  # invited, then declined, then confirmed
    )


def summarize(
    disclosure: Disclosure | None,
    *,
    kinds: Sequence[AssistanceKind] | None = None,
    reviewed_by: str = "",
) -> str:
    """One line for readers: ``AI: drafting, research · Claude Opus 4.6 · not expert-reviewed``,
    led by ``Posted by an AI agent`` when an agent wrote and posted it; ``reviewed by @name``
    when ``reviewed_by`` (the username of a reviewer who confirmed, see
    :func:`confirmed_cosignature`) is given.

    Uses ``disclosure.assistance.all()`` unless its ``kinds`` are given, so prefetch it when
    summarising many posts.
    """
    if disclosure is None:
        return str(_("No AI disclosure"))
    if disclosure.human_only:
        return str(_("Human-written"))
    if kinds is None:
        kinds = disclosure.assistance.all()
    kinds = ", ".join(kind.shown_label.lower() for kind in kinds)
    parts = [str(_("AI: %(kinds)s") % {"kinds": kinds or _("unspecified")})]
    if disclosure.autonomous:
        parts.insert(0, str(_("Posted by an AI agent")))
    if disclosure.models_used:
        parts.append(", ".join(disclosure.models_used))
    if reviewed_by and disclosure.expertise == Expertise.OTHER:
        parts.append(str(_("reviewed by @%(name)s") % {"name": reviewed_by}))
    elif disclosure.expertise:
        parts.append(str(EXPERTISE_SUMMARY[disclosure.expertise]))
    return " · ".join(parts)


def is_mostly_ai(disclosure: Disclosure | None, measured_ai_share: float | None) -> bool:
    """Whether a post counts as mostly AI-written: by its AI blocks or the author's estimate;
    an agent's post always does.
    """
    if disclosure and disclosure.autonomous:
        return True
    threshold = app_settings.MOSTLY_AI_THRESHOLD
    estimated = 0.0
    if disclosure and disclosure.ai_share_estimate:
        low, high = AIShareEstimate(disclosure.ai_share_estimate).bounds
        estimated = (low + high) / 2
    return max(estimated, measured_ai_share or 0.0) >= threshold


def block_kinds() -> dict[str, str | None]:
    """Block type slug → the assistance kind it implies, for measuring AI blocks."""
    return {block_type.slug: block_type.assistance_kind for block_type in block_types()}


def shape_for(
    disclosure: Disclosure, render: ContentRender | None, kinds_of_blocks: dict[str, str | None]
) -> provenance.DisclosureShape:
    """The shape the mappings read: the declaration plus the stored render's AI blocks.

    Uses ``disclosure.assistance.all()``, so prefetch it when shaping many disclosures.
    """
    return provenance.shape_of(
        human_only=disclosure.human_only,
        kinds=[kind.slug for kind in disclosure.assistance.all()],
        models=disclosure.models_used,
        share_estimate=disclosure.ai_share_estimate,
        expertise=disclosure.expertise,
        blocks=render.blocks if render else [],
        text_length=render.text_length if render else 0,
        block_kinds=kinds_of_blocks,
        autonomous=disclosure.autonomous,
    )


def disclosure_shape(obj: Model) -> provenance.DisclosureShape | None:
    """The host object's disclosure shape, or ``None`` when it has no disclosure.

    Kept on the instance, so the page's header, JSON-LD and details cost one lookup.
    """
    if not hasattr(obj, "_ai_disclosure_shape"):
        disclosure = disclosure_for(obj)
        obj._ai_disclosure_shape = (
            shape_for(
                disclosure,
                ContentRender.objects.filter(content_id=disclosure.content_id).first(),
                block_kinds(),
            )
            if disclosure
            else None
        )
    return obj._ai_disclosure_shape


@dataclass(frozen=True)
class Provenance:
    """A post's disclosure in every form other systems read, and its EU label decision."""

    json_ld: dict
    header: str
    statement: str
    explanation: str
    label: LabelDecision


def content_provenance(obj: Model, *, url: str) -> Provenance | None:
    """The provenance of a host object (``url``: its address for the JSON-LD), or ``None``
    when it has no disclosure: nothing is claimed for it.
    """
    shape = disclosure_shape(obj)
    if shape is None:
        return None
    adapter = content_types.adapter_for(obj)
    author = adapter.get_author(obj)
    changed = adapter.get_updated_at(obj) or adapter.get_published_at(obj)
    return Provenance(
        json_ld=provenance.json_ld(
            shape,
            headline=adapter.get_title(obj),
            url=url,
            author=author.get_username() if author is not None else "",
            published=adapter.get_published_at(obj),
            modified=changed,
        ),
        header=provenance.disclosure_header(shape, generated_at=changed),
        statement=provenance.attribution_statement(shape),
        explanation=provenance.attribution_explanation(shape),
        label=label_decision(shape),
    )

"""Reads: the form's vocabularies and wording, disclosures, their machine-readable forms,
AI tools' suggestions and reader preferences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from . import blocks, provenance, rendering
from .adapter import get_adapter
from .app_settings import app_settings
from .compliance import LabelDecision, label_decision
from .models import (
    AIBlockType,
    AIShareEstimate,
    AssistanceKind,
    CoSignature,
    CoSignatureStatus,
    Disclosure,
    Expertise,
    FormWording,
    PostRender,
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


def disclosure_for(post: Model) -> Disclosure | None:
    """The post's disclosure with its assistance kinds, or ``None`` if it has none yet."""
    return (
        Disclosure.objects.filter(post=post).prefetch_related("assistance").first()
        if post.pk
        else None
    )


def tool_suggestions(post: Model, *, pending: bool = False) -> QuerySet[ToolSuggestion]:
    """The suggestions AI tools recorded on ``post``, oldest first; only those waiting for the
    author with ``pending``. For the author and moderators, never for readers.
    """
    found = ToolSuggestion.objects.filter(post=post).select_related("revision")
    if pending:
        found = found.filter(status=SuggestionStatus.PENDING)
    return found.order_by("created_at", "pk")


def passages_in_body(post: Model, suggestions: Sequence[ToolSuggestion]) -> dict[int, bool]:
    """Suggestion id → whether the post's body still holds its passage (for those with one),
    so the author knows before accepting whether it can be marked as an AI block.
    """
    body = rendering.normalise(get_adapter().get_body(post))
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
        body_hash = content_hash(get_adapter().get_body(post or disclosure.post))
    return cosignature if cosignature.is_confirmed_for(body_hash) else None


def cosignature_invitations(user) -> QuerySet[CoSignature]:
    """The co-signing invitations ``user`` received, open ones first, newest first."""
    return (
        CoSignature.objects.filter(reviewer=user)
        .select_related("disclosure__post")
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
    disclosure: Disclosure, render: PostRender | None, kinds_of_blocks: dict[str, str | None]
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


def disclosure_shape(post: Model) -> provenance.DisclosureShape | None:
    """The post's disclosure shape, or ``None`` when it has no disclosure.

    Kept on the post instance, so the page's header, JSON-LD and details cost one lookup.
    """
    if not hasattr(post, "_ai_disclosure_shape"):
        disclosure = disclosure_for(post)
        post._ai_disclosure_shape = (
            shape_for(disclosure, PostRender.objects.filter(post=post).first(), block_kinds())
            if disclosure
            else None
        )
    return post._ai_disclosure_shape


@dataclass(frozen=True)
class Provenance:
    """A post's disclosure in every form other systems read, and its EU label decision."""

    json_ld: dict
    header: str
    statement: str
    explanation: str
    label: LabelDecision


def post_provenance(post: Model, *, url: str) -> Provenance | None:
    """The post's provenance (``url``: the post's address for the JSON-LD), or ``None``
    when the post has no disclosure: nothing is claimed for it.
    """
    shape = disclosure_shape(post)
    if shape is None:
        return None
    adapter = get_adapter()
    author = adapter.get_author(post)
    changed = adapter.get_updated_at(post) or adapter.get_published_at(post)
    return Provenance(
        json_ld=provenance.json_ld(
            shape,
            headline=adapter.get_title(post),
            url=url,
            author=author.get_username() if author is not None else "",
            published=adapter.get_published_at(post),
            modified=changed,
        ),
        header=provenance.disclosure_header(shape, generated_at=changed),
        statement=provenance.attribution_statement(shape),
        explanation=provenance.attribution_explanation(shape),
        label=label_decision(shape),
    )

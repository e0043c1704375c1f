"""Reads: the form's vocabularies and wording, disclosures and reader preferences."""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from . import blocks
from .app_settings import app_settings
from .models import (
    AIBlockType,
    AIShareEstimate,
    AssistanceKind,
    Disclosure,
    Expertise,
    FormWording,
    ReaderPreference,
)

EXPERTISE_SUMMARY = {
    Expertise.AUTHOR: _("expert-reviewed by the author"),
    Expertise.OTHER: _("expert-reviewed"),
    Expertise.NONE: _("not expert-reviewed"),
}

DEFAULT_WORDING = {
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


def assistance_kinds() -> QuerySet[AssistanceKind]:
    """The kinds of AI help offered on the form, in display order."""
    return AssistanceKind.objects.filter(active=True)


def block_types() -> list[blocks.BlockType]:
    """The active AI block types, as edited in the admin."""
    return [
        block_type.as_block_type()
        for block_type in AIBlockType.objects.filter(active=True).select_related(
            "assistance_kind"
        )
    ]


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


def collapses_mostly_ai(user) -> bool:
    """Whether this reader chose to collapse mostly AI-written posts in listings."""
    if not user.is_authenticated:
        return False
    return ReaderPreference.objects.filter(user=user, collapse_mostly_ai=True).exists()


def summarize(disclosure: Disclosure | None) -> str:
    """One line for readers: ``AI: drafting, research · Claude Opus 4.6 · not expert-reviewed``.

    Uses ``disclosure.assistance.all()``, so prefetch it when summarising many posts.
    """
    if disclosure is None:
        return str(_("No AI disclosure"))
    if disclosure.human_only:
        return str(_("Human-written"))
    kinds = ", ".join(kind.label.lower() for kind in disclosure.assistance.all())
    parts = [str(_("AI: %(kinds)s") % {"kinds": kinds or _("unspecified")})]
    if disclosure.models_used:
        parts.append(", ".join(disclosure.models_used))
    if disclosure.expertise:
        parts.append(str(EXPERTISE_SUMMARY[disclosure.expertise]))
    return " · ".join(parts)


def is_mostly_ai(disclosure: Disclosure | None, measured_ai_share: float | None) -> bool:
    """Whether a post counts as mostly AI-written: by its AI blocks or the author's estimate."""
    threshold = app_settings.MOSTLY_AI_THRESHOLD
    estimated = 0.0
    if disclosure and disclosure.ai_share_estimate:
        low, high = AIShareEstimate(disclosure.ai_share_estimate).bounds
        estimated = (low + high) / 2
    return max(estimated, measured_ai_share or 0.0) >= threshold

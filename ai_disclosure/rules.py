"""The disclosure form's rules, shared by the HTML form and the REST API.

Honest AI use should take a little effort and lying a deliberate act, so: the human-only tick
and the details exclude each other (details given with the tick are refused, not dropped); a
post with AI blocks cannot be ticked human-only; the kinds its blocks imply must be ticked;
"what the AI did" has a minimum length; kinds that produce claims (drafting, research,
analysis) need a note on how the output was checked.

Light content types (comments, replies) registered with the compact form need less: the tick,
or the kinds of help and one sentence on what the AI did (``compact=True``); the tick and
the blocks are checked the same way.

A post an AI agent wrote and posted on its own (``autonomous``) is the far end of AI use: it
cannot be ticked human-only, it implies drafting (the agent wrote the prose), and nobody
reviewed it before it appeared, so its expert review can only be “not reviewed”.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .app_settings import app_settings
from .blocks import BlockType
from .models import AssistanceKind, Expertise
from .rendering import Block

#: The detail fields, with the short names messages use for them.
DETAIL_FIELDS = {
    "assistance": gettext_lazy("kinds of AI help"),
    "models_used": gettext_lazy("models"),
    "ai_share_estimate": gettext_lazy("share written by AI"),
    "description": gettext_lazy("what the AI did"),
    "verification": gettext_lazy("how you checked it"),
    "expertise": gettext_lazy("expert review"),
    "reviewer": gettext_lazy("reviewer"),
    "autonomous": gettext_lazy("posted by an AI agent"),
}

#: The kind of help an autonomous post implies: the agent wrote the prose.
AUTONOMOUS_KIND = "drafting"


@dataclass
class DisclosureData:
    """What the author submitted, already parsed into plain values."""

    human_only: bool = False
    assistance: set[str] = field(default_factory=set)
    models_used: list[str] = field(default_factory=list)
    ai_share_estimate: str = ""
    description: str = ""
    verification: str = ""
    expertise: str = ""
    autonomous: bool = False
    #: Username of the forum user who reviewed the post (with ``expertise`` "other"); they
    #: are invited to co-sign it.
    reviewer: str = ""
    #: Content hash of the body the author confirms the human-only tick for; needed only when
    #: an edit changes the text of a post ticked before (``gate.stale_tick_errors``).
    human_only_for: str = ""

    def filled_details(self) -> list[str]:
        """Names of the detail fields that hold something."""
        return [name for name in DETAIL_FIELDS if getattr(self, name)]

    def is_empty(self) -> bool:
        """Nothing declared at all: allowed only when ``AI_DISCLOSURE_REQUIRED`` is off."""
        return not self.human_only and not self.filled_details()


def validate_disclosure(
    data: DisclosureData,
    *,
    blocks: Sequence[Block],
    kinds: Mapping[str, AssistanceKind],
    block_types: Iterable[BlockType],
    compact: bool = False,
) -> None:
    """Raise ``ValidationError`` (a dict of field → messages) if the disclosure breaks a rule.

    ``blocks`` are the AI blocks of the post body; ``kinds`` the offered assistance kinds by
    slug; ``compact``: the compact form's rules (the tick, or kinds + one sentence).
    """
    if data.is_empty() and not app_settings.REQUIRED:
        return
    if data.human_only:
        problems = _human_only_problems(data, blocks)
    elif compact:
        problems = [
            *_missing_detail_problems(data),
            *_assistance_problems(data, blocks, kinds, block_types),
            *_sentence_problems(data),
        ]
    else:
        problems = [
            *_missing_detail_problems(data),
            *_assistance_problems(data, blocks, kinds, block_types),
            *_explanation_problems(data, kinds),
            *_expertise_problems(data),
        ]
    errors: dict[str, list[str]] = {}
    for name, message in problems:
        errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


#: A rule broken: the field it concerns and the message the author reads.
Problem = tuple[str, str]


def _human_only_problems(data: DisclosureData, blocks: Sequence[Block]) -> list[Problem]:
    """A human-only tick contradicted by details or by AI blocks in the body."""
    problems = []
    if filled := data.filled_details():
        problems.append((
            "human_only",
            _("You ticked “100%% human-written” but also filled in: %(fields)s. Untick the "
              "box, or clear those fields.")
            % {"fields": ", ".join(str(DETAIL_FIELDS[name]) for name in filled)},
        ))
    if blocks:
        problems.append((
            "human_only",
            ngettext(
                "This post contains an AI block (%(blocks)s), so it is not 100%% "
                "human-written. Untick the box and describe the AI's part, or remove the "
                "block.",
                "This post contains AI blocks (%(blocks)s), so it is not 100%% "
                "human-written. Untick the box and describe the AI's part, or remove the "
                "blocks.",
                len(blocks),
            )
            % {"blocks": describe_blocks(blocks)},
        ))
    return problems


def _missing_detail_problems(data: DisclosureData) -> list[Problem]:
    """Neither the tick nor any detail given: the author must choose one."""
    if data.filled_details():
        return []
    # xgettext:no-python-format ("100%" is not a placeholder)
    return [("human_only", _("Tick “100% human-written”, or tell readers below how AI was used."))]


def _assistance_problems(
    data: DisclosureData,
    blocks: Sequence[Block],
    kinds: Mapping[str, AssistanceKind],
    block_types: Iterable[BlockType],
) -> list[Problem]:
    """Kinds of help missing, unknown, or left unticked although the post's blocks (or its
    autonomy) imply them.
    """
    problems = []
    if not data.assistance:
        problems.append(("assistance", _("Choose at least one kind of AI help.")))
    unknown = data.assistance - kinds.keys()
    if unknown:
        problems.append(
            ("assistance", _("Unknown kind of AI help: %s.") % ", ".join(sorted(unknown)))
        )
    for slug, implying in implied_kinds(blocks, block_types).items():
        if slug in kinds and slug not in data.assistance:
            problems.append((
                "assistance",
                _("Your post has %(blocks)s, so tick “%(kind)s” too.")
                % {"blocks": describe_blocks(implying), "kind": kinds[slug].shown_label},
            ))
    if data.autonomous and AUTONOMOUS_KIND in kinds and AUTONOMOUS_KIND not in data.assistance:
        problems.append((
            "assistance",
            _("An AI agent wrote this post, so tick “%(kind)s” too.")
            % {"kind": kinds[AUTONOMOUS_KIND].shown_label},
        ))
    return problems


def _explanation_problems(
    data: DisclosureData, kinds: Mapping[str, AssistanceKind]
) -> list[Problem]:
    """Models, share, description and verification: what readers need to weigh the AI's part."""
    problems = []
    if not data.models_used:
        problems.append(
            ("models_used", _("Name the AI models or tools you used, e.g. “Claude Opus 4.6”."))
        )
    if not data.ai_share_estimate:
        problems.append(("ai_share_estimate", _("Estimate how much of the text the AI wrote.")))
    min_description = app_settings.DESCRIPTION_MIN_LENGTH
    if len(data.description.strip()) < min_description:
        problems.append((
            "description",
            _("Describe what the AI did in at least %(min)d characters (you wrote %(count)d).")
            % {"min": min_description, "count": len(data.description.strip())},
        ))
    min_verification = app_settings.VERIFICATION_MIN_LENGTH
    needing_check = [kinds[s].shown_label for s in sorted(data.assistance & kinds.keys())
                     if kinds[s].requires_verification]
    if needing_check and len(data.verification.strip()) < min_verification:
        problems.append((
            "verification",
            _("Because the AI helped with %(kinds)s, say how you checked its output, in at least "
              "%(min)d characters.")
            % {"kinds": ", ".join(str(label) for label in needing_check), "min": min_verification},
        ))
    return problems


def _sentence_problems(data: DisclosureData) -> list[Problem]:
    """The compact form's one sentence on what the AI did."""
    minimum = app_settings.COMPACT_DESCRIPTION_MIN_LENGTH
    if len(data.description.strip()) >= minimum:
        return []
    return [(
        "description",
        _("Describe what the AI did in at least %(min)d characters (you wrote %(count)d).")
        % {"min": minimum, "count": len(data.description.strip())},
    )]


def _expertise_problems(data: DisclosureData) -> list[Problem]:
    """Expert review unanswered, claimed for a post nobody could review (an agent's), or a
    reviewer named for another answer than "another person reviewed it".
    """
    problems = []
    if data.reviewer and data.expertise != Expertise.OTHER:
        problems.append((
            "reviewer",
            _("Name a reviewer only when another person with relevant expertise reviewed the "
              "post (“%(other)s”).") % {"other": Expertise.OTHER.label},
        ))
    if not data.expertise:
        problems.append(
            ("expertise", _("Say whether someone with relevant expertise reviewed the AI's part."))
        )
    elif data.expertise not in allowed_expertise(data):
        problems.append((
            "expertise",
            _("Nobody reviews a post an AI agent publishes on its own: choose “%(none)s”, or "
              "untick “posted by an AI agent” if a person checked it first.")
            % {"none": Expertise.NONE.label},
        ))
    return problems


def required_kinds(
    data: DisclosureData, blocks: Sequence[Block], block_types: Iterable[BlockType]
) -> list[str]:
    """Slugs of the kinds this disclosure must tick: those its AI blocks imply, and drafting
    for an autonomous post.
    """
    required = set(implied_kinds(blocks, block_types))
    if data.autonomous:
        required.add(AUTONOMOUS_KIND)
    return sorted(required)


def allowed_expertise(data: DisclosureData) -> list[str]:
    """The expert-review answers this disclosure may give (only “not reviewed” for an agent)."""
    return [Expertise.NONE.value] if data.autonomous else list(Expertise.values)


def implied_kinds(blocks: Sequence[Block], block_types: Iterable[BlockType]) -> dict[str, list]:
    """Assistance kind slug → the blocks that imply it."""
    kind_of = {block_type.slug: block_type.assistance_kind for block_type in block_types}
    implied: dict[str, list[Block]] = {}
    for block in blocks:
        if kind := kind_of.get(block.type):
            implied.setdefault(kind, []).append(block)
    return implied


def describe_blocks(blocks: Sequence[Block]) -> str:
    """``ai-written on line 3; ai-edited on line 12`` — what an author can find in the editor."""
    return "; ".join(
        _("%(type)s on line %(line)d") % {"type": block.type, "line": block.start_line}
        for block in blocks
    )

"""EU AI Act, Article 50(4): whether a post needs an "AI-generated" label, and why.

Since 2 August 2026, text generated or manipulated by AI and published to inform the public
must say so, unless it underwent human review or editorial control and a person holds
editorial responsibility for it. Each :class:`~ai_disclosure.provenance.Level` of
involvement states whether AI generated or changed the published text (the premise of the
duty); the exemption is granted only when the author declares review by someone with
relevant expertise — the author, who publishes under their own name, then holds editorial
responsibility. When in doubt the decision labels: a label costs a reader one line, a
missing one is the forum's liability. This is a mapping to help a forum comply, not legal
advice; every published post is treated as published to inform the public.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .provenance import DisclosureShape, Level, expert_reviewed, level


@dataclass(frozen=True)
class Grade:
    """What a level means for Article 50(4)."""

    changes_text: bool  # AI generated or manipulated the published text
    wording: Promise | str  # the label readers see when it is required


GRADES: dict[Level, Grade] = {
    Level.HUMAN_ONLY: Grade(False, ""),
    Level.AI_INFORMED: Grade(False, ""),
    Level.AI_EDITED: Grade(True, _("AI-modified text: AI edited or translated parts of this "
                                    "post.")),
    Level.AI_PARTLY_WRITTEN: Grade(True, _("Contains AI-generated text: AI wrote parts of "
                                            "this post.")),
    Level.AI_MOSTLY_WRITTEN: Grade(True, _("AI-generated text: AI wrote most of this post.")),
    Level.AI_WRITTEN: Grade(True, _("AI-generated text: AI wrote this post.")),
}

REASONS = {
    "no_ai": _("No AI was used."),
    "text_untouched": _("AI helped with the work but did not write or change the published "
                        "text."),
    "reviewed": _("AI wrote or changed the text, but a person with relevant expertise "
                  "reviewed it and the author holds editorial responsibility for the post."),
    "unreviewed": _("AI wrote or changed the text and no one with relevant expertise "
                    "reviewed it."),
}


@dataclass(frozen=True)
class LabelDecision:
    """Whether a post must carry the label, why (a stable code, and a sentence), and the
    label's wording. The sentences are translated on access, in the active language.
    """

    level: Level
    required: bool
    reason_code: str

    @property
    def reason(self) -> str:
        """Why, in a sentence for people."""
        return str(REASONS[self.reason_code])

    @property
    def wording(self) -> str:
        """The label readers see; empty when none is required."""
        return str(GRADES[self.level].wording) if self.required else ""


def label_decision(shape: DisclosureShape) -> LabelDecision:
    """Decide the Article 50(4) label for one disclosure shape."""
    graded = level(shape)
    if graded == Level.HUMAN_ONLY:
        code = "no_ai"
    elif not GRADES[graded].changes_text:
        code = "text_untouched"
    elif expert_reviewed(shape):
        code = "reviewed"
    else:
        code = "unreviewed"
    return LabelDecision(level=graded, required=code == "unreviewed", reason_code=code)

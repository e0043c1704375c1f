"""Disclosure versus content: whether what the author declared matches what the post shows.

Unlike the text classifiers this one reads the ``context`` Mapping the screening service builds.
Recognised keys (all optional; a missing key means "unknown" and adds no evidence):

``human_only`` (bool)
    The author declared the post entirely their own work.
``ai_share_estimate_max`` (float | None)
    Upper bound, in [0, 1], of the AI-share bucket the author chose; None when not given.
``measured_ai_share`` (float)
    Share of the post's characters inside declared AI blocks, in [0, 1].
``ai_block_count`` (int)
    Number of declared AI blocks in the post.
``edited_after_publish`` (bool)
    The disclosure or content changed after the post was published.
``other_scores`` (Mapping[str, float])
    Scores of the other classifiers by name, e.g. ``{"chat_artifacts": 0.97, "combined": 0.99}``.

Each contradiction found is a piece of evidence with a weight; the score is their noisy-OR.
Evidence spans are empty (start = end = 0) because they concern the post as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .base import Evidence, Result, gettext_noop
from .chat_artifacts import ChatArtifactsClassifier
from .model_file import load_section

_BLOCKS_ON_HUMAN_ONLY = 0.95
_STRONG_AI_EVIDENCE_ON_HUMAN_ONLY = 0.9
_ESTIMATE_FAR_BELOW = 0.8
_EDITED_AFTER_PUBLISH = 0.3
# How far the measured AI share may exceed the declared upper bound before it counts.
ESTIMATE_TOLERANCE = 0.2


class ConsistencyClassifier:
    """Scores contradictions between an author's AI disclosure and the post's content.

    A text score at or above that classifier's own flag threshold counts as strong AI evidence
    against a human-only declaration, so retraining moves both together.
    """

    name = "consistency"
    version = "1.0"
    flag_threshold = 0.8

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.strong_evidence = {
            "chat_artifacts": ChatArtifactsClassifier.flag_threshold,
            "combined": load_section("combined", model_path)["flag_threshold"],
        }

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score the contradictions in ``context``; ``text`` is not read."""
        context = context or {}
        evidence: list[Evidence] = []
        human_only = bool(context.get("human_only", False))
        blocks = int(context.get("ai_block_count") or 0)
        if human_only and blocks:
            evidence.append(Evidence(
                0, 0, gettext_noop("declared human-only but contains AI blocks (%(count)s)"),
                _BLOCKS_ON_HUMAN_ONLY, {"count": str(blocks)}))
        if human_only:
            scores = context.get("other_scores") or {}
            for name, threshold in self.strong_evidence.items():
                value = scores.get(name)
                if value is not None and value >= threshold:
                    evidence.append(Evidence(
                        0, 0,
                        gettext_noop("declared human-only but %(classifier)s score is %(score)s"),
                        _STRONG_AI_EVIDENCE_ON_HUMAN_ONLY,
                        {"classifier": name, "score": f"{value:.2f}"}))
        estimate = context.get("ai_share_estimate_max")
        measured = context.get("measured_ai_share")
        if estimate is not None and measured is not None and (
                measured > estimate + ESTIMATE_TOLERANCE):
            evidence.append(Evidence(
                0, 0,
                gettext_noop("declared AI share at most %(estimate)s but %(measured)s is in "
                             "AI blocks"),
                _ESTIMATE_FAR_BELOW,
                {"estimate": f"{estimate:.0%}", "measured": f"{measured:.0%}"}))
        if context.get("edited_after_publish"):
            evidence.append(Evidence(
                0, 0, gettext_noop("disclosure or content edited after publishing"),
                _EDITED_AFTER_PUBLISH))
        remaining = 1.0
        for item in evidence:
            remaining *= 1.0 - item.weight
        return Result(round(1.0 - remaining, 4), tuple(evidence))

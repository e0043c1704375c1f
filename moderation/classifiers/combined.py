"""The combined "likely undisclosed AI" score.

The style lexicon's calibrated log-odds carry the score; the n-gram model's log-odds, centred on
the typical human training text, nudge it with a small fixed weight (``training.train`` writes
both into the model file). A chat-artifact find counts on its own: the combined score is the
larger of that stacked probability and the chat-artifacts score. The ``flag_threshold`` is set
at training time above nearly all human training texts and never below a floor chosen by
held-out checks, so that a flag means strong evidence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .base import Classifier, Evidence, Result
from .chat_artifacts import ChatArtifactsClassifier
from .model_file import load_section
from .ngram import NgramClassifier
from .style_lexicon import StyleLexiconClassifier

_EPSILON = 1e-4


def logit(probability: float) -> float:
    """Log-odds of a probability, clipped away from 0 and 1."""
    p = min(max(probability, _EPSILON), 1.0 - _EPSILON)
    return math.log(p / (1.0 - p))


class CombinedClassifier:
    """Scores "likely undisclosed AI" from the chat-artifact, style-lexicon and n-gram scores.

    If ``context["other_scores"]`` already holds the three text scores (the screening pipeline
    runs every classifier anyway), they are reused instead of scoring the text again.
    """

    name = "combined"
    version = "1.0"

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.section = load_section("combined", model_path)
        self.flag_threshold: float = self.section["flag_threshold"]
        self.classifiers: dict[str, Classifier] = {
            "chat_artifacts": ChatArtifactsClassifier(),
            "style_lexicon": StyleLexiconClassifier(model_path),
            "ngram": NgramClassifier(model_path),
        }

    @staticmethod
    def combine_with(section: Mapping[str, Any], scores: Mapping[str, float]) -> float:
        """Combine per-classifier ``scores`` with the parameters of a model ``section``."""
        z = section["intercept"] + sum(
            weight * logit(scores[name]) for name, weight in section["weights"].items())
        stacked = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        return round(max(stacked, scores.get("chat_artifacts", 0.0)), 4)

    def combine(self, scores: Mapping[str, float]) -> float:
        """Combine per-classifier scores into the calibrated combined probability."""
        return self.combine_with(self.section, scores)

    def text_scores(self, text: str) -> dict[str, float]:
        """Score ``text`` with each underlying text classifier."""
        return {name: c.score(text).score for name, c in self.classifiers.items()}

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; reuses ``context["other_scores"]`` when it has every part."""
        given = (context or {}).get("other_scores") or {}
        if all(name in given for name in self.classifiers):
            scores = {name: float(given[name]) for name in self.classifiers}
        else:
            scores = self.text_scores(text)
        combined = self.combine(scores)
        evidence = tuple(
            Evidence(0, 0, f"{name} score {value:.2f}", round(value, 4))
            for name, value in sorted(scores.items(), key=lambda item: -item[1])
        )
        return Result(combined, evidence)

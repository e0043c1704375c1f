"""The combined "likely undisclosed AI" score.

A logistic stack with few, sign-constrained weights (``training.train`` fits them and writes
them into the model file): the style lexicon's calibrated log-odds, the n-gram model's
(out-of-fold) log-odds centred on the typical human training text, and the :mod:`.stylometry`
measures of assistant habits (discourse-marker openers, abstract triads, trailing participial
clauses, em dashes, uniform sentences, contrast framing, stock story phrases; each may only
raise the score) and of human habits (contractions, informal marks, typing slips, first person;
each may only lower it). A chat-artifact find counts on its own:
the combined score is the larger of the stacked probability and the chat-artifacts score.

The ``flag_threshold`` is set at training time above nearly all human training texts and never
below a floor chosen by held-out checks on human prose of other registers, so a flag means
strong evidence. :meth:`CombinedClassifier.combine_with` is the one place the parts are
combined, and :meth:`CombinedClassifier.combine` the one place the optional language-model hint
is folded in (screening and ``evaluate_classifier --with-lm`` both go through it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .base import Classifier, Evidence, Result, gettext_noop, logit, sigmoid
from .chat_artifacts import ChatArtifactsClassifier
from .language_model import fuse
from .model_file import load_section
from .ngram import NgramClassifier
from .style_lexicon import StyleLexiconClassifier
from .stylometry import FEATURE_NAMES, measure

_FEATURE_REASONS = {
    "discourse_openers":
        gettext_noop("sentences opened by 'Additionally,' / 'Overall,' and the like"),
    "abstract_triads": gettext_noop("lists of three abstract nouns"),
    "participial_clauses": gettext_noop("trailing clauses such as ', highlighting the ...'"),
    "em_dashes": gettext_noop("em dashes"),
    "markdown_emphasis": gettext_noop("Markdown emphasis left in the text"),
    "uniform_sentences": gettext_noop("sentences of uniform length"),
    "contrast_framing":
        gettext_noop("contrast framing such as 'not just X, but Y' or 'It isn't X. It's Y.'"),
    "story_cliches": gettext_noop("stock phrases of assistant-written stories"),
    "contractions": gettext_noop("contractions (a human habit)"),
    "informal_marks":
        gettext_noop("informal marks such as 'lol', '!!' or a lower-case 'i' (a human habit)"),
    "typing_slips": gettext_noop("typing slips (a human habit)"),
    "first_person": gettext_noop("first-person narration (a human habit)"),
}


def artifact_floor(section: Mapping[str, Any], artifacts: float) -> float:
    """The chat-artifacts score moved onto the combined scale: the same log-odds distance
    from the combined flag threshold as it has from its own, so a find flags both. While
    training has not set the combined threshold yet, the score is taken as it is.
    """
    own = ChatArtifactsClassifier.flag_threshold
    if artifacts <= 0.0:
        return 0.0
    margin = logit(artifacts) - logit(own)
    return sigmoid(logit(section.get("flag_threshold", own)) + margin)


def stacked_log_odds(section: Mapping[str, Any], scores: Mapping[str, float],
                     features: Sequence[float] = ()) -> float:
    """The stack's log-odds for per-classifier ``scores`` and stylometry ``features``."""
    z = section["intercept"] + sum(
        weight * logit(scores[name]) for name, weight in section["weights"].items())
    feature_weights = section.get("feature_weights")
    if feature_weights and features:
        # No one assistant habit can flag a text on its own (some people love em dashes).
        cap = section.get("max_feature_log_odds", math.inf)
        z += sum(min(weight * value, cap)
                 for weight, value in zip(feature_weights, features, strict=True))
    return z


class CombinedClassifier:
    """Scores "likely undisclosed AI" from the text scores and the stylometry measures.

    If ``context["other_scores"]`` already holds the three text scores (the screening pipeline
    runs every classifier anyway), they are reused instead of scoring the text again; the
    stylometry measures are cheap and always taken from ``text``.
    """

    name = "combined"
    version = "2.0"

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.section = load_section("combined", model_path)
        self.flag_threshold: float = self.section["flag_threshold"]
        self.classifiers: dict[str, Classifier] = {
            "chat_artifacts": ChatArtifactsClassifier(),
            "style_lexicon": StyleLexiconClassifier(model_path),
            "ngram": NgramClassifier(model_path),
        }

    @staticmethod
    def combine_with(section: Mapping[str, Any], scores: Mapping[str, float],
                     features: Sequence[float] = ()) -> float:
        """Combine per-classifier ``scores`` and stylometry ``features`` (in the order of
        ``stylometry.FEATURE_NAMES``; empty to leave them out) with a model ``section``.
        """
        stacked = sigmoid(stacked_log_odds(section, scores, features))
        return round(max(stacked, artifact_floor(section, scores.get("chat_artifacts", 0.0))), 4)

    def combine(self, scores: Mapping[str, float], features: Sequence[float] = (),
                hint: float | None = None) -> float:
        """Combine per-classifier scores and stylometry measures into the calibrated
        combined probability, with the language-model ``hint`` (optional [lm] extra) folded
        in when there is one (:func:`.language_model.fuse`; a chat-artifact find is never
        lowered by it).
        """
        combined = self.combine_with(self.section, scores, features)
        if hint is None:
            return combined
        return fuse(combined, self.flag_threshold, hint,
                    floor=artifact_floor(self.section, scores["chat_artifacts"]))

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
        # -- language-model hint (optional [lm] extra): folded in only when present --
        hint = float(given["language_model"]) if "language_model" in given else None
        features = measure(text)
        combined = self.combine(scores, features, hint)
        evidence = [
            Evidence(0, 0, gettext_noop("%(classifier)s score %(score)s"), round(value, 4),
                     {"classifier": name, "score": f"{value:.2f}"})
            for name, value in scores.items()
        ]
        for name, weight, value in zip(FEATURE_NAMES, self.section.get("feature_weights", ()),
                                       features, strict=False):
            if weight and value:
                evidence.append(Evidence(0, 0, _FEATURE_REASONS[name], round(weight * value, 4)))
        evidence.sort(key=lambda item: -item.weight)
        return Result(combined, tuple(evidence))

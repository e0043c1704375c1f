"""Screening classifiers: text (+ context) in, a score in [0, 1] and evidence out.

See ``base`` for the interface and :func:`load_classifiers` for loading them by dotted path.
"""

from .base import Classifier, ClassifierLoadError, Evidence, Result, load_classifiers

DEFAULT_CLASSIFIERS = (
    "moderation.classifiers.chat_artifacts.ChatArtifactsClassifier",
    "moderation.classifiers.style_lexicon.StyleLexiconClassifier",
    "moderation.classifiers.ngram.NgramClassifier",
    # consistency last: it reads the combined score from ``other_scores``.
    "moderation.classifiers.combined.CombinedClassifier",
    "moderation.classifiers.consistency.ConsistencyClassifier",
)

__all__ = [
    "DEFAULT_CLASSIFIERS",
    "Classifier",
    "ClassifierLoadError",
    "Evidence",
    "Result",
    "load_classifiers",
]

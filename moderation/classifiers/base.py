"""The classifier interface shared by every screening classifier, and the registry.

A classifier is any object with a ``name``, a ``version``, a ``flag_threshold`` and a
``score(text, context=None) -> Result`` method. Classifiers are listed by dotted path in a
setting and loaded with :func:`load_classifiers`, the way Django loads authentication backends.

Everything here is plain Python so classifiers can be unit-tested without a database.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation and return it untranslated.

    Evidence reasons are stored in English (with their ``args`` apart) and translated when a
    moderator reads them (``moderation.localize.evidence_reason``), so a stored screening reads
    in each moderator's language. A stand-in for Django's function of the same name, which keeps
    this package importable without Django; ``makemessages`` finds the calls by name.
    """
    return message


def logit(probability: float) -> float:
    """Log-odds of a probability, clipped away from 0 and 1 (to +-9.2)."""
    p = min(max(probability, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


def sigmoid(log_odds: float) -> float:
    """The probability of ``log_odds``, clamped to +-30 so no input overflows."""
    return 1.0 / (1.0 + math.exp(-max(min(log_odds, 30.0), -30.0)))


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a score, shown to moderators.

    ``start`` and ``end`` are character offsets into the scored text; both are 0 when the
    evidence is about the post as a whole (e.g. a disclosure contradiction) rather than a span.
    ``reason`` is an English message marked with :func:`gettext_noop`; its ``%(name)s``
    placeholders are filled from ``args`` (strings, kept apart so the message can be
    translated). ``weight`` says how much this item contributed, on a scale private to each
    classifier.
    """

    start: int
    end: int
    reason: str
    weight: float = 1.0
    args: Mapping[str, str] | None = None

    @property
    def message(self) -> str:
        """The reason in English, its placeholders filled."""
        return self.reason % self.args if self.args else self.reason

    def as_dict(self, text: str) -> dict:
        """What a screening stores of this evidence; ``text`` is the scored text."""
        stored = {"start": self.start, "end": self.end, "reason": self.reason,
                  "weight": self.weight, "text": text[self.start : self.end]}
        if self.args:
            stored["args"] = dict(self.args)
        return stored


@dataclass(frozen=True, slots=True)
class Result:
    """A classifier's verdict on one text: a score in [0, 1] and the evidence for it.

    The score is evidence for a human moderator, never a decision on its own.
    """

    score: float
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in [0, 1], got {self.score!r}")


@runtime_checkable
class Classifier(Protocol):
    """What a screening classifier must provide.

    ``flag_threshold`` is the score at or above which the classifier's result counts as
    "flagged" in evaluations and in the default policies.
    """

    name: str
    version: str
    flag_threshold: float

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text`` (only what the author claims as their own); ``context`` is optional."""
        ...


class ClassifierLoadError(ImportError):
    """A dotted path in the classifier list could not be imported or is not a classifier."""


def import_string(dotted_path: str) -> object:
    """Import ``package.module.Attribute`` and return the attribute.

    A small stand-in for ``django.utils.module_loading.import_string`` so this package stays
    importable without Django; errors name the offending path.
    """
    module_path, _, attribute = dotted_path.rpartition(".")
    if not module_path:
        raise ClassifierLoadError(f"{dotted_path!r} is not a dotted path")
    try:
        module = importlib.import_module(module_path)
    except ImportError as exc:
        raise ClassifierLoadError(
            f"cannot import {module_path!r} for {dotted_path!r}: {exc}") from exc
    try:
        return getattr(module, attribute)
    except AttributeError as exc:
        raise ClassifierLoadError(f"module {module_path!r} has no attribute {attribute!r}") from exc


def load_classifiers(paths: Iterable[str]) -> list[Classifier]:
    """Instantiate the classifiers named by ``paths``, in order.

    Each path names either a class (instantiated without arguments) or a ready instance.
    Anything without the :class:`Classifier` attributes is refused with the path in the message,
    so a typo in the setting fails loudly at start-up rather than at screening time.
    """
    classifiers: list[Classifier] = []
    for path in paths:
        target = import_string(path)
        try:
            instance = target() if isinstance(target, type) else target
        except TypeError as exc:
            raise ClassifierLoadError(f"cannot instantiate {path!r}: {exc}") from exc
        if not isinstance(instance, Classifier):
            raise ClassifierLoadError(
                f"{path!r} is not a classifier (needs name, version, flag_threshold and score())"
            )
        classifiers.append(instance)
    return classifiers

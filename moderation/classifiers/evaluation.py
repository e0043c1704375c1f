"""Labelled JSONL data and the evaluation report of the text classifiers.

Input is JSON Lines, one object per line: ``{"text": ..., "label": "human" | "ai", ...}``;
``domain`` and ``generator`` are kept when present, other keys are ignored. :func:`report`
gives AUROC, the true-positive rate at 1% false positives and the texts at or above each
score's default flag threshold, overall and, when the lines carry a ``domain``, per domain (the
false-positive rate of every human domain is what a forum operator needs to see: one pooled
rate hides a domain whose writers are flagged far more often).

With a :class:`~.language_model.LanguageModelClassifier` (optional ``[lm]`` extra), the hint is
scored too, alone (``language_model``, at its own threshold) and folded into the combined score
exactly as screening folds it (``combined_with_lm``; a text too short for the model keeps its
combined score), and the model's throughput is reported: texts per second, CPU seconds per
text and the token cap, the figures that size its Celery queue.

Pure Python: scoring and the metrics need neither NumPy nor scikit-learn.
"""

from __future__ import annotations

import bisect
import json
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .combined import CombinedClassifier
from .language_model import LanguageModelClassifier
from .stylometry import measure

LABELS = ("human", "ai")
TEXT_CLASSIFIERS = ("chat_artifacts", "style_lexicon", "ngram")
SCORES = ("combined", *TEXT_CLASSIFIERS)


class DataFormatError(ValueError):
    """A JSONL input line is malformed; the message names the file and line number."""


@dataclass(frozen=True, slots=True)
class Record:
    """One labelled text."""

    text: str
    label: str
    domain: str = ""
    generator: str = ""


def load_jsonl(path: str | Path) -> list[Record]:
    """Read labelled records from a JSONL file.

    Blank lines are skipped. A line that is not a JSON object with a string ``text`` and a
    ``label`` of "human" or "ai" raises :class:`DataFormatError` naming its line number.
    """
    records: list[Record] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFormatError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(item, dict):
                raise DataFormatError(f"{path}:{number}: expected a JSON object")
            text, label = item.get("text"), item.get("label")
            if not isinstance(text, str):
                raise DataFormatError(f"{path}:{number}: 'text' must be a string")
            if label not in LABELS:
                raise DataFormatError(
                    f"{path}:{number}: 'label' must be 'human' or 'ai', got {label!r}")
            records.append(Record(text, label, str(item.get("domain") or ""),
                                  str(item.get("generator") or "")))
    return records


def auroc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve (ties count half); NaN when a class is missing."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = sorted(s for s, y in zip(scores, labels, strict=True) if not y)
    if not positives or not negatives:
        return math.nan

    wins = 0.0
    for score in positives:
        below = bisect.bisect_left(negatives, score)
        ties = bisect.bisect_right(negatives, score) - below
        wins += below + ties / 2
    return wins / (len(positives) * len(negatives))


def tpr_at_fpr(scores: Sequence[float], labels: Sequence[int], fpr: float = 0.01) -> float:
    """Share of AI texts scored strictly above the score that at most ``fpr`` of humans exceed."""
    negatives = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    if not positives or not negatives:
        return math.nan
    allowed = math.floor(fpr * len(negatives))
    cut = negatives[allowed] if allowed < len(negatives) else -math.inf
    return sum(s > cut for s in positives) / len(positives)


def _metrics(scores: Sequence[float], labels: Sequence[int], threshold: float) -> dict[str, Any]:
    return {
        "auroc": _round(auroc(scores, labels)),
        "tpr_at_1pct_fpr": _round(tpr_at_fpr(scores, labels)),
        "flagged_human": sum(s >= threshold for s, y in zip(scores, labels, strict=True) if not y),
        "flagged_ai": sum(s >= threshold for s, y in zip(scores, labels, strict=True) if y),
    }


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


@dataclass(frozen=True, slots=True)
class Scored:
    """Every score of every record, with the labels and default flag thresholds."""

    labels: list[int]  # 1 for "ai"
    # SCORES by name; with a language model also "combined_with_lm" and "language_model"
    scores: dict[str, list[float]]
    thresholds: dict[str, float]
    domains: list[str]  # each record's ``domain``, "" when the line had none
    throughput: dict[str, Any] | None = None  # the language model's, see :func:`_hints`


def score_records(records: Sequence[Record], model_path: str | Path | None = None,
                  language_model: LanguageModelClassifier | None = None) -> Scored:
    """Score ``records`` with every text classifier and the combined score, and with the
    language-model hint when ``language_model`` is given.
    """
    combined = CombinedClassifier(model_path)
    scores: dict[str, list[float]] = {name: [] for name in SCORES}
    parts = []
    for record in records:
        text_scores = combined.text_scores(record.text)
        features = measure(record.text)
        parts.append((text_scores, features))
        for name in TEXT_CLASSIFIERS:
            scores[name].append(text_scores[name])
        scores["combined"].append(combined.combine(text_scores, features))
    thresholds = {"combined": combined.flag_threshold,
                  **{name: combined.classifiers[name].flag_threshold
                     for name in TEXT_CLASSIFIERS}}
    throughput = None
    if language_model is not None:
        hints, throughput = _hints(language_model, [record.text for record in records])
        scores["combined_with_lm"] = [combined.combine(text_scores, features, hint)
                                      for (text_scores, features), hint in zip(parts, hints,
                                                                               strict=True)]
        scores["language_model"] = [0.0 if hint is None else hint for hint in hints]
        thresholds["combined_with_lm"] = combined.flag_threshold
        thresholds["language_model"] = language_model.flag_threshold
    return Scored([int(record.label == "ai") for record in records], scores, thresholds,
                  [record.domain for record in records], throughput)


def _hints(classifier: LanguageModelClassifier,
           texts: Sequence[str]) -> tuple[list[float | None], dict[str, Any]]:
    """The hint of each text (None when too short to judge, as in screening) and the
    model's throughput: texts per second (wall clock), CPU seconds per text (this process,
    all of the model's threads), the token cap and the tokens actually scored on average.
    The model is loaded before the clock starts.
    """
    classifier.measure("Loading the model.")
    hints: list[float | None] = []
    tokens = stopped = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        measures = classifier.measure(text)
        result = classifier.judge_measures(text, measures)
        hints.append(None if result is None else result.score)
        tokens += len(measures.log_likelihood)
        stopped += not measures.complete
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = max(len(texts), 1)
    return hints, {
        "texts": len(texts),
        "texts_per_second": round(len(texts) / wall, 3) if wall else None,
        "cpu_seconds_per_text": round(cpu / count, 3),
        "max_tokens": classifier.max_tokens,
        "mean_tokens": round(tokens / count, 1),
        "too_short": hints.count(None),
        "stopped_by_time_budget": stopped,
    }


def report(scored: Scored) -> dict[str, Any]:
    """The evaluation report of :func:`evaluate` for already scored records."""
    labels = scored.labels
    result = {
        "n": len(labels),
        "n_human": labels.count(0),
        "n_ai": labels.count(1),
        **_metrics(scored.scores["combined"], labels, scored.thresholds["combined"]),
        "classifiers": {
            name: _metrics(scored.scores[name], labels, scored.thresholds[name])
            for name in (*TEXT_CLASSIFIERS, "language_model") if name in scored.scores
        },
    }
    if scored.throughput is not None:
        result["combined_with_lm"] = _metrics(scored.scores["combined_with_lm"], labels,
                                              scored.thresholds["combined_with_lm"])
        result["language_model_throughput"] = scored.throughput
    if any(scored.domains):
        result["domains"] = domain_report(scored)
    return result


def domain_report(scored: Scored) -> dict[str, Any]:
    """Per ``domain``: its texts of each label, and per score how many reach the default flag
    threshold and the false-positive rate (share of its human texts flagged; ``None`` for a
    domain without human texts). Records without a domain are grouped under ``""``.
    """
    rows: dict[str, Any] = {}
    for domain in sorted(set(scored.domains)):
        members = [i for i, d in enumerate(scored.domains) if d == domain]
        humans = [i for i in members if not scored.labels[i]]
        ais = [i for i in members if scored.labels[i]]
        flagged_human, flagged_ai, rate = {}, {}, {}
        for name in scored.scores:
            values, threshold = scored.scores[name], scored.thresholds[name]
            flagged_human[name] = sum(values[i] >= threshold for i in humans)
            flagged_ai[name] = sum(values[i] >= threshold for i in ais)
            rate[name] = round(flagged_human[name] / len(humans), 4) if humans else None
        rows[domain] = {"n_human": len(humans), "n_ai": len(ais),
                        "flagged_human": flagged_human, "flagged_ai": flagged_ai,
                        "false_positive_rate": rate}
    return rows


def evaluate(records: Sequence[Record], model_path: str | Path | None = None,
             language_model: LanguageModelClassifier | None = None) -> dict[str, Any]:
    """Score ``records`` with every text classifier and the combined score.

    Returns ``{"n", "n_human", "n_ai", "auroc", "tpr_at_1pct_fpr", "flagged_human",
    "flagged_ai", "classifiers": {name: {"auroc", "tpr_at_1pct_fpr", "flagged_human",
    "flagged_ai"}}}``; the top-level figures are those of the combined score, and "flagged"
    counts texts at or above each score's default flag threshold. AUROC and TPR are ``None``
    when one class is absent. When any record has a ``domain``, ``"domains"`` holds
    :func:`domain_report`. With a ``language_model``, ``"classifiers"`` has a
    ``"language_model"`` row and the report has ``"combined_with_lm"`` (figures as above) and
    ``"language_model_throughput"`` (see :func:`_hints`).
    """
    return report(score_records(records, model_path, language_model))


def roc_points(scores: Sequence[float], labels: Sequence[int]) -> list[tuple[float, float]]:
    """(false-positive rate, true-positive rate) at every distinct threshold, from (0, 0)."""
    positives = sum(labels)
    negatives = len(labels) - positives
    points = [(0.0, 0.0)]
    true_positives = false_positives = 0
    ranked = sorted(zip(scores, labels, strict=True), key=lambda item: -item[0])
    for i, (score, label) in enumerate(ranked):
        true_positives += label
        false_positives += 1 - label
        if i + 1 == len(ranked) or ranked[i + 1][0] != score:
            points.append((false_positives / negatives if negatives else 0.0,
                           true_positives / positives if positives else 0.0))
    return points



def format_table(result: Mapping[str, Any]) -> str:
    """The evaluation report as a plain-text table: one row for the combined score, one per
    text classifier; "flagged" counts texts at or above that score's default threshold.
    """
    lines = [f"{result['n']} texts: {result['n_human']} human, {result['n_ai']} AI",
             f"{'score':<16}{'AUROC':>8}{'TPR at 1% FPR':>15}{'flagged human':>15}"
             f"{'flagged AI':>12}"]
    rows = [("combined", result), *result["classifiers"].items()]
    if "combined_with_lm" in result:
        rows.insert(1, ("combined_with_lm", result["combined_with_lm"]))
    for name, row in rows:
        auc = "-" if row["auroc"] is None else f"{row['auroc']:.3f}"
        tpr = "-" if row["tpr_at_1pct_fpr"] is None else f"{row['tpr_at_1pct_fpr']:.3f}"
        lines.append(f"{name:<16}{auc:>8}{tpr:>15}{row['flagged_human']:>15}"
                     f"{row['flagged_ai']:>12}")
    if "domains" in result:
        names = [name for name, _ in rows]
        width = max(20, *(len(domain) + 2 for domain in result["domains"]))
        lines += ["", "False-positive rate by domain (share of its human texts flagged)",
                  f"{'domain':<{width}}{'human':>7}{'AI':>6}" + "".join(f"{n:>17}" for n in names)]
        for domain, row in result["domains"].items():
            rates = "".join(f"{_percent(row['false_positive_rate'][n]):>17}" for n in names)
            lines.append(f"{domain or '(none)':<{width}}{row['n_human']:>7}{row['n_ai']:>6}"
                         f"{rates}")
    if "language_model_throughput" in result:
        speed = result["language_model_throughput"]
        lines += ["", f"Language model: {speed['texts_per_second']} texts/s, "
                  f"{speed['cpu_seconds_per_text']} CPU-s per text, first {speed['max_tokens']} "
                  f"tokens (mean {speed['mean_tokens']} scored); {speed['too_short']} too short "
                  f"for a hint, {speed['stopped_by_time_budget']} stopped by the time budget"]
    return "\n".join(lines)



def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"

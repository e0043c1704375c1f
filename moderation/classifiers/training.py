r"""Train the text classifiers on labelled JSONL data (the format of :mod:`.evaluation`).

Rebuild the shipped model (deterministic, fixed seed) from the repository root with::

    python scripts/human_prose.py --out /tmp/human_prose.jsonl --npm NODE_MODULES
    python manage.py train_classifier \
        --data ../shared/data/ai_text/train.jsonl \
        --data moderation/classifiers/data/assistant_style.jsonl \
        --data /tmp/human_prose.jsonl

The human prose (real writing read from this machine's documentation and npm-packaged corpora:
the Brown Corpus, mailing-list email, speeches; see ``scripts/human_prose.py``) matters: the
n-gram model only learns authorship rather than register when the human side spans many
registers. ``--lexicon`` defaults to
``../shared/data/lexicon/kobak2024_excess_words.csv`` and ``--out`` to
``moderation/classifiers/data/default_model.json``. Evaluate any labelled file with::

    python manage.py evaluate_classifier --data FILE.jsonl [--model PATH] [--json] [--plot F.png]

The management commands are thin wrappers over :func:`train` and the functions of
:mod:`.evaluation`; ``python -m moderation.classifiers.training train|evaluate`` does the same
without Django.

Training needs NumPy and scikit-learn; scoring needs neither. Only this module imports them.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ._text import WORD_RE, scored_part
from .base import logit, sigmoid
from .chat_artifacts import ChatArtifactsClassifier
from .combined import CombinedClassifier
from .evaluation import DataFormatError, Record, evaluate, format_table, load_jsonl
from .model_file import DEFAULT_MODEL_PATH, write_model
from .ngram import DENSE_FEATURES, NgramClassifier, dense_features, distort, ngram_counts
from .style_lexicon import (
    MIN_FLAG_RATE,
    SOURCE,
    StyleLexiconClassifier,
    derive_word_weights,
    lexicon_hits,
    weighted_rate,
)
from .stylometry import FEATURE_NAMES, SIGNS, measure

SEED = 20240601
# A human text must stay below every default threshold with this much to spare: the training
# file's human domains are not the forums the model will screen.
HUMAN_QUANTILE = 0.995
# Lowest default thresholds, whatever the training file says: held-out checks on human prose of
# other registers (manuals, documentation, literary quotations) needed this much room to keep
# flagged human texts at or below 1% in each.
LEXICON_FLOOR = 0.95
COMBINED_FLOOR = 0.98
MIN_VOCABULARY_DF = 5
NGRAM_C = 0.5
CV_FOLDS = 5
# The combined stack: inverse L2 strength (per record) and the largest size of any one weight.
STACK_C = 1.0
STACK_MAX_WEIGHT = 4.0
# The most one stylometry measure may add to the combined log-odds: a habit that some human
# writers share (em dashes, serial lists) must never flag a text on its own.
MAX_FEATURE_LOG_ODDS = 1.5
DEFAULT_LEXICON_CSV = Path("../shared/data/lexicon/kobak2024_excess_words.csv")


# --- training --------------------------------------------------------------------------------

def _quantile(values: Iterable[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)] if ordered else 0.0


def _human_threshold(scores: Sequence[float], labels: Sequence[int], floor: float) -> float:
    """A flag threshold just above the ``HUMAN_QUANTILE`` of human scores, never below ``floor``."""
    human = [s for s, y in zip(scores, labels, strict=True) if not y]
    return round(max(floor, min(0.999, _quantile(human, HUMAN_QUANTILE) + 0.01)), 4)


def _fit_logistic(x: Any, y: Sequence[int], c: float, weights: Sequence[float]) -> Any:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - [training] extra; screening needs neither

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)
    model.fit(x, y, sample_weight=weights)
    return model


def sample_weights(records: Sequence[Record]) -> list[float]:
    """Per-record training weights: each (label, domain) group weighs the square root of its size.

    A small domain (say 18 hand-written assistant answers) is thereby not drowned by 200 texts
    of one old generator, without letting 18 texts dominate either. Weights average 1 per label.
    """
    sizes = Counter((r.label, r.domain) for r in records)
    raw = [1.0 / math.sqrt(sizes[(r.label, r.domain)]) for r in records]
    counts: Counter[str] = Counter(r.label for r in records)
    totals: dict[str, float] = {}
    for record, value in zip(records, raw, strict=True):
        totals[record.label] = totals.get(record.label, 0.0) + value
    return [value * counts[r.label] / totals[r.label]
            for r, value in zip(records, raw, strict=True)]


def train_lexicon(records: Sequence[Record], csv_path: str | Path,
                  weights: Sequence[float]) -> dict[str, Any]:
    """Derive the lexicon's word weights and fit its rate→probability calibration."""
    import numpy as np  # noqa: PLC0415 - [training] extra; screening needs neither

    word_weights = derive_word_weights(csv_path)
    rates = [weighted_rate(lexicon_hits(r.text, word_weights),
                           len(WORD_RE.findall(scored_part(r.text)))) for r in records]
    labels = [int(r.label == "ai") for r in records]
    model = _fit_logistic(np.log1p(np.array(rates)).reshape(-1, 1), labels, 1.0, weights)
    slope, intercept = float(model.coef_[0][0]), float(model.intercept_[0])
    probabilities = [sigmoid(slope * math.log1p(rate) + intercept) for rate in rates]
    return {
        "source": SOURCE,
        "word_weights": word_weights,
        "calibration": {"slope": round(slope, 6), "intercept": round(intercept, 6)},
        "flag_threshold": _human_threshold(
            probabilities, labels,
            floor=max(LEXICON_FLOOR, sigmoid(slope * math.log1p(MIN_FLAG_RATE) + intercept))),
    }


@functools.lru_cache(maxsize=20_000)
def _text_grams(text: str, keep: frozenset[str]) -> Counter[str]:
    """The n-gram counts of ``text`` (cached: cross-validation and held-out folds refit on
    the same texts many times; callers must not change the result).
    """
    return ngram_counts(distort(scored_part(text), keep))


@functools.lru_cache(maxsize=20_000)
def _text_dense(text: str) -> tuple[float, ...]:
    return tuple(dense_features(scored_part(text)))


def _ngram_matrix(texts: Sequence[str], vocabulary: Mapping[str, int], keep: frozenset[str]) -> Any:
    import numpy as np  # noqa: PLC0415 - [training] extra; screening needs neither
    from scipy.sparse import csr_matrix  # noqa: PLC0415 - [training] extra; screening needs neither

    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        counts = _text_grams(text, keep)
        known = {vocabulary[g]: 1.0 + math.log(c) for g, c in counts.items() if g in vocabulary}
        norm = math.sqrt(sum(v * v for v in known.values())) or 1.0
        for col, value in sorted(known.items()):
            rows.append(row)
            cols.append(col)
            values.append(value / norm)
    return csr_matrix((np.array(values), (rows, cols)), shape=(len(texts), len(vocabulary)))


def train_ngram(records: Sequence[Record], keep: frozenset[str],
                weights: Sequence[float]) -> dict[str, Any]:
    """Fit the n-gram model: vocabulary by document frequency, then logistic regression.

    The returned section has a provisional ``flag_threshold``; :func:`train` sets the real one
    from cross-validated scores.
    """
    import numpy as np  # noqa: PLC0415 - [training] extra; screening needs neither
    from scipy.sparse import hstack  # noqa: PLC0415 - [training] extra; screening needs neither

    texts = [r.text for r in records]
    labels = [int(r.label == "ai") for r in records]
    document_frequency: Counter[str] = Counter()
    for text in texts:
        document_frequency.update(_text_grams(text, keep).keys())
    grams = sorted(g for g, df in document_frequency.items() if df >= MIN_VOCABULARY_DF)
    vocabulary = {g: i for i, g in enumerate(grams)}
    dense = np.array([_text_dense(text) for text in texts])
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    x = hstack([_ngram_matrix(texts, vocabulary, keep), (dense - mean) / scale]).tocsr()
    model = _fit_logistic(x, labels, NGRAM_C, weights)
    coefficients = model.coef_[0]
    return {
        "keep_words": sorted(keep),
        "weights": {g: round(float(coefficients[i]), 5) for g, i in vocabulary.items()
                    if abs(coefficients[i]) >= 1e-4},
        "dense_features": list(DENSE_FEATURES),
        "dense_mean": [round(float(v), 6) for v in mean],
        "dense_scale": [round(float(v), 6) for v in scale],
        "dense_weights": [round(float(v), 6) for v in coefficients[len(vocabulary):]],
        "intercept": round(float(model.intercept_[0]), 6),
        "flag_threshold": 0.9,
    }


def _cross_validated_ngram(records: Sequence[Record], keep: frozenset[str],
                           weights: Sequence[float]) -> list[float]:
    """Out-of-fold n-gram probabilities, so the combination is not fitted on memorised texts."""
    from sklearn.model_selection import StratifiedKFold  # noqa: PLC0415 - [training] extra; screening needs neither

    labels = [f"{r.label}/{r.domain}" for r in records]
    scores = [0.0] * len(records)
    folds = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=SEED)
    for fit_index, held_index in folds.split(records, labels):
        section = train_ngram([records[i] for i in fit_index], keep,
                              [weights[i] for i in fit_index])
        model = NgramClassifier(section=section)
        for i in held_index:
            scores[i] = model.score(records[i].text).score
    return scores


def fit_stack(rows: Sequence[Mapping[str, float]], features: Sequence[Sequence[float]],
              labels: Sequence[int], weights: Sequence[float],
              ngram_centre: float = 0.0) -> dict[str, Any]:
    """Fit the combined score's logistic stack with sign-constrained weights.

    Inputs: the style lexicon's log-odds and the n-gram log-odds (centred on ``ngram_centre``,
    the typical human text's; both weights ≥ 0) and the stylometry measures, whose weights keep
    the sign
    ``stylometry.SIGNS`` gives them (an assistant habit can only raise the score, a human habit
    only lower it). Every weight is at most ``STACK_MAX_WEIGHT`` in size. L2 regularised,
    balanced classes, deterministic (L-BFGS-B from zeros).
    """
    import numpy as np  # noqa: PLC0415 - [training] extra; screening needs neither
    from scipy.optimize import minimize  # noqa: PLC0415 - [training] extra; screening needs neither

    x = np.array([[logit(row["style_lexicon"]), logit(row["ngram"]) - ngram_centre, *f]
                  for row, f in zip(rows, features, strict=True)])
    y = np.array(labels, dtype=float)
    w = np.array(weights, dtype=float)
    w = w * np.where(y == 1, 0.5 / w[y == 1].sum(), 0.5 / w[y == 0].sum())  # balanced
    penalty = 1.0 / (STACK_C * len(y))
    capped = slice(2, None)  # the stylometry columns

    def loss(theta: Any) -> tuple[float, Any]:
        # The capped contributions of CombinedClassifier: a capped term has no gradient.
        terms = x * theta[1:]
        terms[:, capped] = np.minimum(terms[:, capped], MAX_FEATURE_LOG_ODDS)
        active = np.ones_like(x)
        active[:, capped] = terms[:, capped] < MAX_FEATURE_LOG_ODDS
        z = theta[0] + terms.sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        value = -np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        value += 0.5 * penalty * np.sum(theta[1:] ** 2)
        gradient = np.concatenate([[np.sum(w * (p - y))], (x * active).T @ (w * (p - y))])
        gradient[1:] += penalty * theta[1:]
        return float(value), gradient

    bounds = [(None, None), (0.0, STACK_MAX_WEIGHT), (0.0, STACK_MAX_WEIGHT)] + [
        (0.0, STACK_MAX_WEIGHT) if sign > 0 else (-STACK_MAX_WEIGHT, 0.0) for sign in SIGNS]
    theta = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                     bounds=bounds, options={"maxiter": 2000}).x
    return {
        "weights": {"style_lexicon": round(float(theta[1]), 6),
                    "ngram": round(float(theta[2]), 6)},
        "intercept": round(float(theta[0] - theta[2] * ngram_centre), 6),
        "features": list(FEATURE_NAMES),
        "feature_weights": [round(float(v), 6) for v in theta[3:]],
        "max_feature_log_odds": MAX_FEATURE_LOG_ODDS,
    }


def train(records: Sequence[Record], out_path: str | Path = DEFAULT_MODEL_PATH,
          lexicon_csv: str | Path | None = None) -> dict[str, Any]:
    """Train every model section on ``records`` and write the model file to ``out_path``.

    Deterministic: the same records give the same file. ``lexicon_csv`` is the published
    excess-vocabulary CSV (default: ``../shared/data/lexicon/kobak2024_excess_words.csv``,
    relative to the current directory). Returns the sections written.
    """
    import numpy as np  # noqa: PLC0415 - [training] extra; screening needs neither

    csv_path = Path(lexicon_csv) if lexicon_csv else DEFAULT_LEXICON_CSV
    labels = [int(r.label == "ai") for r in records]
    weights = sample_weights(records)
    lexicon = train_lexicon(records, csv_path, weights)
    keep = frozenset(lexicon["word_weights"])
    # The n-gram model learns authorship rather than register only when the human texts span
    # many registers (documentation, literature, news, learned prose...; see
    # scripts/human_prose.py): a domain of one label teaches it that register is the answer.
    ngram = train_ngram(records, keep, weights)
    # Out-of-fold scores for the stack and the threshold, so neither rests on memorised texts.
    ngram_scores = _cross_validated_ngram(records, keep, weights)
    ngram["flag_threshold"] = _human_threshold(ngram_scores, labels, floor=0.9)

    lexicon_model = StyleLexiconClassifier(section=lexicon)
    artifacts = ChatArtifactsClassifier()
    rows = [{"chat_artifacts": artifacts.score(r.text).score,
             "style_lexicon": lexicon_model.score(r.text).score,
             "ngram": n} for r, n in zip(records, ngram_scores, strict=True)]
    # The n-gram log-odds enter the stack centred on the typical human text.
    human_ngram = [logit(s) for s, y in zip(ngram_scores, labels, strict=True) if not y]
    features = [measure(r.text) for r in records]
    combined = fit_stack(rows, features, labels, weights, float(np.median(human_ngram)))
    combined_scores = [CombinedClassifier.combine_with(combined, row, f)
                       for row, f in zip(rows, features, strict=True)]
    combined["flag_threshold"] = _human_threshold(combined_scores, labels, floor=COMBINED_FLOOR)

    trained_on = {
        "records": len(records),
        "human": labels.count(0),
        "ai": labels.count(1),
        "domains": dict(sorted(Counter(f"{r.label}/{r.domain}" for r in records).items())),
        "seed": SEED,
    }
    sections = {"style_lexicon": lexicon, "ngram": ngram, "combined": combined}
    write_model(sections, out_path, trained_on)
    return sections


# --- command line ----------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``train`` or ``evaluate`` (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m moderation.classifiers.training")
    commands = parser.add_subparsers(dest="command", required=True)
    train_cmd = commands.add_parser("train", help="rebuild the model file")
    train_cmd.add_argument("--data", action="append", required=True, help="JSONL file (repeatable)")
    train_cmd.add_argument("--out", default=str(DEFAULT_MODEL_PATH))
    train_cmd.add_argument("--lexicon", help="kobak2024_excess_words.csv")
    eval_cmd = commands.add_parser("evaluate", help="score a labelled JSONL file")
    eval_cmd.add_argument("--data", action="append", required=True, help="JSONL file (repeatable)")
    eval_cmd.add_argument("--model", help="model file (default: the shipped one)")
    eval_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        records = [record for path in args.data for record in load_jsonl(path)]
    except (OSError, DataFormatError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "train":
        train(records, args.out, args.lexicon)
        print(f"wrote {args.out} from {len(records)} records")
    else:
        result = evaluate(records, args.model)
        print(json.dumps(result) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

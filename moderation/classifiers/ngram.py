"""A small linear model over style n-grams and stylometric measures.

Topic is what a detector most easily learns and what least transfers to other forums, so the
n-grams are taken over a *distorted* text: function words, punctuation and the style-lexicon
words are kept, every other word is replaced by its shape (capitalised or not, plus a suffix class
such as ``-ing`` or ``-ly``) and numbers become ``9``. "The results, highlighting its potential"
becomes ``the Ws , highlighting its w`` — syntax and rhythm survive, subject matter does not.
Word 1–3-grams of that sequence, L2-normalised, are joined by a few dense measures (sentence
length and its variation — "burstiness" —, word length, moving type-token ratio, commas, dashes,
contractions, first person, digits...).

Weights come from logistic regression (``training.train``) and are stored as a plain
vocabulary→weight mapping in the JSON model file; inference is a pure-Python dot product, so
scikit-learn is only needed to train. Evidence lists the sentences whose n-grams pushed the
score up most.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._text import WORD_RE, scored_part, sentence_spans
from .base import Evidence, Result, gettext_noop, sigmoid
from .model_file import load_section

FUNCTION_WORDS = frozenset((
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "although",
    "always", "am", "among", "an", "and", "another", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
    "did", "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "least", "less", "like", "many", "may", "me", "might", "more", "most",
    "much", "must", "my", "myself", "neither", "never", "no", "nor", "not", "now", "of", "off",
    "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves",
    "out", "over", "own", "per", "perhaps", "quite", "rather", "really", "same", "several",
    "shall", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this", "those",
    "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon",
    "us", "very", "was", "we", "well", "were", "what", "whatever", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
    "yet", "you", "your", "yours", "yourself", "yourselves", "overall", "additionally",
    "furthermore", "moreover", "ultimately", "notably", "importantly", "indeed", "instead",
    "still", "already", "almost", "enough", "especially", "particularly", "simply", "truly",
    "actually", "basically", "anyway", "okay", "ok", "yes", "yeah", "lol", "maybe", "pretty",
    "sure", "thanks", "thank", "please", "sorry", "hey", "hi", "hello", "well", "oh", "it's",
    "don't", "i'm", "can't", "isn't", "doesn't", "didn't", "won't", "i've", "i'd", "you're",
    "that's", "there's", "they're", "we're", "let's", "wasn't", "aren't", "haven't", "couldn't",
    "wouldn't", "shouldn't", "he's", "she's", "what's", "here's",
))

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")
_SUFFIXES = ("ing", "tion", "ly", "ed", "ness", "ment", "ity", "ive", "ous", "al", "able",
             "ful", "er", "es", "s")
_DIGITS_RE = re.compile(r"\d+")
_CONTRACTION_RE = re.compile(r"[A-Za-z]['’](?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
_FIRST_PERSON = frozenset(("i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll"))
_SECOND_PERSON = frozenset(("you", "your", "yours", "you're", "you'll", "you've"))
_TRANSITIONS = frozenset(("additionally", "furthermore", "moreover", "however", "overall",
                          "ultimately", "notably", "importantly", "consequently", "therefore",
                          "thus", "finally", "first", "firstly", "second", "secondly", "lastly"))

DENSE_FEATURES = (
    "log_sentence_length", "sentence_length_cv", "word_length", "long_word_share", "mattr",
    "commas", "dashes", "semicolons_colons", "parentheses", "digits", "quotes", "exclaim_question",
    "contractions", "first_person", "second_person", "transition_openers", "lowercase_openers",
)
_MAX_EVIDENCE = 3
_CACHE_SIZE = 50_000  # distorted tokens remembered per classifier
_MATTR_WINDOW = 50
# 1 + log(count) for the small counts nearly every gram has (the same floats math.log gives).
_LOG_TABLE_SIZE = 64
_ONE_PLUS_LOG = [0.0] + [1.0 + math.log(count) for count in range(1, _LOG_TABLE_SIZE)]


def _shape(word: str) -> str:
    head = "W" if word[0].isupper() else "w"
    lower = word.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return f"{head}-{suffix}"
    return head


def distort(text: str, keep: frozenset[str] | Mapping[str, float]) -> list[tuple[str, int, int]]:
    """Return the distorted token sequence of ``text`` as (token, start, end) triples.

    Words in ``FUNCTION_WORDS`` or ``keep`` stay (lower-cased); other words become shapes.
    """
    tokens: list[tuple[str, int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        first = token[0]
        if first.isalpha():
            lower = token.lower().replace("’", "'")
            token = lower if lower in FUNCTION_WORDS or lower in keep else _shape(token)
        elif first.isdigit():
            token = "9"
        tokens.append((token, match.start(), match.end()))
    return tokens


def ngram_counts(tokens: Sequence[tuple[str, int, int]]) -> Counter[str]:
    """Count the 1-, 2- and 3-grams of a distorted token sequence."""
    names = [token for token, _, _ in tokens]
    grams = names + [f"{a} {b}" for a, b in zip(names, names[1:], strict=False)]
    grams += [f"{a} {b} {c}" for a, b, c in zip(names, names[1:], names[2:], strict=False)]
    return Counter(grams)


def dense_features(text: str) -> list[float]:
    """Stylometric measures of ``text`` in the order of ``DENSE_FEATURES``."""
    return _dense_features(text, [WORD_RE.findall(text, start, end)
                                  for start, end in sentence_spans(text)])


def _dense_features(text: str, sentence_words: list[list[str]]) -> list[float]:
    """:func:`dense_features` given the words of each of ``sentence_spans(text)``."""
    lengths: list[int] = []
    words: list[str] = []
    transition_openers = lowercase_openers = 0
    for (start, end), sentence in zip(sentence_spans(text), sentence_words, strict=True):
        # No word crosses a sentence boundary, so the sentences' words are the text's words.
        if not sentence:
            continue
        words += sentence
        lengths.append(len(sentence))
        if sentence[0].lower() in _TRANSITIONS:
            transition_openers += 1
        if text[start:end].lstrip()[:1].islower():
            lowercase_openers += 1
    words = " ".join(words).lower().replace("’", "'").split()
    counts = Counter(words)
    n_words = max(len(words), 1)
    n_sentences = max(len(lengths), 1)
    mean_length = sum(lengths) / n_sentences if lengths else 0.0
    variance = sum((x - mean_length) ** 2 for x in lengths) / n_sentences if lengths else 0.0
    if len(words) > _MATTR_WINDOW:
        windows = range(0, len(words) - _MATTR_WINDOW + 1, 10)
        mattr = sum(len(set(words[i:i + _MATTR_WINDOW])) for i in windows) / (
            len(windows) * _MATTR_WINDOW)
    else:
        mattr = len(counts) / n_words
    per_word = 100.0 / n_words
    word_lengths = [len(word) for word in words]
    return [
        math.log1p(mean_length),
        math.sqrt(variance) / mean_length if mean_length else 0.0,
        sum(word_lengths) / n_words,
        sum(length >= 8 for length in word_lengths) / n_words,
        mattr,
        text.count(",") * per_word,
        (text.count("—") + text.count("–") + text.count(" - ") + text.count("--")) * per_word,
        (text.count(";") + text.count(":")) * per_word,
        text.count("(") * per_word,
        len(_DIGITS_RE.findall(text)) * per_word,
        (text.count('"') + text.count("“") + text.count("”")) * per_word,
        (text.count("!") + text.count("?")) / n_sentences,
        len(_CONTRACTION_RE.findall(text)) * per_word,
        sum(counts[word] for word in _FIRST_PERSON) * per_word,
        sum(counts[word] for word in _SECOND_PERSON) * per_word,
        transition_openers / n_sentences,
        lowercase_openers / n_sentences,
    ]


class NgramClassifier:
    """Logistic regression over distorted-text n-grams and stylometric measures."""

    name = "ngram"
    version = "1.1"

    def __init__(self, model_path: str | Path | None = None, *,
                 section: Mapping[str, Any] | None = None) -> None:
        """Load the model from ``section`` if given, else from the model file."""
        if section is None:
            section = load_section("ngram", model_path)
        self.weights: dict[str, float] = section["weights"]
        self.keep: frozenset[str] = frozenset(section["keep_words"])
        self.dense_mean: list[float] = section["dense_mean"]
        self.dense_scale: list[float] = section["dense_scale"]
        self.dense_weights: list[float] = section["dense_weights"]
        self.intercept: float = section["intercept"]
        self.flag_threshold: float = section["flag_threshold"]
        self._cache: dict[str, str] = {}

    def _distorted(self, token: str) -> str:
        """The distorted form of one token (cached: a post repeats most of its tokens)."""
        cache = self._cache
        distorted = cache.get(token)
        if distorted is None:
            first = token[0]
            if first.isalpha():
                lower = token.lower().replace("’", "'")
                keep = lower in FUNCTION_WORDS or lower in self.keep
                distorted = lower if keep else _shape(token)
            elif first.isdigit():
                distorted = "9"
            else:
                distorted = token
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[token] = distorted
        return distorted

    def decision(self, text: str) -> tuple[float, list[float]]:
        """Return the model's log-odds for ``text`` (its :func:`scored_part`) and, per sentence
        of that part (``sentence_spans``), the summed contribution of the known n-grams starting
        in it.
        """
        text = scored_part(text)
        spans = sentence_spans(text)
        distorted, cached = self._distorted, self._cache.get
        names: list[str] = []
        sentence_words: list[list[str]] = []
        sentence_ends: list[int] = []  # token index at which each sentence ends
        for start, end in spans:
            # Tokens never cross a sentence boundary, so this is distort()'s sequence.
            tokens = _TOKEN_RE.findall(text, start, end)
            names += [cached(token) or distorted(token) for token in tokens]
            sentence_words.append([token for token in tokens if token[0].isalpha()])
            sentence_ends.append(len(names))
        bigrams = [f"{a} {b}" for a, b in zip(names, names[1:], strict=False)]
        trigrams = [f"{a} {b}" for a, b in zip(bigrams, names[2:], strict=False)]
        weights = self.weights
        counts = Counter(names)
        counts.update(bigrams)
        counts.update(trigrams)
        grams = list(weights.keys() & counts.keys())
        gram_counts = list(map(counts.__getitem__, grams))
        values = [_ONE_PLUS_LOG[count] if count < _LOG_TABLE_SIZE else 1.0 + math.log(count)
                  for count in gram_counts]
        # fsum: exactly rounded, so the result does not depend on the set's iteration order
        # (which varies with string hashing from one process to the next).
        norm = math.sqrt(math.fsum([value * value for value in values])) or 1.0
        contribution = [weights[gram] * value / norm
                        for gram, value in zip(grams, values, strict=True)]
        z = self.intercept + math.fsum(contribution)
        # Each occurrence of a gram gets an equal share of the gram's contribution.
        share = dict(zip(grams, map(operator.truediv, contribution, gram_counts), strict=True))
        dense = _dense_features(text, sentence_words)
        for value, mean, scale, weight in zip(dense, self.dense_mean, self.dense_scale,
                                              self.dense_weights, strict=True):
            z += weight * (value - mean) / scale
        if not share:
            return z, [0.0] * len(spans)
        get, zero = share.get, itertools.repeat(0.0)
        per_position = [list(map(get, grams, zero)) for grams in (names, bigrams, trigrams)]
        totals: list[float] = []
        first = 0
        for last in sentence_ends:
            totals.append(sum(sum(values[first:last]) for values in per_position))
            first = last
        return z, totals

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; ``context`` is not used."""
        z, totals = self.decision(text)
        return Result(round(sigmoid(z), 4), self._evidence(scored_part(text), totals))

    @staticmethod
    def _evidence(text: str, totals: list[float]) -> tuple[Evidence, ...]:
        """The sentences whose n-grams add most to the score."""
        spans = sentence_spans(text)
        ranked = sorted(((total, i) for i, total in enumerate(totals) if total > 0), reverse=True)
        return tuple(
            Evidence(spans[i][0], spans[i][1],
                gettext_noop("sentence built like AI text (n-gram model)"),
                     round(total, 4))
            for total, i in ranked[:_MAX_EVIDENCE]
        )

"""Excess "AI vocabulary" and phrase templates typical of chat assistants.

Word list source: the style words (column ``type == "style"``) of the excess-vocabulary list in
Kobak, González-Márquez, Horvát and Lause, "Delving into LLM-assisted writing in biomedical
publications through excess vocabulary" (2024/2025), repository berenslab/llm-excess-vocab
(MIT licence) — words whose frequency in 2024 abstracts rose far above their pre-LLM trend.
The list itself is not shipped: :func:`derive_word_weights` reads the published CSV at training
time and only the derived word weights are stored in the model file. The weights are ours: the
words that became markers of LLM prose ("delve", "showcasing", "underscores", "intricate") weigh
most, common academic and function words that made the list ("this", "findings", "between")
are left out, and everything else weighs little. A few markers that are not in the published
list ("tapestry", "vibrant", "navigate") and the phrase templates below are this project's own.

The score is the weighted number of hits per 1,000 words (each distinct term counted with
diminishing returns, and smoothed towards zero for short texts), mapped to a probability by a
logistic calibration fitted at training time. Words in quotation marks or in a plain list of
such words ("delve, tapestry and testament") are ignored, so posts *about* AI style are not
mistaken for AI style.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._text import (
    WORD_RE,
    QuotedSpans,
    ascii_lower,
    compile_word_start,
    contains_any,
    quoted_spans,
    scored_part,
    word_matches,
)
from .base import Evidence, Result, gettext_noop
from .model_file import load_section

SOURCE = (
    "Kobak et al. 2024, 'Delving into LLM-assisted writing in biomedical publications through "
    "excess vocabulary', berenslab/llm-excess-vocab (MIT), style words"
)

# Weights for the published style words; words not named here weigh DEFAULT_WEIGHT.
STRONG_WORDS = frozenset((
    "accentuates", "adept", "bolster", "bolstered", "bolstering", "burgeoning", "commendable",
    "culminating", "delve", "delved", "delves", "delving", "elucidate", "elucidates",
    "elucidating", "embracing", "empowers", "encapsulates", "endeavors", "endeavours", "garnered",
    "garnering", "groundbreaking", "harness", "harnesses", "harnessing", "illuminates",
    "illuminating", "intricacies", "intricate", "intricately", "interconnectedness", "interplay",
    "invaluable", "leverages", "leveraging", "meticulous", "meticulously", "multifaceted",
    "notably", "noteworthy", "nuanced", "orchestrating", "paving", "pivotal", "poised", "realm",
    "realms", "revolutionize", "revolutionizing", "seamless", "seamlessly", "showcased",
    "showcases", "showcasing", "transformative", "uncharted", "underexplored", "underscore",
    "underscored", "underscores", "underscoring", "unlocking", "unparalleled", "unraveling",
    "unveil", "unveiled", "unveiling", "unveils", "fostering", "fosters", "elevate", "elevates",
    "elevating", "streamline", "streamlined", "streamlines", "streamlining", "versatility",
    "grappling",
))
MEDIUM_WORDS = frozenset((
    "advancements", "align", "aligning", "aligns", "amidst", "avenue", "avenues", "capabilities",
    "compelling", "comprehensive", "crucial", "emphasize", "emphasizes", "emphasises",
    "emphasizing", "enhance", "enhanced", "enhancements", "enhances", "enhancing", "ensuring",
    "evolving", "exceptional", "exceptionally", "facilitate", "facilitates", "facilitated",
    "facilitating", "formidable", "highlighting", "highlights", "impactful", "inherent",
    "innovative", "insights", "necessitate", "necessitates", "nuances", "potentially", "pressing",
    "prevalent", "promising", "remarkable", "scrutinize", "shaping", "shedding", "signifying",
    "solidify", "spurred", "strategically", "substantial", "surpass", "surpassed", "surpasses",
    "surpassing", "swift", "swiftly", "thorough", "valuable", "encompass", "encompassed",
    "encompasses", "encompassing",
))
# Too common in ordinary (and pre-LLM academic) writing to be evidence of anything.
EXCLUDED_WORDS = frozenset((
    "across", "address", "addresses", "addressing", "analysis", "approach", "based", "between",
    "both", "challenge", "challenges", "conditions", "conducted", "during", "findings", "however",
    "including", "into", "involves", "involving", "leading", "like", "need", "observed", "offer",
    "offering", "offers", "particularly", "potential", "primarily", "primary", "providing",
    "research", "remains", "resulting", "role", "serves", "serving", "specifically", "statement",
    "strategies", "struggle", "techniques", "their", "these", "this", "through", "typically",
    "ultimately", "understanding", "using", "various", "varying", "were", "while", "within",
    "identified", "impact", "impacting", "limitations", "linked", "maintaining", "outcomes",
    "presents", "revealed", "reveals", "revealing", "demonstrated", "demonstrates",
    "demonstrating", "indicating", "employed", "employing", "employs", "aims", "assess",
    "assessed", "assessing", "assessments", "initially", "subsequently", "declare", "declared",
    "announced", "postponed", "fight", "hardest", "hold", "holds", "wandering", "apologizes",
    "afflicted", "complex", "distinct", "individuals", "attributed", "conversely", "consequently",
    "despite", "examines", "explores", "exploration", "evaluates", "investigates", "introduces",
    "incorporates", "incorporating", "integrating", "integrates", "integration", "alongside",
    "advancing", "achieving", "aiding", "comprising", "contributing", "detailing", "displaying",
    "featuring", "focusing", "influencing", "preserving", "recognizing", "seeks", "enabling",
    "pose", "posed", "poses", "posing", "promise", "precise", "predominantly", "stands",
    "stemming", "thereby", "emerged", "emerges", "amid", "necessity", "exhibit", "exhibited",
    "exhibiting", "exhibits", "diverse", "effectively",
))
STRONG_WEIGHT, MEDIUM_WEIGHT, DEFAULT_WEIGHT = 3.0, 1.0, 0.3

# Markers that are not in the published list (this project's own choice).
EXTRA_WORDS: dict[str, float] = {
    "tapestry": 3.0, "testament": 2.0, "vibrant": 1.5, "bustling": 1.5, "paramount": 1.5,
    "navigate": 1.5, "navigating": 1.5, "navigates": 1.5, "myriad": 1.5, "plethora": 1.5,
    "captivating": 1.5, "boasts": 1.5, "embark": 2.0, "resonate": 1.5, "resonates": 1.5,
    "holistic": 1.0, "insightful": 1.0, "foster": 2.0, "crucially": 1.0, "robust": 0.5,
    "landscape": 0.5, "vital": 0.5, "cornerstone": 1.5, "profound": 1.0, "profoundly": 1.0,
    "renowned": 1.0, "visionary": 1.0, "numerous": 0.5, "furthermore": 0.3, "moreover": 0.3,
}

_I = re.IGNORECASE
# Lower-case strings of which every match of a phrase template contains one: the template's
# regex only runs on texts that contain one (a substring test is far cheaper than a scan).
_PHRASE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "it's important to note": ("it's ", "it is "),
    "in today's ... world": ("in today's ",),
    "a testament to": ("a testament to",),
    "cannot be overstated": ("cannot be overstated",),
    "plays a crucial role": (" role",),
    "navigate the complexities": ("navigat",),
    "ever-evolving": ("ever-",),
    "fast-paced world": ("fast-paced ", "rapidly ", "digital "),
    "embark on a journey": ("embark",),
    "unlock the potential": ("unlock",),
    "fostering a sense of": ("a sense of",),
    "whether you're a ... or a ...": ("whether you",),
    "serves as a reminder": ("serve",),
    "for generations to come": (" to come",),
    "it's not just X — it's Y": ("it's not ", "it is not "),
    "in the realm of": ("in the ",),
    "it's important to ...": ("it's ", "it is "),
    "consult a healthcare professional": ("consult",),
    "widely regarded as": (" regarded as", " considered as", " recognized as"),
    "offers a unique ...": ("offer",),
    "deeply rooted": ("deeply ",),
    "not only ... but also": ("but also",),
    "a deeper understanding of": (" understanding of",),
    "a rich tapestry": ("rich ", "vibrant ", "intricate "),
    "shed light on": ("light on",),
    "paving the way": (" the way",),
    "strike a balance": (" balance",),
    "continues to evolve": ("continue",),
    "a wide range of": ("wide ", "broad ", "diverse "),
    "key takeaways": ("key ",),
    "sentence opener 'Additionally,' / 'Ultimately,'": (
        "in essence,", "in summary,", "importantly,", "additionally,", "ultimately,"),
    "sentence opener 'Overall,'": ("overall,", "that said,", "that being said,"),
}
# Phrase templates of chat-assistant prose (this project's own list): regex, weight, reason.
PHRASE_TEMPLATES: tuple[tuple[str, float, str], ...] = (
    (r"\bit(?:'s| is) (?:important|essential|crucial|worth) (?:to (?:note|remember|consider|"
     r"recognize|understand|emphasize|keep in mind)|noting)\b", 3.0, "it's important to note"),
    (r"\bin today's (?:[\w-]+ ){0,3}(?:world|landscape|age|era|society|environment)\b", 3.0,
     "in today's ... world"),
    (r"\ba testament to\b", 3.0, "a testament to"),
    (r"\bcannot be overstated\b", 3.0, "cannot be overstated"),
    (r"\bplay(?:s|ed|ing)? an? (?:crucial|vital|pivotal|key|significant|critical|essential|"
     r"central) role\b",
     2.0, "plays a crucial role"),
    (r"\bnavigat\w* (?:the )?(?:complexities|challenges|intricacies|landscape)\b", 2.5,
     "navigate the complexities"),
    (r"\bever-(?:evolving|changing|growing|expanding)\b", 2.0, "ever-evolving"),
    (r"\b(?:fast-paced|rapidly (?:evolving|changing)|digital) (?:world|landscape|age|era)\b",
     2.0,
     "fast-paced world"),
    (r"\bembark(?:s|ed|ing)? on (?:a|an|this|your|their) (?:[\w-]+ )?journey\b", 2.5,
     "embark on a journey"),
    (r"\bunlock(?:s|ing)? (?:the |their |your |its )?(?:full )?potential\b", 2.0,
     "unlock the potential"),
    (r"\bfoster(?:s|ing)? a sense of\b", 2.0, "fostering a sense of"),
    (r"\bwhether you(?:'re| are) an? [\w-]+(?: [\w-]+)? or an?\b", 2.5,
     "whether you're a ... or a ..."),
    (r"\bserves? as an? (?:[\w-]+ )?(?:reminder|testament|foundation|cornerstone|catalyst|"
     r"beacon|"
     r"hub)\b", 2.0, "serves as a reminder"),
    (r"\bfor (?:years|generations) to come\b", 2.0, "for generations to come"),
    (r"\bit(?:'s| is) not (?:just|only|merely) (?:about )?[^.!?;]{1,40}?[—;,] "
     r"(?:it(?:'s| is)|but)\b",
     2.0, "it's not just X — it's Y"),
    (r"\bin the (?:realm|world|landscape) of\b", 1.5, "in the realm of"),
    (r"\bit(?:'s| is) (?:also |always )?(?:important|essential|crucial|advisable|a good idea|"
     r"best) to\b", 1.0, "it's important to ..."),
    (r"\bconsult(?:ing)? (?:with )?(?:a|your) (?:healthcare|medical|mental health) "
     r"(?:provider|professional)\b", 2.0, "consult a healthcare professional"),
    (r"\b(?:is|are|was|were) (?:widely|often|generally) (?:regarded|considered|recognized) "
     r"as\b",
     1.0, "widely regarded as"),
    (r"\boffers? (?:a |an )?(?:unique|valuable|compelling|powerful|promising) ", 1.0,
     "offers a unique ..."),
    (r"\bdeeply (?:rooted|important|personal|ingrained)\b", 1.0, "deeply rooted"),
    (r"\bnot only\b[^.!?]{1,80}?\bbut also\b", 1.5, "not only ... but also"),
    (r"\ba (?:deep|deeper|profound|nuanced|comprehensive) understanding of\b", 1.5,
     "a deeper understanding of"),
    (r"\b(?:rich|vibrant|intricate) (?:tapestry|history|culture|heritage)\b", 1.5,
     "a rich tapestry"),
    (r"\bshed(?:s|ding)? (?:new )?light on\b", 1.5, "shed light on"),
    (r"\bpav(?:e|es|ed|ing) the way\b", 1.5, "paving the way"),
    (r"\bstrik(?:e|es|ing) a (?:delicate |healthy |careful )?balance\b", 1.5,
     "strike a balance"),
    (r"\bcontinues? to (?:evolve|shape|inspire|captivate|thrive)\b", 1.5,
     "continues to evolve"),
    (r"\ba (?:wide|broad|diverse) (?:range|array|variety|spectrum) of\b", 1.0,
     "a wide range of"),
    (r"\bkey (?:takeaways?|considerations|insights)\b", 1.0, "key takeaways"),
    (r"(?:^|[.!?]\s+)(?:In essence|In summary|Importantly|Additionally|Ultimately),", 1.5,
     "sentence opener 'Additionally,' / 'Ultimately,'"),
    (r"(?:^|[.!?]\s+)(?:Overall|That said|That being said),", 1.0,
     "sentence opener 'Overall,'"),
)
# The templates compiled for ascii_lower()-ed text (faster than re.IGNORECASE), with their
# keywords: (regex, word_start, weight, reason, keywords), see compile_word_start().
PHRASES: tuple[tuple[re.Pattern[str], bool, float, str, tuple[str, ...]], ...] = tuple(
    (*compile_word_start(pattern), weight, reason, _PHRASE_KEYWORDS[reason])
    for pattern, weight, reason in PHRASE_TEMPLATES
)

_LIST_GLUE_RE = re.compile(r"^\s*(?:,|/|,?\s*(?:and|or))?\s*$", _I)
_MENTION_RE = re.compile(
    r"\b(?:words?|terms?|phrases?|vocabulary|say|says|said|saying|spelled)\b"
    r"(?:\s+(?:like|such as|as|of))?\s*[:,]?\s*$",
    _I,
)
_SMOOTHING_WORDS = 100  # pseudo-words added to every text so a short text cannot spike
_MAX_EVIDENCE = 12
_SINGLE_TERM_SHARE = 1 / 3
# The highest rate one term can reach (1000 × 1 / _SMOOTHING_WORDS) is 10; the default flag
# threshold sits above it, so a single word never flags a text on its own.
MIN_FLAG_RATE = 12.0
# Words that are AI markers only as verbs: "underscores the need", not "two underscores".
_VERB_ONLY = frozenset(("underscore", "underscores", "underscored", "highlights"))
_VERB_OBJECT_RE = re.compile(
    r"\s+(?:the|a|an|its|their|our|his|her|this|these|that|how|why|what|both|importance|need)\b",
    _I,
)


def derive_word_weights(csv_path: str | Path) -> dict[str, float]:
    """Derive word weights from the published excess-vocabulary CSV (style words only).

    The CSV is the one in berenslab/llm-excess-vocab (columns ``word`` and ``type``). Weighting
    follows the tiers in this module; the project's own extra markers are added afterwards.
    """
    weights: dict[str, float] = {}
    with open(csv_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            word = row["word"].strip().lower()
            if row["type"].strip() != "style" or word in EXCLUDED_WORDS:
                continue
            if word in STRONG_WORDS:
                weights[word] = STRONG_WEIGHT
            elif word in MEDIUM_WORDS:
                weights[word] = MEDIUM_WEIGHT
            else:
                weights[word] = DEFAULT_WEIGHT
    weights.update(EXTRA_WORDS)
    return dict(sorted(weights.items()))


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_APOSTROPHES = frozenset("'’")


def _word_occurrences(lowered: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``lowered`` as a whole ``WORD_RE`` token."""
    spans: list[tuple[int, int]] = []
    size, length = len(word), len(lowered)
    start = lowered.find(word)
    while start != -1:
        end = start + size
        before = lowered[start - 2:start] if start >= 2 else " " + lowered[:start]
        after = lowered[end:end + 2]
        if not (before[-1:] in _LETTERS
                or (before[-1:] in _APOSTROPHES and before[:1] in _LETTERS)
                or (end < length and after[:1] in _LETTERS)
                or (after[:1] in _APOSTROPHES and after[1:2] in _LETTERS)):
            spans.append((start, end))
        start = lowered.find(word, start + 1)
    return spans


def _scan(text: str, word_weights: Mapping[str, float]) -> tuple[list[Evidence], int]:
    """Lexicon hits in ``text`` (its ``scored_part``) and its word count.

    Looks up the set of distinct words once and searches only for the lexicon words present,
    instead of handling every word of the text in Python.
    """
    text = scored_part(text)
    lowered = ascii_lower(text)
    words = WORD_RE.findall(lowered)
    quoted: QuotedSpans | None = None
    hits: list[Evidence] = []
    present = word_weights.keys() & set(words)
    occurrences = sorted(
        (start, end, word) for word in present for start, end in _word_occurrences(lowered, word))
    previous_end = -1  # end of the previous lexicon word, used or not
    for start, end, lower in occurrences:
        if lower in _VERB_ONLY and not _VERB_OBJECT_RE.match(text, end):
            continue
        if quoted is None:
            quoted = quoted_spans(text)
        listed = previous_end >= 0 and bool(_LIST_GLUE_RE.match(text[previous_end:start]))
        if listed and hits and hits[-1].end == previous_end:
            # "delve, tapestry and testament": a list of words being discussed, not prose.
            hits.pop()
        previous_end = end
        mentioned = _MENTION_RE.search(text[max(0, start - 30):start])
        if listed or mentioned or quoted.contains(start, end):
            continue
        hits.append(
            Evidence(start, end, gettext_noop("AI-typical word '%(word)s'"), word_weights[lower],
                     {"word": text[start:end]}))
    for regex, word_start, weight, reason, keywords in PHRASES:
        if not contains_any(lowered, keywords):
            continue
        for match in word_matches(regex, lowered, word_start):
            start, end = match.span()
            if quoted is None:
                quoted = quoted_spans(text)
            if not quoted.contains(start, end):
                hits.append(
                    Evidence(start, end,
                        gettext_noop("chat-assistant phrase template '%(phrase)s'"),
                             weight, {"phrase": reason}))
    return hits, len(words)


def lexicon_hits(text: str, word_weights: Mapping[str, float]) -> list[Evidence]:
    """Find lexicon words and phrase templates used (not quoted or listed) in ``text``."""
    return _scan(text, word_weights)[0]


def weighted_rate(hits: list[Evidence], word_count: int) -> float:
    """Weighted hits per 1,000 words; repeats of a term add logarithmically."""
    per_term: dict[str, tuple[float, int]] = {}
    for hit in hits:
        weight, count = per_term.get(hit.reason, (hit.weight, 0))
        per_term[hit.reason] = (weight, count + 1)
    terms = sorted((weight * (1.0 + math.log(count)) for weight, count in per_term.values()),
                   reverse=True)
    if terms:
        # Any writer may use one of these words; AI prose uses many. The strongest term alone
        # therefore counts for a third.
        terms[0] *= _SINGLE_TERM_SHARE
    return 1000.0 * sum(terms) / (word_count + _SMOOTHING_WORDS)


class StyleLexiconClassifier:
    """Scores the density of excess AI vocabulary and chat-assistant phrase templates."""

    name = "style_lexicon"
    version = "1.1"

    def __init__(self, model_path: str | Path | None = None, *,
                 section: Mapping[str, Any] | None = None) -> None:
        """Load the model from ``section`` if given, else from the model file."""
        if section is None:
            section = load_section("style_lexicon", model_path)
        self.word_weights: dict[str, float] = section["word_weights"]
        self.slope: float = section["calibration"]["slope"]
        self.intercept: float = section["calibration"]["intercept"]
        self.flag_threshold: float = section["flag_threshold"]

    def rate(self, text: str) -> tuple[float, list[Evidence]]:
        """Return the weighted rate per 1,000 words and the hits behind it."""
        hits, word_count = _scan(text, self.word_weights)
        return weighted_rate(hits, word_count), hits

    def probability(self, rate: float) -> float:
        """Map a weighted rate to a calibrated probability of AI authorship."""
        z = self.slope * math.log1p(rate) + self.intercept
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; ``context`` is not used."""
        rate, hits = self.rate(text)
        hits.sort(key=lambda hit: (-hit.weight, hit.start))
        return Result(round(self.probability(rate), 4), tuple(hits[:_MAX_EVIDENCE]))

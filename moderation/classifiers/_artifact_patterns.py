r"""How the chat-artifact classifier's patterns are written: one :class:`Pattern` per phrasing.

Private to :mod:`.chat_artifacts`, which explains how finds are weighed; the phrases are in
:mod:`._artifact_phrases`, :mod:`._artifact_offers` and :mod:`._artifact_courtesies` (whose
openers :mod:`._artifact_reactions` judges), the markup patterns (placeholders, citation
markers, tracking parameters) in :mod:`._artifact_markup`. Patterns run on the
*normalised* text of :func:`.chat_artifacts.normalise`: lower-case, straight quotes and
apostrophes, every dash a hyphen, Markdown emphasis markers removed and each run of whitespace
one space, one line break or (a blank line) two. A space in a pattern is compiled as ``\s``, so
it stands for any gap between two words, and ``'`` for any apostrophe; keywords are looked up
with line breaks read as spaces.

Every regular expression is linear: no nested quantifiers over the same characters, bounded
repetitions (``{0,3}``) and bounded look-aheads only, and each one is tried only on texts that
contain one of its ``keywords`` (plain substring tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Where(Enum):
    """Where in a post a find is meaningful (see :mod:`.chat_artifacts`)."""

    ANYWHERE = "anywhere"  # an offer of a rewrite, a marker: wherever it stands
    START = "start"  # an opener: at the start of the post, a paragraph or a line
    SENTENCE = "sentence"  # at the start of a sentence ("Want me to ...?")
    CLOSING = "closing"  # a sign-off: in the last paragraph, or closing a paragraph


@dataclass(frozen=True, slots=True)
class Pattern:
    """One kind of leftover: a regular expression, how strongly it shows a paste, and why.

    ``family`` groups phrasings of the same leftover: a family counts once however often and
    in however many wordings it occurs, so two *weak* finds only add up when they are of two
    different families (a sign-off *and* an opener, not "hope this helps" twice).
    ``markup`` finds (markers, URLs, placeholders, invisible characters) add up with every
    occurrence instead, up to a limit. ``mentionable`` is False for what a writer cannot type
    on purpose in a discussion (private-use and zero-width characters). A pattern with an
    ``unless`` expression does not count in a text where that expression matches (numbered
    citation marks in a post that has its own list of references). A pattern with an
    ``accept`` function counts only where it returns True for the normalised text and the
    match's span: for judgements a regular expression cannot make in linear time (how many
    signs of an assistant's opener a sentence shows).
    """

    regex: re.Pattern[str]
    weight: float
    reason: str
    family: str
    where: Where = Where.ANYWHERE
    markup: bool = False
    mentionable: bool = True
    keywords: tuple[str, ...] = ()
    unless: re.Pattern[str] | None = None
    accept: Callable[[str, int, int], bool] | None = None


# An offer followed, in the same sentence, by the writer's own plans ("If you want, I can
# explain how I set it up") is a person's.
IMPERSONAL = r"(?![^.!?\n]{0,60}\b(?:my|our|we|(?<!the )us|i)\b)"
LEAD_IN_LIMIT = 300  # characters of a poster's own first paragraph before a pasted answer
# The start of a post, or of a pasted answer that the writer's own line introduces ("Not my
# wording, but this fixed it:"); its first look-behind, a line start, rules out most positions
# at once.
ANSWER_START = r"(?<![^\n])(?:\A|(?<=:\n\n)|(?<=:\n))"
# A line on its own, as a chat app's buttons and labels are copied along with an answer.
LINE_START = r"(?<![^\n])"  # after a line break or at the start of the text

# Words in quotation marks are not the writer's own voice ('Ah, the classic "it works on my
# machine" problem!', 'Frame it as "I want everyone to get a turn."').
_QUOTED_WORDS_RE = re.compile(r'"[^"\n]{1,300}"')


def blank_quotes(text: str) -> str:
    """``text`` with every quotation blanked out; offsets stay as they are."""
    return _QUOTED_WORDS_RE.sub(lambda quote: " " * len(quote[0]), text)


STRONG = 0.92  # one such find flags a post (ChatArtifactsClassifier.flag_threshold is 0.9)
WEAK = 0.7  # two weak finds of different families flag it: 1 - 0.3 * 0.3 = 0.91
HINT = 0.5  # shown to moderators, never flags even with one weak find: 1 - 0.5 * 0.3 = 0.85


# A word boundary before a letter or a digit, as in "\bhere".
_BOUNDARY_FIRST_RE = re.compile(r"\\b([a-z]|\\d)(?![?*+{])")


def _literal_first(pattern: str) -> str:
    r"""``pattern`` with each word boundary before a letter checked after the letter instead
    (``h(?<=\bh)ere`` for ``\bhere``): the same matches, but an alternative that starts with a
    character lets ``re`` skip to where it can start, where one that starts with ``\b``, a
    look-behind or a group of words is tried at every position of the text. A pattern whose
    alternatives all start with a character (after this rewrite) scans a long text many times
    faster (``python -m bench chat_artifacts``), which is why some phrasings are split over
    several patterns of the same family.
    """
    return _BOUNDARY_FIRST_RE.sub(r"\1(?<=\\b\1)", pattern)


def _p(pattern: str, weight: float, reason: str, family: str, where: Where = Where.ANYWHERE,
       *, keywords: tuple[str, ...], markup: bool = False, mentionable: bool = True,
       unless: str | None = None, accept: Callable[[str, int, int], bool] | None = None
       ) -> Pattern:
    # A space in a pattern stands for any gap: a line break is a space to a sentence.
    return Pattern(re.compile(_literal_first(pattern.replace(" ", r"\s"))), weight, reason,
                   family, where,
                   markup, mentionable, keywords,
                   re.compile(unless, re.MULTILINE) if unless else None, accept)

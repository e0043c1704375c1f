"""Text helpers shared by the classifiers: words with offsets, sentences, quoted spans.

Private to the package: the functions are tuned for speed on forum posts, not for linguistics.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)]*(?=\s|$)|\n\s*\n")

# Quotations a commenter uses to *mention* a phrase rather than use it: quotation marks, inline
# code, fenced and indented code blocks, blockquote lines. Single quotes must not start inside a
# word, so the apostrophe in "don't" never opens a quotation.
_QUOTE_RES = (
    # (regex, a string every match contains: the regex only runs on texts that contain it)
    (re.compile(r"\"[^\"\n]{1,400}\""), '"'),
    (re.compile(r"“[^”\n]{1,400}”"), "“"),
    # ... and over several lines, from a line's start to a line's end (a quoted signature).
    (re.compile(r"^\"[^\"]{1,600}\"(?=[ \t]*$)", re.MULTILINE), '"'),
    (re.compile(r"^“[^”]{1,600}”(?=[ \t]*$)", re.MULTILINE), "“"),
    (re.compile(r"(?<![\w'])'[^'\n]{1,200}'(?![\w'])"), "'"),
    (re.compile(r"‘[^’\n]{1,200}’(?!\w)"), "‘"),
    (re.compile(r"`[^`\n]{1,400}`"), "`"),
    (re.compile(r"^[ \t]*~~~.*?(?:^[ \t]*~~~|\Z)", re.MULTILINE | re.DOTALL), "~~~"),
    (re.compile(r"^[ \t]*```.*?(?:^[ \t]*```|\Z)", re.MULTILINE | re.DOTALL), "```"),
    (re.compile(r"(?:\A|\n[ \t]*\n) {4}[^\n]*(?:\n {4}[^\n]*)*"), "    "),
    (re.compile(r"(?:\A|\n[ \t]*\n)\t[^\n]*(?:\n\t[^\n]*)*"), "\t"),
    (re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE), ">"),
)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PATTERN_UPPER_RE = re.compile(r"(\\.)|([A-Z])")


@functools.lru_cache(maxsize=8)
def ascii_lower(text: str) -> str:
    """Lower-cased ``text`` with the same character offsets (``str.lower`` can change them).

    Matching lower-cased text with case-sensitive patterns is several times faster than
    ``re.IGNORECASE``. Cached: every classifier lowers the same post.
    """
    lowered = text.lower()
    if text.isascii() or len(lowered) == len(text):
        # One character in, one character out: offsets are unchanged. (Non-ASCII letters are
        # lower-cased too, which no pattern here distinguishes.)
        return lowered
    return text.translate(_ASCII_LOWER)


def compile_word_start(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], bool]:
    r""":func:`compile_lower` a pattern; a leading ``\b`` before a letter is checked by
    :func:`word_matches` instead, so the regex starts with a literal and ``re`` can use its
    fast literal-prefix search (about ten times faster than a leading ``\b``).
    """
    if pattern.startswith("\\b") and pattern[2:3].isalpha():
        return compile_lower(pattern[2:], flags), True
    return compile_lower(pattern, flags), False


def word_matches(regex: re.Pattern[str], text: str, word_start: bool) -> Iterator[re.Match[str]]:
    """Like ``regex.finditer(text)``, keeping only matches at a word start if ``word_start``."""
    if not word_start:
        yield from regex.finditer(text)
        return
    position = 0
    while (match := regex.search(text, position)) is not None:
        start = match.start()
        before = text[start - 1] if start else " "
        if not (before.isalnum() or before == "_"):
            yield match
            position = max(match.end(), start + 1)
        else:
            position = start + 1


def contains_any(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether any keyword occurs in ``text``; a cheap test before running a regex."""
    return any(keyword in text for keyword in keywords)


def compile_lower(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` for :func:`ascii_lower`-ed text: letters lower-cased, escapes kept."""
    lowered = _PATTERN_UPPER_RE.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)
    return re.compile(lowered, flags)


@functools.lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into (start, end) sentence spans; blank lines also end a sentence.

    Cached, like :func:`quoted_spans`: several classifiers read the same post.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)


# The style measures read at most this many characters of a post (whole sentences): about 330
# words give a stable rate, and the cost of a post stays bounded however long it is. (Chat
# artifacts are looked for everywhere: a sign-off sits at the end.)
MAX_CHARS = 2000


@functools.lru_cache(maxsize=8)
def scored_part(text: str) -> str:
    """The leading whole sentences of ``text``, at most ``MAX_CHARS`` characters (a first
    sentence longer than that is cut). Cached: several classifiers read the same post.
    """
    if len(text) <= MAX_CHARS:
        return text
    end = 0
    for match in SENTENCE_END_RE.finditer(text, 0, MAX_CHARS + 1):
        if match.end() <= MAX_CHARS:
            end = match.end()
    return text[:end or MAX_CHARS]


@functools.lru_cache(maxsize=8)
def quoted_spans(text: str) -> QuotedSpans:
    """The (cached) :class:`QuotedSpans` of ``text``."""
    return QuotedSpans(text)


class QuotedSpans:
    """The character ranges of ``text`` that sit inside quotation marks or blockquote lines.

    Used to ignore phrases that a human merely quotes or discusses.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str) -> None:
        ranges = sorted(m.span() for regex, needle in _QUOTE_RES if needle in text
                        for m in regex.finditer(text))
        merged: list[tuple[int, int]] = []
        for start, end in ranges:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def contains(self, start: int, end: int) -> bool:
        """Whether the span [start, end) overlaps a quotation."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index >= 0 and self._ends[index] > start:
            return True
        nxt = index + 1
        return nxt < len(self._starts) and self._starts[nxt] < end

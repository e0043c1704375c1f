"""Mark classifier evidence in a post's sanitized HTML, for moderators.

Evidence spans are offsets into the *authored text* (``moderation.text``): the post without AI
blocks, code and quotations. Rather than mapping offsets, the quoted evidence text is looked
up in the same text nodes the authored text was made of, whitespace-insensitively. The HTML is
re-emitted tag for tag from the stored, already sanitized render; the only markup added is our
own ``<mark>`` elements, whose attributes are escaped. Nothing from the evidence is ever
inserted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from .text import EXCLUDED

#: Characters a chat assistant leaves invisible in pasted text.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u180e\ufeff")


@dataclass(frozen=True)
class Needle:
    """A passage to mark in the post, with the reason and classifier shown on hover."""

    text: str
    reason: str
    classifier: str


def needles(evidence: dict[str, list[dict]]) -> list[Needle]:
    """Distinct quoted spans, longest first (so a phrase wins over a word inside it)."""
    seen: dict[str, Needle] = {}
    for classifier, items in (evidence or {}).items():
        for entry in items or []:
            text = " ".join(str(entry.get("text") or "").split()) or str(entry.get("text") or "")
            if not text or (len(text) < 2 and not set(text) <= INVISIBLE):
                continue
            if text in seen:
                if entry.get("reason") and entry["reason"] not in seen[text].reason:
                    old = seen[text]
                    seen[text] = Needle(text, f"{old.reason}; {entry['reason']}", old.classifier)
                continue
            seen[text] = Needle(text, str(entry.get("reason") or ""), classifier)
    return sorted(seen.values(), key=lambda needle: -len(needle.text))


def _normalise(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space; return the result and, for each of its
    characters, the index of the character it came from.
    """
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space:
                out.append(" ")
                where.append(index)
            in_space = True
        else:
            out.append(char)
            where.append(index)
            in_space = False
    return "".join(out), where


def _spans(text: str, found: list[Needle]) -> list[tuple[int, int, Needle]]:
    norm, where = _normalise(text)
    taken: list[tuple[int, int, Needle]] = []
    for needle in found:
        start = norm.find(needle.text)
        while start != -1:
            end = start + len(needle.text)
            a, b = where[start], where[end - 1] + 1
            if all(b <= s or a >= e for s, e, _n in taken):
                taken.append((a, b, needle))
            start = norm.find(needle.text, end)
    return sorted(taken, key=lambda span: span[0])


class _Highlighter(HTMLParser):
    def __init__(self, found: list[Needle]) -> None:
        super().__init__(convert_charrefs=True)
        self.found = found
        self.out: list[str] = []
        self.depth = 0
        self.marked = 0

    def handle_starttag(self, tag, attrs):
        if tag in EXCLUDED:
            self.depth += 1
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in EXCLUDED:
            self.depth = max(0, self.depth - 1)
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.depth or not self.found:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for start, end, needle in _spans(data, self.found):
            self.out.append(escape(data[position:start], quote=False))
            invisible = set(data[start:end]) <= INVISIBLE
            self.out.append(
                f'<mark class="evidence evidence-{escape(needle.classifier)}'
                f'{" evidence-invisible" if invisible else ""}" tabindex="0" '
                f'data-reason="{escape(needle.reason)}" aria-label="{escape(needle.reason)}">'
                f"{escape(data[start:end], quote=False)}</mark>"
            )
            self.marked += 1
            position = end
        self.out.append(escape(data[position:], quote=False))


def highlight(html: str, evidence: dict[str, list[dict]]) -> tuple[str, int]:
    """The sanitized ``html`` with evidence marked, and how many marks were placed."""
    parser = _Highlighter(needles(evidence))
    parser.feed(html)
    parser.close()
    return "".join(parser.out), parser.marked

"""AI-content blocks: the Markdown container syntax and its parser.

Authors mark AI passages with generic-directive containers, the form JavaScript editors already
emit (remark-directive, markdown-it-container)::

    :::ai-written{model="Claude Opus 4.6" note="first draft"}
    Full **Markdown** inside.
    :::

LessWrong's editor writes ``%%% llm-output model="..."`` … ``%%% /llm-output``; that form is read
as ``ai-written`` so content moved from there keeps its marks.

Parsing is *total*: whatever the input, :func:`parse` returns a result and never raises. Markers
that cannot be honoured (unknown types, nested blocks, unclosed blocks, stray closers, markers
inside quotes or lists) become warnings naming the line, so the author can fix them. Markers are
only recognised at the top level of the document and outside fenced code, with CommonMark's
fences (indented at most three spaces, closed by a run of the same character at least as long;
an unclosed fence runs to the end of the post). Parsing takes time linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as N_

#: Attributes a block understands; others are reported and ignored.
KNOWN_ATTRIBUTES = ("model", "note")
#: Warnings listed per post; the rest are counted in one last warning (formatting thousands
#: of messages for a post of repeated mistakes would cost more than rendering it).
MAX_WARNINGS = 50


@dataclass(frozen=True)
class BlockType:
    """A kind of AI block. ``assistance_kind`` is the slug of the kind of help it implies."""

    slug: str
    label: str
    assistance_kind: str | None = None


DEFAULT_BLOCK_TYPES: tuple[BlockType, ...] = (
    BlockType("ai-written", gettext_lazy("AI-written"), "drafting"),
    BlockType("ai-edited", gettext_lazy("AI-edited"), "editing"),
    BlockType("ai-translated", gettext_lazy("AI-translated"), "translation"),
    BlockType("ai-transcript", gettext_lazy("AI transcript"), None),
)

#: The block type LessWrong's ``%%% llm-output`` blocks are read as.
LLM_OUTPUT_TYPE = "ai-written"


@dataclass(frozen=True)
class RenderWarning:
    """Something the author should fix, with the 1-based line it is on."""

    line: int
    message: str


@dataclass
class ParsedBlock:
    """One top-level AI block as written: its type, attributes and source lines."""

    type: str
    model: str
    note: str
    start_line: int
    end_line: int = 0


@dataclass
class ParseResult:
    """Lines of Markdown with each block's start/end replaced by a marker index."""

    #: Source lines, or ``("open", i)`` / ``("close", i)`` in place of block ``i``'s markers.
    items: list[str | tuple[str, int]] = field(default_factory=list)
    blocks: list[ParsedBlock] = field(default_factory=list)
    warnings: list[RenderWarning] = field(default_factory=list)
    #: Line of the first warning left out, and how many were left out (see MAX_WARNINGS).
    omitted: tuple[int, int] = (0, 0)

    def warn(self, line: int, message: str, **params: object) -> None:
        """Add a warning: ``message`` is untranslated, formatted with ``params``."""
        if len(self.warnings) < MAX_WARNINGS:
            text = _(message) % params if params else _(message)
            self.warnings.append(RenderWarning(line, text))
        else:
            self.omitted = (self.omitted[0] or line, self.omitted[1] + 1)


_FENCE_RE = re.compile(r"^ {0,3}(?:(?P<backticks>`{3,})[^`]*|(?P<tildes>~{3,}).*)$")
_CLOSING_FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")
_DIRECTIVE_OPEN_RE = re.compile(r"^ {0,3}:{3,}[ \t]*(?P<name>[A-Za-z][\w-]*)(?P<rest>.*)$")
_DIRECTIVE_CLOSE_RE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
_LLM_OPEN_RE = re.compile(r"^ {0,3}%%%[ \t]*llm-output(?![\w-])(?P<rest>.*)$")
_LLM_CLOSE_RE = re.compile(r"^ {0,3}%%%[ \t]*/llm-output[ \t]*$")
_ATTRIBUTE_RE = re.compile(
    r"""\s*(?P<key>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=}]+))"""
)
_QUOTED_OR_LISTED_MARKER_RE = re.compile(
    r"^\s*(?:>\s*)+(?::{3,}|%%%)|^\s*(?:[-*+]|\d{1,9}[.)])\s+(?::{3,}[ \t]*[A-Za-z]|%%%)"
)
_LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
#: Every fence and marker holds one of these.
_SPECIAL_TOKENS = (":::", "%%%", "```", "~~~")
#: Every line the parser acts on holds one of these (the patterns above, cheaply).
_SPECIAL_LINE_RE = re.compile(r":::|%%%|```|~~~|^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENT_OR_BLANK = ("", " ", "\t")
#: A marker indented under a list item belongs to the item, not to the top level.
_INDENTED_MARKER_RE = re.compile(r"^[ \t]+(?::{3,}|%%%)")


@dataclass
class _Frame:
    """A block being read; ``index`` is set for the top-level AI block only."""

    start_line: int
    syntax: str  # "directive" or "llm"
    index: int | None = None


def parse(text: str, block_types: Iterable[BlockType]) -> ParseResult:
    """Split normalised Markdown (newline-only line endings) into text and AI blocks.

    Returns the lines with block markers replaced, the blocks found and warnings for
    everything the author should fix. Never raises.
    """
    types = {block_type.slug: block_type for block_type in block_types}
    lines = text.split("\n")
    result = ParseResult()
    if not any(token in text for token in _SPECIAL_TOKENS):
        result.items.extend(lines)  # no fence or marker: nothing to do
        return result
    stack: list[_Frame] = []
    closers = _fence_closers(lines)
    in_list = False  # since the last list item, every line was blank or indented
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _SPECIAL_LINE_RE.search(line):  # most lines: no fence, marker or list item
            if line[:1] not in _INDENT_OR_BLANK and line.strip():
                in_list = False
            result.items.append(line)
            i += 1
            continue
        number = i + 1
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif line.strip() and line[0] not in " \t":
            in_list = False
        fence = _FENCE_RE.match(line)
        if fence:
            i = _take_fence(result, lines, closers, fence, i)
            continue
        _take_marker_line(result, stack, types, line, number, in_list=in_list)
        i += 1

    while stack:
        frame = stack.pop()
        result.warn(frame.start_line, N_("This block is never closed, so it runs to the end "
                                         "of the post; add a line with ::: where it ends."))
        _close(result, frame, len(lines))
    if result.omitted[1]:
        line, count = result.omitted
        result.warnings.append(RenderWarning(line, _(
            "%(count)d more problems like these, from this line on, are not listed."
        ) % {"count": count}))
    return result



def _take_fence(result: ParseResult, lines: list[str], closers, fence: re.Match, i: int) -> int:
    """Copy the fenced code block opening at line ``i`` through its closing fence (or, with a
    warning, to the end of the post); return the index of the line after it.
    """
    opening = fence["backticks"] or fence["tildes"]
    end = _closing_fence(closers, opening, i)
    if end is None:
        result.warn(i + 1, N_("This code fence is never closed, so the rest of the "
                              "post is shown as code; add a line with %(fence)s "
                              "after the code."), fence=opening)
        end = len(lines) - 1
    result.items.extend(lines[i : end + 1])
    return end + 1


def _take_marker_line(result: ParseResult, stack: list[_Frame], types: dict[str, BlockType],
                      line: str, number: int, *, in_list: bool) -> None:
    """Open or close an AI block at this line, or keep it as text (with a warning when it is
    a marker where blocks are not recognised, or closes no open block).
    """
    if _QUOTED_OR_LISTED_MARKER_RE.match(line) or (
        in_list and _INDENTED_MARKER_RE.match(line)
    ):
        result.warn(number, N_("AI block markers inside a quote or list are not "
                               "recognised; start the block at the beginning of a line, "
                               "outside the quote or list."))
        result.items.append(line)
    elif opener := _DIRECTIVE_OPEN_RE.match(line):
        _open(result, stack, types, number, "directive", opener["name"], opener["rest"])
    elif opener := _LLM_OPEN_RE.match(line):
        rest = opener["rest"].strip()
        _open(result, stack, types, number, "llm", LLM_OUTPUT_TYPE, "{" + rest + "}")
    elif _DIRECTIVE_CLOSE_RE.match(line) or _LLM_CLOSE_RE.match(line):
        if stack:
            _close(result, stack.pop(), number)
        else:
            result.warn(number, N_("This line closes a block, but no block is open; "
                                   "remove it or add an opening line above."))
            result.items.append(line)
    else:
        result.items.append(line)

def _open(
    result: ParseResult,
    stack: list[_Frame],
    types: Mapping[str, BlockType],
    number: int,
    syntax: str,
    name: str,
    rest: str,
) -> None:
    frame = _Frame(start_line=number, syntax=syntax)
    if name not in types:
        result.warn(number, N_("Unknown block type “%(name)s”; use one of: %(known)s. Its "
                               "content is shown as ordinary text."),
                    name=name, known=", ".join(types))
    elif stack:
        result.warn(number, N_("Blocks cannot be nested; this “%(name)s” block is treated as "
                               "part of the block opened on line %(outer)d."),
                    name=name, outer=stack[0].start_line)
    else:
        attributes = _attributes(rest, number, result)
        frame.index = len(result.blocks)
        result.blocks.append(
            ParsedBlock(
                type=name,
                model=attributes.get("model", ""),
                note=attributes.get("note", ""),
                start_line=number,
            )
        )
        result.items.append(("open", frame.index))
    stack.append(frame)


def _close(result: ParseResult, frame: _Frame, number: int) -> None:
    if frame.index is not None:
        result.blocks[frame.index].end_line = number
        result.items.append(("close", frame.index))


def _attributes(rest: str, number: int, result: ParseResult) -> dict[str, str]:
    """Read ``{key="value" ...}``; report what cannot be read instead of failing."""
    rest = rest.strip()
    if not rest:
        return {}
    if rest.startswith("["):  # remark-directive's [label]; not used by AI blocks
        rest = rest[rest.find("]") + 1 :].strip() if "]" in rest else ""
    if not (rest.startswith("{") and rest.endswith("}")):
        result.warn(number, N_('Could not read the block attributes; write them as '
                               '{model="..." note="..."}.'))
        return {}
    body = rest[1:-1]
    attributes: dict[str, str] = {}
    position = 0
    for match in _ATTRIBUTE_RE.finditer(body):
        if body[position : match.start()].strip():
            break
        position = match.end()
        key = match["key"]
        value = next(v for v in (match["dq"], match["sq"], match["bare"]) if v is not None)
        if key in KNOWN_ATTRIBUTES:
            attributes[key] = value.strip()
        else:
            result.warn(number, N_("Unknown block attribute “%(key)s” is ignored; known "
                                   "attributes: %(known)s."),
                        key=key, known=", ".join(KNOWN_ATTRIBUTES))
    if body[position:].strip():
        result.warn(number, N_('Could not read the block attributes after “%(text)s”; write '
                               'them as {model="..." note="..."}.'),
                    text=body[:position].strip() or "{")
    return attributes


def _fence_closers(lines: list[str]) -> dict[str, tuple[list[int], list[int]]]:
    """Index every line that could close a fence, by character: line numbers and run lengths."""
    closers: dict[str, tuple[list[int], list[int]]] = {"`": ([], []), "~": ([], [])}
    for index, line in enumerate(lines):
        if "``" in line[:5] or "~~" in line[:5]:
            closing = _CLOSING_FENCE_RE.match(line)
            if closing:
                numbers, lengths = closers[closing["fence"][0]]
                numbers.append(index)
                lengths.append(len(closing["fence"]))
    return closers


def _closing_fence(
    closers: dict[str, tuple[list[int], list[int]]], fence: str, opened_at: int
) -> int | None:
    """The first line after ``opened_at`` that closes ``fence``: the same character, at least
    as many. The candidates skipped lie inside this fence, so no line is looked at twice.
    """
    numbers, lengths = closers[fence[0]]
    for position in range(bisect.bisect_right(numbers, opened_at), len(numbers)):
        if lengths[position] >= len(fence):
            return numbers[position]
    return None


#: What a model name may hold when the plugin writes it into a block (``model="…"``): letters,
#: digits, spaces and ``. _ - : / + ( )``. Quotes, braces and line breaks would end the
#: attribute or the marker, so names with them are refused rather than escaped.
MODEL_NAME_RE = re.compile(r"[\w .:/+()-]+")


_LIST_OR_QUOTE_PREFIX_RE = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]|$)")


def inside_list_or_quote(text: str, index: int) -> bool:
    """Whether ``index`` is past the marker of a list item or quote on its line, where a
    block cannot start (a marker there would end the list or quote).
    """
    prefix = text[text.rfind("\n", 0, index) + 1 : index]
    return bool(_LIST_OR_QUOTE_PREFIX_RE.match(prefix))


def wrap_passage(text: str, passage: str, *, block_type: str, model: str) -> str | None:
    """``text`` with the first occurrence of ``passage`` marked as an AI block, or ``None``
    when ``passage`` does not occur in it.

    Markers need lines of their own, so a passage that starts or ends inside a line gets a
    line break there; nothing else changes. Both texts must have newline-only line endings
    (``rendering.normalise``). Whether the block is well placed (not inside a list, a quote,
    code or another block) is for the caller to check by parsing the result. ``model`` must
    match :data:`MODEL_NAME_RE` (or be empty).
    """
    start = text.find(passage)
    if start < 0:
        return None
    inner = passage.strip("\n")
    lead = passage[: len(passage) - len(passage.lstrip("\n"))]
    trail = passage[len(passage.rstrip("\n")) :]
    before = text[:start] + lead
    after = trail + text[start + len(passage) :]
    if before and not before.endswith("\n"):
        before += "\n"
    if after and not after.startswith("\n"):
        after = "\n" + after
    attributes = f'{{model="{model}"}}' if model else ""
    return f"{before}:::{block_type}{attributes}\n{inner}\n:::{after}"

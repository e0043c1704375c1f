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
only recognised at the top level of the document and outside fenced code, matching what
Python-Markdown treats as a fence (a fence at the start of a line, closed by the same fence).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: Attributes a block understands; others are reported and ignored.
KNOWN_ATTRIBUTES = ("model", "note")


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


_FENCE_RE = re.compile(r"^(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*)[ ]*$")
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
#: A marker indented under a list item belongs to the item, not to the top level.
_INDENTED_MARKER_RE = re.compile(r"^[ \t]+(?::{3,}|%%%)")


@dataclass
class _Frame:
    """A block being read; ``index`` is set for the top-level AI block only."""

    start_line: int
    syntax: str  # "directive" or "llm"
    index: int | None = None


def parse(text: str, block_types: Iterable[BlockType]) -> ParseResult:
    """Split normalised Markdown (``\\n`` line endings) into text and AI blocks.

    Returns the lines with block markers replaced, the blocks found and warnings for
    everything the author should fix. Never raises.
    """
    types = {block_type.slug: block_type for block_type in block_types}
    lines = text.split("\n")
    result = ParseResult()
    stack: list[_Frame] = []
    closers = _fence_closers(lines)
    in_list = False  # since the last list item, every line was blank or indented
    i = 0
    while i < len(lines):
        line = lines[i]
        number = i + 1
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif line.strip() and line[0] not in " \t":
            in_list = False
        fence = _FENCE_RE.match(line)
        if fence:
            end = _closing_fence(closers, fence.group(1), i)
            if end is None:
                result.warnings.append(
                    RenderWarning(number, _("This code fence is never closed; add a line "
                                            "with %(fence)s after the code.")
                                  % {"fence": fence.group(1)})
                )
            else:
                result.items.extend(lines[i : end + 1])
                i = end + 1
                continue

        if _QUOTED_OR_LISTED_MARKER_RE.match(line) or (
            in_list and _INDENTED_MARKER_RE.match(line)
        ):
            result.warnings.append(
                RenderWarning(number, _("AI block markers inside a quote or list are not "
                                        "recognised; start the block at the beginning of a "
                                        "line, outside the quote or list."))
            )
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
                result.warnings.append(
                    RenderWarning(number, _("This line closes a block, but no block is open; "
                                            "remove it or add an opening line above."))
                )
                result.items.append(line)
        else:
            result.items.append(line)
        i += 1

    while stack:
        frame = stack.pop()
        result.warnings.append(
            RenderWarning(frame.start_line, _("This block is never closed, so it runs to the end "
                                              "of the post; add a line with ::: where it ends."))
        )
        _close(result, frame, len(lines))
    return result


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
        result.warnings.append(
            RenderWarning(number, _("Unknown block type “%(name)s”; use one of: %(known)s. "
                                    "Its content is shown as ordinary text.")
                          % {"name": name, "known": ", ".join(types)})
        )
    elif stack:
        result.warnings.append(
            RenderWarning(number, _("Blocks cannot be nested; this “%(name)s” block is treated "
                                    "as part of the block opened on line %(outer)d.")
                          % {"name": name, "outer": stack[0].start_line})
        )
    else:
        attributes = _attributes(rest, number, result.warnings)
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


def _attributes(rest: str, number: int, warnings: list[RenderWarning]) -> dict[str, str]:
    """Read ``{key="value" ...}``; report what cannot be read instead of failing."""
    rest = rest.strip()
    if not rest:
        return {}
    if rest.startswith("["):  # remark-directive's [label]; not used by AI blocks
        rest = rest[rest.find("]") + 1 :].strip() if "]" in rest else ""
    if not (rest.startswith("{") and rest.endswith("}")):
        warnings.append(
            RenderWarning(number, _("Could not read the block attributes; write them as "
                                    '{model="..." note="..."}.'))
        )
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
            warnings.append(
                RenderWarning(number, _("Unknown block attribute “%(key)s” is ignored; known "
                                        "attributes: %(known)s.")
                              % {"key": key, "known": ", ".join(KNOWN_ATTRIBUTES)})
            )
    if body[position:].strip():
        warnings.append(
            RenderWarning(number, _("Could not read the block attributes after “%(text)s”; "
                                    'write them as {model="..." note="..."}.')
                          % {"text": body[:position].strip() or "{"})
        )
    return attributes


def _fence_closers(lines: list[str]) -> dict[str, list[int]]:
    """Index every line that could close a fence, so unclosed fences cost no rescans."""
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~"):
            stripped = line.rstrip(" ")
            if stripped and set(stripped) == {stripped[0]}:
                closers.setdefault(stripped, []).append(index)
    return closers


def _closing_fence(closers: dict[str, list[int]], fence: str, opened_at: int) -> int | None:
    candidates = closers.get(fence, [])
    position = bisect.bisect_right(candidates, opened_at)
    return candidates[position] if position < len(candidates) else None

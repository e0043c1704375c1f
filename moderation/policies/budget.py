r"""The cost budget of a policy expression, checked before it is saved.

Screening runs every enabled policy on every post, so no expression may be expensive on any
context. These limits keep the worst case in the low milliseconds (``python -m bench
policies`` prints the slowest expression it knows of):

- **length**: at most :data:`MAX_LENGTH` characters, which bounds every literal list and string;
- **nesting**: the engine refuses more than 32 levels of nesting (brackets, calls, or a long
  chain of ``+``/``-``/``*``/``.field``), reported by :mod:`.engine`;
- **comprehensions** (``all``, ``exists``, ``exists_one``, ``map``, ``filter``) may not run
  inside another one or over another one's result: a single comprehension iterates once per
  element of a literal list or a context list, so its cost grows with the expression's
  length, whereas nested or chained ones multiply (the 915-character expression of nested
  ``map`` calls that kept a server busy for minutes);
- **regular expressions**: the engine compiles a pattern on every call, and a short pattern
  with counted repetitions or Unicode classes took 35–90 ms to compile. So ``matches`` takes a
  string literal of at most :data:`MAX_PATTERN` characters without ``{…}`` or ``\p``, an
  expression has at most :data:`MAX_PATTERNS` of them, and they run inside a comprehension
  only over a list of the context (a handful of items), not over a literal list of hundreds.

At run time the engine also stops any evaluation after 10,000 comprehension iterations, a
backstop these limits never reach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

#: Characters an expression may have; the longest default policy has 112.
MAX_LENGTH = 1000

#: The macros that iterate over a list (or a map's keys).
COMPREHENSIONS = frozenset({"all", "exists", "exists_one", "map", "filter"})

#: Characters a regular expression (``text.matches("…")``) may have, and how many one
#: expression may use (an alternation ``a|b`` inside one pattern costs less than two).
MAX_PATTERN = 64
MAX_PATTERNS = 3
_COSTLY_PATTERN = re.compile(r"[{]|\\[pP]")

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*)
    |(?P<literal>
        (?:[bB]?[rR]|[rR][bB])(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"[^"\n\r]*"|'[^'\n\r]*')
        |[bB]?(?:\"\"\"(?:\\[\s\S]|[^\\])*?\"\"\"|'''(?:\\[\s\S]|[^\\])*?'''
                 |"(?:\\.|[^"\\\n\r])*"|'(?:\\.|[^'\\\n\r])*')
        |\.?\d[\w.]*
    )
    |(?P<name>[A-Za-z_]\w*)
    |(?P<symbol>&&|\|\||==|!=|<=|>=|[\s\S])
    """,
    re.VERBOSE,
)
_OPENERS = {")": "(", "]": "[", "}": "{"}


class BudgetExceeded(ValueError):
    """An expression over one of the limits; the message names the limit."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.line = line
        self.column = column
        super().__init__(message)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def check_length(expression: str) -> None:
    """Refuse an expression longer than :data:`MAX_LENGTH` (checked before compiling)."""
    if len(expression) > MAX_LENGTH:
        raise BudgetExceeded(
            _("The expression is over its cost budget: it has %(length)d characters and the "
              "limit is %(limit)d. Split it into several policies.")
            % {"length": len(expression), "limit": MAX_LENGTH}
        )


def check_structure(expression: str, context_names: frozenset[str]) -> None:
    """Refuse a comprehension nested in, or chained onto, another one, and a costly regular
    expression. ``context_names`` are the top-level names of the policy context.

    Call it on an expression the engine compiled, so the tokens are those of valid CEL.
    """
    tokens = [
        _Token(match.lastgroup, match.group(), match.start())
        for match in _TOKEN.finditer(expression)
        if match.lastgroup != "space"
    ]
    opener_at, closer_at = _brackets(tokens)
    spans: list[tuple[int, int, bool]] = []  # (opening, closing parenthesis, over the context)
    patterns = 0
    for index, token in enumerate(tokens):
        if token.kind != "name" or index + 1 == len(tokens) or tokens[index + 1].text != "(":
            continue
        member = index > 0 and tokens[index - 1].text == "."
        if token.text == "matches":
            patterns += 1
            if patterns > MAX_PATTERNS:
                _refuse(expression, token, _(
                    "“matches” at line %(line)d, column %(column)d is its regular expression "
                    "number %(count)d; the limit is %(limit)d. Join patterns with “|”."),
                    count=patterns, limit=MAX_PATTERNS)
            _check_pattern(expression, tokens, index, member, spans)
        if not (member and token.text in COMPREHENSIONS):
            continue
        receiver = _receiver_start(tokens, index - 1, opener_at)
        for start, end, _over_context in spans:
            if start < index < end or receiver <= start:
                _refuse(expression, token, _(
                    "“%(name)s” at line %(line)d, column %(column)d runs inside or over the "
                    "result of another comprehension (all, exists, exists_one, map, filter), "
                    "which multiplies their cost. Use one comprehension with “in” instead, "
                    "e.g. “disclosure.models.exists(m, m in [\"a\", \"b\"])”."), name=token.text)
        over_context = tokens[receiver].text in context_names and all(
            tokens[position].kind == "name" or tokens[position].text == "."
            for position in range(receiver, index - 1)
        )
        spans.append((index + 1, closer_at.get(index + 1, len(tokens)), over_context))


def _check_pattern(expression: str, tokens: list[_Token], index: int, member: bool,
                   spans: list[tuple[int, int, bool]]) -> None:
    token = tokens[index]
    pattern = tokens[index + 2] if index + 3 < len(tokens) else None
    if not member or pattern is None or pattern.kind != "literal" or tokens[
            index + 3].text != ")" or pattern.text[:1] not in "\"'rR":
        _refuse(expression, token, _(
            "“matches” at line %(line)d, column %(column)d needs its pattern as a string "
            "literal: write text.matches(\"pattern\")."))
    body = pattern.text.lstrip("rR").strip("\"'")
    if len(body) > MAX_PATTERN or _COSTLY_PATTERN.search(body):
        _refuse(expression, token, _(
            "the pattern of “matches” at line %(line)d, column %(column)d may have at most "
            "%(limit)d characters and no counted repetition ({…}) or Unicode class (\\p), "
            "which take the engine milliseconds to compile on every call."),
            limit=MAX_PATTERN)
    if any(start < index < end and not over_context for start, end, over_context in spans):
        _refuse(expression, token, _(
            "“matches” at line %(line)d, column %(column)d runs in a comprehension over a "
            "literal list, which compiles its pattern once per item. Iterate over a list of "
            "the context instead (e.g. disclosure.models), or use “in”."))


def _refuse(expression: str, token: _Token, reason: str, **values: object) -> None:
    line, column = _position(expression, token.offset)
    raise BudgetExceeded(
        _("The expression is over its cost budget: %(reason)s")
        % {"reason": reason % {"line": line, "column": column, **values}},
        line=line, column=column,
    )


def _brackets(tokens: list[_Token]) -> tuple[dict[int, int], dict[int, int]]:
    """Matching brackets, as {closing index: opening index} and the reverse."""
    opener_at: dict[int, int] = {}
    stack: list[int] = []
    for index, token in enumerate(tokens):
        if token.kind != "symbol":
            continue
        if token.text in "([{":
            stack.append(index)
        elif token.text in _OPENERS and stack:
            opener_at[index] = stack.pop()
    return opener_at, {opening: closing for closing, opening in opener_at.items()}


def _receiver_start(tokens: list[_Token], dot: int, opener_at: dict[int, int]) -> int:
    """Index of the first token of the member expression that ends just before ``dot``
    (``a.b[0].c(x)`` in ``a.b[0].c(x).exists(…)``).
    """
    index = dot - 1
    while index >= 0:
        index = opener_at.get(index, index)  # a bracketed group counts as one step
        before = tokens[index - 1] if index > 0 else None
        if before is None:
            return index
        if before.text == ".":
            index -= 2
        elif tokens[index].text in "([{" and (
            before.kind in ("name", "literal") or before.text in _OPENERS
        ):
            index -= 1  # a call, an index or a message literal continues the chain leftwards
        else:
            return index
    return 0


def _position(expression: str, offset: int) -> tuple[int, int]:
    line = expression.count("\n", 0, offset) + 1
    return line, offset - (expression.rfind("\n", 0, offset) + 1) + 1

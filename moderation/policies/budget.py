"""The cost budget of a policy expression, checked before it is saved.

Screening runs every enabled policy on every post, so no expression may be expensive on any
context. Three limits keep the worst case in the low milliseconds (``python -m bench
screening`` prints the slowest expression it knows of):

- **length**: at most :data:`MAX_LENGTH` characters, which bounds every literal list and string;
- **nesting**: the engine refuses more than 32 levels of nesting (brackets, calls, or a long
  chain of ``+``/``-``/``*``/``.field``), reported by :mod:`.engine`;
- **comprehensions** (``all``, ``exists``, ``exists_one``, ``map``, ``filter``) may not run
  inside another one or over another one's result: a single comprehension iterates once per
  element of a literal list or a context list, so its cost grows with the expression's
  length, whereas nested or chained ones multiply (the 915-character expression of nested
  ``map`` calls that kept a server busy for minutes).

At run time the engine also stops any evaluation after 10,000 comprehension iterations, a
backstop these limits never reach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

#: Characters an expression may have; the default policies have at most 130.
MAX_LENGTH = 1000

#: The macros that iterate over a list (or a map's keys).
COMPREHENSIONS = frozenset({"all", "exists", "exists_one", "map", "filter"})

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


def check_comprehensions(expression: str) -> None:
    """Refuse a comprehension nested in, or chained onto, another one.

    Call it on an expression the engine compiled, so the tokens are those of valid CEL.
    """
    tokens = [
        _Token(match.lastgroup, match.group(), match.start())
        for match in _TOKEN.finditer(expression)
        if match.lastgroup != "space"
    ]
    opener_at, closer_at = _brackets(tokens)
    spans: list[tuple[int, int]] = []  # (opening parenthesis, closing parenthesis)
    for index, token in enumerate(tokens):
        if not (
            token.kind == "name" and token.text in COMPREHENSIONS
            and 0 < index < len(tokens) - 1
            and tokens[index - 1].text == "." and tokens[index + 1].text == "("
        ):
            continue
        receiver = _receiver_start(tokens, index - 1, opener_at)
        for start, end in spans:
            if start < index < end or receiver <= start:
                line, column = _position(expression, token.offset)
                raise BudgetExceeded(
                    _("The expression is over its cost budget: “%(name)s” at line %(line)d, "
                      "column %(column)d runs inside or over the result of another "
                      "comprehension (all, exists, exists_one, map, filter), which multiplies "
                      "their cost. Use one comprehension with “in” instead, e.g. "
                      "“disclosure.models.exists(m, m in [\"a\", \"b\"])”.")
                    % {"name": token.text, "line": line, "column": column},
                    line=line, column=column,
                )
        spans.append((index + 1, closer_at.get(index + 1, len(tokens))))


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
    (``a.b[0].c(x)`` in ``a.b[0].c(x).exists(…)``)."""
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

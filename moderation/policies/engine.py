"""Compile and evaluate policy expressions with cel-python.

An expression is compiled when a policy is saved and must evaluate to true or false on the
example context (``context.EXAMPLE``), so typos in names (``scores.chat_artefacts``) and
non-boolean expressions are refused at save time with a message, not found at screening time.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import celpy
from django.utils.translation import gettext as _

from .context import EXAMPLE

_environment = celpy.Environment()


class PolicyExpressionError(ValueError):
    """A policy expression that does not compile or does not evaluate to a boolean."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.line = line
        self.column = column
        super().__init__(message)


@functools.lru_cache(maxsize=512)
def compile_expression(expression: str) -> celpy.Runner:
    """Compile a CEL expression (cached), refusing any that does not work on the example."""
    try:
        program = _environment.program(_environment.compile(expression))
    except celpy.CELParseError as error:
        line, column = getattr(error, "line", None), getattr(error, "column", None)
        raise PolicyExpressionError(
            _("The expression does not parse at line %(line)s, column %(column)s:\n%(detail)s")
            % {"line": line, "column": column, "detail": error.args[0] if error.args else error},
            line=line,
            column=column,
        ) from error
    try:
        result = program.evaluate(celpy.json_to_cel(EXAMPLE))
    except celpy.CELEvalError as error:
        raise PolicyExpressionError(
            _("The expression fails on the policy context: %(detail)s. Check the names against "
              "the documented context (disclosure.*, content.*, author.*, scores.*, post.*).")
            % {"detail": error.args[0] if error.args else error}
        ) from error
    if isinstance(result, celpy.CELEvalError):
        raise PolicyExpressionError(
            _("The expression fails on the policy context: %(detail)s.")
            % {"detail": result.args[0] if result.args else result}
        )
    if not isinstance(result, celpy.celtypes.BoolType):
        raise PolicyExpressionError(
            _("The expression must be true or false, but it gives a value of type %(type)s; "
              "compare it, e.g. “content.length > 1000”.")
            % {"type": type(result).__name__.removesuffix("Type").lower()}
        )
    return program


def evaluate(expression: str, context: Mapping[str, Any]) -> bool:
    """Whether the expression matches this context. An error in evaluation counts as no match.

    The context follows ``context.py``, so a compiled expression only fails here on values
    (e.g. division by zero); such a policy simply does not fire for that post.
    """
    result = compile_expression(expression).evaluate(celpy.json_to_cel(dict(context)))
    return isinstance(result, celpy.celtypes.BoolType) and bool(result)

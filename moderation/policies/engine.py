r"""Compile and evaluate policy expressions with Google's CEL runtime (``cel-expr-python``).

Why this engine: it was chosen by measurement over cel-python's public interpreter and the
Rust-based ``common-expression-language`` bindings. With the seven default policies the bare
engines evaluate a post in ~46 µs (this one, one activation per post), ~122 µs (Rust) and
~2,600 µs (cel-python's interpreter; its transpiler, used before through private API with
``exec``, took ~370 µs); through :func:`evaluate_all` this one takes ~105 µs (``python -m
bench policies``). It is the only one of the three that is safe on hostile input by itself: it
refuses more than 32 levels of nesting when compiling, stops an evaluation after 10,000
comprehension iterations (the 915-character nested ``map`` expression ends in 10 ms instead of
running on for minutes in the other two), rejects invalid escapes such as ``"\UFFFFFFFF"`` at
compile time, and returns evaluation errors as values; cel-python raised ``RecursionError`` on
100 nested parentheses or 250 ``+`` terms and ``OverflowError`` at run time. Its compile errors
give the line, the column and a caret. It is the reference C++ implementation (cel-cpp),
maintained by the CEL authors at Google, with wheels for Linux, macOS and Windows and no Python
dependencies; its young Python binding (0.1) is the drawback, so only its documented API is
used (``NewEnv``, ``Env.compile``, ``Env.Activation``, ``Expression.eval``, ``Value``). On top
of the engine's limits, :mod:`.budget` bounds the length, the comprehensions and the regular
expressions of an expression.

An expression is compiled when a policy is saved and must evaluate to true or false on the
example context (``context.EXAMPLE``), so typos in names (``scores.chat_artefacts``) and
non-boolean expressions are refused at save time with a message. Screening evaluates every
enabled policy on every post through :func:`evaluate_all`, which never raises: an expression
that fails on one post gives an :class:`EvaluationError` for that post only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cel_expr_python import cel
from django.utils.translation import gettext as _

from . import budget
from .context import EXAMPLE

# Every top-level name of the context, typed dynamically: its fields are checked against the
# example context when an expression is saved.
_CONTEXT_NAMES = frozenset(EXAMPLE)
_environment = cel.NewEnv(variables={name: cel.Type.DYN for name in _CONTEXT_NAMES})

#: An engine message: "ERROR: <input>:LINE:COLUMN: text", then the source line and a caret.
_ENGINE_ERROR = re.compile(r"ERROR: <input>:(-?\d+):(-?\d+): (.*)")
_ENGINE_LIMIT = re.compile(r"recursion (?:limit|depth)", re.IGNORECASE)


class PolicyExpressionError(ValueError):
    """A policy expression that does not compile, is over budget, or is not a boolean."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.line = line
        self.column = column
        super().__init__(message)


@dataclass(frozen=True)
class EvaluationError:
    """What an expression gave on one context instead of true or false (e.g. a division by
    zero, or an expression that no longer compiles). Falsy: an error is never a match.
    """

    message: str

    def __bool__(self) -> bool:
        return False


#: What evaluating one expression on one context gives.
Result = bool | EvaluationError


@dataclass(frozen=True)
class _Compiled:
    expression: Any  # cel.Expression
    error: PolicyExpressionError | None = None


def compile_expression(expression: str) -> Any:
    """Compile a CEL expression (cached), refusing any that is over budget or does not
    give true or false on the example context. Raises ``PolicyExpressionError``.
    """
    compiled = _compile(expression)
    if compiled.error is not None:
        raise compiled.error.with_traceback(None)  # cached: keep its traceback from growing
    return compiled.expression


@functools.lru_cache(maxsize=512)
def _compile(expression: str) -> _Compiled:
    # Failures are cached too: a stored policy that no longer compiles costs nothing per post.
    try:
        return _Compiled(_checked(expression))
    except PolicyExpressionError as error:
        return _Compiled(None, error)
    except Exception as error:  # noqa: BLE001 - whatever fails, the author gets a message
        return _Compiled(None, PolicyExpressionError(
            _("The expression cannot be checked: %(detail)s") % {"detail": error}))


def _checked(expression: str) -> Any:
    try:
        budget.check_length(expression)
        expression.encode("utf-8")
    except budget.BudgetExceeded as error:
        raise PolicyExpressionError(str(error)) from error
    except UnicodeEncodeError as error:
        raise PolicyExpressionError(
            _("The expression contains a character that is not valid Unicode.")) from error
    try:
        program = _environment.compile(expression)
    except Exception as error:  # noqa: BLE001 - any engine failure is the expression's fault
        raise _compile_error(str(error)) from error
    try:
        budget.check_structure(expression, _CONTEXT_NAMES)
    except budget.BudgetExceeded as error:
        raise PolicyExpressionError(str(error), line=error.line, column=error.column) from error
    result = _run(program, _activation(EXAMPLE))
    if isinstance(result, EvaluationError):
        raise PolicyExpressionError(
            _("The expression fails on the example policy context: %(detail)s. Check the names "
              "against the documented context (disclosure.*, content.*, author.*, scores.*, "
              "thresholds.*, post.*).") % {"detail": result.message})
    if not isinstance(result, bool):
        raise PolicyExpressionError(
            _("The expression must be true or false, but it gives a value of type %(type)s; "
              "compare it, e.g. “content.length > 1000”.") % {"type": result})
    return program


def _compile_error(engine_message: str) -> PolicyExpressionError:
    """The engine's compile error, as a message for a policy author."""
    if _ENGINE_LIMIT.search(engine_message):
        return PolicyExpressionError(
            _("The expression is over its cost budget: it nests more than 32 levels deep "
              "(brackets, calls, or a long chain of +, -, * or .field, each term a level). "
              "Simplify it or split it into several policies."))
    found = _ENGINE_ERROR.search(engine_message)
    if found is None:
        return PolicyExpressionError(
            _("The expression does not compile: %(detail)s") % {"detail": engine_message})
    line, column = int(found[1]), int(found[2])
    # Keep the engine's excerpt of the source with its caret under the column.
    excerpt = "\n".join(
        text.removesuffix(" [INVALID_ARGUMENT]")
        for text in engine_message[found.end():].splitlines()
        if text.startswith(" |")
    )[:600]
    template = (
        _("The expression does not parse at line %(line)d, column %(column)d: %(detail)s")
        if found[3].startswith("Syntax error")
        else _("The expression is not valid at line %(line)d, column %(column)d: %(detail)s")
    )
    detail = found[3].removesuffix(" [INVALID_ARGUMENT]").replace(" (in container '')", "")
    message = template % {"line": line, "column": column, "detail": detail}
    return PolicyExpressionError(f"{message}\n{excerpt}".rstrip(), line=line, column=column)


def _activation(context: Mapping[str, Any]) -> Any:
    return _environment.Activation(dict(context))


def _run(program: Any, activation: Any) -> Result | str:
    """True, false, an ``EvaluationError``, or (for a non-boolean value) its type's name."""
    try:
        value = program.eval(activation)
        result = value.value()
        if type(result) is bool:  # only a CEL bool gives a Python bool: the common case first
            return result
        kind = value.type()
        if kind == cel.Type.ERROR:
            return EvaluationError(str(result))
        return kind.name().lower()
    except Exception as error:  # noqa: BLE001 - e.g. the engine's iteration budget
        return EvaluationError(str(error).removesuffix(" [INTERNAL]"))


def evaluate_all(expressions: Iterable[str], context: Mapping[str, Any]) -> list[Result]:
    """What each expression gives on this context: True, False or an ``EvaluationError``.

    Never raises: an expression that does not compile (say, saved before a budget existed)
    or fails on this context gives an error for itself only, and the others still run. The
    context is converted once for all expressions.
    """
    expressions = list(expressions)
    if not expressions:
        return []
    try:
        activation = _activation(context)
    except Exception as error:  # noqa: BLE001 - a context value the engine cannot take
        failed = EvaluationError(_("The policy context cannot be read: %(detail)s")
                                 % {"detail": error})
        return [failed] * len(expressions)
    results: list[Result] = []
    for expression in expressions:
        compiled = _compile(expression)
        if compiled.error is not None:
            results.append(EvaluationError(str(compiled.error)))
            continue
        result = _run(compiled.expression, activation)
        if isinstance(result, str):
            result = EvaluationError(_("The expression gives a %(type)s, not true or false.")
                                     % {"type": result})
        results.append(result)
    return results


def evaluate(expression: str, context: Mapping[str, Any]) -> Result:
    """What one expression gives on this context (see :func:`evaluate_all`)."""
    return evaluate_all([expression], context)[0]

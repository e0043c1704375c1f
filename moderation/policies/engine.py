"""Compile and evaluate policy expressions with cel-python.

An expression is compiled when a policy is saved and must evaluate to true or false on the
example context (``context.EXAMPLE``), so typos in names (``scores.chat_artefacts``) and
non-boolean expressions are refused at save time with a message, not found at screening time.

Screening evaluates every enabled policy on every post, so evaluation has a fast path: each
expression is also transpiled to Python by cel-python's own transpiler (``CompiledRunner``'s
``Transpiler``, same semantics as the interpreter) and the context is converted to CEL values
once per post (:func:`evaluate_all`) instead of once per policy. An expression the transpiler
cannot handle falls back to the interpreter.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import celpy
import lark
from celpy import evaluation as cel_evaluation
from django.utils.translation import gettext as _

from .context import EXAMPLE

logger = logging.getLogger(__name__)

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


# --- fast evaluation -------------------------------------------------------------------------

class _Transpiled:
    """An expression transpiled to a Python code object by cel-python's ``Transpiler``.

    cel-python's ``CompiledRunner`` runs its code in the ``celpy.evaluation`` module's globals,
    which is not thread-safe; here each thread gets its own copy of those globals.
    """

    _local = threading.local()

    def __init__(self, expression: str) -> None:
        tree = _to_transpiler_tree(_environment.compile(expression))
        transpiler = cel_evaluation.Transpiler(ast=tree, activation=_base_activation())
        transpiler.transpile()
        self.code = transpiler.executable_code

    @classmethod
    def _globals(cls) -> dict[str, Any]:
        namespace = getattr(cls._local, "namespace", None)
        if namespace is None:
            namespace = cls._local.namespace = dict(cel_evaluation.result.__globals__)
        return namespace

    def run(self, activation: Any) -> Any:
        namespace = self._globals()
        namespace["base_activation"] = activation
        try:
            exec(self.code, namespace)  # noqa: S102 - code transpiled from a compiled policy
        except Exception as error:  # noqa: BLE001 - like CompiledRunner: a Python problem
            return celpy.CELEvalError("evaluation error", type(error), error.args)
        return namespace["CEL"]


def _to_transpiler_tree(node: Any) -> Any:
    # The lark parser is a process-wide singleton building plain trees; the transpiler needs
    # its own node class.
    if isinstance(node, lark.Tree):
        return cel_evaluation.TranspilerTree(
            node.data, [_to_transpiler_tree(child) for child in node.children],
            getattr(node, "_meta", None))
    return node


@functools.cache
def _base_activation() -> cel_evaluation.Activation:
    return cel_evaluation.Activation(
        package=_environment.package, annotations=_environment.annotations)


@functools.lru_cache(maxsize=512)
def _fast_program(expression: str) -> _Transpiled | None:
    compile_expression(expression)  # the same refusals as at save time
    try:
        return _Transpiled(expression)
    except Exception:  # noqa: BLE001 - any transpiler gap: use the interpreter instead
        logger.debug("CEL transpiler cannot handle %r; interpreting it.", expression)
        return None


def _to_cel(value: Any) -> Any:
    """``celpy.json_to_cel`` for the plain types of a policy context, without its slow
    ``typing`` instance checks; any other type goes to ``json_to_cel`` itself."""
    kind = type(value)
    if kind is dict:
        return celtypes.MapType({_to_cel(key): _to_cel(item) for key, item in value.items()})
    if kind is list or kind is tuple:
        return celtypes.ListType([_to_cel(item) for item in value])
    converter = _SCALARS.get(kind)
    if converter is not None:
        return converter(value)
    if value is None:
        return None
    return celpy.json_to_cel(value)


celtypes = celpy.celtypes
_SCALARS = {bool: celtypes.BoolType, float: celtypes.DoubleType, int: celtypes.IntType,
            str: celtypes.StringType}


def _matches(result: Any) -> bool:
    return isinstance(result, celpy.celtypes.BoolType) and bool(result)


def _evaluate_one(expression: str, names: _Names, cel_context: Mapping[str, Any]) -> bool:
    program = _fast_program(expression)
    if program is not None:
        result = program.run(names)
        if isinstance(result, celpy.celtypes.BoolType):
            return bool(result)
        # An error, or a value of another type (the transpiler gives a Python bool for
        # has()): let the interpreter decide, so the answer is always the interpreter's.
    try:
        return _matches(compile_expression(expression).evaluate(cel_context))
    except celpy.CELEvalError:
        return False


class _Names:
    """What transpiled code reads as ``activation``: the context's top-level names, found
    directly instead of through celpy's general name resolution (which dominates the run
    time of a simple policy); anything else (functions, nested activations for macros) comes
    from a real ``Activation`` holding the same values, built only when asked for."""

    __slots__ = ("_activation", "_values")

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values
        self._activation: cel_evaluation.Activation | None = None

    def real(self) -> cel_evaluation.Activation:
        if self._activation is None:
            self._activation = _base_activation().clone()
            self._activation.identifiers.load_values(self._values)
        return self._activation

    def __getattr__(self, name: str) -> Any:
        values = self._values
        if name in values:
            return values[name]
        return getattr(self.real(), name)


def evaluate_all(expressions: Iterable[str], context: Mapping[str, Any]) -> list[bool]:
    """Whether each expression matches this context, converting the context only once.

    Same answers as calling :func:`evaluate` for each expression; use it when screening a post
    against every policy.
    """
    expressions = list(expressions)
    if not expressions:
        return []
    cel_context = _to_cel(dict(context))
    names = _Names(cel_context)
    return [_evaluate_one(expression, names, cel_context) for expression in expressions]


def evaluate(expression: str, context: Mapping[str, Any]) -> bool:
    """Whether the expression matches this context. An error in evaluation counts as no match.

    The context follows ``context.py``, so a compiled expression only fails here on values
    (e.g. division by zero); such a policy simply does not fire for that post.
    """
    return evaluate_all([expression], context)[0]

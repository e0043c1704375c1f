"""Policy engine: time per post with the default policies, and the cost of hostile expressions.

1. The seven default policies of the data migration on 2,000 varied contexts, through
   ``engine.evaluate_all`` (the context converted once per post, as screening does).
2. The reproductions of issue 8 (nested ``map`` comprehensions, 100 nested parentheses,
   250 ``+`` terms, a bad escape on a branch only long posts take): CPU time to refuse them.
3. The most expensive expressions known that the cost budget accepts, each evaluated on the
   example context and on a context with the longest lists a post can have: the worst CPU
   time of any of them, against the 50 ms goal per expression.

Run with ``python -m bench policies``.
"""

from __future__ import annotations

import copy
import importlib
import random
import statistics
import time

GOAL_MS = 50.0
CONTEXTS = 2000


def _ints(count: int) -> str:
    return "[" + ",".join(str(n % 10) for n in range(count)) + "]"


def _balanced_sum(term: str, count: int) -> str:
    terms = [term] * count
    while len(terms) > 1:
        terms = [f"({a}+{b})" for a, b in zip(terms[::2], terms[1::2], strict=False)] + (
            [terms[-1]] if len(terms) % 2 else [])
    return terms[0]


def hostile() -> dict[str, str]:
    """Expressions the budget must refuse (issue 8, items 2 and 3)."""
    twenty = "[" + ",".join(str(n) for n in range(20)) + "]"
    maps = "1"
    for level in reversed(range(14)):
        maps = f"{twenty}.map(v{level}, {maps})"
    return {
        "915 chars of nested map": f"size({maps}) > 0".ljust(915),
        "100 nested parentheses": "(" * 100 + "content.length" + ")" * 100 + " > 0",
        "250 + terms": "+".join(["1"] * 250) + " > 0",
        "\\UFFFFFFFF on a branch": 'content.length > 3000 ? "x" < "\\UFFFFFFFF" : false',
        "regex {1,1000} x3": 'disclosure.expertise.matches("a{1,1000}a{1,1000}a{1,1000}b")',
    }


def costly_but_accepted() -> dict[str, str]:
    """The most expensive shapes the budget lets through, each close to the length limit."""
    dots = '"(?i)' + "." * 57 + 'z"'  # case folding over any character: the costliest found
    return {
        "membership scan 240x240": f"{_ints(240)}.all(x, x in {_ints(240)})",
        "list concatenation": f"size({_ints(120)}.map(x, {_balanced_sum(_ints(3), 32)})) > 0",
        "list of lists": f"{_ints(150)}.map(x, {_ints(150)}).size() > 0",
        "string growth": f'["{"a" * 700}"].exists(s, {_balanced_sum("s", 64)}.contains("b"))',
        "3 regexes over the models": " || ".join(
            [f"disclosure.models.exists(m, m.matches({dots}))"] * 3),
        "3 regexes and a scan": " || ".join(
            [f"disclosure.models.exists(m, m.matches({dots}))"] * 3
            + [f"{_ints(100)}.all(x, x in {_ints(100)})"]),
    }


def main() -> None:
    """Print µs per post for the default policies, and hostile/accepted worst cases."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from moderation.policies import engine  # noqa: PLC0415
    from moderation.policies.context import EXAMPLE  # noqa: PLC0415

    migration = importlib.import_module("moderation.migrations.0002_default_policies")
    expressions = [expression for _, expression, *_ in migration.POLICIES]
    rng = random.Random(8)
    contexts = []
    for _ in range(CONTEXTS):
        context = copy.deepcopy(EXAMPLE)
        context["scores"] = {name: rng.random() for name in context["scores"]}
        context["disclosure"]["human_only"] = rng.random() < 0.5
        context["content"]["drafted_share"] = rng.random()
        context["author"]["approved_posts"] = rng.randrange(6)
        contexts.append(context)
    engine.evaluate_all(expressions, contexts[0])
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for context in contexts:
            engine.evaluate_all(expressions, context)
        runs.append((time.perf_counter() - started) / len(contexts))
    print(f"{len(expressions)} default policies on {CONTEXTS} contexts: "
          f"{1e6 * statistics.median(runs):.1f} µs/post (median of 5 runs)")

    print("hostile expressions (refused at save):")
    for name, expression in hostile().items():
        started = time.process_time()
        try:
            engine.compile_expression(expression)
            verdict = "ACCEPTED"
        except engine.PolicyExpressionError:
            verdict = "refused"
        print(f"  {name:<28}{verdict:<9}{1000 * (time.process_time() - started):8.2f} ms CPU")

    longest = copy.deepcopy(EXAMPLE)
    longest["disclosure"]["models"] = [f"{'m' * 78}{n:02}" for n in range(10)]
    print(f"costly expressions the budget accepts (worst of 3 runs × 2 contexts; "
          f"goal {GOAL_MS:.0f} ms):")
    worst = 0.0
    for name, expression in costly_but_accepted().items():
        engine.compile_expression(expression)
        slowest = 0.0
        for context in (EXAMPLE, longest) * 3:
            started = time.process_time()
            engine.evaluate(expression, context)
            slowest = max(slowest, time.process_time() - started)
        worst = max(worst, slowest)
        print(f"  {name:<28}{len(expression):5} chars {1000 * slowest:8.2f} ms CPU")
    verdict = "meets" if 1000 * worst <= GOAL_MS else "MISSES"
    print(f"worst accepted expression: {1000 * worst:.2f} ms; {verdict} the {GOAL_MS:.0f} ms goal")


if __name__ == "__main__":
    from bench import setup_django

    setup_django()
    main()

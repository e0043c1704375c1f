"""Screening throughput on one core: 5 KB posts, every default classifier and default policy.

For each post this does what ``moderation.scoring.screen`` does apart from the database
reads: take the author's own text from the rendered HTML, run every configured classifier
(``scoring.score``, evidence included), put the scores into a policy context (the documented
example context, ``moderation.policies.context.EXAMPLE``, with the post's scores and the
classifiers' thresholds) and evaluate every default policy of the data migration. It prints
posts per second and the ratio to ``ai_disclosure.rendering.render`` on the same posts (which
screening needs anyway, and which is stored per post). Policies are timed both ways:
``engine.evaluate`` once per policy and ``engine.evaluate_all`` once per post.

Run with ``python -m bench screening``. The goal is at least 200 posts/s per core for the whole
screening without the database, and at least 300 posts/s for the classifiers alone (the
end-to-end figure, database included, is ``python -m bench screening_db``).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import time

from bench.bench_classifiers import POST_SIZE, make_posts

GOAL = 200.0
CLASSIFIER_GOAL = 300.0
RUNS = 3


def _policies() -> list[str]:
    migration = importlib.import_module("moderation.migrations.0002_default_policies")
    return [expression for _, expression, *_ in migration.POLICIES]


def main(argv: list[str] | None = None) -> None:
    """Render, then screen, the same posts; print posts/s and the ratio to rendering."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from ai_disclosure.rendering import render  # noqa: PLC0415
    from moderation import scoring  # noqa: PLC0415
    from moderation.policies import engine  # noqa: PLC0415
    from moderation.policies.context import EXAMPLE  # noqa: PLC0415
    from moderation.text import authored_text  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python -m bench.bench_screening")
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args(argv or [])
    posts = make_posts(args.posts)
    expressions = _policies()
    thresholds = {c.name: c.flag_threshold for c in scoring.classifiers()}
    classifier_context = {"human_only": True, "ai_share_estimate_max": None,
                          "measured_ai_share": 0.0, "ai_block_count": 0,
                          "edited_after_publish": False}

    def context_for(scores: dict[str, float]) -> dict:
        # screen() builds this from database rows; here it is the example, copied cheaply.
        return {**EXAMPLE, "disclosure": {**EXAMPLE["disclosure"], "human_only": True},
                "scores": scores, "thresholds": thresholds}

    timings: dict[str, list[float]] = {key: [] for key in (
        "render", "own text", "classifiers", "policies (evaluate each)",
        "policies (evaluate_all)")}
    matched = 0
    for _ in range(RUNS):
        started = time.perf_counter()
        rendered = [render(post) for post in posts]
        timings["render"].append(time.perf_counter() - started)

        started = time.perf_counter()
        own = [authored_text(result.html) for result in rendered]
        timings["own text"].append(time.perf_counter() - started)

        started = time.perf_counter()
        contexts = [context_for(scoring.score(text, classifier_context)[0]) for text in own]
        timings["classifiers"].append(time.perf_counter() - started)

        started = time.perf_counter()
        each = [[engine.evaluate(e, context) for e in expressions] for context in contexts]
        timings["policies (evaluate each)"].append(time.perf_counter() - started)

        started = time.perf_counter()
        together = [engine.evaluate_all(expressions, context) for context in contexts]
        timings["policies (evaluate_all)"].append(time.perf_counter() - started)
        assert each == together, "evaluate_all must agree with evaluate"
        matched = sum(map(any, together))

    seconds = {key: statistics.median(values) for key, values in timings.items()}
    count = len(posts)
    print(f"{count} posts of {POST_SIZE} characters, {len(scoring.classifiers())} classifiers, "
          f"{len(expressions)} default policies ({matched} posts matched one); "
          f"median of {RUNS} runs, one core")
    for key, value in seconds.items():
        print(f"  {key:<26}{1000 * value / count:7.2f} ms/post")
    rate = count / seconds["classifiers"]
    verdict = "meets" if rate >= CLASSIFIER_GOAL else "MISSES"
    print(f"classifiers only          : {rate:6.0f} posts/s; "
          f"{verdict} the {CLASSIFIER_GOAL:.0f} posts/s goal")
    base = seconds["own text"] + seconds["classifiers"]
    for label, policies in (("evaluate each", "policies (evaluate each)"),
                            ("evaluate_all", "policies (evaluate_all)")):
        total = base + seconds[policies]
        rate = count / total
        verdict = "meets" if rate >= GOAL else "MISSES"
        print(f"screening with {label:<13}: {rate:6.0f} posts/s; "
              f"{total / seconds['render']:.2f}x the time of render(); "
              f"{verdict} the {GOAL:.0f} posts/s goal")


if __name__ == "__main__":
    from bench import setup_django

    setup_django()
    main()

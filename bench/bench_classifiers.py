"""Screening throughput of the text classifiers on 5 KB posts, on one core.

Run from the repository root: ``python bench/bench_classifiers.py [--posts N]``. Posts are built
from the shipped assistant-style samples (AI-like, so every evidence path is exercised).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from moderation.classifiers import DEFAULT_CLASSIFIERS, load_classifiers

SAMPLES = Path(__file__).resolve().parents[1] / "moderation/classifiers/data/assistant_style.jsonl"
POST_SIZE = 5000


def make_posts(count: int) -> list[str]:
    """Build ``count`` posts of about 5 KB from rotating samples."""
    texts = [json.loads(line)["text"] for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    posts = []
    for i in range(count):
        parts, size, j = [], 0, i
        while size < POST_SIZE:
            parts.append(texts[j % len(texts)])
            size += len(parts[-1]) + 2
            j += 7
        posts.append("\n\n".join(parts)[:POST_SIZE])
    return posts


def main() -> None:
    """Score every post with every default classifier and print posts per second."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()
    posts = make_posts(args.posts)
    classifiers = load_classifiers(DEFAULT_CLASSIFIERS)
    timings = {c.name: 0.0 for c in classifiers}
    started = time.perf_counter()
    for post in posts:
        scores: dict[str, float] = {}
        for classifier in classifiers:
            context = {"human_only": True, "other_scores": scores}
            t0 = time.perf_counter()
            scores[classifier.name] = classifier.score(post, context).score
            timings[classifier.name] += time.perf_counter() - t0
    elapsed = time.perf_counter() - started
    print(f"{len(posts)} posts of {POST_SIZE} characters: {len(posts) / elapsed:.0f} posts/s "
          f"(all classifiers, one core)")
    for name, seconds in timings.items():
        print(f"  {name:<16}{1000 * seconds / len(posts):6.2f} ms/post")


if __name__ == "__main__":
    main()

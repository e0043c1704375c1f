"""Rendering speed: ``ai_disclosure.rendering.render`` against a naive pipeline, and its growth.

Two tables:

1. A realistic 5 KB and 50 KB post through ``render()`` and, side by side in the same run,
   through the naive pipeline a forum might write (issue 9)::

       html = markdown.markdown(text, extensions=["extra"])
       html = bleach.clean(html, tags=..., attributes=..., protocols=..., strip=True)
       html = bleach.linkify(html)

   with the renderer's own allowlist. Runs alternate after a warm-up; medians are reported.
   Targets: a 5 KB post in at most 3 ms and at least 4x faster than the naive pipeline.

2. Pathological bodies (bracket, image, emphasis, quote, list, backtick, block-marker and raw
   HTML runs) at 1x, 2x, 4x and 8x of 25 KB, the best of three runs each, with the growth
   ratio per doubling: about 2 is linear time, 4 would be quadratic. Target: no 200 KB body
   above ~50 ms.

Run with ``python -m bench render`` (or ``python -m bench.bench_render``).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

SEED = 20240602
RUNS = 15
WARM_UP = 3
REQUIRED_RATIO = 4.0
REQUIRED_5KB_MS = 3.0
PATHOLOGICAL_BASE = 25_000
PATHOLOGICAL_TARGET_MS = 50.0

#: A short unit each, repeated to the size measured; each aims at one kind of quadratic path.
PATHOLOGICAL_UNITS = {
    "brackets": "[",
    "images": "![",
    "links": "[a](",
    "emphasis": "*a_",
    "emphasis runs": "**_",
    "quotes": "> ",
    "quote lines": ">>>>>>>> x\n\n",
    "lists": "- ",
    "ordered lists": "1. ",
    "backticks": "`a``",
    "block markers": ":::ai-written\n",
    "unclosed blocks": ":::ai-written{model=\"",
    "fences": "```\n:::\n",
    "raw html": "<div><b>",
    "table cells": "|a",
    "entities": "&#",
}

_PROSE = (
    "Moderating a forum means reading a lot of text quickly, and most of it is fine.",
    "The interesting cases are the ones where the author's intent and the text disagree.",
    "We measured the queue over three months and the median wait fell from 9 to 2 hours.",
    "Nobody wants a banner on every post; readers want to know *which part* was generated.",
    "A disclosure is only useful when it is specific: which model, for which paragraphs.",
    "See the [moderation guide](https://example.org/guide) and the "
    "[FAQ](https://example.org/faq#ai) before you report a post.",
    "Use `python manage.py check` after changing settings; it names the setting at fault.",
    "Inline **emphasis**, _underscores_ and ~~nothing special~~ are all ordinary Markdown.",
    "Reference links work too, like [the policy][policy], defined once at the end of the post.",
    "Email the team at <mailto:mods@example.org> or open an issue at <https://example.org/bugs>.",
)
_MODELS = ("Claude Opus 4.6", "GPT-4o", "Gemini 2.5 Pro", "Llama 3.1 70B", "DeepL")
_TYPES = ("ai-written", "ai-edited", "ai-translated", "ai-transcript")
_CODE = (
    "```python\nfrom ai_disclosure.rendering import render\n\n"
    "rendered = render(post.body)\nprint(rendered.ai_share, rendered.warnings)\n```",
    "~~~\n$ curl -s https://example.org/api/v1/posts/42/ | jq .disclosure\n"
    '{"human_only": false, "models": ["GPT-4o"]}\n~~~',
    "```\n:::ai-written  <- inside a fence this is code, not a block\n```",
)


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(_PROSE) for _ in range(rng.randint(2, 5)))


def _chunk(rng: random.Random, number: int) -> str:
    """One section of a forum post: prose, then one of the richer constructs."""
    title = " ".join(rng.choice(_PROSE).split()[:6]).rstrip(",;:")
    parts = [f"## Part {number}: {title}", _paragraph(rng)]
    # Every construct in turn, starting with an AI block, so even a 5 KB post has one.
    kind = (number - 1) % 6
    if kind == 0:
        attributes = f'model="{rng.choice(_MODELS)}"'
        if rng.random() < 0.5:
            attributes += ' note="checked by the author"'
        body = "\n\n".join([_paragraph(rng), "- " + rng.choice(_PROSE), rng.choice(_CODE)])
        parts.append(f":::{rng.choice(_TYPES)}{{{attributes}}}\n{body}\n:::")
    elif kind == 1:
        parts.append("\n".join(f"- {rng.choice(_PROSE)}" for _ in range(rng.randint(3, 6))))
    elif kind == 2:
        parts.append(rng.choice(_CODE))
    elif kind == 3:
        parts.append("\n>\n".join(f"> {rng.choice(_PROSE)}" for _ in range(rng.randint(1, 3))))
    elif kind == 4:
        parts.append("\n".join(f"{i}. {rng.choice(_PROSE)}" for i in range(1, 5)))
    else:
        parts.append("| Model | Share | Reviewed |\n|:--|--:|:-:|\n" + "\n".join(
            f"| {rng.choice(_MODELS)} | {rng.randint(0, 100)}% | {rng.choice(('yes', 'no'))} |"
            for _ in range(4)
        ))
    parts.append(_paragraph(rng))
    return "\n\n".join(parts)


def make_post(size: int, seed: int = SEED) -> str:
    """A realistic, deterministic Markdown post of about ``size`` bytes (never more)."""
    rng = random.Random(seed)
    footer = "\n\n[policy]: https://example.org/policy \"Forum AI policy\"\n"
    chunks: list[str] = []
    length = len(footer)
    while True:
        chunk = _chunk(rng, len(chunks) + 1)
        if length + len(chunk) + 2 > size and chunks:
            break
        chunks.append(chunk)
        length += len(chunk) + 2
    # Pad with prose to reach the size exactly, so the KB/s figures mean what they say.
    text = "\n\n".join(chunks) + "\n\n"
    padding = size - len(text.encode()) - len(footer.encode())
    filler = (" ".join(_PROSE) + " ") * (padding // len(" ".join(_PROSE)) + 1)
    return text + filler[: max(padding, 0)].rstrip() + footer


def _plain_pipeline() -> Callable[[str], str]:
    # Lazy: bleach is the optional [bleach] extra, and Django is set up after import.
    import bleach  # noqa: PLC0415
    import markdown  # noqa: PLC0415

    from ai_disclosure.sanitizers import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES  # noqa: PLC0415

    attributes = {tag: list(names) for tag, names in ALLOWED_ATTRIBUTES.items()}

    def plain(text: str) -> str:
        html = markdown.markdown(text, extensions=["extra"])
        return bleach.linkify(bleach.clean(
            html, tags=ALLOWED_TAGS, attributes=attributes, protocols=ALLOWED_URL_SCHEMES,
            strip=True,
        ))

    return plain


def _render_pipeline() -> Callable[[str], str]:
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from ai_disclosure.rendering import render  # noqa: PLC0415

    return lambda text: render(text).html


def measure(text: str, pipelines: dict[str, Callable[[str], str]]) -> dict[str, float]:
    """Median seconds per call of each pipeline, alternating them run by run."""
    for _ in range(WARM_UP):
        for pipeline in pipelines.values():
            pipeline(text)
    times: dict[str, list[float]] = {name: [] for name in pipelines}
    for _ in range(RUNS):
        for name, pipeline in pipelines.items():
            started = time.perf_counter()
            pipeline(text)
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(samples) for name, samples in times.items()}


def pathological(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def best_of(text: str, pipeline: Callable[[str], str], runs: int = 3) -> float:
    """The fastest of ``runs`` calls, in seconds (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        pipeline(text)
        best = min(best, time.perf_counter() - started)
    return best


def side_by_side() -> None:
    """The realistic posts through both pipelines."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from ai_disclosure.app_settings import app_settings  # noqa: PLC0415

    pipelines = {"plain": _plain_pipeline(), "render": _render_pipeline()}
    print(
        f"render() with {app_settings.SANITIZER.__name__} vs markdown.markdown(extra) + "
        f"bleach.clean + bleach.linkify; median of {RUNS} alternating runs after {WARM_UP} "
        "warm-up runs"
    )
    header = (
        f"{'post':>6} {'plain ms':>9} {'render ms':>10} {'ratio':>6} "
        f"{'plain KB/s':>11} {'render KB/s':>12}"
    )
    print(header)
    print("-" * len(header))
    results = {}
    for kilobytes in (5, 50):
        text = make_post(kilobytes * 1000)
        size = len(text.encode()) / 1000
        seconds = results[kilobytes] = measure(text, pipelines)
        ratio = seconds["plain"] / seconds["render"]
        print(
            f"{size:>4.0f}KB {seconds['plain'] * 1e3:>9.2f} {seconds['render'] * 1e3:>10.2f} "
            f"{ratio:>5.1f}x {size / seconds['plain']:>11.0f} {size / seconds['render']:>12.0f}"
        )
    five = results[5]
    ratio = five["plain"] / five["render"]
    verdict = "meets" if ratio >= REQUIRED_RATIO and five["render"] * 1e3 <= REQUIRED_5KB_MS else (
        "MISSES"
    )
    print(f"5 KB post: render() {five['render'] * 1e3:.2f} ms, {ratio:.1f}x faster than the "
          f"naive pipeline; {verdict} the target (<= {REQUIRED_5KB_MS:.0f} ms, "
          f">= {REQUIRED_RATIO:.0f}x).")


def growth() -> None:
    """Pathological bodies at 1x-8x: time and the growth ratio per doubling."""
    render = _render_pipeline()
    sizes = [PATHOLOGICAL_BASE * factor for factor in (1, 2, 4, 8)]
    print(f"render() of pathological bodies, best of 3; growth = time ratio per doubling "
          f"(2 = linear, 4 = quadratic); target <= {PATHOLOGICAL_TARGET_MS:.0f} ms at "
          f"{sizes[-1] // 1000} KB")
    header = f"{'body':<16}" + "".join(f"{size // 1000:>7}KB" for size in sizes) + (
        f"{'growth':>8}{'worst':>7}"
    )
    print(header)
    print("-" * len(header))
    slowest = 0.0
    for name, unit in PATHOLOGICAL_UNITS.items():
        times = [best_of(pathological(unit, size), render) for size in sizes]
        ratios = [later / earlier for earlier, later in zip(times, times[1:], strict=False)]
        mean = statistics.geometric_mean(ratios)
        slowest = max(slowest, times[-1])
        print(f"{name:<16}" + "".join(f"{t * 1e3:>7.1f}ms" for t in times)
              + f"{mean:>8.2f}{max(ratios):>7.2f}")
    verdict = "meets" if slowest * 1e3 <= PATHOLOGICAL_TARGET_MS else "MISSES"
    print(f"slowest {sizes[-1] // 1000} KB body: {slowest * 1e3:.1f} ms; {verdict} the "
          f"~{PATHOLOGICAL_TARGET_MS:.0f} ms target.")


def main() -> None:
    """Print both tables."""
    side_by_side()
    print()
    growth()


if __name__ == "__main__":
    from bench import setup_django

    setup_django()
    main()

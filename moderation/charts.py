"""Small server-side SVG charts for the dashboard: no JavaScript, no CDN, nothing to load.

Every value that reaches the markup goes through ``format_html``/``escape``.
"""

from __future__ import annotations

import math

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

#: Colour-blind-safe palette (Okabe–Ito), one colour per series.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999"]


def _f(value: float) -> str:
    return f"{value:.1f}"


def _nice_max(value: float, ticks: int = 4) -> float:
    """The smallest "round" axis maximum at or above ``value`` whose ``ticks`` steps are
    round too (1, 2 or 5 times a power of ten).
    """
    if value <= 0:
        return ticks
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if magnitude < 10 and factor == 2.5:
            continue  # keep tick labels whole numbers
        if step >= raw:
            return max(step, 1) * ticks
    return value


def _axis(width: float, height: float, left: float, top: float, maximum: float,
          ticks: int = 4) -> SafeString:
    lines = []
    for i in range(ticks + 1):
        value = maximum * i / ticks
        y = top + height - height * i / ticks
        label = f"{value:,.0f}"
        lines.append((left, _f(y), left + width, _f(y), left - 6, _f(y + 4), label))
    return format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" class="grid"/>'
        '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>', lines
    )


def stacked_bars(dates: list, series: dict[str, dict], *, title: str) -> SafeString:
    """Flags per day, one stacked bar per day, one colour per reason."""
    width, height, left, top, bottom = 720, 220, 36, 10, 28
    names = sorted(series, key=lambda name: -sum(series[name].values()))
    totals = [sum(series[name].get(day, 0) for name in names) for day in dates]
    maximum = _nice_max(max(totals, default=0))
    slot = width / max(len(dates), 1)
    bar = max(slot * 0.7, 1)
    rects = []
    for index, day in enumerate(dates):
        y = top + height
        for colour, name in zip(PALETTE * 4, names, strict=False):
            n = series[name].get(day, 0)
            if not n:
                continue
            h = height * n / maximum
            y -= h
            rects.append((_f(left + index * slot + (slot - bar) / 2), _f(y), _f(bar), _f(h),
                          colour, f"{day:%d %b}: {name}: {n}"))
    labels = [
        (_f(left + index * slot + slot / 2), top + height + 18, f"{day:%d %b}")
        for index, day in enumerate(dates) if index % max(len(dates) // 6, 1) == 0
    ]
    legend = [(colour, name) for colour, name in zip(PALETTE * 4, names, strict=False)]
    return _figure(size=(left + width + 4, top + height + bottom), title=title,
                   axis=_axis(width, height, left, top, maximum), rects=rects, ticks=labels,
                   legend=legend)


def histogram(bins: dict[str, list[int]], labels: dict[str, str], *, title: str) -> SafeString:
    """Score distributions side by side: one pair of bars per score bucket (0–0.1 … 0.9–1)."""
    width, height, left, top, bottom = 440, 200, 36, 10, 30
    keys = list(bins)
    maximum = _nice_max(max((max(values, default=0) for values in bins.values()), default=0))
    slot = width / 10
    bar = slot * 0.36
    colours = {"approved": "#009E73", "upheld": "#D55E00"}
    rects = []
    for series_index, key in enumerate(keys):
        for bucket, n in enumerate(bins[key]):
            h = height * n / maximum
            x = left + bucket * slot + slot * 0.12 + series_index * (bar + 2)
            rects.append((_f(x), _f(top + height - h), _f(bar), _f(h),
                          colours.get(key, PALETTE[series_index]),
                          f"{labels[key]}, score {bucket / 10:.1f}–{(bucket + 1) / 10:.1f}: {n}"))
    ticks = [(_f(left + bucket * slot), top + height + 16, f"{bucket / 10:.1f}")
             for bucket in range(0, 11, 2)]
    legend = [(colours.get(key, PALETTE[i]), labels[key]) for i, key in enumerate(keys)]
    return _figure(size=(left + width + 10, top + height + bottom), title=title,
                   axis=_axis(width, height, left, top, maximum), rects=rects, ticks=ticks,
                   legend=legend)


def _figure(*, size: tuple, title: str, axis: SafeString, rects: list, ticks: list,
            legend: list) -> SafeString:
    """An SVG chart — grid, bars with their hover titles, tick labels — and its legend."""
    svg = format_html(
        '<svg viewBox="0 0 {} {}" class="chart" role="img" aria-label="{}">{}{}{}</svg>',
        *size, title, axis,
        format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}" '
                         'fill="{}" rx="1.5"><title>{}</title></rect>', rects),
        format_html_join("", '<text x="{}" y="{}" class="tick" text-anchor="middle">{}'
                         "</text>", ticks),
    )
    if not legend:
        return svg
    items = format_html_join(
        "", '<li><span class="swatch" style="background:{}"></span>{}</li>', legend
    )
    return format_html('{}<ul class="legend">{}</ul>', svg, items)


def meter(share: float | None, *, judged: bool = True) -> SafeString:
    """A small horizontal bar for a share in [0, 1] (precision, hit rate)."""
    if share is None:
        return mark_safe('<span class="meter meter-empty" aria-hidden="true"></span>')
    tone = ("good" if share >= 0.6 else "fair" if share >= 0.3 else "poor") if judged \
        else "neutral"
    return format_html(
        '<span class="meter meter-{}" aria-hidden="true"><span style="width:{}%"></span>'
        "</span>", tone, f"{share * 100:.0f}",
    )

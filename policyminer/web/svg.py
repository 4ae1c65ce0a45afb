"""Bar charts as plain geometry for an inline SVG (no JavaScript, no fonts to ship).

``bar_chart(points)`` lays out one bar per point; the template draws the
rectangles, a few axis labels and a ``<title>`` per bar for its tooltip.
Date buckets are filled in (``week_buckets``, ``month_buckets``) so that
empty weeks show as gaps, not as missing bars.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

WIDTH, HEIGHT = 720, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 12, 34
MAX_LABELS = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    href: str | None = None
    current: bool = False


@dataclass
class Chart:
    """What the template draws: bars, y-axis ticks and some x-axis labels."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, int]] = field(default_factory=list)       # (y, value)
    labels: list[tuple[float, str]] = field(default_factory=list)      # (x centre, text)
    baseline: float = 0.0
    total: int = 0


def bar_chart(points: list[tuple[str, int, str | None]], *, current: str | None = None,
              width: int = WIDTH, height: int = HEIGHT) -> Chart:
    """A chart of (label, count, link or None) points, in order; ``current`` is marked."""
    chart = Chart(width, height, baseline=height - BOTTOM, total=sum(c for _, c, _ in points))
    if not points:
        return chart
    top = _nice_max(max(c for _, c, _ in points))
    plot_h, slot = height - TOP - BOTTOM, (width - LEFT - RIGHT) / len(points)
    gap = min(slot * 0.2, 6)
    for i, (label, count, href) in enumerate(points):
        h = plot_h * count / top
        chart.bars.append(Bar(round(LEFT + i * slot + gap / 2, 2), round(chart.baseline - h, 2),
                              round(max(slot - gap, 1), 2), round(h, 2), label, count, href,
                              label == current))
    chart.ticks = [(round(chart.baseline - plot_h * v / top, 2), v) for v in _tick_values(top)]
    step = max(1, -(-len(points) // MAX_LABELS))
    chart.labels = [(round(LEFT + (i + 0.5) * slot, 2), label)
                    for i, (label, _, _) in enumerate(points) if i % step == 0]
    return chart


def _nice_max(value: int) -> int:
    for nice in (1, 2, 4, 5, 10):
        if value <= nice:
            return nice
    magnitude = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return value


def _tick_values(top: int) -> list[int]:
    step = max(1, top // 4) if top % 4 == 0 or top < 4 else max(1, top // 5)
    return list(range(0, top + 1, step))


def week_buckets(first: str, last: str) -> list[str]:
    """Every ISO week from ``first`` to ``last`` (both 2025-W17 style), inclusive."""
    day, end = _monday(first), _monday(last)
    out = []
    while day <= end:
        year, week, _ = day.isocalendar()
        out.append(f"{year}-W{week:02d}")
        day += timedelta(days=7)
    return out


def month_buckets(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (2025-04 style), inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _monday(week: str) -> date:
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)

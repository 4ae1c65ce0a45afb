"""Trends: documents matching a search, counted per day, ISO week, month or year.

``trend`` asks the engine (``Index.trends``) for the counts and turns them
into continuous series: every bucket between the first and the last (or
between --since and --until) is present, empty ones as 0, so that tables
line up and charts do not skip gaps.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TextIO

from index.query import all_of, date_bounds, from_filters, parse, to_query
from index.reports import bucket_of

INTERVALS = ("day", "week", "month", "year")
NONE_KEY = "(none)"
TOP = 8


@dataclass
class Trend:
    """Counts per bucket, one series per key (one series when not split)."""

    query: str
    interval: str
    by: str | None
    since: str | None
    until: str | None
    buckets: list[str]
    series: list[tuple[str, list[int]]]

    def to_dict(self) -> dict[str, Any]:
        """The object of ``policyminer trends --format json``."""
        return {"query": self.query, "interval": self.interval, "by": self.by,
                "since": self.since, "until": self.until, "buckets": self.buckets,
                "series": [{"key": key, "total": sum(counts), "counts": counts}
                           for key, counts in self.series]}

    @property
    def columns(self) -> list[str]:
        return ["bucket", *(key for key, _ in self.series)]

    def rows(self) -> list[list[Any]]:
        """One row per bucket: the bucket, then each series' count."""
        return [[bucket, *(counts[n] for _, counts in self.series)]
                for n, bucket in enumerate(self.buckets)]

    def write_csv(self, handle: TextIO) -> None:
        """Wide CSV: bucket, then a column per series."""
        writer = csv.writer(handle)
        writer.writerow(self.columns)
        writer.writerows(self.rows())

    @property
    def title(self) -> str:
        what = f"documents matching “{self.query}”" if self.query else "documents"
        return f"{what.capitalize()} per {self.interval}" + (f" by {self.by}" if self.by else "")

    def chart_png(self) -> bytes:
        """A line per series over the buckets, as PNG bytes."""
        from policyminer.charts import line_chart
        lines = self.series if self.by else [("", counts) for _, counts in self.series]
        return line_chart(self.buckets, lines, title=self.title)


def compose_query(query: str, filters: dict | None = None) -> str:
    """The query with filters (source, region, type, org, since, until) folded in."""
    return to_query(all_of([parse(query or ""), from_filters(filters)]))


def trend(index, query: str, *, interval: str = "month", by: str | None = None,
          since: str | None = None, until: str | None = None, filters: dict | None = None,
          top: int = TOP) -> Trend:
    """The trend of `query` (plus filters) between `since` and `until`, `top` series at most."""
    full = compose_query(query, {**(filters or {}), "since": since, "until": until})
    rows = index.trends(full, interval=interval, by=by, top=top if by else None)
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        key = (row.get("key") or NONE_KEY) if by else (query or "documents")
        counts.setdefault(key, {})[row["bucket"]] = counts.get(key, {}).get(row["bucket"], 0) + row["count"]
    present = sorted({row["bucket"] for row in rows})
    first = bucket_of(date_bounds(since)[0], interval) if since else (present[0] if present else None)
    last = bucket_of(date_bounds(until)[1], interval) if until else (present[-1] if present else None)
    buckets = bucket_range(first, last, interval) if first and last else []
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    series = [(key, [per.get(b, 0) for b in buckets]) for key, per in ranked]
    if not by and not series:
        series = [(query or "documents", [0] * len(buckets))]
    return Trend(query, interval, by, since, until, buckets, series)


def bucket_range(first: str, last: str, interval: str) -> list[str]:
    """Every bucket name from `first` to `last` inclusive (2025-W01 … 2025-W05)."""
    day, end = _bucket_start(first, interval), _bucket_start(last, interval)
    out = []
    while day <= end:
        out.append(bucket_of(day.isoformat(), interval))
        day = _next(day, interval)
    return out


def _bucket_start(bucket: str, interval: str) -> date:
    if interval == "week":
        year, week = bucket.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    return date.fromisoformat(date_bounds(bucket)[0])


def _next(day: date, interval: str) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(weeks=1)
    if interval == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def terminal_table(result: Trend):
    """A rich table: a row per bucket, a column per series (and the total when split)."""
    from rich.table import Table
    from rich.text import Text
    if not result.buckets:
        return Text(f"No documents match {result.query or 'the filters'!s}.")
    table = Table(title=result.title)
    table.add_column(result.interval)
    for key, _ in result.series:
        table.add_column(key, justify="right")
    if result.by:
        table.add_column("total", justify="right", style="bold")
    for row in result.rows():
        table.add_row(*map(str, row), *([str(sum(row[1:]))] if result.by else []))
    return table

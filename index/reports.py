"""Engine-neutral pieces of the signings and trends reports.

Every engine files a signing under one day (``signing_day``), merges the
reports of one event (``merge_signings``) and names date buckets the same
way (``bucket_of``: 2024-04-25, 2024-W17, 2024-04, 2024).
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from index.query import date_bounds
from index.keys import org_key
from policyminer.errors import QueryError


def signing_day(signed: str | None, published: str | None) -> str | None:
    """The day a signing is filed under: its own date, else the report's date.

    A partial date (2024-04) takes the published day when that falls inside
    it, else its first day.
    """
    if signed and len(signed) >= 10:
        return signed[:10]
    if signed:
        if published and published.startswith(signed):
            return published
        try:
            return date_bounds(signed)[0]
        except QueryError:
            return published
    return published


def merge_signings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per event, in order: reports of the same exact date, parties (by canonical body),
    projects, count and amount become the first report's row, whose
    ``sources`` lists every reporting url. Rows without an exact date, or
    without parties and projects, are never merged.
    """
    out, seen = [], {}
    for row in rows:
        row.setdefault("sources", [row["url"]])
        key = _event_key(row)
        first = seen.get(key) if key else None
        if first is None:
            out.append(row)
            if key:
                seen[key] = row
        elif row["url"] not in first["sources"]:
            first["sources"].append(row["url"])
    return out


def _event_key(row: dict[str, Any]) -> tuple | None:
    if not row.get("date") or len(row["date"]) < 10 or not (row["parties"] or row["projects"]):
        return None
    return (row["date"], frozenset(map(org_key, row["parties"])), frozenset(row["projects"]),
            row["count"], json.dumps(row["amount"], sort_keys=True))


def bucket_of(published: str, interval: str) -> str | None:
    """The bucket name of an ISO date: 2024-04-25, 2024-W17, 2024-04 or 2024."""
    if interval == "week":
        try:
            year, week, _ = date.fromisoformat(published[:10]).isocalendar()
        except ValueError:
            return None
        return f"{year}-W{week:02d}"
    size = {"day": 10, "month": 7, "year": 4}[interval]
    return published[:size] if len(published) >= size else None

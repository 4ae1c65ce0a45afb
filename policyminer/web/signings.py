"""The signings page: one ISO week's signing events and a chart of the last 26 weeks."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from policyminer.errors import PolicyminerError
from policyminer.web.markup import amount_text, safe_href
from policyminer.web.params import WebError, text_param
from policyminer.web.svg import Chart, bar_chart
from policyminer.weeks import iso_week, week_range

CHART_WEEKS = 26


def week_of(params: Mapping[str, str], *, today: date | None = None) -> tuple[str, str, str]:
    """(week, monday, sunday) of the ``week`` parameter; the current week when absent."""
    try:
        since, until = week_range(text_param(params, "week") or None, today=today)
    except PolicyminerError as exc:
        raise WebError(400, str(exc)) from None
    return iso_week(since), since, until


def signing_filters(params: Mapping[str, str]) -> dict[str, str]:
    """The region and org filters of the signings page (empty ones left out)."""
    found = {key: text_param(params, key) for key in ("region", "org")}
    return {key: value for key, value in found.items() if value}


def signings_url(week: str, filters: dict[str, str], path: str = "/signings") -> str:
    """The signings page (or a download, by ``path``) of ``week`` with the same filters."""
    return path + "?" + urlencode({"week": week, **filters})


def signings_page(index, week: str, since: str, until: str, filters: dict[str, str]) -> dict[str, Any]:
    """The week's rows, the 26-week chart, and the links around them."""
    monday = date.fromisoformat(since)
    first = (monday - timedelta(weeks=CHART_WEEKS - 1)).isoformat()
    recent = index.signings(since=first, until=until, **filters)
    rows = [row for row in recent if since <= (row.get("day") or "") <= until]
    prev_week = iso_week((monday - timedelta(weeks=1)).isoformat())
    next_week = iso_week((monday + timedelta(weeks=1)).isoformat())
    weekly = weekly_counts(recent, monday)
    return {
        "week": week, "since": since, "until": until, "filters": filters, "rows": rows,
        "display": [display_row(row) for row in rows], "weekly": weekly,
        "chart": weekly_chart(weekly, week, filters),
        "prev": signings_url(prev_week, filters), "next": signings_url(next_week, filters),
        "prev_week": prev_week, "next_week": next_week,
        "downloads": [(fmt.upper(), signings_url(week, filters, f"/signings.{fmt}"))
                      for fmt in ("csv", "xlsx")],
    }


def signings_json(page: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin: the CLI's signings object plus the week, its neighbours and the counts."""
    return {"week": page["week"], "since": page["since"], "until": page["until"],
            "filters": page["filters"], "signings": page["rows"], "weekly": page["weekly"],
            "prev": page["prev_week"], "next": page["next_week"]}


def weekly_counts(rows: list[dict[str, Any]], monday: date) -> list[dict[str, Any]]:
    """Signings per ISO week for the CHART_WEEKS weeks ending with ``monday``'s."""
    counts = Counter(iso_week(row["day"]) for row in rows if row.get("day"))
    weeks = [iso_week((monday - timedelta(weeks=n)).isoformat()) for n in range(CHART_WEEKS - 1, -1, -1)]
    return [{"week": week, "count": counts.get(week, 0)} for week in weeks]


def weekly_chart(weekly: list[dict[str, Any]], current: str, filters: dict[str, str]) -> Chart:
    """Bars of the weekly counts, each linking to its week."""
    return bar_chart([(w["week"], w["count"], signings_url(w["week"], filters)) for w in weekly],
                     current=current)


def display_row(row: dict[str, Any]) -> dict[str, Any]:
    """A signing row as the page's table shows it."""
    return {**row, "amount_text": amount_text(row.get("amount")), "href": safe_href(row.get("url")),
            "others": [u for u in (row.get("sources") or []) if u != row.get("url") and safe_href(u)]}


EXPORT_COLUMNS = ["day", "date", "parties", "projects", "count", "amount_value", "amount_unit",
                  "location", "text", "doc_id", "url", "title", "published", "source", "region",
                  "sources"]


def export_row(row: dict[str, Any]) -> dict[str, Any]:
    """A signing row flattened for CSV/XLSX (lists joined with 、, sources with spaces)."""
    amount = row.get("amount") or {}
    return {**{k: row.get(k) for k in EXPORT_COLUMNS}, "doc_id": row.get("id"),
            "parties": "、".join(row.get("parties") or []),
            "projects": "、".join(row.get("projects") or []),
            "amount_value": amount.get("value"), "amount_unit": amount.get("unit"),
            "sources": " ".join(row.get("sources") or [])}

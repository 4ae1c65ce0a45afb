"""The signings page: one ISO week's signing events and a chart of the last 26 weeks.

The same events as ``policyminer signings`` (policyminer.reports): outlets'
reports of one ceremony are one row, listing every report.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from policyminer.errors import PolicyminerError
from policyminer.reports import signings_report
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
    """The week's signing events, the 26-week chart, and the links around them.

    The events are those of ``policyminer signings`` (reports.signings_report):
    reports of one ceremony by several outlets are merged into one row, filed
    under the week it was first seen in.
    """
    monday = date.fromisoformat(since)
    report = signings_report(index, since=since, until=until, region=filters.get("region"),
                             org=filters.get("org"), weeks=CHART_WEEKS)
    rows = report.events
    prev_week = iso_week((monday - timedelta(weeks=1)).isoformat())
    next_week = iso_week((monday + timedelta(weeks=1)).isoformat())
    weekly = [{"week": w, "count": n} for w, n in zip(report.weeks, report.per_week)]
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


def weekly_chart(weekly: list[dict[str, Any]], current: str, filters: dict[str, str]) -> Chart:
    """Bars of the weekly counts, each linking to its week."""
    return bar_chart([(w["week"], w["count"], signings_url(w["week"], filters)) for w in weekly],
                     current=current)


def display_row(row: dict[str, Any]) -> dict[str, Any]:
    """A signing event as the page's table shows it: its first report, then the other reports."""
    first = row.get("id")
    reports = [{**r, "href": safe_href(r.get("url"))} for r in row.get("reports") or [] if r.get("id") != first]
    known = {row.get("url")} | {r.get("url") for r in reports}
    return {**row, "amount_text": amount_text(row.get("amount")), "href": safe_href(row.get("url")),
            "other_reports": reports,
            "others": [u for u in (row.get("sources") or []) if u not in known and safe_href(u)]}


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

"""The search page: one page of hits, facets to click, pages, exports and a trend chart."""
from __future__ import annotations

import math
from typing import Any

from index.query import all_of, date_bounds, from_filters, parse, to_query
from policyminer.web.params import MAX_OFFSET, SearchParams
from policyminer.web.svg import Chart, bar_chart, month_buckets, week_buckets

FACET_SIZE = 10
FACETS = (("source", "Source"), ("region", "Region"), ("type", "Type"), ("org", "Organisation"),
          ("year", "Year"))
EXPORT_KINDS = (("documents", "Documents"), ("organizations", "Organisations"),
                ("figures", "Figures"), ("signings", "Signings"))
EXPORT_FORMATS = ("csv", "xlsx", "jsonl")
MAX_BARS = {"week": 104, "month": 120}


def search_page(index, params: SearchParams) -> dict[str, Any]:
    """Everything the search page and its JSON twin show; QueryError on a bad query."""
    result = index.search(params.q, limit=params.per_page, offset=params.offset, sort=params.sort,
                          filters=params.filters, facet_size=FACET_SIZE)
    trend = index.trends(trend_query(params), interval=params.interval) if result.total else []
    return {"params": params, "result": result, "trend": trend,
            "chart": trend_chart(trend, params), "facets": facet_groups(result.facets, params),
            "pages": page_links(result.total, params, max_page=MAX_OFFSET // params.per_page + 1),
            "exports": export_links(params),
            "active": active_filters(params)}


def search_json(page: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin: the CLI's search object plus the request and the trend."""
    params: SearchParams = page["params"]
    return {"query": params.q, "filters": params.filters, "sort": params.sort, "page": params.page,
            "per_page": params.per_page, **page["result"].to_dict(),
            "trend": {"interval": params.interval, "buckets": page["trend"]}}


def trend_query(params: SearchParams) -> str:
    """The query and the filters as one query string (Index.trends takes no filters)."""
    return to_query(all_of([parse(params.q), from_filters(params.filters)]))


def trend_chart(rows: list[dict[str, Any]], params: SearchParams) -> Chart:
    """Bars per week or month, gaps filled in, each linking to the search in that period."""
    counts = {row["bucket"]: row["count"] for row in rows}
    if not counts:
        return bar_chart([])
    fill = week_buckets if params.interval == "week" else month_buckets
    buckets = fill(min(counts), max(counts))[-MAX_BARS[params.interval]:]
    points = []
    for bucket in buckets:
        since, until = date_bounds(bucket)
        href = params.with_filter("since", since).with_filter("until", until).url()
        points.append((bucket, counts.get(bucket, 0), href))
    return bar_chart(points)


def facet_groups(facets: dict[str, list[dict[str, Any]]], params: SearchParams) -> list[dict]:
    """Facet values with counts, each a link that filters on it (or, when active, removes it)."""
    groups = []
    for name, label in FACETS:
        values = []
        for item in facets.get(name) or []:
            value = str(item["value"])
            active, href = _facet_link(name, value, params)
            values.append({"value": value, "count": item["count"], "href": href, "active": active})
        if values:
            groups.append({"name": name, "label": label, "values": values})
    return groups


def _facet_link(name: str, value: str, params: SearchParams) -> tuple[bool, str]:
    if name == "year":
        since, until = f"{value}-01-01", f"{value}-12-31"
        active = params.filters.get("since") == since and params.filters.get("until") == until
        chosen = params.with_filter("since", None if active else since)
        return active, chosen.with_filter("until", None if active else until).url()
    active = params.filters.get(name) == value
    return active, params.with_filter(name, None if active else value).url()


def active_filters(params: SearchParams) -> list[dict[str, str]]:
    """The filters in force, each with the link that removes it."""
    return [{"name": key, "value": value, "remove": params.with_filter(key, None).url()}
            for key, value in params.filters.items()]


def page_links(total: int, params, *, max_page: int | None = None) -> dict[str, Any]:
    """Previous/next and a window of page numbers, for any page's params (the shape of
    macros.pagination); ``max_page`` caps the last page (the engine's offset cap)."""
    last = max(1, math.ceil(total / params.per_page))
    last = min(last, max_page) if max_page else last
    window = range(max(1, params.page - 2), min(last, params.page + 2) + 1)
    start = (params.page - 1) * params.per_page
    return {
        "current": params.page, "last": last,
        "first": params.url(page=None) if params.page > 1 else None,
        "prev": params.url(page=params.page - 1) if params.page > 1 else None,
        "next": params.url(page=params.page + 1) if params.page < last else None,
        "numbers": [(n, params.url(page=n)) for n in window],
        "start": start + 1 if total > start else 0, "end": min(start + params.per_page, total),
    }


def export_links(params: SearchParams) -> list[dict[str, Any]]:
    """The export downloads of this search: one row per kind, one link per format."""
    plain = SearchParams(q=params.q, filters=params.filters)
    return [{"kind": kind, "label": label,
             "links": [(fmt.upper(), plain.url(f"/export/{kind}.{fmt}")) for fmt in EXPORT_FORMATS]}
            for kind, label in EXPORT_KINDS]

"""Reports over a cluster index: signing events by date, trends over time.

Both give exactly the rows the SQLite engine gives (index.sqlite_reports):
the cluster narrows the documents with nested queries and aggregations, and
the last, exact step (which signing of a document qualifies, how buckets are
named) is the same small Python on both sides.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from index.base import INTERVALS, SPLITS
from index.cluster_query import where
from index.query import date_bounds, parse
from index.reports import bucket_of, merge_signings
from index.keys import fullest_first, org_key, query_codes
from policyminer.errors import QueryError

Search = Callable[[dict[str, Any]], dict[str, Any]]
PAGE = 500
_SIGNING_SOURCE = ["id", "url", "title", "published", "source", "region", "region_codes",
                   "signings"]
_SIGNING_KEYS = ("text", "date", "parties", "projects", "count", "amount", "location",
                 "location_code", "start", "end", "day")
_SPLIT_FIELDS = {"source": "source", "region": "region", "type": "doc_type", "org": "org_canonical"}
_CALENDAR = {"day": "day", "week": "week", "month": "month", "year": "year"}


# -- signings --------------------------------------------------------------------

def signings(search: Search, *, since: str | None, until: str | None, region: str | None,
             org: str | None, query: str | None, merge: bool) -> list[dict[str, Any]]:
    """Signing rows (see Index.signings), oldest first, merged per event when ``merge``."""
    first = date_bounds(since)[0] if since else None
    last = date_bounds(until)[1] if until else None
    key = org_key(org) if org else None
    codes = set(query_codes(region)) if region else set()
    inner = _signing_filter(first, last, key)
    tests = [{"nested": {"path": "signings", "query": inner}}]
    if region:
        tests.append(_region_filter(region, codes, inner))
    if query:
        tests.append(where(parse(query)))
    rows = []
    for source in _scan(search, {"bool": {"filter": tests}}, _SIGNING_SOURCE):
        for idx, sig in enumerate(source.get("signings") or []):
            if _qualifies(sig, source, first, last, (region, codes), key):
                rows.append((idx, _signing_row(sig, source)))
    rows.sort(key=lambda pair: _signing_order(pair[1], pair[0]))
    ordered = [row for _, row in rows]
    return merge_signings(ordered) if merge else ordered


def _region_filter(region: str, codes: set[str], inner: dict) -> dict[str, Any]:
    """The document's region or one of its qualifying signings' locations is in ``region``."""
    def either(field: str, codes_field: str) -> dict[str, Any]:
        tests = [{"term": {field: region}}] + ([{"terms": {codes_field: sorted(codes)}}] if codes
                                              else [])
        return tests[0] if len(tests) == 1 else {"bool": {"should": tests,
                                                          "minimum_should_match": 1}}
    located = {"bool": {"filter": [inner, either("signings.location", "signings.location_codes")]}}
    return {"bool": {"should": [either("region", "region_codes"),
                                {"nested": {"path": "signings", "query": located}}],
                     "minimum_should_match": 1}}


def _signing_filter(first: str | None, last: str | None, key: str | None) -> dict[str, Any]:
    tests: list[dict] = [{"match_all": {}}]
    if first or last:
        bounds = {**({"gte": first} if first else {}), **({"lte": last} if last else {})}
        tests.append({"range": {"signings.day": bounds}})
    if key:
        tests.append({"term": {"signings.party_keys": key}})
    return {"bool": {"filter": tests}}


def _qualifies(sig: dict, doc: dict, first: str | None, last: str | None,
               region: tuple[str | None, set[str]], key: str | None) -> bool:
    day = sig.get("day")
    if (first and (day is None or day < first)) or (last and (day is None or day > last)):
        return False
    name, codes = region
    if name and name not in (doc.get("region"), sig.get("location")) and not (
            codes & {*(doc.get("region_codes") or []), *(sig.get("location_codes") or [])}):
        return False
    return not key or key in (sig.get("party_keys") or [])


def _signing_row(sig: dict, doc: dict) -> dict[str, Any]:
    row = {name: sig.get(name) for name in _SIGNING_KEYS}
    row["parties"], row["projects"] = list(row["parties"] or []), list(row["projects"] or [])
    row.update({name: doc.get(name) for name in ("id", "url", "title", "published", "source",
                                                 "region")})
    row["sources"] = [row["url"]]
    return row


def _signing_order(row: dict, idx: int) -> tuple:
    """The SQLite engine's order: by day (none last), then published (none first), id, position."""
    return (row["day"] is None, row["day"] or "", row["published"] is not None,
            row["published"] or "", row["id"], idx)


def _scan(search: Search, query: dict, fields: list[str]) -> Iterator[dict[str, Any]]:
    """Every matching document's ``_source`` (``fields`` only), in id order."""
    after = None
    while True:
        body = {"query": query, "size": PAGE, "sort": [{"id": "asc"}], "_source": fields,
                "track_total_hits": False, **({"search_after": after} if after else {})}
        hits = search(body)["hits"]["hits"]
        yield from (hit["_source"] for hit in hits)
        if len(hits) < PAGE:
            return
        after = hits[-1]["sort"]


# -- trends ----------------------------------------------------------------------

def trends(search: Search, query: str, *, interval: str, by: str | None,
           top: int | None) -> list[dict[str, Any]]:
    """Counts of matching documents per bucket (and key), ordered by bucket."""
    if interval not in INTERVALS:
        raise QueryError(f'unknown interval "{interval}" (known: {", ".join(INTERVALS)})')
    if by is not None and by not in SPLITS:
        raise QueryError(f'cannot split trends by "{by}" (known: {", ".join(SPLITS)})')
    matching = where(parse(query or ""))
    split = _SPLIT_FIELDS.get(by)
    counts: Counter = Counter()
    histogram = {"date_histogram": {"field": "published_date",
                                    "calendar_interval": _CALENDAR[interval]}}
    for key, count in _composite(search, matching, histogram, split):
        day = datetime.fromtimestamp(key["bucket"] / 1000, tz=timezone.utc).date().isoformat()
        counts[bucket_of(day, interval), key.get("key")] += count
    partial = {"bool": {"filter": [matching, {"exists": {"field": "published"}}],
                        "must_not": [{"exists": {"field": "published_date"}}]}}
    for key, count in _composite(search, partial, {"terms": {"field": "published"}}, split):
        bucket = bucket_of(key["bucket"], interval)
        if bucket:
            counts[bucket, key.get("key")] += count
    names = _org_names(search, matching) if by == "org" else {}
    keep = _top_keys(counts, top) if by and top else None
    rows = [{"bucket": bucket, **({"key": names.get(key, key)} if by else {}), "count": count}
            for (bucket, key), count in counts.items() if keep is None or key in keep]
    return sorted(rows, key=lambda r: (r["bucket"], -r["count"], str(r.get("key"))))


def _composite(search: Search, query: dict, bucket: dict,
               split: str | None) -> Iterator[tuple[dict, int]]:
    """(key, doc count) of every composite bucket: ``bucket``, then the split field."""
    sources = [{"bucket": bucket}]
    if split:
        # a document without organisations is in no org bucket (as in SQLite's join)
        missing = split != "org_canonical"
        sources.append({"key": {"terms": {"field": split, "missing_bucket": missing}}})
    after = None
    while True:
        composite = {"size": 1000, "sources": sources, **({"after": after} if after else {})}
        body = {"query": query, "size": 0, "track_total_hits": False,
                "aggs": {"groups": {"composite": composite}}}
        groups = search(body)["aggregations"]["groups"]
        yield from ((b["key"], b["doc_count"]) for b in groups["buckets"])
        after = groups.get("after_key")
        if not groups["buckets"] or not after:
            return


def _org_names(search: Search, query: dict) -> dict[str, str]:
    """Canonical organisation key → its fullest spelling among matching documents."""
    names, after = {}, None
    while True:
        composite = {"size": 1000, "sources": [{"key": {"terms": {"field": "organizations.canonical"}}},
                                               {"name": {"terms": {"field": "organizations.name"}}}],
                     **({"after": after} if after else {})}
        body = {"query": query, "size": 0, "track_total_hits": False,
                "aggs": {"orgs": {"nested": {"path": "organizations"},
                                  "aggs": {"groups": {"composite": composite}}}}}
        groups = search(body)["aggregations"]["orgs"]["groups"]
        for b in groups["buckets"]:
            key, name = b["key"]["key"], b["key"]["name"]
            if key not in names or fullest_first(name) < fullest_first(names[key]):
                names[key] = name
        after = groups.get("after_key")
        if not groups["buckets"] or not after:
            return names


def _top_keys(counts: Counter, top: int) -> set:
    totals: Counter = Counter()
    for (_, key), count in counts.items():
        totals[key] += count
    return {key for key, _ in sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]}

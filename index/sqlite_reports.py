"""Reports over the SQLite index's item tables: signings by date, trends over time."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from index.base import INTERVALS, SPLITS
from index.query import date_bounds, parse
from index.reports import bucket_of, merge_signings
from index.segment import canonical
from index.sqlite_sql import Compiler
from policyminer.errors import QueryError

_SIGNING_COLUMNS = ("text", "date", "parties", "projects", "count", "amount", "location",
                    "start", "end", "day", "id", "url", "title", "published", "source", "region")
_SIGNINGS_SQL = """
SELECT s.text, s.date, s.parties, s.projects, s.count, s.amount, s.location,
       s.span_start, s.span_end, s.day, d.id, d.url, d.title, d.published, d.source, d.region
FROM signings s JOIN documents d ON d.rid = s.doc_rid
WHERE {where}
ORDER BY s.day IS NULL, s.day, d.published, d.id, s.idx
"""
_SPLIT_COLUMNS = {"source": "d.source", "region": "d.region", "type": "d.doc_type"}


def signings(conn, *, since: str | None, until: str | None, region: str | None,
             org: str | None, query: str | None, merge: bool) -> list[dict[str, Any]]:
    """Signing rows (see Index.signings), filtered and ordered by the day they are filed under."""
    tests, params = ["1"], []
    if since:
        tests.append("s.day >= ?")
        params.append(date_bounds(since)[0])
    if until:
        tests.append("s.day <= ?")
        params.append(date_bounds(until)[1])
    if region:
        tests.append("(d.region = ? OR s.location = ?)")
        params += [region, region]
    if org:
        tests.append("EXISTS (SELECT 1 FROM signing_parties p WHERE p.canonical = ? "
                     "AND p.doc_rid = s.doc_rid AND p.signing_idx = s.idx)")
        params.append(canonical(org))
    if query:
        compiler = Compiler()
        tests.append(f"({compiler.where(parse(query))})")
        params += compiler.params
    cursor = conn.execute(_SIGNINGS_SQL.format(where=" AND ".join(tests)), params)
    rows = [_signing_row(values) for values in cursor]
    return merge_signings(rows) if merge else rows


def _signing_row(values: tuple) -> dict[str, Any]:
    row = dict(zip(_SIGNING_COLUMNS, values))
    row["parties"], row["projects"] = json.loads(row["parties"]), json.loads(row["projects"])
    row["amount"] = json.loads(row["amount"]) if row["amount"] else None
    row["sources"] = [row["url"]]
    return row


def trends(conn, query: str, *, interval: str, by: str | None,
           top: int | None) -> list[dict[str, Any]]:
    """Counts of matching documents per bucket (and key), ordered by bucket."""
    if interval not in INTERVALS:
        raise QueryError(f'unknown interval "{interval}" (known: {", ".join(INTERVALS)})')
    if by is not None and by not in SPLITS:
        raise QueryError(f'cannot split trends by "{by}" (known: {", ".join(SPLITS)})')
    compiler = Compiler()
    where = compiler.where(parse(query or ""))
    counts: Counter = Counter()
    names: dict[str, str] = {}
    for published, key, name, count in conn.execute(_trend_sql(where, by), compiler.params):
        bucket = bucket_of(published, interval)
        if bucket:
            counts[bucket, key] += count
            names.setdefault(key, name)
    keep = _top_keys(counts, top) if by and top else None
    rows = [{"bucket": bucket, **({"key": names[key]} if by else {}), "count": count}
            for (bucket, key), count in counts.items() if keep is None or key in keep]
    return sorted(rows, key=lambda r: (r["bucket"], -r["count"], str(r.get("key"))))


def _trend_sql(where: str, by: str | None) -> str:
    if by == "org":
        return ("SELECT d.published, o.canonical, min(o.name), count(DISTINCT d.rid) "
                "FROM documents d JOIN organizations o ON o.doc_rid = d.rid "
                f"WHERE ({where}) AND d.published IS NOT NULL GROUP BY d.published, o.canonical")
    column = _SPLIT_COLUMNS.get(by, "NULL")
    return (f"SELECT d.published, {column}, {column}, count(*) FROM documents d "
            f"WHERE ({where}) AND d.published IS NOT NULL GROUP BY d.published, {column}")


def _top_keys(counts: Counter, top: int) -> set:
    totals: Counter = Counter()
    for (_, key), count in counts.items():
        totals[key] += count
    return {key for key, _ in sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]}

"""Reports over the SQLite index: signings by date (SQL over the item tables), trends over
time (the hit set of index.sqlite_search counted on the in-memory columns)."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

import numpy as np

from index.base import INTERVALS, SPLITS
from index.query import date_bounds, parse
from index.reports import merge_signings
from index.keys import org_key, query_codes
from index.sqlite_search import Search
from index.sqlite_sql import Compiler
from policyminer.errors import QueryError

_SIGNING_COLUMNS = ("text", "date", "parties", "projects", "count", "amount", "location",
                    "location_code", "start", "end", "day", "id", "url", "title", "published",
                    "source", "region")
_SIGNINGS_SQL = """
SELECT s.text, s.date, s.parties, s.projects, s.count, s.amount, s.location, s.location_code,
       s.span_start, s.span_end, s.day, d.id, c.url, c.title, d.published, d.source, d.region
FROM signings s JOIN documents d ON d.rid = s.doc_rid JOIN contents c ON c.rid = d.rid
WHERE {where}
ORDER BY s.day IS NULL, s.day, d.published, d.id, s.idx
"""


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
        tests.append(_region_test(region, params))
    if org:
        tests.append("EXISTS (SELECT 1 FROM signing_parties p WHERE p.canonical = ? "
                     "AND p.doc_rid = s.doc_rid AND p.signing_idx = s.idx)")
        params.append(org_key(org))
    if query:
        compiler = Compiler()
        tests.append(f"({compiler.where(parse(query))})")
        params += compiler.params
    cursor = conn.execute(_SIGNINGS_SQL.format(where=" AND ".join(tests)), params)
    rows = [_signing_row(values) for values in cursor]
    return merge_signings(rows) if merge else rows


def _region_test(region: str, params: list) -> str:
    """The document's region or the signing's location is ``region``, or lies in a division
    it names (codes: index.keys)."""
    params += [region, region]
    codes = list(query_codes(region))
    if not codes:
        return "(d.region = ? OR s.location = ?)"
    marks = ",".join("?" * len(codes))
    params += codes * 2
    return ("(d.region = ? OR s.location = ? "
            f"OR EXISTS (SELECT 1 FROM json_each(d.region_codes) WHERE value IN ({marks})) "
            f"OR EXISTS (SELECT 1 FROM json_each(s.location_codes) WHERE value IN ({marks})))")


def _signing_row(values: tuple) -> dict[str, Any]:
    row = dict(zip(_SIGNING_COLUMNS, values))
    row["parties"], row["projects"] = json.loads(row["parties"]), json.loads(row["projects"])
    row["amount"] = json.loads(row["amount"]) if row["amount"] else None
    row["sources"] = [row["url"]]
    return row


def trends(search: Search, query: str, *, interval: str, by: str | None,
           top: int | None) -> list[dict[str, Any]]:
    """Counts of matching documents per bucket (and key), ordered by bucket.

    Undated documents are left out. Split by org, documents are counted per
    canonical body (index.keys), shown as its fullest name among the counted documents.
    """
    if interval not in INTERVALS:
        raise QueryError(f'unknown interval "{interval}" (known: {", ".join(INTERVALS)})')
    if by is not None and by not in SPLITS:
        raise QueryError(f'cannot split trends by "{by}" (known: {", ".join(SPLITS)})')
    cols = search.cols
    hits = search.hits(parse(query or ""))
    labels = None
    if by == "org":
        chosen = cols.mask(hits)[cols.org_doc]
        docs, keys, values = cols.org_doc[chosen], cols.org_key[chosen], cols.org_keys
        labels = cols.org_name[chosen]
    else:
        column = cols.fields[by] if by else None
        docs, values = hits, column.values if column else []
        keys = column.codes[hits].astype(np.int64) if column else np.full(len(hits), -1, np.int64)
    names, of_published = cols.buckets(interval)
    published = cols.published.codes[docs]
    bucket = of_published[published]          # undated (-1) picks the last entry, -1 too
    kept = bucket >= 0
    keys, bucket, published = keys[kept], bucket[kept], published[kept]
    width = len(values) + 1
    tally = np.bincount(bucket * width + keys + 1, minlength=len(names) * width)
    counts: Counter = Counter()
    for code in np.flatnonzero(tally).tolist():
        key = values[code % width - 1] if code % width else None
        counts[names[code // width], key] = int(tally[code])
    shown = _fullest_names(cols, keys, labels[kept]) if labels is not None else {}
    keep = _top_keys(counts, top) if by and top else None
    rows = [{"bucket": b, **({"key": shown.get(key, key)} if by else {}), "count": count}
            for (b, key), count in counts.items() if keep is None or key in keep]
    return sorted(rows, key=lambda r: (r["bucket"], -r["count"], str(r.get("key"))))


def _fullest_names(cols, keys: np.ndarray, labels: np.ndarray) -> dict:
    """Canonical key → the fullest name among its mentions (name codes are fullest first)."""
    order = np.lexsort((labels, keys))
    keys, labels = keys[order], labels[order]
    first = np.ones(len(keys), bool)
    first[1:] = keys[1:] != keys[:-1]
    return {cols.org_keys[key]: cols.org_names[label]
            for key, label in zip(keys[first].tolist(), labels[first].tolist())}


def _top_keys(counts: Counter, top: int) -> set:
    totals: Counter = Counter()
    for (_, key), count in counts.items():
        totals[key] += count
    return {key for key, _ in sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]}

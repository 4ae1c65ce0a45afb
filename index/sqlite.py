"""The embedded engine: one SQLite file with FTS5 (bigram BM25 + trigram substrings).

A query term is found wherever its string occurs in the title or text,
however a segmenter would have cut the sentence (index.sqlite_sql explains
which index decides each term). A search evaluates its query once into the
exact set of matching rows (index.sqlite_search), inside one read
transaction, and takes the total, the page and the facets from that set.
Per-document fields stay in memory between searches (index.sqlite_columns)
until the index changes.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from index import sqlite_reports
from index.base import SORTS, Index, SearchResult
from index.query import all_of, from_filters, parse, positive_terms
from index.snippet import snippet
from index.sqlite_columns import Columns
from index.sqlite_schema import (DELETES, DOC_TABLES, INSERTS, ITEM_TABLES, connect, create,
                                 drop, record_hash, record_rows)
from index.sqlite_search import Search
from index.sqlite_sql import rank_phrases
from policyminer.errors import EngineError, QueryError
from policyminer.records import Extracted, Figure, Organization, Signing

BATCH = 5000                   # records per transaction
FACET_SIZE = 10


class SQLiteIndex(Index):
    """The index in one SQLite file (``:memory:`` for a throwaway one)."""

    def __init__(self, path: str | Path, *, url: str | None = None):
        self.path = str(path)
        self.url = url or self.path
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = connect(self.path)
        self._writes = 0            # own commits (PRAGMA data_version counts only others')
        self._columns: tuple[tuple[int, int], Columns] | None = None
        with self._errors():
            self._stale = create(self._conn)

    # -- writing ------------------------------------------------------------

    def load(self, records: Iterable[Extracted | dict], *,
             progress: Callable[[int], None] | None = None) -> int:
        """Upsert ``records`` by id in batches; unchanged records cost one lookup."""
        self._check()
        seen = 0
        iterator = iter(records)
        while batch := list(islice(iterator, BATCH)):
            self._load_batch([r if isinstance(r, Extracted) else Extracted.from_dict(r)
                              for r in batch])
            seen += len(batch)
            if progress:
                progress(seen)
        return seen

    def _load_batch(self, batch: list[Extracted]) -> None:
        latest = {record.id: record for record in batch}
        digests = {doc_id: record_hash(record) for doc_id, record in latest.items()}
        with self._write() as conn:
            known = self._known(conn, list(latest))
            changed = [doc_id for doc_id in latest if known.get(doc_id, (0, ""))[1] != digests[doc_id]]
            self._delete_rids(conn, [known[doc_id][0] for doc_id in changed if doc_id in known])
            next_rid = conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM documents").fetchone()[0]
            rows: dict[str, list[tuple]] = {table: [] for table in INSERTS}
            for doc_id in changed:
                rid = known[doc_id][0] if doc_id in known else next_rid
                next_rid += doc_id not in known
                record_rows(rid, latest[doc_id], digests[doc_id], rows)
            for table, sql in INSERTS.items():
                conn.executemany(sql, rows[table])

    @staticmethod
    def _known(conn, ids: list[str]) -> dict[str, tuple[int, str]]:
        marks = ",".join("?" * len(ids))
        sql = f"SELECT id, rid, hash FROM documents WHERE id IN ({marks})"
        return {doc_id: (rid, digest) for doc_id, rid, digest in conn.execute(sql, ids)}

    @staticmethod
    def _delete_rids(conn, rids: list[int]) -> None:
        """Remove documents and every row derived from them.

        Full-text entries and name keys go by recomputing them from the
        stored record: ``doc_words`` keeps no text to delete them by.
        """
        rows: dict[str, list[tuple]] = {table: [] for table in INSERTS}
        for rid in rids:
            record_rows(rid, _rebuild(conn, rid), "", rows)
        rows["doc_chars"] = conn.execute(          # exactly the text that was indexed
            "SELECT rid, title, body FROM folded WHERE rid IN (SELECT value FROM json_each(?))",
            (json.dumps(rids),)).fetchall()
        for table, sql in DELETES.items():
            conn.executemany(sql, rows[table])
        keyed = [(rid,) for rid in rids]
        for table in ITEM_TABLES:
            conn.executemany(f"DELETE FROM {table} WHERE doc_rid = ?", keyed)
        for table in DOC_TABLES:
            conn.executemany(f"DELETE FROM {table} WHERE rid = ?", keyed)

    def delete(self, ids: Iterable[str]) -> int:
        """Remove documents by id; return how many were there."""
        self._check()
        ids = list(ids)
        with self._write() as conn:
            rids = [rid for chunk in _chunks(ids, BATCH)
                    for rid, _ in self._known(conn, chunk).values()]
            self._delete_rids(conn, rids)
        return len(rids)

    def clear(self) -> None:
        """Drop and recreate every table (also repairs an index of an older schema)."""
        with self._write() as conn:
            for vocabulary in ("temp.doc_words_instances", "temp.doc_words_terms"):
                conn.execute(f"DROP TABLE IF EXISTS {vocabulary}")
            drop(conn)
            self._stale = create(conn)

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction, rolled back on any error."""
        with self._lock, self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            self._writes += 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite failures (a locked or damaged file, a full disk) as EngineError."""
        try:
            yield
        except sqlite3.Error as exc:
            raise EngineError(f"the index {self.url} failed: {exc}") from exc

    # -- reading ------------------------------------------------------------

    def count(self) -> int:
        """How many documents the index holds."""
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record as ``Extracted.to_dict()`` gives it, or None."""
        self._check()
        with self._lock, self._errors():
            row = self._conn.execute("SELECT rid FROM documents WHERE id = ?", (doc_id,)).fetchone()
            return None if row is None else _rebuild(self._conn, row[0]).to_dict()

    def search(self, query: str, *, limit: int = 10, offset: int = 0, sort: str = "relevance",
               filters: dict | None = None, facet_size: int = FACET_SIZE) -> SearchResult:
        """Documents matching ``query`` and ``filters``: exact total, one page, facets."""
        started = time.perf_counter()
        self._check()
        if sort not in SORTS:
            raise QueryError(f'unknown sort "{sort}" (known: {", ".join(SORTS)})')
        if limit < 0 or offset < 0:
            raise QueryError(f"limit and offset must be 0 or more (got {limit}, {offset})")
        node = all_of([parse(query or ""), from_filters(filters)])
        with self._reading() as conn:
            search = Search(conn, self._snapshot(conn))
            found = search.hits(node)
            ranked = search.page(found, rank_phrases(node), sort, limit, offset)
            hits = _hits(conn, ranked, [t.text for t in positive_terms(node) if t.field is None])
            facets = search.facets(found, facet_size) if len(found) and facet_size else {}
        took = round((time.perf_counter() - started) * 1000)
        return SearchResult(total=len(found), took_ms=took, hits=hits, facets=facets)

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """One read transaction, so that total, page and facets agree."""
        with self._lock, self._errors():
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    def _snapshot(self, conn) -> Columns:
        """The in-memory columns, read again when the index has changed since."""
        version = (conn.execute("PRAGMA data_version").fetchone()[0], self._writes)
        if self._columns is None or self._columns[0] != version:
            self._columns = (version, Columns(conn))
        return self._columns[1]

    def signings(self, *, since: str | None = None, until: str | None = None,
                 region: str | None = None, org: str | None = None,
                 query: str | None = None, merge: bool = True) -> list[dict[str, Any]]:
        """Signing events filed under days in [since, until], oldest first (see Index)."""
        self._check()
        with self._reading() as conn:
            return sqlite_reports.signings(conn, since=since, until=until, region=region,
                                           org=org, query=query, merge=merge)

    def trends(self, query: str, *, interval: str = "month", by: str | None = None,
               top: int | None = None) -> list[dict[str, Any]]:
        """Matching documents per bucket of publication date, optionally split ``by``."""
        self._check()
        with self._reading() as conn:
            return sqlite_reports.trends(Search(conn, self._snapshot(conn)), query,
                                         interval=interval, by=by, top=top)

    def close(self) -> None:
        """Close the connection (the file stays)."""
        with self._lock:
            self._conn.close()

    def stale(self) -> str | None:
        return self._stale

    def _check(self) -> None:
        if self._stale:
            raise EngineError(f"the index {self.url} was built by another version of policyminer: "
                              f"{self._stale}; rebuild it with `policyminer index --rebuild`")

    def __repr__(self) -> str:
        return f"SQLiteIndex({self.path!r})"


def _hits(conn, ranked: list[tuple[int, float]], terms: list[str]) -> list[dict[str, Any]]:
    """The hit dicts of (rid, score) pairs, in their order, with snippets."""
    marks = ",".join("?" * len(ranked))
    docs = {row[0]: row[1:] for row in conn.execute(
        "SELECT d.rid, d.id, c.url, c.title, d.published, d.source, c.text FROM documents d "
        f"JOIN contents c ON c.rid = d.rid WHERE d.rid IN ({marks})", [rid for rid, _ in ranked])}
    return [_hit(*docs[rid], score, terms) for rid, score in ranked]


def _hit(doc_id, url, title, published, source, text, score, terms) -> dict[str, Any]:
    return {"id": doc_id, "url": url, "title": title, "published": published, "source": source,
            "score": round(score, 6), "snippet": snippet(text, terms)}


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _rebuild(conn, rid: int) -> Extracted:
    """The Extracted record of document ``rid``, from its rows."""
    (doc_id, url, title, published, source, doc_type, region, text, metadata, keywords,
     extractor_version, places) = conn.execute(
        "SELECT d.id, c.url, c.title, d.published, d.source, d.doc_type, d.region, c.text, "
        "c.metadata, c.keywords, c.extractor_version, c.places FROM documents d JOIN contents c "
        "ON c.rid = d.rid WHERE d.rid = ?", (rid,)).fetchone()
    orgs = [Organization(name, type_, json.loads(aliases), json.loads(mentions))
            for name, type_, aliases, mentions in conn.execute(
                "SELECT name, type, aliases, mentions FROM organizations WHERE doc_rid = ? "
                "ORDER BY idx", (rid,))]
    figures = [Figure(*values) for values in conn.execute(
        "SELECT text, value, unit, qualifier, metric, year, span_start, span_end FROM figures "
        "WHERE doc_rid = ? ORDER BY idx", (rid,))]
    signings = [Signing(text, date, json.loads(parties), json.loads(projects), count,
                        json.loads(amount) if amount else None, location, start, end, code)
                for text, date, parties, projects, count, amount, location, start, end, code
                in conn.execute("SELECT text, date, parties, projects, count, amount, location, "
                                "span_start, span_end, location_code FROM signings "
                                "WHERE doc_rid = ? ORDER BY idx", (rid,))]
    return Extracted(id=doc_id, url=url, title=title, published=published, text=text,
                     organizations=orgs, figures=figures, signings=signings, source=source,
                     doc_type=doc_type, region=region, metadata=json.loads(metadata),
                     keywords=json.loads(keywords), places=json.loads(places),
                     extractor_version=extractor_version)

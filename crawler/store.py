"""The raw-page store: one SQLite file (WAL) holding every fetched page.

Bodies are kept as fetched (zlib-compressed bytes) so that extraction can be
rerun without crawling again. The store is keyed by canonical URL and every
write is one transaction, so a crawl killed midway loses nothing it committed
and a rerun duplicates nothing: ``put`` of the same bytes is ``'unchanged'``.

Near-duplicates (one story syndicated on several portals) are stored too, with
``near_dup_of`` pointing at the page kept; that page lists them in
``other_urls``, and ``iter_pages`` yields only the kept pages by default.

No connection is opened at import or in ``__init__``: the first query opens it.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from policyminer.errors import CrawlError
from policyminer.records import Page, canonical_url, doc_id
from policyminer.wal import connect_wal

from crawler.neardup import CANDIDATE_DISTANCE, band_keys, distance, from_signed, to_signed

OPEN_TIMEOUT = 60   # seconds another process may hold the file while we open it

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages(
    url TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    fetched TEXT NOT NULL,
    updated TEXT NOT NULL,
    status INTEGER NOT NULL DEFAULT 200,
    encoding TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT NOT NULL,
    body BLOB NOT NULL,
    doc_type TEXT NOT NULL DEFAULT 'news',
    region TEXT,
    attachments TEXT NOT NULL DEFAULT '[]',
    near_dup_of TEXT,
    other_urls TEXT NOT NULL DEFAULT '[]',
    simhash INTEGER
);
CREATE INDEX IF NOT EXISTS pages_source ON pages(source);
CREATE INDEX IF NOT EXISTS pages_updated ON pages(updated);
CREATE TABLE IF NOT EXISTS simhash_bands(key INTEGER NOT NULL, url TEXT NOT NULL,
                                         PRIMARY KEY(key, url)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases(url TEXT PRIMARY KEY, target TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS crawls(source TEXT PRIMARY KEY, started TEXT, completed TEXT);
CREATE TABLE IF NOT EXISTS failures(url TEXT PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,
                                    first TEXT NOT NULL, last TEXT NOT NULL, attempts INTEGER NOT NULL);
"""
_PAGE_COLUMNS = ("url, source, fetched, status, encoding, etag, last_modified, body, doc_type, "
                 "region, attachments, other_urls")


def _create_schema(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript("BEGIN IMMEDIATE;" + SCHEMA + "COMMIT;")


def utc_now() -> str:
    """The current time as an ISO timestamp in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(body: bytes) -> str:
    """The hash that decides whether a page changed."""
    return hashlib.sha1(body).hexdigest()


class PageStore:
    """Raw pages in SQLite; see the module docstring."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None

    # -- connection ---------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        """The connection, opened (and the schema created) on first use."""
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = connect_wal(str(self.path), timeout=OPEN_TIMEOUT, setup=_create_schema,
                                   isolation_level=None)
            except sqlite3.DatabaseError as exc:
                raise CrawlError(f"{self.path}: cannot open the page store ({exc}); "
                                 "is it a policyminer pages.db?") from exc
            conn.row_factory = sqlite3.Row
            self._conn = conn
        return self._conn

    @contextmanager
    def _tx(self):
        """One write transaction (BEGIN IMMEDIATE … COMMIT, rolled back on error)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (it reopens on the next query)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "PageStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writes -------------------------------------------------------------
    def put(self, url: str, body: bytes, *, source: str, fetched: str | None = None,
            status: int = 200, encoding: str | None = "utf-8", etag: str | None = None,
            last_modified: str | None = None, doc_type: str = "news", region: str | None = None,
            attachments: list[dict[str, Any]] | None = None, near_dup_of: str | None = None,
            simhash: int | None = None, aliases: list[str] | tuple[str, ...] = ()) -> str:
        """Store one fetched page; returns ``'new'``, ``'changed'`` or ``'unchanged'``.

        The content hash of ``body`` decides: the same bytes again only refresh
        ``fetched`` and the HTTP validators. ``near_dup_of`` names the stored
        page this one repeats (it is then listed in that page's ``other_urls``);
        ``aliases`` are URLs that redirected here.
        """
        url, fetched = canonical_url(url), fetched or utc_now()
        digest = content_hash(body)
        if near_dup_of:
            near_dup_of = canonical_url(near_dup_of)
            if near_dup_of == url:
                near_dup_of = None
        with self._tx() as db:
            old = db.execute("SELECT content_hash, attachments, near_dup_of FROM pages WHERE url=?",
                             (url,)).fetchone()
            db.execute("DELETE FROM failures WHERE url=?", (url,))
            self._put_aliases(db, url, aliases)
            merged = _merge_attachments(json.loads(old["attachments"]) if old else [], attachments)
            if old is not None and old["content_hash"] == digest:
                changed_files = attachments is not None and merged != json.loads(old["attachments"])
                db.execute("UPDATE pages SET fetched=?, status=?, etag=coalesce(?, etag), "
                           "last_modified=coalesce(?, last_modified), attachments=?"
                           + (", updated=?" if changed_files else "") + " WHERE url=?",
                           (fetched, status, etag, last_modified, _dumps(merged))
                           + ((fetched,) if changed_files else ()) + (url,))
                return "changed" if changed_files else "unchanged"
            target = self._resolve_target(db, near_dup_of)
            row = {"url": url, "id": doc_id(url), "source": source, "fetched": fetched,
                   "updated": fetched, "status": status, "encoding": encoding, "etag": etag,
                   "last_modified": last_modified, "content_hash": digest,
                   "body": zlib.compress(body, 6), "doc_type": doc_type, "region": region,
                   "attachments": _dumps(merged), "near_dup_of": target,
                   "simhash": None if simhash is None else to_signed(simhash)}
            if old is None:
                db.execute(f"INSERT INTO pages({', '.join(row)}) VALUES "
                           f"({', '.join('?' * len(row))})", tuple(row.values()))
            else:
                sets = ", ".join(f"{k}=?" for k in row if k != "url")
                db.execute(f"UPDATE pages SET {sets} WHERE url=?",
                           tuple(v for k, v in row.items() if k != "url") + (url,))
            self._link_duplicate(db, url, old["near_dup_of"] if old else None, target)
            self._put_bands(db, url, None if target else simhash)
            return "new" if old is None else "changed"

    def touch(self, url: str, *, fetched: str | None = None, status: int = 304,
              etag: str | None = None, last_modified: str | None = None) -> str | None:
        """Record a conditional GET answered 304; ``'unchanged'``, or None for an unknown URL."""
        target = self.resolve(url)
        if target is None:
            return None
        with self._tx() as db:
            db.execute("UPDATE pages SET fetched=?, etag=coalesce(?, etag), "
                       "last_modified=coalesce(?, last_modified) WHERE url=?",
                       (fetched or utc_now(), etag, last_modified, target))
        return "unchanged"

    def _put_aliases(self, db: sqlite3.Connection, url: str, aliases) -> None:
        for alias in aliases:
            alias = canonical_url(alias)
            if alias != url:
                db.execute("INSERT OR REPLACE INTO aliases(url, target) VALUES (?, ?)", (alias, url))

    @staticmethod
    def _resolve_target(db: sqlite3.Connection, url: str | None) -> str | None:
        """The kept page a duplicate points at (never a duplicate itself)."""
        seen = set()
        while url and url not in seen:
            seen.add(url)
            row = db.execute("SELECT near_dup_of FROM pages WHERE url=?", (url,)).fetchone()
            if row is None:
                return None
            if not row["near_dup_of"]:
                return url
            url = row["near_dup_of"]
        return None

    @staticmethod
    def _link_duplicate(db: sqlite3.Connection, url: str, old: str | None, new: str | None) -> None:
        if old == new:
            return
        for target, add in ((old, False), (new, True)):
            if not target:
                continue
            row = db.execute("SELECT other_urls FROM pages WHERE url=?", (target,)).fetchone()
            if row is None:
                continue
            others = [u for u in json.loads(row["other_urls"]) if u != url] + ([url] if add else [])
            db.execute("UPDATE pages SET other_urls=? WHERE url=?", (_dumps(others), target))

    @staticmethod
    def _put_bands(db: sqlite3.Connection, url: str, simhash: int | None) -> None:
        db.execute("DELETE FROM simhash_bands WHERE url=?", (url,))
        if simhash is not None:
            db.executemany("INSERT OR IGNORE INTO simhash_bands(key, url) VALUES (?, ?)",
                           [(key, url) for key in band_keys(simhash)])

    # -- crawl bookkeeping ----------------------------------------------------
    def record_failure(self, url: str, *, source: str, reason: str, when: str | None = None) -> None:
        """Remember that fetching ``url`` failed (until a later fetch stores it)."""
        url, when = canonical_url(url), when or utc_now()
        with self._tx() as db:
            db.execute("INSERT INTO failures(url, source, reason, first, last, attempts) "
                       "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(url) DO UPDATE SET "
                       "reason=excluded.reason, last=excluded.last, attempts=attempts + 1",
                       (url, source, reason, when, when))

    def failure(self, url: str) -> dict[str, Any] | None:
        """The last failure recorded for ``url`` (reason, first, last, attempts), or None."""
        row = self.db.execute("SELECT reason, first, last, attempts FROM failures WHERE url=?",
                              (canonical_url(url),)).fetchone()
        return dict(row) if row else None

    def failures(self, source: str | None = None) -> list[dict[str, Any]]:
        """Every URL whose last fetch failed, with its reason."""
        sql, args = "SELECT url, source, reason, first, last, attempts FROM failures", ()
        if source:
            sql, args = sql + " WHERE source=?", (source,)
        return [dict(r) for r in self.db.execute(sql + " ORDER BY url", args)]

    def begin_crawl(self, source: str) -> bool:
        """Mark a crawl of ``source`` as running; True if the previous one completed."""
        with self._tx() as db:
            row = db.execute("SELECT completed FROM crawls WHERE source=?", (source,)).fetchone()
            db.execute("INSERT OR REPLACE INTO crawls(source, started, completed) VALUES (?, ?, NULL)",
                       (source, utc_now()))
        return bool(row and row["completed"])

    def end_crawl(self, source: str) -> None:
        """Mark the running crawl of ``source`` as completed."""
        with self._tx() as db:
            db.execute("UPDATE crawls SET completed=? WHERE source=?", (utc_now(), source))

    # -- reads --------------------------------------------------------------
    def resolve(self, url: str) -> str | None:
        """The stored URL for ``url`` (itself, or the page it redirected to), or None."""
        url = canonical_url(url)
        db = self.db
        if db.execute("SELECT 1 FROM pages WHERE url=?", (url,)).fetchone():
            return url
        row = db.execute("SELECT target FROM aliases WHERE url=?", (url,)).fetchone()
        return row["target"] if row else None

    def known(self, url: str) -> bool:
        """Whether ``url`` (or a URL that redirected to a stored page) is stored."""
        return self.resolve(url) is not None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """``(etag, last_modified)`` of a stored page, for a conditional GET."""
        target = self.resolve(url)
        if target is None:
            return None, None
        row = self.db.execute("SELECT etag, last_modified FROM pages WHERE url=?",
                              (target,)).fetchone()
        return row["etag"], row["last_modified"]

    def get(self, url: str) -> Page | None:
        """The stored page for ``url`` (following redirects recorded as aliases), or None."""
        target = self.resolve(url)
        if target is None:
            return None
        row = self.db.execute(f"SELECT {_PAGE_COLUMNS} FROM pages WHERE url=?", (target,)).fetchone()
        return _page(row) if row else None

    def info(self, url: str) -> dict[str, Any] | None:
        """Bookkeeping columns of a stored page (no body): hash, dup links, timestamps."""
        target = self.resolve(url)
        row = self.db.execute(
            "SELECT url, id, source, fetched, updated, status, content_hash, near_dup_of, "
            "other_urls, simhash FROM pages WHERE url=?", (target,)).fetchone() if target else None
        if row is None:
            return None
        data = dict(row)
        data["other_urls"] = json.loads(data["other_urls"])
        data["simhash"] = None if data["simhash"] is None else from_signed(data["simhash"])
        return data

    def iter_pages(self, since: str | None = None, source: str | None = None, *,
                   include_duplicates: bool = False) -> Iterator[Page]:
        """Stored pages, oldest change first; ``since`` keeps pages new or changed at or after it.

        Near-duplicates are left out unless ``include_duplicates``: each kept
        page lists their URLs in ``other_urls``.
        """
        where, args = [], []
        if since:
            where.append("updated >= ?")
            args.append(since)
        if source:
            where.append("source = ?")
            args.append(source)
        if not include_duplicates:
            where.append("near_dup_of IS NULL")
        sql = f"SELECT {_PAGE_COLUMNS} FROM pages"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY updated, url"
        cursor = self.db.execute(sql, args)
        while rows := cursor.fetchmany(200):     # streamed: a large store does not fill memory
            yield from (_page(row) for row in rows)

    def urls(self, source: str | None = None) -> list[str]:
        """Every stored URL (duplicates included), sorted."""
        sql, args = "SELECT url FROM pages", ()
        if source:
            sql, args = sql + " WHERE source=?", (source,)
        return sorted(r["url"] for r in self.db.execute(sql, args))

    def count(self, source: str | None = None) -> int:
        """How many URLs are stored (near-duplicates included)."""
        if source:
            return self.db.execute("SELECT count(*) FROM pages WHERE source=?", (source,)).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM pages").fetchone()[0]

    def near_candidates(self, simhash: int, *, exclude: str | None = None,
                        max_distance: int = CANDIDATE_DISTANCE) -> list[tuple[str, int]]:
        """Kept pages whose SimHash shares a band with ``simhash`` and lies within ``max_distance`` bits.

        Returns ``(url, distance)`` pairs, closest (then oldest) first.
        """
        keys = band_keys(simhash)
        rows = self.db.execute(
            "SELECT DISTINCT p.url, p.simhash, p.updated FROM simhash_bands b JOIN pages p ON p.url = b.url "
            f"WHERE b.key IN ({', '.join('?' * len(keys))}) AND p.near_dup_of IS NULL", keys).fetchall()
        exclude = canonical_url(exclude) if exclude else None
        found = [(distance(from_signed(r["simhash"]), simhash), r["updated"], r["url"]) for r in rows
                 if r["url"] != exclude and r["simhash"] is not None]
        return [(url, d) for d, _, url in sorted(found) if d <= max_distance]

    def content_hash_of(self, url: str) -> str | None:
        """The content hash of a stored page, or None."""
        row = self.db.execute("SELECT content_hash FROM pages WHERE url=?",
                              (canonical_url(url),)).fetchone()
        return row["content_hash"] if row else None


def _page(row: sqlite3.Row) -> Page:
    body = zlib.decompress(row["body"])
    encoding = row["encoding"] or "utf-8"
    try:
        html = body.decode(encoding, errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    return Page(url=row["url"], fetched=row["fetched"], html=html, source=row["source"],
                status=row["status"], encoding=encoding, doc_type=row["doc_type"],
                region=row["region"], etag=row["etag"], last_modified=row["last_modified"],
                attachments=json.loads(row["attachments"]), other_urls=json.loads(row["other_urls"]))


def _merge_attachments(old: list[dict], new: list[dict] | None) -> list[dict]:
    """New attachment records, keeping old text where a refetch failed."""
    if new is None:
        return old
    previous = {a.get("url"): a for a in old if a.get("text") is not None}
    return [previous.get(a.get("url"), a) if a.get("error") else a for a in new]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

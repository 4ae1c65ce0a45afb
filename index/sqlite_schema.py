"""The SQLite index's tables, and the rows one Extracted record becomes.

* ``documents`` — one row per record (``rid`` is the integer key every other
  table refers to; ``id`` the record's stable id; ``hash`` detects changes).
* ``doc_words`` — FTS5 over the CJK-bigram tokens of title and text
  (index.segment), ranked with BM25; also finds two-character Chinese terms.
* ``doc_chars`` — FTS5 with the trigram tokenizer over the folded title and
  text: any substring of three or more characters; its stored columns serve
  ``instr`` checks for shorter terms.
* ``organizations`` / ``org_names`` (every name and alias, canonicalised),
  ``figures``, ``signings`` / ``signing_parties`` — the extracted items.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from index.reports import signing_day
from index.segment import ANALYZER, canonical, index_forms
from policyminer.errors import EngineError
from policyminer.records import Extracted

SCHEMA_VERSION = "1"
MIN_SQLITE = (3, 34, 0)          # the trigram tokenizer
FTS_HASH = 64 << 20              # bytes of pending full-text index kept in memory

TABLES = ("documents", "organizations", "org_names", "figures", "signings",
          "signing_parties", "doc_words", "doc_chars")

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL,
    title TEXT NOT NULL, published TEXT, source TEXT, doc_type TEXT, region TEXT,
    text TEXT NOT NULL, metadata TEXT NOT NULL, keywords TEXT NOT NULL,
    extractor_version TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_region ON documents(region);
CREATE INDEX IF NOT EXISTS documents_type ON documents(doc_type);
CREATE TABLE IF NOT EXISTS organizations (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL,
    canonical TEXT NOT NULL, type TEXT, aliases TEXT NOT NULL, mentions TEXT NOT NULL,
    PRIMARY KEY (doc_rid, idx));
CREATE INDEX IF NOT EXISTS organizations_canonical ON organizations(canonical);
CREATE TABLE IF NOT EXISTS org_names (
    canonical TEXT NOT NULL, doc_rid INTEGER NOT NULL, org_idx INTEGER NOT NULL,
    PRIMARY KEY (canonical, doc_rid, org_idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS org_names_doc ON org_names(doc_rid);
CREATE TABLE IF NOT EXISTS figures (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, value,
    unit TEXT, qualifier TEXT, metric TEXT, year INTEGER,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, PRIMARY KEY (doc_rid, idx));
CREATE TABLE IF NOT EXISTS signings (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, date TEXT,
    day TEXT, parties TEXT NOT NULL, projects TEXT NOT NULL, count INTEGER,
    amount TEXT, location TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    PRIMARY KEY (doc_rid, idx));
CREATE INDEX IF NOT EXISTS signings_day ON signings(day);
CREATE TABLE IF NOT EXISTS signing_parties (
    canonical TEXT NOT NULL, doc_rid INTEGER NOT NULL, signing_idx INTEGER NOT NULL,
    PRIMARY KEY (canonical, doc_rid, signing_idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS signing_parties_doc ON signing_parties(doc_rid);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_words USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS doc_chars USING fts5(
    title, body, tokenize = 'trigram', columnsize = 0);
"""

INSERTS = {
    "documents": "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "doc_words": "INSERT INTO doc_words(rowid, title, body) VALUES (?,?,?)",
    "doc_chars": "INSERT INTO doc_chars(rowid, title, body) VALUES (?,?,?)",
    "organizations": "INSERT INTO organizations VALUES (?,?,?,?,?,?,?)",
    "org_names": "INSERT OR IGNORE INTO org_names VALUES (?,?,?)",
    "figures": "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?)",
    "signings": "INSERT INTO signings VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "signing_parties": "INSERT OR IGNORE INTO signing_parties VALUES (?,?,?)",
}


def connect(path: str) -> sqlite3.Connection:
    """A connection with the pragmas bulk loading and concurrent reading want."""
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise EngineError(f"SQLite {sqlite3.sqlite_version} is too old for the embedded index "
                          "(needs 3.34 for the trigram tokenizer); use Python with a newer SQLite")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        for pragma in ("synchronous = NORMAL", "temp_store = MEMORY", "cache_size = -65536",
                       "busy_timeout = 10000"):
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.Error as exc:
        raise EngineError(f"cannot open the SQLite index {path}: {exc}") from None
    return conn


def create(conn: sqlite3.Connection) -> str | None:
    """Create missing tables; return why an existing index cannot be used, or None."""
    for statement in DDL.split(";"):       # not executescript: it would commit
        if statement.strip():
            conn.execute(statement)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS hits (rid INTEGER PRIMARY KEY)")
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    wanted = {"schema_version": SCHEMA_VERSION, "analyzer": ANALYZER}
    if not meta:
        conn.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
        for table in ("doc_words", "doc_chars"):      # flush to disk less often when loading
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (FTS_HASH,))
        return None
    stale = [f"{k} {meta.get(k)!r} (this policyminer writes {v!r})"
             for k, v in wanted.items() if meta.get(k) != v]
    return "; ".join(stale) or None


def drop(conn: sqlite3.Connection) -> None:
    """Drop every table (the next ``create`` starts afresh)."""
    for table in TABLES + ("meta",):
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def record_hash(record: Extracted) -> str:
    """A digest of everything stored about a record."""
    data = json.dumps(record, ensure_ascii=False, sort_keys=True, default=vars)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def record_rows(rid: int, record: Extracted, digest: str) -> dict[str, list[tuple]]:
    """Every row ``record`` adds, table by table, for document key ``rid``."""
    rows: dict[str, list[tuple]] = {table: [] for table in INSERTS}
    rows["documents"].append((
        rid, record.id, record.url, record.title or "", record.published, record.source,
        record.doc_type, record.region, record.text or "",
        _json(record.metadata), _json(record.keywords), record.extractor_version or "", digest))
    (title_words, title_chars), (text_words, text_chars) = map(index_forms, (record.title or "",
                                                                       record.text or ""))
    rows["doc_words"].append((rid, title_words, text_words))
    rows["doc_chars"].append((rid, title_chars, text_chars))
    names = _organization_rows(rid, record, rows)
    _figure_rows(rid, record, rows)
    _signing_rows(rid, record, rows, names)
    return rows


def _organization_rows(rid: int, record: Extracted, rows: dict) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for idx, org in enumerate(record.organizations):
        keys = {canonical(n) for n in [org.name, *org.aliases] if n and canonical(n)}
        rows["organizations"].append((rid, idx, org.name, canonical(org.name), org.type,
                                      _json(org.aliases), _json(org.mentions)))
        rows["org_names"].extend((key, rid, idx) for key in keys)
        for key in keys:
            names.setdefault(key, set()).update(keys)
    return names


def _figure_rows(rid: int, record: Extracted, rows: dict) -> None:
    for idx, fig in enumerate(record.figures):
        rows["figures"].append((rid, idx, fig.text, fig.value, fig.unit, fig.qualifier,
                                fig.metric, fig.year, fig.start, fig.end))


def _signing_rows(rid: int, record: Extracted, rows: dict, names: dict[str, set[str]]) -> None:
    for idx, sig in enumerate(record.signings):
        rows["signings"].append((
            rid, idx, sig.text, sig.date, signing_day(sig.date, record.published),
            _json(sig.parties), _json(sig.projects), sig.count,
            _json(sig.amount) if sig.amount is not None else None, sig.location,
            sig.start, sig.end))
        for party in sig.parties:
            key = canonical(party)
            for alias in names.get(key, {key} if key else set()):
                rows["signing_parties"].append((alias, rid, idx))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)

"""The SQLite index's tables, and the rows one Extracted record becomes.

* ``documents`` — one narrow row per record: ``rid`` (the integer key every
  other table refers to), ``id`` (the record's stable id), the fields that
  searches filter, sort and facet on, and ``hash`` (detects changes).
* ``contents`` — the wide rest of the record: url, title, text, metadata.
* ``folded`` — title and text folded for matching (index.segment.search_text):
  the external content of ``doc_chars``, and what ``instr`` checks for terms
  too short for it.
* ``doc_words`` — contentless FTS5 over the CJK-bigram tokens of title and
  text (index.segment), ranked with BM25; also finds two-character Chinese
  terms. Nothing but the index is stored: a row is removed by replaying its
  tokens, recomputed from ``contents`` (hence the ``unicode`` version in
  ``meta``: another Unicode database could fold a text differently).
* ``doc_chars`` — FTS5 with the trigram tokenizer over ``folded``: any
  substring of three or more characters.
* ``organizations`` / ``org_names`` (every name and alias: its canonical key,
  index.keys, and its folded form), ``figures``, ``signings`` /
  ``signing_parties`` — the extracted items.
* ``region_codes`` — the GB/T 2260 codes a document is found under by
  ``region:`` (its region's division and those above it, and its signings'
  locations'); ``documents.region_codes`` and ``signings.location_codes`` keep
  the two parts apart for the signings report.

``meta`` records what the rows were computed with (schema, analyzer, Unicode
version, the key rules of index.keys); an index written otherwise must be
rebuilt.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from typing import Any

from index.reports import signing_day
from index.keys import (document_codes, keys_version, location_codes, name_keys, org_key,
                        region_codes)
from index.segment import ANALYZER, index_forms
from policyminer.errors import EngineError
from policyminer.records import Extracted
from policyminer.wal import connect_wal

SCHEMA_VERSION = "3"
MIN_SQLITE = (3, 34, 0)          # the trigram tokenizer
FTS_HASH = 64 << 20              # bytes of pending full-text index kept in memory

TABLES = ("documents", "contents", "folded", "organizations", "org_names", "figures",
          "signings", "signing_parties", "region_codes", "doc_words", "doc_chars")

DDL = """
CREATE TABLE IF NOT EXISTS documents (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, published TEXT, source TEXT,
    doc_type TEXT, region TEXT, hash TEXT NOT NULL, region_codes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS contents (
    rid INTEGER PRIMARY KEY, url TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
    metadata TEXT NOT NULL, keywords TEXT NOT NULL, extractor_version TEXT NOT NULL,
    places TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS folded (rid INTEGER PRIMARY KEY, title TEXT NOT NULL,
    body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS organizations (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL,
    canonical TEXT NOT NULL, type TEXT, aliases TEXT NOT NULL, mentions TEXT NOT NULL,
    PRIMARY KEY (doc_rid, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS org_names (
    canonical TEXT NOT NULL, doc_rid INTEGER NOT NULL, org_idx INTEGER NOT NULL,
    PRIMARY KEY (canonical, doc_rid, org_idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, value,
    unit TEXT, qualifier TEXT, metric TEXT, year INTEGER,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    PRIMARY KEY (doc_rid, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS signings (
    doc_rid INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, date TEXT,
    day TEXT, parties TEXT NOT NULL, projects TEXT NOT NULL, count INTEGER,
    amount TEXT, location TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    location_code TEXT, location_codes TEXT NOT NULL,
    PRIMARY KEY (doc_rid, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS signings_day ON signings(day);
CREATE TABLE IF NOT EXISTS signing_parties (
    canonical TEXT NOT NULL, doc_rid INTEGER NOT NULL, signing_idx INTEGER NOT NULL,
    PRIMARY KEY (canonical, doc_rid, signing_idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS region_codes (
    doc_rid INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY (doc_rid, code)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS region_codes_code ON region_codes(code);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_words USING fts5(
    title, body, content = '', tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS doc_chars USING fts5(
    title, body, content = 'folded', content_rowid = 'rid', tokenize = 'trigram',
    columnsize = 0);
"""

INSERTS = {
    "documents": "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)",
    "contents": "INSERT INTO contents VALUES (?,?,?,?,?,?,?,?)",
    "folded": "INSERT INTO folded VALUES (?,?,?)",
    "doc_words": "INSERT INTO doc_words(rowid, title, body) VALUES (?,?,?)",
    "doc_chars": "INSERT INTO doc_chars(rowid, title, body) VALUES (?,?,?)",
    "organizations": "INSERT INTO organizations VALUES (?,?,?,?,?,?,?)",
    "org_names": "INSERT OR IGNORE INTO org_names VALUES (?,?,?)",
    "figures": "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?)",
    "signings": "INSERT INTO signings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "signing_parties": "INSERT OR IGNORE INTO signing_parties VALUES (?,?,?)",
    "region_codes": "INSERT OR IGNORE INTO region_codes VALUES (?,?)",
}

DELETES = {       # table → statement removing the rows ``record_rows`` gave it
    "doc_words": "INSERT INTO doc_words(doc_words, rowid, title, body) VALUES ('delete', ?, ?, ?)",
    "doc_chars": "INSERT INTO doc_chars(doc_chars, rowid, title, body) VALUES ('delete', ?, ?, ?)",
    "org_names": "DELETE FROM org_names WHERE canonical = ? AND doc_rid = ? AND org_idx = ?",
    "signing_parties": ("DELETE FROM signing_parties WHERE canonical = ? AND doc_rid = ? "
                        "AND signing_idx = ?"),
}
DOC_TABLES = ("documents", "contents", "folded")               # keyed by rid
ITEM_TABLES = ("organizations", "figures", "signings",          # keyed by (doc_rid, idx)
               "region_codes")                                 # keyed by (doc_rid, code)

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_STRING = json.encoder.encode_basestring            # what _ENCODE writes a string with
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=vars).encode


def connect(path: str) -> sqlite3.Connection:
    """A connection with the pragmas bulk loading and concurrent reading want."""
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise EngineError(f"SQLite {sqlite3.sqlite_version} is too old for the embedded index "
                          "(needs 3.34 for the trigram tokenizer); use Python with a newer SQLite")
    try:
        if path == ":memory:":
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        else:
            conn = connect_wal(path, timeout=10, isolation_level=None, check_same_thread=False)
        conn.execute("SELECT json_array()")       # JSON1: searches pass rid lists as JSON
        for pragma in ("synchronous = NORMAL", "temp_store = MEMORY", "cache_size = -65536",
                       "busy_timeout = 10000"):
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.Error as exc:
        raise EngineError(f"cannot open the SQLite index {path}: {exc}") from None
    return conn


def create(conn: sqlite3.Connection) -> str | None:
    """Create missing tables; return why an existing index cannot be used, or None."""
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    wanted = {"schema_version": SCHEMA_VERSION, "analyzer": ANALYZER,
              "unicode": unicodedata.unidata_version, "keys": keys_version()}
    stale = [f"{k} {meta.get(k)!r} (this policyminer writes {v!r})"
             for k, v in wanted.items() if meta and meta.get(k) != v]
    if stale:
        return "; ".join(stale)
    for statement in DDL.split(";"):       # not executescript: it would commit
        if statement.strip():
            conn.execute(statement)
    if not meta:
        conn.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
        for table in ("doc_words", "doc_chars"):      # flush to disk less often when loading
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (FTS_HASH,))
    return None


def drop(conn: sqlite3.Connection) -> None:
    """Drop every table (the next ``create`` starts afresh)."""
    for table in ("doc_chars", "doc_words") + TABLES + ("meta",):
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def record_hash(record: Extracted) -> str:
    """A digest of everything stored about a record."""
    return hashlib.sha1(_HASH_JSON(record).encode("utf-8")).hexdigest()


def record_rows(rid: int, record: Extracted, digest: str,
                rows: dict[str, list[tuple]] | None = None) -> dict[str, list[tuple]]:
    """Every row ``record`` adds, table by table, for document key ``rid``.

    Rows are appended to ``rows`` when given (one dict for a whole batch).
    """
    rows = {table: [] for table in INSERTS} if rows is None else rows
    title, text = record.title or "", record.text or ""
    rows["documents"].append((rid, record.id, record.published, record.source,
                              record.doc_type, record.region, digest,
                              _json(region_codes(record.region))))
    rows["contents"].append((rid, record.url, title, text, _json(record.metadata),
                             _json(record.keywords), record.extractor_version or "",
                             _json(record.places)))
    rows["region_codes"].extend((rid, code) for code in document_codes(record.region,
                                                                        record.signings))
    (title_words, title_chars), (text_words, text_chars) = index_forms(title), index_forms(text)
    rows["folded"].append((rid, title_chars, text_chars))
    rows["doc_words"].append((rid, title_words, text_words))
    rows["doc_chars"].append((rid, title_chars, text_chars))
    names = _organization_rows(rid, record, rows)
    _figure_rows(rid, record, rows)
    _signing_rows(rid, record, rows, names)
    return rows


def _json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``; the commonest shapes without the encoder.

    Lists of strings (aliases, parties) and of [start, end] pairs (mentions)
    are written here, character for character as the encoder writes them.
    """
    if type(value) is list:
        if all(type(item) is str for item in value):
            return "[" + ", ".join(map(_STRING, value)) + "]"
        if all(type(item) is list and len(item) == 2 and type(item[0]) is int
               and type(item[1]) is int for item in value):
            return "[" + ", ".join(f"[{start}, {end}]" for start, end in value) + "]"
    return _ENCODE(value)


def _organization_rows(rid: int, record: Extracted, rows: dict) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for idx, org in enumerate(record.organizations):
        own = org_key(org.name)
        keys = name_keys([org.name, *org.aliases])
        rows["organizations"].append((rid, idx, org.name, own, org.type,
                                      _json(org.aliases), _json(org.mentions)))
        rows["org_names"].extend((key, rid, idx) for key in keys)
        for key in keys:
            names.setdefault(key, set()).update(keys)
    return names


def _figure_rows(rid: int, record: Extracted, rows: dict) -> None:
    rows["figures"].extend((rid, idx, fig.text, fig.value, fig.unit, fig.qualifier,
                            fig.metric, fig.year, fig.start, fig.end)
                           for idx, fig in enumerate(record.figures))


def _signing_rows(rid: int, record: Extracted, rows: dict, names: dict[str, set[str]]) -> None:
    for idx, sig in enumerate(record.signings):
        rows["signings"].append((
            rid, idx, sig.text, sig.date, signing_day(sig.date, record.published),
            _json(sig.parties), _json(sig.projects), sig.count,
            _json(sig.amount) if sig.amount is not None else None, sig.location,
            sig.start, sig.end, sig.location_code,
            _json(location_codes(sig.location, sig.location_code, record.region))))
        for party in sig.parties:
            key = org_key(party)
            for alias in names.get(key, {key} if key else set()):
                rows["signing_parties"].append((alias, rid, idx))

"""Per-document values of the SQLite index, held in memory as arrays ("doc values").

``Columns`` reads, once, every document's published date, source, region
and type, the organisations it names and (when ranking first needs them)
its length in ranking tokens, into numpy arrays indexed by ``rid``. Filters
on those fields, facets, sorting by date and part of the BM25 ranking then
work on whole arrays instead of looking rows up one by one, which is what
makes a query that matches most of a large index fast. The owner keeps one
snapshot until the index changes (index.sqlite checks ``PRAGMA
data_version`` and its own writes) and reads it in the same transaction
as the search that uses it.

Text columns become ``Codes``: the sorted distinct values and, per rid, the
position of its value (-1 for NULL). Positions follow SQLite's BINARY order
(UTF-8 bytes compare like Python's code points), so comparisons and
ORDER BY on codes agree with SQL on the strings.
"""
from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

import numpy as np

from index.keys import fullest_first
from index.reports import bucket_of

TOP = "\U0010ffff"                # sorts after every character: the end of a prefix range
FIELDS = {"source": "source", "region": "region", "type": "doc_type"}


def ints(text: str | None) -> np.ndarray:
    """The integers of a ``group_concat`` result (None: no rows), in their order."""
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``values`` as a sorted array without repeats (no copy when it already is one)."""
    if len(values) < 2 or bool(np.all(values[1:] > values[:-1])):
        return values
    return np.unique(values)


@dataclass
class Codes:
    """A text column: sorted distinct ``values`` and, per rid, the index of its value or -1."""

    values: list[str]
    codes: np.ndarray

    def span(self, low: str | None, high: str | None, *, closed: bool = False) -> tuple[int, int]:
        """Codes of the values from ``low`` up to ``high`` (excluded unless ``closed``)."""
        start = bisect_left(self.values, low) if low is not None else 0
        if high is None:
            return start, len(self.values)
        end = (bisect_right if closed else bisect_left)(self.values, high)
        return start, max(start, end)

    def exact(self, value: str) -> tuple[int, int]:
        """The code range holding just ``value`` (empty when no document has it)."""
        return self.span(value, value, closed=True)


class Columns:
    """One snapshot of the per-document arrays of an index (see the module docstring)."""

    def __init__(self, conn) -> None:
        rids, *columns = conn.execute(
            "SELECT group_concat(rid), json_group_array(published), json_group_array(source), "
            "json_group_array(region), json_group_array(doc_type) FROM documents").fetchone()
        order = ints(rids)
        self.rids = np.sort(order)
        self.size = 1 + int(self.rids[-1]) if len(self.rids) else 1
        published, *fields = (_codes(order, self.size, json.loads(text)) for text in columns)
        self.fields = dict(zip(FIELDS, fields))
        self.published = published
        self.year = self._years()
        self.org_doc, self.org_key, self.org_name, self.org_keys, self.org_names = _orgs(conn)
        self._lengths: tuple[np.ndarray, int, int] | None = None
        self._buckets: dict[str, tuple[list[str], np.ndarray]] = {}

    def _years(self) -> Codes:
        """``substr(published, 1, 4)`` as its own column."""
        years = sorted({value[:4] for value in self.published.values})
        code_of = {year: code for code, year in enumerate(years)}
        mapping = np.array([code_of[value[:4]] for value in self.published.values] + [-1], np.int32)
        return Codes(years, mapping[self.published.codes])   # code -1 picks the last entry

    # -- hit sets ---------------------------------------------------------------

    def where(self, codes: np.ndarray, span: tuple[int, int]) -> np.ndarray:
        """The live rids whose code lies in ``span``."""
        values = codes[self.rids]
        return self.rids[(values >= span[0]) & (values < span[1])]

    def match(self, field: str, value: str, prefix: bool) -> np.ndarray:
        """Rids whose ``field`` (source, region, type) is ``value`` (or starts so: ``prefix``)."""
        column = self.fields[field]
        span = column.span(value, value + TOP) if prefix else column.exact(value)
        return self.where(column.codes, span)

    def dates(self, start: str | None, end: str | None) -> np.ndarray:
        """Rids published on ``start`` to ``end`` (ISO days, both included; None: open)."""
        span = self.published.span(start, end + TOP if end is not None else None, closed=True)
        return self.where(self.published.codes, span)

    def mask(self, rids: np.ndarray) -> np.ndarray:
        """A boolean array over rids, true at ``rids``."""
        flags = np.zeros(self.size, bool)
        flags[rids] = True
        return flags

    # -- facets -----------------------------------------------------------------

    def counts(self, column: Codes, hits: np.ndarray) -> list[tuple[str, int]]:
        """(value, number of hits) for every value the hits have."""
        codes = column.codes[hits]
        tally = np.bincount(codes[codes >= 0], minlength=len(column.values))
        return [(column.values[code], int(tally[code])) for code in np.flatnonzero(tally)]

    def org_counts(self, hits: np.ndarray) -> list[tuple[str, int]]:
        """(fullest name among the hits, hits naming it) per canonical organisation (index.keys)."""
        chosen = self.mask(hits)[self.org_doc]
        keys, names = self.org_key[chosen], self.org_name[chosen]
        tally = np.bincount(keys, minlength=len(self.org_keys))
        fullest = np.full(len(self.org_keys), len(self.org_names), np.int64)
        np.minimum.at(fullest, keys, names)
        return [(self.org_names[fullest[key]], int(tally[key])) for key in np.flatnonzero(tally)]

    def buckets(self, interval: str) -> tuple[list[str], np.ndarray]:
        """Bucket names (index.reports.bucket_of) and, per published code, a bucket or -1.

        The array has one more entry, -1, so that undated documents (code -1) map to -1.
        """
        if interval not in self._buckets:
            labels = [bucket_of(value, interval) for value in self.published.values]
            names = sorted({label for label in labels if label})
            code = {name: number for number, name in enumerate(names)}
            mapping = np.array([code[label] if label else -1 for label in labels] + [-1], np.int64)
            self._buckets[interval] = (names, mapping)
        return self._buckets[interval]

    # -- ranking ----------------------------------------------------------------

    def lengths(self, conn) -> tuple[np.ndarray, int, int]:
        """Tokens per rid in ``doc_words`` (all columns), its row count and its token count.

        These are FTS5's own figures (its ``docsize`` and ``averages``
        records), the ones its bm25() divides by.
        """
        if self._lengths is None:
            self._lengths = _lengths(conn, self.size)
        return self._lengths


def _codes(rids: np.ndarray, size: int, values: list) -> Codes:
    """The Codes of a column given as one value per rid (in ``rids`` order)."""
    present = set(values)
    present.discard(None)
    distinct = sorted(present)
    code_of: dict = dict(zip(distinct, range(len(distinct))))
    code_of[None] = -1
    codes = np.full(size, -1, np.int32)
    codes[rids] = np.fromiter(map(code_of.__getitem__, values), np.int32, len(values))
    return Codes(distinct, codes)


def _orgs(conn) -> tuple[Any, ...]:
    """Arrays (rid, canonical code, fullest name code): one row per organisation per document.

    Name codes follow ``fullest_first`` order, so the smallest code is the fullest name.
    """
    rids, keys, names = conn.execute(
        "SELECT group_concat(doc_rid), json_group_array(canonical), json_group_array(name) "
        "FROM organizations").fetchone()
    doc = ints(rids)
    rows = np.arange(len(doc))
    keys, names = (_codes(rows, len(doc), json.loads(text)) for text in (keys, names))
    names = _fullest_first(names)
    key, name = keys.codes.astype(np.int64), names.codes.astype(np.int64)
    order = np.lexsort((name, key, doc))              # by document, canonical, then name
    doc, key, name = doc[order], key[order], name[order]
    first = np.ones(len(doc), bool)
    first[1:] = (doc[1:] != doc[:-1]) | (key[1:] != key[:-1])
    return doc[first], key[first], name[first], keys.values, names.values


def _fullest_first(names: Codes) -> Codes:
    """``names`` recoded so that code order is ``fullest_first`` order."""
    order = sorted(range(len(names.values)), key=lambda code: fullest_first(names.values[code]))
    recode = np.empty(len(order) + 1, np.int32)
    recode[order] = np.arange(len(order), dtype=np.int32)
    recode[-1] = -1                                   # code -1 (no value) stays -1
    return Codes([names.values[code] for code in order], recode[names.codes])


def _lengths(conn, size: int) -> tuple[np.ndarray, int, int]:
    ids, sizes = conn.execute("SELECT group_concat(id), group_concat(hex(sz), '') "
                              "FROM doc_words_docsize").fetchone()
    rids = ints(ids)
    per_column = varints(np.frombuffer(bytes.fromhex(sizes or ""), np.uint8))
    if len(per_column) != 2 * len(rids):
        raise ValueError("doc_words_docsize does not hold two sizes per row")
    lengths = np.zeros(size, np.float64)
    lengths[rids] = per_column.reshape(-1, 2).sum(axis=1)
    block = conn.execute("SELECT block FROM doc_words_data WHERE id = 1").fetchone()
    totals = varints(np.frombuffer(block[0], np.uint8)) if block else np.zeros(3, np.int64)
    return lengths, int(totals[0]), int(totals[1:].sum())


def varints(raw: np.ndarray) -> np.ndarray:
    """The SQLite varints packed in ``raw`` (big-endian 7-bit groups, values below 2**53)."""
    if len(raw) == 0:
        return np.zeros(0, np.int64)
    ends = raw < 0x80
    if not ends[-1]:
        raise ValueError("truncated varint")
    number = np.cumsum(ends) - ends                   # which varint each byte belongs to
    last = np.flatnonzero(ends)
    shift = 7 * (last[number] - np.arange(len(raw)))
    parts = (raw & 0x7F).astype(np.float64) * np.exp2(shift)
    return np.bincount(number, weights=parts, minlength=len(last)).astype(np.int64)

"""One search over the SQLite index: hit sets, BM25 scores, the page, the facets.

A query tree (index.query) is evaluated bottom-up into sorted arrays of
``rid``: a term is the rowids its full-text index returns (index.sqlite_sql
``term_plan`` says which index decides it exactly), a field filter or a date
range is read off the in-memory columns (index.sqlite_columns), and AND, OR
and NOT are array set operations. Only terms too short for either full-text
index are checked row by row with ``instr``, over the rows the rest of an AND
leaves when that is cheaper than a scan.

Scores are what the ranking query (``rank_match``: the phrases of
``rank_phrases`` OR-ed) gives as ``-bm25(doc_words, TITLE_WEIGHT, 1.0)``,
to the last bit, but only for the rows that need one, and cheaper:

* bm25() adds one term per phrase, in phrase order, each depending only on
  that phrase, the row's length and table-wide counts. So rows holding every
  phrase take their score from one AND query, and the others add up
  single-phrase scores in the same order: the same floating-point operations.
* A phrase whose tokens FTS5 and this module spell alike may be scored from
  its token instances (``fts5vocab``) and FTS5's own row lengths, with the
  arithmetic of fts5_aux.c, when reading the instances costs less than
  calling bm25() on every row (``_by_instances``).
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np

from index.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Term
from index.sqlite_columns import TOP, Columns, ints, sorted_unique
from index.sqlite_sql import TITLE_WEIGHT, Phrase, term_plan
from index.keys import org_key, query_codes
from index.segment import canonical

K1, B = 1.2, 0.75                       # FTS5's bm25() constants
WEIGHTS = np.array([TITLE_WEIGHT, 1.0])
# one FTS5 unicode61 token whatever the Unicode version: ASCII and CJK of Unicode 6.1
_PLAIN_TOKEN = re.compile("[a-z0-9\u4e00-\u9fcb]+")
_SCAN_SHARE = 8                         # instr on a candidate list below 1/8 of the index


class Search:
    """Evaluates query trees and ranks their hits over one read transaction."""

    def __init__(self, conn, columns: Columns) -> None:
        self.conn, self.cols = conn, columns
        self._matches: dict[tuple[str, str], np.ndarray] = {}

    # -- hit sets -----------------------------------------------------------------

    def hits(self, node: Node, within: np.ndarray | None = None) -> np.ndarray:
        """Sorted rids matching ``node`` (and in ``within``, when given)."""
        if isinstance(node, And):
            return self._all(node.children, within)
        if isinstance(node, Or):
            parts = [self.hits(child, within) for child in node.children]
            return np.flatnonzero(np.logical_or.reduce([self.cols.mask(p) for p in parts]))
        if isinstance(node, Not):
            base = self.cols.rids if within is None else within
            return self._without(base, self.hits(node.child, base))
        if isinstance(node, Term) and term_plan(node)[0] == "scan":
            return self._scan(node, within)
        found = self._leaf(node)
        return found if within is None else self._within(found, within)

    def _all(self, children: tuple, within: np.ndarray | None) -> np.ndarray:
        """AND: indexed children first, then exclusions, then row-by-row scans."""
        def last(child) -> int:
            if isinstance(child, Term) and term_plan(child)[0] == "scan":
                return 2
            return 1 if isinstance(child, Not) else 0
        result = within
        for child in sorted(children, key=last):
            result = self.hits(child, result)
            if len(result) == 0:
                break
        return result

    def _leaf(self, node: Node) -> np.ndarray:
        if isinstance(node, MatchAll):
            return self.cols.rids
        if isinstance(node, Term):
            _, table, expr = term_plan(node)
            return self.matches(table, expr)
        if isinstance(node, DateRange):
            return self.cols.dates(node.start or None, node.end or None)   # as the SQL: '' is open
        assert isinstance(node, Filter)
        if node.field == "region" and not node.prefix:
            return self._region(node.value)
        if node.field != "org":
            return self.cols.match(node.field, node.value, node.prefix)
        value = canonical(node.value) if node.prefix else org_key(node.value)
        test, params = (("canonical >= ? AND canonical < ?", [value, value + TOP]) if node.prefix
                        else ("canonical = ?", [value]))
        return self._rids(f"SELECT group_concat(doc_rid) FROM org_names WHERE {test}", params)

    def _region(self, value: str) -> np.ndarray:
        """Documents of region ``value``, or filed under a division it names (index.keys)."""
        named = self.cols.match("region", value, False)
        codes = list(query_codes(value))
        if not codes:
            return named
        filed = self._rids("SELECT group_concat(doc_rid) FROM region_codes WHERE code IN "
                           f"({','.join('?' * len(codes))})", codes)
        return np.union1d(named, filed)

    def matches(self, table: str, expr: str) -> np.ndarray:
        """Rowids of ``table`` MATCH ``expr`` (remembered for the rest of the search)."""
        key = (table, expr)
        if key not in self._matches:
            self._matches[key] = self._rids(
                f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?", [expr])
        return self._matches[key]

    def _scan(self, term: Term, within: np.ndarray | None) -> np.ndarray:
        """``instr`` over the folded title (and text) of every row, or of ``within``."""
        _, columns, text = term_plan(term)
        test = " OR ".join(f"instr({column}, ?) > 0" for column in columns)
        params = [text] * len(columns)
        if within is None or len(within) * _SCAN_SHARE > len(self.cols.rids):
            found = self._rids(f"SELECT group_concat(rid) FROM folded WHERE {test}", params)
            return found if within is None else self._within(found, within)
        return self._rids("SELECT group_concat(rid) FROM folded WHERE rid IN "
                          f"(SELECT value FROM json_each(?)) AND ({test})",
                          [_json_list(within), *params])

    def _rids(self, sql: str, params: list) -> np.ndarray:
        found = sorted_unique(ints(self.conn.execute(sql, params).fetchone()[0]))
        return found[found < self.cols.size]

    def _within(self, rids: np.ndarray, within: np.ndarray) -> np.ndarray:
        return rids[self.cols.mask(within)[rids]]

    def _without(self, rids: np.ndarray, removed: np.ndarray) -> np.ndarray:
        return rids[~self.cols.mask(removed)[rids]]

    # -- ranking ------------------------------------------------------------------

    def scores(self, rids: np.ndarray, phrases: list[Phrase]) -> np.ndarray:
        """``-bm25()`` of ``phrases`` OR-ed, for each of ``rids`` (0.0 where none matches).

        Rows holding every phrase are scored by one AND query (bm25() adds
        up the same per-phrase terms in the same order), the others phrase
        by phrase.
        """
        total = np.zeros(len(rids))
        rest = rids
        if len(phrases) > 1:
            everywhere = self.matches("doc_words", _conjunction(phrases))
            common = self._within(everywhere, rids)
            if len(common):
                found, values = self._fts_scores(common, _conjunction(phrases),
                                                 whole=len(common) == len(everywhere))
                _place(total, rids, found, values)
                rest = self._without(rids, common)
        if len(rest):
            partial = np.zeros(len(rest))
            for phrase in phrases:
                partial += self._phrase_scores(rest, phrase)
            _place(total, rids, rest, partial)
        return total

    def _phrase_scores(self, rids: np.ndarray, phrase: Phrase) -> np.ndarray:
        matched = self.matches("doc_words", phrase.expr)
        inside = self._within(matched, rids)
        scores = np.zeros(len(rids))
        if len(inside) == 0:
            return scores
        if self._by_instances(phrase, len(inside), len(matched)):
            found, values = self._instance_scores(inside, phrase)
        else:
            found, values = self._fts_scores(inside, phrase.expr, whole=len(inside) == len(matched))
        _place(scores, rids, found, values)
        return scores

    def _by_instances(self, phrase: Phrase, inside: int, matched: int) -> bool:
        """Whether reading the phrase's token instances beats bm25() row by row.

        Costs in microseconds, as measured: bm25() about 1.7 a scored row
        plus 0.1 a matching row; an instance about 0.27.
        """
        by_rows = 1.7 * inside + (0.1 * matched if inside < matched else 0.0)
        words = phrase.text.split(" ")
        if by_rows < 4000 or not all(_PLAIN_TOKEN.fullmatch(word) for word in words):
            return False
        self._vocabularies()
        instances = sum(self.conn.execute("SELECT coalesce(sum(cnt), 0) FROM temp.doc_words_terms "
                                          "WHERE term = ?", [word]).fetchone()[0]
                        for word in set(words))
        return 0.27 * instances < by_rows

    def _vocabularies(self) -> None:
        for name, kind in (("instances", "instance"), ("terms", "row")):
            self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.doc_words_{name} "
                              f"USING fts5vocab(main, doc_words, {kind})")

    def _fts_scores(self, rids: np.ndarray, expr: str, *, whole: bool):
        """(rowid, -bm25()) of ``expr`` for ``rids`` (``whole``: all its matches), by rowid."""
        sql = (f"SELECT rowid, -bm25(doc_words, {TITLE_WEIGHT}, 1.0) FROM doc_words "
               "WHERE doc_words MATCH ?")
        params: list[Any] = [expr]
        if not whole:      # a rowid range FTS5 seeks to, then +rowid: a filter, not lookups
            sql += " AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))"
            params += [int(rids[0]), int(rids[-1]), _json_list(rids)]
        pairs = np.array(self.conn.execute(sql, params).fetchall(), np.float64).reshape(-1, 2)
        found = pairs[:, 0].astype(np.int64)          # rowids are exact as doubles below 2**53
        order = np.argsort(found, kind="stable")
        return found[order], pairs[order, 1]

    def _instance_scores(self, rids: np.ndarray, phrase: Phrase):
        """FTS5's bm25() of a phrase from its token instances, as fts5_aux.c computes it.

        bm25() adds up the column weights of the phrase's occurrences in a
        row (``freq``) and divides by the row's token count against the average.
        """
        doc, column = self._occurrences(phrase.text.split(" "))
        if phrase.title_only:
            doc, column = doc[column == 0], column[column == 0]
        lengths, rows, tokens = self.cols.lengths(self.conn)
        documents = int(np.count_nonzero(doc[1:] != doc[:-1])) + 1 if len(doc) else 0
        idf = math.log((rows - documents + 0.5) / (documents + 0.5))
        idf = idf if idf > 0.0 else 1e-6
        freq = np.bincount(doc, weights=WEIGHTS[column], minlength=self.cols.size)[rids]
        avgdl = float(tokens) / float(rows)
        ratio = B * lengths[rids] / avgdl
        return rids, idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + ratio)))

    def _occurrences(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(row, column) of every occurrence of the phrase ``words``, ordered by row.

        A phrase occurs where its first token is followed by the others at
        the next positions of the same column.
        """
        if len(words) == 1:
            packed = self._instances(words[0], "doc * 2 + (col = 'body')")
            return packed >> 1, packed & 1
        starts = None
        for shift, word in enumerate(words):             # (doc * 2 + column) << 32 | position
            places = self._instances(word, "((doc * 2 + (col = 'body')) << 32) + offset")
            if shift:
                places = places[(places & 0xFFFFFFFF) >= shift] - shift
            starts = places if starts is None else _common(starts, places)
        return starts >> 33, (starts >> 32) & 1

    def _instances(self, word: str, packing: str) -> np.ndarray:
        """Every instance of token ``word``, packed by the SQL expression ``packing``, sorted."""
        self._vocabularies()
        packed = ints(self.conn.execute(
            f"SELECT group_concat({packing}) FROM temp.doc_words_instances WHERE term = ?",
            [word]).fetchone()[0])
        return packed if bool(np.all(packed[1:] >= packed[:-1])) else np.sort(packed)

    # -- the page -----------------------------------------------------------------

    def page(self, hits: np.ndarray, phrases: list[Phrase], sort: str, limit: int,
             offset: int) -> list[tuple[int, float]]:
        """(rid, score) of hits ``offset`` to ``offset + limit`` in ``sort`` order.

        relevance: score, then newer, then rid; date: newer (undated last),
        then score, then rid. Only hits that can reach the page are sorted,
        and with sort by date only those are scored.
        """
        wanted = offset + limit
        if limit == 0 or len(hits) <= offset:
            return []
        dates = self.cols.published.codes[hits].astype(np.int64)
        if sort == "date" or not phrases:           # no phrases: every score is 0.0
            keep = dates >= _kth_largest(dates, wanted)
            hits, dates = hits[keep], dates[keep]
            scores = self.scores(hits, phrases)
            order = np.lexsort((hits, -scores, -dates))
        else:
            scores = self.scores(hits, phrases)
            keep = scores >= _kth_largest(scores, wanted)
            hits, dates, scores = hits[keep], dates[keep], scores[keep]
            order = np.lexsort((hits, -dates, -scores))
        chosen = order[offset:wanted]
        return list(zip(hits[chosen].tolist(), scores[chosen].tolist()))

    def facets(self, hits: np.ndarray, size: int) -> dict[str, list[dict[str, Any]]]:
        """Value counts over all hits: source, region, type, year and org."""
        size = None if size < 0 else size             # SQL's LIMIT -1: no limit
        counted = {name: _most_first(self.cols.counts(column, hits))
                   for name, column in self.cols.fields.items()}
        counted["year"] = sorted(self.cols.counts(self.cols.year, hits), reverse=True)
        counted["org"] = _most_first(self.cols.org_counts(hits))
        return {name: [{"value": v, "count": c} for v, c in pairs[:size]]
                for name, pairs in counted.items()}


def _place(target: np.ndarray, rids: np.ndarray, some: np.ndarray, values: np.ndarray) -> None:
    """Write ``values`` of rids ``some`` (a sorted part of sorted ``rids``) into ``target``."""
    if len(some) == len(rids):
        target[:] = values
    else:
        target[np.searchsorted(rids, some)] = values


def _most_first(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(value, count) pairs by count descending, then value: SQL's ORDER BY c DESC, value."""
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def _kth_largest(values: np.ndarray, k: int):
    """The ``k``-th largest of ``values`` (everything passes when there are fewer)."""
    if k >= len(values):
        return values.min() if len(values) else 0
    return np.partition(values, len(values) - k)[len(values) - k]


def _conjunction(phrases: list[Phrase]) -> str:
    """The FTS5 query matching rows that hold every phrase, phrases in the same order."""
    return " AND ".join(f"({phrase.expr})" for phrase in phrases)


def _common(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The values of sorted ``first`` that sorted ``second`` also holds."""
    if len(second) == 0:
        return second
    at = np.minimum(np.searchsorted(second, first), len(second) - 1)
    return first[second[at] == first]


def _json_list(rids: np.ndarray) -> str:
    return json.dumps(rids.tolist())

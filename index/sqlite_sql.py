"""Compile a parsed query (index.query) into SQLite: a WHERE clause and a ranking MATCH.

Every word or phrase means "title or text contains this string", decided
exactly, with the cheapest index that can decide it:

* three characters or more: a phrase query on the trigram table ``doc_chars``
  (consecutive trigrams are exactly the substring);
* two Chinese characters: the bigram token in ``doc_words``;
* anything shorter (一, AI, 5G): ``instr`` over the folded text (table
  ``folded``), checked row by row (only the rows the other conditions leave,
  when SQLite can).

``term_plan`` holds that choice for every caller: this compiler (reports)
and index.sqlite_search (searches). Ranking is BM25 over ``doc_words`` with
the title weighted ``TITLE_WEIGHT`` times the text, over the phrases of
``rank_phrases``; documents found only by substring (no token phrase) score 0.
"""
from __future__ import annotations

from dataclasses import dataclass

from index.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Term, positive_terms
from index.keys import org_key, query_codes
from index.segment import canonical, is_cjk, search_text, tokens

TITLE_WEIGHT = 4.0
_COLUMNS = {"source": "d.source", "region": "d.region", "type": "d.doc_type"}
_TOP = "\U0010ffff"


class Compiler:
    """Turns a syntax tree into SQL over ``documents d``; parameters collect in ``params``."""

    def __init__(self) -> None:
        self.params: list = []

    def where(self, node: Node) -> str:
        """A boolean SQL expression true exactly for the matching documents."""
        if isinstance(node, MatchAll):
            return "1"
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Filter):
            return self.filter(node)
        if isinstance(node, DateRange):
            return self.dates(node)
        if isinstance(node, Not):
            return f"NOT ({self.where(node.child)})"
        joiner = " AND " if isinstance(node, And) else " OR "
        assert isinstance(node, (And, Or))
        return joiner.join(f"({self.where(child)})" for child in node.children)

    def term(self, term: Term) -> str:
        kind, where, what = term_plan(term)
        if kind == "match":
            self.params.append(what)
            return f"d.rid IN (SELECT rowid FROM {where} WHERE {where} MATCH ?)"
        self.params.extend([what] * len(where))
        checks = " OR ".join(f"instr(f.{name}, ?) > 0" for name in where)
        return f"EXISTS (SELECT 1 FROM folded f WHERE f.rid = d.rid AND ({checks}))"

    def filter(self, node: Filter) -> str:
        if node.field == "org":
            value = canonical(node.value) if node.prefix else org_key(node.value)
            self.params.extend(self.bounds(value, node.prefix))
            test = "canonical >= ? AND canonical < ?" if node.prefix else "canonical = ?"
            return f"d.rid IN (SELECT doc_rid FROM org_names WHERE {test})"
        if node.field == "region" and not node.prefix:
            return self.region(node.value)
        column = _COLUMNS[node.field]
        self.params.extend(self.bounds(node.value, node.prefix))
        if node.prefix:
            return f"({column} IS NOT NULL AND {column} >= ? AND {column} < ?)"
        return f"{column} IS ?"

    def region(self, value: str) -> str:
        """The region is ``value``, or the document is filed under a division it names."""
        codes = list(query_codes(value))
        self.params.extend([value, *codes])
        marks = ",".join("?" * len(codes))
        within = f" OR d.rid IN (SELECT doc_rid FROM region_codes WHERE code IN ({marks}))"
        return f"(d.region IS ?{within if codes else ''})"

    @staticmethod
    def bounds(value: str, prefix: bool) -> list[str]:
        return [value, value + _TOP] if prefix else [value]

    def dates(self, node: DateRange) -> str:
        tests = ["d.published IS NOT NULL"]
        if node.start:
            tests.append("d.published >= ?")
            self.params.append(node.start)
        if node.end:
            tests.append("d.published <= ?")
            self.params.append(node.end + "\U0010ffff")   # a timestamp on the last day too
        return " AND ".join(tests)


def phrase(text: str) -> str:
    """``text`` as one FTS5 string (a phrase of its tokens)."""
    return '"' + text.replace('"', '""') + '"'


def term_plan(term: Term) -> tuple[str, str | list[str], str]:
    """How ``term`` is decided: ("match", table, FTS5 query) or ("scan", columns, folded text)."""
    text = search_text(term.text)
    column = "title" if term.field == "title" else None
    if len(text) >= 3 or (len(text) == 2 and is_cjk(text)):
        expr = phrase(text)
        return ("match", "doc_chars" if len(text) >= 3 else "doc_words",
                f"{column} : {expr}" if column else expr)
    return "scan", [column] if column else ["title", "body"], text


@dataclass(frozen=True)
class Phrase:
    """One ranking phrase: its FTS5 query over ``doc_words`` and its tokens."""

    expr: str               # '"重庆 庆大 大学"', 'title : "签约"'
    text: str               # the tokens, space-separated
    title_only: bool


def rank_phrases(node: Node) -> list[Phrase]:
    """The phrases over ``doc_words`` that score the positive terms, without repeats."""
    phrases: dict[str, Phrase] = {}
    for term in positive_terms(node):
        words = tokens(term.text)
        if words:
            text = " ".join(words)
            quoted = phrase(text)
            expr = f"title : {quoted}" if term.field == "title" else quoted
            phrases.setdefault(expr, Phrase(expr, text, term.field == "title"))
    return list(phrases.values())


def rank_match(node: Node) -> str | None:
    """The FTS5 query over ``doc_words`` that scores the positive terms, or None."""
    return " OR ".join(p.expr for p in rank_phrases(node)) or None

"""Compile a parsed query (index.query) into SQLite: a WHERE clause and a ranking MATCH.

Every word or phrase means "title or text contains this string", decided
exactly, with the cheapest index that can decide it:

* three characters or more: a phrase query on the trigram table ``doc_chars``
  (consecutive trigrams are exactly the substring);
* two Chinese characters: the bigram token in ``doc_words``;
* anything shorter (一, AI, 5G): ``instr`` over the folded text, checked
  row by row (only the rows the other conditions leave, when SQLite can).

Ranking is BM25 over ``doc_words`` with the title weighted ``TITLE_WEIGHT``
times the text; documents found only by substring (no token phrase) score 0.
"""
from __future__ import annotations

from index.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Term, positive_terms
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
        text = search_text(term.text)
        column = "title" if term.field == "title" else None
        if len(text) >= 3:
            return self.match("doc_chars", phrase(text), column)
        if len(text) == 2 and is_cjk(text):
            return self.match("doc_words", phrase(text), column)
        return self.instr(text, column)

    def match(self, table: str, expr: str, column: str | None) -> str:
        self.params.append(f"{column} : {expr}" if column else expr)
        return f"d.rid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"

    def instr(self, text: str, column: str | None) -> str:
        columns = [column] if column else ["title", "body"]
        self.params.extend([text] * len(columns))
        checks = " OR ".join(f"instr(c.{name}, ?) > 0" for name in columns)
        return f"EXISTS (SELECT 1 FROM doc_chars c WHERE c.rowid = d.rid AND ({checks}))"

    def filter(self, node: Filter) -> str:
        if node.field == "org":
            self.params.extend(self.bounds(canonical(node.value), node.prefix))
            test = "canonical >= ? AND canonical < ?" if node.prefix else "canonical = ?"
            return f"d.rid IN (SELECT doc_rid FROM org_names WHERE {test})"
        column = _COLUMNS[node.field]
        self.params.extend(self.bounds(node.value, node.prefix))
        if node.prefix:
            return f"({column} IS NOT NULL AND {column} >= ? AND {column} < ?)"
        return f"{column} IS ?"

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


def rank_match(node: Node) -> str | None:
    """The FTS5 query over ``doc_words`` that scores the positive terms, or None."""
    phrases: list[str] = []
    for term in positive_terms(node):
        words = tokens(term.text)
        if words:
            quoted = phrase(" ".join(words))
            phrases.append(f"title : {quoted}" if term.field == "title" else quoted)
    return " OR ".join(dict.fromkeys(phrases)) or None

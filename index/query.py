"""The search query language, parsed into an engine-neutral syntax tree.

Syntax, as researchers type it into a search box::

    西南大学 签约                 words; a space (also 　) means AND
    "科技成果 转化"  “环大学创新生态圈”   exact phrases, straight or Chinese quotes
    重庆 OR 成都   NOT 开工   -开工   boolean operators (upper case) and exclusion
    (高校 OR 大学) 签约           parentheses
    org:西南大学 source:cqbb-news region:北碚区 type:policy title:签约
    org:西南大学*                 prefix match on a filter value
    title:(签约 OR 揭牌)          a field applied to a group
    published:2024-01-01..2024-06-30  published:2024-01-01..  published:..2024-06-30
    published:2024  published:2024-04  published:2025-W17

``org:`` matches the canonical body (org:北碚区政府 finds 重庆市北碚区人民政府)
and ``region:`` the administrative division, by GB/T 2260 code (region:沙坪坝区
finds documents of 重庆市沙坪坝区 and signings located there); see index.keys.
A prefix (org:重庆*, region:重庆市*) matches the names as written.

Every word or phrase means "the title or the text contains this string"
(engines match substrings, as users of Chinese search expect). ``parse``
returns a tree of the dataclasses below; each engine compiles it (SQLite to
SQL, a cluster engine to its query DSL). Errors raise ``QueryError`` naming
what is wrong and its 0-based character position; the exception carries
``position`` and ``query`` attributes.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator, Union

from policyminer.errors import QueryError

FIELDS = ("org", "source", "region", "type", "title", "published")
FIELD_ALIASES = {"doc_type": "type", "date": "published"}
FILTER_FIELDS = ("org", "source", "region", "type")
TYPE_VALUES = {"news": "news", "policy": "policy", "新闻": "news", "政策": "policy"}
OPERATORS = ("AND", "OR", "NOT")
MAX_DEPTH = 32

_QUOTES = {'"': '"”', "“": '”"', "「": "」", "『": "』"}
_LPARENS, _RPARENS = "(（", ")）"
_FIELD = re.compile(r"([A-Za-z_]+)[:：]")
_DAY = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")


@dataclass(frozen=True)
class Term:
    """A word or phrase the document must contain; ``field`` None = title or text."""

    text: str
    phrase: bool = False
    field: str | None = None          # None or "title"


@dataclass(frozen=True)
class Filter:
    """Exact match of a document attribute (org, source, region, type)."""

    field: str
    value: str
    prefix: bool = False


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of ISO dates; an open end is None."""

    start: str | None
    end: str | None
    field: str = "published"


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class MatchAll:
    """The empty query: every document."""


Node = Union[Term, Filter, DateRange, And, Or, Not, MatchAll]


@dataclass(frozen=True)
class _Tok:
    kind: str          # WORD PHRASE FIELD ( ) AND OR NOT
    value: str
    pos: int
    field: str = ""


def parse(query: str) -> Node:
    """Parse ``query`` into a syntax tree; an empty query is ``MatchAll()``."""
    return _Parser(query, list(_lex(query))).parse()


def error(message: str, query: str, position: int) -> QueryError:
    """A QueryError saying what is wrong in ``query`` and at which position."""
    exc = QueryError(f"{message} at position {position}" if query else message)
    exc.position, exc.query = (position if query else None), query
    return exc


# -- lexer -------------------------------------------------------------------

def _lex(q: str) -> Iterator[_Tok]:
    i, n = 0, len(q)
    while i < n:
        char = q[i]
        if char.isspace() or char == "+":
            i += 1
        elif char in _LPARENS or char in _RPARENS:
            yield _Tok("(" if char in _LPARENS else ")", char, i)
            i += 1
        elif char in _QUOTES:
            end = _closing_quote(q, i)
            yield _Tok("PHRASE", q[i + 1:end], i)
            i = end + 1
        elif char == "-":
            if i + 1 >= n or q[i + 1].isspace() or q[i + 1] in _RPARENS:
                raise error('nothing to exclude after "-"', q, i)
            yield _Tok("NOT", "-", i)
            i += 1
        else:
            i = yield from _lex_word(q, i)


def _closing_quote(q: str, start: int) -> int:
    for end in range(start + 1, len(q)):
        if q[end] in _QUOTES[q[start]]:
            return end
    raise error("unbalanced quote", q, start)


def _lex_word(q: str, i: int):
    j = i
    while j < len(q) and not (q[j].isspace() or q[j] in _LPARENS or q[j] in _RPARENS
                              or q[j] in _QUOTES):
        j += 1
    word = q[i:j]
    match = _FIELD.match(word)
    if word in OPERATORS:
        yield _Tok(word, word, i)
    elif match and not word[match.end():].startswith("//"):
        yield _Tok("FIELD", word[match.end():], i, field=match[1])
    else:
        yield _Tok("WORD", word, i)
    return j


# -- parser ------------------------------------------------------------------

class _Parser:
    """Recursive descent: OR binds loosest, then AND (explicit or implicit), then NOT."""

    def __init__(self, query: str, toks: list[_Tok]):
        self.q, self.toks, self.i, self.depth = query, toks, 0, 0

    def parse(self) -> Node:
        if not self.toks:
            return MatchAll()
        node = self.or_expr(None)
        if self.peek() is not None:
            raise error('unmatched ")"', self.q, self.peek().pos)
        return node

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        self.i += 1
        return self.toks[self.i - 1]

    def operand_follows(self) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind not in (")", "AND", "OR")

    def or_expr(self, field: str | None) -> Node:
        parts = [self.and_expr(field)]
        while self.peek() is not None and self.peek().kind == "OR":
            op = self.take()
            if not self.operand_follows():
                raise error('"OR" needs a term after it', self.q, op.pos)
            parts.append(self.and_expr(field))
        return any_of(parts)

    def and_expr(self, field: str | None) -> Node:
        parts = [self.unary(field)]
        while self.peek() is not None and self.peek().kind not in (")", "OR"):
            if self.peek().kind == "AND":
                op = self.take()
                if not self.operand_follows():
                    raise error('"AND" needs a term after it', self.q, op.pos)
            parts.append(self.unary(field))
        return all_of(parts)

    def unary(self, field: str | None) -> Node:
        tok = self.peek()
        if tok.kind == "NOT":
            self.take()
            if not self.operand_follows():
                raise error(f'"{tok.value}" needs a term after it', self.q, tok.pos)
            return negate(self.unary(field))
        if tok.kind in ("AND", "OR"):
            raise error(f'"{tok.kind}" needs a term before it', self.q, tok.pos)
        if tok.kind == ")":
            raise error('unmatched ")"', self.q, tok.pos)
        return self.primary(field)

    def primary(self, field: str | None) -> Node:
        tok = self.take()
        if tok.kind == "(":
            return self.group(tok, field)
        if tok.kind == "FIELD":
            return self.field_value(tok)
        return self.leaf(tok, field)

    def group(self, opening: _Tok, field: str | None) -> Node:
        if self.peek() is not None and self.peek().kind == ")":
            raise error("empty parentheses", self.q, opening.pos)
        if self.peek() is None:
            raise error('unbalanced parenthesis: "(" is never closed', self.q, opening.pos)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise error("parentheses nested too deeply", self.q, opening.pos)
        node = self.or_expr(field)
        self.depth -= 1
        if self.peek() is None:
            raise error('unbalanced parenthesis: "(" is never closed', self.q, opening.pos)
        self.take()
        return node

    def field_value(self, tok: _Tok) -> Node:
        name = FIELD_ALIASES.get(tok.field.lower(), tok.field.lower())
        if name not in FIELDS:
            raise error(f'unknown field "{tok.field}" (known: {", ".join(FIELDS)})', self.q, tok.pos)
        if tok.value:
            return self.leaf(_Tok("WORD", tok.value, tok.pos + len(tok.field) + 1), name)
        nxt = self.peek()
        if nxt is not None and nxt.kind == "(":
            return self.group(self.take(), name)
        if nxt is not None and nxt.kind in ("WORD", "PHRASE"):
            return self.leaf(self.take(), name)
        raise error(f'field "{tok.field}" needs a value', self.q, tok.pos)

    def leaf(self, tok: _Tok, field: str | None) -> Node:
        return make_leaf(tok.value, field, phrase=tok.kind == "PHRASE",
                         query=self.q, position=tok.pos)


# -- building blocks -----------------------------------------------------------

def make_leaf(value: str, field: str | None, *, phrase: bool = False,
              query: str = "", position: int = 0) -> Node:
    """The node for ``field:value`` (field None = a plain word or phrase)."""
    text = value.strip()
    if not phrase and text.endswith("*") and text != "*" and field not in FILTER_FIELDS:
        text = text.rstrip("*")       # substring matching already implies the wildcard
    if field == "published":
        return DateRange(*date_range(text, query=query, position=position))
    if not text:
        raise error("empty phrase" if phrase else f'field "{field}" needs a value', query, position)
    if field in FILTER_FIELDS:
        return _filter(field, text, phrase, query, position)
    if text == "*" and not phrase and field is None:
        return MatchAll()
    return Term(text, phrase=phrase, field=field)


def _filter(field: str, text: str, phrase: bool, query: str, position: int) -> Filter:
    prefix = not phrase and len(text) > 1 and text.endswith("*")
    value = text.rstrip("*") if prefix else text
    if field == "type":
        if value.lower() not in TYPE_VALUES:
            known = ", ".join(sorted(set(TYPE_VALUES.values())))
            raise error(f'unknown type "{value}" (known: {known})', query, position)
        return Filter("type", TYPE_VALUES[value.lower()])
    return Filter(field, value, prefix)


def all_of(nodes) -> Node:
    """AND of ``nodes``, flattened; MatchAll children dropped."""
    flat: list = []
    for node in nodes:
        if isinstance(node, And):
            flat.extend(node.children)
        elif not isinstance(node, MatchAll):
            flat.append(node)
    return MatchAll() if not flat else flat[0] if len(flat) == 1 else And(tuple(flat))


def any_of(nodes) -> Node:
    """OR of ``nodes``, flattened; a MatchAll child makes the whole MatchAll."""
    flat: list = []
    for node in nodes:
        if isinstance(node, MatchAll):
            return MatchAll()
        flat.extend(node.children if isinstance(node, Or) else [node])
    return flat[0] if len(flat) == 1 else Or(tuple(flat))


def negate(node: Node) -> Node:
    """NOT ``node``; a double negation cancels."""
    return node.child if isinstance(node, Not) else Not(node)


def positive_terms(node: Node, negated: bool = False) -> list[Term]:
    """The terms a matching document may contain (those not under a NOT), in order."""
    if isinstance(node, Term):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_terms(node.child, not negated)
    if isinstance(node, (And, Or)):
        return [t for child in node.children for t in positive_terms(child, negated)]
    return []


def from_filters(filters: dict | None) -> Node:
    """The tree of a filter dict: {org, source, region, type|doc_type, title, published, since, until}.

    A value may be a string or a list of strings (any of them).
    """
    nodes: list = []
    for key, value in (filters or {}).items():
        if value in (None, "", [], ()):
            continue
        if key in ("since", "until"):
            continue
        name = FIELD_ALIASES.get(key, key)
        if name not in FIELDS:
            raise QueryError(f'unknown filter "{key}" (known: {", ".join(FIELDS + ("since", "until"))})')
        values = [value] if isinstance(value, str) else list(value)
        nodes.append(any_of([make_leaf(str(v), name, phrase=name not in FILTER_FIELDS)
                             for v in values]))
    since, until = (filters or {}).get("since"), (filters or {}).get("until")
    if since or until:
        nodes.append(DateRange(date_bounds(since)[0] if since else None,
                               date_bounds(until)[1] if until else None))
    return all_of(nodes)


# -- dates ---------------------------------------------------------------------

def date_bounds(text: str) -> tuple[str, str]:
    """First and last ISO day of YYYY, YYYY-MM, YYYY-MM-DD or an ISO week YYYY-Www."""
    text = text.strip()
    try:
        week = _WEEK.fullmatch(text)
        if week:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return monday.isoformat(), date.fromordinal(monday.toordinal() + 6).isoformat()
        day = _DAY.fullmatch(text)
        if day:
            return _day_bounds(int(day[1]), day[2] and int(day[2]), day[3] and int(day[3]))
    except ValueError:
        pass
    raise QueryError(f'invalid date "{text}" (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www)')


def _day_bounds(year: int, month: int | None, day: int | None) -> tuple[str, str]:
    if month is None:
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
    return (date(year, month, day).isoformat(),) * 2


def date_range(text: str, *, query: str = "", position: int = 0) -> tuple[str | None, str | None]:
    """(start, end) of ``2024-01-01..2024-06-30``, ``2024-01..``, ``..2024-06``, ``2024``."""
    try:
        if ".." in text:
            left, right = (part.strip() for part in text.split("..", 1))
            if not left and not right:
                raise QueryError("a date range needs at least one end")
            start = date_bounds(left)[0] if left else None
            end = date_bounds(right)[1] if right else None
        else:
            start, end = date_bounds(text)
    except QueryError as exc:
        raise error(f"published: {exc}", query, position) from None
    if start and end and start > end:
        raise error(f'empty date range "{text}" (start after end)', query, position)
    return start, end


# -- back to text ----------------------------------------------------------------

def to_query(node: Node) -> str:
    """A query string that parses back to ``node``."""
    if isinstance(node, MatchAll):
        return ""
    if isinstance(node, Term):
        return (f"{node.field}:" if node.field else "") + _quoted(node.text, node.phrase)
    if isinstance(node, Filter):
        return f"{node.field}:{_quoted(node.value, False)}{'*' if node.prefix else ''}"
    if isinstance(node, DateRange):
        if node.start and node.start == node.end:
            return f"published:{node.start}"
        return f"published:{node.start or ''}..{node.end or ''}"
    if isinstance(node, Not):
        inner = to_query(node.child)
        return f"NOT ({inner})" if isinstance(node.child, (And, Or)) else f"NOT {inner}"
    if isinstance(node, Or):
        return " OR ".join(to_query(child) for child in node.children)
    return " ".join(f"({to_query(c)})" if isinstance(c, Or) else to_query(c) for c in node.children)


def _quoted(text: str, phrase: bool) -> str:
    special = any(c.isspace() or c in _QUOTES or c in _LPARENS + _RPARENS for c in text)
    field = _FIELD.match(text)
    bare = not (phrase or special or text in OPERATORS or text.startswith("-")
                or text.endswith("*") or (field and not text[field.end():].startswith("//")))
    if bare:
        return text
    return f"「{text}」" if '"' in text or "”" in text else f'"{text}"'

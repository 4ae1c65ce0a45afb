"""Query compilation: each term goes to the index that decides it exactly.

The properties check the SQLite engine against a brute-force reading of the
same records: a document is a hit iff it contains the term, for any
substring and any boolean combination.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.query import And, Not, Term, parse
from index.segment import search_text
from index.sqlite_sql import Compiler, rank_match

QUOTES = set('"“”「」『』')


@pytest.mark.parametrize("text, path", [
    pytest.param("重庆大学", "doc_chars MATCH", id="three-or-more-trigram"),
    pytest.param("5G基站", "doc_chars MATCH", id="mixed-trigram"),
    pytest.param("签约", "doc_words MATCH", id="two-cjk-bigram"),
    pytest.param("5G", "instr(", id="two-latin-scan"),
    pytest.param("区", "instr(", id="one-char-scan"),
])
def test_each_term_goes_to_its_index(text, path):
    assert path in Compiler().term(Term(text))


def test_title_terms_use_a_column_filter():
    compiler = Compiler()
    compiler.where(parse("title:重庆大学 title:签约"))
    assert compiler.params == ['title : "重庆大学"', 'title : "签约"']


@pytest.mark.parametrize("query, match", [
    pytest.param("重庆大学 签约", '"重庆 庆大 大学" OR "签约"', id="terms-or-ed"),
    pytest.param("签约 -开工", '"签约"', id="negated-terms-not-ranked"),
    pytest.param("title:2.8亿元", 'title : "2 8 亿元"', id="title-column"),
    pytest.param("org:西南大学", None, id="no-terms"),
    pytest.param("签约 签约", '"签约"', id="deduplicated"),
])
def test_rank_match(query, match):
    assert rank_match(parse(query)) == match


def contains(record, term: Term) -> bool:
    needle = search_text(term.text)
    title = needle in search_text(record.title)
    return title if term.field == "title" else title or needle in search_text(record.text)


def oracle(records, node) -> set[str]:
    def ok(record, n) -> bool:
        if isinstance(n, Term):
            return contains(record, n)
        if isinstance(n, Not):
            return not ok(record, n.child)
        results = [ok(record, child) for child in n.children]
        return all(results) if isinstance(n, And) else any(results)
    return {r.id for r in records if ok(r, node)}


@st.composite
def needles(draw, records):
    """A substring of some record's title or text, 1–8 characters."""
    record = draw(st.sampled_from(records))
    text = draw(st.sampled_from([record.title, record.text]))
    start = draw(st.integers(0, len(text) - 1))
    needle = text[start:start + draw(st.integers(1, 8))].strip()
    if not needle or QUOTES & set(needle):
        needle = "签约"
    return needle


def hits(index, query: str) -> set[str]:
    result = index.search(query, limit=100)
    assert result.total == len(result.hits)
    return {hit["id"] for hit in result.hits}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_finds_exactly_its_documents(shared_index, data):
    index, records = shared_index
    needle = data.draw(needles(records))
    assert hits(index, f'"{needle}"') == oracle(records, Term(needle)), needle


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_boolean_combinations_agree_with_brute_force(shared_index, data):
    index, records = shared_index
    a, b, c = (data.draw(needles(records)) for _ in range(3))
    query = data.draw(st.sampled_from([
        '"{a}" "{b}"', '"{a}" OR "{b}"', '"{a}" -"{b}"', '("{a}" OR "{b}") NOT "{c}"',
        'NOT ("{a}" "{b}")', 'title:"{a}" OR "{c}"']))
    query = query.format(a=a, b=b, c=c)
    assert hits(index, query) == oracle(records, parse(query)), query

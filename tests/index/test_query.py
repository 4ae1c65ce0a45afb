"""The query language: what each query parses to, and what each mistake says."""
from __future__ import annotations

import pytest

from index.query import (And, DateRange, Filter, MatchAll, Not, Or, Term, date_bounds, from_filters,
                         parse, positive_terms, to_query)
from policyminer.errors import QueryError

W = Term


def P(text, field=None):
    return Term(text, phrase=True, field=field)


PARSES = [
    # words and spaces
    ("签约", W("签约")),
    ("西南大学 签约", And((W("西南大学"), W("签约")))),
    ("西南大学　签约", And((W("西南大学"), W("签约")))),
    ("  5G基站  ", W("5G基站")),
    ("COVID-19", W("COVID-19")),
    ("+签约 +落户", And((W("签约"), W("落户")))),
    ("科技*", W("科技")),
    ("*", MatchAll()),
    ("", MatchAll()),
    ("   ", MatchAll()),
    # phrases
    ('"科技成果 转化"', P("科技成果 转化")),
    ("“环大学创新生态圈”", P("环大学创新生态圈")),
    ("「校地合作」", P("校地合作")),
    ('“混用引号"', P("混用引号")),
    ('"OR"', P("OR")),
    ('西南"大学"', And((W("西南"), P("大学")))),
    # operators
    ("重庆 OR 成都", Or((W("重庆"), W("成都")))),
    ("重庆 or 成都", And((W("重庆"), W("or"), W("成都")))),
    ("重庆 AND 成都", And((W("重庆"), W("成都")))),
    ("签约 NOT 开工", And((W("签约"), Not(W("开工"))))),
    ("签约 -开工", And((W("签约"), Not(W("开工"))))),
    ("NOT NOT 开工", W("开工")),
    ("a b OR c", Or((And((W("a"), W("b"))), W("c")))),
    ("a OR b c", Or((W("a"), And((W("b"), W("c")))))),
    ("(高校 OR 大学) 签约", And((Or((W("高校"), W("大学"))), W("签约")))),
    ("（高校 OR 大学）签约", And((Or((W("高校"), W("大学"))), W("签约")))),
    ("-(揭牌 OR 开工)", Not(Or((W("揭牌"), W("开工"))))),
    ("a OR (b OR c)", Or((W("a"), W("b"), W("c")))),
    # fields
    ("org:西南大学", Filter("org", "西南大学")),
    ("org：西南大学", Filter("org", "西南大学")),
    ("ORG:西南大学", Filter("org", "西南大学")),
    ("org: 西南大学", Filter("org", "西南大学")),
    ('org:"西南大学 科技园"', Filter("org", "西南大学 科技园")),
    ("org:西南*", Filter("org", "西南", prefix=True)),
    ("source:cqbb-news", Filter("source", "cqbb-news")),
    ("region:北碚区", Filter("region", "北碚区")),
    ("type:policy", Filter("type", "policy")),
    ("type:News", Filter("type", "news")),
    ("doc_type:新闻", Filter("type", "news")),
    ("title:签约", W("签约", field="title")),
    ('title:"签约 仪式"', P("签约 仪式", field="title")),
    ("title:(签约 OR 揭牌)", Or((W("签约", field="title"), W("揭牌", field="title")))),
    ("-source:cqbb-news", Not(Filter("source", "cqbb-news"))),
    ("10:30", W("10:30")),
    ("https://www.cqbb.gov.cn", W("https://www.cqbb.gov.cn")),
    ("主题：乡村振兴", W("主题：乡村振兴")),
    # dates
    ("published:2024-01-01..2024-06-30", DateRange("2024-01-01", "2024-06-30")),
    ("published:2024-01-01..", DateRange("2024-01-01", None)),
    ("published:..2024-06-30", DateRange(None, "2024-06-30")),
    ("published:2024", DateRange("2024-01-01", "2024-12-31")),
    ("published:2024-02", DateRange("2024-02-01", "2024-02-29")),
    ("published:2024-4-5", DateRange("2024-04-05", "2024-04-05")),
    ("published:2024/04/05", DateRange("2024-04-05", "2024-04-05")),
    ("published:2024-01..2024-03", DateRange("2024-01-01", "2024-03-31")),
    ("published:2025-W17", DateRange("2025-04-21", "2025-04-27")),
    ("date:2024", DateRange("2024-01-01", "2024-12-31")),
    ("签约 published:2024", And((W("签约"), DateRange("2024-01-01", "2024-12-31")))),
]


@pytest.mark.parametrize("query, tree", [pytest.param(q, t, id=q or "empty") for q, t in PARSES])
def test_parse(query, tree):
    assert parse(query) == tree


@pytest.mark.parametrize("query", [pytest.param(q, id=q or "empty") for q, _ in PARSES])
def test_to_query_parses_back(query):
    tree = parse(query)
    assert parse(to_query(tree)) == tree


ERRORS = [
    # quotes
    ('西南大学 "签约', "unbalanced quote", 5),
    ('"签约', "unbalanced quote", 0),
    ("“签约", "unbalanced quote", 0),
    ('""', "empty phrase", 0),
    ('签约 "  "', "empty phrase", 3),
    # parentheses
    ("(签约 OR 揭牌", 'unbalanced parenthesis: "(" is never closed', 0),
    ("签约 (", 'unbalanced parenthesis: "(" is never closed', 3),
    ("签约)", 'unmatched ")"', 2),
    ("签约 ) 揭牌", 'unmatched ")"', 3),
    ("()", "empty parentheses", 0),
    ("(" * 40 + "a" + ")" * 40, "parentheses nested too deeply", 32),
    # operators
    ("OR 签约", '"OR" needs a term before it', 0),
    ("签约 OR", '"OR" needs a term after it', 3),
    ("签约 AND", '"AND" needs a term after it', 3),
    ("签约 OR AND 揭牌", '"OR" needs a term after it', 3),
    ("签约 NOT", '"NOT" needs a term after it', 3),
    ("签约 - 开工", 'nothing to exclude after "-"', 3),
    ("签约 -", 'nothing to exclude after "-"', 3),
    ("(签约 -)", 'nothing to exclude after "-"', 4),
    # fields
    ("foo:bar", 'unknown field "foo" (known: org, source, region, type, title, published)', 0),
    ("签约 author:张三", 'unknown field "author"', 3),
    ("org:", 'field "org" needs a value', 0),
    ("签约 org:", 'field "org" needs a value', 3),
    ("type:report", 'unknown type "report" (known: news, policy)', 5),
    # dates
    ("published:2024-13", 'published: invalid date "2024-13"', 10),
    ("published:2024-02-30", 'published: invalid date "2024-02-30"', 10),
    ("published:yesterday", 'published: invalid date "yesterday"', 10),
    ("published:..", "published: a date range needs at least one end", 10),
    ("published:2024-06..2024-01", 'empty date range "2024-06..2024-01"', 10),
    ("published:2024-W54", 'published: invalid date "2024-W54"', 10),
]


@pytest.mark.parametrize("query, message, position", [pytest.param(*e, id=e[0]) for e in ERRORS])
def test_errors_say_what_and_where(query, message, position):
    with pytest.raises(QueryError) as info:
        parse(query)
    assert message in str(info.value)
    assert str(info.value).endswith(f"at position {position}")
    assert info.value.position == position and info.value.query == query


@pytest.mark.parametrize("query, texts", [
    pytest.param("西南大学 签约", ["西南大学", "签约"], id="and"),
    pytest.param("签约 -开工 NOT (揭牌 OR 奠基)", ["签约"], id="negated-dropped"),
    pytest.param("NOT (签约 -开工)", ["开工"], id="double-negation"),
    pytest.param("org:西南大学 title:签约", ["签约"], id="filters-are-not-terms"),
])
def test_positive_terms(query, texts):
    assert [t.text for t in positive_terms(parse(query))] == texts


@pytest.mark.parametrize("text, bounds", [
    pytest.param("2024", ("2024-01-01", "2024-12-31"), id="year"),
    pytest.param("2023-02", ("2023-02-01", "2023-02-28"), id="month"),
    pytest.param("2024-02-29", ("2024-02-29", "2024-02-29"), id="leap-day"),
    pytest.param("2025-W01", ("2024-12-30", "2025-01-05"), id="week-across-years"),
    pytest.param("2025w17", ("2025-04-21", "2025-04-27"), id="week-compact"),
])
def test_date_bounds(text, bounds):
    assert date_bounds(text) == bounds


@pytest.mark.parametrize("filters, tree", [
    pytest.param(None, MatchAll(), id="none"),
    pytest.param({"source": "cqbb-news"}, Filter("source", "cqbb-news"), id="one"),
    pytest.param({"doc_type": "policy", "region": ["北碚区", "沙坪坝区"]},
                 And((Filter("type", "policy"),
                      Or((Filter("region", "北碚区"), Filter("region", "沙坪坝区"))))), id="list"),
    pytest.param({"since": "2024-04", "until": "2024-05"}, DateRange("2024-04-01", "2024-05-31"),
                 id="since-until"),
    pytest.param({"title": "签约 仪式"}, P("签约 仪式", field="title"), id="title-is-a-phrase"),
    pytest.param({"org": None, "until": ""}, MatchAll(), id="empty"),
])
def test_from_filters(filters, tree):
    assert from_filters(filters) == tree


def test_from_filters_rejects_unknown_keys():
    with pytest.raises(QueryError, match='unknown filter "colour"'):
        from_filters({"colour": "red"})

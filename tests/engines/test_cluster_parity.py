"""Parity: one generated corpus, the same queries, the same answers on SQLite, OpenSearch, Elasticsearch.

The corpus is 80 synthetic records (benchmarks.index.synthetic_records),
each published on its own day, so that sorting by date has no ties.

What is compared, and why:

* totals, facets, signings and trends: equal on all three engines;
* sorted by date: the same top-k ids in the same order on all three;
* sorted by relevance: the same top-k ids in the same order on OpenSearch and
  Elasticsearch (both Lucene BM25 over the same tokens; ties go to the newer
  document, then the smaller id), and on SQLite the same set when all hits
  fit in the page. SQLite's FTS5 BM25 differs from Lucene's (its IDF of a
  term in most documents is ~0, and it scores the whole row, not each field),
  so the order of a long list of hits may legitimately differ there.
"""
from __future__ import annotations

import uuid

import pytest

from benchmarks.index import synthetic_records
from engine_nodes import ENGINES, drop
from index.base import open_index
from index.sqlite import SQLiteIndex

pytestmark = pytest.mark.integration

K = 10
QUERIES = [
    "签约", "重庆大学", "西南大学", "5G基站", "2.8亿元", "西大", "签约 org:西南大学", "大学 -签约",
    "(北碚区 OR 沙坪坝区) 签约", "title:签约", "type:policy", "source:cqbb-news",
    "region:渝北区 5G", "published:2023", "published:2022-03..2022-09", "org:重庆*", "NOT 签约",
    "产业园 OR 基站", '"智能网联汽车"', "亿元 published:2023", "措施 type:policy region:北碚区",
    "5G", "重", "园区 AND 企业", "转载", "奖励 -50万元", "org:西大", "科技园 title:(共建 OR 签约)",
    "深圳",
    # canonical bodies and division codes (index.keys)
    "org:北碚区政府", "org:重庆市渝北区人民政府", "region:重庆市", "region:沙坪坝", "region:江北区",
    "签约 -region:重庆市北碚区", "region:重庆市*",
]


@pytest.fixture(scope="module")
def engines(nodes):
    """engine name → an index holding the generated corpus, for all three engines."""
    records = list(synthetic_records(80))
    indices = {"sqlite": SQLiteIndex(":memory:")}
    alias = f"pm-parity-{uuid.uuid4().hex[:8]}"
    for engine in ENGINES:
        indices[engine] = open_index(f"{nodes.url(engine)}/{alias}", engine=engine)
    for index in indices.values():
        index.load(records)
    yield indices
    for engine in ENGINES:
        drop(indices[engine])
    for index in indices.values():
        index.close()


def _ids(result) -> list[str]:
    return [hit["id"] for hit in result.hits]


def test_the_corpus_is_big_enough_and_all_loaded(engines):
    assert {name: index.count() for name, index in engines.items()} == \
        {"sqlite": 80, "opensearch": 80, "elasticsearch": 80}


@pytest.mark.parametrize("query", QUERIES)
def test_totals_and_facets_agree(engines, query):
    results = {name: index.search(query, limit=K) for name, index in engines.items()}
    assert len({r.total for r in results.values()}) == 1, {n: r.total for n, r in results.items()}
    facets = [r.facets for r in results.values()]
    assert facets[0] == facets[1] == facets[2]


@pytest.mark.parametrize("query", QUERIES)
def test_date_order_agrees(engines, query):
    pages = {name: _ids(index.search(query, limit=K, sort="date")) for name, index in engines.items()}
    assert pages["sqlite"] == pages["opensearch"] == pages["elasticsearch"]


@pytest.mark.parametrize("query", QUERIES)
def test_relevance_order_agrees(engines, query):
    results = {name: index.search(query, limit=K) for name, index in engines.items()}
    assert _ids(results["opensearch"]) == _ids(results["elasticsearch"])
    if results["sqlite"].total <= K:
        assert set(_ids(results["sqlite"])) == set(_ids(results["opensearch"]))


@pytest.mark.parametrize("query", QUERIES[:8])
def test_every_page_agrees_by_date(engines, query):
    pages = {name: [h for offset in range(0, 40, 7)
                    for h in _ids(index.search(query, limit=7, offset=offset, sort="date"))]
             for name, index in engines.items()}
    assert pages["sqlite"] == pages["opensearch"] == pages["elasticsearch"]


@pytest.mark.parametrize("kwargs", [
    {}, {"since": "2023", "until": "2023"}, {"org": "西南大学"}, {"org": "西大", "since": "2022"},
    {"region": "北碚区"}, {"query": "产业园"}, {"since": "2022-01", "until": "2022-06", "merge": False},
    {"region": "重庆市"}, {"region": "重庆市沙坪坝区", "merge": False}, {"region": "江北区"},
    {"org": "重庆市北碚区人民政府"},
])
def test_signings_agree(engines, kwargs):
    rows = {name: index.signings(**kwargs) for name, index in engines.items()}
    assert rows["sqlite"] == rows["opensearch"] == rows["elasticsearch"]


@pytest.mark.parametrize("query,interval,by", [
    ("签约", "week", None), ("签约", "month", "org"), ("", "year", "source"), ("5G", "month", "region"),
    ("", "month", "type"), ("大学", "day", None),
])
def test_trends_agree(engines, query, interval, by):
    rows = {name: index.trends(query, interval=interval, by=by) for name, index in engines.items()}
    assert rows["sqlite"] == rows["opensearch"] == rows["elasticsearch"]
    assert rows["sqlite"]

"""Compiling parsed queries to the query DSL (the engines run it in test_cluster.py)."""
from __future__ import annotations

import pytest

from index.cluster_query import ranking, sort_clause, where
from index.query import parse


def _region(name: str, *codes: str) -> dict:
    return {"bool": {"should": [{"term": {"region": {"value": name}}},
                                {"terms": {"place_codes": list(codes)}}], "minimum_should_match": 1}}


def _phrase(field: str, text: str) -> dict:
    return {"match_phrase": {field: {"query": text}}}


@pytest.mark.parametrize("query,expected", [
    ("重庆大学", {"bool": {"should": [_phrase("title_chars", "重 庆 大 学"), _phrase("text_chars", "重 庆 大 学")],
                          "minimum_should_match": 1}}),
    ("title:5G", _phrase("title_chars", "5 g")),
    ("org:西南大学", {"term": {"org_keys": {"value": "西南大学"}}}),
    ("org:ＢＹＤ*", {"prefix": {"org_keys": {"value": "byd"}}}),
    ("type:政策", {"term": {"doc_type": {"value": "policy"}}}),
    ("source:cqbb-news", {"term": {"source": {"value": "cqbb-news"}}}),
    ("published:2024-04", {"range": {"published": {"gte": "2024-04-01", "lte": "2024-04-30\U0010ffff"}}}),
    ("published:..2024", {"range": {"published": {"lte": "2024-12-31\U0010ffff"}}}),
    ("-region:北碚区", {"bool": {"must_not": [_region("北碚区", "500109")]}}),
    ("region:重庆市*", {"prefix": {"region": {"value": "重庆市"}}}),
    ("region:西永微电园", {"term": {"region": {"value": "西永微电园"}}}),
    ("org:重庆市北碚区人民政府", {"term": {"org_keys": {"value": "北碚区政府"}}}),
    ("", {"match_all": {}}),
], ids=["term", "title-term", "org", "org-prefix-folded", "type-alias", "source", "month", "open-start",
        "not-region-by-code", "region-prefix-by-name", "region-not-a-division", "org-canonical", "empty"])
def test_where(query, expected):
    assert where(parse(query)) == expected


def test_and_or_nest_as_bool_queries():
    compiled = where(parse("(title:签约 OR title:揭牌) region:北碚区"))
    first, second = compiled["bool"]["filter"]
    assert first == {"bool": {"should": [_phrase("title_chars", "签 约"), _phrase("title_chars", "揭 牌")],
                              "minimum_should_match": 1}}
    assert second == _region("北碚区", "500109")


def test_ranking_scores_positive_terms_as_bigram_phrases_title_weighted():
    clauses = ranking(parse("重庆大学 -开工 重庆大学 title:签约"))
    fields = [(field, body["query"], body["boost"]) for clause in clauses
              for field, body in clause["match_phrase"].items()]
    assert fields == [("title_words", "重庆 庆大 大学", 4.0), ("text_words", "重庆 庆大 大学", 1.0),
                      ("title_words", "签约", 4.0)]


@pytest.mark.parametrize("sort,first", [("relevance", "_score"), ("date", "published")])
def test_sorts_end_with_the_id_for_stable_ties(sort, first):
    clause = sort_clause(sort)
    assert next(iter(clause[0])) == first and clause[-1] == {"id": {"order": "asc"}}

"""Compile a parsed query (index.query) into the Elasticsearch/OpenSearch query DSL.

``where(node)`` is the filter: true exactly for the documents the SQLite
engine's WHERE clause selects (a term is a phrase of characters on the
``*_chars`` fields, i.e. a substring of the folded title or text). ``ranking``
adds the BM25 part: a phrase of ranking tokens per positive term, the title
weighted ``TITLE_WEIGHT`` times the text, as the SQLite engine weights it.
Documents found only by substring score 0 there too.

Tie-breaking, for identical results on every engine: relevance sorts by
score, then newest published, then id; date sorts by published (missing
last), then score, then id.
"""
from __future__ import annotations

from typing import Any

from index.cluster_mapping import chars
from index.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Term, positive_terms
from index.keys import name_of_fullest_key, org_key, query_codes
from index.segment import canonical, tokens
from index.sqlite_sql import TITLE_WEIGHT

_FIELDS = {"source": "source", "region": "region", "type": "doc_type", "org": "org_keys"}
_TOP = "\U0010ffff"
MATCH_NONE = {"bool": {"must_not": [{"match_all": {}}]}}


def where(node: Node) -> dict[str, Any]:
    """The filter query true exactly for the documents matching ``node``."""
    if isinstance(node, MatchAll):
        return {"match_all": {}}
    if isinstance(node, Term):
        return term(node)
    if isinstance(node, Filter):
        return attribute(node)
    if isinstance(node, DateRange):
        return dates(node)
    if isinstance(node, Not):
        return {"bool": {"must_not": [where(node.child)]}}
    if isinstance(node, And):
        return {"bool": {"filter": [where(child) for child in node.children]}}
    assert isinstance(node, Or)
    return any_query([where(child) for child in node.children])


def any_query(queries: list[dict]) -> dict[str, Any]:
    """At least one of ``queries``."""
    return queries[0] if len(queries) == 1 else {"bool": {"should": queries,
                                                          "minimum_should_match": 1}}


def term(node: Term) -> dict[str, Any]:
    """Title (or title or text) contains the folded string of ``node``."""
    phrase = chars(node.text)
    fields = ["title_chars"] if node.field == "title" else ["title_chars", "text_chars"]
    return any_query([{"match_phrase": {name: {"query": phrase}}} for name in fields])


def attribute(node: Filter) -> dict[str, Any]:
    """Exact (or prefix) match of source, region, type or any organisation name.

    An exact organisation is its canonical body (index.keys); an exact region
    also matches documents filed under a division it names.
    """
    field = _FIELDS[node.field]
    if node.prefix:
        value = canonical(node.value) if node.field == "org" else node.value
        return {"prefix": {field: {"value": value}}}
    value = org_key(node.value) if node.field == "org" else node.value
    exact = {"term": {field: {"value": value}}}
    codes = query_codes(node.value) if node.field == "region" else ()
    return any_query([exact, {"terms": {"place_codes": list(codes)}}]) if codes else exact


def dates(node: DateRange) -> dict[str, Any]:
    """Published in [start, end]; a timestamp on the last day counts too."""
    bounds = {}
    if node.start:
        bounds["gte"] = node.start
    if node.end:
        bounds["lte"] = node.end + _TOP
    return {"range": {"published": bounds}} if bounds else {"exists": {"field": "published"}}


def ranking(node: Node) -> list[dict[str, Any]]:
    """Scoring clauses: each positive term as a phrase of ranking tokens."""
    clauses, seen = [], set()
    for item in positive_terms(node):
        words = " ".join(tokens(item.text))
        fields = ("title",) if item.field == "title" else ("title", "text")
        for name in fields:
            if words and (name, words) not in seen:
                seen.add((name, words))
                boost = TITLE_WEIGHT if name == "title" else 1.0
                clauses.append({"match_phrase": {f"{name}_words": {"query": words, "boost": boost}}})
    return clauses


def search_query(node: Node) -> dict[str, Any]:
    """The query of a search: ``where`` as a filter, ``ranking`` as optional scoring."""
    return {"bool": {"filter": [where(node)], "should": ranking(node)}}


def sort_clause(sort: str) -> list[Any]:
    """The sort of a search page (see the module docstring for ties)."""
    newest = {"published": {"order": "desc", "missing": "_last"}}
    if sort == "date":
        return [newest, {"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    return [{"_score": {"order": "desc"}}, newest, {"id": {"order": "asc"}}]


def facet_aggregations(size: int) -> dict[str, Any]:
    """Aggregations for the facets: source, region, type, year and top organisations."""
    def terms(field: str, order: list[dict]) -> dict[str, Any]:
        return {"terms": {"field": field, "size": size, "order": order}}
    by_count = [{"_count": "desc"}, {"_key": "asc"}]
    return {
        "source": terms("source", by_count),
        "region": terms("region", by_count),
        "type": terms("doc_type", by_count),
        "year": terms("year", [{"_key": "desc"}]),
        "org": {"nested": {"path": "organizations"}, "aggs": {"keys": {
            "terms": {"field": "organizations.canonical", "size": size * 3 + 10,
                      "shard_size": size * 10 + 100, "order": [{"docs": "desc"}, {"_key": "asc"}]},
            "aggs": {"docs": {"reverse_nested": {}},
                     "name": {"terms": {"field": "organizations.fullest", "size": 1,
                                        "order": {"_key": "asc"}}}}}}},
    }


def facets(aggregations: dict[str, Any], size: int) -> dict[str, list[dict[str, Any]]]:
    """The ``facets`` of a SearchResult from the answer's aggregations."""
    out = {name: [{"value": b["key"], "count": b["doc_count"]}
                  for b in aggregations[name]["buckets"]]
           for name in ("source", "region", "type", "year")}
    orgs = [{"value": name_of_fullest_key(b["name"]["buckets"][0]["key"]),
             "count": b["docs"]["doc_count"]}
            for b in aggregations["org"]["keys"]["buckets"] if b["name"]["buckets"]]
    orgs.sort(key=lambda row: (-row["count"], row["value"]))
    out["org"] = orgs[:size]
    return out

"""The cluster engine's behaviour, the same tests against real OpenSearch and Elasticsearch nodes."""
from __future__ import annotations

import uuid

import pytest

from index.base import open_index
from index.cluster_mapping import MAPPING_VERSION
from index.launcher import free_port
from index.sqlite import SQLiteIndex
from policyminer.errors import EngineError, QueryError
from engine_corpus import behaviour_corpus
from engine_nodes import ENGINES, drop

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=ENGINES)
def loaded(request, nodes):
    """A cluster index of each engine holding the behaviour corpus (read-only tests)."""
    engine = request.param
    index = open_index(f"{nodes.url(engine)}/pm-behaviour-{uuid.uuid4().hex[:8]}", engine=engine)
    index.load(behaviour_corpus())
    yield index
    drop(index)
    index.close()


@pytest.fixture(scope="module")
def reference():
    """The SQLite engine holding the same corpus: the reference behaviour."""
    with SQLiteIndex(":memory:") as index:
        index.load(behaviour_corpus())
        yield index


def ids(result) -> set[str]:
    return {hit["id"] for hit in result.hits}


# -- loading -------------------------------------------------------------------

def test_load_returns_and_holds_every_record(loaded):
    assert loaded.count() == 10


def test_reload_is_idempotent_and_skips_unchanged_records(fresh):
    corpus = behaviour_corpus()
    assert fresh.load(corpus) == 10
    assert fresh.load(corpus) == 10
    assert fresh.count() == 10
    stored = fresh.transport.request("GET", f"/{fresh.alias}/_doc/platform")
    assert stored["_version"] == 1                     # the second load sent nothing


def test_reload_of_a_changed_record_replaces_it(fresh):
    corpus = behaviour_corpus()
    fresh.load(corpus)
    corpus[0].title = "北碚区成果转化平台揭牌"
    fresh.load([corpus[0].to_dict()])                  # dicts load too
    assert fresh.count() == 10
    assert fresh.document("platform")["title"] == "北碚区成果转化平台揭牌"
    assert fresh.search("title:揭牌").total == 1


def test_document_round_trips_the_record(loaded):
    record = next(r for r in behaviour_corpus() if r.id == "xinan")
    assert loaded.document("xinan") == record.to_dict()
    assert loaded.document("no-such-id") is None


def test_delete_removes_only_existing_ids(fresh):
    fresh.load(behaviour_corpus())
    assert fresh.delete(["platform", "base5g", "no-such-id"]) == 2
    assert fresh.count() == 8
    assert fresh.search("重庆大学").total == 0


# -- matching ------------------------------------------------------------------

SUBSTRINGS = {
    "inside-company-name": ("重庆大学", {"platform"}),
    "digits-and-latin": ("5G基站", {"base5g", "wide"}),
    "decimal-amount": ("2.8亿元", {"platform"}),
    "two-characters": ("签约", {"platform", "policy", "bishan", "warning"}),
    "one-character": ("签", {"platform", "policy", "bishan", "warning", "xinan", "reprint", "aipark"}),
    "alias-in-text": ("西大", {"xinan"}),
    "latin-two-letters": ("AI", {"wide", "aipark"}),
    "lower-case-finds-upper": ("ai", {"wide", "aipark"}),
    "full-width-query": ("５Ｇ", {"base5g", "wide"}),
    "year-in-title": ("2025年度", {"undated"}),
}


@pytest.mark.parametrize("query,expected", SUBSTRINGS.values(), ids=SUBSTRINGS.keys())
def test_every_document_containing_the_string_is_found(loaded, query, expected):
    assert ids(loaded.search(query, limit=50)) == expected


QUERIES = {
    "phrase-straight-quotes": ('"环西南大学创新生态圈"', {"policy"}),
    "phrase-chinese-quotes": ("“国家大学科技园”", {"xinan"}),
    "phrase-with-brackets": ('"alert(\'x\')"', {"warning"}),
    "and-implicit": ("西南大学 签约", {"policy", "bishan"}),
    "and-explicit": ("签约 AND 北碚区", {"platform", "policy"}),
    "or": ("西南大学 OR 重庆大学", {"platform", "policy", "xinan", "reprint", "bishan"}),
    "not-minus": ("西南大学 -签约", {"xinan", "reprint"}),
    "not-word": ("西南大学 NOT 签约", {"xinan", "reprint"}),
    "group": ("(璧山区 OR 沙坪坝区) 基站", {"base5g", "wide"}),
    "org-name": ("org:西南大学", {"xinan", "reprint", "bishan"}),
    "org-alias": ("org:西大", {"xinan", "bishan"}),
    "org-prefix": ("org:沙坪坝区*", {"base5g", "aipark"}),
    "type": ("type:policy", {"policy"}),
    "source": ("source:cqbb-news", {"platform", "xinan"}),
    "source-prefix": ("source:cqbs*", {"wide", "bishan"}),
    "region": ("region:璧山区", {"wide", "bishan"}),
    "title": ("title:签约", {"platform", "bishan"}),
    "title-group": ("title:(基站 OR 开园)", {"base5g", "wide", "aipark"}),
    "month": ("published:2024-04", {"platform", "xinan", "reprint"}),
    "year": ("published:2023", {"bishan"}),
    "until": ("published:..2024-03-05", {"bishan", "policy", "warning"}),
    "since": ("published:2024-05-06..", {"base5g", "wide", "aipark"}),
    "iso-week": ("published:2024-W17", {"platform", "xinan", "reprint"}),
    "nothing": ("深圳", set()),
}


@pytest.mark.parametrize("query,expected", QUERIES.values(), ids=QUERIES.keys())
def test_query_language(loaded, query, expected):
    assert ids(loaded.search(query, limit=50)) == expected


@pytest.mark.parametrize("filters,expected", [
    ({"since": "2024-05", "until": "2024-05"}, {"base5g", "aipark"}),
    ({"region": ["璧山区", "沙坪坝区"], "type": "news"}, {"base5g", "wide", "bishan", "warning", "aipark"}),
    ({"org": "西南大学", "published": "2024"}, {"xinan", "reprint"}),
], ids=["since-until", "any-of-list", "org-and-year"])
def test_filters_argument(loaded, filters, expected):
    assert ids(loaded.search("", limit=50, filters=filters)) == expected


@pytest.mark.parametrize("query", list(SUBSTRINGS.values()) + list(QUERIES.values()),
                         ids=[*SUBSTRINGS, *QUERIES])
def test_same_documents_as_sqlite(loaded, reference, query):
    assert loaded.search(query[0], limit=50).total == reference.search(query[0], limit=50).total


# -- results -------------------------------------------------------------------

def test_total_is_exact_beyond_the_page(loaded):
    result = loaded.search("签", limit=2)
    assert (result.total, len(result.hits)) == (7, 2)
    assert loaded.search("", limit=0).total == 10


def test_sort_by_date_newest_first(loaded):
    order = [h["id"] for h in loaded.search("签", limit=10, sort="date").hits]
    assert order == ["aipark", "platform", "reprint", "xinan", "warning", "policy", "bishan"]


def test_undated_documents_sort_last_by_date(loaded):
    assert loaded.search("", limit=10, sort="date").hits[-1]["id"] == "undated"


def test_relevance_prefers_a_title_match(loaded):
    assert loaded.search("签约", limit=1).hits[0]["id"] in {"platform", "bishan"}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_partition_the_results(loaded, sort):
    whole = [h["id"] for h in loaded.search("签", limit=10, sort=sort).hits]
    pages = [h["id"] for offset in (0, 3, 6)
             for h in loaded.search("签", limit=3, offset=offset, sort=sort).hits]
    assert pages == whole
    assert loaded.search("签", limit=3, offset=20).hits == []


def test_hits_carry_the_contract_fields(loaded):
    hit = loaded.search("2.8亿元").to_dict()["hits"][0]
    assert set(hit) == {"id", "url", "title", "published", "source", "score", "snippet"}
    assert (hit["id"], hit["published"], hit["source"]) == ("platform", "2024-04-25", "cqbb-news")
    assert hit["score"] > 0


@pytest.mark.parametrize("query,fragment", [
    ("2.8亿元", "总投资<mark>2.8亿元</mark>"),
    ("5G", "新建<mark>５Ｇ</mark>基站"),
    ("插入", "<mark>插入</mark>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
], ids=["amount", "full-width-original-kept", "html-escaped"])
def test_snippets_mark_matches_in_the_original_text(loaded, query, fragment):
    snippets = [hit["snippet"] for hit in loaded.search(query, limit=10).hits]
    assert any(fragment in s for s in snippets), snippets


def test_snippets_equal_the_sqlite_engines(loaded, reference):
    for query in ("签约", "西南大学 OR 5G", "title:签约 2.8亿元"):
        ours = {h["id"]: h["snippet"] for h in loaded.search(query, limit=20).hits}
        theirs = {h["id"]: h["snippet"] for h in reference.search(query, limit=20).hits}
        assert ours == theirs


def test_facets_count_all_matching_documents(loaded):
    facets = loaded.search("签", limit=1).facets
    assert facets["org"][0] == {"value": "西南大学", "count": 3}
    assert facets["type"] == [{"value": "news", "count": 6}, {"value": "policy", "count": 1}]
    assert facets["year"] == [{"value": "2024", "count": 6}, {"value": "2023", "count": 1}]
    assert facets["source"][0] == {"value": "cqbb-news", "count": 2}


def test_facets_equal_the_sqlite_engines(loaded, reference):
    for query in ("", "签", "西南大学 OR 基站", "type:news"):
        assert loaded.search(query).facets == reference.search(query).facets


def test_no_match_is_an_empty_result(loaded):
    assert loaded.search("深圳").to_dict() | {"took_ms": 0} == \
        {"total": 0, "took_ms": 0, "hits": [], "facets": {}}


# -- signings and trends ---------------------------------------------------------

def test_signings_in_a_month_merge_one_event_reported_twice(loaded):
    rows = loaded.signings(since="2024-04-01", until="2024-04-30")
    assert [r["id"] for r in rows] == ["xinan", "platform"]
    assert rows[0]["sources"] == ["https://news.example.cn/xinan.html",
                                  "https://news.example.cn/reprint.html"]
    assert rows[1]["amount"] == {"value": 280000000.0, "unit": "元"}


def test_documents_where_an_organisation_signed_in_a_year(loaded):
    rows = loaded.signings(org="西南大学", since="2024", until="2024", merge=False)
    assert [r["id"] for r in rows] == ["xinan", "reprint"]
    assert [r["id"] for r in loaded.signings(org="西南大学", since="2023", until="2023")] == ["bishan"]


@pytest.mark.parametrize("kwargs", [
    {}, {"since": "2024-04-01", "until": "2024-04-30"}, {"org": "西大"}, {"org": "区政府"},
    {"region": "璧山区"}, {"query": "科技园"}, {"since": "2024-W17", "until": "2024-W17", "merge": False},
], ids=["all", "month", "org-alias", "party-alias", "region", "query", "week-unmerged"])
def test_signings_equal_the_sqlite_engines(loaded, reference, kwargs):
    assert loaded.signings(**kwargs) == reference.signings(**kwargs)


def test_trends_by_month(loaded):
    assert loaded.trends("签", interval="month") == [
        {"bucket": "2023-11", "count": 1}, {"bucket": "2024-02", "count": 1},
        {"bucket": "2024-03", "count": 1}, {"bucket": "2024-04", "count": 3},
        {"bucket": "2024-05", "count": 1}]


def test_trends_by_iso_week(loaded):
    assert loaded.trends("西南大学", interval="week") == [
        {"bucket": "2023-W45", "count": 1}, {"bucket": "2024-W07", "count": 1},
        {"bucket": "2024-W17", "count": 2}]


@pytest.mark.parametrize("query,interval,by,top", [
    ("", "day", None, None), ("签", "year", "source", None), ("", "month", "region", None),
    ("", "week", "type", None), ("", "month", "org", None), ("签", "year", "org", 2),
])
def test_trends_equal_the_sqlite_engines(loaded, reference, query, interval, by, top):
    assert loaded.trends(query, interval=interval, by=by, top=top) == \
        reference.trends(query, interval=interval, by=by, top=top)


# -- errors --------------------------------------------------------------------

@pytest.mark.parametrize("query", ['"unclosed', "(签约", "org:", "published:2024-13",
                                   "签约 OR", "where:北碚"],
                         ids=["quote", "parenthesis", "empty-field", "bad-date", "dangling-or",
                              "unknown-field"])
def test_query_errors(loaded, query):
    with pytest.raises(QueryError):
        loaded.search(query)


def test_bad_arguments_are_query_errors(loaded):
    with pytest.raises(QueryError, match="sort"):
        loaded.search("签约", sort="newest")
    with pytest.raises(QueryError, match="interval"):
        loaded.trends("签约", interval="hour")
    with pytest.raises(QueryError, match="offset"):
        loaded.search("签约", offset=60_000)


def test_unreachable_cluster_is_one_line_naming_the_url(engine):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(EngineError) as caught:
        open_index(url, engine=engine).count()
    message = str(caught.value)
    assert url in message and "\n" not in message


# -- lifecycle -------------------------------------------------------------------

def _indices(index) -> list[str]:
    return sorted(index.transport.request("GET", f"/{index.alias}/_alias", ignore=(404,)) or {})


def test_first_use_creates_a_versioned_index_behind_the_alias(fresh):
    assert fresh.count() == 0
    names = _indices(fresh)
    assert len(names) == 1 and names[0].startswith(f"{fresh.alias}.v")
    template = fresh.transport.request("GET", f"/_index_template/{fresh.alias}")
    assert template["index_templates"][0]["index_template"]["index_patterns"] == [f"{fresh.alias}.v*"]


def test_rebuild_swaps_the_alias_without_downtime(fresh, engine, engine_url):
    corpus = behaviour_corpus()
    fresh.load(corpus[:4])
    before = _indices(fresh)
    reader = open_index(f"{engine_url}/{fresh.alias}", engine=engine)

    def records():
        yield from corpus[4:7]
        assert reader.count() == 4            # searches still see the old index mid-rebuild
        yield from corpus[7:]

    fresh.clear()
    assert fresh.load(records()) == 6
    after = _indices(fresh)
    assert reader.count() == 6 and after != before and len(after) == 1
    assert fresh.transport.request("GET", f"/{before[0]}", ignore=(404,)) is None   # dropped
    reader.close()


def _segments(index, name: str) -> int:
    return len(index.transport.request("GET", f"/_cat/segments/{name}", params={"format": "json"}))


def test_a_rebuilt_index_is_published_as_one_segment(fresh, monkeypatch):
    import index.cluster
    monkeypatch.setattr(index.cluster, "BATCH", 2)             # five bulk batches
    corpus, flushed = behaviour_corpus(), []

    def records():
        for record in corpus:
            yield record
            fresh.transport.request("POST", f"/{fresh._pending}/_refresh")   # a segment each
            flushed.append(_segments(fresh, fresh._pending))

    fresh.clear()
    fresh.load(records())
    assert max(flushed) > 1                                     # it had several segments…
    [name] = _indices(fresh)
    assert _segments(fresh, name) == 1                          # …and is searched as one
    assert fresh.count() == len(corpus)


def test_rebuild_method_replaces_every_document(fresh):
    corpus = behaviour_corpus()
    fresh.load(corpus)
    assert fresh.rebuild(corpus[:3]) == 3
    assert fresh.count() == 3


def test_failed_rebuild_keeps_the_old_index(fresh, engine, engine_url):
    fresh.load(behaviour_corpus())
    before = _indices(fresh)

    def records():
        yield from behaviour_corpus()[:2]
        raise RuntimeError("the extractor crashed")

    with pytest.raises(RuntimeError):
        with open_index(f"{engine_url}/{fresh.alias}", engine=engine) as index:
            index.clear()
            index.load(records())
    assert _indices(fresh) == before and fresh.count() == 10


@pytest.mark.parametrize("layout", ["plain-index", "old-version"])
def test_mapping_mismatch_is_refused_until_rebuilt(engine, engine_url, alias, layout):
    index = open_index(f"{engine_url}/{alias}", engine=engine)
    meta = {"mappings": {"_meta": {"policyminer": {"mapping_version": "0"}}}}
    if layout == "plain-index":
        index.transport.request("PUT", f"/{alias}", meta)
    else:
        index.transport.request("PUT", f"/{alias}.v0-1", {**meta, "aliases": {alias: {}}})
    try:
        with pytest.raises(EngineError, match="mapping") as caught:
            index.search("签约")
        assert alias in str(caught.value) and "--rebuild" in str(caught.value)
        index.clear()
        index.load(behaviour_corpus())
        assert index.search("签约").total == 4
        assert all(name.startswith(f"{alias}.v{MAPPING_VERSION}-") for name in _indices(index))
    finally:
        if layout == "plain-index" and alias in _indices(index):
            index.transport.request("DELETE", f"/{alias}")
        drop(index)
        index.close()


def test_the_wrong_engine_for_a_node_is_a_clear_error(nodes):
    url = nodes.url("opensearch")
    with pytest.raises(EngineError, match="OpenSearch") as caught:
        open_index(f"{url}/pm-wrong-engine", engine="elasticsearch").count()
    assert url in str(caught.value)


def test_figures_are_nested_objects_to_query(loaded):
    body = {"query": {"nested": {"path": "figures", "query": {"bool": {"filter": [
        {"term": {"figures.metric": "总投资"}}, {"range": {"figures.value": {"gte": 2e8}}}]}}}},
        "_source": ["id"]}
    answer = loaded.transport.request("POST", f"/{loaded.alias}/_search", body)
    assert [hit["_source"]["id"] for hit in answer["hits"]["hits"]] == ["platform"]

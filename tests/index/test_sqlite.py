"""The embedded SQLite engine on a real file: exact totals, substrings, filters, pages, snippets."""
from __future__ import annotations

import sqlite3

import pytest

from index.segment import search_text
from index.sqlite import SQLiteIndex
from policyminer.errors import EngineError, QueryError
from policyminer.records import Extracted

ALL = {"platform", "base5g", "policy", "xinan", "warning", "undated", "aipark", "daily"}
DATED = ALL - {"undated"}


def found(index, query: str, **kw) -> set[str]:
    """Ids of every hit, checking that the total agrees with them."""
    result = index.search(query, limit=100, **kw)
    hits = {hit["id"] for hit in result.hits}
    assert result.total == len(hits) == len(result.hits)
    return hits


@pytest.mark.parametrize("query, expected", [
    # substrings, whatever a segmenter would make of them
    pytest.param("重庆大学", {"platform"}, id="inside-company-name"),
    pytest.param("5G基站", {"base5g"}, id="digit-latin-cjk"),
    pytest.param("５Ｇ基站", {"base5g"}, id="full-width-query"),
    pytest.param("5g基站", {"base5g"}, id="lower-case-query"),
    pytest.param("2.8亿元", {"platform"}, id="decimal-amount"),
    pytest.param("西南大学", {"policy", "xinan", "daily"}, id="inside-platform-name"),
    pytest.param("大学科技园", {"xinan", "daily"}, id="across-word-boundaries"),
    # short terms
    pytest.param("签约", {"platform", "policy", "warning"}, id="two-chars"),
    pytest.param("协议", {"platform", "xinan", "warning", "aipark", "daily"}, id="two-chars-common"),
    pytest.param("AI", {"aipark"}, id="two-latin"),
    pytest.param("ai", {"aipark"}, id="two-latin-lower"),
    pytest.param("圈", {"policy"}, id="one-char"),
    pytest.param("第", {"policy"}, id="one-char-title-or-text"),
    # phrases
    pytest.param('"西南大学与北碚区"', {"xinan", "daily"}, id="phrase"),
    pytest.param("“签署战略合作协议”", {"xinan", "daily"}, id="chinese-quotes"),
    pytest.param('"第二条 对新认定"', {"policy"}, id="phrase-space-matches-ideographic-space"),
    pytest.param('"签约 落户"', set(), id="phrase-space-is-not-optional"),
    # boolean
    pytest.param("北碚区 签约", {"platform", "policy"}, id="and"),
    pytest.param("北碚区　签约", {"platform", "policy"}, id="and-ideographic-space"),
    pytest.param("北碚区 AND 签约", {"platform", "policy"}, id="explicit-and"),
    pytest.param("5G OR AI", {"base5g", "aipark"}, id="or"),
    pytest.param("签约 NOT 北碚区", {"warning"}, id="not"),
    pytest.param("签约 -北碚区", {"warning"}, id="minus"),
    pytest.param("(西南大学 OR 重庆大学) 签约", {"platform", "policy"}, id="parentheses"),
    pytest.param("NOT 协议", {"base5g", "policy", "undated"}, id="only-negative"),
    # fields
    pytest.param("title:签约", {"platform"}, id="title-two-chars"),
    pytest.param("title:大学科技园", {"xinan", "daily"}, id="title-trigram"),
    pytest.param("title:园", {"xinan", "aipark", "daily"}, id="title-one-char"),
    pytest.param("org:西南大学", {"xinan", "daily"}, id="org-name"),
    pytest.param("org:西大", {"xinan"}, id="org-alias"),
    pytest.param("org:北碚*", {"platform", "xinan"}, id="org-prefix"),
    pytest.param("org:重庆大学", set(), id="org-is-not-substring"),
    pytest.param("source:cqspb-news", {"base5g", "warning", "aipark"}, id="source"),
    pytest.param("region:北碚区", {"platform", "policy", "xinan", "daily"}, id="region"),
    pytest.param("type:policy", {"policy"}, id="type"),
    pytest.param("type:政策", {"policy"}, id="type-chinese"),
    pytest.param("-region:北碚区", {"base5g", "warning", "undated", "aipark"}, id="not-region-keeps-none"),
    # dates
    pytest.param("published:2024-04", {"platform", "xinan", "daily"}, id="month"),
    pytest.param("published:2024-04-23..2024-05-06", {"platform", "daily", "base5g"}, id="range"),
    pytest.param("published:2024-05-01..", {"base5g", "aipark"}, id="open-end"),
    pytest.param("published:..2024-02-28", {"policy"}, id="open-start"),
    pytest.param("published:2024", DATED, id="year"),
    pytest.param("published:2024-W17", {"platform", "xinan", "daily"}, id="iso-week"),
    pytest.param("NOT published:2024", {"undated"}, id="not-dated"),
    # everything, nothing
    pytest.param("", ALL, id="empty-query"),
    pytest.param("不存在的词语", set(), id="no-match"),
    pytest.param("签约 published:2023", set(), id="no-match-date"),
])
def test_exact_hits(index, query, expected):
    assert found(index, query) == expected


@pytest.mark.parametrize("filters, expected", [
    pytest.param({"region": "北碚区", "since": "2024-04-01"}, {"platform"}, id="region-since"),
    pytest.param({"doc_type": "policy"}, {"policy"}, id="doc-type"),
    pytest.param({"source": ["cqbb-gov", "cqspb-news"]}, {"policy", "warning"}, id="any-of-list"),
    pytest.param({"org": "北碚区人民政府", "until": "2024-12-31"}, {"platform"}, id="org-until"),
    pytest.param({"until": "2024-03"}, {"policy", "warning"}, id="partial-until"),
    pytest.param({"source": None, "org": ""}, {"platform", "policy", "warning"}, id="empty-values-ignored"),
])
def test_filters_narrow_the_query(index, filters, expected):
    assert found(index, "签约", filters=filters) == expected


def test_unknown_filter_is_an_error(index):
    with pytest.raises(QueryError, match='unknown filter "colour"'):
        index.search("签约", filters={"colour": "red"})


def test_substring_search_agrees_with_brute_force(index, corpus):
    """Every substring of every text finds exactly the documents containing it."""
    for record in corpus[:4]:
        text = search_text(record.text)
        for start in range(0, len(text) - 6, 7):
            for length in (1, 2, 3, 5):
                needle = text[start:start + length].strip()
                if not needle or '"' in needle:
                    continue
                expected = {r.id for r in corpus
                            if needle in search_text(r.title) or needle in search_text(r.text)}
                assert found(index, f'"{needle}"') == expected, needle


def test_relevance_puts_title_matches_first(index):
    result = index.search("签约")
    assert result.hits[0]["id"] == "platform"
    assert result.hits[0]["score"] > 0


def test_sort_by_date_newest_first_undated_last(index):
    result = index.search("", sort="date", limit=100)
    published = [hit["published"] for hit in result.hits]
    assert published[-1] is None
    assert published[:-1] == sorted(published[:-1], reverse=True)


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_partition_the_hits(index, sort):
    everything = [hit["id"] for hit in index.search("", sort=sort, limit=100).hits]
    pages = [index.search("", sort=sort, limit=3, offset=offset) for offset in (0, 3, 6)]
    assert [len(page.hits) for page in pages] == [3, 3, 2]
    assert all(page.total == 8 for page in pages)
    assert [hit["id"] for page in pages for hit in page.hits] == everything


def test_offset_past_the_end_keeps_total(index):
    result = index.search("签约", offset=50)
    assert (result.total, result.hits) == (3, [])


def test_bad_sort_and_limit_are_query_errors(index):
    with pytest.raises(QueryError, match="unknown sort"):
        index.search("签约", sort="popularity")
    with pytest.raises(QueryError, match="0 or more"):
        index.search("签约", limit=-1)


def test_snippet_marks_the_match(index):
    hit = index.search("重庆大学").hits[0]
    assert "<mark>重庆大学</mark>知识产权运营有限公司" in hit["snippet"]


def test_snippet_escapes_html_but_keeps_marks(index):
    hit = index.search("谨慎签约").hits[0]
    assert hit["id"] == "warning"
    assert "<script>" not in hit["snippet"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in hit["snippet"]
    assert "<mark>谨慎签约</mark>" in hit["snippet"]


def test_snippet_marks_every_term_in_the_window(index):
    snippet = index.search("西南大学 协议 -policy").hits[0]["snippet"]
    assert "<mark>西南大学</mark>" in snippet and "<mark>协议</mark>" in snippet


def test_snippet_window_is_bounded(index):
    for hit in index.search("", limit=100).hits:
        plain = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert len(plain) <= 130


def test_facets_count_all_hits(index):
    facets = index.search("签约", limit=1).facets
    assert facets["source"] == [{"value": "cqbb-gov", "count": 1}, {"value": "cqbb-news", "count": 1},
                                {"value": "cqspb-news", "count": 1}]
    assert facets["type"] == [{"value": "news", "count": 2}, {"value": "policy", "count": 1}]
    assert facets["region"] == [{"value": "北碚区", "count": 2}, {"value": "沙坪坝区", "count": 1}]
    assert facets["year"] == [{"value": "2024", "count": 3}]
    assert {"value": "北碚区人民政府", "count": 1} in facets["org"]


def test_org_facet_counts_documents(index):
    facets = index.search("西南大学").facets
    assert facets["org"][0] == {"value": "西南大学", "count": 2}


def test_no_match_is_an_empty_result(index):
    result = index.search("量子引力")
    assert (result.total, result.hits, result.facets) == (0, [], {})
    assert set(result.to_dict()) == {"total", "took_ms", "hits", "facets"}


def test_query_errors_say_where(index):
    with pytest.raises(QueryError, match="unbalanced quote at position 5") as info:
        index.search('西南大学 "签约')
    assert info.value.position == 5


def test_to_dict_hit_keys(index):
    data = index.search("签约").to_dict()
    assert set(data["hits"][0]) == {"id", "url", "title", "published", "source", "score", "snippet"}
    assert data["total"] == 3 and isinstance(data["took_ms"], int)


# -- loading ---------------------------------------------------------------------

def test_loading_twice_adds_nothing(index, corpus):
    assert index.load(corpus) == 8
    assert index.count() == 8
    assert found(index, "签约") == {"platform", "policy", "warning"}
    assert index.search("西南大学").facets["org"][0]["count"] == 2


def test_changed_record_replaces_every_row(index, corpus):
    changed = corpus[0]
    changed.title, changed.text = "北碚区召开科技成果转化座谈会", "座谈会上，与会代表就专利运营交流了经验。"
    changed.organizations, changed.signings = [], []
    index.load([changed])
    assert index.count() == 8
    assert "platform" not in found(index, "签约")
    assert found(index, "座谈会") == {"platform"}
    assert found(index, "org:北碚区人民政府") == set()
    assert [s["id"] for s in index.signings(merge=False)].count("platform") == 0


def test_last_duplicate_in_a_batch_wins(tmp_path, corpus):
    later = Extracted.from_dict({**corpus[1].to_dict(), "title": "5G基站建设再提速"})
    with SQLiteIndex(tmp_path / "dup.db") as idx:
        assert idx.load([corpus[1], later]) == 2
        assert idx.count() == 1
        assert idx.document("base5g")["title"] == "5G基站建设再提速"


def test_load_accepts_dicts_and_reports_progress(tmp_path, corpus):
    seen = []
    with SQLiteIndex(tmp_path / "dicts.db") as idx:
        assert idx.load((r.to_dict() for r in corpus), progress=seen.append) == 8
        assert seen[-1] == 8 and idx.count() == 8


def test_document_round_trips(index, corpus):
    for record in corpus:
        assert Extracted.from_dict(index.document(record.id)) == record
    assert index.document("nope") is None


def test_delete_and_clear(index):
    assert index.delete(["warning", "nope"]) == 1
    assert index.count() == 7
    assert found(index, "签约") == {"platform", "policy"}
    index.clear()
    assert index.count() == 0
    assert index.search("签约").total == 0


def test_index_persists_in_its_file(tmp_path, corpus):
    path = tmp_path / "sub" / "persist.db"
    with SQLiteIndex(path) as idx:
        idx.load(corpus)
    with SQLiteIndex(path) as idx:
        assert idx.count() == 8
        assert found(idx, "5G基站") == {"base5g"}


def test_index_of_another_analyzer_must_be_rebuilt(tmp_path, corpus):
    path = tmp_path / "old.db"
    with SQLiteIndex(path) as idx:
        idx.load(corpus)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'jieba-0' WHERE key = 'analyzer'")
    with SQLiteIndex(path) as idx:
        with pytest.raises(EngineError, match="index --rebuild"):
            idx.search("签约")
        idx.clear()
        idx.load(corpus)
        assert idx.search("签约").total == 3


def test_a_file_that_is_not_an_index(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库文件" * 200, encoding="utf-8")
    with pytest.raises(EngineError, match="notes.db"):
        SQLiteIndex(path)


def test_sqlite_failures_become_engine_errors(index):
    with sqlite3.connect(index.path) as other:
        other.execute("DROP TABLE signings")
    with pytest.raises(EngineError, match="failed: no such table: signings"):
        index.signings()


@pytest.mark.seeds
def test_every_slice_of_a_real_document_finds_it(tmp_path, seed_text):
    texts = {name: seed_text(name) for name in ("epaper", "portal")}
    records = [Extracted(id=name, url=f"https://example.cn/{name}", title="", published=None,
                         text=text) for name, text in texts.items()]
    with SQLiteIndex(tmp_path / "seeds.db") as idx:
        idx.load(records)
        for text in texts.values():
            folded = search_text(text)
            for start in range(0, len(folded) - 12, 61):
                for length in (1, 2, 3, 7):
                    needle = folded[start:start + length].strip()
                    if not needle or set('"“”「」『』') & set(needle):
                        continue
                    expected = {n for n, t in texts.items() if needle in search_text(t)}
                    assert found(idx, f'"{needle}"') == expected, needle

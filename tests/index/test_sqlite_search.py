"""One search over the SQLite index: hit sets agree with SQL, scores with FTS5's bm25()."""
from __future__ import annotations

import numpy as np
import pytest

import index.sqlite_search as sqlite_search
from index.query import all_of, from_filters, parse
from index.sqlite import SQLiteIndex
from index.sqlite_columns import Columns
from index.sqlite_search import Search
from index.sqlite_sql import Compiler, rank_match, rank_phrases
from policyminer.errors import EngineError
from policyminer.records import Extracted

QUERIES = [
    pytest.param("签约", id="bigram"),
    pytest.param("西南大学 签约", id="trigram-and-bigram"),
    pytest.param("title:签约 协议", id="title-column"),
    pytest.param("5G基站 OR 2.8亿元", id="mixed-tokens"),
    pytest.param("(大学科技园 OR 重庆大学) -开工", id="or-not"),
    pytest.param("协议 协议 合作", id="repeated-term"),
    pytest.param("AI 园", id="short-terms"),
]


def scores_by_fts5(conn, query: str) -> dict[int, float]:
    """-bm25() of the OR-ed ranking phrases, straight from FTS5."""
    sql = "SELECT rowid, -bm25(doc_words, 4.0, 1.0) FROM doc_words WHERE doc_words MATCH ?"
    return dict(conn.execute(sql, (rank_match(parse(query)),)).fetchall())


@pytest.fixture(params=["instances", "bm25"])
def scoring(request, monkeypatch):
    """Each way of scoring a phrase, forced whenever it applies."""
    plain = sqlite_search._PLAIN_TOKEN.fullmatch
    if request.param == "instances":
        monkeypatch.setattr(Search, "_by_instances", lambda self, phrase, inside, matched:
                            all(plain(word) for word in phrase.text.split(" ")))
    else:
        monkeypatch.setattr(Search, "_by_instances", lambda self, phrase, inside, matched: False)
    return request.param


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("every", [1, 2])
def test_scores_are_fts5_bm25_to_the_last_bit(shared_index, scoring, query, every):
    index, _ = shared_index
    with index._reading() as conn:
        search = Search(conn, Columns(conn))
        rids = search.cols.rids[::every]
        expected = scores_by_fts5(conn, query)
        mine = search.scores(rids, rank_phrases(parse(query)))
    assert mine.tolist() == [expected.get(rid, 0.0) for rid in rids.tolist()]


@pytest.mark.parametrize("query", [
    *QUERIES,
    pytest.param("NOT 协议", id="only-negative"),
    pytest.param("org:北碚* published:2024-04", id="org-prefix-and-month"),
    pytest.param("source:cqbb* OR type:policy", id="filters-or"),
    pytest.param("-region:北碚区 园", id="not-filter-and-scan"),
    pytest.param("published:..2024-03-31", id="open-date"),
    pytest.param("", id="everything"),
])
@pytest.mark.parametrize("share", [1, 1000])
def test_hit_sets_agree_with_the_sql_compiler(shared_index, monkeypatch, query, share):
    """``share`` 1000 makes every instr scan go through the candidate list."""
    monkeypatch.setattr(sqlite_search, "_SCAN_SHARE", share)
    index, _ = shared_index
    node = all_of([parse(query), from_filters(None)])
    compiler = Compiler()
    sql = f"SELECT d.rid FROM documents d WHERE {compiler.where(node)} ORDER BY d.rid"
    with index._reading() as conn:
        expected = [rid for rid, in conn.execute(sql, compiler.params)]
        assert Search(conn, Columns(conn)).hits(node).tolist() == expected


def twins(count: int) -> list[Extracted]:
    """Records with the same text (so the same score), some on the same day."""
    text = "区政府与高校签约共建科技园，双方将开展人才培养合作。"
    return [Extracted(id=f"t{i}", url=f"https://example.cn/t{i}.html", title="签约共建科技园",
                      published=None if i == 3 else f"2024-05-{1 + i % 4:02d}", text=text,
                      source="cqbb-news") for i in range(count)]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_ties_break_by_date_then_load_order(tmp_path, sort):
    with SQLiteIndex(tmp_path / "twins.db") as idx:
        idx.load(twins(9))
        ids = [hit["id"] for hit in idx.search("签约", sort=sort, limit=20).hits]
        pages = [hit["id"] for offset in (0, 4, 8)
                 for hit in idx.search("签约", sort=sort, limit=4, offset=offset).hits]
    assert ids == ["t7", "t2", "t6", "t1", "t5", "t0", "t4", "t8", "t3"]
    assert pages == ids


def test_a_search_sees_what_another_connection_loaded(tmp_path, corpus):
    path = tmp_path / "shared.db"
    with SQLiteIndex(path) as reader, SQLiteIndex(path) as writer:
        writer.load(corpus[:4])
        assert reader.search("签约").total == 2
        writer.load(corpus[4:])
        assert reader.search("签约").total == 3
        writer.delete(["platform"])
        assert {hit["id"] for hit in reader.search("签约").hits} == {"policy", "warning"}
        assert reader.search("", facet_size=20).facets["source"][0] == {"value": "cqspb-news",
                                                                        "count": 3}


def test_facet_size_below_zero_lists_every_value(index):
    facets = index.search("", facet_size=-1).facets
    assert sum(item["count"] for item in facets["source"]) == 8
    assert len(facets["source"]) == 5


def test_replaced_and_deleted_records_leave_no_index_entries(index, corpus):
    changed = corpus[1]
    changed.title = "沙坪坝区数据中心建设"
    changed.text = "区经济信息委介绍，全区数据中心建设稳步推进。"
    index.load([changed])
    index.delete(["warning"])
    conn = index._conn
    conn.execute("INSERT INTO doc_chars(doc_chars) VALUES ('integrity-check')")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_words "
                 "USING fts5vocab(main, doc_words, instance)")
    stray = conn.execute("SELECT count(*) FROM temp.check_words WHERE doc NOT IN "
                         "(SELECT rid FROM documents)").fetchone()[0]
    rid = conn.execute("SELECT rid FROM documents WHERE id = 'base5g'").fetchone()[0]
    words = {term for term, in conn.execute(
        "SELECT DISTINCT term FROM temp.check_words WHERE doc = ?", (rid,))}
    assert stray == 0
    assert "基站" not in words and "5g" not in words and {"数据", "中心"} <= words
    assert index.search("基站").total == 0 and index.search("数据中心").total == 1


def test_an_index_of_another_unicode_version_must_be_rebuilt(tmp_path, corpus):
    path = tmp_path / "unicode.db"
    with SQLiteIndex(path) as idx:
        idx.load(corpus)
        idx._conn.execute("UPDATE meta SET value = '6.1.0' WHERE key = 'unicode'")
    with SQLiteIndex(path) as idx:
        with pytest.raises(EngineError, match="unicode '6.1.0'"):
            idx.search("签约")


def test_kth_largest_keeps_ties():
    values = np.array([3.0, 1.0, 3.0, 2.0, 3.0])
    assert sqlite_search._kth_largest(values, 2) == 3.0
    assert sqlite_search._kth_largest(values, 4) == 2.0
    assert sqlite_search._kth_largest(values, 9) == 1.0

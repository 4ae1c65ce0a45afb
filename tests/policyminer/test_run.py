"""policyminer.run.extract_pages: the stored pages streamed through the shard runner (shard 1/1)."""
from __future__ import annotations

import pytest

from policyminer.extracted import ExtractedStore
from policyminer.records import doc_id
from policyminer.run import content_hash, extract_page, extract_pages, sources_or_empty
from policyminer.workspace import Workspace

ARTICLES = [   # (title, date, body)
    ("北碚区与西南大学签约共建科技成果转化平台", "2025-04-23",
     "4月23日，北碚区人民政府与西南大学签署战略合作协议，共建科技成果转化平台，项目总投资2.8亿元。"),
    ("沙坪坝区集中签约18个重点项目", "2025-04-21",
     "4月21日，沙坪坝区举行招商引资项目集中签约活动，18个项目现场签约，总投资132亿元。"),
    ("巴南区召开一季度经济运行分析会", "2025-04-18",
     "会议指出，一季度全区地区生产总值同比增长6.1%，规模以上工业增加值增长7.4%。"),
    ("渝北区发布促进消费十条措施", "2025-04-15",
     "渝北区近日印发通知，安排专项资金5000万元，支持商圈改造和夜间经济发展。"),
]


def page_html(title: str, day: str, body: str) -> bytes:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="detail"><h1>{title}</h1><div class="info">发布时间：{day}</div>'
            f'<div class="content"><p>{body}</p></div></div></body></html>').encode("utf-8")


def url_of(n: int) -> str:
    return f"http://news.example.cn/a/202504/t2025042{n}_{n}.html"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    from crawler.store import PageStore
    ws = Workspace.open(tmp_path / "ws")
    with PageStore(ws.pages_db) as store:
        for n, article in enumerate(ARTICLES):
            store.put(url_of(n), page_html(*article), source="demo-news", region="重庆市")
    return ws


def test_every_page_is_extracted_once_with_progress(ws):
    ticks = []
    report = extract_pages(ws, workers=1, progress=lambda done, total: ticks.append((done, total)))
    assert (report.seen, report.extracted, report.unchanged, report.failed) == (4, 4, 0, [])
    assert report.summary() == "extract: 4 pages, 4 extracted, 0 unchanged, 0 failed"
    assert ticks[-1] == (4, 4) and [d for d, _ in ticks] == sorted(d for d, _ in ticks)
    store = ExtractedStore(ws.extracted_dir)
    assert sorted(r.id for r in store) == sorted(doc_id(url_of(n)) for n in range(4))
    signing = store.get(doc_id(url_of(0)))
    assert signing.title == ARTICLES[0][0] and signing.metadata["content_hash"]


def test_a_rerun_extracts_only_what_changed(ws):
    from crawler.store import PageStore
    extract_pages(ws, workers=1)
    again = extract_pages(ws, workers=1)
    assert (again.seen, again.extracted, again.unchanged) == (4, 0, 4)
    with PageStore(ws.pages_db) as store:
        store.put(url_of(2), page_html(ARTICLES[2][0], ARTICLES[2][1], ARTICLES[2][2] + "会议要求抓好项目落地。"),
                  source="demo-news")
    changed = extract_pages(ws, workers=1)
    assert (changed.extracted, changed.unchanged) == (1, 3)
    assert "抓好项目落地" in ExtractedStore(ws.extracted_dir).get(doc_id(url_of(2))).text
    forced = extract_pages(ws, workers=1, force=True)
    assert forced.extracted == 4
    assert len(ExtractedStore(ws.extracted_dir)) == 4


def test_the_records_are_written_in_batches(ws, monkeypatch):
    sizes = []
    original = ExtractedStore.write

    def counting(self, records):
        records = list(records)
        sizes.append(len(records))
        return original(self, records)
    monkeypatch.setattr(ExtractedStore, "write", counting)
    ws.settings.extract.batch_size = 3
    extract_pages(ws, workers=1)
    assert sizes == [3, 1]


def test_extract_page_reports_a_failure_instead_of_raising():
    from policyminer.records import Page
    url = "http://news.example.cn/a/empty.html"
    data = Page(url=url, fetched="2025-04-23T08:00:00Z", html="", source="demo-news").to_dict()
    result = extract_page((data, None), None)
    assert set(result) == {"error", "url"} and result["url"] == url


def test_sources_or_empty_when_sources_yaml_is_broken(ws):
    assert sources_or_empty(ws)                                # the workspace's own sources
    ws.sources_file.write_text("sources: [\n  - id: 北碚\n", encoding="utf-8")
    assert sources_or_empty(ws) == []


@pytest.mark.parametrize("old, new", [
    ("<p>总投资2.8亿元</p>", "<p>总投资2.9亿元</p>"),
    ("<p>北碚区</p>", "<p>北碚区。</p>"),
], ids=["figure", "punctuation"])
def test_content_hash_changes_with_the_html(old, new):
    assert content_hash(old) != content_hash(new) and len(content_hash(old)) == 16
    assert content_hash(old) == content_hash(str(old))


def test_part_files_hold_one_line_per_document_after_pages_changed(ws):
    from crawler.store import PageStore
    extract_pages(ws, workers=1)
    with PageStore(ws.pages_db) as store:          # every page edited: each record is appended anew
        for n, (title, day, body) in enumerate(ARTICLES):
            store.put(url_of(n), page_html(title, day, body + "（更新）"), source="demo-news", region="重庆市")
    assert extract_pages(ws, workers=1).extracted == len(ARTICLES)
    lines = [line for path in ExtractedStore(ws.extracted_dir).files()
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(ARTICLES)


def test_indexing_rebuilds_an_index_built_by_other_rules(ws):
    import sqlite3

    from policyminer.run import index_records, open_workspace_index
    extract_pages(ws, workers=1)
    assert index_records(ws) == len(ARTICLES)
    with sqlite3.connect(ws.store_dir / "index.db") as conn:    # as if an older policyminer had built it
        conn.execute("UPDATE meta SET value = 'older-rules' WHERE key = 'keys'")
    with open_workspace_index(ws) as index:
        assert "older-rules" in index.stale()
    assert index_records(ws) == len(ARTICLES)
    with open_workspace_index(ws) as index:
        assert index.stale() is None and index.search("签约").total == 2

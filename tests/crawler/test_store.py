"""The raw-page store: idempotent puts, conditional-GET validators, aliases, near-duplicates."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from crawler.neardup import simhash
from crawler.store import PageStore
from policyminer.records import Page

URL = "https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html"
OTHER = "https://www.cqcb.com/county/beibei/beibeixinwen/2025-04-25/5906789_pc.html"
STORY = ("4月25日上午，北碚区2025年二季度招商引资项目集中签约活动在蔡家智慧新城举行，"
         "24个项目现场签约，协议总投资186.5亿元，涵盖智能网联新能源汽车、生物医药、"
         "数字经济等领域。区委主要负责人表示，将持续优化营商环境，推动项目早落地、早投产。")


def html(body: str, charset: str = "utf-8") -> bytes:
    return (f'<html><head><meta charset="{charset}"><title>t</title></head>'
            f"<body><p>{body}</p></body></html>").encode("gb18030" if charset == "gbk" else charset)


@pytest.fixture
def store(tmp_path):
    with PageStore(tmp_path / "store" / "pages.db") as s:
        yield s


def test_nothing_is_opened_until_first_use(tmp_path):
    store = PageStore(tmp_path / "deep" / "pages.db")
    assert not (tmp_path / "deep").exists()
    assert store.count() == 0 and (tmp_path / "deep" / "pages.db").exists()


def test_put_is_new_then_unchanged_then_changed(store):
    assert store.put(URL, html(STORY), source="cqbb-news") == "new"
    assert store.put(URL, html(STORY), source="cqbb-news") == "unchanged"
    assert store.put(URL, html(STORY + "（更新）"), source="cqbb-news") == "changed"
    assert store.count() == 1


def test_url_is_canonical(store):
    store.put(URL, html(STORY), source="cqbb-news")
    variant = URL.replace("https://www.cqbb.gov.cn", "HTTPS://WWW.CQBB.GOV.CN:443") + "#top"
    assert store.put(variant, html(STORY), source="cqbb-news") == "unchanged"
    assert store.known(variant) and store.count() == 1


def test_get_returns_a_page_record_with_decoded_html(store):
    store.put(URL, html(STORY, "gbk"), source="cqbb-news", encoding="gb18030", doc_type="news",
              region="重庆市北碚区", etag='"abc"', last_modified="Fri, 25 Apr 2025 08:00:00 GMT",
              fetched="2025-04-25T08:00:00+00:00")
    page = store.get(URL)
    assert isinstance(page, Page)
    assert STORY in page.html and page.encoding == "gb18030" and page.region == "重庆市北碚区"
    assert page.fetched == "2025-04-25T08:00:00+00:00" and page.id == Page(URL, "", "", "").id
    assert store.get(URL + "?x=1") is None


def test_validators_for_a_conditional_get(store):
    assert store.validators(URL) == (None, None)
    store.put(URL, html(STORY), source="s", etag='"v1"', last_modified="Fri, 25 Apr 2025 08:00:00 GMT")
    assert store.validators(URL) == ('"v1"', "Fri, 25 Apr 2025 08:00:00 GMT")
    assert store.touch(URL, etag='"v2"') == "unchanged"
    assert store.validators(URL)[0] == '"v2"'
    assert store.touch(OTHER) is None


def test_redirect_sources_are_known_as_aliases(store):
    old = URL.replace("t20250425_14534123", "t20250320_14400001")
    store.put(URL, html(STORY), source="s", etag='"v1"', aliases=[old])
    assert store.known(old) and store.resolve(old) == URL
    assert store.validators(old) == ('"v1"', None)
    assert store.get(old).url == URL and store.count() == 1


def test_iter_pages_filters_by_source_and_change_time(store):
    store.put(URL, html(STORY), source="cqbb-news", fetched="2025-04-25T08:00:00+00:00")
    store.put(OTHER, html("另一篇" + STORY[::-1]), source="cqcb-county", fetched="2025-04-26T08:00:00+00:00")
    assert [p.url for p in store.iter_pages(source="cqcb-county")] == [OTHER]
    assert [p.url for p in store.iter_pages(since="2025-04-26")] == [OTHER]
    # An unchanged refetch does not make a page "changed since".
    store.put(URL, html(STORY), source="cqbb-news", fetched="2025-04-27T08:00:00+00:00")
    assert [p.url for p in store.iter_pages(since="2025-04-26")] == [OTHER]


def test_near_duplicates_are_kept_once_with_all_their_urls(store):
    fingerprint = simhash(STORY)
    store.put(URL, html(STORY), source="cqbb-news", simhash=fingerprint)
    assert store.near_candidates(fingerprint, exclude=OTHER) == [(URL, 0)]
    assert store.near_candidates(fingerprint, exclude=URL) == []
    store.put(OTHER, html(STORY + "责任编辑：王某"), source="cqcb-county",
              simhash=fingerprint, near_dup_of=URL)
    assert store.count() == 2
    assert [(p.url, p.other_urls) for p in store.iter_pages()] == [(URL, [OTHER])]
    assert len(list(store.iter_pages(include_duplicates=True))) == 2
    assert store.info(OTHER)["near_dup_of"] == URL
    # The duplicate is never offered as an original.
    assert [u for u, _ in store.near_candidates(fingerprint)] == [URL]


def test_a_duplicate_of_a_duplicate_points_at_the_original(store):
    third = "https://www.163.com/dy/article/JU8P2M4K0514R9P4.html"
    store.put(URL, html(STORY), source="a", simhash=simhash(STORY))
    store.put(OTHER, html(STORY + "。"), source="b", near_dup_of=URL)
    store.put(third, html(STORY + "。。"), source="c", near_dup_of=OTHER)
    assert store.info(third)["near_dup_of"] == URL
    assert store.get(URL).other_urls == [OTHER, third]


def test_a_page_that_stops_repeating_another_is_unlisted(store):
    store.put(URL, html(STORY), source="a", simhash=simhash(STORY))
    store.put(OTHER, html(STORY + "。"), source="b", near_dup_of=URL)
    assert store.put(OTHER, html("全新内容"), source="b") == "changed"
    assert store.get(URL).other_urls == [] and store.info(OTHER)["near_dup_of"] is None


def test_attachment_text_survives_a_failed_refetch(store):
    ok = [{"url": "https://a.cn/f.pdf", "name": "附件1", "format": "pdf", "text": "正文"}]
    failed = [{"url": "https://a.cn/f.pdf", "name": "附件1", "format": "pdf", "error": "timeout"}]
    store.put(URL, html(STORY), source="s", attachments=ok)
    assert store.put(URL, html(STORY), source="s", attachments=failed) == "unchanged"
    assert store.get(URL).attachments == ok


def test_new_attachment_text_counts_as_a_change(store):
    store.put(URL, html(STORY), source="s", attachments=[])
    files = [{"url": "https://a.cn/f.docx", "name": "附件", "format": "docx", "text": "表格"}]
    assert store.put(URL, html(STORY), source="s", attachments=files) == "changed"


def test_crawl_completion_is_remembered_per_source(store):
    assert store.begin_crawl("cqbb-news") is False       # never crawled
    store.end_crawl("cqbb-news")
    assert store.begin_crawl("cqbb-news") is True         # the last crawl completed
    assert store.begin_crawl("cqbb-news") is False        # … but the one just begun did not


def test_failures_are_recorded_until_the_page_is_stored(store):
    store.record_failure(URL, source="s", reason="500")
    store.record_failure(URL, source="s", reason="timeout")
    assert store.failure(URL)["attempts"] == 2 and store.failure(URL)["reason"] == "timeout"
    assert [f["url"] for f in store.failures()] == [URL]
    store.put(URL, html(STORY), source="s")
    assert store.failure(URL) is None and store.failures() == []


def test_not_a_database_is_a_clear_error(tmp_path):
    from policyminer.errors import CrawlError

    path = tmp_path / "pages.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CrawlError, match="cannot open the page store"):
        PageStore(path).count()


def test_a_process_killed_midway_leaves_every_committed_page(tmp_path):
    """SIGKILL between transactions: what was committed is there, intact, and a rerun adds nothing."""
    path = tmp_path / "pages.db"
    script = textwrap.dedent(f"""
        import os, signal
        from crawler.store import PageStore
        store = PageStore({str(path)!r})
        for i in range(50):
            store.put(f"https://a.cn/{{i}}.html", b"<p>%d</p>" % i, source="s")
            if i == 29:
                os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    store = PageStore(path)
    assert store.count() == 30
    assert [store.put(f"https://a.cn/{i}.html", b"<p>%d</p>" % i, source="s") for i in range(50)].count("new") == 20
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _put_ten(path: str, worker: int) -> None:
    store = PageStore(path)
    for i in range(10):
        store.put(f"https://a.cn/{worker}/{i}.html", b"<p>%d</p>" % i, source="s")
    store.close()


@pytest.mark.parametrize("round_", range(4))
def test_processes_opening_a_new_store_at_once_all_get_in(tmp_path, round_):
    """Several crawler processes start on one new pages.db: none fails with 'database is locked'."""
    import multiprocessing

    path = str(tmp_path / "pages.db")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_put_ten, args=(path, w)) for w in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0] * 6
    assert PageStore(path).count() == 60

"""Whole crawls through Scrapy's real engine (in a child process) against the fixture-site server."""
from __future__ import annotations

import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from crawler.run import crawl_in_subprocess, start_crawl_subprocess
from crawler.sources import Source
from crawler.store import PageStore
from policyminer.errors import CrawlError

NEWS = "/www.cqbb.gov.cn/zwxx_237/bbyw"
SITE_PREFIXES = ("/www.cqbb.gov.cn/", "/www.cqspb.gov.cn/", "/epaper.cqrb.cn/", "/www.cqcb.com/",
                 "/www.163.com/", "/robots.txt")
FAILING = {"slow", "truncated"}      # documents the test settings give up on (timeout, data loss)


def expected_urls(server, manifest, *, source=None, since=None) -> set[str]:
    """Canonical URLs of the manifest's documents a crawl with the test settings must store."""
    return {server.base_url + d["path"] for d in manifest["documents"]
            if not FAILING & set(d["quirks"]) and (source is None or d["source"] == source)
            and (since is None or d["published"] >= since)}


def copy_store(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def pick(sources, *ids):
    return [s for s in sources if s.id in ids]


@pytest.fixture(scope="module")
def crawled(site_server, demo_sources, fast_settings, tmp_path_factory):
    """One crawl of every demo source into a fresh store: (report, store path, server hits)."""
    path = tmp_path_factory.mktemp("first") / "pages.db"
    site_server.reset()
    report = crawl_in_subprocess(demo_sources, path, settings=fast_settings, timeout=120)
    return report, path, Counter(site_server.hits)


# -- the first crawl ------------------------------------------------------------------------
def test_every_reachable_document_is_stored_once(crawled, site_server, manifest):
    report, path, _ = crawled
    urls = PageStore(path).urls()
    assert set(urls) == expected_urls(site_server, manifest)
    assert len(urls) == len(set(urls)) == report.total("new")


def test_pagination_follows_trs_lists_epaper_editions_and_the_json_api(crawled):
    _, _, hits = crawled
    for page in ("index.html", "index_1.html", "index_2.html"):
        assert hits[f"{NEWS}/{page}"] == 1
    assert hits["/epaper.cqrb.cn/html/2025-04/25/node_5.htm"] == 1
    assert hits["/www.cqspb.gov.cn/api/list?page=1"] == 1 and hits["/www.cqspb.gov.cn/api/list?page=2"] == 1


def test_gbk_pages_are_decoded_whatever_the_header_says(crawled, site_server, manifest):
    _, path, _ = crawled
    store = PageStore(path)
    for doc in (d for d in manifest["documents"] if "gbk" in d["quirks"]):
        page = store.get(site_server.base_url + doc["path"])
        assert page.encoding == "gb18030" and doc["title"] in page.html, doc["path"]


def test_policy_pages_keep_their_metadata_table_and_attachment_text(crawled, site_server):
    _, path, _ = crawled
    store = PageStore(path)
    pdf_page = store.get(site_server.base_url + "/www.cqbb.gov.cn/zwgk_239/zcwj/202504/t20250424_14533001.html")
    assert pdf_page.doc_type == "policy" and "北碚府发〔2025〕3号" in pdf_page.html
    [pdf] = pdf_page.attachments
    assert pdf["format"] == "pdf" and "一次性奖励20万元" in pdf["text"]
    office = store.get(site_server.base_url + "/www.cqbb.gov.cn/zwgk_239/zcwj/202502/t20250227_14380123.html")
    docx, wps = office.attachments
    assert docx["format"] == "docx" and "招商引资项目申报表" in docx["text"]
    assert wps["format"] == "wps" and "cannot be read" in wps["error"] and "text" not in wps
    xlsx_page = store.get(site_server.base_url + "/www.cqbb.gov.cn/zwgk_239/zcwj/202503/t20250318_14421002.html")
    assert "北碚国家大学科技园二期" in xlsx_page.attachments[0]["text"]


def test_failures_are_counted_with_their_reasons(crawled):
    report, _, hits = crawled
    assert report.source("cqbb-news").failed == {
        "404": 1, "500": 1, "timeout": 1, "truncated": 1, "redirect_loop": 1, "too_large": 1, "robots": 1}
    assert report.total("failed") == 7
    # 500 and timeouts are retried (RETRY_TIMES = 2); a 404 is not.
    assert hits[f"{NEWS}/202504/t20250416_14500002.html"] == 3
    assert hits[f"{NEWS}/202504/t20250418_14500001.html"] == 1


def test_a_page_that_fails_twice_with_503_is_stored_after_retries(crawled, site_server):
    _, path, hits = crawled
    assert hits[f"{NEWS}/202504/t20250415_14500003.html"] == 3
    assert PageStore(path).known(site_server.base_url + f"{NEWS}/202504/t20250415_14500003.html")


def test_robots_txt_is_obeyed_and_fetched_once_for_all_sources_of_the_host(crawled):
    _, _, hits = crawled
    assert hits["/robots.txt"] == 1
    assert hits["/www.cqbb.gov.cn/private/202504/t20250422_14500006.html"] == 0


def test_a_redirected_url_is_remembered_as_an_alias(crawled, site_server):
    _, path, _ = crawled
    store = PageStore(path)
    old = site_server.base_url + f"{NEWS}/202503/t20250320_14400001.html"
    assert store.resolve(old) == site_server.base_url + f"{NEWS}/202504/t20250425_14534123.html"


def test_the_crawl_never_leaves_the_sources(crawled):
    _, _, hits = crawled
    assert all(path.startswith(SITE_PREFIXES) for path in hits)
    assert not any(path.startswith("/www.cqbb.gov.cn/hdjl/") for path in hits)   # the trap


def test_a_syndicated_story_is_kept_once_with_both_urls(crawled, site_server):
    report, path, _ = crawled
    store = PageStore(path)
    cqcb = site_server.base_url + "/www.cqcb.com/county/shapingba/shapingbaxinwen/2025-04-25/5906789_pc.html"
    netease = site_server.base_url + "/www.163.com/dy/article/JU8P2M4K0514R9P4.html"
    kept = {p.url: p for p in store.iter_pages()}
    assert (cqcb in kept) != (netease in kept)
    original, copy = (cqcb, netease) if cqcb in kept else (netease, cqcb)
    assert kept[original].other_urls == [copy] and store.info(copy)["near_dup_of"] == original
    assert report.total("duplicates") == 1
    # Two write-ups of the same event are different documents.
    assert site_server.base_url + f"{NEWS}/202504/t20250423_14531876.html" in kept
    assert site_server.base_url + "/www.cqcb.com/county/beibei/beibeixinwen/2025-04-23/5901234_pc.html" in kept


# -- incremental crawls ---------------------------------------------------------------------
def test_a_rerun_finds_nothing_new_and_gets_304s(crawled, site_server, fast_settings, tmp_path, demo_sources):
    _, path, _ = crawled
    store_path = copy_store(path, tmp_path / "pages.db")
    before = PageStore(store_path).count()
    site_server.reset()
    report = crawl_in_subprocess(demo_sources, store_path, settings=fast_settings, timeout=120)
    assert (report.total("new"), report.total("changed")) == (0, 0)
    assert report.total("unchanged") == report.total("fetched") == report.total("not_modified") > 0
    assert PageStore(store_path).count() == before
    # Pagination stopped at first pages that held nothing new.
    assert site_server.hits[f"{NEWS}/index_1.html"] == 0
    assert site_server.hits["/www.cqspb.gov.cn/api/list?page=2"] == 0
    assert all(n == 1 for p, n in site_server.hits.items() if "/t2025" in p and "bbyw/202504/t20250416" not in p)


def test_since_skips_older_list_items_and_stops_paginating(site_server, demo_sources, manifest,
                                                          fast_settings, tmp_path):
    path = tmp_path / "pages.db"
    site_server.reset()
    sources = pick(demo_sources, "cqbb-news", "cqspb-news")
    crawl_in_subprocess(sources, path, since="2025-04-20", settings=fast_settings, timeout=60)
    wanted = (expected_urls(site_server, manifest, source="cqbb-news", since="2025-04-20")
              | expected_urls(site_server, manifest, source="cqspb-news", since="2025-04-20"))
    assert set(PageStore(path).urls()) == wanted and len(wanted) == 6
    assert site_server.hits[f"{NEWS}/index_2.html"] == 0
    assert site_server.hits["/www.cqspb.gov.cn/api/list?page=3"] == 0


def test_a_crawler_trap_is_capped_by_max_pages(site_server, fast_settings, tmp_path):
    base = site_server.base_url
    trap = Source.from_dict({
        "id": "cqbb-calendar", "name": "活动日历", "kind": "portal", "allowed_domains": ["127.0.0.1"],
        "start_urls": [f"{base}/www.cqbb.gov.cn/hdjl/rl/index.html?page=1"],
        "scope": [f"{base}/www.cqbb.gov.cn/"],
        # Every calendar page links a new month view and a new next page: endless.
        "list": {"links": "div.page a[href*='view=month']::attr(href)",
                 "next_page": "div.page a.next::attr(href)"},
        "limits": {"max_pages": 8}})
    site_server.reset()
    report = crawl_in_subprocess([trap], tmp_path / "pages.db", settings=fast_settings, timeout=60)
    calendar = sum(n for p, n in site_server.hits.items() if p.startswith("/www.cqbb.gov.cn/hdjl/rl/"))
    assert calendar == 8 and report.source("cqbb-calendar").capped > 0


def test_a_crawl_killed_midway_resumes_without_loss_or_duplicates(site_server, demo_sources, manifest,
                                                                  fast_settings, tmp_path):
    path = tmp_path / "pages.db"
    sources = pick(demo_sources, "cqbb-news", "cqbb-policy", "cqspb-news")
    slow = dict(fast_settings, DOWNLOAD_DELAY=0.3, CONCURRENT_REQUESTS_PER_DOMAIN=1)
    site_server.reset()
    child = start_crawl_subprocess(sources, path, settings=slow, progress=False)
    store, deadline = PageStore(path), time.monotonic() + 60
    while store.count() < 4 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.1)
    child.kill()                                   # SIGKILL: no chance to clean up
    with pytest.raises(CrawlError, match="without a report"):
        child.wait(timeout=30)
    stored_before = store.count()
    wanted = set().union(*(expected_urls(site_server, manifest, source=s.id) for s in sources))
    assert 4 <= stored_before < len(wanted)

    site_server.reset()
    report = crawl_in_subprocess(sources, path, settings=fast_settings, timeout=120)
    assert set(store.urls()) == wanted
    assert report.total("new") == len(wanted) - stored_before
    assert site_server.hits[f"{NEWS}/index_2.html"] == 1      # the unfinished crawl is finished
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_jobdir_left_by_a_killed_crawl_is_discarded(site_server, demo_sources, fast_settings, tmp_path):
    jobdir = tmp_path / "jobs"
    stale = jobdir / "cqbb-policy"
    (stale / "requests.queue").mkdir(parents=True)
    (stale / "requests.queue" / "p0").write_bytes(b"half-written")
    (stale / "policyminer-running").write_text("12345")
    report = crawl_in_subprocess(pick(demo_sources, "cqbb-policy"), tmp_path / "pages.db", jobdir=jobdir,
                                 settings=fast_settings, timeout=60)
    assert report.total("new") == 4
    assert not (stale / "requests.queue" / "p0").exists() and not (stale / "policyminer-running").exists()


@pytest.mark.parametrize("kwargs, problem", [
    ({"since": "25/04/2025"}, "YYYY-MM-DD"),
    ({"max_pages": 0}, "at least 1"),
    ({"settings": {"X": object()}}, "JSON values"),
], ids=["bad-since", "bad-max-pages", "unserialisable-settings"])
def test_bad_arguments_fail_before_starting(demo_sources, tmp_path, kwargs, problem):
    with pytest.raises(CrawlError, match=problem):
        crawl_in_subprocess(demo_sources[:1], tmp_path / "pages.db", **kwargs)


def test_an_error_in_the_child_comes_back_as_a_crawl_error(demo_sources, tmp_path):
    (tmp_path / "pages.db").mkdir()
    with pytest.raises(CrawlError, match="cannot open the page store"):
        crawl_in_subprocess(demo_sources[:1], tmp_path / "pages.db", timeout=60)


def test_a_crawl_stopped_with_ctrl_c_resumes_from_its_job_directory(site_server, demo_sources, manifest,
                                                                   fast_settings, tmp_path):
    path, jobdir = tmp_path / "pages.db", tmp_path / "jobs"
    sources = pick(demo_sources, "cqbb-news", "cqbb-policy")
    slow = dict(fast_settings, DOWNLOAD_DELAY=0.3, CONCURRENT_REQUESTS_PER_DOMAIN=1)
    child = start_crawl_subprocess(sources, path, jobdir=jobdir, settings=slow, progress=False)
    store, deadline = PageStore(path), time.monotonic() + 60
    while store.count() < 3 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.1)
    child.kill(signal.SIGINT)                      # graceful: the queue is saved in the job directory
    stopped = child.wait(timeout=60)
    assert "shutdown" in {s.finish_reason for s in stopped.sources}
    assert any((jobdir / s.id / "requests.queue").is_dir() for s in sources)

    site_server.reset()
    resumed = crawl_in_subprocess(sources, path, jobdir=jobdir, settings=fast_settings, timeout=120)
    assert {s.finish_reason for s in resumed.sources} == {"finished"}
    wanted = set().union(*(expected_urls(site_server, manifest, source=s.id) for s in sources))
    assert set(store.urls()) == wanted
    plain = [d["path"] for d in manifest["documents"] if d["source"] in {s.id for s in sources} and not d["quirks"]]
    twice = {p for p in plain if site_server.hits[p] > 1}
    assert twice <= {f"{NEWS}/202504/t20250425_14534123.html"}   # (also the target of a redirect)


def test_a_sources_own_limits_win_over_workspace_settings(demo_sources, tmp_path):
    from crawler.run import build_settings, spider_class

    policy = pick(demo_sources, "cqbb-policy")[0]           # limits: {max_depth: 3}
    settings = build_settings(tmp_path / "pages.db", {"DEPTH_LIMIT": 6, "DOWNLOAD_TIMEOUT": 7})
    spider_class(policy, jobdir=tmp_path / "jobs").update_settings(settings)
    assert settings.getint("DEPTH_LIMIT") == 3 and settings.getint("DOWNLOAD_TIMEOUT") == 7
    assert settings["JOBDIR"] == str(tmp_path / "jobs" / "cqbb-policy")
    assert settings["POLICYMINER_STORE"] == str(tmp_path / "pages.db")


def test_a_sitemap_feeds_pages_and_files_linked_directly(fast_settings, tmp_path):
    """A policy library known only by its sitemap, which also lists a PDF without a page."""
    from policyminer.demo import SITES_DIR
    from policyminer.demo.server import SiteServer

    site = tmp_path / "sites" / "www.cq.gov.cn"
    (site / "zwgk").mkdir(parents=True)
    (tmp_path / "sites" / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    pdf = SITES_DIR / "www.cqbb.gov.cn" / "zwgk_239" / "zcwj" / "202504" / "P020250424385712904563.pdf"
    (site / "zwgk" / "P0202504.pdf").write_bytes(pdf.read_bytes())
    for name, title in (("t20250401_1", "重庆市人民政府关于印发重庆市推动科技成果转化若干措施的通知"),
                        ("t20250310_2", "重庆市人民政府办公厅关于做好2025年春耕生产工作的通知")):
        (site / "zwgk" / f"{name}.html").write_text(
            f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><h1>{title}</h1><p>{title * 3}</p></body></html>", encoding="utf-8")
    with SiteServer(root=tmp_path / "sites") as server:
        base = server.base_url + "/www.cq.gov.cn"
        (site / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/zwgk/t20250401_1.html</loc><lastmod>2025-04-01</lastmod></url>"
            f"<url><loc>{base}/zwgk/t20250310_2.html</loc><lastmod>2025-03-10</lastmod></url>"
            f"<url><loc>{base}/zwgk/P0202504.pdf</loc><lastmod>2025-04-24</lastmod></url>"
            "</urlset>", encoding="utf-8")
        source = Source.from_dict({"id": "cq-policy", "kind": "policy_library", "doc_type": "policy",
                                   "allowed_domains": ["127.0.0.1"], "scope": [base + "/"],
                                   "feeds": [base + "/sitemap.xml"]})
        report = crawl_in_subprocess([source], tmp_path / "pages.db", since="2025-04-01",
                                     settings=fast_settings, timeout=60)
    store = PageStore(tmp_path / "pages.db")
    assert sorted(u.rsplit("/", 1)[1] for u in store.urls()) == ["P0202504.pdf", "t20250401_1.html"]
    [pdf_record] = store.get(base + "/zwgk/P0202504.pdf").attachments
    assert "北碚区支持科技创新若干政策措施" in pdf_record["text"]
    assert report.total("new") == 2 and report.total("failed") == 0


@pytest.mark.parametrize("loop, first_hops", [
    ("202503/t20250328_14400002.html", ("202503/t20250328_14400002.html", "202503/t20250328_14400003.html")),
    ("202503/t20250329_14400005.html", ("202503/t20250329_14400005.html",)),
], ids=["a-to-b-to-a", "itself-with-new-query"])
def test_a_redirect_loop_stops_early_with_one_failure_naming_the_url(fast_settings, tmp_path, loop, first_hops):
    from policyminer.demo.server import SiteServer

    news = tmp_path / "sites" / NEWS.lstrip("/")
    (news / "202504").mkdir(parents=True)
    (tmp_path / "sites" / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    title = "北碚区召开重点项目推进会"
    (news / "202504" / "t20250401_1.html").write_text(
        f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><h1>{title}</h1><p>{title * 4}</p></body></html>", encoding="utf-8")
    (news / "index.html").write_text(
        '<html><head><meta charset="utf-8"></head><body><ul class="list">'
        f'<li><a href="{loop}">循环跳转</a></li><li><a href="202504/t20250401_1.html">{title}</a></li>'
        "</ul></body></html>", encoding="utf-8")
    with SiteServer(root=tmp_path / "sites") as server:
        base = server.base_url + NEWS
        source = Source.from_dict({"id": "cqbb-loops", "kind": "portal", "allowed_domains": ["127.0.0.1"],
                                   "start_urls": [f"{base}/index.html"], "scope": [f"{base}/"],
                                   "list": {"links": "ul.list li a::attr(href)"}})
        report = crawl_in_subprocess([source], tmp_path / "pages.db", timeout=60,
                                     settings=dict(fast_settings, REDIRECT_MAX_TIMES=10))
        hits = Counter(server.hits)
    assert report.failures == [{"url": f"{base}/{loop}", "reason": "redirect_loop", "source": "cqbb-loops"}]
    assert report.total("new") == 1                     # the crawl went on with the other page
    loop_hits = sum(n for path, n in hits.items() if path.startswith(tuple(f"{NEWS}/{h}" for h in first_hops)))
    assert loop_hits <= 3                               # stopped long before REDIRECT_MAX_TIMES
    assert PageStore(tmp_path / "pages.db").failure(f"{base}/{loop}")["reason"] == "redirect_loop"

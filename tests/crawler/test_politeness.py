"""crawler.politeness: every source of a crawl shares one download slot (and one robots.txt) per host."""
from __future__ import annotations

import pytest

from crawler.run import crawl_in_subprocess
from crawler.sources import Source, load_sources
from policyminer.demo import SOURCES_FILE
from policyminer.demo.server import SiteServer

SHARED_HOST = ("cqbb-policy", "cqspb-news", "cqrb-epaper")     # three sources, all on 127.0.0.1
DELAY = 0.3
PRIVATE = "/www.cqbb.gov.cn/private/202504/t20250422_14500006.html"     # disallowed by robots.txt


@pytest.fixture(scope="module")
def polite_crawl(fast_settings, tmp_path_factory):
    """Three sources of one host crawled at once, one request at a time, DELAY apart."""
    settings = dict(fast_settings, CONCURRENT_REQUESTS_PER_DOMAIN=1, DOWNLOAD_DELAY=DELAY,
                    DOWNLOAD_DELAY_JITTER=0, DOWNLOAD_TIMEOUT=10)
    with SiteServer(page_delay=0.05) as server:
        sources = [s for s in load_sources(SOURCES_FILE, base=server.base_url) if s.id in SHARED_HOST]
        sources.append(Source.from_dict({        # last: it waits for the robots.txt another one fetches
            "id": "cqbb-private", "kind": "portal", "allowed_domains": ["127.0.0.1"],
            "start_urls": [server.base_url + PRIVATE], "scope": [server.base_url + "/www.cqbb.gov.cn/"]}))
        report = crawl_in_subprocess(sources, tmp_path_factory.mktemp("polite") / "pages.db",
                                     settings=settings, progress=False, timeout=180)
        yield report, server


def test_all_sources_are_crawled(polite_crawl):
    report, _ = polite_crawl
    assert {s.source for s in report.sources} == {*SHARED_HOST, "cqbb-private"}
    assert all(report.source(sid).new > 0 for sid in SHARED_HOST)
    assert {s.finish_reason for s in report.sources} == {"finished"}


def test_the_host_never_has_more_requests_in_flight_than_its_limit(polite_crawl):
    _, server = polite_crawl
    assert len(server.log) > 20
    assert server.peak_in_flight == 1          # three crawlers, yet one request at a time


def test_requests_to_the_host_keep_the_delay_whatever_their_source(polite_crawl):
    _, server = polite_crawl
    starts = sorted(started for _, started, _ in server.log)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= DELAY * 0.7            # generous: the slot's clock is not the server's


def test_robots_txt_is_fetched_once_per_host_for_all_sources(polite_crawl):
    _, server = polite_crawl
    assert server.hits["/robots.txt"] == 1


def test_a_source_waiting_for_another_sources_robots_txt_obeys_it(polite_crawl):
    report, server = polite_crawl
    assert server.hits[PRIVATE] == 0
    assert report.source("cqbb-private").failed == {"robots": 1}


def test_without_a_delay_the_host_concurrency_still_holds(fast_settings, tmp_path):
    """Scrapy's own slot loop, with no delay, would send a whole queue at once under asyncio."""
    settings = dict(fast_settings, CONCURRENT_REQUESTS_PER_DOMAIN=2, CONCURRENT_REQUESTS=16, DOWNLOAD_TIMEOUT=10)
    with SiteServer(page_delay=0.1) as server:
        sources = [s for s in load_sources(SOURCES_FILE, base=server.base_url) if s.id in SHARED_HOST]
        report = crawl_in_subprocess(sources, tmp_path / "pages.db", settings=settings, progress=False,
                                     timeout=180)
    assert report.total("new") > 10 and report.total("failed") == 0
    assert server.peak_in_flight == 2

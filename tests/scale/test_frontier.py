"""crawler.distributed: crawlers sharing one Redis frontier split the work and survive a killed peer.

The first tests drive the scheduler's frontier operations directly against
the session's Redis; the others run real crawler processes (Scrapy's engine,
``crawler.run.start_crawl_subprocess``) against the generated site.
"""
from __future__ import annotations

import signal
import time

import pytest
import redis
import scrapy

from crawler.distributed import (LEASE as LEASE_KEY, FrontierKeys, FrontierScheduler, check_frontier,
                                 frontier_settings,
                                 frontier_status, merge_stores, parse_frontier_url)
from crawler.run import start_crawl_subprocess
from crawler.store import PageStore
from policyminer.errors import CrawlError
from scale_sites import article_path, free_port

pytestmark = pytest.mark.integration


class ListSpider(scrapy.Spider):
    """A stand-in for ListingSpider: a name, callbacks, a page cap, a run id."""

    name = "scale-unit"
    budget = 3
    run_id = "run-1"

    def parse(self, response):
        """Unused."""


def scheduler(url: str) -> FrontierScheduler:
    redis_url, crawl, lease = parse_frontier_url(url)
    return FrontierScheduler(redis.Redis.from_url(redis_url), crawl=crawl, lease_timeout=lease)


def request(path: str, **meta) -> scrapy.Request:
    spider = ListSpider()
    return scrapy.Request(f"http://127.0.0.1:9/{path}", callback=spider.parse, dont_filter=True, meta=meta)


# -- frontier operations --------------------------------------------------------------
def test_a_popped_request_is_leased_until_released(frontier):
    worker = scheduler(frontier)
    assert worker.join(ListSpider()) is True
    assert worker.enqueue_request(request("a.html"))
    popped = worker.next_request()
    assert popped.url.endswith("/a.html") and popped.meta[LEASE_KEY]
    assert popped.meta["pm_run"] == "run-1"           # it belongs to this worker's run now
    assert worker.pending() == 1                       # leased, not finished
    worker.release(popped.meta[LEASE_KEY])
    assert worker.pending() == 0
    assert worker.leave() is True                      # the last one out deletes the frontier
    assert frontier_status(frontier, ListSpider.name) == {"queued": 0, "leased": 0, "seen": 0, "workers": 0}


def test_the_leases_of_a_dead_worker_go_back_to_the_queue(frontier):
    alive, doomed = scheduler(frontier), scheduler(frontier)
    alive.join(ListSpider())
    doomed.join(ListSpider())
    doomed.enqueue_request(request("a.html"))
    assert doomed.next_request() is not None
    assert alive.reclaim() == 0                         # its owner still beats
    keys = FrontierKeys(parse_frontier_url(frontier)[1], ListSpider.name)
    alive.server.zadd(keys.workers, {doomed.worker: 0})  # silent since 1970: dead
    assert alive.reclaim() == 1
    again = alive.next_request()
    assert again.url.endswith("/a.html")
    alive.release(again.meta[LEASE_KEY])
    assert alive.pending() == 0


def test_a_retry_replaces_its_parent_lease_and_passes_the_dedupe(frontier):
    worker = scheduler(frontier)
    worker.join(ListSpider())
    worker.enqueue_request(request("a.html"))
    parent = worker.next_request()
    retry = parent.replace(meta={**parent.meta, "retry_times": 1})
    assert worker.enqueue_request(retry)                # same URL, yet accepted: it carries the lease
    assert worker.pending() == 1                        # the retry queued, the parent's lease gone
    child = worker.next_request()
    assert child.meta["retry_times"] == 1 and child.meta[LEASE_KEY] != parent.meta[LEASE_KEY]
    worker.release(child.meta[LEASE_KEY])
    assert worker.leave() is True


def test_new_requests_are_deduplicated_and_capped_across_workers(frontier):
    one, two = scheduler(frontier), scheduler(frontier)
    one.join(ListSpider())
    two.join(ListSpider())
    assert one.enqueue_request(request("a.html"))
    assert not two.enqueue_request(request("a.html"))     # dont_filter does not exempt it
    assert two.enqueue_request(request("b.html"))
    assert one.enqueue_request(request("c.html"))
    assert not one.enqueue_request(request("d.html"))     # over the cap of 3 for the source
    assert frontier_status(frontier, ListSpider.name)["queued"] == 3


def test_a_frontier_nobody_finished_is_resumed_and_a_finished_one_starts_afresh(frontier):
    first = scheduler(frontier)
    first.join(ListSpider())
    first.enqueue_request(request("a.html"))
    first.next_request()
    keys = FrontierKeys(parse_frontier_url(frontier)[1], ListSpider.name)
    first.server.zadd(keys.workers, {first.worker: 0})    # killed with a lease in hand
    second = scheduler(frontier)
    assert second.join(ListSpider()) is False              # resumes: the seen set is kept …
    assert not second.enqueue_request(request("a.html"))
    second.reclaim()
    resumed = second.next_request()                        # … and the dead lease comes back
    assert resumed.url.endswith("/a.html")
    second.release(resumed.meta[LEASE_KEY])
    assert second.leave() is True
    third = scheduler(frontier)
    assert third.join(ListSpider()) is True                # next week's crawl starts afresh
    assert third.enqueue_request(request("a.html"))


@pytest.mark.parametrize("url, message", [
    ("http://127.0.0.1:6379/0", "expected a Redis URL"),
    ("redis://127.0.0.1:6379/0?crawl=a:b", "without ':'"),
    ("redis://127.0.0.1:6379/0?lease=0", "lease must be"),
    ("redis://127.0.0.1:6379/0?lease=soon", "lease must be"),
    ("redis://127.0.0.1:6379/0?speed=9", "unknown parameter speed"),
    ("redis://:s3cret@127.0.0.1:6379/0?lease=inf", r"redis://:\*\*\*@127.0.0.1:6379/0\?lease=inf.*lease must be"),
], ids=["not-redis", "colon-in-name", "zero-lease", "word-lease", "unknown-key", "password-hidden"])
def test_bad_frontier_urls_are_refused(url, message):
    with pytest.raises(CrawlError, match=message):
        frontier_settings(url)


def test_frontier_settings_name_the_scheduler_and_the_crawl():
    settings = frontier_settings("redis://10.0.0.2:6379/1?crawl=weekly&lease=45")
    assert settings["SCHEDULER"] == "crawler.distributed.FrontierScheduler"
    assert settings["REDIS_URL"] == "redis://10.0.0.2:6379/1"
    assert (settings["POLICYMINER_FRONTIER_CRAWL"], settings["POLICYMINER_FRONTIER_LEASE"]) == ("weekly", 45.0)


# -- real crawler processes -------------------------------------------------------------
def start_workers(sources, stores, frontier, fast_settings, agents=("worker-a", "worker-b")):
    settings = {**fast_settings, **frontier_settings(frontier), "DOWNLOAD_TIMEOUT": 30}  # the gate waits
    return [start_crawl_subprocess([sources["scale-news"]], store, progress=False,
                                   settings={**settings, "USER_AGENT": agent})
            for store, agent in zip(stores, agents)]


def article_hits(site, agent=None) -> list[int]:
    return [site.fetched(article_path(i), agent) for i in range(site.articles)]


@pytest.fixture
def gated(site):
    """Articles wait until both crawlers have shown up, so that both get work."""
    site.hits.clear()
    site.gate = {"worker-a", "worker-b"}
    yield site
    site.gate = set()


def test_two_machines_split_one_crawl_and_merge_their_stores(gated, sources, frontier, fast_settings,
                                                              tmp_path):
    site = gated
    stores = [tmp_path / "a" / "pages.db", tmp_path / "b" / "pages.db"]    # one store per machine
    reports = [w.wait(120) for w in start_workers(sources, stores, frontier, fast_settings)]
    assert all(hits == 1 for hits in article_hits(site))     # every article fetched exactly once
    assert sum(article_hits(site, "worker-a")) > 0 and sum(article_hits(site, "worker-b")) > 0
    assert sum(r.total("new") for r in reports) == site.articles
    assert frontier_status(frontier, "scale-news")["queued"] == 0
    counts = merge_stores(stores, tmp_path / "merged.db")
    assert counts["new"] == site.articles and counts["duplicates"] == 0
    with PageStore(tmp_path / "merged.db") as merged:
        assert sorted(merged.urls()) == sorted(site.article_urls())
    again = merge_stores(stores, tmp_path / "merged.db")       # merging is idempotent
    assert again["new"] == 0 and again["unchanged"] == site.articles


def test_a_killed_crawler_loses_no_page_and_duplicates_none(gated, sources, frontier, fast_settings,
                                                            tmp_path):
    site, store = gated, tmp_path / "pages.db"                 # one machine: one shared WAL store
    survivor, victim = start_workers(sources, [store, store], frontier, fast_settings)
    deadline = time.monotonic() + 60
    while sum(article_hits(site, "worker-b")) < 6 and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.kill(signal.SIGKILL)                                # mid-crawl, requests in flight
    victim.popen.wait()
    victim._cleanup()
    fetched_by_victim = sum(article_hits(site, "worker-b"))
    assert 6 <= fetched_by_victim < site.articles
    report = survivor.wait(120)
    assert report.sources[0].finish_reason == "finished"
    with PageStore(store) as pages:
        assert sorted(pages.urls()) == sorted(site.article_urls())     # nothing lost …
        assert pages.count() == site.articles                          # … nothing twice
        assert all(pages.info(url)["near_dup_of"] is None for url in pages.urls())
    assert max(article_hits(site)) <= 2          # a page is fetched again only if the victim held it
    assert frontier_status(frontier, "scale-news") == {"queued": 0, "leased": 0, "seen": 0, "workers": 0}


def test_a_frontier_that_redis_does_not_answer_stops_the_crawl_before_it_starts(tmp_path):
    from click.testing import CliRunner

    from policyminer.cli import cli

    url = f"redis://127.0.0.1:{free_port()}/0?crawl=weekly"
    with pytest.raises(CrawlError, match="Redis does not answer"):
        check_frontier(url)
    result = CliRunner().invoke(cli, ["crawl", "--home", str(tmp_path), "--frontier", url])
    assert result.exit_code == 1
    assert "Redis does not answer" in result.output


def test_cli_merges_other_machines_stores(tmp_path):
    from click.testing import CliRunner

    from policyminer.cli import cli
    from scale_sites import article_html

    stores = [tmp_path / "m1.db", tmp_path / "m2.db"]
    for k, path in enumerate(stores):
        with PageStore(path) as store:
            for i in range(k * 3, k * 3 + 4):            # page 3 was fetched by both machines
                store.put(f"http://news.example.cn{article_path(i)}", article_html(i).encode("utf-8"),
                          source="scale-news")
            store.record_failure("http://news.example.cn/gone.html", source="scale-news", reason="404",
                                 when=f"2025-04-2{k}T08:00:00+00:00")
    args = ["crawl", "--home", str(tmp_path / "ws"), "--merge", str(stores[0]), "--merge", str(stores[1])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "merge: new 7, changed 0, unchanged 1, duplicates 0, failures 2" in result.output
    again = CliRunner().invoke(cli, args)
    assert "merge: new 0, changed 0, unchanged 8, duplicates 0, failures 0" in again.output
    with PageStore(tmp_path / "ws" / "store" / "pages.db") as merged:
        assert merged.count() == 7
        assert merged.failure("http://news.example.cn/gone.html")["last"].startswith("2025-04-21")

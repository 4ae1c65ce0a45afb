"""crawler.hostgate: a site's delay and concurrency hold across crawler processes sharing a frontier.

The first tests drive the gate directly against the session's Redis; the
others run two real crawler processes on one frontier against a generated
site that records when each request arrived and how many it was answering
at once.
"""
from __future__ import annotations

import statistics
import time
import uuid

import pytest
import redis

from crawler.distributed import frontier_settings
from crawler.hostgate import HostGate
from crawler.run import start_crawl_subprocess
from scale_sites import FAST, NEWS, GeneratedSite, sources_yaml

pytestmark = pytest.mark.integration
AGENTS = ("worker-a", "worker-b")


def gate(redis_url: str, crawl: str, **kwargs) -> HostGate:
    return HostGate(redis.Redis.from_url(redis_url), crawl=crawl, **kwargs)


@pytest.fixture
def crawl_name() -> str:
    return f"g{uuid.uuid4().hex[:8]}"


# -- the gate itself ----------------------------------------------------------------------
def test_one_request_per_delay_for_a_host_others_wait_for_what_is_left(redis_url, crawl_name):
    one, two = gate(redis_url, crawl_name), gate(redis_url, crawl_name)
    ticket, wait = one.acquire("www.cqbb.gov.cn", delay=2.0, concurrency=0)
    assert ticket is not None and wait == 0
    refused, wait = two.acquire("www.cqbb.gov.cn", delay=2.0, concurrency=0)
    assert refused is None and 0 < wait <= 2.0
    other, _ = two.acquire("www.cqspb.gov.cn", delay=2.0, concurrency=0)     # hosts are separate
    assert other is not None


def test_concurrency_is_shared_and_freed_on_release(redis_url, crawl_name):
    one, two = gate(redis_url, crawl_name, poll=0.05), gate(redis_url, crawl_name, poll=0.05)
    first, _ = one.acquire("127.0.0.1", delay=0, concurrency=1)
    assert first is not None
    assert two.acquire("127.0.0.1", delay=0, concurrency=1) == (None, 0.05)
    robots, _ = two.acquire("127.0.0.1", delay=0, concurrency=1, counted=False)
    assert robots is not None                         # robots.txt does not wait for a place
    one.release(first)
    second, _ = two.acquire("127.0.0.1", delay=0, concurrency=1)
    assert second is not None


def test_a_refused_request_takes_no_delay_token(redis_url, crawl_name):
    one, two = gate(redis_url, crawl_name), gate(redis_url, crawl_name)
    held, _ = one.acquire("127.0.0.1", delay=0.001, concurrency=1)
    time.sleep(0.01)
    assert two.acquire("127.0.0.1", delay=5.0, concurrency=1)[0] is None   # no place
    one.release(held)
    assert two.acquire("127.0.0.1", delay=5.0, concurrency=1)[0] is not None  # no 5 s token left behind


def test_places_of_a_dead_process_expire_and_a_live_one_keeps_them(redis_url, crawl_name):
    alive, dead = gate(redis_url, crawl_name, hold=1.0), gate(redis_url, crawl_name, hold=1.0)
    other = gate(redis_url, crawl_name, hold=1.0)
    assert alive.acquire("a.example.cn", delay=0, concurrency=1)[0] is not None
    assert dead.acquire("b.example.cn", delay=0, concurrency=1)[0] is not None
    deadline = time.monotonic() + 1.6
    while time.monotonic() < deadline:                # the live one refreshes, the dead one cannot
        alive.refresh()
        time.sleep(0.2)
    assert other.acquire("a.example.cn", delay=0, concurrency=1)[0] is None
    assert other.acquire("b.example.cn", delay=0, concurrency=1)[0] is not None


def test_closing_frees_what_a_process_still_holds(redis_url, crawl_name):
    leaving, other = gate(redis_url, crawl_name), gate(redis_url, crawl_name)
    assert leaving.acquire("127.0.0.1", delay=0, concurrency=1)[0] is not None
    leaving.close()
    assert other.acquire("127.0.0.1", delay=0, concurrency=1)[0] is not None


def test_frontier_settings_turn_the_gate_on():
    assert frontier_settings("redis://127.0.0.1:6379/0")["POLICYMINER_HOST_GATE"] is True


# -- two crawler processes ------------------------------------------------------------------
class TimedSite(GeneratedSite):
    """The generated site, noting each request's arrival and the articles answered at once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrivals: list[tuple[float, str, str]] = []
        self.answering = self.peak = 0

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()
            self.arrivals.clear()
            self.answering = self.peak = 0

    def count(self, path: str, agent: str) -> None:
        super().count(path, agent)
        with self._lock:
            self.arrivals.append((time.monotonic(), path, agent))

    def sleep(self, seconds: float) -> None:      # an article is being answered
        with self._lock:
            self.answering += 1
            self.peak = max(self.peak, self.answering)
        try:
            super().sleep(seconds)
        finally:
            with self._lock:
                self.answering -= 1


@pytest.fixture(scope="module")
def timed_site():
    with TimedSite(articles=16, delay=0.1) as site:
        yield site


@pytest.fixture
def gated_site(timed_site):
    """Articles wait until both crawlers have shown up, so that both take part."""
    timed_site.reset()
    timed_site.gate = set(AGENTS)
    yield timed_site
    timed_site.gate = set()


def crawl_twice_at_once(site, frontier, tmp_path, **limits) -> list:
    from crawler.sources import load_sources

    (tmp_path / "sources.yaml").write_text(sources_yaml(site.base_url), encoding="utf-8")
    [news] = [s for s in load_sources(tmp_path / "sources.yaml", base=site.base_url) if s.id == "scale-news"]
    settings = {**FAST, **frontier_settings(frontier), "DOWNLOAD_TIMEOUT": 30, "DOWNLOAD_DELAY_JITTER": 0,
                **limits}
    workers = [start_crawl_subprocess([news], tmp_path / "pages.db", progress=False,
                                      settings={**settings, "USER_AGENT": agent}) for agent in AGENTS]
    return [w.wait(180) for w in workers]


def test_two_processes_keep_the_download_delay_of_the_host(gated_site, frontier, tmp_path):
    delay = 0.5
    reports = crawl_twice_at_once(gated_site, frontier, tmp_path, DOWNLOAD_DELAY=delay,
                                  CONCURRENT_REQUESTS_PER_DOMAIN=2)
    assert sum(r.total("new") for r in reports) == gated_site.articles
    articles = [(agent, path) for _, path, agent in gated_site.arrivals if path.startswith(NEWS + "/a/")]
    assert {agent for agent, _ in articles} == set(AGENTS)          # both crawled
    starts = sorted(t for t, _, _ in gated_site.arrivals)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert len(gaps) >= gated_site.articles
    # The gate spaces the grants; the server sees them shifted by each request's own lag
    # (a loaded machine once delayed a process' first request by a quarter second). So:
    # the typical gap is the delay, and no gap shrinks below a third of it. Two processes
    # each keeping only their own delay fail one of the two whatever their phase: their
    # merged arrivals alternate gaps p and delay - p, so either one of them is under a
    # third of the delay or both are under two thirds of it.
    arrived = [(round(t - starts[0], 3), path, agent) for t, path, agent in sorted(gated_site.arrivals)]
    assert statistics.median(gaps) >= delay * 0.9, arrived
    assert min(gaps) >= delay / 3, arrived


def test_two_processes_keep_the_concurrency_of_the_host(gated_site, frontier, tmp_path):
    reports = crawl_twice_at_once(gated_site, frontier, tmp_path, DOWNLOAD_DELAY=0,
                                  CONCURRENT_REQUESTS_PER_DOMAIN=1)
    assert sum(r.total("new") for r in reports) == gated_site.articles
    agents = {agent for _, path, agent in gated_site.arrivals if path.startswith(NEWS + "/a/")}
    assert agents == set(AGENTS)
    assert gated_site.peak == 1                  # never two articles answered at once

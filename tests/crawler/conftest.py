"""Fixtures for the crawler tests: the real fixture-site server on a free port, fast crawl settings.

Crawls run through the real Scrapy engine in a child process
(``crawl_in_subprocess``), against ``policyminer.demo.server.SiteServer``:
no mocks, no fixed ports, no internet.
"""
from __future__ import annotations

import json

import pytest

from crawler.sources import load_sources
from policyminer.demo import MANIFEST_FILE, SOURCES_FILE
from policyminer.demo.server import SiteServer

SLOW_DELAY = 2.5          # the slow page sleeps this long …
FAST = {                  # … and these settings give up before (timeout 1 s, one retry)
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 2,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_BACKOFF_MAX": 0.1,
    "REDIRECT_MAX_TIMES": 5,
}


@pytest.fixture(scope="session")
def site_server():
    """The fixture sites, served on 127.0.0.1 and a free port for the whole session."""
    with SiteServer(slow_delay=SLOW_DELAY) as server:
        yield server


@pytest.fixture(scope="session")
def demo_sources(site_server):
    """The demo sources (policyminer/demo/sources.yaml) pointed at the running server."""
    return load_sources(SOURCES_FILE, base=site_server.base_url)


@pytest.fixture(scope="session")
def manifest():
    """The fixture sites' manifest: documents and the links that must not yield one."""
    return json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fast_settings():
    """Scrapy settings that keep a test crawl within seconds (copy before changing)."""
    return dict(FAST)

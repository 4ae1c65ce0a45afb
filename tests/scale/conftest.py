"""Fixtures of the scale and reliability suite: a real Redis, a generated site, fast crawl settings,
a tiny filesystem, and a three-node OpenSearch cluster started in the background.

Everything runs on loopback and free ports, under temporary directories.
Outside CI a missing redis-server (Debian package ``redis-server``), Java or
Maven skips the tests that need it, with the reason; in CI (CI=true) they
fail instead, since a skipped reliability test would hide a regression.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
for path in (HERE, REPO):                  # scale_sites.py; benchmarks/ (not installed)
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from scale_sites import FAST, GeneratedSite, sources_yaml, start_redis  # noqa: E402

LEASE = 4          # seconds of silence before a crawler counts as dead (30 by default)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, why: str) -> None:
    """Skip a test whose real part is missing; in CI, fail instead."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"required in CI: {why}", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A private Redis for the session: ``redis://127.0.0.1:PORT/0``."""
    need(shutil.which("redis-server") is not None,
         "redis-server is not installed (Debian: apt-get install redis-server)")
    process, port = start_redis(tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


@pytest.fixture
def frontier(redis_url) -> str:
    """A frontier URL of its own for one test (a fresh crawl name, short leases)."""
    return f"{redis_url}?crawl=t{uuid.uuid4().hex[:8]}&lease={LEASE}"


# -- sites and sources --------------------------------------------------------------------
@pytest.fixture(scope="session")
def site():
    """The generated site: 80 articles, each answering after 0.1 s, and the broken pages."""
    with GeneratedSite(articles=80, delay=0.1, timeout_delay=4.0) as server:
        yield server


@pytest.fixture(scope="session")
def sources_file(site, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.yaml"
    path.write_text(sources_yaml(site.base_url), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sources(site, sources_file):
    """Source id → Source of the generated site (scale-news, scale-faults)."""
    from crawler.sources import load_sources

    return {s.id: s for s in load_sources(sources_file, base=site.base_url)}


@pytest.fixture
def fast_settings() -> dict:
    return dict(FAST)


# -- a small filesystem ----------------------------------------------------------------
@pytest.fixture
def small_disk():
    """A 256 KiB tmpfs: writes past it fail with ENOSPC, as on a full disk (needs root)."""
    need(os.geteuid() == 0 and shutil.which("mount") is not None,
         "mounting a small tmpfs needs root")
    mountpoint = Path(tempfile.mkdtemp(prefix="pm-full-"))
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mountpoint)],
                            capture_output=True, text=True)
    if result.returncode:
        mountpoint.rmdir()
        need(False, f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)
        shutil.rmtree(mountpoint, ignore_errors=True)


# -- the three-node cluster ---------------------------------------------------------------
class Background:
    """The session's three-node OpenSearch cluster, started once, in a thread, at session start."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.future: Future | None = None
        self.cluster = None

    def missing(self) -> str | None:
        from index.launcher import CACHE, DISTRIBUTIONS, find_java
        from policyminer.errors import EngineError

        try:
            find_java()
        except EngineError as exc:
            return str(exc)
        dist = DISTRIBUTIONS["opensearch"]
        installed = (CACHE / f"opensearch-{dist.version}" / "bin" / "opensearch").exists()
        if not installed and not dist.zip_path.exists() and not shutil.which("mvn"):
            return f"OpenSearch is not installed and Maven (mvn) is absent to fetch {dist.artifact}"
        return None

    def begin(self) -> None:
        if self.future is None and not self.missing():
            self.future = self.pool.submit(self._start)

    def _start(self):
        from index.launcher import Cluster

        self.cluster = Cluster("opensearch", size=3, heap="384m")
        return self.cluster.start(timeout=300)

    def get(self):
        reason = self.missing()
        need(reason is None, reason or "")
        self.begin()
        try:
            return self.future.result()
        except Exception as exc:   # EngineError with the nodes' console tails
            pytest.fail(f"the three-node OpenSearch cluster did not start: {exc}", pytrace=False)

    def stop(self) -> None:
        if self.future is not None:
            self.future.exception()
        if self.cluster is not None:
            self.cluster.stop()
        self.pool.shutdown()


@pytest.fixture(scope="session", autouse=True)
def _three_nodes(request):
    """Start the cluster as the session begins if any collected test needs it."""
    background = Background()
    if any("three_nodes" in item.fixturenames for item in request.session.items):
        background.begin()
    yield background
    background.stop()


@pytest.fixture(scope="session")
def three_nodes(_three_nodes):
    """index.launcher.Cluster of three OpenSearch nodes (a test may kill one)."""
    return _three_nodes.get()

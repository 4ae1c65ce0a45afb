"""Starting the session's engine nodes, and cleaning up the indices tests make.

Imported by conftest.py and the test modules (conftest.py puts this
directory on sys.path; the module names are unique to avoid clashes).
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from index.launcher import CACHE, DISTRIBUTIONS, Cluster, find_java
from policyminer.errors import EngineError

ENGINES = ("opensearch", "elasticsearch")
PAIR = "opensearch-pair"


def missing_tools(engine: str) -> str | None:
    """Why ``engine`` cannot start on this machine, or None."""
    try:
        find_java()
    except EngineError as exc:
        return str(exc)
    dist = DISTRIBUTIONS[engine]
    installed = (CACHE / f"{engine}-{dist.version}" / "bin" / engine).exists()
    if not installed and not dist.zip_path.exists() and not shutil.which("mvn"):
        return f"{engine} is not installed and Maven (mvn) is absent to fetch {dist.artifact}"
    return None


class Nodes:
    """Starts the session's nodes once each, in the background.

    The single OpenSearch and Elasticsearch nodes start together; the
    two-node OpenSearch cluster starts after them, while the first tests run.
    """

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=3)
        self.futures: dict[str, Future] = {}
        self.clusters: list[Cluster] = []

    def begin(self, *, singles: bool = True, pair: bool = False) -> None:
        """Start what the session will need (each only once)."""
        for engine in ENGINES if singles else ():
            if engine not in self.futures and not os.environ.get(_env(engine)):
                self.futures[engine] = self.pool.submit(self._start, engine, 1)
        if pair and PAIR not in self.futures:
            self.futures[PAIR] = self.pool.submit(self._start_pair)

    def _start(self, engine: str, size: int) -> Cluster:
        cluster = Cluster(engine, size=size)
        self.clusters.append(cluster)
        try:
            return cluster.start(timeout=240)
        except Exception as exc:
            tails = "\n".join(f"--- {n.name}:\n{n.console_tail(25)}" for n in cluster.nodes)
            cluster.stop()
            raise EngineError(f"{engine} ({size} node(s)) did not start: {exc}\n{tails}") from None

    def _start_pair(self) -> Cluster:
        for engine in ENGINES:          # not four JVMs booting at once on a small machine
            if engine in self.futures:
                self.futures[engine].exception()
        return self._start("opensearch", 2)

    def _get(self, key: str, engine: str) -> Cluster:
        reason = missing_tools(engine)
        if reason:
            unavailable(reason)
        self.begin(singles=key != PAIR, pair=key == PAIR)
        try:
            return self.futures[key].result()
        except EngineError as exc:
            pytest.fail(str(exc), pytrace=False)

    def url(self, engine: str) -> str:
        """The URL of the session's single node of ``engine``."""
        if os.environ.get(_env(engine)):
            return os.environ[_env(engine)].rstrip("/")
        return self._get(engine, engine).url

    def pair(self) -> Cluster:
        """The session's two-node OpenSearch cluster (a test may kill its nodes)."""
        return self._get(PAIR, "opensearch")

    def stop(self) -> None:
        for future in self.futures.values():
            future.exception()            # wait for starts in flight
        for cluster in self.clusters:
            cluster.stop()
        self.pool.shutdown()


def _env(engine: str) -> str:
    return f"POLICYMINER_TEST_{engine.upper()}_URL"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip, or fail in CI, where a skipped engine test would hide a regression."""
    if in_ci():
        pytest.fail(f"required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def drop(index) -> None:
    """Delete every index behind an alias, and its template."""
    transport = index.transport
    for name in transport.request("GET", f"/{index.alias}.v*/_alias", ignore=(404,)) or {}:
        transport.request("DELETE", f"/{name}", ignore=(404,))
    transport.request("DELETE", f"/_index_template/{index.alias}", ignore=(404,))

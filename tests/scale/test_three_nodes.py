"""Three OpenSearch nodes, an index with replicas, one node killed (SIGKILL) during bulk loading.

The cluster (index.launcher.Cluster, size 3) starts in the background when
the session begins (conftest.py). Records are loaded through
``index.base.open_index`` with every node's address in the URL; midway one
data node that is not the cluster manager is killed. A load that fails then
is retried (loading upserts by id, so a retry adds nothing twice). Searches
issued all the while must answer, and afterwards every record must be there.
"""
from __future__ import annotations

import signal
import threading
import time
from collections import Counter

import pytest

from benchmarks.index import synthetic_records
from index.base import open_index
from policyminer.errors import PolicyminerError

pytestmark = pytest.mark.integration
DOCS = 3000
ALIAS = "pm-scale-three"


def all_ids(index) -> set[str]:
    answer = index.transport.request("POST", f"/{ALIAS}/_search",
                                     {"size": DOCS + 100, "_source": False, "query": {"match_all": {}}})
    return {hit["_id"] for hit in answer["hits"]["hits"]}


def searcher(index, stop: threading.Event, outcomes: list) -> None:
    """Search without pause until told to stop; every outcome (a total or an error) is kept."""
    while not stop.is_set():
        try:
            outcomes.append((time.monotonic(), index.search("签约", limit=5).total))
        except PolicyminerError as exc:
            outcomes.append((time.monotonic(), exc))
        time.sleep(0.05)


def test_a_node_killed_during_bulk_loading_loses_nothing(three_nodes):
    cluster = three_nodes
    hosts = ",".join(url.removeprefix("http://") for url in cluster.urls)
    index = open_index(f"http://{hosts}/{ALIAS}?replicas=1&shards=3", engine="opensearch")
    records = list(synthetic_records(DOCS))
    index.load(records[:300])                              # the index exists, searches can start
    stop, outcomes = threading.Event(), []
    searching = threading.Thread(target=searcher, args=(index, stop, outcomes), daemon=True)
    searching.start()

    manager = index.transport.request("GET", "/_cat/cluster_manager", params={"format": "json"})[0]["node"]
    victim = next(node for node in cluster.nodes if node.name != manager)
    loader_errors = []

    def load_rest() -> None:
        try:
            index.load(records[300:])
        except PolicyminerError as exc:                      # a batch sent to the dying node
            loader_errors.append(exc)

    loading = threading.Thread(target=load_rest)
    loading.start()
    time.sleep(0.5)
    victim.kill(signal.SIGKILL)
    killed_at, midway = time.monotonic(), loading.is_alive()
    loading.join(300)
    if loader_errors:                                        # retry: idempotent by id
        index.load(records)
    time.sleep(1)
    stop.set()
    searching.join(30)

    assert not victim.alive() and midway                     # killed while the bulk load ran
    assert index.count() == DOCS
    assert all_ids(index) == {r.id for r in records}
    after_kill = [value for at, value in outcomes if at > killed_at]
    assert after_kill, "no search ran while the node was down"
    failed = [value for value in after_kill if isinstance(value, Exception)]
    assert not failed, failed[:3]
    expected = Counter(r.source for r in records)
    for source in ("cqbb-news", "cqspb-gov"):
        assert index.search("", filters={"source": source}).total == expected[source]
    index.close()

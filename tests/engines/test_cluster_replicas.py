"""A two-node OpenSearch cluster with one replica keeps answering when a node crashes."""
from __future__ import annotations

import signal

import pytest

from benchmarks.index import synthetic_records
from engine_corpus import behaviour_corpus
from index.base import open_index

pytestmark = pytest.mark.integration

ALIAS = "pm-replicas"
QUERIES = ["签约", "重庆大学", "5G基站", "org:西南大学", "type:policy", "published:2023", ""]


@pytest.fixture(scope="module")
def pair(nodes):
    """Two OpenSearch nodes in one cluster (started in the background at session start)."""
    return nodes.pair()


def test_searches_survive_a_killed_node(pair):
    hosts = ",".join(url.removeprefix("http://") for url in pair.urls)
    index = open_index(f"http://{hosts}/{ALIAS}?replicas=1", engine="opensearch")
    index.load(behaviour_corpus() + list(synthetic_records(60)))
    transport = index.transport
    health = transport.request("GET", f"/_cluster/health/{ALIAS}",
                               params={"wait_for_status": "green", "timeout": "90s"})
    assert health["status"] == "green"
    shards = transport.request("GET", f"/_cat/shards/{ALIAS}", params={"format": "json"})
    assert sorted(s["prirep"] for s in shards) == ["p", "r"]
    assert len({s["node"] for s in shards}) == 2              # one copy on each node
    before = {query: index.search(query).total for query in QUERIES}
    assert before[""] == 70

    roles = transport.request("GET", "/_cat/nodes", params={"format": "json", "h": "name,m"})
    follower = next(row["name"] for row in roles if row["m"] != "*")
    victim = next(node for node in pair.nodes if node.name == follower)
    victim.kill(signal.SIGKILL)
    assert not victim.alive()

    after = {query: index.search(query).total for query in QUERIES}
    assert after == before
    assert index.count() == 70
    survivor = next(node for node in pair.nodes if node is not victim)
    with open_index(f"{survivor.url}/{ALIAS}", engine="opensearch") as alone:
        assert {query: alone.search(query).total for query in QUERIES} == before
    index.close()

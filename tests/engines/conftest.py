"""Real OpenSearch and Elasticsearch nodes for the engine tests, one of each per session.

Both nodes start together, in the background, the first time a test asks
for one (index.launcher: integration-test distributions from Maven Central,
a small heap, free loopback ports) and stop when the session ends. Outside
CI a missing Java or Maven skips these tests with the reason; in CI
(CI=true) nothing skips: a node that cannot start fails the test with its
console tail. To iterate against nodes already running, set
POLICYMINER_TEST_OPENSEARCH_URL / POLICYMINER_TEST_ELASTICSEARCH_URL.
"""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for path in (HERE, HERE.parents[1]):     # engine_*.py helpers; benchmarks/ (not installed)
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from engine_nodes import ENGINES, Nodes, drop, missing_tools  # noqa: E402
from index.base import open_index  # noqa: E402


@pytest.fixture(scope="session")
def nodes(request):
    """The session's engine nodes (see the module docstring), started as soon as one is needed."""
    started = Nodes()
    needs = [set(item.fixturenames) for item in request.session.items]
    if not any(missing_tools(engine) for engine in ENGINES):
        started.begin(singles=any("nodes" in names and "pair" not in names for names in needs),
                      pair=any("pair" in names for names in needs))
    yield started
    started.stop()


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    """Each cluster engine in turn."""
    return request.param


@pytest.fixture
def engine_url(nodes, engine) -> str:
    """The HTTP URL of the session's node of ``engine``."""
    return nodes.url(engine)


@pytest.fixture
def alias() -> str:
    """A fresh index name, so that tests never see each other's documents."""
    return f"pm-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def fresh(engine, engine_url, alias):
    """An empty cluster index of ``engine``, dropped after the test."""
    index = open_index(f"{engine_url}/{alias}", engine=engine)
    yield index
    drop(index)
    index.close()

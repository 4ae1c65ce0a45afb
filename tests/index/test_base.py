"""Engines chosen by URL, and the search result's JSON shape."""
from __future__ import annotations

import sys

import pytest

from index import base
from index.base import SearchResult, open_index, sqlite_path
from index.sqlite import SQLiteIndex
from policyminer.errors import EngineError


@pytest.mark.parametrize("url, path", [
    pytest.param("sqlite:///store/index.db", "store/index.db", id="relative"),
    pytest.param("sqlite:////tmp/index.db", "/tmp/index.db", id="absolute"),
    pytest.param("sqlite://", ":memory:", id="memory"),
    pytest.param("sqlite:///:memory:", ":memory:", id="memory-explicit"),
    pytest.param("store/index.db", "store/index.db", id="bare-path"),
])
def test_sqlite_path(url, path):
    assert sqlite_path(url) == path


def test_bad_sqlite_url():
    with pytest.raises(EngineError, match="sqlite:///relative.db"):
        sqlite_path("sqlite:/x.db")


def test_open_index_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path}/a/index.db"
    with open_index(url) as idx:
        assert isinstance(idx, SQLiteIndex) and idx.url == url
        assert idx.count() == 0
    assert (tmp_path / "a" / "index.db").is_file()


def test_open_index_bare_path_and_memory(tmp_path):
    with open_index(str(tmp_path / "b.db")) as idx:
        assert idx.count() == 0
    with open_index("sqlite://", engine="sqlite") as idx:
        assert idx.path == ":memory:"


def test_cluster_url_needs_an_engine():
    with pytest.raises(EngineError, match="needs an engine: opensearch or elasticsearch"):
        open_index("http://127.0.0.1:9200")


def test_unknown_engine():
    with pytest.raises(EngineError, match='unknown engine "solr"'):
        open_index("http://127.0.0.1:8983", engine="solr")


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_missing_cluster_module(monkeypatch, engine):
    monkeypatch.setitem(sys.modules, "index.cluster", None)
    with pytest.raises(EngineError, match=f'engine "{engine}" is not installed/available'):
        open_index("http://127.0.0.1:9200", engine=engine)


def test_registered_engines_are_factories(monkeypatch):
    made = []
    monkeypatch.setitem(base.ENGINES, "fake", lambda url: made.append(url) or "an index")
    assert open_index("fake://x", engine="fake") == "an index"
    assert made == ["fake://x"]
    assert set(base.ENGINES) >= {"sqlite", "opensearch", "elasticsearch"}


def test_search_result_to_dict_shape():
    result = SearchResult(total=12, took_ms=3, facets={"source": [{"value": "a", "count": 12}]},
                          hits=[{"id": "x", "url": "u", "title": "t", "published": None,
                                 "source": "a", "score": 1.5, "snippet": "<mark>t</mark>",
                                 "extra": "dropped"}])
    assert result.to_dict() == {
        "total": 12, "took_ms": 3,
        "hits": [{"id": "x", "url": "u", "title": "t", "published": None, "source": "a",
                  "score": 1.5, "snippet": "<mark>t</mark>"}],
        "facets": {"source": [{"value": "a", "count": 12}]}}
    assert list(result.to_dict()) == ["total", "took_ms", "hits", "facets"]

"""Search engines behind one small interface, chosen by URL.

    with open_index("sqlite:///store/index.db") as index:          # embedded
        index.load(records)
        result = index.search('签约 org:西南大学', limit=20)
    open_index("http://127.0.0.1:9200", engine="opensearch")       # a cluster

Engines live in ``ENGINES``, a registry of name → factory(url). The embedded
SQLite engine is registered exactly like the cluster ones; every factory
imports its module only when called, so nothing heavy loads at import time.
A cluster module (``index.cluster``) must provide ``ClusterIndex(url, *, engine)``.
"""
from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from policyminer.errors import EngineError
from policyminer.records import Extracted

SORTS = ("relevance", "date")
INTERVALS = ("day", "week", "month", "year")
SPLITS = ("source", "region", "type", "org")


@dataclass
class SearchResult:
    """One page of hits, the exact total, and facet counts over all hits.

    ``hits``: dicts with id, url, title, published, source, score and snippet
    (HTML-escaped text with the matches wrapped in ``<mark>…</mark>``).
    ``facets``: field → list of {"value", "count"}, most frequent first, for
    source, region, type, org and year.
    """

    total: int
    took_ms: int
    hits: list[dict[str, Any]] = field(default_factory=list)
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``policyminer search --format json``."""
        keys = ("id", "url", "title", "published", "source", "score", "snippet")
        return {"total": self.total, "took_ms": self.took_ms,
                "hits": [{k: hit.get(k) for k in keys} for hit in self.hits],
                "facets": self.facets}


class Index(ABC):
    """What every engine does. Use as a context manager, or call ``close()``."""

    url: str = ""

    @abstractmethod
    def load(self, records: Iterable[Extracted | dict], *,
             progress: Callable[[int], None] | None = None) -> int:
        """Upsert records by id (a rerun adds nothing twice); return how many were read.

        ``progress`` is called with the running count after each batch.
        """

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> int:
        """Remove documents by id; return how many were there."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every document (``policyminer index --rebuild``)."""

    @abstractmethod
    def count(self) -> int:
        """How many documents the index holds."""

    @abstractmethod
    def stale(self) -> str | None:
        """Why the stored index was built by rules this policyminer does not use (it needs a rebuild), or None."""

    @abstractmethod
    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record as ``Extracted.to_dict()`` gives it, or None."""

    @abstractmethod
    def search(self, query: str, *, limit: int = 10, offset: int = 0, sort: str = "relevance",
               filters: dict | None = None, facet_size: int = 10) -> SearchResult:
        """Documents matching ``query`` (see index.query) and ``filters``.

        ``filters`` keys: org, source, region, type (or doc_type), title,
        published, since, until; a value may be a list (any of them).
        ``facet_size`` values per facet (0: no facets).
        """

    @abstractmethod
    def signings(self, *, since: str | None = None, until: str | None = None,
                 region: str | None = None, org: str | None = None,
                 query: str | None = None, merge: bool = True) -> list[dict[str, Any]]:
        """Signing events filed under days in [since, until], oldest first.

        Each row holds the signing fields of EXTRACTION.md, ``day`` (the day
        it is filed under, see index.reports.signing_day), the reporting
        document's id, url, title, published, source and region, and
        ``sources``: the urls of every document that reported the same event
        (with ``merge``; index.reports.merge_signings). ``region`` matches
        the document's region or the signing's location, as written or by
        division code (index.keys: 沙坪坝区 covers 重庆市沙坪坝区 and 西永街道 there),
        ``org`` any party by canonical body, name or alias, ``query`` the
        reporting document. Rows carry the signing's ``location_code``.
        """

    @abstractmethod
    def trends(self, query: str, *, interval: str = "month", by: str | None = None,
               top: int | None = None) -> list[dict[str, Any]]:
        """Matching documents counted per day, ISO week, month or year of publication.

        Rows {"bucket", "count"}, or {"bucket", "key", "count"} when split
        ``by`` source, region, type or org (only the ``top`` keys by total
        when given); ordered by bucket, then count descending. Undated
        documents are left out.
        """

    def close(self) -> None:
        """Release connections."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


Factory = Callable[[str], Index]
ENGINES: dict[str, Factory] = {}


def register_engine(name: str, factory: Factory) -> None:
    """Make ``open_index(url, engine=name)`` call ``factory(url)``."""
    ENGINES[name] = factory


def open_index(url: str, *, engine: str | None = None) -> Index:
    """The index at ``url``: ``sqlite:///path.db`` (or a bare path), or a cluster URL.

    SQLite URLs follow SQLAlchemy: ``sqlite:///rel.db`` is relative to the
    working directory, ``sqlite:////abs/path.db`` absolute, ``sqlite://`` in memory.
    """
    name = engine or _engine_of(url)
    if name not in ENGINES:
        raise EngineError(f'unknown engine "{name}" for {url} (known: {", ".join(sorted(ENGINES))})')
    return ENGINES[name](url)


def _engine_of(url: str) -> str:
    if url.startswith(("http://", "https://")):
        raise EngineError(f"{url}: a cluster URL needs an engine: opensearch or elasticsearch "
                          "(set POLICYMINER_ENGINE)")
    return "sqlite"


def sqlite_path(url: str) -> str:
    """The file path of a SQLite URL or bare path (``:memory:`` for ``sqlite://``)."""
    if url.startswith("sqlite:"):
        rest = url[len("sqlite:"):]
        if rest in ("", "//", "///:memory:"):
            return ":memory:"
        if not rest.startswith("///"):
            raise EngineError(f"{url}: a SQLite URL looks like sqlite:///relative.db or "
                              "sqlite:////absolute/path.db")
        return rest[3:]
    if url.startswith(("http://", "https://")):
        raise EngineError(f"{url} is not a SQLite database path")
    return str(Path(url))


def _sqlite(url: str) -> Index:
    from index.sqlite import SQLiteIndex
    return SQLiteIndex(sqlite_path(url), url=url)


def _cluster(name: str) -> Factory:
    def factory(url: str) -> Index:
        try:
            module = importlib.import_module("index.cluster")
        except ModuleNotFoundError as exc:
            raise EngineError(f'engine "{name}" is not installed/available ({exc}); '
                              "install policyminer[cluster] or use engine sqlite") from None
        return module.ClusterIndex(url, engine=name)
    return factory


register_engine("sqlite", _sqlite)
register_engine("opensearch", _cluster("opensearch"))
register_engine("elasticsearch", _cluster("elasticsearch"))

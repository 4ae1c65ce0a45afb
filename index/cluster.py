"""The cluster engine: Elasticsearch or OpenSearch, through one code path.

    index = open_index("http://127.0.0.1:9200", engine="opensearch")
    index = open_index("http://es-1:9200,es-2:9200/news?replicas=1", engine="elasticsearch")

Documents live in versioned indices (``<alias>.v<mapping>-<timestamp>``)
behind an alias; a composable index template gives every new one its
settings and mapping. A rebuild (``clear()`` then ``load()``, or
``rebuild(records)``) fills a fresh index while searches keep using the old
one, then swaps the alias atomically and drops the old index: no downtime.
Before the swap the new index is merged into one segment per shard while it
is small enough to stay under the engines' 5 GB merge ceiling (searches over
one segment are about a fifth faster at 100k documents; benchmarks/README.md).
Loading is idempotent (documents keyed by their stable id; an unchanged
record is not re-sent) and retries overload with backoff. Query semantics,
facets, signings and trends match the SQLite engine; index.cluster_query
says how ties are broken.
"""
from __future__ import annotations

import time
from datetime import datetime, timezone
from itertools import islice
from typing import Any, Callable, Iterable
from urllib.parse import quote

from index import cluster_reports
from index.base import SORTS, Index, SearchResult
from index.cluster_client import HTTPError, Transport, operation, parse_url
from index.cluster_mapping import (MAPPING_VERSION, MAX_RESULT_WINDOW, document, meta,
                                   meta_of, record_of, template)
from index.cluster_query import facet_aggregations, facets, search_query, sort_clause
from index.query import all_of, from_filters, parse, positive_terms
from index.snippet import snippet
from policyminer.errors import EngineError, QueryError
from policyminer.records import Extracted

BATCH = 500                    # records per batch: one _mget, then bulk requests
MERGE_LIMIT = 2 * 1024 ** 3    # bytes per shard under which a rebuilt index is merged to one segment
FACET_SIZE = 10
_HIT_SOURCE = ["id", "url", "title", "published", "source", "text"]


class ClusterIndex(Index):
    """An index in an Elasticsearch or OpenSearch cluster, behind an alias."""

    def __init__(self, url: str, *, engine: str):
        self.target = parse_url(url)
        self.url, self.engine, self.alias = self.target.url, engine, self.target.alias
        self.transport = Transport(engine, self.target)
        self._checked = False
        self._pending: str | None = None    # a rebuilt index not yet behind the alias

    # -- lifecycle ------------------------------------------------------------

    def _where(self) -> str:
        return f"{self.engine} index {self.alias!r} at {self.url}"

    def _indices(self) -> dict[str, dict]:
        """The indices behind the alias (or the concrete index of that name) → their mapping."""
        return self.transport.request("GET", f"/{self.alias}/_mapping", ignore=(404,)) or {}

    def _ready(self) -> None:
        """Connect, create the first index if there is none, refuse a foreign mapping."""
        if self._checked:
            return
        if not self._indices():
            self._publish(self._create())
        elif reason := self.stale():
            raise EngineError(f"{self._where()}: {reason}; rebuild it with `policyminer index --rebuild`")
        self._checked = True

    def stale(self) -> str | None:
        if self._pending:
            return None
        for name, mapping in self._indices().items():
            found = meta_of(mapping)
            if found != meta():
                return f"index {name} has mapping {found or 'none'} but this policyminer writes {meta()}"
        return None

    def _create(self) -> str:
        """A new, empty versioned index with the current template."""
        body = template(f"{self.alias}.v*", len(self.alias),
                        shards=self.target.settings.get("shards", 1),
                        replicas=self.target.settings.get("replicas", 0))
        self.transport.request("PUT", f"/_index_template/{self.alias}", body)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias}.v{MAPPING_VERSION}-{stamp}"
        loading = {"settings": {"index": {"refresh_interval": "-1"}}}    # until published
        self.transport.request("PUT", f"/{name}", loading, params={"wait_for_active_shards": "1"})
        return name

    def _publish(self, name: str) -> None:
        """Point the alias at ``name`` alone, atomically, and drop the indices it replaces."""
        old = [index for index in self._indices() if index != name]
        self.transport.request("PUT", f"/{name}/_settings", {"index": {"refresh_interval": None}})
        self.transport.request("POST", f"/{name}/_refresh")
        self._merge_segments(name)
        actions = [{"add": {"index": name, "alias": self.alias, "is_write_index": True}}]
        actions += [{"remove_index": {"index": index}} for index in old]
        self.transport.request("POST", "/_aliases", {"actions": actions})
        self._pending, self._checked = None, True

    def _merge_segments(self, name: str) -> None:
        """Merge a freshly loaded index into one segment per shard, unless it is large."""
        stats = self.transport.request("GET", f"/{name}/_stats/store")
        shards = max(1, self.target.settings.get("shards", 1))
        size = stats["indices"][name]["primaries"]["store"]["size_in_bytes"]
        if size / shards < MERGE_LIMIT:
            self.transport.request("POST", f"/{name}/_forcemerge", params={"max_num_segments": 1})
            self.transport.request("POST", f"/{name}/_refresh")     # OpenSearch searches it after this

    def _commit(self) -> None:
        """Make a pending rebuild visible before anything reads."""
        if self._pending:
            self._publish(self._pending)
        self._ready()

    def clear(self) -> None:
        """Start a rebuild: a new empty index that replaces the current one when loaded.

        Until ``load`` finishes (or anything reads through this object), searches
        still see the old index; leaving a ``with`` block by an error drops the new one.
        """
        if self._pending:
            self._drop(self._pending)
        self._pending = self._create()

    def rebuild(self, records: Iterable[Extracted | dict], *,
                progress: Callable[[int], None] | None = None) -> int:
        """Load ``records`` into a new index and swap it in: the index afterwards holds exactly them."""
        self.clear()
        return self.load(records, progress=progress)

    def _drop(self, name: str) -> None:
        self.transport.request("DELETE", f"/{name}", ignore=(404,))
        self._pending = None

    # -- writing --------------------------------------------------------------

    def load(self, records: Iterable[Extracted | dict], *,
             progress: Callable[[int], None] | None = None) -> int:
        """Upsert ``records`` by id in bulk batches; return how many were read."""
        target = self._pending or self._write_target()
        seen = 0
        iterator = iter(records)
        while batch := list(islice(iterator, BATCH)):
            self._load_batch(target, [r if isinstance(r, Extracted) else Extracted.from_dict(r)
                                      for r in batch])
            seen += len(batch)
            if progress:
                progress(seen)
        if self._pending:
            self._publish(self._pending)
        else:
            self.transport.request("POST", f"/{self.alias}/_refresh")
        return seen

    def _write_target(self) -> str:
        self._ready()
        return self.alias

    def _load_batch(self, target: str, batch: list[Extracted]) -> None:
        latest = {record.id: document(record) for record in batch}
        known = self.transport.request("POST", f"/{target}/_mget", {"ids": list(latest)},
                                       params={"_source": "hash"})
        stored = {d["_id"]: d["_source"].get("hash") for d in known["docs"] if d.get("found")}
        changed = [doc for doc_id, doc in latest.items() if stored.get(doc_id) != doc["hash"]]
        results = self.transport.bulk([operation("index", target, doc["id"], doc) for doc in changed])
        for result in results:
            if "error" in result:
                raise EngineError(f"{self._where()}: document {result['_id']} was refused: "
                                  f"{_reason(result['error'])}")

    def delete(self, ids: Iterable[str]) -> int:
        """Remove documents by id; return how many were there."""
        self._commit()
        operations = [operation("delete", self.alias, doc_id) for doc_id in dict.fromkeys(ids)]
        results = self.transport.bulk(operations)
        failed = [r for r in results if "error" in r and r.get("status") != 404]
        if failed:
            raise EngineError(f"{self._where()}: could not delete {failed[0]['_id']}: "
                              f"{_reason(failed[0]['error'])}")
        self.transport.request("POST", f"/{self.alias}/_refresh")
        return sum(r.get("result") == "deleted" for r in results)

    # -- reading --------------------------------------------------------------

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return self.transport.request("POST", f"/{self.alias}/_search", body)
        except HTTPError as exc:
            if exc.status == 400:
                raise QueryError(f"{self._where()} refused the query: {exc}") from None
            raise

    def count(self) -> int:
        """How many documents the index holds."""
        self._commit()
        return self.transport.request("GET", f"/{self.alias}/_count")["count"]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record as ``Extracted.to_dict()`` gives it, or None."""
        self._commit()
        found = self.transport.request("GET", f"/{self.alias}/_doc/{quote(doc_id, safe='')}",
                                       ignore=(404,))
        if not found or not found.get("found"):
            return None
        return record_of(found["_source"]).to_dict()

    def search(self, query: str, *, limit: int = 10, offset: int = 0, sort: str = "relevance",
               filters: dict | None = None, facet_size: int = FACET_SIZE) -> SearchResult:
        """Documents matching ``query`` and ``filters``: exact total, one page, facets."""
        started = time.perf_counter()
        if sort not in SORTS:
            raise QueryError(f'unknown sort "{sort}" (known: {", ".join(SORTS)})')
        if limit < 0 or offset < 0:
            raise QueryError(f"limit and offset must be 0 or more (got {limit}, {offset})")
        if offset + limit > MAX_RESULT_WINDOW:
            raise QueryError(f"offset + limit may be at most {MAX_RESULT_WINDOW} on a cluster "
                             f"engine (got {offset} + {limit}); narrow the query")
        node = all_of([parse(query or ""), from_filters(filters)])
        self._commit()
        body = {"query": search_query(node), "from": offset, "size": limit,
                "sort": sort_clause(sort), "track_scores": True, "track_total_hits": True,
                "_source": _HIT_SOURCE}
        if facet_size:
            body["aggs"] = facet_aggregations(facet_size)
        answer = self._search(body)
        total = answer["hits"]["total"]["value"]
        terms = [t.text for t in positive_terms(node) if t.field is None]
        hits = [_hit(hit, terms) for hit in answer["hits"]["hits"]]
        found = facets(answer["aggregations"], facet_size) if total and facet_size else {}
        took = round((time.perf_counter() - started) * 1000)
        return SearchResult(total=total, took_ms=took, hits=hits, facets=found)

    def signings(self, *, since: str | None = None, until: str | None = None,
                 region: str | None = None, org: str | None = None,
                 query: str | None = None, merge: bool = True) -> list[dict[str, Any]]:
        """Signing events filed under days in [since, until], oldest first.

        ``region`` matches the document's region or the signing's location;
        ``org`` any party (by name or alias); ``query`` the reporting document.
        With ``merge`` one event reported by several documents is one row.
        """
        self._commit()
        return cluster_reports.signings(self._search, since=since, until=until, region=region,
                                        org=org, query=query, merge=merge)

    def trends(self, query: str, *, interval: str = "month", by: str | None = None,
               top: int | None = None) -> list[dict[str, Any]]:
        """Matching documents per bucket of publication date, optionally split ``by``."""
        self._commit()
        return cluster_reports.trends(self._search, query, interval=interval, by=by, top=top)

    # -- closing --------------------------------------------------------------

    def close(self) -> None:
        """Publish a pending rebuild, then release the connections."""
        try:
            if self._pending:
                self._publish(self._pending)
        finally:
            self.transport.close()

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None and self._pending:
            self._drop(self._pending)       # a failed rebuild leaves the old index serving
        self.close()

    def __repr__(self) -> str:
        return f"ClusterIndex({self.url!r}, engine={self.engine!r})"


def _reason(error: Any) -> str:
    reason = error.get("reason") if isinstance(error, dict) else error
    return " ".join(str(reason).split())


def _hit(hit: dict[str, Any], terms: list[str]) -> dict[str, Any]:
    source = hit["_source"]
    return {"id": source["id"], "url": source["url"], "title": source["title"],
            "published": source.get("published"), "source": source.get("source"),
            "score": round(hit.get("_score") or 0.0, 6),
            "snippet": snippet(source.get("text") or "", terms)}

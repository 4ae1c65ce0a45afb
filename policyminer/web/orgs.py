"""The organisation pages: the registry (``/orgs``), one body (``/orgs/{key}``), and places.

The registry is the one ``policyminer orgs`` shows (policyminer.orgs,
nlp.registry): every organisation of extracted/, name variants of one body
grouped under its key. The web UI never saves it: :class:`RegistryCache`
brings a copy up to date in memory whenever extracted/ changes.

A body's page shows what the index knows of it: documents per month (the
search page's trend chart), its latest documents and its signings. The
index files ``org:`` filters by the same body key, so any variant finds them.
"""
from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode

from nlp.registry import Body, Registry
from policyminer.web.params import SearchParams, WebError, int_param, text_param
from policyminer.web.search import page_links, trend_chart, trend_query
from policyminer.workspace import Workspace

PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 10_000
RECENT = 10
MAX_SIGNINGS = 50
_SPECIAL = frozenset('()（）"“”「」『』\':：*')


class RegistryCache:
    """The workspace's registry, re-synced with extracted/ when its files change."""

    def __init__(self, ws: Workspace):
        self.ws, self._lock = ws, threading.Lock()
        self._stamp: list | None = None
        self._registry: Registry | None = None

    def get(self) -> Registry:
        """The registry as of extracted/ now (read again only after a change)."""
        from policyminer.extracted import ExtractedStore
        store = ExtractedStore(self.ws.extracted_dir)
        with self._lock:
            stamp = store.file_state()
            if self._registry is None or stamp != self._stamp:
                from policyminer.orgs import registry_path, sync
                registry = Registry.load(registry_path(self.ws))
                sync(registry, store)
                self._registry, self._stamp = registry, stamp
            return self._registry


def org_query(name: str) -> str:
    """The query ``org:<name>``, the name quoted when the query syntax would split it."""
    if name and not name.startswith("-") and not any(c.isspace() or c in _SPECIAL for c in name):
        return f"org:{name}"
    return f"org:「{name}」" if '"' in name or "”" in name else f'org:"{name}"'


def search_url(name: str) -> str:
    """The search for documents mentioning the body ``name`` names."""
    return SearchParams(q=org_query(name)).url()


def org_href(key: str, suffix: str = "") -> str:
    """The page of the body ``key`` (``suffix`` ".json" for its twin)."""
    return f"/orgs/{quote(key, safe='')}{suffix}"


def body_row(body: Body) -> dict[str, Any]:
    """A body as both the registry page and its JSON twin show it."""
    return {**body.to_dict(), "href": org_href(body.key), "search": search_url(body.name)}


@dataclass(frozen=True)
class OrgsParams:
    """The state of the registry page: name query, type, page."""

    q: str = ""
    type: str = ""
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> "OrgsParams":
        """Validate a query string; WebError(400) naming a bad parameter."""
        return cls(q=text_param(params, "q"), type=text_param(params, "type"),
                   page=int_param(params, "page", 1, 1, MAX_PAGE),
                   per_page=int_param(params, "per_page", PER_PAGE, 1, MAX_PER_PAGE))

    def url(self, path: str = "/orgs", **changes: Any) -> str:
        """``path`` with this state's query string, ``changes`` applied (None removes one)."""
        state = replace(self, **{k: v for k, v in changes.items() if v is not None})
        args = {"q": state.q, "type": state.type, "page": state.page, "per_page": state.per_page}
        for key in changes:
            if changes[key] is None:
                args.pop(key)
        args = {k: str(v) for k, v in args.items()
                if v not in ("", None) and {"page": 1, "per_page": PER_PAGE}.get(k) != v}
        return path + ("?" + urlencode(args) if args else "")


def orgs_page(registry: Registry, params: OrgsParams) -> dict[str, Any]:
    """The registry page: the bodies matching the name query and type, most documents first."""
    found = registry.search(params.q)
    types = sorted({body.type for body in found})
    if params.type:
        found = [body for body in found if body.type == params.type]
    start = (params.page - 1) * params.per_page
    rows = [body_row(body) for body in found[start:start + params.per_page]]
    return {"params": params, "rows": rows, "total": len(found), "types": types,
            "pages": page_links(len(found), params), "json_url": params.url("/orgs.json")}


def orgs_json(page: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin of the registry page."""
    params: OrgsParams = page["params"]
    return {"query": params.q, "type": params.type or None, "page": params.page,
            "per_page": params.per_page, "total": page["total"], "types": page["types"],
            "orgs": page["rows"]}


def body_page(index, registry: Registry, key: str) -> dict[str, Any]:
    """One body: its variants, documents per month, latest documents and signings."""
    body = registry.bodies().get(key) if len(key) <= 200 else None
    if body is None:
        raise WebError(404, f"no organisation with key {key[:64]!r} in the registry")
    search = SearchParams(q=org_query(body.name))
    trend = index.trends(trend_query(search), interval="month")
    recent = index.search(search.q, limit=RECENT, sort="date", facet_size=0)
    signings = list(reversed(index.signings(org=body.name)))[:MAX_SIGNINGS]
    return {"body": body_row(body), "trend": trend, "chart": trend_chart(trend, search),
            "recent": recent.hits, "matching": recent.total, "signings": signings,
            "latest": replace(search, sort="date").url(),
            "json_url": org_href(body.key, ".json")}


def body_json(page: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin of a body's page."""
    keys = ("id", "url", "title", "published", "source")
    return {**page["body"], "matching_documents": page["matching"],
            "trend": {"interval": "month", "buckets": page["trend"]},
            "recent": [{k: hit.get(k) for k in keys} for hit in page["recent"]],
            "signings": page["signings"]}


@functools.lru_cache(maxsize=4096)
def region_place(value: str) -> dict[str, str] | None:
    """The division a region string names ({"name", "code", "level"}), or None."""
    from nlp.places import resolve
    place = resolve(value) if value else None
    return {"name": place.name, "code": place.code, "level": place.level} if place else None


def place_search(place: Mapping[str, Any]) -> str:
    """The search for documents filed under a stored place (its name qualified by its parents)."""
    from nlp.places import load_gazetteer
    by_code = load_gazetteer().by_code
    names = [by_code[code].name for code in place.get("parents") or () if code in by_code]
    return SearchParams(filters={"region": "".join([*names, str(place.get("name") or "")])}).url()

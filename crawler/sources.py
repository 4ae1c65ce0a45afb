"""Sources: the sites to crawl, declared in YAML (config/sources.yaml), one entry per site.

Adding a typical site needs no Python: start URLs, the list-page selectors (or
none, for automatic article-link detection), pagination, an optional JSON list
API, RSS/sitemap feeds, detail selectors passed on to extraction, an encoding
hint and limits. ``{base}`` and ``{host}`` in any value are replaced by a base
URL and its ``host:port`` (the demo and the tests serve mirrored sites under
``{base}/<site host>/``). Every error names the file, the key and the value.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from policyminer.errors import ConfigError
from policyminer.records import DOC_TYPES

from crawler.selectors import selector_error

KINDS = ("portal", "epaper", "news", "policy_library")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDER = re.compile(r"\{(base|host)\}")
_SOURCE_KEYS = {"id", "name", "kind", "doc_type", "region", "allowed_domains", "start_urls", "list",
                "detail", "encoding", "feeds", "limits", "scope", "attachments"}
_LIST_KEYS = {"links", "next_page", "link_pattern", "json"}
_JSON_KEYS = {"url_template", "items", "url", "title", "published", "max_pages", "total_pages",
              "first_page"}
_LIMIT_KEYS = {"max_pages", "max_depth"}


@dataclass(frozen=True)
class JsonList:
    """A JSON list API: ``url_template`` with ``{page}``, dotted paths to the items and their fields."""

    url_template: str
    items: str
    url: str = "url"
    title: str = "title"
    published: str | None = None
    total_pages: str | None = None
    max_pages: int = 5
    first_page: int = 1


@dataclass(frozen=True)
class ListRules:
    """How to read a list page: article links, next page, a URL pattern for articles."""

    links: str | None = None
    next_page: str | None = None
    link_pattern: str | None = None
    json: JsonList | None = None


@dataclass(frozen=True)
class Limits:
    """Caps per source: pages requested (list + detail) and link depth; None = crawl settings."""

    max_pages: int | None = None
    max_depth: int | None = None


@dataclass
class Source:
    """One site (or one column of a site) to crawl."""

    id: str
    name: str
    kind: str
    start_urls: list[str]
    allowed_domains: list[str]
    doc_type: str = "news"
    region: str | None = None
    listing: ListRules = field(default_factory=ListRules)
    detail: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    feeds: list[str] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)
    scope: list[str] = field(default_factory=list)
    attachments: bool | None = None

    @property
    def wants_attachments(self) -> bool:
        """Whether attached files are downloaded (by default: on policy pages)."""
        return self.doc_type == "policy" if self.attachments is None else self.attachments

    def in_scope(self, url: str) -> bool:
        """Whether ``url`` is on one of the allowed domains (and under a scope prefix, if any)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host = (parts.hostname or "").lower()
        if not any(host == d or host.endswith("." + d) for d in self.allowed_domains):
            return False
        return not self.scope or any(url.startswith(prefix) for prefix in self.scope)

    def to_dict(self) -> dict[str, Any]:
        """The YAML form of this source (placeholders already substituted)."""
        data = asdict(self)
        data["list"] = data.pop("listing")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, where: str = "<dict>") -> "Source":
        """Build (and validate) a source from its YAML form."""
        return parse_source(data, _Where(where, "source"), seen=set())


def load_sources(path: Path, *, base: str | None = None) -> list[Source]:
    """Read and validate a sources file; ``base`` replaces ``{base}``/``{host}`` placeholders."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the sources file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ConfigError(f"{path}: expected a mapping with a 'sources' list at the top level")
    data = _substitute(data, base, _Where(str(path), "sources"))
    seen: set[str] = set()
    return [parse_source(entry, _Where(str(path), f"sources[{i}]"), seen=seen, base=base)
            for i, entry in enumerate(data["sources"])]


@dataclass(frozen=True)
class _Where:
    """A file and a key path, for error messages."""

    file: str
    key: str

    def __truediv__(self, key: str) -> "_Where":
        return _Where(self.file, f"{self.key}[{key}]" if key.isdigit() else f"{self.key}.{key}")

    def error(self, value: Any, problem: str) -> ConfigError:
        return ConfigError(f"{self.file}: key {self.key} has value {value!r}: {problem}")


def _substitute(value: Any, base: str | None, where: _Where) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, base, where / str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, base, where / str(i)) for i, v in enumerate(value)]
    if isinstance(value, str) and _PLACEHOLDER.search(value):
        if base is None:
            raise where.error(value, "uses a {base}/{host} placeholder; pass a base URL "
                              "(load_sources(path, base=...)) or write the real URL")
        base = base.rstrip("/")
        return value.replace("{base}", base).replace("{host}", urlsplit(base).netloc)
    return value


def parse_source(data: Any, where: _Where, *, seen: set[str], base: str | None = None) -> Source:
    """Validate one entry of the sources list."""
    _mapping(data, where, _SOURCE_KEYS)
    sid = _string(data, "id", where, required=True)
    if not _ID.match(sid):
        raise (where / "id").error(sid, "ids use lower-case letters, digits and '-'")
    if sid in seen:
        raise (where / "id").error(sid, "another source already has this id")
    seen.add(sid)
    kind = _choice(data, "kind", where, KINDS, default=None)
    doc_type = _choice(data, "doc_type", where, DOC_TYPES, default="news")
    listing = _list_rules(data.get("list"), where / "list")
    feeds = _urls(data, "feeds", where)
    start_urls = _urls(data, "start_urls", where)
    if not start_urls and not feeds and listing.json is None:
        raise (where / "start_urls").error(data.get("start_urls"),
                                           "give start_urls, feeds or a list.json API")
    api = [listing.json.url_template] if listing.json else []
    domains = _domains(data, where, start_urls + feeds + api)
    return Source(
        id=sid, name=_string(data, "name", where) or sid, kind=kind, doc_type=doc_type,
        region=_string(data, "region", where), start_urls=start_urls, allowed_domains=domains,
        listing=listing, detail=_detail(data.get("detail"), where / "detail"),
        encoding=_encoding(data, where), feeds=feeds, limits=_limits(data.get("limits"), where / "limits"),
        scope=_scope(data, where, start_urls + feeds, listing, base),
        attachments=_bool(data, "attachments", where))


def _mapping(data: Any, where: _Where, keys: set[str]) -> None:
    if not isinstance(data, dict):
        raise where.error(data, "expected a mapping")
    for key in data:
        if key not in keys:
            raise (where / str(key)).error(data[key], f"unknown key; expected one of {', '.join(sorted(keys))}")


def _string(data: dict, key: str, where: _Where, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise (where / key).error(value, "this key is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise (where / key).error(value, "expected a non-empty string")
    return value.strip()


def _choice(data: dict, key: str, where: _Where, choices: tuple, default: str | None) -> str:
    value = data.get(key, default)
    if value not in choices:
        raise (where / key).error(value, f"expected one of {', '.join(choices)}")
    return value


def _bool(data: dict, key: str, where: _Where) -> bool | None:
    value = data.get(key)
    if value is not None and not isinstance(value, bool):
        raise (where / key).error(value, "expected true or false")
    return value


def _int(data: dict, key: str, where: _Where, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise (where / key).error(value, "expected a whole number of at least 1")
    return value


def _urls(data: dict, key: str, where: _Where) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise (where / key).error(value, "expected a list of URLs")
    for i, url in enumerate(value):
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") \
                or not urlsplit(url).netloc:
            raise (where / key / str(i)).error(url, "expected an absolute http(s) URL")
    return list(value)


def _domains(data: dict, where: _Where, urls: list[str]) -> list[str]:
    value = data.get("allowed_domains")
    if value is None:
        value = [urlsplit(u).hostname for u in urls]
    if not isinstance(value, list) or not value:
        raise (where / "allowed_domains").error(value, "expected a list of domain names")
    domains = []
    for i, domain in enumerate(value):
        if not isinstance(domain, str) or "/" in domain or not domain.strip():
            raise (where / "allowed_domains" / str(i)).error(domain, "expected a domain name such "
                                                             "as www.cqbb.gov.cn (no scheme, no path)")
        host = domain.strip().lower().rsplit(":", 1)[0] if ":" in domain else domain.strip().lower()
        if host not in domains:
            domains.append(host)
    return domains


def _scope(data: dict, where: _Where, urls: list[str], listing: ListRules, base: str | None) -> list[str]:
    value = data.get("scope")
    if value is not None:
        return _urls(data, "scope", where)
    if base is None:
        return []
    base = base.rstrip("/") + "/"
    if listing.json:
        urls = urls + [listing.json.url_template]
    prefixes = []
    for url in urls:
        if url.startswith(base):
            segment = url[len(base):].split("/", 1)[0]
            prefix = base + segment + "/"
            if segment and prefix not in prefixes:
                prefixes.append(prefix)
    return prefixes


def _encoding(data: dict, where: _Where) -> str | None:
    value = _string(data, "encoding", where)
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise (where / "encoding").error(value, "unknown encoding (try utf-8, gbk, gb18030)") from None
    return value


def _selector(data: dict, key: str, where: _Where) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    problem = selector_error(value)
    if problem:
        raise (where / key).error(value, f"not a valid selector ({problem})")
    return value


def _list_rules(data: Any, where: _Where) -> ListRules:
    if data is None:
        return ListRules()
    _mapping(data, where, _LIST_KEYS)
    pattern = _string(data, "link_pattern", where)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise (where / "link_pattern").error(pattern, f"not a valid regular expression ({exc})") from None
    return ListRules(links=_selector(data, "links", where), next_page=_selector(data, "next_page", where),
                     link_pattern=pattern, json=_json_list(data.get("json"), where / "json"))


def _json_list(data: Any, where: _Where) -> JsonList | None:
    if data is None:
        return None
    _mapping(data, where, _JSON_KEYS)
    template = _string(data, "url_template", where, required=True)
    if "{page}" not in template or urlsplit(template).scheme not in ("http", "https"):
        raise (where / "url_template").error(template, "expected an absolute URL containing {page}")
    fields = {k: _string(data, k, where) for k in ("url", "title", "published", "total_pages")}
    return JsonList(url_template=template, items=_string(data, "items", where, required=True),
                    url=fields["url"] or "url", title=fields["title"] or "title",
                    published=fields["published"], total_pages=fields["total_pages"],
                    max_pages=_int(data, "max_pages", where, 5), first_page=_int(data, "first_page", where, 1))


def _detail(data: Any, where: _Where) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise where.error(data, "expected a mapping of field name to selector")
    return {str(k): _selector(data, k, where) for k in data if data[k] is not None}


def _limits(data: Any, where: _Where) -> Limits:
    if data is None:
        return Limits()
    _mapping(data, where, _LIMIT_KEYS)
    return Limits(max_pages=_int(data, "max_pages", where, None), max_depth=_int(data, "max_depth", where, None))

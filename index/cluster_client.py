"""The thin adapter between the cluster engine and the two official clients.

Elasticsearch and OpenSearch speak the same REST API for everything the
cluster engine does (index templates, aliases, bulk, search, aggregations),
so the engine builds REST requests once and sends them through
``Transport.request``. Only this module knows which client library sends
them and how each reports failures; it also retries what is worth retrying
(429 and 502/503/504 answers, timeouts) with exponential backoff, and turns
everything else into one-line ``EngineError``s that name the URL.

A cluster URL names the hosts, the alias and the index settings::

    http://127.0.0.1:9200                       alias "policyminer"
    http://user:secret@10.0.0.5:9200,10.0.0.6:9200/news?replicas=1&shards=2
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from policyminer.errors import EngineError

DEFAULT_ALIAS = "policyminer"
RETRY_STATUS = (429, 502, 503, 504)
ATTEMPTS = 6
BACKOFF = 0.5                  # seconds before the first retry; doubles each time
MAX_BACKOFF = 8.0
TIMEOUT = 60.0
_SETTINGS = {"shards": int, "replicas": int, "refresh": str}


class HTTPError(EngineError):
    """A request the cluster answered with an error status."""

    def __init__(self, message: str, status: int, error_type: str = ""):
        super().__init__(message)
        self.status, self.error_type = status, error_type


@dataclass(frozen=True)
class Target:
    """What a cluster URL names: hosts, credentials, alias and index settings."""

    url: str
    hosts: tuple[str, ...]
    alias: str = DEFAULT_ALIAS
    auth: tuple[str, str] | None = None
    settings: dict[str, Any] = field(default_factory=dict)


def parse_url(url: str) -> Target:
    """Split a cluster URL (see the module docstring); raise EngineError when malformed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EngineError(f"{url}: a cluster URL looks like http://host:9200[/alias]")
    userinfo, _, hostlist = parts.netloc.rpartition("@")
    auth = None
    if userinfo:
        user, _, password = userinfo.partition(":")
        auth = (unquote(user), unquote(password))
    hosts = tuple(f"{parts.scheme}://{host.strip()}" for host in hostlist.split(",") if host.strip())
    alias = parts.path.strip("/") or DEFAULT_ALIAS
    if "/" in alias or alias != alias.lower() or alias.startswith(("-", "_", "+", ".")):
        raise EngineError(f"{url}: the index name {alias!r} must be one lower-case path "
                          "segment not starting with - _ + or .")
    settings = {}
    for key, value in parse_qsl(parts.query):
        if key not in _SETTINGS:
            raise EngineError(f"{url}: unknown option {key!r} (known: {', '.join(_SETTINGS)})")
        try:
            settings[key] = _SETTINGS[key](value)
        except ValueError:
            raise EngineError(f"{url}: option {key}={value!r} is not valid") from None
    shown = url.replace(f"{userinfo}@", "***@") if userinfo else url
    return Target(shown, hosts, alias, auth, settings)


class Transport:
    """Sends REST requests to one cluster through the engine's own client library."""

    def __init__(self, engine: str, target: Target, *, timeout: float = TIMEOUT):
        if engine not in ("elasticsearch", "opensearch"):
            raise EngineError(f"{target.url}: unknown cluster engine {engine!r}")
        self.engine, self.target, self.timeout = engine, target, timeout
        self._client = None

    @property
    def client(self):
        """The client library's object, created on first use."""
        if self._client is None:
            self._client = _make_client(self.engine, self.target, self.timeout)
        return self._client

    def request(self, method: str, path: str, body: Any = None, *,
                params: dict | None = None, ignore: tuple[int, ...] = ()) -> Any:
        """Send one request, retrying overload and timeouts; the decoded JSON answer.

        A status listed in ``ignore`` returns None instead of raising.
        """
        delay = BACKOFF
        for attempt in range(ATTEMPTS):
            try:
                return self._send(method, path, body, params)
            except HTTPError as exc:
                if exc.status in ignore:
                    return None
                if exc.status not in RETRY_STATUS or attempt == ATTEMPTS - 1:
                    raise
            except _Timeout as exc:
                if attempt == ATTEMPTS - 1:
                    raise EngineError(f"{self.engine} at {self.target.url}: {method} {path} "
                                      f"timed out {ATTEMPTS} times ({exc})") from None
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)
        raise AssertionError("unreachable")

    def bulk(self, lines: list[dict]) -> dict:
        """Send a bulk request of action and source lines."""
        body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        return self.request("POST", "/_bulk", body)

    def _send(self, method: str, path: str, body: Any, params: dict | None) -> Any:
        headers = {"accept": "application/json",
                   "content-type": "application/x-ndjson" if isinstance(body, str)
                   else "application/json"}
        try:
            if self.engine == "elasticsearch":
                response = self.client.perform_request(method, path, params=params,
                                                       headers=headers, body=body)
                return response.body
            return self.client.transport.perform_request(method, path, params=params,
                                                         headers=headers, body=body)
        except Exception as exc:        # the two libraries share no base class
            raise self._translate(exc, method, path) from None

    def _translate(self, exc: Exception, method: str, path: str) -> Exception:
        name = type(exc).__name__
        where = f"{self.engine} at {self.target.url}"
        if name == "ConnectionTimeout":
            return _Timeout(str(exc))
        status = getattr(getattr(exc, "meta", None), "status", None) or getattr(exc, "status_code", None)
        if isinstance(status, int):
            error = _error_of(getattr(exc, "body", None) or getattr(exc, "info", None))
            return HTTPError(f"{where}: {method} {path} failed with {status}: {error[1]}",
                             status, error[0])
        if name in ("ConnectionError", "SSLError", "TlsError", "TransportError"):
            reason = " ".join(str(exc).split())[:200]
            return EngineError(f"cannot reach {where} ({reason}); is the cluster running?")
        return exc

    def close(self) -> None:
        """Close the client's connections."""
        if self._client is not None:
            self._client.close()
            self._client = None


class _Timeout(Exception):
    """A request that timed out (retried, then reported as EngineError)."""


def _make_client(engine: str, target: Target, timeout: float):
    try:
        if engine == "elasticsearch":
            from elasticsearch import Elasticsearch
            return Elasticsearch(list(target.hosts), basic_auth=target.auth, request_timeout=timeout,
                                 max_retries=2, retry_on_timeout=False)
        from opensearchpy import OpenSearch
        return OpenSearch(list(target.hosts), http_auth=target.auth, timeout=timeout,
                          max_retries=2, retry_on_timeout=False)
    except ImportError as exc:
        raise EngineError(f"{target.url}: the {engine} client library is not installed ({exc}); "
                          "install policyminer[cluster]") from None


def _error_of(body: Any) -> tuple[str, str]:
    """(type, reason) of an error answer, on one line."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        cause = (error.get("root_cause") or [error])[0]
        return cause.get("type", ""), " ".join(f"{cause.get('type')}: {cause.get('reason')}".split())
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, default=str)
    return "", " ".join(str(text).split())[:300]

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
    http://user:secret@es-1:9200,es-2:9200/news?replicas=1&shards=2
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from policyminer.errors import EngineError

DEFAULT_ALIAS = "policyminer"
RETRY_STATUS = (429, 502, 503, 504)
# A search whose shards all failed, as while a killed node is not yet noticed: its replicas answer soon.
RETRY_ERRORS = {(500, "search_phase_execution_exception")}
ATTEMPTS = 6                   # tries of a request the cluster was too busy for
TIMEOUT_ATTEMPTS = 3           # tries of a request that timed out
BACKOFF = 0.5                  # seconds before the first retry; doubles each time
MAX_BACKOFF = 8.0
TIMEOUT = 60.0
BULK_CHARS = 4 << 20           # characters per bulk request (UTF-8: up to 3 bytes each)
_SETTINGS = {"shards": int, "replicas": int}


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
                transient = exc.status in RETRY_STATUS or (exc.status, exc.error_type) in RETRY_ERRORS
                if not transient or attempt == ATTEMPTS - 1:
                    raise
            except _Timeout as exc:
                if attempt >= TIMEOUT_ATTEMPTS - 1:
                    raise EngineError(f"{self.engine} at {self.target.url}: {method} {path} "
                                      f"timed out {attempt + 1} times ({exc})") from None
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)
        raise AssertionError("unreachable")

    def bulk(self, operations: list[str]) -> list[dict]:
        """Run bulk operations (each its NDJSON lines, see ``operation``); their results in order.

        Requests stay under ``BULK_CHARS``; operations the cluster was too busy
        for (429) are sent again after a backoff. Other per-item errors are in
        the results for the caller to judge.
        """
        results: list[dict | None] = [None] * len(operations)
        todo, delay = list(range(len(operations))), BACKOFF
        for attempt in range(ATTEMPTS):
            busy = []
            for chunk in _chunks(todo, operations):
                answer = self.request("POST", "/_bulk", "".join(operations[i] for i in chunk))
                for i, item in zip(chunk, answer["items"]):
                    result = next(iter(item.values()))
                    if result.get("status") == 429 and attempt < ATTEMPTS - 1:
                        busy.append(i)
                    results[i] = result
            if not busy:
                break
            todo = busy
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)
        return results

    def _send(self, method: str, path: str, body: Any, params: dict | None) -> Any:
        if params:      # in the path: opensearch-py would take "timeout" for its own
            path = f"{path}?{urlencode(params)}"
        headers = {"accept": "application/json",
                   "content-type": "application/x-ndjson" if isinstance(body, str)
                   else "application/json"}
        try:
            if self.engine == "elasticsearch":
                response = self.client.perform_request(method, path, headers=headers, body=body)
                return response.body
            return self.client.transport.perform_request(method, path, headers=headers, body=body)
        except Exception as exc:        # the two libraries share no base class
            raise self._translate(exc, method, path) from None

    def _translate(self, exc: Exception, method: str, path: str) -> Exception:
        name = type(exc).__name__
        where = f"{self.engine} at {self.target.url}"
        if name == "ConnectionTimeout":
            return _Timeout(str(exc))
        status = getattr(getattr(exc, "meta", None), "status", None) or getattr(exc, "status_code", None)
        error = _error_of(getattr(exc, "body", None) or getattr(exc, "info", None))
        if name == "UnsupportedProductError" or (status == 406 and "compatible-with" in error[1]):
            return EngineError(f"{where}: the server did not answer as Elasticsearch does "
                               "(is it OpenSearch? then use engine opensearch)")
        if isinstance(status, int):
            return HTTPError(f"{where}: {method} {path} failed with {status}: {error[1]}",
                             status, error[0])
        if name in ("ConnectionError", "SSLError", "TlsError", "TransportError"):
            return EngineError(f"cannot reach {where} ({_network_reason(exc)}); is the cluster running?")
        return exc

    def close(self) -> None:
        """Close the client's connections."""
        if self._client is not None:
            self._client.close()
            self._client = None


def operation(action: str, index: str, doc_id: str, source: dict | None = None) -> str:
    """One bulk operation as NDJSON: the action line, and the source line if any."""
    line = json.dumps({action: {"_index": index, "_id": doc_id}}) + "\n"
    return line + (json.dumps(source, ensure_ascii=False) + "\n" if source is not None else "")


def _chunks(todo: list[int], operations: list[str]) -> Iterator[list[int]]:
    """Operation numbers in runs whose requests stay under BULK_CHARS."""
    chunk, size = [], 0
    for i in todo:
        if chunk and size + len(operations[i]) > BULK_CHARS:
            yield chunk
            chunk, size = [], 0
        chunk.append(i)
        size += len(operations[i])
    if chunk:
        yield chunk


class _Timeout(Exception):
    """A request that timed out (retried, then reported as EngineError)."""


def _make_client(engine: str, target: Target, timeout: float):
    try:
        if engine == "elasticsearch":
            from elasticsearch import Elasticsearch
            return Elasticsearch(list(target.hosts), basic_auth=target.auth, request_timeout=timeout,
                                 max_retries=2, retry_on_timeout=False, retry_on_status=())
        from opensearchpy import OpenSearch
        return OpenSearch(list(target.hosts), http_auth=target.auth, timeout=timeout,
                          max_retries=2, retry_on_timeout=False, retry_on_status=())
    except ImportError as exc:
        raise EngineError(f"{target.url}: the {engine} client library is not installed ({exc}); "
                          "install policyminer[cluster]") from None


def _network_reason(exc: Exception) -> str:
    """The operating system's words for a failed connection (Connection refused …)."""
    text = " ".join(str(exc).split())
    found = (re.search(r"\[Errno -?\d+\] ([^)'\"\]]+)", text)
             or re.search(r"(timed out|[Nn]ame or service not known)", text))
    return found[1].strip() if found else text[:160]


def _error_of(body: Any) -> tuple[str, str]:
    """(type, reason) of an error answer, on one line."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        cause = (error.get("root_cause") or [error])[0]
        return cause.get("type", ""), " ".join(f"{cause.get('type')}: {cause.get('reason')}".split())
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, default=str)
    return "", " ".join(str(text).split())[:300]

"""Cluster URLs, and the client adapter's retries against a real local HTTP server."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from index.cluster_client import DEFAULT_ALIAS, HTTPError, Transport, parse_url
from policyminer.errors import EngineError

URLS = {
    "bare": ("http://127.0.0.1:9200", ("http://127.0.0.1:9200",), DEFAULT_ALIAS, None, {}),
    "alias": ("http://localhost:9200/news", ("http://localhost:9200",), "news", None, {}),
    "two-hosts": ("http://es-1:9200,es-2:9200/news/",
                  ("http://es-1:9200", "http://es-2:9200"), "news", None, {}),
    "settings": ("https://es:9200/pm?replicas=1&shards=2", ("https://es:9200",), "pm", None,
                 {"replicas": 1, "shards": 2}),
    "credentials": ("http://elastic:s%40cret@es:9200", ("http://es:9200",), DEFAULT_ALIAS,
                    ("elastic", "s@cret"), {}),
}


@pytest.mark.parametrize("url,hosts,alias,auth,settings", URLS.values(), ids=URLS.keys())
def test_parse_url(url, hosts, alias, auth, settings):
    target = parse_url(url)
    assert (target.hosts, target.alias, target.auth, target.settings) == (hosts, alias, auth, settings)


def test_credentials_never_appear_in_the_shown_url():
    assert "s%40cret" not in parse_url("http://elastic:s%40cret@es:9200").url


@pytest.mark.parametrize("url", ["ftp://es:9200", "http://es:9200/News", "http://es:9200/a/b",
                                 "http://es:9200/_pm", "http://es:9200/pm?replica=1",
                                 "http://es:9200/pm?shards=two"],
                         ids=["scheme", "upper-case", "two-segments", "underscore", "unknown-option",
                              "bad-number"])
def test_malformed_urls(url):
    with pytest.raises(EngineError, match="es:9200|ftp"):
        parse_url(url)


OVERLOAD = (429, "es_rejected_execution_exception", "queue full")
ALL_SHARDS_FAILED = (500, "search_phase_execution_exception", "all shards failed")


class _Busy(BaseHTTPRequestHandler):
    """Answers ``error`` (status, type, reason) to the first `busy` requests, then 200 with a JSON body."""

    busy = 2
    seen = 0
    error = OVERLOAD

    def do_GET(self):
        type(self).seen += 1
        code, kind, reason = self.error
        status = code if self.seen <= self.busy else 200
        body = json.dumps({"error": {"type": kind, "reason": reason, "root_cause": []}, "status": code}
                          if status == code else {"count": 7}).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def busy_server():
    _Busy.seen, _Busy.busy, _Busy.error = 0, 2, OVERLOAD
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Busy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
@pytest.mark.parametrize("error", [OVERLOAD, ALL_SHARDS_FAILED], ids=["overload", "all-shards-failed"])
def test_overload_is_retried_with_backoff(busy_server, engine, error, monkeypatch):
    monkeypatch.setattr("index.cluster_client.BACKOFF", 0.01)
    _Busy.error = error
    transport = Transport(engine, parse_url(f"http://127.0.0.1:{busy_server.server_port}"))
    assert transport.request("GET", "/pm/_count") == {"count": 7}
    assert _Busy.seen == 3
    transport.close()


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_other_server_errors_are_not_retried(busy_server, engine, monkeypatch):
    monkeypatch.setattr("index.cluster_client.BACKOFF", 0.01)
    _Busy.error = (500, "illegal_state_exception", "broken")
    transport = Transport(engine, parse_url(f"http://127.0.0.1:{busy_server.server_port}"))
    with pytest.raises(HTTPError, match="500") as caught:
        transport.request("GET", "/pm/_count")
    assert caught.value.status == 500 and _Busy.seen == 1
    transport.close()


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_overload_that_persists_is_an_error_naming_the_url(busy_server, engine, monkeypatch):
    monkeypatch.setattr("index.cluster_client.BACKOFF", 0.01)
    _Busy.busy = 100
    url = f"http://127.0.0.1:{busy_server.server_port}"
    transport = Transport(engine, parse_url(url))
    with pytest.raises(HTTPError, match="429") as caught:
        transport.request("GET", "/pm/_count")
    assert url in str(caught.value) and caught.value.status == 429
    assert "\n" not in str(caught.value)
    transport.close()


class _Bulk(BaseHTTPRequestHandler):
    """A bulk endpoint that is too busy for the first document of the first request."""

    bodies: list[list[str]] = []

    def do_POST(self):
        lines = self.rfile.read(int(self.headers["content-length"])).decode().splitlines()
        actions = [json.loads(line) for line in lines if '"_index"' in line]
        first = not self.bodies
        type(self).bodies.append([next(iter(a.values()))["_id"] for a in actions])
        items = [{"index": {"_id": next(iter(a.values()))["_id"],
                            "status": 429 if first and n == 0 else 201}} for n, a in enumerate(actions)]
        body = json.dumps({"errors": first, "items": items}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_bulk_resends_only_what_was_refused_and_splits_big_requests(engine, monkeypatch):
    from index.cluster_client import operation
    monkeypatch.setattr("index.cluster_client.BACKOFF", 0.01)
    monkeypatch.setattr("index.cluster_client.BULK_CHARS", 150)
    _Bulk.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bulk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    transport = Transport(engine, parse_url(f"http://127.0.0.1:{server.server_port}"))
    try:
        operations = [operation("index", "pm", key, {"title": "西南大学签约" * 2}) for key in "abcd"]
        results = transport.bulk(operations)
    finally:
        transport.close()
        server.shutdown()
        server.server_close()
    assert [r["status"] for r in results] == [201, 201, 201, 201]
    assert _Bulk.bodies == [["a", "b"], ["c", "d"], ["a"]]

import pytest

from policyminer.errors import EngineError, QueryError
from policyminer.web.guard import LOOPBACK_HOSTS, as_web_error, error_body, host_allowed, host_name, is_loopback
from policyminer.web.params import WebError


@pytest.mark.parametrize("header, expected", [
    pytest.param("127.0.0.1:8000", "127.0.0.1", id="ipv4-port"),
    pytest.param("LOCALHOST:8000", "localhost", id="name-upper"),
    pytest.param("localhost", "localhost", id="no-port"),
    pytest.param("[::1]:8000", "::1", id="ipv6-port"),
    pytest.param("evil.example.com:8000", "evil.example.com", id="other"),
    pytest.param(None, "", id="missing"),
])
def test_host_name(header, expected):
    assert host_name(header) == expected


@pytest.mark.parametrize("header, allowed, expected", [
    pytest.param("127.0.0.1:8000", LOOPBACK_HOSTS, True, id="loopback"),
    pytest.param("[::1]:8000", LOOPBACK_HOSTS, True, id="ipv6-loopback"),
    pytest.param("rebound.example.com:8000", LOOPBACK_HOSTS, False, id="dns-rebinding"),
    pytest.param("", LOOPBACK_HOSTS, False, id="missing"),
    pytest.param("192.168.1.20:8000", None, True, id="any-when-bound-elsewhere"),
])
def test_host_allowed(header, allowed, expected):
    assert host_allowed(header, allowed) is expected


@pytest.mark.parametrize("host, expected", [
    pytest.param("127.0.0.1", True, id="ipv4"), pytest.param("127.0.0.2", True, id="ipv4-range"),
    pytest.param("::1", True, id="ipv6"), pytest.param("localhost", True, id="name"),
    pytest.param("0.0.0.0", False, id="all-interfaces"), pytest.param("192.168.1.20", False, id="lan"),
])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_query_error_keeps_position_and_query():
    exc = QueryError('unmatched ")" at position 3')
    exc.position, exc.query = 3, "签约 )"
    assert error_body(as_web_error(exc)) == {"error": {
        "status": 400, "title": "Bad request", "message": 'unmatched ")" at position 3',
        "kind": "query", "position": 3, "query": "签约 )"}}


@pytest.mark.parametrize("exc, status", [
    pytest.param(EngineError("cannot reach http://127.0.0.1:9200"), 503, id="engine"),
    pytest.param(WebError(404, "no such page"), 404, id="web"),
    pytest.param(RuntimeError("boom"), 500, id="unexpected"),
])
def test_status_of_errors(exc, status):
    assert as_web_error(exc).status == status


def test_unexpected_error_does_not_leak_its_message():
    assert "boom" not in as_web_error(RuntimeError("boom")).message

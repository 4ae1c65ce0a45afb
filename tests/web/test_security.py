"""Safe by default: GET only, loopback Host names, security headers, one error shape, no inline script."""
import pytest

PAGES = ["/search?q=签约", "/search", "/signings?week=2025-W17", "/search?q=(", "/nope"]
JSON_PAGES = ["/search.json?q=签约", "/signings.json?week=2025-W17", "/search.json?q=(", "/nope.json"]


@pytest.mark.parametrize("url", PAGES + JSON_PAGES + ["/static/style.css"])
def test_security_headers_on_every_response(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("url", PAGES)
def test_pages_carry_no_script_and_no_inline_style(client, url, records):
    page = client.get(url).text
    assert "<script" not in page and " style=" not in page and "on" + "click=" not in page


def test_document_page_carries_no_script(client, records):
    page = client.get(f"/documents/{records['beibei'].id}").text
    assert "<script" not in page and " style=" not in page


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/search", "/search.json", "/export/documents.csv", "/nope"])
def test_read_only(client, method, url):
    response = client.request(method, url)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.json() == {"error": {"status": 405, "title": "Method not allowed",
                                         "message": "this app is read-only: GET only"}}


def test_head_is_allowed(client):
    assert client.head("/search?q=签约").status_code == 200


@pytest.mark.parametrize("host", ["evil.example.com", "rebound.attacker.test:8000", "192.168.1.20:8000"])
def test_foreign_host_header_is_refused(client, host):
    response = client.get("/search.json?q=签约", headers={"host": host})
    assert response.status_code == 400
    assert "Host header" in response.json()["error"]["message"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"])
def test_loopback_host_headers_are_served(client, host):
    assert client.get("/search.json?q=签约", headers={"host": host}).status_code == 200


def test_any_host_when_not_bound_to_loopback(tiny_ws):
    from fastapi.testclient import TestClient

    from policyminer.web.app import create_app
    with TestClient(create_app(tiny_ws, allowed_hosts=None), base_url="http://192.168.1.20:8000") as lan:
        assert lan.get("/search.json?q=签约").status_code == 200


@pytest.mark.parametrize("url, status", [
    pytest.param("/nope.json", 404, id="unknown-route"),
    pytest.param("/search.json?q=(", 400, id="bad-query"),
    pytest.param("/search.json?page=0", 400, id="bad-page"),
    pytest.param("/search.json?sort=random", 400, id="bad-sort"),
    pytest.param("/signings.json?week=W17", 400, id="bad-week"),
    pytest.param("/documents/ffffffffffffffffffff.json", 404, id="unknown-document"),
    pytest.param("/signings.pdf", 404, id="unknown-format"),
    pytest.param("/export/passwords.csv", 404, id="unknown-export"),
    pytest.param("/static/app.py", 404, id="not-a-static-file"),
])
def test_every_error_has_one_json_shape(client, url, status):
    response = client.get(url, headers={"accept": "application/json"})
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["title"] and error["message"]


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                 "/static/style.css%00.py", "/export/..%2f..%2fetc%2fpasswd"])
def test_no_path_from_the_user_reaches_the_disk(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "create_app" not in response.text and "root:" not in response.text


def test_static_stylesheet(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and response.headers["content-type"] == "text/css; charset=utf-8"
    assert ".hl.org" in response.text


def test_home_redirects_to_search(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/search"


def test_browser_gets_an_error_page(client):
    response = client.get("/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "<h1>404 · Not found</h1>" in response.text

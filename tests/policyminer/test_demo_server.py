"""The fixture sites and the local server that serves them (policyminer.demo.server)."""
from __future__ import annotations

import datetime
import http.client
import json
import re
import socket
import urllib.error
import urllib.request
import urllib.robotparser
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from lxml import html as lxml_html

from policyminer.demo import MANIFEST_FILE, SITES_DIR, SOURCES_FILE, demo_sources_yaml, make_attachments
from policyminer.demo.server import CHARSET_OVERRIDES, ROUTES, SiteServer

NEWS = "/www.cqbb.gov.cn/zwxx_237/bbyw"
SPB = "/www.cqspb.gov.cn/xwzx/qxdt/202504"
MANIFEST = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
PRIVATE = next(d["path"] for d in MANIFEST["not_documents"] if d["behaviour"] == "robots-disallowed")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


@pytest.fixture(scope="module")
def server():
    with SiteServer(slow_delay=0.5) as srv:
        yield srv


def get(server, path, headers=None, timeout=10):
    """(status, headers, body) of a GET, without following redirects."""
    request = urllib.request.Request(server.base_url + path, headers=headers or {})
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# -- lifecycle -------------------------------------------------------------

def test_binds_a_free_port_and_releases_it():
    srv = SiteServer().start()
    port = int(srv.base_url.rsplit(":", 1)[1])
    assert srv.base_url == f"http://127.0.0.1:{port}" and port > 0
    assert get(srv, "/")[0] == 200
    srv.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_base_url_before_start_says_what_to_do():
    with pytest.raises(RuntimeError, match="start"):
        SiteServer().base_url


def test_counts_hits_by_request_path(server):
    server.reset()
    for _ in range(2):
        get(server, f"{NEWS}/index.html")
    get(server, f"{NEWS}/index_1.html")
    assert server.hits[f"{NEWS}/index.html"] == 2
    assert server.hits[f"{NEWS}/index_1.html"] == 1


# -- content types and encodings ---------------------------------------------

@pytest.mark.parametrize("path, content_type", [
    pytest.param(f"{NEWS}/index.html", "text/html; charset=utf-8", id="utf8-html"),
    pytest.param("/epaper.cqrb.cn/html/2025-04/25/node_5.htm", "text/html; charset=utf-8", id="htm"),
    pytest.param(f"{SPB}/t20250425_9003120.html", "text/html; charset=gbk", id="gbk-html"),
    pytest.param(f"{SPB}/t20250422_9003002.html", "text/html", id="gbk-no-header-charset"),
    pytest.param(f"{SPB}/t20250417_9002871.html", "text/html; charset=utf-8", id="gbk-wrong-header-charset"),
    pytest.param("/www.cqbb.gov.cn/zwgk_239/zcwj/202504/P020250424385712904563.pdf", "application/pdf", id="pdf"),
    pytest.param("/www.cqbb.gov.cn/zwgk_239/zcwj/202502/P020250227512398764321.docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id="docx"),
    pytest.param("/www.cqbb.gov.cn/zwgk_239/zcwj/202503/P020250318601234567890.xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", id="xlsx"),
    pytest.param("/www.cqbb.gov.cn/zwgk_239/zcwj/202502/P020250227512398764322.wps", "application/vnd.ms-works", id="wps"),
    pytest.param("/www.cqspb.gov.cn/api/list?page=1", "application/json; charset=utf-8", id="json-api"),
    pytest.param("/robots.txt", "text/plain; charset=utf-8", id="robots"),
])
def test_content_type(server, path, content_type):
    status, headers, _ = get(server, path)
    assert status == 200
    assert headers["Content-Type"] == content_type


def test_directory_url_serves_its_index(server):
    status, _, body = get(server, f"{NEWS}/")
    assert status == 200 and "北碚要闻" in body.decode("utf-8")


def test_directory_without_slash_redirects_to_slash(server):
    status, headers, _ = get(server, NEWS)
    assert status == 301 and headers["Location"] == f"{NEWS}/"


@pytest.mark.parametrize("path", [
    f"{SPB}/t20250425_9003120.html", f"{SPB}/t20250422_9003002.html", f"{SPB}/t20250417_9002871.html",
    f"{SPB}/t20250402_9001950.html", "/www.cqspb.gov.cn/xwzx/qxdt/202503/t20250306_9000712.html",
    "/www.cqspb.gov.cn/xwzx/qxdt/index.html",
])
def test_gbk_pages_are_gbk_bytes(server, path):
    _, _, body = get(server, path)
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "沙坪坝" in body.decode("gbk")


def test_charset_overrides_are_gbk_pages():
    for path in CHARSET_OVERRIDES:
        assert b"gb" in (SITES_DIR / path.lstrip("/")).read_bytes()[:400].lower()


def test_traversal_outside_the_root_is_404(server):
    assert get(server, "/../../etc/passwd")[0] == 404
    assert get(server, "/%2e%2e/%2e%2e/etc/passwd")[0] == 404
    assert get(server, "/www.cqbb.gov.cn/%00.html")[0] == 404


def test_head_gives_headers_without_body(server):
    request = urllib.request.Request(server.base_url + f"{NEWS}/index.html", method="HEAD")
    with OPENER.open(request, timeout=5) as response:
        assert response.status == 200 and int(response.headers["Content-Length"]) > 1000
        assert response.read() == b""


# -- conditional GET ---------------------------------------------------------

def test_etag_gives_304(server):
    path = f"{NEWS}/202504/t20250425_14534123.html"
    status, headers, _ = get(server, path)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    status, again, body = get(server, path, {"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")
    assert again["ETag"] == headers["ETag"]


def test_last_modified_gives_304(server):
    path = f"{NEWS}/202504/t20250423_14531876.html"
    _, headers, _ = get(server, path)
    assert get(server, path, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304


def test_changed_etag_gives_200(server):
    path = f"{NEWS}/202504/t20250423_14531876.html"
    assert get(server, path, {"If-None-Match": '"0000000000000000"'})[0] == 200


def test_if_none_match_wins_over_if_modified_since(server):
    path = f"{NEWS}/202504/t20250423_14531876.html"
    _, headers, _ = get(server, path)
    stale = {"If-None-Match": '"stale"', "If-Modified-Since": headers["Last-Modified"]}
    assert get(server, path, stale)[0] == 200


# -- the quirks of ROUTES ----------------------------------------------------

@pytest.mark.parametrize("path, status", [
    pytest.param(f"{NEWS}/202504/t20250418_14500001.html", 404, id="dead-link"),
    pytest.param(f"{NEWS}/202504/t20250416_14500002.html", 500, id="always-500"),
    pytest.param("/www.cqbb.gov.cn/no/such/page.html", 404, id="missing-file"),
])
def test_error_status(server, path, status):
    got, headers, body = get(server, path)
    assert got == status
    assert headers["Content-Type"] == "text/html; charset=utf-8" and str(status).encode() in body


def test_flaky_page_fails_twice_then_succeeds(server):
    server.reset()
    path = f"{NEWS}/202504/t20250415_14500003.html"
    statuses = [get(server, path)[0] for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert get(server, path)[0] == 200


def test_redirect_301_to_a_detail_page(server):
    status, headers, _ = get(server, f"{NEWS}/202503/t20250320_14400001.html")
    assert status == 301
    target = headers["Location"]
    assert target == f"{NEWS}/202504/t20250425_14534123.html"
    assert get(server, target)[0] == 200


def test_redirect_loop(server):
    first = f"{NEWS}/202503/t20250328_14400002.html"
    status, headers, _ = get(server, first)
    assert status == 302
    status, back, _ = get(server, headers["Location"])
    assert status == 302 and back["Location"] == first


def test_trap_links_to_ever_later_pages(server):
    for page in (1, 57, 12345):
        status, _, body = get(server, f"/www.cqbb.gov.cn/hdjl/rl/index.html?page={page}")
        tree = lxml_html.fromstring(body)
        assert status == 200
        assert tree.xpath("//a[@class='next']/@href") == [f"index.html?page={page + 1}"]


def test_truncated_page_breaks_off(server):
    conn = http.client.HTTPConnection(*urlsplit(server.base_url).netloc.split(":"), timeout=5)
    conn.request("GET", f"{NEWS}/202504/t20250411_14500005.html")
    response = conn.getresponse()
    declared = int(response.headers["Content-Length"])
    with pytest.raises(http.client.IncompleteRead) as caught:
        response.read()
    assert len(caught.value.partial) < declared
    conn.close()


def test_huge_page_is_twenty_megabytes(server):
    status, headers, body = get(server, f"{NEWS}/202503/t20250327_14400004.html", timeout=30)
    assert status == 200 and int(headers["Content-Length"]) == len(body) == 20_000_000
    assert body.startswith(b"<!DOCTYPE html>") and body.endswith(b"</html>")
    body.decode("utf-8")


def test_slow_page_outlasts_a_short_timeout(server):
    path = f"{NEWS}/202504/t20250414_14500004.html"
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        get(server, path, timeout=0.1)
    assert get(server, path, timeout=5)[0] == 200


def test_every_route_is_reachable_from_a_site_page():
    pages = "".join(p.read_bytes().decode("latin-1") for p in SITES_DIR.rglob("*.htm*"))
    redirected = {params["to"] for _, params in ROUTES.values() if "to" in params}
    self_redirecting = {path for path, (kind, _) in ROUTES.items() if kind == "redirect_query"}
    for path in ROUTES:
        name = path.rsplit("/", 1)[-1]
        assert (name in pages or path in redirected or path in self_redirecting
                or path.endswith("/api/list")), path


# -- JSON list API -------------------------------------------------------------

def test_json_api_pages_and_absolute_urls(server):
    _, _, body = get(server, "/www.cqspb.gov.cn/api/list?page=1")
    first = json.loads(body)["data"]
    _, _, body = get(server, "/www.cqspb.gov.cn/api/list?page=2")
    second = json.loads(body)["data"]
    assert (first["totalPage"], len(first["list"]), len(second["list"])) == (2, 4, 1)
    for item in first["list"] + second["list"]:
        assert item["url"].startswith(server.base_url + "/www.cqspb.gov.cn/xwzx/")
        assert item["title"] and item["pubDate"][:4] == "2025"
        assert get(server, item["url"][len(server.base_url):])[0] == 200


def test_json_api_past_the_last_page_is_empty(server):
    _, _, body = get(server, "/www.cqspb.gov.cn/api/list?page=9")
    assert json.loads(body)["data"]["list"] == []


# -- robots.txt ----------------------------------------------------------------

def test_robots_disallows_the_private_prefix(server):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(get(server, "/robots.txt")[2].decode("utf-8").splitlines())
    assert not parser.can_fetch("policyminer", server.base_url + PRIVATE)
    assert parser.can_fetch("policyminer", server.base_url + f"{NEWS}/index.html")


def test_private_page_is_linked_from_a_list_page(server):
    _, _, body = get(server, f"{NEWS}/index.html")
    links = {urljoin(f"{NEWS}/index.html", h) for h in lxml_html.fromstring(body).xpath("//ul[@class='list']//a/@href")}
    assert PRIVATE in links


# -- the whole site graph --------------------------------------------------------

def crawl_links(server):
    """Breadth-first over every <a href> on the server: status by path (None: a ROUTES quirk, not fetched)."""
    seen, statuses, queue = {"/"}, {}, deque(["/"])
    deliberate = set(ROUTES)
    while queue:
        path = queue.popleft()
        if urlsplit(path).path in deliberate:
            statuses[path] = None
            continue
        status, headers, body = get(server, path)
        statuses[path] = status
        if status != 200 or not headers["Content-Type"].startswith("text/html"):
            continue
        for href in lxml_html.fromstring(body).xpath("//a/@href"):
            url = urljoin(server.base_url + path, href.strip())
            if not url.startswith(server.base_url + "/"):
                continue  # javascript:, other hosts
            target = url[len(server.base_url):].split("#")[0]
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return statuses


@pytest.fixture(scope="module")
def site_graph(server):
    return crawl_links(server)


def test_no_dead_links_but_the_deliberate_ones(site_graph):
    statuses = site_graph
    dead = {path: status for path, status in statuses.items() if status not in (200, None)}
    assert dead == {}
    assert len(statuses) > 40


def test_manifest_documents_exist_and_are_linked(server, site_graph):
    statuses = site_graph
    api_urls = set()
    for page in (1, 2):
        data = json.loads(get(server, f"/www.cqspb.gov.cn/api/list?page={page}")[2])["data"]["list"]
        api_urls |= {item["url"][len(server.base_url):] for item in data}
    for doc in MANIFEST["documents"]:
        assert (SITES_DIR / doc["path"].lstrip("/")).is_file(), doc["path"]
        assert doc["path"] in statuses or doc["path"] in api_urls, doc["path"]


def test_manifest_covers_the_planned_calendar():
    docs = MANIFEST["documents"]
    weeks = {datetime.date.fromisoformat(d["published"]).isocalendar()[:2] for d in docs}
    assert len(docs) >= 25
    assert (2025, 17) in weeks and (2025, 18) not in weeks and (2025, 19) not in weeks
    assert {d["doc_type"] for d in docs} == {"news", "policy"}
    assert sum(d["signing"] for d in docs) >= 10 and sum(not d["signing"] for d in docs) >= 10


# -- attachments -------------------------------------------------------------------

def test_pdf_attachment_text():
    from pdfminer.high_level import extract_text
    text = extract_text(str(make_attachments.PDF_PATH))
    assert "北碚区支持科技创新若干政策措施" in text
    assert "给予一次性奖励20万元" in text


def test_pdf_attachment_is_reproducible():
    assert make_attachments.pdf_bytes(make_attachments.PDF_PAGES) == make_attachments.PDF_PATH.read_bytes()


def test_docx_attachment_text():
    import docx
    document = docx.Document(str(make_attachments.DOCX_PATH))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "北碚区2025年春季招商引资项目申报表" in text
    assert "计划总投资（万元）" in cells


def test_xlsx_attachment_rows():
    import openpyxl
    rows = list(openpyxl.load_workbook(make_attachments.XLSX_PATH).active.iter_rows(values_only=True))
    assert rows[0][0] == "北碚区2025年重点建设项目计划表"
    assert rows[2][1] == "北碚国家大学科技园二期" and rows[2][3] == 12.6


def test_wps_attachment_cannot_be_read():
    import olefile
    assert olefile.isOleFile(str(make_attachments.WPS_PATH))
    with pytest.raises(Exception):
        olefile.OleFileIO(str(make_attachments.WPS_PATH))


# -- demo sources ----------------------------------------------------------------------

def demo_sources():
    return yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))["sources"]


def test_sources_ids_are_unique_slugs():
    ids = [s["id"] for s in demo_sources()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def test_sources_start_urls_resolve(server):
    sources = yaml.safe_load(demo_sources_yaml(server.base_url))["sources"]
    host = urlsplit(server.base_url).netloc
    for source in sources:
        assert source["allowed_domains"] == [host]
        assert source["doc_type"] in ("news", "policy")
        for url in source["start_urls"]:
            assert url.startswith(server.base_url + "/")
            assert get(server, url[len(server.base_url):])[0] == 200, (source["id"], url)
        template = (source["list"].get("json") or {}).get("url_template", "")
        assert "{base}" not in template and "{page}" in (template or "{page}")


def test_every_manifest_source_is_declared():
    declared = {s["id"] for s in demo_sources()}
    assert {d["source"] for d in MANIFEST["documents"]} <= declared


def select(body: bytes, encoding: str, query: str) -> list[str]:
    """Apply a sources.yaml selector (CSS with ::attr/::text, or xpath:…) to a page."""
    from parsel import Selector
    selector = Selector(text=body.decode(encoding))
    if query.startswith("xpath:"):
        return selector.xpath(query[len("xpath:"):]).getall()
    return selector.css(query).getall()


@pytest.mark.parametrize("source", demo_sources(), ids=lambda s: s["id"])
def test_source_selectors_match_the_pages(server, source):
    encoding = source.get("encoding") or "utf-8"
    listing = source["list"]
    if listing.get("links"):
        start = source["start_urls"][0].replace("{base}", server.base_url)
        links = [urljoin(start, h) for h in select(get(server, start[len(server.base_url):])[2], encoding, listing["links"])]
        assert links and all(re.search(listing["link_pattern"], h) for h in links), links
    unusual = {"slow", "flaky-503", "truncated"}
    docs = [d for d in MANIFEST["documents"] if d["source"] == source["id"] and not unusual & set(d["quirks"])]
    for field, query in (source.get("detail") or {}).items():
        for doc in docs:
            body = get(server, doc["path"])[2]
            found = select(body, "gbk" if b"charset=gb" in body[:400] else encoding, query)
            assert found and "".join(found).strip(), (field, doc["path"])

"""The organisation registry pages (/orgs, /orgs/{key}) and places on the search and document pages.

Their own workspace: six records written to extracted/ (where the registry
reads them) and loaded into the index (where the pages search). The Beibei
government is written three ways across three documents; one body's name
carries a <script> tag; one document names Beibei as a place only.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, Organization, Signing, doc_id
from policyminer.web.orgs import org_query
from policyminer.workspace import Workspace

EVIL = "<script>alert(1)</script>研究院"
CHROMIUM = os.environ.get("POLICYMINER_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
BEIBEI_GOV = ("北碚区政府", "北碚区人民政府", "重庆市北碚区人民政府")
BEIBEI_PLACE = {"name": "北碚区", "code": "500109", "level": "county", "parents": ["500000"],
                "mentions": [[0, 3]]}


def _doc(n: int, published: str, text: str, orgs: list[Organization], **extra) -> Extracted:
    url = f"https://www.cqbb.gov.cn/zwxx/bbyw/2025/t{n}.html"
    return Extracted(id=doc_id(url), url=url, title=extra.pop("title", text[:12]), published=published,
                     text=text, source="cqbb-news", region="重庆市北碚区", organizations=orgs, **extra)


def _org(name: str, kind: str, text: str) -> Organization:
    start = text.index(name)
    return Organization(name, kind, [], [[start, start + len(name)]])


def _records() -> list[Extracted]:
    one = "北碚区政府与西南大学签署战略合作协议，共建科技园区。"
    two = "北碚区人民政府召开常务会议，研究部署春耕生产。"
    three = "重庆市北碚区人民政府与重庆大学座谈，商议人才合作。"
    four = f"{EVIL}发布年度报告。"
    five = "北碚区今年新开工项目二十个。"
    six = "西南大学举办校园开放日活动。"
    signing = Signing(one[:18], "2025-03-10", ["北碚区政府", "西南大学"], ["科技园区"],
                      location="北碚区", start=0, end=18, location_code="500109")
    return [
        _doc(1, "2025-03-10", one, [_org("北碚区政府", "government", one), _org("西南大学", "university", one)],
             signings=[signing], places=[BEIBEI_PLACE]),
        _doc(2, "2025-04-02", two, [_org("北碚区人民政府", "government", two)]),
        _doc(3, "2025-05-20", three, [_org("重庆市北碚区人民政府", "government", three),
                                      _org("重庆大学", "university", three)]),
        _doc(4, "2025-05-21", four, [_org(EVIL, "institute", four)], title="研究院年度报告"),
        _doc(5, "2025-05-22", five, [], places=[BEIBEI_PLACE]),
        _doc(6, "2025-06-01", six, [_org("西南大学", "university", six)]),
    ]


@pytest.fixture(scope="module")
def orgs_ws(tmp_path_factory) -> Workspace:
    """A workspace whose extracted/ and index hold ``_records()``."""
    from policyminer.run import open_workspace_index
    ws = Workspace.open(tmp_path_factory.mktemp("orgs"))
    ExtractedStore(ws.extracted_dir).write(_records())
    with open_workspace_index(ws) as index:
        index.load(_records())
    return ws


@pytest.fixture(scope="module")
def orgs_client(orgs_ws):
    """A TestClient over ``orgs_ws``."""
    ws = orgs_ws
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    from policyminer.web.app import create_app
    with TestClient(create_app(ws), base_url="http://127.0.0.1") as test_client:
        yield test_client


def page_rows(body: str) -> list[dict]:
    """The registry table as the page shows it: key, name, documents, variants."""
    rows = []
    for match in re.finditer(r'<tr class="org" data-key="([^"]*)">(.*?)</tr>', body, re.S):
        cells = match.group(2)
        rows.append({
            "key": html.unescape(match.group(1)),
            "name": html.unescape(re.search(r'<td class="name"><a [^>]*>(.*?)</a>', cells).group(1)),
            "documents": int(re.search(r'<td class="num documents">(\d+)</td>', cells).group(1)),
            "variants": [html.unescape(v) for v in re.findall(r'<span class="variant">(.*?) <span', cells)],
        })
    return rows


def beibei_key(client) -> str:
    return client.get("/orgs.json", params={"q": "北碚区政府"}).json()["orgs"][0]["key"]


# -- the registry page ---------------------------------------------------------------

@pytest.mark.parametrize("query", ["", *BEIBEI_GOV, "北碚"], ids=["all", "short", "full", "with-city", "part"])
def test_a_body_is_listed_once_whatever_its_variants(orgs_client, query):
    rows = page_rows(orgs_client.get("/orgs", params={"q": query}).text)
    beibei = [row for row in rows if row["name"] in BEIBEI_GOV]
    assert len(beibei) == 1
    assert beibei[0]["documents"] == 3
    assert sorted(beibei[0]["variants"]) == sorted(BEIBEI_GOV)


def test_rows_come_most_documents_first(orgs_client):
    counts = [row["documents"] for row in page_rows(orgs_client.get("/orgs").text)]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3


@pytest.mark.parametrize("params", [{}, {"q": "大学"}, {"type": "university"}, {"per_page": "2"},
                                    {"per_page": "2", "page": "2"}],
                         ids=["all", "query", "type", "first-page", "second-page"])
def test_json_twin_equals_the_page(orgs_client, params):
    shown = page_rows(orgs_client.get("/orgs", params=params).text)
    data = orgs_client.get("/orgs.json", params=params).json()
    assert shown == [{"key": o["key"], "name": o["name"], "documents": o["documents"],
                      "variants": [v["name"] for v in o["variants"]]} for o in data["orgs"]]
    assert shown


@pytest.mark.parametrize("kind, names", [("university", {"西南大学", "重庆大学"}),
                                         ("government", {"重庆市北碚区人民政府"}),
                                         ("party", set())],
                         ids=["university", "government", "absent-type"])
def test_filter_by_type(orgs_client, kind, names):
    data = orgs_client.get("/orgs.json", params={"type": kind}).json()
    assert {o["name"] for o in data["orgs"]} == names
    assert all(o["type"] == kind for o in data["orgs"])


def test_pages_split_the_registry(orgs_client):
    everything = orgs_client.get("/orgs.json").json()
    first = orgs_client.get("/orgs.json", params={"per_page": 2}).json()
    second = orgs_client.get("/orgs.json", params={"per_page": 2, "page": 2}).json()
    assert first["total"] == everything["total"] == 4
    assert first["orgs"] + second["orgs"] == everything["orgs"][:4]
    assert 'rel="next"' in orgs_client.get("/orgs", params={"per_page": 2}).text


@pytest.mark.parametrize("params", [{"page": "0"}, {"per_page": "x"}, {"q": "北" * 2001}],
                         ids=["page-zero", "per-page-word", "long-query"])
def test_bad_parameters_are_400_in_the_error_shape(orgs_client, params):
    response = orgs_client.get("/orgs.json", params=params)
    assert response.status_code == 400
    assert set(response.json()["error"]) >= {"status", "message"}


def test_rows_link_to_the_body_and_its_search(orgs_client):
    row = orgs_client.get("/orgs.json", params={"q": "北碚区政府"}).json()["orgs"][0]
    assert row["href"] == "/orgs/" + quote(row["key"], safe="")
    assert row["search"] == "/search?" + "q=" + quote(f"org:{row['name']}", safe="")
    assert f'href="{row["search"]}"' in orgs_client.get("/orgs").text


def test_the_nav_links_the_registry(orgs_client):
    body = orgs_client.get("/orgs").text
    assert '<a href="/orgs" class="here">Organisations</a>' in body
    assert '<a href="/orgs"' in orgs_client.get("/search").text


# -- one body ------------------------------------------------------------------------

def test_body_page_shows_variants_chart_documents_and_signings(orgs_client):
    key = beibei_key(orgs_client)
    body = orgs_client.get("/orgs/" + quote(key, safe="")).text
    assert "<h1>重庆市北碚区人民政府" in body
    assert all(f'<li class="variant">{name} ' in body for name in BEIBEI_GOV)
    assert body.count('<g class="bar') == 3                      # 2025-03, 04, 05
    assert body.count('<li class="hit">') == 3
    assert "科技园区" in body and "500109" in body              # its signing, located


def test_body_json_twin(orgs_client):
    key = beibei_key(orgs_client)
    data = orgs_client.get("/orgs/" + quote(key, safe="") + ".json").json()
    assert data["name"] == "重庆市北碚区人民政府" and data["documents"] == 3
    assert [b["bucket"] for b in data["trend"]["buckets"]] == ["2025-03", "2025-04", "2025-05"]
    assert [d["published"] for d in data["recent"]] == ["2025-05-20", "2025-04-02", "2025-03-10"]
    assert [s["parties"] for s in data["signings"]] == [["北碚区政府", "西南大学"]]
    assert data["signings"][0]["location_code"] == "500109"


@pytest.mark.parametrize("path", ["/orgs/no-such-body", "/orgs/no-such-body.json", "/orgs/" + "x" * 300],
                         ids=["page", "json", "too-long"])
def test_unknown_key_is_404_in_the_error_shape(orgs_client, path):
    response = orgs_client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 404
    error = orgs_client.get(path.removesuffix(".json") + ".json").json()["error"]
    assert error["status"] == 404 and "no organisation" in error["message"]


# -- escaping ------------------------------------------------------------------------

def test_script_in_a_name_is_escaped_on_the_registry(orgs_client):
    body = orgs_client.get("/orgs").text
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;研究院" in body
    assert EVIL in [row["name"] for row in page_rows(body)]


def test_script_in_a_name_is_escaped_on_its_page(orgs_client):
    href = orgs_client.get("/orgs.json", params={"q": "研究院"}).json()["orgs"][0]["href"]
    assert href == "/orgs/" + quote(EVIL, safe="")
    response = orgs_client.get(href)
    assert response.status_code == 200
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text
    assert orgs_client.get(href + ".json").json()["name"] == EVIL


# -- the org link leads to the body's documents --------------------------------------

@pytest.mark.parametrize("name", ["北碚区政府", "西南大学", EVIL], ids=["variants", "plain", "script"])
def test_org_search_hits_all_mention_the_body(orgs_client, name):
    row = orgs_client.get("/orgs.json", params={"q": name}).json()["orgs"][0]
    found = orgs_client.get(row["search"].replace("/search?", "/search.json?")).json()
    assert found["total"] == row["documents"] > 0
    variants = [v["name"] for v in row["variants"]]
    for hit in found["hits"]:
        doc = orgs_client.get(f"/documents/{hit['id']}.json").json()
        assert any(v in doc["text"] for v in variants)
        assert any(o["name"] in variants for o in doc["organizations"])


@pytest.mark.parametrize("name, query", [("西南大学", "org:西南大学"),
                                         ("A B", 'org:"A B"'),
                                         ("研究院(筹)", 'org:"研究院(筹)"'),
                                         ('说"法"', "org:「说\"法\"」")],
                         ids=["plain", "space", "brackets", "quote"])
def test_org_query_quotes_what_the_syntax_would_split(name, query):
    assert org_query(name) == query


# -- places --------------------------------------------------------------------------

def test_document_page_lists_places_with_codes(orgs_client):
    doc = _records()[0]
    body = orgs_client.get(f"/documents/{doc.id}").text
    places = re.search(r'<ul class="places">(.*?)</ul>', body, re.S).group(1)
    assert "北碚区" in places and "county" in places and "500109" in places
    link = re.search(r'<a href="([^"]+)"', places).group(1)
    assert html.unescape(link) == "/search?region=" + quote("重庆市北碚区", safe="")


def test_search_region_facet_shows_codes(orgs_client):
    body = orgs_client.get("/search", params={"q": "北碚"}).text
    facet = re.search(r'data-facet="region">(.*?)</section>', body, re.S).group(1)
    assert "重庆市北碚区" in facet and '<span class="muted place-code"' in facet and "500109" in facet


# -- in a real browser (as test_browser.py: Debian's headless Chromium, uvicorn in a thread) --

@pytest.fixture(scope="module")
def orgs_live_url(orgs_ws, serve_app):
    """The app over ``orgs_ws`` under uvicorn on a free loopback port."""
    with serve_app(orgs_ws) as url:
        yield url


@pytest.fixture
def orgs_tab(orgs_live_url):
    """A headless Chromium tab recording console errors (CSP violations) and dialogs."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    for ok, why in ((sync_playwright is not None, "Playwright is not installed"),
                    (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM), f"no Chromium at {CHROMIUM}")):
        if not ok:
            if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
                pytest.fail(f"required in CI: {why}")
            pytest.skip(why)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=orgs_live_url)
        tab = context.new_page()
        tab.errors, tab.dialogs = [], []
        tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        yield tab
        browser.close()


@pytest.mark.integration
def test_browse_from_the_registry_to_a_body_and_its_documents(orgs_tab):
    page = orgs_tab
    page.goto("/search")
    page.click("header.top nav a:text('Organisations')")
    page.wait_for_url(re.compile(r"/orgs$"))
    assert page.locator("tr.org").count() == 4
    page.fill("input[name=q]", "北碚区人民政府")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/orgs\?q="))
    rows = page.locator("tr.org")
    assert rows.count() == 1 and rows.locator("td.documents").inner_text() == "3"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "orgs.png"), full_page=True)

    rows.locator("td.name a").click()
    page.wait_for_url(re.compile(r"/orgs/[^/?]+$"))
    assert page.locator("h1").inner_text().startswith("重庆市北碚区人民政府")
    assert page.locator("svg.chart .bar").count() == 3
    page.screenshot(path=str(SHOTS / "orgs-body.png"), full_page=True)

    page.click("text=Search documents mentioning it")
    page.wait_for_url(re.compile(r"/search\?q=org"))
    assert int(page.locator("p.summary strong").first.inner_text()) == 3
    assert page.locator("li.hit").count() == 3
    page.locator("li.hit h3 a", has_text="北碚区政府与西南大学").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+$"))
    assert "500109" in page.locator("ul.places").inner_text()

    page.goto("/orgs?q=研究院")
    page.locator("tr.org td.name a").click()
    page.wait_for_url(re.compile(r"/orgs/"))
    assert page.locator("h1").inner_text().startswith(EVIL)
    assert not page.errors and not page.dialogs

"""End to end in a real browser: headless Chromium (Debian's) against the real app under uvicorn,
over a workspace the demo pipeline built from the bundled fixture sites.

Screenshots go to test-artifacts/screenshots/. Outside CI these tests skip
when Playwright or Chromium is missing; in CI (CI=true) they fail instead.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from policyminer.cli import cli
from policyminer.workspace import Workspace

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("POLICYMINER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need(condition: bool, why: str) -> None:
    """Skip when a browser part is missing; in CI, fail instead."""
    if condition:
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"required in CI: {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        start = None
    need(start is not None, "Playwright is not installed (pip install -e '.[dev]')")
    need(Path(CHROMIUM).is_file() or shutil.which(CHROMIUM) is not None,
         f"no Chromium at {CHROMIUM} (apt-get install chromium, or set POLICYMINER_CHROMIUM)")
    return start


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory, sync_playwright) -> Workspace:
    """A workspace the demo has run in once (crawl, extract, index of the fixture sites)."""
    home = tmp_path_factory.mktemp("web-e2e")
    result = CliRunner().invoke(cli, ["--home", str(home), "demo"])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return Workspace.open(home)


@pytest.fixture(scope="module")
def live_url(demo_ws, serve_app):
    """The real app under uvicorn on a free loopback port, in a thread."""
    with serve_app(demo_ws) as url:
        yield url


@pytest.fixture(scope="module")
def browser(sync_playwright):
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_url):
    """A fresh tab; console errors (CSP violations among them) and dialogs are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  base_url=live_url, locale="en-GB")
    tab = context.new_page()
    tab.errors, tab.dialogs = [], []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def total_of(page) -> int:
    return int(page.locator("p.summary strong").first.inner_text())


def test_search_filter_by_facet_and_open_a_document(page):
    page.goto("/search")
    page.fill("input[name=q]", "签约")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E7%AD%BE%E7%BA%A6"))
    everything = total_of(page)
    assert everything >= 3
    assert page.locator("li.hit").count() == min(everything, 20)
    assert page.locator(".snippet mark", has_text="签约").count() >= 3
    assert page.locator("svg.chart .bar").count() >= 1
    shot(page, "search")

    facet = page.locator("section.facet[data-facet=source] li").first
    value, count = facet.locator("a").inner_text(), int(facet.locator(".count").inner_text())
    facet.locator("a").click()
    page.wait_for_url(re.compile(r"source="))
    assert total_of(page) == count < everything
    assert page.locator("ul.chips li", has_text=value).count() == 1
    assert all(meta.endswith(value) for meta in page.locator("li.hit p.meta").all_inner_texts())
    shot(page, "search-filtered")

    page.locator("li.hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+$"))
    assert page.locator("article.document h1").inner_text()
    assert page.locator(".text .hl").count() >= 1
    item = page.locator("aside.items a[href^='#']").first
    target = item.get_attribute("href")
    item.click()
    assert page.locator(f"a.anchor{target}").count() == 1
    shot(page, "document")
    assert not page.errors and not page.dialogs


def test_raw_copy_is_shown_as_text(page, live_url):
    page.goto("/search?q=签约")
    page.locator("li.hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+$"))
    page.click("text=Raw stored copy")
    page.wait_for_url(re.compile(r"/raw$"))
    body = page.locator("body").inner_text()
    assert "<html" in body.lower()                 # the markup shows as text, not rendered


def test_export_download(page, tmp_path):
    page.goto("/search?q=签约")
    with page.expect_download() as caught:
        page.locator(".exports tr", has_text="Figures").locator("a", has_text="CSV").click()
    download = caught.value
    assert download.suggested_filename == "policyminer-figures.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("doc_id,url,title,published") and len(lines) >= 2

    with page.expect_download() as caught:
        page.locator(".exports tr", has_text="Signings").locator("a", has_text="XLSX").click()
    caught.value.save_as(tmp_path / "signings.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "signings.xlsx").active
    assert [c.value for c in sheet[1]][:2] == ["doc_id", "url"] and sheet.max_row >= 2


def test_signings_week_navigation_and_download(page, tmp_path):
    page.goto("/signings?week=2025-W17")
    assert "Signings in 2025-W17" in page.locator("h1").inner_text()
    rows = page.locator("table.signings-table tbody tr")
    assert rows.count() >= 1
    assert page.locator("svg.chart .bar.current").count() == 1
    shot(page, "signings")

    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"week=2025-W18"))
    assert "2025-W18" in page.locator("h1").inner_text()
    page.locator("svg.chart a[href*='week=2025-W17']").click()
    page.wait_for_url(re.compile(r"week=2025-W17"))

    with page.expect_download() as caught:
        page.locator("p.downloads a", has_text="CSV").click()
    caught.value.save_as(tmp_path / "week.csv")
    text = (tmp_path / "week.csv").read_bytes().decode("utf-8-sig")
    assert text.startswith("day,date,parties")
    assert len(list(csv.DictReader(io.StringIO(text)))) == rows.count()
    assert not page.errors


def test_query_error_shown_inline(page):
    page.goto("/search")
    page.fill("input[name=q]", "签约 (西南大学")
    page.press("input[name=q]", "Enter")
    alert = page.locator("[role=alert]")
    alert.wait_for()
    assert "position 3" in alert.inner_text()
    assert page.locator("mark.at").inner_text() == "("
    shot(page, "query-error")


def test_script_in_query_never_runs(page):
    page.goto("/search?q=" + "<script>alert(1)</script>")
    page.fill("input[name=q]", '"><img src=x onerror=alert(2)>')
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.dialogs == []
    assert page.input_value("input[name=q]") == '"><img src=x onerror=alert(2)>'

"""The signings page shows the events of `policyminer signings`: outlets' reports of one ceremony merged."""
from __future__ import annotations

import warnings

import pytest

from policyminer.records import Extracted, Signing, doc_id
from policyminer.reports import signings_report
from policyminer.run import open_workspace_index
from policyminer.web.signings import signings_page
from policyminer.workspace import Workspace

DISTRICT_URL = "https://www.cqbb.gov.cn/zwxx/bbyw/202504/t20250423_7.html"
DAILY_URL = "http://epaper.cqrb.cn/html/2025-04/24/content_900.htm"
OTHER_URL = "https://www.cqspb.gov.cn/xwzx/202504/t20250425_8.html"
DISTRICT = "4月23日，北碚区人民政府与西南大学签署合作协议，共建科技成果转化平台，项目总投资2.8亿元。"
DAILY = "本报讯 23日，北碚区与西南大学签约，双方将合建科技成果转化平台，计划投资2.8亿元。"
OTHER = "4月25日，沙坪坝区与一家新能源企业签约，投资建设储能电池生产基地。"


def _report(url: str, text: str, published: str, source: str, parties: list[str], day: str,
            amount: dict | None) -> Extracted:
    return Extracted(id=doc_id(url), url=url, title=text[:16], published=published, text=text, source=source,
                     region="重庆市北碚区" if "北碚" in text else "重庆市沙坪坝区",
                     signings=[Signing(text, day, parties, [], None, amount, None, 0, len(text))])


AMOUNT = {"value": 280000000, "unit": "元"}
RECORDS = [
    _report(DISTRICT_URL, DISTRICT, "2025-04-23", "cqbb-news", ["北碚区人民政府", "西南大学"], "2025-04-23", AMOUNT),
    _report(DAILY_URL, DAILY, "2025-04-24", "cqrb-epaper", ["北碚区", "西南大学"], "2025-04-23", AMOUNT),
    _report(OTHER_URL, OTHER, "2025-04-25", "cqspb-news", ["沙坪坝区"], "2025-04-25", None),
]


@pytest.fixture(scope="module")
def outlets_ws(tmp_path_factory) -> Workspace:
    """A workspace whose index holds two outlets' reports of one signing and one other signing."""
    ws = Workspace.open(tmp_path_factory.mktemp("outlets"))
    with open_workspace_index(ws) as index:
        index.load(RECORDS)
    return ws


@pytest.fixture(scope="module")
def outlets(outlets_ws):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    from policyminer.web.app import create_app
    with TestClient(create_app(outlets_ws), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_two_outlets_reporting_one_signing_are_one_row(outlets):
    data = outlets.get("/signings.json?week=2025-W17").json()
    assert [row["first_seen"] for row in data["signings"]] == ["2025-04-23", "2025-04-25"]
    merged = data["signings"][0]
    assert sorted(merged["sources"]) == sorted([DISTRICT_URL, DAILY_URL])
    assert [r["id"] for r in merged["reports"]] == [doc_id(DISTRICT_URL), doc_id(DAILY_URL)]
    assert data["weekly"][-1] == {"week": "2025-W17", "count": 2}


def test_the_page_and_the_cli_report_show_the_same_events(outlets, outlets_ws):
    data = outlets.get("/signings.json?week=2025-W17").json()
    with open_workspace_index(outlets_ws) as index:
        report = signings_report(index, since="2025-04-21", until="2025-04-27")
        page = signings_page(index, "2025-W17", "2025-04-21", "2025-04-27", {})
    assert data["signings"] == report.to_dict()["signings"] == page["rows"]
    assert [w["count"] for w in data["weekly"]] == report.per_week


def test_the_merged_row_links_every_report(outlets):
    page = outlets.get("/signings?week=2025-W17").text
    assert "2 signings first seen this week" in page
    assert page.count(f'href="/documents/{doc_id(DISTRICT_URL)}"') == 1
    assert f'also <a href="/documents/{doc_id(DAILY_URL)}">' in page
    assert "cqrb-epaper" in page


@pytest.mark.parametrize("query, first_seen", [
    ("region=重庆市沙坪坝区", ["2025-04-25"]),
    ("org=西南大学", ["2025-04-23"]),
    ("org=北碚区", ["2025-04-23"]),
], ids=["region", "party", "party-short-name"])
def test_filters_apply_to_the_events(outlets, query, first_seen):
    data = outlets.get(f"/signings.json?week=2025-W17&{query}").json()
    assert [row["first_seen"] for row in data["signings"]] == first_seen


def test_the_week_download_has_one_row_per_event(outlets):
    rows = outlets.get("/signings.csv?week=2025-W17").content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1 + 2
    assert DAILY_URL in rows[1] and DISTRICT_URL in rows[1]

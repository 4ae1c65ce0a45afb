"""Weekly signing reports: events merged across outlets, first-seen weeks, report files."""
import base64
import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from policyminer.cli import cli
from policyminer.records import Extracted, Signing, doc_id
from policyminer.reports import (chart_weeks, format_amount, merge_events, same_event,
                                 signings_report, text_similarity)
from policyminer.run import open_workspace_index
from policyminer.workspace import Workspace

BB = "https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/"
CB = "https://www.cqcb.com/county/beibei/beibeixinwen/"
NE = "https://www.163.com/dy/article/"
SPB = "https://www.cqspb.gov.cn/xwzx/qxdt/202504/"
EP = "https://epaper.cqrb.cn/html/2025-04/"


def sign(text: str, sentence: str, date=None, parties=(), count=None, amount=None, location=None):
    start = text.index(sentence)
    return Signing(text=sentence, date=date, parties=list(parties), count=count,
                   amount={"value": amount, "unit": "元"} if amount else None, location=location,
                   start=start, end=start + len(sentence))


def record(url, title, published, text, signings=(), source="cqbb-news", region="重庆市北碚区"):
    return Extracted(id=doc_id(url), url=url, title=title, published=published, text=text,
                     signings=[sign(text, *s[:1], **s[1]) if isinstance(s, tuple) else s for s in signings],
                     source=source, region=region)


def corpus() -> list[Extracted]:
    """Eight reports: one agreement told by two outlets, a ceremony told by three, a 2019 recall."""
    a = ("4月23日，北碚区人民政府与西南大学在西南大学签署新一轮全面战略合作协议。"
         "签约仪式上，西南大学重庆产业技术研究院还与北碚区科技局签订科技成果转化服务合作协议。")
    b = "4月23日，北碚区与西南大学新一轮全面战略合作协议签约仪式在西南大学举行。双方将共建协同创新平台。"
    c = "4月25日上午，北碚区二季度招商引资项目集中签约活动在蔡家智慧新城会展中心举行，24个项目现场签约，协议总投资186.5亿元。"
    d = "北碚区日前举行二季度招商引资项目集中签约活动，24个项目总投资186.5亿元，涵盖智能装备和新材料。"
    f = "回顾上周，北碚区二季度招商引资集中签约24个项目，总投资186.5亿元，项目将陆续开工。"
    e = "4月21日，沙坪坝区一季度招商引资项目集中签约仪式在重庆国际物流枢纽园区举行，18个项目集中签约，总投资132亿元。"
    g = "4月17日，合川区一季度招商项目集中签约活动在合川工业园区举行，15个项目现场签约，总投资68亿元。"
    h = "2019年5月6日，环西南大学创新生态圈揭牌，当天58个科技创新项目签约落户。"
    return [
        record(BB + "t20250423_1.html", "北碚区与西南大学签署新一轮全面战略合作协议", "2025-04-23", a, [
            (a[:a.index("。") + 1], {"date": "2025-04-23", "parties": ["北碚区人民政府", "西南大学"]}),
            (a[a.index("。") + 1:], {"parties": ["西南大学重庆产业技术研究院", "北碚区科技局"]})]),
        record(CB + "2025-04-23/5901234_pc.html", "北碚与西南大学再牵手", "2025-04-23", b, [
            (b[:b.index("。") + 1], {"date": "2025-04-23", "parties": ["西南大学"], "location": "北碚区"})],
            source="cqcb-county", region="重庆市"),
        record(BB + "t20250425_2.html", "北碚区二季度集中签约24个项目", "2025-04-25", c, [
            (c, {"date": "2025-04-25", "count": 24, "amount": 18650000000, "location": "蔡家智慧新城会展中心"})]),
        record(NE + "JX1.html", "北碚24个项目集中签约", "2025-04-26", d, [
            (d[:d.index("，涵盖")], {"count": 24, "amount": 18650000000})], source="netease-cq", region="重庆市"),
        record(NE + "JX2.html", "一周回顾", "2025-04-28", f, [
            (f[:f.index("，项目")], {"count": 24, "amount": 18650000000})], source="netease-cq", region="重庆市"),
        record(SPB + "t20250422_3.html", "沙坪坝区一季度集中签约", "2025-04-22", e, [
            (e, {"date": "2025-04-21", "count": 18, "amount": 13200000000})],
            source="cqspb-news", region="重庆市沙坪坝区"),
        record(EP + "18/content_1.htm", "合川区集中签约15个项目", "2025-04-18", g, [
            (g, {"date": "2025-04-17", "count": 15, "amount": 6800000000, "location": "合川区"})],
            source="cqrb-epaper", region="重庆市"),
        record(EP + "25/content_2.htm", "环西南大学创新生态圈结出创新果", "2025-04-25", h, [
            (h, {"date": "2019-05-06", "count": 58})], source="cqrb-epaper", region="重庆市"),
    ]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A workspace whose index holds the corpus."""
    home = tmp_path_factory.mktemp("reports")
    with open_workspace_index(Workspace.open(home)) as index:
        index.load(corpus())
    return home


@pytest.fixture
def index(home):
    with open_workspace_index(Workspace.open(home)) as idx:
        yield idx


def pm(home, *args):
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return result


# -- merging reports into events ---------------------------------------------------------

def row(doc, text, day, date=None, parties=(), count=None, amount=None):
    return {"id": doc, "url": f"https://x.cn/{doc}.html", "title": doc, "published": day, "source": doc,
            "text": text, "day": day, "date": date, "parties": list(parties), "projects": [],
            "count": count, "amount": {"value": amount, "unit": "元"} if amount else None, "location": None}


SAME = "4月23日，北碚区人民政府与西南大学签署新一轮全面战略合作协议。"
REWORDED = "4月23日，北碚区与西南大学新一轮全面战略合作协议签约仪式在西南大学举行。"
OTHER = "签约仪式上，西南大学重庆产业技术研究院还与北碚区科技局签订科技成果转化服务合作协议。"


@pytest.mark.parametrize("a, b, expected", [
    # one event told by two outlets
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府", "西南大学"]),
                 row("b", REWORDED, "2025-04-23", "2025-04-23", ["西南大学"]), True, id="subset-of-parties"),
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府"]),
                 row("b", REWORDED, "2025-04-23", "2025-04-23", ["北碚区"]), True, id="government-suffix"),
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府", "西南大学", "北碚区科技局"]),
                 row("b", REWORDED, "2025-04-23", "2025-04-23", ["北碚区", "西南大学", "西南大学科技处"]), True,
                 id="two-parties-shared"),
    pytest.param(row("a", "集中签约24个项目，总投资186.5亿元。", "2025-04-25", "2025-04-25", count=24, amount=1.865e10),
                 row("b", "24个项目签约，协议总投资186.5亿元。", "2025-04-26", count=24, amount=1.865e10),
                 True, id="same-figures-reported-a-day-later"),
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23"), row("b", SAME, "2025-04-23"), True,
                 id="same-wording-no-parties"),
    # different events
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府", "西南大学"]),
                 row("b", SAME, "2025-04-30", "2025-04-30", ["北碚区人民政府", "西南大学"]), False,
                 id="other-exact-date"),
    pytest.param(row("a", "集中签约24个项目，总投资186.5亿元。", "2025-04-25", "2025-04-25", count=24, amount=1.865e10),
                 row("b", "集中签约18个项目，总投资132亿元。", "2025-04-25", "2025-04-25", count=18, amount=1.32e10),
                 False, id="conflicting-figures"),
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府", "西南大学"]),
                 row("b", OTHER, "2025-04-23", None, ["西南大学重庆产业技术研究院", "北碚区科技局"]), False,
                 id="disjoint-parties-same-day"),
    pytest.param(row("a", "4月25日，北碚区人民政府与重庆嘉陵智造科技有限公司签订投资协议。", "2025-04-25", "2025-04-25",
                     ["北碚区人民政府", "重庆嘉陵智造科技有限公司"]),
                 row("b", "4月25日，北碚区与重庆某新材料有限公司签约。", "2025-04-25", "2025-04-25",
                     ["北碚区", "重庆某新材料有限公司"]), False, id="same-district-other-partner"),
    pytest.param(row("a", SAME, "2025-04-23", "2025-04-23", ["西南大学"]),
                 row("a", SAME, "2025-04-23", "2025-04-23", ["西南大学"]), False, id="same-document"),
])
def test_same_event(a, b, expected):
    assert same_event(a, b) is expected
    assert same_event(b, a) is expected


def test_reports_lagging_more_than_three_days_stay_apart():
    rows = [row("a", "集中签约24个项目，总投资186.5亿元。", "2025-04-20", count=24, amount=1.865e10),
            row("b", "集中签约24个项目，总投资186.5亿元。", "2025-04-25", count=24, amount=1.865e10)]
    assert len(merge_events(rows)) == 2


def test_merged_event_completes_fields_and_lists_every_report():
    rows = [row("b", REWORDED, "2025-04-23", "2025-04-23", ["西南大学"]),
            row("a", SAME, "2025-04-23", "2025-04-23", ["北碚区人民政府", "西南大学"])]
    rows[0]["location"] = "北碚区"
    [event] = merge_events(rows)
    assert event["parties"] == ["北碚区人民政府", "西南大学"]
    assert event["location"] == "北碚区" and event["first_seen"] == "2025-04-23"
    assert event["sources"] == ["https://x.cn/a.html", "https://x.cn/b.html"]
    assert [r["id"] for r in event["reports"]] == ["a", "b"]


@pytest.mark.parametrize("a, b, low, high", [
    pytest.param(SAME, SAME, 1.0, 1.0, id="identical"),
    pytest.param(SAME, REWORDED, 0.4, 0.9, id="reworded"),
    pytest.param(SAME, "", 0.0, 0.0, id="empty"),
    pytest.param("北碚区集中签约24个项目", "沙坪坝区集中签约14个项目", 0.0, 0.2, id="only-generic-words-shared"),
])
def test_text_similarity(a, b, low, high):
    assert low <= text_similarity(a, b) <= high


@pytest.mark.parametrize("amount, text", [
    pytest.param({"value": 18650000000, "unit": "元"}, "186.5亿元", id="yi"),
    pytest.param({"value": 50000000, "unit": "元"}, "5000万元", id="wan"),
    pytest.param({"value": 3000, "unit": "元"}, "3000元", id="small"),
    pytest.param({"value": 6e8, "unit": "美元"}, "6亿美元", id="dollars"),
    pytest.param(None, "", id="none"),
])
def test_format_amount(amount, text):
    assert format_amount(amount) == text


def test_chart_weeks_are_the_26_ending_with_the_week():
    weeks = chart_weeks("2025-04-21", "2025-04-27")
    assert len(weeks) == 26 and weeks[0] == "2024-W44" and weeks[-1] == "2025-W17"
    assert len(chart_weeks("2024-01-01", "2025-04-27")) == 69


# -- the weekly report -----------------------------------------------------------------

def test_week_lists_each_event_once_with_every_source(index):
    report = signings_report(index, since="2025-04-21", until="2025-04-27")
    got = [(e["first_seen"], e.get("count"), len(e["sources"])) for e in report.events]
    assert got == [("2025-04-21", 18, 1), ("2025-04-23", None, 2), ("2025-04-23", None, 1),
                   ("2025-04-25", 24, 3)]
    agreement = report.events[1]
    assert set(agreement["sources"]) == {BB + "t20250423_1.html", CB + "2025-04-23/5901234_pc.html"}
    assert sorted(agreement["parties"]) == sorted(["北碚区人民政府", "西南大学"])
    assert report.week == "2025-W17"


def test_an_event_first_seen_earlier_is_not_new_in_a_later_week(index):
    report = signings_report(index, since="2025-04-28", until="2025-05-04")
    assert report.events == []      # the 04-28 article retells the 04-25 ceremony
    assert report.empty_message == "No signings were first seen in 2025-W18 (2025-04-28 – 2025-05-04)."


def test_events_per_week_for_the_chart(index):
    report = signings_report(index, since="2025-04-21", until="2025-04-27")
    per_week = dict(zip(report.weeks, report.per_week))
    assert per_week["2025-W16"] == 1 and per_week["2025-W17"] == 4 and sum(report.per_week) == 5


def test_filters_by_org_and_region(index):
    by_org = signings_report(index, since="2025-04-21", until="2025-04-27", org="西南大学")
    assert [len(e["sources"]) for e in by_org.events] == [2]
    by_region = signings_report(index, since="2025-04-21", until="2025-04-27", region="重庆市沙坪坝区")
    assert [e["count"] for e in by_region.events] == [18]


# -- the command ----------------------------------------------------------------------

def test_cli_json_contract(home):
    data = json.loads(pm(home, "signings", "--week", "2025-W17", "--format", "json").stdout)
    assert (data["since"], data["until"], data["week"]) == ("2025-04-21", "2025-04-27", "2025-W17")
    assert len(data["signings"]) == 4
    for event in data["signings"]:
        assert {"text", "date", "parties", "projects", "count", "amount", "location", "start", "end",
                "sources"} <= set(event)
        assert "2025-04-21" <= (event["date"] or event["published"]) <= "2025-04-27"


def test_cli_since_until_equals_the_week(home):
    week = json.loads(pm(home, "signings", "--week", "2025-W17", "--format", "json").stdout)
    span = json.loads(pm(home, "signings", "--since", "2025-04-21", "--until", "2025-04-27",
                         "--format", "json").stdout)
    assert span["signings"] == week["signings"]


def test_cli_empty_week_says_so(home):
    result = pm(home, "signings", "--week", "2025-W19")
    assert result.stdout == "No signings were first seen in 2025-W19 (2025-05-05 – 2025-05-11).\n"


def test_cli_table_lists_sources(home):
    result = CliRunner(env={"COLUMNS": "400"}).invoke(cli, ["--home", str(home), "signings", "--week", "2025-W17"])
    assert result.exit_code == 0
    assert "Signings first seen in 2025-W17 (2025-04-21 – 2025-04-27)" in result.stdout
    assert CB + "2025-04-23/5901234_pc.html" in result.stdout and "186.5亿元" in result.stdout
    assert "4 signing events from 7 reports by 4 sources." in result.stdout


def test_cli_rejects_week_with_range(home):
    result = CliRunner().invoke(cli, ["--home", str(home), "signings", "--week", "2025-W17", "--since", "2025-04-01"])
    assert result.exit_code == 2


def test_markdown_report(home, tmp_path):
    pm(home, "signings", "--week", "2025-W17", "--report", str(tmp_path / "w17.md"))
    text = (tmp_path / "w17.md").read_text(encoding="utf-8")
    assert text.startswith("# Signings first seen in 2025-W17 (2025-04-21 – 2025-04-27)\n")
    assert re.search(r"^\| 2 \| 2025-04-23 \| (北碚区人民政府、西南大学|西南大学、北碚区人民政府) \|", text, re.M)
    assert f"[cqcb-county]({CB}2025-04-23/5901234_pc.html)" in text
    pm(home, "signings", "--week", "2025-W18", "--report", str(tmp_path / "w18.md"))
    assert "No signings were first seen in 2025-W18" in (tmp_path / "w18.md").read_text(encoding="utf-8")


def embedded_png(html: str) -> bytes:
    match = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert match, "the chart is embedded"
    return base64.b64decode(match[1])


def test_html_report_is_self_contained_with_chart(home, tmp_path):
    pm(home, "signings", "--week", "2025-W17", "--report", str(tmp_path / "w17.html"))
    html = (tmp_path / "w17.html").read_text(encoding="utf-8")
    assert "<style>" in html and "<link" not in html and "<script" not in html
    png = embedded_png(html)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert html.count("<tr><td class=num>") == 4
    assert "186.5亿元" in html and f'href="{CB}2025-04-23/5901234_pc.html"' in html


def test_html_report_of_an_empty_week(home, tmp_path):
    pm(home, "signings", "--week", "2025-W18", "--report", str(tmp_path / "w18.html"))
    html = (tmp_path / "w18.html").read_text(encoding="utf-8")
    assert '<p class="empty">No signings were first seen in 2025-W18 (2025-04-28 – 2025-05-04).</p>' in html
    assert embedded_png(html).startswith(b"\x89PNG")


def test_csv_report_has_bom_and_one_row_per_event(home, tmp_path):
    pm(home, "signings", "--week", "2025-W17", "--report", str(tmp_path / "w17.csv"))
    raw = (tmp_path / "w17.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["first_seen"] for r in rows] == ["2025-04-21", "2025-04-23", "2025-04-23", "2025-04-25"]
    assert rows[3]["amount"] == "186.5亿元" and rows[3]["reports"] == "3"
    assert len(rows[1]["sources"].split("\n")) == 2


def test_xlsx_report(home, tmp_path):
    import openpyxl
    pm(home, "signings", "--week", "2025-W17", "--report", str(tmp_path / "w17.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "w17.xlsx")
    sheet = book["signings"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["first_seen", "date", "parties", "projects"]
    assert sheet.max_row == 5
    assert set(sheet.cell(3, header.index("parties") + 1).value.split("、")) == {"北碚区人民政府", "西南大学"}
    weekly = book["per week"]
    assert weekly.max_row == 27 and weekly.cell(27, 1).value == "2025-W17" and weekly.cell(27, 2).value == 4
    assert len(weekly._images) == 1


def test_unknown_report_extension_fails(home, tmp_path):
    result = CliRunner().invoke(cli, ["--home", str(home), "signings", "--week", "2025-W17",
                                      "--report", str(tmp_path / "w17.pdf")])
    assert result.exit_code == 1 and ".md" in result.stderr

"""Exports: every kind in every format opens, with the expected columns and provenance."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from policyminer.cli import cli
from policyminer.export import COLUMNS, export_rows, sentence_at
from policyminer.records import Extracted, Figure, Organization, Signing, doc_id
from policyminer.run import open_workspace_index
from policyminer.workspace import Workspace

NEWS = ("4月23日，北碚区人民政府与西南大学签署新一轮全面战略合作协议。"
        "去年，全区新培育科技型企业超过300家，研发投入约12.5亿元。")
POLICY = "到2027年，全区高新技术企业达到200家以上。本措施自印发之日起施行。"
OTHER = "沙坪坝区一季度集中签约18个项目，总投资132亿元。"


def span(text, part):
    start = text.index(part)
    return start, start + len(part)


def figure(text, part, value, unit, qualifier=None, metric=None, year=None):
    return Figure(part, value, unit, qualifier, metric, year, *span(text, part))


def records():
    signing = NEWS[:NEWS.index("。") + 1]
    news = Extracted(
        id=doc_id("https://www.cqbb.gov.cn/a.html"), url="https://www.cqbb.gov.cn/a.html",
        title="北碚区与西南大学签署合作协议", published="2025-04-23", text=NEWS, source="cqbb-news",
        region="重庆市北碚区",
        organizations=[Organization("北碚区人民政府", "government", ["北碚区"], [list(span(NEWS, "北碚区人民政府"))]),
                       Organization("西南大学", "university", ["西大"], [list(span(NEWS, "西南大学"))])],
        figures=[figure(NEWS, "超过300家", 300, "家", "over", "新培育科技型企业", 2024),
                 figure(NEWS, "约12.5亿元", 1250000000, "元", "approx", "研发投入", 2024)],
        signings=[Signing(signing, "2025-04-23", ["北碚区人民政府", "西南大学"], [], None, None, None,
                          *span(NEWS, signing))])
    policy = Extracted(
        id=doc_id("https://www.cqbb.gov.cn/p.html"), url="https://www.cqbb.gov.cn/p.html",
        title="北碚区支持科技创新若干政策措施", published="2025-04-24", text=POLICY, source="cqbb-policy",
        doc_type="policy", region="重庆市北碚区",
        figures=[figure(POLICY, "200家以上", 200, "家", "over", "高新技术企业", 2027)])
    other = Extracted(
        id=doc_id("https://www.cqspb.gov.cn/c.html"), url="https://www.cqspb.gov.cn/c.html",
        title="沙坪坝区集中签约18个项目", published="2025-04-22", text=OTHER, source="cqspb-news",
        region="重庆市沙坪坝区",
        signings=[Signing(OTHER, None, [], [], 18, {"value": 13200000000, "unit": "元"}, "沙坪坝区", 0,
                          len(OTHER))])
    return [news, policy, other]


EXPECTED_ROWS = {"documents": 3, "organizations": 2, "figures": 3, "signings": 2}


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("export")
    with open_workspace_index(Workspace.open(home)) as index:
        index.load(records())
    return home


def pm(home, *args, code=0):
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == code, result.stderr + repr(result.exception)
    return result


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    return reader.fieldnames, list(reader)


def read_xlsx(path):
    import openpyxl
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def read_jsonl(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return list(rows[0]), rows


def read_parquet(path):
    import pyarrow.parquet as pq
    table = pq.read_table(path)
    return table.column_names, table.to_pylist()


READERS = {"csv": read_csv, "xlsx": read_xlsx, "jsonl": read_jsonl, "parquet": read_parquet}


@pytest.mark.parametrize("fmt", list(READERS))
@pytest.mark.parametrize("kind", list(COLUMNS))
def test_every_kind_and_format_opens(home, tmp_path, kind, fmt):
    out = tmp_path / f"{kind}.{fmt}"
    result = pm(home, "export", kind, "--format", fmt, "--output", str(out))
    assert result.stderr.strip().endswith(f"exported {EXPECTED_ROWS[kind]} {kind} to {out}")
    columns, rows = READERS[fmt](out)
    assert columns == COLUMNS[kind]
    assert len(rows) == EXPECTED_ROWS[kind]
    assert {"doc_id", "url", "title", "published", "source"} <= set(columns)
    assert all(row["doc_id"] and row["url"].startswith("https://") for row in rows)


def test_figures_carry_value_unit_qualifier_metric_year_and_sentence(home, tmp_path):
    pm(home, "export", "figures", "--format", "parquet", "--output", str(tmp_path / "f.parquet"))
    _, rows = read_parquet(tmp_path / "f.parquet")
    row = next(r for r in rows if r["text"] == "约12.5亿元")
    assert (row["value"], row["unit"], row["qualifier"], row["metric"], row["year"]) == \
        (1250000000.0, "元", "approx", "研发投入", 2024)
    assert row["sentence"] == "去年，全区新培育科技型企业超过300家，研发投入约12.5亿元。"
    assert NEWS[row["start"]:row["end"]] == "约12.5亿元"
    assert row["title"] == "北碚区与西南大学签署合作协议" and row["published"] == "2025-04-23"


def test_organizations_carry_mentions_and_sentence(home, tmp_path):
    pm(home, "export", "organizations", "--format", "jsonl", "--output", str(tmp_path / "o.jsonl"))
    _, rows = read_jsonl(tmp_path / "o.jsonl")
    row = next(r for r in rows if r["name"] == "西南大学")
    assert row["aliases"] == "西大" and row["type"] == "university" and row["mentions"] == 1
    assert NEWS[row["start"]:row["end"]] == "西南大学" and row["sentence"].startswith("4月23日")


@pytest.mark.parametrize("name, canonical", [
    pytest.param("北碚区人民政府", "北碚区政府", id="people-s-government-shortened"),
    pytest.param("西南大学", "西南大学", id="university-unchanged"),
])
def test_organizations_carry_their_canonical_body(home, tmp_path, name, canonical):
    pm(home, "export", "organizations", "--format", "jsonl", "--output", str(tmp_path / "o.jsonl"))
    _, rows = read_jsonl(tmp_path / "o.jsonl")
    assert next(r for r in rows if r["name"] == name)["canonical"] == canonical


def test_signings_carry_the_code_of_their_location(home, tmp_path):
    pm(home, "export", "signings", "--format", "jsonl", "--output", str(tmp_path / "s.jsonl"))
    _, rows = read_jsonl(tmp_path / "s.jsonl")
    codes = {r["source"]: (r["location"], r["location_code"]) for r in rows}
    assert codes == {"cqbb-news": (None, None), "cqspb-news": ("沙坪坝区", "500106")}


def test_signings_carry_parties_amount_and_sentence(home, tmp_path):
    pm(home, "export", "signings", "--format", "csv", "--output", str(tmp_path / "s.csv"))
    _, rows = read_csv(tmp_path / "s.csv")
    by_source = {r["source"]: r for r in rows}
    assert by_source["cqbb-news"]["parties"] == "北碚区人民政府、西南大学"
    assert by_source["cqbb-news"]["sentence"] == NEWS[:NEWS.index("。") + 1]
    assert (by_source["cqspb-news"]["amount_value"], by_source["cqspb-news"]["count"]) == ("13200000000", "18")


@pytest.mark.parametrize("args, expected", [
    pytest.param(["签约 OR 签署"], {"cqbb-news", "cqspb-news"}, id="query"),
    pytest.param(["", "--type", "policy"], {"cqbb-policy"}, id="empty-query-with-filter"),
    pytest.param(["--org", "西南大学"], {"cqbb-news"}, id="org-filter"),
    pytest.param(["--org", "重庆市北碚区人民政府"], {"cqbb-news"}, id="org-filter-by-canonical-body"),
    pytest.param(["--region", "沙坪坝区"], {"cqspb-news"}, id="region-by-division-code"),
    pytest.param(["--region", "重庆市"], {"cqbb-news", "cqbb-policy", "cqspb-news"}, id="region-above"),
    pytest.param(["--since", "2025-04-23"], {"cqbb-news", "cqbb-policy"}, id="since"),
    pytest.param(["开工"], set(), id="nothing-matches"),
])
def test_query_and_filters_select_documents(home, tmp_path, args, expected):
    out = tmp_path / "d.jsonl"
    pm(home, "export", "documents", *args, "--format", "jsonl", "--output", str(out))
    _, rows = read_jsonl(out) if out.read_text(encoding="utf-8") else ([], [])
    assert {r["source"] for r in rows} == expected


def test_csv_to_stdout(home):
    result = pm(home, "export", "figures", "--format", "csv", "--output", "-")
    lines = result.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == COLUMNS["figures"] and len(lines) == 4


def test_xlsx_to_stdout_is_refused(home):
    result = pm(home, "export", "figures", "--format", "xlsx", "--output", "-", code=1)
    assert "XLSX cannot be written to stdout" in result.stderr


def test_empty_query_matches_every_document_and_reports_progress(home, tmp_path):
    seen = []
    with open_workspace_index(Workspace.open(home)) as index:
        assert index.search("").total == index.count() == 3
        count = export_rows(index, "documents", "", filters={}, fmt="jsonl", output=str(tmp_path / "d.jsonl"),
                            progress=lambda done, total: seen.append((done, total)))
    assert count == 3 and seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("text, start, end, sentence", [
    pytest.param("第一句。第二句有数字12家。第三句。", 10, 13, "第二句有数字12家。", id="middle"),
    pytest.param("只有一句没有句号", 2, 4, "只有一句没有句号", id="no-end-mark"),
    pytest.param("第一行\n第二行有5个项目\n", 8, 11, "第二行有5个项目", id="line-breaks"),
    pytest.param("第一句。签约一句。第三句。", 4, 9, "签约一句。", id="span-ends-with-its-mark"),
])
def test_sentence_at(text, start, end, sentence):
    assert sentence_at(text, start, end) == sentence

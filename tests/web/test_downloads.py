"""Export downloads: the CLI's kinds and formats for a search, and a week's signings."""
import csv
import io
import json
import tempfile
from pathlib import Path

import openpyxl
import pytest

from policyminer.export import COLUMNS
from policyminer.web.signings import EXPORT_COLUMNS


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return response


def csv_rows(response) -> list[dict]:
    assert response.content.startswith(b"\xef\xbb\xbf")          # Excel reads UTF-8 by the BOM
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_csv_export_of_each_kind_has_the_cli_columns(client, kind):
    response = download(client, f"/export/{kind}.csv?q=签约")
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == COLUMNS[kind]
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="policyminer-{kind}.csv"'


def test_figures_csv_carries_provenance(client, records):
    rows = csv_rows(download(client, "/export/figures.csv?q=签约"))
    assert [(r["doc_id"], r["text"], r["value"], r["start"], r["end"]) for r in rows] == [
        (records["beibei"].id, "项目总投资2.8亿元", "280000000", "38", "48")]
    assert rows[0]["sentence"].startswith("4月23日") and rows[0]["url"] == records["beibei"].url


def test_xlsx_export_opens(client):
    response = download(client, "/export/signings.xlsx?q=签约")
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == COLUMNS["signings"]
    assert sheet.max_row == 3
    assert {sheet.cell(row=r, column=COLUMNS["signings"].index("count") + 1).value for r in (2, 3)} == {None, 18}


def test_jsonl_export_follows_the_filters(client, records):
    response = download(client, "/export/documents.jsonl?type=policy")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["doc_id"] for line in lines] == [records["policy"].id]
    assert response.headers["x-row-count"] == "1"


def test_export_with_a_bad_query_is_400(client):
    response = client.get("/export/documents.csv?q=(", headers={"accept": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["position"] == 0


@pytest.mark.parametrize("name", ["documents.parquet", "documents.exe", "pages.csv", "documents", "documents.csv.csv"])
def test_only_known_kinds_and_formats(client, name):
    assert client.get(f"/export/{name}").status_code == 404


def test_temporary_files_are_removed(client):
    before = set(Path(tempfile.gettempdir()).glob("policyminer-web-*"))
    download(client, "/export/organizations.xlsx?q=签约")
    download(client, "/signings.csv?week=2025-W17")
    assert set(Path(tempfile.gettempdir()).glob("policyminer-web-*")) == before


def test_week_of_signings_as_csv(client, records):
    response = download(client, "/signings.csv?week=2025-W17")
    assert response.headers["content-disposition"] == 'attachment; filename="policyminer-signings-2025-W17.csv"'
    rows = csv_rows(response)
    assert list(rows[0]) == EXPORT_COLUMNS
    assert [(r["day"], r["doc_id"], r["amount_value"]) for r in rows] == [
        ("2025-04-21", records["shapingba"].id, "13200000000"), ("2025-04-23", records["beibei"].id, "280000000")]
    assert rows[1]["parties"] == "北碚区人民政府、西南大学" and rows[1]["sources"] == records["beibei"].url


def test_week_of_signings_as_xlsx(client):
    response = download(client, "/signings.xlsx?week=2025-W17&region=重庆市沙坪坝区")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == EXPORT_COLUMNS and sheet.max_row == 2


def test_empty_week_downloads_a_header_only(client):
    rows = csv_rows(download(client, "/signings.csv?week=2025-W30"))
    assert rows == []

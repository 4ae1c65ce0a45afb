"""The whole pipeline on the embedded default, against the real local fixture server."""
import json

import pytest
from click.testing import CliRunner

from policyminer.cli import cli


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A workspace the demo has run in once."""
    home = tmp_path_factory.mktemp("e2e")
    result = CliRunner().invoke(cli, ["--home", str(home), "demo"])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return home


def pm(home, *args):
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return result


def search(home, query, *extra):
    return json.loads(pm(home, "search", query, "--format", "json", *extra).stdout)


def test_search_finds_signings_with_highlighted_snippets(home):
    result = search(home, "签约", "--limit", "50")
    assert result["total"] >= 3
    assert set(result["hits"][0]) >= {"id", "url", "title", "published", "source", "score", "snippet"}
    assert all("<mark>签约</mark>" in hit["snippet"] for hit in result["hits"])
    assert len({hit["id"] for hit in result["hits"]}) == len(result["hits"])


def test_organisation_filter_and_substring(home):
    by_org = search(home, "org:西南大学")
    assert by_org["total"] >= 1
    inside = search(home, "重庆大学")
    assert inside["total"] >= 1


def test_extracted_jsonl_is_canonical_and_rebuildable(home):
    lines = [json.loads(l) for f in sorted((home / "extracted").glob("*.jsonl"))
             for l in f.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 10
    assert len({l["id"] for l in lines}) == len(lines)
    before = search(home, "签约")["total"]
    result = pm(home, "index", "--rebuild")
    assert f"indexed {len(lines)} documents" in result.stderr
    assert search(home, "签约")["total"] == before


def test_rerun_adds_nothing_twice(home):
    count = lambda: sum(1 for f in (home / "extracted").glob("*.jsonl") for _ in f.open(encoding="utf-8"))
    before, total = count(), search(home, "的")["total"]
    pm(home, "demo")
    assert count() == before
    assert search(home, "的")["total"] == total


def test_weekly_signings(home):
    data = json.loads(pm(home, "signings", "--week", "2025-W17", "--format", "json").stdout)
    assert data["since"] == "2025-04-21" and data["until"] == "2025-04-27"
    assert data["signings"], "the fixture sites report signings in 2025-W17"
    for row in data["signings"]:   # filed under its own date, else the report's
        assert "2025-04-21" <= row["day"] <= "2025-04-27"
        assert row["sources"] and all(u.startswith("http://127.0.0.1:") for u in row["sources"])


def test_exports_open_in_excel(home, tmp_path):
    pm(home, "export", "figures", "--format", "csv", "--output", str(tmp_path / "f.csv"))
    raw = (tmp_path / "f.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert {"doc_id", "url", "value", "unit", "qualifier", "metric", "year", "sentence"} <= set(header)
    pm(home, "export", "signings", "--format", "xlsx", "--output", str(tmp_path / "s.xlsx"))
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert [c.value for c in sheet[1]][:2] == ["doc_id", "url"]
    assert sheet.max_row >= 2

"""``policyminer orgs``: the workspace's organisation registry, through the CLI runner."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nlp.registry import Registry
from policyminer.cli import cli
from policyminer.extracted import ExtractedStore
from policyminer.orgs import registry_path, sync
from policyminer.records import Extracted, Organization
from policyminer.workspace import Workspace


def _doc(doc_id: str, *orgs: tuple) -> Extracted:
    return Extracted(id=doc_id, url=f"https://example.cn/{doc_id}.html", title="t", published=None,
                     text="", organizations=[Organization(*org) for org in orgs])


RECORDS = [
    _doc("a1", ("北碚区人民政府", "government", ["区政府"]), ("西南大学", "university", ["西大"])),
    _doc("b2", ("重庆市北碚区人民政府", "government")),
    _doc("c3", ("北碚区政府", "government"), ("沙坪坝区科学技术局", "government")),
]


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    ExtractedStore(Workspace.open(home).extracted_dir).write(RECORDS)
    return home


def pm(home, *args) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_lists_one_row_per_body(home):
    rows = json.loads(pm(home, "orgs", "--format", "json"))
    assert [(r["name"], r["type"], r["documents"]) for r in rows] == [
        ("重庆市北碚区人民政府", "government", 3), ("沙坪坝区科学技术局", "government", 1),
        ("西南大学", "university", 1)]
    assert {v["name"] for v in rows[0]["variants"]} == {"北碚区人民政府", "区政府", "重庆市北碚区人民政府",
                                                        "北碚区政府"}


@pytest.mark.parametrize("query,names", [
    pytest.param("北碚区政府", ["重庆市北碚区人民政府"], id="short-form-finds-the-body"),
    pytest.param("沙坪坝区科技局", ["沙坪坝区科学技术局"], id="department-short-form"),
    pytest.param("西大", ["西南大学"], id="alias"),
    pytest.param("江北区", [], id="nothing"),
])
def test_query_selects_bodies(home, query, names):
    rows = json.loads(pm(home, "orgs", query, "--format", "json"))
    assert [r["name"] for r in rows] == names


def test_limit(home):
    assert len(json.loads(pm(home, "orgs", "--limit", "1", "--format", "json"))) == 1


def test_table_shows_name_type_count_and_other_forms(home):
    text = pm(home, "orgs", "北碚")
    assert "重庆市北碚区人民政府" in text and "government" in text and "区政府" in text
    assert "西南大学" not in text


def test_table_says_when_nothing_matches(home):
    assert pm(home, "orgs", "江北区").strip() == "No organisation matches 江北区."


def test_registry_is_saved_and_follows_extracted(home):
    pm(home, "orgs", "--format", "json")
    ws = Workspace.open(home)
    assert registry_path(ws).is_file()
    ExtractedStore(ws.extracted_dir).delete(["b2"])
    ExtractedStore(ws.extracted_dir).write([_doc("d4", ("北碚区人民政府", "government"))])
    rows = json.loads(pm(home, "orgs", "北碚区政府", "--format", "json"))
    assert rows[0]["documents"] == 3 and rows[0]["name"] == "北碚区人民政府"


def test_sync_counts_changed_documents():
    registry = Registry()
    assert sync(registry, RECORDS) == 3
    assert sync(registry, RECORDS) == 0
    assert sync(registry, RECORDS[:1]) == 2

"""The cross-document organisation registry: one entry per canonical body."""
from __future__ import annotations

import json

import pytest

from nlp.registry import Registry, body_key, fold
from policyminer.errors import InputError
from policyminer.records import Extracted, Organization


def _doc(doc_id: str, *orgs: tuple) -> Extracted:
    return Extracted(id=doc_id, url=f"https://example.cn/{doc_id}.html", title="t", published=None,
                     text="", organizations=[Organization(*org) for org in orgs])


# ---------------------------------------------------------------- keys

@pytest.mark.parametrize("a,b", [
    pytest.param("北碚区政府", "北碚区人民政府", id="people-s-government"),
    pytest.param("北碚区人民政府", "重庆市北碚区人民政府", id="outer-municipality"),
    pytest.param("中共北碚区委员会", "北碚区委", id="party-committee"),
    pytest.param("重庆市北碚区科学技术局", "北碚区科技局", id="department-short-form"),
    pytest.param("沙坪坝区市场监督管理局", "沙坪坝区市场监管局", id="market-regulation"),
    pytest.param("ＢＹＤ", "byd", id="full-width-and-case"),
    pytest.param("西南 大学", "西南大学", id="spaces"),
    pytest.param("重慶市北碚區人民政府", "北碚区政府", id="traditional-characters"),
])
def test_variants_share_a_key(a, b):
    assert body_key(a) == body_key(b)


@pytest.mark.parametrize("a,b", [
    pytest.param("北碚区人民政府", "沙坪坝区人民政府", id="different-districts"),
    pytest.param("北碚区政府", "北碚区委", id="government-is-not-party"),
    pytest.param("陆军军医大学", "陆军军医大学西南医院", id="hospital-of-a-university"),
    pytest.param("重庆大学", "重庆大学知识产权运营有限公司", id="company-of-a-university"),
])
def test_different_bodies_keep_apart(a, b):
    assert body_key(a) != body_key(b)


def test_blank_name_has_no_key():
    assert body_key("  ") == "" and fold(" Ａ b ") == "ab"


# ---------------------------------------------------------------- building

@pytest.fixture
def registry() -> Registry:
    reg = Registry()
    reg.add(_doc("a", ("北碚区人民政府", "government", ["区政府"]), ("西南大学", "university", ["西大"])))
    reg.add(_doc("b", ("重庆市北碚区人民政府", "government")))
    reg.add(_doc("c", ("北碚区政府", "government"), ("西南大学", "university")))
    return reg


def test_one_body_for_every_written_form(registry):
    body = registry.lookup("北碚区政府")
    assert body is registry.lookup("重庆市北碚区人民政府") is registry.lookup("北碚区人民政府")
    assert body.documents == 3 and body.type == "government"
    assert body.variants == {"北碚区人民政府": 1, "区政府": 1, "重庆市北碚区人民政府": 1, "北碚区政府": 1}


def test_display_name_is_the_fullest_form(registry):
    assert registry.lookup("北碚区政府").name == "重庆市北碚区人民政府"
    assert registry.lookup("西南大学").name == "西南大学"       # the alias 西大 is never shown


def test_display_name_among_equally_full_forms_is_the_most_used():
    reg = Registry()
    reg.add(_doc("a", ("沙坪坝区市场监管局", "government")))
    reg.add(_doc("b", ("沙坪坝区市场监管局", "government")))
    reg.add(_doc("c", ("沙坪坝区市场监督管理局", "government")))
    reg.add(_doc("d", ("沙坪坝区市场监督管理局", "government")))
    reg.add(_doc("e", ("沙坪坝区市场监督管理局", "government")))
    assert reg.lookup("沙坪坝区市场监管局").name == "沙坪坝区市场监督管理局"


def test_type_is_the_one_most_documents_give():
    reg = Registry()
    reg.add(_doc("a", ("北碚国家大学科技园", "platform")))
    reg.add(_doc("b", ("北碚国家大学科技园", "platform")))
    reg.add(_doc("c", ("北碚国家大学科技园", "company")))
    assert reg.lookup("北碚国家大学科技园").type == "platform"


def test_re_adding_a_document_replaces_it(registry):
    assert registry.add(_doc("b", ("重庆市北碚区人民政府", "government"))) is False
    assert registry.add(_doc("b", ("西南大学", "university"))) is True
    assert registry.lookup("北碚区政府").documents == 2
    assert registry.lookup("西南大学").documents == 3


def test_removing_a_document(registry):
    assert registry.remove("a") and not registry.remove("a")
    assert registry.lookup("北碚区政府").documents == 2
    assert "区政府" not in registry.lookup("北碚区政府").variants


def test_a_document_naming_a_body_twice_counts_once():
    reg = Registry()
    reg.add(_doc("a", ("北碚区人民政府", "government"), ("北碚区政府", "government")))
    assert reg.lookup("北碚区政府").documents == 1


@pytest.mark.parametrize("query,names", [
    pytest.param("", ["重庆市北碚区人民政府", "西南大学"], id="everything-most-documents-first"),
    pytest.param("北碚区人民政府", ["重庆市北碚区人民政府"], id="by-canonical-key"),
    pytest.param("西大", ["西南大学"], id="by-alias"),
    pytest.param("大学", ["西南大学"], id="by-substring"),
    pytest.param("沙坪坝", [], id="nothing"),
])
def test_search(registry, query, names):
    assert [body.name for body in registry.search(query)] == names


def test_to_dict_lists_variants_most_used_first(registry):
    data = registry.lookup("西南大学").to_dict()
    assert data == {"key": "西南大学", "name": "西南大学", "type": "university", "documents": 2,
                    "variants": [{"name": "西南大学", "documents": 2}, {"name": "西大", "documents": 1}]}


# ---------------------------------------------------------------- files

def test_save_and_load_round_trip(registry, tmp_path):
    path = tmp_path / "store" / "registry.json"
    registry.save(path)
    again = Registry.load(path)
    assert {k: b.to_dict() for k, b in again.bodies().items()} == \
        {k: b.to_dict() for k, b in registry.bodies().items()}
    assert again.add(_doc("b", ("重庆市北碚区人民政府", "government"))) is False


def test_missing_file_is_an_empty_registry(tmp_path):
    assert len(Registry.load(tmp_path / "none.json")) == 0


@pytest.mark.parametrize("content", [
    pytest.param("{not json", id="not-json"),
    pytest.param(json.dumps({"format": 99, "documents": {}}), id="other-format"),
])
def test_a_bad_file_says_how_to_recover(tmp_path, content):
    path = tmp_path / "registry.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="delete it"):
        Registry.load(path)

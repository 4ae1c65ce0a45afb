"""The documents the cluster engine indexes: character fields, organisation keys, signing days."""
from __future__ import annotations

import pytest

from engine_corpus import behaviour_corpus
from index.cluster_mapping import (META, SPACE, chars, document, full_date, mappings, meta, meta_of,
                                   record_hash)


@pytest.mark.parametrize("text,expected", [
    ("重庆大学", "重 庆 大 学"),
    ("5G基站", "5 g 基 站"),
    ("５Ｇ基站", "5 g 基 站"),
    ("科技成果  转化", f"科 技 成 果 {SPACE} 转 化"),
    ("2.8亿元", "2 . 8 亿 元"),
    ("", ""),
], ids=["cjk", "latin-lowered", "full-width-folded", "spaces-kept-once", "punctuation", "empty"])
def test_chars_is_one_token_per_folded_character(text, expected):
    assert chars(text) == expected


@pytest.mark.parametrize("published,expected", [
    ("2024-04-25", "2024-04-25"), ("2024-04-25T09:30:00+08:00", "2024-04-25"),
    ("2024-04", None), ("2024", None), (None, None), ("2024-13-45", None),
])
def test_full_date(published, expected):
    assert full_date(published) == expected


def _doc(key: str) -> dict:
    return document(next(r for r in behaviour_corpus() if r.id == key))


def test_organisation_keys_cover_names_and_aliases():
    doc = _doc("xinan")
    assert doc["org_keys"] == sorted(["西南大学", "西大", "北碚国家大学科技园"])
    assert doc["org_canonical"] == sorted(["西南大学", "北碚国家大学科技园"])


def test_signing_parties_are_keyed_by_every_alias_of_their_organisation():
    doc = _doc("platform")
    signing = doc["signings"][0]
    assert signing["day"] == "2024-04-23"
    assert set(signing["party_keys"]) == {"北碚区人民政府", "北碚区政府", "区政府",
                                          "重庆大学知识产权运营有限公司"}


def test_documents_are_filed_under_their_region_and_signing_codes():
    doc = _doc("platform")
    assert doc["region_codes"] == ["500000", "500109"]
    assert doc["place_codes"] == ["500000", "500109"]
    assert doc["signings"][0]["location_codes"] == ["500000", "500109"]
    assert _doc("undated")["region_codes"] == []


def test_derived_fields_are_not_stored():
    assert set(mappings()["_source"]["excludes"]) == {"title_chars", "text_chars", "title_words",
                                                      "text_words"}
    doc = _doc("base5g")
    assert doc["text_words"].startswith("今年 年以 以来")
    assert (doc["year"], doc["published_date"]) == ("2024", "2024-05-06")


def test_hash_changes_with_the_record_only():
    first, second = behaviour_corpus()[0], behaviour_corpus()[0]
    assert record_hash(first) == record_hash(second)
    second.figures = []
    assert record_hash(first) != record_hash(second)


def test_meta_of_reads_the_mapping_version():
    assert meta_of({"mappings": mappings()}) == meta()
    assert meta()["mapping_version"] == META["mapping_version"] and meta()["keys"]
    assert meta_of({"mappings": {}}) == {}

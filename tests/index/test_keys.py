"""Canonical organisations and division codes in the SQLite index: filters, facets, reports.

The cluster engines file documents under the same keys (index.keys); the
parity suite (tests/engines/test_cluster_parity.py) checks they answer alike.
"""
from __future__ import annotations

import sqlite3

import pytest

from index.keys import document_codes, location_codes, name_keys, org_key, query_codes, region_codes
from index.sqlite import SQLiteIndex
from policyminer.errors import EngineError
from policyminer.records import Extracted, Organization, Signing


def _record(key: str, text: str, region: str | None, orgs=(), signings=(),
            published: str = "2024-04-25") -> Extracted:
    return Extracted(id=key, url=f"https://example.gov.cn/{key}.html", title=key, published=published,
                     text=text, source=f"src-{key}", region=region,
                     organizations=[Organization(*org) for org in orgs], signings=list(signings))


def corpus() -> list[Extracted]:
    """Five documents naming one district government three ways, in three regions."""
    return [
        _record("full", "重庆市北碚区人民政府与西南大学签约。", "重庆市北碚区",
                orgs=[("重庆市北碚区人民政府", "government"), ("西南大学", "university", ["西大"])],
                signings=[Signing("重庆市北碚区人民政府与西南大学签约。", "2024-04-23",
                                  ["重庆市北碚区人民政府", "西南大学"], location="北碚区")]),
        _record("short", "北碚区政府召开常务会议。", "重庆市北碚区",
                orgs=[("北碚区政府", "government")], published="2024-05-06"),
        _record("people", "北碚区人民政府发布通知。", "北碚区",
                orgs=[("北碚区人民政府", "government", ["区政府"])], published="2024-05-07"),
        _record("elsewhere", "渝北区与北碚区企业在沙坪坝签约。", "重庆市渝北区",
                orgs=[("渝北区人民政府", "government")],
                signings=[Signing("渝北区与北碚区企业在沙坪坝签约。", "2024-05-20", ["渝北区人民政府"],
                                  location="沙坪坝区西永街道")], published="2024-05-21"),
        _record("ningbo", "宁波市江北区招商签约。", "浙江省宁波市江北区",
                orgs=[("宁波市江北区人民政府", "government")],
                signings=[Signing("宁波市江北区招商签约。", "2024-06-01", ["宁波市江北区人民政府"],
                                  location="江北区")], published="2024-06-02"),
    ]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    with SQLiteIndex(tmp_path_factory.mktemp("keys") / "index.db") as idx:
        idx.load(corpus())
        yield idx


def ids(index, query: str = "", **filters) -> set[str]:
    return {hit["id"] for hit in index.search(query, limit=50, filters=filters).hits}


# ---------------------------------------------------------------- keys

@pytest.mark.parametrize("name,key", [
    pytest.param("重庆市北碚区人民政府", "北碚区政府", id="outer-place-and-people-s"),
    pytest.param("北碚区人民政府", "北碚区政府", id="people-s"),
    pytest.param("中共北碚区委员会", "北碚区委", id="party"),
    pytest.param("ＢＹＤ", "byd", id="folded"),
    pytest.param("", "", id="blank"),
])
def test_org_key(name, key):
    assert org_key(name) == key


def test_name_keys_hold_canonical_and_written_forms():
    assert name_keys(["重庆市北碚区人民政府", "区政府", ""]) == {"北碚区政府", "重庆市北碚区人民政府", "区政府"}


@pytest.mark.parametrize("region,codes", [
    pytest.param("重庆市沙坪坝区", ["500000", "500106"], id="full"),
    pytest.param("沙坪坝区", ["500000", "500106"], id="district"),
    pytest.param("浙江省宁波市江北区", ["330000", "330200", "330205"], id="three-levels"),
    pytest.param("江北区", [], id="ambiguous"),
    pytest.param(None, [], id="none"),
])
def test_region_codes(region, codes):
    assert region_codes(region) == codes


@pytest.mark.parametrize("location,code,region,codes", [
    pytest.param("江北区", None, "重庆市北碚区", ["500000", "500105"], id="region-decides"),
    pytest.param("江北区", None, "浙江省宁波市", ["330000", "330200", "330205"], id="other-region"),
    pytest.param("随便写的", "500106", None, ["500000", "500106"], id="stored-code-wins"),
    pytest.param("西永微电园", None, "重庆市沙坪坝区", [], id="not-a-division"),
    pytest.param(None, None, "重庆市", [], id="no-location"),
])
def test_location_codes(location, code, region, codes):
    assert location_codes(location, code, region) == codes


def test_document_codes_join_region_and_signings():
    record = corpus()[3]
    assert document_codes(record.region, record.signings) == ["500000", "500106", "500112"]


@pytest.mark.parametrize("value,codes", [
    pytest.param("江北区", ("330205", "500105"), id="ambiguous-means-both"),
    pytest.param("重庆市江北区", ("500105",), id="qualified"),
    pytest.param("西永微电园", (), id="no-division"),
])
def test_query_codes(value, codes):
    assert query_codes(value) == codes


# ---------------------------------------------------------------- org

@pytest.mark.parametrize("org", [
    pytest.param("北碚区政府", id="short"), pytest.param("北碚区人民政府", id="people-s"),
    pytest.param("重庆市北碚区人民政府", id="full"),
])
def test_org_filter_finds_every_written_form(index, org):
    assert ids(index, f"org:{org}") == ids(index, org=org) == {"full", "short", "people"}


def test_org_prefix_filter_still_matches_written_forms(index):
    assert ids(index, "org:重庆市*") == {"full"}
    assert ids(index, "org:宁波*") == {"ningbo"}


def test_org_facet_counts_a_body_once_under_its_fullest_name(index):
    facet = {row["value"]: row["count"] for row in index.search("").facets["org"]}
    assert facet["重庆市北碚区人民政府"] == 3
    assert "北碚区政府" not in facet and "北碚区人民政府" not in facet


def test_org_facet_name_comes_from_the_hits(index):
    facet = index.search("常务会议").facets["org"]
    assert facet == [{"value": "北碚区政府", "count": 1}]


def test_trends_by_org_group_by_body(index):
    rows = index.trends("", interval="year", by="org")
    assert {"bucket": "2024", "key": "重庆市北碚区人民政府", "count": 3} in rows
    assert not any(row["key"] in ("北碚区政府", "北碚区人民政府") for row in rows)


def test_signings_org_filter_by_body(index):
    rows = index.signings(org="北碚区政府")
    assert [row["id"] for row in rows] == ["full"]


# ---------------------------------------------------------------- region

@pytest.mark.parametrize("region,expected", [
    pytest.param("北碚区", {"full", "short", "people"}, id="district-matches-full-region-names"),
    pytest.param("重庆市北碚区", {"full", "short", "people"}, id="full-region-name"),
    pytest.param("沙坪坝区", {"elsewhere"}, id="signing-location-under-district"),
    pytest.param("重庆市", {"full", "short", "people", "elsewhere"}, id="municipality-covers-districts"),
    pytest.param("浙江省", {"ningbo"}, id="province"),
    pytest.param("江北区", {"ningbo"}, id="ambiguous-name-any-division"),
    pytest.param("重庆市江北区", set(), id="qualified-other-division"),
    pytest.param("西永微电园", set(), id="not-a-division"),
])
def test_region_filter_by_division(index, region, expected):
    assert ids(index, f"region:{region}") == ids(index, region=region) == expected


def test_region_prefix_filter_matches_the_written_region(index):
    assert ids(index, "region:重庆市*") == {"full", "short", "elsewhere"}


def test_negated_region_filter(index):
    assert ids(index, "-region:重庆市") == {"ningbo"}


def test_region_facet_keeps_written_regions(index):
    facet = {row["value"] for row in index.search("").facets["region"]}
    assert facet == {"重庆市北碚区", "北碚区", "重庆市渝北区", "浙江省宁波市江北区"}


@pytest.mark.parametrize("region,expected", [
    pytest.param("沙坪坝区", ["elsewhere"], id="by-signing-location"),
    pytest.param("渝北区", ["elsewhere"], id="by-document-region"),
    pytest.param("北碚区", ["full"], id="document-and-location"),
    pytest.param("重庆市", ["full", "elsewhere"], id="municipality"),
    pytest.param("宁波市", ["ningbo"], id="city"),
    pytest.param("沙坪坝区西永街道", ["elsewhere"], id="written-location-itself"),
])
def test_signings_region_by_division(index, region, expected):
    assert [row["id"] for row in index.signings(region=region)] == expected


def test_signing_rows_carry_the_location_code(index):
    rows = {row["id"]: row for row in index.signings(merge=False)}
    assert rows["elsewhere"]["location_code"] is None       # the record carried none
    stored = corpus()[0]
    stored.id, stored.signings[0].location_code = "coded", "500109"
    index.load([stored])
    assert index.document("coded")["signings"][0]["location_code"] == "500109"
    assert {row["id"]: row["location_code"] for row in index.signings(merge=False)}["coded"] == "500109"
    index.delete(["coded"])


def test_places_round_trip_through_the_index(index):
    record = corpus()[1]
    record.id, record.places = "placed", [{"name": "北碚区", "code": "500109", "level": "county",
                                           "parents": ["500000"], "mentions": [[0, 3]]}]
    index.load([record])
    assert index.document("placed")["places"] == record.places
    index.delete(["placed"])
    assert index.document("placed") is None


# ---------------------------------------------------------------- older indexes

@pytest.mark.parametrize("key,value", [
    pytest.param("schema_version", "2", id="older-schema"),
    pytest.param("keys", "0123456789ab", id="other-key-rules"),
])
def test_an_index_of_older_keys_must_be_rebuilt(tmp_path, key, value):
    path = tmp_path / "old.db"
    with SQLiteIndex(path) as idx:
        idx.load(corpus())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    with SQLiteIndex(path) as idx:
        with pytest.raises(EngineError, match=rf"{key} '{value}'.*index --rebuild"):
            idx.search("签约")
        idx.clear()
        idx.load(corpus())
        assert ids(idx, "region:沙坪坝区") == {"elsewhere"}


@pytest.mark.parametrize("names, fullest", [
    (["北碚区政府", "重庆市北碚区人民政府", "北碚区人民政府"], "重庆市北碚区人民政府"),
    (["西大", "西南大学"], "西南大学"),
    (["乙研究院", "甲研究院"], "甲研究院" if "甲" < "乙" else "乙研究院"),
], ids=["longest-wins", "alias-loses", "tie-by-code-point"])
def test_fullest_key_sorts_as_fullest_first(names, fullest):
    from index.keys import fullest_first, fullest_key, name_of_fullest_key
    assert name_of_fullest_key(min(fullest_key(n) for n in names)) == fullest
    assert min(names, key=fullest_first) == fullest

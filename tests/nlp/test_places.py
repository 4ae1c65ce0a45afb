"""Places resolved to administrative divisions and their GB/T 2260 codes."""
from __future__ import annotations

import pytest

from nlp.places import (Place, add_places, candidates, choose, document_context, find_places,
                        load_gazetteer, resolve, resolve_chain)
from policyminer.records import Extracted, Signing


def _place(text: str) -> Place:
    place = resolve(text)
    assert place is not None, text
    return place


# ---------------------------------------------------------------- one mention

@pytest.mark.parametrize("text,code", [
    pytest.param("沙坪坝区", "500106", id="full-name"),
    pytest.param("沙坪坝", "500106", id="short-name"),
    pytest.param("重庆市沙坪坝区", "500106", id="with-municipality"),
    pytest.param("重庆沙坪坝区", "500106", id="short-municipality-prefix"),
    pytest.param("沙区", "500106", id="alias-from-places-txt"),
    pytest.param("九龙坡区", "500107", id="three-character-short-district"),
    pytest.param("北碚区", "500109", id="beibei"),
    pytest.param("北碚区蔡家岗街道", "500109", id="street-below-district-gives-district"),
    pytest.param("重庆市", "500000", id="municipality"),
    pytest.param("重庆", "500000", id="municipality-short"),
    pytest.param("四川省成都市武侯区", "510107", id="province-city-county"),
    pytest.param("成都市", "510100", id="prefecture-city"),
    pytest.param("石柱县", "500240", id="autonomous-county-short"),
    pytest.param("石柱土家族自治县", "500240", id="autonomous-county-full"),
    pytest.param("宁波市江北区", "330205", id="ambiguous-name-under-written-city"),
    pytest.param("重庆市江北区", "500105", id="ambiguous-name-under-municipality"),
    pytest.param("　沙坪坝区 ", "500106", id="full-width-space-trimmed"),
    pytest.param("吉林", "220000", id="province-preferred-over-its-city"),
])
def test_resolve_gives_the_division_code(text, code):
    assert _place(text).code == code


@pytest.mark.parametrize("text", [
    pytest.param("西永微电园", id="park-is-not-a-division"),
    pytest.param("两江新区", id="functional-area-is-not-a-division"),
    pytest.param("江北区", id="ambiguous-without-context"),
    pytest.param("区行政中心", id="building"),
    pytest.param("", id="empty"),
    pytest.param(None, id="none"),
])
def test_resolve_gives_nothing(text):
    assert resolve(text) is None


def test_a_place_knows_its_level_and_parents():
    place = _place("重庆市沙坪坝区")
    assert (place.name, place.level, place.parents) == ("沙坪坝区", "county", ("500000",))
    assert place.to_dict() == {"name": "沙坪坝区", "code": "500106", "level": "county",
                               "parents": ["500000"]}
    assert place.within("500000") and place.within("500106") and not place.within("500109")
    assert _place("成都市武侯区").parents == ("510000", "510100")


def test_a_municipality_is_not_its_own_city():
    assert [p.level for p in load_gazetteer().full["重庆市"]] == ["province"]


@pytest.mark.parametrize("context,code", [
    pytest.param("重庆市北碚区", "500105", id="chongqing-document"),
    pytest.param("浙江省宁波市", "330205", id="ningbo-document"),
    pytest.param("浙江省", "330205", id="province-is-enough"),
])
def test_context_decides_an_ambiguous_name(context, code):
    assert resolve("江北区", context=[_place(context)]).code == code


def test_context_that_fits_neither_leaves_it_unresolved():
    assert resolve("江北区", context=[_place("四川省")]) is None


def test_chain_lists_outer_places_first():
    assert [p.code for p in resolve_chain("四川省成都市武侯区")] == ["510000", "510100", "510107"]


@pytest.mark.parametrize("text,codes", [
    pytest.param("江北区", ["330205", "500105"], id="ambiguous-gives-every-division"),
    pytest.param("重庆市江北区", ["500105"], id="qualified-gives-one"),
    pytest.param("沙坪坝", ["500106"], id="short"),
    pytest.param("西永微电园", [], id="not-a-division"),
])
def test_candidates_for_queries(text, codes):
    assert sorted(p.code for p in candidates(text)) == codes


def test_choose_prefers_the_written_parent():
    options = load_gazetteer().full["江北区"]
    assert choose(options, parent=_place("宁波市")).code == "330205"
    assert choose(options) is None


# ---------------------------------------------------------------- texts

def _found(text: str, region: str | None = None) -> dict[str, list]:
    return {p["name"]: p["mentions"] for p in find_places(text, region=region)}


def test_mentions_are_offsets_into_the_text():
    text = "4月23日，重庆市北碚区与沙坪坝区签约，北碚区将提供场地。"
    places = find_places(text)
    for place in places:
        for start, end in place["mentions"]:
            assert text[start:end] in (place["name"], "重庆市")
    assert _found(text) == {"重庆市": [[6, 9]], "北碚区": [[9, 12], [20, 23]],
                            "沙坪坝区": [[13, 17]]}


@pytest.mark.parametrize("text,region,expected", [
    pytest.param("北碚区与北碚高校合作。", None, {"北碚区": 2}, id="short-counts-after-full-name"),
    pytest.param("北碚高校合作。", None, {}, id="two-character-short-alone-does-not-count"),
    pytest.param("北碚高校合作。", "重庆市沙坪坝区", {"北碚区": 1}, id="short-of-home-municipality"),
    pytest.param("沙坪坝高校云集。", None, {"沙坪坝区": 1}, id="three-character-short-counts"),
    pytest.param("来自四川、浙江的企业。", None, {"四川省": 1, "浙江省": 1}, id="province-shorts"),
    pytest.param("两江新区和西永微电园。", None, {}, id="areas-and-parks-are-not-divisions"),
])
def test_which_mentions_count(text, region, expected):
    assert {name: len(m) for name, m in _found(text, region).items()} == expected


@pytest.mark.parametrize("text,region,code", [
    pytest.param("江北区签约项目12个。", "重庆市北碚区", "500105", id="home-region-decides"),
    pytest.param("江北区签约项目12个。", "浙江省宁波市", "330205", id="other-home-region"),
    pytest.param("宁波市江北区代表团来访，江北区企业参加。", "重庆市北碚区", "330205",
                 id="written-city-decides-later-mentions"),
    pytest.param("重庆江北区签约。", None, "500105", id="prefix-decides"),
])
def test_ambiguous_mentions_in_a_text(text, region, code):
    places = {p["name"]: p for p in find_places(text, region=region)}
    assert places["江北区"]["code"] == code


def test_ambiguous_mention_without_context_is_left_out():
    assert "江北区" not in _found("江北区签约项目12个。")


def test_add_places_fills_places_and_location_codes():
    text = "4月23日，北碚区人民政府与西南大学签约，项目落户江北区。"
    record = Extracted(id="x", url="https://example.cn/x", title="t", published=None, text=text,
                       region="重庆市北碚区",
                       signings=[Signing(text, None, location="江北区"),
                                 Signing(text, None, location="西永微电园"),
                                 Signing(text, None, location=None)])
    add_places(record)
    assert [p["code"] for p in record.places] == ["500109", "500105"]
    assert [s.location_code for s in record.signings] == ["500105", None, None]
    assert Extracted.from_dict(record.to_dict()).places == record.places


def test_seed_places_have_their_district(seed_text):
    places = {p["name"]: p for p in find_places(seed_text("portal"))}
    assert places["沙坪坝区"]["code"] == "500106"
    text = seed_text("portal")
    for start, end in places["沙坪坝区"]["mentions"]:
        assert text[start:end] in ("沙坪坝区", "沙坪坝", "沙区")


def test_extract_article_adds_places_and_location_codes(seed_text):
    from nlp.pipeline import extract_article
    from policyminer.records import Article
    record = extract_article(Article(url="https://example.cn/portal.html", title="",
                                     text=seed_text("portal"), region="重庆市沙坪坝区"))
    assert "500106" in {p["code"] for p in record.places}
    context = document_context(record.region, record.places)
    assert context[0].code == "500106"
    for signing in record.signings:
        expected = resolve(signing.location, context=context)
        assert signing.location_code == (expected.code if expected else None)
    assert record.to_dict()["places"] == record.places

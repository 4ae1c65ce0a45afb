"""Units for the organisation walk: tokens re-cut at dictionary and place names, and their tags."""
import pytest

from nlp import orgunits
from nlp.lexicon import load_lexicon
from nlp.orgunits import Tokens, build_units, dictionary_hits, place_hits, tokenize


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _units(text, lexicon):
    tokens = Tokens.of(tokenize(text))
    hits = dictionary_hits(text, lexicon, tokens.starts, tokens.ends)
    places = place_hits(text, lexicon, tokens.starts, tokens.ends)
    return build_units(text, tokens, hits, lexicon, places)


@pytest.mark.parametrize("text, word, tag", [
    pytest.param("璧山区人民政府召开会议", "璧山区", "PLACE", id="district-is-a-place"),
    pytest.param("重庆大学与企业签约", "重庆大学", "ORG", id="dictionary-name-is-one-unit"),
    pytest.param("共有2024家企业", "2024", "m", id="digits"),
    pytest.param("会议，随后参观", "，", "x", id="punctuation"),
    pytest.param("国家统计局大足调查队发布数据", "大足", "PLACE", id="short-place-read-as-adverb"),
    pytest.param("国家统计局大连调查队发布数据", "大连", "PLACE", id="short-city-read-as-adverb"),
])
def test_unit_tags(lexicon, text, word, tag):
    units = _units(text, lexicon)
    assert (word, tag) in [(u.text, u.tag) for u in units]


@pytest.mark.parametrize("text", [
    pytest.param("由县经济信息委牵头", id="stop-word-glued-to-a-level"),
    pytest.param("在区科技局指导下", id="preposition-before-a-level"),
])
def test_a_stop_word_is_cut_off_a_level_character(lexicon, text):
    units = _units(text, lexicon)
    assert units[0].text == text[0]
    assert units[1].start == 1


@pytest.mark.parametrize("text", [
    pytest.param("重庆市江津区人民政府与重庆大学签订战略合作协议", id="government-and-university"),
    pytest.param("张晓明在两江新区数字经济产业园调研", id="person-place-platform"),
    pytest.param("Intel 与 2家企业、1所高校合作", id="latin-digits-spaces"),
])
def test_remembered_tags_are_the_computed_ones(lexicon, text):
    units = _units(text, lexicon)
    table, places = orgunits._tag_table(), lexicon.places
    fresh = [orgunits._tag_of(u.text, table, places) for u in units if u.tag != "ORG"]
    assert [u.tag for u in units if u.tag != "ORG"] == fresh
    assert [(u.text, u.tag) for u in _units(text, lexicon)] == [(u.text, u.tag) for u in units]


def test_units_cover_the_text(lexicon, seed_text):
    text = seed_text("epaper")
    units = _units(text, lexicon)
    assert "".join(u.text for u in units) == text
    assert all(a.end == b.start for a, b in zip(units, units[1:]))

"""WordScanner finds exactly what a regex alternation (longest first) finds."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.wordscan import WordScanner, find_words, occurrences, word_starts


def regex_matches(words, text):
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("words, text, expected", [
    pytest.param(["北碚", "北碚区"], "重庆市北碚区政府", [(3, 6, "北碚区")], id="longest-wins"),
    pytest.param(["重庆市", "市北碚"], "重庆市北碚区", [(0, 3, "重庆市")], id="leftmost-wins"),
    pytest.param(["重庆市", "市北碚区"], "在重庆市北碚区", [(1, 4, "重庆市")], id="no-overlap"),
    pytest.param(["璧山区"], "璧山区和璧山区", [(0, 3, "璧山区"), (4, 7, "璧山区")], id="repeated"),
    pytest.param(["璧山区"], "璧山", [], id="cut-off-at-end"),
    pytest.param(["区", "北碚区"], "北碚区区", [(0, 3, "北碚区"), (3, 4, "区")], id="one-character-word"),
    pytest.param(["a-b", "^]"], "xa-b^]", [(1, 4, "a-b"), (4, 6, "^]")], id="regex-characters"),
    pytest.param([], "北碚区", [], id="no-words"),
])
def test_find_all(words, text, expected):
    assert WordScanner(words).find_all(text) == expected
    if words:
        assert regex_matches(words, text) == expected


@pytest.mark.parametrize("words, text, expected", [
    pytest.param(["北碚区", "重庆市"], "重庆市北碚区朝阳文创大道", "朝阳文创大道", id="places-removed"),
    pytest.param(["北碚区"], "朝阳文创大道", "朝阳文创大道", id="nothing-to-remove"),
])
def test_remove(words, text, expected):
    assert WordScanner(words).remove(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="北碚区市重庆山", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="北碚区市重庆山，", max_size=40))
def test_same_as_regex_alternation(words, text):
    assert WordScanner(words).find_all(text) == regex_matches(set(words), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="北碚区市", min_size=1, max_size=3), min_size=1, max_size=5),
       st.text(alphabet="北碚区市，", max_size=30))
def test_find_words_is_a_scanner_for_few_words(words, text):
    assert find_words(text, words) == WordScanner(words).find_all(text)


@pytest.mark.parametrize("word, text, overlapping, expected", [
    pytest.param("区委", "区委区委", False, [0, 2], id="each-occurrence"),
    pytest.param("哈哈", "哈哈哈", False, [0], id="non-overlapping-like-finditer"),
    pytest.param("哈哈", "哈哈哈", True, [0, 1], id="overlapping"),
    pytest.param("区委", "市委", False, [], id="absent"),
])
def test_occurrences(word, text, overlapping, expected):
    assert occurrences(text, word, overlapping=overlapping) == expected
    if not overlapping:
        assert expected == [m.start() for m in re.finditer(re.escape(word), text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="哈区", min_size=1, max_size=3), st.text(alphabet="哈区委", max_size=20),
       st.integers(min_value=0, max_value=22))
def test_occurrences_from_begin_are_finditer_after_it(word, text, begin):
    expected = [begin + m.start() for m in re.finditer(re.escape(word), text[begin:])]
    assert occurrences(text, word, begin=begin) == expected


def test_occurrences_needs_a_word():
    with pytest.raises(ValueError):
        occurrences("北碚区", "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="北碚区市重庆", min_size=3, max_size=6), min_size=1, max_size=8),
       st.text(alphabet="北碚区市重庆，", max_size=40))
def test_long_words_same_as_regex_alternation(words, text):
    assert WordScanner(words).find_all(text) == regex_matches(set(words), text)


@pytest.mark.parametrize("words, text, expected", [
    pytest.param(["主任", "副主任"], "副主任和主任", {0, 1, 4}, id="nested-words-both-found"),
    pytest.param(["哈哈"], "哈哈哈", {0}, id="self-overlapping-like-occurrences"),
    pytest.param(["区"], "区委区", {0, 2}, id="one-character-word"),
    pytest.param([], "区委", set(), id="no-words"),
])
def test_word_starts(words, text, expected):
    assert word_starts(text, frozenset(words)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="北碚区市", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="北碚区市，", max_size=40))
def test_word_starts_is_the_union_of_occurrences(words, text):
    expected = {start for word in set(words) for start in occurrences(text, word)}
    assert word_starts(text, frozenset(words)) == expected

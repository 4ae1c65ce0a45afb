"""Folding and the CJK-bigram analyzer shared by indexing and queries."""
from __future__ import annotations

import pytest

from index.segment import fold, index_forms, index_text, is_cjk, search_text, tokens


@pytest.mark.parametrize("text, folded", [
    pytest.param("５Ｇ基站", "5g基站", id="full-width-latin"),
    pytest.param("２．８亿元", "2.8亿元", id="full-width-digits"),
    pytest.param("（北碚区）：", "(北碚区):", id="full-width-punctuation"),
    pytest.param("GDP增长", "gdp增长", id="upper-case"),
    pytest.param("第一条　为", "第一条 为", id="ideographic-space"),
    pytest.param("㈱公司", "㈱公司", id="longer-normal-form-kept"),
    pytest.param("重庆、成都。", "重庆、成都。", id="cjk-punctuation-kept"),
])
def test_fold(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("  西南大学\n\n 科技园\t", "西南大学 科技园", id="collapse-and-strip"),
    pytest.param("Ｈｅｌｌｏ　World", "hello world", id="fold-and-collapse"),
])
def test_search_text(text, expected):
    assert search_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("重庆大学", ["重庆", "庆大", "大学"], id="bigrams"),
    pytest.param("区", ["区"], id="single-char-run"),
    pytest.param("5G基站", ["5g", "基站"], id="latin-then-cjk"),
    pytest.param("2.8亿元", ["2", "8", "亿元"], id="decimal"),
    pytest.param("重庆，成都", ["重庆", "成都"], id="punctuation-splits"),
    pytest.param("AI企业35家", ["ai", "企业", "35", "家"], id="mixed"),
    pytest.param("under_score", ["under", "score"], id="underscore-splits"),
    pytest.param("，。！", [], id="punctuation-only"),
])
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_index_forms_fold_once():
    assert index_forms("西南大学 科技园５Ｇ") == (index_text("西南大学 科技园５Ｇ"),
                                            search_text("西南大学 科技园５Ｇ"))


@pytest.mark.parametrize("text, expected", [
    pytest.param("签约", True, id="chinese"),
    pytest.param("𠀀字", True, id="extension-b"),
    pytest.param("5G", False, id="latin"),
    pytest.param("签约。", False, id="with-punctuation"),
    pytest.param("", False, id="empty"),
])
def test_is_cjk(text, expected):
    assert is_cjk(text) is expected

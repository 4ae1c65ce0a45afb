"""JiebaTokenizer builds the Docs spaCy's own zh tokenizer builds; doc_text and doc_tokens read them."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.zh import Chinese
from spacy.util import get_words_and_spaces

from nlp.tokenizer import JiebaTokenizer, doc_text, doc_tokens, words_and_spaces


@pytest.fixture(scope="module")
def spacy_zh():
    return Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@pytest.fixture(scope="module")
def tokenizer(spacy_zh):
    return JiebaTokenizer(spacy_zh.vocab)


TEXTS = [
    pytest.param("重庆市江津区人民政府与重庆大学签订战略合作协议。", id="plain-sentence"),
    pytest.param("总投资约156亿元， 同比增长4.3%", id="space-after-comma"),
    pytest.param("  两江新区  签约仪式  ", id="leading-and-double-spaces"),
    pytest.param("第一段。\n\n第二段：\r\n第三段", id="line-breaks"),
    pytest.param("\u3000\u3000近日，区委书记调研", id="ideographic-indent"),
    pytest.param("Intel 与 AMD 合作", id="latin-with-spaces"),
    pytest.param("", id="empty"),
    pytest.param(" ", id="one-space"),
]


def _shape(doc):
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_doc_as_spacy(text, spacy_zh, tokenizer):
    assert _shape(tokenizer(text)) == _shape(spacy_zh.tokenizer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_input(text, tokenizer):
    doc = tokenizer(text)
    assert doc_text(doc) == text == doc.text


@pytest.mark.parametrize("text", TEXTS)
def test_doc_tokens_are_the_doc_tokens(text, tokenizer):
    doc = tokenizer(text)
    expected = [(t.text, t.idx, t.idx + len(t.text)) for t in doc]
    assert doc_tokens(doc) == expected
    assert all(text[start:end] == word for word, start, end in doc_tokens(doc))


def test_doc_tokens_of_a_doc_from_elsewhere(spacy_zh):
    doc = spacy_zh.tokenizer("璧山区 高新区")
    assert doc_tokens(doc) == [(t.text, t.idx, t.idx + len(t.text)) for t in doc]


@pytest.mark.parametrize("words, text", [
    pytest.param(["重庆", "市"], "重庆 市", id="words-without-the-space"),
    pytest.param(["重庆", " ", " ", "市"], "重庆  市", id="two-space-words"),
    pytest.param(["a", "\n", "b"], "a\nb", id="newline-word"),
])
def test_words_and_spaces_is_spacys(words, text):
    expected = get_words_and_spaces(words, text)
    assert words_and_spaces(words, text) == (list(expected[0]), list(expected[1]))


def test_words_that_do_not_spell_the_text_are_refused():
    with pytest.raises(ValueError):
        words_and_spaces(["重庆", "北碚"], "重庆市")


_CHARS = st.sampled_from(list("重庆市区两江新签约a1 \n\r\t\u3000，。"))


@settings(max_examples=200, deadline=None)
@given(st.text(_CHARS, max_size=30))
def test_random_text_gives_spacys_doc(spacy_zh, tokenizer, text):
    assert _shape(tokenizer(text)) == _shape(spacy_zh.tokenizer(text))
    assert doc_tokens(tokenizer(text)) == [(t.text, t.idx, t.idx + len(t.text))
                                           for t in spacy_zh.tokenizer(text)]

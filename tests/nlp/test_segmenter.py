"""nlp.segmenter gives exactly jieba's words, by phenomenon and on random text."""
import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jieba import finalseg

from nlp.segmenter import cut, hmm_cut, tokenize

PHRASES = [
    pytest.param("重庆市江津区人民政府与重庆大学签订战略合作协议", id="dictionary-words"),
    pytest.param("赛力斯、西南药业等企业负责人参加座谈", id="enumeration"),
    pytest.param("项目总投资约156亿元，其中工业项目19个", id="digits-and-units"),
    pytest.param("同比增长4.3%，增幅较上年提高0.8个百分点", id="decimals-percent"),
    pytest.param("渝北区仙桃数据谷聚集了华为、阿里巴巴等企业", id="place-and-platform"),
    pytest.param("张晓明、李卫东两位院士出席", id="person-names-hmm"),
    pytest.param("Intel与AMD在5G、AI芯片领域合作", id="latin-words"),
    pytest.param("重庆 高新区\n\n科学城\r\n  签约", id="whitespace-runs"),
    pytest.param("\u3000\u3000近日，区委书记调研", id="ideographic-spaces"),
    pytest.param("“天生有为”众创空间（北碚）揭牌", id="quotes-brackets"),
    pytest.param("重慶市璧山區人民政府", id="traditional-characters"),
    pytest.param("V1.5版、No.3号、C++和C#", id="codes-and-symbols"),
    pytest.param("", id="empty"),
    pytest.param("。", id="punctuation-only"),
    pytest.param("璧", id="one-character"),
    # characters the route treats apart: absent from the dictionary, or there only as a prefix
    pytest.param("丄丅区与両地合作", id="characters-the-dictionary-lacks"),
    pytest.param("仫佬族群众与仫乡亲", id="character-only-a-prefix"),
    pytest.param("\r\n\n。重庆，", id="starts-and-ends-outside-blocks"),
]


@pytest.mark.parametrize("text", PHRASES)
def test_cut_is_jieba_cut(text):
    assert cut(text) == list(jieba.cut(text))


@pytest.mark.parametrize("text", PHRASES)
def test_tokenize_is_jieba_tokenize(text):
    assert tokenize(text) == list(jieba.tokenize(text))


@pytest.mark.parametrize("text", [
    pytest.param("张晓明", id="person-name"),
    pytest.param("璧山区来凤街道", id="place-run"),
    pytest.param("区委书记", id="known-words"),
    pytest.param("abc12.5%区", id="latin-and-digits"),
    pytest.param("魑魅魍魉", id="rare-characters"),
])
def test_hmm_cut_is_finalseg_cut(text):
    assert hmm_cut(text) == list(finalseg.cut(text))


@pytest.mark.parametrize("text", [
    pytest.param("张晓明", id="person-name"),
    pytest.param("璧山区来凤街道", id="place-run"),
])
def test_remembered_hmm_cut_is_finalseg_cut_twice(text):
    first, again = hmm_cut(text), hmm_cut(text)
    assert first == again == list(finalseg.cut(text))
    first.append("x")               # callers get their own list, the remembered words stay
    assert hmm_cut(text) == list(finalseg.cut(text))


def test_remembered_hmm_cut_follows_force_split_words():
    words = set(finalseg.Force_Split_Words)
    assert hmm_cut("郑晓明") == ["郑晓明"]
    try:
        finalseg.add_force_split("郑晓明")      # what jieba.del_word does
        assert hmm_cut("郑晓明") == list(finalseg.cut("郑晓明")) == ["郑", "晓", "明"]
    finally:
        finalseg.Force_Split_Words.clear()
        finalseg.Force_Split_Words.update(words)


def test_words_spell_the_text(seed_text):
    text = seed_text("portal")
    assert "".join(cut(text)) == text
    assert cut(text) == list(jieba.cut(text))


_CHARS = st.sampled_from(list("重庆市区县江津渝北璧山两江新区签约项目投资亿元个家的和与在了"
                              "张李王明华伟魑魅0123456789.%+-#&_abcXYZ ，。、“”（）\n\r\t\u3000"))


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_random_text_is_cut_like_jieba(text):
    assert cut(text) == list(jieba.cut(text))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("张李王明华伟魑魅魍魉区县市镇乡村企业园ab1.%")), min_size=1, max_size=20))
def test_random_runs_are_cut_like_the_hmm(text):
    assert hmm_cut(text) == list(finalseg.cut(text))

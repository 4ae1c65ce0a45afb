"""Property tests: the readers and extractors survive any input and keep their offsets honest.

Hypothesis feeds arbitrary Unicode, random bytes, and random (often broken)
HTML built from real page furniture and Chinese news phrases. The contract:

* ``nlp.content.read_article`` returns an Article or raises InputError, never
  anything else;
* ``nlp.pipeline.extract_article`` returns a record whose figures and signings
  quote the text exactly (``text[start:end] == item.text``) and whose
  organisation mentions lie inside the text.

Known bugs are pinned as ``xfail`` examples (they turn into failures once
fixed, so that the pin is removed): a lone surrogate handed to
extract_article, and a C0 control character after an HTML comment, which
lxml refuses in nlp.dom.remove. The random strategies leave those two
characters classes out so that the rest of the contract stays checked.

``max_examples`` stays moderate so that the suite keeps its CI budget; a
failing example is saved in .hypothesis/ and replayed first next time.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nlp.content import article_from_html, read_article
from nlp.pipeline import extract_article, shared_nlp
from policyminer.errors import InputError
from policyminer.records import Article

URL = "https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_1.html"
CASES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces of district news: parties, amounts, dates, signing verbs, policy numbers.
PHRASES = [
    "北碚区人民政府", "西南大学", "重庆大学", "重庆市沙坪坝区科学技术局", "中国农业科学院柑桔研究所",
    "长安汽车股份有限公司", "区委常委、常务副区长", "签约", "签署战略合作协议", "集中签约",
    "项目", "总投资", "186.5亿元", "24个", "1.2万平方米", "同比增长12.5%", "约3000人", "超过5亿元",
    "2025年4月25日", "4月21日", "去年", "上周五", "一季度", "北碚府发〔2025〕3号", "签约仪式上，",
    "，", "。", "；", "、", "（", "）", "“", "”", "\n", " ", "\u3000", "\t", "%", "亿", "万元",
    "蔡家智慧新城会展中心", "与", "和", "共建", "揭牌", "拟签约", "累计", "全年", "逾60億元", "簽約",
]
TAGS = ["div", "p", "span", "a", "h1", "h2", "table", "tr", "td", "ul", "li", "br", "script",
        "style", "meta", "title", "head", "body", "font", "b", "strong", "iframe", "noscript"]
ATTRS = ['class="TRS_Editor"', 'id="content"', 'class="article-title"', 'href="../a.html"',
         'charset="gb2312"', 'style="display:none"', 'class="share"', 'name="publishdate" content="2025-04-25"',
         'class="xxgk-table"', 'href="javascript:void(0)"', 'onclick="window.close()"']
SPECIALS = ["<!DOCTYPE html>", "<!-- 注释 -->", "&nbsp;", "&amp;", "&#x4E2D;", "&#20013;", "&bogus;",
            "<![CDATA[x]]>", "</", "<", ">", "<br/>", "<?xml version=\"1.0\"?>", "\x7f", "\ufeff",
            "\ud7ff", "\U0001F600", "\u200b", "\r\n", "\u2028"]

CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")   # see the known bugs
unicode_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROLS),
                       max_size=2000)
DOM_CONTROL_BUG = dict(raises=ValueError, reason="known bug: lxml refuses a control character "
                       "moved into a tail by nlp.dom.remove; nlp.dom.parse should drop them")
news_text = st.lists(st.one_of(st.sampled_from(PHRASES), unicode_text.map(lambda t: t[:6]),
                               st.integers(0, 10 ** 9).map(str)), max_size=60).map("".join)


@st.composite
def html_documents(draw, depth: int = 0):
    """A random, often malformed, HTML page of news phrases and page furniture."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(draw(news_text))
        elif kind == 1:
            parts.append(draw(st.sampled_from(SPECIALS)))
        elif depth < 3:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=2)))
            inner = draw(html_documents(depth=depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
            parts.append(f"<{tag}{' ' + attrs if attrs else ''}>{inner}{close}")
    body = "".join(parts)
    if depth == 0 and draw(st.booleans()):
        body = f"<html><head><title>{draw(news_text)}</title></head><body>{body}</body></html>"
    return body


@pytest.fixture(scope="module")
def nlp():
    """The shared pipeline, loaded once for the module (jieba's dictionary takes seconds)."""
    return shared_nlp()


def check_offsets(record) -> None:
    """Every item's offsets point at its own words in the record's text."""
    text = record.text
    for figure in record.figures:
        assert 0 <= figure.start < figure.end <= len(text), figure
        assert text[figure.start:figure.end] == figure.text, figure
    for signing in record.signings:
        assert 0 <= signing.start < signing.end <= len(text), signing
        assert text[signing.start:signing.end] == signing.text, signing
    for org in record.organizations:
        assert org.name, org
        for start, end in org.mentions:
            assert 0 <= start < end <= len(text), org


def read_or_input_error(data: bytes):
    """read_article's outcome: an Article, or None for an InputError (anything else fails)."""
    try:
        article = read_article(data, URL)
    except InputError:
        return None
    assert isinstance(article, Article)
    assert isinstance(article.title, str) and isinstance(article.text, str)
    return article


def extract_or_input_error(text: str, nlp, **fields):
    """extract_article's record for ``text``, or None for an InputError (anything else fails)."""
    try:
        return extract_article(Article(url=URL, title=fields.pop("title", ""), text=text, **fields), nlp=nlp)
    except InputError:
        return None


# ---------------------------------------------------------------- read_article


@CASES
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\x00\x01\x02\xff\xfe")
@example("<html><body>签约</body></html>".encode("gbk"))
@example("<div><div><!-- 注释 -->\x1b".encode()).xfail(**DOM_CONTROL_BUG)
def test_read_article_takes_any_bytes(data):
    read_or_input_error(data)


@CASES
@given(html_documents(), st.sampled_from(["utf-8", "gbk", "gb18030", "utf-16"]))
def test_read_article_takes_random_html_in_any_encoding(html, encoding):
    article = read_or_input_error(html.encode(encoding, errors="replace"))
    if article is not None:
        assert "\x00" not in article.text


@CASES
@given(unicode_text)
@example("\n\n\n")
@example("\u3000" * 50)
@example("<" * 200)
def test_read_article_takes_any_unicode_text(text):
    read_or_input_error(text.encode("utf-8", errors="surrogatepass"))


# ---------------------------------------------------------------- extract_article


@CASES
@given(unicode_text)
@example("")
@example("2025年4月25日，北碚区人民政府与西南大学签约，总投资186.5亿元。")
@example("\ud800\udfff签约").xfail(
    raises=UnicodeEncodeError,
    reason="known bug: a lone surrogate reaches spaCy's StringStore; extract_article should raise InputError")
def test_extract_article_keeps_offsets_on_any_unicode(nlp, text):
    record = extract_or_input_error(text, nlp)
    if record is not None:
        assert record.text == text
        check_offsets(record)


@CASES
@given(news_text, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
@example("4月21日，重庆市沙坪坝区科学技术局与重庆大学、长安汽车股份有限公司签署战略合作协议，"
         "24个项目集中签约，总投资186.5亿元，同比增长12.5%。", "2025-04-25")
def test_extract_article_keeps_offsets_on_news_phrases(nlp, text, published):
    record = extract_or_input_error(text, nlp, title="签约", published=published)
    assert record is not None, "well-formed news text must extract"
    check_offsets(record)
    assert record.id and record.url == URL


@CASES
@given(html_documents())
@example("<div></div><!-- 注释 -->0\x1f").xfail(**DOM_CONTROL_BUG)
def test_html_to_record_keeps_offsets(nlp, html):
    try:
        article = article_from_html(html, URL)
    except InputError:
        return
    record = extract_or_input_error(article.text, nlp, title=article.title)
    if record is not None:
        check_offsets(record)

"""Property tests: the readers and extractors survive any input and keep their offsets honest.

Hypothesis feeds arbitrary Unicode, random bytes, and random (often broken)
HTML built from real page furniture and Chinese news phrases. The contract:

* ``nlp.content.read_article`` returns an Article or raises InputError, never
  anything else;
* ``nlp.pipeline.extract_article`` returns a record whose figures and signings
  quote the text exactly (``text[start:end] == item.text``) and whose
  organisation mentions lie inside the text.

C0 control characters and lone surrogates are in the random text too: the
input boundary (nlp.encoding.scrub, called by decode, nlp.dom.parse and
extract_article) removes them, so a record's text is the scrubbed input.
Crashes found once are kept as ``@example`` cases.

``max_examples`` stays moderate so that the suite keeps its CI budget; set
POLICYMINER_HYPOTHESIS_EXAMPLES=500 for a deeper local search. A failing
example is saved in .hypothesis/ and replayed first next time.
"""
from __future__ import annotations

import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nlp import dom
from nlp.content import article_from_html, read_article
from nlp.encoding import scrub
from nlp.pipeline import extract_article, shared_nlp
from nlp.policymeta import body_metadata
from policyminer.errors import InputError
from policyminer.records import Article, Extracted

URL = "https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_1.html"
EXAMPLES = int(os.environ.get("POLICYMINER_HYPOTHESIS_EXAMPLES", "40"))
CASES = settings(max_examples=EXAMPLES, deadline=None,
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
# Pieces of policy documents and news credits: 文号 lines, signature blocks, 抄送/印发, by-lines.
POLICY_PHRASES = [
    "北碚府办发〔2024〕15号", "渝府发[2023] 7号", "（国办发（2024）3号）", "重庆市人民政府令第365号",
    "重庆市北碚区人民政府办公室", "重庆市北碚区科学技术局\u3000\u3000重庆市北碚区财政局", "文件",
    "2024年3月12日", "二〇二四年三月十二日", "2024年13月45日", "二〇二四年十三月", "（此件公开发布）",
    "抄送：", "印发", "（盖章）", "各有关单位：", "根据《规定》（", "）", "本报讯（记者 张三 通讯员 李四）",
    "来源：上游新闻", "责任编辑：王五", "记者", "通讯员", "索引号：115001/2024-00031", "主题分类：科技",
    "签发人：", "特此通知。", "\n", "\n", "\n", " ", "\u3000",
]
TAGS = ["div", "p", "span", "a", "h1", "h2", "table", "tr", "td", "ul", "li", "br", "script",
        "style", "meta", "title", "head", "body", "font", "b", "strong", "iframe", "noscript"]
ATTRS = ['class="TRS_Editor"', 'id="content"', 'class="article-title"', 'href="../a.html"',
         'charset="gb2312"', 'style="display:none"', 'class="share"', 'name="publishdate" content="2025-04-25"',
         'class="xxgk-table"', 'href="javascript:void(0)"', 'onclick="window.close()"']
SPECIALS = ["<!DOCTYPE html>", "<!-- 注释 -->", "&nbsp;", "&amp;", "&#x4E2D;", "&#20013;", "&bogus;",
            "<![CDATA[x]]>", "</", "<", ">", "<br/>", "<?xml version=\"1.0\"?>", "\x7f", "\ufeff",
            "\ud7ff", "\U0001F600", "\u200b", "\r\n", "\u2028"]

unicode_text = st.text(st.characters(), max_size=2000)   # controls and lone surrogates included
policy_text = st.lists(st.one_of(st.sampled_from(POLICY_PHRASES), st.sampled_from(PHRASES),
                                 unicode_text.map(lambda t: t[:4])), max_size=40).map("".join)
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
@example("<div><div><!-- 注释 -->\x1b".encode())   # a control char lxml refused in a tail
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
@example("\ud800签约\udfff")            # lone surrogates spaCy's StringStore refused
@example("\ud800\udfff签约")            # a pair written as two code points
@example("北碚区\x00人民政府\x1b签约")
def test_extract_article_keeps_offsets_on_any_unicode(nlp, text):
    record = extract_or_input_error(text, nlp)
    if record is not None:
        assert record.text == scrub(text)
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
@example("<div></div><!-- 注释 -->0\x1f")   # a control char lxml refused in a tail
def test_html_to_record_keeps_offsets(nlp, html):
    try:
        article = article_from_html(html, URL)
    except InputError:
        return
    record = extract_or_input_error(article.text, nlp, title=article.title)
    if record is not None:
        check_offsets(record)


@CASES
@given(unicode_text)
@example("<div><!-- 注释 -->\x1b\ud800</div>")
def test_dom_parse_and_strip_take_any_unicode(html):
    try:
        root = dom.parse(html, "page.html")
    except InputError:
        return
    dom.strip_furniture(root)   # moves tails around: the text must stay acceptable to lxml
    lines = dom.block_lines(root)
    assert all(isinstance(line, str) for line in lines)


# ---------------------------------------------------------------- body metadata


@CASES
@given(policy_text, st.sampled_from(["", "关于印发措施的通知（北碚府办发〔2024〕15号）"]))
@example("北碚府办发〔2024〕15号\n各有关单位：\n特此通知。\n重庆市北碚区人民政府办公室\n2024年13月45日", "")
def test_body_metadata_takes_any_text(text, title):
    found = body_metadata(text, title=title)
    squeezed = "".join((title + text).split())
    if found.get("doc_number"):
        assert found["doc_number"] in squeezed
    for issuer in found.get("issuers", [found["issuer"]] if "issuer" in found else []):
        assert issuer and issuer in text
    if found.get("written"):
        date.fromisoformat(found["written"])


@CASES
@given(policy_text)
def test_extract_article_keeps_offsets_on_policy_text(nlp, text):
    record = extract_or_input_error(text, nlp, title="通知")
    if record is not None:
        check_offsets(record)
        assert record.doc_type in ("news", "policy")


# ---------------------------------------------------------------- the extract command's worker


@CASES
@given(st.one_of(st.binary(max_size=2000),
                 html_documents().map(lambda html: html.encode("utf-8", errors="surrogatepass")),
                 policy_text.map(lambda text: text.encode("gb18030", errors="replace"))))
@example("<div><div><!-- 注释 -->\x1b".encode())
@example(b"<!DOCTYPE")   # an empty document: a one-line InputError naming the page
@example("北碚府办发〔2024〕15号\n\ud800签约".encode("utf-8", errors="surrogatepass"))
def test_extract_worker_reports_only_input_errors(nlp, data):
    from policyminer.documents import _extract_one

    result = _extract_one(("pages/doc.html", data, URL, None), nlp)
    if "error" in result:
        # read_article names the file; the HTML parser names the page's URL
        assert result["error"].startswith(("pages/doc.html: ", URL + ": ")) and "\n" not in result["error"]
        assert "Error:" not in result["error"], result["error"]   # a crash, not an unreadable input
    else:
        json.dumps(result, ensure_ascii=False).encode("utf-8")   # printable: no lone surrogates
        check_offsets(Extracted.from_dict(result))

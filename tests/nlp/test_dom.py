"""nlp.dom: choosing the content block and reading it as lines."""
from __future__ import annotations

import pytest

from nlp import dom
from policyminer.errors import InputError

PARAGRAPH = "沙坪坝区今年新增科技型企业312家，兑现科技创新扶持资金5600余万元，孵化载体达到19家。"
SIDEBAR = "".join(f"<li><a href='/a/{i}.html'>沙坪坝区召开第{i}次经济运行分析会</a></li>" for i in range(12))


def tree(body: str):
    return dom.parse(f"<html><head><title>t</title></head><body>{body}</body></html>")


@pytest.mark.parametrize(
    "body, expected_id",
    [
        pytest.param(f"<div id='side'><ul>{SIDEBAR}</ul></div><div id='a' class='TRS_Editor'><p>{PARAGRAPH}</p></div>",
                     "a", id="known-trs-container"),
        pytest.param(f"<div id='side'><ul>{SIDEBAR}</ul></div><div id='a' class='q1'><p>{PARAGRAPH}</p>"
                     f"<p>{PARAGRAPH}</p></div>", "a", id="scored-paragraphs"),
        pytest.param(f"<div id='a' class='q1'>{PARAGRAPH}<br>{PARAGRAPH}<br>{PARAGRAPH}</div>"
                     f"<div class='q2'><ul>{SIDEBAR}</ul></div>", "a", id="br-separated-text"),
        pytest.param(f"<table><tr><td id='nav'><ul>{SIDEBAR}</ul></td><td id='a'><p>{PARAGRAPH}</p>"
                     f"<p>{PARAGRAPH}</p></td></tr></table>", "a", id="table-layout"),
    ],
)
def test_find_container(body, expected_id):
    root = tree(body)
    dom.strip_furniture(root)
    assert dom.find_container(root).get("id") == expected_id


def test_find_container_on_empty_page():
    assert dom.find_container(tree("<div><a href='/'>首页</a></div>")) is None


@pytest.mark.parametrize(
    "selector, found",
    [
        pytest.param("#a", "a", id="css"),
        pytest.param("//div[@id='a']", "a", id="xpath"),
        pytest.param("div[[broken", None, id="bad-selector"),
        pytest.param("#empty", None, id="no-chinese-text"),
        pytest.param(None, None, id="none"),
    ],
)
def test_configured_container(selector, found):
    root = tree(f"<div id='empty'>123</div><div id='a'><p>{PARAGRAPH}</p></div>")
    element = dom.configured_container(root, selector)
    assert (element.get("id") if element is not None else None) == found


@pytest.mark.parametrize(
    "selector, values",
    [
        pytest.param("h1.t::text", ["北碚区新增项目10个"], id="scrapy-text"),
        pytest.param("meta[name=PubDate]::attr(content)", ["2025-04-25 10:20"], id="scrapy-attr"),
        pytest.param("div.info span", ["发布时间：2025-04-25", "来源：区科技局"], id="plain-css"),
        pytest.param("//h1[@class='t']", ["北碚区新增项目10个"], id="xpath"),
        pytest.param("div.none::text", [], id="no-match"),
    ],
)
def test_select_values(selector, values):
    root = dom.parse("<html><head><meta name='PubDate' content='2025-04-25 10:20'></head><body>"
                     "<h1 class='t'>北碚区新增项目10个</h1><div class='info'><span>发布时间：2025-04-25</span>"
                     "<span>来源：区科技局</span></div></body></html>")
    assert dom.select_values(root, selector) == values


def test_spaced_lines_separate_inline_pieces():
    root = tree("<div class='source-time'><span>2025-04-23 19:26:51</span><span>来源：上游新闻</span>"
                "<span>上游新闻记者 何婷</span></div><p>正文，<a>链接</a>。</p>")
    assert dom.spaced_lines(root) == ["2025-04-23 19:26:51 来源：上游新闻 上游新闻记者 何婷", "正文， 链接 。"]


@pytest.mark.parametrize(
    "html, gone, kept",
    [
        pytest.param("<div class='bdsharebuttonbox'>分享到：微信 微博</div>", "分享到", None, id="share-bar"),
        pytest.param("<div class='position'>当前位置：首页 &gt; 新闻</div>", "当前位置", None, id="position"),
        pytest.param("<script>var x = '正文';</script>", "var x", None, id="script"),
        pytest.param("<figure><img src='a.jpg'><figcaption>签约现场</figcaption></figure>", "签约现场", None,
                     id="figcaption"),
        pytest.param("<p><img src='a.jpg'></p><p>西永微电园集成电路孵化器</p>", "孵化器", None, id="caption-after-image"),
        pytest.param("<p class='pictext'>5月6日，挂牌现场。记者 李明 摄</p>", "挂牌现场", None, id="caption-class"),
        pytest.param("<p class='f_center'><img src='a.jpg'><br>签约会现场</p>", "签约会现场", None,
                     id="caption-in-image-paragraph"),
        pytest.param(f"<div class='share-box'><p>{PARAGRAPH * 8}</p></div>", None, PARAGRAPH, id="long-text-kept"),
        pytest.param(f"<p><img src='a.jpg'></p><p>{PARAGRAPH}</p>", None, PARAGRAPH, id="sentence-after-image"),
        pytest.param("<p class='video-title'>视频：铜梁龙舞闹新春</p>", "龙舞", None, id="video-title-class"),
        pytest.param("<div class='vbox'><div><video src='a.mp4'>您的浏览器不支持视频播放</video></div>"
                     "<p>江津区几江街道老旧小区改造现场</p><p>时长 01:45</p></div>"
                     f"<p>{PARAGRAPH}</p>", "老旧小区", PARAGRAPH, id="video-box-labels"),
        pytest.param(f"<div class='txt'><video src='a.mp4'></video><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>",
                     None, PARAGRAPH, id="video-inside-the-article"),
    ],
)
def test_strip_furniture(html, gone, kept):
    root = tree(html)
    dom.strip_furniture(root)
    text = dom.text_of(root)
    if gone:
        assert gone not in text
    if kept:
        assert kept in text


def test_with_siblings_adds_blocks_the_reference_confirms():
    root = tree(f"<div id='w'><div id='a'><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>"
                "<div id='img'><img src='a.jpg'></div>"
                "<div id='b'><p>一季度渝中区社会消费品零售总额同比增长6.2%，增速居中心城区前列。</p></div>"
                "<div id='c'><p>区长负责区政府全面工作，分管区财政局、区审计局等部门。</p></div></div>")
    reference = f"{PARAGRAPH}\n{PARAGRAPH}\n一季度渝中区社会消费品零售总额同比增长6.2%，增速居中心城区前列。"
    blocks = dom.with_siblings(root.get_element_by_id("a"), reference)
    assert [b.get("id") for b in blocks] == ["a", "b"]
    assert dom.with_siblings(root.get_element_by_id("a"), "") == [root.get_element_by_id("a")]


@pytest.mark.parametrize(
    "html, lines",
    [
        pytest.param("<p>第一段。</p><p>第二段。</p>", ["第一段。", "第二段。"], id="paragraphs"),
        pytest.param("第一行<br>第二行<br/>第三行", ["第一行", "第二行", "第三行"], id="br"),
        pytest.param("<p>　　首行缩进。</p>", ["\u3000\u3000首行缩进。"], id="keeps-indent"),
        pytest.param("<p>正文，<a href='#'>链接</a>继续。</p>", ["正文，链接继续。"], id="inline-link"),
        pytest.param("<h2>一、总体要求</h2><p>正文。</p>", ["", "一、总体要求", "", "正文。"], id="heading"),
        pytest.param("<p><strong>产业链招商成效初显</strong></p><p>正文。</p>", ["", "产业链招商成效初显", "", "正文。"],
                     id="bold-subheading"),
        pytest.param("<table><tr><td>索引号：</td><td>1150</td></tr></table>", ["索引号： 1150"], id="table-row"),
        pytest.param("<table><tr><th><p>序号</p></th><th><p>企业名称</p></th><th><p>认定<br>批次</p></th></tr>"
                     "<tr><td><p>1</p></td><td><p>重庆华渝电气集团有限公司</p></td><td><p>第一批</p></td></tr></table>",
                     ["序号 企业名称 认定 批次", "1 重庆华渝电气集团有限公司 第一批"], id="table-cells-with-paragraphs"),
        pytest.param(f"<table><tr><td><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></td></tr></table>",
                     [PARAGRAPH, PARAGRAPH], id="layout-table-cell-keeps-paragraphs"),
    ],
)
def test_block_lines(html, lines):
    assert dom.block_lines(tree(html).find("body")) == lines


def test_parse_accepts_xml_declaration():
    root = dom.parse('<?xml version="1.0" encoding="utf-8"?><html><body><p>正文</p></body></html>')
    assert dom.text_of(root) == "正文"


def test_parse_rejects_empty_document():
    with pytest.raises(InputError, match="cannot parse"):
        dom.parse("   ", "page.html")


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div><div><!-- 注释 -->\x1b</div></div>", id="escape-after-comment"),
        pytest.param("<div></div><!-- 注释 -->0\x1f", id="unit-separator-after-comment"),
        pytest.param("<p>签\ud800约</p><!-- x -->\x00", id="surrogate-and-nul"),
    ],
)
def test_parse_scrubs_characters_lxml_refuses(html):
    root = dom.parse(html, "page.html")
    dom.strip_furniture(root)   # moves a comment's tail: lxml refused control characters there
    text = dom.text_of(root)
    assert not any(ord(c) < 32 for c in text) and "\ud800" not in text


def test_parse_error_is_one_line_naming_the_page():
    with pytest.raises(InputError) as error:
        dom.parse("\x1b\x1b  ", "pages/broken.html")
    assert str(error.value).startswith("pages/broken.html: ") and "\n" not in str(error.value)

"""List pages: article links (configured and automatic), their dates, the next page, attachments."""
from __future__ import annotations

import pytest
from parsel import Selector

from crawler.links import (article_links, attachment_links, looks_like_article, next_pages,
                           text_date, url_date)

LIST_URL = "https://www.cqbb.gov.cn/zwxx_237/bbyw/index.html"
TRS_LIST = """
<div class="nav"><a href="../../index.html">首页</a><a href="./index.html">政务信息</a>
  <a href="javascript:void(0)">无障碍</a></div>
<ul class="list">
  <li><a href="./202505/t20250513_14560321.html" title="北碚区与中国电信重庆分公司签约共建“数字北碚”">北碚区与中国电信…</a>
      <span class="date">2025-05-13</span></li>
  <li><a href="./202504/t20250425_14534123.html">北碚区举行二季度招商引资项目集中签约活动</a><span>2025年4月25日</span></li>
  <li><a href="./202504/t20250425_14534123.html#comments">评论</a></li>
  <li><a href="http://www.cqbb.gov.cn/zwxx_237/bbyw/202503/t20250312_14420011.html">北碚区与柑桔研究所签约</a></li>
</ul>
<div class="footer"><a href="https://www.gov.cn/">中国政府网</a>
  <a href="../../zwgk_239/zcwj/P0201.pdf">附件下载</a></div>
"""


def links(html: str, url: str = LIST_URL, **rules):
    return article_links(Selector(text=html), url, **rules)


def test_configured_selector_with_dates_from_the_item():
    found = links(TRS_LIST, links="ul.list li a::attr(href)")
    assert [(e.url.rsplit("/", 1)[1], e.published) for e in found] == [
        ("t20250513_14560321.html", "2025-05-13"),
        ("t20250425_14534123.html", "2025-04-25"),
        ("t20250312_14420011.html", "2025-03-12"),     # no date shown: taken from the URL
    ]
    assert found[0].title == "北碚区与中国电信重庆分公司签约共建“数字北碚”"   # the title attribute wins


def test_automatic_detection_skips_navigation_footer_and_files():
    found = links(TRS_LIST)
    assert [e.url.rsplit("/", 1)[1] for e in found] == [
        "t20250513_14560321.html", "t20250425_14534123.html", "t20250312_14420011.html"]


def test_link_pattern_filters():
    found = links(TRS_LIST, link_pattern=r"/2025040?5/")
    assert [e.url.rsplit("/", 1)[1] for e in found] == []
    found = links(TRS_LIST, link_pattern=r"/202504/t\d+_\d+\.html$")
    assert [e.url.rsplit("/", 1)[1] for e in found] == ["t20250425_14534123.html"]


def test_xpath_selectors_and_element_selectors():
    assert len(links(TRS_LIST, links="xpath://ul[@class='list']//a/@href")) == 3
    assert len(links(TRS_LIST, links="ul.list li")) == 3          # items: their first link


def test_a_neighbours_date_is_not_taken():
    html = ('<div><a href="/a/t20250101_1.html">第一条新闻标题很长很长</a>'
            '<a href="/a/t20250102_2.html">第二条新闻标题很长很长</a>'
            '<a href="/a/3.html">第三条新闻标题没有日期很长很长</a><span>2025-04-01</span></div>')
    found = {e.url.rsplit("/", 1)[1]: e.published for e in links(html, "https://a.cn/a/index.html")}
    assert found == {"t20250101_1.html": "2025-01-01", "t20250102_2.html": "2025-01-02", "3.html": None}


@pytest.mark.parametrize("url, title, article", [
    ("https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html", "签约", True),
    ("https://epaper.cqrb.cn/html/2025-04/25/content_3412356.htm", "北碚：创新果", True),
    ("https://www.cqcb.com/county/beibei/beibeixinwen/2025-04-23/5901234_pc.html", "北碚与西南大学再牵手", True),
    ("https://www.163.com/dy/article/JU8P2M4K0514R9P4.html", "30余项高校成果在沙坪坝落地", True),
    ("https://news.cqnews.net/1/detail/1160000000000000000/web/content_1160000000000000000.html", "标题", True),
    ("https://www.cqbb.gov.cn/zwxx_237/bbyw/index_1.html", "下一页", False),
    ("https://www.cqbb.gov.cn/zwxx_237/bmdt/", "部门动态", False),
    ("https://www.cqbb.gov.cn/zwgk_239/zcwj/P020250424385712904563.pdf", "附件", False),
    ("https://www.cqbb.gov.cn/zsbb/about.html", "走进北碚", False),
    ("https://www.cqbb.gov.cn/zsbb/about.html", "北碚区召开二〇二五年全区经济工作会议", True),
], ids=["trs", "epaper", "cqcb", "netease", "cqnews", "pagination", "column", "file", "short-nav",
        "long-title"])
def test_looks_like_article(url, title, article):
    assert looks_like_article(url, title) is article


@pytest.mark.parametrize("text, date", [
    ("发布时间：2025-04-25 17:30", "2025-04-25"),
    ("2025年4月3日", "2025-04-03"),
    ("[2025/04/03]", "2025-04-03"),
    ("2025.4.3", "2025-04-03"),
    ("2025-13-40", None),
    ("04-25", None),
], ids=["iso", "chinese", "slashes", "dots", "not-a-date", "no-year"])
def test_text_date(text, date):
    assert text_date(text) == date


@pytest.mark.parametrize("url, date", [
    ("https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html", "2025-04-25"),
    ("https://epaper.cqrb.cn/html/2025-04/25/content_3412356.htm", "2025-04-25"),
    ("https://www.cqcb.com/county/beibei/beibeixinwen/2025-04-23/5901234_pc.html", "2025-04-23"),
    ("https://www.163.com/dy/article/JU8P2M4K0514R9P4.html", None),
], ids=["trs", "epaper", "cqcb", "none"])
def test_url_date(url, date):
    assert url_date(url) == date


@pytest.mark.parametrize("html, url, expected", [
    ('<script>createPageHTML(3, 0, "index", "html");</script>', LIST_URL, "index_1.html"),
    ('<script>createPageHTML(3, 1, "index", "html");</script>',
     LIST_URL.replace("index.html", "index_1.html"), "index_2.html"),
    ('<script>createPageHTML(3, 2, "index", "html");</script>',
     LIST_URL.replace("index.html", "index_2.html"), None),
    ('<script>var countPage = 12; var currentPage = 4; createPageHTML(countPage, currentPage, "list", "shtml");'
     '</script>', "https://a.cn/col/list_4.shtml", "list_5.shtml"),
    ('<div><a href="index_1.html">2</a><a href="index_2.html">3</a></div>', LIST_URL, "index_1.html"),
    ('<div><a href="index_2.html">3</a></div>', LIST_URL.replace("index.html", "index_1.html"), "index_2.html"),
    ('<div><a href="?page=3">下一页</a></div>', "https://a.cn/list?page=2", "list?page=3"),
    ('<div><a href="javascript:next()">下一页</a></div>', "https://a.cn/list", None),
    ("<div>共1页</div>", LIST_URL, None),
], ids=["trs-first", "trs-middle", "trs-last", "trs-variables", "index-link", "index-next",
        "next-anchor", "javascript-next", "single-page"])
def test_next_pages_detected(html, url, expected):
    found = next_pages(Selector(text=html), html, url)
    assert [u.rsplit("/", 1)[1] for u in found] == ([expected] if expected else [])


def test_next_page_selector_wins():
    html = '<div class="page"><a class="next" href="index_7.html">下一页</a></div>' \
           '<script>createPageHTML(3, 0, "index", "html");</script>'
    found = next_pages(Selector(text=html), html, LIST_URL, next_page="div.page a.next::attr(href)")
    assert [u.rsplit("/", 1)[1] for u in found] == ["index_7.html"]


def test_attachment_links_with_names():
    html = ('<div class="fujian"><a href="./P020250424385712904563.pdf">1.北碚区支持科技创新若干政策措施.pdf</a>'
            '<a href="./P1.docx" title="申报表">附件2</a><a href="./P020250424385712904563.pdf">下载</a>'
            '<a href="./t20250401_1.html">相关文件</a></div>')
    found = attachment_links(Selector(text=html), "https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/t20250424_1.html")
    assert found == [
        ("https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/P020250424385712904563.pdf",
         "1.北碚区支持科技创新若干政策措施.pdf"),
        ("https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/P1.docx", "申报表"),
    ]

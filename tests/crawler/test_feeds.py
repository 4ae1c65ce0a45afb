"""RSS, Atom and sitemaps as sources of article links."""
from __future__ import annotations

import pytest

from crawler.feeds import parse_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>上游新闻·区县</title>
<item><title>北碚与西南大学再“牵手”</title>
  <link>https://www.cqcb.com/county/beibei/beibeixinwen/2025-04-23/5901234_pc.html</link>
  <pubDate>Wed, 23 Apr 2025 10:20:00 +0800</pubDate></item>
<item><title>无日期</title><link>https://www.cqcb.com/county/x/1.html</link></item>
</channel></rss>""".encode("utf-8")

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>北碚区人民政府</title>
<entry><title>北碚要闻</title>
  <link rel="alternate" href="https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html"/>
  <updated>2025-04-25T09:00:00+08:00</updated></entry>
</feed>""".encode("utf-8")

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/t20250424_14533001.html</loc><lastmod>2025-04-24</lastmod></url>
<url><loc>https://www.cqbb.gov.cn/zwgk_239/zcwj/202504/t20250408_14508812.html</loc></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://www.cqbb.gov.cn/sitemap_zcwj.xml</loc></sitemap>
<sitemap><loc>https://www.cqbb.gov.cn/sitemap_bbyw.xml</loc></sitemap>
</sitemapindex>"""


def test_rss_items_with_dates():
    entries, nested = parse_feed(RSS, "https://www.cqcb.com/rss.xml")
    assert [(e.title, e.published) for e in entries] == [("北碚与西南大学再“牵手”", "2025-04-23"), ("无日期", None)]
    assert nested == []


def test_atom_entries():
    [entry], _ = parse_feed(ATOM, "https://www.cqbb.gov.cn/atom.xml")
    assert entry.url.endswith("t20250425_14534123.html") and entry.published == "2025-04-25"


def test_sitemap_urls_with_lastmod():
    entries, _ = parse_feed(SITEMAP, "https://www.cqbb.gov.cn/sitemap.xml")
    assert [e.published for e in entries] == ["2025-04-24", None]


def test_sitemap_index_names_further_sitemaps():
    entries, nested = parse_feed(SITEMAP_INDEX, "https://www.cqbb.gov.cn/sitemap.xml")
    assert entries == [] and nested == ["https://www.cqbb.gov.cn/sitemap_zcwj.xml",
                                        "https://www.cqbb.gov.cn/sitemap_bbyw.xml"]


@pytest.mark.parametrize("data", [b"", b"<html><body>404</body></html>", b"\x00\x01garbage"],
                         ids=["empty", "html", "binary"])
def test_not_a_feed_gives_nothing(data):
    assert parse_feed(data, "https://a.cn/feed") == ([], [])

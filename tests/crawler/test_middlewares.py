"""Middlewares: scope-aware offsite filtering, retry backoff, redirect loops, flat pagination depth."""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares import (BackoffRetryMiddleware, LoopRedirectMiddleware, PaginationDepthMiddleware,
                                 ScopeOffsiteMiddleware, _retry_after, redirect_loop)
from crawler.sources import Source
from crawler.spiders.listing import ListingSpider

BASE = "http://127.0.0.1:8123"
SOURCE = Source(id="cqbb-news", name="北碚要闻", kind="portal", allowed_domains=["127.0.0.1"],
                start_urls=[f"{BASE}/www.cqbb.gov.cn/zwxx_237/bbyw/index.html"],
                scope=[f"{BASE}/www.cqbb.gov.cn/"])


def crawler_with_spider(**settings):
    crawler = get_crawler(ListingSpider, settings_dict=settings)
    crawler.spider = ListingSpider(source=SOURCE)
    crawler.spider.crawler = crawler
    return crawler


@pytest.mark.parametrize("url, follows", [
    (f"{BASE}/www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html", True),
    (f"{BASE}/robots.txt", True),
    (f"{BASE}/www.cqspb.gov.cn/xwzx/qxdt/index.html", False),
    ("https://www.gov.cn/", False),
], ids=["in-scope", "robots", "sibling-site", "other-host"])
def test_offsite_uses_the_source_scope_even_with_dont_filter(url, follows):
    crawler = crawler_with_spider()
    middleware = ScopeOffsiteMiddleware.from_crawler(crawler)
    middleware.spider_opened(crawler.spider)
    request = Request(url, dont_filter=True)
    if follows:
        assert middleware.process_request(request) is None
    else:
        with pytest.raises(IgnoreRequest):
            middleware.process_request(request)
    assert request.dont_filter          # left as it was


def test_retries_back_off_exponentially_up_to_a_maximum():
    crawler = crawler_with_spider(RETRY_TIMES=4, RETRY_BACKOFF_BASE=0.5, RETRY_BACKOFF_MAX=1.5)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    request, delays = Request(f"{BASE}/x.html"), []
    for _ in range(4):
        request = middleware._retry(request, "500 Internal Server Error")
        delays.append(request.meta["retry_delay"])
    assert delays == [0.5, 1.0, 1.5, 1.5]
    assert middleware._retry(request, "500 Internal Server Error") is None     # given up


def test_retry_after_is_honoured():
    crawler = crawler_with_spider(RETRY_BACKOFF_BASE=0.1, RETRY_BACKOFF_MAX=30)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request(f"{BASE}/x.html")
    response = HtmlResponse(request.url, status=503, headers={"Retry-After": "7"}, request=request)
    retry = middleware.process_response(request, response)
    assert isinstance(retry, Request) and retry.meta["retry_delay"] == 7


@pytest.mark.parametrize("value, seconds", [("3", 3.0), ("soon", None)], ids=["seconds", "garbage"])
def test_retry_after_values(value, seconds):
    assert _retry_after(value) == seconds


def test_next_list_page_keeps_the_depth_of_its_list():
    crawler = crawler_with_spider(DEPTH_LIMIT=1)
    middleware = PaginationDepthMiddleware.from_crawler(crawler)
    page = HtmlResponse(f"{BASE}/l/index_3.html", request=Request(f"{BASE}/l/index_3.html", meta={"depth": 1}))
    page.meta["depth"] = 1
    nxt = middleware.get_processed_request(Request(f"{BASE}/l/index_4.html", meta={"pm_pagination": True}), page)
    article = middleware.get_processed_request(Request(f"{BASE}/l/t20250101_1.html"), page)
    assert nxt.meta["depth"] == 1 and article is None          # depth 2 > DEPTH_LIMIT


# -- redirect loops ---------------------------------------------------------------------
NEWS = f"{BASE}/www.cqbb.gov.cn/zwxx_237/bbyw"


@pytest.mark.parametrize("chain, target", [
    ([f"{NEWS}/a.html", f"{NEWS}/b.html"], f"{NEWS}/a.html"),
    ([f"{NEWS}/a.html"], f"{NEWS}/a.html"),
    ([f"{NEWS}/a.html?n=1", f"{NEWS}/a.html?n=2"], f"{NEWS}/a.html?n=3"),
    ([f"{NEWS}/a.html", f"{NEWS}/b.html"], f"{NEWS}/a.html#top"),
    ([f"{NEWS}/a.html"], "HTTP://127.0.0.1:8123/www.cqbb.gov.cn/zwxx_237/bbyw/a.html"),
], ids=["a-b-a", "to-itself", "ever-new-query", "back-with-fragment", "back-in-capitals"])
def test_a_redirect_back_into_its_chain_is_a_loop(chain, target):
    assert redirect_loop(chain, target)


@pytest.mark.parametrize("chain, target", [
    ([f"{NEWS}/a.html"], f"{NEWS}/b.html"),
    (["http://www.cqbb.gov.cn/a.html"], "https://www.cqbb.gov.cn/a.html"),
    ([f"{NEWS}/a.html"], f"{NEWS}/a.html?from=list"),
    ([f"{NEWS}/a.html", f"{NEWS}/a.html?from=list"], f"{NEWS}/b.html"),
], ids=["moved", "http-to-https", "query-added-once", "query-then-elsewhere"])
def test_an_ordinary_redirect_chain_is_not_a_loop(chain, target):
    assert redirect_loop(chain, target) is None


def test_a_loop_is_refused_at_once_naming_the_first_url():
    crawler = crawler_with_spider(REDIRECT_MAX_TIMES=6)
    middleware = LoopRedirectMiddleware.from_crawler(crawler)
    first = Request(f"{NEWS}/a.html", dont_filter=True)
    hop = middleware.process_response(first, HtmlResponse(first.url, status=302, request=first,
                                                          headers={"Location": f"{NEWS}/b.html"}))
    assert hop.url == f"{NEWS}/b.html" and hop.dont_filter
    back = HtmlResponse(hop.url, status=302, request=hop, headers={"Location": f"{NEWS}/a.html"})
    with pytest.raises(IgnoreRequest, match=r"^redirect loop: http://127\.0\.0\.1:8123/.*/a\.html "):
        middleware.process_response(hop, back)


def test_a_long_chain_without_a_loop_stops_at_the_cap():
    crawler = crawler_with_spider(REDIRECT_MAX_TIMES=2)
    middleware = LoopRedirectMiddleware.from_crawler(crawler)
    request = Request(f"{NEWS}/p0.html", dont_filter=True)
    for n in (1, 2):
        response = HtmlResponse(request.url, status=301, request=request,
                                headers={"Location": f"{NEWS}/p{n}.html"})
        request = middleware.process_response(request, response)
    last = HtmlResponse(request.url, status=301, request=request, headers={"Location": f"{NEWS}/p3.html"})
    with pytest.raises(IgnoreRequest, match="redirect loop: .*/p0.html .*more than 2 redirections"):
        middleware.process_response(request, last)

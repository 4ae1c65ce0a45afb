"""The crawl report: counts per source, failure reasons, JSON round trip."""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, ResponseDataLossError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from crawler.report import CrawlReport, SourceReport, count, failure_reason, record_failure, source_report


class _Crawler:
    settings = None
    stats = None


def stats():
    crawler = _Crawler()
    from scrapy.settings import Settings

    crawler.settings = Settings()
    return StatsCollector(crawler)


def http_error(status: int) -> Failure:
    response = Response("https://a.cn/x.html", status=status, request=Request("https://a.cn/x.html"))
    return Failure(HttpError(response, "Ignoring non-200 response"))


@pytest.mark.parametrize("failure, reason", [
    (http_error(404), "404"),
    (http_error(500), "500"),
    (Failure(IgnoreRequest("Forbidden by robots.txt")), "robots"),
    (Failure(IgnoreRequest("max redirections reached")), "redirect_loop"),
    (Failure(DownloadTimeoutError("Getting x took longer than 1.0 seconds.")), "timeout"),
    (Failure(ResponseDataLossError("data loss")), "truncated"),
    (Failure(ValueError("odd")), "ValueError"),
], ids=["404", "500", "robots", "redirect-loop", "timeout", "truncated", "other"])
def test_failure_reasons(failure, reason):
    assert failure_reason(failure) == reason


def test_stats_read_back_into_a_source_report():
    collector = stats()
    for name in ("fetched", "fetched", "new", "unchanged"):
        count(collector, name)
    record_failure(collector, "https://a.cn/1.html", "404")
    record_failure(collector, "https://a.cn/2.html", "404")
    record_failure(collector, "https://a.cn/3.html", "robots")
    report = source_report("cqbb-news", collector.get_stats())
    assert (report.fetched, report.new, report.changed, report.unchanged) == (2, 1, 0, 1)
    assert report.failed == {"404": 2, "robots": 1} and report.failed_total == 3
    assert report.failures[2] == {"url": "https://a.cn/3.html", "reason": "robots"}


def test_summary_and_round_trip():
    report = CrawlReport(sources=[
        SourceReport("cqbb-news", fetched=8, new=6, unchanged=2, failed={"404": 1}),
        SourceReport("cqspb-news", fetched=5, new=5, duplicates=1, failed={"timeout": 1, "404": 1}),
    ], started="2025-04-25T08:00:00+00:00", finished="2025-04-25T08:01:00+00:00")
    assert report.summary() == ("crawl: 2 sources, fetched 13, new 11, changed 0, unchanged 2, "
                                "duplicates 1, failed 3 (404 2, timeout 1)")
    assert report.source("cqspb-news").duplicates == 1
    assert CrawlReport.from_dict(report.to_dict()) == report
    assert report.sources[0].line() == ("cqbb-news: fetched 8, new 6, changed 0, unchanged 2, "
                                        "duplicates 0, failed 1 (404 1)")

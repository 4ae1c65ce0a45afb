"""Per-source progress on stderr: a line whenever a source's counts change (off a terminal)."""
from __future__ import annotations

import io

from rich.console import Console
from scrapy.settings import Settings
from scrapy.statscollectors import StatsCollector

from crawler.progress import ProgressBoard
from crawler.report import count, record_failure


class FakeCrawler:
    """Just what ProgressBoard reads: a stats collector."""

    def __init__(self):
        self.settings = Settings()
        self.stats = StatsCollector(self)


def test_lines_are_printed_when_counts_change():
    news, policy = FakeCrawler(), FakeCrawler()
    out = io.StringIO()
    board = ProgressBoard([("cqbb-news", news), ("cqbb-policy", policy)],
                          console=Console(file=out, width=200), interval=60)
    with board:
        count(news.stats, "fetched")
        count(news.stats, "new")
        board.tick()
        board.tick()                       # nothing changed: nothing printed
        record_failure(news.stats, "https://a.cn/x.html", "404")
    assert out.getvalue().splitlines() == [
        "cqbb-news: fetched 1, new 1, changed 0, unchanged 0, duplicates 0, failed 0",
        "cqbb-policy: fetched 0, new 0, changed 0, unchanged 0, duplicates 0, failed 0",
        "cqbb-news: fetched 1, new 1, changed 0, unchanged 0, duplicates 0, failed 1 (404 1)",
    ]


def test_a_terminal_gets_a_table():
    crawler = FakeCrawler()
    count(crawler.stats, "unchanged", 3)
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=True, color_system=None)
    with ProgressBoard([("cqrb-epaper", crawler)], console=console, interval=60):
        pass
    row = [line for line in out.getvalue().splitlines() if "cqrb-epaper" in line][-1]
    assert [cell.strip() for cell in row.split("│")[1:-1]] == ["cqrb-epaper", "0", "0", "0", "3", "0", "0"]


def test_disabled_board_prints_nothing():
    out = io.StringIO()
    with ProgressBoard([("a", FakeCrawler())], console=Console(file=out), enabled=False):
        pass
    assert out.getvalue() == ""

"""Per-source counts on stderr while a crawl runs (a live table on a terminal, lines otherwise)."""
from __future__ import annotations

import threading

from rich.console import Console
from rich.live import Live
from rich.table import Table

from crawler.report import SourceReport, source_report


class ProgressBoard:
    """Show the counts of each crawler's source every ``interval`` seconds until closed.

    On a terminal it is a rich live table; elsewhere (CI, a pipe) one line per
    source whenever its counts change. It reads Scrapy's stats from a
    background thread and never touches the crawl itself.
    """

    def __init__(self, crawlers: list[tuple[str, object]], *, console: Console | None = None,
                 interval: float = 2.0, enabled: bool = True):
        self.crawlers = crawlers
        self.console = console or Console(stderr=True)
        self.interval = interval
        self.enabled = enabled and bool(crawlers)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._live: Live | None = None
        self._last: dict[str, str] = {}

    def reports(self) -> list[SourceReport]:
        """The current counts of every source."""
        return [source_report(sid, dict(crawler.stats.get_stats())) for sid, crawler in self.crawlers]

    def table(self) -> Table:
        """The counts as a rich table."""
        table = Table(title="crawl", title_justify="left", expand=False)
        for column in ("source", "fetched", "new", "changed", "unchanged", "dups", "failed"):
            table.add_column(column, justify="left" if column == "source" else "right",
                             no_wrap=column == "source")
        for r in self.reports():
            table.add_row(r.source, *(str(n) for n in (r.fetched, r.new, r.changed, r.unchanged,
                                                         r.duplicates, r.failed_total)))
        return table

    def tick(self) -> None:
        """Refresh the display once."""
        if self._live is not None:
            self._live.update(self.table(), refresh=True)
            return
        for report in self.reports():
            line = report.line()
            if self._last.get(report.source) != line:
                self._last[report.source] = line
                self.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.tick()
            except RuntimeError:   # stats changed while read: show them next time
                continue

    def __enter__(self) -> "ProgressBoard":
        if not self.enabled:
            return self
        if self.console.is_terminal:
            self._live = Live(self.table(), console=self.console, auto_refresh=False, transient=False)
            self._live.start()
        self._thread = threading.Thread(target=self._run, name="crawl-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if not self.enabled:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.tick()
        if self._live is not None:
            self._live.refresh()
            self._live.stop()

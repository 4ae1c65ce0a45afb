"""What a crawl did, per source: fetched, new, changed, unchanged, duplicates, failed (with reasons).

The spider and pipelines count into Scrapy's stats under ``policyminer/…``;
:func:`source_report` reads them back when a crawler finishes. The report is a
plain dataclass that round-trips through JSON (the subprocess form sends it
back to the parent that way).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PREFIX = "policyminer/"
COUNTS = ("fetched", "new", "changed", "unchanged", "duplicates", "not_modified", "capped")
MAX_FAILURES_LISTED = 200


@dataclass
class SourceReport:
    """The counts of one source's crawl."""

    source: str
    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    not_modified: int = 0          # of the unchanged: answered 304 to a conditional GET
    capped: int = 0                # links left unfollowed because of the page cap
    failed: dict[str, int] = field(default_factory=dict)          # reason → count
    failures: list[dict[str, str]] = field(default_factory=list)  # [{url, reason}]
    finish_reason: str | None = None

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    def line(self) -> str:
        """One line of counts, as printed in progress and summaries."""
        failed = ", ".join(f"{reason} {n}" for reason, n in sorted(self.failed.items()))
        return (f"{self.source}: fetched {self.fetched}, new {self.new}, changed {self.changed}, "
                f"unchanged {self.unchanged}, duplicates {self.duplicates}, failed {self.failed_total}"
                + (f" ({failed})" if failed else ""))


@dataclass
class CrawlReport:
    """The report of a whole crawl: one :class:`SourceReport` per source."""

    sources: list[SourceReport] = field(default_factory=list)
    started: str | None = None
    finished: str | None = None

    def total(self, name: str) -> int:
        """A count (``fetched``, ``new`` …, or ``failed``) summed over sources."""
        if name == "failed":
            return sum(s.failed_total for s in self.sources)
        return sum(getattr(s, name) for s in self.sources)

    @property
    def failed(self) -> dict[str, int]:
        """Failures by reason over all sources."""
        out: dict[str, int] = {}
        for source in self.sources:
            for reason, n in source.failed.items():
                out[reason] = out.get(reason, 0) + n
        return out

    @property
    def failures(self) -> list[dict[str, str]]:
        """Every listed failure, with its source."""
        return [dict(f, source=s.source) for s in self.sources for f in s.failures]

    def source(self, source_id: str) -> SourceReport:
        """The report of one source (KeyError when it was not crawled)."""
        for report in self.sources:
            if report.source == source_id:
                return report
        raise KeyError(source_id)

    def summary(self) -> str:
        """One line for the whole crawl."""
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.failed.items()))
        return (f"crawl: {len(self.sources)} sources, fetched {self.total('fetched')}, "
                f"new {self.total('new')}, changed {self.total('changed')}, "
                f"unchanged {self.total('unchanged')}, duplicates {self.total('duplicates')}, "
                f"failed {self.total('failed')}" + (f" ({reasons})" if reasons else ""))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CrawlReport":
        sources = [SourceReport(**s) for s in data.get("sources", [])]
        return cls(sources=sources, started=data.get("started"), finished=data.get("finished"))


def count(stats, name: str, n: int = 1) -> None:
    """Add ``n`` to one of the policyminer counters."""
    stats.inc_value(PREFIX + name, n)


def record_failure(stats, url: str, reason: str) -> None:
    """Count a failed URL under its reason and remember it (up to a limit)."""
    stats.inc_value(f"{PREFIX}failed/{reason}")
    listed = stats.get_value(PREFIX + "failures") or []
    if len(listed) < MAX_FAILURES_LISTED:
        stats.set_value(PREFIX + "failures", listed + [{"url": url, "reason": reason}])


def source_report(source_id: str, stats: dict[str, Any]) -> SourceReport:
    """Read a crawler's stats back into a :class:`SourceReport`."""
    report = SourceReport(source=source_id, finish_reason=stats.get("finish_reason"))
    for name in COUNTS:
        setattr(report, name, int(stats.get(PREFIX + name, 0)))
    failed_prefix = PREFIX + "failed/"
    report.failed = {k[len(failed_prefix):]: int(v) for k, v in stats.items() if k.startswith(failed_prefix)}
    report.failures = list(stats.get(PREFIX + "failures") or [])
    return report


def failure_reason(failure) -> str:
    """A short reason for a failed request: ``404``, ``500``, ``timeout``, ``robots``, ``redirect_loop``…"""
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError

    exc = failure.value
    if isinstance(exc, HttpError):
        return str(exc.response.status)
    message = str(exc)
    if isinstance(exc, IgnoreRequest):
        for needle, reason in (("redirect loop", "redirect_loop"), ("robots.txt", "robots"),
                               ("max redirections", "redirect_loop"),
                               ("offsite", "offsite"), ("duplicate:", "duplicate")):
            if needle in message:
                return reason
        return "ignored"
    name = type(exc).__name__
    if "Timeout" in name or "TimedOut" in name:
        return "timeout"
    if name == "DownloadCancelledError" or "max size" in message or "maxsize" in message:
        return "too_large"
    if "DataLoss" in name or "ResponseFailed" in name or "DataLoss" in message:
        return "truncated"
    if "Refused" in name:
        return "connection_refused"
    if "Resolve" in name or "DNS" in name:
        return "dns"
    return name

"""Run crawls: in this process (:func:`crawl`) or in a child process (:func:`crawl_in_subprocess`).

:func:`crawl` runs Scrapy's real engine (``CrawlerProcess``), one crawler per
source, all in one Twisted reactor; the crawlers share one download slot and
one robots.txt per host (:mod:`crawler.politeness`), so a site's limits hold
for all its sources together. A reactor cannot be restarted in the same
process, so callers that crawl more than once (the CLI, the tests) use
:func:`crawl_in_subprocess`, which runs ``python -m crawler.run --job JOB``
and reads back the same :class:`~crawler.report.CrawlReport` as JSON.

A crawl is resumable: the store commits each page in its own transaction and
``put`` is idempotent, a source's pagination only stops early after a crawl
of it completed, and ``jobdir`` (Scrapy's JOBDIR, one per source) keeps the
request queue of a crawl stopped with Ctrl-C. A job directory left by a
killed crawl is discarded, since its queue files may be half-written.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from policyminer.errors import CrawlError, PolicyminerError

from crawler.report import CrawlReport, source_report
from crawler.sources import Source
from crawler.store import PageStore, utc_now

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RUNNING = "policyminer-running"


def crawl(sources: list[Source], store: PageStore | str | Path, *, since: str | None = None,
          max_pages: int | None = None, jobdir: str | Path | None = None,
          settings: dict[str, Any] | None = None, progress: bool = True) -> CrawlReport:
    """Crawl ``sources`` into ``store`` with Scrapy, in this process; once per process."""
    from scrapy.crawler import CrawlerProcess

    from crawler.progress import ProgressBoard

    _check_args(since, max_pages)
    _check_reactor_fresh()
    store_path = _store_path(store)
    with PageStore(store_path) as check:   # fail here, not inside the engine
        try:
            check.count()
        except sqlite3.Error as exc:
            raise CrawlError(f"{store_path}: cannot open the page store ({exc})") from exc
    started = utc_now()
    logging.getLogger("trafilatura").setLevel(logging.ERROR)   # its warnings are about extraction
    process = CrawlerProcess(build_settings(store_path, settings))
    crawlers = []
    for source in sources:
        if jobdir:
            _jobdir_prepare(Path(jobdir) / source.id)
        spidercls = spider_class(source, jobdir=jobdir)
        crawler = process.create_crawler(spidercls)
        process.crawl(crawler, source=source, since=since, max_pages=max_pages)
        crawlers.append((source.id, crawler))
    with ProgressBoard(crawlers, enabled=progress):
        process.start()
    reports = [source_report(sid, dict(crawler.stats.get_stats())) for sid, crawler in crawlers]
    for source in sources:
        if jobdir:
            _jobdir_done(Path(jobdir) / source.id)
    return CrawlReport(sources=reports, started=started, finished=utc_now())


def build_settings(store_path: Path, overrides: dict[str, Any] | None = None):
    """Scrapy settings: crawler/settings.py, then ``overrides``, then the store path.

    ``overrides`` (the workspace's crawl settings) replace the module's values but
    yield to a source's own limits, which its spider class carries.
    """
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(dict(overrides or {}), priority="project")
    settings.set("POLICYMINER_STORE", str(store_path), priority="cmdline")
    return settings


def spider_class(source: Source, *, jobdir: str | Path | None = None) -> type:
    """A ListingSpider subclass named after the source, carrying its per-source settings."""
    from crawler.spiders.listing import ListingSpider

    custom: dict[str, Any] = {}
    if source.limits.max_depth:
        custom["DEPTH_LIMIT"] = source.limits.max_depth
    if jobdir:
        custom["JOBDIR"] = str(Path(jobdir) / source.id)
    name = f"ListingSpider_{source.id.replace('-', '_')}"
    return type(name, (ListingSpider,), {"name": source.id, "custom_settings": custom})


def _jobdir_prepare(path: Path) -> None:
    """Discard a job directory a killed crawl left behind; mark this one as running."""
    if (path / _RUNNING).exists():
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    (path / _RUNNING).write_text(str(os.getpid()))


def _jobdir_done(path: Path) -> None:
    (path / _RUNNING).unlink(missing_ok=True)


def _store_path(store: PageStore | str | Path) -> Path:
    return Path(store.path if isinstance(store, PageStore) else store).resolve()


def _check_args(since: str | None, max_pages: int | None) -> None:
    if since is not None and not _DATE.match(str(since)):
        raise CrawlError(f"since {since!r}: expected a date written YYYY-MM-DD")
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise CrawlError(f"max_pages {max_pages!r}: expected a whole number of at least 1")


def _check_reactor_fresh() -> None:
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is not None and getattr(reactor, "_startedBefore", False):
        raise CrawlError("a crawl already ran in this process and Twisted's reactor cannot restart; "
                         "use crawler.run.crawl_in_subprocess() to crawl again")


# -- the subprocess form ------------------------------------------------------------
class CrawlSubprocess:
    """A crawl running in a child process; :meth:`wait` returns its report."""

    def __init__(self, popen: subprocess.Popen, workdir: Path):
        self.popen = popen
        self.workdir = workdir

    @property
    def pid(self) -> int:
        return self.popen.pid

    def poll(self) -> int | None:
        """The exit code, or None while it runs."""
        return self.popen.poll()

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` (SIGKILL by default; SIGINT stops it gracefully)."""
        if self.popen.poll() is None:
            self.popen.send_signal(sig)

    def wait(self, timeout: float | None = None) -> CrawlReport:
        """Wait for the child; its report, or CrawlError with the child's reason."""
        try:
            code = self.popen.wait(timeout)
        except subprocess.TimeoutExpired as exc:
            self.kill()
            self.popen.wait()
            self._cleanup()
            raise CrawlError(f"the crawl did not finish within {timeout} s and was stopped") from exc
        try:
            data = json.loads((self.workdir / "report.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {"error": f"the crawl process exited with code {code} without a report "
                             "(see the messages above)"}
        finally:
            self._cleanup()
        if "error" in data:
            raise CrawlError(data["error"])
        return CrawlReport.from_dict(data)

    def _cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def start_crawl_subprocess(sources: list[Source], store: PageStore | str | Path, *,
                           since: str | None = None, max_pages: int | None = None,
                           jobdir: str | Path | None = None, settings: dict[str, Any] | None = None,
                           progress: bool = True) -> CrawlSubprocess:
    """Start ``python -m crawler.run`` on a job file; returns a handle to wait on (or kill)."""
    _check_args(since, max_pages)
    job = {"sources": [s.to_dict() for s in sources], "store": str(_store_path(store)),
           "since": since, "max_pages": max_pages, "jobdir": str(jobdir) if jobdir else None,
           "settings": dict(settings or {}), "progress": progress}
    workdir = Path(tempfile.mkdtemp(prefix="policyminer-crawl-"))
    try:
        (workdir / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    except TypeError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        raise CrawlError(f"crawl settings must be JSON values (strings, numbers, lists…): {exc}") from exc
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "crawler.run", "--job", str(workdir / "job.json"),
               "--report", str(workdir / "report.json")]
    return CrawlSubprocess(subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env), workdir)


def crawl_in_subprocess(sources: list[Source], store: PageStore | str | Path, *,
                        since: str | None = None, max_pages: int | None = None,
                        jobdir: str | Path | None = None, settings: dict[str, Any] | None = None,
                        progress: bool = True, timeout: float | None = None) -> CrawlReport:
    """:func:`crawl` in a child Python process (so it can run any number of times)."""
    return start_crawl_subprocess(sources, store, since=since, max_pages=max_pages, jobdir=jobdir,
                                  settings=settings, progress=progress).wait(timeout)


def run_job(job_path: Path, report_path: Path) -> int:
    """The child's side: run the job file's crawl and write the report (or the error) as JSON."""
    try:
        job = json.loads(job_path.read_text(encoding="utf-8"))
        sources = [Source.from_dict(d, where=f"{job_path}: sources[{i}]")
                   for i, d in enumerate(job["sources"])]
        report = crawl(sources, job["store"], since=job.get("since"), max_pages=job.get("max_pages"),
                       jobdir=job.get("jobdir"), settings=job.get("settings"),
                       progress=job.get("progress", True)).to_dict()
        code = 0
    except PolicyminerError as exc:
        report, code = {"error": str(exc)}, 1
    except Exception as exc:  # the parent must learn why the child failed
        report, code = {"error": f"the crawl failed: {type(exc).__name__}: {exc}"}, 1
    temporary = report_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    temporary.replace(report_path)
    return code


def main(argv: list[str] | None = None) -> int:
    """``python -m crawler.run --job JOB.json --report REPORT.json`` (used by crawl_in_subprocess)."""
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__.splitlines()[0])
    parser.add_argument("--job", type=Path, required=True, help="job file written by crawl_in_subprocess")
    parser.add_argument("--report", type=Path, required=True, help="where to write the report (JSON)")
    args = parser.parse_args(argv)
    return run_job(args.job, args.report)


if __name__ == "__main__":
    sys.exit(main())

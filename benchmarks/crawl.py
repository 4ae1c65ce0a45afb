"""Crawl throughput: policyminer's crawler + content extraction, as a ratio to bare Scrapy, same run.

    .venv/bin/python -m benchmarks.crawl [--repeat 3] [--slow-delay 0.2] [--sources ID,ID] [--backlog 128]

Serves the demo fixture sites (policyminer/demo/sites) with the real
:class:`~policyminer.demo.server.SiteServer`, then, ``repeat`` times, alternating:

- **policyminer**: the demo sources crawled by policyminer's crawler
  (:func:`crawler.run.crawl`: one crawler per source, all in one reactor)
  into a fresh page store, then every stored page read into an Article by
  :func:`nlp.content.article_from_html` with its source's selectors;
- **bare Scrapy**: a minimal ``scrapy.Spider`` that GETs exactly the URLs the
  server saw during policyminer's first crawl, and does nothing with them.

Both run in child processes (Twisted's reactor cannot restart) with the same
engine settings (ENGINE: CONCURRENT_REQUESTS / _PER_DOMAIN, download timeout,
retries, size cap) and no politeness: AutoThrottle and download delays off,
policyminer's retry backoff off and the fixture's ``Retry-After`` ignored.
The bare spider knows every URL up front, so its time is a lower bound:
policyminer must discover them (list page → articles → next list page).
Times are the best of ``repeat`` (noise only ever adds time); ``wall``
includes the child's interpreter start and imports, ``engine`` only the time
inside ``CrawlerProcess.start()``. Prints JSON.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import REPO

SOURCES_FILE = REPO / "policyminer" / "demo" / "sources.yaml"
ENGINE = {   # shared by both runs: like with like
    "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_TIMEOUT": 5, "RETRY_TIMES": 2, "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "ERROR",
}
LISTEN_BACKLOG = 128
POLICYMINER_ONLY = {"RETRY_BACKOFF_BASE": 0.0, "RETRY_BACKOFF_MAX": 0.0}   # retry at once, as Scrapy does
BARE_ONLY = {"ROBOTSTXT_OBEY": False}             # /robots.txt is in its URL list instead


# ---------------------------------------------------------------- children

def policyminer_child(job: dict) -> dict:
    """Child: crawl the job's sources with policyminer's crawler; seconds inside the engine."""
    import crawler.run as run
    from crawler.sources import Source

    sources = [Source.from_dict(d) for d in job["sources"]]
    timing: dict[str, float] = {}
    patch = _timed_start(timing)
    start = time.perf_counter()
    try:
        report = run.crawl(sources, job["store"], settings=job["settings"], progress=False)
    finally:
        patch.undo()
    wall = time.perf_counter() - start
    return {"engine_s": timing.get("seconds", wall), "crawl_s": wall,
            "fetched": report.total("fetched"), "new": report.total("new"),
            "failed": report.failed}


def bare_child(job: dict) -> dict:
    """Child: GET the job's URLs with a minimal Scrapy spider; seconds inside the engine."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    responses: list[int] = []

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self):
            for url in job["urls"]:
                yield scrapy.Request(url, callback=self.parse, errback=self.failed)

        def parse(self, response):
            responses.append(response.status)

        def failed(self, failure):
            responses.append(0)

    process = CrawlerProcess(dict(job["settings"]))
    process.crawl(BareSpider)
    start = time.perf_counter()
    process.start()
    return {"engine_s": time.perf_counter() - start, "responses": len(responses),
            "ok": sum(1 for status in responses if status == 200)}


class _Patch:
    """Set an attribute now, put the old value back on undo()."""

    def __init__(self, owner, name, value):
        self.owner, self.name, self.old = owner, name, getattr(owner, name)
        setattr(owner, name, value)

    def undo(self) -> None:
        setattr(self.owner, self.name, self.old)


def _timed_start(out: dict) -> _Patch:
    """Time CrawlerProcess.start() (the engine alone, without store checks and reports)."""
    from scrapy.crawler import CrawlerProcess

    original = CrawlerProcess.start

    def start(self, *args, **kwargs):
        begin = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            out["seconds"] = time.perf_counter() - begin

    return _Patch(CrawlerProcess, "start", start)


def run_child(kind: str, job: dict, workdir: Path) -> dict:
    """Run a child (``policyminer`` or ``bare``) on ``job``; its result plus the wall time."""
    job_path, out_path = workdir / f"{kind}-job.json", workdir / f"{kind}-out.json"
    job_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, "-m", "benchmarks.crawl", "--child", kind,
               "--job", str(job_path), "--out", str(out_path)]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    result = json.loads(out_path.read_text(encoding="utf-8"))
    result["wall_s"] = wall
    return result


# ---------------------------------------------------------------- extraction

def extract_store(store_path: Path, sources) -> dict:
    """Read every stored page into an Article, as ``policyminer extract`` does before the NLP."""
    from crawler.store import PageStore
    from nlp.content import article_from_html

    selectors = {s.id: s.detail or None for s in sources}
    start = time.perf_counter()
    articles = 0
    with PageStore(store_path) as store:
        for page in store.iter_pages():
            article_from_html(page.html, page.url, selectors=selectors.get(page.source),
                              source=page.source, doc_type=page.doc_type, region=page.region)
            articles += 1
    return {"extract_s": time.perf_counter() - start, "articles": articles}


def _warm_up_extraction() -> None:
    """Load what the first article would load (OpenCC, trafilatura, jieba) outside the timing."""
    from nlp.content import article_from_html

    article_from_html("<html><body><h1>北碚区召开会议</h1><p>北碚区召开一季度工作会议，部署重点工作。</p>"
                      "</body></html>", "http://example.com/a.html")


# ---------------------------------------------------------------- the run

def one_round(server, sources, urls: list[str] | None, workdir: Path, n: int) -> tuple[dict, dict, list[str]]:
    """One policyminer run and one bare run (the bare run gets the URLs the first policyminer run made)."""
    server.reset()
    store = workdir / f"pages-{n}.db"
    pm_job = {"sources": [s.to_dict() for s in sources], "store": str(store),
              "settings": {**ENGINE, **POLICYMINER_ONLY}}
    pm = run_child("policyminer", pm_job, workdir)
    if urls is None:
        urls = sorted(server.base_url + path for path in server.hits)
    pm["requests_served"] = sum(server.hits.values())
    pm.update(extract_store(store, sources))
    server.reset()
    bare = run_child("bare", {"urls": urls, "settings": {**ENGINE, **BARE_ONLY}}, workdir)
    bare["requests_served"] = sum(server.hits.values())
    return pm, bare, urls


def summarise(pm_runs: list[dict], bare_runs: list[dict], urls: list[str]) -> dict:
    """Best times of each side and the throughput ratios (policyminer ÷ bare Scrapy; 1.0 = as fast)."""
    best = lambda runs, key: min(r[key] for r in runs)   # noqa: E731
    pm_engine, pm_wall = best(pm_runs, "engine_s"), best(pm_runs, "wall_s")
    extract = best(pm_runs, "extract_s")
    bare_engine, bare_wall = best(bare_runs, "engine_s"), best(bare_runs, "wall_s")
    pages = len(urls)
    return {
        "urls": pages, "documents_stored": pm_runs[0]["articles"],
        "requests_served": {"policyminer": pm_runs[0]["requests_served"],
                            "bare_scrapy": bare_runs[0]["requests_served"]},
        "settings": ENGINE,
        "seconds": {"policyminer_engine": round(pm_engine, 3), "policyminer_wall": round(pm_wall, 3),
                    "policyminer_extract": round(extract, 3),
                    "bare_engine": round(bare_engine, 3), "bare_wall": round(bare_wall, 3)},
        "pages_per_s": {
            "bare_scrapy_engine": round(pages / bare_engine, 1),
            "policyminer_crawl_engine": round(pages / pm_engine, 1),
            "policyminer_crawl_extract_engine": round(pages / (pm_engine + extract), 1),
            "bare_scrapy_wall": round(pages / bare_wall, 1),
            "policyminer_crawl_extract_wall": round(pages / (pm_wall + extract), 1),
        },
        "ratio_crawl_engine": round(bare_engine / pm_engine, 3),
        "ratio_crawl_extract_engine": round(bare_engine / (pm_engine + extract), 3),
        "ratio_crawl_extract_wall": round(bare_wall / (pm_wall + extract), 3),
        "failed_policyminer": pm_runs[0]["failed"],
        "bare_responses": {"total": bare_runs[0]["responses"], "ok_200": bare_runs[0]["ok"]},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow-delay", type=float, default=0.2,
                        help="seconds the fixture's slow page sleeps (below the download timeout)")
    parser.add_argument("--sources", default="",
                        help="comma-separated source ids of the demo sources.yaml (default: all)")
    parser.add_argument("--backlog", type=int, default=LISTEN_BACKLOG,
                        help="listen backlog of the fixture server (socketserver's default is 5)")
    parser.add_argument("--child", choices=("policyminer", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        job = json.loads(args.job.read_text(encoding="utf-8"))
        result = (policyminer_child if args.child == "policyminer" else bare_child)(job)
        args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return
    wanted = [s for s in args.sources.split(",") if s]
    print(json.dumps(benchmark(args.repeat, args.slow_delay, wanted, args.backlog), ensure_ascii=False, indent=2))


@contextlib.contextmanager
def _listen_backlog(size: int):
    """A larger listen backlog for the fixture server while it starts.

    socketserver's is 5: with one crawler per source, policyminer opens up to
    sources × CONCURRENT_REQUESTS_PER_DOMAIN connections at once, and a
    connection beyond the backlog waits for a SYN retransmission (1 s), which
    would be measured as crawl time.
    """
    from http.server import ThreadingHTTPServer

    old = ThreadingHTTPServer.request_queue_size
    ThreadingHTTPServer.request_queue_size = size
    try:
        yield
    finally:
        ThreadingHTTPServer.request_queue_size = old


def benchmark(repeat: int, slow_delay: float, source_ids: list[str] | None = None,
              backlog: int = LISTEN_BACKLOG) -> dict:
    """Serve the fixture sites and run ``repeat`` rounds over the demo sources (or those named); the summary."""
    from crawler.sources import load_sources
    from policyminer.demo.server import SiteServer

    _warm_up_extraction()
    pm_runs, bare_runs, urls = [], [], None
    with _listen_backlog(backlog), SiteServer(slow_delay=slow_delay) as server, \
            tempfile.TemporaryDirectory(prefix="policyminer-bench-") as tmp:
        sources = load_sources(SOURCES_FILE, base=server.base_url)
        if source_ids:
            sources = [s for s in sources if s.id in source_ids]
            if not sources:
                raise SystemExit(f"no demo source among {source_ids}; see {SOURCES_FILE}")
        for n in range(repeat):
            pm, bare, urls = one_round(server, sources, urls, Path(tmp), n)
            pm_runs.append(pm)
            bare_runs.append(bare)
    return {"sources": [s.id for s in sources], "listen_backlog": backlog, **summarise(pm_runs, bare_runs, urls)}


if __name__ == "__main__":
    main()

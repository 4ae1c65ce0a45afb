"""Run orchestration: crawl → extract → index, each stage incremental and idempotent.

Every stage reads what the previous one stored and can be rerun on its own:
``extract_pages`` re-extracts only pages that changed or whose record was made
by an older extractor; ``index_records`` upserts by id.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyminer.errors import PolicyminerError
from policyminer.extracted import ExtractedStore, read_jsonl
from policyminer.records import Extracted, Page
from policyminer.workspace import Workspace

Progress = Callable[[int, int], None]   # (done, total)


@dataclass
class ExtractReport:
    seen: int = 0
    extracted: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (url, reason)

    def summary(self) -> str:
        return (f"extract: {self.seen} pages, {self.extracted} extracted, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed")


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def load_sources(ws: Workspace, base: str | None = None):
    from crawler.sources import load_sources as load
    return load(ws.sources_file, base=base)


def page_store(ws: Workspace):
    from crawler.store import PageStore
    return PageStore(ws.pages_db)


def crawl(ws: Workspace, *, sources=None, source_ids: Iterable[str] = (), since: str | None = None,
          max_pages: int | None = None, base: str | None = None, overrides: dict | None = None):
    """Crawl the configured sources (or the given ones) into the raw-page store.

    `overrides` are Scrapy settings on top of the workspace's (the demo, whose
    sites are local, turns politeness delays off with them).
    """
    from crawler.run import crawl_in_subprocess
    sources = sources if sources is not None else load_sources(ws, base)
    wanted = set(source_ids)
    if wanted:
        unknown = wanted - {s.id for s in sources}
        if unknown:
            raise PolicyminerError(f"{ws.sources_file}: no source with id {', '.join(sorted(unknown))}")
        sources = [s for s in sources if s.id in wanted]
    return crawl_in_subprocess(sources, ws.pages_db, since=since, max_pages=max_pages,
                               settings={**_crawl_settings(ws), **(overrides or {})})


def _crawl_settings(ws: Workspace) -> dict[str, Any]:
    c = ws.settings.crawl
    return {
        "DOWNLOAD_TIMEOUT": c.download_timeout, "CONCURRENT_REQUESTS_PER_DOMAIN": c.concurrency_per_domain,
        "AUTOTHROTTLE_START_DELAY": c.delay, "RETRY_TIMES": c.retries, "USER_AGENT": c.user_agent,
        "ROBOTSTXT_OBEY": c.obey_robots, "DEPTH_LIMIT": c.max_depth, "POLICYMINER_MAX_PAGES": c.max_pages,
    }


def _extract_page(job: tuple[dict, dict | None], nlp) -> dict:
    """Worker: one stored page → an Extracted record as a dict, or an error."""
    from nlp.content import article_from_html
    from nlp.pipeline import extract_article
    page_data, selectors = job
    page = Page.from_dict(page_data)
    try:
        article = article_from_html(page.html, page.url, selectors=selectors, source=page.source,
                                    doc_type=page.doc_type, region=page.region)
        if page.attachments:
            article.metadata["attachments"] = page.attachments
        article.metadata["content_hash"] = content_hash(page.html)
        return extract_article(article, nlp=nlp).to_dict()
    except PolicyminerError as exc:
        return {"error": str(exc), "url": page.url}
    except Exception as exc:   # one bad page must not stop the batch
        return {"error": f"{page.url}: {type(exc).__name__}: {exc}", "url": page.url}


def extract_pages(ws: Workspace, *, sources=None, force: bool = False, workers: int | None = None,
                  progress: Progress | None = None) -> ExtractReport:
    """Extract every stored page that is new, changed, or made by an older extractor."""
    from nlp.pipeline import extractor_version, map_documents
    store, out, report = page_store(ws), ExtractedStore(ws.extracted_dir), ExtractReport()
    version, known = extractor_version(), ({} if force else out.versions())
    sources = sources if sources is not None else _sources_or_empty(ws)
    selectors = {s.id: s.detail or None for s in sources}
    jobs = []
    for page in store.iter_pages():
        report.seen += 1
        if known.get(page.id) == (version, content_hash(page.html)):
            report.unchanged += 1
            continue
        jobs.append((page.to_dict(), selectors.get(page.source)))
    batch: list[Extracted] = []
    workers = ws.settings.extract.workers if workers is None else workers
    for done, result in enumerate(map_documents(_extract_page, jobs, workers=workers,
                                                dictionary_dir=ws.dictionaries_dir), 1):
        if "error" in result:
            report.failed.append((result["url"], result["error"]))
        else:
            batch.append(Extracted.from_dict(result))
            report.extracted += 1
        if len(batch) >= ws.settings.extract.batch_size:
            out.write(batch)
            batch = []
        if progress:
            progress(done, len(jobs))
    out.write(batch)
    return report


def _sources_or_empty(ws: Workspace):
    try:
        return load_sources(ws)
    except PolicyminerError:
        return []


def open_workspace_index(ws: Workspace):
    from index.base import open_index
    return open_index(ws.index_url, engine=ws.settings.engine)


def index_records(ws: Workspace, *, files: Iterable[Path] = (), rebuild: bool = False,
                  progress: Callable[[int], None] | None = None) -> int:
    """Load extracted records (the given JSONL files, or all of extracted/) into the engine."""
    files = list(files)
    records = (r for f in files for r in read_jsonl(Path(f))) if files else iter(ExtractedStore(ws.extracted_dir))
    with open_workspace_index(ws) as index:
        if rebuild:
            index.clear()
        return index.load(records, progress=progress)

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
from policyminer.records import Page
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


def extract_page(job: tuple[dict, dict | None], nlp) -> dict:
    """Worker: one stored page (and its source's selectors) → an Extracted record as a dict, or an error."""
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
    """Extract every stored page that is new, changed, or made by an older extractor.

    The whole store as one shard (policyminer.shards.extract_shard): pages are
    streamed from the store in chunks, records appended every extract.batch_size.
    At the end, parts holding superseded lines are compacted, so between runs
    every part file is plain JSONL with one line per document.
    """
    from policyminer.shards import extract_shard
    report = extract_shard(ws, (1, 1), force=force, workers=workers, progress=progress,
                           flush=ws.settings.extract.batch_size, sources=sources)
    ExtractedStore(ws.extracted_dir).compact()
    return report


def sources_or_empty(ws: Workspace):
    """The workspace's crawl sources, or [] when sources.yaml is missing or invalid."""
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
    from policyminer.similar import keyword_filler
    records = map(keyword_filler(ws, refresh=not files), records)   # corpus keywords (policyminer/similar.py)
    with open_workspace_index(ws) as index:
        if rebuild or (not files and index.stale()):   # built by other rules: reload all of extracted/
            index.clear()
        return index.load(records, progress=progress)

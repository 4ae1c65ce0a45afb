"""The one generic spider: a Source's list pages → article links → detail pages (and attachments).

It fetches and routes only: detail pages leave as :class:`~crawler.items.PageItem`
and the pipelines decode, deduplicate and store them. Incremental by design:
stored URLs are requested with If-None-Match/If-Modified-Since, pagination
stops at a list page whose links are all stored (once a crawl of the source
has completed, so that a crawl killed midway is finished by the next one), and
``since`` skips list items dated before it.

Run it through :func:`crawler.run.crawl`, or with Scrapy's own command::

    scrapy crawl listing -a source=cqbb-news
"""
from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scrapy
from parsel import Selector
from scrapy import Request, signals
from scrapy.http import Response, TextResponse

from crawler.attachments import attachment_format
from crawler.feeds import parse_feed
from crawler.items import PageItem
from crawler.links import (ListEntry, absolute, article_links, attachment_links, next_pages,
                           text_date)
from crawler.report import count, failure_reason, record_failure
from crawler.sources import Source, load_sources
from crawler.store import PageStore, utc_now
from policyminer.records import canonical_url

logger = logging.getLogger(__name__)
PAGE_MAXSIZE = 10 * 1024 * 1024      # an HTML page larger than this is not an article
FILE_MAXSIZE = 50 * 1024 * 1024
MAX_ATTACHMENTS = 20
DETAIL_PRIORITY = 10                 # finish a list's articles before its next page


@dataclass
class ListTally:
    """What one list page held: links in scope, of them not yet stored, and too old for ``since``."""

    in_scope: int = 0
    fresh: int = 0
    too_old: int = 0


class ListingSpider(scrapy.Spider):
    """Crawl one :class:`~crawler.sources.Source`; ``since``: YYYY-MM-DD; ``max_pages``: request cap."""

    name = "listing"

    def __init__(self, source: Source | str | None = None, since: str | None = None,
                 max_pages: int | str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.source = source
        self.since = since or None
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.seen: set[str] = set()
        self.incremental = False
        self.store: PageStore | None = None
        self.run_id = uuid.uuid4().hex      # marks this run's requests (see ResumedRequestMiddleware)

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> "ListingSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not isinstance(spider.source, Source):
            spider.source = _configured_source(crawler.settings, spider.source)
        spider.allowed_domains = list(spider.source.allowed_domains)
        limit = spider.max_pages or spider.source.limits.max_pages or crawler.settings.getint(
            "POLICYMINER_MAX_PAGES", 200)
        spider.budget = limit
        spider.store = PageStore(crawler.settings["POLICYMINER_STORE"])
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        return spider

    # -- start and finish ---------------------------------------------------
    async def start(self):
        """List pages, feeds and the first JSON list page of the source."""
        self.incremental = self.store.begin_crawl(self.source.id)
        for url in self.source.start_urls:
            request = self.list_request(url)
            if request:
                yield request
        for url in self.source.feeds:
            request = self.list_request(url, callback=self.parse_feed, pm_kind="feed")
            if request:
                yield request
        if self.source.listing.json:
            request = self.json_request(self.source.listing.json.first_page)
            if request:
                yield request

    def on_closed(self, spider, reason: str) -> None:
        """Mark the crawl complete unless it was interrupted."""
        if spider is self and self.store is not None:
            if reason != "shutdown":
                self.store.end_crawl(self.source.id)
            self.store.close()

    # -- requests -------------------------------------------------------------
    def take(self, url: str) -> bool:
        """Claim ``url`` for this crawl: False if already requested or over the page cap."""
        key = canonical_url(url)
        if key in self.seen:
            return False
        if self.budget <= 0:
            count(self.crawler.stats, "capped")
            return False
        self.seen.add(key)
        self.budget -= 1
        return True

    def list_request(self, url: str, *, callback=None, pagination: bool = False, **meta) -> Request | None:
        """A request for a list page (or feed, or JSON list page), if not yet made and within the cap."""
        if not self.take(url):
            return None
        return Request(url, callback=callback or self.parse_list, errback=self.on_error,
                       dont_filter=True, meta={"pm_kind": "list", "pm_pagination": pagination,
                                               "pm_run": self.run_id,
                                               "download_maxsize": PAGE_MAXSIZE, **meta})

    def json_request(self, page: int, *, pagination: bool = False) -> Request | None:
        """The request for page ``page`` of the source's JSON list API."""
        url = self.source.listing.json.url_template.replace("{page}", str(page))
        return self.list_request(url, callback=self.parse_json, pagination=pagination, pm_page=page)

    def detail_request(self, entry: ListEntry) -> Request | None:
        """A (conditional, when stored) request for an article page."""
        if not self.take(entry.url):
            return None
        etag, last_modified = self.store.validators(entry.url)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return Request(entry.url, callback=self.parse_detail, errback=self.on_error, headers=headers,
                       dont_filter=True, priority=DETAIL_PRIORITY,
                       meta={"pm_kind": "detail", "pm_title": entry.title, "pm_run": self.run_id,
                             "handle_httpstatus_list": [304], "download_maxsize": PAGE_MAXSIZE})

    def follow(self, entries: Iterable[ListEntry]) -> tuple[list[Request], ListTally]:
        """Detail requests for list entries, and the tally that decides on pagination."""
        requests, tally = [], ListTally()
        for entry in entries:
            if not self.source.in_scope(entry.url):
                continue
            tally.in_scope += 1
            if self.since and entry.published and entry.published < self.since:
                tally.too_old += 1
                continue
            if not self.store.known(entry.url) and not self.store.failure(entry.url):
                tally.fresh += 1   # (a URL that failed before is retried, but is not news)
            request = self.detail_request(entry)
            if request:
                requests.append(request)
        return requests, tally

    def keep_paginating(self, response: Response, tally: ListTally) -> bool:
        """Whether the list page just read warrants fetching the next one."""
        if tally.in_scope == 0:
            return False
        if tally.too_old == tally.in_scope:
            logger.debug("%s: every item older than %s; pagination stops", response.url, self.since)
            return False
        if self.incremental and tally.fresh == 0:
            logger.debug("%s: every item already stored; pagination stops", response.url)
            count(self.crawler.stats, "stopped_at_known")
            return False
        return True

    # -- callbacks ------------------------------------------------------------
    def parse_list(self, response: Response):
        """A list page: its article links, then its next page."""
        html = self.text_of(response)
        sel = Selector(text=html)
        rules = self.source.listing
        entries = article_links(sel, response.url, links=rules.links, link_pattern=rules.link_pattern)
        requests, tally = self.follow(entries)
        yield from requests
        if self.keep_paginating(response, tally):
            for url in next_pages(sel, html, response.url, next_page=rules.next_page):
                if self.source.in_scope(url):
                    request = self.list_request(url, pagination=True)
                    if request:
                        yield request

    def parse_json(self, response: Response):
        """A page of a JSON list API: its items, then the next page number."""
        spec = self.source.listing.json
        try:
            data = json.loads(self.text_of(response))
        except ValueError as exc:
            record_failure(self.crawler.stats, response.url, f"bad JSON ({exc.__class__.__name__})")
            return
        items = _dotted(data, spec.items)
        items = items if isinstance(items, list) else []
        entries = []
        for item in items:
            url = absolute(response.url, str(_dotted(item, spec.url) or ""))
            if url:
                published = _dotted(item, spec.published) if spec.published else None
                entries.append(ListEntry(url, str(_dotted(item, spec.title) or ""),
                                         text_date(str(published)) if published else None))
        requests, tally = self.follow(entries)
        yield from requests
        page = response.meta["pm_page"]
        total = _as_int(_dotted(data, spec.total_pages)) if spec.total_pages else None
        more = page - spec.first_page + 1 < spec.max_pages and (total is None or page < total)
        if items and more and self.keep_paginating(response, tally):
            request = self.json_request(page + 1, pagination=True)
            if request:
                yield request

    def parse_feed(self, response: Response):
        """An RSS/Atom feed or sitemap: its entries (and nested sitemaps)."""
        entries, sitemaps = parse_feed(response.body, response.url)
        for url in sitemaps:
            if self.source.in_scope(url):
                request = self.list_request(url, callback=self.parse_feed, pm_kind="feed")
                if request:
                    yield request
        yield from self.follow(entries)[0]

    async def parse_detail(self, response: Response):
        """An article page → a PageItem (with its attachments downloaded, for policy sources)."""
        count(self.crawler.stats, "fetched")
        item = self.page_item(response)
        if response.status == 304:
            item.not_modified, item.status = True, 304
            count(self.crawler.stats, "not_modified")
        elif not isinstance(response, TextResponse) or attachment_format(response.url, _ctype(response)):
            if not attachment_format(response.url, _ctype(response)):
                record_failure(self.crawler.stats, response.url, f"not a page ({_ctype(response) or '?'})")
                return
            item.body = _file_page(response.url, response.meta.get("pm_title") or "")
            item.encoding_hint = "utf-8"
            item.files = [_file_record(response, response.url, response.meta.get("pm_title") or "")]
        elif self.source.wants_attachments:
            links = attachment_links(Selector(text=self.text_of(response)), response.url)
            item.files = await self.download_files(links[:MAX_ATTACHMENTS])
        yield item

    def page_item(self, response: Response) -> PageItem:
        """The item for a detail response, before the pipelines."""
        headers = response.headers
        return PageItem(
            url=response.url, source=self.source.id, fetched=utc_now(), body=response.body,
            status=response.status, encoding_hint=self.source.encoding or _charset(response),
            etag=_header(headers, "ETag"), last_modified=_header(headers, "Last-Modified"),
            doc_type=self.source.doc_type, region=self.source.region,
            aliases=[u for u in response.meta.get("redirect_urls", []) if u != response.url],
            selectors=dict(self.source.detail))

    async def download_files(self, links: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """Download attachments one by one; a failure becomes the file's ``error``."""
        files = []
        for url, name in links:
            if not self.source.in_scope(url):
                files.append({"url": url, "name": name, "error": "off-site attachment, not downloaded"})
                continue
            request = Request(url, dont_filter=True, meta={"pm_kind": "attachment",
                                                           "download_maxsize": FILE_MAXSIZE})
            try:
                response = await self.crawler.engine.download_async(request)
            except Exception as exc:  # every download error becomes a reason
                files.append({"url": url, "name": name, "error": f"download failed: {_reason(exc)}"})
                continue
            if response.status != 200:
                files.append({"url": url, "name": name, "error": f"HTTP {response.status}"})
            else:
                files.append(_file_record(response, url, name))
        return files

    def on_error(self, failure) -> None:
        """A request that failed for good: count it under its reason (feeds may be absent)."""
        request = failure.request
        reason = failure_reason(failure)
        if reason == "duplicate":
            return
        if request.meta.get("pm_kind") == "feed" and reason == "404":
            count(self.crawler.stats, "feeds_missing")
            return
        url = request.url
        if reason == "redirect_loop":          # named after the URL the crawl asked for
            url = (request.meta.get("redirect_urls") or [url])[0]
        record_failure(self.crawler.stats, url, reason)
        if request.meta.get("pm_kind") == "detail":
            self.store.record_failure(url, source=self.source.id, reason=reason)

    # -- helpers --------------------------------------------------------------
    def text_of(self, response: Response) -> str:
        """The decoded text of a response (configured encoding hint, HTTP charset, meta, detection)."""
        from nlp.encoding import decode
        from policyminer.errors import InputError

        try:
            return decode(response.body, hint=self.source.encoding or _charset(response),
                          name=response.url)[0]
        except InputError:
            return response.text if isinstance(response, TextResponse) else ""


def _configured_source(settings, source_id: str | None) -> Source:
    """The source named on the command line (``-a source=ID``), from POLICYMINER_SOURCES."""
    from policyminer.errors import ConfigError

    path = Path(settings.get("POLICYMINER_SOURCES", "config/sources.yaml"))
    sources = load_sources(path, base=settings.get("POLICYMINER_BASE"))
    for source in sources:
        if source.id == source_id:
            return source
    raise ConfigError(f"{path}: no source with id {source_id!r}; "
                      f"known: {', '.join(s.id for s in sources)}")


def _dotted(data: Any, path: str | None) -> Any:
    """``data['a']['b'][0]`` for the path ``a.b.0``; None where it does not exist."""
    if not path:
        return None
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _header(headers, name: str) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _ctype(response: Response) -> str:
    return (_header(response.headers, "Content-Type") or "").split(";")[0].strip().lower()


def _charset(response: Response) -> str | None:
    content_type = _header(response.headers, "Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _reason(exc: Exception) -> str:
    from twisted.python.failure import Failure

    return failure_reason(Failure(exc))


def _file_record(response: Response, url: str, name: str) -> dict[str, Any]:
    return {"url": url, "name": name or url.rsplit("/", 1)[-1], "body": response.body,
            "content_type": _ctype(response)}


def _file_page(url: str, title: str) -> bytes:
    """A minimal HTML page standing for a file linked directly from a list."""
    from html import escape

    title = escape(title or url.rsplit("/", 1)[-1])
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><h1>{title}</h1><p><a href="{escape(url)}">{title}</a></p></body></html>'
            ).encode("utf-8")

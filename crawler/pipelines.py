"""Item pipelines: decode → attachment text → near-duplicates → store.

Spiders fetch and route; these normalise and store. Each is built with
``from_crawler`` and opens the page store only in ``open_spider``. A dropped
item says why (``DropItem("empty body: <url>")``) and is counted as a failure.
"""
from __future__ import annotations

from scrapy.exceptions import DropItem

from crawler.items import PageItem
from crawler.report import count, record_failure
from crawler.store import PageStore, content_hash
from crawler.text import main_text


class _Pipeline:
    """Shared plumbing: the crawler, its stats, a lazily opened store."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.store: PageStore | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = PageStore(self.crawler.settings["POLICYMINER_STORE"])

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()

    def drop(self, item: PageItem, reason: str) -> DropItem:
        """Count ``item`` as failed for ``reason`` and return the DropItem to raise."""
        record_failure(self.crawler.stats, item.url, reason)
        return DropItem(f"{reason}: {item.url}")


class DecodePipeline(_Pipeline):
    """Decide the page's encoding (HTTP charset, configured hint, meta, detection)."""

    def open_spider(self) -> None:
        """No store needed."""

    def process_item(self, item: PageItem) -> PageItem:
        if item.not_modified:
            return item
        if not item.body.strip():
            raise self.drop(item, "empty body")
        from nlp.encoding import decode
        from policyminer.errors import InputError

        try:
            item.html, item.encoding = decode(item.body, hint=item.encoding_hint, name=item.url)
        except InputError as exc:
            raise self.drop(item, f"undecodable ({exc})") from exc
        return item


class AttachmentPipeline(_Pipeline):
    """Turn downloaded attachments into ``{url, name, format, text | error}`` (in a thread)."""

    def open_spider(self) -> None:
        """No store needed."""

    async def process_item(self, item: PageItem) -> PageItem:
        if not item.files:
            return item
        files, item.files = item.files, []
        item.attachments = await _in_thread(_read_files, files)
        count(self.crawler.stats, "attachments", len(item.attachments))
        return item


def _read_files(files: list[dict]) -> list[dict]:
    from crawler.attachments import read_attachment

    return [read_attachment(f["url"], f["name"], f.get("body"), content_type=f.get("content_type"),
                            error=f.get("error")) for f in files]


class NearDuplicatePipeline(_Pipeline):
    """Recognise a story already stored under another URL (SimHash, confirmed by shingle containment).

    Text extraction runs in a thread, so that a long page does not stall the downloads.
    """

    async def process_item(self, item: PageItem) -> PageItem:
        if item.not_modified or item.html is None:
            return item
        if self.store.content_hash_of(item.url) == content_hash(item.body):
            return item   # unchanged: keep what the store decided before
        from crawler.neardup import simhash

        text = await _in_thread(main_text, item.body, item.url, encoding=item.encoding,
                                selectors=item.selectors)
        item.simhash = simhash(text)
        if item.simhash is not None:
            item.near_dup_of = await self.original_of(text, item)
        return item

    async def original_of(self, text: str, item: PageItem) -> str | None:
        """The stored page ``text`` repeats, if any."""
        from crawler.neardup import MIN_CONTAINMENT, SURE_DISTANCE, containment

        for url, distance in self.store.near_candidates(item.simhash, exclude=item.url):
            if distance <= SURE_DISTANCE:
                return url
            page = self.store.get(url)
            other = await _in_thread(main_text, page.html.encode("utf-8"), url, encoding="utf-8")
            if containment(text, other) >= MIN_CONTAINMENT:
                return url
        return None


async def _in_thread(function, *args, **kwargs):
    """Run a blocking function in Twisted's thread pool and await its result."""
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet.threads import deferToThread

    return await maybe_deferred_to_future(deferToThread(function, *args, **kwargs))


class StorePipeline(_Pipeline):
    """Write the page (or record its 304) and count new / changed / unchanged."""

    def process_item(self, item: PageItem) -> PageItem:
        stats = self.crawler.stats
        if item.not_modified:
            status = self.store.touch(item.url, fetched=item.fetched, etag=item.etag,
                                      last_modified=item.last_modified)
            if status is None:
                raise self.drop(item, "304 for a page not in the store")
        else:
            if item.simhash is not None and item.near_dup_of is None:
                item.near_dup_of = self.late_duplicate(item)
            status = self.store.put(
                item.url, item.body, source=item.source, fetched=item.fetched, status=item.status,
                encoding=item.encoding, etag=item.etag, last_modified=item.last_modified,
                doc_type=item.doc_type, region=item.region, attachments=item.attachments,
                near_dup_of=item.near_dup_of, simhash=item.simhash, aliases=item.aliases)
            if item.near_dup_of and status != "unchanged":
                count(stats, "duplicates")
        item.store_status = status
        count(stats, status)
        item.body, item.html = b"", None     # the store has them; keep the item light
        return item

    def late_duplicate(self, item: PageItem) -> str | None:
        """A copy stored while this item's text was being extracted (another crawler's, say)."""
        from crawler.neardup import SURE_DISTANCE

        if self.store.content_hash_of(item.url) is not None:
            return None
        close = self.store.near_candidates(item.simhash, exclude=item.url, max_distance=SURE_DISTANCE)
        return close[0][0] if close else None

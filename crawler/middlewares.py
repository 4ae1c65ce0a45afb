"""Downloader and spider middlewares: scope checks, retry with backoff, redirect loops, flat pagination depth."""
from __future__ import annotations

import email.utils
import time

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.spidermiddlewares.depth import DepthMiddleware
from scrapy.utils.httpobj import urlparse_cached

from policyminer.records import canonical_url

SAME_PATH_HOPS = 2      # a redirect chain may pass one path this often (with different queries)


class ScopeOffsiteMiddleware(OffsiteMiddleware):
    """Offsite filtering by the source's scope: allowed domains and, where set, URL prefixes.

    Unlike Scrapy's own, ``dont_filter`` does not exempt a request (the spider
    sets it on every request and deduplicates itself), so a redirect can never
    lead out of the source. Only ``/robots.txt`` and ``allow_offsite`` pass.
    """

    def should_follow(self, request: Request, spider) -> bool:
        source = getattr(spider, "source", None)
        if source is None or not hasattr(source, "in_scope"):
            return super().should_follow(request, spider)
        if urlparse_cached(request).path == "/robots.txt":
            return super().should_follow(request, spider)
        return source.in_scope(request.url)

    def process_request(self, request: Request) -> None:
        if request.meta.get("allow_offsite"):
            return
        keep, request.dont_filter = request.dont_filter, False
        try:
            super().process_request(request)
        finally:
            request.dont_filter = keep


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry (5xx, timeouts, dropped connections) with exponential backoff.

    The n-th retry waits ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds, or the
    server's ``Retry-After``, at most ``RETRY_BACKOFF_MAX``.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)

    def process_response(self, request, response):
        result = super().process_response(request, response)
        if isinstance(result, Request) and response.headers.get("Retry-After"):
            after = _retry_after(response.headers.get("Retry-After").decode("latin-1"))
            if after is not None:
                result.meta["retry_delay"] = min(self.backoff_max, after)
        return result

    def _retry(self, request, reason):
        new = super()._retry(request, reason)
        if new is not None:
            delay = self.backoff_base * 2 ** (new.meta.get("retry_times", 1) - 1)
            new.meta["retry_delay"] = min(self.backoff_max, delay)
        return new

    async def process_request(self, request) -> None:
        delay = request.meta.pop("retry_delay", 0)
        if delay > 0:
            from scrapy.utils.defer import maybe_deferred_to_future
            from twisted.internet import reactor
            from twisted.internet.task import deferLater

            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))


def _retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class LoopRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, stopped as soon as they go round in circles.

    The spider turns the dupe filter off (``dont_filter``), so nothing else
    would notice A → B → A before ``REDIRECT_MAX_TIMES``. A redirect back to
    a URL of its own chain, or to a path the chain already passed
    ``SAME_PATH_HOPS`` times (a page redirecting to itself with an ever new
    query string), raises ``IgnoreRequest("redirect loop: <first URL> …")``:
    one failure, named after the URL the crawl asked for.
    """

    def _redirect(self, redirected: Request, request: Request, reason):
        chain = [*request.meta.get("redirect_urls", []), request.url]
        loop = redirect_loop(chain, redirected.url)
        if loop:
            raise IgnoreRequest(f"redirect loop: {chain[0]} ({loop})")
        try:
            return super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            raise IgnoreRequest(f"redirect loop: {chain[0]} (more than {self.max_redirect_times} "
                                "redirections)") from None


def redirect_loop(chain: list[str], target: str) -> str | None:
    """Why redirecting ``chain``'s last URL to ``target`` is a loop, or None if it is not."""
    key = canonical_url(target)
    if key in {canonical_url(url) for url in chain}:
        return " → ".join([*chain, target])
    path = key.split("?", 1)[0]
    if sum(canonical_url(url).split("?", 1)[0] == path for url in chain) >= SAME_PATH_HOPS:
        return f"{path} redirects to itself with a new query each time"
    return None


class PaginationDepthMiddleware(DepthMiddleware):
    """DEPTH_LIMIT counts link hops; the next page of a list is the same depth as the list."""

    def get_processed_request(self, request, response):
        if response is not None and request.meta.get("pm_pagination"):
            request.meta["depth"] = response.meta.get("depth", 0)
            return request
        return super().get_processed_request(request, response)


class ResumedRequestMiddleware:
    """With JOBDIR, a resumed crawl replays the requests the stopped one had queued while the
    spider starts over from its start pages: this lets each URL through once per run."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        run = getattr(spider, "run_id", None)
        if run is None or request.meta.get("pm_run") in (None, run):
            return
        if not spider.take(request.url):          # a request restored from the job directory
            raise IgnoreRequest("duplicate: already requested in this run")
        request.meta["pm_run"] = run

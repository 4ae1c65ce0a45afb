"""Per-host politeness shared by every source of a crawl (and, with a frontier, every process).

``crawler.run`` runs one Scrapy crawler per source, all in one process: each
source keeps its own spider, stats, page cap, depth limit and job directory.
But Scrapy keeps download slots — where ``DOWNLOAD_DELAY``,
``CONCURRENT_REQUESTS_PER_DOMAIN`` and AutoThrottle's delay live — and the
robots.txt cache per crawler, so two sources on one host would each get
the host's full allowance and each fetch its robots.txt. Here:

* :class:`PoliteDownloader` (the ``DOWNLOADER`` setting) is Scrapy's own
  downloader whose slots are one dictionary for the whole process. A
  request of any source for host H waits in H's one slot, so the delay,
  the per-host concurrency and AutoThrottle's adjustments (it adjusts the
  slot it finds in ``downloader.slots``) hold for the host, not per source.
  A queued request is sent by the downloader that queued it, with its
  crawler's handlers and signals. In distributed mode the slot also asks
  the Redis :class:`~crawler.hostgate.HostGate` before sending, so the same
  limits hold across processes.
* :class:`SharedRobotsTxtMiddleware` is Scrapy's RobotsTxtMiddleware with
  one parser cache per process: robots.txt is fetched once per host and run.

A process runs one crawl (Twisted's reactor does not restart), so
process-wide state is the crawl's state; the last downloader to close
clears it.
"""
from __future__ import annotations

import logging
from collections import deque
from time import monotonic
from typing import Any

from scrapy import Request, signals
from scrapy.core.downloader import Downloader, Slot
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _process_pending_io, _schedule_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)
STAT = "policyminer/hostgate/"


class SharedState:
    """What the downloaders of one process share: slots, queued requests' owners, the gate."""

    def __init__(self) -> None:
        self.slots: dict[str, Slot] = {}
        self.owners: dict[Request, "PoliteDownloader"] = {}
        self.tickets: dict[Request, Any] = {}
        self.open: set["PoliteDownloader"] = set()
        self.robots: dict[str, Any] = {}
        self.gate = None


SHARED = SharedState()


class PoliteDownloader(Downloader):
    """Scrapy's Downloader with process-wide slots and, in distributed mode, the Redis host gate."""

    shared: SharedState = SHARED

    def __init__(self, crawler):
        super().__init__(crawler)
        self.slots = self.shared.slots
        self.shared.open.add(self)
        if crawler.settings.getbool("POLICYMINER_HOST_GATE") and self.shared.gate is None:
            from crawler.hostgate import HostGate

            self.shared.gate = HostGate.from_settings(crawler.settings)

    async def _enqueue_request(self, request: Request):
        self.shared.owners[request] = self
        try:
            return await super()._enqueue_request(request)
        finally:
            self.shared.owners.pop(request, None)

    def _process_queue(self, slot: Slot) -> None:
        """Scrapy's slot loop, plus the gate's consent and dispatch to the queuing downloader."""
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            request, queue_dfd = slot.queue[0]
            wait = self._ask_gate(slot, request)
            if wait:
                slot.latercall = call_later(wait, self._latercall, slot)
                return
            slot.queue.popleft()
            slot.lastseen = now
            # Taken now, not when the download coroutine starts: with the asyncio
            # reactor that is a loop turn later, and Scrapy's loop would meanwhile
            # send the whole queue at once, ignoring the slot's concurrency.
            slot.transferring.add(request)
            owner = self.shared.owners.get(request, self)
            _schedule_coro(owner._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break

    def _ask_gate(self, slot: Slot, request: Request) -> float:
        """0 if ``request`` may go now (its ticket kept for release), else seconds to wait."""
        gate = self.shared.gate
        if gate is None:
            return 0.0
        counted = urlparse_cached(request).path != "/robots.txt"
        try:
            ticket, wait = gate.acquire(request.meta.get(self.DOWNLOAD_SLOT) or self.get_slot_key(request),
                                        delay=slot.delay, concurrency=slot.concurrency, counted=counted)
        except Exception as exc:   # Redis away: the per-process limits still hold
            logger.warning("host gate unavailable, using this process' limits only: %s", exc)
            self.crawler.stats.inc_value(STAT + "unavailable")
            return 0.0
        if ticket is None:
            self.crawler.stats.inc_value(STAT + "waited")
            return wait
        self.shared.tickets[request] = ticket
        return 0.0

    async def _download(self, slot: Slot, request: Request):
        """Scrapy's, with the gate's ticket given back before the slot looks for the next request."""
        slot.transferring.add(request)
        try:
            response = await self.handlers.download_request_async(request)
            self.signals.send_catch_log(signal=signals.response_downloaded, response=response,
                                        request=request, spider=self.crawler.spider)
            return response
        except Exception:
            await _process_pending_io()
            raise
        finally:
            self._release_ticket(request)
            slot.transferring.remove(request)
            self._process_queue(slot)
            self.signals.send_catch_log(signal=signals.request_left_downloader, request=request,
                                        spider=self.crawler.spider)

    def _release_ticket(self, request: Request) -> None:
        ticket = self.shared.tickets.pop(request, None)
        if ticket is not None and self.shared.gate is not None:
            try:
                self.shared.gate.release(ticket)
            except Exception as exc:   # it expires after the hold time
                logger.warning("host gate: could not release a ticket: %s", exc)

    def close(self) -> None:
        """Leave the shared slots to the crawlers still running; the last one closes them."""
        self._stop_slot_gc()
        self.shared.open.discard(self)
        if self.shared.open:
            for slot in self.slots.values():   # what it still queued is abandoned, as in Scrapy
                slot.queue = deque(item for item in slot.queue if self.shared.owners.get(item[0]) is not self)
            return
        for slot in self.slots.values():
            slot.close()
        self.slots.clear()
        self.shared.robots.clear()
        if self.shared.gate is not None:
            self.shared.gate.close()
            self.shared.gate = None


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt handling with one parser per host for the whole process.

    The first crawler to need a host's robots.txt fetches it; the others
    wait for the same result instead of fetching it again. (Scrapy's own
    hands the parser only to the first request that waited for it: the later
    waiters of one Deferred get None, that is "no robots.txt"; each waiter
    here gets the parser.)
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._parsers = SHARED.robots

    async def robot_parser(self, request: Request):
        """The host's parser (None: no usable robots.txt), fetching robots.txt if nobody has."""
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            waiter: Deferred = Deferred()

            def relay(result):
                waiter.callback(result)
                return result
            pending.addBoth(relay)
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)

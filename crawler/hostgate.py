"""A per-host politeness gate in Redis, so that a site's limits hold across crawler processes.

Scrapy enforces ``DOWNLOAD_DELAY`` and ``CONCURRENT_REQUESTS_PER_DOMAIN`` in
its download slots, which live in one process. Crawlers sharing a Redis
frontier (:mod:`crawler.distributed`) would each apply them, so N processes
would load a site N times as hard. The gate is asked, just before a slot
sends a request, whether the host may take one more:

* **delay** — an atomic ``SET <host>:next NX PX delay_ms``: whoever sets the
  key may send; everyone else learns from ``PTTL`` how long to wait. So two
  requests to one host, from any processes, start at least the delay apart.
* **concurrency** — a sorted set ``<host>:flight`` of the tickets of
  requests in flight, scored by an expiry. A request is let through only
  while fewer than the slot's concurrency are in flight; its ticket is
  removed when its download ends. The owner refreshes its tickets every
  ``hold/3`` seconds, so the tickets of a killed process expire ``hold``
  seconds later (the frontier's lease timeout) instead of blocking the host.

Both checks run in one Lua script, timed by Redis' clock, so a request that
is refused takes no delay token. A refused request is not lost and nobody
spins: it stays in its download slot and the slot looks again after the
wait the gate names (see :class:`crawler.politeness.PoliteDownloader`).
"""
from __future__ import annotations

import logging
import sys
import uuid
from dataclasses import dataclass

logger = logging.getLogger(__name__)
DEFAULT_POLL = 0.1        # seconds between looks at a host whose concurrency is used up

# KEYS next, flight; ARGV delay_ms, concurrency (0: no limit), token, hold_ms, poll_ms.
# Returns 0 when granted, else the milliseconds to wait before asking again.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local limit = tonumber(ARGV[2])
if limit > 0 and redis.call('ZCARD', KEYS[2]) >= limit then
  return tonumber(ARGV[5])
end
local delay = tonumber(ARGV[1])
if delay > 0 and not redis.call('SET', KEYS[1], ARGV[3], 'NX', 'PX', delay) then
  local left = redis.call('PTTL', KEYS[1])
  if left < 1 then left = 1 end
  return left
end
if limit > 0 then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
end
return 0
"""
# KEYS flight; ARGV hold_ms, tokens… : push the expiry of live tickets forward.
_REFRESH = """
local t = redis.call('TIME')
local until_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', until_ms, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
"""


@dataclass(frozen=True)
class Ticket:
    """A request let through by the gate; give it back with :meth:`HostGate.release`."""

    host: str
    token: str
    counted: bool          # whether it holds one of the host's concurrency places


class HostGate:
    """Per-host delay and concurrency shared by every process using the same Redis and crawl name."""

    def __init__(self, server, *, crawl: str = "default", hold: float = 30.0, poll: float = DEFAULT_POLL):
        self.server = server
        self.prefix = f"policyminer:{crawl}:host:"
        self.hold_ms = max(1000, int(hold * 1000))
        self.poll_ms = max(10, int(poll * 1000))
        self.live: dict[str, set[str]] = {}        # host → tokens of this process still in flight
        self._acquire = server.register_script(_ACQUIRE)
        self._refresh = server.register_script(_REFRESH)
        self._loop = None

    @classmethod
    def from_settings(cls, settings) -> "HostGate":
        """The gate of a frontier crawl: REDIS_URL, POLICYMINER_FRONTIER_CRAWL and _LEASE."""
        import redis

        server = redis.Redis.from_url(settings.get("REDIS_URL"), socket_timeout=10)
        return cls(server, crawl=settings.get("POLICYMINER_FRONTIER_CRAWL", "default"),
                   hold=settings.getfloat("POLICYMINER_FRONTIER_LEASE", 30.0),
                   poll=settings.getfloat("POLICYMINER_HOST_GATE_POLL", DEFAULT_POLL))

    def keys(self, host: str) -> tuple[str, str]:
        """The delay key and the in-flight set of ``host``."""
        return self.prefix + host + ":next", self.prefix + host + ":flight"

    def acquire(self, host: str, *, delay: float, concurrency: int,
                counted: bool = True) -> tuple[Ticket | None, float]:
        """Ask to send one request to ``host``: ``(ticket, 0)``, or ``(None, seconds to wait)``.

        ``delay`` is the least time between two requests to the host,
        ``concurrency`` the most in flight at once (0: no limit);
        ``counted=False`` lets a request through the concurrency limit (it
        still waits for the delay) — used for robots.txt.
        """
        token = uuid.uuid4().hex
        limit = concurrency if counted else 0
        wait_ms = int(self._acquire(keys=list(self.keys(host)),
                                    args=[int(delay * 1000), max(0, limit), token, self.hold_ms,
                                          self.poll_ms]))
        if wait_ms:
            return None, wait_ms / 1000
        if limit > 0:
            self.live.setdefault(host, set()).add(token)
            self._start_refresh()
        return Ticket(host, token, limit > 0), 0.0

    def release(self, ticket: Ticket | None) -> None:
        """The ticket's download ended: free its concurrency place."""
        if ticket is None or not ticket.counted:
            return
        self.live.get(ticket.host, set()).discard(ticket.token)
        self.server.zrem(self.keys(ticket.host)[1], ticket.token)

    def refresh(self) -> None:
        """Keep this process' tickets alive (a killed process' tickets expire after ``hold``)."""
        try:
            for host, tokens in list(self.live.items()):
                if tokens:
                    self._refresh(keys=[self.keys(host)[1]], args=[self.hold_ms, *tokens])
        except Exception as exc:   # a Redis hiccup must not stop the loop; the next round retries
            logger.warning("host gate refresh failed: %s", exc)

    def _start_refresh(self) -> None:
        """Refresh on Twisted's reactor, when one runs here (outside a crawl, call refresh())."""
        if self._loop is not None or "twisted.internet.reactor" not in sys.modules:
            return
        from twisted.internet.task import LoopingCall

        self._loop = LoopingCall(self.refresh)
        self._loop.start(self.hold_ms / 3000, now=False)

    def close(self) -> None:
        """Stop refreshing, free what this process still holds, close the connection."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self._loop = None
        try:
            for host, tokens in self.live.items():
                if tokens:
                    self.server.zrem(self.keys(host)[1], *tokens)
        except Exception as exc:   # the tickets expire by themselves
            logger.warning("host gate: could not free tickets on close: %s", exc)
        self.live.clear()
        self.server.close()

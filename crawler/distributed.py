"""A shared crawl frontier in Redis: several crawler processes, on one machine or many, split one crawl.

Built on scrapy-redis (its request queue encoding and its request
fingerprints), with what a crawl that must survive a killed worker needs on
top, since scrapy-redis pops a request for good and a worker killed with
requests in flight loses them:

* **leases** — a worker pops a request into a lease (atomically, in Lua) and
  releases it only when everything the request produced is durable: the page
  is in the store, or its follow-up requests are in Redis. A retry or a
  redirect is pushed and its parent released in one MULTI.
* **heartbeats** — every worker of a source refreshes its entry in a sorted
  set, timed by Redis' clock. The leases of a worker silent for longer than
  the lease timeout go back into the queue; another worker fetches them
  again, and the page store's idempotent ``put`` keeps one copy.
* **one shared dedupe and page cap** — every new request is checked against
  the crawl's fingerprint set (``dont_filter`` notwithstanding: the spider
  sets it everywhere and deduplicates itself, which one process cannot do
  for another) and counted against the source's ``max_pages``.
* **lifecycle** — the first worker to join an idle frontier starts a fresh
  crawl (clears the last one's fingerprints); a frontier whose workers all
  died keeps its queue and leases, so the next worker resumes it; a worker
  whose queue is empty stays while other workers hold leases (they may yield
  more requests, or die); the last one to leave deletes the keys.

Select it with Scrapy settings, which pass through every crawl entry point::

    from crawler.distributed import frontier_settings
    crawl_in_subprocess(sources, "store/pages.db", settings=frontier_settings("redis://host:6379/0"))

    policyminer crawl --frontier redis://127.0.0.1:6379/0?crawl=weekly

Keys live under ``policyminer:<crawl>:<source id>:``. Pages go to each
worker's own page store: processes on one machine can share one pages.db
(SQLite in WAL mode serialises their writes); on several machines each
writes its own and :func:`merge_stores` (``policyminer crawl --merge``)
combines them. docs/scale.md has the whole story.
"""
from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import uuid
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from policyminer.errors import CrawlError

logger = logging.getLogger(__name__)
LEASE = "pm_lease"                  # request.meta key: the lease a request was popped under
DEFAULT_LEASE_TIMEOUT = 30.0        # seconds of silence before a worker counts as dead
STAT = "policyminer/frontier/"

# Lua: pop the best request into a lease (KEYS queue, leases, owners; ARGV token, worker).
_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], ARGV[1], top[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2] .. '\\t' .. top[2])
return top[1]
"""
# Lua: put leases of dead workers (or of ARGV[2], if given) back into the queue.
# KEYS queue, leases, owners, workers; ARGV lease_ms, worker-or-''.
_RECLAIM = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local owners = redis.call('HGETALL', KEYS[3])
local moved = 0
for i = 1, #owners, 2 do
  local token, value = owners[i], owners[i + 1]
  local worker, score = string.match(value, '^(.*)\\t(.*)$')
  local seen = redis.call('ZSCORE', KEYS[4], worker)
  if worker == ARGV[2] or not seen or now - tonumber(seen) > tonumber(ARGV[1]) then
    local data = redis.call('HGET', KEYS[2], token)
    if data then redis.call('ZADD', KEYS[1], score, data) end
    redis.call('HDEL', KEYS[2], token)
    redis.call('HDEL', KEYS[3], token)
    moved = moved + 1
  end
end
return moved
"""
# Lua: heartbeat (KEYS workers; ARGV worker).
_BEAT = """
local t = redis.call('TIME')
redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])
return 1
"""
# Lua: join; a frontier with no live worker, no queue and no lease starts afresh.
# KEYS workers, queue, leases, seen, issued; ARGV worker, lease_ms. Returns 1 for a fresh crawl.
_JOIN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
local fresh = 0
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[2]) == 0
   and redis.call('HLEN', KEYS[3]) == 0 then
  redis.call('DEL', KEYS[4], KEYS[5])
  fresh = 1
end
redis.call('ZADD', KEYS[1], now, ARGV[1])
return fresh
"""
# Lua: leave; the last worker out of a finished frontier deletes it.
# KEYS workers, queue, leases, owners, seen, issued; ARGV worker, lease_ms. Returns 1 if deleted.
_LEAVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[2]) == 0
   and redis.call('HLEN', KEYS[3]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
  return 1
end
return 0
"""


def frontier_settings(url: str) -> dict[str, Any]:
    """Scrapy settings that make a crawl use the frontier at ``url``.

    ``url`` is a Redis URL (``redis://[:password@]host:port/db``) with
    optional query parameters: ``crawl`` (a name, so that several crawls can
    share one Redis; default ``default``) and ``lease`` (seconds of silence
    after which a worker's requests go to others; default 30). They also
    turn on the Redis host gate (:mod:`crawler.hostgate`), so the per-host
    delay and concurrency hold across all the crawl's processes.
    """
    redis_url, crawl, lease = parse_frontier_url(url)
    return {"SCHEDULER": "crawler.distributed.FrontierScheduler",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True, "REDIS_URL": redis_url,
            "POLICYMINER_FRONTIER_CRAWL": crawl, "POLICYMINER_FRONTIER_LEASE": lease,
            "POLICYMINER_HOST_GATE": True}


def check_frontier(url: str) -> None:
    """Fail early, with the reason, when the frontier's Redis does not answer."""
    import redis

    redis_url = parse_frontier_url(url)[0]
    server = redis.Redis.from_url(redis_url, socket_connect_timeout=5, socket_timeout=5)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise CrawlError(f"frontier {shown_url(redis_url)}: Redis does not answer ({exc})") from exc
    finally:
        server.close()


def shown_url(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"
                                            + (f":{parts.port}" if parts.port else "")))


def parse_frontier_url(url: str) -> tuple[str, str, float]:
    """``(redis_url, crawl name, lease timeout)`` of a frontier URL; CrawlError when malformed."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix") or not (parts.netloc or parts.path):
        raise CrawlError(f"frontier {shown_url(url)!r}: expected a Redis URL such as redis://127.0.0.1:6379/0")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    unknown = set(query) - {"crawl", "lease"}
    if unknown:
        raise CrawlError(f"frontier {shown_url(url)!r}: unknown parameter {', '.join(sorted(unknown))} "
                         "(known: crawl, lease)")
    crawl = query.get("crawl", "default")
    if not crawl or any(c in crawl for c in ": \t\n"):
        raise CrawlError(f"frontier {shown_url(url)!r}: crawl name {crawl!r} must be non-empty, without ':' or spaces")
    try:
        lease = float(query.get("lease", DEFAULT_LEASE_TIMEOUT))
    except ValueError:
        lease = 0.0
    if not 0 < lease < 86_400:
        raise CrawlError(f"frontier {shown_url(url)!r}: lease must be a number of seconds above 0 (and below a day)")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), crawl, lease


class FrontierKeys:
    """The Redis keys of one source's frontier."""

    def __init__(self, crawl: str, source: str):
        prefix = f"policyminer:{crawl}:{source}:"
        self.queue, self.leases, self.owners = prefix + "queue", prefix + "leases", prefix + "owners"
        self.workers, self.seen, self.issued = prefix + "workers", prefix + "seen", prefix + "issued"

    def all(self) -> list[str]:
        return [self.workers, self.queue, self.leases, self.owners, self.seen, self.issued]


class FrontierScheduler(Scheduler):
    """scrapy-redis' scheduler with leases, heartbeats, a shared dedupe and page cap (module docstring)."""

    def __init__(self, server, *, crawl: str = "default", lease_timeout: float = DEFAULT_LEASE_TIMEOUT,
                 crawler=None, **kwargs: Any):
        super().__init__(server, persist=True, **kwargs)
        self.crawl_name, self.lease_timeout, self.crawler = crawl, lease_timeout, crawler
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.keys: FrontierKeys | None = None
        self.limit: int | None = None
        self._heartbeat = None
        self._scripts = {name: server.register_script(code) for name, code in
                         (("pop", _POP), ("reclaim", _RECLAIM), ("beat", _BEAT), ("join", _JOIN),
                          ("leave", _LEAVE))}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        from scrapy_redis import connection

        server = connection.from_settings(settings)
        try:
            server.ping()
        except Exception as exc:   # redis' errors: connection refused, auth, timeouts
            raise CrawlError(f"frontier {shown_url(settings.get('REDIS_URL', ''))}: "
                             f"Redis does not answer ({exc})") from exc
        return cls(server, crawl=settings.get("POLICYMINER_FRONTIER_CRAWL", "default"),
                   lease_timeout=settings.getfloat("POLICYMINER_FRONTIER_LEASE", DEFAULT_LEASE_TIMEOUT),
                   crawler=crawler, serializer=None)

    @property
    def lease_ms(self) -> int:
        return int(self.lease_timeout * 1000)

    def _stat(self, name: str, n: int = 1) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(STAT + name, n)

    # -- open and close ---------------------------------------------------------
    def open(self, spider):
        """Join the source's frontier, start the heartbeat, hook the acknowledgements."""
        self.join(spider)
        self._hook_acknowledgements()
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)
        self._start_heartbeat()

    def close(self, reason):
        """Give back unfinished leases, leave, and delete the frontier if it is finished."""
        self._stop_heartbeat()
        if self.keys is not None:
            self.leave()

    def join(self, spider) -> bool:
        """Join ``spider``'s frontier (True: it starts a fresh crawl); no Scrapy hooks."""
        self.spider = spider
        self.keys = FrontierKeys(self.crawl_name, spider.name)
        self.queue = PriorityQueue(self.server, spider, self.keys.queue)
        self.df = RFPDupeFilter(self.server, key=self.keys.seen)
        self.limit = getattr(spider, "budget", None)
        fresh = bool(self._scripts["join"](keys=[self.keys.workers, self.keys.queue, self.keys.leases,
                                                 self.keys.seen, self.keys.issued],
                                           args=[self.worker, self.lease_ms]))
        self._stat("joined_fresh" if fresh else "joined_running")
        return fresh

    def leave(self) -> bool:
        """Requeue this worker's leases and leave; True if that finished and deleted the frontier."""
        self.reclaim(own=True)
        return bool(self._scripts["leave"](keys=self.keys.all(), args=[self.worker, self.lease_ms]))

    def _hook_acknowledgements(self) -> None:
        """Release a request's lease once the scraper is done with its response or failure.

        Scrapy has no signal for "this response's items are stored and its
        requests scheduled"; the scraper's ``enqueue_scrape`` deferred fires
        exactly then, so this instance's method is wrapped.
        """
        scraper = self.crawler.engine.scraper
        original = scraper.enqueue_scrape

        def enqueue_scrape(result, request):
            deferred = original(result, request)
            deferred.addBoth(self._release_after, request)
            return deferred
        scraper.enqueue_scrape = enqueue_scrape

    def _release_after(self, result, request):
        self.release(request.meta.get(LEASE))
        return result

    # -- heartbeat ----------------------------------------------------------------
    def _start_heartbeat(self) -> None:
        from twisted.internet.task import LoopingCall

        self._heartbeat = LoopingCall(self.beat)
        self._heartbeat.start(max(0.2, self.lease_timeout / 3), now=True)

    def _stop_heartbeat(self) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        self._heartbeat = None

    def beat(self) -> None:
        """Say this worker is alive; take back the leases of workers that are not."""
        try:
            self._scripts["beat"](keys=[self.keys.workers], args=[self.worker])
            self.reclaim()
        except Exception as exc:   # a Redis hiccup must not stop the loop; the next beat retries
            logger.warning("frontier heartbeat failed: %s", exc)

    def reclaim(self, *, own: bool = False) -> int:
        """Requeue the leases of dead workers (and this one's, with ``own``); how many."""
        moved = int(self._scripts["reclaim"](
            keys=[self.keys.queue, self.keys.leases, self.keys.owners, self.keys.workers],
            args=[self.lease_ms, self.worker if own else ""]))
        if moved:
            self._stat("requeued_own" if own else "requeued_from_dead", moved)
        return moved

    def _on_idle(self, spider) -> None:
        """Stay open while the frontier has queued requests or leases another worker holds."""
        if spider is not self.spider:
            return
        self.reclaim(own=True)      # idle: nothing of ours is in flight any more
        self.reclaim()
        if self.pending():
            self._stat("waited")
            raise DontCloseSpider("the frontier is not finished")

    def pending(self) -> int:
        """Queued plus leased requests of the source, over all workers."""
        pipe = self.server.pipeline(transaction=False)
        pipe.zcard(self.keys.queue).hlen(self.keys.leases)
        return sum(pipe.execute())

    # -- requests -------------------------------------------------------------
    def enqueue_request(self, request) -> bool:
        """Push a request; new ones pass the shared dedupe and page cap, retries and redirects always."""
        parent = request.meta.pop(LEASE, None)
        if parent is None:
            if self.df.request_seen(request):
                self._stat("duplicate")
                return False
            if self.limit is not None and self.server.incr(self.keys.issued) > self.limit:
                self._stat("capped")
                return False
        pipe = self.server.pipeline(transaction=True)
        pipe.zadd(self.keys.queue, {self.queue._encode_request(request): -request.priority})
        if parent is not None:
            pipe.hdel(self.keys.leases, parent).hdel(self.keys.owners, parent)
        pipe.execute()
        self._stat("enqueued")
        return True

    def next_request(self):
        """Pop the best request into a lease held by this worker."""
        token = uuid.uuid4().hex
        data = self._scripts["pop"](keys=[self.keys.queue, self.keys.leases, self.keys.owners],
                                    args=[token, self.worker])
        if not data:
            return None
        request = self.queue._decode_request(data)
        request.meta[LEASE] = token
        if hasattr(self.spider, "run_id"):
            request.meta["pm_run"] = self.spider.run_id   # it belongs to this worker's run now
        self._stat("dequeued")
        return request

    def release(self, token: str | None) -> None:
        """The request leased under ``token`` is finished: forget it."""
        if not token:
            return
        pipe = self.server.pipeline(transaction=True)
        pipe.hdel(self.keys.leases, token).hdel(self.keys.owners, token)
        pipe.execute()

    def has_pending_requests(self) -> bool:
        return self.server.zcard(self.keys.queue) > 0

    def __len__(self) -> int:
        return self.server.zcard(self.keys.queue)


def frontier_status(url: str, source: str) -> dict[str, int]:
    """Queued, leased and seen requests and live workers of one source's frontier (for tests, monitoring)."""
    import redis

    redis_url, crawl, _ = parse_frontier_url(url)
    keys = FrontierKeys(crawl, source)
    server = redis.Redis.from_url(redis_url)
    try:
        pipe = server.pipeline(transaction=False)
        pipe.zcard(keys.queue).hlen(keys.leases).scard(keys.seen).zcard(keys.workers)
        queued, leased, seen, workers = pipe.execute()
    finally:
        server.close()
    return {"queued": queued, "leased": leased, "seen": seen, "workers": workers}


# -- several machines: merging page stores --------------------------------------------
def merge_stores(sources: list[str | Path], dest: str | Path) -> dict[str, int]:
    """Copy the pages of other page stores (other machines' pages.db) into ``dest``.

    Every page goes through :meth:`~crawler.store.PageStore.put`, so a merge
    is idempotent (a page already there is ``unchanged``) and a story two
    machines stored under different URLs becomes a near-duplicate of the
    first one merged. Redirect aliases and still-open failures come along.
    Returns counts: new, changed, unchanged, duplicates, failures.
    """
    from crawler.store import PageStore

    counts = {"new": 0, "changed": 0, "unchanged": 0, "duplicates": 0, "failures": 0}
    with PageStore(dest) as target:
        for source in sources:
            path = Path(source)
            if path.resolve() == target.path.resolve():
                raise CrawlError(f"{path}: cannot merge a page store into itself")
            _merge_one(path, target, counts)
    return counts


def _merge_one(path: Path, target, counts: dict[str, int]) -> None:
    from crawler.neardup import SURE_DISTANCE, from_signed

    if not path.is_file():
        raise CrawlError(f"{path}: no such page store")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.row_factory = sqlite3.Row
        aliases: dict[str, list[str]] = {}
        for row in db.execute("SELECT url, target FROM aliases"):
            aliases.setdefault(row["target"], []).append(row["url"])
        # kept pages first, so that the pages a duplicate points at are there before it
        rows = db.execute("SELECT * FROM pages ORDER BY near_dup_of IS NOT NULL, updated, url")
        for row in rows:
            simhash = None if row["simhash"] is None else from_signed(row["simhash"])
            near = row["near_dup_of"]
            if near is None and simhash is not None and not target.known(row["url"]):
                close = target.near_candidates(simhash, exclude=row["url"], max_distance=SURE_DISTANCE)
                near = close[0][0] if close else None
            status = target.put(
                row["url"], zlib.decompress(row["body"]), source=row["source"], fetched=row["fetched"],
                status=row["status"], encoding=row["encoding"], etag=row["etag"],
                last_modified=row["last_modified"], doc_type=row["doc_type"], region=row["region"],
                attachments=json.loads(row["attachments"]), near_dup_of=near, simhash=simhash,
                aliases=aliases.get(row["url"], []))
            counts[status] += 1
            counts["duplicates"] += bool(near) and status == "new"
        for row in db.execute("SELECT url, source, reason, last FROM failures"):
            known = target.failure(row["url"])     # merging the same failure again changes nothing
            if not target.known(row["url"]) and (known is None or known["last"] < row["last"]):
                target.record_failure(row["url"], source=row["source"], reason=row["reason"],
                                      when=row["last"])
                counts["failures"] += 1
        db.close()
    except (sqlite3.Error, zlib.error) as exc:
        raise CrawlError(f"{path}: cannot read the page store ({exc}); is it a policyminer pages.db?") from exc

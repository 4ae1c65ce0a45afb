"""A local HTTP server for the bundled fixture sites (offline demo and crawler tests).

Each site lives in ``sites/<host>/`` and is served under a path prefix::

    http://127.0.0.1:PORT/www.cqbb.gov.cn/zwxx_237/bbyw/index.html
        → sites/www.cqbb.gov.cn/zwxx_237/bbyw/index.html

Directory URLs serve ``index.html``. Static files get a Content-Type with
charset (taken from the page's ``<meta charset>``, UTF-8 when absent), an ETag
and Last-Modified, and answer conditional GETs with 304. The quirks a crawler
must survive (errors, retries, redirects, traps, truncated and enormous
bodies, a slow page) are the entries of ``ROUTES``; pages whose header charset
is deliberately missing or wrong are the entries of ``CHARSET_OVERRIDES``.
One ``/robots.txt`` (``sites/robots.txt``) is served at the server root:
robots must be at the host root, so it names the site prefixes in its
Disallow lines.

Usage::

    with SiteServer() as server:
        url = server.base_url + "/www.cqbb.gov.cn/"
        ...
        assert server.hits["/www.cqbb.gov.cn/"] == 1

    python -m policyminer.demo.server --port 8765
"""
from __future__ import annotations

import argparse
import collections
import email.utils
import hashlib
import json
import mimetypes
import re
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from policyminer.demo import SITES_DIR


_NEWS = "/www.cqbb.gov.cn/zwxx_237/bbyw"
_SPB = "/www.cqspb.gov.cn"

# Dynamic behaviours, keyed by request path (query string ignored):
# (behaviour, parameters). All are linked from the 北碚要闻 list pages or
# their sidebar (the trap); see the demo README and sites/_manifest.json.
ROUTES: dict[str, tuple[str, dict]] = {
    f"{_NEWS}/202504/t20250418_14500001.html": ("status", {"status": 404}),
    f"{_NEWS}/202504/t20250416_14500002.html": ("status", {"status": 500}),
    f"{_NEWS}/202504/t20250415_14500003.html": ("flaky", {"failures": 2}),
    f"{_NEWS}/202504/t20250414_14500004.html": ("slow", {}),
    f"{_NEWS}/202504/t20250411_14500005.html": ("truncated", {"missing": 4096}),
    f"{_NEWS}/202503/t20250320_14400001.html": (
        "redirect", {"to": f"{_NEWS}/202504/t20250425_14534123.html", "status": 301}),
    f"{_NEWS}/202503/t20250328_14400002.html": (
        "redirect", {"to": f"{_NEWS}/202503/t20250328_14400003.html", "status": 302}),
    f"{_NEWS}/202503/t20250328_14400003.html": (
        "redirect", {"to": f"{_NEWS}/202503/t20250328_14400002.html", "status": 302}),
    f"{_NEWS}/202503/t20250327_14400004.html": ("huge", {"size": 20_000_000}),
    # Not linked from the sites: a page that redirects to itself with a new query every time.
    f"{_NEWS}/202503/t20250329_14400005.html": ("redirect_query", {"status": 302}),
    "/www.cqbb.gov.cn/hdjl/rl/index.html": ("trap", {}),
    f"{_SPB}/api/list": ("json_list", {"data": "www.cqspb.gov.cn/api/news.json", "per_page": 4}),
}

# Pages whose Content-Type header lies about the charset: None = no charset
# in the header (only <meta charset="gb2312"> in the body); a string = that
# charset in the header whatever the body is.
CHARSET_OVERRIDES: dict[str, str | None] = {
    f"{_SPB}/xwzx/qxdt/202504/t20250422_9003002.html": None,
    f"{_SPB}/xwzx/qxdt/202504/t20250417_9002871.html": "utf-8",
}

MIME_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
    ".json": "application/json", ".js": "application/javascript", ".css": "text/css",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".wps": "application/vnd.ms-works",
    ".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif",
}
_TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk"}


class FixtureHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server with a listen backlog for many parallel crawlers.

    The standard library's backlog of 5 makes the kernel refuse or reset
    connections when several crawler processes open theirs at once; a test
    must see the faults it serves on purpose, not the test server's own.
    """

    request_queue_size = 256
    daemon_threads = True


class SiteServer:
    """Serve the fixture sites on a local port from a background thread.

    ``port=0`` picks a free port; read it back from ``base_url``. ``hits``
    counts requests by raw request path (query string included); ``log``
    holds ``(path, started, finished)`` of every request, in ``time.monotonic()``
    seconds, for tests of politeness (``peak_in_flight`` is the most requests
    ever answered at once). ``slow_delay`` is how long the slow page sleeps,
    in seconds: set it just above a test's download timeout. ``page_delay``
    makes every response take that long (0 by default).
    """

    def __init__(self, root: Path = SITES_DIR, host: str = "127.0.0.1", port: int = 0,
                 *, slow_delay: float = 5.0, page_delay: float = 0.0):
        self.root = Path(root).resolve()
        self.host = host
        self.port = port
        self.slow_delay = slow_delay
        self.page_delay = page_delay
        self.hits: collections.Counter[str] = collections.Counter()
        self.log: list[tuple[str, float, float]] = []
        self.peak_in_flight = 0
        self._in_flight = 0
        self._failures: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server (no trailing slash)."""
        if self._httpd is None:
            raise RuntimeError("SiteServer is not running: call start() or use it as a context manager")
        return f"http://{self.host}:{self._httpd.server_address[1]}"

    def start(self) -> "SiteServer":
        """Bind the port and serve from a daemon thread; returns self."""
        if self._httpd is not None:
            return self
        if not self.root.is_dir():
            raise FileNotFoundError(f"fixture sites directory {self.root} does not exist")
        self._stopping.clear()
        self._httpd = FixtureHTTPServer((self.host, self.port), _handler_class(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        name="policyminer-site-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port (sleeping slow requests are woken)."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def reset(self) -> None:
        """Forget hits and retry counters (the flaky page fails twice again)."""
        with self._lock:
            self.hits.clear()
            self._failures.clear()
            self.log.clear()
            self.peak_in_flight = 0

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # State shared with the request handler.
    def _count_hit(self, raw_path: str) -> float:
        """Count a request that starts now; returns its start time."""
        with self._lock:
            self.hits[raw_path] += 1
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
            return time.monotonic()

    def _count_done(self, raw_path: str, started: float) -> None:
        with self._lock:
            self._in_flight -= 1
            self.log.append((raw_path, started, time.monotonic()))

    def _count_failure(self, path: str) -> int:
        """Record one more request of a flaky page; returns how many came before."""
        with self._lock:
            before = self._failures[path]
            self._failures[path] += 1
            return before

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


def _handler_class(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    return type("BoundSiteHandler", (SiteHandler,), {"site": server})


def content_type(path: Path, body: bytes, override: object = "") -> str:
    """Content-Type for a file: MIME type by suffix, charset for text types.

    HTML takes its charset from ``<meta charset>`` (GB family → ``gbk``);
    ``override`` replaces it (None drops the charset parameter).
    """
    mime = MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    mime = mime or "application/octet-stream"
    if not mime.startswith(_TEXT_TYPES):
        return mime
    charset = "utf-8"
    if mime == "text/html":
        match = _META_CHARSET.search(body[:2048])
        if match and match.group(1).decode("ascii").lower() in _GB_FAMILY:
            charset = "gbk"
    if override != "":
        charset = override
    return f"{mime}; charset={charset}" if charset else mime


class SiteHandler(BaseHTTPRequestHandler):
    """Request handler: static files under the root, plus the ROUTES quirks."""

    site: SiteServer
    server_version = "TRS-WCM-fixture/1.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet: tests and the demo print their own output."""

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def do_GET(self) -> None:
        self._dispatch(head=False)

    def _dispatch(self, head: bool) -> None:
        self.head_only = head
        raw_path = self.path
        started = self.site._count_hit(raw_path)
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        self.query = parse_qs(parts.query)
        route = ROUTES.get(path)
        try:
            if self.site.page_delay:
                self.site._sleep(self.site.page_delay)
            if route is not None:
                getattr(self, "_route_" + route[0])(path, **route[1])
            else:
                self._serve_static(path)
        except ConnectionError:  # the client went away (a size limit, a timeout)
            self.close_connection = True
        finally:
            self.site._count_done(raw_path, started)

    # -- responses ---------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _send_error_page(self, status: int) -> None:
        phrase = HTTPStatus(status).phrase
        body = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{status} {phrase}"
                f"</title></head><body><h1>{status}</h1><p>对不起，您访问的页面暂时无法显示。"
                f"</p></body></html>").encode("utf-8")
        headers = {"Retry-After": "1"} if status == 503 else None
        self._send(status, body, "text/html; charset=utf-8", headers)

    def _resolve(self, path: str) -> Path | None:
        """The file a request path names, or None (outside the root, missing)."""
        try:
            target = (self.site.root / path.lstrip("/")).resolve()
        except (OSError, ValueError):
            return None
        if target != self.site.root and self.site.root not in target.parents:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return target  # caller redirects to the slash form
            target = target / "index.html"
        return target if target.is_file() else None

    def _serve_static(self, path: str) -> None:
        target = self._resolve(path)
        if target is None:
            self._send_error_page(404)
        elif target.is_dir():
            self._route_redirect(path, to=path + "/", status=301)
        else:
            self._serve_file(path, target)

    def _serve_file(self, path: str, target: Path) -> None:
        body = target.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        mtime = int(target.stat().st_mtime)
        headers = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if self._not_modified(etag, mtime):
            self.send_response(304)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            return
        ctype = content_type(target, body, CHARSET_OVERRIDES.get(path, ""))
        self._send(200, body, ctype, headers)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """Conditional GET: If-None-Match wins over If-Modified-Since (RFC 9110)."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return mtime <= since
        return False

    # -- dynamic routes (see ROUTES) ----------------------------------------
    def _route_status(self, path: str, status: int) -> None:
        self._send_error_page(status)

    def _route_flaky(self, path: str, failures: int) -> None:
        if self.site._count_failure(path) < failures:
            self._send_error_page(503)
        else:
            self._serve_static(path)

    def _route_slow(self, path: str) -> None:
        self.site._sleep(self.site.slow_delay)
        self._serve_static(path)

    def _route_redirect(self, path: str, to: str, status: int) -> None:
        self.send_response(status)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route_redirect_query(self, path: str, status: int) -> None:
        """Redirect to the same page with ``?n=`` one higher: endless unless stopped."""
        step = _int_param(self.query, "n", 0) + 1
        self._route_redirect(path, to=f"{path}?n={step}", status=status)

    def _route_truncated(self, path: str, missing: int) -> None:
        """Promise more bytes than are sent, then drop the connection."""
        target = self._resolve(path)
        body = target.read_bytes() if target else b"<html><body>" + b"x" * 8192
        cut = body[: len(body) // 2]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) + missing))
        self.send_header("Connection", "close")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(cut)
            self.wfile.flush()
        self.close_connection = True

    def _route_huge(self, path: str, size: int) -> None:
        """Stream a generated HTML page of ``size`` bytes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if self.head_only:
            return
        for chunk in huge_page_chunks(size):
            self.wfile.write(chunk)

    def _route_trap(self, path: str) -> None:
        """An endless calendar: every page links to the next ?page=N+1."""
        page = _int_param(self.query, "page", 1)
        self._send(200, trap_page(page).encode("utf-8"), "text/html; charset=utf-8")

    def _route_json_list(self, path: str, data: str, per_page: int) -> None:
        """Paginate a JSON file of news items; ``url`` fields become absolute."""
        items = json.loads((self.site.root / data).read_text(encoding="utf-8"))
        page = max(1, _int_param(self.query, "page", 1))
        pages = max(1, -(-len(items) // per_page))
        site = "/" + path.lstrip("/").split("/", 1)[0]
        base = f"http://{self.headers.get('Host') or self.site.base_url[7:]}{site}"
        chunk = [dict(item, url=base + item["url"])
                 for item in items[(page - 1) * per_page: page * per_page]]
        body = {"code": 0, "msg": "success",
                "data": {"page": page, "pageSize": per_page, "totalPage": pages,
                         "total": len(items), "list": chunk}}
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send(200, payload, "application/json; charset=utf-8")


def trap_page(page: int) -> str:
    """One page of the endless 活动日历: links to the previous and next ?page=N."""
    prev = f'<a class="prev" href="index.html?page={page - 1}">上一页</a>' if page > 1 else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>活动日历（第{page}页）_重庆市北碚区人民政府</title></head><body>"
        f'<div class="calendar"><h2>活动日历</h2><p>第{page}页</p>'
        f'<ul class="list"><li>暂无活动安排</li></ul>'
        f'<div class="page">{prev} <a class="next" href="index.html?page={page + 1}">下一页</a>'
        f' <a href="index.html?page={page + 1}&amp;view=month">下月</a></div>'
        "</div></body></html>")


_HUGE_HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>北碚区公共资源交易'
              '历史数据汇总</title></head><body><div class="TRS_Editor">').encode("utf-8")
_HUGE_ROW = "<p>第{n:07d}条 记录：北碚区公共资源交易历史数据，项目编号BB-{n:07d}。</p>\n"
_HUGE_TAIL = b"</div></body></html>"


def huge_page_chunks(size: int, chunk_rows: int = 2000):
    """Yield the bytes of a generated HTML page exactly ``size`` bytes long."""
    yield _HUGE_HEAD
    left = size - len(_HUGE_HEAD) - len(_HUGE_TAIL)
    n = 0
    while left > 0:
        rows = "".join(_HUGE_ROW.format(n=n + i) for i in range(chunk_rows)).encode("utf-8")
        n += chunk_rows
        chunk = rows[:left].decode("utf-8", "ignore").encode("utf-8")
        chunk += b" " * (min(left, len(rows)) - len(chunk))
        left -= len(chunk)
        yield chunk
    yield _HUGE_TAIL


def _int_param(query: dict, name: str, default: int) -> int:
    try:
        return int(query.get(name, [default])[0])
    except (TypeError, ValueError):
        return default


def serve_forever(root: Path = SITES_DIR, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the fixture sites in the foreground until interrupted (Ctrl-C)."""
    server = SiteServer(root, host, port).start()
    print(f"serving fixture sites at {server.base_url}/", file=sys.stderr)
    try:
        server._thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m policyminer.demo.server [--host H] [--port N] [--root DIR]``."""
    parser = argparse.ArgumentParser(description="Serve policyminer's fixture sites locally.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--root", type=Path, default=SITES_DIR)
    args = parser.parse_args(argv)
    serve_forever(args.root, args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())

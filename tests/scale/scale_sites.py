"""A generated district news site of any size, plus a column of broken pages, served on loopback.

``GeneratedSite(articles=60)`` serves, under ``/scale-news/``, list pages of
ten links (``index.html``, ``index_1.html`` … with a 下一页 link) and one
article per id, each a different made-up story (district, parties, amounts
and dates vary, so the crawler's near-duplicate filter keeps them all).
Under ``/scale-faults/`` a list links one page for each way a server can
fail (``FAULTS``). ``hits`` counts requests per (path, User-Agent), so a test
can tell which crawler fetched what; ``gate`` holds every article back until
each of the named User-Agents has made a request (so that crawlers starting
a second apart still share the work). Everything is generated on request: no
files, no fixed port, no internet. The texts are written for these tests.
``start_redis`` runs a private redis-server (tests and benchmarks share it).
"""
from __future__ import annotations

import collections
import random
import socket
import struct
import subprocess
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

NEWS, FAULT_SITE = "/scale-news", "/scale-faults"
FAST = {                    # crawl settings for local sites: no politeness delays, short timeouts
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 4,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4, "DOWNLOAD_TIMEOUT": 2, "RETRY_TIMES": 2,
    "RETRY_BACKOFF_BASE": 0.05, "RETRY_BACKOFF_MAX": 0.1, "REDIRECT_MAX_TIMES": 5,
}

PER_PAGE = 10
DISTRICTS = ["北碚区", "沙坪坝区", "渝北区", "江北区", "九龙坡区", "永川区", "璧山区", "南岸区", "大渡口区",
             "巴南区", "合川区", "江津区"]
PARTNERS = ["西南大学", "重庆大学", "重庆邮电大学", "重庆交通大学", "长安汽车股份有限公司", "华为技术有限公司",
            "京东方科技集团股份有限公司", "中国移动通信集团重庆有限公司", "重庆医科大学", "中国农业科学院柑桔研究所"]
PROJECTS = ["智能网联汽车零部件产业园", "数字经济产业园", "科技成果转化中试基地", "生物医药创新港", "新能源电池研发中心",
            "大学科技园", "工业互联网标识解析节点", "冷链物流基地", "柑橘精深加工园", "智慧康养综合体"]
VENUES = ["区行政中心", "会展中心", "科学城企业服务中心", "高新区管委会", "西部物流园"]
FILLER = ["会上，双方就人才培养、平台共建、成果转化等事项深入交换了意见。",
          "该项目建成后，预计年产值可达{n}亿元，带动就业{m}人。",
          "近年来，{d}持续优化营商环境，全年新增市场主体{m}户。",
          "活动现场还发布了{n}项重点科技成果，涉及新材料、先进制造等领域。",
          "据介绍，园区目前已入驻企业{m}家，其中高新技术企业{n}家。",
          "区相关负责人表示，将全力做好项目服务保障，推动项目早开工、早投产。",
          "今年一季度，{d}规模以上工业增加值同比增长{n}.{k}%。",
          "与会嘉宾还实地参观了{p}展示中心。",
          "{v}期间，{q}负责人介绍了{p}的建设进度，目前已完成投资{n}亿元。",
          "截至{n}月底，{d}累计引进{q}等重点企业{m}家。",
          "{q}将在{v}设立研发团队，首期投入科研人员{m}名。",
          "根据协议，{q}将在{d}布局{p}二期，力争{n}个月内完工。",
          "{d}发展改革委透露，全区今年计划实施重点项目{m}个，年度投资{n}亿元。",
          "下一步，{d}将围绕{p}延链补链，培育{n}家专精特新企业。"]

# Broken pages: path suffix → (what the server does, the failure reason the crawl reports).
FAULTS = {
    "timeout": "answers after the download timeout",
    "reset": "resets the connection (RST) before any byte",
    "truncated": "promises more bytes than it sends, then closes",
    "enormous": "declares a 60 MB body",
    "endless": "streams HTML without a length, past the page size limit",
    "loop-a": "redirects to loop-b, which redirects back",
    "status500": "answers 500 every time",
    "status404": "answers 404",
    "empty": "answers 200 with an empty body",
    "binary": "answers 200 text/html with random bytes",
    "flaky": "answers 503 twice, then the page (stored)",
    "moved": "redirects (301) to moved-target, a good page (stored under the target)",
    "gbk-says-utf8": "GBK body, header says charset=utf-8 (stored, decoded as GBK)",
    "gbk-meta-only": "GBK body, no header charset, <meta charset=gb2312> (stored)",
    "bogus-charset": "UTF-8 body, header says charset=x-no-such-code (stored)",
}
STORED_FAULTS = ("flaky", "moved", "gbk-says-utf8", "gbk-meta-only", "bogus-charset")


def article_date(i: int) -> date:
    return date(2025, 1, 6) + timedelta(days=i % 700)


def article_path(i: int) -> str:
    day = article_date(i)
    return f"{NEWS}/a/{day:%Y%m}/t{day:%Y%m%d}_{100000 + i}.html"


def article(i: int) -> tuple[str, str, str]:
    """(title, date, body paragraphs) of article ``i``: a signing story, different for every i."""
    rng = random.Random(i * 7919 + 17)
    district, partner = rng.choice(DISTRICTS), rng.choice(PARTNERS)
    project, venue, day = rng.choice(PROJECTS), rng.choice(VENUES), article_date(i)
    amount, count = rng.randint(12, 4800) / 10, rng.randint(3, 60)
    title = f"{district}与{partner}签约共建{project}（第{i}期）"
    lead = (f"{day.month}月{day.day}日，{district}人民政府与{partner}在{venue}举行合作签约仪式，"
            f"{count}个项目集中签约，总投资{amount:g}亿元，其中{project}项目编号为{i}。")
    rest = [s.format(n=rng.randint(2, 90), m=rng.randint(100, 9000), k=rng.randint(0, 9),
                     d=district, p=rng.choice(PROJECTS), q=rng.choice(PARTNERS), v=rng.choice(VENUES))
            for s in rng.sample(FILLER, 5)]
    return title, day.isoformat(), "".join(f"<p>{p}</p>" for p in [lead, *rest])


def article_html(i: int) -> str:
    title, day, body = article(i)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_区县新闻</title></head>'
            f'<body><div class="nav"><a href="{NEWS}/list/index.html">首页</a></div>'
            f'<div class="detail"><h1>{title}</h1><div class="info">发布时间：<span class="time">{day}'
            f'</span> 来源：区融媒体中心</div><div class="content">{body}</div></div>'
            f'<div class="footer">版权所有 主办单位：区人民政府办公室</div></body></html>')


def list_html(page: int, pages: int, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in links)
    name = "index.html" if page == 0 else f"index_{page}.html"
    after = f'<a class="next" href="index_{page + 1}.html">下一页</a>' if page + 1 < pages else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>区县新闻 {name}</title></head>'
            f'<body><ul class="list">{items}</ul><div class="pages">{after}</div></body></html>')


def fault_path(name: str) -> str:
    return f"{FAULT_SITE}/a/202504/t20250401_{name}.html"


def sources_yaml(base: str, *, max_pages: int = 5000) -> str:
    """A sources.yaml for both columns of the site at ``base``."""
    def source(sid: str, root: str) -> str:
        return (f"  - id: {sid}\n    name: 测试区县新闻\n    kind: portal\n    doc_type: news\n"
                f"    region: 重庆市北碚区\n    allowed_domains: [\"{{host}}\"]\n"
                f"    start_urls: [\"{{base}}{root}/list/index.html\"]\n"
                f"    scope: [\"{{base}}{root}/\"]\n"
                f"    list: {{links: \"ul.list li a::attr(href)\", next_page: \"div.pages a.next::attr(href)\"}}\n"
                f"    detail: {{title: \"div.detail h1::text\", body: \"div.content\", "
                f"published: \"div.info span.time::text\"}}\n"
                f"    limits: {{max_pages: {max_pages}, max_depth: 3}}\n")
    return "sources:\n" + source("scale-news", NEWS) + source("scale-faults", FAULT_SITE)


class GeneratedSite:
    """The server; use as a context manager. ``delay``: seconds each article takes to answer."""

    def __init__(self, articles: int = 60, *, delay: float = 0.0, timeout_delay: float = 3.0):
        self.articles, self.delay, self.timeout_delay = articles, delay, timeout_delay
        self.hits: collections.Counter = collections.Counter()
        self._lock = threading.Lock()
        self._flaky: collections.Counter = collections.Counter()
        self._stopping = threading.Event()
        self._seen_agents = threading.Condition(self._lock)
        self.gate: set[str] = set()
        self._httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def article_urls(self) -> list[str]:
        return [self.url(article_path(i)) for i in range(self.articles)]

    def fetched(self, path: str, agent: str | None = None) -> int:
        """How many times ``path`` was requested (by ``agent``, if given)."""
        return sum(n for (p, a), n in self.hits.items() if p == path and (agent is None or agent in a))

    def start(self) -> "GeneratedSite":
        handler = type("BoundHandler", (_Handler,), {"site": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, name="generated-site", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> "GeneratedSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def count(self, path: str, agent: str) -> None:
        with self._lock:
            self.hits[(path, agent)] += 1
            self._seen_agents.notify_all()

    def wait_gate(self, timeout: float = 30.0) -> None:
        """Block until every agent in ``gate`` has made a request (or ``timeout``)."""
        with self._lock:
            self._seen_agents.wait_for(
                lambda: all(any(a == agent for _, a in self.hits) for agent in self.gate), timeout)

    def flaky_attempt(self, path: str) -> int:
        with self._lock:
            self._flaky[path] += 1
            return self._flaky[path]

    def sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _Handler(BaseHTTPRequestHandler):
    site: GeneratedSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Quiet."""

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.site.count(path, self.headers.get("User-Agent", ""))
        try:
            self.route(path)
        except (ConnectionError, TimeoutError):   # the crawler gave up on us
            self.close_connection = True

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
             headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def route(self, path: str) -> None:
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if path.startswith(NEWS + "/list/"):
            return self.news_list(path.rsplit("/", 1)[-1])
        if path.startswith(NEWS + "/a/"):
            return self.news_article(path)
        if path == FAULT_SITE + "/list/index.html":
            links = [(fault_path(name), f"故障页 {name}") for name in FAULTS]
            return self.send(200, list_html(0, 1, links).encode("utf-8"))
        prefix = fault_path("")[:-len(".html")]
        if path.startswith(prefix) and path.endswith(".html"):
            handler = getattr(self, "fault_" + path[len(prefix):-5].replace("-", "_"), None)
            if handler is not None:
                return handler(path)
        self.send(404, b"<html><body>404</body></html>")

    def news_list(self, name: str) -> None:
        page = 0 if name == "index.html" else int(name.removeprefix("index_").removesuffix(".html") or 0)
        pages = max(1, -(-self.site.articles // PER_PAGE))
        ids = range(page * PER_PAGE, min(self.site.articles, (page + 1) * PER_PAGE))
        links = [(article_path(i), article(i)[0]) for i in ids]
        self.send(200, list_html(page, pages, links).encode("utf-8"))

    def news_article(self, path: str) -> None:
        ids = {article_path(i): i for i in range(self.site.articles)}
        if path not in ids:
            return self.send(404, b"<html><body>404</body></html>")
        self.site.wait_gate()
        self.site.sleep(self.site.delay)
        self.send(200, article_html(ids[path]).encode("utf-8"))

    # -- faults (see FAULTS) -----------------------------------------------------
    def page(self, name: str) -> str:
        return article_html(10_000 + sorted(FAULTS).index(name)).replace("第", f"{name} 第", 1)

    def fault_timeout(self, path: str) -> None:
        self.site.sleep(self.site.timeout_delay)
        self.send(200, self.page("timeout").encode("utf-8"))

    def fault_reset(self, path: str) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def fault_truncated(self, path: str) -> None:
        body = self.page("truncated").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) + 4096))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.close_connection = True

    def fault_enormous(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(60_000_000))
        self.end_headers()
        self.wfile.write(b"<html><body>" + b"<p>x</p>" * 1000)
        self.close_connection = True

    def fault_endless(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        row = ("<p>" + "统计数据第一季度增长" * 20 + "</p>\n").encode("utf-8") * 200
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not self.site._stopping.is_set():
            self.wfile.write(row)
        self.close_connection = True

    def fault_loop_a(self, path: str) -> None:
        self.send(302, b"", headers={"Location": fault_path("loop-b")})

    def fault_loop_b(self, path: str) -> None:
        self.send(302, b"", headers={"Location": fault_path("loop-a")})

    def fault_status500(self, path: str) -> None:
        self.send(500, b"<html><body>500 Internal Server Error</body></html>")

    def fault_status404(self, path: str) -> None:
        self.send(404, b"<html><body>404 Not Found</body></html>")

    def fault_empty(self, path: str) -> None:
        self.send(200, b"")

    def fault_binary(self, path: str) -> None:
        self.send(200, random.Random(5).randbytes(6000))

    def fault_flaky(self, path: str) -> None:
        if self.site.flaky_attempt(path) <= 2:
            return self.send(503, b"<html><body>503</body></html>", headers={"Retry-After": "0"})
        self.send(200, self.page("flaky").encode("utf-8"))

    def fault_moved(self, path: str) -> None:
        self.send(301, b"", headers={"Location": fault_path("moved-target")})

    def fault_moved_target(self, path: str) -> None:
        self.send(200, self.page("moved").encode("utf-8"))

    def fault_gbk_says_utf8(self, path: str) -> None:
        html = self.page("gbk-says-utf8").replace('charset="utf-8"', 'charset="gbk"')
        self.send(200, html.encode("gbk"), "text/html; charset=utf-8")

    def fault_gbk_meta_only(self, path: str) -> None:
        html = self.page("gbk-meta-only").replace('charset="utf-8"', 'charset="gb2312"')
        self.send(200, html.encode("gbk"), "text/html")

    def fault_bogus_charset(self, path: str) -> None:
        self.send(200, self.page("bogus-charset").encode("utf-8"), "text/html; charset=x-no-such-code")


def fill_store(ws, n: int) -> list[str]:
    """Store ``n`` generated articles in workspace ``ws``'s page store, as a crawl would; their URLs."""
    from crawler.store import PageStore

    urls = [f"http://news.example.cn{article_path(i)}" for i in range(n)]
    with PageStore(ws.pages_db) as store:
        for i, url in enumerate(urls):
            store.put(url, article_html(i).encode("utf-8"), source="scale-news", region="重庆市北碚区")
    return urls


# -- a private Redis -------------------------------------------------------------------
def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(workdir: Path) -> tuple[subprocess.Popen, int]:
    """redis-server on a free loopback port, nothing persisted; retried if the port was taken."""
    for _ in range(5):
        port = free_port()
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(workdir), "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return process, port
            except OSError:
                time.sleep(0.05)
        process.kill()
        process.wait()
    raise RuntimeError("redis-server did not start")

"""Reading list pages: article links (configured or detected), their dates, the next page.

Automatic detection covers the common layouts of Chinese government and news
sites: TRS WCM detail URLs (``t20250425_14534123.html``), dated paths
(``/2025-04/25/content_123.htm``), ``/dy/article/XXXX.html``, and title-like
anchors in lists. Pagination: a configured selector, TRS ``createPageHTML``
scripts, ``index_N.html`` links, and 下一页 anchors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.attachments import FORMATS
from crawler.selectors import select

ARTICLE_URL_PATTERNS = [re.compile(p, re.I) for p in (
    r"/t\d{8}_\d+\.s?html?$",                         # TRS WCM
    r"/content_\d+\.s?html?$",
    r"/20\d{2}-?\d{2}/\d{2}/[^/]+\.s?html?$",          # dated paths (e-papers, news)
    r"/20\d{2}-\d{2}-\d{2}/[^/]+\.s?html?$",
    r"/20\d{6}/[^/]*\d{3,}[^/]*\.s?html?$",
    r"/(article|articles|detail|content|news|info|a)/[\w-]*\d[\w-]*(\.s?html?)?$",
    r"/dy/article/[0-9A-Z]{16}\.html$",               # 网易号
    r"[/_-]\d{5,}(_[a-z]+)?\.s?html?$",
    r"[?&](id|articleid|docid|infoid)=\w+",
)]
NOT_ARTICLE = re.compile(r"/(index|list|default)(_\d+)?\.s?html?$|/$|\.(jpe?g|png|gif|css|js|zip|rar)$", re.I)
NEXT_TEXTS = {"下一页", "下页", "后一页", "下一頁", "next", "next page", ">", "›", "»", ">>"}
_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_URL_DATE = re.compile(r"(?<!\d)(20\d{2})-?(\d{2})[-/]?(\d{2})(?!\d)")
_TRS_PAGER = re.compile(
    r"createPage(?:HTML|Html)\s*\(\s*['\"]?(\w+)['\"]?\s*,\s*['\"]?(\w+)['\"]?\s*,\s*"
    r"['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]")
_INDEX_N = re.compile(r"(?:^|/)(index|list|default)(?:_(\d+))?\.(s?html?)$", re.I)
_MIN_TITLE = 6


@dataclass
class ListEntry:
    """One article link on a list page."""

    url: str
    title: str = ""
    published: str | None = None      # YYYY-MM-DD when the list shows it (or the URL has it)


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base`` without its fragment; None for javascript:/mailto: links."""
    if not href:
        return None
    href = href.strip()
    if href.lower().startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    url = urljoin(base, href).split("#", 1)[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def normalise_date(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` from parts, or None when they are not a date."""
    y, m, d = int(year), int(month), int(day)
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def text_date(text: str) -> str | None:
    """The first full date (2025-04-25, 2025/4/25, 2025年4月25日) in ``text``."""
    for match in _DATE.finditer(text or ""):
        date = normalise_date(*match.groups())
        if date:
            return date
    return None


def url_date(url: str) -> str | None:
    """The date a URL encodes (``t20250425_…``, ``/2025-04/25/``, ``/202504/25``), if any."""
    for match in _URL_DATE.finditer(urlsplit(url).path):
        date = normalise_date(*match.groups())
        if date:
            return date
    return None


def is_attachment(url: str) -> bool:
    """Whether a URL names a file (PDF, Word, Excel, WPS) rather than a page."""
    return PurePosixPath(urlsplit(url).path).suffix.lower().lstrip(".") in FORMATS


def looks_like_article(url: str, title: str) -> bool:
    """Whether a link (URL and anchor text) looks like an article rather than navigation."""
    if NOT_ARTICLE.search(urlsplit(url).path) or is_attachment(url):
        return False
    if any(p.search(url) for p in ARTICLE_URL_PATTERNS):
        return len(title) >= 2 or not title
    return len(title) >= 12 and urlsplit(url).path.endswith((".html", ".htm", ".shtml"))


def article_links(sel: Selector, page_url: str, *, links: str | None = None,
                  link_pattern: str | None = None) -> list[ListEntry]:
    """The article links of a list page, in page order, each URL once."""
    pattern = re.compile(link_pattern) if link_pattern else None
    entries: dict[str, ListEntry] = {}
    for href, node in _link_nodes(sel, links):
        url = absolute(page_url, href)
        if not url or url in entries or url.rstrip("/") == page_url.rstrip("/"):
            continue
        title = _anchor_title(node)
        if pattern is not None:
            if not pattern.search(url):
                continue
        elif links is None and not looks_like_article(url, title):
            continue
        entries[url] = ListEntry(url, title, _entry_date(node) or url_date(url))
    return list(entries.values())


def _link_nodes(sel: Selector, expr: str | None):
    """(href, anchor node or None) for each link an expression selects (all anchors without one)."""
    if expr is None:
        nodes = sel.xpath("//a[@href]")
    else:
        stripped = re.sub(r"\s*::attr\(\s*href\s*\)\s*$", "", expr)
        nodes = select(sel, stripped) if stripped != expr else select(sel, expr)
    for node in nodes:
        if isinstance(node.root, str):
            yield node.get(), None
            continue
        if node.xpath("name()").get() == "a":
            yield node.attrib.get("href"), node
            continue
        inner = node.xpath(".//a[@href]")
        if inner:
            yield inner[0].attrib.get("href"), inner[0]


def _anchor_title(node: Selector | None) -> str:
    if node is None:
        return ""
    text = " ".join(" ".join(node.xpath(".//text()").getall()).split())
    return node.attrib.get("title", "").strip() or text


def _entry_date(node: Selector | None) -> str | None:
    """The date printed next to a link: in the link or its item (li, tr, dd…), never a neighbour's."""
    if node is None:
        return None
    for level in node.xpath("ancestor-or-self::*[position() <= 4]")[::-1]:
        if len(level.xpath(".//a[@href]")) > 2:
            break
        date = text_date(" ".join(level.xpath(".//text()").getall()))
        if date:
            return date
    return None


def next_pages(sel: Selector, html: str, page_url: str, *, next_page: str | None = None) -> list[str]:
    """URLs of the next list page: the configured selector, else TRS pager, index_N links, 下一页."""
    if next_page:
        hrefs = [n.get() if isinstance(n.root, str) else n.attrib.get("href") for n in select(sel, next_page)]
        return _unique(absolute(page_url, h) for h in hrefs)
    found = _trs_next(html, page_url) or _index_next(sel, page_url) or _anchor_next(sel, page_url)
    return _unique(found)


def _trs_next(html: str, page_url: str) -> list[str]:
    """``createPageHTML(total, current, "index", "html")``: the page after the current one."""
    match = _TRS_PAGER.search(html)
    if not match:
        return []
    total, current = (_script_int(html, arg) for arg in match.group(1, 2))
    if total is None or current is None or current + 1 >= total:
        return []
    return [urljoin(page_url, f"{match.group(3)}_{current + 1}.{match.group(4)}")]


def _script_int(html: str, arg: str) -> int | None:
    """An integer argument, or the value a script assigns to the variable it names."""
    if arg.isdigit():
        return int(arg)
    found = re.search(rf"\b{re.escape(arg)}\s*=\s*['\"]?(\d+)", html)
    return int(found.group(1)) if found else None


def _index_next(sel: Selector, page_url: str) -> list[str]:
    """A link to ``index_{N+1}.html`` from ``index_N.html`` (``index.html`` is N = 0)."""
    current = _INDEX_N.search(urlsplit(page_url).path)
    if not current and not page_url.endswith("/"):
        return []
    number = int(current.group(2) or 0) if current else 0
    stem, ext = (current.group(1), current.group(3)) if current else ("index", "html")
    wanted = f"{stem}_{number + 1}.{ext}"
    for href in sel.xpath("//a/@href").getall():
        url = absolute(page_url, href)
        if url and urlsplit(url).path.endswith("/" + wanted):
            return [url]
    return []


def _anchor_next(sel: Selector, page_url: str) -> list[str]:
    for anchor in sel.xpath("//a[@href]"):
        text = " ".join(" ".join(anchor.xpath(".//text()").getall()).split()).lower()
        if text in NEXT_TEXTS or anchor.attrib.get("title", "").strip() in NEXT_TEXTS:
            url = absolute(page_url, anchor.attrib.get("href"))
            if url and url.rstrip("/") != page_url.rstrip("/"):
                return [url]
    return []


def attachment_links(sel: Selector, page_url: str) -> list[tuple[str, str]]:
    """``(url, name)`` of each attached file linked from a page, each URL once."""
    found: dict[str, str] = {}
    for anchor in sel.xpath("//a[@href]"):
        url = absolute(page_url, anchor.attrib.get("href"))
        if url and is_attachment(url) and url not in found:
            name = _anchor_title(anchor) or PurePosixPath(urlsplit(url).path).name
            found[url] = name
    return list(found.items())


def _unique(urls) -> list[str]:
    out: list[str] = []
    for url in urls:
        if url and url not in out:
            out.append(url)
    return out

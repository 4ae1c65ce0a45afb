"""RSS, Atom and sitemap documents: the article links (with dates) they list."""
from __future__ import annotations

import email.utils
from datetime import datetime

from lxml import etree

from crawler.links import ListEntry, text_date


def parse_feed(data: bytes, url: str) -> tuple[list[ListEntry], list[str]]:
    """``(entries, nested sitemaps)`` of an RSS/Atom feed or a sitemap (index); empty when unreadable."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                             no_network=True, huge_tree=False))
    except (etree.XMLSyntaxError, ValueError):
        return [], []
    if root is None:
        return [], []
    kind = etree.QName(root).localname.lower()
    if kind == "sitemapindex":
        return [], [loc for loc in (_child_text(s, "loc") for s in _children(root, "sitemap")) if loc]
    if kind == "urlset":
        return [ListEntry(loc, "", _date(_child_text(u, "lastmod")))
                for u in _children(root, "url") if (loc := _child_text(u, "loc"))], []
    entries = []
    for item in root.iter():
        if not isinstance(item.tag, str) or etree.QName(item).localname not in ("item", "entry"):
            continue
        link = _child_text(item, "link") or _atom_link(item)
        if link:
            published = (_child_text(item, "pubDate") or _child_text(item, "published")
                         or _child_text(item, "updated") or _child_text(item, "date"))
            entries.append(ListEntry(link.strip(), (_child_text(item, "title") or "").strip(),
                                     _date(published)))
    return entries, []


def _children(node, name: str):
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child_text(node, name: str) -> str | None:
    for child in _children(node, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def _atom_link(item) -> str | None:
    links = _children(item, "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return links[0].get("href") if links else None


def _date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO 8601 or RFC 822 date."""
    if not value:
        return None
    found = text_date(value)
    if found:
        return found
    try:
        parsed: datetime = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.date().isoformat()

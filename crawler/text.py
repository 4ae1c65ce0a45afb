"""The readable text of a fetched page, for near-duplicate fingerprints.

Extraction proper happens after the crawl (nlp/content.py); the crawler only
needs the article body without the page chrome, so that two portals carrying
the same story look alike and two stories on one portal do not. It uses
``nlp.content.read_article`` and, should that fail on a page, the longest
block of text in the page.
"""
from __future__ import annotations

import logging

from lxml import html as lxml_html

logger = logging.getLogger(__name__)
_SKIP = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select")
_BLOCKS = ("div", "td", "article", "section", "body")


def main_text(body: bytes, url: str, *, encoding: str | None = None,
              selectors: dict[str, str] | None = None) -> str:
    """The article text of a page (empty when there is none)."""
    try:
        from nlp.content import read_article

        return read_article(body, url, hint=encoding, selectors=selectors or None).text
    except ImportError:
        pass
    except Exception as exc:   # the fallback below still gives a usable fingerprint
        logger.debug("read_article failed on %s: %s", url, exc)
    return densest_text(body, encoding)


def densest_text(body: bytes, encoding: str | None = None) -> str:
    """The text of the block holding the most text directly in its paragraphs."""
    try:
        parser = lxml_html.HTMLParser(encoding=encoding) if encoding else None
        root = lxml_html.fromstring(body, parser=parser)
    except (ValueError, LookupError, lxml_html.etree.ParserError):
        return ""
    for bad in root.xpath("//" + " | //".join(_SKIP)):
        bad.drop_tree()
    best, best_len = "", 0
    for block in root.iter(*_BLOCKS):
        paragraphs = [" ".join(p.text_content().split()) for p in block.xpath("./p | ./br/..")]
        text = "\n".join(p for p in paragraphs if p)
        if len(text) > best_len:
            best, best_len = text, len(text)
    return best or " ".join(root.text_content().split())

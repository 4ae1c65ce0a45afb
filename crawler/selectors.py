"""Selector expressions in source configs: CSS (with ``::attr()``/``::text``) or ``xpath:…``."""
from __future__ import annotations

from parsel import Selector, SelectorList

XPATH_PREFIX = "xpath:"


def selector_error(expr: str) -> str | None:
    """Why ``expr`` is not a valid selector expression, or None when it is."""
    if not isinstance(expr, str) or not expr.strip():
        return "expected a non-empty CSS or 'xpath:' expression"
    try:
        if expr.startswith(XPATH_PREFIX):
            from lxml import etree

            etree.XPath(expr[len(XPATH_PREFIX):].strip())
        else:
            from parsel.csstranslator import HTMLTranslator

            HTMLTranslator().css_to_xpath(expr)
    except Exception as exc:  # cssselect and lxml raise several error types
        return f"{type(exc).__name__}: {exc}"
    return None


def select(sel: Selector, expr: str) -> SelectorList:
    """Apply a CSS or ``xpath:`` expression to a parsel selector."""
    if expr.startswith(XPATH_PREFIX):
        return sel.xpath(expr[len(XPATH_PREFIX):].strip())
    return sel.css(expr)


def select_strings(sel: Selector, expr: str) -> list[str]:
    """The stripped, non-empty strings an expression yields (text of elements when it selects elements)."""
    out = []
    for item in select(sel, expr):
        value = item.get() if isinstance(item.root, str) else " ".join(item.xpath(".//text()").getall())
        value = " ".join(value.split())
        if value:
            out.append(value)
    return out

"""Highlighted snippets: a window of text around the first match, HTML-escaped.

``snippet(text, ["西南大学", "签约"])`` returns about ``WIDTH`` characters
around the first occurrence of any of the strings, every occurrence in the
window wrapped in ``<mark>…</mark>`` and everything else HTML-escaped, so a
web page can show it as it is. Matching folds width and case like the index
(index.segment.fold) and lets a space in a term match any run of whitespace.
"""
from __future__ import annotations

import html
import re

from index.segment import fold, search_text

WIDTH = 120
LEAD = 30                     # characters shown before the first match
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_SPACES = re.compile(r"\s+")


def snippet(text: str, terms: list[str], width: int = WIDTH) -> str:
    """The marked, escaped window of ``text`` around the first match of ``terms``."""
    pattern = _pattern(terms)
    matches = list(pattern.finditer(fold(text))) if pattern else []
    if not matches:
        return _escape(text[:width]) + ("…" if len(text) > width else "")
    start, end = _window(text, matches[0].start(), width)
    inside = [m for m in matches if m.start() >= start and m.start() < end]
    end = max(end, inside[-1].end())
    return _mark(text, start, end, inside)


def _pattern(terms: list[str]) -> re.Pattern | None:
    parts = {search_text(term) for term in terms} - {""}
    if not parts:
        return None
    alternatives = [r"\s+".join(map(re.escape, part.split(" ")))
                    for part in sorted(parts, key=len, reverse=True)]
    return re.compile("|".join(alternatives))


def _window(text: str, first: int, width: int) -> tuple[int, int]:
    start = max(0, first - LEAD)
    boundary = None
    for boundary in _SENTENCE_END.finditer(text, start, first):
        pass
    if boundary is not None:
        start = boundary.end()
    end = min(len(text), start + width)
    return max(0, min(start, end - width)), end


def _mark(text: str, start: int, end: int, matches: list[re.Match]) -> str:
    out = ["…"] if start > 0 else []
    cursor = start
    for match in matches:
        if match.start() < cursor:
            continue
        out.append(_escape(text[cursor:match.start()]))
        out.append(f"<mark>{_escape(text[match.start():match.end()])}</mark>")
        cursor = match.end()
    out.append(_escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)


def _escape(fragment: str) -> str:
    return html.escape(_SPACES.sub(" ", fragment), quote=True)

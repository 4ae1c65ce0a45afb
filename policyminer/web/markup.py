"""HTML made from stored text: snippets, highlighted documents, amounts, links.

Everything here escapes every character of stored text; the only markup it
lets through is what it writes itself (``<mark>`` around snippet matches, the
``<span>`` highlights of a document).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

_MARK = re.compile(r"(</?mark>)")
KIND_LABELS = {"org": "organisation", "fig": "figure", "sig": "signing"}


def snippet_html(snippet: str | None) -> Markup:
    """An index snippet as safe markup: only its ``<mark>`` tags survive.

    Snippets arrive HTML-escaped; each piece between the tags is unescaped
    and escaped again, so a snippet that is not escaped cannot inject markup.
    """
    out, open_mark = [], False
    for part in _MARK.split(snippet or ""):
        if part == "<mark>" and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif part == "</mark>" and open_mark:
            out.append("</mark>")
            open_mark = False
        elif part not in ("<mark>", "</mark>"):
            out.append(str(escape(html.unescape(part))))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None (no javascript: or data: links)."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def amount_text(amount: dict[str, Any] | None) -> str:
    """A value with its unit, large ones in 万 or 亿: {"value": 18650000000, "unit": "元"} → '186.5亿元'."""
    if not amount or amount.get("value") is None:
        return ""
    value, unit = amount["value"], amount.get("unit") or ""
    if value >= 1e8:
        return f"{value / 1e8:g}亿{unit}"
    if value >= 1e4:
        return f"{value / 1e4:g}万{unit}"
    return f"{value:g}{unit}"


@dataclass(frozen=True)
class Span:
    """One highlighted range [start, end) of a document's text."""

    start: int
    end: int
    kind: str          # org, fig or sig
    anchor: str | None
    title: str


def document_spans(doc: dict[str, Any]) -> list[Span]:
    """The organisation mentions, figures and signings of a stored record, as spans."""
    spans = []
    for i, org in enumerate(doc.get("organizations") or []):
        title = f"{org.get('name', '')} ({org.get('type', '')})"
        for j, (start, end) in enumerate(org.get("mentions") or []):
            spans.append(Span(start, end, "org", f"org-{i}" if j == 0 else None, title))
    for i, fig in enumerate(doc.get("figures") or []):
        title = " ".join(str(x) for x in (fig.get("metric"), fig.get("value"), fig.get("unit")) if x)
        spans.append(Span(fig.get("start", 0), fig.get("end", 0), "fig", f"fig-{i}", title))
    for i, sig in enumerate(doc.get("signings") or []):
        title = " ".join(x for x in (sig.get("date"), "、".join(sig.get("parties") or [])) if x)
        spans.append(Span(sig.get("start", 0), sig.get("end", 0), "sig", f"sig-{i}", title))
    return spans


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, each span wrapped in ``<span class="hl org|fig|sig">``.

    Overlapping spans (a figure inside a signing sentence) are cut at every
    boundary, so each piece carries the classes of all spans over it; an
    anchor ``<a id>`` marks where each listed item starts. Offsets outside the
    text are clamped and empty spans dropped.
    """
    n = len(text)
    spans = [s for s in (_clamped(s, n) for s in spans) if s.start < s.end]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        over = [s for s in spans if s.start <= left < s.end]
        out.extend(f'<a class="anchor" id="{s.anchor}"></a>' for s in spans
                   if s.start == left and s.anchor)
        piece = escape(text[left:right])
        if not over:
            out.append(str(piece))
            continue
        kinds = sorted({s.kind for s in over})
        titles = " · ".join(dict.fromkeys(f"{KIND_LABELS[s.kind]}: {s.title}" for s in over))
        out.append(f'<span class="hl {" ".join(kinds)}" title="{escape(titles)}">{piece}</span>')
    return Markup("".join(out))


def _clamped(span: Span, n: int) -> Span:
    start = min(max(int(span.start or 0), 0), n)
    end = min(max(int(span.end or 0), 0), n)
    return Span(start, end, span.kind, span.anchor, span.title)

"""The document page: cleaned text with its organisations, figures and signings marked,
and the raw stored copy of the page the crawler fetched."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from policyminer.web.markup import amount_text, document_spans, highlight, safe_href
from policyminer.web.params import SearchParams
from policyminer.workspace import Workspace

META_KEYS = (("doc_number", "Document number"), ("issuer", "Issuer"), ("author", "Author"),
             ("editor", "Editor"), ("publisher", "Publisher"))


def document_page(doc: dict[str, Any]) -> dict[str, Any]:
    """What the document page shows of a stored record."""
    text = doc.get("text") or ""
    return {
        "doc": doc,
        "href": safe_href(doc.get("url")),
        "text_html": highlight(text, document_spans(doc)),
        "meta": _meta(doc),
        "organizations": [_organization(i, org) for i, org in enumerate(doc.get("organizations") or [])],
        "figures": [_figure(i, fig) for i, fig in enumerate(doc.get("figures") or [])],
        "signings": [_signing(i, sig) for i, sig in enumerate(doc.get("signings") or [])],
        "attachments": [_attachment(a) for a in (doc.get("metadata") or {}).get("attachments") or []
                        if isinstance(a, dict)],
    }


def _meta(doc: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [("Published", doc.get("published")), ("Source", doc.get("source")),
            ("Region", doc.get("region")), ("Type", doc.get("doc_type"))]
    metadata = doc.get("metadata") or {}
    rows += [(label, metadata.get(key)) for key, label in META_KEYS]
    return [(label, str(value)) for label, value in rows if value not in (None, "", [])]


def _organization(i: int, org: dict[str, Any]) -> dict[str, Any]:
    return {"anchor": f"org-{i}", "name": org.get("name", ""), "type": org.get("type", ""),
            "aliases": org.get("aliases") or [], "mentions": len(org.get("mentions") or []),
            "search": SearchParams(filters={"org": org.get("name", "")}).url()}


def _figure(i: int, fig: dict[str, Any]) -> dict[str, Any]:
    return {"anchor": f"fig-{i}", "text": fig.get("text", ""),
            "value": amount_text({"value": fig.get("value"), "unit": fig.get("unit") or ""}),
            "metric": fig.get("metric") or "",
            "qualifier": fig.get("qualifier") or "", "year": fig.get("year")}


def _signing(i: int, sig: dict[str, Any]) -> dict[str, Any]:
    return {"anchor": f"sig-{i}", "date": sig.get("date") or "", "parties": sig.get("parties") or [],
            "projects": sig.get("projects") or [], "count": sig.get("count"),
            "amount": amount_text(sig.get("amount")), "location": sig.get("location") or ""}


def _attachment(item: dict[str, Any]) -> dict[str, Any]:
    url = item.get("url")
    return {"name": item.get("name") or item.get("title") or url or "attachment",
            "href": safe_href(url), "error": item.get("error")}


def related(ws: Workspace, doc: dict[str, Any], limit: int = 5) -> dict[str, Any]:
    """The document's keywords and up to ``limit`` similar documents (policyminer/similar.py).

    Keywords are those the index stored, else the workspace model's; similar
    documents come from the model as last fitted (the web UI never refits it),
    and are None when the workspace has no model yet.
    """
    from policyminer.records import Extracted
    from policyminer.similar import record_keywords, similar_in_workspace, stored_model
    keywords = list(doc.get("keywords") or [])
    model = stored_model(ws)
    if not keywords and model is not None and doc.get("id"):
        keywords = record_keywords(model, Extracted.from_dict(doc))[0]
    if model is None:
        return {"keywords": keywords, "similar": None}
    similar = similar_in_workspace(ws, doc.get("id") or "", limit=limit)
    return {"keywords": keywords,
            "similar": [{**item, "href": f"/documents/{item['id']}"} for item in similar]}


def keyword_links(keywords: list[str]) -> list[dict[str, str]]:
    """Each keyword with the search for it."""
    return [{"term": term, "search": SearchParams(q=term).url()} for term in keywords]


def pages_db(ws: Workspace) -> Path:
    """The crawler's page store of the workspace (computed, never created here)."""
    return ws.home / ws.settings.store_dir / "pages.db"


def raw_copy(ws: Workspace, url: str | None) -> str | None:
    """The raw page the crawler stored for ``url``, or None when it stored none."""
    path = pages_db(ws)
    if not url or not path.is_file():
        return None
    from crawler.store import PageStore
    with PageStore(path) as store:
        page = store.get(url)
    return page.html if page is not None else None

"""``policyminer orgs``: the workspace's organisation registry (nlp.registry).

The registry lives in the workspace's store (``store/org-registry.json``) and
follows extracted/: each run files documents that are new or whose
organisations changed and drops documents that are gone, so only the first
run reads every organisation.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from nlp.registry import Registry
from policyminer.extracted import ExtractedStore
from policyminer.workspace import Workspace

REGISTRY_FILE = "org-registry.json"


def registry_path(ws: Workspace) -> Path:
    """Where the workspace keeps its registry."""
    return ws.store_dir / REGISTRY_FILE


def update_registry(ws: Workspace) -> Registry:
    """The registry brought up to date with extracted/ (and saved when it changed)."""
    path = registry_path(ws)
    registry = Registry.load(path)
    changed = sync(registry, ExtractedStore(ws.extracted_dir))
    if changed or not path.exists():
        registry.save(path)
    return registry


def sync(registry: Registry, records) -> int:
    """File every record of ``records`` (Extracted or dicts) and drop documents not among them;
    return how many documents changed."""
    seen, changed = set(), 0
    for record in records:
        seen.add(record["id"] if isinstance(record, dict) else record.id)
        changed += registry.add(record)
    for doc_id in registry.document_ids - seen:
        changed += registry.remove(doc_id)
    return changed


def list_orgs(ws: Workspace, query: str = "", *, limit: int | None = None) -> list[dict[str, Any]]:
    """The bodies matching ``query`` (all when empty), most documents first, as dicts."""
    bodies = update_registry(ws).search(query)
    return [body.to_dict() for body in bodies[:limit]]


def orgs_table(rows: list[dict[str, Any]], query: str = ""):
    """A rich table: display name, type, documents, the other written forms."""
    from rich.table import Table
    from rich.text import Text
    if not rows:
        return Text(f"No organisation matches {query}." if query else "No organisations yet.")
    table = Table(title="Organisations" + (f" matching “{query}”" if query else ""))
    for name, justify in (("name", "left"), ("type", "left"), ("documents", "right"),
                          ("also written", "left")):
        table.add_column(name, justify=justify)
    for row in rows:
        others = [v["name"] for v in row["variants"] if v["name"] != row["name"]]
        table.add_row(row["name"], row["type"], str(row["documents"]), "、".join(others))
    return table

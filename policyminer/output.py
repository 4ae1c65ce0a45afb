"""Terminal output: JSON on stdout, tables and progress (rich) on stderr."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """One JSON document on stdout, Chinese kept readable."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def print_jsonl_line(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


@contextmanager
def progress(label: str):
    """Yield tick(done, total) that drives a progress bar on stderr."""
    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)
        yield tick


def report_failures(failed: list[tuple[str, str]], limit: int = 20) -> None:
    for url, reason in failed[:limit]:
        err.print(f"[yellow]skipped[/] {escape(reason if url in reason else f'{url}: {reason}')}")
    if len(failed) > limit:
        err.print(f"… and {len(failed) - limit} more")


_MARK = re.compile(r"<mark>(.*?)</mark>")


def _snippet_markup(snippet: str) -> str:
    import html
    parts = _MARK.split(snippet or "")
    return "".join(f"[reverse]{escape(html.unescape(p))}[/]" if i % 2 else escape(html.unescape(p))
                   for i, p in enumerate(parts))


def print_search(result, query: str) -> None:
    """Hits with highlighted snippets, for people."""
    out.print(f"[bold]{result.total}[/] documents match {escape(query)!s} ({result.took_ms} ms)")
    for n, hit in enumerate(result.hits, 1):
        out.print(f"\n[bold]{n}. {escape(hit.get('title') or '(untitled)')}[/]  "
                  f"[dim]{hit.get('published') or ''} · {escape(hit.get('source') or '')}[/]")
        out.print(f"   {_snippet_markup(hit.get('snippet', ''))}")
        out.print(f"   [dim]{escape(hit.get('url') or '')}[/]")


def _amount(amount: dict | None) -> str:
    if not amount:
        return ""
    value = amount.get("value") or 0
    if value >= 1e8:
        return f"{value / 1e8:g}亿{amount.get('unit', '元')}"
    if value >= 1e4:
        return f"{value / 1e4:g}万{amount.get('unit', '元')}"
    return f"{value:g}{amount.get('unit', '元')}"


def print_signings(rows: list[dict], since: str, until: str) -> None:
    """One row per signing event."""
    if not rows:
        out.print(f"No signings reported between {since} and {until}.")
        return
    table = Table(title=f"Signings {since} – {until}", show_lines=True)
    for column in ("date", "parties", "projects", "count", "amount", "location", "sources"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.get("date") or "", "、".join(row.get("parties") or []),
                      "、".join(row.get("projects") or []), str(row.get("count") or ""),
                      _amount(row.get("amount")), row.get("location") or "",
                      "\n".join(row.get("sources") or [row.get("url", "")]))
    out.print(table)

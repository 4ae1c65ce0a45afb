"""Watchlists: saved searches, and what is new for each since the last run.

``config/watch.yaml`` names the searches (name, query, filters). Each run of
``policyminer watch`` finds the documents that match a search and were not
there at its previous run, the signing events they report that no earlier
document of that search reported, writes a dated report and remembers what
it has seen in a state file under the workspace's store/ (replaced
atomically, so an interrupted run leaves the previous state intact). The
first run of a search reports everything, or what was published since
``--since``.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from policyminer.errors import ConfigError, PolicyminerError

STATE_VERSION = 1
PAGE = 500
FILTER_KEYS = ("source", "region", "type", "doc_type", "org", "title", "since", "until")


@dataclass(frozen=True)
class SavedSearch:
    """One entry of the watchlist."""

    name: str
    query: str = ""
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """Changes when the query or the filters change (the search then starts afresh)."""
        text = json.dumps([self.query, self.filters], ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def describe(self) -> str:
        filters = ", ".join(f"{k}: {v}" for k, v in self.filters.items())
        return (f"“{self.query}”" if self.query else "all documents") + (f" ({filters})" if filters else "")


def load_watchlist(path: str | Path) -> list[SavedSearch]:
    """The saved searches of a watch.yaml; errors name the file, the entry and the key."""
    import yaml
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no watchlist; copy config/watch.yaml of policyminer there "
                          "and list your saved searches")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    entries = data.get("searches") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a key 'searches' holding a list of saved searches")
    searches = [_saved_search(path, n, entry) for n, entry in enumerate(entries, 1)]
    names = [s.name for s in searches]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"{path}: search names must be unique; repeated: {', '.join(duplicates)}")
    return searches


def _saved_search(path: Path, number: int, entry: Any) -> SavedSearch:
    from index.query import from_filters, parse
    where = f"{path}: searches entry {number}"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ConfigError(f"{where}: each saved search needs a 'name' (text)")
    where = f"{path}: search {entry['name']!r}"
    query, filters = entry.get("query") or "", entry.get("filters") or {}
    unknown = set(entry) - {"name", "query", "filters"}
    if unknown:
        raise ConfigError(f"{where}: unknown key {', '.join(sorted(unknown))} (known: name, query, filters)")
    if not isinstance(query, str) or not isinstance(filters, dict):
        raise ConfigError(f"{where}: 'query' must be text and 'filters' a mapping")
    bad = set(filters) - set(FILTER_KEYS)
    if bad:
        raise ConfigError(f"{where}: unknown filter {', '.join(sorted(bad))} (known: {', '.join(FILTER_KEYS)})")
    filters = {k: (v if isinstance(v, list) else str(v)) for k, v in filters.items() if v not in (None, "")}
    try:
        parse(query)
        from_filters(filters)
    except PolicyminerError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return SavedSearch(entry["name"].strip(), query, filters)


class WatchState:
    """What each saved search has seen: document ids, per search fingerprint."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.data: dict[str, Any] = {"version": STATE_VERSION, "last_run": None, "searches": {}}
        if self.path.exists():
            try:
                self.data = json.loads(self.path.read_text(encoding="utf-8"))
                self.data["searches"]
            except (ValueError, KeyError, TypeError):
                raise PolicyminerError(f"{self.path}: the watch state is damaged; delete it to start "
                                       "afresh (the next run then reports everything)") from None

    @property
    def last_run(self) -> str | None:
        return self.data.get("last_run")

    def seen(self, search: SavedSearch) -> set[str] | None:
        """Ids the search has reported, or None if it never ran (or was changed)."""
        entry = self.data["searches"].get(search.name)
        if not entry or entry.get("fingerprint") != search.fingerprint:
            return None
        return set(entry.get("seen", []))

    def update(self, search: SavedSearch, ids: set[str], when: str) -> None:
        """Remember `ids` as seen by `search` at `when`."""
        self.data["searches"][search.name] = {"fingerprint": search.fingerprint, "last_run": when,
                                              "seen": sorted(ids)}
        self.data["last_run"] = when

    def save(self) -> None:
        """Write the state atomically: a temporary file in the same folder, then a rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".watch-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.data, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


@dataclass
class SearchNews:
    """What is new for one saved search."""

    search: SavedSearch
    matching: int
    first_run: bool
    documents: list[dict[str, Any]]
    signings: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.search.name, "query": self.search.query, "filters": self.search.filters,
                "matching": self.matching, "first_run": self.first_run,
                "documents": self.documents, "signings": self.signings}


@dataclass
class WatchRun:
    """One run over the whole watchlist."""

    when: str
    previous: str | None
    since: str | None
    news: list[SearchNews]

    def to_dict(self) -> dict[str, Any]:
        """The object of ``policyminer watch --format json``."""
        return {"run": self.when, "previous_run": self.previous, "since": self.since,
                "searches": [n.to_dict() for n in self.news]}


def matching_hits(index, search: SavedSearch) -> list[dict[str, Any]]:
    """Every document matching the saved search, newest first (id, url, title, published, source)."""
    hits, offset = [], 0
    while True:
        result = index.search(search.query, limit=PAGE, offset=offset, sort="date",
                              filters=search.filters, facet_size=0)
        hits += [{k: h.get(k) for k in ("id", "url", "title", "published", "source")} for h in result.hits]
        offset += PAGE
        if offset >= result.total or not result.hits:
            return hits


def run_watch(index, searches: list[SavedSearch], state: WatchState, *, since: str | None = None,
              now: datetime | None = None) -> WatchRun:
    """Find what is new for every search and update `state` (the caller saves it)."""
    when = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    run = WatchRun(when, state.last_run, since, [])
    for search in searches:
        hits, seen = matching_hits(index, search), state.seen(search)
        new = [h for h in hits if (seen is None or h["id"] not in seen)
               and (since is None or (h.get("published") or "") >= since)]
        signings = new_signings(index, new, seen or set())
        run.news.append(SearchNews(search, len(hits), seen is None, new, signings))
        state.update(search, (seen or set()) | {h["id"] for h in hits}, when)
    return run


def new_signings(index, new_docs: list[dict], seen: set[str]) -> list[dict[str, Any]]:
    """Signing events reported by the new documents and by none the search had seen."""
    from policyminer.reports import MAX_GAP_DAYS, merge_events
    rows = [row for hit in new_docs for row in _signing_rows(index.document(hit["id"]) or {})]
    if not rows:
        return []
    earlier = []
    days = sorted(r["day"] for r in rows if r["day"]) if seen else []
    for start, end in _windows(days, MAX_GAP_DAYS):
        earlier += [r for r in index.signings(since=start, until=end, merge=False) if r["id"] in seen]
    new_ids = {hit["id"] for hit in new_docs}
    return [event for event in merge_events(rows + earlier)
            if all(report["id"] in new_ids for report in event["reports"])]


def _signing_rows(doc: dict) -> list[dict[str, Any]]:
    """A document's signings as Index.signings rows."""
    from index.reports import signing_day
    meta = {k: doc.get(k) for k in ("id", "url", "title", "published", "source", "region")}
    return [{**signing, **meta, "day": signing_day(signing.get("date"), doc.get("published")),
             "sources": [doc["url"]]} for signing in doc.get("signings", [])]


def _windows(days: list[str], margin: int) -> list[tuple[str, str]]:
    """Merged [day - margin, day + margin] intervals covering the sorted `days`."""
    windows: list[list[date]] = []
    for day in map(date.fromisoformat, days):
        low, high = day - timedelta(days=margin), day + timedelta(days=margin)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    return [(low.isoformat(), high.isoformat()) for low, high in windows]


# -- the report -------------------------------------------------------------------

MAX_LISTED = 200        # documents listed per search in a report; the rest are counted


def report_stem(report_dir: Path, when: str) -> Path:
    """report_dir/watch-YYYY-MM-DD, with -2, -3 … when a report of that day exists."""
    day = when[:10]
    stem = report_dir / f"watch-{day}"
    number = 1
    while any(stem.with_suffix(ext).exists() for ext in (".md", ".html")):
        number += 1
        stem = report_dir / f"watch-{day}-{number}"
    return stem


def write_watch_report(run: WatchRun, report_dir: str | Path) -> list[Path]:
    """Write the run's report as Markdown and HTML into `report_dir`; returns the two paths."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    stem = report_stem(report_dir, run.when)
    markdown, html = stem.with_suffix(".md"), stem.with_suffix(".html")
    markdown.write_text(_markdown(run), encoding="utf-8")
    html.write_text(_html(run), encoding="utf-8")
    return [markdown, html]


def _title(run: WatchRun) -> str:
    return f"Watchlist report {run.when[:10]}"


def _intro(run: WatchRun) -> str:
    since = f"; documents published since {run.since}" if run.since else ""
    previous = (f"new since the previous run ({run.previous})" if run.previous
                else "first run" + ("" if run.since else ": everything"))
    return f"Run {run.when}; {previous}{since}."


def _nothing(news: SearchNews) -> str:
    return "Nothing new since the last run." if not news.first_run else "Nothing matches yet."


def _markdown(run: WatchRun) -> str:
    from policyminer.reports import markdown_events
    lines = [f"# {_title(run)}", "", _intro(run), "",
             "| Search | Matching | New documents | New signings |", "|---|---|---|---|"]
    lines += [f"| {n.search.name} | {n.matching} | {len(n.documents)} | {len(n.signings)} |" for n in run.news]
    for news in run.news:
        lines += ["", f"## {news.search.name}", "", f"Search: {news.search.describe()}", ""]
        if not news.documents:
            lines.append(_nothing(news))
            continue
        lines += [f"### New documents ({len(news.documents)})", ""]
        lines += [f"- {d.get('published') or 'undated'} · {d.get('source') or ''} · "
                  f"[{(d.get('title') or d['url']).replace(']', '')}]({d['url']})"
                  for d in news.documents[:MAX_LISTED]]
        if len(news.documents) > MAX_LISTED:
            lines.append(f"- … and {len(news.documents) - MAX_LISTED} more")
        lines += ["", f"### New signings ({len(news.signings)})", ""]
        lines += markdown_events(news.signings) if news.signings else ["No new signing events."]
    return "\n".join(lines) + "\n"


def _html(run: WatchRun) -> str:
    from html import escape
    from policyminer.reports import html_events, html_page
    rows = "".join(f"<tr><td>{escape(n.search.name)}</td><td class=num>{n.matching}</td>"
                   f"<td class=num>{len(n.documents)}</td><td class=num>{len(n.signings)}</td></tr>"
                   for n in run.news)
    parts = [f"<p>{escape(_intro(run))}</p>", "<table><thead><tr><th>Search</th><th>Matching</th>"
             f"<th>New documents</th><th>New signings</th></tr></thead><tbody>{rows}</tbody></table>"]
    for news in run.news:
        parts.append(f"<h2>{escape(news.search.name)}</h2><p class=muted>{escape(news.search.describe())}</p>")
        if not news.documents:
            parts.append(f'<p class="empty">{escape(_nothing(news))}</p>')
            continue
        items = "".join(f'<li>{escape(d.get("published") or "undated")} · {escape(d.get("source") or "")} · '
                        f'<a href="{escape(d["url"])}">{escape(d.get("title") or d["url"])}</a></li>'
                        for d in news.documents[:MAX_LISTED])
        more = len(news.documents) - MAX_LISTED
        items += f"<li>… and {more} more</li>" if more > 0 else ""
        parts.append(f"<h3>New documents ({len(news.documents)})</h3><ul>{items}</ul>")
        parts.append(f"<h3>New signings ({len(news.signings)})</h3>")
        parts.append(html_events(news.signings) if news.signings else "<p>No new signing events.</p>")
    return html_page(_title(run), "\n".join(parts))


def summary_table(run: WatchRun):
    """A rich table: per search, how many documents match and what is new."""
    from rich.table import Table
    table = Table(title=_title(run), caption=_intro(run))
    for column in ("search", "matching", "new documents", "new signings"):
        table.add_column(column, justify="left" if column == "search" else "right")
    for news in run.news:
        table.add_row(news.search.name, str(news.matching), str(len(news.documents)), str(len(news.signings)))
    return table

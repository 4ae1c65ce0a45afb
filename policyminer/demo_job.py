"""`policyminer demo`: the whole pipeline, offline, over the bundled fixture sites."""
from __future__ import annotations

from pathlib import Path

from policyminer import output
from policyminer.workspace import Workspace

DEMO_DIR = Path(__file__).resolve().parent / "demo"
# The fixture sites are on this machine: no politeness delays, a short timeout
# (the deliberately slow page then fails fast, as it would on a real crawl).
LOCAL_CRAWL = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOWNLOAD_TIMEOUT": 2,
               "RETRY_TIMES": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}


def run_demo(ws: Workspace, *, query: str = "签约") -> dict:
    """Serve the fixture sites, crawl, extract, index, then show a search and the signings."""
    from crawler.sources import load_sources
    from policyminer import run as stages
    from policyminer.demo.server import SiteServer

    console = output.err
    with _server(ws, SiteServer) as server:
        console.print(f"[bold]1/4[/] serving the bundled fixture sites at {server.base_url}")
        sources = load_sources(DEMO_DIR / "sources.yaml", base=server.base_url)
        crawl = stages.crawl(ws, sources=sources, overrides=LOCAL_CRAWL)
        console.print(f"[bold]2/4[/] {crawl.summary()}")
    with output.progress("extracting pages") as tick:
        extract = stages.extract_pages(ws, sources=sources, progress=tick)
    output.report_failures(extract.failed)
    console.print(f"[bold]3/4[/] {extract.summary()}")
    indexed = stages.index_records(ws)
    console.print(f"[bold]4/4[/] indexed {indexed} documents into {ws.index_url}")
    with stages.open_workspace_index(ws) as index:
        result = index.search(query, limit=5)
        output.print_search(result, query)
        week, rows = _latest_signing_week(index)
    since, until = week
    output.out.print(f"\n[bold]Signings of the newest week with any ({since} – {until})[/]")
    output.print_signings(rows, since, until)
    summary = {"home": str(ws.home), "crawled": crawl.summary(), "extracted": extract.extracted,
               "indexed": indexed, "hits": result.total, "signings": len(rows)}
    output.out.print(
        f"\n[bold]Summary[/]: crawled the fixture sites ({crawl.summary()}), extracted "
        f"{extract.extracted} documents into {ws.extracted_dir}, indexed {indexed} into SQLite; "
        f"'{query}' matches {result.total} documents; {len(rows)} signings in the newest week.")
    return summary


def _server(ws: Workspace, server_class):
    """The fixture server on the port this workspace used before, so URLs (and ids) stay the same."""
    port_file = ws.store_dir / "demo-port"
    port = int(port_file.read_text()) if port_file.exists() else 0
    try:
        server = server_class(port=port).start()
    except OSError:                       # the old port is taken: URLs change, near-dup detection copes
        server = server_class(port=0).start()
    port_file.write_text(server.base_url.rsplit(":", 1)[1])
    return server


def _latest_signing_week(index) -> tuple[tuple[str, str], list[dict]]:
    from policyminer.weeks import iso_week, week_range
    dated = [s for s in index.signings() if s.get("date") and len(s["date"]) == 10]
    if not dated:
        since, until = week_range(None)
        return (since, until), []
    since, until = week_range(iso_week(max(s["date"] for s in dated)))
    return (since, until), index.signings(since=since, until=until)

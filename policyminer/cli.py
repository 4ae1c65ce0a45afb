"""The ``policyminer`` command line. Data goes to stdout, progress and logs to stderr.

Exit codes: 0 success (also when nothing matched), 1 failure, 2 usage error.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from policyminer import output
from policyminer.errors import PolicyminerError
from policyminer.workspace import Workspace

FORMATS_OUT = click.Choice(["table", "json"])


class Failure(click.ClickException):
    """A PolicyminerError on its way out: one line on stderr, exit code 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(f"policyminer: error: {self.message}", err=True)


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicyminerError as exc:
            raise Failure(str(exc)) from exc
        except OSError as exc:   # disk full, permission denied …: one line, not a traceback
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise Failure(f"{where}{exc.strerror or exc}") from exc


def home_option(func):
    """--home DIR on every command (also accepted before the command name)."""
    return click.option("--home", type=click.Path(file_okay=False), default=None,
                        help="Workspace directory (default: $POLICYMINER_HOME or the current directory).")(func)


def workspace(ctx: click.Context, home: str | None) -> Workspace:
    return Workspace.open(home or ctx.obj.get("home"))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@home_option
@click.version_option(package_name="policyminer")
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """Find what Chinese local governments signed, counted and announced.

    Crawls district portals, e-papers and policy libraries, extracts
    organisations, figures and signings, and makes them searchable.

    \b
    Example:
      policyminer demo                       # offline tour over a bundled site
      policyminer run && policyminer search '签约 org:西南大学'
    """
    ctx.ensure_object(dict)["home"] = home


@cli.command()
@home_option
@click.option("--source", "source_ids", multiple=True, help="Only this source id (repeatable).")
@click.option("--since", help="Skip list items published before this date (YYYY-MM-DD).")
@click.option("--max-pages", type=int, help="Cap on requests (list and detail pages) per source.")
@click.option("--frontier", metavar="REDIS_URL",
              help="Share the crawl with other crawlers through Redis (see docs/scale.md).")
@click.option("--merge", "merge_stores", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Instead of crawling, merge another machine's pages.db into this store (repeatable).")
@click.pass_context
def crawl(ctx, home, source_ids, since, max_pages, frontier, merge_stores):
    """Fetch new and changed pages of the configured sources into the raw store.

    \b
    Example:
      policyminer crawl --source cqbb-news --since 2025-04-01
      policyminer crawl --frontier 'redis://10.0.0.2:6379/0?crawl=weekly'   # on each machine
      policyminer crawl --merge /mnt/b/store/pages.db                      # then combine stores
    """
    ws = workspace(ctx, home)
    if merge_stores:   # --- scale: several machines (crawler/distributed.py) ---
        from crawler.distributed import merge_stores as merge
        counts = merge(list(merge_stores), ws.pages_db)
        click.echo("merge: " + ", ".join(f"{k} {v}" for k, v in counts.items()), err=True)
        return
    from policyminer.run import crawl as run_crawl
    overrides = None
    if frontier:
        from crawler.distributed import check_frontier, frontier_settings
        overrides = frontier_settings(frontier)
        check_frontier(frontier)
    report = run_crawl(ws, source_ids=source_ids, since=since, max_pages=max_pages, overrides=overrides)
    click.echo(report.summary(), err=True)


@cli.command()
@home_option
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--url", help="URL of the document (its id is a hash of it).")
@click.option("--published", help="Reference date YYYY-MM-DD for relative dates (去年, 上周五).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--save", is_flag=True, help="Also store the records in the workspace's extracted/.")
@click.option("--force", is_flag=True, help="Without FILEs: re-extract every stored page.")
@click.option("--workers", type=int, help="Processes for batches (default: one per core).")
@click.option("--shard", metavar="I/N", help="Without FILEs: only the pages of shard I of N (1-based).")
@click.option("--merge", "merge_dirs", multiple=True, type=click.Path(exists=True),
              help="Instead of extracting, merge another extracted/ directory (or JSONL file) into ours.")
@click.option("--compact", is_flag=True,
              help="Instead of extracting, rewrite extracted/ without superseded or deleted lines.")
@click.pass_context
def extract(ctx, home, files, url, published, fmt, save, force, workers, shard, merge_dirs, compact):
    """Extract organisations, figures and signings (the JSON of EXTRACTION.md).

    FILE is plain text or HTML (GBK too); '-' reads stdin; a directory means
    every file in it. One FILE prints one JSON object; several print JSONL in
    input order, a failed file as {"file", "error"} on its line. Without FILE,
    extracts the pages the crawler stored into extracted/, incrementally.

    \b
    Example:
      policyminer extract article.html --url https://www.cqbb.gov.cn/a.html --format json
      policyminer extract pages/ > records.jsonl
      policyminer extract --shard 2/4          # worker 2 of 4 over the stored pages
      policyminer extract --compact            # drop superseded lines from extracted/
    """
    from policyminer import documents
    ws = workspace(ctx, home)
    if compact:
        from policyminer.extracted import ExtractedStore
        click.echo(f"compact: {ExtractedStore(ws.extracted_dir).compact()} part files rewritten", err=True)
        return
    if merge_dirs or (shard and not files):   # --- scale: shards and machines (policyminer/shards.py) ---
        from policyminer import shards
        if merge_dirs:
            added, replaced = shards.merge_extracted(merge_dirs, ws.extracted_dir)
            click.echo(f"merge: {added} added, {replaced} replaced", err=True)
            return
        with output.progress(f"extracting shard {shard}") as tick:
            report = shards.extract_shard(ws, shards.parse_shard(shard), force=force, workers=workers,
                                          progress=tick)
        output.report_failures(report.failed)
        click.echo(report.summary(), err=True)
        return
    if shard:
        raise click.UsageError("--shard applies to the stored pages, not to FILEs")
    if not files:
        from policyminer.run import extract_pages
        with output.progress("extracting pages") as tick:
            report = extract_pages(ws, force=force, workers=workers, progress=tick)
        output.report_failures(report.failed)
        click.echo(report.summary(), err=True)
        return
    paths = documents.expand(files)
    if url and len(paths) > 1:
        raise click.UsageError("--url applies to a single FILE")
    results = documents.extract_files(paths, url=url, published=published, workers=workers,
                                      dictionary_dir=ws.dictionaries_dir)
    from policyminer.similar import add_keywords, stored_model
    model = stored_model(ws)                      # keywords: the workspace's idf, else jieba's general one
    results = (add_keywords(result, model) for result in results)
    single = len(paths) == 1 and fmt == "json"
    failed = documents.print_results(results, single=single, save_to=ws.extracted_dir if save else None)
    if single and failed:
        raise PolicyminerError(failed[0])


@cli.command()
@home_option
@click.option("--from", "files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Load this JSONL file instead of extracted/ (repeatable).")
@click.option("--rebuild", is_flag=True, help="Empty the index first, then load everything.")
@click.pass_context
def index(ctx, home, files, rebuild):
    """Load extracted records into the search engine (idempotent: reloading adds nothing).

    \b
    Example:
      policyminer index --rebuild
      POLICYMINER_ENGINE=opensearch POLICYMINER_ENGINE_URL=http://127.0.0.1:9200 policyminer index
    """
    from policyminer.run import index_records
    ws = workspace(ctx, home)
    with output.progress("indexing") as tick:
        count = index_records(ws, files=[Path(f) for f in files], rebuild=rebuild,
                              progress=lambda n: tick(n, 0))
    click.echo(f"indexed {count} documents", err=True)


@cli.command()
@home_option
@click.argument("ref", metavar="DOC_ID_OR_URL")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.pass_context
def similar(ctx, home, ref, limit, fmt):
    """Documents most like one in extracted/, by TF-IDF cosine over jieba keywords.

    The keyword model is fitted over extracted/ on first use and refitted only
    when extracted/ changed. Each result shows its score and the shared keywords.

    \b
    Example:
      policyminer similar https://www.cqbb.gov.cn/zwxx/bbyw/202504/t20250423_1.html --limit 5
      policyminer similar 3f2a9c0d1e4b5a6c7d8e --format json
    """
    from policyminer.similar import print_similar, refresh_model, similar_documents
    refreshed = refresh_model(workspace(ctx, home))
    if refreshed.model is None:
        raise PolicyminerError(f"no document {ref!r}: extracted/ holds no record with text; "
                               "run policyminer extract first")
    result = similar_documents(refreshed.model, ref, limit=limit)
    click.echo(refreshed.summary(), err=True)
    if fmt == "json":
        output.print_json(result.to_dict())
    else:
        print_similar(result)


@cli.command()
@home_option
@click.option("--source", "source_ids", multiple=True, help="Only this source id (repeatable).")
@click.option("--since", help="Skip list items published before this date.")
@click.pass_context
def run(ctx, home, source_ids, since):
    """Crawl, extract and index the configured sources, incrementally.

    \b
    Example (a weekly cron line):
      0 6 * * 1  cd ~/research && policyminer run && policyminer signings --format json > week.json
    """
    from policyminer import run as stages
    ws = workspace(ctx, home)
    click.echo(stages.crawl(ws, source_ids=source_ids, since=since).summary(), err=True)
    with output.progress("extracting pages") as tick:
        report = stages.extract_pages(ws, progress=tick)
    output.report_failures(report.failed)
    click.echo(report.summary(), err=True)
    click.echo(f"indexed {stages.index_records(ws)} documents", err=True)


def search_options(func):
    """Filters shared by search and export."""
    for option in reversed([
        click.option("--source", help="Only documents of this source id."),
        click.option("--region", help="Only documents of this region (e.g. 北碚区)."),
        click.option("--type", "doc_type", type=click.Choice(["news", "policy"]), help="Document type."),
        click.option("--org", help="Only documents that mention this organisation."),
        click.option("--since", help="Published on or after YYYY-MM-DD."),
        click.option("--until", help="Published on or before YYYY-MM-DD."),
    ]):
        func = option(func)
    return func


def filters_of(**kw) -> dict:
    return {k: v for k, v in kw.items() if v}


@cli.command()
@home_option
@click.argument("query")
@click.option("--limit", type=click.IntRange(0, 10_000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@search_options
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.pass_context
def search(ctx, home, query, limit, offset, sort, source, region, doc_type, org, since, until, fmt):
    """Full-text search with highlighted snippets.

    Words (space = AND), "exact phrases", AND/OR/NOT, field filters
    (org: source: region: type: title:) and published:2024-01-01..2024-06-30.

    \b
    Example:
      policyminer search '签约 org:西南大学 published:2025-01-01..' --sort date --format json
    """
    from policyminer.run import open_workspace_index
    filters = filters_of(source=source, region=region, doc_type=doc_type, org=org, since=since, until=until)
    with open_workspace_index(workspace(ctx, home)) as idx:
        result = idx.search(query, limit=limit, offset=offset, sort=sort, filters=filters)
    if fmt == "json":
        output.print_json(result.to_dict())
    else:
        output.print_search(result, query)


@cli.command()
@home_option
@click.option("--week", help="ISO week YYYY-Www (default: the current week).")
@click.option("--since", help="First day YYYY-MM-DD (with --until instead of --week).")
@click.option("--until", help="Last day YYYY-MM-DD (default: today).")
@click.option("--region", help="Only signings in this region.")
@click.option("--org", help="Only signings with this party.")
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.option("--report", "report_file", type=click.Path(dir_okay=False),
              help="Also write a report: .md, .html (with a chart of the last 26 weeks), .csv or .xlsx.")
@click.pass_context
def signings(ctx, home, week, since, until, region, org, fmt, report_file):
    """Signings first seen in a week or a date range, one row per event.

    Reports of one event by several outlets are merged (same day, parties,
    amount, similar wording); every reporting URL is listed under sources.

    \b
    Example:
      policyminer signings --week 2025-W17 --format json
      policyminer signings --week 2025-W17 --region 重庆市北碚区 --report w17.html
    """
    from policyminer.reports import signings_report, terminal_table, write_report
    from policyminer.run import open_workspace_index
    since, until = _signings_range(week, since, until)
    with open_workspace_index(workspace(ctx, home)) as idx:
        report = signings_report(idx, since=since, until=until, region=region, org=org)
    if report_file:
        click.echo(f"report written to {write_report(report, report_file)}", err=True)
    if fmt == "json":
        output.print_json(report.to_dict())
    else:
        output.out.print(terminal_table(report))


def _signings_range(week: str | None, since: str | None, until: str | None) -> tuple[str, str]:
    """(first, last) ISO day of --week, or of --since/--until (either may be omitted)."""
    from datetime import date
    from index.query import date_bounds
    from policyminer.weeks import week_range
    if week and (since or until):
        raise click.UsageError("give either --week or --since/--until, not both")
    if not (since or until):
        return week_range(week)
    last = date_bounds(until)[1] if until else date.today().isoformat()
    first = date_bounds(since)[0] if since else week_range(None, today=date.fromisoformat(last))[0]
    if first > last:
        raise click.UsageError(f"--since {since} is after --until {until or last}")
    return first, last


@cli.command()
@home_option
@click.argument("kind", type=click.Choice(["documents", "organizations", "figures", "signings"]))
@click.argument("query", required=False, default="")
@search_options
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "jsonl", "parquet"]), required=True)
@click.option("--output", "-o", "out", type=click.Path(dir_okay=False, allow_dash=True), required=True)
@click.pass_context
def export(ctx, home, kind, query, source, region, doc_type, org, since, until, fmt, out):
    """Export documents or extracted items, each row with its provenance.

    QUERY and the filters are those of search; no QUERY exports everything.
    Every row names its document (doc_id, url, title, published, source) and,
    for items, the sentence and the [start, end) offsets. CSV is UTF-8 with a
    BOM so Excel opens it cleanly; XLSX and Parquet are written streaming.

    \b
    Example:
      policyminer export figures '科技型企业' --format xlsx --output figures.xlsx
      policyminer export signings --since 2025-01-01 --format csv --output - | head
    """
    from policyminer.export import export_rows
    from policyminer.run import open_workspace_index
    filters = filters_of(source=source, region=region, doc_type=doc_type, org=org, since=since, until=until)
    with open_workspace_index(workspace(ctx, home)) as idx, output.progress(f"exporting {kind}") as tick:
        count = export_rows(idx, kind, query, filters=filters, fmt=fmt, output=out, progress=tick)
    click.echo(f"exported {count} {kind} to {out}", err=True)


@cli.command()
@home_option
@click.argument("query", required=False, default="")
@click.option("--interval", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True)
@click.option("--by", type=click.Choice(["source", "region", "type", "org"]),
              help="One series per source, region, document type or organisation.")
@click.option("--top", type=click.IntRange(1, 50), default=8, show_default=True,
              help="With --by: keep the series with the largest totals.")
@search_options
@click.option("--chart", type=click.Path(dir_okay=False), help="Also draw the series as a PNG line chart.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.pass_context
def trends(ctx, home, query, interval, by, top, source, region, doc_type, org, since, until, chart, fmt):
    """Matching documents counted per day, week, month or year of publication.

    QUERY and the filters are those of search (no QUERY: every document).
    Buckets with no document are listed as 0.

    \b
    Example:
      policyminer trends 签约 --interval month --by source --since 2024-01-01 --chart signings.png
    """
    from policyminer.charts import save_png
    from policyminer.run import open_workspace_index
    from policyminer.trends import terminal_table, trend
    filters = filters_of(source=source, region=region, doc_type=doc_type, org=org)
    with open_workspace_index(workspace(ctx, home)) as idx:
        result = trend(idx, query, interval=interval, by=by, since=since, until=until,
                       filters=filters, top=top)
    if chart:
        click.echo(f"chart written to {save_png(result.chart_png(), chart)}", err=True)
    if fmt == "json":
        output.print_json(result.to_dict())
    elif fmt == "csv":
        result.write_csv(sys.stdout)
    else:
        output.out.print(terminal_table(result))


@cli.command()
@home_option
@click.argument("query", required=False, default="")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many organisations.")
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.pass_context
def orgs(ctx, home, query, limit, fmt):
    """Organisations across documents, one row per canonical body.

    北碚区政府, 北碚区人民政府 and 重庆市北碚区人民政府 are one body, shown by its
    fullest name with its type, how many documents name it and its other
    written forms. QUERY keeps the bodies it names or that contain it.

    \b
    Example:
      policyminer orgs 北碚区 --format json
    """
    from policyminer.orgs import list_orgs, orgs_table
    rows = list_orgs(workspace(ctx, home), query, limit=limit)
    if fmt == "json":
        output.print_json(rows)
    else:
        output.out.print(orgs_table(rows, query))


@cli.command()
@home_option
@click.option("--report-dir", type=click.Path(file_okay=False),
              help="Folder of the dated reports (default: reports/ in the workspace).")
@click.option("--watchlist", type=click.Path(dir_okay=False),
              help="The saved searches (default: config/watch.yaml in the workspace).")
@click.option("--since", help="Only documents published on or after this day count as new.")
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.pass_context
def watch(ctx, home, report_dir, watchlist, since, fmt):
    """Report what is new for each saved search since the previous run.

    The searches are listed in config/watch.yaml. Each run writes a dated
    Markdown and HTML report (new documents, new signing events) and
    remembers what it saw in store/watch-state.json; the first run reports
    everything (or what was published since --since).

    \b
    Example (weekly, see docs/cron.md):
      policyminer run && policyminer watch --report-dir ~/reports
    """
    from index.query import date_bounds
    from policyminer.run import open_workspace_index
    from policyminer.watch import WatchState, load_watchlist, run_watch, summary_table, write_watch_report
    ws = workspace(ctx, home)
    searches = load_watchlist(Path(watchlist) if watchlist else ws.config_dir / "watch.yaml")
    since = date_bounds(since)[0] if since else None
    state = WatchState(ws.store_dir / "watch-state.json")
    with open_workspace_index(ws) as idx:
        result = run_watch(idx, searches, state, since=since)
    for path in write_watch_report(result, Path(report_dir) if report_dir else ws.home / "reports"):
        click.echo(f"report written to {path}", err=True)
    state.save()
    if fmt == "json":
        output.print_json(result.to_dict())
    else:
        output.out.print(summary_table(result))


@cli.command(name="eval")
@home_option
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=FORMATS_OUT, default="table", show_default=True)
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False),
              help="JSON of per-field F1 floors; exit 1 if any score falls below.")
@click.pass_context
def eval_(ctx, home, gold_dir, fmt, baseline):
    """Score the extractor on a folder of hand-annotated documents.

    \b
    Example:
      policyminer eval tests/devset --baseline tests/devset/baseline.json
    """
    from policyminer.scoring import run_eval
    ws = workspace(ctx, home)
    report, regressions = run_eval(Path(gold_dir), baseline=Path(baseline) if baseline else None,
                                   dictionary_dir=ws.dictionaries_dir)
    if fmt == "json":
        output.print_json(report.to_dict())
    else:
        click.echo(report.format_table())
    if regressions:
        raise PolicyminerError("below the baseline: " + "; ".join(regressions))


@cli.command()
@home_option
@click.option("--query", default="签约", show_default=True, help="The search the demo shows.")
@click.pass_context
def demo(ctx, home, query):
    """The whole pipeline offline: serve the bundled fixture sites, crawl, extract, index, search.

    \b
    Example:
      policyminer demo --home /tmp/pm-demo
    """
    from policyminer.demo_job import run_demo
    run_demo(workspace(ctx, home), query=query)


@cli.command()
@home_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (local only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.pass_context
def serve(ctx, home, host, port):
    """The web UI over the configured engine: search, documents, signings, exports.

    Read-only; binds to 127.0.0.1 unless told otherwise. Every page has a
    JSON twin (/search.json?q=…).

    \b
    Example:
      policyminer serve --port 8000   # then open http://127.0.0.1:8000/search?q=签约
    """
    from policyminer.web.app import serve as run_server
    run_server(workspace(ctx, home), host=host, port=port)


def main() -> None:
    """Entry point of the ``policyminer`` command."""
    try:
        cli(prog_name="policyminer")
    except BrokenPipeError:   # e.g. `policyminer search … | head`
        sys.exit(1)


if __name__ == "__main__":
    main()

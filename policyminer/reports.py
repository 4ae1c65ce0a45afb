"""Signing reports: the events first seen in a week, one row per event, every source listed.

The engine gives one row per reported signing (``Index.signings``). Outlets
report the same ceremony in their own words, so rows are merged into events
here: same day (an exact date must match; a report-date fallback may lag a
few days), no conflicting count or amount, parties that agree (one list
within the other, 北碚区 = 北碚区人民政府), and a shared party, matching
figures or similar wording (character bigrams, generic words left out). An event is *first seen* on the earliest day any
of its reports is filed under; a week's report lists the events first seen
in it. ``write_report`` renders Markdown, self-contained HTML (with the chart
of events per week), CSV (UTF-8 with BOM) or XLSX, chosen by file extension.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from index.segment import canonical
from policyminer.errors import PolicyminerError

CHART_WEEKS = 26
MAX_GAP_DAYS = 3          # how far apart two reports filed by their report date may be
STRONG_TEXT = 0.6         # bigram similarity that alone makes two reports one event
SOME_TEXT = 0.25
_GOVERNMENT_SUFFIX = re.compile(r"(人民政府|政府)$")
# Words of nearly every signing sentence: they say nothing about which event it is.
GENERIC_WORDS = ("招商引资", "总投资", "签约", "签署", "签订", "协议", "合作", "项目", "集中", "投资", "亿元",
                 "万元", "举行", "仪式", "活动", "招商", "现场", "双方", "战略", "框架", "上午", "下午", "个")
_SPLIT = re.compile("|".join(GENERIC_WORDS) + r"|[^\w]+")
REPORT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                  ".csv": "csv", ".xlsx": "xlsx"}


# -- events -----------------------------------------------------------------------

@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(chunk[i:i + 2] for chunk in _SPLIT.split(text) for i in range(len(chunk) - 1))


def text_similarity(a: str | None, b: str | None) -> float:
    """Dice coefficient of the character bigrams of two sentences (0..1), generic words left out."""
    left, right = _bigrams(a or ""), _bigrams(b or "")
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


@lru_cache(maxsize=8192)
def party_key(name: str) -> str:
    """A party's name as events compare it: folded, 北碚区人民政府 = 北碚区."""
    return _GOVERNMENT_SUFFIX.sub("", canonical(name)) or canonical(name)


def _full_date(row: dict) -> str | None:
    value = row.get("date") or ""
    return value[:10] if len(value) >= 10 else None


def _amounts_conflict(a: dict | None, b: dict | None) -> bool:
    if not a or not b or a.get("value") is None or b.get("value") is None:
        return False
    if a.get("unit", "元") != b.get("unit", "元"):
        return True
    return abs(a["value"] - b["value"]) > 0.01 * max(abs(a["value"]), abs(b["value"]))


def _conflict(a: dict, b: dict) -> bool:
    """Reports that cannot be of one event: other exact dates, counts or amounts."""
    dates = _full_date(a), _full_date(b)
    if all(dates) and dates[0] != dates[1]:
        return True
    if a.get("count") is not None and b.get("count") is not None and a["count"] != b["count"]:
        return True
    return _amounts_conflict(a.get("amount"), b.get("amount"))


def same_event(a: dict, b: dict) -> bool:
    """Whether two signing rows of different documents report one event."""
    if a["id"] == b["id"] or _conflict(a, b):
        return False
    similarity = text_similarity(a.get("text"), b.get("text"))
    if similarity >= STRONG_TEXT:
        return True
    parties_a = {party_key(p) for p in a.get("parties") or []}
    parties_b = {party_key(p) for p in b.get("parties") or []}
    shared = len(parties_a & parties_b)
    if parties_a and parties_b and shared < min(len(parties_a), len(parties_b), 2):
        return False   # other parties: a district signs with several partners on one day
    amounts = bool(a.get("amount") and b.get("amount"))
    counts = a.get("count") is not None and b.get("count") is not None
    figures = amounts or (counts and similarity >= SOME_TEXT)
    evidence = shared > 0 or figures
    if _full_date(a) and _full_date(b):
        return evidence or similarity >= SOME_TEXT
    return evidence and similarity >= SOME_TEXT


def _ordinal(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


@dataclass
class _Event:
    reports: list[dict] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    last: int = 0

    def accepts(self, row: dict) -> bool:
        """Whether `row` reports this event (a document reports an event once)."""
        return row["id"] not in self.ids and any(same_event(report, row) for report in self.reports)

    def add(self, row: dict, day: int) -> None:
        self.reports.append(row)
        self.ids.add(row["id"])
        self.last = day

    def row(self) -> dict[str, Any]:
        """The event as one row: the first report's fields, completed by the others."""
        first = self.reports[0]
        event = {k: v for k, v in first.items() if k != "sources"}
        event["parties"] = _union(r.get("parties") or [] for r in self.reports)
        event["projects"] = _union(r.get("projects") or [] for r in self.reports)
        for key in ("count", "amount", "location"):
            event[key] = next((r[key] for r in self.reports if r.get(key) is not None), None)
        event["date"] = next((r["date"] for r in self.reports if _full_date(r)), first.get("date"))
        event["first_seen"] = first["day"]
        event["sources"] = list(dict.fromkeys(u for r in self.reports for u in r.get("sources") or [r["url"]]))
        docs = {r["id"]: r for r in self.reports}
        event["reports"] = [{k: r.get(k) for k in ("id", "url", "title", "published", "source")}
                            for r in docs.values()]
        return event


def _union(lists) -> list[str]:
    seen, out = set(), []
    for names in lists:
        for name in names:
            key = party_key(name)
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


def merge_events(rows: list[dict]) -> list[dict[str, Any]]:
    """One row per event, oldest first (see the module docstring); undated rows are dropped."""
    rows = sorted((r for r in rows if r.get("day")),
                  key=lambda r: (r["day"], r.get("published") or "", r["id"], r.get("start") or 0))
    events: list[_Event] = []
    recent: list[_Event] = []
    for row in rows:
        day = _ordinal(row["day"])
        recent = [e for e in recent if day - e.last <= MAX_GAP_DAYS]
        event = next((e for e in recent if e.accepts(row)), None)
        if event is None:
            event = _Event()
            events.append(event)
            recent.append(event)
        event.add(row, day)
    return [event.row() for event in events]


# -- the report -------------------------------------------------------------------

@dataclass
class SigningsReport:
    """The events first seen in [since, until] and the events per week for the chart."""

    since: str
    until: str
    events: list[dict[str, Any]]
    weeks: list[str]
    per_week: list[int]
    region: str | None = None
    org: str | None = None

    @property
    def week(self) -> str | None:
        """The ISO week name when the range is exactly one week."""
        start = date.fromisoformat(self.since)
        if start.weekday() == 0 and (date.fromisoformat(self.until) - start).days == 6:
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}"
        return None

    @property
    def label(self) -> str:
        return f"{self.week} ({self.since} – {self.until})" if self.week else f"{self.since} – {self.until}"

    @property
    def empty_message(self) -> str:
        scope = "".join(f" {k} {v}" for k, v in (("in region", self.region), ("with", self.org)) if v)
        return f"No signings{scope} were first seen in {self.label}."

    def to_dict(self) -> dict[str, Any]:
        """The object of ``policyminer signings --format json``."""
        data = {"since": self.since, "until": self.until}
        if self.week:
            data["week"] = self.week
        data["signings"] = self.events
        return data

    def chart_png(self) -> bytes:
        """The bar chart of events first seen per week, this report's weeks highlighted."""
        from policyminer.charts import weekly_bars
        mine = [w for w in self.weeks if self.since <= _monday(w) <= self.until]
        return weekly_bars(self.weeks, self.per_week, highlight=mine,
                           title=f"Signing events first seen per week (last {len(self.weeks)} weeks)")


def _monday(week: str) -> str:
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1).isoformat()


def _iso_week(day: str) -> str:
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def chart_weeks(since: str, until: str, *, count: int = CHART_WEEKS) -> list[str]:
    """ISO weeks ending with the week of `until`: `count` of them, or all since `since` if more."""
    last = date.fromisoformat(until) - timedelta(days=date.fromisoformat(until).weekday())
    first = min(last - timedelta(weeks=count - 1),
                date.fromisoformat(since) - timedelta(days=date.fromisoformat(since).weekday()))
    return [_iso_week((first + timedelta(weeks=n)).isoformat())
            for n in range((last - first).days // 7 + 1)]


def signings_report(index, *, since: str, until: str, region: str | None = None,
                    org: str | None = None, weeks: int = CHART_WEEKS) -> SigningsReport:
    """The signing events first seen in [since, until] (ISO days), from any engine."""
    if since > until:
        raise PolicyminerError(f"--since {since} is after --until {until}")
    labels = chart_weeks(since, until, count=weeks)
    start = date.fromisoformat(_monday(labels[0])) - timedelta(days=7)
    end = date.fromisoformat(until) + timedelta(days=7)   # later reports of the same events
    rows = index.signings(since=start.isoformat(), until=end.isoformat(), region=region, org=org,
                          merge=False)
    events = merge_events(rows)
    counts = dict.fromkeys(labels, 0)
    for event in events:
        week = _iso_week(event["first_seen"])
        if week in counts and event["first_seen"] <= until:
            counts[week] += 1
    chosen = [e for e in events if since <= e["first_seen"] <= until]
    return SigningsReport(since, until, chosen, labels, [counts[w] for w in labels], region, org)


def write_report(report: SigningsReport, path: str | Path) -> Path:
    """Write the report in the format its extension names (.md, .html, .csv, .xlsx)."""
    path = Path(path)
    kind = REPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise PolicyminerError(f"{path}: a report file ends in {', '.join(REPORT_FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    writers = {"markdown": _write_markdown, "html": _write_html, "csv": _write_csv, "xlsx": _write_xlsx}
    writers[kind](report, path)
    return path


def format_amount(amount: dict | None) -> str:
    """{"value": 18650000000, "unit": "元"} → '186.5亿元'."""
    if not amount or amount.get("value") is None:
        return ""
    value, unit = amount["value"], amount.get("unit") or "元"
    for size, name in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.6g}{name}{unit}"
    return f"{value:.6g}{unit}"


def event_date(event: dict) -> str:
    """The exact signing date, else the day the event is filed under (its report's date)."""
    return _full_date(event) or event.get("first_seen") or event.get("date") or ""


# -- rendering --------------------------------------------------------------------

COLUMNS = ("date", "parties", "projects", "count", "amount", "location", "sources")
CSV_COLUMNS = ("first_seen", "date", "parties", "projects", "count", "amount_value", "amount_unit",
               "amount", "location", "text", "title", "published", "source", "url", "sources", "reports")


def event_cells(event: dict) -> dict[str, str]:
    """The display text of an event's columns (sources excepted)."""
    count = event.get("count")
    return {"date": event_date(event), "parties": "、".join(event.get("parties") or []),
            "projects": "、".join(event.get("projects") or []),
            "count": "" if count is None else str(count), "amount": format_amount(event.get("amount")),
            "location": event.get("location") or ""}


def _reports_of(event: dict) -> list[dict]:
    return event.get("reports") or [{"url": u, "source": None} for u in event.get("sources") or []]


def summary_line(events: list[dict]) -> str:
    """'3 signing events from 4 reports by 3 sources.'"""
    reports = [r for e in events for r in _reports_of(e)]
    sources = {r.get("source") or r["url"] for r in reports}
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"   # noqa: E731
    return (f"{plural(len(events), 'signing event')} from {plural(len(reports), 'report')} "
            f"by {plural(len(sources), 'source')}.")


def terminal_table(report: SigningsReport):
    """A rich renderable: the events as a table, or the sentence saying there are none."""
    from rich.table import Table
    from rich.text import Text
    if not report.events:
        return Text(report.empty_message)
    table = Table(title=f"Signings first seen in {report.label}", caption=summary_line(report.events),
                  show_lines=True)
    rows = [event_cells(event) for event in report.events]
    shown = [c for c in COLUMNS[:-1] if c in ("date", "parties") or any(row[c] for row in rows)]
    for column in (*shown, "sources"):
        table.add_column(column, overflow="fold", no_wrap=column == "date")
    for cells, event in zip(rows, report.events):
        table.add_row(*(cells[c] for c in shown), "\n".join(event["sources"]))
    return table


def _md(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def markdown_events(events: list[dict]) -> list[str]:
    """Markdown lines: a table of the events, then each event's sentence and reports."""
    lines = ["| # | " + " | ".join(c.capitalize() for c in COLUMNS) + " |",
             "|---" * (len(COLUMNS) + 1) + "|"]
    for n, event in enumerate(events, 1):
        cells = event_cells(event)
        links = " · ".join(f"[{_md(r.get('source') or str(i))}]({r['url']})"
                           for i, r in enumerate(_reports_of(event), 1))
        lines.append(f"| {n} | " + " | ".join(_md(cells[c]) for c in COLUMNS[:-1]) + f" | {links} |")
    for n, event in enumerate(events, 1):
        lines += ["", f"**{n}.** {_md(event.get('text') or '')}", ""]
        lines += [f"- [{_md(r.get('title') or r['url'])}]({r['url']}) — "
                  f"{_md(r.get('source') or '')} {r.get('published') or ''}".rstrip()
                  for r in _reports_of(event)]
    return lines


def _write_markdown(report: SigningsReport, path: Path) -> None:
    lines = [f"# Signings first seen in {report.label}", ""]
    lines += [f"Filters: {_md(_filters_text(report))}", ""] if _filters_text(report) else []
    if report.events:
        lines += [summary_line(report.events), ""] + markdown_events(report.events)
    else:
        lines.append(report.empty_message)
    weekly = ", ".join(f"{w} {c}" for w, c in zip(report.weeks, report.per_week) if c)
    lines += ["", f"Events first seen per week since {report.weeks[0]}: {weekly or 'none'}.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _filters_text(report: SigningsReport) -> str:
    return "; ".join(f"{k}: {v}" for k, v in (("region", report.region), ("party", report.org)) if v)


HTML_STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:72em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f4f6f8}tr:nth-child(even) td{background:#fafbfc}
.num{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}
.empty{font-size:1.1em;padding:1em;background:#fff8e1;border-left:4px solid #f0b429}
.muted{color:#666;font-size:.9em}
blockquote{margin:.3em 0 .3em 1em;color:#444}figure{margin:1em 0}img{max-width:100%}
"""


def html_page(title: str, body: str) -> str:
    """A self-contained HTML document (inline CSS, no external resources)."""
    from html import escape
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{HTML_STYLE}</style></head>\n"
            f"<body>\n<h1>{escape(title)}</h1>\n{body}\n</body></html>\n")


_CELL_CLASS = {"count": " class=num", "amount": " class=num", "date": " class=nowrap"}


def html_events(events: list[dict]) -> str:
    """An HTML table of the events, with each event's sentence and linked reports."""
    from html import escape
    head = "".join(f"<th>{c.capitalize()}</th>" for c in COLUMNS)
    rows = []
    for n, event in enumerate(events, 1):
        cells = event_cells(event)
        links = "<br>".join(f'<a href="{escape(r["url"])}">{escape(r.get("title") or r["url"])}</a> '
                            f'<span class="muted">{escape(r.get("source") or "")} '
                            f'{escape(r.get("published") or "")}</span>' for r in _reports_of(event))
        tds = "".join(f"<td{_CELL_CLASS.get(c, '')}>{escape(cells[c])}</td>" for c in COLUMNS[:-1])
        rows.append(f"<tr><td class=num>{n}</td>{tds}<td>{links}"
                    f"<blockquote>{escape(event.get('text') or '')}</blockquote></td></tr>")
    return f"<table><thead><tr><th>#</th>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def _write_html(report: SigningsReport, path: Path) -> None:
    import base64
    from html import escape
    parts = [f'<p class="muted">{escape(_filters_text(report))}</p>'] if _filters_text(report) else []
    if report.events:
        parts.append(f"<p>{escape(summary_line(report.events))}</p>")
    else:
        parts.append(f'<p class="empty">{escape(report.empty_message)}</p>')
    png = base64.b64encode(report.chart_png()).decode("ascii")
    parts.append(f'<figure><img alt="Bar chart: signing events first seen per week, {report.weeks[0]} '
                 f'to {report.weeks[-1]}" src="data:image/png;base64,{png}"></figure>')
    if report.events:
        parts.append(html_events(report.events))
    path.write_text(html_page(f"Signings first seen in {report.label}", "\n".join(parts)),
                    encoding="utf-8")


def csv_row(event: dict) -> dict[str, Any]:
    """An event as a flat row of CSV_COLUMNS."""
    amount = event.get("amount") or {}
    return {"first_seen": event.get("first_seen"), "date": event.get("date"),
            "parties": "、".join(event.get("parties") or []),
            "projects": "、".join(event.get("projects") or []), "count": event.get("count"),
            "amount_value": amount.get("value"), "amount_unit": amount.get("unit"),
            "amount": format_amount(event.get("amount")), "location": event.get("location"),
            "text": event.get("text"), "title": event.get("title"), "published": event.get("published"),
            "source": event.get("source"), "url": event.get("url"),
            "sources": "\n".join(event.get("sources") or []), "reports": len(_reports_of(event))}


def _write_csv(report: SigningsReport, path: Path) -> None:
    import csv
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:   # BOM: Excel reads UTF-8
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_row(event) for event in report.events)


def _write_xlsx(report: SigningsReport, path: Path) -> None:
    import io
    import xlsxwriter
    book = xlsxwriter.Workbook(str(path), {"strings_to_urls": False})
    bold, wrap = book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet("signings")
    sheet.write_row(0, 0, CSV_COLUMNS, bold)
    for n, event in enumerate(report.events, 1):
        row = csv_row(event)
        sheet.write_row(n, 0, [row[c] for c in CSV_COLUMNS], wrap)
    for column, width in {"A:B": 11, "C:D": 30, "J:K": 40, "N:O": 45}.items():
        sheet.set_column(column, width)
    sheet.freeze_panes(1, 0)
    weekly = book.add_worksheet("per week")
    weekly.write_row(0, 0, ["week", "events"], bold)
    for n, (week, count) in enumerate(zip(report.weeks, report.per_week), 1):
        weekly.write_row(n, 0, [week, count])
    weekly.insert_image("D2", "signings-per-week.png", {"image_data": io.BytesIO(report.chart_png())})
    book.close()

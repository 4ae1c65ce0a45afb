"""Exports: documents, organisations, figures or signings matching a search.

Every row carries its provenance (document id, URL, title, published, source,
the sentence and the character offsets). CSV is UTF-8 with a BOM so Excel
opens it without mangling Chinese; XLSX and Parquet are written streaming,
page by page of the search, so a large export never sits in memory. An empty
query exports everything (within the filters). Organisations carry their
``canonical`` body (index.keys, as the org facet and filter group them) and
signings the ``location_code`` (GB/T 2260) their location resolves to.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from policyminer.errors import PolicyminerError

PAGE = 500
DOC_FIELDS = ["doc_id", "url", "title", "published", "source", "region", "doc_type"]
COLUMNS = {
    "documents": DOC_FIELDS + ["organizations", "figures", "signings", "text"],
    "organizations": DOC_FIELDS + ["name", "canonical", "type", "aliases", "mentions", "start", "end",
                                   "sentence"],
    "figures": DOC_FIELDS + ["value", "unit", "qualifier", "metric", "year", "text", "start", "end", "sentence"],
    "signings": DOC_FIELDS + ["date", "parties", "projects", "count", "amount_value", "amount_unit",
                              "location", "location_code", "text", "start", "end", "sentence"],
}
FORMATS = ("csv", "xlsx", "jsonl", "parquet")
Progress = Callable[[int, int], None]   # (documents done, documents in all)
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    match = _SENTENCE_END.search(text, max(start, end - 1))   # a span may end with its 。
    return text[left:match.end() if match else len(text)].strip()


def iter_documents(index, query: str, filters: dict, *,
                   progress: Progress | None = None) -> Iterator[dict]:
    """Every stored document matching the search, newest first, page by page."""
    offset = done = 0
    while True:
        result = index.search(query or "", limit=PAGE, offset=offset, sort="date", filters=filters,
                              facet_size=0)
        for hit in result.hits:
            doc = index.document(hit["id"])
            if doc:
                yield doc
            done += 1
            if progress:
                progress(done, result.total)
        offset += PAGE
        if offset >= result.total or not result.hits:
            return


def rows_of(kind: str, doc: dict) -> Iterator[dict]:
    """The export rows one document gives for `kind`."""
    base = {"doc_id": doc["id"], **{k: doc.get(k) for k in DOC_FIELDS[1:]}}
    text = doc.get("text") or ""
    if kind == "documents":
        yield {**base, "organizations": "、".join(o["name"] for o in doc.get("organizations", [])),
               "figures": len(doc.get("figures", [])), "signings": len(doc.get("signings", [])),
               "text": text}
    elif kind == "organizations":
        for org in doc.get("organizations", []):
            start, end = (org.get("mentions") or [[0, 0]])[0]
            yield {**base, "name": org["name"], "canonical": _canonical(org["name"]), "type": org["type"],
                   "aliases": "、".join(org.get("aliases", [])),
                   "mentions": len(org.get("mentions", [])), "start": start, "end": end,
                   "sentence": sentence_at(text, start, end)}
    elif kind == "figures":
        for fig in doc.get("figures", []):
            yield {**base, **{k: fig.get(k) for k in ("value", "unit", "qualifier", "metric", "year", "text",
                                                       "start", "end")},
                   "sentence": sentence_at(text, fig["start"], fig["end"])}
    elif kind == "signings":
        for sig in doc.get("signings", []):
            amount = sig.get("amount") or {}
            yield {**base, "date": sig.get("date"), "parties": "、".join(sig.get("parties", [])),
                   "projects": "、".join(sig.get("projects", [])), "count": sig.get("count"),
                   "amount_value": amount.get("value"), "amount_unit": amount.get("unit"),
                   "location": sig.get("location"),
                   "location_code": _location_code(sig, doc.get("region")), "text": sig.get("text"),
                   "start": sig.get("start"), "end": sig.get("end"),
                   "sentence": sentence_at(text, sig.get("start") or 0, sig.get("end") or 0)}
    else:
        raise PolicyminerError(f"unknown export kind {kind!r}")


def _canonical(name: str) -> str:
    from index.keys import org_key
    return org_key(name)


def _location_code(sig: dict, region: str | None) -> str | None:
    """The signing's location_code, else its location resolved in the document's region."""
    from index.keys import location_codes
    codes = location_codes(sig.get("location"), sig.get("location_code"), region)
    return codes[-1] if codes else None


def export_rows(index, kind: str, query: str, *, filters: dict, fmt: str, output: str,
                progress: Progress | None = None) -> int:
    """Write every row of `kind` for documents matching `query`; returns the row count.

    ``progress(done, total)`` is called after each document.
    """
    if kind not in COLUMNS:
        raise PolicyminerError(f"unknown export kind {kind!r} (known: {', '.join(COLUMNS)})")
    if fmt not in FORMATS:
        raise PolicyminerError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    docs = iter_documents(index, query, filters, progress=progress)
    rows = (row for doc in docs for row in rows_of(kind, doc))
    writer = {"csv": write_csv, "xlsx": write_xlsx, "jsonl": write_jsonl, "parquet": write_parquet}[fmt]
    return writer(rows, COLUMNS[kind], output)


@contextmanager
def _text_output(output: str, encoding: str):
    """stdout for '-', else a new file (parent folders created)."""
    if output == "-":
        yield sys.stdout
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding=encoding, newline="") as handle:
        yield handle


def write_csv(rows, columns: list[str], output: str) -> int:
    count = 0
    with _text_output(output, "utf-8-sig") as handle:   # the BOM tells Excel it is UTF-8
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for count, row in enumerate(rows, 1):
            writer.writerow(row)
    return count


def write_jsonl(rows, columns: list[str], output: str) -> int:
    count = 0
    with _text_output(output, "utf-8") as handle:
        for count, row in enumerate(rows, 1):
            handle.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    return count


def write_xlsx(rows, columns: list[str], output: str) -> int:
    import xlsxwriter
    if output == "-":
        raise PolicyminerError("XLSX cannot be written to stdout; give --output FILE.xlsx")
    book = xlsxwriter.Workbook(output, {"constant_memory": True, "strings_to_urls": False})
    sheet = book.add_worksheet("export")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, columns, bold)
    count = 0
    for count, row in enumerate(rows, 1):
        sheet.write_row(count, 0, [_cell(row.get(c)) for c in columns])
    sheet.freeze_panes(1, 0)
    book.close()
    return count


def _cell(value):
    if isinstance(value, str) and len(value) > 32_000:   # Excel's cell limit is 32,767
        return value[:32_000] + "…"
    return value


NUMERIC = {"value": "float64", "amount_value": "float64", "year": "int64", "count": "int64",
           "start": "int64", "end": "int64", "figures": "int64", "signings": "int64", "mentions": "int64"}


def write_parquet(rows, columns: list[str], output: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    if output == "-":
        raise PolicyminerError("Parquet cannot be written to stdout; give --output FILE.parquet")
    schema = pa.schema([(c, NUMERIC.get(c, "string")) for c in columns])
    count, batch = 0, []
    with pq.ParquetWriter(output, schema) as writer:
        for count, row in enumerate(rows, 1):
            batch.append({c: _typed(c, row.get(c)) for c in columns})
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _typed(column: str, value):
    if value is None or column in NUMERIC:
        return value
    return str(value)

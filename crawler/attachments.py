"""Text of the files attached to policy pages: PDF, Word, Excel, WPS.

``read_attachment`` never raises for a bad file: it returns the record
``{url, name, format, text}`` or ``{url, name, format, error}`` so that one
broken attachment is reported with its reason and the page is still stored.
The format is decided by the bytes (magic numbers) first, then by the file
name: servers often send PDFs as ``application/octet-stream`` and ``.wps``
files that are really ``.docx``.
"""
from __future__ import annotations

import io
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

FORMATS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "et")
MAX_PDF_PAGES = 300
MAX_CHARS = 500_000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPACES = re.compile(r"[ \u3000\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


class AttachmentError(Exception):
    """A file that cannot be read as the format it claims; the message says why."""


def attachment_format(url: str, content_type: str | None = None) -> str | None:
    """The attachment format named by a URL's extension (or its Content-Type), else None."""
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    ctype = (content_type or "").split(";")[0].strip().lower()
    return {
        "application/pdf": "pdf",
        "application/msword": "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.ms-excel": "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/vnd.ms-works": "wps",
        "application/kswps": "wps",
    }.get(ctype)


def sniff(data: bytes, declared: str) -> str:
    """The format the bytes really have: ``pdf``, ``zip`` (docx/xlsx), ``ole`` (doc/xls/wps) or ``html``."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    if head[:1] == b"<" and re.match(rb"<(!doctype|html|head|\?xml|body)", head, re.I):
        return "html"
    return declared


def read_attachment(url: str, name: str, data: bytes | None, *, content_type: str | None = None,
                    error: str | None = None) -> dict[str, Any]:
    """The attachment record for a downloaded file (or for a download that failed with ``error``)."""
    fmt = attachment_format(url, content_type) or attachment_format(name) or "unknown"
    record: dict[str, Any] = {"url": url, "name": name, "format": fmt}
    if error is not None or data is None:
        record["error"] = error or "not downloaded"
        return record
    try:
        record["text"] = extract_text(data, fmt)
    except AttachmentError as exc:
        record["error"] = str(exc)
    except Exception as exc:  # a malformed file must not stop the crawl
        record["error"] = f"cannot read this {fmt} file: {type(exc).__name__}: {exc}"
    return record


def extract_text(data: bytes, fmt: str) -> str:
    """Plain text of a file in format ``fmt``; raises :class:`AttachmentError` when unreadable."""
    if not data:
        raise AttachmentError("empty file")
    kind = sniff(data, fmt)
    if kind == "html":
        raise AttachmentError(f"the server sent an HTML page, not a {fmt} file")
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "zip":
        text = _xlsx_text(data) if fmt in ("xlsx", "xls", "et") else _docx_text(data)
    elif kind == "ole" and fmt in ("xls", "et"):
        text = _xls_text(data)
    elif kind == "ole" or fmt in ("doc", "wps"):
        raise AttachmentError(
            f"{fmt} files (Word 97-2003 / WPS binary format) cannot be read; the text of this "
            "attachment is not available (convert it to .docx or PDF to include it)")
    else:
        raise AttachmentError(f"unrecognised file contents for format {fmt}")
    return _tidy(text)[:MAX_CHARS]


def _pdf_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES)
    except PDFSyntaxError as exc:
        raise AttachmentError(f"not a readable PDF: {exc}") from exc
    if not text.strip():
        raise AttachmentError("the PDF has no text layer (a scan?); OCR is not supported")
    return text


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise AttachmentError(f"not a readable .docx file: {exc}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(_unique(cell.text.strip() for cell in row.cells)))
    return "\n".join(lines)


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise AttachmentError(f"not a readable .xlsx file: {exc}") from exc
    lines = []
    for sheet in book.worksheets:
        lines.append(f"# {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            cells = [_cell(v) for v in row]
            if any(cells):
                lines.append("\t".join(cells).rstrip())
    book.close()
    return "\n".join(lines)


def _xls_text(data: bytes) -> str:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data)
    except xlrd.XLRDError as exc:
        raise AttachmentError(f"not a readable .xls file: {exc}") from exc
    lines = []
    for sheet in book.sheets():
        lines.append(f"# {sheet.name}")
        for r in range(sheet.nrows):
            cells = [_cell(v) for v in sheet.row_values(r)]
            if any(cells):
                lines.append("\t".join(cells).rstrip())
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _unique(cells) -> list[str]:
    """Cells of a table row without the repeats python-docx returns for merged cells."""
    out: list[str] = []
    for cell in cells:
        if not out or out[-1] != cell:
            out.append(cell)
    return out


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()

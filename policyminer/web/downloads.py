"""File downloads: search exports (/export/{kind}.{format}) and a week's signings.

Only the kinds and formats named here exist; the file is written by
policyminer.export into a fresh temporary directory under a fixed name, so
nothing the user sends reaches a file path, and removed after sending.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.responses import FileResponse

from policyminer.export import COLUMNS, export_rows, write_csv, write_xlsx
from policyminer.web.params import SearchParams, WebError

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
EXPORT_NAME = re.compile(r"(documents|organizations|figures|signings)\.(csv|xlsx|jsonl)")


def parse_export_name(name: str) -> tuple[str, str]:
    """('figures', 'csv') from 'figures.csv'; any other name is a 404."""
    match = EXPORT_NAME.fullmatch(name)
    if not match:
        raise WebError(404, f"no such export: {name[:60]!r} (kinds: {', '.join(COLUMNS)}; "
                            "formats: csv, xlsx, jsonl)")
    return match[1], match[2]


def export_download(index, kind: str, fmt: str, params: SearchParams) -> FileResponse:
    """Every ``kind`` row of the documents matching the search, as one file."""
    return _download(lambda out: export_rows(index, kind, params.q, filters=params.filters,
                                             fmt=fmt, output=out),
                     fmt, f"policyminer-{kind}.{fmt}")


def rows_download(rows: list[dict], columns: list[str], fmt: str, filename: str) -> FileResponse:
    """Ready-made rows (a week's signings) as CSV or XLSX."""
    writer = {"csv": write_csv, "xlsx": write_xlsx}[fmt]
    return _download(lambda out: writer(iter(rows), columns, out), fmt, filename)


def _download(write: Callable[[str], int], fmt: str, filename: str) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="policyminer-web-"))
    try:
        count = write(str(folder / f"export.{fmt}"))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(folder / f"export.{fmt}", media_type=MEDIA_TYPES[fmt], filename=filename,
                        headers={"X-Row-Count": str(count)},
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))

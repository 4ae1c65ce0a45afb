"""`policyminer extract FILE…`: local files (text or HTML, any Chinese encoding) → records."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from rich.markup import escape

from policyminer import output
from policyminer.errors import InputError, PolicyminerError
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, file_url

MAX_FILE_BYTES = 50 * 1024 * 1024


def expand(args: tuple[str, ...] | list[str]) -> list[str]:
    """Arguments → files in order: a directory stands for its files, sorted by name."""
    paths: list[str] = []
    for arg in args:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            paths.extend(str(p) for p in sorted(path.iterdir())
                         if p.is_file() and not p.name.startswith("."))
        else:
            paths.append(arg)
    return paths


def read_input(name: str) -> bytes:
    """Bytes of a file, or of stdin for '-'; InputError names the file."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{name}: {size:,} bytes is larger than the {MAX_FILE_BYTES:,} "
                             f"policyminer reads; split the file")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None


def _extract_one(job: tuple[str, bytes | None, str | None, str | None], nlp) -> dict:
    """Worker: one input → the EXTRACTION.md object, or {"file", "error"}."""
    from nlp.content import read_article
    from nlp.pipeline import extract_article
    name, data, url, published = job
    try:
        data = read_input(name) if data is None else data
        url = url or (file_url(name) if name != "-" else "stdin:")
        article = read_article(data, url, name=name)
        if published:
            article.published = published
        return extract_article(article, nlp=nlp).to_dict()
    except PolicyminerError as exc:
        return {"file": name, "error": str(exc)}
    except Exception as exc:   # a crash on one file must not lose the others
        return {"file": name, "error": f"{name}: {type(exc).__name__}: {exc}"}


def extract_files(paths: list[str], *, url: str | None, published: str | None,
                  workers: int | None, dictionary_dir: Path | None) -> Iterator[dict]:
    """Extract each path, in input order, on several processes for batches."""
    from nlp.pipeline import map_documents
    if published:
        _check_date(published)
    jobs = [(p, read_input(p) if p == "-" else None, url, published) for p in paths]
    return map_documents(_extract_one, jobs, workers=workers or 0, dictionary_dir=dictionary_dir)


def _check_date(value: str) -> None:
    from datetime import date
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date of the form YYYY-MM-DD") from None


def print_results(results, *, single: bool, save_to: Path | None) -> list[str]:
    """Print one object (single) or JSONL; returns the error messages."""
    failed, keep = [], []
    for result in results:
        if "error" in result:
            failed.append(result["error"])
            if single:
                continue
            output.err.print(f"[yellow]skipped[/] {escape(result['error'])}")
        elif save_to is not None:
            keep.append(Extracted.from_dict(result))
        output.print_json(result)
    if keep:
        ExtractedStore(save_to).write(keep)
    return failed

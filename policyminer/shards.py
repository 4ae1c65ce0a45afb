"""Extraction split over workers and machines: ``policyminer extract --shard I/N``.

Shard I of N (1-based, as in ``--shard 2/4``) holds the stored pages whose
document id hashes to I; the hash is stable (SHA-1 of the id), so every
worker, on every machine and in every run, agrees on who extracts what, and
the N shards cover the store exactly once. A shard run is incremental like
``policyminer extract``: a page whose record already carries this extractor
version and the page's content hash is skipped, so rerunning a shard (after
a crash, say) only does what is missing. Each run uses all cores of its
machine (``workers``) and streams the store in chunks, so memory stays flat
however large the store is.

Workers on one machine can write into one extracted/ directory: every
append to (and compaction of) a part file happens under an exclusive lock
(``fcntl.flock`` on ``.part-X.lock``, see extracted.py), so two processes
never interleave their lines or lose records. Workers on different
machines write their own extracted/ and :func:`merge_extracted`
(``policyminer extract --merge DIR``) combines them; or each loads its own
records into a shared OpenSearch/Elasticsearch index (``policyminer index``
upserts by id).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from policyminer.errors import ConfigError
from policyminer.extracted import ExtractedStore, read_jsonl
from policyminer.records import Extracted
from policyminer.workspace import Workspace

Shard = tuple[int, int]               # (index, count), 1 <= index <= count
CHUNK = 512                           # pages handed to the process pool at a time
FLUSH = 2000                          # records buffered before a write of the part files
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> Shard:
    """``"2/4"`` → ``(2, 4)``; ConfigError unless 1 <= I <= N."""
    match = _SHARD.match(str(text))
    if not match:
        raise ConfigError(f"shard {text!r}: expected I/N, e.g. 1/4 (the first of four shards)")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise ConfigError(f"shard {text!r}: I must be between 1 and N (shards are numbered 1…N)")
    return index, count


def shard_of(doc_id: str, count: int) -> int:
    """The shard (1…count) that extracts the document ``doc_id``."""
    digest = hashlib.sha1(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(doc_id: str, shard: Shard) -> bool:
    """Whether ``doc_id`` belongs to ``shard``."""
    return shard_of(doc_id, shard[1]) == shard[0]


class LockedExtractedStore(ExtractedStore):
    """extracted/ for several writer processes.

    ExtractedStore itself now appends under a per-part ``flock``; the name
    stays for the callers and tests that ask for a multi-writer store.
    """


def extract_shard(ws: Workspace, shard: Shard = (1, 1), *, force: bool = False,
                  workers: int | None = None, progress: Callable[[int, int], None] | None = None,
                  chunk: int = CHUNK, flush: int | None = None, sources=None):
    """Extract the stored pages of ``shard`` that are new, changed or made by an older extractor.

    Pages go to the process pool ``chunk`` at a time; records are written
    once ``flush`` of them are waiting (default: the larger of FLUSH and the
    workspace's extract.batch_size), so a crash redoes at most that many.
    ``sources`` (crawler Sources) give the detail-page selectors; by default
    the workspace's sources.yaml. Returns run.ExtractReport; ``seen`` counts
    the pages of this shard only. ``policyminer.run.extract_pages`` is shard 1/1.
    """
    from nlp.pipeline import extractor_version, map_documents, shared_nlp
    from policyminer.run import ExtractReport, content_hash, extract_page, page_store, sources_or_empty

    report, out = ExtractReport(), LockedExtractedStore(ws.extracted_dir)
    version = extractor_version()
    known = {} if force else stored_versions(ws.extracted_dir, shard, store=out)
    sources = sources if sources is not None else sources_or_empty(ws)
    selectors = {s.id: s.detail or None for s in sources}
    workers = ws.settings.extract.workers if workers is None else workers
    flush = flush or max(FLUSH, ws.settings.extract.batch_size)
    store, buffer = page_store(ws), []
    ids = shard_page_urls(store, shard)
    shared_nlp(str(ws.dictionaries_dir))    # loaded once here, inherited by the forked workers
    done = 0
    try:
        for urls in _chunks(ids, chunk):
            jobs = []
            for url in urls:
                page = store.get(url)
                done += 1
                if page is None:          # deleted since the listing
                    continue
                report.seen += 1
                if known.get(page.id) == (version, content_hash(page.html)):
                    report.unchanged += 1
                    continue
                jobs.append((page.to_dict(), selectors.get(page.source)))
            done -= len(jobs)           # those count once their result is in
            for result in map_documents(extract_page, jobs, workers=workers,
                                        dictionary_dir=ws.dictionaries_dir):
                done += 1
                if "error" in result:
                    report.failed.append((result["url"], result["error"]))
                else:
                    buffer.append(Extracted.from_dict(result))
                    report.extracted += 1
                if len(buffer) >= flush:
                    out.write(buffer)
                    buffer = []
                if progress:
                    progress(done, len(ids))
            if progress:
                progress(done, len(ids))
        out.write(buffer)
    finally:
        store.close()
    return report


def shard_page_urls(store, shard: Shard) -> list[str]:
    """URLs of the kept (not near-duplicate) stored pages in ``shard``, oldest change first."""
    rows = store.db.execute("SELECT url, id FROM pages WHERE near_dup_of IS NULL ORDER BY updated, url")
    return [url for url, doc in rows if in_shard(doc, shard)]


def stored_versions(root: Path, shard: Shard = (1, 1), *,
                    store: ExtractedStore | None = None) -> dict[str, tuple[str, str]]:
    """id → (extractor_version, content hash) of the records of ``shard`` under ``root``.

    Read from the side index of each part (extracted.py): no records are parsed.
    ``store`` (an ExtractedStore of ``root``) keeps the part indexes it reads
    for its later writes.
    """
    versions = (store or ExtractedStore(root)).versions()
    if shard == (1, 1):
        return versions
    return {rid: pair for rid, pair in versions.items() if in_shard(rid, shard)}


def merge_extracted(sources: Iterable[str | Path], dest: str | Path) -> tuple[int, int]:
    """Upsert every record of other extracted/ directories (or JSONL files) into ``dest``.

    Idempotent: a record already there unchanged counts as replaced and
    appends nothing. Returns (added, replaced).
    """
    out, added, replaced = LockedExtractedStore(Path(dest)), 0, 0
    for source in sources:
        path = Path(source)
        if path.resolve() == out.root.resolve():
            raise ConfigError(f"{path}: cannot merge extracted/ into itself")
        if not path.exists():
            raise ConfigError(f"{path}: no such directory or JSONL file")
        files = ExtractedStore(path).files() if path.is_dir() else [path]
        for chunk in _chunks(_records(files), FLUSH):
            a, r = out.write(chunk)
            added, replaced = added + a, replaced + r
    return added, replaced


def _records(files: list[Path]) -> Iterator[Extracted]:
    for path in files:
        yield from read_jsonl(path)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

"""The keyword model over a synthetic corpus: fit time, memory, model size, lookup latency.

    .venv/bin/python -m benchmarks.keywords --docs 10000
    .venv/bin/python -m benchmarks.keywords --docs 2000 --real   # dev-set texts, repeated

Writes N records into a temporary workspace's extracted/ (``synthetic_records``
of benchmarks/index.py, or with ``--real`` the written dev-set texts, each
document a different one of them with a numbered title), then times
``policyminer.similar.refresh_model`` (the fit: jieba over every title and
text, the TF-IDF matrix, the save), a second refresh with nothing changed, a
refresh after every shard was touched with the same records (the digest
path), and ``similar`` / ``keywords_of`` lookups. Prints JSON; throughput is
given per document and per KB of text, since fitting costs what segmenting the
text costs and synthetic documents are shorter than real ones.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import devset_texts, peak_rss_mib
from benchmarks.index import synthetic_records
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, doc_id
from policyminer.workspace import Workspace


def real_records(n: int) -> Iterator[Extracted]:
    """``n`` records cycling through the dev-set texts (each one a document of its own)."""
    texts = devset_texts()
    for i in range(n):
        url = f"https://bench.example.cn/real/{i:06d}.html"
        yield Extracted(id=doc_id(url), url=url, title=f"文档{i}", published=None,
                        text=texts[i % len(texts)], extractor_version="bench")


def _timed(func):
    start = time.perf_counter()
    value = func()
    return value, round(time.perf_counter() - start, 3)


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 2)


def lookups(model, count: int = 200) -> dict:
    """p50/p95 milliseconds of similar(row, 5) and keywords_of(row, 10) over random rows."""
    rng = random.Random(3)
    rows = [rng.randrange(len(model)) for _ in range(count)]
    similar, keywords = [], []
    for row in rows:
        start = time.perf_counter()
        model.similar(row, 5)
        similar.append(time.perf_counter() - start)
        start = time.perf_counter()
        model.keywords_of(row, 10)
        keywords.append(time.perf_counter() - start)
    return {"similar_p50_ms": _percentile(similar, 0.5), "similar_p95_ms": _percentile(similar, 0.95),
            "keywords_p50_ms": _percentile(keywords, 0.5)}


def run(docs: int, real: bool) -> dict:
    """Build a workspace of ``docs`` records and measure the keyword model over it."""
    from policyminer import similar
    with tempfile.TemporaryDirectory() as home:
        ws = Workspace.open(Path(home))
        store = ExtractedStore(ws.extracted_dir)
        store.write(real_records(docs) if real else synthetic_records(docs))
        text_kb = sum(path.stat().st_size for path in store.files()) / 1024
        rss_before = peak_rss_mib()
        refreshed, fit_s = _timed(lambda: similar.refresh_model(ws))
        model = refreshed.model
        result = {
            "docs": docs, "corpus": "dev-set texts" if real else "synthetic", "jsonl_kb": round(text_kb),
            "fit_s": fit_s, "fit_docs_per_s": round(docs / fit_s), "fit_jsonl_kb_per_s": round(text_kb / fit_s),
            "peak_rss_mib_before_fit": round(rss_before), "peak_rss_mib_after_fit": round(peak_rss_mib()),
            "model_mib": round(similar.model_path(ws).stat().st_size / 2**20, 2),
            "vocabulary": len(model.vocabulary), "matrix_nnz": int(model.matrix.nnz),
        }
        result["unchanged_refresh_s"] = _timed(lambda: similar.refresh_model(ws))[1]
        for path in store.files():     # as after a compaction: shards touched, records the same
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        result["digest_refresh_s"] = _timed(lambda: similar.refresh_model(ws))[1]
        result.update(lookups(model))
        return result


def main(argv: list[str] | None = None) -> None:
    """Command line: --docs N [--real]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--real", action="store_true", help="Dev-set texts instead of synthetic ones.")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.docs, args.real), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""Crawling, the page store and extracted/ at growing sizes.

    .venv/bin/python -m benchmarks.crawl_scale crawl --pages 2000 [--workers 2]
    .venv/bin/python -m benchmarks.crawl_scale store --pages 10000
    .venv/bin/python -m benchmarks.crawl_scale jsonl --records 10000
    .venv/bin/python -m benchmarks.crawl_scale shard --pages 10000

``crawl``: the real crawler (Scrapy, crawler.run) over the generated site of
tests/scale/scale_sites.py on loopback (no politeness delays, pages answer at
once), in one process or in ``--workers`` processes sharing a Redis frontier
(a private redis-server on a free port). Pages per second from the first
request to the last page stored.
``store``: PageStore.put of N generated pages (one transaction each, as the
crawler does), then a full iter_pages pass; file size.
``jsonl``: extracted/ holding N records, then five batches of 64 more written
(median time per batch), the first batch once more (a rerun), a full read of
the store and ``versions()`` (what an incremental extract reads first), each
by a fresh reader; then 5% of the records rewritten by a newer extractor and
the time ``compact()`` takes to drop the superseded lines.
``shard``: listing the pages of shard 1/4 (policyminer.shards) in a store of N.
Every command prints one JSON object, including peak RSS.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import REPO, peak_rss_mib

sys.path.insert(0, str(REPO / "tests" / "scale"))

from scale_sites import GeneratedSite, article_html, article_path, sources_yaml  # noqa: E402

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_TIMEOUT": 30, "RETRY_TIMES": 1,
        "LOG_LEVEL": "ERROR"}


def bench_crawl(pages: int, workers: int, workdir: Path) -> dict:
    from crawler.distributed import frontier_settings
    from crawler.run import start_crawl_subprocess
    from crawler.sources import load_sources
    from crawler.store import PageStore

    redis = None
    with GeneratedSite(articles=pages) as site:
        path = workdir / "sources.yaml"
        path.write_text(sources_yaml(site.base_url, max_pages=pages * 2), encoding="utf-8")
        source = next(s for s in load_sources(path, base=site.base_url) if s.id == "scale-news")
        settings = dict(FAST)
        if workers > 1:
            redis, port = _redis(workdir)
            settings.update(frontier_settings(f"redis://127.0.0.1:{port}/0?crawl=bench"))
        start = time.perf_counter()
        running = [start_crawl_subprocess([source], workdir / "pages.db", settings=settings, progress=False)
                   for _ in range(workers)]
        for crawl in running:
            crawl.wait(3600)
        seconds = time.perf_counter() - start
        if redis:
            redis.terminate()
        with PageStore(workdir / "pages.db") as store:
            stored = store.count()
    return {"pages": pages, "workers": workers, "stored": stored, "seconds": round(seconds, 1),
            "pages_per_s": round(stored / seconds, 1), "note": "includes ~3 s of process start-up"}


def _redis(workdir: Path):
    from scale_sites import start_redis

    return start_redis(workdir)


def bench_store(pages: int, workdir: Path) -> dict:
    from crawler.store import PageStore

    bodies = [article_html(i).encode("utf-8") for i in range(min(pages, 2000))]
    start = time.perf_counter()
    with PageStore(workdir / "pages.db") as store:
        for i in range(pages):
            store.put(f"http://news.example.cn{article_path(i)}", bodies[i % len(bodies)] + str(i).encode(),
                      source="scale-news")
    put = time.perf_counter() - start
    start = time.perf_counter()
    with PageStore(workdir / "pages.db") as store:
        count = sum(1 for _ in store.iter_pages())
    read = time.perf_counter() - start
    size = sum(p.stat().st_size for p in workdir.glob("pages.db*"))
    return {"pages": pages, "put_per_s": round(pages / put), "iter_pages_per_s": round(count / read),
            "db_mib": round(size / 2**20, 1)}


def bench_jsonl(records: int, workdir: Path, batches: int = 5) -> dict:
    from benchmarks.index import synthetic_records
    from policyminer.extracted import ExtractedStore
    from policyminer.records import Extracted

    out = ExtractedStore(workdir / "extracted")
    start = time.perf_counter()
    made = list(synthetic_records(records + 64 * batches))
    first, rest = made[:records], made[records:]
    for at in range(0, len(first), 5000):
        out.write(first[at:at + 5000])
    fill = time.perf_counter() - start
    times = []
    for at in range(0, len(rest), 64):             # new records, then the same ones again (a rerun)
        start = time.perf_counter()
        out.write(rest[at:at + 64])
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    out.write(rest[:64])
    rewrite = time.perf_counter() - start
    one_batch = sorted(times)[len(times) // 2]
    start = time.perf_counter()
    count = sum(1 for _ in ExtractedStore(out.root))      # a fresh reader, as `policyminer index` is
    read = time.perf_counter() - start
    start = time.perf_counter()
    versions = len(ExtractedStore(out.root).versions())   # what an incremental extract reads first
    versions_s = time.perf_counter() - start
    size = sum(p.stat().st_size for p in out.files())
    result = {"records": records, "fill_s": round(fill, 1), "one_batch_of_64_s": round(one_batch, 3),
              "same_batch_again_s": round(rewrite, 3), "batches_of_64_per_hour": round(3600 / one_batch),
              "full_read_s": round(read, 2), "read": count, "versions_s": round(versions_s, 2),
              "versions": versions, "jsonl_mib": round(size / 2**20, 1)}
    if hasattr(out, "compact"):                           # 5% re-extracted by a newer extractor, then compacted
        out.write([Extracted.from_dict({**r.to_dict(), "extractor_version": "synthetic-2"})
                   for r in first[:max(1, records // 20)]])
        start = time.perf_counter()
        result["compacted_parts"] = out.compact()
        result["compact_s"] = round(time.perf_counter() - start, 2)
    return result


def bench_shard(pages: int, workdir: Path) -> dict:
    from crawler.store import PageStore
    from policyminer.shards import shard_page_urls

    bench_store(pages, workdir)
    start = time.perf_counter()
    with PageStore(workdir / "pages.db") as store:
        mine = shard_page_urls(store, (1, 4))
    return {"pages": pages, "shard_1_of_4": len(mine), "listing_s": round(time.perf_counter() - start, 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("what", choices=["crawl", "store", "jsonl", "shard"])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pm-bench-"))
    try:
        if args.what == "crawl":
            result = bench_crawl(args.pages, args.workers, workdir)
        elif args.what == "store":
            result = bench_store(args.pages, workdir)
        elif args.what == "jsonl":
            result = bench_jsonl(args.records, workdir)
        else:
            result = bench_shard(args.pages, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result["peak_rss_mib"] = round(peak_rss_mib(), 1)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""A rebuilt cluster index merged into one segment vs the same documents loaded in place.

    .venv/bin/python -m benchmarks.index_merge [--docs 100000] [--engine opensearch] [--url URL]

Loads the synthetic corpus of benchmarks/index.py twice into one node: once by
``rebuild`` (a new index, merged to one segment per shard before the alias
swap, as ``policyminer index --rebuild`` does) and once by ``load`` into an
existing index (segments as bulk loading left them). Then runs the query mix
against both in turns, query by query, so that a busy spell on a shared machine
slows both alike, and prints p50/p95 of each and their ratio (merged / in place).
"""
from __future__ import annotations

import argparse
import json
import time

from benchmarks.index import MIX, _percentile, synthetic_records


def _segments(index) -> int:
    answer = index.transport.request("GET", f"/_cat/segments/{index.alias}", params={"format": "json"})
    return len(answer)


def _drop(index) -> None:
    """Delete the benchmark's indices and template (they may live on the user's cluster)."""
    for name in index.transport.request("GET", f"/{index.alias}/_alias", ignore=(404,)) or {}:
        index.transport.request("DELETE", f"/{name}")
    index.transport.request("DELETE", f"/_index_template/{index.alias}", ignore=(404,))


def compare(merged, in_place, repeat: int, warmup: int = 3) -> dict:
    """p50/p95 of the query mix on both indices, timed in turns."""
    times: dict[str, list[float]] = {"merged": [], "in_place": []}
    for _ in range(warmup):
        for query in MIX:
            merged.search(query, limit=10)
            in_place.search(query, limit=10)
    for query in MIX:
        for _ in range(repeat):
            for name, index in (("merged", merged), ("in_place", in_place)):
                start = time.perf_counter()
                index.search(query, limit=10)
                times[name].append((time.perf_counter() - start) * 1000)
    result = {name: {"p50_ms": round(_percentile(t, 0.5), 1), "p95_ms": round(_percentile(t, 0.95), 1)}
              for name, t in times.items()}
    for q in ("p50_ms", "p95_ms"):
        result[f"ratio_{q[:3]}"] = round(result["merged"][q] / result["in_place"][q], 2)
    return result


def main(argv: list[str] | None = None) -> None:
    from index.base import open_index
    from index.launcher import Cluster
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query on each index")
    parser.add_argument("--engine", default="opensearch")
    parser.add_argument("--url", help="an existing cluster (else one node is started)")
    args = parser.parse_args(argv)
    records = list(synthetic_records(args.docs))

    def run(url: str) -> dict:
        with open_index(f"{url}/pm-bench-merged", engine=args.engine) as merged, \
                open_index(f"{url}/pm-bench-in-place", engine=args.engine) as in_place:
            merged.rebuild(records)
            in_place.rebuild(records[:1])          # the index exists; the rest is loaded into it
            in_place.load(records[1:])
            result = {"docs": args.docs, "segments": {"merged": _segments(merged),
                                                      "in_place": _segments(in_place)}}
            result.update(compare(merged, in_place, args.repeat))
            for index in (merged, in_place):
                _drop(index)
            return result

    if args.url:
        result = run(args.url.rstrip("/"))
    else:
        with Cluster(args.engine, heap="1g") as cluster:
            result = run(cluster.url)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

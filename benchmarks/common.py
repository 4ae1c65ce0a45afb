"""Helpers shared by the benchmarks: corpora, timing, peak memory."""
from __future__ import annotations

import json
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def devset_texts() -> list[str]:
    """Texts of the written dev-set documents (the seeds are left out: they stay outside the repo)."""
    texts = []
    for path in sorted((REPO / "tests" / "devset").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("text"):
            texts.append(data["text"])
    return texts


def best_of(func, repeat: int = 3) -> float:
    """Fastest wall time of `repeat` runs (noise only ever adds time)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mib() -> float:
    """Peak resident memory of this process and its finished children, MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024

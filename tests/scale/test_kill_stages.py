"""The pipeline killed (SIGKILL) in the middle of each stage, then rerun, ends where an uninterrupted run ends.

Two workspaces go through crawl → extract → index over the generated site.
The reference runs each stage once. The other has each stage killed midway
(after some pages are stored, some records written, some index batches
committed) and simply rerun. Pages, extracted records and indexed ids must
then be identical. The index stage gets 6,000 extra synthetic records so
that loading takes several transactions and a kill can land between them.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.index import synthetic_records
from crawler.run import crawl_in_subprocess, start_crawl_subprocess
from crawler.store import PageStore
from policyminer.extracted import ExtractedStore
from policyminer.workspace import Workspace
from scale_sites import FAST, sources_yaml

pytestmark = pytest.mark.integration
EXTRA = 6000
SETTINGS = "extract:\n  workers: 1\n  batch_size: 8\n"


def workspace(home: Path, base: str) -> Workspace:
    ws = Workspace.open(home)
    host = base.removeprefix("http://")
    yaml = sources_yaml(base).replace("{base}", base).replace("{host}", host)
    ws.sources_file.write_text(yaml.split("  - id: scale-faults")[0], encoding="utf-8")
    (ws.config_dir / "settings.yaml").write_text(SETTINGS, encoding="utf-8")
    return Workspace.open(home)


def cli(ws: Workspace, *args: str) -> subprocess.Popen:
    """``policyminer ARGS`` on the workspace, in its own process group (killed as a whole)."""
    return subprocess.Popen([sys.executable, "-m", "policyminer.cli", "--home", str(ws.home), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def finish(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def kill_when(process: subprocess.Popen, count, minimum: int, what: str, *, group: bool = True,
              timeout: float = 120) -> int:
    """SIGKILL ``process`` (its whole process group with ``group``) once ``count()`` reaches
    ``minimum``; returns the count it had then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = count()
        if found >= minimum:
            if group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.send_signal(signal.SIGKILL)
            process.wait()
            return found
        if process.poll() is not None:
            pytest.fail(f"the {what} stage ended before it could be killed midway")
        time.sleep(0.02)
    pytest.fail(f"the {what} stage did not get far enough within {timeout} s")


def stored_pages(ws: Workspace) -> int:
    try:
        with PageStore(ws.pages_db) as store:
            return store.count()
    except Exception:   # noqa: BLE001 - not created yet
        return 0


def extracted_records(ws: Workspace) -> int:
    try:
        return len(ExtractedStore(ws.extracted_dir))
    except (OSError, ValueError):
        return 0


def indexed(ws: Workspace) -> set[str]:
    path = ws.store_dir / "index.db"
    if not path.exists():
        return set()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return {row[0] for row in db.execute("SELECT id FROM documents")}
    except sqlite3.Error:
        return set()


def add_synthetic(ws: Workspace) -> None:
    ExtractedStore(ws.extracted_dir).write(synthetic_records(EXTRA))


def snapshot(ws: Workspace) -> dict:
    with PageStore(ws.pages_db) as store:
        pages = {url: store.content_hash_of(url) for url in store.urls()}
    return {"pages": pages, "records": {r.id: r.to_dict() for r in ExtractedStore(ws.extracted_dir)},
            "index": indexed(ws)}


@pytest.fixture(scope="module")
def runs(site, sources, tmp_path_factory):
    """(reference snapshot, killed-and-rerun snapshot, what each kill had done by then)."""
    base = tmp_path_factory.mktemp("stages")
    reference, victim = workspace(base / "reference", site.base_url), workspace(base / "killed", site.base_url)
    crawl = [sources["scale-news"]]

    crawl_in_subprocess(crawl, reference.pages_db, settings=FAST, progress=False, timeout=180)
    finish(cli(reference, "extract"))
    add_synthetic(reference)
    finish(cli(reference, "index"))

    progress = {}
    process = start_crawl_subprocess(crawl, victim.pages_db, settings=FAST, progress=False)
    progress["crawl"] = kill_when(process.popen, lambda: stored_pages(victim), 20, "crawl", group=False)
    process._cleanup()
    crawl_in_subprocess(crawl, victim.pages_db, settings=FAST, progress=False, timeout=180)

    process = cli(victim, "extract")
    progress["extract"] = kill_when(process, lambda: extracted_records(victim), 8, "extract")
    finish(cli(victim, "extract"))
    add_synthetic(victim)

    process = cli(victim, "index")
    progress["index"] = kill_when(process, lambda: len(indexed(victim)), 2000, "index")
    finish(cli(victim, "index"))
    return snapshot(reference), snapshot(victim), progress


def test_each_stage_was_killed_midway(runs, site):
    _, _, progress = runs
    assert 20 <= progress["crawl"] < site.articles
    assert 8 <= progress["extract"] < site.articles
    assert 2000 <= progress["index"] < site.articles + EXTRA


def test_the_rerun_crawl_stored_every_page_once(runs, site):
    reference, killed, _ = runs
    assert sorted(killed["pages"]) == sorted(site.article_urls())
    assert killed["pages"] == reference["pages"]


def test_the_rerun_extraction_wrote_the_same_records(runs, site):
    reference, killed, _ = runs
    assert len(killed["records"]) == site.articles + EXTRA
    assert killed["records"] == reference["records"]


def test_the_rerun_index_holds_the_same_documents(runs, site):
    reference, killed, _ = runs
    assert len(killed["index"]) == site.articles + EXTRA
    assert killed["index"] == reference["index"]

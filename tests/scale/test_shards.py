"""policyminer.shards: `extract --shard I/N` splits a corpus exactly, idempotently, over processes and machines."""
from __future__ import annotations

import multiprocessing
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from policyminer.errors import ConfigError
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, doc_id
from policyminer.run import extract_pages
from policyminer.shards import (LockedExtractedStore, extract_shard, in_shard, merge_extracted,
                                parse_shard, shard_of)
from policyminer.workspace import Workspace
from scale_sites import fill_store

PAGES = 24


def records(ws: Workspace) -> dict[str, dict]:
    return {r.id: r.to_dict() for r in ExtractedStore(ws.extracted_dir)}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The whole store extracted in one run (policyminer.run.extract_pages): id → record."""
    ws = Workspace.open(tmp_path_factory.mktemp("whole"))
    fill_store(ws, PAGES)
    report = extract_pages(ws, workers=1)
    assert report.extracted == PAGES and not report.failed
    return records(ws)


# -- shard arithmetic ---------------------------------------------------------------
@pytest.mark.parametrize("text, shard", [
    ("1/4", (1, 4)), ("4/4", (4, 4)), (" 2 / 3 ", (2, 3)), ("1/1", (1, 1)), ("10/16", (10, 16)),
], ids=["first", "last", "spaces", "single", "two-digits"])
def test_shards_are_written_i_of_n(text, shard):
    assert parse_shard(text) == shard


@pytest.mark.parametrize("text", ["0/4", "5/4", "1/0", "4", "a/b", "-1/2", "1/2/3", ""],
                         ids=["zero", "past-n", "no-shards", "no-slash", "words", "negative", "three",
                              "empty"])
def test_bad_shards_are_refused(text):
    with pytest.raises(ConfigError, match="shard"):
        parse_shard(text)


@pytest.mark.parametrize("doc, count, shard", [
    (doc_id("https://www.cqbb.gov.cn/zwxx_237/bbyw/202504/t20250425_14534123.html"), 4, 1),
    (doc_id("https://www.cqspb.gov.cn/xwzx/qxdt/202504/t20250422_9003002.html"), 4, 1),
    (doc_id("http://epaper.cqrb.cn/html/2025-04/25/content_3412356.htm"), 3, 2),
    (doc_id("https://www.163.com/dy/article/JU8P2M4K0514R9P4.html"), 16, 15),
], ids=["cqbb", "cqspb", "epaper", "163"])
def test_the_shard_of_a_document_never_changes(doc, count, shard):
    """A stable hash: machines, runs and Python versions agree (PYTHONHASHSEED plays no part)."""
    assert shard_of(doc, count) == shard


def test_shards_cover_every_document_once_and_evenly():
    ids = [doc_id(f"https://www.cqbb.gov.cn/a/{n}.html") for n in range(4000)]
    sizes = Counter(shard_of(i, 4) for i in ids)
    assert set(sizes) == {1, 2, 3, 4} and all(900 < n < 1100 for n in sizes.values())
    assert all(sum(in_shard(i, (k, 4)) for k in range(1, 5)) == 1 for i in ids[:200])


# -- extraction over shards --------------------------------------------------------------
def test_shards_run_by_separate_processes_add_up_to_the_whole(reference, tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    fill_store(ws, PAGES)
    command = [sys.executable, "-m", "policyminer.cli", "--home", str(ws.home), "extract", "--workers", "1"]
    workers = [subprocess.Popen(command + ["--shard", f"{k}/3"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for k in (1, 2, 3)]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], outputs
    assert records(ws) == reference          # into one extracted/, concurrently: nothing lost
    done = [re.search(r"(\d+) extracted", err) for _, err in outputs]
    assert all(done) and sum(int(m.group(1)) for m in done) == PAGES   # each page by one shard


def test_a_shard_rerun_does_nothing_and_force_redoes_it(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    fill_store(ws, PAGES)
    first = extract_shard(ws, (2, 2), workers=1)
    assert first.extracted == first.seen > 0
    again = extract_shard(ws, (2, 2), workers=1)
    assert (again.extracted, again.unchanged) == (0, first.seen)
    forced = extract_shard(ws, (2, 2), workers=1, force=True)
    assert forced.extracted == first.seen
    assert all(in_shard(rid, (2, 2)) for rid in records(ws))
    assert len(records(ws)) == first.seen


def test_machines_extract_their_shards_apart_and_merge(reference, tmp_path):
    machines = [Workspace.open(tmp_path / name) for name in ("m1", "m2")]
    for k, ws in enumerate(machines, 1):
        fill_store(ws, PAGES)                 # each machine has (a copy of) the store
        extract_shard(ws, (k, 2), workers=2)  # all cores of the machine
    home = Workspace.open(tmp_path / "home")
    added, replaced = merge_extracted([ws.extracted_dir for ws in machines], home.extracted_dir)
    assert (added, replaced) == (PAGES, 0)
    assert records(home) == reference
    assert merge_extracted([machines[0].extracted_dir], home.extracted_dir)[0] == 0   # idempotent
    with pytest.raises(ConfigError, match="into itself"):
        merge_extracted([home.extracted_dir], home.extracted_dir)


def _write_many(root, worker: int) -> None:
    out = LockedExtractedStore(root)
    for n in range(20):
        out.write([Extracted(id=f"a{worker:02d}{n:017d}", url=f"https://x.cn/{worker}/{n}", title="签约",
                             published=None, text="北碚区与西南大学签约。")])


def test_concurrent_writers_of_one_part_file_lose_nothing(tmp_path):
    """Four processes upsert into part-a.jsonl at once; the lock serialises the rewrites."""
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_write_many, args=(tmp_path, w)) for w in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    assert len(ExtractedStore(tmp_path)) == 80


# -- the command line ---------------------------------------------------------------------
def test_cli_extracts_one_shard_and_merges_directories(tmp_path):
    from click.testing import CliRunner

    from policyminer.cli import cli

    ws = Workspace.open(tmp_path / "ws")
    mine = sum(in_shard(doc_id(url), (1, 2)) for url in fill_store(ws, 6))
    result = CliRunner().invoke(cli, ["extract", "--home", str(ws.home), "--shard", "1/2", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert f"extract: {mine} pages, {mine} extracted, 0 unchanged, 0 failed" in result.output
    other = tmp_path / "other"
    result = CliRunner().invoke(cli, ["extract", "--home", str(other), "--merge", str(ws.extracted_dir)])
    assert result.exit_code == 0 and f"merge: {mine} added, 0 replaced" in result.output


@pytest.mark.parametrize("args, code, message", [
    (["--shard", "0/2"], 1, "policyminer: error: shard '0/2': I must be between 1 and N"),
    (["--shard", "1of2"], 1, "policyminer: error: shard '1of2': expected I/N, e.g. 1/4"),
    (["page.html", "--shard", "1/2"], 2, "--shard applies to the stored pages, not to FILEs"),
], ids=["zero", "no-slash", "with-files"])
def test_cli_refuses_bad_shards(tmp_path, args, code, message):
    from click.testing import CliRunner

    from policyminer.cli import cli

    with CliRunner().isolated_filesystem(temp_dir=tmp_path):
        (Path("page.html")).write_text("<html><body><p>签约</p></body></html>", encoding="utf-8")
        result = CliRunner().invoke(cli, ["extract", "--home", str(tmp_path / "ws"), *args])
    assert result.exit_code == code
    assert message in result.output

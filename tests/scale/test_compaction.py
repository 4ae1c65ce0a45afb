"""extracted/ at scale: many appended batches, compaction, a full disk, killed and concurrent writers."""
from __future__ import annotations

import errno
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from benchmarks.index import synthetic_records
from policyminer.extracted import ExtractedStore, index_path
from policyminer.records import Extracted


def record(n: int, size: int, title: str = "签约仪式") -> Extracted:
    """A record whose id starts with 'a' (all in part-a.jsonl) and whose text is ``size`` chars."""
    return Extracted(id=f"a{n:019d}", url=f"https://www.cqbb.gov.cn/a/{n}.html", title=f"{title}第{n}号",
                     published="2025-04-23", text="签约" * (size // 2), metadata={"content_hash": f"h{n}"},
                     extractor_version="v1")


def full_parse(store: ExtractedStore) -> dict[str, tuple[str, str]]:
    return {r.id: (r.extractor_version, r.metadata.get("content_hash", "")) for r in store}


def whole_lines(store: ExtractedStore) -> bool:
    return all(json.loads(line)["id"] for p in store.files() for line in p.read_text(encoding="utf-8").splitlines())


def free_bytes(path) -> int:
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


# -- many batches -------------------------------------------------------------------------
def test_many_batches_then_compaction_read_the_same(tmp_path):
    records = list(synthetic_records(3000))
    store = ExtractedStore(tmp_path)
    for at in range(0, len(records), 64):
        store.write(records[at:at + 64])
    for at in range(0, len(records), 640):                    # a rerun of some: new versions
        store.write([Extracted.from_dict({**r.to_dict(), "extractor_version": "synthetic-2"})
                     for r in records[at:at + 64]])
    store.delete([r.id for r in records[::97]])
    before = [r.to_dict() for r in store]
    assert len(before) == len(store) == 3000 - len(records[::97])
    assert store.versions() == full_parse(store)
    store.compact()
    fresh = ExtractedStore(tmp_path)
    assert [r.to_dict() for r in fresh] == before
    assert fresh.versions() == full_parse(fresh) == store.versions()
    lines = sum(1 for p in fresh.files() for _ in p.open(encoding="utf-8"))
    assert lines == len(before)                               # one line per record again


# -- a full disk --------------------------------------------------------------------------
def test_a_full_disk_during_an_append_keeps_the_last_good_state(small_disk):
    out = ExtractedStore(small_disk / "extracted")
    out.write([record(n, 2000) for n in range(5)])
    part = small_disk / "extracted" / "part-a.jsonl"
    good, good_index = part.read_bytes(), index_path(part).read_bytes()
    with pytest.raises(OSError) as raised:
        out.write([record(n, 60_000, "扩建工程") for n in range(3, 8)])   # replaces and adds: no room
    assert raised.value.errno == errno.ENOSPC
    assert (part.read_bytes(), index_path(part).read_bytes()) == (good, good_index)
    fresh = ExtractedStore(small_disk / "extracted")
    assert [r.title for r in fresh] == [f"签约仪式第{n}号" for n in range(5)]
    assert fresh.versions() == full_parse(fresh)
    assert out.write([record(3, 2000, "扩建工程")]) == (0, 1)   # small writes work again
    assert ExtractedStore(small_disk / "extracted").get(record(3, 0).id).title == "扩建工程第3号"


def test_no_room_to_compact_leaves_the_appended_part(small_disk):
    out = ExtractedStore(small_disk / "extracted")
    out.write([record(n, 6000) for n in range(10)])           # ~180 KB: the disk is nearly full
    part = small_disk / "extracted" / "part-a.jsonl"
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * max(0, free_bytes(small_disk) - 40 * 1024))
    smaller = [record(n, 1000, "签约项目") for n in range(10)]   # ~30 KB: room to append, not to compact
    assert out.write(smaller) == (0, 10)
    assert part.stat().st_size > 150_000                       # still holding the superseded lines
    assert [r.to_dict() for r in ExtractedStore(small_disk / "extracted")] == [r.to_dict() for r in smaller]
    with pytest.raises(OSError) as raised:
        out.compact()
    assert raised.value.errno == errno.ENOSPC
    assert [r.title for r in ExtractedStore(small_disk / "extracted")] == [r.title for r in smaller]
    assert not [p for p in part.parent.iterdir() if p.name.endswith(".tmp")]
    filler.unlink()
    assert out.compact() == 1
    assert part.stat().st_size < 40_000 and whole_lines(out)
    assert [r.to_dict() for r in ExtractedStore(small_disk / "extracted")] == [r.to_dict() for r in smaller]


# -- killed and concurrent writers ------------------------------------------------------------
WRITER = """
import sys
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted
out = ExtractedStore(sys.argv[1])
for round_ in range(1000):
    out.write([Extracted(id=f"a{n:019d}", url=f"https://x.cn/{n}", title=f"第{round_}版", published=None,
                         text="签约" * 20000) for n in range(round_ * 8, round_ * 8 + 64)])
    print(round_, flush=True)
"""


def test_a_writer_killed_mid_append_leaves_a_readable_store(tmp_path):
    root = tmp_path / "extracted"
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(root)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline()                          # a batch or more is in
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    store = ExtractedStore(root)
    records = list(store)
    assert len({r.id for r in records}) == len(records) == len(store) > 0
    assert store.versions() == full_parse(store)
    store.write([Extracted(id="a" + "9" * 19, url="https://x.cn/last", title="收尾", published=None, text="")])
    assert whole_lines(store) and len(ExtractedStore(root)) == len(records) + 1


def _rewrite(root, worker: int) -> None:
    out = ExtractedStore(root)
    for version in range(12):
        out.write([Extracted(id=f"a{worker:02d}{n:017d}", url=f"https://x.cn/{worker}/{n}", title=f"第{version}版",
                             published=None, text="北碚区与西南大学签约。" * 20) for n in range(10)])


def test_concurrent_rewrites_and_compactions_keep_the_latest(tmp_path):
    """Four processes rewrite their records in part-a.jsonl twelve times; compactions happen meanwhile."""
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_rewrite, args=(tmp_path, w)) for w in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    store = ExtractedStore(tmp_path)
    assert len(store) == 40 and {r.title for r in store} == {"第11版"}
    assert store.versions() == full_parse(store)
    lines = (tmp_path / "part-a.jsonl").read_text(encoding="utf-8").count("\n")
    assert lines < 2 * 40 + 10                                # compacted along the way


# -- the command line ---------------------------------------------------------------------
def test_cli_extract_compact_rewrites_the_parts(tmp_path):
    from click.testing import CliRunner

    from policyminer.cli import cli
    from policyminer.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    store = ExtractedStore(ws.extracted_dir)
    records = list(synthetic_records(200))
    store.write(records)
    store.write(records[:40])                                  # the same again: nothing appended
    store.write([Extracted.from_dict({**r.to_dict(), "title": "更正：" + r.title}) for r in records[:40]])
    before = [r.to_dict() for r in store]
    result = CliRunner().invoke(cli, ["extract", "--home", str(ws.home), "--compact"])
    assert result.exit_code == 0, result.output
    assert "compact: " in result.output and "part files rewritten" in result.output
    assert [r.to_dict() for r in ExtractedStore(ws.extracted_dir)] == before
    assert sum(1 for p in store.files() for _ in p.open(encoding="utf-8")) == 200
    again = CliRunner().invoke(cli, ["extract", "--home", str(ws.home), "--compact"])
    assert "compact: 0 part files rewritten" in again.output


def test_merge_takes_the_latest_record_of_each_id(tmp_path):
    from policyminer.shards import merge_extracted, stored_versions

    machine = ExtractedStore(tmp_path / "machine")
    records = list(synthetic_records(300))
    machine.write(records)
    newer = [Extracted.from_dict({**r.to_dict(), "extractor_version": "synthetic-2"}) for r in records[:30]]
    machine.write(newer)
    machine.delete([r.id for r in records[30:40]])
    assert merge_extracted([tmp_path / "machine"], tmp_path / "home") == (290, 0)
    home = ExtractedStore(tmp_path / "home")
    assert [r.to_dict() for r in home] == [r.to_dict() for r in ExtractedStore(tmp_path / "machine")]
    assert stored_versions(tmp_path / "home") == full_parse(home)
    assert {v for v, _ in stored_versions(tmp_path / "home").values()} == {"synthetic-1", "synthetic-2"}
    lines = sum(1 for p in home.files() for _ in p.open(encoding="utf-8"))
    assert lines == len(home) == 290
    assert merge_extracted([tmp_path / "machine"], tmp_path / "home") == (0, 290)   # again: nothing appended
    assert sum(1 for p in home.files() for _ in p.open(encoding="utf-8")) == 290

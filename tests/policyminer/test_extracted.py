"""extracted/ JSONL: upsert by id, atomic rewrites, nothing lost or duplicated."""
import json
import os

import pytest

from policyminer.errors import InputError
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, doc_id


def record(n: int, title: str = "旧标题") -> Extracted:
    url = f"https://www.cqbb.gov.cn/t2025_{n}.html"
    return Extracted(id=doc_id(url), url=url, title=title, published="2025-04-25", text=f"正文{n}")


def test_rerun_replaces_never_duplicates(tmp_path):
    store = ExtractedStore(tmp_path)
    assert store.write([record(n) for n in range(40)]) == (40, 0)
    assert store.write([record(n, "新标题") for n in range(40)]) == (0, 40)
    assert len(store) == 40
    assert {r.title for r in store} == {"新标题"}
    lines = [json.loads(l) for f in store.files() for l in f.read_text(encoding="utf-8").splitlines()]
    assert len({l["id"] for l in lines}) == len(lines) == 40


def test_get_and_delete(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(1), record(2)])
    assert store.get(record(1).id).url.endswith("_1.html")
    assert store.delete([record(1).id, "ffff"]) == 1
    assert store.get(record(1).id) is None and len(store) == 1


def test_failed_write_keeps_last_good_file(tmp_path, monkeypatch):
    store = ExtractedStore(tmp_path)
    store.write([record(1)])
    path = store.shard_path(record(1).id)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        store.write([record(1, "新标题")])
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_line_names_file_and_line(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(1)])
    path = store.shard_path(record(1).id)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(InputError, match=rf"{path.name}:2: not an extracted record"):
        list(store)

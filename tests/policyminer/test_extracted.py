"""extracted/ JSONL: appended batches, the latest line per id, tombstones, torn lines, compaction."""
import json
import os

import pytest

import policyminer.extracted as extracted
from policyminer.errors import InputError
from policyminer.extracted import ExtractedStore, index_path, read_jsonl
from policyminer.records import Extracted, doc_id

TITLES = ["北碚区召开招商引资工作推进会", "沙坪坝区集中签约18个重点项目", "两江新区发布产业扶持政策"]


def record(n: int, title: str = "旧标题", version: str = "v1") -> Extracted:
    url = f"https://www.cqbb.gov.cn/t2025_{n}.html"
    return Extracted(id=doc_id(url), url=url, title=title, published="2025-04-25", text=f"正文{n}",
                     metadata={"content_hash": f"h{n:04d}"}, extractor_version=version)


def raw_lines(store: ExtractedStore) -> list[dict]:
    return [json.loads(line) for f in store.files() for line in f.read_text(encoding="utf-8").splitlines()]


def full_parse(store: ExtractedStore) -> dict[str, tuple[str, str]]:
    """versions() the slow way: every record parsed."""
    return {r.id: (r.extractor_version, r.metadata.get("content_hash", "")) for r in store}


def snapshot(store: ExtractedStore) -> list[dict]:
    return [r.to_dict() for r in store]


# -- one record per id, the latest ---------------------------------------------------
def test_rerun_replaces_never_duplicates(tmp_path):
    store = ExtractedStore(tmp_path)
    assert store.write([record(n) for n in range(40)]) == (40, 0)
    assert store.write([record(n, "新标题") for n in range(40)]) == (0, 40)
    assert len(store) == 40
    assert {r.title for r in store} == {"新标题"}
    assert len(ExtractedStore(tmp_path)) == 40          # a fresh reader (no cache) agrees
    store.compact()
    lines = raw_lines(store)
    assert len({line["id"] for line in lines}) == len(lines) == 40
    assert {line["title"] for line in lines} == {"新标题"}


def test_the_same_records_again_append_nothing(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(20)])
    before = {p.name: p.read_bytes() for p in store.files()}
    assert store.write([record(n) for n in range(20)]) == (0, 20)
    assert ExtractedStore(tmp_path).write([record(n) for n in range(20)]) == (0, 20)
    assert {p.name: p.read_bytes() for p in store.files()} == before


def test_the_last_of_a_batch_wins(tmp_path):
    store = ExtractedStore(tmp_path)
    assert store.write([record(1, TITLES[0]), record(1, TITLES[1])]) == (1, 0)
    assert store.get(record(1).id).title == TITLES[1]


@pytest.mark.parametrize("titles", [TITLES[:2], TITLES, [TITLES[0], TITLES[1], TITLES[0]]],
                         ids=["twice", "three-times", "back-to-the-first"])
def test_get_returns_the_latest_line(tmp_path, titles):
    store = ExtractedStore(tmp_path)
    for title in titles:
        store.write([record(7, title), record(8, "不变的标题")])
    for reader in (store, ExtractedStore(tmp_path)):
        assert reader.get(record(7).id).title == titles[-1]
        assert [r.title for r in reader if r.id == record(7).id] == [titles[-1]]
        assert len(reader) == 2


# -- tombstones ----------------------------------------------------------------------------
def test_get_and_delete(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(1), record(2)])
    assert store.get(record(1).id).url.endswith("_1.html")
    assert store.delete([record(1).id, "ffff"]) == 1
    assert store.get(record(1).id) is None and len(store) == 1
    assert record(1).id not in store.versions()
    assert [r.id for r in read_jsonl(store.shard_path(record(1).id))] == (
        [record(2).id] if store.shard_path(record(2).id) == store.shard_path(record(1).id) else [])


def test_a_tombstone_is_a_line_and_a_record_comes_back_after_it(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(96)])               # six a part: one tombstone is no reason to compact
    path = store.shard_path(record(3).id)
    assert store.delete([record(3).id]) == 1
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[-1]) == {"id": record(3).id, "deleted": True}
    assert store.delete([record(3).id]) == 0                   # already gone: nothing appended
    assert store.write([record(3, TITLES[2])]) == (1, 0)      # added again, not replaced
    assert ExtractedStore(tmp_path).get(record(3).id).title == TITLES[2]
    store.compact()
    assert all("deleted" not in line for line in raw_lines(store))
    assert len(raw_lines(store)) == len(store) == 96


# -- crashes and full disks ---------------------------------------------------------------
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
    monkeypatch.undo()
    assert store.get(record(1).id).title == "旧标题"
    assert store.write([record(1, "新标题")]) == (0, 1)


def test_a_failed_side_index_update_undoes_the_append(tmp_path, monkeypatch):
    store = ExtractedStore(tmp_path)
    store.write([record(1)])
    path = store.shard_path(record(1).id)
    before, index_before = path.read_bytes(), index_path(path).read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(extracted, "_save_index", full)
    with pytest.raises(OSError):
        store.write([record(1, "新标题")])
    assert (path.read_bytes(), index_path(path).read_bytes()) == (before, index_before)
    monkeypatch.undo()
    assert [r.title for r in store] == ["旧标题"]


@pytest.mark.parametrize("torn", ['{"id": "', '{"id": "{id}", "url": "https://www.cqbb', '{"id": "{id}", "title": "签约'],
                         ids=["one-key", "mid-url", "mid-chinese"])
def test_a_torn_last_line_is_ignored_then_cut_off(tmp_path, torn):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(5)])
    path = store.shard_path(record(0).id)
    good = path.read_bytes()
    with open(path, "ab") as handle:                          # a crash in the middle of an append
        handle.write(torn.replace("{id}", record(0).id).encode("utf-8"))
    reader = ExtractedStore(tmp_path)
    assert len(reader) == 5 and reader.versions() == full_parse(store)
    assert [r.id for r in read_jsonl(path)] == [record(n).id for n in range(5)
                                                if store.shard_path(record(n).id) == path]
    assert reader.get(record(0).id).title == "旧标题"
    reader.write([record(99)])
    text = path.read_text(encoding="utf-8") if reader.shard_path(record(99).id) == path else None
    if text is None:                                          # the torn part was not written to
        reader.write([record(0, "新标题")])
        text = path.read_text(encoding="utf-8")
    assert text.startswith(good.decode("utf-8")) and text.endswith("\n")
    assert all(json.loads(line)["id"] for line in text.splitlines())


def test_corrupt_line_names_file_and_line(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(1)])
    path = store.shard_path(record(1).id)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(InputError, match=rf"{path.name}:2: not an extracted record"):
        list(ExtractedStore(tmp_path))


# -- files from elsewhere ---------------------------------------------------------------
def test_a_file_from_the_old_writer_loads_unchanged(tmp_path):
    """The old writer: one line per id, rewritten whole, no side index."""
    records = [record(n, TITLES[n % 3]) for n in range(30)]
    old = ExtractedStore(tmp_path)
    for r in records:
        with open(old.shard_path(r.id), "a", encoding="utf-8") as handle:
            handle.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    legacy = {r.url: {"url": r.url, "title": "旧版记录", "published": None, "text": "旧版正文"}
              for r in [record(200)]}                         # schema 0: no id, no version
    with open(old.shard_path(doc_id(*legacy)), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(next(iter(legacy.values())), ensure_ascii=False) + "\n")
    store = ExtractedStore(tmp_path)
    assert len(store) == 31
    saved = {p: os.stat(index_path(p)).st_mtime_ns for p in store.files()}   # the first read saved them
    assert ExtractedStore(tmp_path).versions() == store.versions()
    assert {p: os.stat(index_path(p)).st_mtime_ns for p in store.files()} == saved   # … and reuses them
    assert sorted(r.to_dict()["id"] for r in store) == sorted([r.id for r in records] + [doc_id(*legacy)])
    assert store.versions() == full_parse(store)
    assert store.get(records[4].id).to_dict() == records[4].to_dict()
    assert store.write(records[:3]) == (0, 3)                 # the same again: nothing appended
    assert len(raw_lines(store)) == 31


def test_lines_appended_by_another_tool_are_read(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(8)])
    path = store.shard_path(record(2).id)
    with open(path, "a", encoding="utf-8") as handle:          # past the side index
        handle.write(json.dumps(record(2, TITLES[1], "v2").to_dict(), ensure_ascii=False) + "\n")
    assert store.get(record(2).id).title == TITLES[1]
    assert store.versions()[record(2).id] == ("v2", "h0002")
    assert store.versions() == full_parse(ExtractedStore(tmp_path))


def test_a_part_rewritten_by_another_tool_is_read_anew(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(8)])
    store.write([record(n, TITLES[0]) for n in range(8)])
    path = store.shard_path(record(5).id)
    kept = [line for line in path.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["id"] != record(5).id][:1]
    tmp = path.with_suffix(".new")
    tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    os.replace(tmp, path)                                      # another inode: the side index is stale
    assert store.get(record(5).id) is None
    assert store.versions() == full_parse(ExtractedStore(tmp_path))


def test_read_jsonl_gives_the_latest_line_per_id(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [record(1, TITLES[0]), record(2, TITLES[1]), record(1, TITLES[2])]
    path.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in lines)
                    + json.dumps({"id": record(2).id, "deleted": True}) + "\n", encoding="utf-8")
    assert [(r.id, r.title) for r in read_jsonl(path)] == [(record(1).id, TITLES[2])]


# -- compaction ---------------------------------------------------------------------------
def test_compaction_keeps_the_latest_and_the_order(tmp_path):
    store = ExtractedStore(tmp_path)
    for round_ in range(4):                                   # batches that overlap, some ids deleted
        store.write([record(n, f"{TITLES[round_ % 3]}{round_}") for n in range(round_ * 10, round_ * 10 + 30)])
        store.delete([record(round_ * 7).id])
    before, versions = snapshot(store), store.versions()
    assert before == snapshot(ExtractedStore(tmp_path))
    assert store.compact() > 0
    assert snapshot(store) == snapshot(ExtractedStore(tmp_path)) == before
    assert store.versions() == ExtractedStore(tmp_path).versions() == versions == full_parse(store)
    assert len(raw_lines(store)) == len(before) == len(store)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert store.compact() == 0                               # nothing left to drop


def test_a_part_mostly_superseded_is_compacted_by_the_write(tmp_path):
    store = ExtractedStore(tmp_path)
    for title in TITLES:
        store.write([record(n, title) for n in range(64)])
    assert len(raw_lines(store)) < 2 * 64                     # never more than half dead
    assert {r.title for r in store} == {TITLES[-1]} and len(store) == 64


def test_an_interrupted_compaction_leaves_the_old_part(tmp_path, monkeypatch):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(10)])
    store.write([record(n, TITLES[0]) for n in range(3)])
    parts = {p.name: p.read_bytes() for p in store.files()}

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.compact()
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in store.files()} == parts
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_compaction_that_lost_its_side_index_is_read_by_scanning(tmp_path, monkeypatch):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(10)])
    store.write([record(n, TITLES[1]) for n in range(5)])
    before = snapshot(store)

    def crash(*args, **kwargs):                               # after the part's rename, before its index's
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(extracted, "_save_index", crash)
    store.compact()
    monkeypatch.undo()
    fresh = ExtractedStore(tmp_path)
    assert snapshot(fresh) == before and fresh.versions() == full_parse(fresh)


# -- versions() --------------------------------------------------------------------------
def test_versions_equal_a_full_parse(tmp_path):
    store = ExtractedStore(tmp_path)
    store.write([record(n) for n in range(50)])
    store.write([record(n, version="v2") for n in range(0, 50, 3)])
    store.delete([record(n).id for n in range(0, 50, 5)])
    for reader in (store, ExtractedStore(tmp_path)):
        assert reader.versions() == full_parse(reader)
        assert reader.versions()[record(3).id] == ("v2", "h0003")
        assert record(5).id not in reader.versions()
    for path in store.files():                                # without side indexes: a scan
        index_path(path).unlink()
    assert ExtractedStore(tmp_path).versions() == full_parse(store)
    assert all(index_path(p).exists() for p in store.files())  # … which saved them again


def test_file_state_changes_only_when_a_part_is_written(tmp_path):
    store = ExtractedStore(tmp_path / "extracted")
    assert store.file_state() == []
    store.write([Extracted(id="a" * 20, url="file:///a", title="", published=None, text="甲")])
    first = store.file_state()
    assert [name for name, _, _ in first] == ["part-a.jsonl"]
    assert store.file_state() == first
    store.write([Extracted(id="a" * 20, url="file:///a", title="", published=None, text="乙")])
    assert store.file_state() != first

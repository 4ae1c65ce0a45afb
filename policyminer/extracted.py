"""extracted/: the canonical, re-loadable output, as JSON Lines, appended and compacted.

Records are sharded by the first hex digit of their id (part-0.jsonl …
part-f.jsonl), one JSON object a line. A write *appends* the batch to each
touched part (whole lines, fsync'd); a later line for an id supersedes the
earlier ones and a tombstone line (``{"id": …, "deleted": true}``) deletes
it, so every reader here sees exactly one record per id, the latest. An
identical record is not appended again (a rerun adds nothing).

A failed append (a full disk, say) is cut off again, so the part keeps its
last good bytes; a line torn by a crash (no newline at the end of the file)
is ignored by readers and cut off by the next write. Once superseded lines
make up more than COMPACT_SHARE of a part (or COMPACT_BYTES), the part is
*compacted*: its live lines are copied, in order, into a temporary file that
then replaces it by an atomic rename, the old file intact until then.
``policyminer extract --compact`` compacts every part. A compacted part, and
any file written by older policyminer versions, is plain JSONL of Extracted
records; between compactions other tools should keep the last line per id
and drop tombstones, as :func:`read_jsonl` does.

Beside each part, ``.part-X.idx`` (tab-separated, kept in step with appends)
maps id → line offset, length, extractor version, content hash and line
digest, so ``versions()``, ``len()`` and ``get()`` read no records. It is a
cache: when it is missing, stale (another inode, its last line not the
part's) or behind, the part's lines are scanned instead and the index saved
again. A store keeps the indexes it read while their part is unchanged
(inode, size, mtime), so a batch costs its own lines, not the part's.
Every change of a part happens under an exclusive ``flock`` on
``.part-X.lock``: several processes can write one extracted/.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from policyminer.errors import InputError
from policyminer.records import Extracted, doc_id

SHARDS = "0123456789abcdef"
COMPACT_SHARE = 0.5          # superseded share of a part's bytes past which a write compacts it
COMPACT_BYTES = 128 * 2**20  # … or superseded bytes past this, however large the part
PERSIST_AFTER = 256          # lines a reader scanned past the side index before it saves it
_MAGIC = "policyminer-extracted-index\t1"


class Entry(NamedTuple):
    """One line of a part file, as the side index holds it."""

    offset: int
    length: int              # bytes, newline included
    id: str
    version: str             # extractor version ("" if none)
    content_hash: str        # metadata.content_hash ("" if none)
    digest: str              # of the line's bytes: an identical record is not appended twice
    deleted: bool = False    # a tombstone


@dataclass
class PartIndex:
    """What a part file holds: the latest line of every id, and how much is dead."""

    inode: int = 0
    mtime: int = 0                                         # ns: with inode and size, "the same file"
    end: int = 0                                           # bytes of whole lines
    size: int = 0                                          # file size (> end: a torn last line)
    latest: dict[str, Entry] = field(default_factory=dict)
    unsaved: list[Entry] = field(default_factory=list)     # scanned lines the .idx file lacks
    saved: bool = False                                    # the .idx file is valid (appendable)
    live_bytes: int = 0                                    # bytes of the current records' lines

    def add(self, entry: Entry) -> None:
        old = self.latest.get(entry.id)
        if old is not None and not old.deleted:
            self.live_bytes -= old.length
        if not entry.deleted:
            self.live_bytes += entry.length
        self.latest[entry.id] = entry
        self.end = max(self.end, entry.offset + entry.length)

    def live(self) -> list[Entry]:
        """The current records (no tombstones), in file order."""
        return sorted((e for e in self.latest.values() if not e.deleted), key=lambda e: e.offset)

    def dead_bytes(self) -> int:
        """Bytes of superseded lines, tombstones and blank lines."""
        return self.end - self.live_bytes

    def wants_compaction(self) -> bool:
        dead = self.dead_bytes()
        return dead > 0 and (dead > COMPACT_SHARE * self.end or dead > COMPACT_BYTES)


class ExtractedStore:
    """The JSONL files under one extracted/ directory."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._cache: dict[Path, PartIndex] = {}     # part → its index while the file is unchanged

    def shard_path(self, record_id: str) -> Path:
        return self.root / f"part-{record_id[0].lower()}.jsonl"

    def write(self, records: Iterable[Extracted]) -> tuple[int, int]:
        """Upsert records by id (append, then compact if due); returns (added, replaced)."""
        by_part: dict[Path, dict[str, Extracted]] = defaultdict(dict)
        for record in records:
            by_part[self.shard_path(record.id)][record.id] = record
        added = replaced = 0
        for path, batch in sorted(by_part.items()):
            lines = {rid: _record_line(record) for rid, record in batch.items()}
            with self.locked(path):
                a, r = self._append(path, lines)
            added, replaced = added + a, replaced + r
        return added, replaced

    def delete(self, ids: Iterable[str]) -> int:
        """Remove records by id (tombstone lines); returns how many were there."""
        by_part: dict[Path, set[str]] = defaultdict(set)
        for rid in ids:
            by_part[self.shard_path(rid)].add(rid)
        removed = 0
        for path, doomed in sorted(by_part.items()):
            with self.locked(path):
                removed += self._append(path, {rid: _tombstone(rid) for rid in sorted(doomed)})[1]
        return removed

    def compact(self, *, all_parts: bool = True) -> int:
        """Rewrite the parts holding superseded lines (or only those past the threshold); returns how many."""
        done = 0
        for path in self.files():
            with self.locked(path), open(path, "rb") as handle:
                index = self._load(path, handle)
                if index.dead_bytes() > 0 and (all_parts or index.wants_compaction()):
                    self._cache[path] = _compact(path, handle, index)
                    done += 1
        return done

    def files(self) -> list[Path]:
        return sorted(self.root.glob("*.jsonl")) if self.root.is_dir() else []

    def file_state(self) -> list[list[Any]]:
        """[name, size, mtime_ns] of every part file: equal states mean nothing was written since."""
        state = []
        for path in self.files():
            try:
                stat = path.stat()
            except OSError:         # removed since it was listed
                continue
            state.append([path.name, stat.st_size, stat.st_mtime_ns])
        return state

    def __iter__(self) -> Iterator[Extracted]:
        for path in self.files():
            with open(path, "rb") as handle:
                index = self._index(path, handle, cache=False)
                keep, end = _live_offsets(index), index.end
                del index       # a large index left alive slows the garbage collector down
                yield from _records(path, handle, keep, end)

    def get(self, record_id: str) -> Extracted | None:
        path = self.shard_path(record_id)
        if not path.exists():
            return None
        with open(path, "rb") as handle:
            entry = self._index(path, handle).latest.get(record_id)
            if entry is None or entry.deleted:
                return None
            handle.seek(entry.offset)
            return _parse(handle.read(entry.length), path, f"@{entry.offset}")

    def versions(self) -> dict[str, tuple[str, str]]:
        """id → (extractor_version, page content hash) of every stored record (from the side index)."""
        out = {}
        for path in self.files():
            with open(path, "rb") as handle:
                for entry in self._index(path, handle).latest.values():
                    if not entry.deleted:
                        out[entry.id] = (entry.version, entry.content_hash)
        return out

    def __len__(self) -> int:
        total = 0
        for path in self.files():
            with open(path, "rb") as handle:
                total += sum(not e.deleted for e in self._index(path, handle).latest.values())
        return total

    @contextmanager
    def locked(self, path: Path):
        """Hold the exclusive lock of one part file (``.part-X.lock``) while it is changed."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / f".{path.stem}.lock", "a") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _load(self, path: Path, handle: BinaryIO, *, cache: bool = True) -> PartIndex:
        """The index of the part open as ``handle``: the cached one while the file is unchanged."""
        stat = os.fstat(handle.fileno())
        cached = self._cache.get(path)
        if cached is not None and _same(cached, stat):
            return cached
        index = load_part(path, handle)
        if cache:
            self._cache[path] = index
        return index

    def _index(self, path: Path, handle: BinaryIO, *, cache: bool = True) -> PartIndex:
        """The part's index; saves the side index when a reader had to scan many lines."""
        index = self._load(path, handle, cache=cache)
        if len(index.unsaved) >= PERSIST_AFTER or (index.unsaved and not index.saved):
            try:
                with self.locked(path):
                    if _same_file(path, index):
                        _save_index(path, index)
            except OSError:
                pass            # a read-only or full disk: the index stays a cache in memory
        return index

    def _append(self, path: Path, lines: dict[str, tuple[Entry, bytes]]) -> tuple[int, int]:
        """Append the lines (id → line) that change the part; returns (added, replaced). Holds the lock."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            with open(fd, "rb", closefd=False) as reader:
                index = self._load(path, reader)
            added, replaced, new = _changes(index, lines)
            if new or index.size > index.end:
                _commit(fd, path, index, new)
        except BaseException:
            self._cache.pop(path, None)
            raise
        finally:
            os.close(fd)
        if index.wants_compaction():
            try:
                with open(path, "rb") as handle:
                    self._cache[path] = _compact(path, handle, index)
            except OSError:
                pass            # no room to compact: the appended part is whole and readable
        return added, replaced


def _changes(index: PartIndex, lines: dict[str, tuple[Entry, bytes]]):
    """(added, replaced, the lines to append at the end of the part) of a batch."""
    added = replaced = 0
    new: list[tuple[Entry, bytes]] = []
    offset = index.end
    for rid, (entry, line) in lines.items():
        old = index.latest.get(rid)
        exists = old is not None and not old.deleted
        if entry.deleted and not exists:
            continue
        added, replaced = added + (not exists and not entry.deleted), replaced + exists
        if exists and old.digest == entry.digest:
            continue        # the same record again
        new.append((entry._replace(offset=offset), line))
        offset += entry.length
    return added, replaced, new


def _commit(fd: int, path: Path, index: PartIndex, new: list[tuple[Entry, bytes]]) -> None:
    """Cut a torn tail, append the new lines and fsync, then the side index; undo both on failure."""
    start = index.end
    try:
        os.ftruncate(fd, start)
        os.lseek(fd, start, os.SEEK_SET)
        _write_all(fd, b"".join(line for _, line in new))
        os.fsync(fd)
        for entry, _ in new:
            index.add(entry)
            index.unsaved.append(entry)
        index.size, index.mtime = index.end, os.fstat(fd).st_mtime_ns
        _save_index(path, index)
    except BaseException:
        os.ftruncate(fd, start)
        if start == 0:
            path.unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _digest(line: bytes) -> str:
    return hashlib.blake2b(line, digest_size=8).hexdigest()


def _record_line(record: Extracted) -> tuple[Entry, bytes]:
    """A record's line and its index entry (offset still 0)."""
    line = (json.dumps(record.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    return Entry(0, len(line), record.id, record.extractor_version or "",
                 str(record.metadata.get("content_hash", "")), _digest(line)), line


def _tombstone(record_id: str) -> tuple[Entry, bytes]:
    line = (json.dumps({"id": record_id, "deleted": True}) + "\n").encode("utf-8")
    return Entry(0, len(line), record_id, "", "", _digest(line), True), line


def _entry_of(data, line: bytes, offset: int, path: Path, number: int) -> Entry:
    """The index entry of one parsed line."""
    if not isinstance(data, dict) or not (data.get("id") or data.get("url")):
        raise InputError(f"{path}:{number}: not an extracted record (no id)")
    rid = data.get("id") or doc_id(data["url"])
    digest = _digest(line)
    if data.get("deleted") is True and len(data) == 2:
        return Entry(offset, len(line), rid, "", "", digest, True)
    metadata = data.get("metadata") or {}
    return Entry(offset, len(line), rid, str(data.get("extractor_version") or ""),
                 str(metadata.get("content_hash", "") if isinstance(metadata, dict) else ""), digest)


# -- the side index ----------------------------------------------------------------

def index_path(path: Path) -> Path:
    """The side index of a part file: part-a.jsonl → .part-a.idx."""
    return path.parent / f".{path.stem}.idx"


def load_part(path: Path, handle: BinaryIO) -> PartIndex:
    """The index of the part open as ``handle``: the side index, then a scan of the lines past it."""
    stat = os.fstat(handle.fileno())
    index = PartIndex(inode=stat.st_ino, size=stat.st_size, mtime=stat.st_mtime_ns)
    entries, clean = _read_index(index_path(path), handle, stat)
    index.saved = clean
    if entries:
        for entry in entries:
            index.add(entry)
    _scan(path, handle, index)
    return index


def _read_index(idx: Path, handle: BinaryIO, stat: os.stat_result) -> tuple[list[Entry], bool]:
    """The entries of a side index that matches the open part ([] if none does), and whether it
    can be appended to (no torn last entry)."""
    clean = True
    try:
        with open(idx, encoding="utf-8") as source:
            header = source.readline().rstrip("\n")
            if header != f"{_MAGIC}\t{stat.st_ino}":
                return [], False
            entries = []
            for raw in source:
                cells = raw.rstrip("\n").split("\t")
                if not raw.endswith("\n") or len(cells) != 7:
                    clean = False   # a torn last entry: the scan redoes it, the next save rewrites
                    break
                entries.append(Entry(int(cells[0]), int(cells[1]), cells[2], cells[3], cells[4], cells[5],
                                     cells[6] == "d"))
    except (OSError, ValueError, UnicodeDecodeError):
        return [], False
    if entries:
        last = entries[-1]
        if last.offset + last.length > stat.st_size:
            return [], False
        handle.seek(last.offset)
        line = handle.read(last.length)
        if _digest(line) != last.digest:
            return [], False    # the part was rewritten under the same inode
    return entries, clean


def _scan(path: Path, handle: BinaryIO, index: PartIndex) -> None:
    """Index the whole lines past ``index.end``; a torn last line is left out."""
    handle.seek(index.end)
    offset, number = index.end, len(index.latest)
    for raw in handle:
        if not raw.endswith(b"\n"):
            break
        number += 1
        if raw.strip():
            try:
                data = json.loads(raw)
            except ValueError as exc:
                raise InputError(f"{path}:{number}: not an extracted record ({exc})") from exc
            entry = _entry_of(data, raw, offset, path, number)
            index.add(entry)
            index.unsaved.append(entry)
        offset += len(raw)
        index.end = offset


def _index_line(entry: Entry) -> str:
    return "\t".join((str(entry.offset), str(entry.length), entry.id, entry.version, entry.content_hash,
                      entry.digest, "d" if entry.deleted else "r")) + "\n"


def _writable(entry: Entry) -> bool:
    return not any(c in s for s in (entry.id, entry.version, entry.content_hash) for c in "\t\n\r")


def _save_index(path: Path, index: PartIndex) -> None:
    """Bring the side index in step with ``index``: append the unsaved entries, or write it anew."""
    idx = index_path(path)
    entries = index.unsaved if index.saved else sorted(index.latest.values(), key=lambda e: e.offset)
    if not all(_writable(e) for e in entries):
        idx.unlink(missing_ok=True)       # an id or version it cannot hold: readers scan instead
        index.saved = False
        return
    if index.saved:
        fd = os.open(idx, os.O_WRONLY | os.O_APPEND)
        size = os.fstat(fd).st_size
        try:
            _write_all(fd, "".join(map(_index_line, entries)).encode("utf-8"))
        except BaseException:
            os.ftruncate(fd, size)
            raise
        finally:
            os.close(fd)
    else:
        _atomic_text(idx, [f"{_MAGIC}\t{index.inode}\n", *map(_index_line, entries)])
        index.saved = True
    index.unsaved = []


def _same_file(path: Path, index: PartIndex) -> bool:
    try:
        return _same(index, os.stat(path))
    except OSError:
        return False


def _same(index: PartIndex, stat: os.stat_result) -> bool:
    """Whether the file is the one ``index`` was made of, unchanged since (an inode may be reused)."""
    return (index.inode, index.size, index.mtime) == (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _compact(path: Path, handle: BinaryIO, index: PartIndex) -> PartIndex:
    """Copy the live lines into a new file that replaces the part (and its side index) atomically."""
    keep = {e.offset: e for e in index.live()}
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    entries = []
    try:
        with os.fdopen(fd, "wb") as out:
            handle.seek(0)
            offset = 0
            for raw in handle:
                if offset >= index.end:
                    break
                entry = keep.get(offset)
                if entry is not None:
                    entries.append(entry._replace(offset=out.tell()))
                    out.write(raw)
                offset += len(raw)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), os.fstat(handle.fileno()).st_mode & 0o777)
            done = os.fstat(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fresh = PartIndex(inode=done.st_ino, mtime=done.st_mtime_ns)
    for entry in entries:
        fresh.add(entry)
    fresh.size = fresh.end
    try:
        _save_index(path, fresh)
    except OSError:
        index_path(path).unlink(missing_ok=True)   # stale by inode anyway; the next read rescans
    return fresh


def _atomic_text(path: Path, chunks: Iterable[str]) -> None:
    """Write a side index through a temporary file and a rename (not fsync'd: it is a cache)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.writelines(chunks)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- reading -----------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[Extracted]:
    """The records of one JSONL file, the latest line per id, tombstones applied, in file order.

    A bad line raises InputError naming file and line; a torn last line is ignored.
    """
    path = Path(path)
    with open(path, "rb") as handle:
        index = load_part(path, handle)
        keep, end = _live_offsets(index), index.end
        del index
        yield from _records(path, handle, keep, end)


def _live_offsets(index: PartIndex) -> set[int]:
    return {e.offset for e in index.latest.values() if not e.deleted}


def _records(path: Path, handle: BinaryIO, keep: set[int], end: int) -> Iterator[Extracted]:
    """The records of the lines at the ``keep`` offsets, in file order."""
    handle.seek(0)
    offset = 0
    for number, raw in enumerate(handle, 1):
        if offset >= end:
            break
        if offset in keep:
            yield _parse(raw, path, number)
        offset += len(raw)


def _parse(raw: bytes, path: Path, where) -> Extracted:
    try:
        return Extracted.from_dict(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"{path}:{where}: not an extracted record ({exc})") from exc

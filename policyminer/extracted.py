"""extracted/: the canonical, re-loadable output, as JSON Lines.

Records are sharded by the first hex digit of their id (part-0.jsonl …
part-f.jsonl), one line per document. Writing a batch rewrites each touched
shard through a temporary file and an atomic rename, so a crash or a full
disk leaves the last good file in place, and a rerun replaces a document's
line instead of adding a second one.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from policyminer.errors import InputError
from policyminer.records import Extracted

SHARDS = "0123456789abcdef"


class ExtractedStore:
    """The JSONL files under one extracted/ directory."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def shard_path(self, record_id: str) -> Path:
        return self.root / f"part-{record_id[0].lower()}.jsonl"

    def write(self, records: Iterable[Extracted]) -> tuple[int, int]:
        """Upsert records by id; returns (added, replaced)."""
        by_shard: dict[Path, dict[str, Extracted]] = defaultdict(dict)
        for record in records:
            by_shard[self.shard_path(record.id)][record.id] = record
        added = replaced = 0
        for path, batch in by_shard.items():
            lines = dict(_read_lines(path))
            replaced += sum(1 for rid in batch if rid in lines)
            added += sum(1 for rid in batch if rid not in lines)
            for rid, record in batch.items():
                lines[rid] = json.dumps(record.to_dict(), ensure_ascii=False)
            _atomic_write(path, lines.values())
        return added, replaced

    def delete(self, ids: Iterable[str]) -> int:
        """Remove records by id; returns how many were there."""
        by_shard: dict[Path, set[str]] = defaultdict(set)
        for rid in ids:
            by_shard[self.shard_path(rid)].add(rid)
        removed = 0
        for path, doomed in by_shard.items():
            lines = dict(_read_lines(path))
            removed += len(doomed & lines.keys())
            _atomic_write(path, (line for rid, line in lines.items() if rid not in doomed))
        return removed

    def files(self) -> list[Path]:
        return sorted(self.root.glob("*.jsonl")) if self.root.is_dir() else []

    def __iter__(self) -> Iterator[Extracted]:
        for path in self.files():
            yield from read_jsonl(path)

    def get(self, record_id: str) -> Extracted | None:
        for rid, line in _read_lines(self.shard_path(record_id)):
            if rid == record_id:
                return Extracted.from_dict(json.loads(line))
        return None

    def versions(self) -> dict[str, tuple[str, str]]:
        """id → (extractor_version, page content hash) of every stored record."""
        out = {}
        for record in self:
            out[record.id] = (record.extractor_version, record.metadata.get("content_hash", ""))
        return out

    def __len__(self) -> int:
        return sum(1 for path in self.files() for _ in _read_lines(path))


def read_jsonl(path: Path) -> Iterator[Extracted]:
    """Records of one JSONL file; a bad line raises InputError naming file and line."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield Extracted.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise InputError(f"{path}:{number}: not an extracted record ({exc})") from exc


def _read_lines(path: Path) -> Iterator[tuple[str, str]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            try:
                rid = json.loads(line)["id"]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not an extracted record ({exc})") from exc
            yield rid, line


def _atomic_write(path: Path, lines: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

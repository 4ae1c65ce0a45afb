"""The cross-document registry of organisations: one entry per canonical body.

Documents write one body many ways (北碚区政府, 北碚区人民政府,
重庆市北碚区人民政府). The registry files every organisation of every
Extracted record under :func:`body_key` (nlp.organizations.canonical_name,
folded) and keeps, per body, the written forms with the number of documents
using each, the type most documents give it, and its display name: the
fullest form, the most used among equally full ones.

It is built incrementally: :meth:`Registry.add` replaces what a document
contributed before (a re-extracted document is never counted twice),
:meth:`Registry.remove` takes a document out. It saves to and loads from
one JSON file (policyminer.orgs keeps it in the workspace's store). The
search index groups its org facet, ``org:`` filter and trends by the same key
(index.keys).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyminer.errors import InputError

FORMAT = 1


def fold(name: str) -> str:
    """NFKC, lower case, no whitespace: the form keys and queries are compared in."""
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


@functools.lru_cache(maxsize=1 << 16)
def body_key(name: str) -> str:
    """The key of the body ``name`` belongs to ('' for a blank name).

    北碚区政府, 北碚区人民政府 and 重庆市北碚区人民政府 give one key, and so
    does 北碚區人民政府 (traditional characters are folded to simplified).
    """
    from nlp.organizations import canonical_name
    from nlp.script import simplified_form
    folded = fold(simplified_form(name))
    return fold(canonical_name(folded)) if folded else ""


def display_order(name: str, documents: int = 0) -> tuple[int, int, str]:
    """Sort key of the candidates for a display name: fullest, then most used, then by code point."""
    return -len(name), -documents, name


@dataclass
class Body:
    """One organisation across documents."""

    key: str
    name: str
    type: str
    variants: dict[str, int] = field(default_factory=dict)     # written form → documents
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        """{"key", "name", "type", "documents", "variants"}; variants most used first."""
        variants = sorted(self.variants.items(), key=lambda kv: (-kv[1], kv[0]))
        return {"key": self.key, "name": self.name, "type": self.type,
                "documents": self.documents,
                "variants": [{"name": name, "documents": n} for name, n in variants]}


@dataclass
class _Contribution:
    """What one document adds: per key, its written forms and types."""

    digest: str
    forms: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)


class Registry:
    """Canonical bodies built from Extracted records (see the module docstring)."""

    def __init__(self) -> None:
        self._docs: dict[str, _Contribution] = {}
        self._bodies: dict[str, Body] | None = None

    def __len__(self) -> int:
        return len(self.bodies())

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._docs

    @property
    def document_ids(self) -> set[str]:
        """The ids of the documents the registry holds."""
        return set(self._docs)

    def add(self, record) -> bool:
        """File the organisations of ``record`` (an Extracted or its dict); True when changed."""
        data = record if isinstance(record, dict) else record.to_dict()
        orgs = data.get("organizations") or []
        digest = _digest(orgs)
        old = self._docs.get(data["id"])
        if old is not None and old.digest == digest:
            return False
        self._docs[data["id"]] = _contribution(orgs, digest)
        self._bodies = None
        return True

    def remove(self, doc_id: str) -> bool:
        """Take a document out; True when it was there."""
        self._bodies = None
        return self._docs.pop(doc_id, None) is not None

    def bodies(self) -> dict[str, Body]:
        """Every body by key (computed once per change)."""
        if self._bodies is None:
            self._bodies = _aggregate(self._docs.values())
        return self._bodies

    def lookup(self, name: str) -> Body | None:
        """The body ``name`` (any written form) belongs to, or None."""
        return self.bodies().get(body_key(name))

    def search(self, query: str = "") -> list[Body]:
        """Bodies whose key is the query's or whose forms contain it; most documents first."""
        wanted, key = fold(query), body_key(query) if query else ""
        found = [body for body in self.bodies().values()
                 if not wanted or body.key == key or wanted in body.key
                 or any(wanted in fold(form) for form in body.variants)]
        return sorted(found, key=lambda b: (-b.documents, b.key))

    # -- files ------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON the registry is saved as (per-document contributions)."""
        return {"format": FORMAT, "documents": {
            doc_id: {"digest": c.digest, "forms": c.forms, "types": c.types}
            for doc_id, c in sorted(self._docs.items())}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Registry":
        """A registry from ``to_dict`` output."""
        registry = cls()
        for doc_id, c in (data.get("documents") or {}).items():
            registry._docs[doc_id] = _Contribution(c["digest"], c["forms"], c["types"])
        return registry

    def save(self, path: str | Path) -> None:
        """Write the registry to ``path`` atomically."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.to_dict(), handle, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path) -> "Registry":
        """The registry saved at ``path`` (an empty one when the file does not exist)."""
        path = Path(path)
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise InputError(f"{path}: not an organisation registry ({exc}); delete it and "
                             "run `policyminer orgs` again to rebuild it") from None
        if data.get("format") != FORMAT:
            raise InputError(f"{path}: registry format {data.get('format')!r}, expected {FORMAT}; "
                             "delete it to rebuild it")
        return cls.from_dict(data)


def _digest(orgs: list[dict[str, Any]]) -> str:
    shape = [(o.get("name"), o.get("type"), o.get("aliases") or []) for o in orgs]
    return hashlib.sha1(json.dumps(shape, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _contribution(orgs: list[dict[str, Any]], digest: str) -> _Contribution:
    """Forms and types per key; an alias is filed with its organisation's key."""
    out = _Contribution(digest)
    for org in orgs:
        name = (org.get("name") or "").strip()
        key = body_key(name)
        if not key:
            continue
        forms = out.forms.setdefault(key, [])
        for form in (name, *(org.get("aliases") or [])):
            if form and form not in forms:
                forms.append(form)
        out.types.setdefault(key, []).append(org.get("type") or "other")
    return out


def _aggregate(contributions) -> dict[str, Body]:
    """Bodies from every document's contribution: counts of documents per form and type."""
    forms: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    documents: Counter = Counter()
    for c in contributions:
        for key, written in c.forms.items():
            documents[key] += 1
            forms.setdefault(key, Counter()).update(set(written))
            types.setdefault(key, Counter()).update(set(c.types.get(key, [])))
    bodies = {}
    for key, counts in forms.items():
        names = [n for n in counts if body_key(n) == key] or list(counts)
        name = min(names, key=lambda n: display_order(n, counts[n]))
        kind = min(types[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        bodies[key] = Body(key, name, kind, dict(counts), documents[key])
    return bodies

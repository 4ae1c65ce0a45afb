"""Keywords per document and similar documents, over the workspace's extracted/ records.

The keyword model (:class:`nlp.keywords.KeywordModel`) is fitted over every
record of extracted/ (title and text, organisation mentions as whole terms)
and stored as ``store/keywords.joblib``, with a small ``store/keywords.json``
saying which extracted/ it was fitted on:

* ``files``: name, size and modification time of each JSONL shard
  (``ExtractedStore.file_state``); when they are unchanged the model is
  current and nothing is read;
* ``digest``: a hash of every record's id, extractor version and title+text;
  when the shards changed but the digest did not (a shard rewritten with the
  same records), the model is kept and only ``files`` is updated.

Keywords are a property of the corpus, not of one document (adding documents
changes every idf), so they are not written back into extracted/: ``policyminer
index`` refreshes the model and sets ``keywords`` on each record it loads
(:func:`keyword_filler`); ``policyminer extract FILE`` uses the workspace
model's idf when there is one, else the general-Chinese idf table jieba ships
(:func:`add_keywords`), and says which in ``metadata.keywords_idf``
("corpus" or "general").
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.keywords import KeywordModel, Span, background_keywords
from policyminer.errors import PolicyminerError
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, doc_id
from policyminer.workspace import Workspace

MODEL_FILE = "keywords.joblib"
STATE_FILE = "keywords.json"
KEYWORDS = 10           # keywords per document
SHARED = 5              # shared keywords shown per similar document
IDF_CORPUS, IDF_GENERAL = "corpus", "general"   # metadata.keywords_idf
REFIT_SHARE = 0.2       # refit from scratch once this share of the fitted corpus has changed


def model_path(ws: Workspace) -> Path:
    """Where the workspace's keyword model lives."""
    return ws.store_dir / MODEL_FILE


def record_input(record: Extracted) -> tuple[str, list[Span]]:
    """What the model reads of a record: title and text, and its organisation mentions."""
    title = record.title or ""
    offset = len(title) + 1 if title else 0
    spans = [(start + offset, end + offset, org.name) for org in record.organizations
             for start, end in (m[:2] for m in org.mentions if len(m) >= 2)]
    return (f"{title}\n{record.text}" if title else record.text or ""), spans


def text_hash(record: Extracted) -> str:
    """A short hash of what the model reads of a record."""
    data = f"{record.title}\n{record.text}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()[:16]


# --- is the model current? --------------------------------------------------

def corpus_digest(store: ExtractedStore) -> str:
    """A hash of every record's id, extractor version and title+text, in id order."""
    parts = sorted(f"{r.id} {r.extractor_version} {text_hash(r)}" for r in store)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


def _read_state(ws: Workspace) -> dict[str, Any]:
    path = ws.store_dir / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(ws: Workspace, state: dict[str, Any]) -> None:
    path = ws.store_dir / STATE_FILE
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    os.replace(tmp, path)


class EmptyCorpus(PolicyminerError):
    """extracted/ holds no record with a single keyword term."""


@dataclass
class Refresh:
    """What :func:`refresh_model` did."""

    model: KeywordModel | None
    rebuilt: bool
    documents: int = 0
    reason: str = ""

    def summary(self) -> str:
        if self.model is None:
            return "keywords: no extracted record has text to fit a model on"
        verb = "fitted" if self.rebuilt else "current"
        return f"keywords: model {verb} over {self.documents} documents{self.reason}"


def refresh_model(ws: Workspace, *, force: bool = False) -> Refresh:
    """The workspace's keyword model, refitted first when extracted/ changed since the last fit."""
    store, path = ExtractedStore(ws.extracted_dir), model_path(ws)
    state, files = _read_state(ws), store.file_state()
    if not files:
        return Refresh(None, False)
    current = None if force else _try_load(path)
    if current is not None and state.get("files") == files:
        return Refresh(current, False, len(current))
    digest = corpus_digest(store)
    if current is not None and state.get("digest") == digest:
        _write_state(ws, {**state, "files": files})
        return Refresh(current, False, len(current), " (shards rewritten, records unchanged)")
    changed = update_model(current, store) if current is not None else None
    model, reason = (current, f" (updated: {changed} records changed)") if changed is not None else (None, "")
    if model is None:
        try:
            model = fit_store(store, dictionary_dir=ws.dictionaries_dir)
        except EmptyCorpus:
            return Refresh(None, False)
        reason = "" if state else " (first fit)"
    model.meta["digest"] = digest
    model.save(path)
    _write_state(ws, {"digest": digest, "files": files, "documents": len(model)})
    return Refresh(model, True, len(model), reason)


def update_model(model: KeywordModel, store: ExtractedStore) -> int | None:
    """Bring ``model`` up to date with ``store`` without refitting; returns how many records changed.

    Unchanged records keep their rows; new and changed ones are weighted with
    the fitted idf. Returns None (and leaves the model alone) when the changes
    since the last full fit pass REFIT_SHARE of that corpus: a full fit is due.
    """
    meta = model.meta
    rows, hashes, versions = meta.get("rows", {}), meta.get("hashes", []), meta.get("versions")
    fitted = meta.get("fitted", len(model))
    budget = REFIT_SHARE * fitted - meta.get("drift", 0)
    if versions is None or budget <= 0:
        return None
    keep, kept, fresh, documents = [], [], [], []
    for record in store:
        row, digest = rows.get(record.id), text_hash(record)
        entry = (record.id, record.url, record.title or "", digest, record.extractor_version)
        if row is not None and hashes[row] == digest and versions[row] == record.extractor_version:
            keep.append(row)
            kept.append(entry)
            continue
        fresh.append(entry)
        documents.append(model.terms(*record_input(record)))
        if len(fresh) > budget:
            return None
    changed = len(fresh) + len(rows) - len(keep) - sum(1 for e in fresh if e[0] in rows)
    if changed > budget:
        return None
    model.update(keep, documents)
    approx = meta.get("approx") or [False] * len(hashes)
    _set_rows(meta, kept + fresh)
    meta["approx"] = [approx[row] for row in keep] + [True] * len(fresh)   # rows weighted without refit
    meta["drift"] = meta.get("drift", 0) + changed
    return changed


def _set_rows(meta: dict[str, Any], entries: list[tuple[str, str, str, str, str]]) -> None:
    """Row i of the model is ``entries[i]``: (id, url, title, text hash, extractor version)."""
    ids, urls, titles, hashes, versions = (list(column) for column in zip(*entries)) if entries else ([],) * 5
    meta.update(ids=ids, urls=urls, titles=titles, hashes=hashes, versions=versions,
                rows={rid: row for row, rid in enumerate(ids)})


def fit_store(store: ExtractedStore, *, dictionary_dir: Path | None = None) -> KeywordModel:
    """Fit a model over every record of ``store``, streaming them; row i is the i-th record."""
    entries: list[tuple[str, str, str, str, str]] = []

    def inputs() -> Iterator[tuple[str, list[Span]]]:
        for record in store:
            entries.append((record.id, record.url, record.title or "", text_hash(record),
                            record.extractor_version))
            yield record_input(record)

    model = KeywordModel(dictionary_dir=dictionary_dir)
    try:
        model.fit(inputs())
    except ValueError as exc:
        raise EmptyCorpus(f"{store.root}: no record has a title or text to fit keywords on") from exc
    _set_rows(model.meta, entries)
    model.meta.update(fitted=len(entries), drift=0, approx=[False] * len(entries))
    return model


def load_model(path: Path) -> KeywordModel:
    """The model stored at ``path`` (cached while the file is unchanged)."""
    stat = path.stat()
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2)
def _load_cached(path: str, mtime_ns: int, size: int) -> KeywordModel:
    return KeywordModel.load(path)


def _try_load(path: Path) -> KeywordModel | None:
    """The model at ``path``, or None when there is none or it cannot be read (refit it then)."""
    if not path.is_file():
        return None
    try:
        return load_model(path)
    except Exception:       # truncated, or pickled by an incompatible scikit-learn: a cache miss
        return None


def stored_model(ws: Workspace) -> KeywordModel | None:
    """The workspace's model as last fitted, without refitting (None when there is none)."""
    return _try_load(ws.home / ws.settings.store_dir / MODEL_FILE)


# --- keywords ---------------------------------------------------------------

def record_keywords(model: KeywordModel | None, record: Extracted, k: int = KEYWORDS) -> tuple[list[str], str]:
    """(keywords, idf used) of a record: its fitted row when the model was fitted on this very
    text, else the model's idf over its terms (new terms count as rare), else jieba's
    general-Chinese idf ("general")."""
    text, spans = record_input(record)
    if model is None:
        return [t for t, _ in background_keywords(text, k, spans=spans)], IDF_GENERAL
    meta = model.meta
    row = meta.get("rows", {}).get(record.id)
    approx = meta.get("approx") or ()
    if row is not None and meta["hashes"][row] == text_hash(record) and not (approx and approx[row]):
        return [t for t, _ in model.keywords_of(row, k)], IDF_CORPUS
    return [t for t, _ in model.keywords(text, k, spans=spans)], IDF_CORPUS


def keyword_filler(ws: Workspace, *, refresh: bool = True) -> Callable[[Extracted], Extracted]:
    """A function that sets ``keywords`` on a record, for ``policyminer index``.

    With ``refresh`` the model is refitted first if extracted/ changed; without
    it (records loaded from other files) the stored model is used as it is.
    Without any model, records keep the keywords they came with.
    """
    model = refresh_model(ws).model if refresh else stored_model(ws)

    def fill(record: Extracted) -> Extracted:
        if model is not None:
            record.keywords = record_keywords(model, record)[0]
        return record
    return fill


def add_keywords(result: dict[str, Any], model: KeywordModel | None) -> dict[str, Any]:
    """Set ``keywords`` (and ``metadata.keywords_idf``) on an extract result dict."""
    if "error" in result:
        return result
    keywords, idf = record_keywords(model, Extracted.from_dict(result))
    result["keywords"] = keywords
    result.setdefault("metadata", {})["keywords_idf"] = idf
    return result


# --- similar documents ------------------------------------------------------

@dataclass
class SimilarResult:
    """A document, its keywords and its nearest neighbours."""

    document: dict[str, Any]
    similar: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "similar": self.similar, "documents": self.documents}


def find_row(model: KeywordModel, ref: str) -> int | None:
    """The model row of a document id or URL (canonicalised), or None."""
    rows = model.meta.get("rows", {})
    ref = ref.strip()
    if ref in rows:
        return rows[ref]
    if "://" in ref or ref.startswith("stdin:"):
        return rows.get(doc_id(ref))
    return None


def similar_documents(model: KeywordModel, ref: str, *, limit: int = 10) -> SimilarResult:
    """The ``limit`` documents of the model most like ``ref`` (an id or a URL)."""
    row = find_row(model, ref)
    if row is None:
        raise PolicyminerError(f"no document {ref!r} among the {len(model)} extracted records; "
                               "give the id or URL of a document in extracted/")
    meta = model.meta
    document = {"id": meta["ids"][row], "url": meta["urls"][row], "title": meta["titles"][row],
                "keywords": [t for t, _ in model.keywords_of(row, KEYWORDS)]}
    similar = [{"id": meta["ids"][other], "url": meta["urls"][other], "title": meta["titles"][other],
                "score": score, "shared_keywords": model.shared_terms(row, other, SHARED)}
               for other, score in model.similar(row, limit)]
    return SimilarResult(document, similar, len(model))


def similar_in_workspace(ws: Workspace, ref: str, *, limit: int = 5) -> list[dict[str, Any]]:
    """Similar documents by the stored model, for the web UI: [] without a model or the document."""
    model = stored_model(ws)
    if model is None or find_row(model, ref) is None:
        return []
    return similar_documents(model, ref, limit=limit).similar



def print_similar(result: SimilarResult) -> None:
    """The similar documents on stdout, one block each, for people."""
    from rich.markup import escape
    from policyminer import output
    document = result.document
    output.out.print(f"[bold]{escape(document['title'] or '(untitled)')}[/]  [dim]{document['id']}[/]")
    output.out.print(f"keywords: {escape('、'.join(document['keywords']))}")
    if not result.similar:
        output.out.print(f"No similar document among the {result.documents} extracted records.")
    for n, row in enumerate(result.similar, 1):
        output.out.print(f"\n[bold]{n}. {escape(row['title'] or '(untitled)')}[/]  score {row['score']:.3f}")
        output.out.print(f"   shared: {escape('、'.join(row['shared_keywords']))}")
        output.out.print(f"   [dim]{row['id']} · {escape(row['url'])}[/]")

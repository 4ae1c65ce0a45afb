"""The cluster index's template and the document one Extracted record becomes.

Analysis happens in Python, identically for every engine (Elasticsearch's
minimal distribution has no CJK filters, and the SQLite engine must agree):

* ``title_chars`` / ``text_chars`` — the folded text (index.segment.search_text)
  as one token per character, a space kept as the token ``SPACE``. A query
  string is a ``match_phrase`` over its characters there, so a term matches
  exactly the documents whose title or text contains it as a substring.
* ``title_words`` / ``text_words`` — the ranking tokens of index.segment
  (CJK bigrams, whole letter/digit runs); BM25 scores phrases of them.

All four are indexed with the built-in ``whitespace`` analyzer (present in
every Elasticsearch and OpenSearch distribution) and left out of ``_source``.
Organisations, figures and signings are nested objects, so "西南大学 signed
in 2024" or "a 5G基站 figure over 100" is one nested query. Organisations are
keyed by canonical body and division codes filed as index.keys computes them
(``org_keys``, ``organizations.canonical``, ``region_codes``, ``place_codes``,
``signings.location_codes``), exactly as the SQLite engine files them. The
mapping's version and the key rules' version live in ``_meta``; an index with
others is refused until rebuilt.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from index.reports import signing_day
from index.keys import (document_codes, fullest_key, keys_version, location_codes, name_keys,
                        org_key, region_codes)
from index.segment import ANALYZER, index_text, search_text
from policyminer.records import Extracted

MAPPING_VERSION = "3"
SPACE = "\u2423"                        # ␣ stands for whitespace in the character fields
DERIVED = ("title_chars", "text_chars", "title_words", "text_words")
MAX_RESULT_WINDOW = 50_000
META = {"mapping_version": MAPPING_VERSION, "analyzer": ANALYZER}

_KEYWORD = {"type": "keyword"}
_CHARS = {"type": "text", "analyzer": "whitespace", "norms": False, "index_options": "positions"}
_WORDS = {"type": "text", "analyzer": "whitespace"}
_STORED = {"type": "object", "enabled": False}


def mappings() -> dict[str, Any]:
    """The index mapping (dynamic fields are kept in _source but not indexed)."""
    return {
        "dynamic": False,
        "_meta": {"policyminer": meta()},
        "_source": {"excludes": list(DERIVED)},
        "properties": {
            **{name: _KEYWORD for name in ("id", "url", "published", "year", "source",
                                             "doc_type", "region", "org_keys", "org_canonical",
                                             "region_codes", "place_codes",
                                             "keywords", "extractor_version", "hash")},
            "published_date": {"type": "date", "format": "strict_date"},
            "title_chars": _CHARS, "text_chars": _CHARS,
            "title_words": _WORDS, "text_words": _WORDS,
            "metadata": _STORED,
            "figures": {"type": "nested", "properties": {
                "metric": _KEYWORD, "unit": _KEYWORD, "qualifier": _KEYWORD,
                "value": {"type": "double"}, "year": {"type": "integer"}}},
            "organizations": {"type": "nested", "properties": {
                "name": _KEYWORD, "canonical": _KEYWORD, "type": _KEYWORD, "keys": _KEYWORD,
                "fullest": _KEYWORD}},
            "signings": {"type": "nested", "properties": {
                "day": _KEYWORD, "date": _KEYWORD, "parties": _KEYWORD, "party_keys": _KEYWORD,
                "projects": _KEYWORD, "location": _KEYWORD, "location_code": _KEYWORD,
                "location_codes": _KEYWORD, "count": {"type": "long"},
                "amount": _STORED}},
        },
    }


def settings(shards: int = 1, replicas: int = 0) -> dict[str, Any]:
    """Index settings: one shard keeps BM25 statistics and aggregations exact."""
    return {"number_of_shards": shards, "number_of_replicas": replicas,
            "max_result_window": MAX_RESULT_WINDOW}


def meta() -> dict[str, str]:
    """What an index records in ``_meta``: mapping version, analyzer, key rules (index.keys)."""
    return {**META, "keys": keys_version()}


def template(pattern: str, alias_length: int, **index_settings: Any) -> dict[str, Any]:
    """The composable index template for the versioned indices behind an alias.

    Its priority grows with the alias's length, so that of two aliases where
    one's pattern also covers the other's indices, the longer one wins.
    """
    return {"index_patterns": [pattern], "priority": 100 + alias_length,
            "template": {"settings": settings(**index_settings), "mappings": mappings()},
            "_meta": {"policyminer": meta()}}


def meta_of(mapping: dict[str, Any]) -> dict[str, Any]:
    """The policyminer ``_meta`` of an index's mapping ({} when it has none)."""
    return ((mapping.get("mappings") or {}).get("_meta") or {}).get("policyminer") or {}


def chars(text: str) -> str:
    """``text`` folded, one token per character, whitespace as ``SPACE``."""
    return " ".join(SPACE if char == " " else char for char in search_text(text))


def record_hash(record: Extracted) -> str:
    """A digest of everything stored about a record (an unchanged record is not re-sent)."""
    data = json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(f"{MAPPING_VERSION}\0{data}".encode("utf-8")).hexdigest()


def document(record: Extracted) -> dict[str, Any]:
    """The indexed document of a record: its fields plus the derived search fields."""
    title, text, published = record.title or "", record.text or "", record.published
    orgs, names = _organizations(record)
    return {
        "id": record.id, "url": record.url, "title": title, "published": published,
        "text": text, "source": record.source, "doc_type": record.doc_type,
        "region": record.region, "metadata": record.metadata, "keywords": record.keywords,
        "extractor_version": record.extractor_version, "schema_version": record.schema_version,
        "figures": [f.to_dict() for f in record.figures],
        "organizations": orgs,
        "signings": _signings(record, names),
        "org_keys": sorted({key for org in orgs for key in org["keys"]}),
        "org_canonical": sorted({org["canonical"] for org in orgs}),
        "region_codes": region_codes(record.region),
        "place_codes": document_codes(record.region, record.signings),
        "year": published[:4] if published else None,
        "published_date": full_date(published),
        "hash": record_hash(record),
        "title_chars": chars(title), "text_chars": chars(text),
        "title_words": index_text(title), "text_words": index_text(text),
    }


def full_date(published: str | None) -> str | None:
    """The ISO day a publication date starts with, or None for a partial or invalid one."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _organizations(record: Extracted) -> tuple[list[dict], dict[str, set[str]]]:
    """Organisation objects, and each canonical name → every name of its organisations."""
    orgs, names = [], {}
    for org in record.organizations:
        keys = sorted(name_keys([org.name, *org.aliases]))
        orgs.append({**org.to_dict(), "canonical": org_key(org.name), "keys": keys,
                     "fullest": fullest_key(org.name)})
        for key in keys:
            names.setdefault(key, set()).update(keys)
    return orgs, names


def _signings(record: Extracted, names: dict[str, set[str]]) -> list[dict]:
    out = []
    for sig in record.signings:
        keys: set[str] = set()
        for party in sig.parties:
            key = org_key(party)
            keys |= names.get(key, {key} if key else set())
        out.append({**sig.to_dict(), "day": signing_day(sig.date, record.published),
                    "party_keys": sorted(keys),
                    "location_codes": location_codes(sig.location, sig.location_code,
                                                     record.region)})
    return out


def record_of(source: dict[str, Any]) -> Extracted:
    """The Extracted record of an indexed document's ``_source``."""
    return Extracted.from_dict(source)

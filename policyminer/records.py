"""The plain records that flow between stages: Page → Article → Extracted.

Every record is a dataclass that round-trips through JSON (``to_dict`` /
``from_dict``). Records written to disk carry ``schema_version`` so that JSONL
written by an older policyminer still loads: ``from_dict`` upgrades old shapes
and ignores unknown keys instead of failing.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

SCHEMA_VERSION = 1

DOC_TYPES = ("news", "policy")
ORG_TYPES = (
    "government", "party", "university", "school", "institute", "hospital",
    "company", "association", "media", "platform", "other",
)
QUALIFIERS = ("approx", "over", "under", "cumulative")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and default ports."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not (parts.scheme, parts.port) in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


def doc_id(url: str) -> str:
    """The stable id of a document: a hash of its canonical URL."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:20]


def file_url(path: str | Path) -> str:
    """The ``file://`` URI of a local file, which is its url when none is given."""
    return Path(path).resolve().as_uri()


class _Record:
    """JSON round-tripping shared by every record."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Page(_Record):
    """A fetched web page, as the crawler stores it."""

    url: str
    fetched: str                      # ISO timestamp, UTC
    html: str                         # decoded text of the body
    source: str                       # source id from config/sources.yaml
    status: int = 200
    encoding: str = "utf-8"
    doc_type: str = "news"
    region: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    other_urls: list[str] = field(default_factory=list)   # near-duplicates kept as this page
    schema_version: int = SCHEMA_VERSION

    @property
    def id(self) -> str:
        return doc_id(self.url)


@dataclass
class Article(_Record):
    """The readable content of a page: title, date, cleaned body, metadata."""

    url: str
    title: str
    text: str
    published: str | None = None      # YYYY-MM-DD
    source: str | None = None
    doc_type: str = "news"
    region: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    @property
    def id(self) -> str:
        return doc_id(self.url)


@dataclass
class Organization(_Record):
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)   # [start, end) into text


@dataclass
class Figure(_Record):
    text: str
    value: float | int
    unit: str
    qualifier: str | None
    metric: str | None
    year: int | None
    start: int
    end: int


@dataclass
class Signing(_Record):
    text: str
    date: str | None
    parties: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    count: int | None = None
    amount: dict[str, Any] | None = None   # {"value": number, "unit": "元"}
    location: str | None = None
    start: int = 0
    end: int = 0
    location_code: str | None = None       # GB/T 2260 code the location resolves to (nlp.places)


@dataclass
class Extracted(_Record):
    """The object of EXTRACTION.md plus provenance and pipeline metadata."""

    id: str
    url: str
    title: str
    published: str | None
    text: str
    organizations: list[Organization] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    signings: list[Signing] = field(default_factory=list)
    source: str | None = None
    doc_type: str = "news"
    region: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)   # nlp.places.find_places
    extractor_version: str = ""
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        # Policy and news metadata (doc_number, issuer, author …) also appear
        # at the top level, as EXTRACTION.md's "also expected" fields; the
        # outlet (来源) fills ``source`` when no crawler source is known.
        for key, value in self.metadata.items():
            if data.get(key) is None:
                data[key] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Extracted":
        data = _upgrade(dict(data))
        record = super().from_dict(data)
        record.organizations = [Organization.from_dict(o) for o in data.get("organizations", [])]
        record.figures = [Figure.from_dict(f) for f in data.get("figures", [])]
        record.signings = [Signing.from_dict(s) for s in data.get("signings", [])]
        return record


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older record up to SCHEMA_VERSION (version 0 had no version key)."""
    version = data.get("schema_version", 0)
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"record {data.get('id', '?')} has schema_version {version}, newer than this "
            f"policyminer understands ({SCHEMA_VERSION}); upgrade policyminer")
    if version == 0 and not data.get("id") and data.get("url"):
        data["id"] = doc_id(data["url"])
    data["schema_version"] = SCHEMA_VERSION
    return data

"""The item the spider yields for each detail page; pipelines fill in the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageItem:
    """A fetched detail page on its way to the store.

    The spider sets what it fetched; the pipelines add ``encoding`` and
    ``html`` (decoding), ``attachments`` (text of ``files``), ``simhash`` and
    ``near_dup_of`` (near-duplicates) and ``store_status`` (the store).
    """

    url: str
    source: str
    fetched: str
    body: bytes = b""
    status: int = 200
    not_modified: bool = False        # a 304 answer to a conditional GET
    encoding_hint: str | None = None  # HTTP charset, else the source's configured encoding
    etag: str | None = None
    last_modified: str | None = None
    doc_type: str = "news"
    region: str | None = None
    aliases: list[str] = field(default_factory=list)     # URLs that redirected here
    selectors: dict[str, str] = field(default_factory=dict)
    files: list[dict[str, Any]] = field(default_factory=list)  # downloaded attachments (bytes)
    # Set by the pipelines:
    encoding: str | None = None
    html: str | None = None
    attachments: list[dict[str, Any]] | None = None
    simhash: int | None = None
    near_dup_of: str | None = None
    store_status: str | None = None

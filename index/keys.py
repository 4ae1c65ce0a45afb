"""The keys every engine files documents under: canonical organisations and division codes.

* ``org_key(name)`` — the canonical body a name belongs to, the key of the
  organisation registry (nlp.registry.body_key): 北碚区政府, 北碚区人民政府 and
  重庆市北碚区人民政府 share one key. The ``org:`` filter, the org facet, the
  signings ``org`` filter and trends by org group by it.
* ``name_keys(names)`` — what an organisation is found by: the canonical key
  and the folded written form of its name and every alias (the written forms
  keep ``org:重庆*`` prefix filters meaningful).
* ``region_codes`` / ``location_codes`` / ``query_codes`` — GB/T 2260 codes
  (nlp.places): a document is filed under its region's division and every
  division above it, a signing under its location's; ``region:沙坪坝区``
  matches any document filed under 500106.

SQLite and the cluster engines import these same functions, so the keys
agree to the character.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from index.segment import canonical

_ROOT = Path(__file__).resolve().parents[1]
_RULES = (_ROOT / "nlp" / "organizations.py", _ROOT / "nlp" / "registry.py",
          _ROOT / "nlp" / "places.py", _ROOT / "config" / "dictionaries" / "places.txt")


@lru_cache(maxsize=1)
def keys_version() -> str:
    """A digest of what the keys are computed from (rules, place table, jionlp's version).

    An index records it: keys computed by other rules could not be found or
    removed again, so such an index must be rebuilt.
    """
    digest = hashlib.sha1()
    for path in _RULES:
        digest.update(path.read_bytes() if path.is_file() else b"")
    try:
        digest.update(metadata.version("jionlp").encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:12]


def org_key(name: str) -> str:
    """The canonical key of an organisation name ('' for a blank one)."""
    from nlp.registry import body_key
    return body_key(name)


def fullest_key(name: str) -> str:
    """A string whose plain (code point / UTF-8 byte) order is ``fullest_first`` order.

    Engines that can only sort keys as strings pick the fullest name of a body as
    the smallest of these; :func:`name_of_fullest_key` gives the name back.
    """
    return f"{9999 - min(len(name), 9999):04d}{name}"


def name_of_fullest_key(key: str) -> str:
    """The name inside a :func:`fullest_key`."""
    return key[4:]


def fullest_first(name: str) -> tuple[int, str]:
    """The order the names of one body are shown in: the longest first, then by code point."""
    return -len(name), name


@lru_cache(maxsize=1 << 16)
def _name_keys(name: str) -> tuple[str, ...]:
    return tuple(key for key in (org_key(name), canonical(name)) if key)


def name_keys(names: Iterable[str]) -> set[str]:
    """Canonical keys and folded forms of ``names`` (a name and its aliases)."""
    keys: set[str] = set()
    for name in names:
        if name:
            keys.update(_name_keys(name))
    return keys


@lru_cache(maxsize=4096)
def _codes_of(text: str, context: tuple[str, ...]) -> tuple[str, ...]:
    from nlp.places import load_gazetteer, resolve
    gazetteer = load_gazetteer()
    around = [gazetteer.by_code[code] for code in context if code in gazetteer.by_code]
    place = resolve(text, context=around, gazetteer=gazetteer)
    return place.codes if place else ()


def region_codes(region: str | None) -> list[str]:
    """The codes a document of ``region`` is filed under (its division and those above)."""
    return list(_codes_of(region, ())) if region else []


def location_codes(location: str | None, code: str | None, region: str | None) -> list[str]:
    """The codes a signing is filed under: its ``location_code``, else its location resolved
    in the document's region."""
    from nlp.places import load_gazetteer
    place = load_gazetteer().by_code.get(code) if code else None
    if place is not None:
        return list(place.codes)
    if not location:
        return []
    return list(_codes_of(location, _codes_of(region, ()) if region else ()))


@lru_cache(maxsize=1024)
def query_codes(value: str) -> tuple[str, ...]:
    """The codes a ``region:`` value means: one division, or every one an ambiguous name may mean."""
    from nlp.places import candidates
    return tuple(sorted({place.code for place in candidates(value)}))


def document_codes(region: str | None, signings: Iterable) -> list[str]:
    """Every code a document is found under by ``region:``: its region's and its signings'."""
    codes = set(region_codes(region))
    for sig in signings:
        codes.update(location_codes(_get(sig, "location"), _get(sig, "location_code"), region))
    return sorted(codes)


def _get(item, name: str):
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

"""Administrative places for signings: where a signing happened and the
document's region, from jionlp's location data (loaded lazily, once).

nlp/signings.py uses them for a signing's ``location``; nlp/signing_parties.py
to tell a place written as a side (九龙坡区与…) from a body's name.
"""
from __future__ import annotations

from functools import lru_cache

from nlp.wordscan import WordScanner

_GENERIC_PLACE_NAMES = {"城区", "郊区", "矿区", "新区", "市辖区", "市中", "城中"}


@lru_cache(maxsize=1)
def place_lexicon() -> dict[str, tuple[str, int]]:
    """Chinese administrative names and aliases → (full name, level: 1 province … 3 county)."""
    from nlp.dates import _jionlp
    lexicon: dict[str, tuple[str, int]] = {}

    def add(node: dict, level: int) -> None:
        full = node.get("_full_name")
        aliases = node.get("_alias") or []
        for name in [full, *([aliases] if isinstance(aliases, str) else aliases)]:
            if not name or len(name) < 2 or name in _GENERIC_PLACE_NAMES:
                continue
            if name not in lexicon or lexicon[name][1] < level:
                lexicon[name] = (full, level)
        for key, child in node.items():
            if not key.startswith("_") and isinstance(child, dict):
                add(child, level + 1)

    for province in _jionlp().china_location_loader().values():
        add(province, 1)
    return lexicon


@lru_cache(maxsize=1)
def _place_scanner() -> WordScanner:
    """A scanner over every place name and alias, built once."""
    return WordScanner(place_lexicon())


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Administrative place mentions (start, end, full name) from jionlp's location data.

    A short alias (北碚, 朝阳) counts only when the full name (北碚区) is also
    written somewhere, which keeps 朝阳文创大道 from meaning Beijing's 朝阳区.
    """
    lexicon = place_lexicon()
    found = _place_scanner().find_all(text)
    written = {name for _, _, name in found if lexicon[name][0] == name}
    return [(s, e, lexicon[name][0]) for s, e, name in found if lexicon[name][0] in written]


def region(places: list[tuple[int, int, str]]) -> str | None:
    """The document's region: its most-mentioned county-level place (else any place)."""
    lexicon = place_lexicon()
    counts: dict[str, int] = {}
    for _, _, name in places:
        counts[name] = counts.get(name, 0) + 1
    counties = {n: c for n, c in counts.items() if lexicon.get(n, ("", 3))[1] >= 3}
    pool = counties or counts
    order = list(counts)
    return max(pool, key=lambda n: (pool[n], -order.index(n))) if pool else None


def without_places(text: str) -> str:
    """``text`` with every place name and alias removed (北碚区朝阳文创项目 → 朝阳文创项目)."""
    return _place_scanner().remove(text)

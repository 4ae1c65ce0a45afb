"""Places resolved to China's administrative divisions and their GB/T 2260 codes.

The divisions (provinces, prefecture-level cities, counties and districts)
and their six-digit codes come from the location table jionlp ships
(``china_location``, read by :func:`nlp.lexicon.division_rows`, no
download); extra short forms (沙区 for 沙坪坝区) from ``places.txt`` in the
dictionary directory. Functional areas and parks (两江新区, 西永微电园) are
not divisions and resolve to nothing.

* :func:`resolve` — one mention or free-text location (沙坪坝, 重庆市沙坪坝区,
  沙坪坝区西永街道) → the most specific :class:`Place`, or None;
* :func:`find_places` — every place a text mentions, with ``[start, end)`` offsets;
* :func:`add_places` — fills ``Extracted.places`` and each signing's ``location_code``.

A name several divisions share (江北区 in 重庆 and in 宁波, 鼓楼区 in six
cities) is decided by context: the place written before it (重庆市江北区), the
document's region, the unambiguous places of the same text. Without any,
it stays unresolved rather than guessed.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.lexicon import DEFAULT_DIR, _rows, division_rows
from nlp.wordscan import WordScanner

LEVELS = ("province", "city", "county")
_SPLIT = str.maketrans({"|": " ", ",": " ", "，": " "})
_LEVEL_ENDS = frozenset("区县市旗")


@dataclass(frozen=True)
class Place:
    """One administrative division: full name, code, level and its ancestors' codes."""

    name: str
    code: str
    level: str
    parents: tuple[str, ...] = ()        # codes, outermost first

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of its ancestors and its own, outermost first."""
        return (*self.parents, self.code)

    def within(self, code: str) -> bool:
        """True when this place is the division ``code`` or lies under it."""
        return code in self.codes

    def to_dict(self) -> dict[str, Any]:
        """{"name", "code", "level", "parents"} as stored in records."""
        return {"name": self.name, "code": self.code, "level": self.level,
                "parents": list(self.parents)}


@dataclass
class Gazetteer:
    """Every division by code, and the divisions each written form may mean."""

    by_code: dict[str, Place] = field(default_factory=dict)
    full: dict[str, list[Place]] = field(default_factory=dict)      # 沙坪坝区 → places
    short: dict[str, list[Place]] = field(default_factory=dict)     # 沙坪坝, 沙区 → places

    def candidates(self, surface: str) -> list[Place]:
        """The divisions ``surface`` (a full name or a short form) may mean."""
        return self.full.get(surface) or self.short.get(surface) or []

    @functools.cached_property
    def scanner(self) -> WordScanner:
        """Finds every full name and short form of two characters or more."""
        return WordScanner(s for s in (*self.full, *self.short) if len(s) >= 2)


@functools.lru_cache(maxsize=4)
def load_gazetteer(dictionary_dir: Path | None = None) -> Gazetteer:
    """The divisions of jionlp's table plus the short forms of ``dictionary_dir``/places.txt."""
    gazetteer = Gazetteer()
    for place, short in _divisions():
        gazetteer.by_code.setdefault(place.code, place)
        _add(gazetteer.full, place.name, place)
        if _is_short(short, place.name):
            _add(gazetteer.short, short, place)
    extra = Path(dictionary_dir or DEFAULT_DIR) / "places.txt"
    if extra.is_file():
        _add_aliases(gazetteer, _rows(extra))
    return gazetteer


def _add(table: dict[str, list[Place]], key: str, place: Place) -> None:
    places = table.setdefault(key, [])
    if place not in places:
        places.append(place)


@functools.lru_cache(maxsize=1)
def _divisions() -> tuple[tuple[Place, str], ...]:
    """(place, short name) of every province, city and county, in table order.

    A municipality appears twice in the table (重庆市 as province and as its
    own city, one code): the city line adds nothing.
    """
    out: list[tuple[Place, str]] = []
    stack: list[Place | None] = [None, None, None]
    for level, fields in division_rows():
        if not fields[1].isdigit():
            continue
        parent = stack[level - 1] if level else None
        if parent is not None and parent.code == fields[1]:
            stack[level] = parent
            continue
        place = Place(fields[0], fields[1], LEVELS[level], parent.codes if parent else ())
        stack[level] = place
        out.append((place, fields[2]))
    return tuple(out)


def _add_aliases(gazetteer: Gazetteer, rows: list[list[str]]) -> None:
    """Short forms of places.txt (name, shorts, parent) for names that are divisions."""
    for row in rows:
        parents = gazetteer.candidates(row[2]) if len(row) > 2 and row[2] else []
        places = [p for p in gazetteer.full.get(row[0], [])
                  if not parents or any(p.within(parent.code) for parent in parents)]
        if len(places) != 1 or len(row) < 2:
            continue
        for short in row[1].translate(_SPLIT).split():
            if len(short) >= 2 and short not in gazetteer.full:
                _add(gazetteer.short, short, places[0])


def _is_short(short: str, name: str) -> bool:
    """A usable short form: two characters or more, not a bare level word (新区, 城区)."""
    return len(short) >= 2 and short != name and not (len(short) == 2 and short[-1] in _LEVEL_ENDS)


# ------------------------------------------------------------------ resolving

def resolve(text: str | None, *, context: Iterable[Place] = (),
            gazetteer: Gazetteer | None = None) -> Place | None:
    """The most specific division ``text`` names, or None.

    ``text`` is a mention or a free-text location: 沙坪坝区, 沙坪坝, 重庆市沙坪坝区,
    沙坪坝区西永街道 (→ 沙坪坝区). Each place written in it narrows the next
    (重庆市江北区); ``context`` (the document's region and places) decides a
    name several divisions share.
    """
    chain = resolve_chain(text, context=context, gazetteer=gazetteer)
    return chain[-1] if chain else None


def resolve_chain(text: str | None, *, context: Iterable[Place] = (),
                  gazetteer: Gazetteer | None = None) -> list[Place]:
    """The places ``text`` names, outermost first, each inside the one before."""
    gazetteer = gazetteer or load_gazetteer()
    if not text:
        return []
    context = list(context)
    chain: list[Place] = []
    for _, _, surface in gazetteer.scanner.find_all(_normal(text)):
        place = choose(gazetteer.candidates(surface), parent=chain[-1] if chain else None,
                       context=context)
        if place is not None and (not chain or place.within(chain[-1].code)):
            chain.append(place)
    return chain


def candidates(text: str, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every division ``text`` may name (all of them when it is ambiguous), for queries.

    重庆市江北区 gives one place, 江北区 both 江北区 (重庆 and 宁波).
    """
    gazetteer = gazetteer or load_gazetteer()
    chain = resolve_chain(text, gazetteer=gazetteer)
    if chain:
        return [chain[-1]]
    found = gazetteer.scanner.find_all(_normal(text))
    return list(gazetteer.candidates(found[-1][2])) if found else []


def choose(options: list[Place], *, parent: Place | None = None,
           context: Iterable[Place] = ()) -> Place | None:
    """The one of ``options`` meant here, or None when nothing decides.

    Under ``parent`` when one is written before; else the one sharing the
    most ancestry with the ``context`` places; else the highest level
    (吉林 → 吉林省) when that is unique.
    """
    if parent is not None:
        options = [p for p in options if p.within(parent.code)]
    if len(options) <= 1:
        return options[0] if options else None
    context = list(context)
    scores = [max((_shared(p, c) for c in context), default=0) for p in options]
    best = max(scores)
    if best and scores.count(best) == 1:
        return options[scores.index(best)]
    top = min(LEVELS.index(p.level) for p in options)
    highest = [p for p in options if LEVELS.index(p.level) == top]
    return highest[0] if len(highest) == 1 and top == 0 else None


def _shared(place: Place, other: Place) -> int:
    """How many leading codes two places' chains share."""
    count = 0
    for mine, theirs in zip(place.codes, other.codes):
        if mine != theirs:
            break
        count += 1
    return count


def _normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# ------------------------------------------------------------------ texts

def find_places(text: str, *, region: str | None = None,
                gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Every division ``text`` mentions: {name, code, level, parents, mentions}.

    Full names count everywhere; a short form (北碚, 江北) only where the
    text also writes that place's full name, or names a province, or has
    three characters or more (沙坪坝), or lies in the document's region
    (``region``, e.g. 重庆市北碚区: every Chongqing district's short form).
    Places come in order of first mention; mentions are ``[start, end)``.
    """
    gazetteer = gazetteer or load_gazetteer()
    home = resolve(region, gazetteer=gazetteer)
    matches = gazetteer.scanner.find_all(text)
    written = {surface for _, _, surface in matches}
    kept = [m for m in matches if _counts(m[2], written, home, gazetteer)]
    # the unambiguous places, once each (choose takes the best share with any of them)
    others = list({id(p[0]): p[0] for p in (gazetteer.candidates(m[2]) for m in kept) if len(p) == 1}.values())
    found: dict[str, dict[str, Any]] = {}
    meant: dict[str, Place] = {}                  # one sense per document for each surface
    previous: tuple[int, Place] | None = None
    for start, end, surface in kept:
        options = gazetteer.candidates(surface)
        if previous and previous[0] == start:
            place = choose(options, parent=previous[1])
        else:
            place = meant.get(surface) or choose(options, context=[home] if home else []) \
                or choose(options, context=others)
        previous = (end, place) if place else None
        if place is None:
            continue
        meant.setdefault(surface, place)
        entry = found.setdefault(place.code, {**place.to_dict(), "mentions": []})
        entry["mentions"].append([start, end])
    return list(found.values())


def _counts(surface: str, written: set[str], home: Place | None, gazetteer: Gazetteer) -> bool:
    """Whether a scanned surface is taken as a place mention (see find_places)."""
    if surface in gazetteer.full:
        return len(surface) >= 3 or _near_home(gazetteer.full[surface], home)
    places = gazetteer.short.get(surface, [])
    if len(surface) >= 3 or any(p.name in written for p in places):
        return True
    return any(p.level == "province" for p in places) or _near_home(places, home)


def _near_home(places: list[Place], home: Place | None) -> bool:
    """True when one of ``places`` is a county of the home region's city (or municipality)."""
    return home is not None and any(p.level == "county" and p.parents and p.parents[-1] in home.codes
                                    for p in places)


def add_places(record, *, dictionary_dir: Path | None = None):
    """Fill ``record.places`` and each signing's ``location_code``; return the record.

    A signing's location is resolved with the document's region and places as context.
    """
    gazetteer = load_gazetteer(Path(dictionary_dir) if dictionary_dir else None)
    record.places = find_places(record.text or "", region=record.region, gazetteer=gazetteer)
    context = document_context(record.region, record.places, gazetteer=gazetteer)
    for signing in record.signings:
        place = resolve(signing.location, context=context, gazetteer=gazetteer)
        signing.location_code = place.code if place else None
    return record


def document_context(region: str | None, places: Iterable[dict[str, Any]] = (), *,
                     gazetteer: Gazetteer | None = None) -> list[Place]:
    """The places that decide ambiguous names in a document: its region, then its places."""
    gazetteer = gazetteer or load_gazetteer()
    home = resolve(region, gazetteer=gazetteer)
    out = [home] if home else []
    out += [gazetteer.by_code[p["code"]] for p in places if p.get("code") in gazetteer.by_code]
    return out

"""Local departments that share a word with a dictionary alias: 区招商局, 大渡口区招商局.

招商局 is the short name of a state group in the company dictionary, but right
after a place or a bare level (区, 市, 县) it is that place's investment-promotion
bureau: a government department. The dictionary hit is replaced by the
department, elliptical (区招商局, expanded later with the document's region)
or named with its place (大渡口区招商局).

Bare departments listed after a district's body (北碚区政府办、科委、农委) are that
district's departments: elliptical, expanded like 区科委.

区人大 in a text that also names 区人大常委会 is read as that standing committee,
unless the text tells them apart (区人大及其常委会).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from nlp.lexicon import Lexicon
from nlp.orgunits import Candidate

if TYPE_CHECKING:
    from nlp.organizations import Group

_LEVELS = frozenset("区市县省州")
_LONGEST_PLACE = 8
_ITEM_END = frozenset("、及和与，,。；;")
_LONGEST_DEPARTMENT = 6


def local_departments(text: str, candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """``candidates`` with each dictionary alias that ends a local department's name replaced."""
    result = []
    for c in candidates:
        department = _department(text, c, lexicon)
        result.append(department or c)
    return result


def listed_departments(text: str, candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Bare departments (科委, 农委) listed right after a district's government body."""
    found = []
    for c in candidates:
        level = _place_level(text, c, lexicon)
        position = c.end
        while level and text.startswith("、", position):
            end = _department_end(text, position + 1, lexicon)
            if end is None:
                break
            found.append(Candidate(position + 1, end, "government", "suffix", elliptic=True, prefix=level))
            position = end
    return found


def _place_level(text: str, c: Candidate, lexicon: Lexicon) -> str:
    """区 of 北碚区政府办: the level of the place a government candidate opens with."""
    if c.type != "government":
        return ""
    for size in range(min(c.end - c.start - 1, _LONGEST_PLACE), 1, -1):
        place = text[c.start:c.start + size]
        if place[-1] in _LEVELS and lexicon.places.get(place) == place:
            return place[-1]
    return ""


def _department_end(text: str, start: int, lexicon: Lexicon) -> int | None:
    """End of a bare government department word (科委, 文化委) at ``start``, ending its list item."""
    end = next((k for k in range(start, min(len(text), start + _LONGEST_DEPARTMENT + 1)) if text[k] in _ITEM_END),
               None)
    if end is None or end - start < 2:
        return None
    word = text[start:end]
    for size in range(len(word), 0, -1):
        suffix = lexicon.suffixes.get(word[-size:])
        if suffix is not None:
            return end if suffix.type == "government" else None
    return None


def _department(text: str, c: Candidate, lexicon: Lexicon) -> Candidate | None:
    written = c.written(text)
    if c.source != "dict" or written == c.dict_name or c.start == 0 or text[c.start - 1] not in _LEVELS:
        return None
    suffix = lexicon.suffixes.get(written[-1:])
    if suffix is None or suffix.type != "government":
        return None
    place_start = _place_start(text, c.start, lexicon)
    if place_start is not None:
        return Candidate(place_start, c.end, "government", "suffix")
    return Candidate(c.start - 1, c.end, "government", "suffix", elliptic=True)


def _place_start(text: str, end: int, lexicon: Lexicon) -> int | None:
    """Start of the place name (大渡口区) that ends at ``end``, if one does."""
    for size in range(min(end, _LONGEST_PLACE), 1, -1):
        if text[end - size:end] in lexicon.places:
            return end - size
    return None


def link_congress(text: str, groups: list["Group"]) -> list["Group"]:
    """大渡口区人大 → an alias of 大渡口区人大常委会 when both are written and not told apart."""
    if "及其常委会" in text:
        return groups
    by_name = {g.name: g for g in groups}
    merged = set()
    for group in groups:
        committee = by_name.get(group.name + "常委会")
        if group.name.endswith("人大") and committee is not None:
            committee.absorb(group)
            merged.add(id(group))
    return [g for g in groups if id(g) not in merged]

"""Ring names: names that hold a list, short forms without a place, rings around a kind.

Ring names that hold a list: 环某某大学沙坪坝A区、B区、C区“一校多点”创新生态圈.

A ring platform (环…创新生态圈) is named after the campuses it rings, and the name
may list several zones of one campus with 、 between them. The left walk stops
at the first 、, leaving the last zone (C区“一校多点”创新生态圈); the name opens
at the 环 of the same clause when everything between is zone letters or names.
A ring written without the place opening its university's name (环理工大学… for
环成都理工大学…) is a short form of the full ring name; a ring around 高校 in
general names no platform.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.lexicon import Lexicon
from nlp.orgunits import Candidate

if TYPE_CHECKING:
    from nlp.organizations import Group

_RING_START = re.compile(r"环[\u4e00-\u9fff]{2,16}?(?:[A-Za-z][区园]、)+$")
_LOOK_BACK = 40


def ring_candidates(text: str, candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Whole ring names for ring candidates that the walk cut at a listed zone."""
    found = []
    for c in candidates:
        suffix = _ending_suffix(text, c, lexicon)
        if suffix is None or "ring" not in suffix.flags:
            continue
        match = _RING_START.search(text, max(0, c.start - _LOOK_BACK), c.start)
        if match:
            found.append(Candidate(match.start(), c.end, c.type, "suffix", list(c.units)))
    return found


def _ending_suffix(text: str, c: Candidate, lexicon: Lexicon):
    """The longest type word that ends the candidate."""
    for size in range(min(c.end - c.start, 7), 1, -1):
        suffix = lexicon.suffixes.get(text[c.end - size:c.end])
        if suffix is not None:
            return suffix
    return None


_KIND_RINGS = ("环高校", "环院校")


def rings_a_kind(name: str) -> bool:
    """环高校“双创”生态圈: a ring around universities in general names no platform."""
    return name.startswith(_KIND_RINGS)


def link_ring_short_forms(groups: list["Group"], lexicon: Lexicon) -> list["Group"]:
    """环理工大学知识经济圈 → 环成都理工大学知识经济圈: a ring name written without the
    place that opens its university's name is a short form of the full ring name."""
    rings = [g for g in groups if g.name.startswith("环") and g.type == "platform"]
    removed: set[int] = set()
    for short in rings:
        for full in rings:
            if full is short or id(full) in removed or not full.name.endswith(short.name[1:]):
                continue
            place = full.name[1:len(full.name) - len(short.name) + 1]
            if place in lexicon.places:
                full.absorb(short)
                removed.add(id(short))
                break
    return [g for g in groups if id(g) not in removed]

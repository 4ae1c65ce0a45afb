"""Ring names that hold a list: 环某某大学沙坪坝A区、B区、C区“一校多点”创新生态圈.

A ring platform (环…创新生态圈) is named after the campuses it rings, and the name
may list several zones of one campus with 、 between them. The left walk stops
at the first 、, leaving the last zone (C区“一校多点”创新生态圈); the name opens
at the 环 of the same clause when everything between is zone letters or names.
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgunits import Candidate

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

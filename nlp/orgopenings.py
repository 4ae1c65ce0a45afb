"""Where a name opens: the small rules the left walk of nlp.orgspans applies at a name's front.

A name opens after a party committee written before a government (区委|区政府),
on a bare administrative level when it is elliptical (区政府), and never inside
a 《document title》; a generic modifier (市级, 各类) makes it a class of bodies.
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgunits import LEVEL_CHARS, Unit


def after_party_committee(units: list[Unit]) -> list[Unit]:
    """区委|区政府, 北碚区|委|区政府: the party committee and the government written
    together are two bodies; the name starts after the committee."""
    for k in range(len(units) - 1, 0, -1):
        if (units[k].text[0] in LEVEL_CHARS or units[k].tag == "PLACE") and units[k - 1].text.endswith("委") \
                and "".join(u.text for u in units[:k])[-2:-1] in LEVEL_CHARS:
            return units[k:]
    return units


def is_modifier(word: str, modifiers: frozenset[str]) -> bool:
    """A word that makes a name a class of bodies: 市级, 相关, 各类."""
    return word in modifiers or word.startswith("各") and 1 < len(word) <= 4


def is_elliptic(first: Unit, lexicon: Lexicon) -> bool:
    """A name opening on a bare administrative level: 区政府, 市委, 区科技局."""
    text = first.text
    if text[0] not in LEVEL_CHARS:
        return False
    return len(text) == 1 or text[1:] in lexicon.suffixes or text[1] in "委"


def title_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every 《document title》."""
    return [m.span() for m in re.finditer(r"《[^《》]{1,80}》", text)]

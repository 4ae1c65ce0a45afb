"""Words the left walk glued onto the front (or end) of a name, cut off again.

The walk of :mod:`nlp.orgspans` takes unknown words and nouns freely, so a
name can come out with the word before it attached: a ranking label
(世界500强京东集团), an existential verb (另有重庆…有限公司, 园区内有…), a
distance word (距离长白新村街道党工委), a person and 和 (赖红波和版艺学院), a
person's title (市政府副秘书长罗德和市科委), or 上 glued to an elliptical
body (上市科委). A platform name can also come out with 园区 after it
(荣昌高新区园区). :func:`unglue` returns each candidate with these cut off, and
drops the plural references to the bodies of several places (荣昌和隆昌两地政协)
and the committees read into a member's title (…区委|员工作室).
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgunits import LEVEL_CHARS, Candidate, Unit

_LEAD_WORDS = frozenset({"有", "距离", "另有", "还有", "更有", "也有", "内有", "现有", "共有"})
_PLURAL_PLACES = frozenset({"两地", "三地", "各地", "两区", "两县", "两市", "两省", "双方", "川渝", "成渝", "京津冀"})
_JOINS = frozenset({"和", "与", "及"})
_PERSON_TAGS = frozenset({"?", "nr"})
_ZONE_THEN_PARK = re.compile(r"(?:高新区|经开区|开发区)园区$")
_ELLIPTIC_TYPES = frozenset({"government", "party"})


def unglue(text: str, candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """The candidates with glued leading words (and a trailing 园区 after a zone) cut off."""
    roles = lexicon.word_set("role_words")
    return [_trim_park(text, _unglued(c, roles, lexicon.suffixes)) for c in candidates
            if not _plural(c) and not _member_title(text, c)]


def _member_title(text: str, c: Candidate) -> bool:
    """农高区委员工作室, 政协委员: 委 opens 委员 (a member), so no committee ends there."""
    return text.endswith("委", c.start, c.end) and text.startswith("员", c.end) \
        and not text.startswith("员会", c.end)


def _plural(c: Candidate) -> bool:
    """荣昌和隆昌两地政协, 川渝政协: the bodies of several places, named together (no one body)."""
    if c.source != "suffix" or not c.units:
        return False
    return c.units[-1].text in _PLURAL_PLACES or "".join(u.text for u in c.units) in _PLURAL_PLACES


def _unglued(c: Candidate, roles: frozenset[str], suffixes: dict) -> Candidate:
    """One candidate whose units open after the last glued word, if any."""
    if c.source != "suffix" or not c.units:
        return c
    units = _kept_units(c, roles, suffixes)
    if units is c.units:
        return c
    start = units[0].start if units else c.units[-1].end
    if start >= c.end:
        return c
    elliptic = not units or units[0].text in LEVEL_CHARS
    return Candidate(start, c.end, c.type, c.source, units, bare=c.bare, elliptic=elliptic)


def _kept_units(c: Candidate, roles: frozenset[str], suffixes: dict) -> list[Unit]:
    """The units after the last glued word (the same list when nothing is glued)."""
    units = c.units
    cut, first = 0, None
    for k, unit in enumerate(units):
        previous = units[k - 1] if k else None
        following = units[k + 1] if k + 1 < len(units) else None
        if _glued_word(unit, previous, following, roles):
            cut, first = k + 1, None
        elif previous is not None and previous.text in roles and unit.tag == "?" and "和" in unit.text[:-1]:
            rest = unit.text.index("和") + 1             # 秘书长|罗德和市|科委: the body is 市科委
            cut, first = k + 1, Unit(unit.text[rest:], unit.start + rest, unit.end, "?")
        elif previous is not None and previous.text.isdigit() and unit.text.startswith("强") and len(unit.text) > 1:
            cut, first = k + 1, Unit(unit.text[1:], unit.start + 1, unit.end, "?")   # 500|强美团|集团
        elif previous is not None and previous.text in suffixes and unit.tag == "?" and len(unit.text) > 2 \
                and unit.text[0] in _JOINS:
            cut, first = k + 1, Unit(unit.text[1:], unit.start + 1, unit.end, "?")   # 佳田集团|和润通|集团
    if _level_opening(c, units):
        return [Unit(units[0].text[1:], units[0].start + 1, units[0].end, "?")]
    if not cut and first is None:
        return units
    return ([first] if first else []) + units[cut:]


def _level_opening(c: Candidate, units: list[Unit]) -> bool:
    """上市科委: 上 glued to an elliptical body of the city (市科委), read as 上市 (listed)."""
    return c.type in _ELLIPTIC_TYPES and len(units) == 1 and units[0].text in ("上市", "上区", "上县")


def _glued_word(unit: Unit, previous: Unit | None, following: Unit | None, roles: frozenset[str]) -> bool:
    """A word no name carries inside: a lead word, a ranking label's 强, a title, a person's 和."""
    text = unit.text
    if text in _LEAD_WORDS:
        return True
    if text in roles:               # 副秘书长|重庆…: only before a place or a known name
        return following is not None and (following.tag in ("PLACE", "ORG") or following.text[0] in LEVEL_CHARS)
    if text == "强" and previous is not None and previous.text.isdigit():
        return True                 # 世界500强|京东集团
    return text in _JOINS and previous is not None and previous.tag in _PERSON_TAGS \
        and 2 <= len(previous.text) <= 3 and previous.text not in roles


def _trim_park(text: str, c: Candidate) -> Candidate:
    """荣昌高新区园区: 园区 after a zone's name is the zone's grounds, not part of the name."""
    if c.source == "suffix" and _ZONE_THEN_PARK.search(text, c.start, c.end):
        return Candidate(c.start, c.end - 2, c.type, c.source, c.units, bare=c.bare, elliptic=c.elliptic)
    return c

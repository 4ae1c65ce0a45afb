"""Parts of a body named by their own short word: departments and committee offices.

- a department written right after its body (市教委职成教处, 重庆大学科研处) is a body of
  the parent's type;
- a party committee's department written bare inside a title (区委常委、宣传部部长) is
  that committee's department: 宣传部 stands for 区委宣传部; so is 常委会 in
  区人大及其常委会 (the congress's standing committee).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from nlp.lexicon import Lexicon
from nlp.orgunits import Unit

_PARENT_TYPES = frozenset({"government", "party", "university", "school", "company", "institute",
                           "hospital"})
_SPOT_WORDS = ("入口", "出口", "交界", "交汇", "结合", "接合", "相交", "所在", "驻地", "门口", "大门", "总")
COMMITTEE_DEPARTMENTS = frozenset({"组织部", "宣传部", "统战部", "统一战线工作部", "政法委"})
_COMMITTEE_TITLE = re.compile(r"([区市县])委(?:常委|副书记)[、，,]?$")
_CONGRESS_AND = re.compile(r"([区市县省])人大及其$")
_DEPARTMENT_HEAD = re.compile(r"(?:常务)?副?部长|(?:常务)?副?书记")


def parent_type(units: list[Unit], lexicon: Lexicon, suffix_at: Callable, *, shortest: int) -> str | None:
    """The type of the body a department belongs to (市教委|职成教|处 → government), or
    None when no body stands right before a department name of ``shortest`` to 6
    characters (入口处 and 总部 name a spot and a word)."""
    for k in range(len(units) - 1, -1, -1):
        unit = units[k]
        entry = lexicon.entries.get(lexicon.surface.get(unit.text, "")) if unit.tag == "ORG" else None
        parent = entry or suffix_at(unit.end)
        if parent is None:
            continue
        middle = "".join(u.text for u in units[k + 1:])
        if parent.type not in _PARENT_TYPES or not shortest <= len(middle) <= 6 \
                or middle.endswith(_SPOT_WORDS):
            return None
        return parent.type
    return None


def committee_of(text: str, start: int, end: int, word: str) -> str:
    """The body a bare committee word belongs to, from the words right before it: '区委'
    for a department in a member's title (区委常委、宣传部部长), '区人大' for the standing
    committee of 区人大及其常委会; else ''."""
    if word == "常委会":
        match = _CONGRESS_AND.search(text, max(0, start - 8), start)
        return match.group(1) + "人大" if match else ""
    if word not in COMMITTEE_DEPARTMENTS or not _DEPARTMENT_HEAD.match(text, end):
        return ""
    match = _COMMITTEE_TITLE.search(text, max(0, start - 8), start)
    return match.group(1) + "委" if match else ""

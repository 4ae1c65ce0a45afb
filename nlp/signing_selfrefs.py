"""Sides a document names by reference to itself, and names glued by 和.

EXTRACTION.md: parties are the organisations of each principal side, by
their name; elliptical names of specific bodies are organisations. A news
item by a university or a park calls itself by a common noun:

- 我校 / 本校 / 校方 / 学校 as a side (我校与区政府签署…) is the university the
  document is about: the university it mentions most;
- a bare 园区 as a side (园区与某银行分行签订…), like 区政府, is the park the
  document names: the platform whose name ends in 园区 (or a district of one).

A name the organisation finder glued to the next one over a 和
(X工业园区南区经济和Y银行成都分行) is no side: its parts are, the bank by its
full name and the park cut after its last 园区/开发区 head.
"""
from __future__ import annotations

import re

from policyminer.records import Organization

Mention = tuple[int, int, str]

_SCHOOL = re.compile(r"我校|本校|校方|学校(?=与|和|同|分别|签)")
_PARK = re.compile(r"(?<![\u4e00-\u9fff])园区(?=与|和|同)|(?<=[与和同])园区(?=签|正式|共同)")
_PARK_NAME = re.compile(r"(?:园区|开发区|高新区|新区|产业园)(?:[东南西北]区)?$")
_PARK_HEAD = re.compile(r"^.*(?:园区|开发区|高新区|新区|产业园)(?:[东南西北]区)?")
_EVENT_NAME = re.compile(r"[^，,。；;]{0,30}?(?:仪式|大会|活动)")     # 学校与X街道合作…签约仪式在…举行
_SIGNS = re.compile(r"签署|签订|签下|(?<!项目)签约(?!仪式|大会|活动)")
_GLUE = re.compile(r"(?<=[\u4e00-\u9fff]{4})[和与](?!股份|有限|集团|公司)(?=[\u4e00-\u9fff]{2,16}(?:银行|分行|支行|公司|集团)$)")


def self_mentions(text: str, organizations: list[Organization], found: list[Mention]) -> list[Mention]:
    """``found`` with glued names split and 我校 / 园区 written as sides added as
    mentions of the university or park the document is about."""
    found = unglue(text, found)
    extra: list[Mention] = []
    school = _main_body(found, organizations, ("university",), ("大学", "学院"))
    park = _main_park(found, organizations)
    for pattern, body in ((_SCHOOL, school), (_PARK, park)):
        if body is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(s < end and start < e for s, e, _ in found) and not _names_event(text, start, end):
                extra.append((start, end, body))
    return sorted(found + extra)


def _names_event(text: str, start: int, end: int) -> bool:
    """学校与X街道合作推进及项目签约仪式在…举行: the reference opens the name of the
    ceremony, whose sides the sentences after it name (the school's units)."""
    clause = _EVENT_NAME.match(text, end)
    return bool(clause) and not _SIGNS.search(clause.group())


def unglue(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions of a name glued over 和 (X园区南区经济和Y银行成都分行) given to its
    parts: a written part to that part, the whole span split in two."""
    result: list[Mention] = []
    for start, end, name in found:
        glue = _GLUE.search(name)
        if not glue or not _stands_alone(text, name, name[glue.end():]):
            result.append((start, end, name))
            continue
        left, right = _PARK_HEAD.match(name[:glue.start()]), name[glue.end():]
        written = text[start:end]
        if written == name:
            if left:
                result.append((start, start + left.end(), left.group()))
            result.append((start + glue.end(), end, right))
        elif written == right or (left and written == left.group()):
            result.append((start, end, written))
    return result


def _stands_alone(text: str, name: str, part: str) -> bool:
    """Whether the part after the glue is written on its own elsewhere (浙商银行成都分行
    …园区与浙商银行成都分行): a body of its own, not the end of one name (机电与车辆工程学院)."""
    return len(part) >= 4 and text.count(part) > text.count(name)


def _main_body(found: list[Mention], organizations: list[Organization], types: tuple[str, ...],
               heads: tuple[str, ...]) -> str | None:
    """The body of those types the document mentions most (first mentioned on a tie)."""
    kinds = {org.name for org in organizations if org.type in types and org.name.endswith(heads)}
    counts: dict[str, int] = {}
    for _, _, name in found:
        if name in kinds:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _main_park(found: list[Mention], organizations: list[Organization]) -> str | None:
    """The park the document names most: a name ending in 园区 / 开发区 …, or the
    park head of a glued name (X工业园区南区经济和…), but no company of that name."""
    companies = {org.name for org in organizations if org.type == "company"}
    counts: dict[str, int] = {}
    for _, _, name in found:
        if _PARK_NAME.search(name) and name not in companies:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None

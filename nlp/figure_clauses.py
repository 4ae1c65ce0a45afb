"""Metric words a figure takes from outside its own noun phrase.

- the noun opening the clause before (研发投入强度已连续三年提升，2023年达2.41%
  → 研发投入强度), unless that clause only gives a basis (按目前走势，…);
- the object closing the clause before a bare total (提交了技术需求清单，共计27项
  → 技术需求), less a list word (清单, 名单);
- the act of an event the counted things are the subject of (参加7个项目的集中
  开工仪式 → 集中开工项目);
- the second bound of a range written with a unit each (5000万元至1亿元): the
  measure of the first bound;
- a unit that repeats the noun before the number (带动农户312户种植…): the
  number counts that noun, not the words after it.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from nlp.metricwords import (ADVERBS, HEAD_CHARS, LEADING_WORDS, SPLIT_WORDS, is_nominal, is_place,
                             strip_fillers, tokenize_at)

_MANNER_RE = re.compile(r"按照|按|根据|依据|依照|照此|从")
_LIST_NOUNS = frozenset("清单 名单 目录 列表 台账 一览表".split())
_RANGE_JOINS = frozenset("至 到 - ~ — –".split())
_EVENT_AFTER_RE = re.compile(r"的(?P<act>[\u4e00-\u9fff]{2,8}?)(?:仪式|典礼|活动)")


def _clause_start(breaks: list[int], position: int) -> int:
    """Start of the clause holding ``position``, given the sorted clause ``breaks``."""
    before = bisect_left(breaks, position)
    return breaks[before - 1] + 1 if before else 0


def _noun_text(text: str, taken: list[tuple[str, int, int]]) -> str | None:
    """The text of the words ``taken``, when they span two characters or more."""
    if not taken or taken[-1][2] - taken[0][1] < 2:
        return None
    return text[taken[0][1]:taken[-1][2]]


def clause_subject(norm: str, text: str, breaks: list[int], lo: int, hi: int) -> str | None:
    """The noun opening the clause that ends at ``hi`` (not before ``lo``)."""
    start = _clause_start(breaks, hi)
    start, end = strip_fillers(norm, max(lo, start), min(hi, max(lo, start) + HEAD_CHARS * 2))
    if _MANNER_RE.match(norm, start, end):
        return None         # 按目前走势，…有望达到850亿元: a basis, not what is measured
    tokens = tokenize_at(norm[start:end], start)
    while tokens and (tokens[0][0] in LEADING_WORDS or is_place(tokens[0][0])):
        tokens = tokens[1:]
    taken = []
    for token in tokens:
        if token[0] in SPLIT_WORDS or token[0] in ADVERBS or not is_nominal(token[0]):
            break
        taken.append(token)
    return _noun_text(text, taken)


def listed_object(norm: str, text: str, breaks: list[int], end: int) -> str | None:
    """The noun closing the clause that ends at ``end``, less a list word (需求清单 → 需求)."""
    start = max(_clause_start(breaks, end), end - HEAD_CHARS)
    tokens = tokenize_at(norm[start:end], start)
    while tokens and tokens[-1][0] in _LIST_NOUNS:
        tokens = tokens[:-1]
    taken: list[tuple[str, int, int]] = []
    for token in reversed(tokens):
        word = token[0]
        if word in SPLIT_WORDS or word in ADVERBS or word in LEADING_WORDS or not is_nominal(word):
            break
        taken.insert(0, token)
    return _noun_text(text, taken)


def event_act(norm: str, noun_end: int, clause_end: int) -> str | None:
    """集中开工 for a noun followed by 的集中开工仪式, else None."""
    event = _EVENT_AFTER_RE.match(norm, noun_end, clause_end)
    return event.group("act") if event else None


def is_range_bound(norm: str, previous_end: int, start: int) -> bool:
    """True when only a range word (至, 到, -) stands between the figure before and this one."""
    return norm[previous_end:start].strip() in _RANGE_JOINS


def unit_echoed(norm: str, unit: str | None, lo: int, start: int) -> bool:
    """True when the noun right before the number ends with its unit (农户312户, 工人80人)."""
    lo, end = strip_fillers(norm, lo, start)
    return bool(unit) and len(unit) == 1 and end - lo >= 2 and norm[end - 1] == unit \
        and "\u4e00" <= norm[end - 2] <= "\u9fff"

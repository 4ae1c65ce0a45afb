"""签约企业 as a noun: the firms that signed, named or served, not a new signing.

EXTRACTION.md: one event per ceremony or batch, and the sides named in its
detail sentences are its parties. 签约企业 / 签约入驻企业 written as a noun
phrase refers to the firms of a signing already reported:

- a firm named right after it (签约企业代表X公司总经理某某作了发言) is one side
  of the batch before;
- a service given to them (为签约企业代表颁发服务卡, 为各签约入驻企业提供服务)
  reports no new signing: the signing word only modifies the firms.

Quoted slogans (实现了重点产业项目“每月有签约、每月有落地”) are programmes, not
events: the signing word inside such a slogan reports nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from nlp import signing_rules as rules
from nlp.signing_rules import COUNT, MONEY, clause_around

_FIRMS = r"(?:签约|已签约|签约入驻|签约落户|签约落地)(?:的)?(?:企业|项目方|投资方|客商|单位)"
_SIGNED_FIRM = re.compile(rf"{_FIRMS}(?:代表|负责人)?")
_SERVED = re.compile(rf"(?:为|向|给|对|帮|帮助|服务|支持|引导|鼓励|督促|推动|各)(?:各|全体|所有|每家)?$")
_SLOGAN = re.compile(r"[“\"「]([^”\"」]{2,24})[”\"」]")
_PARALLEL_PART = re.compile(r"[、/]|有签约|[即就]签约|签约[即就]")


def is_modifier(sentence: str, pos: int) -> bool:
    """Whether the signing word at ``pos`` only names the firms that signed
    (为签约企业代表颁发…, 为各签约入驻企业提供…), with no count or amount in its clause."""
    match = _SIGNED_FIRM.match(sentence, pos)
    if not match or not _SERVED.search(sentence[max(0, pos - 4):pos]):
        return False
    start, end = clause_around(sentence, pos)
    clause = sentence[start:end]
    return not (COUNT.search(clause) or MONEY.search(clause))


def in_slogan(sentence: str, pos: int) -> bool:
    """Whether the signing word at ``pos`` is inside a short quoted slogan of
    parallel parts (“每月有签约、每月有落地”, “签约即开工”)."""
    return any(m.start(1) <= pos < m.end(1) and _PARALLEL_PART.search(m.group(1))
               for m in _SLOGAN.finditer(sentence))


def triggers(sentence: str) -> list[int]:
    """The signing triggers of a sentence (nlp/signing_rules.py), but for those
    naming the signed firms (为签约企业颁发…) or inside a slogan (“每月有签约、每月有落地”)."""
    return [pos for pos in _rule_triggers(sentence) if not reports_nothing(sentence, pos)]


def rule_triggers(sentence: str) -> list[int]:
    """``nlp.signing_rules.triggers``, remembered: the event rules ask again about sentences near a signing."""
    return list(_rule_triggers(sentence))


@lru_cache(maxsize=64)
def _rule_triggers(sentence: str) -> tuple[int, ...]:
    return tuple(rules.triggers(sentence))


def reports_nothing(sentence: str, pos: int) -> bool:
    """Whether a signing word is a modifier of the signed firms or part of a slogan."""
    return is_modifier(sentence, pos) or in_slogan(sentence, pos)


def signed_firms(sent, mentions: Sequence[tuple[int, int, str]]) -> list[str]:
    """The organisations named right after 签约企业(代表) in a sentence: firms
    of the batch reported before (签约企业代表X公司总经理某某作了发言)."""
    names: list[str] = []
    for match in _SIGNED_FIRM.finditer(sent.text):
        at = sent.start + match.end()
        names += [name for start, _, name in mentions if start == at and name not in names]
    return names

"""Counts of the units that signed or agreed something: the metric is what they did.

A count that closes a list of named sides is followed by the act the sides took
together (…等9家企业签订融资协议; …等8家银行与企业现场签订融资协议26份; 另有15家企业与银行
达成初步意向). The number counts the ones who signed, so the metric is the act
and the noun it qualifies: 签订融资协议的企业, 与银行达成初步意向的企业. The other side
of talks is named by them (与3家企业进行了洽谈 → 洽谈企业).
"""
from __future__ import annotations

import re

# Units that count bodies (家, 所) or people (名, 位), not things signed.
_SIGNER_UNITS = frozenset("家 所 名 位 户".split())
_SIGNER_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{1,8}?)"
    r"(?:(?P<with>[与同和][^，,；;。！？\n]{1,60}?))?"
    r"(?:现场|集中|分别|共同|正式|成功|均|已|也|还|先后|陆续)*"
    r"(?P<act>(?:签订|签署|达成)(?P<object>[^，,；;。！？\n\d]{0,14}?"
    r"(?:协议书|协议|合同|备忘录|意向书|意向|共识))|签约(?!项目|金额|额))")
# 与3家企业就…进行了洽谈, 与5家企业举行了项目洽谈会: the counterparts of talks.
_TALKS_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{1,8}?)(?:就[^，,；;。！？\n]{1,30}?)?"
    r"(?:进行|开展|举行|展开|召开)?了?(?:面对面|一对一|点对点|深入|现场|精准|集中|初步)?"
    r"(?:项目|投资|招商|合作|融资)?(?P<act>洽谈|座谈|对接)")
_PLAN_RE = re.compile(r"拟|有望|将|计划|准备|预计|力争|表示|意愿")
_MAX_PARTNER = 6
_PARTNER_STOP_RE = re.compile(r"[\d、“”《》]|等")


def signer_metric(norm: str, hit, clause_end: int) -> str | None:
    """签订融资协议的企业 for …等9家企业签订融资协议, or None when no act of signing
    or agreeing follows the counted noun in the same clause.

    ``hit`` has ``end`` (after the unit) and ``unit``; a short partner (与银行) is kept.
    """
    if getattr(hit, "unit", None) not in _SIGNER_UNITS:
        return None
    found = _SIGNER_RE.match(norm, hit.end, clause_end)
    if found is None or _PLAN_RE.search(found.group(0)):
        return _talks_metric(norm, hit, clause_end)     # 有望在三季度签约: not yet signed
    partner = found.group("with") or ""
    if len(partner) > _MAX_PARTNER or _PARTNER_STOP_RE.search(partner) or partner[:1] == "和":
        partner = ""
    return partner + found.group("act") + "的" + found.group("noun")


def _talks_metric(norm: str, hit, clause_end: int) -> str | None:
    """洽谈企业 for 与3家企业就…进行了洽谈: the count is of the other side of the talks."""
    if norm[hit.start - 1:hit.start] not in ("与", "同"):
        return None
    found = _TALKS_RE.match(norm, hit.end, clause_end)
    return found.group("act") + found.group("noun") if found else None

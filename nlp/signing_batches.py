"""The pieces of one ceremony or batch told over several sentences.

EXTRACTION.md: one event per ceremony or batch; detail sentences about it are
no new events, and the sides they name are the event's parties. nlp/signings.py
folds most details (此次签约…, 其中…, 签约仪式上…); this module adds four
kinds that a batch report spreads further:

- batch details a paragraph or two later (本批项目…, 现场签约的项目共14个；另有
  8个项目…通过视频连线完成云签约): the parts of the batch, by kind or by mode;
- the signings told right after one at the ceremony (签约现场，A与B签署…。C与D
  签订…。), with no time of their own: the ceremony goes on;
- the signings at the meeting of a ceremony announced without its sides
  (…签约仪式在…举行。<speeches>。会上，A、B与C分别签订…), past the speeches;
- the bodies whose officials sign the batch's agreements (X相关负责人与各项目
  投资方代表分别在协议上签字): X is one side of every agreement;
- the host of a ceremony whose pairs are told after it (X开园并举行了签约仪式。
  A与B签订…、C与D签订…): the pairs are the sides, the host is not.
"""
from __future__ import annotations

import re
from typing import Sequence

from nlp import signing_rules as rules
from nlp.signing_modes import is_mode_segment

_BATCH_PART = re.compile(
    r"^(?:[^，,]{0,8}[，,])?(?:本批|这批|该批|此批|首批签约)(?:签约)?(?:项目|企业)"
    r"|(?:现场|线上|网上|云端?|视频|远程)签约(?:的)?(?:项目|企业)(?:共|有)?\d"
    r"|(?:视频连线|云端连线|线上连线|远程连线)[^。；;]{0,12}(?:云)?签约|云签约")
_AT_MEETING = re.compile(r"^(?:会上|会议上|座谈会上|仪式上|签约仪式上|活动上|活动中|活动现场|签约现场)[，,]")
_OFFICIAL = r"(?:负责人|负责同志|领导|代表)"
_SIGNERS = re.compile(   # X相关负责人与各项目投资方代表分别在协议上签字: officials of both sides sign
    rf"(?:相关|主要)?{_OFFICIAL}(?:与|和|同)[^。；;，,]{{0,20}}?{_OFFICIAL}(?:分别|共同|依次|现场|当场)*"
    r"(?:在[^。；;，,]{0,8}?(?:协议|合同)(?:书|文本)?上)?签字")


def is_batch_part(sentence: str) -> bool:
    """本批项目… / 现场签约的项目共14个 / 另有8个项目…通过视频连线完成云签约: a part
    of the batch before, which may come a paragraph or two after its first report."""
    return bool(_BATCH_PART.search(sentence)) or is_mode_segment(sentence)


def at_the_meeting(sentence: str) -> bool:
    """会上，A、B与C分别签订… : a signing at the meeting a ceremony sentence announced
    (X合作推进及项目签约仪式在…举行。…。会上，…), however many sentences of speeches
    come between."""
    return bool(_AT_MEETING.match(sentence))


def continues_at_ceremony(sentences: Sequence, index: int, last: int, own_date: str | None) -> bool:
    """Whether a signing with no time of its own follows, in the same paragraph,
    one told at the ceremony (签约现场，A与B签署…) that was merged into the event."""
    if own_date is not None or index == 0 or last != index - 1:
        return False
    previous, sent = sentences[index - 1], sentences[index]
    return previous.para == sent.para and rules.at_the_ceremony(previous.text) \
        and not rules.is_new_occasion(sent.text) and not rules.holds_ceremony(sent.text)


def signing_sides(sent, mentions: Sequence[tuple[int, int, str]]) -> list[str]:
    """The bodies whose officials sign (X相关负责人与…代表分别在协议上签字): each
    organisation written right before the officials' title."""
    names: list[str] = []
    for match in _SIGNERS.finditer(sent.text):
        at = sent.start + match.start()
        for start, end, name in mentions:
            if end == at and name not in names:
                names.append(name)
    return names


def hosts_only(sentence: str, parties: Sequence[str]) -> bool:
    """Whether a ceremony sentence's one party only holds it (双湖科技园开园并举行了
    签约仪式), with no partner written: the pairs signing there come later."""
    return len(parties) == 1 and rules.holds_ceremony(sentence) and not re.search(r"与|同|和", sentence)

"""Comments on a signing already reported: no new events.

EXTRACTION.md: one event per signing; restatements are not new events. Two
kinds of sentence talk about a signing the article has just reported without
reporting one of their own:

- the signing itself as the subject of a noun phrase (此次双方合作协议的签署，
  标志着…; 本次政银合作签约将提振信心; 此次签约活动是…首次…; A项目的签约落地
  将加快…): what the signing means or brings, not that it happened;
- a speaker's remark (X表示，这是…首次与…签订协议; Y指出，…本次签约…): an
  opinion about the signing, unless the remark dates a signing of its own
  (…表示，2020年学校与市政府签订协议以来…) or states what was signed (…表示，
  当天15个项目签约落户…), which report events.

Greetings to the signing (代表区委、区政府向项目签约表示祝贺) name the bodies
the speaker stands for, no sides.

Such sentences still mention the signing, so they extend the reach of the
event before (nlp/signings.py); they only never start one.
"""
from __future__ import annotations

import re

from nlp import signing_rules as rules
from nlp.signing_rules import COUNT, MONEY, clause_start
from nlp.signing_restatements import is_restatement

_ANAPHOR = r"(?:此次|本次|这次|该次|上述|这一|此番)"
# 此次…签约将… / 本次…的签署，标志着…: the signing as a subject, followed by its predicate
_SUBJECT_BEFORE = re.compile(rf"^\s*(?:[^，,。；;]{{0,6}}?[，,])?\s*{_ANAPHOR}[^，,。；;]{{0,20}}?(?:的)?$")
_PREDICATE_AFTER = re.compile(
    r"[”」\"]?(?:仪式|活动|大会|落地|落户|入驻)?\s*(?:[，,]\s*)?(?:将|必将|势必|是|为|既是|不仅|标志|意味|有利于|有助于|对|使|让|给"
    r"|进一步|必然|无疑|开启|拉开|实现了|拓宽|加快|提升|助力|推动|带动|填补|完善|巩固|丰富|延伸)")
_GREETS = re.compile(r"(?:表示|致以)(?:热烈|衷心|诚挚)?的?(?:祝贺|感谢|欢迎)")     # 向项目签约表示祝贺
_NOMINAL = re.compile(r"的$")                       # 协议的签署 / 合同的签订: a nominalised signing
_SPEECH = re.compile(r"(?:表示|指出|认为|强调|坦言|感慨|说|称)(?:道)?\s*$")
_OWN_TIME = re.compile(r"\d{4}年|\d{1,2}月\d{1,2}日|去年|前年|早在|此前|当年|以来|累计|截至|截止|全年|上半年|前[一二三]季度"
                       r"|当天|当日|今天|今日|昨天|昨日")
_NOT_SPEAKER = re.compile(r"(?:会议|会上|报告|公报|通报|数据|统计|文件|意见|规划|方案|据)$")   # 会议指出, 据称: a report


def acts_of(text: str, triggers: list[int]) -> list[int]:
    """The triggers that report a signing act: not mentions (nlp/signing_rules.py),
    nor comments on one; none when the first is the subject of a comment (此次签约
    活动是…首次签约活动: the rest is its predicate)."""
    if triggers and is_subject(text, triggers[0]):
        return []
    return [pos for pos in rules.acts(text, triggers) if not (is_comment(text, pos) or is_restatement(text, pos))]


def relatives_of(text: str, triggers: list[int]) -> list[int]:
    """The triggers qualifying a noun (A与B签订的…项目), none in a comment on the
    signing (此次签约活动是…纳入X以来的首次签约活动: X is no side)."""
    if triggers and is_subject(text, triggers[0]):
        return []
    return [pos for pos in rules.relatives(text, triggers) if not is_comment(text, pos)]


def is_comment(sentence: str, pos: int) -> bool:
    """Whether the signing word at ``pos`` comments on a signing rather than
    reporting one: the signing as a noun-phrase subject, a speaker's remark
    that gives no time of its own, or greetings to it (向项目签约表示祝贺, 向此次
    签约、开工的项目表示热烈祝贺: the greeting closes the clause)."""
    greets = _GREETS.search(sentence, pos + 2, rules.clause_end(sentence, pos + 2))
    return is_subject(sentence, pos) or is_remark(sentence, pos) or bool(greets)


def is_subject(sentence: str, pos: int) -> bool:
    """此次双方协议的签署，标志着… / 本次政银合作签约将提振信心: the signing
    reported before, named as the subject of what it means."""
    word_end = pos + 2
    before = sentence[clause_start(sentence, pos):pos]
    if _NOMINAL.search(before) and _PREDICATE_AFTER.match(sentence, word_end):
        return True                     # 协议的签署，为…奠定基础
    return bool(_SUBJECT_BEFORE.search(sentence[:pos]) and _PREDICATE_AFTER.match(sentence, word_end))


def is_remark(sentence: str, pos: int) -> bool:
    """X表示，这是…首次…签订协议 / Y指出，…本次签约…: a remark about a signing,
    unless it dates a signing of its own (…表示，2020年A与B签订…以来) or gives a
    count or an amount (…表示，当天15个项目签约落户…)."""
    head = sentence[:pos]
    speech = [m for m in re.finditer(r"[，,：:]", head) if _speaks(head[:m.start()])]
    if not speech:
        return False
    said = sentence[speech[0].end():]
    return not (_OWN_TIME.search(sentence, speech[0].end(), pos) or COUNT.search(said) or MONEY.search(said))


def _speaks(before: str) -> bool:
    """Whether a clause ends with a person's speech verb (X表示, Y指出), not a
    meeting's or a report's (会议指出, 数据显示), which state facts."""
    speech = _SPEECH.search(before)
    return bool(speech) and not _NOT_SPEAKER.search(before[:speech.start()])

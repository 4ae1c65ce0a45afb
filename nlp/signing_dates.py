"""When a signing happened: the date of a signing sentence, read from the
sentence, the meeting it took place at, or the paragraph around it.

nlp/signings.py builds the events; this module only dates them (EXTRACTION.md,
"date"):

- the most precise date the sentence writes before its signing clause, no
  datelines (5月23日讯) and no reporter's dates (记者4月18日从…获悉);
- a period gives its year (截至4月底, 今年3月以来, 一季度);
- 会上 / 会前 / 会后 / 当天 / 同日 / 期间 / 现场 take the date of the meeting
  written before, which is a day or month, never a period (截至5月末) or a year
  alone; a year the sentence writes only in an event's name (会后，举行2025年
  第一批…签约) gives way to the meeting's day of that year;
- 此前一天 / 次日 move the day told before by one;
- vague times (近日, 日前, 目前) and running totals (已累计签约) give None;
- otherwise the last date of the sentences just before in the same paragraph,
  or the meeting's date when one of them opens with 会上 / 会后 (会上，A与B发布…。
  C与D签署…), or the date of a one-sentence lead line just before the
  paragraph that only announces it (3月20日，团队又迎来新进展。⏎ A与B签订…).

Sentences are any objects with ``text``, ``para`` and ``heading``.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Protocol, Sequence

from nlp import signing_rules as rules
from nlp.dates import find_dates
from nlp.signing_rules import clause_around

VAGUE_TIME = re.compile(r"近日|日前|近期|目前|此前|近年来?|前不久|不久前|截至目前|最近")
RECENTLY = re.compile(r"近日|日前|近期|前不久|不久前|最近")
CHROME = re.compile(r"发布(?:时间|日期|于)|来源[:：]|时间[:：]|日期[:：]|责任编辑|编辑[:：]|版权")
_MEETING_REACH = 40             # sentences searched back for the meeting's date
_PARAGRAPH_REACH = 3            # sentences of the paragraph searched back for an undated signing
_UNTIL = re.compile(r"(?:截至|截止|截止到)\s*$")     # 截至4月底: a period up to then, i.e. its year
_THIS_YEARS_PERIOD = re.compile(r"(?:^|[，,、]|全区|全市|全县)(?:第?[一二三四1-4]季度|上半年|前三季度|前[两二三四五六七八九十\d]+个月)")
_HELD_ON = re.compile(r"(?:上午|下午|晚上)?(?:在[^，,。；;]{1,20}?)?(?:举行|举办|召开|开幕)")
_WHOLE_YEAR = re.compile(r"(?:^|[，,、]|全区|全市|全县|今年)全年")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?![\d度]*[-—至到~])")
_LEARNT = re.compile(r"\s*[，,]?\s*(?:记者)?(?:从[^，,。；;]{0,30}?)?(?:了解到|获悉|得知)")  # 2月15日，记者了解到
_BARE_DAY = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])月([12]\d|3[01]|0?[1-9])日(?![\d)）]*讯)")  # 7月9日, no year
_SINCE = ("以来", "至今")                           # 今年3月以来: a period from then, its year too
_FROM = re.compile(r"(?:自|从|自从)\s*$")                  # 自2021年起: the start of a span
_ONWARD = re.compile(r"\s*(?:起|开始|以来)")
_HISTORY = re.compile(r"(?:早在|此前|之前|在此之前|去年|前年|曾经?)")   # 早在2024年12月，…: no meeting of today
_AROUND_MEETING = re.compile(r"(?:会|会议|仪式|活动|论坛|开幕式|典礼)(?:召开|开始|举行|开幕)?(?:前|之前)[，,]")   # 座谈会前，…
_ANNOUNCES = re.compile(r"(?:新进展|好消息|喜讯|新突破|新成果|新收获|新动态|大事)[。！!]?$|[：:]$")   # …又迎来新进展。
_DAY_AFTER = re.compile(r"^[^，,。]{0,4}?(?:(?:此前|之前|在此之前)?(?:前一天|前一日|头一天)|次日|翌日|第二天|隔天)")


class Sentence(Protocol):
    """A sentence of the document: its text, paragraph and whether it is a heading."""

    text: str
    para: int
    heading: bool


def own_dates(text: str, trigger: int, published: str | None, *,
              reports: bool = False) -> list[tuple[int, int, str]]:
    """Dates written in the sentence up to the end of the trigger clause, no
    datelines: the signing's own, or (``reports``) those of a reporting clause
    (记者4月18日从…获悉)."""
    limit = clause_around(text, trigger)[1]
    return [(s, e, iso[:4] if _is_period(text, s, e) else iso) for s, e, iso in find_dates(text, published=published)
            if s < limit and not rules.is_dateline_date(text, e) and rules.is_report_date(text, s, e) == reports
            and not _starts_past_years(text, s, e, iso, published)]


def _starts_past_years(text: str, start: int, end: int, iso: str, published: str | None) -> bool:
    """自2021年起每年… / 从2019年开始…: the start of a span of past years, no date of
    any one signing (a start within the year of publication still gives that year)."""
    opens = _FROM.search(text, 0, start) is not None and _ONWARD.match(text, end) is not None
    return opens and iso[:4] != (published or "")[:4]


def _is_period(text: str, start: int, end: int) -> bool:
    """截至4月底 / 今年3月以来 / 自今年3月起: a period up to or from a date, which gives its year."""
    return bool(_UNTIL.search(text, 0, start)) or text.startswith(_SINCE, end) \
        or bool(_FROM.search(text, 0, start) and _ONWARD.match(text, end))


def own_date(text: str, trigger: int, published: str | None) -> str | None:
    """The most precise date the sentence states before its trigger, or right after
    it as the day the ceremony was held (…集中签约活动6日在九龙坡区举行)."""
    dates = own_dates(text, trigger, published)
    before = [d for d in dates if d[0] < trigger or _HELD_ON.match(text, d[1])]    # …签约活动6日在X举行
    return max(reversed(before), key=lambda d: len(d[2]))[2] if before else None


def signing_date(sentences: Sequence[Sentence], index: int, trigger: int, published: str | None) -> str | None:
    """Date of the signing: in its sentence up to the trigger clause; through
    会上 / 当天 / 同日 / 期间, the meeting's date written earlier; else the last date of
    the sentences just before in the same paragraph. Vague times (近日, 目前) give None."""
    sent = sentences[index]
    dates = own_dates(sent.text, trigger, published)
    if dates:
        own = own_date(sent.text, trigger, published) or dates[0][2]
        own = _day_of_named_year(sent.text, trigger, own) if not published else own
        return _meeting_day_of_year(sentences, index, trigger, own, published)
    limit = clause_around(sent.text, trigger)[1]
    offset = _DAY_AFTER.match(sent.text, 0, limit)
    if offset:                          # 此前一天，… / 次日，…: a day from the one told before
        return _shift(meeting_date(sentences, index, published), -1 if "前" in offset.group() else 1)
    if VAGUE_TIME.search(sent.text[:limit]):
        return None
    if published and _THIS_YEARS_PERIOD.search(sent.text[:limit]):
        return published[:4]            # 一季度，全区新签约项目32个: this year's quarter
    if _WHOLE_YEAR.search(sent.text[:limit]):
        return _year_under_review(sentences, index, published)    # 全年新签约项目226个
    if _at_meeting(sent.text, trigger):
        reported = [d for d in own_dates(sent.text, trigger, published, reports=True) if d[0] < trigger]
        return reported[-1][2] if reported else meeting_date(sentences, index, published)
    if rules.is_cumulative(sent.text, trigger):
        return None                     # 已累计签约…: a running total has no day of its own
    return _paragraph_date(sentences, index, published)


def _day_of_named_year(text: str, trigger: int, own: str) -> str:
    """7月9日，我区举行2021年第二季度…集中签约活动 with no publication date: the day
    written in the sentence falls in the year the event's name gives."""
    if len(own) != 4:
        return own
    days = [m for m in _BARE_DAY.finditer(text, 0, clause_around(text, trigger)[1])]
    if len(days) != 1:
        return own                      # none, or several days: no one day to date it
    return f"{own}-{int(days[0].group(1)):02d}-{int(days[0].group(2)):02d}"


def _year_under_review(sentences: Sequence[Sentence], index: int, published: str | None) -> str | None:
    """全年 of a review: the last year the document wrote before (2025年，全区…。
    …全年新签约项目226个), else the year of publication."""
    for back in range(index, -1, -1):
        years = _YEAR.findall(sentences[back].text)
        if years:
            return years[-1]
    return published[:4] if published else None


def _at_meeting(text: str, trigger: int) -> bool:
    """会上 / 会后 / 座谈会前 / 当天 … before the trigger: the signing is dated by the meeting."""
    return rules.carries_date(text, trigger) or bool(_AROUND_MEETING.search(text, 0, trigger))


def _meeting_day_of_year(sentences: Sequence[Sentence], index: int, trigger: int, own: str,
                         published: str | None) -> str:
    """A year alone at a meeting (会后，举行2025年第一批…签约) is the meeting's day
    when the meeting falls in that year; any other date stays the sentence's own."""
    if len(own) != 4 or not _at_meeting(sentences[index].text, trigger):
        return own
    meeting = meeting_date(sentences, index, published)
    return meeting if meeting and meeting[:4] == own else own


def _shift(iso: str | None, days: int) -> str | None:
    """An ISO day moved by ``days``; None unless it is a full day."""
    if not iso or len(iso) != 10:
        return None
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _paragraph_date(sentences: Sequence[Sentence], index: int, published: str | None) -> str | None:
    """The last date of the sentences just before in the same paragraph, unless
    one of them is vague (近日…); the meeting's day when one of them opens at the
    meeting (会上，…); at the paragraph's start, the day of a lead line announcing it."""
    sent = sentences[index]
    for back in range(index - 1, max(-1, index - 1 - _PARAGRAPH_REACH), -1):
        previous = sentences[back]
        if previous.para != sent.para:
            return _lead_line_date(sentences, back, index, published)
        if RECENTLY.search(previous.text):
            return None
        found = [d for d in find_dates(previous.text, published=published)
                 if not rules.is_dateline_date(previous.text, d[1])]
        if found:
            return found[-1][2]
        if _opens_with_meeting(previous.text):
            return meeting_date(sentences, back, published)
    return None


def _opens_with_meeting(text: str) -> bool:
    """会上，… / 会后，… / 座谈会前，…: a sentence whose first clause places it at the meeting."""
    first = re.split(r"[，,]", text, maxsplit=1)[0]
    return len(first) < len(text) and _at_meeting(first, len(first))


def _lead_line_date(sentences: Sequence[Sentence], back: int, index: int, published: str | None) -> str | None:
    """The day of a one-sentence line just before the paragraph that opens with the
    signing, when the line only announces what follows (3月20日，团队又迎来新进展。):
    an e-paper's lead-in to the next report. A line reporting an event of its own
    (4月10日，推介会在重庆举行。) does not date the next paragraph."""
    lead, sent = sentences[back], sentences[index]
    alone = back == 0 or sentences[back - 1].para != lead.para
    if back != index - 1 or lead.para != sent.para - 1 or not alone or lead.heading \
            or not _ANNOUNCES.search(lead.text) or RECENTLY.search(lead.text) or rules.triggers(lead.text):
        return None
    found = [d for d in find_dates(lead.text, published=published)
             if len(d[2]) > 4 and d[0] < 8 and not rules.is_dateline_date(lead.text, d[1])]
    return found[0][2] if found else None


def meeting_date(sentences: Sequence[Sentence], index: int, published: str | None) -> str | None:
    """The latest day or month written before sentence ``index`` (years alone,
    periods such as 截至5月末, history such as 早在2024年12月, datelines, headings,
    page chrome and the day a reporter learnt the news (2月15日，记者了解到…) are
    skipped)."""
    for sent in reversed(sentences[max(0, index - _MEETING_REACH):index]):
        if sent.heading or CHROME.search(sent.text) or _HISTORY.match(sent.text):
            continue
        for start, end, iso in reversed(find_dates(sent.text, published=published)):
            if len(iso) > 4 and not rules.is_dateline_date(sent.text, end) and not _is_period(sent.text, start, end) \
                    and not _LEARNT.match(sent.text, end):
                return iso
        if RECENTLY.search(sent.text):
            return None                 # 近日…。同日，… : the day is not written
    return None

"""Dates in Chinese text, resolved against the document's publication date.

Context is always an explicit argument: every function that resolves a
relative expression (去年, 5月6日, 上周五) takes ``published`` and returns
None rather than guess when it is missing. Nothing here falls back to "now".

Results are ISO strings as precise as the text allows: 'YYYY-MM-DD',
'YYYY-MM' or 'YYYY'. The common Arabic-digit forms go through regular
expressions; rarer forms fall back to ``jionlp.parse_time``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from functools import lru_cache
from typing import Callable

_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
_RELATIVE_MONTHS = {"本月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_VAGUE = ("近日", "日前", "近期", "目前", "当前", "此前", "近来", "近年", "近年来", "当日",
          "当天", "同日", "当月", "当年", "前不久", "不久前", "最近")

_Y = r"(?<!\d)(?P<y>(?:19|20)\d{2})"
_CNN = "〇零一二三四五六七八九十两"
_REL_Y = "|".join(_RELATIVE_YEARS)
_REL_M = "|".join(sorted(_RELATIVE_MONTHS, key=len, reverse=True))
_REL_D = "|".join(_RELATIVE_DAYS)

Handler = Callable[[re.Match, "dt.date | None"], "str | None"]


# ---------------------------------------------------------------- helpers

def _published_date(published: str | None) -> dt.date | None:
    """The publication date as a date (a bare year or month becomes its first day)."""
    if not published:
        return None
    match = re.match(r"\s*((?:19|20)\d{2})(?:\D(\d{1,2})(?:\D(\d{1,2}))?)?", published.translate(_FULLWIDTH))
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, 1, 1)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """An ISO string for a valid (partial) date, else None."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _cn_number(text: str) -> int | None:
    """A small Chinese numeral (一 … 三十一) or digit string as an int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text)) if text else None
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _cn_year(text: str) -> int | None:
    """A year written digit by digit (二〇二五) or in Arabic digits."""
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def _month_year(month: int, base: dt.date) -> int:
    """The year of a month written without one: the publication year, or the
    year before when the month lies more than six months after publication."""
    return base.year - 1 if month - base.month > 6 else base.year


def relative_year(word: str, *, published: str | None) -> int | None:
    """The year a word denotes: 今年/去年/前年/明年 against ``published``, or 'YYYY'/'YYYY年'."""
    word = word.strip().translate(_FULLWIDTH)
    match = re.fullmatch(r"((?:19|20)\d{2})年?", word)
    if match:
        return int(match.group(1))
    offset = _RELATIVE_YEARS.get(word)
    base = _published_date(published)
    if offset is None or base is None:
        return None
    return base.year + offset


# ---------------------------------------------------------------- handlers

def _absolute(match: re.Match, base: dt.date | None) -> str | None:
    g = match.groupdict()
    year = _cn_year(g["y"])
    month = _cn_number(g["m"]) if g.get("m") else None
    day = _cn_number(g["d"]) if g.get("d") and month else None
    return _iso(year, month, day)


def _month_day(match: re.Match, base: dt.date | None) -> str | None:
    if base is None:
        return None
    month = _cn_number(match.group("m"))
    day = _cn_number(match.group("d")) if match.group("d") else None
    return _iso(_month_year(month, base), month, day)


def _relative_year_date(match: re.Match, base: dt.date | None) -> str | None:
    if base is None:
        return None
    year = base.year + _RELATIVE_YEARS[match.group("r")]
    month = int(match.group("m")) if match.group("m") else None
    day = int(match.group("d")) if match.group("d") and month else None
    return _iso(year, month, day)


def _relative_month(match: re.Match, base: dt.date | None) -> str | None:
    if base is None:
        return None
    index = base.year * 12 + base.month - 1 + _RELATIVE_MONTHS[match.group("r")]
    day = int(match.group("d")) if match.group("d") else None
    return _iso(index // 12, index % 12 + 1, day)


def _relative_day(match: re.Match, base: dt.date | None) -> str | None:
    if base is None:
        return None
    return (base + dt.timedelta(days=_RELATIVE_DAYS[match.group("r")])).isoformat()


def _bare_day(match: re.Match, base: dt.date | None) -> str | None:
    """'6日' means a day of the publication month (of the month before when
    it lies more than a week after publication)."""
    if base is None:
        return None
    day = int(match.group("d"))
    year, month = base.year, base.month
    if day > base.day + 7:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _iso(year, month, day)


def _range_year(match: re.Match, base: dt.date | None, month: int) -> int | None:
    """The year of a range: written (2025年), relative (今年) or that of its last month."""
    if match.group("y"):
        return int(match.group("y"))
    if base is None:
        return None
    if match.group("r"):
        return base.year + _RELATIVE_YEARS[match.group("r")]
    return _month_year(month, base)


def _month_range(match: re.Match, base: dt.date | None) -> str | None:
    """A span of months (1—4月, 今年1至4月) is a period: its year, not a month."""
    first, last = _cn_number(match.group("m")), _cn_number(match.group("m2"))
    if not 1 <= first < last <= 12:
        return None
    year = _range_year(match, base, last)
    return _iso(year) if year else None


def _day_range(match: re.Match, base: dt.date | None) -> str | None:
    """A span of days (8月22日至24日) is its month; across months (3月30日至4月2日), its year."""
    month = int(match.group("m"))
    last_month = int(match.group("m2")) if match.group("m2") else month
    year = _range_year(match, base, last_month)
    if not year or not _iso(year, month, int(match.group("d"))) or not _iso(year, last_month, int(match.group("d2"))):
        return None
    return _iso(year, month) if last_month == month else _iso(year)


def _weekday(match: re.Match, base: dt.date | None) -> str | None:
    if base is None:
        return None
    weeks = {"上": -1, "下": 1}.get(match.group("w") or "", 0)
    monday = base - dt.timedelta(days=base.weekday())
    return (monday + dt.timedelta(weeks=weeks, days=_WEEKDAYS[match.group("d")])).isoformat()


_RANGE = r"\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*"
_RANGE_PREFIX = rf"(?<![\d.])(?:(?P<y>(?:19|20)\d{{2}})\s*年|(?P<r>{_REL_Y}))?"
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"

_PATTERNS: list[tuple[re.Pattern, Handler]] = [(re.compile(p), h) for p, h in [
    (_RANGE_PREFIX + r"(?P<m>\d{1,2})(?:月份?)?" + _RANGE + r"(?P<m2>\d{1,2})月份?(?!\s*\d{1,2}\s*[日号])",
     _month_range),
    (_RANGE_PREFIX + rf"(?P<m>{_CN_MONTH})(?:月份?)?" + _RANGE + rf"(?P<m2>{_CN_MONTH})月份?", _month_range),
    (_RANGE_PREFIX + r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?" + _RANGE + r"(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号]",
     _day_range),
    (_Y + r"\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?![\d.])", _absolute),
    (_Y + r"\s*年\s*(?:(?P<m>\d{1,2})\s*月份?\s*(?:(?P<d>\d{1,2})\s*[日号])?)?", _absolute),
    (_Y + r"[-/](?P<m>\d{1,2})(?![\d\-/.])", _absolute),
    (rf"(?P<y>[〇零一二三四五六七八九]{{4}})年(?:(?P<m>[{_CNN}]{{1,2}})月份?(?:(?P<d>[{_CNN}]{{1,3}})[日号])?)?",
     _absolute),
    (rf"(?P<r>{_REL_Y})(?:(?P<m>\d{{1,2}})月份?(?:(?P<d>\d{{1,2}})[日号])?)?", _relative_year_date),
    (rf"(?P<r>{_REL_M})(?:(?P<d>\d{{1,2}})[日号])?", _relative_month),
    (r"(?<![\d年.])(?P<m>\d{1,2})月份?(?:(?P<d>\d{1,2})[日号])?", _month_day),
    (rf"(?<![{_CNN}年])(?P<m>十[一二]?|[一二三四五六七八九])月(?:(?P<d>[{_CNN}]{{1,3}})[日号]|份)", _month_day),
    # 前日 is 前天, but not inside 目前日均, 提前日, 节前日 or 3日前日
    (rf"(?<![目提此之节当以年月日\d])(?P<r>{_REL_D})(?![均常益趋])", _relative_day),
    (r"(?<!每)(?P<w>上|本|这|下)?(?:个)?(?:周|星期|礼拜)(?P<d>[一二三四五六日天])", _weekday),
    (r"[今昨][（(]\s*(?P<d>\d{1,2})\s*[）)][日天]", _bare_day),          # 今（21）日: the 21st
    (r"(?<![\d月年./\-])(?P<d>\d{1,2})日(?!内|以内|之内|前后|左右)", _bare_day),
]]


def _scan(text: str, base: dt.date | None) -> list[tuple[int, int, str]]:
    """All date matches, earliest first, longest at each position, no overlaps."""
    found: list[tuple[int, int, str]] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                iso = handler(match, base)
                if iso:
                    found.append((match.start(), match.end(), iso))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    result: list[tuple[int, int, str]] = []
    for item in found:
        if not result or item[0] >= result[-1][1]:
            result.append(item)
    return result


# ---------------------------------------------------------------- public

def find_dates(text: str, *, published: str | None) -> list[tuple[int, int, str]]:
    """Every date expression in ``text`` as (start, end, iso), in text order.

    Relative expressions (5月6日, 去年, 上周五) resolve against ``published``
    and are left out when it is None; vague ones (近日, 日前) are never dates.
    """
    return list(_dates_of(text, published))


@lru_cache(maxsize=64)
def _dates_of(text: str, published: str | None) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_dates`, remembered for the sentences of one document (a signing's
    date is looked for in the same sentence by several rules)."""
    return tuple(_scan(text.translate(_FULLWIDTH), _published_date(published)))


def resolve_date(expr: str, *, published: str | None) -> str | None:
    """The ISO date ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') a date expression denotes.

    ``published`` is the reference for relative forms; None is returned for
    vague expressions (近日, 日前, 近期) and for relative ones without it.
    """
    expr = expr.strip().translate(_FULLWIDTH)
    if not expr or expr in _VAGUE:
        return None
    found = _scan(expr, _published_date(published))
    if found:
        return found[0][2]
    return _jionlp_date(expr, published)


def _jionlp_date(expr: str, published: str | None) -> str | None:
    """Fallback for rarer forms (3月下旬, 去年底): jionlp with time_base = published."""
    base = _published_date(published)
    if base is None:
        return None
    jio = _jionlp()
    time_base = dt.datetime(base.year, base.month, base.day, 12).timestamp()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = jio.parse_time(expr, time_base=time_base)
    except Exception:  # jionlp raises bare ValueError/TypeError on what it cannot read
        return None
    return _span_to_iso(parsed.get("time") or [])


def _span_to_iso(span: list) -> str | None:
    """The precision a jionlp [start, end] span supports."""
    if len(span) != 2 or not isinstance(span[0], str):
        return None
    start = span[0][:10]
    end = span[1][:10] if isinstance(span[1], str) else None
    if end is None:
        return start[:4]
    if start == end:
        return start
    if start[:7] == end[:7]:
        return start[:7]
    return start[:4] if start[:4] == end[:4] else None


@lru_cache(maxsize=1)
def _jionlp():
    """jionlp, imported on first use with its banner swallowed."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    return jionlp


# ---------------------------------------------------------------- published

_FULL_DATE = r"((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})"
_STRONG_LABEL = re.compile(r"(?:发布|发表|发稿|刊发|更新)(?:时间|日期|于)\s*[:：]?\s*" + _FULL_DATE)
_WEAK_LABEL = re.compile(r"(?=[日时])(?<!成文)(?<!印发)(?<!发文)(?<!截止)(?:日期|时间)\s*[:：]\s*"
                         + _FULL_DATE)     # (?=[日时]) first: a cheap test before the look-behinds
_NOT_PUBLISHED = re.compile(r"成文|印发|发文日期|截止|有效期|施行|实施")
_HEAD_DATE = re.compile(_FULL_DATE + r"[ \t]*日?[ \t]*(\d{1,2}:\d{2})?")


def find_published(text: str) -> str | None:
    """The publication date a page or document states about itself, as 'YYYY-MM-DD'.

    Looks for a labelled date (发布时间：…, 发布日期 …, 日期：…) and otherwise
    for a full date near the top that stands on its own short line or carries
    a clock time (2025年04月23日 10:20).
    """
    text = text.translate(_FULLWIDTH)
    for pattern, limit in ((_STRONG_LABEL, len(text)), (_WEAK_LABEL, 1500)):
        for match in pattern.finditer(text, 0, limit):
            iso = _iso(*(int(g) for g in match.groups()))
            if iso:
                return iso
    return _head_date(text[:400])


def _head_date(head: str) -> str | None:
    """A full date near the top on a short line, or followed by a clock time."""
    for match in _HEAD_DATE.finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        line_end = head.find("\n", match.end(3))
        line = head[line_start:line_end if line_end >= 0 else len(head)]
        if _NOT_PUBLISHED.search(line):
            continue
        if match.group(4) or len(line.strip()) <= 40 and not re.search(r"[，。,]", line):
            iso = _iso(*(int(g) for g in match.groups()[:3]))
            if iso:
                return iso
    return None

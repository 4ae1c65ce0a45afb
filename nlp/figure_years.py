"""The year a figure refers to: the time word of its sentence that governs it.

- A year stated earlier in the sentence (2024年, 今年, 去年, 上年) governs the rest of
  it, across clauses, unless a later time word takes over.
- Not a comparison base (比上年), nor a year opening the name of an event or plan
  (梁平区2025年一季度…集中签约活动在…举行).
- A year dating a modifier (去年签约的17个项目) reaches no further than its own
  clause; one that dates a single number (由去年的800人扩大到1200人) only that number.
  Past their reach, the year stated before them governs again.
- A year after 于 (已于今年6月建成投产) dates the event of its clause, and reaches no further,
  except into a next clause that opens with a word of that event (于2023年签订…合同，合同额…).
- A sentence opened by a reference to the targets just stated (围绕这些目标, 为实现
  上述目标) takes the year that governed the end of the sentence before.
- A past year opening a period (去年以来, 2023年以来) dates no figure: the period
  runs to now, so the figures after it in the sentence get no year; 今年以来 is this year.
- The end of a span of years (2020年至2023年) dates no figure: no one year is meant.
- 全年 alone gives no year: the contract takes a year only from a stated year or
  今年/去年, and the devset annotation leaves 全年 figures without one.
- A sentence opened by a breakdown marker (分产业看，第一产业增加值…) does not: the
  devset annotation keeps the year to the sentence that states it (year null there).
"""
from __future__ import annotations

import re
from bisect import bisect_right

_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# (?=[12]) first: one cheap test at each position before the two look-behinds.
_YEAR_RE = re.compile(r"(?=[12])(?<!\d)(?<!\d[\-—~至到])((?:19|20)\d{2})年(?!代|[-—~至到]\d)"
                      r"|今年|去年|前年|本年度|明年|(?<![比较同与])上年(?![度末初底同])")
_RANGE_END_RE = re.compile(r"\d{4}年?[至到\-—~]$")
_YEAR_BLOCK = re.compile(r"(?:比|较|同|与|自|从|相比|对比|较之)$")
# A year dating the verb of a modifier (去年签约的17个项目, 2022年签订的协议): not the figures.
_MODIFIER_AFTER_YEAR = re.compile(
    r"(?:度|底|初)?(?:在[^，,；;。！？\n\d的]{1,12}?(?:上|中|期间))?(?:新|已|所)?(?:签约|签订|签署|引进|招引|落户|落地|开工|投产|建成|竣工|认定|立项|启动|"
    r"实施|开业|注册|成立|设立|获批|入驻|达成|确定|批复)[^，,；;。！？\n\d的]{0,4}的")
# A year dating one number (去年的800人): that number only.
_NUMBER_AFTER_YEAR = re.compile(r"的(?:约|近|超过|超)?\d")
# A year that opens the name of an event or a plan (梁平区2025年一季度招商引资项目集中签约活动在…,
# 2025年工作要点明确) dates the event, not the figures after it.
_NAMED_AFTER_YEAR = re.compile(
    r"[^，,；;。！？!?\n\d]{0,30}?(?:活动|大会|会议|论坛|峰会|仪式|博览会|交易会|洽谈会|推介会|签约会|发布会|"
    r"展览会|展销会|招聘会|运动会|对接会|座谈会|工作会|年会|大赛|比赛|赛事|"
    r"方案|规划|纲要|要点|名单|清单)"
    r"(?:上|中|现场|期间|在|于|举行|举办|召开|开幕|启动|闭幕|落幕|拉开|提出|明确|要求|印发)"
    r"|[^，,；;。！？!?\n\d]{0,20}?集中(?:开工|签约|竣工|投产|开业){1,2}(?:活动|仪式)?(?:[，,]|\d{1,2}日)")
_SINCE_RE = re.compile(r"(?:以来|至今)")
_BACK_REFERENCE_RE = re.compile(r"\s*(?:围绕|为实现|为完成|为达成|对照|按照)(?:这些|上述|以上|这一|此|该)"
                                r"(?:目标|任务|要求)")
# 已于今年6月建成投产: a year after 于 dates the event of its clause.
_EVENT_DATE_BEFORE = frozenset("于")
_CLAUSE = "clause"          # reach of a modifier year
_EVENT = "event"            # reach of a year after 于: its clause and a clause about its event
_NUMBER = "number"          # reach of a year dating one number
_SENTENCE = "sentence"


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


class YearFinder:
    """The year stated earlier in a figure's sentence (2024年, 今年 …), see the module doc."""

    def __init__(self, norm: str, published: str | None, titles: list[tuple[int, int]],
                 breaks: list[int] | None = None):
        from nlp.dates import relative_year
        self.norm = norm
        self.breaks = breaks if breaks is not None else [m.start() for m in _SENTENCE_BREAK.finditer(norm)]
        self.mentions: list[tuple[int, int, int | None, str]] = []     # start, end, year, reach
        for match in _YEAR_RE.finditer(norm):
            at = match.start()
            if inside(titles, at) or _YEAR_BLOCK.search(norm, max(0, at - 2), at) \
                    or _NAMED_AFTER_YEAR.match(norm, match.end()):
                continue
            word = match.group(1) or match.group(0).replace("本年度", "今年")
            year = relative_year(word, published=published)
            if _RANGE_END_RE.search(norm, max(0, at - 6), at):
                year = None     # 2020年至2023年: a span of years, no one year
            if year is not None and _SINCE_RE.match(norm, match.end()) \
                    and year != relative_year("今年", published=published):
                year = None     # 去年以来: a period up to now, not the figure's year
            self.mentions.append((at, match.end(), year, _reach(norm, at, match.end())))
        self.positions = [at for at, _, _, _ in self.mentions]

    def year_at(self, position: int, back: bool = True) -> int | None:
        """The year governing ``position``: the last mention of its sentence that reaches it.

        ``back``: follow a back-reference opening the sentence to the sentence before.
        """
        sentence_start = self._sentence_start(position)
        index = bisect_right(self.positions, position) - 1
        while index >= 0 and self.positions[index] >= sentence_start:
            at, end, year, reach = self.mentions[index]
            if reach == _SENTENCE or (reach == _CLAUSE and not _CLAUSE_BREAK.search(self.norm, at, position)) \
                    or (reach == _EVENT and self._about_event(end, position)) \
                    or (reach == _NUMBER and position <= end + 4):
                return year
            index -= 1
        if back and sentence_start > 1 and _BACK_REFERENCE_RE.match(self.norm, sentence_start):
            return self.year_at(sentence_start - 2, back=False)     # 围绕这些目标，…: the targets' year
        return None

    def _about_event(self, end: int, position: int) -> bool:
        """True when ``position`` is in the clause of the event dated at ``end``, or in the next
        clause when that one opens with a word of the event (签订…合同，合同额680万元)."""
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.norm, end, position)]
        if not breaks:
            return True
        if len(breaks) > 1:
            return False
        opening = self.norm[breaks[0] + 1:breaks[0] + 3]
        return len(opening) == 2 and opening.isalpha() and opening in self.norm[end:breaks[0]]

    def _sentence_start(self, position: int) -> int:
        before = bisect_right(self.breaks, position)
        return self.breaks[before - 1] + 1 if before else 0


def _reach(norm: str, start: int, end: int) -> str:
    """How far the year mention norm[start:end] governs."""
    if _NUMBER_AFTER_YEAR.match(norm, end):
        return _NUMBER
    if norm[start - 1:start] in _EVENT_DATE_BEFORE:
        return _EVENT
    if _MODIFIER_AFTER_YEAR.match(norm, end):
        return _CLAUSE
    return _SENTENCE

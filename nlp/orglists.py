"""Organisation candidates that no suffix announces: listed names.

Three kinds: dictionary names (重庆大学), state-owned builders known by a
number (中建三局, 中铁十一局), and the short names of an enumeration closed by
a list noun (赛力斯、西南药业等企业). :class:`ListedCandidates` is a part of
nlp.orgspans.Walker: it uses the walker's units, its left walk and its
title spans.
"""
from __future__ import annotations

import bisect
import functools
import re

from nlp.orgunits import Candidate

PROPER_TAGS = frozenset({"?", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "ORG", "PLACE",
               "QUOTE"})
_ENUM_HEAD = r"等(?:\d+|[一二两三四五六七八九十百几多]+)?[多余]?[家个所]?[\u4e00-\u9fff]{0,6}?"
_ITEM_MAX = 8
_ITEM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
_TOWN_ENDINGS = ("镇", "乡", "村", "街道", "社区")
_FIELD_HEAD = re.compile(r"领域|行业|产业|方向|板块|门类|类")
_VERB_TAGS = frozenset({"v", "vn", "vd", "vi", "vg"})
_TRADE_NAME_TAGS = frozenset({"?", "nz", "nr", "nrt", "nrfg", "j"})
_TRADE_ENDING = re.compile(r"(?:电子|科技|汽车|动力|药业|制药|电气|机械|股份|控股|实业|材料|能源|通信|精密|电器|"
                           r"光电|半导体|生物|医药|食品|物流|重工|化工|机电|装备|智能|智造)$")
_NUMBERED_SOE = re.compile(r"(?:中国建筑|中国中铁|中国铁建|中国交建|中国电建|中建|中铁|中交|中冶|"
                          r"中电建|中水|中核|中航)[一二三四五六七八九十]{1,3}(?:局|院|公司)")

_WEBSITE_OR_SESSION = re.compile(r"网(?:站|讯|页|发布|报道|消息|[，。、：:）)”\s]|$)|"
                                 r"[一二三四五六七八九十\d]+次(?:全体)?(?:会议|全会)|"
                                 r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?(?:招商引资|招商|投资|经贸|项目|产业|人才)"
                                 r"[\u4e00-\u9fff]{0,8}?(?:仪式|推介会|洽谈会|签约会|发布会|对接会|座谈会|"
                                 r"交流会|大会|论坛|峰会|博览会|招聘会)")


class ListedCandidates:
    """Dictionary, numbered and enumerated candidates (a part of nlp.orgspans.Walker)."""

    # ------------------------------------------------------------ dictionary
    def dictionary_candidates(self, hits: list[tuple[int, int, str]]) -> list[Candidate]:
        """Candidates for dictionary hits outside document titles."""
        found = []
        for start, end, name in hits:
            if self._in_title(start, end) or self.text.startswith("院士", end) \
                    or self.not_a_body_after(start, end):
                continue
            entry = self.lexicon.entries[name]
            found.append(Candidate(start, end, entry.type, "dict", dict_name=name))
        return found

    def not_a_body_after(self, start: int, end: int) -> bool:
        """What follows makes the name part of something else: a website (中国政府网讯),
        a session of a congress (全国人大二次会议), an event (…科技城招商引资项目集中签约仪式),
        a university town (重庆大学城), a kind named after a field (中国电子类院校)."""
        if _WEBSITE_OR_SESSION.match(self.text, end) or self.text.startswith("类", end):
            return True
        return self.text.startswith("城", end) and self.text.endswith("大学", start, end)

    def numbered_candidates(self) -> list[Candidate]:
        """State-owned builders known by a number: 中建三局, 中铁十一局."""
        return [Candidate(m.start(), m.end(), "company", "dict")
                for m in _NUMBERED_SOE.finditer(self.text)
                if not self._in_title(*m.span())]

    # ------------------------------------------------------- list neighbours
    def neighbour_candidates(self, companies: list[Candidate]) -> list[Candidate]:
        """Short company names listed right after or before a full one (…压铸有限公司、长捷电子签署;
        敏华实业、佳沃集团): a trade name and an industry word, next to a company in the same list."""
        found = []
        for company in companies:
            if company.type != "company":
                continue
            after = self._list_item(company.end + 1) if self.text.startswith("、", company.end) else None
            before = self._item_before(company.start - 1) if self.text.endswith("、", 0, company.start) else None
            found += [Candidate(*span, "company", "enum") for span in (after, before)
                      if span and not self._in_title(*span)]
        return found

    def _item_before(self, end: int) -> tuple[int, int] | None:
        """敏华实业、佳沃集团: the short trade name listed right before a company, opening after
        a generic word (头部企业) or a verb (也有)."""
        i = self._unit_before(end)
        if i is None or self.units[i].end != end:
            return None
        generic = self.lexicon.word_set("generic_names")
        for first in range(max(0, i - 2), i + 1):       # the longest item that reads as a trade name
            opening = self.units[first]
            if opening.text in generic or opening.tag == "?" and opening.text.endswith("有"):
                continue        # 龙头企业|宏达实业, 中有|宏达实业: a word before the name
            span = self._list_item(self.units[first].start)
            if span and span[1] == end:
                return span
        return None

    def _list_item(self, start: int) -> tuple[int, int] | None:
        """The short trade name that opens at ``start`` and ends before a verb or punctuation."""
        i = bisect.bisect_left(self.starts, start)
        if i >= len(self.units) or self.units[i].start != start:
            return None
        units = []
        for unit in self.units[i:i + 4]:
            if unit.tag in ("x", "m") or unit.tag in _VERB_TAGS or unit.text in self.stops:
                break
            units.append(unit)
        if not units or not 3 <= units[-1].end - start <= 6:
            return None
        word = self.text[start:units[-1].end]
        if word in self.lexicon.word_set("generic_names") or self._suffix_at(units[-1].end) \
                or not _TRADE_ENDING.search(word) or word in self.lexicon.places:
            return None
        if not any(u.tag in _TRADE_NAME_TAGS or self._company_brand(u) for u in units):
            return None
        return start, units[-1].end

    def _company_brand(self, unit) -> bool:
        """京东 of 京东科技: a dictionary company whose name a listed subsidiary opens with."""
        name = self.lexicon.surface.get(unit.text) if unit.tag == "ORG" else None
        return name is not None and self.lexicon.entries[name].type == "company"

    # ---------------------------------------------------------- enumerations
    def enumeration_candidates(self) -> list[Candidate]:
        """Short names listed before 等企业 / 等高校 (赛力斯、西南药业等企业)."""
        found = []
        nouns = self.lexicon.list_nouns
        if not nouns:
            return []
        for match in _list_pattern(tuple(sorted(nouns, key=len, reverse=True))).finditer(self.text):
            if match.end() not in self.ends or _FIELD_HEAD.search(match.group(0)):
                continue        # 生物医药等领域企业: the items are fields, not bodies
            kind = nouns[match.group(1)]
            for start, end in self._enum_items(match.start()):
                if not self._in_title(start, end):
                    found.append(Candidate(start, end, kind, "enum"))
        return found

    def _enum_items(self, end: int) -> list[tuple[int, int]]:
        """The listed names, right to left; an item the walk cannot read whole (中农|批, a
        quantifier; 打鼓|科技, a verb) is taken from 、 to 、, and the list goes on. Items
        that are not proper names themselves count only beside one that is."""
        items, unread = [], []
        for _ in range(12):
            units, generic = self.walk_left(end)
            if generic:
                break
            opened = self._item_start(end)
            read = bool(units) and (opened is None or units[0].start == opened)
            start = units[0].start if read else opened
            if start is None:
                break
            (items if read else unread).append((start, end))
            end = start - 1
            if end < 0 or self.text[end] != "、":
                break
        named = [span for span in items if self._name_like(*span)]
        if not named:
            return []
        return named + [span for span in items if span not in named and self._trade_item(*span)] \
            + [span for span in unread if self._unread_item(*span) or self._trade_item(*span)]

    def _item_start(self, end: int) -> int | None:
        """Start of a list item that a 、 opens: the position after that 、."""
        cut = self.text.rfind("、", max(0, end - _ITEM_MAX - 1), end)
        item = self.text[cut + 1:end]
        return cut + 1 if cut >= 0 and 2 <= len(item) and _ITEM_CHARS.fullmatch(item) else None

    def _unread_item(self, start: int, end: int) -> bool:
        """中农批: a short item holding an unknown or proper word."""
        units = [u for u in self.units if start <= u.start < end]
        return len(self.text[start:end]) <= 4 and any(u.tag in _TRADE_NAME_TAGS for u in units)

    def _trade_item(self, start: int, end: int) -> bool:
        """蜜蜂科技 beside proper names in one list: a head word and an industry word, written
        as two words (电子科技 and 绿色食品, one word each, are fields, not firms)."""
        word = self.text[start:end]
        match = _TRADE_ENDING.search(word)
        words = sum(1 for u in self.units if start <= u.start < end)
        return bool(match) and match.start() >= 2 and len(word) <= 6 and words >= 2 \
            and word[:match.start()] not in self.lexicon.word_set("generic_names")

    def _name_like(self, start: int, end: int) -> bool:
        """An item that looks like a short proper name, not an industry word."""
        word = self.text[start:end]
        if not 2 <= len(word) <= 10 or word in self.lexicon.places or word.endswith(_TOWN_ENDINGS):
            return False        # 龙水镇、邮亭镇等企业: towns where the firms are, not bodies
        if word in self.lexicon.word_set("generic_names") or self._suffix_at(end):
            return False
        first, last = self._unit_before(start + 1) or 0, self._unit_before(end) or 0
        units = self.units[first:last + 1]
        if not units or any(u.text in self.stops for u in units):
            return False
        if units[-1].tag in ("v", "vi", "vd") or len(word) > 6 and not any(
                u.tag in ("ORG", "PLACE", "QUOTE") for u in units):
            return False        # 锂电正极材料回收、智能装备远程运维等: tasks and fields, not names
        return any(u.tag in PROPER_TAGS or u.tag == "ns" for u in units)


@functools.lru_cache(maxsize=8)
def _list_pattern(nouns: tuple[str, ...]) -> re.Pattern:
    return re.compile(_ENUM_HEAD + "(" + "|".join(map(re.escape, nouns)) + ")")

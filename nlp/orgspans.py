"""Candidate organisation spans: where a name ends, and where it starts.

A name ends in an organisation-type suffix (研究院, 有限公司, 区委 …), is a
dictionary name, or is an item of an enumeration closed by 等企业/等高校. Where
it starts is found by walking left over *units* (jieba tokens, re-cut so that
dictionary names are one unit) until a word that cannot be part of a name:
punctuation, a function word, a verb that does not occur inside names, a
listed stop word. Quoted proper names (“天生有为”众创空间), bracketed middles
(中国（卢作孚）民营经济学院) and middle dots (华宇城·生命科技园) are crossed.

Units are built in nlp.orgunits; dictionary, numbered and enumerated
candidates come from nlp.orglists; departments (…处, a bare 宣传部) are read by
nlp.orgparts.
"""
from __future__ import annotations

import bisect
import re

from nlp.lexicon import Lexicon
from nlp.orgbridge import AFTER_NAME as _AFTER_NAME, VERB_TAGS as _VERB_TAGS, BridgeWalk
from nlp.orgcompanies import names_a_kind_of_firm
from nlp.orgjoins import OPEN as _OPEN, JoinWalk
from nlp.orglists import PROPER_TAGS, ListedCandidates
from nlp.orgparts import committee_of, parent_type
from nlp.orgopenings import after_party_committee as _after_party_committee, is_elliptic as _is_elliptic, \
    is_modifier as _is_modifier, title_spans as _title_spans
from nlp.orgunits import (LEVEL_CHARS, NAME_TAGS, Candidate, Tokens, Unit, build_units,
                          dictionary_hits, is_name_char, place_hits, tokenize)
from nlp.wordscan import word_starts

__all__ = ["LEVEL_CHARS", "Candidate", "Tokens", "Unit", "Walker", "build_units",
           "dictionary_hits", "place_hits", "tokenize"]     # nlp.organizations imports them from here

MAX_NAME = 32
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "d", "r", "y",
                        "e", "o", "q", "mq", "i", "rr", "rz", "dg", "tg"})
_ZONE_WORDS = frozenset({"高新区", "园区", "开发区", "经开区", "新区", "工业园区", "产业园区", "保税区", "自贸区"})
_CHINESE_DIGITS = frozenset("〇零一二三四五六七八九十百")
_APPOSITION_HEADS = ("企业", "方", "单位", "机构", "高校", "院校", "厂商", "品牌", "伙伴")
# 五年, 三个月 (durations) and jieba's 内为, 后将 (a postposition glued to a preposition)
_TIME_OR_MISCUT = re.compile(r"[一二两三四五六七八九十百几多数\d]+(?:年|个月)|"
                             r"[内中上下前后里外][为在对向把被将从]")
_BRIDGED_TYPES = frozenset({"university", "institute", "platform", "hospital", "other"})
_DOTS = frozenset("·•・")
_COUNTED_AFTER = re.compile(r"\s*(?:\d+|[一二两三四五六七八九十百千几]+)\s*(?:余|多)?\s*[个家所座处]")
_PLANNED_BEFORE = re.compile(r"(?:共建|合建|新建|筹建|组建|拟建|建设|打造|成立|设立|建立|创建|谋划|布局|"
                             r"规划|引进)")
_PART_SUFFIXES = frozenset({"办公室", "办公厅", "分院"})
_FUTURE = re.compile(r"将|拟|计划|准备|筹备|筹划|有望|洽谈|力争|预计|争取|打算|意向|谋划")
_BARE_LEVELS = frozenset("区市县")
_TAKEN_SUFFIXES = frozenset({"分行", "支行", "分公司", "子公司", "分院", "分局"})
_BEFORE_BODY = frozenset("率据是由从")
_ITEM_OPENERS = frozenset({"、", "\n"})
_JOINT_PARTNER_TAGS = frozenset({"PLACE", "ORG", "QUOTE"})
_CLAUSE_MARKS = frozenset({"、", "\n", "，", ",", "：", ":", "；", "。"})
_JOIN_CHARS = frozenset("与和及同")
_LEADING_PREPOSITIONS = frozenset("由经向为对与同跟被把给据从在将让")   # 由锦天|社区居委会: 由 glued on
_EXISTENTIAL_BEFORE = re.compile(r"(?<![没只])有(?:一个|一座|一批|个)?$")   # 有电商产业园: a kind of park
_PREPARED_AFTER = re.compile(r"的?(?:筹建|筹备|筹设)")
_APPOSED_COUNT = re.compile(r"\s*(?:\d+|[一二两三四五六七八九十]+)\s*[家个]\s*(?:单位|企业|公司|主体|机构)")
# A number written right before a word that counts or measures: 36家, 5大, 12区县, 3年.
_COUNTER_AFTER = re.compile(r"\d{1,3}(?:余|多)?[个家所座处批类项大年月日号期届次名位万亿千百十元天周倍区县市镇乡省级星栋层条套户人种款%％]")
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几多数]+)(?:余|多)?[个家所座处批类项]$")


class Walker(ListedCandidates, BridgeWalk, JoinWalk):
    """Finds candidates in one text: suffix names, dictionary names, enumerations."""

    def __init__(self, text: str, units: list[Unit], lexicon: Lexicon):
        self.text, self.units, self.lexicon = text, units, lexicon
        self.ends = {u.end for u in units}
        self.starts = [u.start for u in units]
        self.stops = lexicon.word_set("stop_words")
        self.name_verbs = lexicon.word_set("name_verbs")
        self.modifiers = lexicon.word_set("generic_modifiers")
        self.event_words = tuple(lexicon.word_set("event_words"))
        self.titles = _title_spans(text)

    # -------------------------------------------------------------- suffixes
    def suffix_candidates(self) -> list[Candidate]:
        """One candidate per position where an organisation-type suffix ends a word."""
        found = []
        ends = self.ends | self._role_ends() | self._inside_unknown()
        for end in sorted(ends & self._after_suffix_chars()):
            suffix = self._suffix_at(end)
            if suffix is not None:
                candidate = self._from_suffix(end - len(suffix.text), end, suffix)
                if candidate is not None:
                    found.append(candidate)
        return found

    def _inside_unknown(self) -> set[int]:
        """Positions inside words jieba did not know (委要 = 委|要)."""
        return {u.start + k for u in self.units if u.tag == "?" and len(u.text) > 1
                for k in range(1, len(u.text))}

    def _after_suffix_chars(self) -> set[int]:
        """Positions right after a character that ends some suffix (区, 院, the 司 of 公司 …)."""
        return {m.end() for m in self.lexicon.suffix_last_char.finditer(self.text)}

    def _role_ends(self) -> set[int]:
        return word_starts(self.text, self.lexicon.word_set("role_words"))

    def _suffix_at(self, end: int):
        """The longest suffix ending at ``end``, if any."""
        suffixes = self.lexicon.suffixes
        for size in self.lexicon.suffix_sizes.get(self.text[end - 1:end], ()):   # "" at 0
            if size <= end:
                suffix = suffixes.get(self.text[end - size:end])
                if suffix is not None:
                    return suffix
        return None

    def _from_suffix(self, start: int, end: int, suffix) -> Candidate | None:
        if not suffix.flags.isdisjoint(("class", "never")) or self._in_title(start, end) or self._event_follows(end) \
                or self.not_a_body_after(start, end) or _PREPARED_AFTER.match(self.text, end):
            return None         # …研究院的筹建工作: a body still being prepared
        if self._inside_word(start, end) or self._suffix_word_follows(end):
            return None         # checked before the (costlier) left walk
        ring = "ring" in suffix.flags
        units, generic = self.walk_left(start, ring=ring, lenient=suffix.type == "company",
                                        bridge=suffix.type in _BRIDGED_TYPES)
        if generic:
            return None
        units = _after_party_committee(units)
        if suffix.text[0] in LEVEL_CHARS and units and not self._place_before(units[-1], suffix):
            units = []          # 重大事项报|区委: 区委 stands alone, elliptical
        elif len(units) > 1 and units[-1].text in _BARE_LEVELS and not self._place_before(units[-2], units[-1]):
            units = units[-1:]  # 无异议|后报|区|政府: 区政府 stands alone, elliptical
        name_start = units[0].start if units else start
        if any(_COUNTED.search(self.text, max(0, name_start - 6), end) for end in (name_start, name_start + 1)):
            return None
        if suffix.type not in ("government", "party") and _COUNTED_AFTER.match(self.text, end) \
                and not (_APPOSED_COUNT.match(self.text, end) and any(u.tag in ("PLACE", "ORG") for u in units)):
            return None         # 便民服务站140余个: a class of facilities, counted
        if "chain" in suffix.flags and not any(
                u.tag == "ORG" or self._suffix_at(u.end) for u in units):
            return None
        kind = self._type_of(suffix, units)
        if "part" in suffix.flags:
            kind = parent_type(units, self.lexicon, self._suffix_at, shortest=2 if len(suffix.text) == 1 else 0)
            if kind is None:
                return None     # 入口处, 公司总部: a spot or a word, not a department
        candidate = Candidate(name_start, end, kind, "suffix", units)
        if units:
            candidate.elliptic = _is_elliptic(units[0], self.lexicon)
        else:
            candidate.elliptic = suffix.text[0] in LEVEL_CHARS
            candidate.prefix = committee_of(self.text, start, end, suffix.text)   # 区委常委、宣传部部长
            candidate.elliptic = candidate.elliptic or bool(candidate.prefix)
        alone = "alone" in suffix.flags and all(u.text in _ZONE_WORDS for u in units)   # 高新区管委会
        candidate.bare = not (candidate.elliptic or alone or suffix.type == "party" and units) \
            and all(self._is_generic(u) for u in units)
        if not self._has_proper_name(units) and (
                "proper" in suffix.flags or self._planned(name_start)
                or _EXISTENTIAL_BEFORE.search(self.text, max(0, name_start - 4), name_start)):
            candidate.bare = True       # 有电商产业园, 将共建…研究院: a kind of unit, or one to come
        if kind == "company" and not candidate.elliptic and names_a_kind_of_firm(units, suffix.text):
            candidate.bare = True
        return candidate

    def _has_proper_name(self, units: list[Unit]) -> bool:
        """A place, a known name or an unknown word among the units (智慧 is tagged a person's
        name in 建设智慧物流产业园; 铜梁 a noun in 铜梁高新区)."""
        generic_words = self.lexicon.word_set("generic_names")
        return any((u.tag in PROPER_TAGS or u.tag == "ns") and u.text not in generic_words
                   and not self._cut_from_word(u) for u in units) \
            or bool(units) and self._short_place(units[0]) or any(u.text[0] in _DOTS for u in units[1:])

    def _cut_from_word(self, unit: Unit) -> bool:
        """The front of a known word cut off by the suffix (驻|厂 of 驻厂, 处理|厂 of 处理厂):
        not an unknown proper name."""
        i = self._unit_before(unit.end)
        whole = self.units[i] if i is not None else unit
        return whole.start == unit.start and whole.end > unit.end and whole.tag not in PROPER_TAGS

    def _short_place(self, unit: Unit) -> bool:
        """The short name of a city or county (铜梁, 万州), whatever jieba tagged it."""
        full = self.lexicon.places.get(unit.text)
        return len(unit.text) >= 2 and full is not None and self.lexicon.place_level.get(full, -1) >= 1

    def _place_before(self, unit: Unit, suffix) -> bool:
        """渝中|区委 (渝中区 cut apart), 北碚|区委: a place right before a level suffix."""
        return unit.tag in ("PLACE", "ORG", "QUOTE") or unit.text + suffix.text[0] in self.lexicon.places

    def _type_of(self, suffix, units: list[Unit]) -> str:
        """The suffix's type, or the parent body's where the suffix only names a part.

        区委办公室 → party, 研究院…分院 → institute, 北京理工大学重庆创新中心 → institute.
        """
        if suffix.text in _PART_SUFFIXES and units:
            parent = self._suffix_at(units[-1].end)
            if parent is not None and parent.type in ("party", "other") and suffix.text != "分院":
                return parent.type
            if suffix.text == "分院" and any(
                    (self._suffix_at(u.end) or suffix).type == "institute" for u in units):
                return "institute"
        if suffix.text == "科学技术研究院" and any(u.text.endswith("大学") for u in units):
            return "university"     # 某某大学科学技术研究院: the university's research office
        if suffix.type == "school" and suffix.text.endswith("学院") and any(
                (self._suffix_at(u.end) or suffix).type == "university" for u in units):
            return "university"     # 某某学院乡村振兴学院: a faculty of a university
        if suffix.text.endswith("创新中心") and any(
                u.text.endswith("大学") and nxt.tag == "PLACE" for u, nxt in zip(units, units[1:])):
            return "institute"      # a university's research outpost in a city
        return suffix.type

    def _planned(self, start: int) -> bool:
        """The name follows 将…共建 / 拟建设 (一个): a facility to be built, not yet a body.

        A building verb without a future word in its sentence (双方共建X，并…) reports
        a body that exists.
        """
        clause = max(self.text.rfind(mark, 0, start) for mark in "，,。！？；;") + 1
        if not _PLANNED_BEFORE.search(self.text[clause:start]):
            return False
        opening = max(self.text.rfind(mark, 0, start) for mark in "。！？；;") + 1
        return bool(_FUTURE.search(self.text, opening, start))

    def _is_generic(self, unit: Unit) -> bool:
        return (unit.text in self.lexicon.suffixes or unit.text == "环"
                or unit.text in self.lexicon.word_set("generic_names"))

    def _inside_word(self, start: int, end: int) -> bool:
        """The suffix ends a longer word: 格局 (a generic word), 统揽全局 (an idiom),
        西南大学 (a dictionary name)."""
        i = self._unit_before(end)
        unit = self.units[i] if i is not None else None
        return bool(unit and unit.start < start and unit.end == end and (
            unit.tag == "ORG" or unit.text in self.lexicon.word_set("generic_names")
            or unit.tag in ("l", "i") and len(unit.text) == 4 and end - start == 1))

    def _suffix_word_follows(self, end: int) -> bool:
        """数智重电大学 in 数智重电大学科技园: part of a longer name, not a name."""
        i = self._unit_before(end + 1)
        unit = self.units[i] if i is not None else None
        return bool(unit and unit.start == end and unit.text in self.lexicon.suffixes
                    and len(unit.text) >= 2)

    def _event_follows(self, end: int) -> bool:
        """An event or project named after the body (…产业园项目); 市政府项目建设年 keeps the government."""
        return self.text.startswith(self.event_words, end) and not (
            self.text.startswith("项目", end) and self.text.endswith("政府", 0, end))

    def _in_title(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.titles)

    # -------------------------------------------------------------- left walk
    def walk_left(self, start: int, *, ring: bool = False, lenient: bool = False,
                  bridge: bool = False) -> tuple[list[Unit], bool]:
        """Units of the name that ends at ``start``, and whether it names a class of bodies.

        A class is a name opening on, or right after, a generic modifier
        (市级科技企业孵化器, 相关现代农业园区).
        """
        taken: list[Unit] = []
        stopper = None
        i = self._unit_before(start)
        while i is not None and i >= 0:
            unit = self._clip(self.units[i], start if not taken else taken[0].start)
            if taken and start - unit.start > MAX_NAME:
                break
            step = self._step(i, unit, taken, ring, lenient)
            if step is None and (bridge or lenient):
                step = self._bridge(i, unit, taken)
            if step is None:
                stopper = unit
                break
            taken[:0], i = step
        taken = self._trim_front(taken, stopper)
        generic = bool(stopper and _is_modifier(stopper.text, self.modifiers)) or any(
            _is_modifier(u.text, self.modifiers) for u in taken) or bool(
            taken and taken[0].text in self.lexicon.word_set("leading_modifiers"))
        return taken, generic

    def _trim_front(self, units: list[Unit], stopper: Unit | None) -> list[Unit]:
        """Drop the verbs a name cannot start with (并运营天生创新创业街, 建设西南大学医学研究院)."""
        while len(units) > 1 and units[0].text != "环" and self._predicate(units, stopper):
            stopper, units = units[0], units[1:]
        if len(units) == 1 and units[0].tag in _VERB_TAGS and units[0].text not in self.name_verbs:
            return []           # 鼓励|银行: a verb and a type word name no body
        return units

    def _predicate(self, units: list[Unit], stopper: Unit | None) -> bool:
        first, second = units[0], units[1]
        if first.text in self.name_verbs and (stopper is None or stopper.text in _ITEM_OPENERS):
            return False        # 、创新创业学院: a list item or a line opens on the name itself
        if first.tag in _VERB_TAGS:
            return not self._split_name(first)
        if first.text not in self.name_verbs:
            return False
        return second.tag in ("ORG", "PLACE", "QUOTE") or bool(
            stopper and stopper.tag in ("d", "c", "p", "ad"))

    def _unit_before(self, position: int) -> int | None:
        """Index of the last unit starting before ``position``."""
        i = bisect.bisect_left(self.starts, position) - 1
        return i if i >= 0 else None

    @staticmethod
    def _clip(unit: Unit, position: int) -> Unit:
        if unit.end <= position:
            return unit
        return Unit(unit.text[:position - unit.start], unit.start, position, "?")

    def _step(self, i: int, unit: Unit, taken: list[Unit], ring: bool, lenient: bool):
        """The units to prepend and the next index, or None to stop."""
        text = unit.text
        if taken and text.endswith(_APPOSITION_HEADS) and (
                taken[0].tag == "PLACE" or taken[0].text in self.lexicon.places):
            return None         # 龙头企业|綦江…有限公司, 运营方|重庆…有限公司
        if text in _OPEN:
            group = self._bracketed(unit, company=lenient)
            return ([group], self._unit_before(group.start)) if group else None
        if taken and text in LEVEL_CHARS and taken[0].tag == "PLACE":
            return None         # 我|县|重庆…有限公司: the level belongs to 我县, the name opens on 重庆
        if (text[0] in _DOTS or self._joining_dash(unit)) and i > 0 and self._can_take(self.units[i - 1]):
            return [unit], i - 1
        if text == "中" and taken and (i == 0 or self.units[i - 1].text in _CLAUSE_MARKS):
            return [unit], i - 1    # 、中|新|生命科技城: 中 opens a name (中新, 中电), not a postposition
        if text == "联合" and i > 0 and not (taken and (taken[0].tag in _JOINT_PARTNER_TAGS or taken[0].text[0]
                                                        in LEVEL_CHARS)) and self._joint_owner(self.units[i - 1]):
            return [unit], i - 1    # 重庆大学|联合|研究院: a joint institute's name, not 联合 + a partner
        if ring and text == "环" and taken:
            return [unit], -1
        if unit.tag == "?" and len(text) > 1 and text[-1] in _AFTER_NAME and self._suffix_at(unit.end - 1):
            return None         # 商务委与|重庆…有限公司: jieba joined a name's suffix and 与
        if unit.tag == "?" and len(text) > 2 and taken and text[0] in _LEADING_PREPOSITIONS:
            rest = Unit(text[1:], unit.start + 1, unit.end, "?")    # 向邦俊及|璧山区委: a name and 及 too
            return self._after_join(rest) if _JOIN_CHARS.intersection(rest.text) else ([rest], -1)
        if unit.tag == "?" and len(text) > 1 and taken and _JOIN_CHARS.intersection(text):
            return self._after_join(unit)
        if unit.tag == "?" and len(text) > 1 and taken and (text[-1] == "有" or taken[0].tag in ("PLACE", "ORG")
                                                             and (text[-1] in _BEFORE_BODY or text[:2] in self.stops)):
            return None         # 张三率|江津区…, 这是|苏州…, 中有|宏达实业: a person or a discourse word glued on
        if _split_ordinal(self.units, i):
            return [self.units[i - 1], unit], i - 2     # 第五|九|研究所: jieba cut the ordinal 第五九
        if self._brand_number(i, unit, taken):
            return [unit], i - 1    # 与|36|氪|集团: a trade name opening with a number
        if self._can_take(unit) or lenient and (self._company_word(unit, taken) or self._trade_name_char(i)
                                                or self._business_word(i)) \
                or self._leading_duo(i, taken):
            return [unit], i - 1
        return None

    def _brand_number(self, i: int, unit: Unit, taken: list[Unit]) -> bool:
        """36 in 36氪集团: a short number glued to the name's first word, counting nothing,
        with no other number before it."""
        if not (taken and unit.text.isascii() and unit.text.isdigit() and len(unit.text) <= 3):
            return False
        before = self.units[i - 1].text if i > 0 else ""
        return taken[0].start == unit.end and not _COUNTER_AFTER.match(self.text, unit.start) \
            and not (before[-1:].isdigit() or before[-1:] in ".．第")

    @staticmethod
    def _after_join(unit: Unit):
        """方与渝润|化工…, 方与|重庆…: jieba glued 与 into an unknown word; the name opens after it."""
        cut = max(unit.text.rfind(char) for char in _JOIN_CHARS) + 1
        if cut == len(unit.text):
            return None
        return [Unit(unit.text[cut:], unit.start + cut, unit.end, "?")], -1

    def _can_take(self, unit: Unit) -> bool:
        text, tag = unit.text, unit.tag
        if not text.strip() or text in self.stops or not is_name_char(text[0]):
            return False
        if text in self.lexicon.word_set("person_words"):
            return False
        if tag in ("ORG", "PLACE") or len(text) > 1 and text in _TAKEN_SUFFIXES:
            return True         # 分行 (tagged a verb) in 中国银行重庆市分行党委
        if _TIME_OR_MISCUT.fullmatch(text):
            return False
        if tag == "m":
            return text.startswith("第") and len(text) > 1
        if tag in ("q", "a") and self._split_name(unit):
            return True
        if tag in _VERB_TAGS or tag == "mq":       # 零部件 is tagged a numeral-quantifier
            return text in self.name_verbs or self._split_name(unit)
        if tag == "f":
            return len(text) > 1
        return tag not in _STOP_TAGS

    def _split_name(self, unit: Unit) -> bool:
        """One character of a proper name jieba cut apart (迎|龙湖, 盒|马鲜生)."""
        if len(unit.text) != 1 or unit.text in self.stops or not is_name_char(unit.text):
            return False
        i = self._unit_before(unit.end)
        after = self.units[i + 1] if i is not None and i + 1 < len(self.units) else None
        before = self.units[i - 1] if i else None
        if after is None or after.text[-1] in LEVEL_CHARS or before and before.tag == "m":
            return False
        return after.tag in NAME_TAGS or after.tag == "PLACE"


def _split_ordinal(units: list[Unit], i: int) -> bool:
    """A Chinese numeral right after a unit opening on 第 (第五|九): one ordinal cut in two."""
    unit = units[i]
    return unit.tag == "m" and i > 0 and all(char in _CHINESE_DIGITS for char in unit.text) \
        and units[i - 1].tag == "m" and units[i - 1].text.startswith("第")

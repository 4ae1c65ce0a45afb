"""The parts of the leftward name walk that cross words a name usually stops at.

A company name may hold a trade name jieba cut into characters
(重庆|中|天|电子科技有限公司) or a business word (重庆|建设|机电有限责任公司); a
name opening on a place or a known name may hold a verb or 与
(贵州大学|计算机科学|与|技术|学院); 多 may open a name (多尺度材料重点实验室).
:class:`BridgeWalk` is a part of nlp.orgspans.Walker: it uses the walker's units,
stop words and lexicon.
"""
from __future__ import annotations

from nlp.orgunits import LEVEL_CHARS, Unit, is_name_char

JOINS = frozenset({"与", "和"})
AFTER_NAME = frozenset("与和及同在向对将把为跟")     # words that follow a name, never end one
VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
_BUSINESS_WORDS = frozenset({"建设", "投资", "开发", "发展", "建工"})
# Numerals as written in running text; 玖, 叁, 伍 (jieba tags them m) open trade names (玖龙纸业).
NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两几半多第")
# One-character province names that open trade names (渝润化工, 川投集团, 黔源电力).
PROVINCE_CHARS = frozenset("渝川黔滇鄂湘陕粤桂苏浙鲁豫冀闽赣皖晋辽吉沪京津琼蒙藏宁青新")


class BridgeWalk:
    """Trade-name characters, business words, 多 and bridges over verbs and 与
    (a part of nlp.orgspans.Walker)."""

    def _trade_name_char(self, i: int) -> bool:
        """重庆|中|天|电子科技有限公司: a trade name jieba cut into single characters,
        right after the place that opens a company name."""
        for k in range(i, max(i - 3, -1), -1):
            unit = self.units[k]
            if k < i and (unit.tag == "PLACE" or unit.text in PROVINCE_CHARS and self._opens_clause(k)):
                return True
            if len(unit.text) != 1 or not is_name_char(unit.text) or unit.text in self.stops \
                    or unit.text in AFTER_NAME or unit.tag in ("x", "p", "c", "u", "uj") \
                    or unit.tag == "m" and unit.text in NUMERAL_CHARS:
                return False
        return False

    def _opens_clause(self, k: int) -> bool:
        """Nothing of a name stands before unit ``k``: the text starts, or punctuation or 与/和."""
        before = self.units[k - 1] if k else None
        return before is None or before.tag == "x" or before.text in AFTER_NAME

    def _business_word(self, i: int) -> bool:
        """重庆|建设|机电有限责任公司: a business word inside a company name that opens on
        a place a few name words to its left."""
        if self.units[i].text not in _BUSINESS_WORDS:
            return False
        for k in range(i - 1, max(i - 5, -1), -1):
            unit = self.units[k]
            if unit.tag in ("PLACE", "ORG"):
                return True
            if not self._can_take(unit):
                return False
        return False

    def _leading_duo(self, i: int, taken: list[Unit]) -> bool:
        """多|尺度 opening a name at a clause start (多尺度制造技术重点实验室), not a count."""
        unit = self.units[i]
        if unit.text != "多" or not taken or taken[0].tag != "n" or len(taken[0].text) < 2:
            return False
        return i == 0 or self.units[i - 1].tag == "x" or self.units[i - 1].text in ("的", "\n")

    def _bridge(self, i: int, unit: Unit, taken: list[Unit]):
        """Cross a verb or 与 inside a name that opens on a place or a known name.

        重庆|智能|感知|研究院, 贵州大学|计算机科学|与|技术|学院, 重庆|宸|安|生物制药有限公司:
        the words between must be name words, the first of them not a verb, and no
        place or known name may follow 与 (西南大学与长安汽车研究院 is two bodies).
        """
        joins = 1 if unit.text in JOINS else 0
        if taken and taken[0].text[0] in LEVEL_CHARS or not (
                joins or unit.tag in VERB_TAGS and unit.text not in self.stops):
            return None
        middle: list[Unit] = []
        j = i - 1
        while j >= 0 and len(middle) < 4:
            left = self.units[j]
            if left.tag in ("ORG", "PLACE"):
                break
            if left.text in JOINS:
                joins += 1
            elif not self._bridge_word(left):
                if joins and self._opens_name(left):
                    break       # 下属的|微纳制造|与|系统集成研究中心: the name opens after 的
                return None
            middle.insert(0, left)
            j -= 1
        else:
            if not (joins and j < 0):
                return None
        if not middle or middle[0].text in JOINS or middle[0].tag in VERB_TAGS or joins > 1:
            return None
        if joins and not self._joined_tail_ok([*middle, unit, *taken]):
            return None
        return [*middle, unit], j

    @staticmethod
    def _opens_name(unit: Unit) -> bool:
        """Punctuation or 的 before a name whose words are joined by 与."""
        return unit.tag == "x" or unit.text == "的"

    def _joined_tail_ok(self, units: list[Unit]) -> bool:
        """The words after 与 go on the same name: no place or known name opens them
        (西南大学与长安汽车研究院 is two bodies)."""
        last = max(k for k, u in enumerate(units) if u.text in JOINS)
        after = units[last + 1:]
        return bool(after) and not any(u.tag in ("ORG", "PLACE") for u in self._first_name(after))

    def _first_name(self, taken: list[Unit]) -> list[Unit]:
        """The units of ``taken`` up to the first that ends an organisation name."""
        for k, unit in enumerate(taken):
            if self._suffix_at(unit.end):
                return taken[:k + 1]
        return taken

    def _bridge_word(self, unit: Unit) -> bool:
        text = unit.text
        if text in self.lexicon.word_set("generic_names") or text in self.modifiers \
                or self._suffix_at(unit.end):
            return False
        if unit.tag in VERB_TAGS:
            return len(text) > 1 and text not in self.stops and is_name_char(text[0])
        return self._can_take(unit)

    def _company_word(self, unit: Unit, taken: list[Unit]) -> bool:
        """Company names hold verbs (阿里云计算有限公司, 重庆化医控股公司), but not before
        the place that opens them (来到|重庆璧辰新能源科技有限公司: the visit, not the name)."""
        if taken and taken[0].tag == "PLACE":
            return False
        return unit.tag in VERB_TAGS and len(unit.text) > 1 and unit.text not in self.stops

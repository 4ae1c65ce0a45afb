"""Where the leftward name walk crosses punctuation or a joining word.

Two parts of one name may be joined by a middle dot (金沙星座·科创园) or by one dash
(重理工—巴南…联合实验室); a quoted or bracketed group is one piece of a name
(“一校多点”, （北京）, a brand's 萱闱(河南)…); 联合 inside a name (重庆大学国际联合研究院) is not the verb
that introduces a partner. :class:`JoinWalk` is a part of nlp.orgspans.Walker: it
uses the walker's text, units and lexicon.
"""
from __future__ import annotations

import re

from nlp.orgunits import Unit

OPEN = {"”": "“", '"': '"', "’": "‘", "）": "（", ")": "("}
_QUOTE_BODY = re.compile(r"[\u4e00-\u9fffA-Za-z+＋&]{1,12}")
_PAREN_BODY = re.compile(r"[\u4e00-\u9fff]{1,10}")


class JoinWalk:
    """Dots, dashes, brackets and 联合 inside a name (a part of nlp.orgspans.Walker)."""

    def _joining_dash(self, unit: Unit) -> bool:
        """重理工—巴南…实验室: one dash between two names (not the —— of a sentence)."""
        return unit.text == "—" and "—" not in self.text[max(0, unit.start - 1):unit.end + 1].replace("—", "", 1)

    def _brand_before(self, left: int) -> bool:
        """萱闱(河南)生命科学研究院, 氪空间(重庆)创新中心: a brand glued to a bracketed place."""
        i = self._unit_before(left)
        return i is not None and self.units[i].end == left and self._can_take(self.units[i]) \
            and self.units[i].tag not in ("PLACE", "f", "s")   # 西部(重庆)科学城: a region's name

    def _joint_owner(self, unit: Unit) -> bool:
        """A word that can own a joint institute (重庆大学|国际|联合研究院), not 该委 (a reference)."""
        return self._can_take(unit) and unit.text[0] not in "该本其我此"

    def _bracketed(self, close: Unit, company: bool = False) -> Unit | None:
        """A quoted or bracketed group ending with ``close``, as one unit.

        A bracketed place is part of a company name: 腾讯云计算（北京）有限责任公司.
        """
        opener = OPEN[close.text]
        left = self.text.rfind(opener, max(0, close.start - 14), close.start)
        if left < 0:
            return None
        body = self.text[left + 1:close.start]
        is_quote = close.text not in "）)"
        if not (_QUOTE_BODY if is_quote else _PAREN_BODY).fullmatch(body):
            return None
        if not is_quote and body not in self.lexicon.suffixes \
                and not ((company or self._brand_before(left)) and body in self.lexicon.places):
            before = self._unit_before(left)
            if before is None or self.units[before].tag not in ("PLACE", "ORG"):
                return None
        return Unit(self.text[left:close.end], left, close.end, "QUOTE")


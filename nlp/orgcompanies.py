"""Short forms of company names: which written short form abbreviates which full name.

长安汽车 / 重庆长安汽车股份有限公司 (the core without places and legal form), 綦齿公司 /
綦江齿轮传动有限公司 (initials), 川投集团 / 四川省投资集团 (the province's one-character
name), 区城投集团 / 重庆市黔江区城市建设投资（集团）有限公司 (the district's own company
written with its level only), 中行重庆市分行 / 中国银行重庆市分行 (initials before the
same branch). A bank and its branch are two bodies.
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgunits import word_tag

_LEGAL_FORM = re.compile(r"(（集团）|\(集团\)|集团)?(股份有限公司|有限责任公司|有限公司|公司)$|集团$")
_BRANCHES = ("支行", "分行", "分公司", "子公司", "营业部", "分局", "分院", "分中心")
_MAX_INITIALS = 5         # abbreviations from initials (綦齿, 川投) are short


def subsequence(short: str, name: str) -> bool:
    """Every character of ``short`` occurs in ``name``, in order."""
    chars = iter(name)
    return all(ch in chars for ch in short)


def company_short(short: str, full: str, lexicon: Lexicon,
                  cores: dict[tuple[str, bool], str] | None = None) -> bool:
    """长安汽车 / 涪陵榨菜集团 / 綦齿公司 / 区城投集团 shorten 重庆长安汽车股份有限公司 /
    重庆市涪陵榨菜集团… / 綦江齿轮传动有限公司 / 重庆市黔江区城市建设投资（集团）有限公司:
    the same core once places, the district's level and legal forms are off, or the
    initials of the full core.

    ``cores``, when given, keeps the cores of names between calls (one document's
    companies are compared pair by pair).
    """
    if short in lexicon.word_set("generic_names"):
        return False        # 与会银行负责人: a bare type word shortens no company (重庆银行)
    if full.endswith(_BRANCHES) and not short.endswith(_BRANCHES):
        return False        # 重庆农村商业银行 and its 合川支行 are two bodies
    short = _without_level(short, lexicon)
    short_core = _core_of(short, lexicon, cores)
    for core in (_core_of(full, lexicon, cores, once=True), _core_of(full, lexicon, cores)):
        if core.startswith(short_core) and len(core) - len(short_core) <= 4:
            return True
    written, stem = _without_common_tail(_LEGAL_FORM.sub("", short), _LEGAL_FORM.sub("", full))
    if len(written) < 2 or written in lexicon.places:
        return False
    place = _leading_place(stem, lexicon)
    if place and written.startswith(place):
        written, stem = written[len(place):], stem[len(place):]   # 重庆银行 / 重庆农村商业银行: 银行 alone
    if len(written) > _MAX_INITIALS:
        return False        # a longer short form is a name of its own, not initials
    stems = (stem, stem[len(place):], _company_core(stem, lexicon))
    if any(len(written) < len(s) and written[0] == s[0] and subsequence(written, s) for s in stems):
        return True
    short_place = _PROVINCE_SHORT.get(place.rstrip("省市"), "")     # 川投集团: 四川省投资集团
    rest = stem[len(place):]
    return bool(short_place) and written.startswith(short_place) and 1 < len(written) <= len(rest) \
        and written[1] == rest[0] and subsequence(written[1:], rest)


def _without_level(short: str, lexicon: Lexicon) -> str:
    """区融资担保公司 → 融资担保公司: the district's own company written with its level only."""
    if len(short) > 3 and short[0] in "区市县" and short[:2] not in lexicon.places \
            and short[:3] not in lexicon.places:
        return short[1:]
    return short


def _without_common_tail(short: str, full: str) -> tuple[str, str]:
    """中行重庆市分行 / 中国银行重庆市分行 → 中行 / 中国银行: the branch both name, taken off."""
    size = 0
    while size < min(len(short) - 2, len(full)) and short[-1 - size] == full[-1 - size]:
        size += 1
    if size < 2:
        return short, full
    return short[:-size], full[:-size]


_PROVINCE_SHORT = {"重庆": "渝", "四川": "川", "贵州": "黔", "云南": "滇", "湖北": "鄂", "湖南": "湘",
                   "陕西": "陕", "广东": "粤", "广西": "桂", "江苏": "苏", "浙江": "浙", "山东": "鲁",
                   "河南": "豫", "河北": "冀", "福建": "闽", "江西": "赣", "安徽": "皖", "甘肃": "甘",
                   "山西": "晋", "辽宁": "辽", "吉林": "吉", "上海": "沪", "北京": "京", "天津": "津"}


def _leading_place(name: str, lexicon: Lexicon) -> str:
    for size in range(min(len(name) - 2, 8), 1, -1):
        if name[:size] in lexicon.places:
            return name[:size]
    return ""


def _core_of(name: str, lexicon: Lexicon, cores: dict[tuple[str, bool], str] | None,
             once: bool = False) -> str:
    """:func:`_company_core`, kept in ``cores`` when given."""
    if cores is None:
        return _company_core(name, lexicon, once)
    found = cores.get((name, once))
    if found is None:
        found = cores[name, once] = _company_core(name, lexicon, once)
    return found


def _company_core(name: str, lexicon: Lexicon, once: bool = False) -> str:
    """重庆长安汽车股份有限公司 → 长安汽车: no place in front, no legal form behind.

    With ``once`` only the outermost place is taken off (重庆市涪陵榨菜 → 涪陵榨菜).
    """
    core = _LEGAL_FORM.sub("", name) or name
    for _ in range(1 if once else 3):
        place = _leading_place(core, lexicon)
        if not place:
            break
        core = core[len(place):]
    return core


_COMMON_WORD_TAGS = frozenset({"n", "v", "vn", "an"})


def names_a_kind_of_firm(units, suffix: str) -> bool:
    """保险公司, 担保公司: one common word before a bare 公司 names a kind of firm, not a firm
    (华为公司 and 区水务公司 open on a name or a level and are bodies)."""
    if suffix != "公司" or len(units) != 1:
        return False
    tag = units[0].tag if units[0].tag != "?" else word_tag(units[0].text)   # 保险|公司 cut from 保险公司
    return tag in _COMMON_WORD_TAGS

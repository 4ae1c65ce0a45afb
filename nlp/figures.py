"""Figures: statistics written with Arabic digits (counts, money, area, shares, growth).

``find_figures(text, published=...)`` scans the text once with a compiled
pattern for ``<digits>[余|多][万|亿|…][余|多]<unit>``, drops the numbers that
are not statistics (dates, ordinals, codes, titles, project names), and for
each remaining quantity works out

- ``value``: the number with the Chinese multiplier applied (2.5万 → 25000),
  an ``int`` when integral, else a ``float``;
- ``unit``: the base unit (元, 平方米, 家, %, 个百分点, 人时, 架次 …) in simplified characters;
- ``qualifier``: approx / over / under / cumulative (see ``_qualifier``);
- ``metric`` and the figure's text span: see :mod:`nlp.metrics`, then the passes of
  :mod:`nlp.figure_respective` (分别 lists, gaps over a level) and
  :mod:`nlp.figure_measures` (thresholds, areas, run-on lists);
- ``year``: the time word of the sentence that governs the figure (see
  :mod:`nlp.figure_years`).

Conventions the contract leaves open:

- A range (3-5家, 10%～15%, 3万至5万元) is one figure whose value is the upper
  bound, with qualifier ``under`` unless the text gives another qualifier.
- Money written with a multiplier but no unit (总投资50亿) takes 元 when the
  words just before it name an amount of money; other unit-less counts
  (30万在校师生) are not figures.
- Quantities written in Chinese numerals only (超百名, 五大领域) are skipped.
- Matching runs on a copy of the text in simplified characters with ASCII
  digits (OpenCC t2s, used only when it keeps every offset), so metrics come out
  in simplified characters; ``Figure.text`` is always cut from the original.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from nlp.figure_measures import measured_metrics
from nlp.figure_respective import respective_metrics, shared_unit
from nlp.figure_years import YearFinder
from nlp.figure_years import inside as _inside
from policyminer.records import Figure

# Full-width digits and signs, plus the traditional forms of the characters the
# patterns look for, mapped one-to-one so that offsets never move.
_NORMALISE = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".", "％": "%", "～": "~", "－": "-", "＋": "+", "／": "/",
    "萬": "万", "億": "亿", "個": "个", "項": "项", "場": "场", "臺": "台", "噸": "吨",
    "畝": "亩", "輛": "辆", "間": "间", "條": "条", "張": "张", "處": "处", "戶": "户",
    "餘": "余", "約": "约", "達": "达", "過": "过", "計": "计", "點": "点", "與": "与",
    "僅": "仅", "於": "于", "萬": "万", "門": "门", "棟": "栋", "座": "座", "種": "种",
    "類": "类", "億": "亿", "們": "们", "週": "周", "歲": "岁", "紀": "纪",
})

_MULTIPLIERS = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3, "百": Decimal(100),
}

# Units as written; the value on the right is the unit reported.
_UNITS = {
    **{u: u for u in (
        "元", "美元", "港元", "欧元", "日元", "英镑", "澳元", "韩元",
        "平方米", "平方公里", "平方千米", "公顷", "亩", "立方米", "公里", "千米", "米",
        "吨", "公斤", "千克", "斤", "千瓦时", "千瓦", "兆瓦", "千伏安", "兆伏安",
        "人次", "人时", "人天", "人日", "人", "名", "位", "户次", "户", "家次",
        "架次", "车次", "航次", "班次", "批次", "轮次", "趟次", "艘次", "辆次", "台次", "件次", "亩次", "台套",
        "标准箱", "标箱", "吨标准煤", "吨公里", "兆瓦时",
        "家", "个", "所", "项", "场次", "场", "株", "棵", "件", "台", "套", "辆", "艘",
        "架", "座", "栋", "幢", "间", "张", "条", "只", "头", "批", "次", "处", "篇",
        "本", "册", "份", "支", "款", "种", "类", "块", "笔", "宗", "例", "起", "期",
        "天", "小时", "分钟", "%", "‰", "个百分点", "倍", "成")},
    "百分点": "个百分点", "平方千米": "平方公里", "元人民币": "元", "人民币": "元",
}
_PER_UNITS = ("平方米", "亩", "吨", "人", "月", "年", "天", "斤", "公斤", "千克",
              "小时", "户", "次", "株", "头", "只", "件", "套", "个")

# A one-character unit followed by one of these starts a longer word instead
# (家庭, 人民, 名单, 所有, 场馆 …): no figure.
_UNIT_BLOCKERS = {
    "家": "庭长属乡门园居具电族", "人": "民才员大工事文物气格", "人时": "间代候期刻段",
    "人日": "报", "车次": "序", "班次": "序", "名": "单称牌片义录校师医优列字誉次",
    "位": "于置次列数", "个": "人体性案税别股", "所": "有在得属以谓需述",
    "场": "馆景所地站合面区域", "台": "湾阶账风州上下", "项": "目", "条": "例件款",
    "元": "素宵旦器件首", "次": "方日年生", "天": "然津地下空气", "头": "部条脑",
    "本": "科地土市区级次届年身领质着", "类": "型似", "种": "植类子业养", "支": "持付撑出部援",
    "处": "理于置级长室", "只": "是有要能", "批": "准复示评", "张": "贴", "间": "接隔",
    "份": "额", "篇": "章", "期": "间限末货刊待望满内中初盼许权", "款": "项", "株": "洲", "吨": "位", "户": "籍外型口", "米": "粉饭",
    "起": "步来草点始飞", "宗": "旨教", "例": "如外", "套": "餐", "倍": "增",
    "成": "员功为立果本效交都长熟型品就绩套年像片批份分色",
}

_NEEDS_NORMALISING = re.compile("[" + "".join(re.escape(chr(c)) for c in _NORMALISE) + "]")
# A number glued to these is part of a code, a version or a name (U23, v1.5, 2+2).
_BAD_BEFORE = frozenset("._-+/#" + string.ascii_letters + string.digits)
_NUM = r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
# 千 and 百 open units of their own (千瓦时, 千克, 百分点): not multipliers there.
_MULT = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True)).replace("|千|", "|千(?![瓦克米伏])|") \
    .replace("|百|", "|百(?!分点)|")
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_FIGURE_RE = re.compile(
    rf"(?=\d)(?:(?P<lo>{_NUM})(?P<lomult>{_MULT})?%?\s*(?:-|~|—|–|至|到)\s*)?"
    rf"(?P<num>{_NUM})(?P<more>[余多])?(?P<mult>{_MULT})?(?P<more2>[余多])?"
    rf"(?P<unit>{_UNIT})?(?P<per>/(?:{'|'.join(_PER_UNITS)}))?",
    re.ASCII)
_AFTER_NUMBER_BAD = re.compile(r"[A-Za-z0-9_.]|[-+×*:：·]\d")
_MONEY_WORDS = re.compile(r"(?:投资|资金|金额|营收|收入|产值|总额|融资|销售额|税收|生产总值|交易额|"
                          r"成交额|规模|资产|利润|预算|贷款|补贴|奖励|基金|估值|GDP)[^，。；]{0,3}$")
_PROJECT_PREFIX = re.compile(r"(?:年产|日产|年处理|日处理|年加工|年出栏|年吞吐|年生产|年存栏)$")
_TRAVEL_UNITS = frozenset(("分钟", "小时"))
_TRAVEL_BEFORE = re.compile(r"(?:步行|车程|驾车|骑行|乘车|开车|高铁|通勤)$")
_TRAVEL_AFTER = re.compile(r"(?:[^，,；;。\d]{0,4}?(?:生活圈|通勤|经济圈|交通圈|服务圈|半径|车程|路程)|就能|即可|可达|直达)")
_PROJECT_WORDS = re.compile(r"项目|生产线|工厂|基地|工程")
_LIST_JOINS = ("、", "和", "或", "及")
_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")
# 前8个月, 近3个月: a period of the year (like 前三季度), a date, not a count.
_PERIOD_RE = re.compile(r"(?:前|近|头|最近|过去)$")
_WHEN_RE = re.compile(r"(?:(?<![相适应充担每])当|一旦)[^，,；;。！？\n]*$")

_PREFIX_QUALIFIERS = [
    ("不超过", "under"), ("不高于", "under"), ("不多于", "under"), ("不少于", "over"),
    ("不低于", "over"), ("超过", "over"), ("突破", "over"), ("高于", "over"), ("多于", "over"),
    ("大于", "over"), ("至少", "over"), ("最低", "over"), ("接近", "under"), ("将近", "under"),
    ("不到", "under"), ("不足", "under"), ("低于", "under"), ("少于", "under"), ("最高", "under"),
    ("最多", "under"), ("大约", "approx"), ("约合", "approx"), ("约", "approx"), ("近", "under"),
    ("超", "over"), ("逾", "over"), ("过", "over"),
]
_PREFIX_RE = re.compile(
    "(?P<q>" + "|".join(q for q, _ in _PREFIX_QUALIFIERS) + r")(?:为|达|有|是|了)?"
    r"(?:每(?:平方米|亩|人|户|年|月|家|个|名|台|套|吨|项))?$")      # 不低于每亩300万元
_PREFIX_KIND = dict(_PREFIX_QUALIFIERS)
_CAPPED_GRANT_RE = re.compile(r"(?:最高|最多|不超过)(?:奖励|补助|补贴|资助|奖补|支持)(?:资金)?$")
_SHARE_OF_RE = re.compile(r"(?P<q>不超过|不高于|不低于|不少于|最高|最低)[^，,；;。\d]{1,14}的$"
                          r"|(?P<approx>约|大约)占[^，,；;。\d]{0,14}$")
# 签约5个 is not "about 5", 最近3年 not "nearly": the character before the qualifier decides.
_PREFIX_FALSE = {"约": "签预公合特履节制违邀相盟条契誓婚践赴集隐简", "近": "附最临靠亲接将",
                 "过": "通经超不度跨穿越错走路难去看做用试听见有太只转", "超": "高"}
_SUFFIX_RE = re.compile(r"(?P<q>以上|以下|以内|左右|上下)(?![游级班文楼层])")
_SUFFIX_KIND = {"以上": "over", "以下": "under", "以内": "under",
                "左右": "approx", "上下": "approx"}
_CUMULATIVE_RE = re.compile(r"累计|累積")
_QUALIFIER_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")

@dataclass
class Hit:
    """A quantity found in the text, before its metric is known."""

    start: int          # first character of the figure proper (qualifier or number)
    num_start: int
    end: int            # after the unit and any trailing qualifier
    value: int | float
    unit: str
    qualifier: str | None

    @property
    def prefixed(self) -> bool:
        """True when a qualifier word stands before the number (超过, 最高 …)."""
        return self.start < self.num_start


def normalise(text: str) -> str:
    """The text in simplified characters with ASCII digits, mapped one-to-one (same offsets)."""
    if _NEEDS_NORMALISING.search(text):
        text = text.translate(_NORMALISE)
    simplified = _t2s(text)
    return simplified if len(simplified) == len(text) else text


def _t2s(text: str) -> str:
    """OpenCC traditional → simplified (identity when OpenCC is unavailable)."""
    if not _has_opencc():
        return text
    from nlp.script import to_simplified     # one conversion per text, shared with organisations
    return to_simplified(text)


@lru_cache(maxsize=1)
def _has_opencc() -> bool:
    try:
        import opencc  # noqa: F401
    except ImportError:         # optional: the one-to-one table above still applies
        return False
    return True


def find_figures(text: str, *, published: str | None = None) -> list[Figure]:
    """All figures of ``text`` in text order; ``published`` ('YYYY-MM-DD') resolves 今年/去年."""
    from nlp.metrics import Describer
    norm = normalise(text)
    titles = [m.span() for m in _TITLE_RE.finditer(norm)] if "《" in norm else []
    hits = _scan(norm, titles)
    if not hits:
        return []
    describer = Describer(norm)
    described = measured_metrics(norm, hits, respective_metrics(norm, hits, describer.describe_all(hits)))
    years = YearFinder(norm, published, titles, describer.sentence_breaks)
    figures: list[Figure] = []
    for hit, (metric, start, end) in zip(hits, described):
        if norm[start:start + 1] == "/" and figures:     # 100兆瓦/200兆瓦时: one measure, two units
            metric, start = figures[-1].metric, start + 1
        figures.append(Figure(
            text=text[start:end], value=hit.value, unit=hit.unit, qualifier=hit.qualifier,
            metric=metric, year=years.year_at(hit.start), start=start, end=end))
    return figures


def _scan(norm: str, titles: list[tuple[int, int]]) -> list[Hit]:
    """Every quantity with a unit, in order, that is not excluded as a non-figure."""
    hits: list[Hit] = []
    shared = False          # the hit before took its qualifier from a word before the list
    for match in _FIGURE_RE.finditer(norm):
        unit = shared_unit(norm, match.end()) if match.group("unit") is None else None
        if match.group("unit") is None and match.group("mult") is None and unit is None:
            continue        # a bare number (2024年, 12月): never a figure
        hit = _hit(norm, match, titles, unit)
        if hit is None:
            continue
        listed = bool(hits) and norm[hits[-1].end:hit.start] in _LIST_JOINS
        if listed and hit.qualifier is None and (hits[-1].prefixed or shared):
            hit.qualifier = hits[-1].qualifier      # 首次突破1亿元、5亿元、10亿元: all over
            shared = True
        else:
            shared = False
        hits.append(hit)
    return hits


def _hit(norm: str, match: re.Match, titles: list[tuple[int, int]], shared: str | None = None) -> Hit | None:
    """A Hit for one pattern match, or None when the number is not a figure.

    ``shared``: the unit of the list a bare number opens (1.5、0.6和2.1个百分点)."""
    if norm[match.start() - 1:match.start()] in _BAD_BEFORE and not _after_unit_slash(norm, match.start()):
        return None
    unit = shared or _unit_of(norm, match)
    if unit is None or _excluded(norm, match, titles):
        return None
    value = _value(match.group("num"), match.group("mult"))
    end = match.end()
    if unit.endswith("时") and _WHEN_RE.search(norm, max(0, match.start() - 20), match.start()):
        unit, end = unit[:-1], end - 1          # 当人数达到200人时: "when", not 人时
    qualifier, start, end = _qualifier(norm, match, end)
    return Hit(start=start, num_start=match.start(), end=end, value=value,
               unit=unit, qualifier=qualifier)


def _unit_of(norm: str, match: re.Match) -> str | None:
    """The reported unit, or None when the number has no unit word."""
    written = match.group("unit")
    after = norm[match.end():match.end() + 1]
    if written is None:
        money = match.group("mult") in {"亿", "万亿", "千亿", "百亿", "十亿"}
        before = norm[max(0, match.start() - 12):match.start()]
        return "元" if money and _MONEY_WORDS.search(before) else None
    if after and after in _UNIT_BLOCKERS.get(written, "") and not _listed_count(norm, match.start()) \
            and not _reads_on(norm, match.end(), written + after):
        return None
    if after and _AFTER_NUMBER_BAD.match(norm, match.end()):
        return None
    unit = _UNITS[written]
    if match.group("per"):
        unit += match.group("per")
    return unit


def _reads_on(norm: str, at: int, blocked: str) -> bool:
    """True when the word starting at ``at`` is far more common than ``blocked`` (3家电子化学品企业:
    电子, not 家电), so the unit stands."""
    freq = _word_freq()
    following = norm[at:at + 2]
    return len(following) == 2 and freq.get(following, 0) > freq.get(blocked, 0)


def _listed_count(norm: str, start: int) -> bool:
    """True after 等 (…等8所在渝高校): a count closing a list, so a measure word follows."""
    return norm[start - 1:start] == "等"


def _after_unit_slash(norm: str, start: int) -> bool:
    """True for the second quantity of a pair such as 100兆瓦/200兆瓦时 (a unit before the slash)."""
    return norm[start - 1:start] == "/" and "\u4e00" <= norm[start - 2:start - 1] <= "\u9fff"


@lru_cache(maxsize=1)
def _word_freq() -> dict[str, int]:
    """jieba's dictionary word frequencies (loaded once, on first use)."""
    import jieba
    jieba.initialize()
    return jieba.dt.FREQ


def _excluded(norm: str, match: re.Match, titles: list[tuple[int, int]]) -> bool:
    """Ordinals, years with units that look like counters, titles and project names."""
    start = match.start()
    if norm[start - 1:start] == "第" or _inside(titles, start):
        return True
    num = match.group("num")
    if match.group("unit") == "起" and len(num) == 4:
        return True
    if match.group("unit") == "个" and norm.startswith("月", match.end()) \
            and _PERIOD_RE.search(norm, max(0, start - 2), start):
        return True
    if match.group("unit") in _TRAVEL_UNITS and (_TRAVEL_BEFORE.search(norm, max(0, start - 3), start)
                                                  or _TRAVEL_AFTER.match(norm, match.end())):
        return True         # 步行15分钟, 30分钟通勤圈: a travel time, not a statistic
    if _PROJECT_PREFIX.search(norm, max(0, start - 4), start):
        rest = norm[match.end():match.end() + 30]
        clause = re.split(r"[，,；;。！？]", rest, maxsplit=1)[0]
        return bool(_PROJECT_WORDS.search(clause))
    return False


def _value(num: str, mult: str | None) -> int | float:
    """The number with its multiplier applied: int when integral, else float."""
    if mult is None and num.isdigit():
        return int(num)
    value = Decimal(num.replace(",", "")) * _MULTIPLIERS.get(mult or "", 1)
    return int(value) if value == value.to_integral_value() else float(value)


def _qualifier(norm: str, match: re.Match, end: int) -> tuple[str | None, int, int]:
    """The qualifier and the figure's extent once qualifier words are included.

    Bounding qualifiers (余/多/以上, 约, 近 …) win over ``cumulative`` (累计);
    a written range bounds the value from above.
    """
    start = match.start()
    kind = "over" if (match.group("more") or match.group("more2")) else None
    suffix = _SUFFIX_RE.match(norm, end)
    if suffix:
        kind = kind or _SUFFIX_KIND[suffix.group("q")]
        end = suffix.end()
    prefix = _PREFIX_RE.search(norm, max(0, start - 8), start)
    while prefix and not _false_prefix(norm, prefix):     # 最高不超过: both words
        kind = kind or _PREFIX_KIND[prefix.group("q")]
        start = prefix.start()
        prefix = _PREFIX_RE.search(norm, max(0, start - 8), start)
    if kind is None:
        share = _SHARE_OF_RE.search(norm, max(0, start - 20), start)
        if share and not _opens_word(norm, share):   # 不超过实际金额的50%; 约占全市的36%
            kind = "approx" if share.group("approx") else _PREFIX_KIND[share.group("q")]
    if kind is None and _CAPPED_GRANT_RE.search(norm, max(0, start - 6), start):
        kind = "under"      # 每年最高补助50万元: the cap stands before the grant's name
    if kind is None and match.group("lo"):
        kind = "under"
    if kind is None and _cumulative_before(norm, start):
        kind = "cumulative"
    return kind, start, end


def _opens_word(norm: str, share: re.Match) -> bool:
    """True when 最低/最高 begins a dictionary word (最低工资标准的60%): a noun, no bound."""
    word = share.group("q")
    if not word or not word.startswith("最"):
        return False
    freq = _word_freq()
    at = share.start("q")
    return any(freq.get(norm[at:at + n]) for n in (3, 4))


def _false_prefix(norm: str, prefix: re.Match) -> bool:
    """True when the qualifier character belongs to a word (签约, 最近, 通过)."""
    word = prefix.group("q")
    before = norm[prefix.start() - 1:prefix.start()]
    return bool(before) and before in _PREFIX_FALSE.get(word, "")


def _cumulative_before(norm: str, start: int) -> bool:
    """累计 earlier in the same comma clause."""
    lo = max(0, start - 40)
    for match in _QUALIFIER_CLAUSE_BREAK.finditer(norm, lo, start):
        lo = match.end()
    return _CUMULATIVE_RE.search(norm, lo, start) is not None

"""Amounts and counts of a signing: the total money stated for the event and
how many projects, enterprises or agreements were signed.

The total wins over parts: thresholds (均超过5000万元, 亿元以上项目), a part of
the batch (其中…投资45亿元), one phase, output or revenue, and one side's own
commitment (提供意向授信30亿元) are never the event's amount. Counts stated
piecewise (9个项目现场签约、4个项目线上签约) add up; the agreements counted in
the signing clause (签订合作协议42份) win over the count of its sides (31家企业);
agreements named by title (签订了《A协议》和《B协议书》) count too.
"""
from __future__ import annotations

import re

from nlp.signing_rules import COUNT, MONEY, TRIGGER, clause_around, clause_index, clauses
from nlp.signing_rules import clause_start as _clause_start
from nlp.signing_modes import pieces_count

_THRESHOLD_BEFORE = re.compile(r"(?:均|每|单个|单体|单项|最大|最高|最低|最小|平均)[^，,。；;\d]{0,6}$")
_SUBSET_CLAUSE = re.compile(r"\s*其中")
_THRESHOLD_WORD = re.compile(r"(?:超过|超|逾|过|突破|不低于|不少于|不超过|高于|以上)$")
_THRESHOLD_AFTER = re.compile(r"(?:以上|以下|以内|级)|的?(?:重大|重点|大)?(?:项目|企业)")
_COMMITMENT = re.compile(r"(?:提供|给予|安排|投入|出资|设立|授予)[^，,。；;]{0,12}$")
_NOT_INVESTMENT = re.compile(      # output, revenue and one phase of a project: not what was signed
    r"(?:产值|营收|营业收入|销售收入|销售额|收入|税收|利税|纳税|效益|增加值|[一二三四首]期)[^，,。；;\d]{0,6}$")
_PLEDGE = re.compile(          # 中建八局计划未来五年在南岸区投资不低于200亿元: one side's own pledge
    r"^(?!双方|各方|三方|两家|签约|该|此|这)(?![^，,。；;]*项目)[^，,。；;]{2,20}?(?:将|计划|拟|承诺|力争)"
    r"[^，,。；;]{0,16}?(?<!总)投资[^，,。；;\d]{0,4}$")
_PLEDGE_SPAN = re.compile(r"未来|今后|[一二三四五六七八九十两\d]+年内|不低于|不少于|超过|以上")
_MULTIPLIERS = {None: 1, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}
_TOTAL = re.compile(r"(?:总投资额?|投资总额|总金额|总额|签约金额|签约额|签约资金|合同金额|协议金额|协议投资|协议引资|引资额|"
                    r"合同总?额|共计|合计|累计|总计)[^，,。；;\d]{0,6}$")
_MONEY_CONTEXT = re.compile(r"(?:投资|金额|资金|价值|总价|标的)[^，,。；;\d]{0,6}$")
_OPENING_COUNT = re.compile(        # a later clause about the whole batch: 15个项目总投资52亿元, 共计15个项目
    r"\s*(?:共计|合计|共有|总计|共|涉及)?\s*(\d+)\s*(?:余|多)?\s*(?:个|家|项)(?:重点|重大|招商|产业)?(?:项目|企业)"
    r"(?:总投资|投资总额|协议投资|签约|合计|共计|，|,|。|；|$)")
_TITLED = re.compile(r"《[^》]{1,40}(?:协议|协议书|合同|备忘录|意向书)》")
_MIXED_STAGES = re.compile(r"签约(?:和|及|与|、|暨)?开工|开工(?:和|及|与|、|暨)?签约")
_OTHER_STAGE = re.compile(r"开工|投产|竣工|开业|到位|建成|落地")
_SIGNED_COUNT = re.compile(r"签约|签订|签署")
_SIGNING_WORDS = re.compile(r"签约|签订|签署|签下|协议|合同")
_N = r"(\d+|[两二三四五六七八九十]{1,3})\s*(?:余|多)?\s*份"
_PROJECTS_TOTAL = re.compile(r"^(?:[^，,]{0,8}[，,])?(?:上述|这)?(\d+|[两二三四五六七八九十]{1,3})\s*(?:个|项)"
                             r"(?:重点|重大)?项目(?:计划|协议)?(?:总投资|投资总额)")
_INSTRUMENTS = re.compile(   # 签订校企合作协议42份 / 签署3份合作协议: the agreements themselves
    rf"(?:协议|合同|备忘录|意向书|合作书){_N}|{_N}[^，,。；;\d]{{0,10}}?(?:协议|合同|备忘录|意向书|合作书)")


def money_is_not_total(sentence: str, start: int, end: int) -> bool:
    """A threshold (超过5亿元的项目, 均超过5000万元, 亿元以上项目, 最大项目投资20亿元),
    a part (其中…投资45亿元) or one side's commitment (提供意向授信30亿元, 投入研发经费
    800万元, 计划未来五年投资不低于200亿元): never the signing's amount."""
    clause_start = _clause_start(sentence, start)
    if _SUBSET_CLAUSE.match(sentence, clause_start):
        return True                     # …，其中工业项目8个、投资45亿元: a part of the event
    before = sentence[clause_start:start]
    if _THRESHOLD_BEFORE.search(before) or _COMMITMENT.search(before) or _NOT_INVESTMENT.search(before):
        return True
    after = sentence[end:end + 8]
    if _PLEDGE.search(before) and _PLEDGE_SPAN.search(before + after):
        return True                     # …计划未来五年投资不低于200亿元: a pledge over years
    if after.startswith(("以上", "以下", "以内", "级")):
        return True
    return bool(_THRESHOLD_WORD.search(before) and _THRESHOLD_AFTER.match(after))


def count(sentence: str, trigger: int) -> int | None:
    """How many projects/enterprises/agreements the sentence says were signed:
    the agreements counted in the trigger's clause (协议42份) first; else the count
    nearest the trigger in a signing clause, else in an earlier clause; counts by
    mode (9个项目现场签约、4个项目线上签约) add up."""
    pieces = pieces_count(whole_part(sentence))
    if pieces:                          # 9个项目现场签约、4个项目线上签约, no total before 其中
        return pieces
    spans = clauses(sentence)
    at = clause_index(spans, trigger)
    instruments = list(_INSTRUMENTS.finditer(sentence, *spans[at]))
    if instruments:                     # 8所院校与31家企业签订协议42份: the agreements count
        return sum(_number(m.group(1) or m.group(2)) or 0 for m in instruments)
    titles = _TITLED.findall(sentence, *spans[at])
    if len(titles) >= 2:                # 签订了《A协议》和《B协议书》: two agreements
        return len(titles)
    order = [i for i in range(len(spans)) if TRIGGER.search(sentence[slice(*spans[i])])]
    order += [i for i in range(at - 1, -1, -1) if i not in order]
    for i in order:
        if (i > at and not _SIGNED_COUNT.search(sentence[slice(*spans[i])])) \
                or (i < at and _OTHER_STAGE.search(sentence[slice(*spans[i])])
                    and not TRIGGER.search(sentence[slice(*spans[i])])):
            continue                    # 新开工项目1491个，…新签订…: a count of another stage
        if _MIXED_STAGES.search(sentence, *spans[i]):
            continue                    # 共计56个项目集中签约和开工: signed and started together
        found = list(COUNT.finditer(sentence, *spans[i]))
        if found:
            best = min(found, key=lambda m: abs(m.start() - trigger))
            return _number(best.group(1))
    for start, end in spans[at + 1:]:
        match = _OPENING_COUNT.match(sentence, start, end)
        if match:
            return _number(match.group(1))
    return None


def signed_count(sentence: str) -> int | None:
    """A count tied to signing words in a detail sentence (签约项目12个, 12个项目签约,
    两份协议涉及…, 两个项目总投资…)."""
    pieces = pieces_count(sentence)
    if pieces:                          # 现场签约项目9个，线上签约项目17个: the pieces add up
        return pieces
    instruments = _INSTRUMENTS.search(sentence)
    if instruments:
        return _number(instruments.group(1) or instruments.group(2))
    projects = _PROJECTS_TOTAL.match(sentence)
    if projects:                        # 两个项目计划总投资20亿元: the projects of the signing before
        return _number(projects.group(1))
    for match in COUNT.finditer(sentence):
        window = sentence[max(0, match.start() - 8):match.end() + 8]
        if _SIGNED_COUNT.search(window):
            return _number(match.group(1))
    return None


def _number(text: str) -> int | None:
    """Arabic digits or a small Chinese numeral (两, 十二) as an int."""
    if text.isdigit():
        return int(text)
    digits = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    tens, sep, units = text.partition("十")
    if not sep:
        return digits.get(text)
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)


def amount(sentence: str, *, detail: bool = False) -> dict | None:
    """The total money stated for the signing: {'value': …, 'unit': '元'}; a
    total word (总投资, 签约金额, 合计) wins, thresholds and commitments never count.
    A ``detail`` sentence gives only an amount named by a total word."""
    candidates = []
    for match in MONEY.finditer(sentence):
        if money_is_not_total(sentence, match.start(), match.end()) \
                or _MIXED_STAGES.search(sentence, 0, match.start()):
            continue                    # 34个项目集中签约、开工，总投资…: not what was signed
        before = sentence[max(0, match.start() - 12):match.start()]
        rank = 0 if _TOTAL.search(before) else 1 if _MONEY_CONTEXT.search(before) else 2
        if rank == 2 and not _SIGNING_WORDS.search(sentence[slice(*clause_around(sentence, match.start()))]):
            continue
        candidates.append((rank, match))
    if not candidates:
        return None
    rank, match = min(candidates, key=lambda c: c[0])
    if detail and rank > 0:
        return None
    value = round(float(match.group(1)) * _MULTIPLIERS[match.group(2)], 2)
    value = int(value) if value.is_integer() else value
    return {"value": value, "unit": match.group(3)}


_LATER_PART = re.compile(r"[，,；;]\s*(?:其中|包括)")
_TRAILING_TOTAL = re.compile(r"[，,]\s*(?:总投资额?|投资总额|总金额|签约总额|合同总额|合计|共计|总计)[^，,。；;]*(?=[。；;]?$)")


def whole_part(sentence: str) -> str:
    """The part of a detail sentence about the whole event: the text before a
    later 其中 clause (签约项目21个，总投资126.8亿元，其中工业项目15个 → 签约项目21个，
    总投资126.8亿元); the whole sentence when it has none."""
    later = _LATER_PART.search(sentence)
    if not later:
        return sentence
    total = _TRAILING_TOTAL.search(sentence, later.end())
    if total and "、" in sentence[later.end():total.start()]:
        return sentence[:later.start()] + total.group()    # 其中A项目1个、B项目2个，总投资285亿元
    return sentence[:later.start()]

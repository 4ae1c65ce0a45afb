"""Policy wording around a figure: subsidy rates, grants, caps and their beneficiaries.

按设备投资额的8%给予补助 → 设备投资额补助比例; 对新认定的市级技术中心给予50万元奖励 →
新认定的市级技术中心奖励; …给予落户奖励，最高不超过200万元 → 落户奖励.
"""
from __future__ import annotations

import re

from nlp.metricwords import CHANGE_RE, HEAD_CHARS, MEASURE_END, last_match

_GRANT_WORDS = r"(?:奖励|补助|补贴|资助|奖补|贴息|扶持资金|支持资金|补偿)"
GRANT_WORDS_RE = re.compile(_GRANT_WORDS + "$")
# 按实缴注册资本的2%给予…: the base of a rate.
_RATE_BASE_RE = re.compile(r"按(?:照)?其?(?:不超过|不高于|不低于|最高)?(?P<base>[^，,；;。！？\d]{1,20}?)的$")
_LEADING_PRONOUN_RE = re.compile(r"^(?:其|该)")
_MAX_SHARE_BASE = 10
# 实际支出, 实际租金: a base that names nothing beyond the grant's own cost is left out.
# A standard (当地最低工资标准的60%) makes the rate the grant's own standard: no base either.
_GENERIC_BASE_RE = re.compile(r"(?:项目|企业|单位|机构)?(?:实际|实缴|实付|实发)[\u4e00-\u9fff]{1,2}|.*标准")
_GRANT_AFTER_RE = re.compile(r"(?:给予|予以)?(?P<grant>[^，,；;。！？\d]{0,6}?" + _GRANT_WORDS + ")")
_GRANT_PHRASE_RE = re.compile(r"(?P<grant>[\u4e00-\u9fff“”]{0,8}?" + _GRANT_WORDS + ")")
_GRANT_MODIFIER_RE = re.compile(r"(?:给予|予以)(?P<mod>[^，,；;。！？\d]{0,8})$")
_BENEFICIARY_RE = re.compile(
    r"(?:^|(?<=[，,；;。！？\n]))对(?P<who>[^，,；;。！？\d]{2,24}?)(?:的(?:单位|主体|对象))?的?"
    r"(?=[，,]|给予|予以|一次性|分别)")
_GRANTED_RE = re.compile(r"给予|予以")
_MONEY_MEASURE_RE = re.compile(r"(?:投资|投资额|金额|总额|产值|营收|收入|融资)(?:约为|约|达到|达|为|超过|超|近)?$")
_MAX_BENEFICIARY = 12
_RATE_BASE_SPAN = 28      # longest _RATE_BASE_RE match: 按照其不超过 + 20 characters + 的
_MAX_TOPIC = 12
_TOPIC_RE = re.compile(r"(?:^|(?<=[：:；;。\n）)]))(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])?"
                       r"(?P<topic>(?![对按为在凡经如])[\u4e00-\u9fff]{2,12}(?:项目|企业|平台|机构|载体|单位|类))$")
_MAX_RATE_BASE = 6
# 按每人次300元 / 、博士每人每月2500元: the per-unit amount of a grant named after it.
_PER_UNIT_RE = re.compile(r"(?:按照?|[、，,])(?P<who>[\u4e00-\u9fff]{0,4}?)(?P<per>每[\u4e00-\u9fff]{1,4})$")
_PER_UNIT_SPAN = 12
_PER_UNIT_GRANT_RE = re.compile(r"(?:的标准)?(?:给予|予以|发放)(?:一次性)?"
                                r"(?P<grant>[\u4e00-\u9fff]{0,6}?" + _GRANT_WORDS + ")")
_BENEFICIARY_STOP_RE = re.compile(r"[\d；;]")
_MANNER_RE = re.compile(r"一次性|分阶段")
# An owner that is itself a measure (按每张床位1.5万元的标准); a fund (基金, 资金) may own one.
_MEASURE_OWNER = re.compile(r"(?:额|量|率|数|值|费|款|面积|规模|收入|投资|产值|营收|标准)$")
_AMOUNT_WORDS = frozenset("总额 金额 额度 总金额".split())


def grant_metric(norm: str, number_start: int, metric: str, right: tuple[int, int] | None,
                 clause_start: int, sentence_start: int) -> str:
    """A grant named after 给予 (给予一次性奖励 → 奖励), with its beneficiary when short.

    ``right`` is the noun phrase after the amount, if any (给予50万元奖励 → 奖励).
    """
    manner = _MANNER_RE.search(norm, clause_start, number_start) is not None
    metric = grant_noun(metric, manner=manner)
    granted = _GRANT_MODIFIER_RE.search(norm, clause_start, number_start)
    if granted and right is not None:
        metric = grant_noun(norm[right[0]:right[1]], manner=False)
        modifier = granted.group("mod")
        if modifier.startswith("每"):
            metric = modifier + metric          # 每平方米每月…租金补贴
        elif modifier in _AMOUNT_WORDS:
            metric += modifier                  # 给予总额不超过800万元奖励 → 奖励总额
    return _joined(beneficiary(norm, sentence_start, number_start), metric)


def _joined(who: str, metric: str) -> str:
    """``who`` + ``metric`` without repeating the words they share (…高校团队 + 团队奖励)."""
    for size in range(min(len(who), len(metric) - 1, 4), 1, -1):
        if who.endswith(metric[:size]):
            return who + metric[size:]
    return who + metric


def rate_metric(norm: str, hit, clause_start: int) -> str | None:
    """按设备投资额的8%给予补助 → 设备投资额补助比例: the base, the grant, 比例.

    A base too long to be a name (个人所得税区级留存部分) or generic (实际支出, 最低工资标准)
    is left out (奖励比例); a policy item's topic stands in for the base.
    """
    rate = _RATE_BASE_RE.search(norm, max(clause_start, hit.start - _RATE_BASE_SPAN), hit.start)
    grant = _GRANT_AFTER_RE.match(norm, hit.end) if rate else None
    if grant is None:
        return None
    base = _LEADING_PRONOUN_RE.sub("", rate.group("base"))
    if len(base) > _MAX_SHARE_BASE or _GENERIC_BASE_RE.fullmatch(base):
        base = ""
    return (_topic(norm, clause_start) or base) + grant_noun(grant.group("grant")) + "比例"


def per_unit_metric(norm: str, hit, clause_start: int) -> str | None:
    """按每人次300元给予培训补贴 → 每人次培训补贴: a grant set per unit, named by the grant.

    The grant must follow the amount (…、博士每人每月2500元的标准发放生活补贴 → 博士每人每月生活补贴);
    the items before it in a list keep their own metrics.
    """
    per = _PER_UNIT_RE.search(norm, max(clause_start, hit.start - _PER_UNIT_SPAN), hit.start)
    if per is None or "按" not in norm[clause_start:per.end()]:
        return None
    grant = _PER_UNIT_GRANT_RE.match(norm, hit.end)
    return per.group("who") + per.group("per") + grant.group("grant") if grant else None


def _topic(norm: str, clause_start: int) -> str | None:
    """The bare noun phrase that heads a policy item before the rate's clause
    (（一）智能化改造项目，按设备投资额的10%给予补助 → 智能化改造项目), else None."""
    if norm[clause_start - 1:clause_start] not in ("，", ","):
        return None
    lo = max(0, clause_start - 1 - _MAX_TOPIC * 2)
    topic = _TOPIC_RE.search(norm, lo, clause_start - 1)
    return topic.group("topic") if topic else None


def capped_metric(norm: str, metric: str | None, sentence_start: int,
                   clause_start: int) -> str | None:
    """…给予落户奖励，最高不超过200万元: a cap that names no measure is on the grant before it."""
    if metric and (len(metric) > _MAX_RATE_BASE or MEASURE_END.search(metric)
                   or _GRANT_PHRASE_RE.search(metric)):
        return metric
    capped = last_match(_GRANT_PHRASE_RE, norm, sentence_start, clause_start)
    return (metric or "") + grant_noun(capped.group("grant")) if capped else metric


def money_measure_before(norm: str, lo: int, hi: int) -> bool:
    """True when an amount's measure (投资, 产值) ends norm[lo:hi] outside grant wording:
    意向投资1.2亿美元建设…项目 measures 意向投资, not the undertaking named after it."""
    return _MONEY_MEASURE_RE.search(norm, lo, hi) is not None and not _GRANTED_RE.search(norm, lo, hi)


def beneficiary(norm: str, sentence_start: int, end: int) -> str:
    """The short 对… phrase naming who is granted (对新认定的市级技术中心给予…), else ''."""
    who = last_match(_BENEFICIARY_RE, norm, sentence_start, end)
    if who is None or len(who.group("who")) > _MAX_BENEFICIARY \
            or _BENEFICIARY_STOP_RE.search(norm, who.end(), end):
        return ""
    if who.group(0).endswith("的") and "的" not in who.group("who") \
            and not norm.startswith(("，", ","), who.end()):
        return ""       # 对重新认定的给予…: a clause without its noun names no one

    return who.group("who")


def grant_noun(phrase: str, manner: bool = True) -> str:
    """The grant a phrase names, without the verb before it (给予一次性奖励 → 一次性奖励).

    ``manner``: also drop an adverb of manner that stood before the number (一次性奖励30万元 → 奖励).
    """
    phrase = re.sub(r"^.*(?:给予|予以|万元|元|的)", "", phrase)
    if manner:
        phrase = re.sub(r"^(?:一次性|分阶段|分别|最高|按)", "", phrase) or phrase
    return phrase


def with_owner(pieces: list[str], owner: str) -> list[str]:
    """The measure of a threshold prefixed by what it belongs to (楼宇 + 税收 → 楼宇税收)."""
    measure = "".join(pieces).rsplit("的", 1)[-1]
    if not measure or len(owner) > HEAD_CHARS or owner.endswith(measure) \
            or _MEASURE_OWNER.search(owner) or CHANGE_RE.search(measure):
        return pieces       # 按每张床位1.5万元的标准: 标准 is the measure, not its owner
    return [owner + measure]


def without_verb(pieces: list[str], verb: str | None) -> list[str]:
    """``pieces`` less a leading governing verb (培育营业收入 → 营业收入); 新增 etc. stay."""
    if not verb or verb.startswith("新") or not pieces or not pieces[0].startswith(verb):
        return pieces
    rest = pieces[0][len(verb):]
    return ([rest] if rest else []) + pieces[1:]

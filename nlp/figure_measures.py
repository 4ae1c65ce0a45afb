"""What a money or area figure measures when its own clause misleads the describer.

A pass over the metrics :class:`nlp.metrics.Describer` gave, in text order:

- a money threshold or grade before 项目 (投资50亿元以上项目3个, 10亿元以上50亿元以下项目,
  30亿元级项目) sorts projects by their investment: 项目投资;
- a verb that stands for contracted money (揽金8.5亿元) is named by what it counts: 签约金额;
- an area before 的 and a facility (6万平方米的人才公寓) measures that facility: 人才公寓面积,
  also when it continues a list whose first item has another noun;
- a share in tenths (占全区总量的7成) is of the figure before it;
- an agent before 以 owns the figures of its means and its result (专班以20个项目实现合同额…);
- a count without a metric takes the total it opens (27个签约项目中，…) or the projects
  past the threshold before it (10亿元以上项目有55个 → 10亿元以上项目);
- an adverb closing a metric goes (资金到位率更是高达…), and so does a modifier that only
  says "of all kinds" opening it (大小公园, 各类活动);
- a change after a share (占总额的5.8%，同比下降41.6%) is a change of the amount;
- in a run-on list with no punctuation (合同额45亿元到位资金10亿元开工项目30个) each
  figure measures the words just before it, not the next item's.
"""
from __future__ import annotations

import re

_CURRENCIES = frozenset("元 美元 港元 欧元".split())
_AREAS = frozenset("平方米 平方公里 亩 公顷".split())
_PROJECT_AFTER_RE = re.compile(r"(?:\d+(?:\.\d+)?[万亿千百]*元以[上下])?(?:的)?项目")
_MONEY_NOUN_RE = re.compile(r"投资|[额金款]")
_MONEY_VERBS = {"揽金": "签约金额"}
_FACILITY_RE = re.compile(r"的(?P<noun>[^\W\d的]{2,14}?)(?=$|[，,；;。！？、和及与])")
# 占总额的5.8%，同比下降41.6%: the change is of the amount, not of its share.
_SHARE_CHANGE_RE = re.compile(r"^(?P<whole>[^占]+)占[^，,；;。]*?的?(?:比重|比例)"
                              r"(?P<change>(?:同比|环比|比上年|较上年)(?:增长|下降|增加|减少))$")
_TRAILING_ADVERB_RE = re.compile(r"(?:更是|更|则是|则|也是)$")
# Modifiers that only say "of all kinds" (大小公园, 各类活动).
_FILLER_RE = re.compile(r"^(?:大小|各类|各种|各式)(?=[\u4e00-\u9fff]{2})")
# 27个签约项目中，…: the total a breakdown starts from.
_SUBSET_RE = re.compile(r"(?P<noun>[^\W\d中]{2,10})中[，,：:]")
# 10亿元以上项目有55个: the count of the projects past the threshold before it.
_COUNTED_RE = re.compile(r"(?P<noun>(?P<grade>级)?(?:项目|企业))(?:有|达|共|为)?")
_TENTHS_SHARE_RE = re.compile(r"占(?P<whole>[^，,；;。！？\d]{1,14}?)的?$")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
_MEANS_RE = re.compile(r"(?P<agent>[^，,；;。！？!?\d以]{2,12}?)以(?P<means>[^，,；;。！？!?]*?\d[^，,；;。！？!?]*?"
                       r"(?P<verb>实现|完成|带动|撬动)(?P<result>[^，,；;。！？!?\d]{1,10}?)(?:达到?|为|共|约)?)?$")
_DRIVING = ("带动", "撬动")      # a result that the means drives, not the agent's own
_MEANS_NOUN_RE = re.compile(r"[^\W\d]{2,8}?(?=实现|完成|带动|撬动)")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")
_BREAK_RE = re.compile(r"[，,；;。！？!?：:\n]")
_LEAD_VERBS_RE = re.compile(r"^(?:实现|完成|累计|共|新增)")


def measured_metrics(norm: str, hits: list, described: list) -> list:
    """``described`` (metric, start, end) with thresholds, money verbs, areas and run-on lists fixed."""
    described = list(described)
    for index, hit in enumerate(hits):
        metric, start, end = described[index]
        metric = _project_threshold(norm, hit, metric)
        metric = _tenths_share(norm, hits, described, index) or metric
        metric = _MONEY_VERBS.get(metric, metric) if hit.unit in _CURRENCIES else metric
        metric = _facility_area(norm, hit, metric)
        metric = _tidied(_by_means(norm, hit, metric)) or _subset_total(norm, hits, index)
        run_on = _run_on(norm, hits, index, metric)
        if run_on != metric and norm[hit.end:end] not in run_on:
            end = hit.end       # the words after the number belong to the next figure
        described[index] = (run_on, start, end)
    return described


def _tidied(metric: str | None) -> str | None:
    """Without a closing adverb (到位率更是), a filler (大小公园) or a share before a change;
    None for a bare grade (级项目)."""
    if not metric or metric.startswith("级"):
        return None         # 30亿元级项目5个: the grade belongs to the amount before
    metric = _FILLER_RE.sub("", _TRAILING_ADVERB_RE.sub("", metric))
    return _SHARE_CHANGE_RE.sub(r"\g<whole>\g<change>", metric) or None


def _tenths_share(norm: str, hits: list, described: list, index: int) -> str | None:
    """合同额195亿元，占全区总量的7成以上: a share in tenths, of the figure before."""
    share = _TENTHS_SHARE_RE.search(norm, max(0, hits[index].start - 16), hits[index].start)
    if hits[index].unit != "成" or not share or not index or not described[index - 1][0] \
            or _SENTENCE_END_RE.search(norm, hits[index - 1].end, hits[index].start):
        return None
    return described[index - 1][0] + "占" + share.group("whole") + "的比重"


def _by_means(norm: str, hit, metric: str | None) -> str | None:
    """物流专班以20个签约项目实现合同额13亿元: the agent before 以 owns both figures
    (物流专班签约项目, 物流专班合同额)."""
    lo = max(0, hit.start - 40)
    lo = max([lo] + [m.end() for m in _BREAK_RE.finditer(norm, lo, hit.start)])
    means = _MEANS_RE.match(norm, lo, hit.start)
    if means and not means.group("means"):
        noun = _MEANS_NOUN_RE.match(norm, hit.end)
        return means.group("agent") + noun.group(0) if noun else metric
    if means and means.group("result"):
        verb = means.group("verb") if means.group("verb") in _DRIVING else ""
        return means.group("agent") + verb + means.group("result")
    return metric


def _subset_total(norm: str, hits: list, index: int) -> str | None:
    """A count without a metric: 27个签约项目中 → 签约项目; 10亿元以上项目有55个 → 10亿元以上项目."""
    hit = hits[index]
    subset = _SUBSET_RE.match(norm, hit.end)
    if subset:
        return subset.group("noun")
    before = hits[index - 1] if index else None
    counted = before and before.unit in _CURRENCIES and _COUNTED_RE.fullmatch(norm, before.end, hit.start)
    counted = counted if counted and (before.qualifier in ("over", "under") or counted.group("grade")) else None
    return norm[before.num_start:before.end] + counted.group("noun") if counted else None


def _project_threshold(norm: str, hit, metric: str | None) -> str | None:
    """投资50亿元以上项目: a money bound that sorts projects measures their investment."""
    graded = norm.startswith("级项目", hit.end)       # 50亿元级项目: a grade of investment
    if hit.unit in _CURRENCIES and (hit.qualifier in ("over", "under") or graded) \
            and (graded or _PROJECT_AFTER_RE.match(norm, hit.end)) and not _MONEY_NOUN_RE.search(metric or ""):
        return "项目投资"
    return metric


def _facility_area(norm: str, hit, metric: str | None) -> str | None:
    """10万平方米的创新中心: the area of the facility named after 的."""
    if hit.unit not in _AREAS:
        return metric
    facility = _FACILITY_RE.match(norm, hit.end, hit.end + 16)
    if not facility or (metric and facility.group("noun") in metric):
        return metric
    return facility.group("noun") + "面积"


def _run_on(norm: str, hits: list, index: int, metric: str | None) -> str | None:
    """合同额45亿元到位资金10亿元开工项目30个: each figure takes the words just before it."""
    if not metric:
        return metric
    left = _left_run(norm, hits, index)
    if left is None:
        return metric
    right = norm[hits[index].end:hits[index + 1].start] if index + 1 < len(hits) else ""
    if right and _CJK_RUN_RE.fullmatch(right) and metric.endswith(right) and left != right:
        return left         # the noun after the number belongs to the next figure
    if metric[0].isdigit() and metric.endswith(left) and not _COUNTED_RE.fullmatch(left):
        return left         # 10亿元开工项目 → 开工项目
    return metric


def _left_run(norm: str, hits: list, index: int) -> str | None:
    """The words between the figure before (or the clause start) and this one, when they are
    a bare run of characters; None otherwise."""
    start = hits[index].start
    lo = max(0, start - 14)
    breaks = [m.end() for m in _BREAK_RE.finditer(norm, lo, start)]
    lo = max([lo, *breaks] + ([hits[index - 1].end] if index else []))
    left = norm[lo:start]
    if not _CJK_RUN_RE.fullmatch(left) or not (breaks or index):
        return None
    return _LEAD_VERBS_RE.sub("", left) or None

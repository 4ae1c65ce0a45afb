"""Figure error classes from annotation round 8: who invests, left contexts, ranges, years.

Phrases are written for these tests; each table is one class of error. Metrics are
compared exactly, so they pin the extractor's own wording of each class.
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def figure(text: str, value, published: str = "2025-06-01"):
    """The one figure of ``text`` with ``value``."""
    found = [f for f in find_figures(text, published=published) if f.value == value]
    assert len(found) == 1, [(f.text, f.value, f.unit) for f in find_figures(text, published=published)]
    return found[0]


# --- an investor's amount measures the project it builds, never the investor -------------

INVESTMENTS = [
    ("company-plans-project-next-clause", "其中，宁波启越电机有限公司计划投资18亿元，在园区建设新能源驱动电机生产基地。",
     1800000000, "新能源驱动电机生产基地计划投资"),
    ("pronoun-builds-project", "该公司将投资6亿元建设汽车线束研发中心，明年投产。", 600000000, "汽车线束研发中心投资"),
    ("agent-by-you", "双方签署协议，由前者投资4.2亿元新建冷链物流园。", 420000000, "冷链物流园投资"),
    ("extra-investment", "恒达集团将追加投资3亿元扩建二期厂房。", 300000000, "二期厂房追加投资"),
    ("no-project-investor-dropped", "该企业拟投资2亿元，具体选址尚在论证。", 200000000, "拟投资"),
    ("no-project-company-dropped", "根据协议，川能公司将投资9亿元。", 900000000, "投资"),
    ("statistic-kept", "全区完成工业投资52.3亿元，增长8.1%。", 5230000000, "完成工业投资"),
    ("short-name-acting", "启明智造将投资7亿元建设精密轴承生产基地。", 700000000, "精密轴承生产基地投资"),
    ("short-name-no-project", "启明智造将投资7亿元。", 700000000, "投资"),
    ("project-total-kept", "项目总投资16亿元，建设标准厂房8万平方米。", 1600000000, "项目总投资"),
]


@pytest.mark.parametrize("text,value,metric", cases(INVESTMENTS))
def test_investment_names_the_project(text, value, metric):
    assert figure(text, value).metric == metric


# --- left contexts that are a subject, a preposition or a partner ------------------------

LEFT_CONTEXTS = [
    ("preposition-dui", "区法院对9家涉案企业启动了合规整改程序。", 9, "启动合规整改程序的涉案企业"),
    ("partner-place-after-count", "此外还有5个项目与璧山达成投资意向。", 5, "达成投资意向的项目"),
    ("partner-district-after-count", "另有4个项目与江北区达成合作意向。", 4, "达成合作意向的项目"),
    ("period-before-you", "推介会期间还有6个项目与园区达成合作意向。", 6, "达成合作意向的项目"),
    ("talks-face-to-face", "当天共有4家银行与27家企业开展一对一洽谈。", 27, "洽谈企业"),
    ("event-of-counted-projects", "与会人员随后参加了另一批9个项目的集中开工仪式。", 9, "集中开工项目"),
    ("batch-word-before-count", "另一批15个项目当天集中开工。", 15, "集中开工的项目"),
    ("signing-kind-kept-place-dropped", "会后，12个项目集中签约落户永川高新区。", 12, "集中签约落户的项目"),
]


@pytest.mark.parametrize("text,value,metric", cases(LEFT_CONTEXTS))
def test_left_context_is_not_the_metric(text, value, metric):
    assert figure(text, value).metric == metric


# --- the words the number counts sit before it, or in the clause before ------------------

NEIGHBOURS = [
    ("unit-echoes-noun", "今年专业合作社带动脱贫户86户养殖肉牛2000头。", 86, "专业合作社带动脱贫户"),
    ("after-echo-next-figure", "今年专业合作社带动脱贫户86户养殖肉牛2000头。", 2000, "养殖肉牛"),
    ("total-after-list", "各企业围绕智能制造方向梳理了攻关需求清单，共计19项。", 19, "攻关需求"),
    ("total-after-figure-kept", "首批拨付补助86.5万元，合计210万元。", 2100000, "合计"),
    ("basis-clause-skipped", "全县地区生产总值首次突破300亿元，按当前走势，今年有望达到320亿元。",
     32000000000, "地区生产总值"),
]


@pytest.mark.parametrize("text,value,metric", cases(NEIGHBOURS))
def test_metric_from_neighbouring_words(text, value, metric):
    assert figure(text, value).metric == metric


# --- a range written with a unit on each bound -------------------------------------------

RANGES = [
    ("money-range-upper", "单体投资额在3000万元至8000万元之间的项目有11个。", 80000000, "单体投资额"),
    ("money-range-lower", "单体投资额在3000万元至8000万元之间的项目有11个。", 30000000, "单体投资额"),
    ("area-range-upper", "厂房面积在500平方米到2000平方米之间。", 2000, "厂房面积"),
]


@pytest.mark.parametrize("text,value,metric", cases(RANGES))
def test_range_bounds_share_the_measure(text, value, metric):
    assert figure(text, value).metric == metric


# --- periods: 前N个月 is a time, not a count ----------------------------------------------

PERIODS = [
    ("first-months", "企业今年前7个月实现营业收入12.6亿元。", [(1260000000, "营业收入")]),
    ("recent-months", "近3个月新增订单420笔。", [(420, "新增订单")]),
]


@pytest.mark.parametrize("text,expected", cases(PERIODS))
def test_period_of_months_is_not_a_figure(text, expected):
    assert [(f.value, f.metric) for f in find_figures(text, published="2025-09-01")] == expected


# --- years: a period start is not the figure's year; an event's year reaches its details --

YEARS = [
    ("since-last-year-none", "区法院介绍，去年以来共化解商事纠纷860件。", "2025-06-01", [None]),
    ("since-past-year-none", "2022年以来，全市累计引进研发机构38家。", "2025-06-01", [None]),
    ("since-this-year-kept", "今年以来，全区新签约项目27个。", "2025-06-01", [2025]),
    ("since-this-year-digits", "2025年以来，全区新签约项目27个。", "2025-06-01", [2025]),
    ("event-year-reaches-its-details", "该企业已于2022年与高校签订联合研发合同，合同金额420万元。",
     "2025-06-01", [2022]),
    ("event-year-stops-at-other-clause", "该车间已于去年5月建成投产，目前日产量超过3万件。",
     "2025-06-01", [None]),
]


@pytest.mark.parametrize("text,published,years", cases(YEARS))
def test_year_of_figure(text, published, years):
    assert [f.year for f in find_figures(text, published=published)] == years

"""分别 over a list of words, and gaps over a level (高于全国…个百分点).

Phrases are written for these tests; each table is one class of error seen on real
statistical bulletins. Metrics are compared exactly.
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def metrics(text: str, published: str = "2025-06-01") -> list[tuple[float, str, str | None]]:
    """(value, unit, metric) of every figure of ``text``."""
    return [(f.value, f.unit, f.metric) for f in find_figures(text, published=published)]


# --- 分别 hands the n-th word of a list to the n-th figure -----------------------------

RESPECTIVE = [
    ("month-bases-shared-head", "商品零售额增幅比1-2月、1-4月分别回落1.2个百分点和0.5个百分点。",
     [(1.2, "个百分点", "商品零售额增幅比1-2月回落"), (0.5, "个百分点", "商品零售额增幅比1-4月回落")]),
    ("this-year-base-dropped", "降幅比今年1-5月、1-6月分别收窄3.3个百分点、1.1个百分点。",
     [(3.3, "个百分点", "降幅比1-5月收窄"), (1.1, "个百分点", "降幅比1-6月收窄")]),
    ("sectors-listed", "批发业、住宿业、餐饮业分别增长4.5%、9%、3.8%。",
     [(4.5, "%", "批发业增长"), (9, "%", "住宿业增长"), (3.8, "%", "餐饮业增长")]),
    ("short-item-takes-head-noun", "其中，高端装备产业、新能源和医药产业分别增长10.2%、14.6%和8.9%。",
     [(10.2, "%", "高端装备产业增长"), (14.6, "%", "新能源产业增长"), (8.9, "%", "医药产业增长")]),
    ("counts-mismatch-left-alone", "轻工业和重工业分别增长2.1%。", [(2.1, "%", "轻工业和重工业增长")]),
]


@pytest.mark.parametrize("text, expected", cases(RESPECTIVE))
def test_respective_list_of_words(text, expected):
    assert metrics(text) == expected


# --- a bare number in a list shares the unit of the last item -------------------------

SHARED_UNIT = [
    ("bare-rates-before-points", "两项指标分别回落1.4、0.3和2.6个百分点。", [1.4, 0.3, 2.6]),
    ("bare-rate-before-percent", "三类投资分别增长5.5、7和12.1%。", [5.5, 7, 12.1]),
    ("level-list", "高于全国0.4、全省1.6个百分点。", [0.4, 1.6]),
]


@pytest.mark.parametrize("text, values", cases(SHARED_UNIT))
def test_bare_number_shares_unit(text, values):
    found = find_figures(text, published="2025-06-01")
    assert [f.value for f in found] == values
    assert {f.unit for f in found} == {find_figures(text)[-1].unit}


NOT_SHARED = [
    ("line-numbers", "地铁1、2号线及5%的站点完成改造。", [5]),
    ("year-list", "2023、2024年分别增长3.2%和4.1%。", [3.2, 4.1]),
]


@pytest.mark.parametrize("text, values", cases(NOT_SHARED))
def test_bare_number_not_a_figure(text, values):
    assert [f.value for f in find_figures(text, published="2025-06-01")] == values


# --- a gap over a level says whose rate is higher -------------------------------------

LEVELS = [
    ("one-level", "地区生产总值增长6.3%，高于全国1.1个百分点。",
     (1.1, "地区生产总值增速高于全国")),
    ("two-levels-second", "规上工业增加值增长4.6%，高于全国0.5、全省2.2个百分点。",
     (2.2, "规上工业增加值增速高于全省")),
    ("two-levels-first", "规上工业增加值增长4.6%，高于全国0.5、全省2.2个百分点。",
     (0.5, "规上工业增加值增速高于全国")),
    ("lower-than", "社会消费品零售总额增长2.4%，低于全省0.8个百分点。",
     (0.8, "社会消费品零售总额增速低于全省")),
    ("subject-already-a-rate", "外贸进出口增速为7.5%，快于全市1.3个百分点。",
     (1.3, "外贸进出口增速快于全市")),
]


@pytest.mark.parametrize("text, expected", cases(LEVELS))
def test_gap_over_level(text, expected):
    value, metric = expected
    assert [m for v, _, m in metrics(text) if v == value] == [metric]


# --- 分别占 hands the n-th share to the n-th figure before it ---------------------------

SHARES = [
    ("first-share", "其中工业项目41个，合同投资额802亿元，分别占全部签约项目的66.1%和79.4%。",
     (66.1, "工业项目占全部签约项目的比重")),
    ("second-share", "其中工业项目41个，合同投资额802亿元，分别占全部签约项目的66.1%和79.4%。",
     (79.4, "合同投资额占全部签约项目的比重")),
]


@pytest.mark.parametrize("text, expected", cases(SHARES))
def test_respective_shares(text, expected):
    value, metric = expected
    assert [m for v, _, m in metrics(text) if v == value] == [metric]

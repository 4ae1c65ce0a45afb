"""Figure error classes found on independently annotated documents: units, qualifiers, metric bounds."""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def figure(text: str, value):
    """The figure of ``text`` with ``value``."""
    return next(f for f in find_figures(text, published="2024-09-01") if f.value == value)


CURRENCY_WORDS = [
    ("yuan-renminbi", "首期投资12.5亿元人民币，预计年底投产", 1250000000, "元", "首期投资12.5亿元人民币"),
    ("yi-renminbi", "合同金额3亿人民币", 300000000, "元", "合同金额3亿人民币"),
    ("traditional", "協議投資額7.8億元人民幣", 780000000, "元", "協議投資額7.8億元人民幣"),
]


@pytest.mark.parametrize("text,value,unit,span", cases(CURRENCY_WORDS))
def test_renminbi_belongs_to_the_unit(text, value, unit, span):
    found = figure(text, value)
    assert (found.unit, found.text) == (unit, span)


UNIT_BEFORE_WORD = [
    ("jia-dianzi", "园区与4家电子信息企业达成合作意向", 4, "家"),
    ("jia-dianzi-materials", "新引进6家电子材料企业", 6, "家"),
]


@pytest.mark.parametrize("text,value,unit", cases(UNIT_BEFORE_WORD))
def test_unit_stands_before_a_common_word(text, value, unit):
    assert figure(text, value).unit == unit


@pytest.mark.parametrize("text", [
    pytest.param("购置3家电等奖品", id="jia-dian-appliance"),
    pytest.param("每户补贴5家庭成员", id="jia-ting-family"),
])
def test_unit_blocked_by_a_word(text):
    assert find_figures(text) == []


QUALIFIER_WORDS = [
    ("zuidi-gongzi-noun", "按当地最低工资标准的80%发放生活补助", None),
    ("zuigao-bound", "按不超过实际租金的50%给予补贴", "under"),
]


@pytest.mark.parametrize("text,qualifier", cases(QUALIFIER_WORDS))
def test_superlative_noun_is_no_bound(text, qualifier):
    assert find_figures(text)[-1].qualifier == qualifier


METRICS = [
    ("leiji-not-truncated", "园区技术合同成交额累计3.6亿元", "技术合同成交额"),
    ("co-agents-before-verb", "区经信委与市招商局联合赴长三角地区开展产业招商活动12次", "开展产业招商活动"),
    ("body-before-verb", "江北区管委会与多家企业集中签约项目9个", "签约项目"),
    ("time-word-splits-subject", "该园区去年实现工业总产值86.2亿元", "工业总产值"),
    ("threshold-suffix-noun", "其中投资额20亿元以上项目4个", "项目投资额"),
    ("qie-ends-condition", "对研发投入达到300万元以上且增幅超过15%的企业", "研发投入"),
    ("fund-owns-size", "并发起设立总规模3亿元的产业引导基金", "产业引导基金"),
    ("count-before-next-measure", "5个项目总投资18.4亿元", "项目"),
]


@pytest.mark.parametrize("text,metric", cases(METRICS))
def test_metric_bounds(text, metric):
    assert metric in find_figures(text)[0].metric


def test_comparison_year_is_not_a_subject_split():
    found = find_figures("服务业增加值比重比去年提高2个百分点")[-1]
    assert found.metric.startswith("服务业增加值比重")


def test_bare_cumulative_borrows_the_subject_before():
    found = find_figures("今年新认定科技型企业86家，累计达到1250家。")
    assert found[-1].metric == "新认定科技型企业"
    assert found[-1].qualifier == "cumulative"


def test_cumulative_with_other_unit_borrows_nothing():
    found = find_figures("新增产值3亿元，累计达到1250家。")
    assert found[-1].metric is None


def test_measure_before_the_next_number_goes_to_it():
    found = find_figures("5个项目总投资18.4亿元")
    assert [f.metric for f in found] == ["项目", "总投资"]


GRANT_RATES = [
    ("item-topic", "（二）数字化改造项目，按软硬件投入的12%给予补助", 12, "数字化改造项目补助比例"),
    ("no-topic-base", "对首次认定的企业，按设备投资额的6%给予补助", 6, "设备投资额补助比例"),
]


@pytest.mark.parametrize("text,value,metric", cases(GRANT_RATES))
def test_rate_takes_the_item_topic(text, value, metric):
    assert figure(text, value).metric == metric


def test_headless_beneficiary_names_no_one():
    text = "对首次入库的企业给予8万元奖励，对再次入库的给予4万元奖励。"
    assert figure(text, 40000).metric == "奖励"


YEAR_SCOPE = [
    ("modifier-year-own-clause", "去年引进的12个项目中，已有8个项目投产。", "2024-05-01", [2023, None]),
    ("modifier-year-later-clause", "双方2021年签署的合作协议，目前已落地项目15个。", "2024-05-01", [None]),
    ("event-clause-year", "全县2024年二季度重点项目集中开工，9个项目总投资12亿元。", "2024-05-01",
     [None, None]),
    ("stated-year-reaches", "2023年全区引进项目45个，总投资80亿元。", "2024-05-01", [2023, 2023]),
]


@pytest.mark.parametrize("text,published,years", cases(YEAR_SCOPE))
def test_year_scope(text, published, years):
    assert [f.year for f in find_figures(text, published=published)] == years


def test_bound_before_a_rate_word():
    found = find_figures("新建厂房投资强度原则上不低于每亩280万元。")[0]
    assert (found.qualifier, found.value, found.metric) == ("over", 2800000, "新建厂房投资强度")


def test_jiaci_is_a_unit():
    found = find_figures("全年上门服务企业860余家次")[0]
    assert (found.value, found.unit, found.qualifier) == (860, "家次", "over")


COMPOUND_COUNTERS = [
    ("pici-visits", "上半年共接待外地客商考察团45批次", 45, "批次", None),
    ("pici-over", "累计组织企业赴沿海考察30余批次", 30, "批次", "over"),
    ("lunci-rounds", "双方已开展技术对接6轮次", 6, "轮次", None),
    ("renci-training", "开展技能培训1.2万人次", 12000, "人次", None),
    ("huci-visits", "走访服务市场主体520户次", 520, "户次", None),
    ("checi-freight", "中欧班列开行80车次", 80, "车次", None),
]


@pytest.mark.parametrize("text,value,unit,qualifier", cases(COMPOUND_COUNTERS))
def test_compound_counter_is_one_unit(text, value, unit, qualifier):
    found = figure(text, value)
    assert (found.unit, found.qualifier) == (unit, qualifier)


def test_total_after_a_list_is_a_total():
    found = find_figures("甲公司补助60万元，乙公司补助40万元，合计100万元。")
    assert found[-1].metric == "合计"


def test_money_after_its_measure_measures_it():
    found = find_figures("某外资企业意向投资2.5亿美元建设冷链物流项目。")[0]
    assert found.metric.endswith("意向投资") and found.unit == "美元"


def test_granted_total_keeps_the_grant():
    found = find_figures("分阶段给予总额不超过500万元奖励。")[0]
    assert found.metric == "奖励总额"

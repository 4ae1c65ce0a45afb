"""Metrics of figures (nlp.metrics through find_figures), by phenomenon.

Each table names a class of error seen on annotated documents; the phrases are
written for these tests. ``metric`` is compared exactly: the annotators' form
("what is measured, in the document's words, shortest form that still says it").
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def metric_of(text: str, value) -> str | None:
    """The metric of the figure of ``text`` whose value is ``value``."""
    figures = [f for f in find_figures(text, published="2025-04-01") if f.value == value]
    assert len(figures) == 1, [(f.text, f.value) for f in find_figures(text)]
    return figures[0].metric


# --- policy rates: 按<base>的N%给予<grant> -------------------------------------------------

RATES = [
    ("grant-after-rate", "对新落户的总部企业，按实缴注册资本的1%给予落户奖励。", 1, "实缴注册资本落户奖励比例"),
    ("specific-base-kept", "按设备购置额的15%给予补贴，单个企业最高300万元。", 15, "设备购置额补贴比例"),
    ("short-base-kept", "对新开业的首店，按装修投入的20%给予补助。", 20, "装修投入补助比例"),
    ("actual-base-dropped", "前两年按实际租金的60%给予补贴。", 60, "补贴比例"),
    ("actual-cost-dropped", "按实际支出的40%给予补助。", 40, "补助比例"),
    ("owner-actual-cost-dropped", "按项目实际投入的35%给予资助。", 35, "资助比例"),
    ("standard-base-dropped", "按当地最低工资标准的70%给予见习补贴。", 70, "见习补贴比例"),
    ("long-base-dropped", "按其个人所得税区级留存部分的70%给予奖励。", 70, "奖励比例"),
    ("yuyi", "按照购置金额的10%予以补助。", 10, "购置金额补助比例"),
    ("ceiling-rate", "按不超过减免金额的40%给予补贴。", 40, "减免金额补贴比例"),
    ("paid-fee-base", "企业柔性引进专家的，按企业实际支付薪酬的25%给予补贴。", 25, "企业实际支付薪酬补贴比例"),
    ("arrived-funds-base", "投资额2亿元以上的，按实际到位资金的2%给予奖励。", 2, "实际到位资金奖励比例"),
    ("contract-base", "按技术合同实际交易额的8%给予补助。", 8, "技术合同实际交易额补助比例"),
    ("pronoun-dropped", "按其上年度研发投入的5%给予奖补。", 5, "上年度研发投入奖补比例"),
]


@pytest.mark.parametrize("text,value,metric", cases(RATES))
def test_rate_is_named_by_its_grant(text, value, metric):
    assert metric_of(text, value) == metric


# --- caps: 最高…万元 names the grant of the clause before ------------------------------------

CAPS = [
    ("cap-after-rate", "按实缴注册资本的1%给予落户奖励，最高不超过500万元。", 5000000, "落户奖励"),
    ("cap-plain", "按项目实际投入的25%给予资助，最高80万元。", 800000, "资助"),
    ("cap-with-subject", "按展位费的70%给予补贴，每个展会最高5万元。", 50000, "每个展会补贴"),
    ("cap-per-person", "按合同成交额的1%给予奖励，每人每年最高10万元。", 100000, "每人每年奖励"),
    ("own-measure-kept", "补助标准为每亩1200元，每亩补助标准最高为1500元。", 1500, "每亩补助标准"),
]


@pytest.mark.parametrize("text,value,metric", cases(CAPS))
def test_cap_is_on_the_grant_before_it(text, value, metric):
    assert metric_of(text, value) == metric


# --- grants: 给予N万元奖励, with a short beneficiary ----------------------------------------

GRANTS = [
    ("noun-after", "对年营业收入首次超过3亿元的物流企业，给予30万元奖励。", 300000, "奖励"),
    ("beneficiary", "对新认定的市级工业设计中心给予80万元奖励。", 800000, "新认定的市级工业设计中心奖励"),
    ("long-beneficiary-dropped", "对首次纳入限额以上统计的商贸企业，给予5万元奖励。", 50000, "奖励"),
    ("manner-before-number", "对首次入选市级瞪羚企业的，给予一次性奖励15万元。", 150000,
     "首次入选市级瞪羚企业奖励"),
    ("manner-after-number-kept", "分别给予30万元、100万元一次性奖励。", 300000, "一次性奖励"),
    ("per-unit-modifier", "按实际租用面积给予每平方米每月最高6元租金补贴。", 6, "每平方米每月租金补贴"),
    ("amount-word", "对在科创板首发上市的，分阶段给予总额不超过600万元奖励。", 6000000,
     "在科创板首发上市奖励总额"),
    ("support-noun", "经认定后给予最高3000万元建设资金支持。", 30000000, "建设资金支持"),
    ("shared-words-once", "对参与联合攻关的科研团队，另给予团队奖励20万元。", 200000, "参与联合攻关的科研团队奖励"),
]


@pytest.mark.parametrize("text,value,metric", cases(GRANTS))
def test_grant_metric(text, value, metric):
    assert metric_of(text, value) == metric


# --- thresholds: <measure>超N的<owner> ------------------------------------------------------

THRESHOLDS = [
    ("verb-governs-owner", "培育年产值超5亿元的龙头企业20家。", 500000000, "龙头企业年产值"),
    ("relative-clause-dropped", "对企业新引进的年薪50万元以上的高层次人才，给予安家补助。", 500000,
     "高层次人才年薪"),
    ("owner-after-de", "税收超过3000万元的商务楼宇达到40栋。", 30000000, "商务楼宇税收"),
    ("listed-thresholds", "对年纳税额首次突破1000万元、3000万元、5000万元的企业给予奖励。", 50000000,
     "年纳税额"),
    ("measure-owner-not-prefixed", "按照每个床位2万元的标准给予补贴。", 20000, "每个床位补贴"),
    ("change-threshold", "对上年度营业收入增长20%以上的企业给予奖励。", 20, "上年度营业收入增长"),
    ("zai-yishang", "技术改造投资额在1000万元以上的，按设备投资的10%给予补助。", 10000000,
     "技术改造投资额"),
]


@pytest.mark.parametrize("text,value,metric", cases(THRESHOLDS))
def test_threshold_metric(text, value, metric):
    assert metric_of(text, value) == metric


# --- shares: 约占全市的N% -----------------------------------------------------------------------

SHARES = [
    ("approx-share", "全区规上工业企业总数达到812家，约占全市的12%。", 12, "规上工业企业占全市的比重"),
    ("share-with-ratio-word", "民营经济增加值达到860亿元，占全区地区生产总值的比重为61.2%。", 61.2,
     "民营经济增加值占全区地区生产总值的比重"),
    ("subject-skips-growth", "金融业增加值达到98亿元，同比增长5.5%，占地区生产总值的比重为21.3%。",
     21.3, "金融业增加值占地区生产总值的比重"),
    ("share-raised-to", "新能源汽车产值同比增长18%，占全区工业产值的比重提高到35%。", 35,
     "新能源汽车产值占全区工业产值的比重"),
]


@pytest.mark.parametrize("text,value,metric", cases(SHARES))
def test_share_metric(text, value, metric):
    assert metric_of(text, value) == metric


def test_respective_growth_rates():
    text = "全县实现社会消费品零售总额210亿元、固定资产投资156亿元，分别增长6.2%和8.1%。"
    assert (metric_of(text, 6.2), metric_of(text, 8.1)) == ("社会消费品零售总额增长", "固定资产投资增长")


# --- spans: stop at the subject, never end on a modal ---------------------------------------

SPANS = [
    ("org-subject-dropped", "来自重庆大学的研究团队还在现场发布了新型储能电池等5项科研成果。", 5,
     "发布科研成果"),
    ("adverb-opens-predicate", "该校每年将选派不少于30名骨干教师到乡村学校支教。", 30, "选派骨干教师"),
    ("modal-stripped", "该基地投产后年销售收入可达50亿元。", 5000000000, "年销售收入"),
    ("hope-stripped", "项目建成后年产值有望突破12亿元。", 1200000000, "年产值"),
    ("leading-modal-stripped", "项目投产后可带动就业1500人。", 1500, "带动就业"),
    ("shixian-skipped", "2024年全县食品加工产业实现产值86.5亿元。", 8650000000, "食品加工产业产值"),
    ("wancheng-not-last", "全区固定资产投资完成320亿元。", 32000000000, "固定资产投资"),
    ("adverb-modifier-in-noun", "会上发布了18项最新成果。", 18, "发布最新成果"),
    ("money-verb-closes-noun", "两家银行将提供不低于30亿元意向授信。", 3000000000, "提供意向授信"),
    ("causative-predicate", "招聘会吸引区内外120家企业参加。", 120, "参加的企业"),
    ("not-across-comma", "园区引进企业45家，其中外资企业12家。", 12, "外资企业"),
    ("origin-is-a-modifier", "目前已有来自全国各地的320家企业报名参展。", 320, "报名参展的企业"),
    ("inner-modal-skipped", "该项目预计年可实现产值8亿元。", 800000000, "项目年产值"),
]


@pytest.mark.parametrize("text,value,metric", cases(SPANS))
def test_metric_span(text, value, metric):
    assert metric_of(text, value) == metric


# --- amounts set per unit: 按每人次300元给予培训补贴 -------------------------------------------

PER_UNIT = [
    ("per-person-time", "企业组织职工培训的，按每人次200元给予培训补贴。", 200, "每人次培训补贴"),
    ("per-mu", "按每亩150元给予一次性种植补助。", 150, "每亩种植补助"),
    ("standard-paid", "按硕士每人每月1200元的标准发放生活补贴。", 1200, "硕士每人每月生活补贴"),
    ("no-grant-after", "租金按每平方米20元收取。", 20, None),
]


@pytest.mark.parametrize("text,value,metric", cases(PER_UNIT))
def test_per_unit_amount_is_named_by_its_grant(text, value, metric):
    found = metric_of(text, value)
    assert found == metric if metric else "补" not in (found or "")

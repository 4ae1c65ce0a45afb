"""Figure error classes from the independent annotation rounds: units, signer counts, years.

Phrases are written for these tests; each table is one class of error.
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
    assert len(found) == 1, [(f.text, f.value, f.unit) for f in find_figures(text)]
    return found[0]


# --- units that were missed ------------------------------------------------------------

UNITS = [
    ("qi-sessions", "研修中心今年计划开办技能提升班12期以上", 12, "期", "over"),
    ("qi-sessions-plain", "双方已合办青年干部研修班3期", 3, "期", None),
    ("kilowatt-hour", "屋顶光伏年发电量约850千瓦时", 850, "千瓦时", "approx"),
    ("wan-kilowatt-hour", "项目建成后每年可节约用电1.6万千瓦时", 16000, "千瓦时", None),
    ("megawatt-hour-after-slash", "新建储能站容量50兆瓦/100兆瓦时", 100, "兆瓦时", None),
    ("megawatt", "风电场总装机容量120兆瓦", 120, "兆瓦", None),
    ("kilogram", "日处理餐厨垃圾3000千克", 3000, "千克", None),
    ("suo-after-deng", "区内职业院校等6所在渝高校参加了对接", 6, "所", None),
    ("jia-before-battery", "已有7家电池回收企业入驻园区", 7, "家", None),
]


@pytest.mark.parametrize("text,value,unit,qualifier", cases(UNITS))
def test_unit_is_read(text, value, unit, qualifier):
    found = figure(text, value)
    assert (found.unit, found.qualifier) == (unit, qualifier)


@pytest.mark.parametrize("text", [
    pytest.param("贷款展期3期限内还清", id="qi-term"),
    pytest.param("服务期限内5期间隔", id="qi-interval"),
    pytest.param("购置3家电等奖品", id="jia-dian-appliance"),
])
def test_unit_word_that_opens_a_word_is_no_unit(text):
    assert [f for f in find_figures(text) if f.unit in ("期", "家")] == []


def test_slash_pair_shares_the_measure():
    second = figure("新建储能站规划规模50兆瓦/100兆瓦时", 100)
    assert (second.metric, second.text) == ("新建储能站规划规模", "100兆瓦时")


# --- counts of the sides that signed: the metric is the act --------------------------------

SIGNERS = [
    ("deng-jia-signed", "农商行分别与甲科技公司、乙材料公司等12家企业签订授信协议，金额合计9亿元",
     12, "签订授信协议的企业"),
    ("deng-jia-with-partner", "工商银行、建设银行等6家银行与企业现场签订贷款合同18份", 6, "与企业签订贷款合同的银行"),
    ("deng-suo-schools", "区内3所高职院校等5所在渝院校与20家企业签署产教融合协议", 5, "签署产教融合协议的在渝院校"),
    ("reached-intent", "另有9家企业与基金公司达成投资意向", 9, "与基金公司达成投资意向的企业"),
    ("signed-together", "现场共有11家企业集中签约", 11, "签约的企业"),
    ("talks-counterparts", "招商局当天还与4家企业就冷链物流项目进行了洽谈", 4, "洽谈企业"),
    ("talks-meeting", "县政府与6家企业举行了项目洽谈会", 6, "洽谈企业"),
]


@pytest.mark.parametrize("text,value,metric", cases(SIGNERS))
def test_signer_count_is_named_by_the_act(text, value, metric):
    assert figure(text, value).metric == metric


@pytest.mark.parametrize("text,value,metric", [
    pytest.param("签约项目8个，总投资20亿元", 8, "签约项目", id="projects-are-not-signers"),
    pytest.param("新引进企业14家，同比增长10%", 14, "新引进企业", id="no-act-after"),
    pytest.param("其中3家企业表示有望年内签约", 3, "表示有望年内签约的企业", id="planned-signing-is-no-act"),
])
def test_other_counts_keep_their_metric(text, value, metric):
    assert figure(text, value).metric == metric


# --- years: which time word governs the figure ----------------------------------------------

YEARS = [
    ("year-of-one-number", "今年全镇合作社社员将由去年的600户增加到900户，入社率力争达到70%。", "2025-03-01",
     [2024, 2025, 2025]),
    ("event-date-after-yu", "该车间已于今年4月建成投产，目前日产量超过2万件。", "2025-08-01", [None]),
    ("relative-past-event", "前年在招商大会上落户的电池项目，现在月产值已达5000万元。", "2025-08-01", [None]),
    ("cutoff-keeps-the-year", "今年全县安排重点项目80个，截至目前已开工52个。", "2025-05-01", [2025, 2025]),
    ("back-reference-to-targets", "2026年全市的主要目标是：工业产值增长7%左右。围绕上述目标，全市将力争新签约项目90个以上。",
     "2026-01-10", [2026, 2026]),
    ("no-back-reference", "2026年全市工业产值增长7%左右。全市已建成5G基站1200个。", "2026-01-10", [2026, None]),
    # devset convention (its 前三季度 bulletins): a breakdown sentence does not inherit the year.
    ("breakdown-keeps-sentence-scope", "今年上半年全县实现地区生产总值200亿元。分行业看，工业增加值80亿元。",
     "2025-07-20", [2025, None]),
]


@pytest.mark.parametrize("text,published,years", cases(YEARS))
def test_governing_year(text, published, years):
    assert [f.year for f in find_figures(text, published=published)] == years


# --- changes of level: the verb of change is not the metric --------------------------------

CHANGES = [
    ("raised-to", "镇污水处理站完成提标改造，日处理规模提高到8000吨", 8000, "日处理规模"),
    ("share-raised-to", "规上工业产值占全县比重提升至65%", 65, "比重"),
    ("from-level", "全区托育机构床位数将由去年的900张扩大到1500张", 900, "托育机构床位数"),
    ("to-level", "全区托育机构床位数将由去年的900张扩大到1500张", 1500, "托育机构床位数"),
    ("grant-raised-to", "区级示范基地建设补助提高到80万元", 800000, "区级示范基地建设补助"),
]


@pytest.mark.parametrize("text,value,metric", cases(CHANGES))
def test_change_verb_is_left_out(text, value, metric):
    assert figure(text, value).metric == metric


def test_you_without_change_is_no_level():
    assert figure("组建由不少于8名教授组成的顾问团", 8).metric == "教授"


# --- a count, then the measure of the next number ---------------------------------------------

@pytest.mark.parametrize("text,value,metric", [
    pytest.param("此次签约的9个项目投资额均超过2亿元", 9, "项目", id="count-before-each"),
    pytest.param("此次签约的9个项目投资额均超过2亿元", 200000000, "投资额", id="each-amount"),
    pytest.param("6个项目投资额均在5000万元以上", 6, "项目", id="count-before-zai"),
])
def test_measure_goes_to_the_next_number(text, value, metric):
    assert figure(text, value).metric == metric


@pytest.mark.parametrize("text,qualifier", [
    pytest.param("每个团队每年最高奖励30万元", "under", id="cap-before-grant-name"),
    pytest.param("每家企业最多补贴20万元", "under", id="most-before-grant-name"),
    pytest.param("每家企业补贴20万元", None, id="no-cap"),
])
def test_cap_before_the_grant_name(text, qualifier):
    assert find_figures(text)[0].qualifier == qualifier


# --- a verb right before the number, after the subject and 每年 --------------------------------

@pytest.mark.parametrize("text,value,metric", [
    pytest.param("医学院每年选派15名住院医师到基层医院开展帮扶", 15, "选派住院医师", id="send-after-every-year"),
    pytest.param("师范学院每年输送不少于300名毕业生到园区企业就业", 300, "输送毕业生", id="verb-before-bound"),
    pytest.param("县财政每年安排5000万元专项资金", 50000000, "专项资金", id="allocation-names-the-fund"),
    pytest.param("企业每年营收8亿元", 800000000, "企业每年营收", id="measure-is-no-verb"),
    pytest.param("学校每年定向培养数控加工、汽车维修等专业学生150名", 150, "定向培养专业学生", id="verb-before-etc-list"),
])
def test_verb_before_the_number(text, value, metric):
    assert figure(text, value).metric == metric


def test_caused_act_stops_before_its_own_number():
    found = figure("园区帮助18家企业获得银行贷款6.5亿元", 18)
    assert found.metric == "获得银行贷款的企业"

"""What a money or area figure measures: project thresholds, money verbs, facilities, run-on lists.

Phrases are written for these tests; each table is one class of error seen on real
news. Metrics are compared exactly.
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


def metric_of(text: str, value) -> list[str | None]:
    """The metrics of the figures of ``text`` with ``value``."""
    return [f.metric for f in find_figures(text, published="2025-06-01") if f.value == value]


# --- a money bound that sorts projects measures their investment ------------------------

THRESHOLDS = [
    ("over-with-verb", "本批项目中，投资20亿元以上项目3个。", 2000000000, ["项目投资"]),
    ("over-no-verb", "本批项目中，投资20亿元以上项目3个，5亿元以上项目9个。", 500000000, ["项目投资"]),
    ("range-upper", "本批项目中，2亿元以上20亿元以下项目7个。", 2000000000, ["项目投资"]),
    ("own-noun-kept", "其中投资额10亿元以上项目4个。", 1000000000, ["项目投资额"]),
    ("count-after-threshold", "本批项目中，投资20亿元以上项目3个。", 3, ["项目"]),
]


@pytest.mark.parametrize("text, value, expected", cases(THRESHOLDS))
def test_project_threshold(text, value, expected):
    assert metric_of(text, value) == expected


# --- verbs standing for contracted money -------------------------------------------------

MONEY_VERBS = [
    ("raked-in", "该园区当天签约项目5个，揽金32.6亿元。", 3260000000, ["签约金额"]),
    ("plain-amount-kept", "该园区当天签约项目5个，总投资32.6亿元。", 3260000000, ["总投资"]),
]


@pytest.mark.parametrize("text, value, expected", cases(MONEY_VERBS))
def test_money_verb(text, value, expected):
    assert metric_of(text, value) == expected


# --- an area measures the facility after 的 ---------------------------------------------

AREAS = [
    ("second-of-list", "建成6万平方米孵化大楼和3万平方米的人才公寓。", 30000, ["人才公寓面积"]),
    ("own-noun-kept", "建成6万平方米的孵化大楼。", 60000, ["建成孵化大楼"]),
    ("count-untouched", "新建3栋人才公寓。", 3, ["新建人才公寓"]),
]


@pytest.mark.parametrize("text, value, expected", cases(AREAS))
def test_facility_area(text, value, expected):
    assert metric_of(text, value) == expected


# --- a run-on list without punctuation -------------------------------------------------

RUN_ON = "全年签约项目88个，实现协议金额210.4亿元到位资金52.3亿元开工项目41个。"
RUN_ONS = [
    ("first-money", RUN_ON, 21040000000, ["协议金额"]),
    ("middle-money", RUN_ON, 5230000000, ["到位资金"]),
    ("last-count", RUN_ON, 41, ["开工项目"]),
]


@pytest.mark.parametrize("text, value, expected", cases(RUN_ONS))
def test_run_on_list(text, value, expected):
    assert metric_of(text, value) == expected


def test_run_on_span_stops_at_number():
    middle = [f for f in find_figures(RUN_ON) if f.value == 5230000000][0]
    assert middle.text.endswith("52.3亿元")


# --- a change after a share is a change of the amount -----------------------------------

SHARE_CHANGES = [
    ("decline-after-share", "前三季度技改投资6400万元，占工业投资的9.1%，同比下降12.7%。", 12.7, ["技改投资同比下降"]),
    ("share-itself-kept", "前三季度技改投资6400万元，占工业投资的9.1%，同比下降12.7%。", 9.1,
     ["技改投资占工业投资的比重"]),
]


@pytest.mark.parametrize("text, value, expected", cases(SHARE_CHANGES))
def test_change_after_share(text, value, expected):
    assert metric_of(text, value) == expected


# --- a count without a metric: the total a breakdown opens, the projects past a threshold ----

COUNTS = [
    ("total-before-breakdown", "31个签约项目中，制造业项目22个。", 31, ["签约项目"]),
    ("projects-past-threshold", "本次签约项目中，20亿元以上项目有14个，占比40%。", 14, ["20亿元以上项目"]),
    ("breakdown-item-kept", "31个签约项目中，制造业项目22个。", 22, ["制造业项目"]),
]


@pytest.mark.parametrize("text, value, expected", cases(COUNTS))
def test_count_without_metric(text, value, expected):
    assert metric_of(text, value) == expected


# --- an adverb closing a metric ---------------------------------------------------------

ADVERBS = [
    ("geng-shi", "投资到位率更是高达156.2%。", 156.2, ["投资到位率"]),
    ("ze", "签约率则达92%。", 92, ["签约率"]),
]


@pytest.mark.parametrize("text, value, expected", cases(ADVERBS))
def test_trailing_adverb(text, value, expected):
    assert metric_of(text, value) == expected


# --- units of transformer capacity ------------------------------------------------------

def test_kilovolt_ampere_unit():
    found = find_figures("变电设备累计实现1320.6万千伏安。")
    assert [(f.value, f.unit) for f in found] == [(13206000, "千伏安")]


# --- grades of investment and shares in tenths ----------------------------------------

GRADES = [
    ("grade-amount", "其中，30亿元级项目6个、10亿元级项目19个。", 3000000000, ["项目投资"]),
    ("grade-count", "其中，30亿元级项目6个、10亿元级项目19个。", 19, ["10亿元级项目"]),
    ("tenths-share", "工业类合同额186亿元，占全区总量的6成以上。", 6, ["工业类合同额占全区总量的比重"]),
]


@pytest.mark.parametrize("text, value, expected", cases(GRADES))
def test_grades_and_tenths(text, value, expected):
    assert metric_of(text, value) == expected


TENTHS_NOT_FIGURES = [
    ("member-units", "新增15成员单位。"),
    ("deal-amount", "本月2成交额回升。"),
]


@pytest.mark.parametrize("text", cases(TENTHS_NOT_FIGURES))
def test_cheng_in_a_word(text):
    assert [f.unit for f in find_figures(text)] == []


# --- an agent before 以 owns its means and its result ----------------------------------

MEANS = [
    ("means-count", "文旅专班以16个签约项目实现合同额9.8亿元。", 16, ["文旅专班签约项目"]),
    ("result-money", "文旅专班以16个签约项目实现合同额9.8亿元。", 980000000, ["文旅专班合同额"]),
    ("driven-result", "该镇以4个示范基地带动产值3.2亿元。", 320000000, ["该镇带动产值"]),
]


@pytest.mark.parametrize("text, value, expected", cases(MEANS))
def test_agent_by_means(text, value, expected):
    assert metric_of(text, value) == expected


# --- words that modify a counted noun like adjectives ----------------------------------

MODIFIERS = [
    ("independent", "该企业拥有3个独立研发平台。", 3, ["独立研发平台"]),
    ("shared", "园区建成4个共享实验室。", 4, ["建成共享实验室"]),
]


@pytest.mark.parametrize("text, value, expected", cases(MODIFIERS))
def test_modifier_before_noun(text, value, expected):
    assert metric_of(text, value) == expected


# --- a modifier that only says "of all kinds" opening a metric --------------------------

FILLERS = [
    ("big-and-small", "全镇现有大小公园26个。", 26, ["公园"]),
    ("all-kinds-opening", "各类市场主体新增1800户。", 1800, ["市场主体新增"]),
    ("inside-kept", "为企业兑现各类奖补资金3200万元。", 32000000, ["企业兑现各类奖补资金"]),
]


@pytest.mark.parametrize("text, value, expected", cases(FILLERS))
def test_filler_modifier(text, value, expected):
    assert metric_of(text, value) == expected

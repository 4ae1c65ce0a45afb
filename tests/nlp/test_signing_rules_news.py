"""nlp/signing_rules.py: the sentence rules added for how local news words a
signing — mentions of the ceremony, targets, sides that sign after a
ceremony, listing and whole-batch detail sentences, counts in later clauses
and money that is not the total."""
from __future__ import annotations

import pytest

from nlp import signing_amounts as amounts
from nlp import signing_rules as rules


def acts(sentence: str) -> list[int]:
    return rules.acts(sentence, rules.triggers(sentence))


@pytest.mark.parametrize("sentence", [
    pytest.param("签约仪式后，重庆大学北碚研究院同时揭牌。", id="after-the-ceremony"),
    pytest.param("签约仪式前，双方进行了座谈。", id="before-the-ceremony"),
    pytest.param("从首次接洽到正式签约只用了不到两个月。", id="from-contact-to-signing"),
    pytest.param("2024年，力争全区新签约商贸服务业项目不少于60个。", id="target"),
    pytest.param("全年目标是新签约项目100个以上。", id="target-is"),
    pytest.param("签约只是第一步，关键在于落地。", id="only-a-step"),
    pytest.param("本次大会设置开幕式、项目签约等环节。", id="agenda"),
    pytest.param("去年签约的长城汽车零部件项目已正式投产。", id="signed-project-now-producing"),
])
def test_not_acts(sentence):
    assert acts(sentence) == []


@pytest.mark.parametrize("sentence", [
    pytest.param("为确保项目顺利推进，双方签署了补充协议。", id="ensure-before-the-act"),
    pytest.param("今年以来已签约项目30个，力争全年签约项目100个。", id="fact-before-target"),
])
def test_acts_beside_plan_words(sentence):
    assert len(acts(sentence)) == 1


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("双方签署了战略合作协议。", True, id="sides-sign"),
    pytest.param("仪式上，双方正式签署合作协议。", True, id="at-the-ceremony-sides-sign"),
    pytest.param("三方共同签署了合作备忘录。", True, id="three-sides"),
    pytest.param("双方将在人才培养等方面深化合作。", False, id="sides-plan"),
])
def test_opens_with_sides(sentence, expected):
    assert rules.opens_with_sides(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("签约企业包括重庆天驰电子有限公司等。", True, id="signed-companies-include"),
    pytest.param("分别是A公司的电子项目、B公司的试剂项目。", True, id="namely"),
    pytest.param("签约项目涵盖智能制造、生物医药等领域。", True, id="signed-projects-cover"),
    pytest.param("区领导与企业代表座谈。", False, id="no-list"),
])
def test_lists_signed(sentence, expected):
    assert rules.lists_signed(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("此次签约项目总投资35亿元。", True, id="this-signing"),
    pytest.param("此次集中签约的项目涵盖多个领域。", True, id="this-batch-signing"),
    pytest.param("其中，智能传感器项目投资3亿元。", False, id="one-of-them"),
])
def test_explicit_anaphor_is_the_whole_batch(sentence, expected):
    assert rules.is_explicit_anaphor(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("该项目总投资3亿元。", True, id="this-project"),
    pytest.param("项目计划总投资8亿元，用地约210亩。", True, id="project-total"),
    pytest.param("区领导出席活动。", False, id="unrelated"),
])
def test_is_detail(sentence, expected):
    assert rules.is_detail(sentence) is expected


@pytest.mark.parametrize("sentence, count", [
    pytest.param("北碚区举行集中签约仪式，15个项目总投资52亿元。", 15, id="n-projects-total"),
    pytest.param("北碚区举行集中签约仪式，投资额不等，共计15个项目。", 15, id="in-all"),
    pytest.param("北碚区与重庆银行签署协议，将支持5家企业上市。", None, id="later-clause-not-about-the-signing"),
])
def test_count_in_a_later_clause(sentence, count):
    assert amounts.count(sentence, sentence.index("签")) == count


@pytest.mark.parametrize("sentence, value", [
    pytest.param("签约的8个项目预计年产值50亿元。", None, id="output"),
    pytest.param("项目达产后年营收10亿元，签约金额3亿元。", 300_000_000, id="revenue-then-value"),
    pytest.param("签订投资协议，一期投资1亿元，二期投资2亿元。", None, id="phases"),
    pytest.param("12个项目签约，其中最大项目投资20亿元。", None, id="largest"),
    pytest.param("12个项目签约，其中工业项目8个、投资45亿元。", None, id="part"),
    pytest.param("12个项目签约，总投资56亿元，其中工业项目投资45亿元。", 5_600_000_000, id="total-and-part"),
])
def test_amount_is_never_output_phase_or_part(sentence, value):
    assert (amounts.amount(sentence) or {}).get("value") == value


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("学校与北碚区2021年签订的校地合作协议，目前已转化成果32项。", [], id="relative-past-signing"),
    pytest.param("去年签约的17个项目中，已有11个项目开工。", [], id="relative-last-years-projects"),
    pytest.param("今年以来新签约的项目达42个。", [5], id="cumulative-relative-reports"),
    pytest.param("园区已签约的企业达30家。", [3], id="perfect-relative-reports"),
    pytest.param("签约当天，双方还进行了座谈。", [], id="signing-day"),
])
def test_relative_clauses_and_signing_day_are_no_acts(sentence, expected):
    assert rules.acts(sentence, rules.triggers(sentence)) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("第四条 项目签订合同后须报备。", [], id="article"),
    pytest.param("第一条 本办法适用于县政府与投资方签订的招商引资项目合同。", [], id="article-scope"),
])
def test_articles_of_a_regulation_report_nothing(sentence, expected):
    assert rules.triggers(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("其中，甲公司与乙公司签订的项目总投资12亿元。", [10], id="detail-names-sides"),
    pytest.param("这是该区今年签署的第4份协议。", [], id="restatement-names-none"),
])
def test_relatives(sentence, expected):
    assert rules.relatives(sentence, rules.triggers(sentence)) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("签约双方为甲大学与乙公司，合同金额3800万元。", True, id="sides-are"),
    pytest.param("签约各方分别为区政府、甲公司和乙银行。", True, id="sides-are-respectively"),
])
def test_naming_the_sides_lists_them(sentence, expected):
    assert rules.lists_signed(sentence) is expected


@pytest.mark.parametrize("sentence", [
    pytest.param("协议签订后，双方将加快页岩气开发。", id="instrument-then-verb-after"),
    pytest.param("合同签署之日起，项目进入建设期。", id="from-the-day-signed"),
])
def test_signed_after_is_a_condition(sentence):
    assert rules.triggers(sentence) == []

"""nlp/signing_rules.py and nlp/signing_amounts.py: plans told with a future
time or an agreement to sign later, signers who act on behalf of the sides,
detail sentences about the agreements, and counts of the agreements
themselves. One table per phenomenon; the phrases are made up."""
from __future__ import annotations

import pytest

from nlp import signing_amounts as amounts
from nlp import signing_rules as rules


def acts(sentence: str) -> list[int]:
    return rules.acts(sentence, rules.triggers(sentence))


# ---------------------------------------------------------------- plans

@pytest.mark.parametrize("sentence", [
    pytest.param("区商务委还透露，明年将与中国科学院重庆绿色智能技术研究院签订成果转化合作协议。",
                 id="next-year-will-sign-with"),
    pytest.param("双方还商定，明年一季度再签署人才联合培养专项协议。", id="agreed-to-sign-again"),
    pytest.param("双方约定，年底前再签订一份补充协议。", id="agreed-before-year-end"),
    pytest.param("区经济信息委表示，下一步将与8家链主企业签订配套协议。", id="next-step"),
    pytest.param("学校计划与重庆长安汽车股份有限公司及其下属的三家零部件企业签订实习基地协议。",
                 id="plans-with-a-long-name"),
    pytest.param("部分意向项目下个月集中签约。", id="next-month"),
    pytest.param("届时，双方将正式签署投资协议。", id="by-then"),
])
def test_plans_are_no_acts(sentence):
    assert acts(sentence) == []


@pytest.mark.parametrize("sentence", [
    pytest.param("按照约定，双方于4月3日签署了补充协议。", id="as-agreed-before"),
    pytest.param("根据双方约定，甲公司与乙公司签署了补充协议。", id="by-the-sides-agreement"),
    pytest.param("经双方商定，两家单位已签订框架协议。", id="agreed-and-done"),
    pytest.param("重庆未来智造科技有限公司与区政府签订了投资协议。", id="future-in-a-name"),
    pytest.param("重庆再生资源集团有限公司与区城管局签订了回收合作协议。", id="again-in-a-name"),
    pytest.param("双方再次签署战略合作协议，合作期限延长至五年。", id="signed-once-more"),
])
def test_reports_beside_future_words(sentence):
    assert len(acts(sentence)) == 1


# ---------------------------------------------------------------- on behalf of the sides

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("副县长刘红与西南大学科技处负责人代表双方签约。", True, id="sign-for-both"),
    pytest.param("区政府副区长王磊与建设银行重庆市分行副行长陈力代表双方签署协议。", True, id="sign-the-agreement"),
    pytest.param("两位负责人分别代表校地双方签订了合作协议。", True, id="school-and-place"),
    pytest.param("三家单位负责人代表各方现场签署合作备忘录。", True, id="all-sides"),
    pytest.param("副区长王磊代表区政府与重庆大学签署合作协议。", False, id="one-side-signs-with-the-other"),
    pytest.param("双方签署了战略合作协议。", False, id="the-sides-themselves"),
])
def test_signs_on_behalf(sentence, expected):
    assert rules.signs_on_behalf(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("县委书记黄华出席签约仪式，副县长杨丹与西南大学副校长张卫签署协议。", True, id="deputy-and-vice-president"),
    pytest.param("区长余勇与华润电力控股有限公司总经理陈新签署项目投资协议。", True, id="head-and-manager"),
    pytest.param("区长余勇与12家企业负责人现场签约，签约金额36亿元。", False, id="a-batch-with-its-amount"),
    pytest.param("北碚区人民政府与重庆大学签署战略合作协议。", False, id="bodies-sign"),
])
def test_signed_by_people(sentence, expected):
    assert rules.signed_by_people(sentence) is expected


# ---------------------------------------------------------------- other occasions and sites

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("此前一天，区教委已与重庆城市职业学院签署合作备忘录。", True, id="the-day-before"),
    pytest.param("前一天，双方已签订框架协议。", True, id="day-before-bare"),
    pytest.param("第二天，园区与三家企业签订入驻协议。", True, id="the-day-after"),
    pytest.param("现场，两家银行与9家企业签订融资协议。", False, id="on-site-is-the-same-day"),
])
def test_new_occasions(sentence, expected):
    assert rules.is_new_occasion(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("除框架协议外，甲学院与乙管委会签订了共建协议。", True, id="besides-the-framework"),
    pytest.param("除此之外，区规划局与设计院签订了服务协议。", True, id="besides-this"),
    pytest.param("同时，区人力社保局与重庆工商大学签订了见习协议。", True, id="at-the-same-time"),
    pytest.param("区领导与企业代表进行了座谈。", False, id="no-site-word"),
])
def test_on_site_besides(sentence, expected):
    assert rules.is_on_site(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("两份协议涉及金溪风电场项目和濯水储能电站项目，总投资38亿元。", True, id="two-agreements-cover"),
    pytest.param("3份合同总金额5.6亿元。", True, id="three-contracts"),
    pytest.param("协议总投资12亿元，分两期建设。", True, id="agreement-total"),
    pytest.param("两家企业都是行业龙头。", False, id="two-companies"),
])
def test_agreement_details(sentence, expected):
    assert rules.is_detail(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("仪式上共签署3份合作协议。", True, id="at-the-ceremony"),
    pytest.param("活动中共签署合作协议5份。", True, id="during-the-event"),
    pytest.param("会议中心位于城区东部。", False, id="a-building"),
])
def test_at_the_ceremony(sentence, expected):
    assert rules.at_the_ceremony(sentence) is expected


@pytest.mark.parametrize("sentence, one, batch", [
    pytest.param("该项目总投资20亿元，将建设两条生产线。", True, False, id="this-project"),
    pytest.param("项目计划总投资8亿元。", True, False, id="the-project-plans"),
    pytest.param("4月2日，綦江区重大项目集中签约仪式举行。", False, True, id="batch-ceremony"),
    pytest.param("3月16日，黔江区人民政府与华润电力控股有限公司新能源项目投资协议签约仪式举行。", False, False,
                 id="one-agreement-ceremony"),
])
def test_one_project_and_batches(sentence, one, batch):
    assert (rules.one_project(sentence), rules.names_a_batch(sentence)) == (one, batch)


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("根据协议，华润电力将投资38亿元建设风电场。", True, id="by-the-agreement"),
    pytest.param("按照协议约定，该行将提供融资支持。", True, id="as-the-agreement-says"),
    pytest.param("根据规划，园区将新增产能。", False, id="by-a-plan"),
])
def test_states_terms(sentence, expected):
    assert rules.states_terms(sentence) is expected


# ---------------------------------------------------------------- counts of agreements

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("8所院校与长城汽车等31家企业现场签订校企合作协议42份，内容涵盖订单培养。", 42,
                 id="agreements-after-the-instrument"),
    pytest.param("区政府与5家企业签署了3份合作协议。", 3, id="agreements-before-the-instrument"),
    pytest.param("与会企业共签订购销合同二十份。", 20, id="chinese-numeral"),
    pytest.param("现场签约项目7个，签约金额35.2亿元。", 7, id="projects-without-agreements"),
    pytest.param("仪式上共签署3份合作协议。", 3, id="at-the-ceremony"),
    pytest.param("双方签订框架协议1份、专项协议4份。", 5, id="agreements-by-kind-add-up"),
])
def test_count_of_agreements(sentence, expected):
    trigger = rules.triggers(sentence)[0]
    assert amounts.count(sentence, trigger) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("两份协议涉及金溪风电场项目和濯水储能电站项目，总投资38亿元。", 2, id="two-agreements"),
    pytest.param("签约项目12个，总投资80亿元。", 12, id="signed-projects"),
    pytest.param("两个项目计划总投资20亿元。", 2, id="two-projects-total"),
])
def test_signed_count_in_details(sentence, expected):
    assert amounts.signed_count(sentence) == expected

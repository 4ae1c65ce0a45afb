"""nlp.organizations: error classes found on independently annotated documents.

Each table pins one class: names whose words are joined by 与, level suffixes
after common words, full and abbreviated department names of one body,
attached schools' short forms, a bare 管委会 standing for the document's zone
committee, the document's place when a county short form is also a common word,
generic references, and the type endings of party branches, 纪委监委 and
clinical-trial institutions.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, tuple[str, set[str]]]:
    return {o.name: (o.type, set(o.aliases)) for o in find_organizations(text)}


@pytest.mark.parametrize("text, name", [
    pytest.param("该研究院下属的智能传感与控制研究中心负责技术攻关。", "智能传感与控制研究中心",
                 id="centre-after-de"),
    pytest.param("由该所下属的先进材料与工艺重点实验室承担。", "先进材料与工艺重点实验室",
                 id="lab-after-de"),
    pytest.param("合肥市政府与中国科学院合肥物质科学研究院签署协议。", "中国科学院合肥物质科学研究院",
                 id="institute-not-joined-to-government"),
])
def test_names_joined_by_yu_are_kept_whole(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("多尺度材料重点实验室是该校的核心科研平台。", "多尺度材料重点实验室", id="duo-opening"),
])
def test_a_name_may_open_with_duo(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("执行中的重大事项报区委研究决定。", "重大事项报区委", id="report-to-district-committee"),
    pytest.param("调查结果报市委审定后公布。", "调查结果报市委", id="report-to-city-committee"),
])
def test_a_level_suffix_after_a_common_word_stands_alone(text, unexpected):
    found = orgs(text)
    assert unexpected not in found
    assert any(name.endswith(unexpected[-2:]) for name in found)


@pytest.mark.parametrize("text, name, short", [
    pytest.param("北碚区教育委员会召开会议。会上，区教委负责人介绍了情况。", "北碚区教育委员会", "区教委",
                 id="education-commission"),
    pytest.param("成都高新技术产业开发区管理委员会发布政策。成都高新区管委会表示将加大支持。",
                 "成都高新技术产业开发区管理委员会", "成都高新区管委会", id="hightech-zone-committee"),
    pytest.param("四川省科学技术厅有关负责人表示，四川省科技厅将给予支持。", "四川省科学技术厅", "四川省科技厅",
                 id="science-department"),
    pytest.param("九龙坡区工商业联合会组织活动。九龙坡区工商联负责人说。", "九龙坡区工商业联合会", "九龙坡区工商联",
                 id="federation-of-commerce"),
])
def test_full_and_abbreviated_department_names_are_one_body(text, name, short):
    found = orgs(text)
    assert name in found and short in found[name][1]
    assert short not in found


@pytest.mark.parametrize("text, name, short", [
    pytest.param("西南大学附属中学与歇马中学结对。西大附中将派驻教师。", "西南大学附属中学", "西大附中",
                 id="attached-middle-school"),
    pytest.param("西南大学附属小学与静观小学结对。西大附小将开放课程。", "西南大学附属小学", "西大附小",
                 id="attached-primary-school"),
    pytest.param("重庆医科大学附属第一医院牵头组建医联体，重医附一院将派出专家。", "重庆医科大学附属第一医院",
                 "重医附一院", id="attached-hospital"),
])
def test_attached_bodies_take_their_parents_short_form(text, name, short):
    found = orgs(text)
    assert name in found and short in found[name][1]
    assert short not in found


@pytest.mark.parametrize("text, name", [
    pytest.param("华中科技大学与武汉东湖新技术开发区管理委员会签署协议。东湖高新区党工委书记、管委会主任出席。",
                 "武汉东湖新技术开发区管理委员会", id="zone-committee"),
])
def test_a_bare_committee_is_the_documents_only_committee(text, name):
    found = orgs(text)
    assert "管委会" in found[name][1]
    assert "管委会" not in found


@pytest.mark.parametrize("text, name", [
    pytest.param("武汉东湖高新区光电企业增多。东湖高新区管委会称，东湖科学城正在建设。省科技厅将给予支持。"
                 "武汉光电产业营收增长。", "湖北省科技厅", id="wuhan-not-nanchang"),
])
def test_a_county_short_form_of_another_city_does_not_set_the_place(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("协会负责组织区内孵化器开展绩效互评。", "区内孵化器", id="district-incubators"),
    pytest.param("此次培训覆盖区内中小学教师1200人次。", "区内中小学", id="district-schools"),
    pytest.param("12家基层商会和行业协会的会员企业参加。", "行业协会", id="trade-associations"),
    pytest.param("重庆文理学院与区内企业共建产业学院。", "产业学院", id="industry-college"),
    pytest.param("去年向上级医院转诊患者4300人。", "上级医院", id="higher-level-hospital"),
    pytest.param("各街道办事处、镇人民政府，区政府各部门：", "镇人民政府", id="town-governments-addressed"),
])
def test_generic_references_are_not_bodies(text, unexpected):
    assert unexpected not in orgs(text)


@pytest.mark.parametrize("text, name, kind", [
    pytest.param("活动中，华数机器人党支部书记介绍了经验。", "华数机器人党支部", "party", id="party-branch-in-title"),
    pytest.param("九龙坡区纪委监委发布监督措施。", "九龙坡区纪委监委", "party", id="discipline-commission"),
    pytest.param("巴南区人民医院药物临床试验机构承接临床试验项目17个。", "巴南区人民医院药物临床试验机构",
                 "hospital", id="clinical-trial-institution"),
    pytest.param("苏州工业园区服务外包职业学院开设订单班。", "苏州工业园区服务外包职业学院", "university",
                 id="outsourcing-college"),
])
def test_type_endings(text, name, kind):
    found = orgs(text)
    assert name in found and found[name][0] == kind


@pytest.mark.parametrize("text, name, alias", [
    pytest.param("新加坡丰益国际有限公司意向投资1.2亿美元建设粮油加工项目。", "新加坡丰益国际有限公司",
                 "丰益国际有限公司", id="singapore-company"),
    pytest.param("德国博世集团与该区签约。", "德国博世集团", "博世集团", id="german-group"),
])
def test_a_foreign_companys_name_without_its_country_is_an_alias(text, name, alias):
    found = orgs(text)
    assert name in found and alias in found[name][1]


@pytest.mark.parametrize("text, name", [
    pytest.param("管委会与重庆中天电子科技有限公司等6家企业签订投资协议。", "重庆中天电子科技有限公司",
                 id="trade-name-cut-into-characters"),
])
def test_a_trade_name_cut_into_characters_stays_in_the_company_name(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("该集团将在两江新区投资建设智慧物流产业园，项目总投资3亿美元。", "智慧物流产业园",
                 id="planned-park-with-zhihui"),
    pytest.param("另据沙坪坝区科技局统计，全区新增企业120家。", "另据沙坪坝区科技局", id="lingju-opens-clause"),
    pytest.param("3月28日，签约活动在垫江高新技术产业开发区举行。垫江高新技术产业开发区管理委员会与企业签约。",
                 "垫江高新技术产业开发区", id="zone-located-and-nested-in-committee"),
])
def test_not_bodies_or_not_their_boundaries(text, unexpected):
    assert unexpected not in orgs(text)


_NOTICE = ("渝科发〔2024〕31号\n\n各区县科技局，两江新区、西部科学城重庆高新区、万盛经开区经济发展局：\n"
           "为推动企业创新，市科技局制定了有关办法。重庆大学负责评估。\n")
_COUNTY_NOTICE = ("巫溪府办发〔2024〕5号\n\n各乡镇人民政府、街道办事处，县政府各部门，有关单位：\n"
                  "现将方案印发给你们，巫溪县的企业可申报。\n")


@pytest.mark.parametrize("text, unexpected", [
    pytest.param(_NOTICE, "万盛经开区经济发展局", id="zone-bureau-addressed"),
    pytest.param(_NOTICE, "西部科学城重庆高新区", id="zone-addressed"),
])
def test_bodies_only_in_the_addressee_line_are_not_actors(text, unexpected):
    assert unexpected not in orgs(text)


def test_the_issuing_governments_own_elliptical_name_still_counts():
    found = orgs(_COUNTY_NOTICE)
    assert any(name.endswith("县政府") for name in found)

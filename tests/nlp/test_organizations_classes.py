"""nlp.organizations: error classes from an independently annotated round of district news.

Each table pins one class: a visit verb glued to the company it visits,
trade names that open on a one-character province, parks and institutes named
only by an industry or a plan, fields listed before 等企业, short forms of a
body named in full (经开区管委会, 机械学院), names holding 和/与 or a place
inside them, zones named by a short place, a trade name listed beside a
company, and the type of public service centres.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, tuple[str, list[str]]]:
    return {o.name: (o.type, list(o.aliases)) for o in find_organizations(text)}


@pytest.mark.parametrize("text, name", [
    pytest.param("调研组一行随后来到重庆华曜光电科技有限公司调研。", "重庆华曜光电科技有限公司",
                 id="laidao"),
    pytest.param("代表们先后走访重庆恒钰精密机械有限公司、重庆川维化工有限公司。",
                 "重庆恒钰精密机械有限公司", id="zoufang"),
    pytest.param("调研组实地察看重庆宏图新材料科技有限公司生产线。", "重庆宏图新材料科技有限公司",
                 id="chakan"),
])
def test_a_visit_verb_does_not_open_a_company_name(text, name):
    found = orgs(text)
    assert name in found
    assert not any(other.endswith(name) and other != name for other in found)


@pytest.mark.parametrize("text, name", [
    pytest.param("渝丰化工（四川）有限公司与园区签约。", "渝丰化工（四川）有限公司", id="yu-bracketed-province"),
    pytest.param("项目方与渝泰建材（贵州）有限公司签约。", "渝泰建材（贵州）有限公司", id="yu-after-yu"),
])
def test_a_province_character_opens_a_trade_name(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("会上，重庆市贸促会与港方商会签署合作备忘录。", "重庆市贸促会", id="maocuhui"),
    pytest.param("成都市软件行业协会秘书长作了发言。", "成都市软件行业协会", id="industry-association"),
    pytest.param("广州市重庆商会会长介绍了会员企业情况。", "广州市重庆商会", id="chamber-named-after-place"),
])
def test_associations(text, name):
    assert orgs(text).get(name, ("",))[0] == "association"


@pytest.mark.parametrize("text, name", [
    pytest.param("据国家统计局涪陵调查队测算，全区居民收入稳步增长。", "国家统计局涪陵调查队",
                 id="survey-team-short-place"),
    pytest.param("东莞市工业和信息化局有关负责人表示将加强对接。", "东莞市工业和信息化局",
                 id="industry-and-information"),
    pytest.param("佛山市教育和体育局与学校签订协议。", "佛山市教育和体育局", id="education-and-sports"),
    pytest.param("会上，云南省经济合作局介绍了招商政策。", "云南省经济合作局", id="economic-cooperation"),
    pytest.param("重庆市人民政府口岸和物流办公室与企业座谈。", "重庆市人民政府口岸和物流办公室",
                 id="port-and-logistics"),
])
def test_government_names_with_a_place_or_he_inside(text, name):
    assert orgs(text).get(name, ("",))[0] == "government"


@pytest.mark.parametrize("text, name, kind", [
    pytest.param("南京大学能源学院、物理与材料学部共同承办论坛。", "物理与材料学部", "university",
                 id="faculty-with-yu"),
    pytest.param("四川大学科学技术发展研究院负责项目管理。", "四川大学科学技术发展研究院", "university",
                 id="university-research-office"),
    pytest.param("会上，常州市产业技术研究院介绍了孵化成果。", "常州市产业技术研究院", "institute",
                 id="city-industry-institute"),
])
def test_parts_and_institutes(text, name, kind):
    assert orgs(text).get(name, ("",))[0] == kind


@pytest.mark.parametrize("text, name", [
    pytest.param("2024年，荣昌高新区新增规上工业企业21家。", "荣昌高新区", id="short-place-hitech-zone"),
    pytest.param("涪陵工业园区是全区制造业的主阵地。", "涪陵工业园区", id="short-place-industrial-park"),
])
def test_a_zone_named_by_a_short_place_is_a_platform(text, name):
    assert orgs(text).get(name, ("",))[0] == "platform"


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("这里有物流产业园，也有高校资源。", "物流产业园", id="existential-park"),
    pytest.param("该区将在其人工智能产业园预留孵化空间。", "人工智能产业园", id="possessive-located-park"),
    pytest.param("研发团队驻厂攻关，解决了三项工艺难题。", "团队驻厂", id="zhuchang"),
    pytest.param("园区污水处理厂完成提标改造。", "园区污水处理厂", id="sewage-plant"),
    pytest.param("两地共建先进制造研究院的筹建工作已经启动。", "先进制造研究院", id="being-prepared"),
    pytest.param("涪陵高新区智慧园区平台正式上线。", "涪陵高新区智慧园区", id="software-platform"),
])
def test_generic_or_unborn_units_are_not_bodies(text, unexpected):
    assert unexpected not in orgs(text)


@pytest.mark.parametrize("text", [
    pytest.param("两家单位将联合申报重庆市重点实验室。", id="shenbao"),
    pytest.param("公司荣获重庆市智能工厂称号。", id="ronghuo"),
])
def test_an_application_verb_does_not_open_a_name(text):
    assert not any(name.startswith(("申报", "荣获")) for name in orgs(text))


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("学院将围绕废旧电池梯次利用、工业机器人远程诊断等企业关心的问题开展攻关。",
                 "废旧电池梯次利用", id="tasks-before-dengqiye"),
    pytest.param("支持职业院校与低空经济、数字文创等领域企业共建实训基地。", "数字文创",
                 id="fields-before-lingyu"),
])
def test_fields_listed_before_a_list_noun_are_not_companies(text, unexpected):
    assert unexpected not in orgs(text)


def test_brand_names_before_a_list_noun_are_still_companies():
    found = orgs("区内聚集了赛力斯、京东方等企业。")
    assert {"赛力斯", "京东方"} <= set(found)


@pytest.mark.parametrize("text, name, alias", [
    pytest.param("重庆涪陵高新技术产业开发区管理委员会与企业签约。会后，涪陵高新区管委会负责人表示将做好服务。",
                 "重庆涪陵高新技术产业开发区管理委员会", "涪陵高新区管委会", id="zone-office"),
    pytest.param("武汉大学电子信息与通信学院与企业签约。电子学院将每年派出研究生。",
                 "武汉大学电子信息与通信学院", "电子学院", id="school-first-word"),
])
def test_a_short_form_of_a_named_body_is_an_alias(text, name, alias):
    found = orgs(text)
    assert alias in found.get(name, ("", []))[1]
    assert alias not in found


@pytest.mark.parametrize("text, name", [
    pytest.param("园区与重庆海德机电有限公司、新宇电子签署战略合作协议。", "新宇电子", id="after-company"),
    pytest.param("该院与重庆华森制药股份有限公司、康恒药业签订合作协议。", "康恒药业", id="pharma"),
])
def test_a_trade_name_listed_beside_a_company_is_a_company(text, name):
    assert orgs(text).get(name, ("",))[0] == "company"


@pytest.mark.parametrize("text", [
    pytest.param("园区与重庆海德机电有限公司、智能制造企业代表座谈。", id="generic-after-company"),
    pytest.param("重庆海德机电有限公司、汽车电子等企业参加。", id="industry-after-company"),
])
def test_an_industry_listed_beside_a_company_is_no_company(text):
    assert set(orgs(text)) == {"重庆海德机电有限公司"}


@pytest.mark.parametrize("text, name, kind", [
    pytest.param("北碚区投资促进服务中心作了产业推介。", "北碚区投资促进服务中心", "government",
                 id="investment-promotion"),
    pytest.param("江北区科技创新服务中心揭牌，首批入驻企业12家。", "江北区科技创新服务中心", "platform",
                 id="innovation-service-centre"),
    pytest.param("南岸区科技创业服务中心孵化企业30余家。", "南岸区科技创业服务中心", "platform",
                 id="startup-service-centre"),
])
def test_service_centre_types(text, name, kind):
    assert orgs(text).get(name, ("",))[0] == kind

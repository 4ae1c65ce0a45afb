"""Organisation classes found wanting on real public news, second part: parks,
zones and projects. Names inside listed projects and investment scenes, zones
named only as areas, places or goals, descriptions of what a project will
become, and platforms listed by kind.

Made-up sentences in the style of local news (nlp/orgprojects.py,
nlp/orglocations.py, nlp/orgfilters.py and config/dictionaries/list_nouns.txt).
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str, region: str | None = None) -> dict[str, object]:
    return {org.name: org for org in find_organizations(text, region=region)}



# ---------------------------------------------------------------- names inside listed projects and scenes

@pytest.mark.parametrize("text, inner", [
    pytest.param("本次授信覆盖黄石体育公园项目、磁湖生态示范区开发项目、东方山片区旅游项目。", "磁湖生态示范区",
                 id="zone-in-a-project-list"),
    pytest.param("签约项目包括智能制造领域的大华股份西南产业园二期项目、中交城建设计研究有限公司成都分院项目等。",
                 "中交城建设计研究有限公司成都分院", id="company-in-a-project-list"),
    pytest.param("会上推出的“八大文旅招商场景”分别为：梁子湖渔趣小镇滨湖度假区、太和温泉小镇康养综合体。",
                 "梁子湖渔趣小镇", id="town-in-a-scene-list"),
])
def test_name_only_inside_listed_project_is_not_a_body(text, inner):
    assert not [n for n in orgs(text) if inner in n or n in inner and len(n) > 3]


@pytest.mark.parametrize("text, name", [
    pytest.param("去年签约落户的东莞市华晟光学有限公司镜头模组项目已建成投产。", "东莞市华晟光学有限公司",
                 id="investor-of-a-single-project"),
    pytest.param("双流区政府与四川大学签约项目12个、协议投资50亿元。", "四川大学", id="side-of-a-signing"),
])
def test_body_beside_a_project_is_kept(text, name):
    assert name in orgs(text)


# ---------------------------------------------------------------- platforms named only as places or goals

@pytest.mark.parametrize("text", [
    pytest.param("作为西部(重庆)科学城的主阵地，该区持续发力。", id="main-field-of"),
    pytest.param("全力助推西部(重庆)科学城高质量发展。", id="goal-after-zhutui"),
])
def test_platform_named_only_as_place_or_goal(text):
    assert not [n for n in orgs(text) if n.endswith("科学城")]


def test_platform_that_acts_is_kept():
    assert "西部(重庆)科学城" in orgs("西部(重庆)科学城引进项目20个，签约金额超百亿元。")


# ---------------------------------------------------------------- platforms listed by kind

@pytest.mark.parametrize("text, name", [
    pytest.param("形成了以天府创客街、红星文创大道等双创平台为支撑的格局。", "红星文创大道", id="shuangchuang-platforms"),
    pytest.param("锦江智谷、望江创意工场等孵化载体累计孵化企业300家。", "望江创意工场", id="incubation-carriers"),
])
def test_items_of_a_platform_list(text, name):
    found = orgs(text)
    assert name in found
    assert found[name].type == "platform"


# ---------------------------------------------------------------- a listed project followed by 的, a company's facility

def test_listed_project_before_de():
    found = orgs("项目方面：成都某新材料西南总部、川宁节能玻璃有限公司低碳玻璃研发生产项目的签约落地，意义重大。")
    assert "川宁节能玻璃有限公司" not in found


def test_facility_named_after_company_gives_the_company():
    found = orgs("浙江绿湾资产管理有限公司重庆璧山云栖蓝谷康养小镇产业项目，着力打造康养基地。")
    assert "浙江绿湾资产管理有限公司" in found
    assert not [n for n in found if n.endswith("小镇")]


def test_company_branch_is_not_cut():
    assert "中国建筑股份有限公司西南分公司" in orgs("中国建筑股份有限公司西南分公司与区政府签约。")


# ---------------------------------------------------------------- a project named with a bracketed qualifier

@pytest.mark.parametrize("text, inner", [
    pytest.param("双方签署协议，共建北理工成都创新中心(智能感知)项目，推动成果转化。", "北理工成都创新中心",
                 id="centre-in-a-qualified-project"),
    pytest.param("计划投资30亿元建设中铁产业园(成都)项目，分两期实施。", "中铁产业园", id="park-in-a-qualified-project"),
])
def test_name_inside_qualified_project_is_not_a_body(text, inner):
    assert not [n for n in orgs(text) if n.startswith(inner)]


# ---------------------------------------------------------------- platforms named as goals to build

@pytest.mark.parametrize("text", [
    pytest.param("加快建设具有全国影响力的科技创新中心、成渝(绵阳)科技城，推动创新。", id="second-goal-in-a-list"),
    pytest.param("帮助企业了解成渝(绵阳)科技城建设情况。", id="construction-of-the-zone"),
])
def test_platform_only_as_goal(text):
    assert not [n for n in orgs(text) if n.endswith("科技城")]


def test_built_platforms_in_a_list_are_kept():
    found = orgs("对已建成运营的玉峰实验室、金湖科创园等平台载体给予支持。")
    assert "金湖科创园" in found


# ---------------------------------------------------------------- zones used as the area of something else

@pytest.mark.parametrize("text, zone", [
    pytest.param("西部(成都)科学城双流片区重大项目集中签约。", "西部(成都)科学城", id="area-of-the-zone"),
    pytest.param("今天，天府新区、成都科学城重大项目集中开工。", "成都科学城", id="projects-of-the-zone"),
    pytest.param("双流区纳入西部(成都)科学城以来首次签约。", "西部(成都)科学城", id="joined-the-zone"),
    pytest.param("将有力带动武侯区、成都经开区经济社会发展。", "成都经开区", id="development-of-the-zone"),
])
def test_zone_only_as_an_area(text, zone):
    assert zone not in orgs(text)


# ---------------------------------------------------------------- what a project will become

@pytest.mark.parametrize("text", [
    pytest.param("项目建成后，将成为集康复医疗、文旅度假等为一体的智慧康养产业服务园区。", id="wei-yiti-de"),
    pytest.param("该基地将成为西南智能装备产业园。", id="jiang-chengwei"),
])
def test_description_of_a_project_is_not_a_body(text):
    assert not [n for n in orgs(text) if n.endswith("园区") or n.endswith("产业园")]

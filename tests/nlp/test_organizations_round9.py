"""Organisation errors of annotation round 9, one table per class: bodies whose
ending no suffix rule knew (经科局, 营业管理部, 调查队, 工委会, 职教中心, 金融办),
a 和 inside a bureau's remit, the 环X知识经济圈 platforms, slogans and rooms
that end like a body, plural references (两地教委), a dictionary company
named inside a field word (中国电子类), and an outlet whose short name is
also a slogan (新重庆).

Made-up sentences in the style of district news (config/dictionaries/*.txt
and nlp/orglists.py).
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, object]:
    return {org.name: org for org in find_organizations(text)}


# ---------------------------------------------------------------- endings no suffix rule knew

@pytest.mark.parametrize("text, name, type_", [
    pytest.param("武侯区经科局负责人介绍了园区招商情况。", "武侯区经科局", "government", id="economy-and-science-bureau"),
    pytest.param("江北区经信局会同相关部门开展了企业走访。", "江北区经信局", "government", id="economy-and-it-bureau"),
    pytest.param("中国人民银行成都营业管理部与区政府联合举办了金融服务会。",
                 "中国人民银行成都营业管理部", "government", id="central-bank-office"),
    pytest.param("国家统计局云阳调查队发布了一季度居民收入数据。",
                 "国家统计局云阳调查队", "government", id="statistics-survey-team"),
    pytest.param("民盟南岸区工委会组织盟员参观了科技企业。", "民盟南岸区工委会", "party", id="party-work-committee"),
    pytest.param("职业学院与巫溪县职教中心签订了联合办学协议。", "巫溪县职教中心", "school", id="vocational-centre"),
    pytest.param("走访了云阳县青少年劳动研学基地等地。", "云阳县青少年劳动研学基地", "other", id="study-tour-base"),
])
def test_ending_names_a_body(text, name, type_):
    found = orgs(text)
    assert name in found and found[name].type == type_


@pytest.mark.parametrize("text, name", [
    pytest.param("科技园公司与崇州市投资促进和外事局签订了合作协议。", "崇州市投资促进和外事局", id="investment-and-foreign-affairs"),
])
def test_and_inside_a_bureau_remit_keeps_the_name_whole(text, name):
    found = orgs(text)
    assert name in found and "外事局" not in found


# ---------------------------------------------------------------- 环X知识经济圈

@pytest.mark.parametrize("text, name", [
    pytest.param("双方将共同打造环四川大学知识经济圈，推动成果就地转化。", "环四川大学知识经济圈", id="ring-around-university"),
    pytest.param("区里提出建设环西南交大知识经济圈的目标。", "环西南交大知识经济圈", id="ring-around-short-name"),
])
def test_knowledge_economy_ring_is_a_platform(text, name):
    found = orgs(text)
    assert name in found and found[name].type == "platform"


# ---------------------------------------------------------------- not bodies

@pytest.mark.parametrize("text, absent", [
    pytest.param("全力以赴确保二季度经济开好局、稳增长。", "经济开好局", id="slogan-good-start"),
    pytest.param("双方将携手构建互利共赢新格局。", "共赢新格局", id="slogan-new-pattern"),
    pytest.param("一行人参观了园区展厅、路演厅和会客室。", "路演厅", id="pitching-room"),
    pytest.param("高新区管委会分别与两地教委签署了协议。", "两地教委", id="plural-reference"),
    pytest.param("该校被称为中国电子类高校的代表。", "中国电子", id="field-word-kind"),
    pytest.param("奋力书写现代化新重庆建设新篇章。", "新重庆", id="slogan-new-chongqing"),
])
def test_not_a_body(text, absent):
    assert absent not in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("华龙网-新重庆客户端讯 今天上午，区里召开了大会。", "新重庆客户端", id="outlet-written-in-full"),
    pytest.param("中国电子与区政府签订了战略合作协议。", "中国电子", id="company-acting"),
])
def test_the_same_names_still_count_as_bodies(text, name):
    assert name in orgs(text)


# ---------------------------------------------------------------- a company named by its head's title

@pytest.mark.parametrize("text, company", [
    pytest.param("光大银行成都分行党委书记、行长王某出席仪式。", "光大银行成都分行", id="branch-president"),
    pytest.param("招商银行武汉分行党委委员、副行长李某代表银行签约。", "招商银行武汉分行", id="vice-president"),
    pytest.param("重庆渝富控股集团党委书记、董事长赵某致辞。", "重庆渝富控股集团", id="group-chairman"),
])
def test_company_named_through_its_heads_title(text, company):
    found = orgs(text)
    assert company in found and found[company].type == "company"
    assert company + "党委" in found


@pytest.mark.parametrize("text, absent", [
    pytest.param("西南大学党委书记、校长张某出席。", "西南大学", id="university-not-a-company"),
    pytest.param("光大银行成都分行党委召开专题会议。", "光大银行成都分行", id="committee-acting-alone"),
])
def test_head_title_rule_stays_with_companies(text, absent):
    assert absent not in orgs(text)


def test_short_form_of_a_found_branch_becomes_its_alias():
    found = orgs("区政府与交通银行四川省分行签约。交行四川省分行党委书记、行长陈某出席。")
    assert "交行四川省分行" in found["交通银行四川省分行"].aliases
    assert "交行四川省分行" not in found


# ---------------------------------------------------------------- trade names

@pytest.mark.parametrize("text, name", [
    pytest.param("区领导会见了36氪集团副总裁一行。", "36氪集团", id="number-opens-trade-name"),
    pytest.param("双方与58同城集团签署了合作协议。", "58同城集团", id="number-then-word"),
])
def test_name_opening_with_a_number(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, absent", [
    pytest.param("今年引进36家集团总部。", "36家集团", id="counted-groups"),
    pytest.param("全市已建成12个孵化器和3所科技企业孵化器。", "3所科技企业孵化器", id="counted-incubators"),
])
def test_counted_number_does_not_open_a_name(text, absent):
    assert all(not name.startswith(("36", "3", "12")) for name in orgs(text))


@pytest.mark.parametrize("text, names", [
    pytest.param("仪式上，湖北楚天能源、武汉光谷、中农批、宜昌兴发等十余家企业签约。",
                 ["武汉光谷", "中农批"], id="item-after-an-unread-one"),
    pytest.param("签约仪式上，中电建、云帆科技、打鼓科技、凯沃新材料等12家企业签约。",
                 ["中国电建", "云帆科技"], id="industry-word-beside-proper-names"),
])
def test_every_listed_company_is_found(text, names):
    found = orgs(text)
    assert all(name in found for name in names), sorted(found)


@pytest.mark.parametrize("text", [
    pytest.param("园区聚集了新能源、新材料、生物医药等企业。", id="fields"),
    pytest.param("重点引进智能装备、电子科技、绿色食品等企业。", id="fields-with-trade-endings"),
])
def test_listed_fields_are_not_companies(text):
    assert not {"电子科技", "绿色食品", "新材料"} & set(orgs(text))


# ---------------------------------------------------------------- brackets and short county names

@pytest.mark.parametrize("text, name", [
    pytest.param("调研组走访了云岭(云南)生物技术研究院等单位。", "云岭(云南)生物技术研究院", id="brand-place-institute"),
    pytest.param("星创(四川)创新中心负责人介绍了孵化情况。", "星创(四川)创新中心", id="brand-place-centre"),
])
def test_brand_with_a_bracketed_place(text, name):
    assert name in orgs(text)


def test_region_with_a_bracketed_place_is_not_a_brand():
    assert "西部(重庆)科学城" not in orgs("为助推西部(重庆)科学城高质量发展，高校座谈。")


def test_autonomous_county_written_short_is_an_alias():
    found = orgs("学院与酉阳土家族苗族自治县职教中心签约。学院将与酉阳县职教中心共建专业。")
    assert "酉阳县职教中心" in found["酉阳土家族苗族自治县职教中心"].aliases


# ---------------------------------------------------------------- rings

def test_ring_written_without_its_place_is_an_alias():
    found = orgs("双方将共建“环工业大学知识经济圈”。一是建设环河北工业大学知识经济圈。")
    assert found["环河北工业大学知识经济圈"].aliases == ["环工业大学知识经济圈"]


def test_ring_around_universities_in_general_is_no_platform():
    assert orgs("环高校“双创”生态圈初具规模。") == {}


def test_supply_cooperative_written_short_is_expanded():
    found = orgs("重庆市长寿区人民政府与市供销合作总社签订了协议。")
    assert "重庆市供销合作总社" in found


def test_other_bank_of_the_same_length_is_not_a_short_form():
    found = orgs("区政府与中国银行四川省分行签约。华夏银行四川省分行党委书记、行长周某出席。")
    assert "华夏银行四川省分行" in found
    assert "华夏银行四川省分行" not in found["中国银行四川省分行"].aliases


@pytest.mark.parametrize("text, name, type_", [
    pytest.param("区政府向市委金融办汇报了工作。", "市委金融办", "party", id="party-committee-finance-office"),
    pytest.param("区金融办负责人介绍了贷款情况。", "区金融办", "government", id="government-finance-office"),
])
def test_finance_office_type_follows_its_owner(text, name, type_):
    found = {org.name: org for org in find_organizations(text)}
    assert any(n.endswith(name) and o.type == type_ for n, o in found.items()), found

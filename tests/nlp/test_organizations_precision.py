"""nlp.organizations: false hits and truncated names a news reader would flag.

Each table pins one class: discourse words and a person acting for a body
before a name, business words inside company names, a company set in
apposition with a count (两家单位), 以下简称 short forms that reorder the name,
parties joined without a mark (区委区政府), demonstratives (该局), names
inside websites, congress sessions and event names, and parks only visited.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, tuple[str, list[str]]]:
    return {o.name: (o.type, list(o.aliases)) for o in find_organizations(text)}


@pytest.mark.parametrize("text, name", [
    pytest.param("这是苏州工业园区连续第三年举办该活动。", "苏州工业园区", id="zheshi"),
    pytest.param("会上，李四代表北碚区人民政府与企业签约。", "北碚区人民政府", id="person-daibiao"),
    pytest.param("区长王五代表区政府致辞。", "区政府", id="title-person-daibiao"),
    pytest.param("据悉，合川区经济信息委将出台措施。", "合川区经济信息委", id="juxi"),
    pytest.param("张三率江津区商务委考察团到访。", "江津区商务委", id="person-shuai"),
])
def test_a_name_starts_at_its_body(text, name):
    found = orgs(text)
    assert name in found
    assert not any(other.endswith(name) and other != name for other in found)


@pytest.mark.parametrize("text, name", [
    pytest.param("其中，重庆建设机电有限责任公司投资5亿元。", "重庆建设机电有限责任公司", id="jianshe"),
    pytest.param("当天，重庆公路物流基地建设有限公司与区政府签约。", "重庆公路物流基地建设有限公司",
                 id="jianshe-before-legal-form"),
    pytest.param("会上，綦江区与重庆城市开发投资有限公司签约。", "重庆城市开发投资有限公司",
                 id="kaifa-touzi"),
])
def test_business_words_stay_in_a_company_name(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("区政府与重庆长安汽车股份有限公司两家单位签订合作协议。", "重庆长安汽车股份有限公司",
                 id="liangjia-danwei"),
    pytest.param("西南大学与重庆高新技术产业研究院有限责任公司3家单位共建平台。",
                 "重庆高新技术产业研究院有限责任公司", id="digit-count"),
])
def test_a_company_in_apposition_with_a_count_is_kept(text, name):
    assert name in orgs(text)


def test_a_class_counted_after_its_name_is_still_no_body():
    assert "便民服务站" not in orgs("全区建成便民服务站140余个。")


@pytest.mark.parametrize("text, name, alias", [
    pytest.param("中国电信股份有限公司重庆分公司（以下简称“重庆电信”）与区政府签约。",
                 "中国电信股份有限公司重庆分公司", "重庆电信", id="reordered-short-form"),
    pytest.param("同日，重庆西部物流园（以下简称“物流园”）与乙公司签约。",
                 "重庆西部物流园", "物流园", id="defined-park"),
])
def test_a_defined_short_form_is_an_alias(text, name, alias):
    found = orgs(text)
    assert name in found and alias in found[name][1]


def test_a_logistics_park_is_a_platform_and_not_joined_to_the_next_name():
    found = orgs("重庆西部物流园与丙公司签约。")
    assert found.get("重庆西部物流园", ("",))[0] == "platform"
    assert "重庆西部物流园与丙公司" not in found


@pytest.mark.parametrize("text, party, government", [
    pytest.param("市委市政府高度重视。", "市委", "市政府", id="city"),
    pytest.param("县委县政府召开会议。", "县委", "县政府", id="county"),
    pytest.param("北碚区委区政府召开会议。", "北碚区委", "北碚区政府", id="named-district"),
    pytest.param("中共綦江区委綦江区人民政府关于加快发展的意见", "中共綦江区委", "綦江区人民政府",
                 id="document-header"),
])
def test_a_party_committee_and_its_government_are_two_bodies(text, party, government):
    found = orgs(text)
    assert found.get(party, ("",))[0] == "party"
    assert found.get(government, ("",))[0] == "government"


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("该局负责人表示，将加强监管。", "该局", id="gaiju"),
    pytest.param("本局各科室要抓好落实。", "本局", id="benju"),
    pytest.param("贵公司提交的材料已收悉。", "贵公司", id="guigongsi"),
    pytest.param("十四届全国人大二次会议在京闭幕。", "全国人大", id="congress-session"),
    pytest.param("来源：重庆市人民政府网。", "重庆市人民政府", id="website"),
    pytest.param("项目位于重庆大学城，交通便利。", "重庆大学", id="university-town"),
    pytest.param("5月27日，中国（绵阳）科技城招商引资项目集中签约仪式在绵阳举行。", "中国（绵阳）科技城",
                 id="inside-event-name"),
    pytest.param("代表团一行考察了上海张江高科技园区。", "上海张江高科技园区", id="visited-park"),
    pytest.param("该区依托重钢老工业基地转型发展。", "重钢老工业基地", id="old-industrial-base"),
])
def test_not_bodies(text, unexpected):
    assert unexpected not in orgs(text)


def test_a_government_hosting_an_investment_event_is_still_a_body():
    assert "北碚区人民政府" in orgs("推介会由北碚区人民政府主办，区投资促进中心承办。")


def test_addressees_on_a_line_joined_to_the_body_are_not_actors():
    text = ("渝科局发〔2024〕28号\n各区县科技局，两江新区、万盛经开区科技主管部门：为加快发展，"
            "市科技局制定了办法。")
    found = orgs(text)
    assert "万盛经开区" not in found
    assert any(name.endswith("科技局") for name in found)


@pytest.mark.parametrize("text, unexpected", [
    pytest.param("公司先后获评国家级绿色工厂、重庆市智能工厂、市级数字化车间。", "重庆市智能工厂",
                 id="smart-factory-award"),
])
def test_an_awards_category_is_no_company(text, unexpected):
    assert unexpected not in orgs(text)

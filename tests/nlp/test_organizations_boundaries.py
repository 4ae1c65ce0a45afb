"""nlp.organizations: where a name starts and ends in running news text.

jieba glues a department's last character to the word after it (委与, 委在),
tags some nouns as numerals (零部件) and idioms as single words (统揽全局);
department names hold 和 (人力资源和社会保障局); a parent company is written
before its subsidiary (…所属…有限公司). Each table pins one of these.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def names(text: str) -> set[str]:
    return {org.name for org in find_organizations(text)}


def all_forms(text: str) -> set[str]:
    return {form for org in find_organizations(text) for form in [org.name, *org.aliases]}


@pytest.mark.parametrize("text, expected", [
    pytest.param("4月22日，北碚区商务委与重庆瑞丰新材料有限公司签订合作协议。",
                 {"北碚区商务委", "重庆瑞丰新材料有限公司"}, id="commission-yu"),
    pytest.param("4月22日，北碚区经济信息委与重庆瑞丰新材料有限公司签订技术改造合作协议。",
                 {"北碚区经济信息委", "重庆瑞丰新材料有限公司"}, id="economy-commission-yu"),
    pytest.param("2023年，区商务委在区委、区政府的坚强领导下，坚持稳中求进。",
                 {"区商务委", "区委", "区政府"}, id="commission-zai"),
    pytest.param("4月22日，区卫健委与重庆瑞丰医疗科技有限公司签订合作协议。",
                 {"区卫健委", "重庆瑞丰医疗科技有限公司"}, id="health-commission-yu"),
])
def test_a_department_ends_before_the_word_jieba_glued_to_it(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name", [
    pytest.param("重庆长城精工汽车零部件有限公司签订投资协议。", "重庆长城精工汽车零部件有限公司", id="parts-maker"),
    pytest.param("重庆长城汽车零部件有限公司签订投资协议。", "重庆长城汽车零部件有限公司", id="parts-maker-with-brand"),
    pytest.param("重庆市沙坪坝区人力资源和社会保障局负责审核。", "重庆市沙坪坝区人力资源和社会保障局",
                 id="human-resources-bureau"),
    pytest.param("北碚区经济和信息化委员会与重庆大学签约。", "北碚区经济和信息化委员会", id="economy-and-it-commission"),
    pytest.param("北碚区住房和城乡建设委员会发布通知。", "北碚区住房和城乡建设委员会", id="housing-commission"),
    pytest.param("区财政局、区大数据发展局等部门按职责分工抓好落实。", "区大数据发展局", id="bureau-word-tagged-idiom"),
])
def test_full_names_with_inner_words_are_kept_whole(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("重庆机电控股（集团）公司与北碚区签约。签约仪式上，重庆机电所属重庆重通电气有限公司与企业进行了洽谈。",
                 "重庆重通电气有限公司", id="subsidiary-after-suoshu"),
    pytest.param("长安汽车旗下重庆长安新能源汽车科技有限公司签约。",
                 "重庆长安新能源汽车科技有限公司", id="subsidiary-after-qixia"),
])
def test_a_parent_company_does_not_open_its_subsidiarys_name(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("4月18日，北碚区与重庆大学校地合作签约仪式举行。", {"重庆大学"}, id="chongqing-university"),
    pytest.param("北碚区与西南大学校地合作成效显著。", {"西南大学"}, id="southwest-university"),
])
def test_a_university_before_xiaodi_is_not_a_school(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("4月18日，市委常委、区委书记张三出席。", {"重庆市委", "北碚区委"}, id="standing-member"),
    pytest.param("区委常委会召开会议。", {"北碚区委常委会"}, id="standing-committee-is-a-body"),
])
def test_a_standing_members_title_names_the_committee(text, expected):
    assert {org.name for org in find_organizations(text, region="重庆市北碚区")} == expected


@pytest.mark.parametrize("text", [
    pytest.param("渝北区坚持以高质量发展统揽全局，全区经济运行稳中有进。", id="idiom-ending-in-ju"),
])
def test_idioms_ending_in_a_suffix_are_not_bodies(text):
    assert names(text) == set()


@pytest.mark.parametrize("text, forms", [
    pytest.param("上周五，区投促中心与重庆天驰电子有限公司签订投资协议。", {"区投促中心"}, id="investment-promotion"),
    pytest.param("上周五，区招商中心与重庆天驰电子有限公司签订投资协议。", {"区招商中心"}, id="attraction-centre"),
    pytest.param("区就业和人才中心负责受理。", {"区就业和人才中心"}, id="employment-centre"),
    pytest.param("北碚区与重庆三峡银行签约。", {"重庆三峡银行"}, id="bank-with-city"),
    pytest.param("北碚区与重庆市城市建设投资（集团）有限公司签约。", {"重庆市城市建设投资（集团）有限公司"},
                 id="bracketed-group"),
    pytest.param("4月1日，重庆两江新区管委会与重庆大学签订了合作协议。", {"重庆两江新区管委会"}, id="new-area-committee"),
    pytest.param("川大华西医院专家团队将与荣昌区人民医院合作。", {"川大华西医院"}, id="hospital-with-university-short"),
])
def test_written_forms_are_found(text, forms):
    assert forms <= all_forms(text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("该校是教育部直属重点大学。", {"教育部"}, id="directly-governed-key-university"),
    pytest.param("北碚区委、区政府高度重视科技园建设。", {"北碚区委", "北碚区政府"}, id="attach-importance"),
])
def test_a_description_after_a_body_is_not_a_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name, aliases", [
    pytest.param("璧山区召开会议。4月22日，高新区管委会与重庆华远科技有限公司签订投资协议。",
                 "高新区管委会", [], id="zone-committee-alone"),
    pytest.param("璧山高新区管委会负责园区建设。4月22日，高新区管委会与重庆华远科技有限公司签订投资协议。",
                 "璧山高新区管委会", ["高新区管委会"], id="zone-committee-short-form"),
    pytest.param("入园企业由园区管委会统一服务。", "园区管委会", [], id="park-committee"),
])
def test_a_zones_management_committee_is_a_body(text, name, aliases):
    found = {org.name: org.aliases for org in find_organizations(text)}
    assert found.get(name) == aliases


@pytest.mark.parametrize("text, name, kind", [
    pytest.param("重庆理工大学科研处负责人表示，学校将打通成果转化通道。", "重庆理工大学科研处", "university",
                 id="research-office"),
    pytest.param("重庆大学教务处与北碚区教委签订合作协议。", "重庆大学教务处", "university", id="academic-office"),
    pytest.param("签约仪式后，重庆理工大学科技园巴南分园同时揭牌。", "重庆理工大学科技园巴南分园", "platform",
                 id="branch-park"),
])
def test_acting_parts_of_a_named_body(text, name, kind):
    found = {org.name: org.type for org in find_organizations(text)}
    assert found.get(name) == kind


def test_a_bare_office_is_no_body():
    assert names("科研处负责人介绍了有关情况。") == set()


@pytest.mark.parametrize("text, name, alias", [
    pytest.param("遂宁市人民政府与四川省投资集团有限责任公司签署合作协议。川投集团相关负责人表示，集团将发挥优势。",
                 "四川省投资集团有限责任公司", "川投集团", id="province-initial"),
])
def test_a_short_form_may_open_with_the_provinces_one_character_name(text, name, alias):
    found = {org.name: org.aliases for org in find_organizations(text)}
    assert alias in found.get(name, [])

"""Organisation errors of annotation round 8, one table per class: university
units written 学校X, prepositions glued to a name, community and village
committees and their short forms, government and party chains, court and
procuratorate short forms, generic references, parks named only as places,
and the types of clinics, cooperatives, technician colleges and media groups.

Made-up sentences in the style of district news (nlp/organizations.py,
nlp/orgcampus.py, nlp/orgspans.py, nlp/orgunits.py, nlp/orglocations.py and
config/dictionaries/suffixes.txt).
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str, region: str | None = None) -> dict[str, object]:
    return {org.name: org for org in find_organizations(text, region=region)}


# ---------------------------------------------------------------- 学校X: a unit of the university named before

@pytest.mark.parametrize("text, name, written", [
    pytest.param("西南石油大学副校长带队来访，学校科学技术研究院负责人介绍了成果转化情况。",
                 "西南石油大学科学技术研究院", "学校科学技术研究院", id="institute-of-the-university"),
    pytest.param("重庆邮电大学与区教委座谈，学校人事处将选派教师挂职。",
                 "重庆邮电大学人事处", "学校人事处", id="personnel-office"),
    pytest.param("四川农业大学代表团抵达后，学校科研处牵头对接了项目。",
                 "四川农业大学科研处", "学校科研处", id="research-office"),
])
def test_school_unit_expands_to_the_named_university(text, name, written):
    found = orgs(text)
    assert name in found and found[name].type == "university"
    assert written in found[name].aliases


@pytest.mark.parametrize("text, absent", [
    pytest.param("西南大学附中向帮扶学校开放学校实验室。", "西南大学实验室", id="bare-facility"),
])
def test_school_unit_without_a_named_unit_is_not_expanded(text, absent):
    assert absent not in orgs(text)


@pytest.mark.parametrize("text", [
    pytest.param("长江师范学院党委书记表示，学校党委将专题研究。", id="party-committee-kept"),
])
def test_school_party_committee_keeps_its_written_form(text):
    assert not any(name.endswith("学院党委学校党委") for name in orgs(text))


# ---------------------------------------------------------------- a preposition glued on by jieba

@pytest.mark.parametrize("text, name", [
    pytest.param("活动由锦绣社区居委会牵头组织。", "锦绣社区居委会", id="you"),
    pytest.param("居民可向桂花社区居委会反映诉求。", "桂花社区居委会", id="xiang"),
    pytest.param("经翠湖社区党委研究，决定增设服务点。", "翠湖社区党委", id="jing"),
])
def test_leading_preposition_is_not_part_of_the_name(text, name):
    found = orgs(text)
    assert name in found
    assert not any(other.endswith(name) and other != name for other in found)


# ---------------------------------------------------------------- 居委会 / 村委会 are short forms of 委员会

@pytest.mark.parametrize("text, full, short", [
    pytest.param("桃源社区居民委员会换届完成。会后，桃源社区居委会主任介绍了工作。",
                 "桃源社区居民委员会", "桃源社区居委会", id="residents-committee"),
    pytest.param("石门村村民委员会组织义务劳动，石门村村委会还设了志愿岗。",
                 "石门村村民委员会", "石门村村委会", id="villagers-committee"),
])
def test_committee_short_form_is_an_alias(text, full, short):
    found = orgs(text)
    assert short not in found and short in found[full].aliases


# ---------------------------------------------------------------- 区法院 shortens 区人民法院

@pytest.mark.parametrize("text, full, short", [
    pytest.param("会上，区人民法院作了汇报。区法院表示将优化诉讼服务。", "綦江区人民法院", "区法院", id="court"),
    pytest.param("区人民检察院派员参加。区检察院通报了办案情况。", "綦江区人民检察院", "区检察院", id="procuratorate"),
])
def test_court_short_form_is_an_alias(text, full, short):
    found = orgs(text, region="重庆市綦江区")
    assert full in found and short in found[full].aliases
    assert "綦江" + short not in found


# ---------------------------------------------------------------- chains of government and party bodies

@pytest.mark.parametrize("text, region, name, kind", [
    pytest.param("区委社会工作部负责人出席会议。", "重庆市大渡口区", "大渡口区委社会工作部", "party",
                 id="social-work-department"),
    pytest.param("区委依法治区办通报了督察情况。", "四川省成都市郫都区", "郫都区委依法治区办", "party",
                 id="rule-of-law-office"),
    pytest.param("区人大常委会代表工作委员会收集代表建议。", "四川省成都市郫都区",
                 "郫都区人大常委会代表工作委员会", "government", id="congress-working-committee"),
    pytest.param("温江区政务服务管理和行政审批局推出新举措。", None,
                 "温江区政务服务管理和行政审批局", "government", id="approval-bureau-with-he"),
    pytest.param("责任单位：区教委、团区委。", "重庆市合川区", "共青团合川区委", "association",
                 id="youth-league-expanded"),
])
def test_chained_body_is_found_whole(text, region, name, kind):
    found = orgs(text, region=region)
    assert name in found and found[name].type == kind


@pytest.mark.parametrize("text, name, absent", [
    pytest.param("成都银行温江支行向企业发放贷款。", "成都银行温江支行", "成都银行", id="bank-branch-split-place"),
    pytest.param("视察组察看了四川大学温江研究院的实验平台。", "四川大学温江研究院", "四川大学",
                 id="university-outpost-split-place"),
])
def test_branch_named_by_a_county_keeps_its_parent(text, name, absent):
    found = orgs(text)
    assert name in found and absent not in found


# ---------------------------------------------------------------- generic references and non-bodies

@pytest.mark.parametrize("text, absent", [
    pytest.param("小区党支部联合物业公司开展排查。", "小区党支部", id="estate-party-branch"),
    pytest.param("小区党支部联合物业公司开展排查。", "物业公司", id="property-company"),
    pytest.param("村里的普惠金融服务站可办理小额取款。", "普惠金融服务站", id="finance-service-point"),
    pytest.param("新建的检测实验室已投入使用。", "检测实验室", id="testing-lab"),
    pytest.param("县政协召开专题协商会，听取意见。", "专题协商会", id="consultation-meeting"),
    pytest.param("联席会议办公室设在区教委。", "联席会议办公室", id="joint-meeting-office"),
])
def test_generic_reference_is_not_an_organisation(text, absent):
    assert absent not in orgs(text)


@pytest.mark.parametrize("text, absent", [
    pytest.param("调研组察看了白市驿工业园内部分企业的车间。", "白市驿工业园", id="inside-the-park"),
    pytest.param("依托九龙工业园区建设公共实训基地。", "九龙工业园区", id="relying-on-the-park"),
])
def test_park_named_only_as_a_place_is_not_an_organisation(text, absent):
    assert absent not in orgs(text)


# ---------------------------------------------------------------- short forms of cooperatives

@pytest.mark.parametrize("text, full, short", [
    pytest.param("调研组走访了城口县山韵核桃种植专业合作社。随后，银行与山韵合作社签订贷款合同。",
                 "城口县山韵核桃种植专业合作社", "山韵合作社", id="cooperative-short-form"),
])
def test_cooperative_short_form_is_an_alias(text, full, short):
    found = orgs(text)
    assert short not in found and short in found[full].aliases


# ---------------------------------------------------------------- types

@pytest.mark.parametrize("text, name, kind", [
    pytest.param("龙溪街道社区卫生服务中心开展义诊。", "龙溪街道社区卫生服务中心", "hospital", id="community-clinic"),
    pytest.param("璧山区青杠蔬菜种植专业合作社扩大了种植面积。", "璧山区青杠蔬菜种植专业合作社", "company",
                 id="farmers-cooperative"),
    pytest.param("安吉技师学院与企业共建实训基地。", "安吉技师学院", "school", id="technician-college"),
    pytest.param("綦江区职业教育中心组织学生实习。", "綦江区职业教育中心", "school", id="vocational-centre"),
    pytest.param("安吉传媒集团全程直播了活动。", "安吉传媒集团", "media", id="county-media-group"),
    pytest.param("重庆工商大学科学技术研究院负责人介绍了成果。", "重庆工商大学科学技术研究院", "university",
                 id="university-research-office"),
    pytest.param("苏州市科学技术研究院发布报告。", "苏州市科学技术研究院", "institute", id="city-research-institute"),
])
def test_type_of_the_body(text, name, kind):
    found = orgs(text)
    assert name in found and found[name].type == kind


# ---------------------------------------------------------------- names holding 组织 / 工作

@pytest.mark.parametrize("text, name, kind", [
    pytest.param("会上，九龙坡区社会组织联合会负责人作了发言。", "九龙坡区社会组织联合会", "association",
                 id="social-organisations-federation"),
    pytest.param("永川区金融工作服务中心将组织银企对接。", "永川区金融工作服务中心", "government",
                 id="finance-work-centre"),
])
def test_name_holding_a_stop_word_is_found_whole(text, name, kind):
    found = orgs(text)
    assert name in found and found[name].type == kind


@pytest.mark.parametrize("text, absent", [
    pytest.param("要加强社会组织联合会建设。", "社会组织联合会", id="federation-as-a-kind"),
    pytest.param("全市将规划一批产业城。", "产业城", id="industry-city-as-a-kind"),
])
def test_kind_of_body_without_a_name_is_not_an_organisation(text, absent):
    assert absent not in orgs(text)


# ---------------------------------------------------------------- parks named 谷 or 产业城

@pytest.mark.parametrize("text, name", [
    pytest.param("中国泡菜产业城已聚集企业两百余家。", "中国泡菜产业城", id="industry-city"),
    pytest.param("嘉陵大数据谷运营方与三家企业签订入驻协议。", "嘉陵大数据谷", id="data-valley-with-operator"),
])
def test_named_park_acting_as_a_unit(text, name):
    found = orgs(text)
    assert name in found and found[name].type == "platform"


# ---------------------------------------------------------------- a kind of firm or committee, not one

@pytest.mark.parametrize("text, absent", [
    pytest.param("银行、保险公司和担保公司共同参与融资对接。", "保险公司", id="insurers"),
    pytest.param("银行、保险公司和担保公司共同参与融资对接。", "担保公司", id="guarantors"),
    pytest.param("物流公司和科技公司纷纷前来洽谈。", "科技公司", id="tech-firms"),
    pytest.param("各村村委会和社区居委会要落实属地责任。", "社区居委会", id="any-community-committee"),
])
def test_kind_of_firm_or_committee_is_not_an_organisation(text, absent):
    assert absent not in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("华为公司与区政府签约。", "华为公司", id="brand-before-gongsi"),
    pytest.param("幸福村村委会组织村民清理河道。", "幸福村村委会", id="village-named-by-a-word"),
])
def test_named_firm_or_committee_is_kept(text, name):
    assert name in orgs(text)

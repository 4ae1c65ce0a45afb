"""nlp.organizations: error classes from a second independently annotated round.

Each table pins one class: visit verbs and a stray level glued to a company,
towns and venues taken as bodies, plurals naming a kind of body, district
companies written with their level only, a bank beside its branches,
departments and offices named after their body (…处, …政府办, …党委, a bare
宣传部 in a title), public service centres of a government, training colleges,
and parks named only as the place of some works.
"""
from __future__ import annotations

import pytest

from nlp.lexicon import load_lexicon
from nlp.orgcompanies import company_short
from nlp.organizations import find_organizations

WANZHOU = "重庆市万州区"


def orgs(text: str, region: str | None = None) -> dict[str, tuple[str, list[str]]]:
    return {o.name: (o.type, list(o.aliases)) for o in find_organizations(text, region=region)}


# ------------------------------------------------------------------ visits and stray words

@pytest.mark.parametrize("text, name", [
    pytest.param("考察组一行先后走进重庆鑫泰精工有限公司、重庆川维化工有限公司。", "重庆鑫泰精工有限公司",
                 id="zoujin"),
    pytest.param("代表团前往深圳市华兴电气股份有限公司洽谈合作。", "深圳市华兴电气股份有限公司", id="qianwang"),
    pytest.param("招商小分队登门拜访东莞市宏达模具有限公司。", "东莞市宏达模具有限公司", id="baifang"),
    pytest.param("一行人参观了宁德时代新能源科技股份有限公司展厅。", "宁德时代新能源科技股份有限公司",
                 id="canguan"),
])
def test_a_visit_verb_does_not_open_a_company_name(text, name):
    found = orgs(text)
    assert name in found
    assert not any(other.endswith(name) and other != name for other in found)


@pytest.mark.parametrize("text, name", [
    pytest.param("名单公布，我县重庆丰源农机有限公司入选。", "重庆丰源农机有限公司", id="wo-xian"),
    pytest.param("今年我区重庆瑞达包装有限公司获评市级绿色工厂。", "重庆瑞达包装有限公司", id="wo-qu"),
])
def test_a_level_left_from_wo_does_not_open_a_name(text, name):
    found = orgs(text)
    assert name in found
    assert not any(other.endswith(name) and other != name for other in found)


# ------------------------------------------------------------------ places and venues

@pytest.mark.parametrize("text, town", [
    pytest.param("工作组深入石马镇、铁山镇等企业集聚区走访。", "石马镇", id="towns-before-qiye"),
    pytest.param("区财政局、长坪镇、龙华镇等单位负责人参加活动。", "长坪镇", id="towns-before-danwei"),
])
def test_towns_listed_before_a_list_noun_are_places(text, town):
    found = orgs(text)
    assert not any(name.endswith(town[-2:]) for name in found)


@pytest.mark.parametrize("text, venue", [
    pytest.param("第三季度集中签约活动在区行政服务中心举行。", "行政服务中心", id="held-in"),
    pytest.param("服务专窗设在区政务服务中心二楼，每天有专人值守。", "政务服务中心", id="desk-on-floor"),
    pytest.param("座谈会于市民服务中心召开。", "市民服务中心", id="met-at"),
])
def test_a_centre_written_only_as_a_venue_is_a_building(text, venue):
    assert not any(name.endswith(venue) for name in orgs(text, WANZHOU))


def test_a_centre_that_acts_stays_a_body():
    found = orgs("区政务服务中心负责人介绍了审批提速情况。", WANZHOU)
    assert found["万州区政务服务中心"][0] == "government"


@pytest.mark.parametrize("text, zone", [
    pytest.param("该行先后参与了璧山工业园区标准厂房、城市快速路等项目的融资。", "璧山工业园区",
                 id="factory-buildings"),
    pytest.param("资金将用于铜梁高新区基础设施配套。", "铜梁高新区", id="infrastructure"),
    pytest.param("调研组深入重庆力帆摩托车有限公司、万州经开区等地调研。", "万州经开区", id="listed-places"),
])
def test_a_park_naming_where_works_are_is_a_place(text, zone):
    assert zone not in orgs(text)


# ------------------------------------------------------------------ kinds, not bodies

@pytest.mark.parametrize("text, word", [
    pytest.param("招商组拜访重点企业和在粤商协会，推动项目落地。", "商协会", id="shang-xiehui"),
    pytest.param("今年新建、改扩建中小学12所，新增学位8000个。", "中小学", id="primary-and-middle-schools"),
    pytest.param("项目由双方组建的项目公司负责运营。", "项目公司", id="project-company"),
    pytest.param("加强与科研院所合作，引进高端人才。", "科研院所", id="research-institutes"),
])
def test_a_plural_or_generic_company_is_not_a_body(text, word):
    assert not any(name.endswith(word) for name in orgs(text))


# ------------------------------------------------------------------ short forms

@pytest.mark.parametrize("text, name, alias", [
    pytest.param("重庆市万州区融资担保有限公司参加签约。按照协议，区融资担保公司将降低担保费率。",
                 "重庆市万州区融资担保有限公司", "区融资担保公司", id="district-guarantee-company"),
    pytest.param("重庆市黔江区城市建设投资（集团）有限公司出资组建公司，其中区城投集团持股30%。",
                 "重庆市黔江区城市建设投资（集团）有限公司", "区城投集团", id="district-urban-investment"),
    pytest.param("中国银行重庆市分行与区政府签约。此前中行重庆市分行已参与多个项目。",
                 "中国银行重庆市分行", "中行重庆市分行", id="bank-initials-same-branch"),
])
def test_a_short_form_is_an_alias_of_the_full_name(text, name, alias):
    found = orgs(text)
    assert alias in found[name][1]
    assert alias not in found


@pytest.mark.parametrize("short, full, expected", [
    pytest.param("区融资担保公司", "重庆市潼南区融资担保有限公司", True, id="level-only"),
    pytest.param("区城投集团", "重庆市黔江区城市建设投资（集团）有限公司", True, id="level-and-initials"),
    pytest.param("中行重庆市分行", "中国银行重庆市分行", True, id="initials-before-same-branch"),
    pytest.param("农商行潼南支行", "重庆农村商业银行潼南支行", True, id="initials-after-place"),
    pytest.param("重庆银行合川支行", "重庆农村商业银行合川支行", False, id="another-bank-same-town"),
    pytest.param("重庆农村商业银行", "重庆农村商业银行合川支行", False, id="bank-is-not-its-branch"),
    pytest.param("区交投集团", "重庆市万州区城市建设投资有限公司", False, id="other-district-company"),
])
def test_company_short_forms(short, full, expected):
    assert company_short(short, full, load_lexicon()) is expected


def test_a_bank_and_its_branch_are_two_bodies():
    found = orgs("重庆农村商业银行万州支行、重庆银行万州支行分别推介产品。全区已与重庆农村商业银行、"
                 "重庆三峡银行开展合作。")
    assert {"重庆农村商业银行万州支行", "重庆银行万州支行", "重庆农村商业银行", "重庆三峡银行"} <= set(found)
    assert "重庆银行万州支行" not in found["重庆农村商业银行万州支行"][1]


def test_the_fullest_written_form_beats_a_shorter_dictionary_name():
    assert "重庆三峡银行" in orgs("区政府与重庆三峡银行签署战略合作协议。")


# ------------------------------------------------------------------ departments and offices

@pytest.mark.parametrize("text, name, kind", [
    pytest.param("重庆市万州区供销合作社联合社负责人作交流发言。", "重庆市万州区供销合作社联合社",
                 "association", id="supply-cooperative-federation"),
    pytest.param("市教委高教处负责人出席会议。", "重庆市教委高教处", "government", id="chu-of-jiaowei"),
    pytest.param("市教委科技处日前发布通知。", "重庆市教委科技处", "government", id="university-office-word-in-a-commission"),
    pytest.param("重庆大学科研处处长出席。", "重庆大学科研处", "university", id="office-of-a-university"),
    pytest.param("中国银行重庆市分行党委书记出席并致辞。", "中国银行重庆市分行党委", "party",
                 id="party-committee-of-branch"),
    pytest.param("对接会由区政府办、区财政局共同主办。", "万州区政府办", "government", id="zhengfuban"),
    pytest.param("万州区驻上海招商联络处负责人随行。", "万州区驻上海招商联络处", "government",
                 id="liaison-office"),
    pytest.param("会议为万州区首贷续贷服务中心揭牌。", "万州区首贷续贷服务中心", "other",
                 id="loan-service-centre"),
])
def test_a_department_or_office_is_named_with_its_body(text, name, kind):
    assert orgs(text, WANZHOU).get(name, ("",))[0] == kind


@pytest.mark.parametrize("text, spot", [
    pytest.param("项目位于工业园区入口处。", "入口处", id="entrance"),
    pytest.param("这正是区财政局政策的好处。", "好处", id="benefit"),
])
def test_a_spot_after_a_body_is_not_a_department(text, spot):
    assert not any(name.endswith(spot) for name in orgs(text, WANZHOU))


def test_a_bare_committee_department_in_a_title_is_expanded():
    found = orgs("区委常委、宣传部部长张敏出席活动。", WANZHOU)
    assert found["万州区委宣传部"] == ("party", ["宣传部"])


def test_the_standing_committee_of_the_congress():
    found = orgs("在区人大及其常委会、区政协的监督支持下，全区经济稳中向好。", WANZHOU)
    assert found["万州区人大常委会"][0] == "government"
    assert found["万州区政协"] == ("other", ["区政协"])


def test_a_level_government_after_unknown_words_is_elliptical():
    found = orgs("公示无异议后报区政府审定。", WANZHOU)
    assert list(found) == ["万州区政府"]


# ------------------------------------------------------------------ types

@pytest.mark.parametrize("text, name, kind", [
    pytest.param("万州区金融发展服务中心牵头建立联络机制。", "万州区金融发展服务中心", "government",
                 id="finance-development-centre"),
    pytest.param("万州区招商引资服务中心组建产业招商专班。", "万州区招商引资服务中心", "government",
                 id="investment-service-centre"),
    pytest.param("万州区青年志愿服务中心组织志愿者参加活动。", "万州区青年志愿服务中心", "other",
                 id="volunteer-centre-stays-other"),
    pytest.param("万州乡村振兴学院今年培训基层干部2000人次。", "万州乡村振兴学院", "school",
                 id="rural-revitalisation-college"),
    pytest.param("重庆三峡学院与万州区签署合作协议。", "重庆三峡学院", "university", id="college-stays-university"),
    pytest.param("重庆三峡学院乡村振兴学院举行开班仪式。", "重庆三峡学院乡村振兴学院", "university",
                 id="faculty-of-a-university"),
    pytest.param("区行政服务中心启用以来已办理业务3万件。", "万州区行政服务中心", "government",
                 id="administrative-service-centre"),
])
def test_types_of_centres_and_colleges(text, name, kind):
    assert orgs(text, WANZHOU).get(name, ("",))[0] == kind

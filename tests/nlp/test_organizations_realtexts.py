"""Organisation classes found wanting on real public news, one table per class:
dateline outlets, names with a bracketed place, names joined by a middle dot or
a dash, local departments that share a dictionary alias or are listed after a
district's body, a university's own committee, offices and press, bank short
names, and words or venues that only end like a body (parks, zones and
projects are in test_organizations_realplaces.py).

Made-up sentences in the style of local news (nlp/orgdatelines.py,
nlp/orgqualifiers.py, nlp/orgdepartments.py, nlp/orgfilters.py,
nlp/orgspans.py and config/dictionaries/*.txt).
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str, region: str | None = None) -> dict[str, object]:
    return {org.name: org for org in find_organizations(text, region=region)}


# ---------------------------------------------------------------- dateline outlets

@pytest.mark.parametrize("text, outlet", [
    pytest.param("江北融媒讯（记者 陈某）5月8日，江北区举行项目推介会。", "江北融媒", id="xun-before-reporter"),
    pytest.param("掌上宜昌报道(记者 刘某)10月9日，宜昌高新区迎来一批企业。", "掌上宜昌", id="baodao-before-reporter"),
    pytest.param("【南方商报网讯】记者孙某报道：6月2日上午，项目集中开工。", "南方商报网", id="bracketed-website"),
    pytest.param("绵阳日报讯 记者何某报道：昨日，涪城区与企业签约。", "绵阳日报", id="daily-with-space"),
    pytest.param("华西都市报消息，3日下午，成华区举行签约活动。", "华西都市报", id="xiaoxi-after-paper"),
])
def test_dateline_outlet_is_media(text, outlet):
    found = orgs(text)
    assert outlet in found
    assert found[outlet].type == "media"


@pytest.mark.parametrize("text", [
    pytest.param("本网讯（记者 王某）4月1日，区里召开会议。", id="this-website"),
    pytest.param("本报讯 记者张某 日前，园区企业复工。", id="this-paper"),
    pytest.param("传来消息，项目已顺利落地。", id="news-as-a-word"),
    pytest.param("相关报道：区里召开会议。", id="related-reports"),
])
def test_no_outlet_in_generic_dateline(text):
    assert not [o for o in orgs(text).values() if o.type == "media"]


# ---------------------------------------------------------------- a bracketed place inside the name

@pytest.mark.parametrize("text, name", [
    pytest.param("香港科技大学（广州）与南沙区签署协议。", "香港科技大学（广州）", id="campus-in-another-city"),
    pytest.param("北京师范大学(珠海)校长出席活动。", "北京师范大学(珠海)", id="campus-before-a-title"),
    pytest.param("中铁文旅服务集团(成都)国际创新示范园区项目签约。", "中铁文旅服务集团(成都)国际创新示范园区",
                 id="park-after-a-company"),
    pytest.param("四川大学(宜宾)产业技术研究院揭牌。", "四川大学(宜宾)产业技术研究院", id="institute-after-a-university"),
])
def test_bracketed_place_stays_in_name(text, name):
    assert name in orgs(text)


def test_bracket_does_not_swallow_next_body():
    found = orgs("香港科技大学（广州）与南沙区政府签署协议。")
    assert "香港科技大学（广州）" in found
    assert not any(name.endswith("政府") and "（" in name for name in found)


# ---------------------------------------------------------------- two parts joined by a middle dot

@pytest.mark.parametrize("text, name", [
    pytest.param("银河星座·科创园已入驻企业40家。", "银河星座·科创园", id="park-after-dot"),
    pytest.param("来自天府云谷·智创园的企业参加了路演。", "天府云谷·智创园", id="chuangyuan-after-dot"),
])
def test_dot_joins_one_name(text, name):
    found = orgs(text)
    assert name in found
    assert found[name].type == "platform"


def test_year_before_dot_is_not_part_of_name():
    assert not [n for n in orgs("2025·成都科创园对接会在这里召开。") if n.startswith("·")]


# ---------------------------------------------------------------- local departments sharing a dictionary alias

@pytest.mark.parametrize("text, name", [
    pytest.param("九龙坡区招商局与企业签约。", "九龙坡区招商局", id="with-district"),
    pytest.param("沙坪坝区举行推介会，区招商局负责人介绍了政策。", "沙坪坝区招商局", id="elliptical-expanded"),
])
def test_investment_bureau_is_government(text, name):
    found = orgs(text)
    assert name in found
    assert found[name].type == "government"
    assert "招商局集团" not in found


def test_state_group_still_found():
    assert orgs("招商局集团与南岸区签约，招商局将在当地投资。")["招商局集团"].type == "company"


# ---------------------------------------------------------------- words and venues that only end like a body

@pytest.mark.parametrize("text", [
    pytest.param("会上发布了全区产业布局。", id="layout-ends-in-ju"),
    pytest.param("加快建设具有全国影响力的科技创新中心。", id="innovation-centre-as-goal"),
    pytest.param("支持建设高水平大学和一流学科。", id="high-level-university"),
    pytest.param("公司投资银行业务收入增长。", id="investment-banking"),
    pytest.param("会议在西南政法大学东方会议厅举行。", id="meeting-hall"),
])
def test_not_a_body(text):
    assert not [n for n in orgs(text) if n.endswith(("布局", "科技创新中心", "高水平大学", "投资银行", "会议厅"))]


@pytest.mark.parametrize("text, name", [
    pytest.param("江津区财政局出席。", "江津区财政局", id="finance-bureau"),
    pytest.param("大足区统计局发布数据。", "大足区统计局", id="statistics-bureau"),
    pytest.param("两江新区科技创新局参加。", "两江新区科技创新局", id="innovation-bureau"),
    pytest.param("浙江长兴农村商业银行参加签约。", "浙江长兴农村商业银行", id="commercial-bank"),
])
def test_real_bodies_kept(text, name):
    assert name in orgs(text)


# ---------------------------------------------------------------- a university's own party committee

@pytest.mark.parametrize("text, name, written", [
    pytest.param("曲阜师范大学与兖州区座谈。校党委书记赵某出席并讲话。", "曲阜师范大学党委", "校党委",
                 id="xiao-dangwei"),
    pytest.param("青岛科技大学来区调研。学校党委副书记孙某介绍了学科情况。", "青岛科技大学党委", "学校党委",
                 id="xuexiao-dangwei"),
])
def test_university_party_committee_is_expanded(text, name, written):
    found = orgs(text)
    assert name in found
    assert found[name].type == "party"
    assert written in found[name].aliases


@pytest.mark.parametrize("text, name", [
    pytest.param("三峡大学党委书记钱某一行到访。", "三峡大学党委", id="from-a-title"),
])
def test_party_committee_from_title(text, name):
    assert orgs(text)[name].type == "party"


def test_no_university_no_expansion():
    assert "校党委" in orgs("区委书记出席活动。校党委书记作了讲话。")


# ---------------------------------------------------------------- bank short names with a branch

@pytest.mark.parametrize("text, name, kind", [
    pytest.param("交行四川省分行党委书记周某调研。", "交行四川省分行党委", "party", id="branch-party-committee"),
    pytest.param("交行宜昌分行与宜昌市政府签署协议。", "交行宜昌分行", "company", id="city-branch"),
    pytest.param("招行成都分行参加了银企对接会。", "招行成都分行", "company", id="merchants-bank-branch"),
])
def test_bank_short_name_opens_branch(text, name, kind):
    found = orgs(text)
    assert name in found
    assert found[name].type == kind


# ---------------------------------------------------------------- government offices that end in 办 or 中心

@pytest.mark.parametrize("text, name", [
    pytest.param("四川省政府新闻办8月2日召开发布会。", "四川省政府新闻办", id="press-office"),
    pytest.param("江北区区校合作办主任介绍了情况。", "江北区区校合作办", id="cooperation-office"),
    pytest.param("科技部火炬中心公布了年度名单。", "科技部火炬中心", id="torch-centre"),
])
def test_office_is_government(text, name):
    found = orgs(text)
    assert name in found
    assert found[name].type == "government"


# ---------------------------------------------------------------- a list item opening on a verb of a name

@pytest.mark.parametrize("text, name", [
    pytest.param("会上，学校教务处、创新创业学院负责人作了发言。", "创新创业学院", id="after-list-comma"),
    pytest.param("服务外包学院、创业学院等参会。\n创新创业学院院长作了介绍。", "创新创业学院", id="line-start"),
])
def test_list_item_keeps_its_first_word(text, name):
    assert name in orgs(text)


# ---------------------------------------------------------------- university offices written with no name

@pytest.mark.parametrize("text, name, written", [
    pytest.param("武汉纺织大学与区里座谈。会上，科技处、招生就业处负责人发言。", "武汉纺织大学科技处", "科技处",
                 id="named-university"),
    pytest.param("江汉大学来区对接。会议由社会合作处处长主持。", "江汉大学社会合作处", "社会合作处", id="after-you"),
])
def test_bare_office_named_after_university(text, name, written):
    found = orgs(text)
    assert name in found
    assert written in found[name].aliases


def test_bare_office_kept_as_written_inside_a_school():
    found = orgs("区领导到学校调研。会上，科技处负责人介绍了项目，学校社会合作处作了发言。")
    assert "科技处" in found
    assert any(n.endswith("社会合作处") for n in found)


def test_bare_office_without_any_university_is_dropped():
    assert not orgs("会上，科技处负责人介绍了项目。")


# ---------------------------------------------------------------- a government followed by 项目

def test_city_government_before_xiangmu_is_expanded():
    found = orgs("黄州区按照市委、市政府项目建设年的部署推进工作。黄冈市领导出席。")
    assert "黄冈市政府" in found
    assert "市政府" in found["黄冈市政府"].aliases


# ---------------------------------------------------------------- more dateline forms

@pytest.mark.parametrize("text, outlet", [
    pytest.param("央广网四川频道消息(王某): 5月6日，成都高新区举行签约仪式。", "央广网四川频道", id="channel-with-author"),
    pytest.param("上游新闻讯（通讯员 李某）近日，园区新入驻企业12家。", "上游新闻", id="correspondent"),
])
def test_dateline_with_author_in_brackets(text, outlet):
    assert orgs(text)[outlet].type == "media"


# ---------------------------------------------------------------- 中 opening a list item's name

@pytest.mark.parametrize("text, name", [
    pytest.param("天府软件园、中新数字科技城、成都某食品有限公司分别签约。", "中新数字科技城", id="after-list-comma"),
    pytest.param("中冶智谷·创新园等载体已入驻企业50家。", "中冶智谷·创新园", id="at-line-start"),
])
def test_zhong_opens_a_name(text, name):
    assert name in orgs(text)


# ---------------------------------------------------------------- counted classes and glued words

@pytest.mark.parametrize("text, absent", [
    pytest.param("中国诚通集团等28家央企集团负责人参加了对接会。", "家央企集团", id="counter-glued-to-the-name"),
    pytest.param("会议提出全面深化学校与区里的合作。", "全面深化学校", id="verb-before-school"),
    pytest.param("新认定示范性众创空间一批。", "示范性众创空间", id="model-makerspace"),
])
def test_not_a_named_body(text, absent):
    assert absent not in orgs(text)


def test_person_and_ji_are_not_part_of_the_name():
    found = orgs("区政协主席向国华及合川区委办公室、区政府办公室负责人参加。")
    assert "合川区委办公室" in found
    assert not [n for n in found if "及" in n]


def test_later_item_of_places_visited_is_a_place():
    found = orgs("考察团先后来到天府软件园、中新数字科技城、成都某食品有限公司。")
    assert "中新数字科技城" not in found
    assert "成都某食品有限公司" in found


# ---------------------------------------------------------------- 区人大 and its standing committee

def test_congress_short_form_joins_its_standing_committee():
    found = orgs("区人大常委会主任刘某出席。李某代表区委、区人大、区政府致辞。江夏区领导参加。")
    assert "区人大" in found["江夏区人大常委会"].aliases
    assert "江夏区人大" not in found


def test_congress_told_apart_from_its_committee():
    found = orgs("在区人大及其常委会、区政协的监督支持下，江夏区各项工作稳步推进。")
    assert "江夏区人大" in found and "江夏区人大常委会" in found


# ---------------------------------------------------------------- a body written only as its building

def test_government_only_as_building_is_not_a_body():
    found = orgs("在江夏区委、区政府三楼接待室，两校签署了合作协议。")
    assert "江夏区委" in found
    assert "江夏区政府" not in found


def test_government_that_acts_keeps_its_building_mention():
    found = orgs("江夏区政府与学校签约。仪式在区政府三楼举行。")
    assert len(found["江夏区政府"].mentions) == 2


# ---------------------------------------------------------------- 联合 and a single dash inside a name

@pytest.mark.parametrize("text, name", [
    pytest.param("学院组建了四川大学国际联合研究院，成效明显。", "四川大学国际联合研究院", id="joint-institute"),
    pytest.param("双方共建的天府智慧康养联合创新研究院已投入运行。", "天府智慧康养联合创新研究院", id="joint-innovation"),
    pytest.param("仪式后，川农大—温江现代种业联合实验室同时揭牌。", "川农大—温江现代种业联合实验室", id="dash-joined"),
])
def test_joint_body_keeps_its_whole_name(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("该委联合县财政局印发了通知。云阳县领导出席。", "云阳县财政局", id="verb-before-a-department"),
    pytest.param("四川大学联合成都市建设了研究院。", "四川大学", id="verb-before-a-partner"),
])
def test_lianhe_before_a_partner_is_a_verb(text, name):
    found = orgs(text)
    assert name in found
    assert not [n for n in found if "联合" in n]


def test_sentence_dash_does_not_join():
    assert not [n for n in orgs("活动主题——北碚区科技园开放日。") if "—" in n]


# ---------------------------------------------------------------- ring names that list zones

def test_ring_name_with_listed_zones_is_whole():
    found = orgs("全区重点打造3个创新生态圈，即：环四川大学望江A区、B区“一校多点”创新生态圈；"
                 "环西南交通大学“一校一点”创新生态圈。")
    assert "环四川大学望江A区、B区一校多点创新生态圈" in found
    assert not [n for n in found if n.startswith("B区")]
    assert "环西南交通大学一校一点创新生态圈" in found


# ---------------------------------------------------------------- a university's own press

def test_university_press_written_from_inside():
    found = orgs("四川师范大学与锦江区座谈。会上，学校出版社、教务处负责人作了发言。")
    assert found["四川师范大学出版社"].type == "company"
    assert "学校出版社" in found["四川师范大学出版社"].aliases


# ---------------------------------------------------------------- bare departments listed after a district's body

@pytest.mark.parametrize("text, name, written", [
    pytest.param("江北区政府办、科委、农委及相关街道负责人参加。", "江北区科委", "科委", id="science-committee"),
    pytest.param("江北区政府办、科委、农委及相关街道负责人参加。", "江北区农委", "农委", id="agriculture-committee"),
    pytest.param("江北区科技局、教委、商务委等部门负责人出席。", "江北区教委", "教委", id="education-committee"),
])
def test_listed_department_belongs_to_the_district(text, name, written):
    found = orgs(text)
    assert name in found
    assert written in found[name].aliases


def test_list_of_other_bodies_is_not_expanded():
    found = orgs("江北区政府、西南大学、重庆市科技局负责人参加。")
    assert "西南大学" in found and "重庆市科技局" in found


# ---------------------------------------------------------------- a bare 党委 among a university's leaders

@pytest.mark.parametrize("text, name", [
    pytest.param("湖北大学与新洲区签约。\n党委书记赵某，党委副书记、校长钱某出席。", "湖北大学党委", id="line-of-leaders"),
    pytest.param("出席的有四川大学校长孙某、副校长李某、党委常委、宣传部部长周某。", "四川大学党委", id="standing-member"),
])
def test_bare_committee_among_university_leaders(text, name):
    found = orgs(text)
    assert found[name].type == "party"
    assert "党委" in found[name].aliases


def test_bare_committee_without_president_is_not_a_university():
    assert not [n for n in orgs("四川大学与新洲区签约。\n党委书记赵某出席了活动。") if n.endswith("大学党委")]


@pytest.mark.parametrize("text", [
    pytest.param("工作简讯：本周区里召开推进会。", id="brief-news"),
    pytest.param("图片报道：园区新貌。", id="photo-report"),
    pytest.param("视频新闻报道：签约现场气氛热烈。", id="video-report"),
])
def test_kinds_of_news_are_not_outlets(text):
    assert not [o for o in orgs(text).values() if o.type == "media"]

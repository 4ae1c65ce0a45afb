"""Signing events: nlp/signings.py.

Organisations are built by hand here (the organisation finder is tested on
its own): every name, and each alias, is located in the text.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.signings import find_signings
from policyminer.records import Organization

PUBLISHED = "2025-04-25"


def orgs(text: str, *names: str | tuple[str, ...]) -> list[Organization]:
    """Organisations with their mentions; a tuple is (name, alias, …)."""
    result = []
    for entry in names:
        forms = (entry,) if isinstance(entry, str) else entry
        spans: list[list[int]] = []
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(re.escape(form), text):
                if not any(s <= match.start() < e for s, e in spans):
                    spans.append([match.start(), match.end()])
        result.append(Organization(name=forms[0], type="other", aliases=list(forms[1:]), mentions=sorted(spans)))
    return result


def signings(text: str, *names, published: str | None = PUBLISHED, places=None):
    found = find_signings(text, orgs(text, *names), published=published, places=places)
    for signing in found:
        assert text[signing.start:signing.end] == signing.text
    return found


def only(text: str, *names, published: str | None = PUBLISHED, places=None):
    found = signings(text, *names, published=published, places=places)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def check(signing, expected: dict) -> None:
    actual = {key: getattr(signing, key) for key in expected}
    assert actual == expected


# ---------------------------------------------------------------- kinds

@pytest.mark.parametrize("text, names, expected", [
    pytest.param("4月18日，九龙坡区人民政府与重庆长安汽车股份有限公司签署战略合作协议。",
                 ["九龙坡区人民政府", "重庆长安汽车股份有限公司"],
                 {"date": "2025-04-18", "parties": ["九龙坡区人民政府", "重庆长安汽车股份有限公司"],
                  "count": None, "amount": None}, id="strategic-agreement"),
    pytest.param("3月12日，璧山区举行一季度招商引资项目集中签约仪式，16个项目集中签约，总投资126.5亿元。",
                 [], {"date": "2025-03-12", "count": 16, "amount": {"value": 12650000000, "unit": "元"}},
                 id="batch-ceremony"),
    pytest.param("西南大学与重庆市第九人民医院签署合作备忘录，共建临床医学研究平台。",
                 ["西南大学", "重庆市第九人民医院"],
                 {"parties": ["西南大学", "重庆市第九人民医院"], "date": None}, id="memorandum"),
    pytest.param("区住建委与中建三局签订施工总承包合同，合同金额8.6亿元。",
                 ["区住建委", "中建三局"],
                 {"parties": ["区住建委", "中建三局"], "amount": {"value": 860000000, "unit": "元"}},
                 id="contract-yi"),
    pytest.param("区科技局与重庆博腾制药科技股份有限公司签订产学研合作协议，签约金额500万元。",
                 ["区科技局", "重庆博腾制药科技股份有限公司"],
                 {"amount": {"value": 5000000, "unit": "元"}}, id="amount-wan"),
    pytest.param("受疫情影响，区招商局以视频连线方式举行云签约，与5家企业签订投资协议，协议投资额23亿元。",
                 ["区招商局"], {"count": 5, "amount": {"value": 2300000000, "unit": "元"},
                                "parties": ["区招商局"]}, id="cloud-signing"),
    pytest.param("签约仪式在渝北区举行，6个项目现场签约，总投资45亿元。", [],
                 {"location": "渝北区", "count": 6, "amount": {"value": 4500000000, "unit": "元"}},
                 id="venue-place"),
    pytest.param("昨天，20个文旅项目在武隆区集中签约。", [],
                 {"date": "2025-04-24", "location": "武隆区", "count": 20}, id="zuotian-venue"),
    pytest.param("双方签订了三份合作协议，涵盖人才培养和成果转化。", [],
                 {"count": 3}, id="chinese-numeral-count"),
    pytest.param("3月，万州区与重庆钢铁集团签下总投资60亿元的新材料产业园项目。", ["重庆钢铁集团"],
                 {"date": "2025-03", "parties": ["重庆钢铁集团"], "projects": ["新材料产业园项目"],
                  "amount": {"value": 6000000000, "unit": "元"}}, id="qianxia-named-project"),
    pytest.param("中国—东盟智慧物流枢纽项目正式签约落户江津综合保税区。", [],
                 {"projects": ["中国—东盟智慧物流枢纽项目"], "location": "江津综合保税区"},
                 id="settle-into-zone"),
    pytest.param("截至目前，已有32家企业签约入驻缙云科创园。", ["缙云科创园"],
                 {"parties": ["缙云科创园"], "count": 32, "date": None}, id="signed-and-moved-in"),
    pytest.param("4月2日，长寿区政府与中石化重庆分公司签订框架合作协议书。",
                 [("长寿区政府", "区政府"), "中石化重庆分公司"],
                 {"parties": ["长寿区政府", "中石化重庆分公司"], "date": "2025-04-02"}, id="framework"),
])
def test_signing_kinds(text, names, expected):
    check(only(text, *names), expected)


# ---------------------------------------------------------------- cumulative

@pytest.mark.parametrize("text, expected", [
    pytest.param("今年以来，全区累计签约招商项目79个，协议总投资312亿元。",
                 {"date": "2025", "count": 79, "amount": {"value": 31200000000, "unit": "元"}},
                 id="cumulative-this-year"),
    pytest.param("去年，高新区已与12所高校签署人才合作协议。", {"date": "2024", "count": 12},
                 id="cumulative-last-year"),
    pytest.param("重庆大学已与8个区县签署校地合作协议。", {"date": None, "count": 8}, id="cumulative-undated"),
])
def test_cumulative_statements(text, expected):
    check(only(text), expected)


# ---------------------------------------------------------------- parties

@pytest.mark.parametrize("text, names, parties", [
    pytest.param("仪式上，区政府分别与重庆机电集团、中国电信重庆分公司、重庆师范大学签订战略合作协议。",
                 ["区政府", "重庆机电集团", "中国电信重庆分公司", "重庆师范大学"],
                 ["区政府", "重庆机电集团", "中国电信重庆分公司", "重庆师范大学"], id="many-parties"),
    pytest.param("在市经信委相关负责人见证下，江津区人民政府与华为技术有限公司签署合作备忘录。",
                 ["市经信委", "江津区人民政府", "华为技术有限公司"],
                 ["江津区人民政府", "华为技术有限公司"], id="witness-not-party"),
    pytest.param("据区投资促进中心介绍，两江新区与重庆渝富控股集团签订了投资协议。",
                 ["区投资促进中心", "重庆渝富控股集团"], ["重庆渝富控股集团"], id="informant-not-party"),
    pytest.param("签约仪式在重庆大学举行，沙坪坝区政府与重庆大学知识产权运营有限公司签约。",
                 ["重庆大学", "沙坪坝区政府", "重庆大学知识产权运营有限公司"],
                 ["沙坪坝区政府", "重庆大学知识产权运营有限公司"], id="venue-org-not-party"),
    pytest.param("重庆邮电大学与南川区签订校地合作协议，随后参观了重庆金佛山生态产业园。",
                 ["重庆邮电大学", "重庆金佛山生态产业园"], ["重庆邮电大学"], id="later-clause-not-party"),
])
def test_parties(text, names, parties):
    assert only(text, *names).parties == parties


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text, published, date", [
    pytest.param("上周五，区政府与重庆邮电大学签订校地合作框架协议。", PUBLISHED, "2025-04-18", id="shangzhouwu"),
    pytest.param("近日，巴南区与重庆医药集团签订投资协议。", PUBLISHED, None, id="jinri-null"),
    pytest.param("日前，铜梁区与3家企业签订合作协议。", PUBLISHED, None, id="riqian-null"),
    pytest.param("5月6日，两家企业签约落户。", None, None, id="no-published-no-year"),
    pytest.param("2023年9月，大足区与重庆交通大学签署合作协议。", None, "2023-09", id="absolute-without-published"),
    pytest.param("4月10日，第二届西部科学城招商推介会在重庆举行。会上，12个重大项目签约，总金额达98亿元。",
                 PUBLISHED, "2025-04-10", id="date-from-previous-sentence"),
    pytest.param("4月10日，推介会在重庆举行。\n12个重大项目签约。", PUBLISHED, None,
                 id="previous-paragraph-not-inherited"),
    pytest.param("甲公司与乙公司签署了投资协议，项目预计2026年6月建成投产。", PUBLISHED, None,
                 id="later-plan-date-not-signing-date"),
])
def test_signing_dates(text, published, date):
    assert only(text, published=published).date == date


# ---------------------------------------------------------------- merging

def test_detail_sentences_merge_into_the_first_report():
    text = ("4月20日，涪陵区举行重点项目集中签约仪式。此次签约的18个项目涵盖新材料、装备制造等领域，"
            "总投资156亿元。其中，锂电池隔膜生产基地项目投资30亿元。")
    signing = only(text)
    check(signing, {"text": "4月20日，涪陵区举行重点项目集中签约仪式。", "date": "2025-04-20", "count": 18,
                    "amount": {"value": 15600000000, "unit": "元"}, "projects": ["锂电池隔膜生产基地项目"]})


def test_on_site_signings_belong_to_the_ceremony():
    text = "4月23日，荣昌区召开招商引资项目集中签约大会。现场，重庆畜牧科技公司等9家企业签订投资协议。"
    signing = only(text, "重庆畜牧科技公司")
    check(signing, {"count": 9, "parties": ["重庆畜牧科技公司"], "start": 0})


def test_separate_signings_stay_separate():
    text = "2月，合川区与甲源科技公司签订投资协议。5月，合川区与乙辰物流公司签署战略合作协议。"
    found = signings(text, "甲源科技公司", "乙辰物流公司")
    assert [(s.date, s.parties) for s in found] == [("2025-02", ["甲源科技公司"]), ("2025-05", ["乙辰物流公司"])]


def test_semicolon_pieces_of_one_ceremony_are_one_event():
    text = "签约仪式上，南岸区商务委与香港贸发局签署合作备忘录；重庆机场集团与南方航空签订战略合作协议。"
    signing = only(text, "南岸区商务委", "香港贸发局", "重庆机场集团", "南方航空")
    assert signing.text.endswith("；")
    assert signing.parties == ["南岸区商务委", "香港贸发局", "重庆机场集团", "南方航空"]


@pytest.mark.parametrize("text", [
    pytest.param("北碚区与西南大学签署合作协议，共建创新研究院\n4月2日，北碚区人民政府与西南大学签署合作协议。",
                 id="first-line-headline-with-comma"),
    pytest.param("首页 > 要闻\n北碚区与西南大学签署合作协议，共建创新研究院\n发布时间：2025-04-03 来源：区融媒体中心\n"
                 "4月2日，北碚区人民政府与西南大学签署合作协议。", id="headline-over-the-date-line"),
])
def test_headlines_restate_the_body(text):
    assert only(text, "北碚区人民政府", "西南大学").date == "2025-04-02"


def test_most_precise_date_before_the_trigger_wins():
    text = "4月22日，2025年永川区一季度重大招商项目集中签约仪式在永川区会展中心举行。"
    check(only(text), {"date": "2025-04-22", "location": "永川区", "projects": []})


def test_one_sentence_with_two_triggers_is_one_event():
    text = "签约仪式上，双方签署了战略合作协议和项目投资协议。"
    assert len(signings(text)) == 1


# ---------------------------------------------------------------- one ceremony, one event

_CEREMONY_DETAILS = {
    "other-paragraph-and-semicolon": (
        "4月8日，大渡口区重点项目集中签约仪式举行，共签约项目15个，总投资62亿元。\n"
        "其中，区政府与重庆钢铁集团签订新材料产业园项目投资协议；建桥园区管委会分别与甲源科技有限公司、"
        "乙辰物流有限公司签订合作协议。签约仪式现场，重庆银行大渡口支行还与建桥园区管委会签署金融服务协议。",
        ["区政府", "重庆钢铁集团", "建桥园区管委会", "甲源科技有限公司", "乙辰物流有限公司", "重庆银行大渡口支行"],
        {"count": 15, "amount": {"value": 6200000000, "unit": "元"}}),
    "suihou-and-ciwai-after-witness": (
        "6月3日，江津区招商引资项目集中签约活动在双福新区举行。区委书记出席活动并见证签约。\n"
        "随后，重庆小康动力有限公司与江津区人民政府签署电驱系统项目投资协议，总投资12亿元。"
        "此外，四川港投集团还与江津综合保税区管委会签订物流合作协议。",
        ["重庆小康动力有限公司", "江津区人民政府", "四川港投集团", "江津综合保税区管委会"],
        {"count": None, "amount": None}),
    "huodongzhong-fills-empty-parties": (
        "5月9日，黔江区文旅项目集中签约活动举行，9个项目现场签约，总投资33亿元。"
        "此次签约的项目涵盖康养、民宿等领域。活动中，重庆旅游投资集团有限公司与黔江区人民政府签署合作协议。",
        ["重庆旅游投资集团有限公司", "黔江区人民政府"],
        {"count": 9, "amount": {"value": 3300000000, "unit": "元"}}),
    "count-in-the-next-sentence": (
        "3月27日，北碚区召开一季度重点项目集中签约会。会上，北碚区与46个项目的投资方现场签约，"
        "项目协议总投资超过200亿元。", [],
        {"count": 46, "amount": {"value": 20000000000, "unit": "元"}}),
}


@pytest.mark.parametrize("text, names, expected", [pytest.param(*case, id=key)
                                                    for key, case in _CEREMONY_DETAILS.items()])
def test_detail_signings_of_a_ceremony_merge_into_it(text, names, expected):
    signing = only(text, *names)
    assert signing.start == 0
    assert signing.parties == list(names)
    check(signing, expected)


def test_a_project_amount_of_one_detail_is_not_the_batch_total():
    text = ("6月3日，江津区招商引资项目集中签约活动举行，共签约项目12个。"
            "其中，重庆小康动力有限公司与江津区人民政府签署电驱系统项目投资协议，总投资12亿元。")
    check(only(text, "重庆小康动力有限公司", "江津区人民政府"), {"count": 12, "amount": None})


@pytest.mark.parametrize("text, names, dates", [
    pytest.param("4月8日，大足区集中签约仪式举行，共签约项目15个。同日下午，大足区人民政府还与重庆工商大学签署校地合作协议。",
                 ["大足区人民政府", "重庆工商大学"], ["2025-04-08", "2025-04-08"], id="tongri-xiawu"),
    pytest.param("3月25日，荣昌区召开招商大会，6个项目集中签约。此前，3月18日，荣昌区人民政府还与重庆银行签署战略合作协议。",
                 ["荣昌区人民政府", "重庆银行"], ["2025-03-25", "2025-03-18"], id="ciqian-with-date"),
    pytest.param("7月1日，甲源科技有限公司与乙辰物流有限公司签署协议。7月5日，丙区举行项目签约仪式。",
                 ["甲源科技有限公司", "乙辰物流有限公司"], ["2025-07-01", "2025-07-05"], id="another-day"),
    pytest.param("4月3日，高新区管委会与重庆大学签署合作协议。同日，科学谷与8家企业签订入驻协议。",
                 ["高新区管委会", "重庆大学", "科学谷"], ["2025-04-03", "2025-04-03"], id="tongri-after-single"),
])
def test_signings_on_other_occasions_are_their_own_events(text, names, dates):
    assert [s.date for s in signings(text, *names)] == dates


# ---------------------------------------------------------------- restatements

@pytest.mark.parametrize("follow_up", [
    pytest.param("在签约仪式上，区长表示将全力做好服务保障。", id="zai-yishi-shang-biaoshi"),
    pytest.param("签约仪式上，双方还就共建实习基地进行了交流。", id="yishi-shang-jiaoliu"),
    pytest.param("区委书记、区长出席活动并见证签约。", id="jianzheng-qianyue"),
    pytest.param("重庆钢铁集团等企业代表参加了签约活动。", id="canjia-qianyue-huodong"),
    pytest.param("根据签约协议，项目将分三期建设，一期计划投资约12亿元。", id="genju-qianyue-xieyi"),
    pytest.param("签约现场，企业代表纷纷表示将加快项目建设。", id="qianyue-xianchang"),
    pytest.param("在当天的签约活动中，高校代表围绕成果转化进行了交流。", id="qianyue-huodong-zhong"),
    pytest.param("这是该区今年签署的第3份校地合作协议。", id="ordinal-restatement"),
    pytest.param("签约仪式由副区长主持。", id="ceremony-held-by"),
    pytest.param("昨日的签约仪式上，企业方面透露已累计投资超过200亿元。", id="zuori-yishi-shang"),
])
def test_restatements_add_no_event(follow_up):
    text = "4月2日，北碚区人民政府与重庆钢铁集团签署战略合作协议。" + follow_up
    signing = only(text, "北碚区人民政府", "重庆钢铁集团")
    check(signing, {"start": 0, "amount": None, "parties": ["北碚区人民政府", "重庆钢铁集团"]})


@pytest.mark.parametrize("text, expected", [
    pytest.param("5月9日，黔江区举行文旅项目签约仪式。", {"date": "2025-05-09"}, id="ceremony-held"),
    pytest.param("签约仪式上，8个项目集中签约，总投资50亿元。",
                 {"count": 8, "amount": {"value": 5000000000, "unit": "元"}}, id="act-at-the-ceremony"),
    pytest.param("在区领导见证下，两家企业签订了供货合同。", {"count": 2}, id="jianzheng-xia-is-an-act"),
])
def test_ceremony_words_with_an_act_are_signings(text, expected):
    check(only(text), expected)


@pytest.mark.parametrize("text", [
    pytest.param("区委书记出席签约仪式并致辞。", id="chuxi-yishi"),
    pytest.param("出席签约仪式的还有市经信委负责人。", id="chuxi-de-huanyou"),
    pytest.param("企业负责人说，从签约到拿地只用了45天。", id="cong-qianyue-dao"),
    pytest.param("一季度签约的11个项目中有8个是配套企业。", id="qianyue-de-xiangmu-zhong"),
])
def test_mentions_alone_are_not_signings(text):
    assert signings(text) == []


# ---------------------------------------------------------------- dates through the meeting

@pytest.mark.parametrize("text, date", [
    pytest.param("3月14日，南川区科技创新大会召开。\n大会通报，2024年全区研发投入增长12%。\n"
                 "会上，南川区人民政府与重庆理工大学签订校地合作协议。", "2025-03-14", id="huishang-two-paragraphs-down"),
    pytest.param("3月14日，区政府召开新闻发布会。会上，南岸区人民政府与重庆理工大学签订合作协议。", "2025-03-14",
                 id="huishang-of-a-press-conference"),
    pytest.param("发布时间：2025-04-20 来源：区融媒体中心\n会上，南岸区人民政府与重庆理工大学签订合作协议。", None,
                 id="page-date-is-not-the-meeting"),
    pytest.param("1月8日，綦江区重大项目集中开工。\n当天下午，綦江区人民政府与重庆理工大学签署合作协议。",
                 "2025-01-08", id="dangtian-xiawu"),
    pytest.param("3月13日，渝北区召开民营经济大会。\n会议现场还举行了银企签约，6家银行与企业签订合作协议。",
                 "2025-03-13", id="huiyi-xianchang"),
    pytest.param("6月12日，中国—东盟博览会在南宁开幕。开幕当天，重庆代表团共签约项目25个。", "2025-06-12",
                 id="kaimu-dangtian"),
    pytest.param("8月22日至24日，智博会在重庆举办。展会期间，南岸区人民政府与重庆理工大学签署合作协议。", "2025-08",
                 id="qijian-of-a-day-range"),
    pytest.param("记者4月18日从区商务委获悉，当天，南岸区人民政府与重庆理工大学签订合作协议。", "2025-04-18",
                 id="dangtian-of-the-report"),
    pytest.param("4月18日，记者从区商务委获悉，今年一季度，全区新签约项目11个。", "2025",
                 id="report-date-is-not-the-signing-date"),
    pytest.param("华龙网4月20日讯（记者 王五）近日，南岸区人民政府与重庆理工大学签订合作协议。", None,
                 id="dateline-is-not-the-signing-date"),
    pytest.param("3月2日，区里召开招商大会。\n近日，南岸区人民政府与甲源科技公司签订投资协议。"
                 "同日，重庆理工大学与南岸区人民政府签订合作协议。", None, id="tongri-after-jinri"),
])
def test_dates_carried_through_the_meeting(text, date):
    names = ["南岸区人民政府", "南川区人民政府", "綦江区人民政府", "重庆理工大学", "甲源科技公司"]
    assert signings(text, *[n for n in names if n in text])[-1].date == date


# ---------------------------------------------------------------- periods and cumulative totals

@pytest.mark.parametrize("text, date", [
    pytest.param("今年1—4月，万盛经开区新签约招商项目38个。", "2025", id="jinnian-month-range"),
    pytest.param("1至3月，全区新签约项目45个。", "2025", id="bare-month-range"),
    pytest.param("2024年1-6月，綦江区共签约项目33个。", "2024", id="year-month-range"),
    pytest.param("今年上半年，全区签约项目52个。", "2025", id="jinnian-shangbannian"),
])
def test_periods_give_the_year(text, date):
    assert only(text).date == date


def test_a_cumulative_statement_is_its_own_event():
    text = ("3月5日，永川区人民政府与长城汽车签署投资协议。\n"
            "截至目前，永川区人民政府已累计与20家整车及零部件企业签署合作协议。")
    first, cumulative = signings(text, "永川区人民政府", "长城汽车")
    check(first, {"count": None, "date": "2025-03-05", "parties": ["永川区人民政府", "长城汽车"]})
    check(cumulative, {"count": 20, "date": None, "parties": ["永川区人民政府"]})


def test_a_cumulative_statement_after_a_batch_keeps_its_own_count():
    text = "3月28日，铜梁区集中签约活动举行，现场签约项目27个。今年以来，全区累计签约项目63个，协议投资额326亿元。"
    batch, cumulative = signings(text)
    check(batch, {"count": 27, "amount": None})
    check(cumulative, {"count": 63, "date": "2025", "amount": {"value": 32600000000, "unit": "元"}})


# ---------------------------------------------------------------- amounts

@pytest.mark.parametrize("text, amount", [
    pytest.param("现场签约项目20个，协议引资152亿元，其中投资额超过5亿元的项目11个。", 15200000000,
                 id="threshold-after-total"),
    pytest.param("共签约项目15个，总投资85.6亿元，其中10亿元以上项目3个。", 8560000000, id="yishang-threshold"),
    pytest.param("签约项目12个，均超过1亿元，合计投资46亿元。", 4600000000, id="jun-threshold"),
    pytest.param("区农业农村委与两家银行签署合作协议，两家银行将提供不低于50亿元的意向信贷支持。", None,
                 id="commitment-not-amount"),
    pytest.param("校企双方签订合作协议，企业首期投入研发经费800万元。", None, id="one-side-funding-not-amount"),
])
def test_amount_is_the_stated_total(text, amount):
    signing = only(text)
    assert (signing.amount or {}).get("value") == amount


# ---------------------------------------------------------------- who signs

@pytest.mark.parametrize("text, names, parties", [
    pytest.param("上游新闻5月8日讯（记者 王五）5月7日，垫江县人民政府与重庆三峰环境集团签订合作协议。",
                 ["上游新闻", "垫江县人民政府", "重庆三峰环境集团"], ["垫江县人民政府", "重庆三峰环境集团"],
                 id="dateline-outlet"),
    pytest.param("本报讯（通讯员 李四）铜梁区人民政府与重庆交通大学签订校地合作协议。",
                 ["本报", "铜梁区人民政府", "重庆交通大学"], ["铜梁区人民政府", "重庆交通大学"], id="benbao-xun"),
    pytest.param("西南大学与北碚区人民政府签署共建西南大学北碚智慧农业研究院合作协议。",
                 ["西南大学", "北碚区人民政府", "西南大学北碚智慧农业研究院"], ["西南大学", "北碚区人民政府"],
                 id="institute-to-build-is-the-object"),
    pytest.param("重庆交通大学与巴南区人民政府签约共建巴南现代物流研究中心。",
                 ["重庆交通大学", "巴南区人民政府", "巴南现代物流研究中心"], ["重庆交通大学", "巴南区人民政府"],
                 id="qianyue-gongjian-object"),
    pytest.param("綦江区人民政府与重庆理工大学签订校地合作框架协议。", ["綦江区人民政府", "重庆理工大学"],
                 ["綦江区人民政府", "重庆理工大学"], id="framework-university-district"),
])
def test_parties_are_the_signing_sides(text, names, parties):
    assert only(text, *names).parties == parties


@pytest.mark.parametrize("text, parties", [
    pytest.param("4月2日，北碚区人民政府与西南大学举行校地合作座谈会。会后，双方签署深化合作协议。",
                 ["北碚区人民政府", "西南大学"], id="shuangfang-after-a-meeting"),
    pytest.param("西南大学代表到北碚区人民政府座谈。北碚区人民政府与西南大学签署协议。",
                 ["北碚区人民政府", "西南大学"], id="sides-written-stay"),
    pytest.param("北碚区人民政府负责人到企业调研。双方签署合作协议。", [], id="one-organisation-is-no-pair"),
])
def test_both_sides_refer_to_the_previous_sentence(text, parties):
    assert only(text, "北碚区人民政府", "西南大学").parties == parties


def test_enterprises_settling_are_not_the_target():
    text = "走进南岸区创新孵化基地，创业团队正在调试新产品。据介绍，该基地已签约入驻科技型企业130余家。"
    check(only(text, "南岸区创新孵化基地"), {"parties": ["南岸区创新孵化基地"], "count": 130, "date": None})


# ---------------------------------------------------------------- not signings

@pytest.mark.parametrize("text", [
    # 揭牌 / 开工 / 招引 / 洽谈
    pytest.param("重庆大学概念验证中心正式揭牌运行。", id="jiepai"),
    pytest.param("总投资20亿元的智能终端产业园项目今日开工。", id="kaigong"),
    pytest.param("全年招引项目45个，到位资金80亿元。", id="zhaoyin"),
    pytest.param("区招商局与多家企业进行了洽谈对接。", id="qiatan"),
    # plans
    pytest.param("目前已有8个项目拟签约落户。", id="ni-qianyue"),
    pytest.param("双方将于下月签署战略合作协议。", id="jiang-qianshu"),
    pytest.param("计划年内签约项目30个以上。", id="jihua-qianyue"),
    pytest.param("该项目有望于6月正式签约。", id="youwang-qianyue"),
    pytest.param("即将签约的项目共有5个。", id="jijiang-qianyue"),
    pytest.param("部分意向项目尚未签约。", id="weiqianyue"),
    # cooperation without an instrument
    pytest.param("长寿区与四川美术学院在文创设计领域开展深度合作。", id="hezuo"),
    # registered technology contracts
    pytest.param("全区签订技术合同860项，技术合同成交额达到12亿元。", id="jishu-hetong"),
    pytest.param("年技术合同交易登记额近50亿元。", id="jishu-hetong-dengji"),
    # family-doctor and other service contracts
    pytest.param("全区家庭医生签约服务覆盖率达到45%。", id="jiating-yisheng"),
    pytest.param("签约医生定期上门为老人提供健康服务。", id="qianyue-yisheng"),
    pytest.param("企业与新录用员工依法签订劳动合同。", id="laodong-hetong"),
    # signatures on documents
    pytest.param("区长在请示文件上签字后报市政府审批。", id="qianzi"),
    pytest.param("市长签署第12号政府令。", id="qianshu-ling"),
    # progress of earlier signings, noun phrases, captions, headings
    pytest.param("一季度签约项目开工率达到85%。", id="qianyue-xiangmu-kaigong"),
    pytest.param("王某表示，希望签约企业把这里作为投资兴业的沃土。", id="nominal-signed-enterprises"),
    pytest.param("招商引资项目签约仪式 摄/李明。", id="caption"),
    pytest.param("正文第一段。\n重点项目集中签约\n正文第二段。", id="heading-line"),
    # obligations and incentives in policy documents
    pytest.param("用人单位应当与劳动者签订书面协议。", id="policy-yingdang"),
    pytest.param("鼓励企业与高校签订技术开发合同。", id="policy-guli"),
    pytest.param("对新签约落户的重大项目，给予最高500万元奖励。", id="policy-dui-jiangli"),
    pytest.param("项目签约后3个月内须开工建设。", id="policy-after-signing"),
    pytest.param("企业与区政府签订投资协议后，应在6个月内完成注册。", id="policy-after-agreement"),
    pytest.param("全年力争签约项目100个以上，签约金额500亿元以上。", id="target-carries-over-the-sentence"),
    # statistics of contract farming, planned signings after a count
    pytest.param("全区签订青菜头订单收购面积达到68万亩。", id="order-area-statistic"),
    pytest.param("目前还有15个项目进入拟签约阶段，力争二季度集中签约。", id="ni-qianyue-jieduan"),
    pytest.param("当天，区投资促进中心组织园区与18家企业洽谈，其中5个项目有望在二季度签约落地。",
                 id="qiatan-youwang"),
    pytest.param("2月28日，重庆医科大学附属医院揭牌成立。", id="jiepai-chengli"),
    pytest.param("规模以上企业劳动合同签订率达到98%。", id="qianding-lv"),
])
def test_not_signings(text):
    assert signings(text) == []


# ---------------------------------------------------------------- places

def test_explicit_places_are_used_for_location():
    text = "当天，4个项目签约落户蔡家岗街道。"
    places = [(text.index("蔡家岗街道"), text.index("蔡家岗街道") + 5, "蔡家岗街道")]
    assert only(text, places=places).location == "蔡家岗街道"


def test_settling_into_a_platform_gives_the_region():
    text = "北碚区大力推进创新。北碚区科技局表示，当天15个项目签约落户北碚国家大学科技园。"
    signing = only(text, "北碚区科技局", "北碚国家大学科技园")
    check(signing, {"parties": ["北碚国家大学科技园"], "location": "北碚区", "count": 15})


def test_no_settling_or_venue_gives_no_location():
    assert only("北碚区一家企业与西南大学签订就业见习协议。", "西南大学").location is None


# ---------------------------------------------------------------- seeds

def _joined(raw: str) -> str:
    """The print page with its hard-wrapped lines joined (nlp.text when present)."""
    try:
        from nlp.text import join_wrapped_lines
    except ImportError:
        return "\n".join("".join(block.split("\n")) for block in raw.split("\n\n"))
    return join_wrapped_lines(raw)


@pytest.mark.seeds
def test_seed_epaper_batch_signing(seed_text):
    text = _joined(seed_text("epaper"))
    found = find_signings(text, [], published=None)
    batch = [s for s in found if s.count == 58]
    assert len(batch) == 1
    assert batch[0].date == "2019-05-06"
    assert batch[0].location == "北碚区"
    assert text[batch[0].start:batch[0].end] == batch[0].text
    assert all("揭牌" not in s.text or "签约" in s.text for s in found)


@pytest.mark.seeds
def test_seed_epaper_events_with_organisations(seed_text):
    text = _joined(seed_text("epaper"))
    names = [("环西南大学创新生态圈", "创新生态圈", "环大学创新生态圈"), "朝阳文创大道", ("西南大学", "西大")]
    found = signings(text, *names, published=None)
    events = sorted(((s.count or 0, s.date, s.parties, s.location) for s in found), key=lambda e: e[0])
    assert events == [
        (0, None, ["西南大学"], None),
        (20, None, ["朝阳文创大道"], "朝阳文创大道"),
        (58, "2019-05-06", ["环西南大学创新生态圈"], "北碚区"),
    ]


@pytest.mark.seeds
def test_seed_portal_cumulative_signing(seed_text):
    text = seed_text("portal")
    found = find_signings(text, [], published="2025-04-25")
    assert [(s.count, s.date) for s in found] == [(5, None)]
    assert found[0].text.startswith("已与5所高校") and found[0].text.endswith(";")


# ---------------------------------------------------------------- invariants

_PIECES = ["4月18日，", "近日，", "区政府与", "重庆某某集团", "签署战略合作协议", "集中签约", "拟签约", "，",
           "。", "；", "\n", "总投资12.5亿元", "18个项目", "落户", "北碚区", "签约仪式", "此次签约", " ", "其中，"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@settings(max_examples=150, deadline=None)
def test_offsets_always_index_the_text(pieces):
    text = "".join(pieces)
    found = find_signings(text, orgs(text, "区政府", "重庆某某集团"), published=PUBLISHED)
    for signing in found:
        assert text[signing.start:signing.end] == signing.text
        assert signing.count is None or signing.count > 0
    assert [s.start for s in found] == sorted(s.start for s in found)

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
    pytest.param("4月10日，推介会在重庆举行。\n会上，12个重大项目签约。", PUBLISHED, None,
                 id="previous-paragraph-not-inherited"),
    pytest.param("协议签署后，项目预计2026年6月建成投产。", PUBLISHED, None, id="later-plan-date-not-signing-date"),
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


def test_most_precise_date_before_the_trigger_wins():
    text = "4月22日，2025年永川区一季度重大招商项目集中签约仪式在永川区会展中心举行。"
    check(only(text), {"date": "2025-04-22", "location": "永川区", "projects": []})


def test_one_sentence_with_two_triggers_is_one_event():
    text = "签约仪式上，双方签署了战略合作协议和项目投资协议。"
    assert len(signings(text)) == 1


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

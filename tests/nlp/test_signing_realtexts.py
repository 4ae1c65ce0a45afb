"""Error classes seen on real news texts: comments on a signing taken as new
events (nlp/signing_comments.py), restatements, sub-batches and period totals
(nlp/signing_scope.py), a ceremony named after its theme, totals closing a
list of parts, and 全年 of a year under review. The phrases are made up."""
from __future__ import annotations

import re

import pytest

from nlp import signing_comments as comments
from nlp import signing_rules as rules
from nlp.signing_amounts import whole_part
from nlp.signing_selfrefs import self_mentions, unglue
from policyminer.records import Organization
from signing_sentences import read_one, read_signings

PUBLISHED = "2024-10-12"


def triggers(sentence: str) -> list[int]:
    return rules.triggers(sentence)


# ---------------------------------------------------------------- comments on the signing

@pytest.mark.parametrize("sentence", [
    pytest.param("本轮校地框架协议的签订，意味着双方合作进入快车道。", id="nominalised-signing-means"),
    pytest.param("此次政企合作签约将为园区转型注入新动能。", id="this-signing-will"),
    pytest.param("本次两地合作协议的签署，标志着协同发展迈出关键一步。", id="this-signing-marks"),
    pytest.param("这次银企签约为中小企业融资打开了通道。", id="this-signing-opens"),
])
def test_signing_as_subject_is_a_comment(sentence):
    assert any(comments.is_comment(sentence, pos) for pos in triggers(sentence))


@pytest.mark.parametrize("sentence", [
    pytest.param("分行负责人表示，这是该行今年首次与区级政府签订全面合作协议。", id="speaker-says-first-time"),
    pytest.param("区长指出，本次银政签约将进一步稳定市场预期。", id="speaker-points-out"),
    pytest.param("董事长认为，与高校签署联合实验室协议是企业转型的关键一步。", id="speaker-thinks"),
])
def test_speaker_remarks_are_comments(sentence):
    assert all(comments.is_comment(sentence, pos) for pos in triggers(sentence))


@pytest.mark.parametrize("sentence", [
    pytest.param("校长回顾说，2019年学校与市政府签订校城融合协议以来，双方合作不断深化。",
                 id="remark-dating-an-earlier-signing"),
    pytest.param("会议指出，今年以来全区新签约项目36个，履约率仍需提升。", id="meeting-states-a-total"),
    pytest.param("数据显示，前三季度全市共签约亿元项目88个。", id="data-show-a-total"),
    pytest.param("5月6日，区政府与某银行分行签署战略合作协议。", id="plain-report"),
])
def test_reports_are_no_comments(sentence):
    assert not any(comments.is_comment(sentence, pos) for pos in triggers(sentence))


@pytest.mark.parametrize("text", [
    pytest.param("10月9日，县政府与某农商银行签署战略合作协议。行长表示，这是该行首次与县级政府签订此类协议。",
                 id="banker-remark-after-report"),
    pytest.param("10月9日，区政府与某大学签订合作协议。本次校地合作协议的签署，标志着双方合作迈上新台阶。",
                 id="meaning-after-report"),
    pytest.param("10月9日，市政府与某银行签署合作协议。书记表示，本次政银签约将提振企业信心。",
                 id="official-remark-after-report"),
])
def test_comments_add_no_event(text):
    assert len(read_signings(text, PUBLISHED)) == 1


# ---------------------------------------------------------------- restatements, sub-batches, period totals

def test_restatement_with_same_count_and_amount_is_folded():
    text = ("9月30日，记者从区投资促进中心获悉，三季度全区集中签约项目12个，协议引资45.6亿元。\n"
            "据悉，今年以来，该区深耕珠三角和成渝地区，通过以商招商，实现集中签约项目12个，协议引资45.6亿元。")
    assert len(read_signings(text, PUBLISHED)) == 1


def test_different_batch_is_not_a_restatement():
    text = ("9月30日，该区举行项目集中签约仪式，签约项目12个，协议引资45.6亿元。\n"
            "今年以来，该区累计签约项目40个，协议引资160亿元。")
    assert len(read_signings(text, PUBLISHED)) == 2


def test_parallel_sub_batch_is_folded():
    text = ("5月8日，某区举行今年第二批重点项目集中签约仪式。此次集中签约项目18个，签约额150亿元。\n"
            "其中，某高新区共签约项目7个，合同额40亿元。\n"
            "某项目总投资5亿元，将建设研发中心。\n"
            "另一项目计划总投资3亿元，建设生产线。\n"
            "此外，某生态新城同样表现亮眼，共签约5个项目，揽金30亿元。")
    found = read_one(text, PUBLISHED)
    assert (found.count, found.amount["value"], found.parties) == (18, 15_000_000_000, [])


def test_period_total_after_ceremony_is_its_own_event():
    text = ("9月25日，某区举行三季度重大项目集中签约仪式。\n"
            "该区三季度签约亿元项目12个，其中，50亿级项目1个、10亿级项目3个、1至10亿级项目8个，总投资额为180.5亿元。"
            "今年前三季度，该区共签约亿元以上项目40个，总投资额为520亿元。")
    found = read_signings(text, PUBLISHED)
    assert [(s.count, s.amount["value"]) for s in found] == [(12, 18_050_000_000), (40, 52_000_000_000)]


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("签约项目10个，其中，工业项目6个、商贸项目4个，总投资额为60亿元。",
                 "签约项目10个，总投资额为60亿元", id="total-closes-a-list-of-parts"),
    pytest.param("签约项目10个，总投资60亿元，其中工业项目6个，投资40亿元。",
                 "签约项目10个，总投资60亿元", id="part-after-the-total"),
    pytest.param("签约项目10个，其中工业项目6个，总投资40亿元。",
                 "签约项目10个", id="total-of-a-single-part-stays-the-part"),
])
def test_whole_part(sentence, expected):
    assert whole_part(sentence) == expected


# ---------------------------------------------------------------- ceremonies named after their theme

@pytest.mark.parametrize("sentence", [
    pytest.param("3月2日，学院与某街道合作推进及项目签约仪式在街道办事处举行。", id="push-forward-and-signing"),
    pytest.param("6月1日，某区产业协作推动暨项目签约大会在会展中心举办。", id="promotion-and-signing-meeting"),
])
def test_theme_words_do_not_make_a_plan(sentence):
    assert rules.acts(sentence, triggers(sentence))


@pytest.mark.parametrize("sentence", [
    pytest.param("下一步，双方将加快推进项目签约。", id="push-to-sign"),
    pytest.param("区里将推动一批项目签约仪式于下月举行。", id="ceremony-still-to-come"),
])
def test_plans_stay_plans(sentence):
    assert rules.acts(sentence, triggers(sentence)) == []


def test_signings_at_the_meeting_of_an_announced_ceremony():
    text = ("3月2日，学校与某街道合作推进及项目签约仪式在某街道办事处举行。相关学院负责人参加座谈。"
            "会议由街道党工委书记主持。\n"
            "区校合作办负责人介绍了合作进展。学校合作处处长作了发言。街道办事处主任谈了下一步打算。\n"
            "会上，某大学出版社、某大学药学院与某街道办事处分别签订了项目合作协议书。")
    found = read_one(text, PUBLISHED)
    assert found.text.startswith("3月2日") and found.date == "2024-03-02"


# ---------------------------------------------------------------- 全年 of a year under review

@pytest.mark.parametrize("text, published, expected", [
    pytest.param("2023年，全区招商工作成效明显。\n全年新签约项目120个，合同投资额300亿元。", "2024-01-20", "2023",
                 id="review-published-next-year"),
    pytest.param("全年新签约项目120个，合同投资额300亿元。", "2024-12-28", "2024", id="no-year-written"),
])
def test_whole_year_is_the_year_under_review(text, published, expected):
    assert read_one(text, published).date == expected


# ---------------------------------------------------------------- sides named by reference to the document

@pytest.mark.parametrize("text, expected", [
    pytest.param("某师范大学召开党委会。5月9日，我校与某区人民政府签署校地合作协议。某师范大学将派出专家团队。",
                 ["某师范大学", "某区人民政府"], id="our-school-is-the-university"),
    pytest.param("某理工大学简讯。6月2日，校方与某区人民政府签订人才培养协议。某理工大学表示将全力推进。",
                 ["某理工大学", "某区人民政府"], id="the-school-side"),
])
def test_school_reference_is_the_university(text, expected):
    orgs = [Organization(name=name, type=kind, aliases=[], mentions=[(m.start(), m.end()) for m in
            re.finditer(name, text)]) for name, kind in
            ((expected[0], "university"), (expected[1], "government"))]
    found = self_mentions(text, orgs, sorted((s, e, o.name) for o in orgs for s, e in o.mentions))
    names = [name for s, e, name in found if text[s:e] in ("我校", "校方")]
    assert names == [expected[0]]


def test_school_opening_a_ceremony_name_is_not_resolved():
    text = "某大学新闻网讯。3月2日，学校与某街道合作推进及项目签约仪式在街道办事处举行。某大学副校长出席。"
    orgs = [Organization(name="某大学", type="university", aliases=[],
                         mentions=[(m.start(), m.end()) for m in re.finditer("某大学", text)])]
    found = self_mentions(text, orgs, [(s, e, "某大学") for s, e in orgs[0].mentions])
    assert all(text[s:e] != "学校" for s, e, _ in found)


@pytest.mark.parametrize("name, written, expected", [
    pytest.param("某工业园区东区发展和某商业银行成都分行", "某商业银行成都分行", ["某商业银行成都分行"],
                 id="bank-glued-to-a-park"),
    pytest.param("某工业园区东区发展和某商业银行成都分行", None, ["某工业园区东区", "某商业银行成都分行"],
                 id="whole-glued-span-split"),
    pytest.param("某某大学机电与车辆工程学院", None, ["某某大学机电与车辆工程学院"], id="faculty-name-kept"),
    pytest.param("新希望六和股份有限公司", None, ["新希望六和股份有限公司"], id="company-name-kept"),
])
def test_unglue(name, written, expected):
    text = f"12月2日，园区与某商业银行成都分行签订协议。推进{name}的共同发展。"
    start = text.index(name) if written is None else text.index(written)
    end = start + len(written or name)
    assert [n for _, _, n in unglue(text, [(start, end, name)])] == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("某某日报消息，25日下午，某区举行一季度项目集中签约仪式。", 6, id="daily-news-dateline"),
    pytest.param("本报讯 5月3日，某区与某公司签约。", 3, id="paper-dateline"),
    pytest.param("5月3日，某区与某公司签约。", 0, id="no-dateline"),
])
def test_datelines(sentence, expected):
    assert rules.dateline_end(sentence) == expected


# ---------------------------------------------------------------- what a signing brings, parts of a batch or total

@pytest.mark.parametrize("sentence", [
    pytest.param("此次集中签约活动是该区获批国家级新区以来规模最大的一次签约活动。", id="this-ceremony-is"),
    pytest.param("其中，甲科技总部项目、乙传感器项目等项目的签约落地将加快全区数字产业布局。", id="projects-signing-will"),
    pytest.param("丙材料生产基地项目的签约落地，拓宽了全区新材料产业的发展空间。", id="projects-signing-widened"),
])
def test_what_a_signing_brings_is_a_comment(sentence):
    from nlp.signing_comments import acts_of
    assert acts_of(sentence, triggers(sentence)) == []


@pytest.mark.parametrize("text", [
    pytest.param("今年1-6月，某区累计签约项目90个，正式合同额达180亿元；60个项目已开工。\n"
                 "从各专班情况看，工业专班签约项目40个，合同额120亿元；", id="team-share-of-a-total"),
    pytest.param("某局发布上半年招商榜单，今年上半年，全市新签订招商项目正式合同金额9000亿元。"
                 "其中制造业榜单显示，上半年全市新签约制造业项目正式合同金额3000亿元。", id="list-share-of-a-total"),
    pytest.param("3月6日，某区重大项目集中签约活动举行，共签约18个项目，总投资120亿元。\n"
                 "电子信息项目方面：甲公司智能终端基地和乙公司芯片封测基地签约落地，将补齐产业链短板。",
                 id="kind-of-the-batch"),
    pytest.param("5月9日，某区人民政府与某大学举行合作签约仪式。某大学校长介绍了研究院的建设设想。\n"
                 "区长回顾了双方的合作历程。\n接着，双方进行了签约仪式。", id="ceremony-told-again"),
])
def test_parts_of_a_batch_or_total_are_folded(text):
    assert len(read_signings(text, PUBLISHED)) == 1


def test_count_of_another_stage_is_not_the_signing_count():
    text = "今年前三季度，全市新开工项目800个，资金到位额2000亿元，新签订招商项目正式合同金额6000亿元。"
    found = read_one(text, PUBLISHED)
    assert (found.count, found.amount["value"]) == (None, 600_000_000_000)


# ---------------------------------------------------------------- greetings, hosts, titled agreements, mixed stages

def test_greetings_to_the_signing_name_no_sides():
    text = ("3月18日上午，某区一季度招商项目云签约活动在某数码城举行。此次云签约活动共签约12个项目，总投资30亿元。\n"
            "区长在致辞中代表区委、区政府向项目签约表示热烈祝贺。")
    assert read_one(text, PUBLISHED).parties == []


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("会上，甲区与乙市签订了《跨区协同发展合作协议》和《联合办学协议书》。", 2, id="two-titled-agreements"),
    pytest.param("甲区与乙市签订了《跨区协同发展合作协议》。", None, id="one-titled-agreement"),
])
def test_titled_agreements_count(sentence, expected):
    from nlp.signing_amounts import count
    assert count(sentence, sentence.index("签订")) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("共计40个项目集中签约和开工建设，总投资200亿元。", (None, None), id="signed-and-started"),
    pytest.param("共计40个项目集中签约、开工，总投资200亿元。", (None, None), id="signed-comma-started"),
    pytest.param("共计40个项目集中签约，总投资200亿元。", (40, 20_000_000_000), id="signed-only"),
])
def test_mixed_stages_give_no_signing_numbers(sentence, expected):
    from nlp.signing_amounts import amount, count
    found = amount(sentence)
    assert (count(sentence, sentence.index("签约")), found and found["value"]) == expected


def test_ceremony_numbers_after_its_background():
    text = ("3月28日，某对接活动在某国际会议中心举行。某市市长出席重大项目签约和开工活动。\n"
            "副市长某某参加。\n"
            "为深化央地合作，某市举办系列对接活动。此次活动是系列活动的第一场，多家央企负责人参加。\n"
            "此次签约项目15个，投资金额300亿元。")
    found = read_one(text, PUBLISHED)
    assert (found.count, found.amount["value"]) == (15, 30_000_000_000)


def test_who_presides_is_no_side():
    text = ("5月20日下午，某大学与某区人民政府战略合作签约仪式在某服务中心举行。"
            "签约仪式由某区委常委、区委组织部部长某某主持。")
    from nlp.signing_parties import parties
    from signing_sentences import Sent, mentions
    sentence = text[text.index("签约仪式由"):]
    sent = Sent(0, len(sentence), sentence)
    assert parties(sent, [0], mentions(sentence, "某区委组织部", "区委组织部")) == []


# ---------------------------------------------------------------- the day a ceremony was held, quoted names, objects

@pytest.mark.parametrize("sentence, published, expected", [
    pytest.param("某市2024年招商引资二季度集中签约活动8日在某区举行，签约项目30个。", "2024-05-09", "2024-05-08",
                 id="day-after-the-ceremony-name"),
    pytest.param("某市2024年招商引资二季度集中签约活动8日下午在某区举行。", "2024-05-09", "2024-05-08",
                 id="day-and-afternoon"),
    pytest.param("某市2024年上半年集中签约项目30个。", "2024-07-09", "2024", id="only-a-year"),
])
def test_day_the_ceremony_was_held(sentence, published, expected):
    from nlp.signing_dates import own_date
    assert own_date(sentence, sentence.index("签约"), published) == expected


def test_quoted_ceremony_name_as_subject_is_a_comment():
    sentence = "她说，本次“云签约”活动是全区在特殊时期稳增长的重要举措。"
    assert comments.is_subject(sentence, sentence.index("签约"))


def test_what_a_ceremony_is_about_is_no_side():
    from nlp.signing_parties import parties
    from signing_sentences import Sent, mentions
    sentence = "某区人民政府携手某大学，就共建某大学某区研究院在主楼举行了签约仪式。"
    found = mentions(sentence, "某区人民政府", "某大学某区研究院")
    found += [m for m in mentions(sentence, "某大学") if not any(s <= m[0] < e for s, e, _ in found)]
    sent = Sent(0, len(sentence), sentence)
    assert parties(sent, [sentence.index("签约")], sorted(found)) == ["某区人民政府", "某大学"]


@pytest.mark.parametrize("sentence", [
    pytest.param("据称，甲公司与乙区已签署投资协议。", id="reportedly"),
    pytest.param("园区负责人表示，当天有12个项目签约入驻园区。", id="remark-with-a-count"),
])
def test_reported_speech_with_facts_is_no_comment(sentence):
    assert not any(comments.is_comment(sentence, pos) for pos in triggers(sentence))

"""Where a signing event starts and ends, and who its sides are, in the cases a
later annotation round exposed: companies written again by their brand, the
last member of a list of sides, a venue clause before the sides, a ceremony
that the next sentence details, a second signing at the same ceremony, past
signings in a noun phrase, and policy conditions.

Rule-level tables first (nlp/signing_rules.py, nlp/signing_parties.py with
hand-built mentions), then short made-up district news read end to end.
"""
from __future__ import annotations

import pytest

from nlp import signing_parties as sp
from nlp import signing_rules as rules
from policyminer.records import Organization
from signing_sentences import Sent, mentions, read_signings

PUBLISHED = "2025-06-20"


def sentence_parties(text: str, *names: str) -> list[str]:
    found = mentions(text, *names)
    outer = [m for m in found if not any(s <= m[0] and m[1] <= e and (s, e) != m[:2] for s, e, _ in found)]
    return sp.parties(Sent(0, len(text), text), rules.acts(text, rules.triggers(text)), outer)


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


# ---------------------------------------------------------------- brand forms

@pytest.mark.parametrize("name, forms", [
    pytest.param("重庆钒源新材料有限公司", ["钒源新材料"], id="place-and-legal-form-off"),
    pytest.param("重庆瑞普光电科技有限公司", ["瑞普光电科技", "瑞普光电", "瑞普科技"], id="trade-word-off-too"),
    pytest.param("重庆市合川区恒达农业发展有限公司", ["恒达农业发展", "恒达农业", "恒达发展"], id="two-places-off"),
    pytest.param("四川川投能源股份有限公司", ["川投能源", "川投股份"], id="joint-stock"),
    pytest.param("重庆华盛智能装备集团有限公司", ["华盛智能装备", "华盛集团"], id="group-by-its-brand"),
    pytest.param("中国建设银行股份有限公司重庆分公司", [], id="branch-has-none"),
    pytest.param("重庆建工集团股份有限公司", [], id="two-character-core-is-too-short"),
    pytest.param("西南大学", [], id="not-a-company"),
])
def test_brand_forms(name, forms):
    assert sp._brand_forms(name) == forms


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("重庆钒源新材料有限公司落户园区。次日，园区与钒源新材料签订协议。",
                 "重庆钒源新材料有限公司", ["钒源新材料"], id="written-short-later"),
    pytest.param("重庆钒源新材料有限公司落户园区。钒源新材料产业园同日开园。",
                 "重庆钒源新材料有限公司", [], id="start-of-another-name"),
    pytest.param("重庆钒源新材料有限公司落户园区。新建钒源新材料车间。",
                 "重庆钒源新材料有限公司", [], id="inside-a-longer-word"),
    pytest.param("重庆钒源新材料有限公司落户园区。钒源新材料研究院同日揭牌。",
                 "重庆钒源新材料有限公司", [], id="followed-by-another-head"),
    pytest.param("重庆华盛智能装备集团有限公司落户园区。华盛集团董事长出席。",
                 "重庆华盛智能装备集团有限公司", ["华盛集团"], id="group-written-short"),
    pytest.param("江苏恒拓新能源科技股份有限公司落户园区。此前，恒拓科技已与某大学学院签订研发合同。",
                 "江苏恒拓新能源科技股份有限公司", ["恒拓科技"], id="head-and-trade-word"),
    pytest.param("江苏恒拓新能源科技股份有限公司落户园区。恒拓科技园同日开园。",
                 "江苏恒拓新能源科技股份有限公司", [], id="head-and-trade-word-starts-another-name"),
    pytest.param("江苏恒拓新能源科技股份有限公司落户园区。当天，恒拓股份与园区签订投资协议。",
                 "江苏恒拓新能源科技股份有限公司", ["恒拓股份"], id="stock-name"),
])
def test_brand_mentions(text, name, expected):
    org = Organization(name=name, type="company", mentions=[[0, len(name)]])
    found = sp.brand_mentions(text, [org], sp.mentions([org]))
    assert [text[s:e] for s, e, n in found if (s, e) != (0, len(name))] == expected


# ---------------------------------------------------------------- sides

@pytest.mark.parametrize("text, names, expected", [
    pytest.param("区经信委与重庆瑞普光电科技有限公司、蓝鲸智造签署产业协作协议。",
                 ("区经信委", "重庆瑞普光电科技有限公司"),
                 ["区经信委", "重庆瑞普光电科技有限公司", "蓝鲸智造"], id="last-member-before-the-verb"),
    pytest.param("区经信委与重庆瑞普光电科技有限公司、蓝鲸智造共同签署产业协作协议。",
                 ("区经信委", "重庆瑞普光电科技有限公司"),
                 ["区经信委", "重庆瑞普光电科技有限公司", "蓝鲸智造"], id="last-member-before-gongtong"),
    pytest.param("区经信委与重庆瑞普光电科技有限公司、蓝鲸智造在綦江签署产业协作协议。",
                 ("区经信委", "重庆瑞普光电科技有限公司"),
                 ["区经信委", "重庆瑞普光电科技有限公司", "蓝鲸智造"], id="last-member-before-a-place"),
    pytest.param("区经信委与重庆瑞普光电科技有限公司、全区18家企业签署产业协作协议。",
                 ("区经信委", "重庆瑞普光电科技有限公司"),
                 ["区经信委", "重庆瑞普光电科技有限公司"], id="last-member-a-class-of-bodies"),
])
def test_the_last_member_of_a_list_is_a_side(text, names, expected):
    assert sentence_parties(text, *names) == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("在四川大学，宜宾市科技局与四川大学化学工程学院签署共建协议。",
                 ("四川大学", "宜宾市科技局", "四川大学化学工程学院"),
                 ["宜宾市科技局", "四川大学化学工程学院"], id="venue-clause"),
    pytest.param("6月3日在重庆大学，区投资促进中心与甲公司签订投资协议。",
                 ("重庆大学", "区投资促进中心", "甲公司"), ["区投资促进中心", "甲公司"], id="dated-venue-clause"),
    pytest.param("在区科技局的推动下，重庆大学与甲公司签订技术转移协议。",
                 ("区科技局", "重庆大学", "甲公司"), ["重庆大学", "甲公司"], id="under-whose-care"),
    pytest.param("重庆大学在江津区与甲公司签订技术转移协议。",
                 ("重庆大学", "甲公司"), ["重庆大学", "甲公司"], id="zai-after-the-subject"),
])
def test_a_venue_clause_names_no_side(text, names, expected):
    assert sentence_parties(text, *names) == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("区商务委组织区内12家外贸企业与东盟采购商签订出口订单。",
                 ("区商务委",), [], id="organises-the-signers"),
    pytest.param("区经信委带领重庆瑞普光电科技有限公司与甲公司签订供货协议。",
                 ("区经信委", "重庆瑞普光电科技有限公司", "甲公司"),
                 ["重庆瑞普光电科技有限公司", "甲公司"], id="leads-a-company"),
    pytest.param("区经信委与重庆瑞普光电科技有限公司签订合作协议，并组织专家开展技术诊断。",
                 ("区经信委", "重庆瑞普光电科技有限公司"),
                 ["区经信委", "重庆瑞普光电科技有限公司"], id="organises-something-else"),
])
def test_a_body_that_brings_others_to_sign_is_no_side(text, names, expected):
    assert sentence_parties(text, *names) == expected


# ---------------------------------------------------------------- sentences that report nothing

@pytest.mark.parametrize("sentence", [
    pytest.param("那家前年在綦江签约建厂的汽配企业，二期车间上月投产。", id="demonstrative-noun-phrase"),
    pytest.param("去年与区政府签订框架协议的那家企业，近日完成了增资。", id="agreement-inside-the-phrase"),
    pytest.param("今年2月签约落户的重庆启航氢能科技有限公司，目前已完成设备安装。", id="phrase-headed-by-a-name"),
    pytest.param("高新区内企业委托高校开展研发并签订技术开发合同的，经认定后一次性奖励5万元。", id="policy-condition"),
    pytest.param("园区企业与职业院校签订订单培养协议的，每培养1名学生补助2000元。", id="policy-condition-subsidy"),
    pytest.param("企业与高校签订合作协议，联合开展关键技术攻关的，按研发投入的15%给予补助。",
                 id="policy-condition-two-clauses"),
])
def test_no_signing_reported(sentence):
    assert rules.acts(sentence, rules.triggers(sentence)) == []


@pytest.mark.parametrize("sentence", [
    pytest.param("今年以来新签约落户的企业，已有9家投产。", id="perfect-noun-phrase"),
    pytest.param("区政府与甲公司签订了总投资8亿元的项目，将建设智能工厂。", id="phrase-with-an-amount"),
    pytest.param("区政府与甲公司签订了共建研究院的合作协议，双方将联合攻关。", id="phrase-names-the-instrument"),
    pytest.param("当天签约落户的企业共12家，协议投资56亿元。", id="phrase-with-a-count"),
    pytest.param("区政府与甲公司签订合作协议，区长表示，对符合条件的，将给予支持。", id="condition-far-after"),
])
def test_signing_still_reported(sentence):
    assert rules.acts(sentence, rules.triggers(sentence)) != []


# ---------------------------------------------------------------- ceremony sentences

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("今日上午，副市长一行到开发区考察，其间出席了产教融合签约活动。", True, id="attends-ceremony"),
    pytest.param("市领导出席活动并见证签约。", True, id="witnesses-signing"),
    pytest.param("签约仪式上，区长表示将做好服务。", False, id="speech-at-the-ceremony"),
    pytest.param("签约仪式结束后，双方进行了座谈。", False, id="after-the-ceremony"),
])
def test_attends(sentence, expected):
    assert rules.attends(sentence, rules.triggers(sentence)) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("签约仪式上，甲学院与乙公司也签订了合作协议。", True, id="yishi-shang"),
    pytest.param("在签约现场，丙公司还与区商务委签订采购协议。", True, id="qianyue-xianchang"),
    pytest.param("仪式上，丁公司与区农业农村委也签署了合作协议。", True, id="bare-yishi-shang"),
    pytest.param("揭牌仪式上，甲学院与乙公司签订了合作协议。", False, id="another-ceremony"),
    pytest.param("甲学院与乙公司签订了合作协议。", False, id="plain-signing"),
])
def test_at_the_ceremony(sentence, expected):
    assert rules.at_the_ceremony(sentence) is expected


# ---------------------------------------------------------------- end to end

def test_an_attended_ceremony_is_the_first_report_of_its_signing():
    text = ("6月12日，市政府副秘书长王涛带队来到綦江考察齿轮产业集群，其间出席了政校企协同创新签约活动。"
            "重庆工程职业技术学院、綦江区人民政府同重庆齿轮箱有限责任公司、重庆綦江永跃齿轮有限公司"
            "现场签订合作协议4份，合同总额1800万元。")
    found = signings(text)
    assert len(found) == 1
    event = found[0]
    assert event.text.startswith("6月12日") and event.text.endswith("签约活动。")
    assert (event.date, event.count, event.amount) == ("2025-06-12", 4, {"value": 18000000, "unit": "元"})
    assert "重庆齿轮箱有限责任公司" in event.parties and "重庆工程职业技术学院" in event.parties


def test_an_attended_ceremony_opens_the_signing_told_after_its_details():
    text = ("6月9日，副区长赵敏到双桥经开区调研，并参加了智能制造产业签约活动。"
            "本次签约项目总投资9亿元。"
            "双桥经开区管委会与重庆瑞普光电科技有限公司、重庆海联通讯设备有限公司签订投资协议3份。")
    found = signings(text)
    assert len(found) == 1
    assert found[0].text.startswith("6月9日")
    assert (found[0].count, found[0].amount) == (3, {"value": 900000000, "unit": "元"})


def test_a_restated_ceremony_opens_nothing_of_its_own():
    text = ("6月12日，綦江区人民政府与重庆工程职业技术学院签订校地合作协议。双方将共建实训基地。"
            "学院将每年输送毕业生。基地计划明年投用。区长出席签约仪式。")
    assert len(signings(text)) == 1


def test_a_second_signing_at_the_same_ceremony_joins_the_first():
    text = ("6月12日，綦江区人民政府和重庆工程职业技术学院在区行政中心签署战略合作协议。"
            "仪式上，重庆工程职业技术学院机械工程学院同綦江区经济和信息化委员会签订了人才共育协议，"
            "仪式当天签署协议总数达到3份。")
    found = signings(text)
    assert len(found) == 1
    assert found[0].count == 3
    assert "綦江区经济和信息化委员会" in found[0].parties


def test_a_past_signing_in_a_noun_phrase_is_no_new_event():
    text = ("6月18日，綦江区人民政府与重庆齿轮箱有限责任公司签署战略合作协议。\n"
            "座谈中，重庆綦江永跃齿轮有限公司总经理介绍了企业近况。"
            "那家前年在綦江签约建厂的汽配企业，二期车间上月投产，新增岗位300个。")
    assert len(signings(text)) == 1


def test_a_policy_condition_is_no_signing():
    text = ("第七条 鼓励校企协同。规上工业企业同职业院校签订订单培养合同且招录毕业生满10人的，每人补贴3000元，"
            "单家企业每年最高30万元。")
    assert signings(text, None) == []

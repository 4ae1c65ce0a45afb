"""Signing errors of the fourth fresh annotation round: a quarter's total after the
year's, leaders who greet a ceremony, ceremonies mixing signing with groundbreaking,
the signed firms named or served after a batch, quoted slogans, a second group's
count, the day a reporter learnt the news, and a host that only holds the ceremony.

Rule-level tables first (nlp/signing_firms.py, nlp/signing_mixed.py,
nlp/signing_scope.py, nlp/signing_comments.py), then short made-up district news
read end to end.
"""
from __future__ import annotations

import pytest

from nlp import signing_batches as batches
from nlp import signing_firms as firms
from nlp import signing_mixed as mixed
from nlp import signing_scope as scope
from nlp.signing_comments import is_comment
from nlp.signing_parents import parent_mentions
from policyminer.records import Organization
from signing_sentences import Sent, mentions, read_one, read_signings

PUBLISHED = "2025-10-20"


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


def only(text: str, published: str | None = PUBLISHED):
    return read_one(text, published)


# ---------------------------------------------------------------- signed firms and slogans (rules)

@pytest.mark.parametrize("sentence, word, expected", [
    pytest.param("园区服务中心为签约企业代表发放了服务手册。", "签约企业", True, id="served-firms"),
    pytest.param("将为各签约入驻企业提供一对一帮办服务。", "签约入驻", True, id="served-settled-firms"),
    pytest.param("要督促签约企业尽快开工建设。", "签约企业", True, id="urged-firms"),
    pytest.param("为签约企业12家颁发证书。", "签约企业", False, id="count-makes-it-a-report"),
    pytest.param("签约企业代表某公司董事长作表态发言。", "签约企业", False, id="firm-named-not-served"),
    pytest.param("当天共有8家企业签约入驻园区。", "签约入驻", False, id="plain-report"),
])
def test_signed_firms_as_modifier(sentence, word, expected):
    assert firms.is_modifier(sentence, sentence.index(word)) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("全镇做到了招商工作“周周有签约、月月有开工”。", True, id="parallel-slogan"),
    pytest.param("园区推行“签约即落地”服务模式。", True, id="sign-then-settle-slogan"),
    pytest.param("双方签订了“校企共建”合作协议。", False, id="quoted-name-outside"),
])
def test_slogans(sentence, expected):
    pos = sentence.index("签")
    assert firms.in_slogan(sentence, pos) is expected


@pytest.mark.parametrize("sentence, names, expected", [
    pytest.param("签约企业代表重庆云峰材料有限公司总经理作了发言。", ["重庆云峰材料有限公司"],
                 ["重庆云峰材料有限公司"], id="firm-after-its-representative"),
    pytest.param("签约方重庆云峰材料有限公司负责人介绍了项目。", ["重庆云峰材料有限公司"],
                 [], id="签约方-is-not-a-firm-word"),
    pytest.param("重庆云峰材料有限公司负责人作了发言。", ["重庆云峰材料有限公司"], [], id="no-signing-word"),
])
def test_signed_firms_named(sentence, names, expected):
    sent = Sent(0, len(sentence), sentence)
    assert firms.signed_firms(sent, mentions(sentence, *names)) == expected


# ---------------------------------------------------------------- mixed ceremonies (rules)

@pytest.mark.parametrize("event, piece, expected", [
    pytest.param("项目集中签约暨集中开工仪式举行。", "其中：招商签约项目5个，总投资约12亿元", True,
                 id="signed-share-of-mixed"),
    pytest.param("项目集中签约暨集中开工仪式举行。", "其中，新开工项目9个，总投资约30亿元", False,
                 id="groundbreaking-share"),
    pytest.param("重大项目集中签约仪式举行。", "其中：签约项目5个，总投资约12亿元", False,
                 id="plain-batch-share-stays-a-share"),
])
def test_signed_share(event, piece, expected):
    assert mixed.signed_share(event, piece) is expected


@pytest.mark.parametrize("name, expected", [
    pytest.param("开工", False, id="groundbreaking-word"),
    pytest.param("投产", False, id="commissioning-word"),
    pytest.param("某县人民政府", True, id="a-body"),
])
def test_event_words_are_no_sides(name, expected):
    assert mixed.is_side(name) is expected


# ---------------------------------------------------------------- greetings and groups (rules)

@pytest.mark.parametrize("sentence, word, expected", [
    pytest.param("书记代表县委、县政府向此次集中签约、开工的项目表示热烈祝贺。", "签约", True,
                 id="greeting-after-a-list"),
    pytest.param("区长向项目签约表示衷心祝贺。", "签约", True, id="greeting-right-after"),
    pytest.param("区政府与某集团签约，区长表示热烈欢迎。", "签约", False, id="greeting-in-another-clause"),
])
def test_greetings_are_comments(sentence, word, expected):
    assert is_comment(sentence, sentence.index(word)) is expected


@pytest.mark.parametrize("sentence, earlier, expected", [
    pytest.param("同时，区政府与甲银行、乙银行等3家银行分别签订协议。", ["丙银行"], True, id="second-group"),
    pytest.param("同时，区政府与甲银行、乙银行等3家银行分别签订协议。", [], False, id="first-group"),
    pytest.param("区政府与甲银行签订协议。", ["丙银行"], False, id="no-parallel-opening"),
])
def test_later_group(sentence, earlier, expected):
    assert scope.is_later_group(sentence, earlier) is expected


@pytest.mark.parametrize("sentence, parties, expected", [
    pytest.param("当天，某科技园开园并举行了签约仪式。", ["某科技园"], True, id="host-alone"),
    pytest.param("当天，某科技园与某大学举行了签约仪式。", ["某科技园"], False, id="partner-written"),
    pytest.param("当天，某科技园与某大学签订合作协议。", ["某科技园"], False, id="no-ceremony-held"),
])
def test_host_only(sentence, parties, expected):
    assert batches.hosts_only(sentence, parties) is expected


# ---------------------------------------------------------------- parent bodies of party units (rules)

@pytest.mark.parametrize("text, expected", [
    pytest.param("某区政府与市农机合作总社签订协议。市农机合作总社党委书记出席。",
                 [(5, 12, "重庆市农机合作总社")], id="short-side-of-known-unit"),
    pytest.param("某区政府与重庆市农机合作总社签订协议。市农机合作总社党委书记出席。",
                 [(5, 14, "重庆市农机合作总社")], id="full-side-of-known-unit"),
    pytest.param("市农机合作总社党委书记出席。", [], id="unit-only"),
])
def test_parent_mentions(text, expected):
    unit_at = text.index("市农机合作总社党委")
    unit = Organization(name="重庆市农机合作总社党委", type="party", aliases=["市农机合作总社党委"],
                        mentions=[[unit_at, unit_at + 9]])
    found = [(unit_at, unit_at + 9, unit.name)]
    assert [m for m in parent_mentions(text, [unit], found) if m not in found] == expected


# ---------------------------------------------------------------- period totals (end to end)

@pytest.mark.parametrize("text, counts", [
    pytest.param("今年1—6月，全县签约项目40个，协议投资120亿元。\n分季度看，第二季度全县签约项目22个，"
                 "协议投资70亿元，创同期新高。", [40, 22], id="quarter-after-half-year"),
    pytest.param("今年前三季度，全区签约项目60个，协议金额200亿元。\n其中，三季度签约项目25个，"
                 "协议金额90亿元，同比增长一成。", [60], id="quarter-as-qizhong-share"),
])
def test_period_totals(text, counts):
    assert [s.count for s in signings(text)] == counts


# ---------------------------------------------------------------- ceremonies (end to end)

def test_greeting_leaders_are_no_sides_and_signed_share_counts():
    text = ("3月2日，某县一季度招商项目集中签约及重点项目集中开工仪式举行。\n"
            "据了解，此次集中签约、开工项目共20个，投资约50亿元。其中：招商签约项目4个，总投资约11亿元；"
            "新开工项目16个，总投资约39亿元。\n"
            "县委书记代表县委、县政府向此次集中签约、开工的项目表示祝贺。")
    found = only(text, "2025-03-05")
    assert (found.parties, found.count, found.amount) == ([], 4, {"value": 1100000000, "unit": "元"})


def test_signed_firm_named_later_is_a_side():
    text = ("11月5日，某县招商引资项目集中签约仪式在县会议中心举行。县领导出席仪式。\n"
            "签约仪式上，副县长代表某县人民政府分别与企业代表签订投资协议。\n"
            "签约企业代表重庆云峰材料有限公司总经理作了发言。\n"
            "据了解，本次集中签约项目3个，签约金额合计9.2亿元。")
    found = only(text)
    assert "重庆云峰材料有限公司" in found.parties
    assert found.count == 3


@pytest.mark.parametrize("text", [
    pytest.param("10月9日，园区举行项目签约仪式，12家企业签约入驻。\n"
                 "园区服务中心为签约企业代表发放了服务手册，为各签约入驻企业提供专员服务。",
                 id="served-firms-no-second-event"),
    pytest.param("10月9日，园区举行项目签约仪式，12家企业签约入驻。\n"
                 "今年以来，园区实现了重点项目“月月有签约、月月有投产”。", id="slogan-no-second-event"),
])
def test_no_new_event(text):
    assert len(signings(text)) == 1


def test_second_group_count_is_not_the_ceremony_count():
    text = ("9月18日下午，某区举行金融服务实体经济集中签约仪式。\n"
            "签约仪式上，甲银行重庆分行、乙银行重庆分行与某区签订项目合作协议。"
            "同时，某区与丙银行重庆分行、丁银行重庆分行等3家银行分别签订框架协议。")
    assert only(text).count is None


def test_host_of_the_ceremony_is_no_side():
    text = ("6月3日，某科技园开园并举行了签约仪式。重庆云峰材料有限公司与西南科技大学签订合作协议、"
            "重庆启明数据有限公司与某区投资促进中心签订合作协议。")
    parties = only(text).parties
    assert "重庆云峰材料有限公司" in parties and "某科技园" not in parties


# ---------------------------------------------------------------- dates (end to end)

@pytest.mark.parametrize("text, expected", [
    pytest.param("3月6日，记者了解到，某区代表团赴外地开展对口交流。期间，某区教委与当地教委签订了合作协议。",
                 None, id="day-learnt-is-not-the-trip"),
    pytest.param("3月6日，某区代表团赴外地开展对口交流。期间，某区教委与当地教委签订了合作协议。",
                 "2025-03-06", id="day-of-the-trip"),
])
def test_during_a_trip(text, expected):
    assert only(text).date == expected

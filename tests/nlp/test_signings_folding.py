"""Signings read end to end (nlp/signings.py with the organisations the
pipeline finds): what folds into the ceremony already reported — the people
who sign on behalf of its sides, the count given at the ceremony, side
agreements signed there, the agreements' totals in the next sentence — and
what stays its own event: a signing with a vague time of its own after a
running total, an earlier round signed by 双方, the day before.

One table per phenomenon; every text is a short made-up district news piece.
"""
from __future__ import annotations

import pytest

from signing_sentences import read_signings, read_one

PUBLISHED = "2025-06-13"


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


def only(text: str, published: str | None = PUBLISHED):
    return read_one(text, published)


# ---------------------------------------------------------------- signers on behalf of the sides

@pytest.mark.parametrize("text, parties", [
    pytest.param("昨日，荣昌区人民政府与重庆邮电大学在区行政中心签署校地合作协议，双方将共建数字经济研究院。"
                 "区委书记张强、重庆邮电大学副校长刘军出席签约仪式，副区长李明与重庆邮电大学科技处负责人代表双方签约。",
                 {"荣昌区人民政府", "重庆邮电大学"}, id="deputy-and-office-head"),
    pytest.param("6月12日，荣昌区人民政府与中国建设银行重庆市分行战略合作协议签约仪式在区行政中心举行。"
                 "区委书记张强出席并致辞。区政府副区长周林与中国建设银行重庆市分行副行长孙伟代表双方签署协议。",
                 {"荣昌区人民政府", "中国建设银行重庆市分行"}, id="bank-ceremony"),
])
def test_signers_on_behalf_are_a_detail(text, parties):
    event = only(text)
    assert set(event.parties) == parties


@pytest.mark.parametrize("signers", [
    pytest.param("副县长杨丹与西南大学副校长张卫签署协议。", id="office-holders-sign"),
    pytest.param("西南大学副校长张卫、垫江县副县长杨丹代表双方签约。", id="listed-office-holders"),
    pytest.param("副县长杨丹与西南大学科技处负责人分别代表各自单位签署协议。", id="for-their-own-units"),
])
def test_office_holders_of_the_sides_are_a_detail(signers):
    event = only("昨日，垫江县人民政府与西南大学在县行政中心签署白柚产业科技合作协议。" + signers)
    assert set(event.parties) == {"垫江县人民政府", "西南大学"}


def test_office_holders_of_a_new_side_sign_their_own():
    found = signings("昨日，垫江县人民政府与西南大学签署白柚产业科技合作协议。"
                     "副县长杨丹与重庆长安汽车股份有限公司总经理张卫签署投资协议。")
    assert len(found) == 2
    assert "重庆长安汽车股份有限公司" in found[1].parties


def test_signers_on_behalf_alone_report_the_signing():
    event = only("6月5日，副区长周林与重庆大学副校长刘洋代表双方签署了产学研合作协议。")
    assert event.date == "2025-06-05"


# ---------------------------------------------------------------- the ceremony's count and side agreements

CEREMONY = ("前日，綦江区人民政府与重庆理工大学校地合作框架协议签约仪式在重庆理工大学花溪校区举行。"
            "双方领导出席仪式并为联合研究院揭牌。\n"
            "按照框架协议，双方将在智能制造等四个方向开展合作。学校每年选派10名青年教师到綦江挂职。\n")


@pytest.mark.parametrize("text, count, more", [
    pytest.param(CEREMONY + "仪式上共签署3份合作协议。", 3, set(), id="count-at-the-ceremony"),
    pytest.param(CEREMONY + "签约仪式上，双方共签订合作协议4份。", 4, set(), id="count-at-the-signing-ceremony"),
    pytest.param(CEREMONY + "活动中共签署合作协议5份。", 5, set(), id="count-during-the-event"),
    pytest.param(CEREMONY + "仪式上共签署3份合作协议。除框架协议外，重庆理工大学车辆工程学院与綦江工业园区管委会"
                 "签订了共建产业学院协议。", 3, {"重庆理工大学车辆工程学院", "綦江工业园区管委会"},
                 id="side-agreement-besides-the-framework"),
])
def test_the_ceremony_takes_its_count_and_side_agreements(text, count, more):
    event = only(text)
    assert event.count == count
    assert event.date == "2025-06-11"
    assert set(event.parties) == {"綦江区人民政府", "重庆理工大学"} | more


def test_the_count_at_the_ceremony_of_a_plain_signing():
    event = only("前日，綦江区人民政府与重庆理工大学签署校地合作框架协议。双方领导出席并为联合研究院揭牌。"
                 "按照框架协议，双方将在智能制造等四个方向开展合作。学校每年选派10名青年教师到綦江挂职。"
                 "仪式上共签署3份合作协议。")
    assert event.count == 3


@pytest.mark.parametrize("detail, count, value", [
    pytest.param("两份协议涉及金溪风电场项目和濯水共享储能电站项目，总投资38亿元。", 2, 3_800_000_000,
                 id="two-agreements-and-their-total"),
    pytest.param("3份合同总金额5.6亿元。", 3, 560_000_000, id="three-contracts-and-their-value"),
])
def test_the_agreements_totals_after_the_ceremony(detail, count, value):
    event = only("3月16日，黔江区人民政府与华润电力控股有限公司新能源项目投资协议签约仪式在区行政中心举行。"
                 "区长余勇与华润电力控股有限公司总经理陈新签署项目投资协议；"
                 "重庆市黔江区城市建设投资（集团）有限公司与华润电力控股有限公司同场签订合资协议。" + detail)
    assert (event.count, (event.amount or {}).get("value")) == (count, value)


@pytest.mark.parametrize("detail, count, value", [
    pytest.param("该项目总投资20亿元，将建设两条生产线。", None, 2_000_000_000, id="the-one-project"),
    pytest.param("两个项目计划总投资20亿元。", 2, 2_000_000_000, id="two-projects"),
])
def test_one_agreements_project_total(detail, count, value):
    event = only("4月2日，重庆市綦江区人民政府与重庆长安汽车股份有限公司新材料项目投资协议签约仪式在区行政中心举行。" + detail)
    assert (event.count, (event.amount or {}).get("value")) == (count, value)


@pytest.mark.parametrize("text, value", [
    pytest.param("3月16日，黔江区人民政府与华润电力控股有限公司新能源项目投资协议签约仪式在区行政中心举行。"
                 "根据协议，华润电力控股有限公司将投资38亿元建设金溪风电场项目。", 3_800_000_000, id="ceremony-terms"),
    pytest.param("6月12日，合川区人民政府与重庆华远科技有限公司签署投资协议。"
                 "根据协议，该公司将投资20亿元建设电子元器件生产基地，达产后年产值50亿元。", 2_000_000_000,
                 id="plain-signing-terms"),
    pytest.param("6月12日，合川区人民政府与中国银行重庆市分行签署战略合作协议。"
                 "按照协议约定，该行将为合川提供不低于300亿元的意向性融资支持。", None, id="a-sides-commitment"),
])
def test_the_terms_of_one_agreement_give_its_amount(text, value):
    assert (only(text).amount or {}).get("value") == value


def test_a_batch_ceremony_takes_no_single_projects_total():
    event = only("4月2日，綦江区重大项目集中签约仪式在区行政中心举行。该项目总投资20亿元。")
    assert event.amount is None


# ---------------------------------------------------------------- events of their own

@pytest.mark.parametrize("text", [
    pytest.param("截至目前，綦江已与9所高校签署校地合作协议，共建研发平台12个。"
                 "此外，重庆市綦江区人民政府与西南政法大学签订了人才培养合作协议。", id="besides-after-a-total"),
    pytest.param("今年以来，全区累计签约项目45个，总投资120亿元。"
                 "活动现场，重庆大学与重庆长安汽车股份有限公司签订了合作协议。", id="on-site-after-a-total"),
])
def test_a_running_total_absorbs_no_signing(text):
    total, own = signings(text)
    assert total.parties == []
    assert len(own.parties) == 2

def test_a_recent_signing_after_a_running_total_is_its_own():
    first, second = signings("截至目前，綦江已与9所高校签署校地合作协议，共建研发平台12个。"
                             "此外，重庆市綦江区人民政府日前与西南政法大学签订了人才培养合作协议。")
    assert (first.count, first.parties, first.date) == (9, [], None)
    assert set(second.parties) == {"重庆市綦江区人民政府", "西南政法大学"}
    assert second.date is None


def test_both_sides_of_an_earlier_round_are_the_main_agreements():
    text = ("6月12日，合川区人民政府与中国建设银行重庆市分行战略合作协议签约仪式在区行政中心举行。\n"
            "按照协议，该行将为合川提供融资支持。双方明确由合川区金融发展服务中心和中国建设银行合川支行牵头建立联络机制。\n"
            "早在2019年，双方就签署了首轮战略合作协议。")
    first, earlier = signings(text)
    assert earlier.date == "2019"
    assert set(earlier.parties) == set(first.parties) == {"合川区人民政府", "中国建设银行重庆市分行"}


def test_both_sides_named_before_the_previous_sides_word():
    event = only("6月3日，重庆大学与重庆市璧山区人民政府举行座谈，双方就共建研究院交换了意见。双方签署了战略合作协议。")
    assert set(event.parties) == {"重庆大学", "重庆市璧山区人民政府"}


# ---------------------------------------------------------------- dates from the day told before

@pytest.mark.parametrize("text, date", [
    pytest.param("5月20日，2025年永川区产教融合对接会在重庆文理学院举行。院校与企业现场签订合作协议42份。\n"
                 "对接会上，区人力社保局发布了用工需求。\n"
                 "此前一天，永川区教育委员会已与重庆城市职业学院签署合作备忘录。", "2025-05-19", id="the-day-before"),
    pytest.param("5月20日，永川区人民政府与重庆文理学院签署战略合作协议。\n"
                 "次日，重庆文理学院与长城汽车股份有限公司签订订单培养协议。", "2025-05-21", id="the-next-day"),
])
def test_day_offsets_from_the_event_before(text, date):
    assert signings(text)[-1].date == date


def test_on_site_signing_takes_the_meetings_day_not_a_period():
    text = ("6月12日，合川区人民政府与中国建设银行重庆市分行战略合作协议签约仪式暨融资对接会在区行政中心举行。\n"
            "截至5月末，中国建设银行重庆市分行在合川的贷款余额达186.5亿元。\n"
            "现场，中国建设银行合川支行、重庆农村商业银行合川支行分别与重庆渝合兴科技有限公司等9家企业签订融资协议，"
            "签约金额合计28.7亿元。")
    assert signings(text)[-1].date == "2025-06-12"

"""Signing errors of the third fresh annotation round: a batch sentence whose
whole comes before a 其中 clause, signings reported by mode (现场/线上), a signing
right after the ceremony (仪式结束后…), the start of a span of years (自2021年起),
a policy's scope clause, and one side's pledge after a strategic agreement.

Rule-level tables first (nlp/signing_amounts.py, nlp/signing_modes.py,
nlp/signing_dates.py, nlp/signing_plans.py), then short made-up district news
read end to end.
"""
from __future__ import annotations

import pytest

from nlp import signing_rules as rules
from nlp.signing_amounts import amount, signed_count, whole_part
from nlp.signing_dates import own_dates
from nlp.signing_modes import is_mode_segment, pieces_count
from signing_sentences import read_signings, read_one

PUBLISHED = "2025-09-10"


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


def only(text: str, published: str | None = PUBLISHED):
    return read_one(text, published)


# ---------------------------------------------------------------- the whole before 其中

@pytest.mark.parametrize("sentence, head", [
    pytest.param("本次签约项目18个，总投资96亿元，其中制造业项目11个。", "本次签约项目18个，总投资96亿元",
                 id="later-qizhong-cut"),
    pytest.param("签约项目7个，包括智能终端项目3个。", "签约项目7个", id="later-baokuo-cut"),
    pytest.param("其中，工业项目5个、投资额20亿元。", "其中，工业项目5个、投资额20亿元。", id="opening-qizhong-kept"),
    pytest.param("现场签约项目12个，投资额40亿元。", "现场签约项目12个，投资额40亿元。", id="no-part-kept"),
])
def test_whole_part(sentence, head):
    assert whole_part(sentence) == head


# ---------------------------------------------------------------- counts by mode

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("现场签约项目6个、投资额30亿元，线上签约项目11个、投资额42亿元。", 17, id="mode-before-count"),
    pytest.param("5个项目现场签约、3个项目云端签约。", 8, id="count-before-mode"),
    pytest.param("现场签约企业4家，视频签约企业9家。", 13, id="enterprises-by-mode"),
    pytest.param("本次共签约项目20个。", None, id="plain-total-is-no-pieces"),
])
def test_pieces_count(sentence, expected):
    assert pieces_count(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("线上签约环节，4家外地企业通过视频同步签约。", True, id="online-segment"),
    pytest.param("云签约会场，各地客商在线签约。", True, id="cloud-venue"),
    pytest.param("通过视频连线，苏州的企业代表同步签约。", True, id="video-link"),
    pytest.param("区长在会上介绍了招商政策。", False, id="no-mode"),
])
def test_is_mode_segment(sentence, expected):
    assert is_mode_segment(sentence) is expected


def test_signed_count_sums_the_modes():
    assert signed_count("现场签约项目6个，线上签约项目11个。") == 17


# ---------------------------------------------------------------- start of a span of years

@pytest.mark.parametrize("sentence, trigger_word, expected", [
    pytest.param("该区自2020年起每年举办招商推介会，累计签约项目超过300个。", "签约", [], id="zi-qi-past-year"),
    pytest.param("从2019年开始，全区累计签约金额逾80亿元。", "签约", [], id="cong-kaishi-past-year"),
    pytest.param("自今年3月起，全区新签约项目26个。", "签约", ["2025"], id="start-within-published-year"),
    pytest.param("2025年8月3日，区政府与某公司签约。", "签约", ["2025-08-03"], id="plain-day-kept"),
])
def test_start_of_a_span_is_no_event_date(sentence, trigger_word, expected):
    found = own_dates(sentence, sentence.index(trigger_word), PUBLISHED)
    assert [iso for _, _, iso in found] == expected


# ---------------------------------------------------------------- a policy's scope

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("本办法适用于与区政府签订投资协议并在本区注册的企业。", [], id="shiyongyu"),
    pytest.param("支持对象为与园区管委会签订入驻协议的科技型企业。", [], id="zhichi-duixiang"),
    pytest.param("奖励对象为2025年签约落户我区的项目。", [], id="jiangli-duixiang-project"),
    pytest.param("5月6日，区政府与某科技公司签订投资协议。", [14], id="plain-report-kept"),
])
def test_scope_clause_has_no_trigger(sentence, expected):
    assert rules.triggers(sentence) == expected


# ---------------------------------------------------------------- one side's pledge

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("根据协议，某建设集团计划未来三年在区内投资不低于80亿元。", None, id="pledge-over-years"),
    pytest.param("按照协议，某能源公司将在五年内投资超过50亿元。", None, id="pledge-within-years"),
    pytest.param("根据协议，该项目计划投资20亿元。", {"value": 2000000000, "unit": "元"}, id="project-plan-kept"),
    pytest.param("某公司将投资6亿元建设生产线。", {"value": 600000000, "unit": "元"}, id="plain-investment-kept"),
    pytest.param("项目总投资30亿元，预计年产值50亿元。", {"value": 3000000000, "unit": "元"}, id="total-kept"),
])
def test_pledge_is_not_the_amount(sentence, expected):
    assert amount(sentence) == expected


# ---------------------------------------------------------------- end to end

def test_batch_details_before_qizhong_fill_the_ceremony():
    signing = only("9月3日，永川区2025年第三季度重大项目集中签约仪式在区会展中心举行。"
                   "此次集中签约项目15个，总投资88.6亿元，其中工业项目10个、服务业项目5个。")
    assert (signing.count, signing.amount) == (15, {"value": 8860000000, "unit": "元"})


def test_cloud_signing_sums_modes_and_takes_the_amount():
    signing = only("9月5日，綦江区重点项目“云签约”活动举行，活动采取“现场+线上”方式。"
                   "活动现场签约项目7个、投资额31亿元，线上签约项目12个、投资额40.5亿元，签约总金额71.5亿元。"
                   "线上签约环节，通过视频连线，6家外地企业在各自会场同步签约。")
    assert (signing.count, signing.amount) == (19, {"value": 7150000000, "unit": "元"})


def test_signing_after_the_ceremony_takes_its_day():
    found = signings("9月4日，江北区重点项目集中签约仪式举行，签约项目9个，总投资45亿元。"
                     "区领导出席仪式并致辞。仪式结束后，江北区商务委员会还与6家商贸企业签订了入驻协议。")
    assert [s.date for s in found][-1] == "2025-09-04"


def test_running_total_since_a_past_year_has_no_date():
    found = signings("据介绍，大足区自2020年起每年举办银企对接会，累计促成融资签约金额超过90亿元。")
    assert [(s.date, s.amount) for s in found] == [(None, {"value": 9000000000, "unit": "元"})]


def test_pledge_after_a_strategic_agreement_is_no_amount():
    found = signings("9月8日，渝北区人民政府与中国建筑第三工程局有限公司签署战略合作协议。"
                     "根据协议，双方将在城市更新等领域深化合作，中国建筑第三工程局有限公司计划未来五年在渝北区投资不低于150亿元。")
    assert found and found[0].amount is None


# ---------------------------------------------------------------- investors and lenders of a batch's detail

@pytest.mark.parametrize("text, party", [
    pytest.param("5月8日，永川区重点项目集中签约仪式举行，签约项目12个。"
                 "签约项目中，重庆川维化工有限公司新材料生产基地项目投资9亿元，其余项目涉及电子信息等领域。",
                 "重庆川维化工有限公司", id="investor-before-its-project"),
    pytest.param("5月8日，永川区政银企对接会召开。会上，6家银行机构与20家企业现场签订融资协议26份，授信总额18亿元。"
                 "其中，重庆三峡银行永川支行为永川区凤凰湖工业园区内的8家企业提供授信合计2亿元，"
                 "中国建设银行永川支行与重庆理文造纸有限公司签订贷款合同。",
                 "重庆三峡银行永川支行", id="lender-in-a-detail-with-its-own-signing"),
])
def test_investors_of_a_batch_detail_are_parties(text, party):
    assert party in signings(text)[0].parties

"""Signings around a ceremony, read end to end (nlp/signings.py with the
organisations the pipeline finds): who hosts it and who signs at it, sides
named only in a later sentence, past signings named in a relative clause,
articles of a regulation, and dates given as 前日.

One table per phenomenon; every text is a short made-up district news piece.
"""
from __future__ import annotations

import pytest

from signing_sentences import read_signings, read_one

PUBLISHED = "2025-04-25"


def signings(text: str, published: str | None = PUBLISHED):
    return read_signings(text, published)


def only(text: str, published: str | None = PUBLISHED):
    return read_one(text, published)


# ---------------------------------------------------------------- hosts are not sides

@pytest.mark.parametrize("text, parties", [
    pytest.param("4月18日，区政府举行二季度重大项目集中签约活动，签约项目6个，签约金额31.5亿元。"
                 "其中，北碚区农业农村委员会与重庆恒都农业集团有限公司签订肉牛养殖项目投资协议。",
                 {"北碚区农业农村委员会", "重庆恒都农业集团有限公司"}, id="government-holds-the-ceremony"),
    pytest.param("4月9日，北碚区教育委员会组织召开校地合作推进会，西南大学附属中学与北碚区朝阳中学现场签订结对协议。",
                 {"西南大学附属中学", "北碚区朝阳中学"}, id="organiser-of-the-meeting"),
    pytest.param("4月18日，北碚区人民政府与重庆建工集团股份有限公司举行战略合作签约仪式。",
                 {"北碚区人民政府", "重庆建工集团股份有限公司"}, id="both-sides-hold-it-together"),
])
def test_the_host_of_a_ceremony_is_not_a_side(text, parties):
    assert set(signings(text)[0].parties) == parties


# ---------------------------------------------------------------- a ceremony's signings

@pytest.mark.parametrize("text, parties, count", [
    pytest.param("4月16日，两江新区招商引资项目集中签约仪式在悦来举行，现场签约项目12个，签约金额86亿元。"
                 "此次签约项目中，制造业项目8个。\n"
                 "在市商务委有关负责人见证下，北碚区人民政府与宁德时代新能源科技股份有限公司签署战略合作协议；"
                 "北碚区投资促进中心还与重庆长安汽车股份有限公司签订项目投资协议。",
                 {"北碚区人民政府", "宁德时代新能源科技股份有限公司", "北碚区投资促进中心", "重庆长安汽车股份有限公司"}, 12,
                 id="signings-after-the-batch-are-its-own"),
])
def test_signings_after_an_unnamed_ceremony_belong_to_it(text, parties, count):
    event = only(text)
    assert set(event.parties) == parties
    assert event.count == count


@pytest.mark.parametrize("text, parties, amount", [
    pytest.param("4月20日还举行了校企合作签约。签约双方为重庆交通大学与重庆建工集团股份有限公司，"
                 "双方将共建智能建造研究中心，合同金额2600万元。",
                 {"重庆交通大学", "重庆建工集团股份有限公司"}, 26_000_000, id="sides-named-in-the-next-sentence"),
])
def test_sides_named_later_are_the_parties(text, parties, amount):
    event = only(text)
    assert set(event.parties) == parties
    assert event.amount == {"value": amount, "unit": "元"}


@pytest.mark.parametrize("text, count", [
    pytest.param("4月12日，北碚区返乡创业项目签约活动举行。活动中，8个项目现场签约、5个项目线上签约，签约总金额42亿元。",
                 13, id="onsite-and-online-add-up"),
])
def test_counts_by_mode_add_up(text, count):
    assert only(text).count == count


# ---------------------------------------------------------------- not signings

@pytest.mark.parametrize("text", [
    pytest.param("西南大学有关负责人表示，学校与北碚区2021年签订的校地合作协议，目前已转化成果32项。",
                 id="relative-clause-about-a-past-signing"),
    pytest.param("第一条 本办法适用于县政府及其授权部门与投资方签订的投资额5000万元以上的招商引资项目合同。",
                 id="article-of-a-regulation"),
    pytest.param("签约当天，双方还就共建研究生联合培养基地进行了洽谈。", id="signing-day-mention"),
])
def test_not_signings(text):
    assert signings(text) == []


@pytest.mark.parametrize("text, date", [
    pytest.param("此前，北碚区已与重庆大学签订校地合作协议。", None, id="perfect-report-undated"),
    pytest.param("今年以来新签约的项目达42个，协议投资额156亿元。", "2025", id="cumulative-relative-is-a-report"),
])
def test_perfect_and_cumulative_reports_are_signings(text, date):
    assert only(text).date == date


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text, dates", [
    pytest.param("前日，北碚区人民政府与重庆建工集团股份有限公司签署战略合作协议。"
                 "同日，重庆交通大学与重庆建工集团股份有限公司签订人才培养合作协议。",
                 ["2025-04-23", "2025-04-23"], id="qianri-and-same-day"),
])
def test_qianri_is_two_days_before(text, dates):
    assert [s.date for s in signings(text)] == dates


# ---------------------------------------------------------------- signers listed in the sentence

@pytest.mark.parametrize("text, parties", [
    pytest.param("4月11日，潼南区招商引资项目集中签约仪式举行，本次签约的企业包括重庆华数机器人有限公司、"
                 "重庆京东方光电科技有限公司等8家企业，总投资56亿元。",
                 {"重庆华数机器人有限公司", "重庆京东方光电科技有限公司"}, id="this-time-signed-companies-include"),
    pytest.param("4月11日，潼南区举行招商引资项目集中签约仪式，12个项目现场签约，总投资88亿元，"
                 "签约企业分别为重庆华数机器人有限公司、重庆京东方光电科技有限公司等。",
                 {"重庆华数机器人有限公司", "重庆京东方光电科技有限公司"}, id="signers-after-the-amount"),
])
def test_signers_listed_later_in_the_sentence(text, parties):
    assert set(only(text).parties) == parties


# ---------------------------------------------------------------- separate ceremonies

@pytest.mark.parametrize("text, counts", [
    pytest.param("4月18日上午，梁平区在深圳举行招商推介会，现场签约项目6个，签约金额32亿元。"
                 "随后，梁平区还在东莞举行产业合作集中签约仪式，签约项目4个，签约金额18亿元。",
                 [6, 4], id="second-ceremony-elsewhere"),
    pytest.param("4月18日，梁平区举行一季度招商引资项目集中签约仪式，签约项目9个，签约金额46亿元。"
                 "活动现场，梁平区还举行了校地合作签约仪式，梁平区人民政府与重庆三峡学院签署合作协议。",
                 [9, None], id="second-ceremony-at-the-same-event"),
])
def test_each_ceremony_is_its_own_event(text, counts):
    assert [s.count for s in signings(text)] == counts


# ---------------------------------------------------------------- short forms defined in the text

@pytest.mark.parametrize("text, parties", [
    pytest.param("4月20日，北碚区人民政府与中国移动通信集团重庆有限公司（以下简称“重庆移动”）签署数字北碚合作协议。"
                 "同日，重庆移动还与西南大学签订联合实验室共建协议。",
                 [{"北碚区人民政府", "中国移动通信集团重庆有限公司"}, {"中国移动通信集团重庆有限公司", "西南大学"}],
                 id="short-form-signs-again"),
])
def test_a_defined_short_form_names_its_body(text, parties):
    assert [set(s.parties) for s in signings(text)] == parties


def test_a_defined_park_is_the_side_of_what_settles_in_it():
    text = ("4月20日，重庆东部物流园（以下简称“物流园”）与重庆机场集团有限公司签订航空物流合作协议。"
            "物流园相关负责人介绍，园区今年以来已签约落户物流项目9个，合同金额达31亿元。")
    found = signings(text)
    assert [s.count for s in found] == [None, 9]
    assert found[1].parties == ["重庆东部物流园"]

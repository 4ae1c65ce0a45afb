"""nlp/signing_batches.py and its use in nlp/signings.py: one ceremony or batch
told over several sentences stays one event (EXTRACTION.md, "One event per
ceremony or batch"), and the sides its detail sentences name are its parties.

Rule-level tables first, then short made-up district news read end to end.
"""
from __future__ import annotations

import pytest

from nlp import signing_batches as batches
from nlp.signing_projects import projects
from signing_sentences import Sent, mentions, read_signings

PUBLISHED = "2025-06-20"


# ---------------------------------------------------------------- parts of a batch

@pytest.mark.parametrize("sentence, expected", [
    pytest.param("据了解，本批项目主要集中在电子信息和新材料领域。", True, id="this-batch-by-kind"),
    pytest.param("现场签约的项目共11个；", True, id="the-on-site-part"),
    pytest.param("另有5个项目的投资方在外地，通过视频连线完成云签约。", True, id="the-remote-part"),
    pytest.param("线上签约环节，3家企业通过直播平台签约。", True, id="a-mode-segment"),
    pytest.param("区政府与甲公司签署战略合作协议。", False, id="a-signing-of-its-own"),
    pytest.param("今年以来，全区累计签约项目40个。", False, id="a-running-total"),
])
def test_batch_parts(sentence, expected):
    assert batches.is_batch_part(sentence) is expected


@pytest.mark.parametrize("sentence, names, expected", [
    pytest.param("永川区人民政府相关负责人与各项目投资方代表分别在协议上签字。", ("永川区人民政府",),
                 ["永川区人民政府"], id="government-officials-sign-each-agreement"),
    pytest.param("园区管委会主要负责人和企业代表共同在合同文本上签字。", ("园区管委会",),
                 ["园区管委会"], id="park-officials-sign"),
    pytest.param("永川区人民政府相关负责人介绍，目前还有6个项目正在洽谈。", ("永川区人民政府",),
                 [], id="officials-speak-and-sign-nothing"),
    pytest.param("区招商中心负责人表示，将为签约企业做好服务。", ("区招商中心",),
                 [], id="officials-promise-service"),
])
def test_signing_sides(sentence, names, expected):
    sent = Sent(0, len(sentence), sentence)
    assert batches.signing_sides(sent, mentions(sentence, *names)) == expected


# ---------------------------------------------------------------- read end to end

BATCH_WITH_PARTS = (
    "今（18）日，大足区2025年二季度重点项目集中签约活动举行，20个项目以现场加视频的方式集中签约，"
    "协议投资总额96亿元。\n"
    "活动由大足区人民政府主办。\n"
    "据介绍，本批项目主要集中在五金制造和文旅两个方向。现场签约的项目共15个；另有5个项目的投资方"
    "通过视频连线完成云签约。\n"
    "签约现场，大足区人民政府与重庆龙岗五金制造有限公司签署投资协议，项目总投资12亿元。"
    "重庆大足文旅发展集团有限公司与成都锦城数字科技有限公司签订合作协议，共建数字文旅体验中心。")


def test_batch_parts_and_ceremony_signings_fold_into_one_event():
    found = read_signings(BATCH_WITH_PARTS, PUBLISHED)
    assert len(found) == 1, [s.text for s in found]
    event = found[0]
    assert (event.date, event.count) == ("2025-06-18", 20)
    assert {"重庆龙岗五金制造有限公司", "成都锦城数字科技有限公司"} <= set(event.parties)


def test_officials_signing_make_their_body_a_side():
    text = ("6月12日，永川区2025年第二批重点项目集中签约活动举行，现场签约项目9个，协议投资总额45亿元。"
            "永川区人民政府相关负责人与各项目投资方代表分别在协议上签字。")
    found = read_signings(text, PUBLISHED)
    assert len(found) == 1
    assert "永川区人民政府" in found[0].parties


@pytest.mark.parametrize("text, expected", [
    pytest.param("6月12日，全区重点项目集中签约活动举行，现场签约项目9个。签约现场，区政府与重庆某某"
                 "机械有限公司签署投资协议。6月15日，区政府与重庆某某物流有限公司签订合作协议。",
                 2, id="a-day-of-its-own-is-another-signing"),
    pytest.param("6月12日，全区重点项目集中签约活动举行，现场签约项目9个。签约现场，区政府与重庆某某"
                 "机械有限公司签署投资协议。同日下午，区政府与重庆某某物流有限公司签订合作协议。",
                 2, id="another-occasion-the-same-day"),
])
def test_signings_after_the_ceremony_with_a_time_of_their_own(text, expected):
    assert len(read_signings(text, PUBLISHED)) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("据介绍，本批项目主要集中在五金制造领域。", [], id="this-batch"),
    pytest.param("此次项目涵盖电子信息和新材料。", [], id="this-time"),
    pytest.param("其中，双桥经开区新能源电池项目投资最大。", ["双桥经开区新能源电池项目"], id="a-named-project"),
])
def test_batch_words_name_no_project(sentence, expected):
    assert projects(sentence) == expected

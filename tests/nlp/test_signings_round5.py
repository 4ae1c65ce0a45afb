"""Signing errors of the fifth fresh annotation round: who attended or chaired a
签字仪式, a batch told as cited points ([1] - …), comments ranking a signing or
telling how it was held, and the day of an event named after its year when the
document has no publication date.

Rule-level tables first (nlp/signing_rules.py, nlp/signing_restatements.py,
nlp/signing_dates.py), then short made-up news read end to end.
"""
from __future__ import annotations

import pytest

from nlp import signing_rules as rules
from nlp.signing_points import cited_points
from nlp.signing_restatements import describes_manner, ranks
from signing_sentences import read_one, read_signings

PUBLISHED = "2025-11-03"


# ---------------------------------------------------------------- attending or chairing a 签字仪式

@pytest.mark.parametrize("sentence, word, expected", [
    pytest.param("区长王某、校长李某出席了签字仪式。", "签字仪式", True, id="attended-signing-ceremony"),
    pytest.param("区委副书记张某主持了签字仪式。", "签字仪式", True, id="chaired-signing-ceremony"),
    pytest.param("副区长赵某主持签约仪式。", "签约", True, id="chaired-without-le"),
    pytest.param("A公司与B大学在会上举行了签字仪式。", "签字仪式", False, id="held-is-no-attendance"),
    pytest.param("双方代表在协议上签字。", "签字", False, id="plain-signature"),
])
def test_attendance_is_a_mention(sentence, word, expected):
    assert rules.is_mention(sentence, sentence.index(word)) is expected


# ---------------------------------------------------------------- rank verdicts and manner

@pytest.mark.parametrize("sentence, word, expected", [
    pytest.param("两镇结对是两市开展合作以来，乡镇之间首次签订合作协议，双方将互通有无。", "签订", True,
                 id="first-since-cooperation"),
    pytest.param("这是园区成立以来第一次签约外资项目，意义重大。", "签约", True, id="first-since-founding"),
    pytest.param("这是今年以来首次签约，共落地项目5个。", "签约", False, id="count-makes-it-a-report"),
    pytest.param("这是2019年以来第一次签订此类协议。", "签订", False, id="own-year"),
    pytest.param("两镇首次签订合作协议。", "签订", False, id="plain-first-signing"),
])
def test_rank_verdicts(sentence, word, expected):
    assert ranks(sentence, sentence.index(word)) is expected


@pytest.mark.parametrize("sentence, word, expected", [
    pytest.param("同时，签约采用网络视频连线形式，兼顾防疫与发展。", "签约", True, id="by-video"),
    pytest.param("此次签约以线上“屏对屏”方式进行。", "签约", True, id="online-way"),
    pytest.param("A公司与B区通过视频形式签约。", "签约", False, id="signing-by-video-is-a-report"),
    pytest.param("签约项目采用分期建设方式推进。", "签约", False, id="signed-projects-noun"),
])
def test_manner_of_signing(sentence, word, expected):
    assert describes_manner(sentence, sentence.index(word)) is expected


# ---------------------------------------------------------------- cited points

@pytest.mark.parametrize("line, expected", [
    pytest.param("概览 - 某县举行签约活动 [1] - 共签约项目6个 [2]",
                 [("概览", True), ("某县举行签约活动", False), ("共签约项目6个", False), ("", False)], id="label-and-points"),
    pytest.param("某县举行签约活动 - 共签约项目6个", [("某县举行签约活动 - 共签约项目6个", False)], id="no-marks-no-split"),
    pytest.param("2021-07-09某县签约[1]号文件", [("2021-07-09某县签约[1]号文件", False)], id="glued-bracket"),
])
def test_cited_points(line, expected):
    pieces = cited_points(line)
    assert [(text, label) for _, text, label in pieces] == expected
    assert all(line[start:start + len(text)] == text for start, text, _ in pieces)


# ---------------------------------------------------------------- end to end

def test_chaired_ceremony_adds_no_event():
    text = ("6月12日，某区与某大学签署全面合作协议。"
            "大学校长钱某，区委书记孙某出席了签字仪式，区委副书记周某主持了签字仪式。")
    found = read_signings(text, PUBLISHED)
    assert [s.text for s in found] == ["6月12日，某区与某大学签署全面合作协议。"]


def test_rank_verdict_adds_no_event():
    text = ("9月3日，甲街道与乙街道签订结对共建协议。"
            "甲街道与乙街道结对是两区携手以来，街道之间第一次签订合作协议，双方将优势互补。")
    assert read_one(text, PUBLISHED).date == "2025-09-03"


def test_manner_sentence_adds_no_event():
    text = ("3月2日，某集团与某新区以视频方式签订投资协议。本次签约标志着项目正式落地。"
            "同时，签约采用网络连线形式，简洁高效。")
    assert read_one(text, PUBLISHED).date == "2025-03-02"


def test_cited_points_split_batch_from_later_agreement():
    text = ("招商活动概览 - 某区于2025年5月8日举行首批招商项目集中签约活动，旨在稳增长 [1] "
            "- 本次活动共签约项目18个，总投资约95亿元 [1] 产业分布 - 项目涉及装备制造、生物医药等领域 [1] "
            "- 项目科技含量高、带动性强 [1] 服务业 - 一批物流、金融项目将陆续入驻 [3] "
            "战略合作 - 某区政府与某控股有限公司签署战略合作协议，"
            "双方将深化产融合作 [2]")
    batch, agreement = read_signings(text, PUBLISHED)
    assert batch.text.startswith("某区于2025年5月8日举行")
    assert (batch.date, batch.count) == ("2025-05-08", 18)
    assert agreement.text.startswith("某区政府与某控股有限公司签署")
    assert (agreement.date, agreement.count, agreement.amount) == (None, None, None)


@pytest.mark.parametrize("text, expected", [
    pytest.param("某县日报讯（记者 吴某）8月14日，我县举行2023年第三季度招商项目集中签约活动，"
                 "20个项目签约落地。", "2023-08-14", id="day-in-named-year"),
    pytest.param("9月2日，我区举行2022年度重点项目集中签约仪式，12个项目签约。", "2022-09-02", id="no-dateline"),
    pytest.param("我区举行2022年度重点项目集中签约仪式，12个项目签约。", "2022", id="year-only"),
])
def test_day_of_named_year_without_publication(text, expected):
    assert read_one(text, None).date == expected

"""Signing words that report no new signing: quoted remarks about an agreement
(nlp/signing_remarks.py) and plans whose future time opens the sentence or
reaches over a long clause (nlp/signing_plans.py). The phrases are made up."""
from __future__ import annotations

import pytest

from nlp import signing_remarks as remarks
from nlp import signing_rules as rules
from signing_sentences import read_signings

PUBLISHED = "2025-06-20"


def acts(sentence: str) -> list[int]:
    return rules.acts(sentence, rules.triggers(sentence))


# ---------------------------------------------------------------- quoted remarks

@pytest.mark.parametrize("sentence", [
    pytest.param("园区负责人说，“合同一签，企业心里就有底了”。", id="remark-after-speech-verb"),
    pytest.param("“这份协议签下来，等于给项目上了保险。”企业负责人感慨道。", id="remark-before-speaker"),
    pytest.param("他表示：“我们今天签约，明天就进场施工！”", id="remark-with-exclamation"),
])
def test_quoted_remarks_are_no_acts(sentence):
    assert acts(sentence) == []


@pytest.mark.parametrize("sentence, report", [
    pytest.param("区政府与甲公司签署“智慧园区”共建协议。", "签署", id="quoted-name-of-the-agreement"),
    pytest.param("活动以“招商引资年”为主题，现场签约项目12个。", "签约", id="quoted-theme-beside-the-report"),
])
def test_quoted_names_leave_the_report(sentence, report):
    assert acts(sentence) == [sentence.index(report)]


@pytest.mark.parametrize("sentence, spans", [
    pytest.param("他说，“协议签了，心就定了”。", [(4, 13)], id="one-remark"),
    pytest.param("签署“双百行动”协议。", [], id="a-name-holds-no-clause-break"),
])
def test_quoted_remark_spans(sentence, spans):
    assert remarks.quoted_remarks(sentence) == spans


# ---------------------------------------------------------------- plans told far from the verb

@pytest.mark.parametrize("sentence", [
    pytest.param("下一步，全县还将赴长三角开展小分队招商，计划于四季度再组织一批项目集中签约。",
                 id="next-step-opens-the-sentence"),
    pytest.param("接下来，区里将举办第二场推介会，推动一批项目集中签约。", id="from-now-on-opens-the-sentence"),
    pytest.param("另有2个项目达成初步意向，投资方将在完成尽职调查和用地论证后再择期签约。",
                 id="will-sign-at-a-chosen-time"),
    pytest.param("对方计划在明年春节前后再与园区签署补充协议。", id="plan-reaches-a-later-again"),
    pytest.param("两家单位表示将在条件成熟时择期签署合作协议。", id="chosen-time"),
])
def test_far_plans_are_no_acts(sentence):
    assert acts(sentence) == []


@pytest.mark.parametrize("sentence", [
    pytest.param("下一步的合作已有基础：去年双方签署了框架协议。", id="next-step-as-a-noun-then-done"),
    pytest.param("接下来，甲公司与乙公司签署了战略合作协议。", id="next-in-a-narration-done"),
    pytest.param("去年，双方再次签署合作协议，合作期限延长至五年。", id="signed-again-in-the-past"),
])
def test_reports_beside_far_future_words(sentence):
    assert len(acts(sentence)) == 1


# ---------------------------------------------------------------- read end to end

@pytest.mark.parametrize("text, expected", [
    pytest.param("6月18日，区政府与重庆某某电子有限公司签署投资协议。企业负责人说：“协议签下来，"
                 "我们就能放心扩产了。”", 1, id="remark-after-the-report"),
    pytest.param("今年以来，全区累计签约项目30个。下一步，区里还将赴珠三角招商，计划在三季度再推出一批"
                 "项目集中签约。", 1, id="plan-after-a-total"),
])
def test_documents_count_only_the_reports(text, expected):
    assert len(read_signings(text, PUBLISHED)) == expected

"""nlp/signing_dates.py: the date of a signing sentence from the sentence
itself, the meeting told before, or a day offset from it. Sentences are
built by hand (text, paragraph, heading) so that each case shows one rule."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlp import signing_dates as dates
from nlp import signing_rules as rules

PUBLISHED = "2025-06-13"


@dataclass
class Line:
    text: str
    para: int = 0
    heading: bool = False


def date_of_last(*texts: str) -> str | None:
    sentences = [Line(t, para=i) for i, t in enumerate(texts)]
    last = sentences[-1].text
    return dates.signing_date(sentences, len(sentences) - 1, rules.triggers(last)[0], PUBLISHED)


@pytest.mark.parametrize("texts, expected", [
    pytest.param(("6月12日，签约仪式暨融资对接会在区行政中心举行。",
                  "截至5月末，该行在本区的贷款余额达186.5亿元。",
                  "现场，两家银行分别与9家企业签订融资协议。"), "2025-06-12", id="period-is-no-meeting"),
    pytest.param(("6月12日，签约仪式在区行政中心举行。",
                  "早在2024年12月，双方就开始接洽。",
                  "现场，两家银行分别与9家企业签订融资协议。"), "2025-06-12", id="history-is-no-meeting"),
    pytest.param(("6月12日，招商推介会在区行政中心举行。",
                  "会上，区政府与5家企业签订投资协议。"), "2025-06-12", id="at-the-meeting"),
])
def test_on_site_takes_the_meetings_day(texts, expected):
    assert date_of_last(*texts) == expected


@pytest.mark.parametrize("texts, expected", [
    pytest.param(("5月20日，产教融合对接会在重庆文理学院举行。",
                  "此前一天，区教委已与重庆城市职业学院签署合作备忘录。"), "2025-05-19", id="the-day-before"),
    pytest.param(("5月31日，双方签署框架协议。",
                  "次日，两家企业签订了供货合同。"), "2025-06-01", id="the-next-day-across-a-month"),
    pytest.param(("5月，双方签署框架协议。",
                  "次日，两家企业签订了供货合同。"), None, id="no-day-to-move"),
    pytest.param(("5月20日，双方签署框架协议。",
                  "第二天，两家企业签订了供货合同。"), "2025-05-21", id="the-second-day"),
])
def test_day_offsets(texts, expected):
    assert date_of_last(*texts) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("6月10日，区政府与重庆大学签署合作协议。", "2025-06-10", id="own-day"),
    pytest.param("日前，区人力社保局与重庆文理学院签订了见习合作协议。", None, id="recently"),
    pytest.param("截至目前，全区已与11所高校签署校地合作协议。", None, id="running-total"),
    pytest.param("早在2019年，双方就签署了首轮战略合作协议。", "2019", id="a-year-back"),
])
def test_own_dates(sentence, expected):
    assert date_of_last(sentence) == expected


def date_at(*lines: tuple[str, int]) -> str | None:
    """The date of the last of ``lines``, each given with its paragraph number."""
    sentences = [Line(text, para=para) for text, para in lines]
    last = sentences[-1].text
    return dates.signing_date(sentences, len(sentences) - 1, rules.triggers(last)[0], PUBLISHED)


# ---------------------------------------------------------------- around the meeting

@pytest.mark.parametrize("lines, expected", [
    pytest.param((("5月28日，区人大常委会组织代表开展执法检查。", 0),
                  ("检查组先后走访了3家企业。", 1),
                  ("座谈会前，区司法局与区律师协会签署法律服务合作备忘录。", 2)),
                 "2025-05-28", id="before-the-forum"),
    pytest.param((("6月3日，全县招商大会召开。", 0),
                  ("会议开始前，县政府与两家企业签订投资协议。", 1)),
                 "2025-06-03", id="before-the-meeting-begins"),
    pytest.param((("6月6日，首届数字经济论坛开幕。", 0),
                  ("论坛开幕前，区政府与某某研究院签署共建协议。", 1)),
                 "2025-06-06", id="before-the-forum-opens"),
    pytest.param((("5月9日，全区经济工作会议召开。", 0),
                  ("会后，举行2025年第二批项目集中签约，9个项目签约落户。", 1)),
                 "2025-05-09", id="year-in-the-batch-name-after-the-meeting"),
    pytest.param((("5月9日，全区经济工作会议召开。", 0),
                  ("会后，举行2024年度项目签约总结，甲公司与乙公司签订补充协议。", 1)),
                 "2024", id="a-year-other-than-the-meetings-stays"),
])
def test_meeting_day_reaches_signings_around_it(lines, expected):
    assert date_at(*lines) == expected


@pytest.mark.parametrize("lines, expected", [
    pytest.param((("6月5日，全市职业教育推进会在区里召开。", 0),
                  ("会上，区教委与区人社局联合发布实习管理办法。", 1),
                  ("区职业教育中心与重庆某某科技有限公司签署校企合作协议。", 1)),
                 "2025-06-05", id="paragraph-opened-at-the-meeting"),
    pytest.param((("6月5日，全市职业教育推进会在区里召开。", 0),
                  ("区教委介绍了实习管理办法。", 1),
                  ("区职业教育中心与重庆某某科技有限公司签署校企合作协议。", 1)),
                 None, id="paragraph-not-at-the-meeting"),
])
def test_paragraph_at_the_meeting(lines, expected):
    assert date_at(*lines) == expected


# ---------------------------------------------------------------- e-paper lead lines

@pytest.mark.parametrize("lines, expected", [
    pytest.param((("6月8日，返程的招商小分队又带回好消息。", 0),
                  ("区经开区管委会与甲公司签订投资协议，项目总投资5亿元。", 1)),
                 "2025-06-08", id="lead-line-announces-the-report"),
    pytest.param((("6月8日，招商小分队迎来新进展：", 0),
                  ("区经开区管委会与甲公司签订投资协议。", 1)),
                 "2025-06-08", id="lead-line-ends-with-a-colon"),
    pytest.param((("6月8日，项目推介会在区里举行。", 0),
                  ("区经开区管委会与甲公司签订投资协议。", 1)),
                 None, id="line-reporting-its-own-event"),
    pytest.param((("区里召开了推介会。", 0), ("6月8日，招商小分队又带回好消息。", 0),
                  ("区经开区管委会与甲公司签订投资协议。", 1)),
                 None, id="lead-not-a-line-of-its-own"),
    pytest.param((("近日，招商小分队又带回好消息。", 0),
                  ("区经开区管委会与甲公司签订投资协议。", 1)),
                 None, id="vague-lead-gives-no-day"),
])
def test_lead_line_dates_the_next_paragraph(lines, expected):
    assert date_at(*lines) == expected

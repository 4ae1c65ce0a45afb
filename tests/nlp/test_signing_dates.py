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

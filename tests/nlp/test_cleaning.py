"""nlp.cleaning: an e-paper's masthead (the paper's name over its date or page line) is furniture."""
from __future__ import annotations

import pytest

from nlp.cleaning import clean_body

BODY = "本报讯（记者 周晓）11月3日，区科技局召开孵化载体建设推进会，全区12家孵化器负责人参加。"


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(["永川日报", "2025年11月4日 星期二", "第3版：经济"], id="name-date-page"),
        pytest.param(["三峡都市报", "", "第A05版 区县新闻"], id="name-blank-page"),
        pytest.param(["綦江日报", "2025-11-04"], id="name-iso-date"),
    ],
)
def test_a_masthead_over_its_date_or_page_is_dropped_and_kept_as_source(head):
    body = clean_body([*head, "", BODY])
    assert body.text == BODY
    assert body.info["source"] == head[0]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(["永川日报", BODY], id="name-without-date-or-page"),
        pytest.param([BODY, "永川日报", "2025年11月4日"], id="name-below-the-body-start"),
    ],
)
def test_a_paper_name_that_is_not_a_masthead_stays(lines):
    body = clean_body(lines)
    assert "永川日报" in body.text

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


@pytest.mark.parametrize(
    "first",
    [
        pytest.param("永川区发展和改革委员会　永川区统计局", id="two-issuers-wide-space"),
        pytest.param("重庆市万州区统计局 国家统计局万州调查队2025年3月20日", id="issuers-glued-to-the-date"),
        pytest.param("璧山区人民政府办公室", id="one-issuer"),
    ],
)
def test_a_bulletins_issuer_line_is_no_headline_and_stays_in_the_body(first):
    from nlp.cleaning import find_title
    lines = [first, "2025年3月20日", "", "一、总体情况", "全年实现地区生产总值512.3亿元，比上年增长6.1%。"]
    assert find_title(lines) is None
    assert clean_body(lines).text.startswith(first)

"""The year of a figure: spans of years and 全年 give none (contract: stated year or 今年/去年 only).

Phrases are written for these tests.
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


YEARS = [
    ("span-of-years", "2022年至2025年，该行将提供不少于300亿元的授信额度。", "2025-03-01", None),
    ("span-with-dao", "2021年到2024年累计完成投资86亿元。", "2025-03-01", None),
    ("single-year-kept", "2024年完成投资86亿元。", "2025-03-01", 2024),
    ("whole-year-review", "全年新签约项目74个。", "2026-01-15", None),
    ("whole-year-midyear", "预计全年完成投资40亿元。", "2025-07-01", None),
    ("this-year-whole-year", "今年全年完成投资40亿元。", "2025-07-01", 2025),
]


@pytest.mark.parametrize("text, published, year", cases(YEARS))
def test_year(text, published, year):
    found = find_figures(text, published=published)
    assert [f.year for f in found] == [year]


# --- a year naming a batch signing event dates the event, not the figures ----------------

EVENTS = [
    ("event-then-comma", "6月27日，某区举行2024年二季度重点项目集中签约开工活动，共计38个项目集中签约。",
     "2024-06-28", None),
    ("event-then-day", "某市2023年一季度集中签约活动5日在某区举行，本次集中签约项目48个。", "2023-04-06", None),
    ("plain-year-kept", "2023年全区签约项目48个。", "2024-01-10", 2023),
]


@pytest.mark.parametrize("text, published, year", cases(EVENTS))
def test_event_year(text, published, year):
    assert [f.year for f in find_figures(text, published=published)] == [year]


"""Numbers that are not figures: travel times (contract: times are not figures).

Phrases are written for these tests.
"""
from __future__ import annotations

import pytest

from nlp.figures import find_figures


def cases(table):
    """pytest params with the first column as the id."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


# --- travel times are not statistics --------------------------------------------------

TRAVEL = [
    ("walk", "居民步行10分钟即可到达公园。", []),
    ("commute-radius", "形成20分钟通勤半径。", []),
    ("living-circle", "打造15分钟生活圈。", []),
    ("drive", "距机场车程40分钟。", []),
    ("training-hours-kept", "全年累计培训3200小时。", [3200]),
]


@pytest.mark.parametrize("text, values", cases(TRAVEL))
def test_travel_time(text, values):
    assert [f.value for f in find_figures(text)] == values

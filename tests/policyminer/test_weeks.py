from datetime import date

import pytest

from policyminer.errors import PolicyminerError
from policyminer.weeks import iso_week, week_range


@pytest.mark.parametrize("week, expected", [
    pytest.param("2025-W17", ("2025-04-21", "2025-04-27"), id="w17"),
    pytest.param("2025W01", ("2024-12-30", "2025-01-05"), id="week-one-starts-in-previous-year"),
    pytest.param("2020-W53", ("2020-12-28", "2021-01-03"), id="53-week-year"),
])
def test_week_range(week, expected):
    assert week_range(week) == expected


def test_current_week_from_explicit_today():
    assert week_range(None, today=date(2025, 4, 25)) == ("2025-04-21", "2025-04-27")


@pytest.mark.parametrize("bad", ["2025-17", "W17", "2025-W54"])
def test_bad_week_says_the_form(bad):
    with pytest.raises(PolicyminerError, match=bad):
        week_range(bad)


def test_iso_week():
    assert iso_week("2025-04-25") == "2025-W17"

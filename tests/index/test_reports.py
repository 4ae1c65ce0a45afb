"""Engine-neutral report helpers: the day a signing is filed under, merging, buckets."""
from __future__ import annotations

import pytest

from index.reports import bucket_of, merge_signings, signing_day


@pytest.mark.parametrize("date, published, day", [
    pytest.param("2024-04-22", "2024-04-25", "2024-04-22", id="exact"),
    pytest.param("2024-04", "2024-04-25", "2024-04-25", id="month-holds-published"),
    pytest.param("2024-04", "2024-06-02", "2024-04-01", id="month-before-published"),
    pytest.param("2023", "2024-01-05", "2023-01-01", id="year"),
    pytest.param(None, "2024-01-05", "2024-01-05", id="no-date"),
    pytest.param(None, None, None, id="nothing"),
])
def test_signing_day(date, published, day):
    assert signing_day(date, published) == day


def row(url, date="2024-04-22", parties=("西南大学",), projects=(), count=None, amount=None):
    return {"url": url, "date": date, "parties": list(parties), "projects": list(projects),
            "count": count, "amount": amount}


def test_reports_of_one_event_merge_into_the_first():
    rows = merge_signings([row("a"), row("b", parties=["西南大学"]), row("c", parties=["北碚区人民政府"])])
    assert [(r["url"], r["sources"]) for r in rows] == [("a", ["a", "b"]), ("c", ["c"])]


@pytest.mark.parametrize("other", [
    pytest.param(row("b", date="2024-04-23"), id="another-day"),
    pytest.param(row("b", count=3), id="another-count"),
    pytest.param(row("b", amount={"value": 1e8, "unit": "元"}), id="another-amount"),
    pytest.param(row("b", projects=["朝阳文创大道项目"]), id="another-project"),
])
def test_different_events_stay_apart(other):
    assert len(merge_signings([row("a"), other])) == 2


@pytest.mark.parametrize("first, second", [
    pytest.param(row("a", date="2024-04"), row("b", date="2024-04"), id="month-only"),
    pytest.param(row("a", parties=[]), row("b", parties=[]), id="no-parties-or-projects"),
])
def test_vague_signings_never_merge(first, second):
    assert len(merge_signings([first, second])) == 2


@pytest.mark.parametrize("published, interval, bucket", [
    pytest.param("2024-04-25", "day", "2024-04-25", id="day"),
    pytest.param("2024-04-25", "week", "2024-W17", id="week"),
    pytest.param("2024-12-30", "week", "2025-W01", id="week-of-next-iso-year"),
    pytest.param("2021-01-03", "week", "2020-W53", id="week-of-previous-iso-year"),
    pytest.param("2024-04-25", "month", "2024-04", id="month"),
    pytest.param("2024-04-25", "year", "2024", id="year"),
    pytest.param("2024-04", "week", None, id="not-a-day"),
])
def test_bucket_of(published, interval, bucket):
    assert bucket_of(published, interval) == bucket

"""Signings by date and trends over time, from the SQLite index."""
from __future__ import annotations

import pytest

from policyminer.errors import QueryError

SIGNING_KEYS = {"text", "date", "parties", "projects", "count", "amount", "location", "start", "end"}


def test_signings_in_a_week_oldest_first_one_row_per_event(index):
    rows = index.signings(since="2024-04-22", until="2024-04-28")
    assert [(r["id"], r["date"]) for r in rows] == [("xinan", "2024-04-22"), ("platform", "2024-04-23")]
    assert rows[0]["sources"] == ["https://example.gov.cn/xinan.html",
                                  "https://example.gov.cn/daily.html"]
    assert rows[1]["amount"] == {"value": 280000000.0, "unit": "元"}


def test_signing_rows_carry_the_signing_and_its_document(index):
    row = index.signings(since="2024-05-20", until="2024-05-20")[0]
    assert SIGNING_KEYS <= set(row)
    assert (row["id"], row["title"], row["published"], row["source"]) == (
        "aipark", "人工智能产业园开园", "2024-05-20", "cqspb-news")
    assert row["count"] == 3 and row["parties"] == ["沙坪坝区人工智能产业园"]


def test_unmerged_signings_keep_every_report(index):
    rows = index.signings(since="2024-W17", until="2024-W17", merge=False)
    assert [r["id"] for r in rows] == ["xinan", "daily", "platform"]


@pytest.mark.parametrize("kwargs, expected", [
    pytest.param({}, ["xinan", "platform", "aipark"], id="all"),
    pytest.param({"since": "2024-04-23"}, ["platform", "aipark"], id="since"),
    pytest.param({"until": "2024-04"}, ["xinan", "platform"], id="until-month"),
    pytest.param({"since": "2024-06-01"}, [], id="nothing-after"),
    pytest.param({"org": "西大"}, ["xinan"], id="org-alias"),
    pytest.param({"org": "重庆大学知识产权运营有限公司"}, ["platform"], id="org-name"),
    pytest.param({"region": "沙坪坝区"}, ["aipark"], id="region"),
    pytest.param({"query": "5G OR AI"}, ["aipark"], id="query"),
])
def test_signing_filters(index, kwargs, expected):
    assert [r["id"] for r in index.signings(**kwargs)] == expected


def test_signings_reject_bad_dates(index):
    with pytest.raises(QueryError, match='invalid date "2024-13-01"'):
        index.signings(since="2024-13-01")


def test_trends_by_month(index):
    assert index.trends("签约", interval="month") == [
        {"bucket": "2024-02", "count": 1}, {"bucket": "2024-03", "count": 1},
        {"bucket": "2024-04", "count": 1}]


def test_trends_by_iso_week(index):
    assert index.trends("西南大学 OR 5G", interval="week") == [
        {"bucket": "2024-W07", "count": 1}, {"bucket": "2024-W17", "count": 2},
        {"bucket": "2024-W19", "count": 1}]


def test_trends_split_by_source(index):
    assert index.trends("协议", interval="month", by="source") == [
        {"bucket": "2024-03", "key": "cqspb-news", "count": 1},
        {"bucket": "2024-04", "key": "cqbb-news", "count": 2},
        {"bucket": "2024-04", "key": "cq-daily", "count": 1},
        {"bucket": "2024-05", "key": "cqspb-news", "count": 1}]


def test_trends_split_by_org_with_top(index):
    rows = index.trends("", interval="year", by="org", top=1)
    assert rows == [{"bucket": "2024", "key": "西南大学", "count": 2}]


def test_trends_skip_undated_documents(index):
    assert index.trends("征集", interval="day") == []


@pytest.mark.parametrize("kwargs, message", [
    pytest.param({"interval": "fortnight"}, 'unknown interval "fortnight"', id="interval"),
    pytest.param({"by": "author"}, 'cannot split trends by "author"', id="split"),
])
def test_trends_reject_bad_arguments(index, kwargs, message):
    with pytest.raises(QueryError, match=message):
        index.trends("签约", **kwargs)

import pytest

from policyminer.web.svg import bar_chart, month_buckets, week_buckets


def test_bars_scale_to_the_tallest_and_keep_links():
    chart = bar_chart([("2025-W16", 5, "/a"), ("2025-W17", 10, "/b"), ("2025-W18", 0, None)],
                      current="2025-W17", width=340, height=200)
    tallest, empty = chart.bars[1], chart.bars[2]
    assert chart.total == 15
    assert tallest.current and not chart.bars[0].current
    assert tallest.y + tallest.height == chart.baseline == 166
    assert tallest.height == pytest.approx(2 * chart.bars[0].height)
    assert empty.height == 0 and empty.href is None
    assert [b.href for b in chart.bars[:2]] == ["/a", "/b"]
    assert all(b.x + b.width <= 340 - 8 for b in chart.bars)
    assert [v for _, v in chart.ticks] == [0, 2, 4, 6, 8, 10]


def test_empty_chart_has_no_bars():
    assert bar_chart([]).bars == []


def test_all_zero_counts_do_not_divide_by_zero():
    chart = bar_chart([("2025-04", 0, None)])
    assert chart.bars[0].height == 0


def test_labels_are_thinned_out():
    chart = bar_chart([(f"w{i}", i, None) for i in range(100)])
    assert len(chart.bars) == 100
    assert 1 < len(chart.labels) <= 12


@pytest.mark.parametrize("first, last, expected", [
    pytest.param("2025-W16", "2025-W18", ["2025-W16", "2025-W17", "2025-W18"], id="weeks"),
    pytest.param("2024-W52", "2025-W02", ["2024-W52", "2025-W01", "2025-W02"], id="across-new-year"),
    pytest.param("2020-W52", "2021-W01", ["2020-W52", "2020-W53", "2021-W01"], id="week-53"),
])
def test_week_buckets(first, last, expected):
    assert week_buckets(first, last) == expected


@pytest.mark.parametrize("first, last, expected", [
    pytest.param("2025-02", "2025-04", ["2025-02", "2025-03", "2025-04"], id="months"),
    pytest.param("2024-11", "2025-01", ["2024-11", "2024-12", "2025-01"], id="across-new-year"),
    pytest.param("2025-04", "2025-04", ["2025-04"], id="one"),
])
def test_month_buckets(first, last, expected):
    assert month_buckets(first, last) == expected

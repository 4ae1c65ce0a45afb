"""Dates resolved against the publication date: nlp/dates.py."""
from __future__ import annotations

import pytest

from nlp.dates import find_dates, find_published, relative_year, resolve_date

PUBLISHED = "2025-04-25"   # a Friday


@pytest.mark.parametrize("word, published, expected", [
    pytest.param("今年", PUBLISHED, 2025, id="jinnian"),
    pytest.param("去年", PUBLISHED, 2024, id="qunian"),
    pytest.param("前年", PUBLISHED, 2023, id="qiannian"),
    pytest.param("明年", PUBLISHED, 2026, id="mingnian"),
    pytest.param("2019", None, 2019, id="digits-need-no-published"),
    pytest.param("2019年", None, 2019, id="digits-with-nian"),
    pytest.param("今年", None, None, id="relative-without-published"),
    pytest.param("近年", PUBLISHED, None, id="vague"),
])
def test_relative_year(word, published, expected):
    assert relative_year(word, published=published) == expected


@pytest.mark.parametrize("expr, expected", [
    # absolute, Arabic digits
    pytest.param("2019年5月6日", "2019-05-06", id="ymd-chinese"),
    pytest.param("2019年05月06日", "2019-05-06", id="ymd-zero-padded"),
    pytest.param("2019-05-06", "2019-05-06", id="ymd-dash"),
    pytest.param("2019/5/6", "2019-05-06", id="ymd-slash"),
    pytest.param("2019.5.6", "2019-05-06", id="ymd-dot"),
    pytest.param("２０１９年５月６日", "2019-05-06", id="fullwidth-digits"),
    pytest.param("2023年12月", "2023-12", id="ym"),
    pytest.param("2023年", "2023", id="year"),
    pytest.param("2024年度", "2024", id="year-du"),
    pytest.param("2019-05", "2019-05", id="ym-dash"),
    pytest.param("2019年2月30日", None, id="impossible-day"),
    # absolute, Chinese numerals
    pytest.param("二〇二五年四月二十三日", "2025-04-23", id="cn-ymd"),
    pytest.param("二〇一九年十二月", "2019-12", id="cn-ym"),
    pytest.param("二〇二〇年", "2020", id="cn-year"),
    # year taken from published
    pytest.param("5月6日", "2025-05-06", id="md"),
    pytest.param("4月", "2025-04", id="month"),
    pytest.param("3月份", "2025-03", id="month-fen"),
    pytest.param("12月28日", "2024-12-28", id="md-late-month-is-last-year"),
    pytest.param("五月六日", "2025-05-06", id="cn-md"),
    pytest.param("十二月份", "2024-12", id="cn-month-fen"),
    # relative years, months, days
    pytest.param("今年4月", "2025-04", id="jinnian-month"),
    pytest.param("去年12月", "2024-12", id="qunian-month"),
    pytest.param("去年8月15日", "2024-08-15", id="qunian-md"),
    pytest.param("去年", "2024", id="qunian-alone"),
    pytest.param("今年以来", "2025", id="jinnian-yilai"),
    pytest.param("本月", "2025-04", id="benyue"),
    pytest.param("上个月", "2025-03", id="shanggeyue"),
    pytest.param("本月10日", "2025-04-10", id="benyue-day"),
    pytest.param("昨天", "2025-04-24", id="zuotian"),
    pytest.param("前天", "2025-04-23", id="qiantian"),
    pytest.param("前日", "2025-04-23", id="qianri-is-qiantian"),
    pytest.param("今日", "2025-04-25", id="jinri"),
    pytest.param("6日", "2025-04-06", id="bare-day"),
    pytest.param("28日", "2025-04-28", id="bare-day-within-a-week-after"),
    pytest.param("上周五", "2025-04-18", id="shangzhouwu"),
    pytest.param("本周一", "2025-04-21", id="benzhouyi"),
    pytest.param("星期三", "2025-04-23", id="xingqisan"),
    # rarer forms through jionlp
    pytest.param("3月下旬", "2025-03", id="jionlp-xiaxun"),
    pytest.param("去年底", "2024", id="jionlp-qunian-di"),
    # vague: no date
    pytest.param("近日", None, id="jinri-vague"),
    pytest.param("日前", None, id="riqian"),
    pytest.param("近期", None, id="jinqi"),
    pytest.param("目前", None, id="muqian"),
    pytest.param("", None, id="empty"),
])
def test_resolve_date(expr, expected):
    assert resolve_date(expr, published=PUBLISHED) == expected


@pytest.mark.parametrize("expr, expected", [
    pytest.param("2019年5月6日", "2019-05-06", id="absolute"),
    pytest.param("二〇二五年四月二十三日", "2025-04-23", id="cn-absolute"),
    pytest.param("5月6日", None, id="md"),
    pytest.param("去年", None, id="qunian"),
    pytest.param("上周五", None, id="shangzhouwu"),
    pytest.param("3月下旬", None, id="jionlp-form"),
])
def test_resolve_date_never_invents_a_year(expr, expected):
    assert resolve_date(expr, published=None) == expected


@pytest.mark.parametrize("published, expected", [
    pytest.param("2025-04-25", "2025-04-25", id="iso"),
    pytest.param("2025-04-25T08:00:00+08:00", "2025-04-25", id="timestamp"),
    pytest.param("2025", "2025-04", id="year-only-month-form"),
])
def test_resolve_date_published_forms(published, expected):
    assert resolve_date("今天" if published != "2025" else "今年4月", published=published) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("2024年3月12日，项目集中签约。", [(0, 10, "2024-03-12")], id="one-absolute"),
    pytest.param("去年12月至今年4月，共举办活动6场。", [(0, 5, "2024-12"), (6, 10, "2025-04")], id="range"),
    pytest.param("4月18日上午，签约仪式举行。", [(0, 5, "2025-04-18")], id="md-morning"),
    pytest.param("近日，双方签署协议。", [], id="vague-only"),
    pytest.param("项目须在30日内完成备案。", [], id="within-days-not-date"),
    pytest.param("建设周期为3个月。", [], id="months-duration-not-date"),
    pytest.param("每周一召开调度会。", [], id="recurring-weekday"),
    pytest.param("签约15个项目，总投资20亿元。", [], id="counts-not-dates"),
    pytest.param("２０２４年５月，园区开园。", [(0, 7, "2024-05")], id="fullwidth-offsets"),
    # 前日 is 前天, not the tail of 目前日均 or 提前日
    pytest.param("前日，双方签署协议。", [(0, 2, "2025-04-23")], id="qianri"),
    pytest.param("目前日均客流2万人次。", [], id="muqian-rijun-not-qianri"),
    pytest.param("按提前日期办理。", [], id="tiqian-not-qianri"),
])
def test_find_dates(text, expected):
    found = find_dates(text, published=PUBLISHED)
    assert found == expected
    for start, end, _ in found:
        assert text[start:end].strip()


@pytest.mark.parametrize("text, expected", [
    # a span of months is a period: its year
    pytest.param("今年1—4月，全区新签约项目63个。", [(0, 6, "2025")], id="jinnian-dash-range"),
    pytest.param("1至3月，共签约项目12个。", [(0, 4, "2025")], id="bare-zhi-range"),
    pytest.param("2024年1-6月，累计签约33个。", [(0, 9, "2024")], id="year-hyphen-range"),
    pytest.param("去年7～12月，共签约8个。", [(0, 7, "2024")], id="qunian-tilde-range"),
    pytest.param("一至四月份，新签约项目21个。", [(0, 5, "2025")], id="cn-month-range"),
    pytest.param("1月至4月，新签约项目21个。", [(0, 5, "2025")], id="both-months-written"),
    # a span of days is its month, or its year across months
    pytest.param("8月22日至24日，博览会在重庆举办。", [(0, 9, "2025-08")], id="day-range-one-month"),
    pytest.param("3月30日—4月2日，展会举行。", [(0, 10, "2025")], id="day-range-across-months"),
    pytest.param("2024年9月3日-5日，论坛举行。", [(0, 12, "2024-09")], id="day-range-with-year"),
    pytest.param("4月—5月间", [(0, 5, "2025")], id="month-to-month"),
    # not ranges
    pytest.param("3-4月5日", [(2, 6, "2025-04-05")], id="month-then-day-is-no-range"),
    pytest.param("4—1月", [(2, 4, "2025-01")], id="backwards-is-no-range"),
])
def test_find_date_ranges(text, expected):
    assert find_dates(text, published=PUBLISHED) == expected


@pytest.mark.parametrize("expr, published, expected", [
    pytest.param("28日", "2025-04-05", "2025-03-28", id="bare-day-well-after-is-last-month"),
    pytest.param("28日", "2025-01-05", "2024-12-28", id="bare-day-across-new-year"),
    pytest.param("11月", "2025-02-10", "2024-11", id="month-across-new-year"),
    pytest.param("10月", "2025-04-25", "2025-10", id="month-later-this-year"),
])
def test_yearless_dates_near_a_boundary(expr, published, expected):
    assert resolve_date(expr, published=published) == expected


def test_find_dates_without_published_keeps_absolute_only():
    text = "2019年5月6日揭牌，5月8日签约，去年完工。"
    assert find_dates(text, published=None) == [(0, 9, "2019-05-06")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("首页 > 要闻动态\n区政府与高校签约\n发布时间：2025-04-25 10:20  来源：区融媒体中心\n正文……",
                 "2025-04-25", id="fabu-shijian"),
    pytest.param("发布日期：2024年11月03日\n字号：大 中 小", "2024-11-03", id="fabu-riqi"),
    pytest.param("索引号：11500109/2025-00012\n成文日期：2025-03-01\n发布日期：2025-03-05",
                 "2025-03-05", id="prefers-published-over-written"),
    pytest.param("某某区召开专题会议\n日期：2023-09-18 浏览次数：120", "2023-09-18", id="riqi-label"),
    pytest.param("某某区召开专题会议\n2025年04月23日 10:20 来源：上游新闻\n正文", "2025-04-23", id="head-with-clock"),
    pytest.param("标题\n2025-04-23\n正文第一段。", "2025-04-23", id="head-own-line"),
    pytest.param("成文日期：2025-01-02\n正文", None, id="written-date-only"),
    pytest.param("正文第一段，2019年5月6日，园区揭牌，当天项目集中签约。", None, id="date-in-body-sentence"),
    pytest.param("没有任何日期的文本。", None, id="none"),
])
def test_find_published(text, expected):
    assert find_published(text) == expected

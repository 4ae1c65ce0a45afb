"""nlp.metadata: dates, info lines, by-lines and 政府信息公开 tables."""
from __future__ import annotations

import pytest

from nlp.metadata import (
    author_from_credit, date_from_url, find_doc_number, info_fields, is_date_line, parse_date, policy_fields,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("2025-04-23 10:20", "2025-04-23", id="iso-with-time"),
        pytest.param("2025/4/3", "2025-04-03", id="slashes"),
        pytest.param("2025.04.23", "2025-04-23", id="dots"),
        pytest.param("2025年04月23日", "2025-04-23", id="cn-padded"),
        pytest.param("2025年4月3日 星期四", "2025-04-03", id="cn-weekday"),
        pytest.param("二〇二四年十二月三十一日", "2024-12-31", id="cn-numerals"),
        pytest.param("二○二五年三月五日", "2025-03-05", id="cn-numerals-circle-zero"),
        pytest.param("2025-04-25T10:20:00+08:00", "2025-04-25", id="iso-timestamp"),
        pytest.param("2025-13-01", None, id="bad-month"),
        pytest.param("共有16所驻区高校", None, id="no-date"),
        pytest.param("4月23日", None, id="no-year"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        pytest.param("https://www.cqspb.gov.cn/zwxx/bmdt/202504/t20250425_14567890.html", "2025-04-25", id="trs"),
        pytest.param("https://epaper.cqrb.cn/html/cqrb/2019-05/07/005/content_234562.htm", "2019-05-07",
                     id="epaper"),
        pytest.param("https://cq.cqnews.net/qx/2025-04/24/content_1234567890.html", "2025-04-24", id="cqnews"),
        pytest.param("https://www.163.com/dy/article/JR5K2ABC0514R9P4.html", None, id="no-date"),
        pytest.param("https://www.liangjiang.gov.cn/xwzx/ljdt/1234567.html", None, id="long-number"),
        pytest.param("https://www.cqjb.gov.cn/20251399/a.html", None, id="impossible-date"),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("2025-04-25 10:31:02", True, id="date-time"),
        pytest.param("2025年04月23日 星期三", True, id="date-weekday"),
        pytest.param("2024年6月18日", True, id="signature-date"),
        pytest.param("2019年5月6日，环西南大学创新生态圈正式揭牌。", False, id="sentence"),
        pytest.param("北碚区召开会议", False, id="no-date"),
    ],
)
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("发布时间：2025-04-25 16:32  来源：区科技局  字体：大 中 小",
                     {"published": "2025-04-25", "source": "区科技局"}, id="trs-info"),
        pytest.param("2025-04-25 10:31:02 来源: 上游新闻 重庆", {"published": "2025-04-25", "source": "上游新闻"},
                     id="netease-info"),
        pytest.param("2025-01-09 15:48:20 来源：北碚区融媒体中心 作者：杨帆 阅读量：1.2万",
                     {"published": "2025-01-09", "source": "北碚区融媒体中心", "author": "杨帆"}, id="author-and-counter"),
        pytest.param("来源：华龙网-新重庆客户端 作者：陈力 2025-04-23",
                     {"source": "华龙网-新重庆客户端", "author": "陈力", "published": "2025-04-23"}, id="date-last"),
        pytest.param("发布日期：2025年03月12日   来源：大渡口区融媒体中心   作者：王喆   浏览次数：1586",
                     {"published": "2025-03-12", "source": "大渡口区融媒体中心", "author": "王喆"}, id="padded"),
        pytest.param("[责任编辑：王强]", {"editor": "王强"}, id="editor"),
        pytest.param("据介绍，沙坪坝区共有16所驻区高校", {}, id="sentence"),
    ],
)
def test_info_fields(line, expected):
    assert info_fields(line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("上游新闻记者 陈力 沙坪坝区科技局供图", "陈力", id="reporter-photo"),
        pytest.param("记者 张三 李四 通讯员 王五", "张三、李四", id="two-reporters"),
        pytest.param("记者：刘洋", "刘洋", id="colon"),
        pytest.param("本报讯 （记者 李明）", "李明", id="dateline"),
        pytest.param("沙坪坝区科技局供图", None, id="no-reporter"),
    ],
)
def test_author_from_credit(line, expected):
    assert author_from_credit(line) == expected


TABLE_CELLS = [
    "索 引 号：", "11500109009300423T/2024-00035", "主题分类：", "科技、教育",
    "发布机构：", "北碚区政府办公室", "成文日期：", "2024-06-18",
    "标  题：", "重庆市北碚区人民政府办公室关于印发北碚区促进科技成果转化若干措施的通知",
    "发文字号：", "北碚府办发〔2024〕35号", "发布日期：", "2024-06-21", "有 效 性：", "有效", "废止日期：", "",
]


def test_policy_fields_from_table_cells():
    assert policy_fields(TABLE_CELLS) == {
        "index_number": "11500109009300423T/2024-00035",
        "topics": ["科技", "教育"],
        "issuer": "北碚区政府办公室",
        "written": "2024-06-18",
        "title": "重庆市北碚区人民政府办公室关于印发北碚区促进科技成果转化若干措施的通知",
        "doc_number": "北碚府办发〔2024〕35号",
        "published": "2024-06-21",
        "validity": "有效",
    }


@pytest.mark.parametrize(
    "lines, expected",
    [
        pytest.param(["索引号：11500000009275780F/2024-00012 主题分类：科技；其他"],
                     {"index_number": "11500000009275780F/2024-00012", "topics": ["科技", "其他"]}, id="two-per-line"),
        pytest.param(["发文机关：重庆市人民政府", "成文日期：二〇二四年三月五日", "发文字号：渝府发〔2024〕12号"],
                     {"issuer": "重庆市人民政府", "written": "2024-03-05", "doc_number": "渝府发〔2024〕12号"},
                     id="one-per-line"),
        pytest.param(["文号：无", "发布时间：2025-01-06 09:00"], {"published": "2025-01-06"}, id="no-number"),
        pytest.param(["据介绍，主题分类工作已完成。"], {}, id="label-inside-sentence"),
    ],
)
def test_policy_fields_from_lines(lines, expected):
    assert policy_fields(lines) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("渝府发〔2024〕12号", "渝府发〔2024〕12号", id="plain"),
        pytest.param("现将《办法》印发给你们渝府发〔2024〕12号", "渝府发〔2024〕12号", id="after-verb"),
        pytest.param("各区县人民政府：现将沙府办发〔2024〕88号印发给你们", "沙府办发〔2024〕88号", id="inside-sentence"),
        pytest.param("关于印发措施的通知\n渝北府办发〔2024〕15号\n根据《规定》（渝府发〔2020〕3号），现通知如下。",
                     "渝北府办发〔2024〕15号", id="own-line-beats-citation"),
        pytest.param("根据沙府办发〔2024〕88号文件精神", None, id="cited-as-basis"),
        pytest.param("根据《重庆市促进科技创新若干规定》（渝府发〔2020〕3号），现通知如下。", None, id="cited-in-brackets"),
        pytest.param("按照区政府要求，现将渝府办发〔2023〕11号转发给你们", None, id="forwarded"),
        pytest.param("渝府发[2024] 12号", "渝府发[2024]12号", id="square-brackets"),
        pytest.param("国办发（2023）5号", "国办发（2023）5号", id="parentheses"),
        pytest.param("沙坪坝区共有16所驻区高校", None, id="none"),
    ],
)
def test_find_doc_number(text, expected):
    assert find_doc_number(text) == expected

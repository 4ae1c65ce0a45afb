"""文号, 发文机关, 成文日期 and news credits read from the body of a document."""
from __future__ import annotations

import pytest

from nlp.policymeta import (
    body_metadata, complete_metadata, date_line, doc_number_line, heading_doc_number, news_fields, org_names,
    red_header_issuers, signature_block, title_doc_number,
)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- 文号 lines

@pytest.mark.parametrize(
    "line, expected",
    [
        # bracket variants
        pytest.param("渝北府办发〔2024〕15号", "渝北府办发〔2024〕15号", id="tortoise-shell"),
        pytest.param("北碚科发[2023]7号", "北碚科发[2023]7号", id="square"),
        pytest.param("渝府发（2024）12号", "渝府发（2024）12号", id="fullwidth-parens"),
        pytest.param("国办发(2024)3号", "国办发(2024)3号", id="ascii-parens"),
        pytest.param("沙府办发【2022】108号", "沙府办发【2022】108号", id="lenticular"),
        pytest.param("渝府办发［2021］45号", "渝府办发［2021］45号", id="fullwidth-square"),
        pytest.param("渝 府 发 〔 2024 〕 12 号", "渝府发〔2024〕12号", id="spaced-out"),
        # 第 forms
        pytest.param("渝府〔2024〕第5号", "渝府〔2024〕第5号", id="bracket-year-di"),
        pytest.param("重庆市人民政府令第365号", "重庆市人民政府令第365号", id="decree"),
        pytest.param("中华人民共和国国务院令 第 752 号", "中华人民共和国国务院令第752号", id="state-council-decree"),
        pytest.param("重庆市北碚区人民政府公告2024年第3号", "重庆市北碚区人民政府公告2024年第3号", id="announcement"),
        # the line around the number
        pytest.param("（渝府发〔2024〕12号）", "渝府发〔2024〕12号", id="in-brackets-under-title"),
        pytest.param("北碚府发〔2024〕9号  签发人：张三", "北碚府发〔2024〕9号", id="with-signer"),
    ],
)
def test_doc_number_line(line, expected):
    assert doc_number_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("根据《重庆市促进科技创新若干措施》（渝府发〔2020〕3号），现通知如下。", id="cited-in-sentence"),
        pytest.param("按照渝府办发〔2023〕11号文件要求", id="cited-as-file"),
        pytest.param("2024年全区新增高新技术企业120家", id="not-a-number"),
        pytest.param("第三届嘉陵创客杯", id="ordinal"),
        pytest.param("〔2024〕12号", id="no-prefix"),
    ],
)
def test_doc_number_line_rejects(line):
    assert doc_number_line(line) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("重庆市北碚区人民政府办公室文件\n北碚府办发〔2024〕15号\n关于…的通知\n各镇街：",
                     "北碚府办发〔2024〕15号", id="under-red-header"),
        pytest.param("国办发〔2024〕3号\n各省、自治区、直辖市人民政府：", "国办发〔2024〕3号", id="first-line"),
        pytest.param("各区县人民政府：\n根据《意见》（渝府发〔2020〕3号），现就有关事项通知如下。", None,
                     id="only-cited"),
        pytest.param("\n".join(["正文段落。"] * 10 + ["渝府发〔2024〕12号"]), None, id="too-far-down"),
        pytest.param("北碚科发〔2023〕7号各有关单位：现将有关事项通知如下。", "北碚科发〔2023〕7号", id="glued-salutation"),
        pytest.param("重庆市北碚区人民政府办公室文件北碚府办发〔2024〕15号", "北碚府办发〔2024〕15号",
                     id="glued-red-header"),
        pytest.param("渝府发〔2020〕3号文件要求，各区县加快推进。", None, id="line-opens-with-citation"),
    ],
)
def test_heading_doc_number(text, expected):
    assert heading_doc_number(lines_of(text)) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        pytest.param("重庆市人民政府关于加快建设科技强市的意见（渝府发〔2024〕12号）", "渝府发〔2024〕12号", id="bracketed-end"),
        pytest.param("北碚区关于落实渝府发〔2024〕12号文件的工作方案", None, id="cited-in-title"),
        pytest.param("", None, id="no-title"),
    ],
)
def test_title_doc_number(title, expected):
    assert title_doc_number(title) == expected


# ---------------------------------------------------------------- signature blocks

@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("2024年3月12日", "2024-03-12", id="arabic"),
        pytest.param("2024 年 3 月 12 日", "2024-03-12", id="arabic-spaced"),
        pytest.param("二〇二四年三月十二日", "2024-03-12", id="chinese-numerals"),
        pytest.param("二○二三年十二月三十一日", "2023-12-31", id="chinese-circle-zero"),
        pytest.param("（2024年3月12日）", "2024-03-12", id="bracketed"),
        pytest.param("2024年3月13日印发", None, id="printing-date"),
        pytest.param("2024年3月12日，区政府召开常务会议。", None, id="sentence"),
    ],
)
def test_date_line(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("重庆市北碚区人民政府办公室", ["重庆市北碚区人民政府办公室"], id="one-body"),
        pytest.param("重庆市北碚区科学技术局　　重庆市北碚区财政局", ["重庆市北碚区科学技术局", "重庆市北碚区财政局"],
                     id="two-side-by-side"),
        pytest.param("中共重庆市北碚区委员会", ["中共重庆市北碚区委员会"], id="party-committee"),
        pytest.param("国务院", ["国务院"], id="state-council"),
        pytest.param("各镇人民政府、街道办事处，区政府各部门：", [], id="addressees"),
        pytest.param("抄送：区委办公室", [], id="cc-line"),
        pytest.param("一、总体要求", [], id="heading"),
        pytest.param("北碚区", [], id="place"),
    ],
)
def test_org_names(line, expected):
    assert org_names(line) == expected


BODY = "各有关单位：\n现将有关事项通知如下。\n一、总体要求\n加快建设创新生态。\n特此通知。\n"


@pytest.mark.parametrize(
    "tail, expected",
    [
        pytest.param("重庆市北碚区人民政府办公室\n2024年3月12日",
                     (["重庆市北碚区人民政府办公室"], "2024-03-12"), id="district-office"),
        pytest.param("重庆市人民政府\n二〇二四年三月五日\n（此件公开发布）",
                     (["重庆市人民政府"], "2024-03-05"), id="chinese-date-public-note"),
        pytest.param("重庆市北碚区科学技术局　　重庆市北碚区财政局\n重庆市北碚区经济和信息化委员会\n二〇二三年六月二十八日",
                     (["重庆市北碚区科学技术局", "重庆市北碚区财政局", "重庆市北碚区经济和信息化委员会"], "2023-06-28"),
                     id="joint-issue"),
        pytest.param("重庆市北碚区人民政府（盖章）\n2024年1月8日", (["重庆市北碚区人民政府"], "2024-01-08"), id="seal-note"),
        pytest.param("重庆市北碚区农业农村委员会  2024年5月20日", (["重庆市北碚区农业农村委员会"], "2024-05-20"),
                     id="same-line"),
        pytest.param("重庆市北碚区人民政府办公室\n2024年3月12日\n抄送：区委办公室，区人大常委会办公室。\n"
                     "重庆市北碚区人民政府办公室　　　2024年3月13日印发",
                     (["重庆市北碚区人民政府办公室"], "2024-03-12"), id="printing-block-after"),
        pytest.param("抄送：区委办公室。\n重庆市北碚区人民政府办公室　　　2024年3月13日印发", None, id="printing-block-only"),
        pytest.param("（联系人：张三，联系电话：68862000）", None, id="contact-only"),
        pytest.param("（联系人：张三，联系电话：68862000）\n2024年3月12日", None, id="date-under-contact"),
        pytest.param("以上措施自印发之日起施行。重庆市北碚区人民政府办公室2024年3月12日",
                     (["重庆市北碚区人民政府办公室"], "2024-03-12"), id="glued-to-last-sentence"),
        pytest.param("会议的召开时间是2024年3月12日", None, id="sentence-ending-in-date"),
    ],
)
def test_signature_block(tail, expected):
    assert signature_block(lines_of(BODY + tail)) == expected


def test_signature_date_without_body_counts_for_a_numbered_document():
    lines = lines_of(BODY + "2024年3月12日")
    assert signature_block(lines) is None
    assert signature_block(lines, policy=True) == ([], "2024-03-12")


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("重庆市北碚区人民政府办公室文件\n北碚府办发〔2024〕1号", ["重庆市北碚区人民政府办公室"], id="one"),
        pytest.param("中共重庆市北碚区委办公室　重庆市北碚区人民政府办公室 文件\n北碚委办发〔2024〕2号",
                     ["中共重庆市北碚区委办公室", "重庆市北碚区人民政府办公室"], id="joint"),
        pytest.param("关于转发上级文件的通知", [], id="title-ending-in-wenjian"),
        pytest.param("重庆市北碚区人民政府文件北碚府发〔2024〕3号", ["重庆市北碚区人民政府"], id="glued-to-number"),
    ],
)
def test_red_header_issuers(text, expected):
    assert red_header_issuers(lines_of(text)) == expected


# ---------------------------------------------------------------- news credits

@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("本报讯（记者 张三 通讯员 李四）4月21日，北碚区举行签约仪式。", {"author": "张三"},
                     id="bylined-lead"),
        pytest.param("（上游新闻记者 陈力）北碚区举行签约仪式。", {"author": "陈力", "source": "上游新闻"},
                     id="outlet-reporter"),
        pytest.param("北碚区举行签约仪式。\n来源：上游新闻\n责任编辑：王五", {"source": "上游新闻"}, id="source-and-editor"),
        pytest.param("记者 张三 王小明\n北碚区举行签约仪式。", {"author": "张三、王小明"}, id="two-reporters"),
        pytest.param("通讯员 李四\n北碚区举行签约仪式。", {"author": "李四"}, id="correspondent-only"),
        pytest.param("北碚区举行签约仪式。\n编辑：王五\n审核：赵六", {}, id="editor-is-not-author"),
        pytest.param("北碚区举行签约仪式。\n作者：刘洋", {"author": "刘洋"}, id="author-label"),
    ],
)
def test_news_fields(text, expected):
    assert news_fields(lines_of(text)) == expected


# ---------------------------------------------------------------- whole documents

NOTICE = """重庆市北碚区人民政府办公室文件
北碚府办发〔2024〕15号
重庆市北碚区人民政府办公室
关于印发北碚区促进科技创新若干措施的通知
各镇人民政府、街道办事处，区政府各部门，有关单位：
根据《重庆市促进科技创新若干规定》（渝府发〔2020〕3号），经区政府同意，现将《措施》印发给你们，请认真贯彻执行。
一、支持企业研发投入。
二、支持平台建设。
重庆市北碚区人民政府办公室
2024年3月12日
（此件公开发布）
抄送：区委办公室，区人大常委会办公室，区政协办公室。
重庆市北碚区人民政府办公室　　　　2024年3月13日印发"""

JOINT = """北碚科发〔2023〕7号
各有关单位：
为加快科技成果转化，促进科技与经济深度融合，经研究，现将2023年度科技成果转化项目申报有关事项通知如下。
一、申报条件。申报单位须为在北碚区注册、具有独立法人资格的企业、高校或科研院所，且项目成果已完成中试。
二、申报程序。申报单位于7月31日前通过系统在线填报，并将纸质材料报送区科学技术局。
重庆市北碚区科学技术局　　重庆市北碚区财政局
二〇二三年六月二十八日"""

TABLED = """索引号：11500109009275780F/2024-00031
主题分类：科技；其他
各有关单位：
现将有关事项通知如下。
一、申报条件
重庆市北碚区科学技术局
2024年4月2日"""


def test_body_metadata_of_a_district_notice():
    assert body_metadata(NOTICE) == {
        "doc_number": "北碚府办发〔2024〕15号", "issuer": "重庆市北碚区人民政府办公室", "written": "2024-03-12"}


def test_body_metadata_of_a_joint_issue():
    assert body_metadata(JOINT) == {
        "doc_number": "北碚科发〔2023〕7号", "issuer": "重庆市北碚区科学技术局、重庆市北碚区财政局",
        "issuers": ["重庆市北碚区科学技术局", "重庆市北碚区财政局"], "written": "2023-06-28"}


def test_body_metadata_reads_label_lines():
    assert body_metadata(TABLED) == {
        "index_number": "11500109009275780F/2024-00031", "topics": ["科技", "其他"],
        "issuer": "重庆市北碚区科学技术局", "written": "2024-04-02"}


def test_body_metadata_takes_the_number_from_the_title():
    text = JOINT.split("\n", 1)[1]
    found = body_metadata(text, title="关于开展科技成果转化项目申报的通知（北碚科发〔2023〕7号）")
    assert found["doc_number"] == "北碚科发〔2023〕7号"


def test_a_cited_number_is_not_the_documents_own():
    text = NOTICE.replace("北碚府办发〔2024〕15号\n", "")
    assert "doc_number" not in body_metadata(text)


@pytest.mark.parametrize(
    "page, expected",
    [
        pytest.param({}, {"doc_number": "北碚府办发〔2024〕15号", "issuer": "重庆市北碚区人民政府办公室",
                          "written": "2024-03-12"}, id="page-gave-nothing"),
        pytest.param({"issuer": "重庆市北碚区人民政府", "written": "2024-03-10"},
                     {"issuer": "重庆市北碚区人民政府", "written": "2024-03-10", "doc_number": "北碚府办发〔2024〕15号"},
                     id="page-fields-win"),
        pytest.param({"doc_number": "", "author": "张三"},
                     {"doc_number": "北碚府办发〔2024〕15号", "author": "张三", "issuer": "重庆市北碚区人民政府办公室",
                      "written": "2024-03-12"}, id="empty-page-field-filled"),
    ],
)
def test_complete_metadata_fills_only_what_the_page_lacked(page, expected):
    merged, doc_type = complete_metadata(page, NOTICE)
    assert merged == expected
    assert doc_type == "policy"


def test_complete_metadata_keeps_news_as_news():
    text = "本报讯（记者 张三）4月21日，北碚区举行签约仪式。\n项目总投资10亿元。\n来源：上游新闻"
    merged, doc_type = complete_metadata({"source": "北碚区融媒体中心"}, text)
    assert merged == {"source": "北碚区融媒体中心", "author": "张三"}
    assert doc_type == "news"

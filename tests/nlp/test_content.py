"""nlp.content: articles from real-looking pages, plain-text dumps and the seed documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.content import article_from_html, article_from_text, looks_like_html, read_article
from policyminer.errors import InputError

PAGES = Path(__file__).parent / "pages"
PAGE_FILES = sorted(PAGES.glob("*.html"))


def sidecar(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def assert_clean_paragraphs(text: str) -> None:
    """Paragraphs one per line: no blank lines, no edge whitespace, no ideographic spaces."""
    assert text == text.strip()
    for paragraph in text.split("\n"):
        assert paragraph and paragraph == paragraph.strip(), repr(paragraph)
    assert "\u3000" not in text and "\u00a0" not in text


# ---------------------------------------------------------------- test pages


def test_there_are_enough_test_pages():
    assert len(PAGE_FILES) >= 8
    assert all(page.with_suffix(".json").is_file() for page in PAGE_FILES)


@pytest.fixture(scope="module", params=PAGE_FILES, ids=lambda p: p.stem)
def page_case(request):
    page = request.param
    expected = sidecar(page)
    return read_article(page.read_bytes(), expected["url"], name=page.name), expected


def test_page_title(page_case):
    article, expected = page_case
    assert article.title == expected["title"]


def test_page_published(page_case):
    article, expected = page_case
    assert article.published == expected["published"]


def test_page_doc_type(page_case):
    article, expected = page_case
    assert article.doc_type == expected["doc_type"]


def test_page_metadata(page_case):
    article, expected = page_case
    for key, value in expected["metadata"].items():
        assert article.metadata.get(key) == value, key


def test_page_text_edges(page_case):
    article, expected = page_case
    assert_clean_paragraphs(article.text)
    assert article.text.startswith(expected["starts_with"])
    if "ends_with" in expected:
        assert article.text.endswith(expected["ends_with"])
    if "paragraphs" in expected:
        assert len(article.text.split("\n")) == expected["paragraphs"]


def test_page_keeps_article_text(page_case):
    article, expected = page_case
    for snippet in expected["must_contain"]:
        assert snippet in article.text


def test_page_drops_furniture(page_case):
    article, expected = page_case
    for snippet in expected["must_not_contain"]:
        assert snippet not in article.text
    assert not article.text.startswith(article.title)


# ---------------------------------------------------------------- plain text


PORTAL_DUMP = """网易首页 > 网易号 > 正文 申请入驻

璧山区新增3家市级众创空间,在孵团队超过400个

0
分享至

3月18日,璧山区科技局发布消息,区内3家众创空间通过市级认定,全区市级以上众创空间增至17家。

上游新闻记者了解到,这3家众创空间分别依托重庆文理学院和区内龙头企业建设,共有在孵团队400余个。

璧山高新区创业大厦

“打造全链条孵化体系”

下一步,璧山区将对新认定的众创空间给予一次性奖励20万元。

上游新闻记者 何川 璧山区科技局供图

特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。

相关推荐
热点推荐
某明星婚礼现场曝光
2026-01-25 09:05:06
"""


def test_plain_text_portal_dump():
    article = article_from_text(PORTAL_DUMP, "file:///tmp/bishan.txt")
    assert article.title == "璧山区新增3家市级众创空间,在孵团队超过400个"
    assert article.text == (
        "3月18日,璧山区科技局发布消息,区内3家众创空间通过市级认定,全区市级以上众创空间增至17家。\n"
        "上游新闻记者了解到,这3家众创空间分别依托重庆文理学院和区内龙头企业建设,共有在孵团队400余个。\n"
        "“打造全链条孵化体系”\n"
        "下一步,璧山区将对新认定的众创空间给予一次性奖励20万元。")
    assert article.metadata == {"author": "何川"}
    assert article.published is None   # the recommendation's date is not the article's


EPAPER_DUMP = """ 提升企业技术创新能力的机制

近年来，璧山区与重庆文理学院
达成共识：把学校的科研团队和成
果引入园区企业。

校地双方组建了联合工作组，定
期研究合作事项，推动重大项目落
地。

合作平台——
围绕产业需求搭建多种合作载体

“合作已经延伸到园区的各个产
业。”璧山区相关负责人说。
 璧山校地合作结出创新硕果璧璧山

2023年3月8日，璧山高新区科创中心
正式揭牌。当天，有26个科技项目和创投
基金集中签约入驻。

璧山高新区科创中心 摄/王军

科创中心

这一平台以“政府+学校+企业”的方
式运作，已引进研发机构18个。
"""


def test_plain_text_epaper_dump():
    article = article_from_text(EPAPER_DUMP, "file:///tmp/epaper.txt")
    assert article.title == "璧山校地合作结出创新硕果璧璧山"
    assert article.text == (
        "提升企业技术创新能力的机制\n"
        "近年来，璧山区与重庆文理学院达成共识：把学校的科研团队和成果引入园区企业。\n"
        "校地双方组建了联合工作组，定期研究合作事项，推动重大项目落地。\n"
        "合作平台——围绕产业需求搭建多种合作载体\n"
        "“合作已经延伸到园区的各个产业。”璧山区相关负责人说。\n"
        "2023年3月8日，璧山高新区科创中心正式揭牌。当天，有26个科技项目和创投基金集中签约入驻。\n"
        "这一平台以“政府+学校+企业”的方式运作，已引进研发机构18个。")


@pytest.mark.parametrize(
    "text, title, published, metadata, first",
    [
        pytest.param("永川区举办科技成果对接会\n2025-04-18 09:30 来源：永川日报\n\n4月17日，永川区举办科技成果对接会，"
                     "签约项目12个。", "永川区举办科技成果对接会", "2025-04-18", {"source": "永川日报"},
                     "4月17日，永川区举办科技成果对接会，签约项目12个。", id="date-and-source-line"),
        pytest.param("发布时间：2025年04月23日\n荣昌区新增一批专精特新企业\n据介绍，今年以来荣昌区新增专精特新企业23家。",
                     "荣昌区新增一批专精特新企业", "2025-04-23", {}, "据介绍，今年以来荣昌区新增专精特新企业23家。",
                     id="date-above-title"),
        pytest.param("4月23日，沙坪坝区知识产权运营中心揭牌。\n该中心将推动高校专利与企业需求对接。", "", None, {},
                     "4月23日，沙坪坝区知识产权运营中心揭牌。", id="no-title"),
        pytest.param("重庆市人民政府关于印发重庆市促进科技成果转化若干措施的通知\n索引号：11500000009275780F/2024-00012\n"
                     "发文字号：渝府发〔2024〕12号\n成文日期：2024年3月5日\n\n各区县（自治县）人民政府，市政府各部门：\n"
                     "现将《重庆市促进科技成果转化若干措施》印发给你们，请认真贯彻执行。",
                     "重庆市人民政府关于印发重庆市促进科技成果转化若干措施的通知", None,
                     {"index_number": "11500000009275780F/2024-00012", "doc_number": "渝府发〔2024〕12号",
                      "written": "2024-03-05"},
                     "各区县（自治县）人民政府，市政府各部门：", id="policy-header-lines"),
        pytest.param("索引号：11500000009275780F/2024-00012\n发文字号：渝府发〔2024〕12号\n"
                     "重庆市人民政府关于印发若干措施的通知\n\n各区县（自治县）人民政府，市政府各部门：\n"
                     "现将《若干措施》印发给你们，请认真贯彻执行。",
                     "重庆市人民政府关于印发若干措施的通知", None,
                     {"index_number": "11500000009275780F/2024-00012", "doc_number": "渝府发〔2024〕12号"},
                     "各区县（自治县）人民政府，市政府各部门：", id="policy-header-above-title"),
        pytest.param("重庆市沙坪坝区人民政府\n首页 > 政务信息 > 部门动态\n沙坪坝区新增两家市级科技企业孵化器\n"
                     "发布时间：2025-04-25 16:32 来源：区科技局\n\n近日，市科技局公布了认定名单，沙坪坝区两家载体入选。",
                     "沙坪坝区新增两家市级科技企业孵化器", "2025-04-25", {"source": "区科技局"},
                     "近日，市科技局公布了认定名单，沙坪坝区两家载体入选。", id="site-name-above-title"),
        pytest.param("华龙网\n九龙坡：科技型企业数量突破4000家\n2025-04-24 10:05:23 来源：华龙网 作者：陈红\n"
                     "华龙网-新重庆客户端4月24日讯（记者 陈红）截至3月底，九龙坡区科技型企业已达4126家。\n"
                     "（完）\n主办：华龙网 ICP备案号", "九龙坡：科技型企业数量突破4000家", "2025-04-24",
                     {"source": "华龙网", "author": "陈红"},
                     "华龙网-新重庆客户端4月24日讯（记者 陈红）截至3月底，九龙坡区科技型企业已达4126家。",
                     id="portal-dump-with-footer"),
    ],
)
def test_article_from_text(text, title, published, metadata, first):
    article = article_from_text(text, "file:///tmp/doc.txt")
    assert article.title == title
    assert article.published == published
    assert article.metadata == metadata
    assert article.text.split("\n")[0] == first


EPAPER_CHROME_DUMP = """三峡都市报 2025年6月3日 星期二 第A04版 区县
版面导航
上一版 下一版

万州柑橘产业链产值突破百亿

本报讯（记者 谭峰）记者从万
州区农业农村委获悉，去年全区
柑橘产业链产值达到103.6亿
元，同比增长9.8%。

目前，万州已建成柑橘标准化基
地12万亩，引进深加工企业8家
，带动6.2万户果农增收。

（本版图片除署名
外由万州区委宣传部供图）

本版责编：周琳 美术编辑：陈明
万州日报数字报 版权所有
"""


def test_plain_text_epaper_chrome_is_gone():
    article = article_from_text(EPAPER_CHROME_DUMP, "file:///tmp/epaper.txt")
    assert article.title == "万州柑橘产业链产值突破百亿"
    assert article.published == "2025-06-03"
    assert article.text == (
        "本报讯（记者 谭峰）记者从万州区农业农村委获悉，去年全区柑橘产业链产值达到103.6亿元，同比增长9.8%。\n"
        "目前，万州已建成柑橘标准化基地12万亩，引进深加工企业8家，带动6.2万户果农增收。")


PORTAL_FOOTER_DUMP = """重庆市南川区人民政府
首页 > 政务公开 > 部门动态
南川区新增市级数字化车间5个
发布时间：2025-05-12 来源：区经济信息委
字号：大 中 小

近日，市经济信息委公布2025年市级数字化车间名单，南川区5个车间入选，全区市级数字化车间增至21个。

入选车间平均生产效率提升23%，产品不良品率下降18%。

重庆市南川区人民政府办公室主办 南川区大数据应用发展管理局承办
网站标识码：5001190017 渝ICP备12003208号-1
渝公网安备 50011902000188号
"""

TENCENT_DUMP = """綦江区齿轮产业集群产值突破120亿元

綦江区齿轮产业集群产值突破120亿元

綦江融媒
2025-04-02 17:40发布于重庆

今年一季度，綦江区齿轮及传动产业实现产值31.2亿元，同比增长12.4%。

綦江区经济信息委负责人介绍，全区已集聚齿轮配套企业160余家。

本文来自腾讯新闻客户端创作者，不代表腾讯新闻的观点和立场。
重庆一季度GDP增长5.3%
2025-04-18 10:02
"""


@pytest.mark.parametrize(
    "text, last",
    [
        pytest.param(PORTAL_FOOTER_DUMP, "入选车间平均生产效率提升23%，产品不良品率下降18%。", id="portal-footer"),
        pytest.param(TENCENT_DUMP, "綦江区经济信息委负责人介绍，全区已集聚齿轮配套企业160余家。", id="platform-disclaimer"),
    ],
)
def test_plain_text_footers_and_disclaimers_are_gone(text, last):
    article = article_from_text(text, "file:///tmp/portal.txt")
    assert article.text.split("\n")[-1] == last
    for chrome in ("主办", "承办", "网站标识码", "ICP", "公网安备", "腾讯新闻", "重庆一季度"):
        assert chrome not in article.text


WRAPPED_BODY = ("今年以来，璧山区新能源汽\n车零部件本地配套率达到62%\n，较2022年提高20个百\n分点。\n\n"
                "区经济信息委负责人介绍\n，区里建立了整车企业与零\n部件企业的季度对接会机\n制。\n")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("璧山区新能源汽车配套率达到62%\n\n璧山区新能源汽车配套率达到62%\n\n"
                     "今年以来，璧山区新能源汽车零部件本地配套率达到62%，较2022年提高20个百分点。", id="twice-in-a-row"),
        pytest.param("璧山区新能源汽车配套率达到62%\n\n首页 > 新闻 > 璧山要闻\n璧山区新能源汽车配套率达到62%\n"
                     "发布时间：2025-04-22 09:10\n\n今年以来，璧山区新能源汽车零部件本地配套率达到62%，较2022年提高20个百分点。",
                     id="chrome-between"),
        pytest.param("璧山区新能源汽车配套率达到62%\n\n重庆日报 2025年4月22日 星期二 第003版 区县\n\n"
                     "璧山区新能源汽车\n配套率达到62%\n\n" + WRAPPED_BODY, id="epaper-headline-wrapped"),
        pytest.param("璧山区新能源汽车配套率达到62%\n\n" + WRAPPED_BODY.replace("\n\n", "\n\n  璧山区新能源汽车配套率达到62%\n\n", 1),
                     id="epaper-headline-displaced"),
    ],
)
def test_repeated_headline_is_not_body(text):
    article = article_from_text(text, "file:///tmp/dump.txt")
    assert article.title == "璧山区新能源汽车配套率达到62%"
    assert "配套率达到62%\n" not in article.text + "\n"
    assert article.text.startswith("今年以来，璧山区新能源汽车零部件本地配套率达到62%，较2022年提高20个百分点。")


def test_site_name_shown_twice_is_not_the_headline():
    text = ("重庆市綦江区人民政府\n重庆市綦江区人民政府\n首页 > 新闻中心 > 綦江要闻\n綦江区新增省级专精特新企业9家\n"
            "发布时间：2025-03-11 16:20 来源：区经济信息委\n\n"
            "近日，市经济信息委公布新一批专精特新中小企业名单，綦江区9家企业入选，全区累计达到61家。")
    article = article_from_text(text, "file:///tmp/qijiang.txt")
    assert article.title == "綦江区新增省级专精特新企业9家"
    assert article.text.startswith("近日，市经济信息委公布新一批专精特新中小企业名单")


def test_event_notice_keeps_its_host_lines():
    text = ("关于举办2025年大足区创新创业大赛的通知\n\n各镇街、各有关单位：\n"
            "为激发全社会创新创业活力，区科技局决定举办2025年大足区创新创业大赛，现将有关事项通知如下。\n"
            "主办单位：大足区科学技术局\n承办单位：大足高新技术产业开发区管理委员会\n"
            "参赛对象为在大足区注册的科技型中小企业和创业团队，报名截止时间为2025年6月30日。\n\n"
            "大足区科学技术局\n2025年5月6日\n\n主办单位：重庆市大足区人民政府办公室\n网站标识码：5001110008\n")
    article = article_from_text(text, "file:///tmp/notice.txt")
    lines = article.text.split("\n")
    assert "主办单位：大足区科学技术局" in lines and "承办单位：大足高新技术产业开发区管理委员会" in lines
    assert lines[-1] == "2025年5月6日"


def test_image_credit_at_the_end_is_not_the_headline():
    text = ("铜梁日报\n2025年3月20日 星期四\n第2版 综合新闻\n\n铜梁龙灯彩扎技艺走进校园\n\n"
            "本报讯（记者 陈静）3月19\n日，铜梁区非遗进校园活动在\n巴川中学启动，200余名学生\n参加。\n\n"
            "活动现场，非遗传承人向学\n生讲解龙灯彩扎的工序和\n技法。\n\n（本版图片由铜梁区委宣传部提供）\n")
    article = article_from_text(text, "file:///tmp/tongliang.txt")
    assert article.title == "铜梁龙灯彩扎技艺走进校园"
    assert article.text == ("本报讯（记者 陈静）3月19日，铜梁区非遗进校园活动在巴川中学启动，200余名学生参加。\n"
                            "活动现场，非遗传承人向学生讲解龙灯彩扎的工序和技法。")
    assert article.published == "2025-03-20"


def test_event_notice_keeps_its_time_and_place_lines():
    text = ("关于举办2025年北碚区科技活动周的通知\n\n各镇街、各有关单位：为营造创新氛围，区科技局将举办科技活动周，现将有关事项通知如下。\n"
            "时间：2025年5月18日至5月24日\n地点：北碚区文星湾大桥桥头广场\n\n北碚区科学技术局\n2025年4月30日")
    article = article_from_text(text, "file:///tmp/notice.txt")
    assert article.title == "关于举办2025年北碚区科技活动周的通知"
    assert article.text.split("\n")[1:] == [
        "时间：2025年5月18日至5月24日", "地点：北碚区文星湾大桥桥头广场", "北碚区科学技术局", "2025年4月30日"]


def test_article_from_text_policy_doc_type():
    text = ("索引号：11500000009275780F/2024-00012\n发文字号：渝府发〔2024〕12号\n\n"
            "各区县（自治县）人民政府，市政府各部门：现将有关措施印发给你们，请认真贯彻执行。")
    assert article_from_text(text, "file:///tmp/p.txt").doc_type == "policy"
    assert article_from_text(text, "file:///tmp/p.txt", doc_type="news").doc_type == "news"


def test_article_from_text_date_from_url():
    article = article_from_text("北碚区召开科技创新大会，表彰先进集体20个。", "https://www.beibei.gov.cn/t20250110_12345.html")
    assert article.published == "2025-01-10"


def test_article_from_text_traditional_is_read_in_simplified_and_kept_as_written():
    article = article_from_text("北碚區與西南大學簽署合作協議\n\n責任編輯：王明\n雙方將共建產業技術研究院，推動科研成果轉化。",
                                "file:///t.txt")
    assert article.title == "北碚區與西南大學簽署合作協議"          # the headline found, as written
    assert article.text == "雙方將共建產業技術研究院，推動科研成果轉化。"   # 責任編輯 read as chrome


# ---------------------------------------------------------------- HTML specifics


def test_selectors_override_automatic_choices():
    html = """<html><head><title>站点名称</title></head><body>
      <div class="x-head"><span class="x-t">江北区新增10个智慧社区</span><span class="x-d">2025/05/06</span>
      <span class="x-s">江北报</span></div>
      <div class="x-side"><p>侧栏里的一段很长的文字，说明网站的栏目设置、投稿方式和联系方式，不是正文内容。</p></div>
      <div class="x-body"><p>今年以来，江北区新建成智慧社区10个，覆盖居民12万户。</p>
      <p>这些社区配备了智能门禁和养老服务平台，老人可一键呼叫服务。</p></div></body></html>"""
    selectors = {"title": ".x-t", "published": ".x-d", "source": ".x-s", "body": ".x-body"}
    article = article_from_html(html, "https://www.cqjb.gov.cn/a/1.html", selectors=selectors)
    assert article.title == "江北区新增10个智慧社区"
    assert article.published == "2025-05-06"
    assert article.metadata["source"] == "江北报"
    assert article.text == ("今年以来，江北区新建成智慧社区10个，覆盖居民12万户。\n"
                            "这些社区配备了智能门禁和养老服务平台，老人可一键呼叫服务。")


def test_scrapy_style_selectors_from_sources_yaml():
    html = ("<html><head><title>x</title><meta name='PubDate' content='2025-04-25 10:20'></head><body>"
            "<div class='detail'><div class='title'><h1>北碚区新增科技型企业200家</h1></div>"
            "<div class='info'><span class='time'>发布时间：2025-04-23 18:05</span></div>"
            "<div class='TRS_Editor'><p>今年以来，北碚区新增科技型企业200家。</p></div></div></body></html>")
    selectors = {"title": "div.detail div.title h1::text", "body": "div.TRS_Editor",
                 "published": "div.info span.time::text"}
    article = article_from_html(html, "https://www.cqbb.gov.cn/a.html", selectors=selectors)
    assert (article.title, article.published) == ("北碚区新增科技型企业200家", "2025-04-23")
    assert article.text == "今年以来，北碚区新增科技型企业200家。"


def test_bad_selectors_fall_back_to_automatic():
    html = ("<html><head><title>南岸区：新增科技型企业300家_南岸区人民政府</title></head><body>"
            "<div class='TRS_Editor'><p>今年一季度，南岸区新增科技型企业300家，同比增长15%。</p></div></body></html>")
    article = article_from_html(html, "https://www.cqna.gov.cn/a.html", selectors={"body": "div[[bad", "title": ".nope"})
    assert article.title == "南岸区：新增科技型企业300家"
    assert article.text == "今年一季度，南岸区新增科技型企业300家，同比增长15%。"


@pytest.mark.parametrize(
    "head, published",
    [
        pytest.param('<meta property="article:published_time" content="2025-04-25T10:20:00+08:00">', "2025-04-25",
                     id="open-graph"),
        pytest.param('<meta name="PubDate" content="2025-04-25 10:20">', "2025-04-25", id="trs-pubdate"),
        pytest.param('<meta name="publishdate" content="20250425">', "2025-04-25", id="compact"),
        pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-04-25"}'
                     '</script>', "2025-04-25", id="json-ld"),
        pytest.param("", None, id="none"),
    ],
)
def test_published_from_meta_tags(head, published):
    html = (f"<html><head>{head}<title>梁平区推进数字乡村建设</title></head><body><div class='article-content'>"
            "<p>梁平区今年将新建数字乡村示范村15个，带动农户增收。</p></div></body></html>")
    assert article_from_html(html, "https://www.cqlp.gov.cn/a/1.html").published == published


def _page(head: str, top: str, body: str) -> str:
    return (f"<html><head>{head}<title>梁平区推进数字乡村建设_梁平区人民政府</title></head><body>"
            f"<div class='detail'><h1>梁平区推进数字乡村建设</h1>{top}<div class='article-content'>{body}</div>"
            "</div></body></html>")


BODY = "<p>梁平区今年将新建数字乡村示范村15个，带动农户增收。</p>"


@pytest.mark.parametrize(
    "head, top, published",
    [
        pytest.param("", "<div class='m'><div><span>2025-04-10 09:45</span></div><div><span>来源：梁平区融媒体中心</span>"
                     "</div></div>", "2025-04-10", id="lone-date-below-title"),
        pytest.param("<script>var nickname = '梁平发布'; var createTime = '2025-04-23 09:40';</script>", "",
                     "2025-04-23", id="wechat-create-time"),
        pytest.param("<script>var ct = \"1745372400\";</script>", "", "2025-04-23", id="wechat-epoch"),
        pytest.param('<script type="application/json">{"detail": {"pubTime": "2025-04-11 10:00"}}</script>', "",
                     "2025-04-11", id="json-blob"),
        pytest.param("", "<p>x</p>" * 8 + "<ul class='m'><li><span>2025-04-10</span></li></ul>", None,
                     id="date-far-from-title"),
    ],
)
def test_published_without_a_label(head, top, published):
    assert article_from_html(_page(head, top, BODY), "https://www.cqlp.gov.cn/a.html").published == published


@pytest.mark.parametrize(
    "author_html, metadata",
    [
        pytest.param("<a class='author' href='/u/1'><span>重庆日报</span></a>", {"source": "重庆日报"}, id="newspaper"),
        pytest.param("<a class='author' href='/u/1'><span>上游新闻</span></a>", {"source": "上游新闻"}, id="dictionary-media"),
        pytest.param("<span class='author'>作者：刘洋</span>", {"author": "刘洋"}, id="person"),
    ],
)
def test_outlet_named_as_author_is_the_source(author_html, metadata):
    article = article_from_html(_page("", author_html, BODY), "https://news.qq.com/a.html")
    assert article.metadata == metadata


def test_caption_ending_in_a_credit_is_dropped_from_html():
    body = (BODY + "<p><img src='a.jpg'></p><p>梁平区礼让镇的数字乡村服务站。华龙网 周洁摄</p>"
            "<p>服务站为村民提供网上办事、电商销售等服务，今年已接待群众6000余人次。</p>")
    article = article_from_html(_page("", "", body), "https://www.cqlp.gov.cn/a.html")
    assert article.text == ("梁平区今年将新建数字乡村示范村15个，带动农户增收。\n"
                            "服务站为村民提供网上办事、电商销售等服务，今年已接待群众6000余人次。")


def test_html_without_content_falls_back_to_the_page():
    html = "<html><body><p>荣昌区今年新增规上工业企业40家。</p></body></html>"
    article = article_from_html(html, "https://example.gov.cn/a.html")
    assert article.text == "荣昌区今年新增规上工业企业40家。"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("<!DOCTYPE html><html><body>x</body></html>", True, id="doctype"),
        pytest.param("<div class='a'><p>正文</p></div>", True, id="fragment"),
        pytest.param("网易首页 > 网易号 > 正文\n\n北碚区新增项目10个", False, id="text-with-angle-brackets"),
        pytest.param("比较：a<b 且 c>d，结论成立。", False, id="comparison"),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_read_article_routes_plain_text_and_html():
    text = "北碚区召开科技大会\n\n北碚区今年投入科技经费5亿元，同比增长12%。".encode("gbk")
    article = read_article(text, "file:///tmp/a.txt")
    assert (article.title, article.text) == ("北碚区召开科技大会", "北碚区今年投入科技经费5亿元，同比增长12%。")
    html = "<html><head><title>标题很长的一篇新闻</title></head><body><p>正文一句话，说明情况。</p></body></html>"
    assert read_article(html.encode("utf-8"), "https://a.cn/1.html").text == "正文一句话，说明情况。"


def test_read_article_names_the_input_in_errors():
    with pytest.raises(InputError, match="^docs/empty.txt: empty input"):
        read_article(b"", "file:///docs/empty.txt", name="docs/empty.txt")


# ---------------------------------------------------------------- the seed documents


@pytest.mark.seeds
def test_portal_seed(seed_text):
    article = article_from_text(seed_text("portal"), "file:///seeds/portal.txt")
    assert article.title == "入驻项目2500余个,沙坪坝区环大学创新创业圈建设卓有成效"
    assert article.text.startswith("4月23日,由沙坪坝区市场监督管理局")
    assert "累计入驻项目团队、企业2500余个" in article.text
    assert "上游新闻记者了解到" in article.text
    for furniture in ("相关推荐", "特别声明", "网易首页", "分享至", "关注度", "上游新闻记者 陈力", "供图", "Notice"):
        assert furniture not in article.text
    for caption in ("重庆国际创客港", "华宇城·生命科技园\n", "在重庆大学举行的"):
        assert caption not in article.text
    for heading in ("\n“2+2+X”生态圈建设格局形成\n", "\n“五位一体”倾力打造\n"):
        assert heading in article.text
    assert_clean_paragraphs(article.text)


@pytest.mark.seeds
def test_epaper_seed(seed_text):
    article = article_from_text(seed_text("epaper"), "file:///seeds/epaper.txt")
    lines = article.text.split("\n")
    signing = [line for line in lines if "有58个国内外科技创新项目" in line]
    assert len(signing) == 1 and "集中签约落户创新生态圈。" in signing[0]
    assert "环西南大学创新生态圈" in signing[0]
    assert "摄/" not in article.text
    assert "校地合作激发创新驱动新活力北北碚" not in article.text
    for caption in ("亿达创智广场\n", "西南大学附属医院挂牌", "科技创业中心"):
        assert caption not in article.text
    assert "北碚通过实施校园内外环境品质提升行动" in article.text   # joined across a column break
    assert "合作平台——围绕创新创业搭建起多方面合作的载体" in lines
    assert "按下科技创新“快进键”，打造校地合作“升级版”，为北碚区高质量发展注入了强大动能。" in lines
    assert_clean_paragraphs(article.text)


@pytest.mark.seeds
@pytest.mark.parametrize("nickname", ["portal", "epaper"])
def test_seed_read_as_bytes_equals_text(seed_path, seed_text, nickname):
    path = seed_path(nickname)
    from_bytes = read_article(path.read_bytes(), path.as_uri(), name=str(path))
    assert from_bytes.text == article_from_text(seed_text(nickname), path.as_uri()).text

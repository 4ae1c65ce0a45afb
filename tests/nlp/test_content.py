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


def test_article_from_text_traditional_is_simplified():
    article = article_from_text("北碚區與西南大學簽署合作協議\n\n雙方將共建產業技術研究院，推動科研成果轉化。", "file:///t.txt")
    assert article.title == "北碚区与西南大学签署合作协议"
    assert article.text == "双方将共建产业技术研究院，推动科研成果转化。"


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

"""nlp.text: normalisation, joining hard-wrapped lines, recognising page furniture."""
from __future__ import annotations

import pytest

from nlp.text import (
    breaks_word, ends_paragraph, is_boilerplate_line, is_caption_line, is_chrome_line, is_credit_line,
    is_disclaimer_line, is_end_marker, is_heading_line, is_image_credit, is_pager_line, is_traditional,
    is_video_line, join_wrapped_lines, looks_wrapped, normalize,
)

# ---------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    "text, expected",
    [
        # full-width ASCII → half-width
        pytest.param("累计入驻企业２５００余个", "累计入驻企业2500余个", id="fullwidth-digits"),
        pytest.param("同比增长４．３％", "同比增长4.3%", id="fullwidth-decimal-percent"),
        pytest.param("建设５Ｇ基站和ＡＩ算力中心", "建设5G基站和AI算力中心", id="fullwidth-letters"),
        pytest.param("“２＋２＋Ｘ”生态圈", "“2+2+X”生态圈", id="fullwidth-plus"),
        # Chinese punctuation stays as written
        pytest.param("沙坪坝区（知识产权局）：近１０万名，", "沙坪坝区（知识产权局）：近10万名，", id="keeps-cn-punct"),
        pytest.param("揭牌。重庆大学！是吗？《规划》、“双一流”", "揭牌。重庆大学！是吗？《规划》、“双一流”",
                     id="keeps-cn-marks"),
        pytest.param("第一句．第二句", "第一句．第二句", id="fullwidth-point-between-words-kept"),
        # spaces
        pytest.param("\u3000\u3000据介绍，全区", "  据介绍，全区", id="ideographic-indent"),
        pytest.param("来源：区科技局\u00a0\u00a0作者：张三", "来源：区科技局  作者：张三", id="nbsp"),
        pytest.param("智荟全球\u2003沙磁同行", "智荟全球 沙磁同行", id="em-space"),
        # invisible characters and line ends
        pytest.param("重庆\u200b大学\ufeff", "重庆大学", id="zero-width-dropped"),
        pytest.param("第一段\r\n第二段\r第三段", "第一段\n第二段\n第三段", id="crlf"),
        # traditional → simplified only when the text is traditional
        pytest.param("北碚區與西南大學簽署戰略合作協議", "北碚区与西南大学签署战略合作协议", id="traditional"),
        pytest.param("重慶市人民政府關於印發實施方案的通知", "重庆市人民政府关于印发实施方案的通知",
                     id="traditional-policy-title"),
        pytest.param("著名的乾隆年间古镇", "著名的乾隆年间古镇", id="simplified-with-ambiguous-chars"),
        pytest.param("西南大学发布报告", "西南大学发布报告", id="simplified-untouched"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("沙坪坝区２０２４年科技服务营收达８．０９亿元，同比增长４．３％。", id="fullwidth"),
        pytest.param("\u3000\u3000環大學創新創業生態圈建設", id="traditional-with-indent"),
        pytest.param("来源：上游新闻\u00a0编辑：王五", id="nbsp"),
    ],
)
def test_normalize_keeps_length_for_one_to_one_replacements(text):
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("這個項目將於明年開工", True, id="traditional"),
        pytest.param("这个项目将于明年开工", False, id="simplified"),
        pytest.param("2025 Annual Report", False, id="no-cjk"),
        pytest.param("北碚區人民政府" + "北碚区人民政府开展调研活动" * 20, False, id="one-traditional-char-in-many"),
    ],
)
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected


# ---------------------------------------------------------------- join_wrapped_lines

EPAPER_COLUMN = """西南大学是北碚的一所高等学府。北碚，
对科技创新有着很强的需求。

近年来，北碚区与西南大学达成一
个共识：在创新驱动发展中，深化校地合
作关系，把学校的科研成果等资源集聚到
北碚来。

在合作中，学校和地方建立起联席会议
机制，定期召开校地合作工作会议，研究
推动重大合作事宜。"""


@pytest.mark.parametrize(
    "text, expected",
    [
        # mid-word and mid-sentence wraps
        pytest.param(EPAPER_COLUMN,
                     "西南大学是北碚的一所高等学府。北碚，对科技创新有着很强的需求。\n"
                     "近年来，北碚区与西南大学达成一个共识：在创新驱动发展中，深化校地合作关系，"
                     "把学校的科研成果等资源集聚到北碚来。\n"
                     "在合作中，学校和地方建立起联席会议机制，定期召开校地合作工作会议，研究推动重大合作事宜。",
                     id="mid-word-wraps"),
        pytest.param("揭牌当日，有58个国内外科技创\n新项目、科技企业和创投基金，集\n中签约落户环西南大\n"
                     "学创新生态圈。\n\n北碚区与西南大学还\n共建了产研院，打造\n科创街区和人才公寓。",
                     "揭牌当日，有58个国内外科技创新项目、科技企业和创投基金，集中签约落户环西南大学创新生态圈。\n"
                     "北碚区与西南大学还共建了产研院，打造科创街区和人才公寓。",
                     id="name-split-across-lines"),
        # column breaks: a blank line inside a sentence
        pytest.param("在合作中，学校和地方建立起一系列\n合作机制。通过完善的校地合作联席会议\n\n"
                     "机制，定期召开领导小组会议，研究推动\n重大合作事宜。同时出台了实施方\n\n案和五年规划。",
                     "在合作中，学校和地方建立起一系列合作机制。通过完善的校地合作联席会议机制，"
                     "定期召开领导小组会议，研究推动重大合作事宜。同时出台了实施方案和五年规划。",
                     id="column-break-blank-lines"),
        pytest.param("北碚通过实施校园内外环境品质提\n\n升行动，为西南大学打造良好的教育教学\n"
                     "环境，新建起4个邮票广场，改造绿地约\n4万平方米，补栽花卉30余万株，更换\n路灯200余盏。",
                     "北碚通过实施校园内外环境品质提升行动，为西南大学打造良好的教育教学环境，"
                     "新建起4个邮票广场，改造绿地约4万平方米，补栽花卉30余万株，更换路灯200余盏。",
                     id="column-break-after-unpunctuated-line"),
        # real paragraph breaks
        pytest.param("这一载体内已有入园企业296家。在\n合作中，建立起数字经济创新创业综\n合示范区。\n"
                     "朝阳文创大道，是创新生态圈内的第\n三大创新创业载体，已签约入驻文\n创企业20余家。",
                     "这一载体内已有入园企业296家。在合作中，建立起数字经济创新创业综合示范区。\n"
                     "朝阳文创大道，是创新生态圈内的第三大创新创业载体，已签约入驻文创企业20余家。",
                     id="paragraph-end-without-blank-line"),
        pytest.param("“目前，校地双方已在创新等方面实\n现了全面合作。”北碚区相关负责人\n说。\n\n"
                     "与此同时，西南大学还通过为北碚进\n行专项培训，帮助北碚区培养更多的\n名校长、名师。",
                     "“目前，校地双方已在创新等方面实现了全面合作。”北碚区相关负责人说。\n"
                     "与此同时，西南大学还通过为北碚进行专项培训，帮助北碚区培养更多的名校长、名师。",
                     id="paragraph-end-with-blank-line"),
        pytest.param("　　“高校是北碚最宝贵的创新资源。”\n北碚区相关负责人表示，区里将建立校\n"
                     "地联席会议制度，每季度研究一次合作\n事项。\n　　据介绍，生态圈内已建成众创空间\n"
                     "和孵化器8个，入驻企业和创业团队\n320余个。",
                     "“高校是北碚最宝贵的创新资源。”北碚区相关负责人表示，区里将建立校地联席会议制度，"
                     "每季度研究一次合作事项。\n据介绍，生态圈内已建成众创空间和孵化器8个，入驻企业和创业团队320余个。",
                     id="indented-paragraphs-sentence-end-inside"),
        pytest.param("　　这一平台以“政府+学校+市场”的方式\n运作，已引进34个研发机构。\n合作领域——全领域互动\n"
                     "　　西南大学的专家深入北碚农业基\n地，指导农业生产和脱贫攻坚工作。",
                     "这一平台以“政府+学校+市场”的方式运作，已引进34个研发机构。\n合作领域——全领域互动\n"
                     "西南大学的专家深入北碚农业基地，指导农业生产和脱贫攻坚工作。",
                     id="unindented-heading-between-indented-paragraphs"),
        # headings
        pytest.param("合作平台——\n围绕创新创业搭建起多方面合作的载体\n\n"
                     "“与西南大学的校地合作，不仅在环\n大学创新生态圈内，已延伸到北碚创新发\n"
                     "展、乡村振兴等全领域。”北碚区相关\n负责人说。",
                     "合作平台——围绕创新创业搭建起多方面合作的载体\n"
                     "“与西南大学的校地合作，不仅在环大学创新生态圈内，已延伸到北碚创新发展、"
                     "乡村振兴等全领域。”北碚区相关负责人说。",
                     id="two-line-heading"),
        pytest.param("合作机制——\n\n合作领域——\n北碚创新发展的全方位、全领域互动\n\n"
                     "在乡村振兴领域的合作中，西南大学\n的专家深入到北碚现代农业产业基\n地，指导农业生产。",
                     "合作机制——\n合作领域——北碚创新发展的全方位、全领域互动\n"
                     "在乡村振兴领域的合作中，西南大学的专家深入到北碚现代农业产业基地，指导农业生产。",
                     id="heading-stubs-stay-apart"),
        pytest.param("“2+2+X”生态圈建设格局形成\n\n在打造环大学创新创业生态圈的过程中，沙坪坝区强化校地合作。\n\n"
                     "“五位一体”倾力打造\n\n在创新创业方面，高校专班工作机制发挥强力作用。",
                     "“2+2+X”生态圈建设格局形成\n在打造环大学创新创业生态圈的过程中，沙坪坝区强化校地合作。\n"
                     "“五位一体”倾力打造\n在创新创业方面，高校专班工作机制发挥强力作用。",
                     id="headings-in-unwrapped-text"),
        pytest.param("一、总体要求\n深入实施创新驱动发展战略，推动科技成果转化。\n二、主要任务\n建设概念验证中心。",
                     "一、总体要求\n深入实施创新驱动发展战略，推动科技成果转化。\n二、主要任务\n建设概念验证中心。",
                     id="numbered-headings-unwrapped"),
        # text that is not hard-wrapped keeps its lines
        pytest.param("4月23日，沙坪坝区知识产权运营中心揭牌。\n\n据介绍，沙坪坝区共有16所驻区高校。\n\n"
                     "重庆国际创客港\n\n累计入驻项目团队、企业2500余个。",
                     "4月23日，沙坪坝区知识产权运营中心揭牌。\n据介绍，沙坪坝区共有16所驻区高校。\n"
                     "重庆国际创客港\n累计入驻项目团队、企业2500余个。",
                     id="unwrapped-keeps-lines"),
        pytest.param("沙坪坝区共有16所驻区高校，\n8家三级医院。\n\n近10万名科技工作者在这里工作。",
                     "沙坪坝区共有16所驻区高校，8家三级医院。\n近10万名科技工作者在这里工作。",
                     id="unwrapped-comma-joins"),
        pytest.param("该园区的英文名称为Chongqing\nScience City，简称科学城，位于\n重庆主城都市区的西部，规划面积\n"
                     "约1198平方公里。",
                     "该园区的英文名称为Chongqing Science City，简称科学城，位于重庆主城都市区的西部，"
                     "规划面积约1198平方公里。",
                     id="latin-words-joined-with-space"),
        pytest.param("据了解，此次入选的企业涵盖\n数控机床、智能装备、新材料\n等领域。\n\n荣昌：新增数字化车间6个\n"
                     "本报讯（记者 李华）近日，荣\n昌区6个车间入选市级数字化\n车间名单。",
                     "据了解，此次入选的企业涵盖数控机床、智能装备、新材料等领域。\n荣昌：新增数字化车间6个\n"
                     "本报讯（记者 李华）近日，荣昌区6个车间入选市级数字化车间名单。",
                     id="dateline-opens-a-paragraph"),
        pytest.param("", "", id="empty"),
    ],
)
def test_join_wrapped_lines(text, expected):
    assert join_wrapped_lines(text) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        pytest.param(EPAPER_COLUMN.split("\n"), True, id="epaper-column"),
        pytest.param(["4月23日，沙坪坝区知识产权运营中心正式揭牌并将落址星耀沙磁数字科技园。"] * 8, False,
                     id="one-paragraph-per-line"),
        pytest.param(["北碚府办发〔2024〕35号", "各镇人民政府、街道办事处，区政府各部门，有关单位：",
                      "《北碚区促进科技成果转化若干措施》已经区政府常务会议审议通过，现印发给你们，请认真抓好落实。" * 2,
                      "重庆市北碚区人民政府办公室", "2024年6月18日", "（此件公开发布）", "北碚区促进科技成果转化若干措施",
                      "为深入实施创新驱动发展战略，推动驻区高校的科技成果在北碚就地转化，结合我区实际，制定以下措施。" * 2],
                     False, id="policy-short-lines-are-not-wraps"),
        pytest.param(["短", "行"], False, id="too-few-lines"),
    ],
)
def test_looks_wrapped(lines, expected):
    assert looks_wrapped(lines) is expected


@pytest.mark.parametrize(
    "left, right, expected",
    [
        pytest.param("北碚通过实施校园内外环境品质提", "升行动，为西南大学打造", True, id="inside-word"),
        pytest.param("围绕创新创业搭建起多方面合作的载体", "“与西南大学的校地合作", False, id="before-quote"),
        pytest.param("建立集聚创新资源激活创新能力的制度和机制", "西南大学是北碚的高等学府", False,
                     id="word-boundary"),
        pytest.param("合作机制——", "合作平台——", False, id="dash"),
    ],
)
def test_breaks_word(left, right, expected):
    assert breaks_word(left, right) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("科教和卫生资源富集。", True, id="full-stop"),
        pytest.param("北碚区相关负责人说：“合作成效明显。”", True, id="stop-inside-quote"),
        pytest.param("这是笑料亦是必然！", True, id="exclamation"),
        pytest.param("以及校友的投资兴业", False, id="no-punct"),
        pytest.param("形成“2+2+X”", False, id="closing-quote-without-stop"),
        pytest.param("培育高新技术企业20家，", False, id="comma"),
        pytest.param("同比增长4.", False, id="decimal-point"),
    ],
)
def test_ends_paragraph(line, expected):
    assert ends_paragraph(line) is expected


# ---------------------------------------------------------------- page furniture


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布", id="special-notice"),
        pytest.param("Notice: The content above (including the pictures and videos if any) is uploaded", id="notice"),
        pytest.param("相关推荐", id="related"),
        pytest.param("热点推荐", id="hot"),
        pytest.param("往期回顾 全部", id="past-issues"),
        pytest.param("责任编辑：王强", id="editor-in-charge"),
        pytest.param("[责任编辑：王强]", id="editor-bracketed"),
        pytest.param("编辑：何静　责编：王敏", id="editor"),
        pytest.param("版权所有：重庆市沙坪坝区人民政府", id="copyright-cn"),
        pytest.param("Copyright © 2025 重庆商报 All Rights Reserved", id="copyright"),
        pytest.param("上一篇：北碚区召开经济工作会议", id="previous"),
    ],
)
def test_end_markers(line):
    assert is_end_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("编辑部今年共收到读者来信1200余封，内容涉及城市建设、教育医疗等多个方面。"
                     "对这些来信，编辑部逐一登记并转交有关部门办理，办结率达到95%以上。", id="sentence-about-editors"),
        pytest.param("相关部门负责人介绍，项目进展顺利。", id="sentence-starting-with-xiangguan"),
    ],
)
def test_not_end_markers(line):
    assert not is_end_marker(line)


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("网易首页 > 网易号 > 正文 申请入驻", True, id="breadcrumb-163"),
        pytest.param("首页 » 重庆频道 » 区县 » 正文", True, id="breadcrumb-raquo"),
        pytest.param("当前位置：首页 > 政务信息 > 部门动态", True, id="position"),
        pytest.param("0", True, id="lone-zero"),
        pytest.param("分享至", True, id="share-to"),
        pytest.param("分享到：微信 微博 QQ空间", True, id="share-buttons"),
        pytest.param("【打印本页】 【关闭窗口】", True, id="print-close"),
        pytest.param("【纠错】", True, id="correction"),
        pytest.param("【字体：大 中 小】", True, id="font-size"),
        pytest.param("浏览次数：1586", True, id="view-counter"),
        pytest.param("245200文章数 584523关注度", True, id="follower-counter"),
        pytest.param("无障碍浏览 进入关怀版", True, id="accessibility"),
        pytest.param("扫一扫在手机打开当前页", True, id="qr-code"),
        pytest.param("来源：区科技局", True, id="source-line"),
        pytest.param("4月23日，沙坪坝区知识产权运营中心正式揭牌。", False, id="body-sentence"),
        pytest.param("“五位一体”倾力打造", False, id="heading"),
        pytest.param("时间：2025年5月1日至5月5日", False, id="event-time"),
        pytest.param("2024年沙坪坝全区科技服务营收达8.09亿元", False, id="figure"),
        # WeChat banners and trailers
        pytest.param("点击蓝字 关注我们", True, id="wechat-blue-words"),
        pytest.param("戳上方蓝字“铜梁发布”关注我们", True, id="wechat-poke-blue-words"),
        pytest.param("长按识别二维码 关注綦江发布", True, id="wechat-long-press"),
        pytest.param("点个“在看”，让更多人看到", True, id="wechat-zaikan"),
        pytest.param("分享给更多人", True, id="wechat-share"),
        pytest.param("记者点击进入系统后台，关注到数据实时更新。", False, id="sentence-with-click"),
        pytest.param("点关注的企业名单报送区", False, id="wrapped-fragment-dian-guanzhu"),
        pytest.param("长按揭期限至30年", False, id="wrapped-fragment-chang-an"),
        pytest.param("点赞，他说这些年变化很大", False, id="wrapped-fragment-dian-zan"),
    ],
)
def test_is_boilerplate_line(line, expected):
    assert is_boilerplate_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("上游新闻记者 陈力 沙坪坝区科技局供图", True, id="reporter-and-photo"),
        pytest.param("上游新闻·重庆商报记者 刘洋", True, id="reporter-with-outlet"),
        pytest.param("记者 张三 通讯员 李四", True, id="reporter-correspondent"),
        pytest.param("（记者 王小明）", True, id="bracketed"),
        pytest.param("文/张三 图/李四", True, id="text-and-picture"),
        pytest.param("摄/秦廷富", True, id="photo-slash"),
        pytest.param("上游新闻记者 吴晓 实习生 周洁", True, id="intern"),
        pytest.param("上游新闻记者了解到,目前,环重庆大学创新创业生态圈已形成格局", False, id="reporter-learned"),
        pytest.param("记者观察", False, id="column-name"),
        pytest.param("绘就乡村振兴新蓝图", False, id="heading-ending-in-tu"),
        pytest.param("记者 张敏 文", True, id="reporter-text"),
        pytest.param("本报记者 陈曦 摄", True, id="reporter-photo"),
        pytest.param("记者从九龙坡区科技局获悉，截至3月底，该区科技型企业已达4126家。", False, id="reporter-sentence"),
    ],
)
def test_is_credit_line(line, expected):
    assert is_credit_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("（图片由南川区委宣传部提供）", True, id="pictures-supplied-by"),
        pytest.param("（本版图片除署名外均由合川区融媒体中心提供）", True, id="page-pictures-except-signed"),
        pytest.param("外由梁平区委宣传部供图）", True, id="wrapped-tail-of-credit"),
        pytest.param("图/本报记者 罗斌", True, id="picture-slash-reporter"),
        pytest.param("图/本报记者 罗斌 通讯员 刘畅", True, id="picture-reporter-correspondent"),
        pytest.param("摄影：首席记者 郑宇", True, id="photo-colon"),
        pytest.param("图片由游客在景区拍摄后上传至平台，累计收到投稿3000余件。", False, id="sentence"),
        pytest.param("游客在景区拍摄", False, id="people-taking-photos"),
        pytest.param("由区档案馆提供图", False, id="wrapped-fragment-provides-pictures"),
    ],
)
def test_is_image_credit(line, expected):
    assert (is_image_credit(line) or is_credit_line(line)) is expected


# ---------------------------------------------------------------- pagers, video labels, chrome, disclaimers


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("共3页  第1页  第2页  第3页  下一页", True, id="pages-of"),
        pytest.param("上一页 1 2 3 4 下一页 尾页", True, id="numbered-pager"),
        pytest.param("« 上一页 1 2 »", True, id="arrows"),
        pytest.param("第2页", True, id="lone-page"),
        pytest.param("1 2 3", False, id="numbers-without-page"),
        pytest.param("全书共320页，分为上下两册。", False, id="sentence-about-pages"),
    ],
)
def test_is_pager_line(line, expected):
    assert is_pager_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("视频：荣昌夏布织出“新花样”", True, id="video-label"),
        pytest.param("【视频】巫溪红池坝迎来赏花季", True, id="video-bracket"),
        pytest.param("时长 03:05 | 剪辑：周凯", True, id="duration"),
        pytest.param("视频时长：01:30", True, id="video-duration"),
        pytest.param("视频会议上，区长听取了各部门汇报。", False, id="video-conference-sentence"),
        pytest.param("时长达3小时的座谈会上，企业家们畅所欲言。", False, id="duration-sentence"),
    ],
)
def test_is_video_line(line, expected):
    assert is_video_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        # e-paper mastheads and navigation
        pytest.param("重庆晚报 2025年6月3日 星期二 第A07版 区县", True, id="masthead"),
        pytest.param("第6版：综合新闻", True, id="page-name"),
        pytest.param("第12版 区县新闻", True, id="page-number-first"),
        pytest.param("版面导航", True, id="page-navigation"),
        pytest.param("上一版 下一版", True, id="prev-next-page"),
        pytest.param("本版责编：周琳 美术编辑：陈明", True, id="page-editor"),
        pytest.param("万州日报数字报 版权所有", True, id="epaper-copyright"),
        pytest.param("三峡都市报社出版 国内统一连续出版物号 CN50-0013", True, id="imprint"),
        # portal footers
        pytest.param("主办单位：重庆市南川区人民政府办公室 承办单位：南川区大数据应用发展管理局", True, id="host"),
        pytest.param("主办单位：南川区科学技术局", False, id="host-alone-may-be-an-event-notice"),
        pytest.param("承办：南川区大数据应用发展管理局  技术支持：某某科技公司", True, id="organiser"),
        pytest.param("重庆市铜梁区人民政府办公室主办 铜梁区大数据发展中心承办", True, id="host-suffix"),
        pytest.param("网站标识码：5001510010", True, id="site-code"),
        pytest.param("渝ICP备12003208号-1", True, id="icp"),
        pytest.param("渝公网安备 50011002500123号", True, id="police-record"),
        pytest.param("联系我们 | 网站地图 | 使用帮助", True, id="footer-links"),
        # article text
        pytest.param("时间：2025年5月18日（星期日）上午9:00", False, id="event-time"),
        pytest.param("与上一版本相比，新版措施放宽了申报条件", False, id="previous-version"),
        pytest.param("报第5版刊发了相关报道", False, id="page-mention-in-wrapped-line"),
        pytest.param("本次活动由南川区人民政府主办，南川区文化旅游委承办。", False, id="event-hosts-sentence"),
        pytest.param("2024年全区新增市级专精特新企业36家", False, id="figure"),
    ],
)
def test_is_chrome_line(line, expected):
    assert is_chrome_line(line) is expected
    assert is_boilerplate_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("本文来自腾讯新闻客户端创作者，不代表腾讯新闻的观点和立场。", True, id="tencent"),
        pytest.param("本文为自媒体、作者等网易号在网易上传并发布，仅代表该作者或机构观点。", True, id="netease"),
        pytest.param("声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。", True, id="sohu"),
        pytest.param("本文由百家号作者上传并发布，百家号仅提供信息发布平台。", True, id="baijiahao"),
        pytest.param("未经授权，不得转载。", True, id="no-reprint"),
        pytest.param("企业代表表示，这些意见代表了民营企业的共同心声。", False, id="sentence-with-represent"),
        pytest.param("本文件自印发之日起施行。", False, id="policy-sentence"),
    ],
)
def test_is_disclaimer_line(line, expected):
    assert is_disclaimer_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("北碚区第三届“嘉陵创客”创业大赛总决赛 摄/邓公平", True, id="caption-with-slash-credit"),
        pytest.param("启动仪式现场。上游新闻记者 刘洋 摄", True, id="caption-reporter-shot"),
        pytest.param("九龙坡区某科技企业生产车间。九龙坡区科技局供图", True, id="caption-supplied"),
        pytest.param("图片来源：北碚区科技局", True, id="picture-source"),
        pytest.param("图为签约仪式现场", True, id="tu-wei"),
        pytest.param("重庆国际创客港", True, id="place-label"),
        pytest.param("华宇城·生命科技园", True, id="park-label"),
        pytest.param("在重庆大学举行的“校门对厂门”活动", True, id="event-label"),
        pytest.param("亿达创智广场", True, id="square-label"),
        pytest.param("“2+2+X”生态圈建设格局形成", False, id="heading-verb"),
        pytest.param("全力打造科技创新中心", False, id="heading-starting-with-verb"),
        pytest.param("“一圈六园三院一中心”", False, id="quoted-slogan"),
        pytest.param("“五位一体”倾力打造", False, id="heading-slogan"),
        pytest.param("一、支持成果就地转化中心", False, id="numbered-heading"),
        pytest.param("2019年5月6日，环西南大学创新生态圈正式揭牌。", False, id="sentence"),
        # a caption ending in a credit stays a caption whatever it holds
        pytest.param("潼南区一家柠檬加工企业的分拣车间。华龙网 刘静摄", True, id="sentence-then-outlet-credit"),
        pytest.param("6月2日，村民在黔江区阿蓬江镇采摘桑叶。新华社发（杨敏摄）", True, id="agency-credit-in-brackets"),
        pytest.param("工人在生产线上检测零部件。图/本报记者 罗斌", True, id="picture-slash-after-sentence"),
        pytest.param("村民在果园里修剪枝条（记者 陈欣 摄）", True, id="reporter-shot-in-brackets"),
        pytest.param("游客在景区拍摄", False, id="people-taking-photos"),
        pytest.param("这部宣传片由区融媒体中心负责拍摄", False, id="filming-sentence"),
    ],
)
def test_is_caption_line(line, expected):
    assert is_caption_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param("“2+2+X”生态圈建设格局形成", True, id="heading"),
        pytest.param("合作领域——北碚创新发展的全方位、全领域互动", True, id="heading-with-enumeration-comma"),
        pytest.param("三、培育技术经理人队伍", True, id="numbered"),
        pytest.param("北碚区与西南大学", True, id="short-phrase"),
        pytest.param("在这一领域的合作中，", False, id="comma"),
        pytest.param("北碚通过实施校园内外环境品质提升行动为西南大学打造良好的教育教学环境和人才培养条件", False,
                     id="too-long"),
        pytest.param("近年来，北碚区与西南大学形成一", False, id="wrapped-line"),
        pytest.param("把学校的科技创新人才和", False, id="function-word-end"),
    ],
)
def test_is_heading_line(line, expected):
    assert is_heading_line(line) is expected


@pytest.mark.parametrize(("text", "simplified"), [
    pytest.param("重慶市政府與澳門大學簽約", "重庆市政府与澳门大学签约", id="traditional"),
    pytest.param("重庆市政府与澳门大学签约", "重庆市政府与澳门大学签约", id="simplified"),
])
def test_to_simplified_is_opencc_t2s_and_remembered(text, simplified):
    from nlp.script import to_simplified
    assert to_simplified(text) == simplified
    assert to_simplified(text) is to_simplified(text)

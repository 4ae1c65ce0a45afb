"""Text normalisation and line-level cleaning shared by every input format.

:func:`normalize` makes characters uniform without moving text around;
:func:`join_wrapped_lines` undoes the hard line breaks of print layouts
(e-papers, PDF dumps); the ``is_*_line`` predicates recognise the lines that
are page furniture rather than article text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.script import is_traditional, to_simplified

# ---------------------------------------------------------------- normalize

_TRANSLATE = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}          # ０-９
_TRANSLATE.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})    # Ａ-Ｚ
_TRANSLATE.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})    # ａ-ｚ
_TRANSLATE.update({ord(c): ord(c) - 0xFEE0 for c in "％＋＝＠＃＆＊＜＞＄"})
_TRANSLATE.update({cp: 0x20 for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x0009)})
_TRANSLATE.update({cp: 0x20 for cp in range(0x2000, 0x200B)})
_TRANSLATE.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_DECIMAL_POINT_RE = re.compile(r"(?<=\d)．(?=\d)")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def normalize(text: str, *, simplify: bool = True) -> str:
    """Uniform characters, same length wherever only 1:1 replacements apply.

    Full-width ASCII letters, digits and ％＋＝… become half-width (a
    full-width point between digits too); NBSP, ideographic and other wide
    spaces become a plain space; zero-width characters and soft hyphens are
    dropped; CR/CRLF become LF. Chinese punctuation (，。：（）“”) stays as
    written. Traditional characters are converted to simplified (OpenCC
    ``t2s``) only when the text is detectably traditional, and ``simplify``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    text = _DECIMAL_POINT_RE.sub(".", text)
    if simplify and is_traditional(text):
        text = to_simplified(text)
    return text





# ---------------------------------------------------------------- line shapes

SENTENCE_PUNCT = "，。；！？,;!?"
_FINAL = "。！？!?…"
_CLOSERS = "”’」』）)】》\"'"
_FUNCTION_END = set("的和与及在为把对从是了将被向以于并或由让使给跟同而且但就也都又")
_NUMBERED_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百\d]+[章节条部分篇]|\d{1,2}[.、．](?!\d))")


def ends_paragraph(line: str) -> bool:
    """True when ``line`` ends with sentence-final punctuation (。！？… possibly inside quotes)."""
    line = line.rstrip()
    stripped = line.rstrip(_CLOSERS)
    if not stripped:
        return False
    if stripped[-1] in _FINAL:
        return True
    return stripped[-1] == "." and len(stripped) > 1 and not stripped[-2].isdigit()


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(_CJK_RE.findall(text))


def is_numbered_heading(line: str) -> bool:
    """A line opening with a section number: 一、 （二） 第三条 1."""
    return bool(_NUMBERED_HEADING_RE.match(line.strip()))


def is_heading_line(line: str, *, max_len: int = 40) -> bool:
    """A short line without sentence punctuation that could be a (sub)heading."""
    line = line.strip()
    if _NUMBERED_HEADING_RE.match(line) and len(line) <= max_len and not ends_paragraph(line):
        return True
    if not 2 <= len(line) <= max_len or cjk_count(line) < 2:
        return False
    if any(ch in SENTENCE_PUNCT or ch == "：" for ch in line):
        return False
    return line[-1] not in _FUNCTION_END


# ---------------------------------------------------------------- wrapped lines

_INDENT_RE = re.compile(r"^(?: {2,}|\u3000)")
_NO_LINE_START = "，。、；：！？”’）》」』,;:!?)"
_WRAPPED_SHARE = 0.5
_DATELINE_RE = re.compile(r"^\S{0,8}讯\s*[（(]")


def join_wrapped_lines(text: str) -> str:
    """Join lines a print layout broke mid-sentence; one paragraph per line out.

    In hard-wrapped text (most lines end without sentence punctuation) a line
    that does not end a sentence continues on the next line, also across the
    blank lines of a column break. A paragraph ends after 。！？… (inside
    quotes too) or when it is a heading: a short unpunctuated line followed
    by a blank line, where the break is not inside a word. Where paragraphs
    open indented (two spaces or an ideographic space), an unindented line
    continues the paragraph even after 。. A line opening with ，。”） always
    continues. Text that is not hard-wrapped keeps its lines, joining only a
    line that ends with a comma. Blank lines are dropped; lines are stripped.
    """
    rows = _rows(text)
    wrapped = looks_wrapped([r[0] for r in rows])
    indents = wrapped and sum(r[1] for r in rows) >= 2
    paragraphs: list[str] = []
    for i, (line, indented, blank_before) in enumerate(rows):
        # After 。 an unindented line continues an indented paragraph, unless it is a
        # heading standing alone before the next indented paragraph.
        after_stop = indents and not indented and not blank_before and not (
            is_heading_line(line) and (i + 1 == len(rows) or rows[i + 1][1] or rows[i + 1][2]))
        if paragraphs and _continues(paragraphs[-1], line, indented, blank_before, wrapped, after_stop):
            paragraphs[-1] = _glue(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


def looks_wrapped(lines: Sequence[str]) -> bool:
    """True when most substantial lines stop without sentence punctuation (a print layout)."""
    lines = [line.strip() for line in lines if len(line.strip()) >= 4]
    open_ended = sorted(len(line) for line in lines if not ends_paragraph(line))
    closed = sorted(len(line) for line in lines if ends_paragraph(line))
    if len(lines) < 4 or len(open_ended) < len(lines) * _WRAPPED_SHARE:
        return False
    width = open_ended[int(len(open_ended) * 0.9)]
    # The last line of a wrapped paragraph is no wider than the column; a
    # paragraph per line runs far past the short open-ended lines (headings, signatures).
    return width <= 60 and (not closed or closed[int(len(closed) * 0.75)] <= 1.3 * width)


def _rows(text: str) -> list[tuple[str, bool, bool]]:
    """(stripped line, indented?, blank line before?) for each non-blank line."""
    rows, blank = [], False
    for raw in text.split("\n"):
        if not raw.strip():
            blank = True
            continue
        rows.append((raw.strip(), bool(_INDENT_RE.match(raw)), blank))
        blank = False
    return rows


def _continues(paragraph: str, line: str, indented: bool, blank_before: bool, wrapped: bool,
               after_stop: bool) -> bool:
    if line[0] in _NO_LINE_START:
        return True
    if _DATELINE_RE.match(line):
        return False   # 本报讯（记者 李华）… opens an article, whatever stands above it
    if ends_paragraph(paragraph):
        return after_stop
    if not wrapped:
        return not blank_before and paragraph[-1] in "，、,"
    if indented:
        return False
    if blank_before and is_heading_line(paragraph):
        return breaks_word(paragraph, line)
    return True


def _glue(left: str, right: str) -> str:
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def breaks_word(left: str, right: str) -> bool:
    """True when joining ``left`` and ``right`` puts a word across the join (jieba)."""
    if not left or not right or not _CJK_RE.match(left[-1]) or not _CJK_RE.match(right[0]):
        return False
    head, tail = left[-6:], right[:6]
    position = 0
    for word in _segment(head + tail):
        if position < len(head) < position + len(word):
            return True
        position += len(word)
    return False


def _segment(text: str) -> list[str]:
    try:
        import jieba
    except ImportError:   # pragma: no cover - jieba is a dependency
        return list(text)
    jieba.setLogLevel(60)
    return jieba.lcut(text, HMM=False)


# ---------------------------------------------------------------- page furniture

_END_MARKERS = (
    "特别声明", "免责声明", "版权声明", "版权所有", "相关推荐", "热点推荐", "往期回顾", "相关新闻",
    "相关阅读", "相关文章", "推荐阅读", "延伸阅读：", "猜你喜欢", "热门推荐", "热门文章", "精彩推荐",
    "更多精彩", "为你推荐", "责任编辑", "【责任编辑", "[责任编辑", "责编：", "责编:", "编辑：", "编辑:",
    "本文来源：", "网友评论", "我要评论", "发表评论", "上一篇", "下一篇", "打印本页", "【打印本页】",
    "关闭窗口", "【关闭窗口】", "扫一扫在手机", "Notice: The content above", "Copyright", "©",
    "（责任编辑", "(责任编辑", "（完）", "(完)", "【完】", "主办：", "主办单位", "承办：", "承办单位", "网站标识码",
    "ICP备", "渝ICP", "京ICP", "公网安备", "技术支持：", "联系我们", "网站地图", "关于我们",
    "（责编", "(责编", "声明：", "平台声明", "返回搜狐", "举报/反馈", "阅读原文", "海量资讯、精准解读",
    "本文为澎湃号作者或机构", "点击进入专题", "更多新闻", "推荐新闻", "热门新闻", "热点新闻", "今日推荐",
    "往期推荐", "往期精彩", "精彩回顾",
)
_BOILERPLATE_RE = re.compile(
    r"^(?:"
    r"分享至|分享到[:：]?.{0,20}|申请入驻|登录|注册|首页|无障碍(?:浏览)?.{0,10}|进入关怀版|关怀版|"
    r"打印|收藏|纠错|【?打印本页】?|【?关闭窗口】?|【?打印】?|【?关闭】?|返回顶部|返回列表|"
    r"(?:当前位置|您的位置|您现在的位置|所在位置)[:：].*|"
    r"[【\[]?\s*字[体号]\s*[:：]?\s*[大中小]\s*[大中小]?\s*[大中小]?\s*[】\]]?.*|"
    r"(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[:：]?\s*[\d.]+[万次]*|"
    r"\d{1,9}|[\d.]+万?(?:阅读|浏览|评论|点赞|收藏|分享|关注度?|文章数)(?:\s+[\d.]+万?\S{0,4})*|"
    r"扫一扫.{0,20}|微信扫一扫.{0,20}|手机(?:版|看)|原标题[:：].*|用微信扫码二维码|分享至好友和朋友圈|"
    r"打开.{1,10}(?:查看|阅读).{0,10}|点击上方.{0,20}|(?:点击)?关注我们.{0,10}|收起|展开全文|"
    # WeChat banners and trailers: 点击蓝字 关注我们, 长按识别二维码, 点个“在看”
    r"(?:点击|戳|轻触)(?:上方|下方)?[^。]{0,6}(?:蓝字|关注|订阅)[^。]{0,16}|长按(?:识别|扫描|扫码|关注|二维码)[^。]{0,20}|"
    r"点(?:个|亮)?\s*[“\"]?在看[”\"]?[^。]{0,16}|点赞(?:[、，\s]*(?:在看|转发|分享|关注|收藏))+[^。]{0,10}|"
    r"(?:分享|转发)给更多人[^。]{0,6}|(?:设为|加个?)星标[^。]{0,12}|"
    r"[(（]?(?:来源|稿源|信息来源|文章来源|作者|发布时间|发布日期)\s*[:：].{0,60}"
    r")$"
)
_BUTTONS_RE = re.compile(r"^(?:[【\[]\s*[^】\]]{1,8}\s*[】\]]\s*)+$")   # 【打印】【关闭】【纠错】
_BREADCRUMB_RE = re.compile(r"^\S{1,12}(?:\s*[>»＞›]\s*\S{1,15}){1,8}(?:\s+\S{1,6})?$")
# A role, maybe after an outlet (上游新闻记者); 文/图/摄 only alone (…蓝图 and …原文 end headings).
_ROLE_TOKEN_RE = re.compile(
    r"^(?:[\u4e00-\u9fffA-Za-z·]{0,14}?(?:记者|通讯员|实习生|摄影师?|责任编辑|编辑|责编|审核|审校|校对|"
    r"作者|主编|监制|制作|撰稿|视频|图片|文字|摄像|剪辑|配音|航拍|出镜|后期)|文|图|摄)"
    r"(?:[:：/／|｜][\u4e00-\u9fff·]{2,6})?$")
_CREDIT_SUFFIX_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z·]{1,20}(?:(?<!提)供图|(?<![拍航])摄|提供|报道|图片)$")
_SLASH_CREDIT_RE = re.compile(r"^(?:摄影?|文|图|图片|视频|图文|文图)[/／:：|｜][\u4e00-\u9fff·]{2,6}$")
_NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4})*"
# An image credit closing a line, after a space, a full stop or a bracket: "…装配车间。华龙网 王静摄",
# "…采摘茶叶。新华社发（刘洋摄）", "… 摄/邓公平", "…。图/本报记者 王伟", "…（九龙坡区科技局供图）".
_CAPTION_CREDIT_RE = re.compile(
    r"(?:^|(?<=[\s。！？!?）)”（(]))(?:"
    rf"(?:摄影?|图|图片|图文)\s*[/／:：]\s*(?:[\u4e00-\u9fff]{{0,8}}(?:记者|通讯员)\s*)?{_NAMES}(?:\s*摄)?|"
    r"(?:[\u4e00-\u9fff]{2,8}(?:网|社|报|台|中心)\s*发?\s*)?[（(]?\s*"
    rf"(?:[\u4e00-\u9fff]{{0,8}}(?:记者|通讯员)|特约摄影师?|摄影师?)?\s*{_NAMES}(?<![拍航])\s*摄影?|"
    r"[\u4e00-\u9fff]{0,20}(?<!提)供图|(?:受访(?:者|单位)|资料)(?:供?图|图片)|"
    r"[(（]?(?:图片来源|图片由|图源|本版图片|图片除署名外)[^)）]{0,30}[)）]?"
    r")\s*[)）]?\s*$")
# A whole line that credits pictures: （图片由永川区委宣传部提供）, 图/本报记者 王伟, …外由…供图）
_IMAGE_CREDIT_RE = re.compile(
    r"^[（(]?\s*(?:(?:本版|本文|文中|以上)?(?:图片|照片|图)(?:除署名外)?均?由[\u4e00-\u9fff]{2,25}(?:提供|供图|拍摄)|"
    r"[\u4e00-\u9fff]{2,25}(?<!提)供图|"
    rf"(?:图|摄影?|图文|文图|图片)\s*[/／:：]\s*(?:[\u4e00-\u9fff]{{0,8}}(?:记者|通讯员)\s*)?{_NAMES}(?:\s*摄)?)"
    r"\s*[）)]?$")
_CAPTION_START_RE = re.compile(r"^(?:图为|图：|图:|▲|△|↑|（图|\(图|上图|下图|左图|右图|组图)")
_SCENE_SUFFIXES = (
    "园", "港", "中心", "广场", "基地", "现场", "活动", "仪式", "大会", "会场", "一角", "外景", "全景",
    "夜景", "掠影", "风采", "风貌", "场景", "镜头", "剪影", "合影", "留影", "大楼", "大厦", "街区",
    "园区", "厂区", "车间", "展厅", "展馆", "生产线", "挂牌", "揭牌", "开幕式", "实景", "效果图",
)
_CAPTION_MAX = 25
_HEADING_VERBS = (
    "打造", "建设", "推动", "推进", "聚焦", "强化", "构建", "做强", "做优", "做大", "加快", "深化", "坚持", "完善",
    "培育", "发展", "提升", "激发", "优化", "实施", "搭建", "筑牢", "营造", "引领", "助力", "赋能", "持续", "全力",
    "着力", "加强", "创新", "健全", "建立", "形成", "共建", "共享", "服务", "抢抓", "锚定", "围绕", "立足",
)


def is_end_marker(line: str) -> bool:
    """A line where the article ends and the page's furniture begins (相关推荐, 特别声明 …)."""
    line = line.strip()
    return line.startswith(_END_MARKERS) and not _is_inline_mention(line)


def _is_inline_mention(line: str) -> bool:
    # "编辑：" opens a credit line, but "编辑部…" or a long sentence is article text.
    return len(line) > 80 and "。" in line[:60]


def is_boilerplate_line(line: str) -> bool:
    """Page chrome: breadcrumbs, buttons, counters, lone numbers, meta lines, pagers, video
    labels, e-paper mastheads, site footers and platform disclaimers."""
    line = line.strip()
    if not line:
        return True
    if _BOILERPLATE_RE.match(line) or _BREADCRUMB_RE.match(line) or _BUTTONS_RE.match(line):
        return True
    return is_pager_line(line) or is_video_line(line) or is_chrome_line(line) or is_disclaimer_line(line)


_PAGER_RE = re.compile(
    r"^(?:(?:共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|[上下前后]一页|首页|尾页|末页|\d{1,3}|[<>«»‹›…]+|\[\d{1,3}\]|"
    r"(?:跳|转)到第?\s*\d*\s*页?|GO|确定)\s*)+$")
_VIDEO_RE = re.compile(
    r"^(?:[【\[]\s*视频\s*[】\]]|视频\s*[:：|｜丨]|(?:视频)?时长\s*[:：]?\s*\d{1,2}:\d{2}|您的浏览器不支持)")
# Page chrome vocabulary: a strong word makes a short line chrome on its own, two weak ones do too.
_CHROME_STRONG_RE = re.compile(
    r"ICP[备证]|公网安备|网站标识码|网站识别码|版面导航|标题导航|版面目录|本版(?:责编|编辑|主编)|[上下]一版(?!本)|"
    r"网站地图|联系我们|版权所有(?:\s*[:：©(（]|\s|$)|©|Copyright|^第\s*[A-Za-z]?\d{1,3}\s*版|"
    r"连续出版物号|统一刊号|邮发代号|CN\s*\d{2}\s*-\s*\d{4}|今日\s*\d{1,3}\s*版|总第\s*\d+\s*期|"
    r"广告(?:经营)?许可证|(?:报社|报业集团)(?:出版|主办)|"
    r"^(?:技术支持|运维|运行维护)(?:单位)?\s*[:：]|^(?:版次|版名|版面|期号)\s*[:：]")
_CHROME_WEAK_RE = re.compile(
    r"第\s*[A-Za-z]?\d{1,3}\s*版|主办|承办|协办|技术支持|备案|版权|数字报|电子版|往期|返回目录|关于我们|隐私|无障碍|"
    r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|晨报|商报)(?=\s|$)")
_DATEISH_RE = re.compile(r"星期[一二三四五六日天]|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{2}-\d{2}")
_DISCLAIMER_RE = re.compile(
    r"不代表.{0,24}(?:观点|立场)|仅代表.{0,16}(?:观点|本人|立场)|[仅只]提供信息(?:存储|发布)|"
    r"信息(?:存储空间|发布平台)(?:服务)?[。，]|本文(?:来自|由|系|为).{0,24}(?:创作者|自媒体|"
    r"(?:网易|搜狐|百家|澎湃|企鹅|头条|大鱼|一点|公众)号)|"
    r"未经(?:授权|许可|允许).{0,12}(?:不得|禁止|严禁)(?:转载|使用|复制)|如(?:有|涉及)侵权|版权归.{0,16}所有")


def is_pager_line(line: str) -> bool:
    """A page navigator: 共2页 第1页 第2页 下一页, « 1 2 3 »."""
    line = line.strip()
    return "页" in line and bool(_PAGER_RE.match(line))


def is_video_line(line: str) -> bool:
    """A video player's label: 视频：…, 【视频】…, 时长 02:16 | 摄像：…"""
    line = line.strip()
    return len(line) <= 60 and "。" not in line.rstrip("。") and bool(_VIDEO_RE.match(line))


def is_chrome_line(line: str) -> bool:
    """An e-paper masthead or navigation line (重庆日报 2025年3月14日 星期五 第005版 要闻, 上一版 下一版,
    本版责编) or a site footer line (主办单位：…, 网站标识码, 渝ICP备…, 网站地图): short, no sentence."""
    line = line.strip()
    if not line or len(line) > 100 or "。" in line or line.count("，") > 1:
        return False
    if _CHROME_STRONG_RE.search(line):
        return True
    weak = len(_CHROME_WEAK_RE.findall(line))
    return weak >= 2 or (weak == 1 and bool(_DATEISH_RE.search(line)))


def is_disclaimer_line(line: str) -> bool:
    """A platform disclaimer: 本文来自…创作者，不代表…的观点和立场; …仅提供信息存储空间服务。"""
    line = line.strip()
    return len(line) <= 200 and bool(_DISCLAIMER_RE.search(line))


def is_credit_line(line: str) -> bool:
    """A by-line or image credit (上游新闻记者 陈力 沙坪坝区科技局供图), not a sentence about a reporter."""
    if is_image_credit(line):
        return True
    line = line.strip().strip("（）()【】[]")
    if not line or len(line) > 40 or any(ch in "，。；！？,;!?" for ch in line):
        return False
    tokens = re.split(r"[\s、]+", line)
    roles = 0
    for token in tokens:
        if _ROLE_TOKEN_RE.match(token) or _SLASH_CREDIT_RE.match(token):
            roles += 1
        elif _CREDIT_SUFFIX_RE.match(token):
            roles += 1
        elif not _NAME_RE.match(token):
            return False
    return roles > 0 and (len(tokens) > 1 or len(line) <= 12)


def is_image_credit(line: str) -> bool:
    """A whole line crediting pictures: （图片由…提供）, （本版图片除署名外由…供图）, 图/本报记者 王伟."""
    line = line.strip()
    return len(line) <= 60 and bool(_IMAGE_CREDIT_RE.match(line))


def is_credit_caption(line: str) -> bool:
    """A caption recognised by its form (图为…, ▲…, an image credit at its end), not by being a scene label."""
    line = line.strip()
    if not line or len(line) > 150:
        return False
    formed = _CAPTION_START_RE.match(line) or _CAPTION_CREDIT_RE.search(line)
    return bool(formed) and not _mentions_credit_in_sentence(line)


def is_caption_line(line: str) -> bool:
    """A picture caption: an image credit (… 摄/秦廷富), 图为…, or a short scene label."""
    line = line.strip()
    if not line or len(line) > 150:
        return False
    return is_credit_caption(line) or is_scene_label(line)


def _mentions_credit_in_sentence(line: str) -> bool:
    # "…由沙坪坝区科技局提供图片支持。" is a sentence; captions rarely end with 。
    return line.endswith("。") and len(line) > 60


def is_scene_label(line: str) -> bool:
    """A short noun phrase naming a place or scene (重庆国际创客港, …签约仪式): a photo caption."""
    line = line.strip()
    if not is_heading_line(line, max_len=_CAPTION_MAX) or _NUMBERED_HEADING_RE.match(line):
        return False
    if line.startswith(_HEADING_VERBS) or (line.startswith("“") and line.endswith("”")):
        return False   # 全力打造科技创新中心, “一圈六园三院一中心”: headings, not captions
    return line.rstrip("”\"》").endswith(_SCENE_SUFFIXES)

"""Find the main content of an HTML page and read it as lines.

Two methods vote: a DOM scorer in the spirit of Readability, tuned for
Chinese pages (it counts Chinese punctuation, knows the content containers of
the CMSs Chinese governments and newspapers use, and distrusts blocks full of
links), and trafilatura. :func:`main_lines` combines them: the scorer's block
keeps the page's own paragraphing and headings, trafilatura rescues pages
where the scorer chose too small a block.
"""
from __future__ import annotations

import functools
import re

import lxml.html
from lxml import etree

from nlp.encoding import scrub
from policyminer.errors import InputError

# Content containers of common Chinese CMSs (TRS, 方正 e-paper, Netease, Sina …).
KNOWN_CONTAINERS = (
    "div.TRS_Editor", "div.TRS_UEDITOR", "#zoom", "#Zoom", ".article-content", "#endText", ".post_body",
    "founder-content", "#UCAP-CONTENT", ".pages_content", "#fontzoom", ".zw", "#zw", ".art_con",
    ".article_con", ".articleCon", ".content-text", ".news_content", ".newsContent", "#news_content",
    ".detail-content", ".detail_content", ".view.TRS_UEDITOR", "#ozoom", ".wzy_nr", ".conTxt",
    "#artibody", ".article-body", ".article_body", ".rich_media_content", "#js_content",
)
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea", "svg",
    "canvas", "video", "audio", "object", "embed", "figcaption", "nav", "footer", "aside", "template",
)
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "blockquote", "dd", "dt", "dl", "center", "pre", "founder-content", "header", "main",
    "tbody", "thead", "figure", "hr",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NEGATIVE_RE = re.compile(
    r"share|bdshare|jiathis|print|close|related|recommend|comment|copyright|footer|breadcrumb|crumb|"
    r"location|position|toolbar|tools|fontsize|font-size|qrcode|ewm|sidebar|side-bar|sider|menu|"
    r"navbar|nav-|topbar|header|login|advert|banner|hotnews|hot-list|rank|pager|pagination|"
    r"next|prev|editor_name|responsible|keywords?|tags?\b|zhuanti|friendlink|links?\b|foot",
    re.IGNORECASE)
_CAPTION_CLASS_RE = re.compile(r"caption|pic_?title|img_?title|imgtitle|tuzhu|pictext|img-?desc|pic-?desc|"
                               r"picture-?text|photo-?desc|video[-_]?(?:title|tit|name|meta|info|desc|time|"
                               r"duration|source|author)", re.IGNORECASE)
_VIDEO_BOX_MAX = 150    # text of a box around a <video> (its labels) past which the box is article text
_CELL_MAX = 100         # a table cell this short reads as one piece, whatever blocks it holds
_PSEUDO_RE = re.compile(r"::(?:text|attr\([^)]*\))\s*$")   # Scrapy/parsel pseudo-elements
_PUNCT_RE = re.compile(r"[，。；！？、：]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def parse(html: str, name: str = "<page>") -> lxml.html.HtmlElement:
    """Parse an HTML string (an XML declaration in it is allowed).

    Control characters and lone surrogates are scrubbed first (see
    :func:`nlp.encoding.scrub`): lxml would refuse them later, when the tree
    is edited.
    """
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", scrub(html))
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot parse the HTML ({' '.join(str(exc).split())})") from exc


def text_of(element) -> str:
    """The visible text of an element, whitespace collapsed."""
    return re.sub(r"\s+", " ", element.text_content()).strip()


def select(root, selector: str | None):
    """The elements a CSS selector (or an XPath starting with '/') matches; [] for none or a bad selector.

    A Scrapy-style ``::text`` or ``::attr(name)`` at the end is ignored here
    (see :func:`select_values`), so the selectors of config/sources.yaml work.
    """
    if not selector:
        return []
    compiled = _compile(_PSEUDO_RE.sub("", selector.strip()))
    if compiled is None:
        return []
    try:
        return [e for e in compiled(root) if isinstance(e, lxml.html.HtmlElement)]
    except etree.XPathError:
        return []


def select_values(root, selector: str | None) -> list[str]:
    """The strings a selector picks: text, or an attribute for Scrapy-style ``…::attr(name)``."""
    match = re.search(r"::attr\(([^)]+)\)\s*$", selector or "")
    elements = select(root, selector)
    if match:
        return [e.get(match.group(1).strip(), "").strip() for e in elements if e.get(match.group(1).strip())]
    return [text_of(e) for e in elements if text_of(e)]


@functools.lru_cache(maxsize=256)
def _compile(selector: str):
    """A compiled CSS selector or XPath (one starting with '/' or '('), or None when invalid."""
    from lxml.cssselect import CSSSelector

    try:
        return etree.XPath(selector) if selector.startswith(("/", "(")) else CSSSelector(selector)
    except Exception:   # cssselect raises several unrelated types for a bad selector
        return None


# ---------------------------------------------------------------- cleaning the tree

def strip_furniture(root) -> None:
    """Remove scripts, forms, navigation, share bars, captions and video boxes from the tree, in place."""
    for video in root.iter("video"):
        _mark(_video_box(video))
    for element in root.iter(*_DROP_TAGS):
        _mark(element)
    for element in root.iter("*"):
        if not isinstance(element.tag, str) or element.get("data-drop"):
            continue
        if _is_negative(element) or _is_caption(element):
            _mark(element)
    for element in list(root.xpath("//*[@data-drop]")):
        remove(element)
    for comment in root.xpath("//comment()"):
        remove(comment)


def _mark(element) -> None:
    element.set("data-drop", "1")


def remove(element) -> None:
    """Remove an element but keep its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _is_negative(element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not names.strip() or not _NEGATIVE_RE.search(names) or element.tag in ("html", "body"):
        return False
    text = text_of(element)
    return len(text) < 300 or link_density(element) > 0.5


def _is_caption(element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if _CAPTION_CLASS_RE.search(names):
        return len(text_of(element)) < 150
    if element.tag not in ("p", "span", "div", "font"):
        return False
    text = text_of(element)
    if not text or len(text) > 40 or "。" in text:
        return False
    # a short line in the picture's own paragraph, or right before or after it
    return element.find(".//img") is not None or _next_to_image(element)


def _video_box(video):
    """The largest ancestor of a <video> holding only the player and its labels (视频：…, 时长 02:16)."""
    box, own = video, text_of(video)
    parent = video.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        labels = text_of(parent).replace(own, "", 1)
        if len(labels) > _VIDEO_BOX_MAX or "。" in labels:
            break
        box, parent = parent, parent.getparent()
    return box


def _next_to_image(element) -> bool:
    for sibling in (element.getprevious(), element.getnext()):
        if sibling is not None and sibling.find(".//img") is not None and not text_of(sibling):
            return True
        if sibling is not None and sibling.tag == "img":
            return True
    return False


def link_density(element) -> float:
    """Share of an element's text that sits inside links."""
    text = len(text_of(element))
    if not text:
        return 0.0
    linked = sum(len(text_of(a)) for a in element.iter("a"))
    return min(1.0, linked / text)


# ---------------------------------------------------------------- choosing the block

def configured_container(root, selector: str | None):
    """The first element a configured body selector matches that holds some Chinese text, or None."""
    return next((e for e in select(root, selector) if cjk_len(e) >= 10), None)


def find_container(root):
    """The element holding the article body: a known CMS container, or the best-scored block."""
    known = [e for s in KNOWN_CONTAINERS for e in select(root, s) if cjk_len(e) >= 30]
    if known:
        return max(known, key=lambda e: (_score_block(e), cjk_len(e)))
    return best_scored(root)


def cjk_len(element) -> int:
    """Number of CJK characters in an element's text."""
    return len(_CJK_RE.findall(element.text_content()))


def best_scored(root):
    """The element with the highest Readability-style content score, or None."""
    scores: dict = {}
    for block in root.iter("p", "div", "td", "li", "section", "article", "founder-content", "pre"):
        text = _own_text(block)
        if len(text) < 10 or _linked_share(block, text) > 0.5:
            continue
        value = 1 + len(_PUNCT_RE.findall(text)) + min(len(text) / 100, 3)
        parent = block.getparent() if block.tag in ("p", "li", "pre") else block
        for weight, node in ((1.0, parent), (0.5, parent.getparent() if parent is not None else None)):
            if node is not None and isinstance(node.tag, str):
                scores[node] = scores.get(node, 0.0) + value * weight
    if not scores:
        return None
    return max(scores, key=lambda node: scores[node] * (1 - link_density(node)) * _class_weight(node))


def _linked_share(block, text: str) -> float:
    """Share of a block's own text that is link text (a list of headlines is mostly links)."""
    linked = sum(len(a.text_content().strip()) for a in block.iter("a"))
    return min(1.0, linked / max(1, len(text)))


def _own_text(block) -> str:
    """Text of a block not counting nested blocks (a <div> with <p> children counts only its loose text)."""
    if block.tag in ("p", "li", "pre"):
        return text_of(block)
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag != "br":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _class_weight(node) -> float:
    names = f"{node.get('class', '')} {node.get('id', '')}"
    if re.search(r"content|article|detail|text|main|zoom|editor|body|zw|news", names, re.IGNORECASE):
        return 1.3
    return 0.3 if _NEGATIVE_RE.search(names) else 1.0


def _score_block(element) -> float:
    return cjk_len(element) * (1 - link_density(element))


def with_siblings(container, reference: str) -> list:
    """The container plus the sibling blocks that continue the article, in document order.

    A sibling joins when most of its substantial lines also appear in
    ``reference`` (trafilatura's text of the page) and it is not a link list:
    an article split around a picture or an ad keeps both halves, while a
    sidebar trafilatura also kept stays out unless it sits right beside the text.
    """
    parent = container.getparent()
    if parent is None or not reference:
        return [container]
    squeezed = "".join(reference.split())
    blocks = []
    for element in parent:
        if element is container:
            blocks.append(element)
        elif isinstance(element.tag, str) and _continues_article(element, squeezed):
            blocks.append(element)
    return blocks


def _continues_article(element, reference: str) -> bool:
    if cjk_len(element) < 10 or link_density(element) > 0.3:
        return False
    lines = [line for line in block_lines(element) if len(_CJK_RE.findall(line)) >= 10]
    found = sum("".join(line.split()) in reference for line in lines)
    return bool(lines) and found >= 0.5 * len(lines)


# ---------------------------------------------------------------- reading lines

def block_lines(element) -> list[str]:
    """The text of an element as lines: one per block, '' around headings."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        # Ideographic spaces opening a line are print indentation: keep them.
        text = re.sub(r"[ \t\r\n\f\v]+", " ", "".join(current)).strip(" ")
        if text:
            lines.append(text)
        current.clear()

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        tag = node.tag.lower()
        heading = tag in _HEADING_TAGS or _is_emphasis_block(node)
        if tag in _BLOCK_TAGS or tag == "br" or heading:
            flush()
        if heading:
            lines.append("")
        if tag in ("td", "th"):
            current.append(" ")
            if _is_data_cell(node):   # <td><p>序号</p></td>: the row stays one line
                current.append(" ".join(piece.strip() for piece in node.itertext() if piece.strip()) + " ")
                return
        current.append(node.text or "")
        for child in node:
            walk(child)
            current.append(child.tail or "")
        if tag in _BLOCK_TAGS or heading:
            flush()
        if heading:
            lines.append("")

    walk(element)
    flush()
    return lines


def _is_data_cell(cell) -> bool:
    """A short cell without a sentence, in a row of several cells: a data table's, not a layout table's."""
    text = text_of(cell)
    row = cell.getparent()
    cells = len([c for c in row if c.tag in ("td", "th")]) if row is not None else 0
    return len(text) <= _CELL_MAX and "。" not in text and cells >= 2


def spaced_lines(root) -> list[str]:
    """The text of each innermost block, its pieces joined by spaces.

    For info lines: ``<span>2025-04-23</span><span>来源：上游新闻</span>`` reads
    as "2025-04-23 来源：上游新闻", not as one run-together string.
    """
    lines = []
    for element in root.iter(*_BLOCK_TAGS):
        if any(isinstance(child.tag, str) and child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        text = " ".join(piece.strip() for piece in element.itertext() if piece.strip())
        if text:
            lines.append(text)
    return lines


def _is_emphasis_block(node) -> bool:
    """A <p> whose whole text is bold or centred: a subheading."""
    if node.tag != "p":
        return False
    text = text_of(node)
    if not text or len(text) > 40 or _PUNCT_RE.sub("", text) != text.replace("、", "").replace("：", ""):
        return False
    style = (node.get("style") or "").replace(" ", "").lower()
    if "text-align:center" in style or (node.get("align") or "").lower() == "center":
        return True
    bold = "".join(text_of(b) for b in node.iter("strong", "b"))
    return bold == text


# ---------------------------------------------------------------- trafilatura

def trafilatura_lines(html: str | lxml.html.HtmlElement, url: str | None, *, recall: bool = False) -> list[str]:
    """The body lines trafilatura finds (precision-oriented unless ``recall``); [] when it finds none."""
    import trafilatura

    try:
        text = trafilatura.extract(   # fast: its own fallbacks duplicate the DOM scorer here
            html, url=url, fast=True, favor_precision=not recall, favor_recall=recall, include_comments=False,
            include_tables=True, include_images=False, deduplicate=False, with_metadata=False)
    except Exception:   # trafilatura fails on some malformed trees; the scorer still works
        return []
    return [line.strip() for line in (text or "").split("\n") if line.strip()]

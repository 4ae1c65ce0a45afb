"""From a fetched page or a text file to an :class:`~policyminer.records.Article`.

:func:`read_article` decodes bytes and routes HTML and plain text;
:func:`article_from_html` reads the metadata of the page (title, dates,
来源/作者, the 政府信息公开 table) and its main content; :func:`article_from_text`
cleans a plain-text dump of a page. Both clean the body with the same rules
(:mod:`nlp.cleaning`) and normalise it (:func:`nlp.text.normalize`).
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import re

from nlp import dom, metadata
from nlp.cleaning import Body, clean_body, drop_title_repeats, find_title
from nlp.script import Script
from nlp.encoding import decode
from nlp.text import cjk_count, normalize
from policyminer.errors import ConfigError
from policyminer.records import Article

_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|founder-content|br)\b", re.IGNORECASE)
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "pubdate", "publishdate", "publish_date",
    "publication_date", "originalpublicationdate", "datepublished", "dc.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "firstpublishedtime", "ptime", "publishtime", "releasedate",
    "og:release_date", "article:published", "weibo:article:create_at",
)
_SOURCE_META = ("contentsource", "source", "article:source", "og:source")
_AUTHOR_META = ("article:author", "author")
_TITLE_META = ("articletitle", "og:title", "twitter:title")
_TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\||｜| - | – | — |-{2,}|——)\s*")
_POLICY_LABEL_MIN = 3
_DATE_WINDOW = 6        # blocks after the headline where an unlabelled date is the page's
_SCRIPT_DATE_RE = re.compile(
    r"""["']?(?:createTime|create_time|publishTime|publish_time|pubTime|pubtime|publishDate|pubDate|"""
    r"""datePublished|releaseTime)["']?\s*[:=]\s*["']((?:19|20)\d{2}[-/年]\d{1,2}[-/月]\d{1,2})""")
_SCRIPT_EPOCH_RE = re.compile(r"""\b(?:var\s+)?ct\s*=\s*["'](1\d{9})["']""")
_INFO_HINT_RE = re.compile(r"来源|作者|记者|时间|日期|编辑|稿源|撰稿")
_OUTLET_RE = re.compile(r"(?:新闻|日报|晚报|报|网|发布|客户端|融媒体中心|电视台|传媒|通讯|號|号|平台)$")


def read_article(data: bytes, url: str, *, hint: str | None = None, name: str | None = None,
                 **kw) -> Article:
    """Decode ``data`` (see :func:`nlp.encoding.decode`) and read it as HTML or plain text.

    ``kw`` goes to :func:`article_from_html` or :func:`article_from_text`;
    ``name`` names the input in error messages (default: the url).
    """
    text, _encoding = decode(data, hint=hint, name=name or url)
    if looks_like_html(text):
        return article_from_html(text, url, **kw)
    kw.pop("selectors", None)
    return article_from_text(text, url, **kw)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text[:5000]
    return len(_HTML_RE.findall(head)) >= 2 or bool(re.match(r"\s*<(?:!doctype|html)", head, re.I))


# ---------------------------------------------------------------- plain text

def article_from_text(text: str, url: str, *, source: str | None = None, doc_type: str | None = None,
                      region: str | None = None) -> Article:
    """An Article from a plain-text dump of a page: chrome, credits and trailers removed, wraps joined."""
    script = Script(normalize(text, simplify=False))   # read in simplified, written back as written
    lines = script.view.split("\n")
    found = find_title(lines)
    title, end = "", 0
    if found:
        title, index, end = found   # lines[:end]: site names and breadcrumbs above the headline
        lines[index] = ""
    lines, policy = _split_policy_lines(lines)
    cleaned = clean_body(drop_title_repeats(lines[end:], title), title=title)
    cleaned.info.update(clean_body(lines[:end]).info)   # the header's info line wins
    published = cleaned.info.get("published") or policy.get("published") or metadata.date_from_url(url)
    return _assemble(url, title, cleaned, policy, published=published, source=source,
                     doc_type=doc_type, region=region, script=script)


def _split_policy_lines(lines: list[str]) -> tuple[list[str], dict]:
    """Separate the 索引号：…/发文字号：… lines of a policy header from the body lines."""
    header = [line for line in lines if metadata.is_policy_line(line)]
    if len({key for line in header for key in metadata.policy_fields([line])}) < 2:
        return lines, {}
    body = ["" if metadata.is_policy_line(line) else line for line in lines]
    return body, metadata.policy_fields(header)


# ---------------------------------------------------------------- HTML

def article_from_html(html: str, url: str, *, selectors: dict | None = None, source: str | None = None,
                      doc_type: str | None = None, region: str | None = None) -> Article:
    """An Article from an HTML page: title, dates, 来源/作者, policy metadata and the cleaned body.

    ``selectors`` (from config/sources.yaml) may give CSS selectors (or XPath)
    for title, published, body, source, author and metadata_table; what is
    absent is found automatically.
    """
    selectors = selectors or {}
    root = dom.parse(html, url)
    head = _meta_tags(root)
    written_title = normalize(_title(root, head, selectors), simplify=False)
    policy = _take_policy_table(root, selectors.get("metadata_table"))
    info = _page_info(root, selectors)
    below_title, in_script = _date_below_title(root, written_title), _script_date(root)   # before scripts go
    traf_lines = [] if selectors.get("body") else dom.trafilatura_lines(copy.deepcopy(root), url)
    dom.strip_furniture(root)
    lines = _body_lines(root, traf_lines, selectors.get("body"))
    script = Script(normalize("\n".join(lines), simplify=False))   # one decision on t2s, the body's
    title = script.view_of(written_title)
    cleaned = clean_body(script.view.split("\n"), title=title)
    if policy.get("title") and (not title or title in policy["title"]):
        title = script.view_of(normalize(policy["title"], simplify=False))
    published = (_selected_date(root, selectors.get("published")) or _meta_date(head)
                 or info.get("published") or below_title or policy.get("published")
                 or cleaned.info.get("published") or metadata.date_from_url(url) or in_script)
    _merge_info(cleaned, info, head)
    return _assemble(url, title, cleaned, policy, published=published, source=source,
                     doc_type=doc_type, region=region, script=script)


def _merge_info(cleaned: Body, info: dict[str, str], head: dict[str, str]) -> None:
    """Page info line and selectors first, then what the body said, then <meta> tags."""
    cleaned.info.update(info)
    for key, names in (("source", _SOURCE_META), ("author", _AUTHOR_META)):
        value = next((head[n] for n in names if head.get(n)), None)
        if not value or len(value) > 30 or key in cleaned.info:
            continue
        if key == "author" and is_outlet(value):
            continue   # <meta name="author"> often names the site or account, not a person
        cleaned.info[key] = value


def _meta_tags(root) -> dict[str, str]:
    """<meta> name/property/itemprop (lower-case) → content, plus JSON-LD datePublished."""
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, content)
    for script in root.xpath("//script[@type='application/ld+json']"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text or "")
        if match:
            tags.setdefault("datepublished", match.group(1))
    return tags


def _meta_date(head: dict[str, str]) -> str | None:
    for name in _PUBLISHED_META:
        if head.get(name):
            date = metadata.parse_date(head[name]) or _compact_date(head[name])
            if date:
                return date
    return None


def _date_below_title(root, title: str) -> str | None:
    """An unlabelled date line (<span>2025-04-10 09:45</span>) among the few blocks after the headline."""
    target = "".join(title.split())
    if not target:
        return None
    lines = dom.spaced_lines(root)
    start = next((i for i, line in enumerate(lines) if target in "".join(line.split())), None)
    if start is None:
        return None
    for line in lines[start + 1:start + 1 + _DATE_WINDOW]:
        if metadata.is_date_line(line):
            return metadata.parse_date(line)
    return None


def _script_date(root) -> str | None:
    """The publication time a page script states (WeChat's ``var createTime = '…'`` or ``var ct = "<epoch>"``,
    ``"pubTime": "…"`` in a JSON blob)."""
    for script in root.iter("script"):
        code = script.text or ""
        match = _SCRIPT_DATE_RE.search(code)
        if match:
            date = metadata.parse_date(match.group(1))
            if date:
                return date
        match = _SCRIPT_EPOCH_RE.search(code)
        if match:
            moment = dt.datetime.fromtimestamp(int(match.group(1)), tz=dt.timezone(dt.timedelta(hours=8)))
            return moment.date().isoformat()
    return None


def _compact_date(value: str) -> str | None:
    match = re.match(r"\s*((?:19|20)\d{2})(\d{2})(\d{2})", value)
    return metadata.parse_date("-".join(match.groups())) if match else None


def _selected_date(root, selector: str | None) -> str | None:
    for value in dom.select_values(root, selector):
        date = metadata.parse_date(value) or _compact_date(value)
        if date:
            return date
    return None


def _title(root, head: dict[str, str], selectors: dict) -> str:
    for value in dom.select_values(root, selectors.get("title")):
        return value
    title_tag = root.find(".//title")
    page_title = dom.text_of(title_tag) if title_tag is not None else ""
    for name in _TITLE_META:
        if len(head.get(name, "")) >= 5:
            return _strip_site_name(head[name], page_title)
    strong = [dom.text_of(e) for e in root.iter("founder-title", "h1") if not e.xpath("ancestor::a")]
    candidates = strong + [dom.text_of(e) for e in root.iter("h2", "h3") if not e.xpath("ancestor::a")]
    candidates += [dom.text_of(e) for e in root.xpath(
        "//*[contains(@class,'title') or contains(@id,'title')][not(self::title)][not(ancestor::a)]")]
    candidates = [c for c in candidates if 5 <= len(c) <= 120]
    squeezed = "".join(page_title.split())
    inside = [c for c in candidates if "".join(c.split()) in squeezed]
    if inside:
        return max(inside, key=len)
    parts = [p for p in _TITLE_SPLIT_RE.split(page_title) if p]
    if len(parts) <= 1 and strong and len(strong[0]) >= 5:
        return strong[0]   # a <title> that is only the site's name
    if page_title:
        return _strip_site_name(page_title, page_title)
    return candidates[0] if candidates else ""


def _strip_site_name(title: str, page_title: str) -> str:
    parts = [p for p in _TITLE_SPLIT_RE.split(title.strip()) if p]
    if len(parts) <= 1:
        return title.strip()
    return max(parts, key=cjk_count) if cjk_count(parts[0]) < 4 else parts[0]


def _take_policy_table(root, selector: str | None) -> dict:
    """Parse the 政府信息公开 metadata table and remove it from the tree."""
    elements = dom.select(root, selector) or _policy_candidates(root)
    if not elements:
        return {}
    element = min(elements, key=lambda e: len(dom.text_of(e)))
    cells = ([dom.text_of(c) for c in element.iter("td", "th")] if element.tag == "table"
             else dom.block_lines(element))
    fields = metadata.policy_fields(normalize(cell) for cell in cells)
    dom.remove(element)
    return fields


def _policy_candidates(root) -> list:
    found = []
    for element in root.iter("table", "div", "ul", "dl", "section"):
        text = dom.text_of(element)
        if len(text) > 2500:
            continue
        keys = {key for key, labels in metadata.POLICY_LABELS.items() if key != "title"
                and any(label in text for label in labels)}
        if len(keys) >= _POLICY_LABEL_MIN and "索引号" in text.replace(" ", "") or len(keys) >= 4:
            found.append(element)
    return found


def _page_info(root, selectors: dict) -> dict[str, str]:
    """source/author/published: configured selectors, then the info line (来源：… 发布时间：…),
    then elements whose class names a source or author."""
    info = {key: value for key in ("source", "author")
            for value in [_labelled_value(dom.select_values(root, selectors.get(key)))] if value}
    seen = 0
    for line in dom.spaced_lines(root):
        if len(line) > 150 or "。" in line or not _INFO_HINT_RE.search(line):
            continue
        fields = metadata.info_fields(normalize(line))
        if fields:
            for key, value in fields.items():
                info.setdefault(key, value)
            seen += 1
            if seen >= 2:
                break
    for key in ("source", "author"):
        if key not in info:
            value = _labelled_value(dom.text_of(e) for e in root.xpath(
                f"//*[contains(@class,'{key}') or contains(@id,'{key}')][not(ancestor::a)][not(ancestor::li)]"
                "[not(ancestor::*[contains(@class,'side')])][string-length(normalize-space()) < 30]"))
            if value:
                info[key] = value
    return info


def _labelled_value(values) -> str | None:
    """The first value that holds a name (来源：/作者： label dropped), not a date."""
    for value in values:
        value = re.sub(r"^(?:来源|作者|记者|文)\s*[:：/]\s*", "", value)
        if value and not re.search(r"\d{4}", value):
            return value
    return None


def _body_lines(root, traf_lines: list[str], selector: str | None) -> list[str]:
    """Lines of the article body: the configured or best DOM block, extended and checked by trafilatura.

    A configured selector is trusted. Otherwise the DOM block keeps the
    page's paragraphs and headings, sibling blocks that trafilatura also
    found are added (an article split around a picture), and trafilatura's
    text replaces the DOM's only when the DOM found next to nothing.
    """
    configured = dom.configured_container(root, selector)
    if configured is not None:
        return dom.block_lines(configured)
    container = dom.find_container(root)
    if container is None:
        return traf_lines
    blocks = dom.with_siblings(container, "\n".join(traf_lines))
    lines = [line for block in blocks for line in dom.block_lines(block) + [""]]
    if sum(cjk_count(line) for line in lines) < 20 and traf_lines:
        return traf_lines
    return lines


# ---------------------------------------------------------------- assembly

def _people(info: dict[str, str]) -> dict[str, str]:
    """source and author, normalised; an author written as a by-line keeps only the names."""
    meta = {key: normalize(info[key]).strip() for key in ("source", "author") if info.get(key)}
    author = meta.get("author", "")
    if re.search(r"记者|通讯员|实习生", author):
        author = metadata.author_from_credit(author) or author
    if author and is_outlet(author):
        meta.setdefault("source", author)   # <a class="author">重庆日报</a>: the account, not a person
        author = ""
    if author and author != meta.get("source"):
        meta["author"] = author
    else:
        meta.pop("author", None)
    return meta


def is_outlet(name: str) -> bool:
    """True for a news outlet or account name (重庆日报, 华龙网, 巫山发布, 上游新闻), not a person."""
    name = name.strip()
    if len(name) >= 3 and _OUTLET_RE.search(name):
        return True
    return name in _media_names()


@functools.lru_cache(maxsize=1)
def _media_names() -> frozenset[str]:
    """Names and aliases of the media dictionary (config/dictionaries/media.txt)."""
    from nlp.lexicon import load_lexicon

    try:
        lexicon = load_lexicon()
    except ConfigError:   # no dictionaries installed: the name's form alone decides
        return frozenset()
    return frozenset(alias for entry in lexicon.entries.values() if entry.type == "media"
                     for alias in (entry.name, *entry.aliases))


def _assemble(url: str, title: str, cleaned: Body, policy: dict, *, published: str | None,
              source: str | None, doc_type: str | None, region: str | None, script: Script) -> Article:
    text = cleaned.text
    meta = _people(cleaned.info)
    for key in ("index_number", "issuer", "written", "published", "doc_number", "topics", "validity"):
        if policy.get(key):
            meta[key] = policy[key]
    is_policy = bool(policy.get("index_number") or policy.get("doc_number"))
    if (doc_type == "policy" or is_policy) and "doc_number" not in meta:
        number = metadata.find_doc_number("\n".join(text.split("\n")[:5]))
        if number:
            meta["doc_number"] = number
    meta = {key: script.written(value) if isinstance(value, str) else value for key, value in meta.items()}
    return Article(url=url, title=script.written(title).strip(), text=script.written(text),
                   published=published, source=source,
                   doc_type=doc_type or ("policy" if is_policy else "news"), region=region,
                   metadata=meta)


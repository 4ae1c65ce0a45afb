"""Dates, sources, authors and 政府信息公开 metadata tables in page text.

Small regular expressions for the forms Chinese government and news sites
use; everything returns plain values (ISO dates, strings, lists) and ``None``
when nothing is found.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS.update({"零": 0, "○": 0, "О": 0, "Ｏ": 0, "0": 0})
_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)")
_CN_DATE_RE = re.compile(
    r"([〇零○Ｏ0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_COMPACT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(?:/)?(0[1-9]|[12]\d|3[01])(?!\d)")
_PUBLISHED_LABEL_RE = re.compile(
    r"(?:发布时间|发布日期|发表时间|发表日期|发稿时间|更新时间|时间|日期)\s*[:：]\s*")


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as 'YYYY-MM-DD' (2025-04-23, 2025/4/23, 2025年4月23日, 二〇二五年…)."""
    match = _NUMERIC_DATE_RE.search(text)
    if match:
        iso = _iso(*match.groups())
        if iso:
            return iso
    match = _CN_DATE_RE.search(text)
    if match:
        year = "".join(str(_CN_DIGITS[c]) for c in match.group(1))
        return _iso(year, _cn_number(match.group(2)), _cn_number(match.group(3)))
    return None


def date_from_url(url: str) -> str | None:
    """A publication date written in a URL (…/t20250425_123.html, …/2020-01/07/…)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "")
    for match in _URL_DATE_RE.finditer(path):
        iso = _iso(*match.groups())
        if iso:
            return iso
    return None


def published_in_line(line: str) -> str | None:
    """The date after a 发布时间：/发布日期：/时间： label, or of a line that is just a date."""
    match = _PUBLISHED_LABEL_RE.search(line)
    if match:
        return parse_date(line[match.end():match.end() + 30])
    if is_date_line(line):
        return parse_date(line)
    return None


def is_date_line(line: str) -> bool:
    """A line holding a date (and maybe a time or a weekday), nothing else of substance."""
    line = line.strip()
    rest = _NUMERIC_DATE_RE.sub("", line, count=1)
    if rest == line or len(line) > 40:
        return False
    rest = re.sub(r"[日\s]|\d{1,2}:\d{2}(?::\d{2})?|星期.|周.|来源[:：]?\S*|[|｜]", "", rest)
    return len(rest) <= 6


def _iso(year, month, day) -> str | None:
    year, month, day = int(year), int(month), int(day)
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


# ---------------------------------------------------------------- info lines

_INFO_LABELS = {
    "source": ("来源", "稿源", "信息来源", "文章来源", "来源单位"),
    "author": ("作者", "记者", "撰稿", "文"),
    "editor": ("责任编辑", "编辑", "责编"),
}
_ANY_LABEL = ("发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期|来源|稿源|信息来源|文章来源|"
              "来源单位|作者|记者|撰稿|责任编辑|编辑|责编|浏览次数|阅读次数|点击数|字号|字体|分享")
_VALUE_END = (rf"(?=\s{{2,}}|\s*[|｜【\[]|\s*(?:{_ANY_LABEL})\s*[:：]|\s+[^\s:：]{{1,6}}[:：]|"
              r"\s+(?:19|20)\d{2}[-/.年]|$)")


def info_fields(line: str) -> dict[str, str]:
    """source/author/editor/published from a page's info line (来源：… 作者：… 发布时间：…)."""
    fields: dict[str, str] = {}
    for key, labels in _INFO_LABELS.items():
        pattern = rf"(?<![\u4e00-\u9fff])(?:{'|'.join(labels)})\s*[:：]\s*(.+?){_VALUE_END}"
        match = re.search(pattern, line)
        if match and _plausible_value(match.group(1)):
            value = match.group(1).strip(" ）)]】")
            # A source is one name; what follows a space is another field (a place, a time).
            fields[key] = value.split()[0] if key == "source" else value
    published = published_in_line(line)
    if not published and fields and re.search(r"\d{1,2}:\d{2}", line):
        published = parse_date(line)
    if published:
        fields["published"] = published
    return fields


def _plausible_value(value: str) -> bool:
    value = value.strip()
    return 1 <= len(value) <= 40 and not re.fullmatch(r"[\d\s:.-]+", value)


def author_from_credit(line: str) -> str | None:
    """The reporters named in a by-line (上游新闻记者 陈力 … → 陈力)."""
    match = re.search(
        r"(?:记者|作者|文)\s*[:：/]?\s*((?:[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+|(?=[）)\]】])|$))+)", line)
    if not match:
        return None
    names = []
    for name in re.split(r"[\s、，,]+", match.group(1)):
        if re.search(r"通讯员|实习生|报道|摄影|编辑|供图|摄$|记者", name):
            break
        if name:
            names.append(name)
    return "、".join(names) or None


# ---------------------------------------------------------------- policy tables

POLICY_LABELS = {
    "index_number": ("索引号", "信息索引号"),
    "issuer": ("发文机关", "发布机构", "发文单位", "发布单位", "发文机构", "制发机关", "发布机关", "公开主体"),
    "written": ("成文日期", "成文时间", "印发日期"),
    "published": ("发布日期", "发文日期", "公开日期", "发布时间", "公开时间"),
    "doc_number": ("发文字号", "文号", "发文文号", "文件编号", "文件字号"),
    "topics": ("主题分类", "主题词", "所属主题", "主题"),
    "validity": ("有效性", "时效性", "效力状态"),
    "title": ("标题", "名称", "文件名称"),
}
_LABEL_TO_KEY = {label.replace(" ", ""): key for key, labels in POLICY_LABELS.items() for label in labels}
# Labels are often spaced out to align a table (索 引 号, 标　　题).
_LABEL_RE = re.compile("(" + "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(_LABEL_TO_KEY, key=len, reverse=True)
) + r")\s*[:：]?\s*")
_DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff]{1,10})\s*[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*\d{1,4}\s*号")
_CITED_BEFORE_RE = re.compile(r"根据|按照|依据|依照|贯彻|落实|参照|对照|执行|转发|废止|修订|替代|代替")
_DOC_PREFIX_CUT_RE = re.compile(
    r".*(?:印发|发布|根据|按照|依据|转发|执行|关于|你们|现将|的|了|和|及|与|号|见|为|给|将|是|在|经|由|对|向|以|按)")


def policy_fields(cells: Iterable[str]) -> dict[str, object]:
    """The metadata of a 政府信息公开 table from its cells or lines, in reading order.

    A cell may hold a label alone (the value is the next cell) or
    ``label：value`` pairs, several to a line.
    """
    fields: dict[str, object] = {}
    pending: str | None = None
    for cell in cells:
        cell = re.sub(r"\s+", " ", cell).strip()
        if not cell:
            continue
        pairs = _pairs(cell)
        if pairs:
            for key, value in pairs:
                if value:
                    _store(fields, key, value)
            pending = pairs[-1][0] if not pairs[-1][1] else None
        elif pending:
            _store(fields, pending, cell)
            pending = None
    return fields


def is_policy_line(line: str) -> bool:
    """A line of a policy header: opens with a metadata label (索引号：…, 发文字号：…) and holds no sentence."""
    line = line.strip()
    if not line or len(line) > 160 or "。" in line:
        return False
    pairs = _pairs(line)
    return bool(pairs) and any(value for _, value in pairs) and bool(_LABEL_RE.match(line))


def _pairs(cell: str) -> list[tuple[str, str]]:
    matches = [m for m in _LABEL_RE.finditer(cell) if _label_starts_cell(cell, m)]
    pairs = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(cell)
        value = cell[match.end():end].strip(" ：:;；|｜")
        pairs.append((_LABEL_TO_KEY["".join(match.group(1).split())], value))
    return pairs


def _label_starts_cell(text: str, match: re.Match) -> bool:
    """A label counts at the start of a cell or after a separator, and needs a colon mid-line."""
    if match.start() == 0:
        return True
    before = text[match.start() - 1]
    has_colon = text[match.end() - 1:match.end()] in ":：" or re.match(r"\s*[:：]", text[match.end():])
    return before in " |｜;；" and bool(has_colon or text[match.start():match.end()].rstrip().endswith(("：", ":")))


def _store(fields: dict[str, object], key: str, value: str) -> None:
    value = value.strip()
    if not value or key in fields:
        return
    if key in ("written", "published"):
        iso = parse_date(value)
        if iso:
            fields[key] = iso
    elif key == "topics":
        topics = [t for t in re.split(r"[;；、,，/\s]+", value) if t]
        if topics:
            fields[key] = topics
    elif key == "doc_number":
        if value not in ("无", "-", "/"):
            fields[key] = re.sub(r"\s+", "", value)
    else:
        fields[key] = value


def find_doc_number(text: str) -> str | None:
    """The document's own number (渝府发〔2024〕12号) in ``text``, else None.

    A line that is only a number wins; otherwise the first number that is not
    cited as a reference (根据《…》（渝府发〔2020〕3号）, …号文件精神): a document
    cites other documents' numbers, never its own.
    """
    from nlp.policymeta import heading_doc_number

    own = heading_doc_number([line.strip() for line in text.split("\n") if line.strip()])
    if own:
        return own
    for match in _DOC_NUMBER_RE.finditer(text):
        if _is_cited(text, match):
            continue
        prefix = _DOC_PREFIX_CUT_RE.sub("", match.group(1)) or match.group(1)
        return prefix + re.sub(r"\s+", "", match.group(0)[len(match.group(1)):])
    return None


def _is_cited(text: str, match: re.Match) -> bool:
    """True for a number cited as a reference: after 《…》（, 根据/按照…, or before 文件/精神/要求."""
    clause = re.split(r"[。；;，,\n]", text[max(0, match.start() - 40):match.start() + len(match.group(1))])[-1]
    after = text[match.end():match.end() + 4]
    return (bool(_CITED_BEFORE_RE.search(clause)) or text[max(0, match.start() - 2):match.start()] in ("》（", "》(")
            or bool(re.match(r"[）)]?\s*(?:文件|精神|要求|规定|等文件|转发)", after)))

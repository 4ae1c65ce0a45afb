"""Policy-document and news metadata read from the body text.

A page's 政府信息公开 table (see :mod:`nlp.metadata`) is the best source of a
policy document's 文号, 发文机关 and 成文日期, but many pages and text dumps
have none. The document itself carries them in fixed places:

* the 文号 on a line of its own near the top (渝北府办发〔2024〕15号), often
  under a red header 重庆市北碚区人民政府办公室文件;
* the issuing bodies' signature block after the main text, one body a line
  (several for a 联合发文), followed by the 成文日期 in Arabic or Chinese
  numerals (2024年3月12日, 二〇二四年三月十二日);
* a 抄送/印发 block after that, whose date is the printing date, not 成文日期.

News carries 来源：…, 记者 … and 通讯员 … lines or a (记者 …) credit at the
start of the first paragraph; a 责任编辑 is not the author.

:func:`complete_metadata` fills only the fields the page did not give.
"""
from __future__ import annotations

import re

from nlp import metadata as pagemeta

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_OPEN, _CLOSE = "〔［\\[（(【｛{", "〕］\\]）)】｝}"
_YEAR_BRACKET = rf"[{_OPEN}]\s*(?:19|20)\d{{2}}\s*[{_CLOSE}]"
# 渝府发〔2024〕12号, 北碚科发[2023]7号, 渝府〔2024〕第5号, 重庆市人民政府令第365号, 2024年第3号 (公告).
_DOC_NUMBER = (rf"(?:[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{0,13}}\s*{_YEAR_BRACKET}\s*第?\s*\d{{1,4}}\s*号"
               rf"|[\u4e00-\u9fff]{{1,16}}(?:令|公告|通告)\s*(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*\d{{1,4}}\s*号)")
_NUMBER_LINE_RE = re.compile(
    rf"[{_OPEN}]?\s*(?P<number>{_DOC_NUMBER})\s*[{_CLOSE}]?(?:\s*签发人\s*[:：]?\s*\S{{2,4}})?")
_NUMBER_START_RE = re.compile(rf"[{_OPEN}]?\s*(?P<number>{_DOC_NUMBER})\s*[{_CLOSE}]?\s*")
_CITING_RE = re.compile(r"文件|精神|要求|规定|的|等|有关规定|中|明确|提出|指出|[，,、]")
_TITLE_NUMBER_RE = re.compile(rf"[{_OPEN}]\s*(?P<number>{_DOC_NUMBER})\s*[{_CLOSE}]\s*$")
_RED_HEADER_RE = re.compile(r"(?P<issuers>[\u4e00-\u9fff（）()\s]{4,80}?)\s*文\s*件")
_DATE = (r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
         r"|[〇零○Ｏ0一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日")
_DATE_LINE_RE = re.compile(rf"[(（]?\s*(?P<date>{_DATE})\s*[)）]?")
_TRAILING_DATE_RE = re.compile(rf"(?P<orgs>.+?)\s*(?P<date>{_DATE})")
_SENTENCE_END_RE = re.compile(r"[。；！？]")
_STAMP_RE = re.compile(r"[（(]\s*(?:盖章|印章|公章|章)\s*[）)]|（?\s*此件[^）)]*[）)]")
_ORG_SUFFIXES = (
    "人民政府", "政府", "办公室", "办公厅", "委员会", "委", "局", "厅", "部", "院", "中心", "办", "会",
    "所", "公司", "集团", "大学", "学院", "学校", "党委", "党组", "工委", "管委会", "总队", "支队",
    "大队", "处", "署", "社", "银行", "分行", "街道办事处", "办事处", "法院", "检察院", "馆", "站",
)
_ORG_RE = re.compile(r"[\u4e00-\u9fff（）()·]{3,40}")
_NOT_ORG_RE = re.compile(r"[，。；：:、！？]|^(?:附件|抄送|印发|主送|联系人|联系电话|关于)")
_TRAILER_RE = re.compile(r"^(?:抄送|抄报|印发|主送|分送|发送|联系人|联系电话|（联系人|\(联系人)")
_CREDIT_RE = re.compile(r"^(?:[^（(]{0,12}讯\s*)?[（(](?P<credit>[^）)]{0,40}(?:记者|通讯员)[^）)]{0,60})[）)]")
_REPORTER_RE = re.compile(r"(?P<outlet>[\u4e00-\u9fff]{2,12}?)(?:首席|特约|见习|融媒体)?记者")
_HEAD_LINES, _LABEL_LINES = 8, 15


def complete_metadata(metadata: dict, text: str, *, doc_type: str = "news",
                      title: str = "") -> tuple[dict, str]:
    """``metadata`` completed from the body text, and the document's type.

    Fields the page gave are kept; fields it did not give are read from the
    text (see :func:`body_metadata`). A document that heads its text with its
    own 文号 is a policy document whatever ``doc_type`` said.
    """
    found = body_metadata(text, title=title)
    merged = dict(metadata)
    for key, value in found.items():
        if not merged.get(key):
            merged[key] = value
    if found.get("doc_number") and "doc_number" not in _nonempty(metadata):
        doc_type = "policy"
    return merged, doc_type


def body_metadata(text: str, *, title: str = "") -> dict[str, object]:
    """doc_number, issuer(s), written, index_number, topics, source and author found in ``text``."""
    lines = [line.strip() for line in text.translate(_FULLWIDTH).split("\n")]
    lines = [line for line in lines if line]
    fields: dict[str, object] = dict(labelled_fields(lines))
    number = heading_doc_number(lines) or title_doc_number(title)
    if number:
        fields.setdefault("doc_number", number)
    block = signature_block(lines, policy=bool(fields.get("doc_number")))
    issuers = block[0] if block else red_header_issuers(lines)
    if issuers:
        fields.setdefault("issuer", "、".join(issuers))
        if len(issuers) > 1:
            fields.setdefault("issuers", issuers)
    if block and block[1]:
        fields.setdefault("written", block[1])
    for key, value in news_fields(lines).items():
        fields.setdefault(key, value)
    return fields


def _nonempty(metadata: dict) -> dict:
    return {key: value for key, value in metadata.items() if value}


# ---------------------------------------------------------------- 文号 and labels

def labelled_fields(lines: list[str]) -> dict[str, object]:
    """Fields of 索引号：/主题分类：/发文字号： label lines at the top or the bottom of the text."""
    edge = lines[:_LABEL_LINES] + lines[-_LABEL_LINES:] if len(lines) > 2 * _LABEL_LINES else lines
    fields = pagemeta.policy_fields(line for line in edge if pagemeta.is_policy_line(line))
    fields.pop("title", None)
    return fields


def doc_number_line(line: str) -> str | None:
    """The 文号 a line consists of (渝府发〔2024〕12号, （国办发[2024]3号）), else None.

    A 文号 cited inside a sentence (根据《…》（渝府发〔2020〕3号）) is not a
    line of its own and gives None.
    """
    match = _NUMBER_LINE_RE.fullmatch(line.strip())
    return _tidy_number(match.group("number")) if match else None


def heading_doc_number(lines: list[str]) -> str | None:
    """The document's own 文号: near the top, opening a line.

    Usually the number stands alone on its line; where a cleaner glued the
    next line on (北碚科发〔2023〕7号各有关单位：…) or the red header before it,
    a number opening the line still heads the document, unless the line goes
    on to cite it (渝府发〔2020〕3号文件要求…).
    """
    for line in lines[:_HEAD_LINES]:
        header = _RED_HEADER_RE.match(line)
        if header and org_names(header.group("issuers").strip()):
            line = line[header.end():].strip()
        number = doc_number_line(line)
        if number:
            return number
        match = _NUMBER_START_RE.match(line)
        if match and not _CITING_RE.match(line[match.end():]):
            return _tidy_number(match.group("number"))
    return None


def title_doc_number(title: str) -> str | None:
    """A 文号 in brackets at the end of a title (关于…的通知（渝府发〔2024〕12号）)."""
    match = _TITLE_NUMBER_RE.search(title.strip().translate(_FULLWIDTH))
    return _tidy_number(match.group("number")) if match else None


def _tidy_number(number: str) -> str:
    return re.sub(r"\s+", "", number)


# ---------------------------------------------------------------- signature block

def signature_block(lines: list[str], *, policy: bool = False) -> tuple[list[str], str | None] | None:
    """(issuing bodies, 成文日期) of the first signature block, or None.

    A signature block is one or more lines naming bodies (several for a
    联合发文, also side by side on one line), then a line holding only a
    date; a body and its date may share a line. A date line ending in 印发
    belongs to the 抄送/印发 block and is skipped. With ``policy`` (the text
    heads with a 文号), a date line with no body above it still gives the date.
    """
    start = min(3, len(lines) // 3)
    for index in range(start, len(lines)):
        line = _STAMP_RE.sub("", lines[index]).strip()
        found = _dated_signature(lines, index, line, policy=policy)
        if found:
            return found
    return None


def _dated_signature(lines: list[str], index: int, line: str, *, policy: bool):
    """The block whose date is on line ``index``, or None."""
    date = date_line(line)
    if date:
        issuers = _issuers_above(lines, index)
        if issuers or (policy and index >= len(lines) // 2 and not _in_trailer(lines, index)):
            return issuers, date
        return None
    match = _TRAILING_DATE_RE.fullmatch(line) if line.endswith(("日", *"0123456789")) else None
    if match and not _in_trailer(lines, index):
        # 特此通知。重庆市北碚区人民政府办公室2024年3月12日: a block glued to the last sentence
        issuers = org_names(_SENTENCE_END_RE.split(match.group("orgs"))[-1].strip())
        if issuers:
            return issuers, pagemeta.parse_date(match.group("date"))
    return None


def date_line(line: str) -> str | None:
    """The ISO date of a line that is only a date (2024年3月12日, 二〇二四年三月十二日), else None."""
    match = _DATE_LINE_RE.fullmatch(line.strip())
    return pagemeta.parse_date(match.group("date")) if match else None


def _issuers_above(lines: list[str], index: int) -> list[str]:
    """Bodies named on the lines just above ``index``, top to bottom (at most six lines)."""
    issuers: list[str] = []
    for above in range(index - 1, max(index - 7, -1), -1):
        names = org_names(_STAMP_RE.sub("", lines[above]).strip())
        if not names:
            break
        issuers[:0] = names
    return issuers


def _in_trailer(lines: list[str], index: int) -> bool:
    """True inside a 抄送/印发 block: the line or the one above opens it."""
    return any(_TRAILER_RE.match(lines[i]) for i in range(max(index - 1, 0), index + 1))


def org_names(line: str) -> list[str]:
    """The bodies a signature line names (one, or several separated by spaces), else []."""
    if not line or _NOT_ORG_RE.search(line):
        return []
    names = [part for part in re.split(r"[\s\u3000]+", line) if part]
    if all(_ORG_RE.fullmatch(name) and name.endswith(_ORG_SUFFIXES) for name in names):
        return names
    return []


def red_header_issuers(lines: list[str]) -> list[str]:
    """Issuers of a red header (重庆市北碚区人民政府办公室文件) in the first lines, else []."""
    for line in lines[:3]:
        match = _RED_HEADER_RE.match(line)
        rest = line[match.end():].strip() if match else ""
        if match and (not rest or _NUMBER_START_RE.match(rest)):
            return org_names(match.group("issuers").strip())
    return []


# ---------------------------------------------------------------- news credits

def news_fields(lines: list[str]) -> dict[str, str]:
    """source (来源) and author (记者, else 通讯员) from credit lines at the top or bottom; never the editor."""
    fields: dict[str, str] = {}
    edge = lines[:4] + lines[-6:] if len(lines) > 10 else lines
    for line in edge:
        _credit_line(line, fields)
    return fields


def _credit_line(line: str, fields: dict[str, str]) -> None:
    """Add what one line credits (来源：…, 记者 …, （记者 … 通讯员 …）) to ``fields``."""
    credit = _CREDIT_RE.match(line)
    if credit:
        line = credit.group("credit")
    elif len(line) > 80 or "。" in line:
        return
    info = pagemeta.info_fields(line)
    if info.get("source") and _is_name(info["source"]):
        fields.setdefault("source", info["source"])
    author = _author(line)
    if author:
        fields.setdefault("author", author)
        reporter = _REPORTER_RE.search(line)
        if reporter and _is_outlet(reporter.group("outlet")):
            fields.setdefault("source", reporter.group("outlet"))


def _author(line: str) -> str | None:
    """Reporters of a credit; correspondents only when no reporter is named; never an editor."""
    line = re.split(r"(?:责任编辑|编辑|责编|审核|校对)\s*[:：]?", line)[0]
    if "记者" in line or re.search(r"(?:作者|撰稿)\s*[:：]|(?:^|\s)文\s*[/:：]", line):
        return pagemeta.author_from_credit(line.replace("撰稿", "作者"))
    match = re.search(r"通讯员\s*[:：]?\s*(.+)", line)
    if match:
        return pagemeta.author_from_credit("记者 " + match.group(1))
    return None


def _is_name(value: str) -> bool:
    return 2 <= len(value) <= 20 and not re.search(r"\d", value)


def _is_outlet(name: str) -> bool:
    from nlp.content import is_outlet   # content imports this package's metadata module
    return is_outlet(name)

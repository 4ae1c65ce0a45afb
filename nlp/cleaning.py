"""Clean the lines of an article body, from HTML blocks or a plain-text dump.

The same rules serve both inputs: page chrome at the top, everything from the
first end-of-article marker (特别声明, 相关推荐, 责任编辑 …) or platform
disclaimer on, by-lines and image credits (also when a print layout broke one
over two lines), picture captions, pagers, video labels, e-paper mastheads and
site footers, info lines (来源：… 发布时间：…) whose values are kept as
metadata. :func:`find_title` finds the headline of a plain-text dump, also
when the dump shows it twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp import metadata
from nlp.text import (
    cjk_count, ends_paragraph, is_boilerplate_line, is_caption_line, is_chrome_line, is_credit_caption,
    is_credit_line, is_disclaimer_line, is_end_marker, is_heading_line, is_image_credit, is_numbered_heading,
    is_scene_label, join_wrapped_lines, looks_wrapped,
)

_MIN_BODY_LINE = 20     # a line this long with punctuation starts the article body
_BYLINE_OPENER_RE = re.compile(r"^\S{0,8}讯\s*[（(]([^）)]{2,40})[）)]")   # 本报讯（记者 李明）
_HOST_RE = re.compile(r"^(?:主办|承办|协办)(?:单位)?\s*[:：]")   # a site footer's, or an event's hosts
_FOOTER_CODE_RE = re.compile(r"ICP|公网安备|标识码|版权|©")
_PUBLISHED_OPENER_RE = re.compile(r"^[(（【\[]?\s*(?:发布时间|发布日期|发表时间|发稿时间)\s*[:：]")
_PAPER_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:日报|晚报|时报|商报|都市报|报)$")   # 涪陵日报


@dataclass
class Body:
    """Cleaned body lines ('' for a blank line) and the metadata found on the way."""

    lines: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as paragraphs, one per line, hard wraps joined."""
        paragraphs = join_wrapped_lines("\n".join(self.lines)).split("\n")
        return "\n".join(p for p in paragraphs if p and not _is_furniture(p))


def clean_body(lines: list[str], *, title: str | None = None) -> Body:
    """Drop page furniture from body lines; keep info-line values in ``Body.info``."""
    body = Body()
    wrapped = looks_wrapped(lines)
    lines = drop_split_credits(lines)
    last = max((i for i, raw in enumerate(lines) if _is_sentence_piece(raw.strip())), default=-1)
    started = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            body.lines.append("")
            continue
        # 主办单位：… is an event notice's while text follows, else the site footer's
        host = bool(_HOST_RE.match(line)) and not _FOOTER_CODE_RE.search(line)
        if started and (is_end_marker(line) and not (host and i < last) or is_disclaimer_line(line)):
            _note_editor(body, line)
            break
        if (host and i >= last) or _is_dropped(lines, i, body, title=title, started=started, wrapped=wrapped):
            continue
        if "author" not in body.info and _BYLINE_OPENER_RE.match(line):
            _note_author(body, _BYLINE_OPENER_RE.match(line).group(1))
        body.lines.append(raw.rstrip())   # indentation marks paragraph starts
        started = started or _is_substantial(line)
    return body


def _is_dropped(lines: list[str], i: int, body: Body, *, title: str | None, started: bool, wrapped: bool) -> bool:
    """Info lines, the headline, credits, captions and chrome; what they tell goes to ``body.info``."""
    line = lines[i].strip()
    if _is_meta_line(line, body, started) or _is_title(line, title, started):
        return True
    if _is_masthead(lines, i, started):
        body.info.setdefault("source", line)
        return True
    if is_credit_line(line) or _is_caption(lines, i, wrapped):
        _note_author(body, line)
        return True
    if not is_boilerplate_line(line):
        return False
    if not started and is_chrome_line(line) and metadata.parse_date(line):
        body.info.setdefault("published", metadata.parse_date(line))   # an e-paper masthead
    return True


def drop_split_credits(lines: list[str]) -> list[str]:
    """Blank the image credits a print layout broke over two or three lines.

    ``（本版图片除署名`` + ``外由永川区委宣传部供图）`` is one credit: each
    piece alone looks like text, the pieces joined are a credit line.
    """
    lines = list(lines)
    for i, raw in enumerate(lines):
        head = raw.strip()
        if not head or not head.startswith(_CREDIT_OPENERS) or is_image_credit(head):
            continue
        joined = head
        for j in range(i + 1, min(i + 3, len(lines))):
            joined += lines[j].strip()
            if not lines[j].strip() or len(joined) > 60:
                break
            if is_image_credit(joined):
                lines[i:j + 1] = [""] * (j + 1 - i)
                break
    return lines


_CREDIT_OPENERS = ("（", "(", "图", "摄", "本版", "照片", "【图")


def _is_meta_line(line: str, body: Body, started: bool) -> bool:
    """An info line (来源：… 发布时间：…, a lone date above the body); its values go to ``body.info``.

    Inside the body only lines naming a source, author or editor, or opening
    with 发布时间/发布日期, count: a date line there is a signature date and a
    "时间：…" line an event's.
    """
    fields = metadata.info_fields(line) if len(line) <= 150 and "。" not in line else {}
    if started and not (fields.keys() & {"source", "author", "editor"} or _PUBLISHED_OPENER_RE.match(line)):
        return False
    if not fields and not metadata.is_date_line(line):
        return False
    if not fields:
        fields = {"published": metadata.parse_date(line)}
    for key, value in fields.items():
        if value:
            body.info.setdefault(key, value)
    return True


def _is_masthead(lines: list[str], i: int, started: bool) -> bool:
    """A newspaper's name alone on a line above the body, with its date or page line right below."""
    if started or not _PAPER_NAME_RE.match(lines[i].strip()):
        return False
    below = [line.strip() for line in lines[i + 1:i + 4] if line.strip()][:2]
    return any(metadata.is_date_line(line) or is_chrome_line(line) for line in below)


def _is_title(line: str, title: str | None, started: bool) -> bool:
    return bool(title) and not started and _squeeze(line) == _squeeze(title)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _is_caption(lines: list[str], i: int, wrapped: bool) -> bool:
    line = lines[i].strip()
    if not is_caption_line(line):
        return False
    if not is_scene_label(line):
        return True
    # A scene label is a caption only where it stands alone, not inside a wrapped column.
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return not wrapped or (not before and not after)


def _is_substantial(line: str) -> bool:
    return len(line) >= _MIN_BODY_LINE and any(ch in "，。；,;" for ch in line)


def _is_sentence_piece(line: str) -> bool:
    return len(line) >= 8 and any(ch in "，。；,;" for ch in line)


def _is_furniture(paragraph: str) -> bool:
    return is_boilerplate_line(paragraph) or is_credit_line(paragraph)


def _note_author(body: Body, line: str) -> None:
    author = metadata.author_from_credit(line)
    if author:
        body.info.setdefault("author", author)


def _note_editor(body: Body, line: str) -> None:
    fields = metadata.info_fields(line)
    if fields.get("editor"):
        body.info.setdefault("editor", fields["editor"])


# ---------------------------------------------------------------- plain-text titles

_TITLE_MAX = 60
_HEADER_LINES = 40      # a headline sits among the first lines of a dump
_REPEAT_WINDOW = 15     # non-chrome lines at the top where a repeated headline is looked for
_SITE_NAME_MAX = 12
_SITE_NAME_RE = re.compile(r"(?:人民政府|政府网|门户网站?|网|报|频道|客户端|融媒体中心|新闻|发布|公众号)$")
# 大足区发展和改革委员会　大足区统计局 (2025年7月24日): the issuers of a bulletin, not its headline
_ISSUER_LINE_RE = re.compile(
    r"(?:[\u4e00-\u9fff（）()]{2,30}?(?:委员会|人民政府|政府|局|委|办公室|调查队|中心|厅|办)[\s\u3000]*){1,4}"
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?")


def find_title(lines: list[str]) -> tuple[str, int, int] | None:
    """The headline of a plain-text dump, its line index and where the header ends; or None.

    The header (site name, breadcrumbs, info lines) is ``lines[:header_end]``.

    A headline-like line that the page repeats (a dump that opens with the
    headline, then the page's own headline block) wins. Otherwise candidates
    are the headline-like lines above the first body paragraph (site names,
    breadcrumbs and info lines sit there too). The last one followed by an
    info or date line wins, else the last one followed by other page chrome,
    else the longest. In an e-paper dump the headline block is often laid out
    mid-text: an indented headline glued to the end of a paragraph wins there.
    """
    wrapped = looks_wrapped(lines)
    found = _repeated_headline(lines)
    if found:
        return found
    if wrapped:
        displaced = _displaced_headline(lines)
        if displaced:
            return (*displaced, 0)
    candidates = []
    for i, raw in enumerate(lines[:_HEADER_LINES]):
        line = raw.strip()
        if not line or _is_header_furniture(line):
            continue
        if _is_body_line(line) or (wrapped and _is_wrapped_body_line(lines, i)):
            break
        if is_headline(line) and (_is_site_name(line) or not _ISSUER_LINE_RE.fullmatch(line)):
            candidates.append((line, i, _next_line_kind(lines, i)))
    if not candidates:
        return None
    return _best_candidate(lines, candidates)


def _best_candidate(lines: list[str], candidates: list[tuple[str, int, str | None]]) -> tuple[str, int, int]:
    """The last candidate followed by an info line, else by chrome, else the longest;
    a header holding more text than the rest means the choice was wrong: nothing is header then."""
    chosen = None
    for kind in ("info", "chrome"):
        marked = [c for c in candidates if c[2] == kind]
        if marked and not chosen:
            chosen = marked[-1]
    line, index, _ = chosen or max(candidates, key=lambda c: len(c[0]))
    before = sum(cjk_count(x) for x in lines[:index])
    after = sum(cjk_count(x) for x in lines[index + 1:])
    return (line, index, index) if before <= after else (line, index, 0)


def _repeated_headline(lines: list[str]) -> tuple[str, int, int] | None:
    """The longest headline-like line near the top that the following lines repeat (exactly,
    or wrapped over two or three lines): (headline, its index, end of the header)."""
    # Unwrapped text repeats its headline above the body; an e-paper's headline block sits mid-text.
    limit = 2 * _HEADER_LINES if looks_wrapped(lines) else _first_body_line(lines)
    found, seen = [], 0
    for i, raw in enumerate(lines[:_HEADER_LINES]):
        line = raw.strip()
        if not line or _is_header_furniture(line):
            continue
        seen += 1
        if seen > _REPEAT_WINDOW or i >= limit:
            break
        if is_headline(line) and not _is_site_name(line):
            repeat = _find_repeat(lines, i, limit)
            if repeat is not None:
                found.append((line, i, repeat))
    if not found:
        return None
    line, i, repeat = max(found, key=lambda f: len(f[0]))
    between = [x.strip() for x in lines[i + 1:repeat] if x.strip()]
    body_between = any(_is_body_line(x) or any(c in x for c in "，。；") for x in between)
    return line, i, i + 1 if body_between else repeat


def _is_site_name(line: str) -> bool:
    return len(line) <= _SITE_NAME_MAX and bool(_SITE_NAME_RE.search(line))


def _first_body_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if _is_body_line(line.strip())), len(lines))


def _run_equal_to(lines: list[str], j: int, target: str) -> int | None:
    """Last index k of the run lines[j..k] (up to 3 lines) that squeezes to ``target``, else None."""
    joined = ""
    for k in range(j, min(j + 3, len(lines))):
        piece = _squeeze(lines[k])
        if not piece or not target.startswith(joined + piece):
            return None
        joined += piece
        if joined == target:
            return k
    return None


def _find_repeat(lines: list[str], i: int, limit: int) -> int | None:
    """Index of the first later line (or run of up to 3 lines) before ``limit`` equal to ``lines[i]``, squeezed."""
    target = _squeeze(lines[i])
    return next((j for j in range(i + 1, min(len(lines), limit))
                 if _run_equal_to(lines, j, target) is not None), None)


def drop_title_repeats(lines: list[str], title: str) -> list[str]:
    """Blank the lines (or runs of up to 3 lines) near the top that repeat the headline."""
    target, lines = _squeeze(title), list(lines)
    if not target:
        return lines
    for j in range(min(len(lines), 2 * _HEADER_LINES)):
        k = _run_equal_to(lines, j, target)
        if k is not None:
            lines[j:k + 1] = [""] * (k + 1 - j)
    return lines


def _is_header_furniture(line: str) -> bool:
    return (is_boilerplate_line(line) or is_credit_line(line) or is_credit_caption(line) or _is_info(line)
            or metadata.is_policy_line(line))


def _is_info(line: str) -> bool:
    return metadata.is_date_line(line) or (bool(metadata.info_fields(line)) and "。" not in line)


def _is_body_line(line: str) -> bool:
    if _BYLINE_OPENER_RE.match(line):
        return True   # 本报讯（记者 刘敏）3月10
    return len(line) >= 60 or (len(line) >= 15 and ends_paragraph(line) and not line.endswith(("？", "！")))


def _is_wrapped_body_line(lines: list[str], i: int) -> bool:
    """In hard-wrapped text: a line with a comma or full stop that runs on into the next line."""
    line = lines[i].strip()
    follows = i + 1 < len(lines) and bool(lines[i + 1].strip())
    return follows and len(line) >= 8 and any(c in line for c in "，。；,;")


def _next_line_kind(lines: list[str], i: int) -> str | None:
    following = next((line.strip() for line in lines[i + 1:] if line.strip()), "")
    if _is_info(following) or metadata.find_doc_number(following) == following:
        return "info"
    if is_boilerplate_line(following) or is_credit_line(following):
        return "chrome"
    return None


def is_headline(line: str) -> bool:
    """A line that reads as an article headline: short, no full stop, not a numbered heading."""
    line = line.strip()
    if not 5 <= len(line) <= _TITLE_MAX or cjk_count(line) < 4 or is_end_marker(line):
        return False
    if "。" in line.rstrip("。") or sum(line.count(c) for c in "，,；;") > 3:
        return False
    if ends_paragraph(line) and not line.endswith(("？", "！", "?", "!")):
        return False
    return not line.endswith(("：", ":")) and not is_numbered_heading(line)   # 各区县人民政府： is a salutation


def _displaced_headline(lines: list[str]) -> tuple[str, int] | None:
    """An indented headline right after a paragraph's last line (an e-paper's title block)."""
    for i in range(3, len(lines)):
        raw = lines[i]
        line = raw.strip()
        if not line or raw[:1] not in (" ", "\u3000") or cjk_count(line) < 6:
            continue
        if not is_heading_line(line) or is_caption_line(line) or is_credit_line(line):
            continue
        if ends_paragraph(lines[i - 1]) and lines[i - 1].strip():
            return line, i
    return None

"""Clean the lines of an article body, from HTML blocks or a plain-text dump.

The same rules serve both inputs: page chrome at the top, everything from the
first end-of-article marker (特别声明, 相关推荐, 责任编辑 …) on, by-lines and
image credits, picture captions, info lines (来源：… 发布时间：…) whose
values are kept as metadata. :func:`find_title` finds the headline of a
plain-text dump.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp import metadata
from nlp.text import (
    cjk_count, ends_paragraph, is_boilerplate_line, is_caption_line, is_credit_line,
    is_end_marker, is_heading_line, is_numbered_heading, is_scene_label, join_wrapped_lines, looks_wrapped,
)

_MIN_BODY_LINE = 20     # a line this long with punctuation starts the article body
_BYLINE_OPENER_RE = re.compile(r"^\S{0,8}讯\s*[（(]([^）)]{2,40})[）)]")   # 本报讯（记者 李明）
_PUBLISHED_OPENER_RE = re.compile(r"^[(（【\[]?\s*(?:发布时间|发布日期|发表时间|发稿时间)\s*[:：]")


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
    started = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            body.lines.append("")
            continue
        if started and is_end_marker(line):
            _note_editor(body, line)
            break
        if _is_meta_line(line, body, started) or _is_title(line, title, started):
            continue
        if is_credit_line(line):
            _note_author(body, line)
            continue
        if _is_caption(lines, i, wrapped):
            _note_author(body, line)
            continue
        if is_boilerplate_line(line):
            continue
        if "author" not in body.info and _BYLINE_OPENER_RE.match(line):
            _note_author(body, _BYLINE_OPENER_RE.match(line).group(1))
        body.lines.append(raw.rstrip())   # indentation marks paragraph starts
        started = started or _is_substantial(line)
    return body


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


def find_title(lines: list[str]) -> tuple[str, int, int] | None:
    """The headline of a plain-text dump, its line index and where the header ends; or None.

    The header (site name, breadcrumbs, info lines) is ``lines[:header_end]``.

    Candidates are the headline-like lines above the first body paragraph
    (site names, breadcrumbs and info lines sit there too). The last one
    followed by an info or date line wins, else the last one followed by
    other page chrome, else the longest. In an e-paper dump the headline
    block is often laid out mid-text: an indented headline glued to the end
    of a paragraph wins there.
    """
    if looks_wrapped(lines):
        found = _displaced_headline(lines)
        if found:
            return (*found, 0)
    candidates = []
    for i, raw in enumerate(lines[:_HEADER_LINES]):
        line = raw.strip()
        if not line or _is_header_furniture(line):
            continue
        if _is_body_line(line):
            break
        if is_headline(line):
            candidates.append((line, i, _next_line_kind(lines, i)))
    if not candidates:
        return None
    for kind in ("info", "chrome"):
        marked = [c for c in candidates if c[2] == kind]
        if marked:
            return marked[-1][0], marked[-1][1], marked[-1][1]
    line, index, _ = max(candidates, key=lambda c: len(c[0]))
    return line, index, index


def _is_header_furniture(line: str) -> bool:
    return is_boilerplate_line(line) or is_credit_line(line) or _is_info(line) or metadata.is_policy_line(line)


def _is_info(line: str) -> bool:
    return metadata.is_date_line(line) or (bool(metadata.info_fields(line)) and "。" not in line)


def _is_body_line(line: str) -> bool:
    return len(line) >= 60 or (len(line) >= 15 and ends_paragraph(line) and not line.endswith(("？", "！")))


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

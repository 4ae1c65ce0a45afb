"""The outlet of a news dateline: 九龙融媒讯（记者…）, 云上咸宁报道, 【香港商报网讯】.

A report opens its body with the outlet that files it, followed by 讯, 报道 or
消息 and then the reporter or the first clause. That outlet is a media
organisation whatever its name looks like (no 日报 or 融媒体中心 needed). Only
the start of a line is read, so 据…报道 inside a sentence is not a dateline;
本网 and 本报 (this outlet) are generic references, not names.
"""
from __future__ import annotations

import re

from nlp.orgunits import Candidate

_DATELINE = re.compile(
    r"(?m)^[ \t\u3000]*[【\[]?(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:讯|报道|消息)"
    r"(?=\s*[】\]]|\s*[(（]|\s*记者|\s*[,，:：]|\s+[\u4e00-\u9fff])")
_NOT_OUTLETS = re.compile(r"^[本我该此]|记者|通讯员|[据经]|^(?:相关|综合|延伸|更多|详细|深度|系列|独家|专题|好|喜|最新|图片|视频|图文|现场)")
_NOT_OUTLET_NAMES = frozenset({"图片", "视频", "图文", "现场", "跟踪", "连续", "追踪", "集中", "新闻", "媒体",
                               "网络", "工作", "特别", "简要", "一线", "记者"})
_WORD_ENDINGS = frozenset("简快资通短喜音视电")      # 简讯, 快讯, 资讯: a kind of news, not an outlet
_NEWS_DESK = re.compile(r"(?:报|网|台|社|新闻|融媒|媒体|频道|客户端|号)$")   # before 消息, which is also a word


def dateline_candidates(text: str) -> list[Candidate]:
    """The media outlet named by each line-opening dateline of ``text``."""
    found = []
    for match in _DATELINE.finditer(text):
        name = match.group("name")
        if _NOT_OUTLETS.search(name) or name in _NOT_OUTLET_NAMES or name[-1] in _WORD_ENDINGS \
                or match.group(0).endswith("消息") and not _NEWS_DESK.search(name):
            continue
        found.append(Candidate(match.start("name"), match.end("name"), "media", "suffix"))
    return found

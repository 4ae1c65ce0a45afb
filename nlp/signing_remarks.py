"""Quoted remarks: signing words inside what someone is quoted as saying.

A quotation that holds a clause break (“这份协议签下来，企业就放心了”) is a
remark about a signing, usually the one the article has just reported; it is
never the report of a signing of its own. Short quoted names and slogans
(“签约即落地”) hold no clause break and are left to the other rules.
"""
from __future__ import annotations

import re

_QUOTE = re.compile(r"[“\"「]([^”\"」]{1,200})[”\"」]")
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;]")


def quoted_remarks(sentence: str) -> list[tuple[int, int]]:
    """[start, end) of the quoted remarks in a sentence: quotations holding a clause break."""
    return [m.span(1) for m in _QUOTE.finditer(sentence) if _CLAUSE_BREAK.search(m.group(1))]


def in_quoted_remark(sentence: str, pos: int) -> bool:
    """Whether the signing word at ``pos`` is inside a quoted remark."""
    return any(start <= pos < end for start, end in quoted_remarks(sentence))

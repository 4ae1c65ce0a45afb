"""Lines of cited points: summaries that list statements with reference marks.

Some pages give the news as points on one line, each closed by a citation
mark and opened by a bullet under a short label (招商签约活动概览 - 某区于…举行
集中签约活动，旨在… [1] - 本次活动共签约项目29个… [1] 战略合作 - A与B签署…
[4]). No 。 separates them, so each point is split off as a sentence of its own
(EXTRACTION.md: an event's text is the first sentence reporting it), and the
labels (战略合作) become short heading lines. Lines without citation marks are
left whole, so a plain dash in ordinary text splits nothing.
"""
from __future__ import annotations

import re

_CITATION = re.compile(r"\s\[\d{1,3}\](?=\s|$)")                       # …开门红” [1]
_BREAK = re.compile(r"\s*\[\d{1,3}\](?=\s|$)\s*(?:-\s+)?|\s+-\s+")     # [1] - / 概览 - : a point ends


def cited_points(line: str) -> list[tuple[int, str, bool]]:
    """(offset, text, is_label) of the parts of a line between citation marks
    and bullets ([1], " - "), a label being a part a bullet follows; a line
    without citation marks is its only part."""
    if not _CITATION.search(line):
        return [(0, line, False)]
    pieces, start = [], 0
    for mark in _BREAK.finditer(line):
        pieces.append((start, line[start:mark.start()], mark.group().strip().startswith("-")))
        start = mark.end()
    return pieces + [(start, line[start:], False)]

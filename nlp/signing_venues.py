"""Where a signing took place or its projects settle, and what a paragraph is
about: the ``location`` of a signing and the park or place that 签约入驻 with no
target of its own settles into. nlp/signings.py builds the events; this module
only reads places from a sentence and its paragraph.

Sentences are any objects with ``start``, ``text`` and ``para``; mentions are
(start, end, name) organisation mentions; places are (start, end, name).
"""
from __future__ import annotations

import re

from nlp.signing_parties import AFTER_SETTLE
from nlp.signing_rules import COUNT

SETTLE = re.compile(r"(?:落户|入驻|落地|进驻)")
PLACE_SUFFIX = re.compile(r"(?:省|市|区|县|镇|乡|街道|村|社区|园区|产业园|工业园|开发区|保税区|片区|大道|路|街|广场|小镇)$")
_TOPIC_PLACE = re.compile(r"([\u4e00-\u9fff·]{2,20}?(?:大道|路|街|广场|园区|产业园|科技园|工业园|小镇|新区))(?:[，,]|是|位于)")
_SETTLERS = re.compile(r"[^，,。；;]{0,6}(?:企业|项目|团队|机构|人才|客商)")
_VENUE = re.compile(r"在([^，,。；;、“”\"]{2,25}?)(?:举行|举办|召开|签约|签署|签订|落户|落地)")


def location(sent, mentions, places, region: str | None, paragraph_topic: str | None) -> str | None:
    """Where the signing happened or its projects settle, if the sentence says so:
    a named place; a settle target that is itself a place (…大道, …园区); else the
    document's region. 签约入驻 with no target settles into the paragraph's topic."""
    venue = _VENUE.search(sent.text)
    settle = settle_into(sent.text)
    if not venue and not settle:
        if not SETTLE.search(sent.text):
            return None
        return paragraph_topic or region
    for match in (m for m in (settle, venue) if m):
        target_start = sent.start + match.start(1)
        place = next((p for p in places if p[0] == target_start), None)
        org = next((m for m in mentions if m[0] == target_start), None)
        if org:
            return org[2] if PLACE_SUFFIX.search(org[2]) else region
        if place:
            return place[2]
        if PLACE_SUFFIX.search(match.group(1)):
            return match.group(1)
    return region


def settle_into(text: str) -> re.Match | None:
    """Where something settles (落户X园区); not the settlers (入驻科技型企业130余家)."""
    match = AFTER_SETTLE.search(text)
    if match and (COUNT.search(match.group(1)) or _SETTLERS.match(match.group(1))):
        return None
    return match


def topic(sentences, index: int, mentions) -> str | None:
    """The organisation a paragraph is about: its first mention before this sentence."""
    sent = sentences[index]
    para_start = next(s.start for s in sentences[:index + 1] if s.para == sent.para)
    return next((name for s, _, name in mentions if para_start <= s < sent.start), None)


def topic_place(sentences, index: int) -> str | None:
    """A place-like name that opens the paragraph (朝阳文创大道，是…), when it is
    not the sentence itself."""
    sent = sentences[index]
    first = next(s for s in sentences[:index + 1] if s.para == sent.para)
    match = _TOPIC_PLACE.match(first.text) if first is not sent else None
    return match.group(1) if match else None

"""Signing sessions held in several modes (现场, 线上, 云签约, 视频连线): the
pieces of one event, never events of their own.

A ceremony held 现场+线上 reports its signings by mode: a count per mode adds up
to the event's count when no total is given (现场签约项目9个，线上签约项目17个 → 26),
and a sentence opening with one mode's segment (线上签约环节，…) is one signing
of the ceremony before.
"""
from __future__ import annotations

import re

MODE = r"(?:在?现场|线上|网上|云端?|远程|视频|集中|当场)"
_UNIT = r"\s*(?:个|家|项)"
_COUNT_AFTER = rf"\d+{_UNIT}(?:项目|企业|单位)?{MODE}签约"           # 9个项目现场签约
_COUNT_BEFORE = rf"{MODE}签约(?:的)?(?:项目|企业|单位)?\d+{_UNIT}"   # 现场签约项目9个
_GAP = r"[^。；;]{0,16}?"
_PIECES = re.compile(
    rf"(?:{_COUNT_AFTER}[、，,和及]){{1,4}}{_COUNT_AFTER}|(?:{_COUNT_BEFORE}{_GAP}[、，,和及]){{1,4}}{_COUNT_BEFORE}")
_NUMBER = re.compile(r"\d+")
_SEGMENT = re.compile(
    rf"^[^，,。]{{0,8}}?(?:{MODE}|云)签约(?:环节|部分|会场|阶段|现场)|^(?:通过)?(?:视频连线|云端连线|线上连线)")


def pieces_count(sentence: str) -> int | None:
    """The count of a signing reported by mode, summed (9个项目现场签约、4个项目线上
    签约 → 13; 现场签约项目9个、投资48亿元，线上签约项目17个 → 26); None when the
    sentence does not count it piecewise."""
    match = _PIECES.search(sentence)
    if not match:
        return None
    if match.group().startswith(tuple("0123456789")):
        return sum(int(n) for n in _NUMBER.findall(match.group()))
    return sum(int(re.search(r"\d+(?=\s*(?:个|家|项)$)", piece).group())
               for piece in re.findall(_COUNT_BEFORE, match.group()))


def is_mode_segment(sentence: str) -> bool:
    """线上签约环节，… / 云签约会场… / 通过视频连线，…: one mode's part of the ceremony before."""
    return bool(_SEGMENT.search(sentence))

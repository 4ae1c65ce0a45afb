"""Bodies written only as places: the mentions say where, not who.

A park or zone written only as where something is (在永川高新区…举行, 位于…科学城,
园区标准厂房, 科学城的主阵地), a centre written only as a venue (在区行政服务中心举行), a body
written only as its building (区政府三楼接待室), and a body named
only in a policy document's addressee line are not organisations of the document.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.organizations import Group

_LOCATIVE_BEFORE = re.compile(r"(?:在|于|位于|地处|坐落在|落户|落地|选址|布局在|就地|依托|作为|融入|纳入|助推|助力|支撑|"
                              r"(?:考察|参观|走访|来到|走进|前往|赴|抵达)了?)(?:其|该)?\s*$")   # visited: a place
_VISITED_LIST = re.compile(r"(?:(?:来到|考察|参观|走访|走进|前往|察看|调研)了?|(?:建设|打造)具有)[^，,。；;：:]*、$")
# 园区标准厂房: where the works are; …经开区等地: a list of places;
# 工业园内部分企业: inside the park, a place
_WORKS_AFTER = re.compile(r"标准厂房|厂房|基础设施|道路|管网|[一二三四五六]期|等地|内(?![容涵])|"
                          r"的?(?:主阵地|主战场|核心区|核心承载区|重要组成部分)|建设(?:情况|进展|成效|发展)?[，,。；;]|"
                          r"[\u4e00-\u9fff]{0,4}片区|(?:重大|重点)?项目集中|经济社会发展")   # 科学城璧山片区: an area   # 作为科学城的主阵地: a place


def only_a_place(text: str, group: "Group", groups: list["Group"]) -> bool:
    """Whether every mention of ``group`` names a place rather than a body that acts."""
    return _only_located(text, group, groups) or _only_addressed(text, group) or _only_venue(text, group) \
        or _only_building(text, group)


def _only_located(text: str, group: "Group", groups: list["Group"] = ()) -> bool:
    """A park or zone written only as where something is (在永川高新区…举行, 位于…科学城,
    园区标准厂房).

    Mentions nested in another body's name (the zone in 垫江高新技术产业开发区管理委员会)
    say nothing either way.
    """
    if group.type != "platform" or not group.candidates:
        return False
    longer = [(c.start, c.end) for g in groups if g is not group for c in g.candidates]
    own = [c for c in group.candidates
           if not any(a <= c.start and c.end <= b and b - a > c.end - c.start for a, b in longer)]
    return all(_LOCATIVE_BEFORE.search(text, max(0, c.start - 6), c.start) or _WORKS_AFTER.match(text, c.end)
               or _visited_in_list(text, c.start) for c in own or group.candidates)


def _visited_in_list(text: str, start: int) -> bool:
    """先后来到A、B、C: a later item of a list of places visited is a place too, and
    加快建设具有…影响力的…中心、西部科学城: one of the goals to build is a goal."""
    clause = max(text.rfind(mark, 0, start) for mark in "，,。；;：:\n") + 1
    return bool(_VISITED_LIST.search(text, clause, start))


_VENUE_BEFORE = re.compile(r"(?:在|于|设在|位于)$")
_VENUE_AFTER = re.compile(r"(?:隆重)?(?:举行|召开|举办|开幕)|[一二三四五六七八九十\d]+[楼层]|大厅|门前|广场")


_ROOM_AFTER = re.compile(r"(?:[一二三四五六七八九十\d]+[楼层]|大楼|办公楼)[\u4e00-\u9fff]{0,6}?(?:会议室|接待室|报告厅|会议厅|大厅)?")


def _only_building(text: str, group: "Group") -> bool:
    """A body written only as the building a meeting was in (在区政府三楼接待室): the building."""
    return bool(group.candidates) and all(_ROOM_AFTER.match(text, c.end) for c in group.candidates)


def _only_venue(text: str, group: "Group") -> bool:
    """A centre written only as where a meeting was held or a desk sits (活动在区行政服务中心
    举行, 设在区政务服务中心一楼): the building, not the body."""
    if group.dict_name or not group.name.endswith("中心") or not group.candidates:
        return False
    return all(_VENUE_BEFORE.search(text, max(0, c.start - 2), c.start) and _VENUE_AFTER.match(text, c.end)
               for c in group.candidates)


_ADDRESSEES = re.compile(r"〔\d{4}〕\d+号\s*\n\s*(各[^\n：:。]{2,200}?[：:])")   # cleaning may join the next line


def _only_addressed(text: str, group: "Group") -> bool:
    """A body named only in a policy document's addressee line (各区县科技局，两江新区、
    万盛经开区经济发展局：): the line names classes of recipients, not actors. The
    document's own government written elliptically (县政府各部门) still counts."""
    if group.expanded or not group.candidates:
        return False            # 县政府各部门: the issuing government's own departments
    match = _ADDRESSEES.search(text, 0, 600)
    if not match:
        return False
    start, end = match.span(1)
    return all(start <= c.start and c.end <= end for c in group.candidates)

"""Project names and listed scenes: spans whose organisation-like words are not bodies.

A list of projects (items joined by 、 or closed by 等) names each item after what is built (…生态示范区开发项目,
…重庆科技园三期项目), and a list of investment scenes (招商场景分别为：…小镇临空田园
综合体、…) names places to develop. A name that occurs only inside such an item is
part of the project's name, as one inside a 《document title》 is part of the title.
An item that holds a joining word, a signing verb or an investing one (与, 签约,
投资) reports who acts and is not a name. A single project in a sentence (签约落户的某某有限公司光学模组项目)
names its investor, which stays a body. So does a facility named after the
company that builds it (…资产管理有限公司重庆…康养小镇): the company is the body.
"""
from __future__ import annotations

import re

from nlp.orgunits import Candidate

_ITEM = re.compile(r"[^、，,；;。：:\n！？!?（）()]{4,40}?项目(?=等|的|[、，,；;。：:\n）)])")
_ACTING = re.compile(r"[与和同及由向将]|签|共建|牵头|合作|联合|参与|负责|投资|出资")
_OPENERS = re.compile(r"^.*?(?:包括|包含|分别为|分别是|涉及|主要有|的)")
_COMPANY_END = re.compile(r"有限责任公司|股份有限公司|有限公司")
_BRANCH_AFTER = ("分公司", "子公司", "分行", "支行", "分院", "分厂", "营业部")
_FACILITY_TYPES = frozenset({"platform", "other"})
_QUALIFIED_PROJECT = re.compile(r"([^、，,；;。：:\n！？!?（）()“”]{2,30})([(（][^()（）]{1,12}[)）])项目")
_BUILD_VERB = re.compile(r"共建|建设|打造|实施|推进|启动|投资|引进|落地|新建|[与和及]")
_SCENE_LIST = re.compile(r"场景[”\"」]?(?:分别)?(?:为|是|包括|有)?[:：]([^。\n]{4,600})")


def project_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every listed project name, every listed investment scene and every
    project named with a bracketed qualifier."""
    return _project_items(text) + _scene_items(text) + _qualified_projects(text)


def _qualified_projects(text: str) -> list[tuple[int, int]]:
    """共建北航重庆创新中心(低空电磁安全)项目, 建设中交产业园(重庆)项目: the name before the
    bracket is the project's, from after the verb that builds it."""
    spans = []
    for match in _QUALIFIED_PROJECT.finditer(text):
        run = match.group(1)
        verbs = list(_BUILD_VERB.finditer(run))
        start = match.start(1) + (verbs[-1].end() if verbs else 0)
        if match.start(2) - start >= 3:
            spans.append((start, match.end()))
    return spans


def _project_items(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _ITEM.finditer(text):
        item = match.group(0)
        opener = _OPENERS.match(item)
        start = match.start() + (opener.end() if opener else 0)
        listed = text.startswith(("、", "等"), match.end()) or text[match.start() - 1:match.start()] == "、"
        if listed and match.end() - start >= 4 and not _ACTING.search(text, start, match.end()):
            spans.append((start, match.end()))
    return spans


def _scene_items(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _SCENE_LIST.finditer(text):
        position = match.start(1)
        for item in re.split(r"([、，,；;])", match.group(1)):
            if len(item) > 1:
                spans.append((position, position + len(item)))
            position += len(item)
    return spans


def company_heads(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with each facility named after a company cut back to the company."""
    return [_company_head(text, c) or c for c in candidates]


def _company_head(text: str, c: Candidate) -> Candidate | None:
    if c.type not in _FACILITY_TYPES or c.source != "suffix":
        return None
    inner = [m for m in _COMPANY_END.finditer(text, c.start, c.end) if m.end() < c.end]
    if not inner or text.startswith(_BRANCH_AFTER, inner[-1].end()):
        return None
    return Candidate(c.start, inner[-1].end(), "company", "suffix", c.units)

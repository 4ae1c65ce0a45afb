"""Named projects of a signing (朝阳文创大道项目), not generic ones
(58个科技创新项目, 重大项目, 2025年一季度项目): a name says more than dates,
places, amounts and generic words once those are taken off.
"""
from __future__ import annotations

import re

from nlp.signing_places import without_places

_PROJECT = re.compile(r"([^\s，,、。；;：:“”\"（）()《》]{2,30}?)项目(?!部|组|化|库|制|经理)")
_PROJECT_CUT = re.compile(r".*(?:与|和|及|同|的|了|将|是|由|等|有(?!限)|共(?!建)|包括|涉及|其中|签约|签订|签署|签下|落户|引进|"
                          r"举行|举办|召开|开展|实施|推进|推动|加快|围绕|聚焦|\d+(?:余|多)?[个家项])")
_GENERIC_PROJECT = re.compile(
    r"^(?:国内外|国内|海外|外资|内资|重大|重点|优质|新|新兴|签约|招商|引资|产业|工业|农业|服务业|现代|科技|创新|"
    r"高新技术|高科技|文旅|文化|旅游|合作|投资|建设|基础设施|民生|数字经济|制造业|战略性|新兴产业|"
    r"先进|智能|研发|孵化|落地|入驻|该|此|这些|本批|这批|该批|此批|本次|此次|这次|各类|一批|多个|单个|单体|每个|其他|相关|上述|校地|校企|产学研|示范|试点|[、和及与在])+$")
_PROJECT_NOISE = re.compile(r"(?:19|20)\d{2}年度?|第?[一二三四1-4]季度|[上下]半年|年度|全年|今年|去年|"
                            r"\d+(?:\.\d+)?[万亿]?元(?:以上|级)?|亿元|以上|全[区市县]|[区市县]级|市级|区级|省级|国家级")


def projects(sent: str) -> list[str]:
    """Named projects (朝阳文创大道项目), not generic ones (58个科技创新项目)."""
    names = []
    for match in _PROJECT.finditer(sent):
        if sent.rfind("《", 0, match.start()) > sent.rfind("》", 0, match.start()):
            continue
        name = _PROJECT_CUT.sub("", match.group(1))
        if _is_named(name) and f"{name}项目" not in names:
            names.append(f"{name}项目")
    return names


def _is_named(name: str) -> bool:
    """Whether a project name says more than dates, places and generic words."""
    if len(name) < 2:
        return False
    core = _PROJECT_NOISE.sub("", name)
    core = without_places(core)
    return len(core) >= 2 and not _GENERIC_PROJECT.match(core)

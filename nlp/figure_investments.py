"""The metric of an amount an investor puts into a project (X公司计划投资25亿元建设Y基地).

What the amount measures is the project's investment, not the investor: the
metric is the project named after a building verb (建设, 新建, 打造 …) that
follows the amount, plus the investing verb and a plan word if written
(Y基地计划投资). This holds when an investor acts: the subject is one (a
company, 该公司, 由后者), or none is left, or a plan word or 将 marks the act
(恒拓智能将投资); a measure such as 项目总投资 is a statistic of its own and stays.
With no project named, an acting investor is dropped: 该公司将投资10亿元 → 投资.
"""
from __future__ import annotations

import re

# The metric found from the words before the number: <subject><plan word>?<investing verb>.
_INVESTED_RE = re.compile(r"(?P<subject>.*?)(?P<plan>计划|拟|预计)?(?P<verb>追加投资|投资|投入)")
# The act of an investor as written before the number (将投资, 拟追加投资约).
_ACT_BEFORE_RE = re.compile(r"(?:将|计划|拟|预计|再)(?:追加)?(?:投资|投入)(?:约|超过|逾|近)?\s*$")
# An investor: a company, a pronoun for one, or an agent introduced by 由.
_INVESTOR_RE = re.compile(r"^由|(?:公司|集团|企业|厂|银行|股份|控股|后者|前者|对方|双方|该司|我司|其)$")
# After the amount: at most one comma and a place (在德清), then the building verb and the project.
_PROJECT_RE = re.compile(
    r"(?:[，,]\s*)?(?:(?:用于|主要用于)?在[^，,；;。！？\d]{1,12}?)?(?:用于)?"
    r"(?:新建|建设|兴建|扩建|打造|建成|布局|投建|建)"
    r"(?P<project>[^，,；;。！？、\d（(]{2,30}?)(?:项目)?(?=[，,；;。！？（(]|$)")
_PROJECT_HEADS = re.compile(r"(?:基地|中心|工厂|园区|产业园|生产线|总部|项目|工程|平台|厂房|园|厂|线|楼|馆|区|库)$")


def invested_metric(norm: str, start: int, end: int, metric: str | None) -> str | None:
    """The project's investment for an amount at [start, end) of ``norm`` whose ``metric``
    is <investor>(计划)投资; None when the figure is not such an amount."""
    if not metric:
        return None
    invested = _INVESTED_RE.fullmatch(metric)
    if not invested:
        return None
    measure = (invested.group("plan") or "") + invested.group("verb")
    subject = invested.group("subject")
    investor = bool(subject) and _INVESTOR_RE.search(subject) is not None
    acts = _ACT_BEFORE_RE.search(norm, max(0, start - 8), start) is not None
    if not (investor or acts or not subject):
        return None         # 项目总投资20亿元，建设…: a statistic of its own
    project = _PROJECT_RE.match(norm, end)
    if project and _PROJECT_HEADS.search(project.group("project")):
        return project.group("project") + measure
    return measure if investor or acts else None

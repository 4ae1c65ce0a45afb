"""Figures that state a change of level: 由800人扩大到1200人, 日处理能力提高到4万吨.

The verb of change (提高到, 扩大至, 降至) says how the level moved, not what is
measured: the metric is the measure before it (日处理能力), and when the verb
stands alone, the subject of the clause (订单班规模将由去年的800人扩大到1200人 →
订单班规模, for both numbers).
"""
from __future__ import annotations

import re

from nlp.metricwords import strip_fillers

_CHANGE = r"(?:提高|提升|扩大|增加|增长|上升|降低|下降|减少|缩小|压缩|缩减|调整|放宽|增|升|降)"
_CHANGED_TO_RE = re.compile(_CHANGE + r"(?:到|至)(?:约|近|超过|超)?$")
_METRIC_CHANGE_RE = re.compile(_CHANGE + r"(?:到|至)?$")
# The level before the change: 由去年的800人 / 从30%.
_FROM_RE = re.compile(r"(?:由|从)(?:(?:今年|去年|前年|上年|(?:19|20)\d{2}年)(?:底|末|初)?的?)?$")
_CHANGE_AFTER_RE = re.compile(r"[^，,；;。！？\n]{1,12}?" + _CHANGE + r"(?:到|至)")
_SUBJECT_RE = re.compile(r"(?:将|已|拟|计划|力争|预计|要)?(?:由|从)")
_WHOLE_AREA_RE = re.compile(r"^(?:全[区市县镇省国]|我[区市县]|该[区市县])")
_MAX_SUBJECT = 12


def changed_metric(norm: str, number_start: int, clause_start: int, metric: str | None) -> str | None:
    """``metric`` without a verb of change (日处理能力提高 → 日处理能力), or the clause's
    subject when the figure is the level before or after a change; else ``metric``."""
    changed = _CHANGED_TO_RE.search(norm, max(clause_start, number_start - 6), number_start)
    from_level = _FROM_RE.search(norm, max(clause_start, number_start - 8), number_start)
    if changed is None and (from_level is None or from_level.start() == number_start
                            or not _CHANGE_AFTER_RE.match(norm, number_start)):
        return metric       # 由10名专家组成: 由 without a change names no level
    if changed is not None and metric:
        rest = _METRIC_CHANGE_RE.sub("", metric)
        if len(rest) >= 2 and rest != metric:
            return rest
    return _subject(norm, clause_start, number_start) or metric


def _subject(norm: str, clause_start: int, number_start: int) -> str | None:
    """The words before 由/从 in the clause (今年全区订单班规模将由… → 订单班规模)."""
    found = _SUBJECT_RE.search(norm, clause_start, number_start)
    if found is None or found.start() == clause_start:
        return None
    lo, hi = strip_fillers(norm, clause_start, found.start())
    subject = _WHOLE_AREA_RE.sub("", norm[lo:hi])
    return subject if 2 <= len(subject) <= _MAX_SUBJECT else None

"""Metrics that a list of words hands out one by one, and comparisons with a level.

A pass over the metrics :class:`nlp.metrics.Describer` gave, in text order:

- 分别 after a list of words, before as many figures: the n-th figure measures the
  n-th word (零售业、住宿业分别增长2.6%、12% → 零售业增长, 住宿业增长). The words
  before the list are shared (增幅比1-3月、1-4月分别回落… → 增幅比1-3月回落,
  增幅比1-4月回落); a short item takes the head noun of the last one
  (新材料和生物产业 → 新材料产业). 今年 before a month base is dropped (比今年1-6月).
- 分别占X的 before as many shares, after as many figures: the n-th share is of the
  n-th figure (项目49个，投资额1768亿元，分别占全部的70%和84.8% → 项目占全部的比重 …);
- a gap over a level (增长8.4%，高于全国0.7、全省2.3个百分点) says what is higher:
  the subject of the rate before it, its 增速, and the level (…增速高于全国).

``shared_unit`` lets the scan keep a bare number that opens such a list: its unit is
the one written after the last number (0.7 → 个百分点).
"""
from __future__ import annotations

import re

_BREAK_RE = re.compile(r"[，,；;。！？!?：:\n]")
_SENTENCE_BREAK_RE = re.compile(r"[。！？!?\n]")
_ITEM_SPLIT_RE = re.compile(r"[、和及与]")
# The words before 分别 (the list), and the change word after it.
_RESPECTIVE_RE = re.compile(r"(?P<list>[^，,；;。！？!?：:\n\d]*?(?:\d+-\d+月[^，,；;。！？!?：:\n\d]*?)*)"
                            r"分别(?:比上年|较上年|同比)?(?P<change>增长|下降|增加|减少|提高|降低|上升|回落|"
                            r"收窄|扩大|加快|放缓)了?(?:为|达)?$")
# 分别占X的, before as many shares as figures before it.
_RESPECTIVE_SHARE_RE = re.compile(r"分别占(?:到|了)?(?P<whole>[^，,；;。！？!?\d]{1,20}?)的?(?:比重|比例)?(?:为|达)?$")
# Where the shared head of a list ends: a comparison word, or 中 (规上工业中).
_HEAD_END_RE = re.compile(r".*(?:比|较|其中|中)")
_HEAD_NOUNS = ("产业", "行业", "企业", "项目")
_THIS_YEAR_BASE_RE = re.compile(r"(?<=[比较])今年(?=\d)")
_JOINS = frozenset("、和及")
_LEVEL_WORDS = r"高于|低于|快于|慢于|高出|低出|超出"
_LEVEL_WORDS_RE = re.compile(_LEVEL_WORDS)
_LEVEL_RE = re.compile(rf"(?P<cmp>{_LEVEL_WORDS})(?P<base>[^\d，,；;。！？、]{{1,6}})$")
_LEVEL_NEXT_RE = re.compile(r"[、和](?P<base>[^\d，,；;。！？、]{1,6})")
_NEXT_ITEM = r"[、和及](?:[^\W\d]{1,4}?)?\d+(?:\.\d+)?"
# A bare number in a list whose last item has the unit (分别回落1.5、0.6和2.1个百分点).
_SHARED_UNIT_RE = re.compile(rf"(?:{_NEXT_ITEM})+(?P<unit>个百分点|百分点|%)")
_RATE_WORDS = ("增速", "增幅")
_CHANGE_TAIL_RE = re.compile(r"(?:同比|环比|比上年|较上年)?(?:增长|增加|下降|减少|提高|上升)$")


def shared_unit(norm: str, end: int) -> str | None:
    """The unit a bare number at ``end`` shares with the list it opens (0.7、全省2.3个百分点), or None."""
    match = _SHARED_UNIT_RE.match(norm, end)
    return None if match is None else "个百分点" if match.group("unit") != "%" else "%"


def respective_metrics(norm: str, hits: list, described: list) -> list:
    """``described`` (metric, start, end) with list-distributed and level metrics rewritten."""
    described = list(described)
    if "分别" in norm:          # both rules below need it: a document without it skips their searches
        _list_metrics(norm, hits, described)
        _share_metrics(norm, hits, described)
    if _LEVEL_WORDS_RE.search(norm):
        _level_metrics(norm, hits, described)
    return [(_THIS_YEAR_BASE_RE.sub("", m) if m else m, s, e) for m, s, e in described]


def _list_metrics(norm: str, hits: list, described: list) -> None:
    """零售业、住宿业分别增长2.6%、12%: the n-th figure measures the n-th word."""
    index = 0
    while index < len(hits):
        last = _list_end(norm, hits, index)
        items = _respective_items(norm, hits[index], last - index + 1)
        if items:
            for offset, item in enumerate(items):
                _, start, end = described[index + offset]
                described[index + offset] = (item, start, end)
        index = last + 1 if items else index + 1


def _list_end(norm: str, hits: list, first: int) -> int:
    """Index of the last hit of the list of figures that starts at ``first``."""
    last = first
    while last + 1 < len(hits) and norm[hits[last].end:hits[last + 1].start] in _JOINS:
        last += 1
    return last


def _clause_start(norm: str, position: int) -> int:
    """Start of the comma clause holding ``position``."""
    breaks = [m.end() for m in _BREAK_RE.finditer(norm, max(0, position - 80), position)]
    return breaks[-1] if breaks else max(0, position - 80)


def _respective_items(norm: str, hit, count: int) -> list[str] | None:
    """The metrics 分别 hands out to ``count`` figures starting at ``hit``, or None."""
    if count < 2:
        return None
    match = _RESPECTIVE_RE.search(norm, _clause_start(norm, hit.start), hit.start)
    if not match or not match.group("list"):
        return None
    words = match.group("list")
    head_match = _HEAD_END_RE.match(words)
    head = head_match.group(0) if head_match else ""
    items = [item for item in _ITEM_SPLIT_RE.split(words[len(head):]) if item]
    if len(items) != count or not all(items):
        return None
    head = "" if head.endswith("中") else head.replace("今年", "")
    noun = next((n for n in _HEAD_NOUNS if items[-1].endswith(n)), "")
    items = [item if item.endswith(noun) or len(item) > 4 else item + noun for item in items]
    return [head + item + match.group("change") for item in items]


def _share_metrics(norm: str, hits: list, described: list) -> None:
    """工业项目49个，合同额1768亿元，分别占全部项目的70%和84.8%: the n-th share is of the n-th figure."""
    index = 0
    while index < len(hits):
        last = _list_end(norm, hits, index)
        count = last - index + 1
        share = _RESPECTIVE_SHARE_RE.search(norm, _clause_start(norm, hits[index].start), hits[index].start)
        owners = list(range(index - count, index))
        if share and count > 1 and owners[0] >= 0 \
                and not _SENTENCE_BREAK_RE.search(norm, hits[owners[0]].end, hits[index].start) \
                and all(described[k][0] for k in owners):
            for offset, owner in enumerate(owners):
                _, start, end = described[index + offset]
                metric = described[owner][0] + "占" + share.group("whole") + "的比重"
                described[index + offset] = (metric, start, end)
        index = last + 1


def _level_metrics(norm: str, hits: list, described: list) -> None:
    """高于全国0.7、全省2.3个百分点: each gap names the subject's rate and its level."""
    subject, compared = None, None      # the rate before, and the comparison word of the gap before
    for index, hit in enumerate(hits):
        if index and _SENTENCE_BREAK_RE.search(norm, hits[index - 1].end, hit.start):
            subject = None
        level = _LEVEL_RE.search(norm, _clause_start(norm, hit.start), hit.start)
        if not level and compared and norm[hits[index - 1].end:hits[index - 1].end + 1] == "、":
            level = _LEVEL_NEXT_RE.fullmatch(norm, hits[index - 1].end, hit.start)
        compared = (level.groupdict().get("cmp") or compared) if level else None
        if level and subject and hit.unit in ("个百分点", "%"):
            _, start, end = described[index]
            described[index] = (subject + compared + level.group("base"), start, end)
        elif hit.unit == "%":
            subject = _rate_subject(described[index][0]) or subject


def _rate_subject(metric: str | None) -> str | None:
    """营收同比增长 → 营收增速; 外贸增速 stays; None for a metric that is not a rate."""
    if not metric or not (_CHANGE_TAIL_RE.search(metric) or metric.endswith(_RATE_WORDS)):
        return None
    stem = _CHANGE_TAIL_RE.sub("", metric)
    return (stem if stem.endswith(_RATE_WORDS) else stem + "增速") if stem else None

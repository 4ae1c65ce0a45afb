"""The scope of a later signing statement against the batch reported before.

EXTRACTION.md: one event per ceremony or batch; restatements and detail
sentences about it are no new events, while cumulative statements count. A
statement with a count of signed projects can therefore be:

- a restatement: the same batch told again (据了解，今年以来…实现集中签约
  项目9个，协议引资67.7亿元, with the count and amount of the batch before);
  it is folded into that batch, however far it comes;
- a sub-batch: one platform's or area's share of the ceremony (此外，X新城同样
  …共签约6个项目), or one team's or category's share of a running total
  (能源专班签约项目2个; 其中招大引强榜显示，…合同金额1755亿元), fewer projects or
  less money than the whole, told as a parallel part with no time of its
  own, or one kind of the batch with no numbers (消费品项目方面：A、B签约落地);
  folded too, and the platform is where they settle, not a side;
- a period total with a different scope (今年前三季度，该区共签约…57个): its
  own cumulative event (nlp/signing_rules.is_cumulative), whose amount the
  ceremony never takes. A quarter's or half-year's total after the year's
  (分季度看，第三季度全区签约项目33个…) names a period of its own, so it is
  such an event too, never a sub-batch.
"""
from __future__ import annotations

import re

from policyminer.records import Signing

_PARALLEL = re.compile(r"^(?:此外|另外|另|同时|与此同时|其中)[，,]?|同样|同期"
                       r"|^[^，,。；;：:]{1,12}(?:方面|领域|板块)[，,：:]|^[^，,。；;]{1,10}(?:专班|小组|榜)")
# a period of its own (第三季度, 二季度, 上半年, 1—9月): a period total, never a part of another
_OWN_PERIOD = re.compile(r"第?[一二三四1-4]季度|[上下]半年|前[一二三两]季度|\d{1,2}\s*[—\-–~至到]\s*\d{1,2}月|全年")
_LATER_GROUP = re.compile(r"^(?:同时|与此同时|此外|另外|另|随后|接着)[，,]")
_CATEGORY = re.compile(r"^[^，,。；;：:]{1,12}(?:方面|领域|板块)[，,：:]")
_SUB_REACH = 6                          # sentences after the batch's last detail
_SUB_PARAGRAPHS = 4                     # paragraphs after it


def restates(signing: Signing, earlier: list[Signing]) -> bool:
    """Whether a signing repeats an earlier event's count and amount (项目9个，协议引资
    67.7亿元 told twice): the same batch told again, no event of its own."""
    if signing.count is None or signing.amount is None:
        return False
    return any(e.count == signing.count and e.amount == signing.amount for e in earlier)


def is_sub_batch(text: str, batch: Signing, own_count: int | None, own_amount: dict | None,
                 distance: int, paragraphs: int) -> bool:
    """此外，X同样…共签约6个项目 / 能源专班签约项目2个 / 其中…榜显示，…合同金额1755亿元:
    a parallel part of the batch or total before (fewer projects, or a smaller
    amount), a few sentences or paragraphs after its last detail."""
    if not _PARALLEL.search(text) or distance > _SUB_REACH or paragraphs > _SUB_PARAGRAPHS \
            or _own_period(text, batch.text):
        return False
    if own_count is None and own_amount is None:
        return bool(_CATEGORY.match(text))      # 消费品项目方面：A、B签约落地，…: one kind of the batch
    if own_count is not None and batch.count is not None:
        return own_count < batch.count and _smaller(own_amount, batch.amount)
    return own_count is None and own_amount is not None and batch.amount is not None \
        and own_amount["value"] < batch.amount["value"]


def is_later_group(text: str, earlier_sides: list[str]) -> bool:
    """同时，我区与A、B、C、D4家银行分别签订框架协议: a second group of signings at
    a ceremony whose first group is already told; its count (4家) is that group's,
    not the ceremony's."""
    return bool(earlier_sides) and bool(_LATER_GROUP.match(text))


def _own_period(text: str, batch_text: str) -> bool:
    """Whether a statement names a period the batch's report does not (第三季度
    after 1—9月): a period total of its own, not a share (上半年 told again is one)."""
    return any(m.group() not in batch_text for m in _OWN_PERIOD.finditer(text))


def _smaller(part: dict | None, whole: dict | None) -> bool:
    """Whether a part's amount (if stated) is below the whole's (if stated)."""
    return part is None or whole is None or part["value"] < whole["value"]


def is_share(text: str, subset: bool) -> bool:
    """其中，X园区共签约项目8个: the share of a batch signed in one platform, which
    names where those projects settle rather than a side of the batch."""
    return subset and bool(re.search(r"共?签约(?:了)?(?:项目)?\d+个", text))

"""Sentences that mention a signing already reported without reporting a new one.

EXTRACTION.md: restatements and detail sentences about the same signing are
not new events. Two kinds are read here, on top of nlp/signing_comments.py:

- a verdict on its rank (A与B结对是两地合作以来，…第一次签订合作协议，双方将…;
  这是建区以来首次签约…): the signing is ranked among others, not told again,
  unless the sentence gives a date, a count or an amount of its own;
- the manner of the signing as its subject (同时，签约采用远程视频形式，…;
  此次签约以“云签约”方式进行): how the signing reported before was held.
"""
from __future__ import annotations

import re

from nlp.signing_rules import COUNT, MONEY

# 是…以来，…第一次签订 / 系…后首次签约: a ranking verdict on the signing at ``pos``
_RANK_BEFORE = re.compile(r"(?:是|系|为)[^。；;！？]{0,30}?(?:以来|之后|后)[，,]?[^。；;！？]{0,20}?(?:第一次|首次|首个|首份)$")
_OWN_DATE = re.compile(r"\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}日[，,上下]")
# 签约采用…形式 / 签约以…方式进行: the manner of a signing, the bare word as subject
_MANNER_AFTER = re.compile(r"(?:仪式|活动)?\s*(?:采用|采取|以|通过)[^。；;，,]{0,20}?(?:形式|方式)")
_MANNER_BEFORE = re.compile(r"(?:^|[，,])\s*(?:同时|此外|另外|本次|此次|这次)?[，,]?\s*$")


def is_restatement(sentence: str, pos: int) -> bool:
    """Whether the signing word at ``pos`` ranks or describes a signing already
    reported (…以来第一次签订合作协议; 同时，签约采用视频形式) instead of reporting one."""
    return ranks(sentence, pos) or describes_manner(sentence, pos)


def ranks(sentence: str, pos: int) -> bool:
    """…结对是两地合作以来，街道之间第一次签订合作协议: a verdict on the signing's
    rank, with no date, count or amount of its own."""
    if not _RANK_BEFORE.search(sentence[:pos]):
        return False
    return not (_OWN_DATE.search(sentence) or COUNT.search(sentence) or MONEY.search(sentence))


def describes_manner(sentence: str, pos: int) -> bool:
    """同时，签约采用远程视频形式 / 此次签约以视频连线方式进行: how the signing was held."""
    if not sentence.startswith("签约", pos):
        return False
    return bool(_MANNER_BEFORE.search(sentence[:pos]) and _MANNER_AFTER.match(sentence, pos + 2))

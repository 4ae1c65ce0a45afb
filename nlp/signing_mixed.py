"""Ceremonies that mix signing with groundbreaking or commissioning.

EXTRACTION.md: 开工 (construction started) is no signing, and the event's count
and amount are those of what was signed. A ceremony of 集中签约及重点项目集中开工、
竣工投产 reports its total over all kinds (此次集中签约、开工、竣工投产项目共有33
个), which is not the signing's; the share told after 其中 for the signed kind
(其中：招商引资签约项目3个，总投资约15.2亿元) is. Words of the other kinds
(开工, 竣工, 投产) never name a side either.
"""
from __future__ import annotations

import re

_OTHER_KIND = r"(?:开工|竣工|投产|奠基|开业)"
_MIXED = re.compile(rf"签约[^。；;！？]{{0,16}}?{_OTHER_KIND}|{_OTHER_KIND}[^。；;！？]{{0,16}}?签约")
_SIGNED_SHARE = re.compile(r"^(?:其中)?[^，,。；;]{0,12}?签约(?:落地|落户)?(?:项目|企业)(?:共|有)?\s*\d")
_NOT_A_SIDE = frozenset({"开工", "竣工", "投产", "奠基", "开业", "签约", "揭牌"})


def is_mixed(text: str) -> bool:
    """Whether a ceremony's report joins signing with another kind of project
    event (集中签约及重点项目集中开工、竣工投产仪式)."""
    return bool(_MIXED.search(text))


def signed_share(event_text: str, piece: str) -> bool:
    """Whether ``piece`` gives the signed kind's share of a mixed ceremony
    (其中：招商引资签约项目3个，总投资约15.2亿元): the signing's own numbers."""
    stripped = re.sub(r"^其中[，,：:]?", "", piece)
    return is_mixed(event_text) and bool(_SIGNED_SHARE.match(stripped))


def is_side(name: str) -> bool:
    """Whether a name can be a side at all: no word of a project event (开工)."""
    return name not in _NOT_A_SIDE

"""The predicate after a counted noun: what the counted ones did (项目集中签约落户… → 集中签约落户).

The metric of such a count is the predicate and the noun (集中签约落户的项目). The
predicate is cut to what says the act: adverbs of manner go (深度, 正式) but not
those naming the kind of a signing or a start (集中签约, 现场签约); a partner
introduced by 与 goes (与荣昌达成合作意向 → 达成合作意向), and so does the place
after a verb of settling (落户铜梁高新区 → 落户) and an aspect particle (了).
"""
from __future__ import annotations

import re

from nlp.metricwords import ADVERBS, is_light_verb, partner_end, pos_tag, tokenize_at

_DIGIT_RE = re.compile(r"\d")
# Adverbs that name the kind of a signing or a start (集中签约, 现场签约): kept in a predicate.
_KIND_ADVERBS = frozenset("集中 现场 云 线上".split())
_KIND_ACTS = frozenset("签约 开工 签署 签订 投产 竣工".split())
# Verbs of settling whose object is only the place settled in (落户高新区).
_SETTLING = frozenset("落户 落地 入驻 入园".split())


def predicate_phrase(norm: str, text: str, start: int, end: int) -> str | None:
    """A short verb phrase ending the clause after a figure's noun (也在区内落地 → 在区内落地)."""
    digit = _DIGIT_RE.search(norm, start, end)
    end = digit.start() if digit else end       # 获得银行贷款19.8亿元 → 获得银行贷款
    if start >= end or end - start > 16:
        return None
    tokens = tokenize_at(norm[start:end], start)
    while tokens and (tokens[0][0] in ADVERBS or pos_tag(tokens[0][0]).startswith(("d", "t"))) \
            and not (tokens[0][0] in _KIND_ADVERBS and len(tokens) > 1 and tokens[1][0] in _KIND_ACTS):
        tokens = tokens[1:]
    settle = next((i for i, t in enumerate(tokens[:-1]) if t[0] in _SETTLING), None)
    if settle is not None and settle > 0:
        tokens = tokens[:settle + 1]        # 集中签约落户高新区 → 集中签约落户: not where to
    if tokens and tokens[0][0] in ("与", "同"):
        verb = partner_end(tokens, 0)
        tokens = tokens[verb:] if verb else tokens      # 与荣昌达成合作意向 → 达成合作意向
    if not tokens or tokens[-1][2] - tokens[0][1] > 12:
        return None
    first = tokens[0][0]
    if not (pos_tag(first).startswith("v") or first in ("在", "与", "向", "同")):
        return None
    if is_light_verb(first) or any(t[0][0].isdigit() or t[0] in "、“\"的" for t in tokens):
        return None
    return "".join(text[s:e] for w, s, e in tokens if w != "了")     # 适用了 → 适用

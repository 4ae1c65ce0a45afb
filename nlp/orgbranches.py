"""Committees of the democratic parties written after the party's name.

致公党四川省委, 民盟重庆市委: the committee belongs to the party written before
it, not to the Communist Party, so the left walk's elliptical 四川省委 (read as
中共四川省委) and the dictionary's 中国致公党 give way to the one body as
written. :func:`party_branches` joins the two candidates.
"""
from __future__ import annotations

import re

from nlp.orgunits import Candidate

_DEMOCRATIC_PARTIES = ("中国国民党革命委员会", "中国民主同盟", "中国民主建国会", "中国民主促进会",
                       "中国农工民主党", "中国致公党", "九三学社", "台湾民主自治同盟",
                       "民革", "民盟", "民建", "民进", "农工党", "致公党", "台盟")
_BRANCH = re.compile("(?:" + "|".join(_DEMOCRATIC_PARTIES) + r")"
                     r"[\u4e00-\u9fff]{1,8}?[省市区县州]委(?:员会)?(?![员会])")


def party_branches(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each democratic party's committee joined into one (致公党四川省委)."""
    branches = [m.span() for m in _BRANCH.finditer(text)]
    if not branches:
        return candidates
    kept = [c for c in candidates if not any(start <= c.start and c.end <= end for start, end in branches)]
    return kept + [Candidate(start, end, "party", "dict", dict_name=text[start:end]) for start, end in branches]

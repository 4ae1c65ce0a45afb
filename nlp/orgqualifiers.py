"""Names carrying a bracketed place: 香港中文大学（深圳）, 某某集团（天津）国际教育示范园区.

A university, company or institute that opened a branch elsewhere writes the
place in brackets right after its own name; the bracket is part of the name of
that other body, and a type word may follow it (…集团（天津）…园区). The body
before the bracket, written alone elsewhere, stays a body of its own.
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgunits import Candidate

_QUALIFIED_TYPES = frozenset({"university", "company", "institute", "hospital", "school"})
_BRACKETED_PLACE = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]")
_NAME_RUN = re.compile(r"[^\W与和及同在是为的等将已并由]{2,14}")
_UNIT_TYPES = frozenset({"platform", "institute", "company", "school", "university"})


def qualified_candidates(text: str, candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Longer candidates for names followed by a bracketed place, with what follows it."""
    by_start: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_start.setdefault(c.start, []).append(c)
    found = []
    for c in candidates:
        match = _BRACKETED_PLACE.match(text, c.end)
        if not match or match.group(1) not in lexicon.places or c.type not in _QUALIFIED_TYPES:
            continue
        after = max(by_start.get(match.end(), []), key=lambda d: d.end, default=None)
        if after is not None:
            found.append(Candidate(c.start, after.end, after.type, "suffix", [*c.units, *after.units]))
            continue
        end, kind = _typed_run(text, match.end(), lexicon) or (match.end(), c.type)
        found.append(Candidate(c.start, end, kind, "suffix", list(c.units)))
    return found


def _typed_run(text: str, start: int, lexicon: Lexicon) -> tuple[int, str] | None:
    """End and type of the longest run from ``start`` that ends in a unit's type word
    (国际教育示范园区), or None."""
    run = _NAME_RUN.match(text, start)
    if not run:
        return None
    for end in range(run.end(), start + 1, -1):
        for size in range(min(end - start, 7), 1, -1):
            suffix = lexicon.suffixes.get(text[end - size:end])
            if suffix is not None and suffix.type in _UNIT_TYPES:
                return end, suffix.type
    return None

"""Bodies known only through one of their party units, written short as sides.

EXTRACTION.md: parties are the organisations of each principal side, by their
`name`, the fullest form written; elliptical names of specific bodies are
organisations. A document may name a body's party committee in full form
elsewhere (重庆市供销合作总社党委, written 市供销合作总社党委书记) while the side of
the signing is the body itself, written short (A与市供销合作总社签订…). The
body is then the unit's name without the unit word, and each bare occurrence
of that name, short or full, not followed by the unit word, is a mention of it.
"""
from __future__ import annotations

import re

from nlp.wordscan import occurrences
from policyminer.records import Organization

Mention = tuple[int, int, str]

_UNIT = re.compile(r"(?:党委|党组|党工委|机关党委|纪委|工会)$")
_SHORTEST = 4                           # a shorter parent (市委) is left to the organisation finder


def parent_mentions(text: str, organizations: list[Organization], found: list[Mention]) -> list[Mention]:
    """``found`` with mentions added of the bodies whose party unit alone is an
    organisation (市供销合作总社 of 重庆市供销合作总社党委)."""
    known = {name for _, _, name in found}
    extra: list[Mention] = []
    for org in organizations:
        unit = _UNIT.search(org.name)
        parent = org.name[:unit.start()] if unit else ""
        if len(parent) < _SHORTEST or parent in known:
            continue
        forms = {parent} | {a[:-len(unit.group())] for a in org.aliases if a.endswith(unit.group())}
        for form in sorted((f for f in forms if len(f) >= _SHORTEST), key=len, reverse=True):
            for start in occurrences(text, form):
                end = start + len(form)
                if text.startswith(unit.group(), end) or _covered(start, end, found + extra):
                    continue
                extra.append((start, end, parent))
    return sorted(found + extra)


def _covered(start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether a span overlaps a mention already found."""
    return any(s < end and start < e for s, e, _ in mentions)

"""A sentence and hand-made organisation mentions, as nlp.signing_parties takes them."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Sent:
    start: int
    end: int
    text: str


def mentions(text: str, *names: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every occurrence of each name, in text order."""
    found = [(m.start(), m.end(), name) for name in names for m in re.finditer(re.escape(name), text)]
    return sorted(found)

"""Units of a university written from inside it: 学校科学技术研究院, 学校人事处.

A report about one university calls it 学校 (or 校) once it has named it, so
学校科学技术研究院 is that university's own institute. Such a unit is expanded
with the university's name (浙江工业大学科学技术研究院), as 区政府 is expanded
with the district's; the written form stays an alias. Party committees written
this way (学校党委, 校党委) are expanded too (聊城大学党委), as the contract expands
every elliptical name of a specific body; they stay party committees. An office
written with no name at all (科技处) in a document that names a university is
that university's office too, and so is a bare 党委 written among its leaders
(党委书记…，党委副书记、校长…).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nlp.lexicon import Lexicon
from nlp.orgunits import Candidate

_HOME_PREFIX = re.compile(r"^(?:学校|校)(?=[\u4e00-\u9fff]{2})")
_OWN_BODY_TYPES = frozenset({"party", "company"})     # 校党委, 学校出版社: bodies of their own type
_ALONE_BEFORE = frozenset("、，,。；;：:\n由和与及在向校")     # what may stand before a bare 科技处
_COMMITTEE = "党委"
_BARE_COMMITTEE = re.compile(r"党委(?=书记|副书记|常委)")     # 党委书记王某，党委副书记、校长刘某
_PRESIDENT_NEAR = 30
_HOME_MARK = re.compile(r"学校|我校|本校|校党委")      # a report written from inside a university


@dataclass(frozen=True)
class Campus:
    """Where the document names universities: mention starts and names, in text order."""

    starts: tuple[int, ...] = ()
    names: tuple[str, ...] = ()

    @classmethod
    def of(cls, mentions: list[tuple[int, str]]) -> "Campus":
        """From (start, name) pairs of university mentions."""
        ordered = sorted(mentions)
        return cls(tuple(s for s, _ in ordered), tuple(n for _, n in ordered))

    def nearest(self, start: int) -> str | None:
        """The university named last before ``start``, else the first named after it."""
        if not self.names:
            return None
        i = bisect.bisect_right(self.starts, start) - 1
        return self.names[max(i, 0)]


def is_university_name(name: str, kind: str) -> bool:
    """A whole university (西南大学), not one of its units (学校科研处, 计算机学院)."""
    return kind == "university" and name.endswith("大学") and not _HOME_PREFIX.match(name)


def home_unit(written: str, kind: str, start: int, campus: Campus, lexicon: Lexicon) -> str | None:
    """学校科学技术研究院 → 浙江工业大学科学技术研究院, or None when ``written`` is no such unit."""
    if _is_office(written, lexicon):
        university = campus.nearest(start)
        return university + written if university else None
    match = _HOME_PREFIX.match(written)
    if not match or not _named_unit(written[match.end():], lexicon):
        return None
    university = campus.nearest(start)
    return university + written[match.end():] if university else None


def bare_offices(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Offices of a university written with no name at all (会上，科技处、社会合作处…).

    :func:`home_unit` names them after the document's university; where none is
    named they stay as written if the report speaks from inside one (学校, 我校),
    and are bare (dropped) otherwise."""
    found = []
    anonymous = not _HOME_MARK.search(text)
    for match in _office_pattern(lexicon).finditer(text):
        start = match.start()
        if start == 0 or text[start - 1] in _ALONE_BEFORE:
            found.append(Candidate(start, match.end(), "university", "suffix", bare=anonymous))
    return found


def bare_committees(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """党委书记…，党委副书记、校长…: a bare party committee among a university's leaders
    (a 校长 written near it) is the committee of the university named last before it."""
    campus = Campus.of([(c.start, c.dict_name or c.written(text)) for c in candidates
                        if is_university_name(c.dict_name or c.written(text), c.type)])
    found = []
    for match in _BARE_COMMITTEE.finditer(text):
        start = match.start()
        near = text[max(0, start - _PRESIDENT_NEAR):match.end() + _PRESIDENT_NEAR]
        university = campus.nearest(start)
        if university and (start == 0 or text[start - 1] in _ALONE_BEFORE) and "校长" in near:
            found.append(Candidate(start, match.end(), "party", "dict", dict_name=university + _COMMITTEE))
    return found


_OFFICE_PATTERNS: dict[int, tuple[Lexicon, re.Pattern]] = {}   # id(lexicon) -> (lexicon, pattern)


def _office_pattern(lexicon: Lexicon) -> re.Pattern:
    """The offices' alternation, built once per lexicon (the lexicon is kept so its id stays its own)."""
    cached = _OFFICE_PATTERNS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        offices = sorted((s for s in lexicon.suffixes if _is_office(s, lexicon)), key=len, reverse=True)
        cached = (lexicon, re.compile("|".join(map(re.escape, offices)) or "(?!)"))
        _OFFICE_PATTERNS[id(lexicon)] = cached
    return cached[1]


def _is_office(word: str, lexicon: Lexicon) -> bool:
    """科技处, 社会合作处: a university office's type word of three characters or more."""
    suffix = lexicon.suffixes.get(word)
    return suffix is not None and suffix.type == "university" and "part" in suffix.flags and len(word) >= 3


def _named_unit(rest: str, lexicon: Lexicon) -> bool:
    """A department (人事处), a party committee (党委), a press (出版社) or a named unit (科学技术研究院),
    not a bare kind of
    facility every school has (学校实验室, 学校食堂)."""
    suffix = lexicon.suffixes.get(rest)
    if suffix is not None and suffix.type in _OWN_BODY_TYPES:
        return True         # 党委 is a generic word alone, but 校党委 is this university's; 学校出版社
    if rest in lexicon.word_set("generic_names"):
        return False
    return suffix is None or "part" in suffix.flags or len(rest) > 3

"""Traditional-character documents: read in simplified, reported as written.

The rules and dictionaries of the pipeline are written in simplified
characters, so a traditional document (a 繁體 page of a Hong Kong or Macau
outlet, a big5 mirror of a portal) is read through its OpenCC ``t2s`` view.
That conversion keeps one character per character, so every offset found in
the view is an offset into the document as written. What the extractor
reports is then turned back into the document's own characters: EXTRACTION.md
asks for names, metrics and sentences "as written", and units "in simplified
characters".

The way back is learnt from the document itself: each simplified character is
mapped to the traditional character the document wrote at that place (the
most frequent one, where one simplified character stands for several, as 后
for 後 and 后). So a name cut from the text comes back exactly as written, and
a name the extractor completed (区政府 → 北碚区人民政府) is written in the
document's own forms. The simplified form of each organisation name is kept
among its aliases, so that a reader (or an index) working in simplified
characters still finds it.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterable

from policyminer.records import Extracted, Organization


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_TRADITIONAL_SHARE = 0.03    # share of CJK characters t2s changes in traditional text


def is_traditional(text: str) -> bool:
    """True when a noticeable share of the Chinese characters are traditional forms."""
    cjk = len(_CJK_RE.findall(text))
    if cjk < 2:
        return False
    converted = to_simplified(text)
    if len(converted) == len(text):
        changed = sum(a != b for a, b in zip(text, converted))
    else:
        changed = sum(_t2s().convert(ch) != ch for ch in set(_CJK_RE.findall(text)))
    return changed >= 2 and changed >= cjk * _TRADITIONAL_SHARE


@functools.lru_cache(maxsize=4)
def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text``, remembered for the last few texts: the organisation
    and figure extractors and :func:`is_traditional` then convert a document once."""
    return _t2s().convert(text)


def simplified_form(text: str) -> str:
    """OpenCC ``t2s`` of a short string (a name), not remembered with the documents of :func:`to_simplified`."""
    return _t2s().convert(text)


def simplified_char(ch: str) -> str:
    """OpenCC ``t2s`` of one character (the character itself when t2s would not keep it one)."""
    converted = simplified_form(ch)
    return converted if len(converted) == 1 else ch


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


class Script:
    """How to read one document (``view``) and how to write results back (``written``)."""

    def __init__(self, text: str):
        self.text = text
        self.view = text
        self._back: dict[int, str] = {}
        if not is_traditional(text):
            return
        converted = to_simplified(text)
        if len(converted) != len(text):       # a phrase conversion changed the length: read as is
            return
        self.view = converted
        self._back = learn_back_map(converted, text)

    @property
    def traditional(self) -> bool:
        """True when the document is read through a simplified view."""
        return self.view is not self.text

    def view_of(self, value: str) -> str:
        """``value`` (written like the document) as the pipeline reads it."""
        if not self.traditional or not value:
            return value
        converted = to_simplified(value)
        return converted if len(converted) == len(value) else value

    def written(self, value: str | None) -> str | None:
        """``value`` (found in the view) in the document's own characters."""
        return value.translate(self._back) if value and self._back else value

    def written_all(self, values: Iterable[str]) -> list[str]:
        return [self.written(v) for v in values]


def learn_back_map(simplified: str, written: str) -> dict[int, str]:
    """simplified character → the written character most often found in its place."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for s, w in zip(simplified, written):
        if s != w:
            seen[s][w] += 1
    back = {}
    for s, counts in seen.items():
        best, n = counts.most_common(1)[0]
        if n * 2 > simplified.count(s):
            back[ord(s)] = best     # the document mostly wrote it so (not a mixed-script text)
    return back


def as_written(record: Extracted, script: Script) -> Extracted:
    """The record with text, names, metrics and signing fields in the document's characters
    (its title is the article's own, as written)."""
    if not script.traditional:
        return record
    w = script.written
    orgs = [_org_as_written(o, w) for o in record.organizations]
    figures = [replace(f, text=script.text[f.start:f.end], metric=w(f.metric)) for f in record.figures]
    signings = [replace(s, text=script.text[s.start:s.end], parties=script.written_all(s.parties),
                        projects=script.written_all(s.projects), location=w(s.location))
                for s in record.signings]
    metadata = {k: (w(v) if isinstance(v, str) else v) for k, v in record.metadata.items()}
    return replace(record, text=script.text, organizations=orgs, figures=figures, signings=signings,
                   metadata=metadata)


def _org_as_written(org: Organization, w) -> Organization:
    name = w(org.name)
    aliases = [w(a) for a in org.aliases] + [org.name, *org.aliases]
    return replace(org, name=name, aliases=[a for a in dict.fromkeys(aliases) if a != name])


"""Every candidate span of a text, before the document resolves them into bodies.

The walker of :mod:`nlp.orgspans` gives numbered builders, dictionary names,
suffix names, enumerations and list neighbours; datelines give their outlet
(:mod:`nlp.orgdatelines`), a university's bare offices and bare
party committee come from :mod:`nlp.orgcampus`. The candidates are then corrected: local departments that
share a dictionary alias and bare departments listed after a district's body
(:mod:`nlp.orgdepartments`), facilities named after a
company (:mod:`nlp.orgprojects`), and longer names through a bracketed place
(:mod:`nlp.orgqualifiers`) or a ring's zone list (:mod:`nlp.orgrings`) are added.
"""
from __future__ import annotations

from nlp.lexicon import Lexicon
from nlp.orgcampus import bare_committees, bare_offices
from nlp.orgdatelines import dateline_candidates
from nlp.orgbranches import party_branches
from nlp.orgglue import unglue
from nlp.orgdepartments import listed_departments, local_departments
from nlp.orgprojects import company_heads
from nlp.orgqualifiers import qualified_candidates
from nlp.orgrings import ring_candidates
from nlp.orgspans import Candidate, Tokens, Walker, build_units, dictionary_hits, place_hits

_SOURCE_ORDER = {"dict": 0, "suffix": 1, "enum": 2}


def candidates_of(text: str, tokens: Tokens, lexicon: Lexicon) -> tuple[Walker, list[Candidate]]:
    """Every candidate span: numbered builders, dictionary names, suffix names, list items."""
    hits = dictionary_hits(text, lexicon, tokens.starts, tokens.ends)
    places = place_hits(text, lexicon, tokens.starts, tokens.ends)
    walker = Walker(text, build_units(text, tokens, hits, lexicon, places), lexicon)
    named = walker.suffix_candidates()
    found = _fix_title_and_xiaodi(text, walker.numbered_candidates()
                                  + walker.dictionary_candidates(hits) + named
                                  + walker.enumeration_candidates() + walker.neighbour_candidates(named)
                                  + dateline_candidates(text) + bare_offices(text, lexicon))
    found = party_branches(text, unglue(text, found, lexicon))
    found = company_heads(text, local_departments(text, found, lexicon))
    found = listed_departments(text, found, lexicon) + bare_committees(text, found) + found   # first: they win
    return walker, dedupe(found + qualified_candidates(text, found, lexicon) + ring_candidates(text, found, lexicon))


def _fix_title_and_xiaodi(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates jieba's cuts get wrong: 市委常委 (a title; the body is 市委),
    and 重庆大学校地合作, read 大|学校|地, which makes a school 重庆大学校 (the
    body is the university; 校地 = university and locality)."""
    result = []
    for c in candidates:
        written = c.written(text)
        if written.endswith("常委") and c.source == "suffix":
            continue                    # 市委常委: a member's title; 市委 is the body
        if written.endswith("大学校") and text.startswith("地", c.end):
            c = Candidate(c.start, c.end - 1, "university", c.source)
        result.append(c)
    return result


def dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per span; dictionary hits win over rule hits."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in sorted(candidates, key=lambda c: _SOURCE_ORDER[c.source]):
        best.setdefault((c.start, c.end), c)
    return sorted(best.values(), key=lambda c: (c.start, -c.end))

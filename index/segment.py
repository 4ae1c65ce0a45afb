"""Text normalisation and the ranking analyzer shared by indexing and queries.

Three views of one text:

* ``fold(text)`` — compatibility-normalised (NFKC) and lower-cased *character
  by character*, so it has exactly the length of ``text`` and offsets found
  in it are offsets into the original (used for snippets).
* ``search_text(text)`` — ``fold`` plus whitespace runs collapsed to one
  space: the form in which every query term is matched as a substring.
* ``tokens(text)`` — the ranking analyzer: runs of CJK characters become
  overlapping bigrams (重庆大学 → 重庆 庆大 大学), other letter/digit runs
  stay whole (5g, 2024). A Chinese term of two or more characters is then a
  phrase of consecutive bigrams wherever it occurs, whatever a word
  segmenter would have made of its surroundings, so BM25 counts exactly the
  occurrences the substring match finds.

Why bigrams and not jieba: jieba segments about 0.4 M characters a second on
this hardware, four to ten times too slow for bulk loading, and its words
cut through the substrings users search for (重庆大学 inside
重庆大学知识产权运营有限公司 may or may not come out as one word). Bigrams
are the classic CJK index unit (Lucene's CJK analyzer) and cost almost nothing.
"""
from __future__ import annotations

import operator
import re
import unicodedata

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
_RUN = re.compile(f"([{CJK_RANGES}]+)|((?:(?![{CJK_RANGES}])[^\\W_])+)")
_SPACES = re.compile(r"\s+")

ANALYZER = "cjk-bigram-1"
"""Name of the analyzer; an index records it and refuses a different one."""


class _FoldTable(dict):
    """A ``str.translate`` table that folds each character on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char).lower()
        value = folded if len(folded) == 1 else char.lower() if len(char.lower()) == 1 else char
        self[code] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """NFKC-normalise and lower-case ``text`` without changing its length.

    Full-width letters, digits and punctuation become their ASCII forms
    (５Ｇ → 5g, ：→ :); a character whose normal form is longer than one
    character (㈱, ﬁ) is kept as it is.
    """
    return text.translate(_FOLD)


def search_text(text: str) -> str:
    """The matching form of a text or a query term: folded, spaces collapsed."""
    return _SPACES.sub(" ", fold(text)).strip()


def canonical(name: str) -> str:
    """The form names are compared in: folded, without spaces."""
    return search_text(name).replace(" ", "")


def is_cjk(text: str) -> bool:
    """True when every character of ``text`` is a CJK ideograph."""
    return bool(text) and all(_CJK_CHAR.match(char) for char in text)


def tokens(text: str) -> list[str]:
    """The ranking tokens of ``text``: CJK bigrams and whole letter/digit runs."""
    return index_text(text).split()


def index_text(text: str) -> str:
    """The tokens of ``text`` joined by spaces, as the full-text table stores them."""
    return _bigrams(fold(text))


def index_forms(text: str) -> tuple[str, str]:
    """``(index_text(text), search_text(text))``, folding only once."""
    folded = fold(text)
    return _bigrams(folded), _SPACES.sub(" ", folded).strip()


def _bigrams(folded: str) -> str:
    parts = []
    for cjk, other in _RUN.findall(folded):
        if other or len(cjk) == 1:
            parts.append(other or cjk)
        else:
            parts.append(" ".join(map(operator.add, cjk, cjk[1:])))
    return " ".join(parts)

"""Finding the words of a large list in a text, fast.

A regular expression ``a|b|c…`` built from thousands of names tries every
alternative at every position of the text, which makes it slow. A
:class:`WordScanner` finds the same matches (leftmost, longest at each
position, never overlapping, exactly like ``re.finditer`` over the
alternation sorted longest first) in two steps:

1. a small regular expression made of character classes finds the positions
   whose first characters (three, or fewer when a word is shorter) could
   begin a word: a few percent of a Chinese text;
2. at each of those, a dictionary keyed by these first characters gives the
   lengths worth trying, longest first, and a set lookup confirms.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_KEY_SIZE = 3       # characters of a word that select it (fewer for shorter words)


class WordScanner:
    """Leftmost-longest, non-overlapping matches of a fixed set of words."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if w)
        self.key_size = min(_KEY_SIZE, min((len(w) for w in self.words), default=1))
        lengths: dict[str, set[int]] = {}
        for word in self.words:
            lengths.setdefault(word[:self.key_size], set()).add(len(word))
        self.lengths = {key: sorted(sizes, reverse=True) for key, sizes in lengths.items()}
        classes = [_char_class({key[i] for key in self.lengths}) for i in range(self.key_size)]
        # The first class outside the lookahead lets the regex engine skip ahead on it.
        ahead = "(?=" + "".join(classes[1:]) + ")" if len(classes) > 1 else ""
        self.starts = re.compile(classes[0] + ahead) if self.words else None

    def __bool__(self) -> bool:
        return bool(self.words)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every match, in text order."""
        if self.starts is None:
            return []
        found, free = [], 0
        lengths, words, key_size = self.lengths, self.words, self.key_size
        for candidate in self.starts.finditer(text):
            position = candidate.start()
            if position < free:
                continue                    # inside the previous match
            for size in lengths.get(text[position:position + key_size], ()):    # longest first
                piece = text[position:position + size]
                if piece in words:          # near the end of the text, shorter than size
                    free = position + len(piece)
                    found.append((position, free, piece))
                    break
        return found

    def remove(self, text: str) -> str:
        """``text`` without its matches (as ``pattern.sub("", text)``)."""
        pieces, position = [], 0
        for start, end, _ in self.find_all(text):
            pieces.append(text[position:start])
            position = end
        pieces.append(text[position:])
        return "".join(pieces)


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """The matches a :class:`WordScanner` of ``words`` would find, for a few words.

    Meant for short per-document lists (a document's own names), where building
    a scanner costs more than the scan: every occurrence of every word is found
    with ``str.find``, then the leftmost (and there the longest) is kept and
    the scan goes on after it.
    """
    starts = sorted((start, -len(word), word) for word in set(words) if word
                    for start in occurrences(text, word, overlapping=True))
    found, free = [], 0
    for start, _, word in starts:
        if start >= free:
            found.append((start, start + len(word), word))
            free = start + len(word)
    return found


def word_starts(text: str, words: frozenset[str]) -> set[int]:
    """Starts of ``words`` in ``text``: the union of :func:`occurrences` of each word.

    Words of two characters or more that cannot overlap themselves are found in
    one pass (a two-character class pattern, then ``str.startswith``); the others
    word by word.
    """
    finder, tail, others = _start_finder(words)
    found = {m.start() for m in finder.finditer(text) if text.startswith(tail, m.start())} \
        if finder is not None else set()
    for word in others:
        if word in text:
            found.update(occurrences(text, word))
    return found


@functools.lru_cache(maxsize=16)
def _start_finder(words: frozenset[str]) -> tuple[re.Pattern | None, tuple[str, ...], tuple[str, ...]]:
    joint = tuple(w for w in words if len(w) >= 2 and not _overlaps_itself(w))
    others = tuple(w for w in words if w and w not in joint)
    if not joint:
        return None, (), others
    pattern = re.compile(_char_class({w[0] for w in joint}) + "(?=" + _char_class({w[1] for w in joint}) + ")")
    return pattern, joint, others


def _overlaps_itself(word: str) -> bool:
    """Whether two occurrences of ``word`` can overlap (a start that is also an end: 学生学)."""
    return any(word[:k] == word[-k:] for k in range(1, len(word)))


def occurrences(text: str, word: str, *, overlapping: bool = False, begin: int = 0) -> list[int]:
    """Starts of ``word`` in ``text`` from ``begin`` on: as ``re.finditer`` finds it
    (in ``text[begin:]``), or every one when ``overlapping``."""
    if not word:
        raise ValueError("occurrences() needs a non-empty word")
    found = []
    step = 1 if overlapping else len(word)
    start = text.find(word, begin)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + step)
    return found


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"

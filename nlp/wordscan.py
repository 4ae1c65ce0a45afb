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
        self.starts = re.compile("(?=" + "".join(classes) + ")") if self.words else None

    def __bool__(self) -> bool:
        return bool(self.words)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every match, in text order."""
        if self.starts is None:
            return []
        found, free = [], 0
        for candidate in self.starts.finditer(text):
            position = candidate.start()
            if position < free:
                continue                    # inside the previous match
            word = self._longest_at(text, position)
            if word is not None:
                found.append((position, position + len(word), word))
                free = position + len(word)
        return found

    def _longest_at(self, text: str, position: int) -> str | None:
        for size in self.lengths.get(text[position:position + self.key_size], ()):
            piece = text[position:position + size]
            if piece in self.words:
                return piece
        return None

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


def occurrences(text: str, word: str, *, overlapping: bool = False) -> list[int]:
    """Starts of ``word`` in ``text``: as ``re.finditer`` finds it, or every one when ``overlapping``."""
    if not word:
        raise ValueError("occurrences() needs a non-empty word")
    found = []
    step = 1 if overlapping else len(word)
    start = text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + step)
    return found


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"

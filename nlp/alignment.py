"""Aligning annotations with a text and with each other, for ``policyminer eval``.

Text is located whitespace-insensitively (hard-wrapped lines still match) and
after folding full-width forms, curly quotes and traditional characters (an
annotator may write a 繁體 document's names in either script); offsets found are always
``[start, end)`` into the original text. Gold entries are paired with
predictions one-to-one: by maximum matching, or by largest span overlap first.
"""
from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import Any, Callable, Iterable, Mapping, Sequence

_TERMINATORS = frozenset("。！？!?；;")
_QUOTES = dict.fromkeys(map(ord, "“”„‟\"'‘’《》「」『』〈〉"), None)

Span = tuple[int, int]     # [start, end) in a text
Pair = tuple[int, int]     # (gold index, predicted index)


# ---------------------------------------------------------------- text

@functools.lru_cache(maxsize=1 << 15)
def _fold_char(ch: str) -> str:
    """One character after NFKC, quote folding and OpenCC t2s (kept 1:1, so offsets survive)."""
    if ch in "“”„‟":
        return '"'
    if ch in "‘’":
        return "'"
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return ch
    if "\u4e00" <= folded <= "\u9fff":
        from nlp.script import simplified_char
        return simplified_char(folded)
    return folded


def fold_name(name: str) -> str:
    """An organisation name normalised for matching: no quotes, spaces or width."""
    text = "".join(_fold_char(ch) for ch in name if not ch.isspace())
    return text.translate(_QUOTES)


class Located:
    """A text searchable whitespace-insensitively, with sentence spans."""

    def __init__(self, text: str):
        self.text = text
        self._index = [i for i, ch in enumerate(text) if not ch.isspace()]
        self._squeezed = "".join(_fold_char(text[i]) for i in self._index)

    def find_all(self, needle: str) -> list[Span]:
        """Every [start, end) where ``needle`` occurs, ignoring whitespace."""
        squeezed = "".join(_fold_char(ch) for ch in needle if not ch.isspace())
        spans, pos = [], self._squeezed.find(squeezed) if squeezed else -1
        while pos >= 0:
            spans.append((self._index[pos], self._index[pos + len(squeezed) - 1] + 1))
            pos = self._squeezed.find(squeezed, pos + 1)
        return spans

    def find(self, needle: str, nth: int = 0) -> Span | None:
        """The ``nth`` occurrence of ``needle``, or None."""
        spans = self.find_all(needle)
        return spans[nth] if nth < len(spans) else None

    def sentence(self, span: Span) -> Span:
        """``span`` widened to the sentence around it (terminators 。！？；)."""
        start, end = span
        while start > 0 and self.text[start - 1] not in _TERMINATORS:
            start -= 1
        while end < len(self.text) and self.text[end - 1] not in _TERMINATORS:
            end += 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end


def overlap(a: Span | None, b: Span | None) -> int:
    """Characters shared by two spans (0 when either is None)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate_all(texts: Iterable[str], where: Located) -> list[Span | None]:
    """Locate each text; the n-th repeat of a text takes its n-th occurrence."""
    seen: Counter[str] = Counter()
    spans = []
    for text in texts:
        spans.append(where.find(text, seen[text]) if text else None)
        seen[text] += 1
    return spans


# ---------------------------------------------------------------- pairing

def max_matching(n_gold: int, n_pred: int, ok: Callable[[int, int], Any]) -> list[Pair]:
    """A maximum one-to-one matching (augmenting paths); gold i tries preds in order."""
    edges = [[p for p in range(n_pred) if ok(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def pred_span(item: Mapping[str, Any], where: Located) -> Span | None:
    """The [start, end) of a predicted entry: its own offsets when valid, else its text located."""
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(where.text):
        return start, end
    text = item.get("text")
    return where.find(text) if isinstance(text, str) and text else None


def pair_spans(gold: Sequence, pred: Sequence, ok: Callable[[int, int], bool]) -> list[Pair]:
    """Pair overlapping spans, largest overlap first; then unlocated ones by ``ok`` in order."""
    ranked = sorted((-overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if overlap(g, p) > 0 and ok(i, j))
    by_position = sorted(range(len(pred)), key=lambda j: (pred[j] is None, pred[j] or (0, 0), j))
    unlocated = [(i, j) for i in range(len(gold)) for j in by_position
                 if (gold[i] is None or pred[j] is None) and ok(i, j)]
    pairs: dict[int, int] = {}
    for i, j in [(i, j) for _, i, j in ranked] + unlocated:
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return sorted(pairs.items())

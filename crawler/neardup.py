"""Near-duplicate detection: 64-bit SimHash over character shingles.

The same story syndicated on several portals differs in page chrome, a
byline or a sentence; its cleaned text shares almost all character 3-grams.
SimHash maps a text to 64 bits so that similar texts differ in few bits; the
store finds candidates through eight 8-bit bands (two fingerprints within 7
bits of each other agree on at least one band). A candidate within
``SURE_DISTANCE`` bits is a duplicate; one further away is confirmed by the
containment of its shingles (a short copy inside a longer one counts).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

BITS = 64
BANDS = 8
SURE_DISTANCE = 3       # this close: a duplicate without further checks
CANDIDATE_DISTANCE = 12 # this close: a duplicate if its shingles are contained
MIN_CONTAINMENT = 0.8
MIN_CHARS = 80          # shorter texts are too small to call duplicates
_MASK = (1 << BITS) - 1
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """NFKC, lower case, without whitespace or punctuation (they vary between copies)."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, size: int = 3) -> set[str]:
    """The set of character ``size``-grams of the normalised text."""
    clean = normalise(text)
    if len(clean) <= size:
        return {clean} if clean else set()
    return {clean[i:i + size] for i in range(len(clean) - size + 1)}


def simhash(text: str, size: int = 3) -> int | None:
    """The 64-bit SimHash of ``text``; None when the text is too short to compare."""
    grams = shingles(text, size)
    if len(normalise(text)) < MIN_CHARS:
        return None
    import numpy as np

    values = np.array([_hash64(gram) for gram in grams], dtype=np.uint64)
    ones = ((values[:, None] >> np.arange(BITS, dtype=np.uint64)) & np.uint64(1)).sum(axis=0)
    return sum(1 << bit for bit in range(BITS) if 2 * int(ones[bit]) > len(values))


def _hash64(gram: str) -> int:
    return int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")


def distance(a: int, b: int) -> int:
    """Hamming distance of two fingerprints."""
    return bin((a ^ b) & _MASK).count("1")


def band_keys(value: int) -> list[int]:
    """One lookup key per band: the band's index in the top bits, its value below."""
    width = BITS // BANDS
    return [(band << width) | (value >> (band * width) & ((1 << width) - 1)) for band in range(BANDS)]


def to_signed(value: int) -> int:
    """A 64-bit unsigned fingerprint as SQLite's signed INTEGER."""
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def from_signed(value: int) -> int:
    """The inverse of :func:`to_signed`."""
    return value + (1 << BITS) if value < 0 else value


def containment(a: str, b: str, size: int = 3) -> float:
    """Share of the smaller text's shingles found in the other (1.0: one contains the other)."""
    first, second = shingles(a, size), shingles(b, size)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))

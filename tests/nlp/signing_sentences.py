"""Helpers of the signing tests: a sentence and hand-made mentions, as nlp.signing_parties
takes them, and the signings the whole pipeline reads in a short text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.pipeline import extract_article
from policyminer.records import Article


@dataclass
class Sent:
    start: int
    end: int
    text: str


def mentions(text: str, *names: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every occurrence of each name, in text order."""
    found = [(m.start(), m.end(), name) for name in names for m in re.finditer(re.escape(name), text)]
    return sorted(found)


def read_signings(text: str, published: str | None) -> list:
    """The signings extract_article finds in ``text``, each checked to sit at its offsets."""
    record = extract_article(Article(url="test:signings", title="", published=published, text=text))
    for signing in record.signings:
        assert text[signing.start:signing.end] == signing.text
    return record.signings


def read_one(text: str, published: str | None):
    """The one signing of ``text`` (fails when there are none or several)."""
    found = read_signings(text, published)
    assert len(found) == 1, [s.text for s in found]
    return found[0]

"""Candidate names that only look like bodies: a common word ending in a one-character type word.

局 ends a bureau (招商局) but also 布局, 格局 and 结局; 委 ends a committee but also
村委 of a village. When jieba reads the end of a name as one common word (not an
organisation word such as 财政局) whose last two characters are such a word
(listed in generic_names.txt, and no type word themselves), the name is that word
with a modifier in front (产业布局, 发展格局), not a body. Rooms of a building
(会议厅, 报告厅) end venues, not bodies, whatever comes before them. A name
written only as what a project will become (集…为一体的…产业服务园区) describes
the project, not a body.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.lexicon import Lexicon
from nlp.orgunits import tokenize, word_tag

if TYPE_CHECKING:
    from nlp.organizations import Group

_ORG_TAG = "nt"
_DESCRIBED_BEFORE = re.compile(r"(?:[为于]一体的|将成为)$")


def ends_in_common_word(name: str, lexicon: Lexicon) -> bool:
    """产业布局, 发展格局: the name's last word is a common word, not a type word;
    东方红会议厅: the name ends in a room of a building (venue_words.txt)."""
    if name.endswith(tuple(lexicon.word_set("venue_words"))):
        return True
    tail = name[-2:]
    if len(name) <= 2 or tail not in lexicon.word_set("generic_names") or tail in lexicon.suffixes \
            or name[-1:] not in lexicon.suffixes:
        return False
    last = tokenize(name)[-1][0]
    return len(last) >= 2 and last.endswith(tail) and word_tag(last) != _ORG_TAG


def only_described(text: str, group: "Group") -> bool:
    """Every mention says what a project will become (集…为一体的X, 将成为X)."""
    return bool(group.candidates) and not group.dict_name and all(
        _DESCRIBED_BEFORE.search(text, max(0, c.start - 5), c.start) for c in group.candidates)

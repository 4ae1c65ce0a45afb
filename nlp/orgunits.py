"""Units: the pieces of a text that organisation names are built from.

A unit is a jieba token, or a dictionary name or place name that jieba may
have cut apart (璧山区, 文化和旅游) made into one piece. Each unit carries the tag
the left walk of nlp.orgspans reads: PLACE, ORG (a dictionary name), m
(digits), jieba's part-of-speech tag, ? (unknown Chinese) or x.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from operator import itemgetter

from nlp.lexicon import Lexicon

LEVEL_CHARS = frozenset("区市县省镇乡州")
PARENT_ENDINGS = ("大学", "银行", "集团", "有限公司")   # 西南交通大学|郫|都|产业技术研究院
BRANCH_WORDS = ("支行", "分行", "分公司", "分局", "营业部", "分院")    # 郫|都|支行: a branch named by its county
_WORD = itemgetter(0)       # of a token (word, start, end)
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "j", "?"})
# Tags jieba gives the short name of a place besides name tags: 大足 and 大连 are
# read as adverbs, 攀枝花 as an idiom; none of them is a function word in a name.
_SHORT_PLACE_TAGS = NAME_TAGS | {"d", "i", "r", "c", "q", "mq"}


@dataclass(slots=True)
class Unit:
    """A piece of text the left walk steps over: a token or a dictionary name."""

    text: str
    start: int
    end: int
    tag: str


@dataclass(slots=True)
class Candidate:
    """A possible organisation mention before in-document resolution."""

    start: int
    end: int
    type: str
    source: str                       # "suffix", "dict", "enum"
    units: list[Unit] = field(default_factory=list)
    bare: bool = False                # nothing but a type word (研究院, 创新生态圈)
    elliptic: bool = False            # starts with a bare 区/市/县 (区政府, 市委)
    dict_name: str | None = None      # canonical dictionary name, for dictionary hits
    prefix: str = ""                  # the committee a bare department belongs to (区委 for 宣传部)

    def written(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class Tokens:
    """The non-empty tokens (word, start, end) of a text, and where they start and end."""

    items: list[tuple[str, int, int]]
    starts: set[int]
    ends: set[int]

    @classmethod
    def of(cls, tokens: list[tuple[str, int, int]]) -> "Tokens":
        items = [t for t in tokens if t[2] > t[1]]
        return cls(items, {t[1] for t in items}, {t[2] for t in items})


@functools.lru_cache(maxsize=1)
def _tag_table() -> dict[str, str]:
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    return jieba.posseg.dt.word_tag_tab


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of ``word``, None when jieba does not know it."""
    return _tag_table().get(word)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """jieba tokens (word, start, end) of ``text``."""
    import jieba
    from nlp.segmenter import tokenize as jieba_tokenize      # jieba.tokenize(text), faster
    jieba.setLogLevel(60)
    return jieba_tokenize(text)


def dictionary_hits(text: str, lexicon: Lexicon, token_starts: set[int],
                    token_ends: set[int]) -> list[tuple[int, int, str]]:
    """Dictionary names and unambiguous aliases aligned with token edges: (start, end, name)."""
    hits = []
    for start, end, surface in lexicon.surface_scanner.find_all(text):
        if surface not in lexicon.surface:
            continue
        if _aligned_start(text, start, token_starts) and _aligned_end(text, end, token_ends, lexicon):
            hits.append((start, end, lexicon.surface[surface]))
    return hits


def _aligned_start(text: str, start: int, token_starts: set[int]) -> bool:
    return start in token_starts or start == 0 or not is_name_char(text[start - 1])


def _aligned_end(text: str, end: int, token_ends: set[int], lexicon: Lexicon) -> bool:
    if end in token_ends or end == len(text) or not is_name_char(text[end]):
        return True
    return text.startswith(tuple(lexicon.word_set("role_words")), end)


def place_hits(text: str, lexicon: Lexicon, token_starts: set[int],
               token_ends: set[int]) -> list[tuple[int, int, str]]:
    """Full place names (璧山区), name phrases (文化和旅游) and, between a parent body and
    its branch, short place names (郫都) that jieba may have cut apart."""
    found = []
    for scanner in (lexicon.place_scanner, lexicon.phrase_scanner):
        found += [hit for hit in scanner.find_all(text)
                  if hit[0] in token_starts and hit[1] in token_ends]
    found += [hit for hit in lexicon.short_place_scanner.find_all(text)
              if hit[0] in token_starts and hit[1] in token_ends
              and (text.startswith(BRANCH_WORDS, hit[1]) or text.endswith(PARENT_ENDINGS, 0, hit[0]))]
    return found


def build_units(text: str, tokens: Tokens, hits: list[tuple[int, int, str]],
                lexicon: Lexicon, places: list[tuple[int, int, str]] = ()) -> list[Unit]:
    """Tokens re-cut so that each dictionary hit or place name is one unit, tagged for the walk."""
    taken = {i for start, end, _ in hits for i in range(start, end)}
    hits = list(hits) + [p for p in places if not taken & set(range(p[0], p[1]))]
    cuts = _cuts(text, tokens, hits, lexicon)
    words = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    tags = _tags(words, lexicon)
    for start, end, name in hits:
        i = bisect.bisect_left(cuts, start)
        if name in lexicon.entries and cuts[i] == start and cuts[i + 1] == end:
            tags[i] = "ORG"             # a dictionary name that is one unit
    return list(map(Unit, words, cuts, cuts[1:], tags))


def _cuts(text: str, tokens: Tokens, hits: list[tuple[int, int, str]], lexicon: Lexicon) -> list[int]:
    """Where units start and end: token and hit edges, none inside a hit."""
    cuts = tokens.starts | tokens.ends
    cuts.update((0, len(text)))
    pairs = _stop_level_pairs(lexicon.word_set("stop_words"))
    if not pairs.isdisjoint(map(_WORD, tokens.items)):       # rare: look for them only then
        cuts.update(start + 1 for word, start, _ in tokens.items if word in pairs)  # 由县经济信息委: 由 | 县
    inside = set()
    for start, end, _ in hits:
        cuts.update((start, end))
        inside.update(range(start + 1, end))
    return sorted(cuts - inside)


@functools.lru_cache(maxsize=4)
def _stop_level_pairs(stops: frozenset[str]) -> frozenset[str]:
    """Two-character tokens made of a one-character stop word and a level (由县, 在区)."""
    return frozenset(stop + level for stop in stops if len(stop) == 1 for level in LEVEL_CHARS)


def _tags(words: list[str], lexicon: Lexicon) -> list[str]:
    """The walk's tag of each word: PLACE, m (digits), jieba's tag, ? (unknown CJK) or x.

    A word's tag depends on the word and the lexicon only, so tags are kept per
    lexicon: most words of a document were seen in the documents before it.
    """
    memo = _tag_memo(lexicon)
    tags = list(map(memo.get, words))
    if None in tags:
        table, places = _tag_table(), lexicon.places
        for i, tag in enumerate(tags):
            if tag is None:
                tags[i] = memo[words[i]] = _tag_of(words[i], table, places)
    return tags


_MEMO_LIMIT = 200_000       # words per lexicon; the memo starts afresh past it
_tag_memos: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _tag_memo(lexicon: Lexicon) -> dict[str, str]:
    kept = _tag_memos.get(id(lexicon))
    if kept is None or kept[0] is not lexicon or len(kept[1]) > _MEMO_LIMIT:
        if len(_tag_memos) > 16:
            _tag_memos.clear()
        kept = _tag_memos[id(lexicon)] = (lexicon, {})
    return kept[1]


def _tag_of(word: str, table: dict[str, str], places: dict[str, str]) -> str:
    tag = table.get(word)
    full = places.get(word)
    if full is not None and len(word) >= 2 and (full == word or (tag or "?") in _SHORT_PLACE_TAGS):
        return "PLACE"
    if word.isdigit():
        return "m"
    if tag is None:
        return "?" if is_name_char(word[0]) else "x"
    return tag


def is_name_char(char: str) -> bool:
    """A CJK ideograph or an ASCII letter, the characters names are made of."""
    return "\u4e00" <= char <= "\u9fff" or "A" <= char <= "Z" or "a" <= char <= "z"

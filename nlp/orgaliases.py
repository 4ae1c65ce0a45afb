"""Aliases within one document, and the mentions of each organisation.

- relations written next to a name: 市场监督管理局(知识产权局), A暨B, A挂牌B;
- short forms that end a longer name (大学科技园 → 北碚国家大学科技园) or
  replace a name inside it by its type word (环大学创新生态圈 → 环西南大学创新生态圈);
- abbreviations built from word initials (西大, 柑研所, 产研院) and the
  ambiguous dictionary aliases (重大) where they stand on their own.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from nlp.lexicon import Lexicon
from nlp.orgcompanies import company_short, subsequence as _subsequence
from nlp.wordscan import find_words, occurrences

if TYPE_CHECKING:
    from nlp.organizations import Group

_OPEN = {"(": ")", "（": "）"}
_JOINERS = {"暨": True, "挂牌": False}         # joiner -> also keep the joined string
_ABBREVIATION_HEADS = (
    ("研究所", ("所", "研所")), ("研究院", ("院", "研院")), ("科学院", ("科院",)),
    ("师范大学", ("师大",)), ("职业大学", ("职大",)), ("大学", ("大",)), ("学院", ("院",)),
)
_SHORT_FORM = re.compile(r"(以下简称|以下称|下称|简称)?[“\"]?([\u4e00-\u9fffA-Za-z0-9]{2,10})[”\"]?")
_STANDALONE_AFTER = re.compile(r"[，。、；：,.;:！？!?）)”」\s]|$")


# ----------------------------------------------------------- written relations

def link_relations(text: str, groups: list["Group"]) -> list["Group"]:
    """Merge bodies tied by brackets, 暨 or 挂牌 into the first one."""
    by_start = {}
    for group in groups:
        for c in group.candidates:
            if c.start not in by_start or by_start[c.start][0].end < c.end:
                by_start[c.start] = (c, group)
    removed: set[int] = set()
    for group in groups:
        for c in list(group.candidates):
            _link_after(text, group, c, by_start, removed)
    return [g for g in groups if id(g) not in removed]


def _link_after(text, group, candidate, by_start, removed) -> None:
    end = candidate.end
    opener = text[end:end + 1]
    if opener in _OPEN:
        if _short_in_brackets(text, group, end, by_start, removed):
            return
        inner = by_start.get(end + 1)
        if inner and text[inner[0].end:inner[0].end + 1] == _OPEN[opener]:
            other = inner[1]
            if _same_office(group, other, inner[0]) and id(other) not in removed:
                group.absorb(other, text[candidate.start:inner[0].end + 1])
                removed.add(id(other))
        return
    for joiner, keep_joined in _JOINERS.items():
        if text.startswith(joiner, end):
            inner = by_start.get(end + len(joiner))
            if inner and inner[1] is not group and id(inner[1]) not in removed:
                extra = [text[candidate.start:inner[0].end]] if keep_joined else []
                group.absorb(inner[1], *extra)
                removed.add(id(inner[1]))


def _short_in_brackets(text, group, end, by_start, removed) -> bool:
    """全称（以下简称“简称”）: a bracketed short form made of the name's own characters."""
    close = text.find(_OPEN[text[end]], end + 1, end + 20)
    match = _SHORT_FORM.fullmatch(text[end + 1:close]) if close > 0 else None
    if not match or not (_subsequence(match.group(2), group.name)
                         or match.group(1) and set(match.group(2)) <= set(group.name)):
        return False        # 以下简称 may reorder: 中国电信…重庆分公司（以下简称“重庆电信”）
    short = match.group(2)
    if not 2 <= len(short) < len(group.name) or short[0] != group.name[0] and not match.group(1):
        return False
    group.aliases.append(short)
    inner = by_start.get(match.start(2) + end + 1)
    if inner and inner[1] is not group and id(inner[1]) not in removed:
        group.absorb(inner[1])
        removed.add(id(inner[1]))
    return True


def _same_office(group, other, inner) -> bool:
    """知识产权局 in 市场监督管理局(知识产权局): a second plaque of the same office."""
    if group.type != "government" or other.type != "government" or other is group:
        return False
    return not any(u.tag in ("PLACE", "ORG") for u in inner.units)


# ----------------------------------------------------------- short forms

def link_short_forms(groups: list["Group"], lexicon: Lexicon) -> list["Group"]:
    """Merge a short form into the one longer name it abbreviates in place."""
    removed: set[int] = set()
    long_forms = _LongForms(lexicon)
    pools = _TargetPools(groups)
    for short in sorted(groups, key=lambda g: -len(g.name)):
        forms = _short_forms(short, lexicon)
        if not forms and short.type != "company":
            continue
        pool = pools.possible(short, forms)
        targets = [g for g in groups if id(g) in pool and g is not short and id(g) not in removed
                   and _shortens(short, forms, g, long_forms)]
        if len(targets) == 1:
            targets[0].absorb(short)
            long_forms.grew(targets[0])
            removed.add(id(short))
    return [g for g in groups if id(g) not in removed]


class _TargetPools:
    """The groups a short form may shorten, narrowed cheaply before :func:`_shortens`.

    A form that ends a longer name or equals one of its generic variants ends with the
    name's (or a form's) last character, as a short key ends the full key; only the
    company and the university rules look further.
    """

    def __init__(self, groups: list["Group"]):
        self.by_last: defaultdict[str, set[int]] = defaultdict(set)
        for group in groups:
            for written in (group.name, *group.forms, group.key):
                self.by_last[written[-1:]].add(id(group))
        self.companies = {id(g) for g in groups if g.type == "company"}
        self.universities = {id(g) for g in groups if g.type == "university"}

    def possible(self, short: "Group", forms: list[str]) -> set[int]:
        """Ids of the groups that ``short`` (with usable ``forms``) may shorten."""
        pool = set(self.companies) if short.type == "company" else set()
        if forms:
            pool |= self.universities
            for written in (short.key, *forms):
                pool |= self.by_last.get(written[-1:], set())
        return pool


class _LongForms:
    """What the short forms of one pass are matched against, worked out once per group."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._longer: dict[int, list[str]] = {}
        self._variants: dict[int, set[str]] = {}
        self.cores: dict[tuple[str, bool], str] = {}      # company cores, see company_short

    def longer(self, group: "Group") -> list[str]:
        """The group's name and forms of three characters or more."""
        if id(group) not in self._longer:
            self._longer[id(group)] = [f for f in [group.name, *group.forms] if len(f) > 2]
        return self._longer[id(group)]

    def variants(self, group: "Group") -> set[str]:
        """:func:`_generic_variants` of the group."""
        if id(group) not in self._variants:
            self._variants[id(group)] = _generic_variants(group, self.lexicon)
        return self._variants[id(group)]

    def grew(self, group: "Group") -> None:
        """The group absorbed another: its candidates, hence its variants, changed."""
        self._variants.pop(id(group), None)


def _short_forms(short: "Group", lexicon: Lexicon) -> list[str]:
    """The forms of ``short`` long enough to stand for a longer name, without quotes."""
    forms = {f.replace("“", "").replace("”", "") for f in short.forms}
    forms -= lexicon.word_set("generic_names")
    minimum = 4 if short.bare else 3
    return [form for form in forms if len(form) >= minimum]


def _shortens(short: "Group", forms: list[str], full: "Group", long_forms: _LongForms) -> bool:
    """Whether ``short`` (whose usable ``forms`` are given) abbreviates ``full``."""
    if short.type == full.type == "company" and len(full.name) > len(short.name):
        lexicon = long_forms.lexicon
        if company_short(short.name, full.name, lexicon, long_forms.cores):
            return True
    if not forms:
        return False
    if _key_shortens(short.key, full.key) or _part_shortens(short.name, full, long_forms.lexicon):
        return True
    longer, variants = long_forms.longer(full), long_forms.variants(full)
    for form in forms:
        if form in variants:
            return True
        size = len(form)
        for name in longer:
            if len(name) > size and name.endswith(form):
                return True
    return False


def _key_shortens(short: str, full: str) -> bool:
    """万州经开区管委会 / 重庆万州经济技术开发区管理委员会: once both are written in their
    canonical short forms, the short one ends the full one."""
    return len(short) >= 5 and len(full) > len(short) and full.endswith(short)


def _part_shortens(short: str, full: "Group", lexicon: Lexicon) -> bool:
    """机械学院 / 华中科技大学机械科学与工程学院: a part of a body named by the first word
    of its own name and its type word, with the parent left off."""
    if full.type != "university" or len(full.name) <= len(short) + 2:
        return False
    heads = _heads(short, lexicon)
    head = heads[0] if heads else ""
    lead = short[:len(short) - len(head)]
    if not head or len(lead) < 2 or not full.name.endswith(head):
        return False
    at = full.name.find(lead, 2)
    return at > 0 and bool(_heads(full.name[:at], lexicon)) and len(full.name) - at > len(short)


def _generic_variants(full: "Group", lexicon: Lexicon) -> set[str]:
    """环西南大学创新生态圈 → {环大学创新生态圈}: names inside replaced by their type word."""
    variants = set()
    for candidate in full.candidates:
        for unit in candidate.units:
            if unit.tag != "ORG":
                continue
            for head in _heads(unit.text, lexicon):
                variants.add(full.name.replace(unit.text, head))
    return variants


def _heads(name: str, lexicon: Lexicon) -> list[str]:
    """The type words ending ``name``: 重庆师范大学 → 师范大学, 大学."""
    return [name[-size:] for size in range(min(len(name) - 1, lexicon.max_suffix), 1, -1)
            if name[-size:] in lexicon.suffixes]


# ----------------------------------------------------------- abbreviations

def add_ambiguous_aliases(text: str, groups: list["Group"], lexicon: Lexicon,
                          token_starts: set[int]) -> None:
    """Ambiguous dictionary aliases (重大) where the full name is present and they stand alone."""
    roles = tuple(lexicon.word_set("role_words"))
    for group in groups:
        entry = lexicon.entries.get(group.dict_name or "")
        for alias in entry.ambiguous if entry else []:
            for match in re.finditer(re.escape(alias), text):
                after = text[match.end():]
                if match.start() in token_starts and (
                        _STANDALONE_AFTER.match(after) or after.startswith(roles)):
                    group.aliases.append(alias)
                    break


def add_abbreviations(text: str, groups: list["Group"], token_starts: set[int]) -> None:
    """Abbreviations from word initials (西大, 柑研所) written on their own in the text."""
    owners: dict[str, list["Group"]] = {}
    for group in groups:
        for abbreviation in abbreviations(group.name):
            owners.setdefault(abbreviation, []).append(group)
    owners = {a: found for a, found in owners.items() if a in text}
    covered = _covered(text, groups) if owners else set()
    for abbreviation, found in owners.items():
        if len(found) != 1 or abbreviation in found[0].surfaces():
            continue
        for start in occurrences(text, abbreviation):
            if start in token_starts and start not in covered:
                found[0].aliases.append(abbreviation)
                break


def _covered(text: str, groups: list["Group"]) -> set[int]:
    covered = set()
    for group in groups:
        for surface in group.surfaces():
            for start in occurrences(text, surface):
                covered.update(range(start, start + len(surface)))
    return covered


@functools.lru_cache(maxsize=4096)
def abbreviations(name: str) -> tuple[str, ...]:
    """Short forms made of word initials and the type word: 西南大学 → 西大."""
    for head, tails in _ABBREVIATION_HEADS:
        if name.endswith(head) and len(name) > len(head):
            initials = [w[0] for w in _words(name[:-len(head)])][-6:]
            found = set()
            for size in (1, 2):
                for picked in itertools.combinations(initials, size):
                    for tail in tails:
                        found.add("".join(picked) + tail)
            return tuple(sorted(a for a in found if 2 <= len(a) <= 4 and not _is_word(a)))
    return ()


def _words(text: str) -> list[str]:
    import jieba
    jieba.setLogLevel(60)
    return [w for w in jieba.lcut(text, HMM=False) if w.strip()]


def _is_word(text: str) -> bool:
    import jieba
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(text, 0) > 0


# ----------------------------------------------------------- mentions

def mentions_of(text: str, groups: list["Group"], titles) -> dict[int, list[tuple[int, int]]]:
    """[start, end) of every name or alias, longest first and without overlaps."""
    owner: dict[str, "Group"] = {}
    for group in sorted(groups, key=lambda g: -len(g.name)):
        for surface in group.surfaces():
            owner.setdefault(surface, group)
    spans: dict[int, list[tuple[int, int]]] = {}
    for start, end, surface in find_words(text, owner):
        if any(a <= start < b for a, b in titles):
            continue
        spans.setdefault(id(owner[surface]), []).append((start, end))
    return spans


# ----------------------------------------------------------- attached bodies

_ATTACHED = (("附属中学", "附中"), ("附属小学", "附小"), ("附属实验学校", "附校"),
             ("附属医院", "附院"), ("附属第一医院", "附一院"), ("附属第二医院", "附二院"),
             ("附属第三医院", "附三院"), ("附属儿童医院", "附属儿院"))


def link_attached_short_forms(text: str, groups: list["Group"], lexicon: Lexicon) -> list["Group"]:
    """西大附中 → 西南大学附属中学, 重医附一院 → 重庆医科大学附属第一医院: the parent's
    short form followed by the short form of the attached school or hospital."""
    removed: set[int] = set()
    by_name = {g.name: g for g in groups}
    for group in groups:
        for short in attached_short_forms(group.name, lexicon):
            other = by_name.get(short)
            if other is not None and other is not group and id(other) not in removed:
                group.absorb(other)
                removed.add(id(other))
            elif short in text and short not in group.aliases:
                group.aliases.append(short)
    return [g for g in groups if id(g) not in removed]


def attached_short_forms(name: str, lexicon: Lexicon) -> list[str]:
    """The short forms of an attached body: 西南大学附属中学 → [西大附中, 西南大附中]."""
    if "附属" not in name:
        return []               # in every long form of _ATTACHED; most names go no further
    for long, short in _ATTACHED:
        parent, found, _ = name.partition(long)
        if found and parent and name.endswith(long):
            entry = lexicon.entries.get(parent)
            parents = [*(entry.aliases + entry.ambiguous if entry else []), *abbreviations(parent)]
            return [p + short for p in dict.fromkeys(parents)]
    return []


def link_bare_offices(groups: list["Group"], lexicon: Lexicon) -> list["Group"]:
    """A bare 管委会 / 党工委 that could not be expanded is the document's only body of
    that kind (东湖高新区党工委书记、管委会主任)."""
    removed: set[int] = set()
    for bare in groups:
        suffix = lexicon.suffixes.get(bare.name)        # suffixes are keyed by their text
        if suffix is None or "alone" not in suffix.flags or bare.dict_name:
            continue
        key = _office_key(bare.name)
        owners = [g for g in groups if g is not bare and id(g) not in removed
                  and _office_key(g.name).endswith(key) and len(g.name) > len(bare.name)]
        if len(owners) == 1:
            owners[0].absorb(bare)
            removed.add(id(bare))
    return [g for g in groups if id(g) not in removed]


def _office_key(name: str) -> str:
    return name.replace("管理委员会", "管委会")

"""Named organisations in a document: name, type, aliases and mentions.

Candidates come from :mod:`nlp.orgcandidates` (suffix names, dictionary names,
enumerations). This module resolves them within the document: elliptical names
are expanded with the document's region (区政府 → 北碚区政府), written variants
of one body are grouped under :func:`canonical_name`, short forms become
aliases of the full name (西大 → 西南大学, 大学科技园 → 北碚国家大学科技园), and
every occurrence of a name or alias is listed as a mention (longest wins, so a
name that only occurs nested inside a longer name is dropped).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from nlp.lexicon import Lexicon, load_lexicon
from nlp.orgcampus import Campus, home_unit, is_university_name
from nlp.orgaliases import (add_abbreviations, add_ambiguous_aliases, link_attached_short_forms,
                            link_bare_offices, link_relations, link_short_forms, mentions_of)
from nlp.orgcandidates import candidates_of
from nlp.orgdepartments import link_congress
from nlp.orgfilters import ends_in_common_word, only_described
from nlp.orgheads import add_headed_companies
from nlp.orglocations import only_a_place
from nlp.orgprojects import project_spans
from nlp.orgrings import link_ring_short_forms, rings_a_kind
from nlp.orgspans import LEVEL_CHARS, Candidate, Tokens, Unit, tokenize
from policyminer.records import Organization

EXPANDED_TYPES = frozenset({"government", "party", "hospital", "association", "media", "other"})
_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
_DOTS = str.maketrans("", "", "·•・ ")
_FOREIGN_COUNTRIES = frozenset({"新加坡", "美国", "日本", "德国", "法国", "英国", "韩国", "意大利", "瑞士",
                                "荷兰", "瑞典", "丹麦", "芬兰", "挪威", "比利时", "奥地利", "西班牙", "加拿大",
                                "澳大利亚", "新西兰", "以色列", "泰国", "马来西亚", "印度尼西亚", "越南"})

_PARTY_PREFIX = re.compile(r"^(中国共产党|中共)(?=[\u4e00-\u9fff]{2})")
_DESCRIPTION_ENDINGS = ("老工业基地",)     # 依托重钢老工业基地转型: a description, not a unit
_PLACED_BODIES = ("研究院", "政协")    # 昆山市产业技术研究院, 永川区政协: one body per place, not a category
_YOUTH_LEAGUE = re.compile(r"(?:共青)?团([\u4e00-\u9fff]{1,6}[区市县])?委|团([区市县])委")
_PARTY_COMMITTEE = re.compile(r"(?<=[区市县省州旗])委员会$")
# Full and short forms of government departments, for canonical keys only.
_DEPARTMENT_FORMS = (
    ("居民委员会", "居委会"), ("村民委员会", "村委会"), ("人民法院", "法院"), ("人民检察院", "检察院"),
    ("和", ""), ("委员会", "委"), ("经济信息化", "经济信息"), ("经信委", "经济信息委"),
    ("文化旅游发展委", "文化旅游委"), ("人力资源社会保障", "人力社保"),
    ("住房城乡建设委", "住房城乡建委"), ("市场监督管理", "市场监管"), ("科学技术局", "科技局"),
    ("发改委", "发展改革委"), ("卫健委", "卫生健康委"), ("教育委", "教委"), ("管理委", "管委会"),
    ("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("科学技术厅", "科技厅"),
    ("工商业联合会", "工商联"), ("科学技术协会", "科协"), ("医疗保障局", "医保局"),
)


@dataclass
class Group:
    """One body of the document: the candidates and written forms that name it."""

    key: str
    type: str
    forms: list[str] = field(default_factory=list)        # written surfaces, in order
    expanded: str | None = None                           # region-expanded elliptical name
    dict_name: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)      # forms found by alias rules
    bare: bool = True

    @functools.cached_property
    def name(self) -> str:
        """The fullest form: the longest written form, or the dictionary name when none is longer
        (else the expanded form).

        Read only once grouping is done: forms, dict_name and expanded are final then.
        """
        full = [f.translate(_QUOTES) for f in self.forms if not self._is_short(f)]
        if self.dict_name:      # 重庆农村商业银行 written, 重庆农商行 in the dictionary: the written one
            longest = max(full, key=len, default="")
            return longest if len(longest) > len(self.dict_name) else self.dict_name
        if full:
            return max(full, key=len)
        return self.expanded or max(self.forms, key=len).translate(_QUOTES)

    def _is_short(self, form: str) -> bool:
        return bool(self.expanded) and form != self.expanded and (
            form[0] in LEVEL_CHARS or form.startswith(("团", "学校", "校"))   # 团区委, 学校人事处
            or self.expanded.endswith(form))   # 区委, 宣传部 of 永川区委宣传部

    def surfaces(self) -> list[str]:
        """Name and every alias, without repeats."""
        seen = dict.fromkeys([self.name, *self.forms, *self.aliases])
        return [s for s in seen if s]

    def absorb(self, other: "Group", *extra: str) -> None:
        """Make ``other``'s forms aliases of this body."""
        self.aliases.extend([*other.forms, *other.aliases, *extra])
        self.candidates.extend(other.candidates)
        self.bare = self.bare and other.bare


def find_organizations(text: str, *, tokens: list[tuple[str, int, int]] | None = None,
                       region: str | None = None,
                       dictionary_dir: Path | None = None) -> list[Organization]:
    """Named organisations of ``text`` with type, aliases and [start, end) mentions.

    ``tokens`` are jieba tokens (word, start, end) of ``text`` when the caller
    already has them; ``region`` (e.g. '重庆市北碚区') expands elliptical names
    such as 区政府 and 市委, and is inferred from the text when absent.
    """
    if not text.strip():
        return []
    simplified = _simplified(text)
    if simplified is not None:
        found = find_organizations(simplified, region=region, dictionary_dir=dictionary_dir)
        return [_with_written_forms(org, text) for org in found]
    lexicon = load_lexicon(dictionary_dir)
    tokens = Tokens.of(tokens if tokens is not None else tokenize(text))
    token_starts = tokens.starts
    walker, candidates = candidates_of(text, tokens, lexicon)
    region_map = region_places(text, region, lexicon, walker.units)
    groups = _group(text, candidates, region_map, lexicon)
    groups = link_relations(text, groups)
    groups = link_ring_short_forms(link_short_forms(groups, lexicon), lexicon)
    groups = link_attached_short_forms(text, groups, lexicon)
    groups = link_congress(text, link_bare_offices(groups, lexicon))
    groups = [g for g in groups if _keep(g, lexicon) and not only_a_place(text, g, groups)
              and not only_described(text, g)]
    add_ambiguous_aliases(text, groups, lexicon, token_starts)
    add_abbreviations(text, groups, token_starts)
    return _to_records(text, groups, walker.titles + project_spans(text), lexicon)


def _simplified(text: str) -> str | None:
    """The simplified-character form of a traditional text, when it keeps every offset."""
    from nlp.script import is_traditional, to_simplified
    converted = to_simplified(text)
    if converted == text or len(converted) != len(text) or not is_traditional(text):
        return None         # simplified text (most documents) is not checked any further
    return converted


def _with_written_forms(org: Organization, text: str) -> Organization:
    """Add the forms as written in the original (traditional) text to the aliases."""
    written = [text[a:b] for a, b in org.mentions]
    org.aliases = list(dict.fromkeys([*org.aliases, *(w for w in written if w != org.name)]))
    return org


@functools.lru_cache(maxsize=16384)
def canonical_name(name: str, *, dictionary_dir: Path | None = None) -> str:
    """A key under which written variants of one body coincide across documents.

    北碚区政府, 北碚区人民政府 and 重庆市北碚区人民政府 give the same key, as do
    中共北碚区委员会 and 北碚区委; quotes, middle dots and character width are ignored.
    """
    key = unicodedata.normalize("NFKC", name).translate(_QUOTES).translate(_DOTS)
    key = _PARTY_PREFIX.sub("", key)
    key = _PARTY_COMMITTEE.sub("委", key).replace("人民政府", "政府")
    for long, short in _DEPARTMENT_FORMS:
        key = key.replace(long, short)
    lexicon = load_lexicon(dictionary_dir)
    return _drop_outer_places(_full_place(key, lexicon), lexicon)


def _full_place(key: str, lexicon: Lexicon) -> str:
    """彭水县职教中心 → 彭水苗族土家族自治县职教中心: an autonomous county written short."""
    for size in range(min(len(key) - 1, 6), 2, -1):
        full = lexicon.places.get(key[:size])
        if full and full.endswith("自治县") and key[size - 1] == "县" and not key.startswith(full):
            return full + key[size:]
    return key


def _drop_outer_places(key: str, lexicon: Lexicon) -> str:
    """重庆市北碚区科技局 → 北碚区科技局: keep only the innermost place prefix."""
    while True:
        outer = _place_prefix(key, lexicon)
        if not outer:
            return key
        inner = _place_prefix(key[len(outer):], lexicon)
        if not inner or len(key) == len(outer) + len(inner):
            return key
        key = key[len(outer):]


def _place_prefix(text: str, lexicon: Lexicon) -> str:
    for size in range(min(len(text), 10), 1, -1):
        if text[:size] in lexicon.places and lexicon.places[text[:size]] == text[:size]:
            return text[:size]
    return ""


# ------------------------------------------------------------------ region

def region_places(text: str, region: str | None, lexicon: Lexicon,
                  units=None) -> dict[str, str]:
    """Level character → full place name: {'区': '北碚区', '市': '重庆市'}.

    From ``region`` when given, else from the county-level place the text
    mentions most, with its city and province.
    """
    names = _places_in(region, lexicon) if region else []
    if not names:
        names = _main_places(text, lexicon, units)
    return {name[-1]: name for name in names if name[-1] in LEVEL_CHARS}


def _places_in(region: str, lexicon: Lexicon) -> list[str]:
    found, i = [], 0
    while i < len(region):
        prefix = _place_prefix(region[i:], lexicon)
        if prefix:
            found.append(prefix)
            i += len(prefix)
        else:
            i += 1
    if len(found) == 1:
        return _ancestors(found[0], lexicon)
    return found


def _ancestors(name: str, lexicon: Lexicon) -> list[str]:
    chain = [name]
    while lexicon.place_parent.get(chain[0]) and len(chain) < 4:
        chain.insert(0, lexicon.place_parent[chain[0]])
    return chain


def _main_places(text: str, lexicon: Lexicon, units) -> list[str]:
    """The county the text names most with its city, or only the city when they disagree.

    Full names weigh three times a short form; a short form (北碚) counts only for a
    Chongqing county or one whose city the text also names, since many are also words.
    """
    units = units or [Unit(w, a, b, "?") for w, a, b in tokenize(text)]
    cities, counties, written_full = Counter(), Counter(), set()
    places = lexicon.places             # looked up once: the loop runs over every unit
    for unit in units:
        full = places.get(unit.text)
        if not full or not (full == unit.text or unit.tag == "PLACE"):
            continue
        weight = 3 if full == unit.text else 1
        level = lexicon.place_level.get(full)
        if level == 1 or level == 0 and full.endswith("市"):
            cities[full] += weight
        elif level == 2:
            counties[full] += weight
            if weight == 3:
                written_full.add(full)
    counties = Counter({c: n for c, n in counties.items()
                        if n >= 3 or lexicon.place_parent.get(c) in (*cities, "重庆市")})
    county, city = _top(counties, lexicon), _top(cities, lexicon)
    if county and city and county not in written_full and lexicon.place_parent.get(county) != city:
        county = None       # 东湖 (南昌's 东湖区) in a text about 武汉: a word, not the county
    if county and (city is None or lexicon.place_parent.get(county) == city
                   or counties[county] >= cities[city]):
        return _ancestors(county, lexicon)
    return _ancestors(city, lexicon) if city else []


def _top(counts: Counter, lexicon: Lexicon) -> str | None:
    if not counts:
        return None
    best = max(counts.values())
    ranked = [p for p, n in counts.items() if n == best]
    return min(ranked, key=lambda p: p != "重庆市" and lexicon.place_parent.get(p) != "重庆市")


def expand(written: str, places: dict[str, str]) -> str | None:
    """区政府 → 北碚区政府 with places {'区': '北碚区'}; None when the level is unknown."""
    place = places.get(written[0])
    return place + written[1:] if place else None


# ------------------------------------------------------------------ grouping

def _group(text: str, candidates: list[Candidate], places: dict[str, str],
           lexicon: Lexicon) -> list[Group]:
    groups: dict[str, Group] = {}
    campus = Campus.of([(c.start, c.dict_name or c.written(text)) for c in candidates
                        if is_university_name(c.dict_name or c.written(text), c.type)])
    for c in candidates:
        written = c.written(text)
        kind = "party" if _PARTY_PREFIX.match(written) else c.type
        expanded = None
        if c.elliptic and kind in EXPANDED_TYPES:
            expanded = expand(c.prefix + written, places)
        league = _youth_league(written, places)
        if league:
            expanded, kind = league, "association"
        home = home_unit(written, kind, c.start, campus, lexicon)
        if home:
            expanded, kind = home, kind if kind in ("party", "company") else "university"
        key = canonical_name(c.dict_name or expanded or written, dictionary_dir=lexicon.directory)
        group = groups.setdefault(key, Group(key, kind))
        if c.dict_name:
            group.dict_name, group.type = c.dict_name, kind
        group.expanded = group.expanded or expanded
        if written not in group.forms:
            group.forms.append(written)
        group.candidates.append(c)
        group.bare = group.bare and c.bare
    return list(groups.values())


def _youth_league(written: str, places: dict[str, str]) -> str | None:
    """团区委 → 共青团合川区委: the Communist Youth League committee of the document's place."""
    match = _YOUTH_LEAGUE.fullmatch(written)
    if not match:
        return None
    place = match.group(1) or places.get(match.group(2))
    return f"共青团{place}委" if place else None


def _keep(group: Group, lexicon: Lexicon) -> bool:
    name = group.name
    if group.bare and not group.dict_name and not group.expanded:
        return False
    generic = lexicon.word_set("generic_names")
    if len(name) < 2 or name in generic or name.endswith(_DESCRIPTION_ENDINGS) \
            or ends_in_common_word(name, lexicon) or rings_a_kind(name):
        return False
    if group.type in ("platform", "institute", "other", "company") and not (group.dict_name or group.expanded):
        place = _place_prefix(name, lexicon)
        core = name[len(place):]
        if core in generic and (group.type != "company" or core.endswith(("工厂", "车间"))) \
                and not (place and core.endswith(_PLACED_BODIES)):
            return False        # 重庆市智能工厂: an award's category, not a company
    is_place = name in lexicon.places and lexicon.places[name] == name
    return not is_place or group.type == "platform"


def _without_place(group: Group, lexicon: Lexicon) -> str | None:
    """北碚复兴小学 → 复兴小学: the name without its leading place, where that still names it."""
    if group.dict_name or group.type in ("government", "party", "university"):
        return None
    name = group.name
    for size in range(min(len(name) - 4, 10), 1, -1):
        full = lexicon.places.get(name[:size])
        if full and lexicon.place_level.get(full, -1) >= 1:
            rest = name[size:]
            if rest[0] not in LEVEL_CHARS and rest[0] not in "·•・" \
                    and rest not in lexicon.word_set("generic_names") \
                    and rest not in lexicon.suffixes:
                return rest
            return None
    return None


def _without_country(group: Group) -> str | None:
    """新加坡丰益国际有限公司 → 丰益国际有限公司: the company without the country it is from."""
    if group.type != "company":
        return None
    for size in (2, 3, 4):
        if group.name[:size] in _FOREIGN_COUNTRIES and len(group.name) - size >= 4:
            return group.name[size:]
    return None


def _to_records(text: str, groups: list[Group], titles, lexicon: Lexicon) -> list[Organization]:
    spans = mentions_of(text, groups, titles)
    records = []
    for group in groups:
        found = spans.get(id(group), [])
        if not found:
            continue
        aliases = [s for s in group.surfaces() if s != group.name]
        for bare_form in (_without_place(group, lexicon), _without_country(group)):
            if bare_form and bare_form not in aliases:
                aliases.append(bare_form)
        records.append(Organization(group.name, group.type, aliases, [list(s) for s in found]))
    records.sort(key=lambda o: o.mentions[0][0])
    return add_headed_companies(text, records, lexicon)

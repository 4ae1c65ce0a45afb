"""The word lists behind organisation finding, loaded lazily from plain-text files.

Every file in ``config/dictionaries`` is UTF-8, one entry per line; ``#`` starts a
comment. Users extend the lists by adding lines (or whole files).

Organisation files (any ``*.txt`` not named below) hold one body per line::

    西南大学<TAB>university<TAB>西大|西南大
    重庆大学<TAB>university<TAB>?重大

The type column may be left empty or ``-``: the file's ``# type: …`` line (or,
failing that, its name: universities.txt → university) gives it. Aliases are
separated by ``|`` (or ``,``); an alias written ``?重大`` is *ambiguous* (it is
also a common word) and counts only where the full name occurs in the same
document and the short form stands on its own.

The rule files are ``suffixes.txt`` (``suffix<TAB>type<TAB>flags``),
``list_nouns.txt`` (``noun<TAB>type``: 赛力斯、西南药业等企业 gives companies),
``places.txt`` (extra place names, ``name<TAB>short|short<TAB>parent``), and the word lists
``stop_words.txt``, ``name_verbs.txt``, ``generic_names.txt``,
``generic_modifiers.txt``, ``leading_modifiers.txt``, ``role_words.txt``,
``person_words.txt``,
``event_words.txt``, ``name_phrases.txt`` and ``venue_words.txt``.
China's provinces, cities and counties are read at run time from the location
table that jionlp ships (no download).
"""
from __future__ import annotations

import functools
import importlib.util
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlp.wordscan import WordScanner
from policyminer.errors import ConfigError
from policyminer.records import ORG_TYPES

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "config" / "dictionaries"

WORD_LISTS = ("stop_words", "name_verbs", "generic_names", "generic_modifiers",
              "leading_modifiers", "role_words", "person_words", "event_words",
              "name_phrases", "venue_words")
RULE_FILES = {"suffixes", "places", "list_nouns", *WORD_LISTS}
FILE_TYPES = {
    "universities": "university", "schools": "school", "institutes": "institute",
    "hospitals": "hospital", "companies": "company", "associations": "association",
    "media": "media", "platforms": "platform", "government": "government",
    "party": "party", "others": "other",
}
_TYPE_LINE = re.compile(r"#\s*type\s*:\s*(\w+)")
_ALIAS_SPLIT = re.compile(r"[|,，]")


@dataclass(frozen=True)
class Suffix:
    """An organisation-type ending such as 研究院 or 有限公司."""

    text: str
    type: str
    flags: frozenset[str] = frozenset()


@dataclass
class Entry:
    """A dictionary organisation: its canonical name, type and known short forms."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)


@dataclass
class Lexicon:
    """Everything the organisation finder looks words up in."""

    entries: dict[str, Entry] = field(default_factory=dict)       # name -> entry
    surface: dict[str, str] = field(default_factory=dict)         # name or alias -> name
    ambiguous: dict[str, str] = field(default_factory=dict)       # ambiguous alias -> name
    suffixes: dict[str, Suffix] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)          # name or short -> full name
    place_level: dict[str, int] = field(default_factory=dict)     # full name -> 0 province .. 2 county
    place_parent: dict[str, str] = field(default_factory=dict)    # full name -> parent full name
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    list_nouns: dict[str, str] = field(default_factory=dict)     # 企业 -> company
    directory: Path | None = None

    def word_set(self, name: str) -> frozenset[str]:
        """One of the WORD_LISTS as a set (empty when the file is absent)."""
        return self.words.get(name, frozenset())

    @functools.cached_property
    def max_suffix(self) -> int:
        return max((len(s) for s in self.suffixes), default=0)

    @functools.cached_property
    def suffix_sizes(self) -> dict[str, list[int]]:
        """Last character → lengths of the suffixes ending with it, longest first."""
        sizes: dict[str, set[int]] = {}
        for suffix in self.suffixes:
            sizes.setdefault(suffix[-1], set()).add(len(suffix))
        return {char: sorted(found, reverse=True) for char, found in sizes.items()}

    @functools.cached_property
    def suffix_last_char(self) -> re.Pattern:
        """Matches a character that ends some suffix."""
        chars = "".join(re.escape(char) for char in sorted(self.suffix_sizes))
        return re.compile(f"[{chars}]" if chars else "(?!)")

    @functools.cached_property
    def place_scanner(self) -> WordScanner:
        """Finds every full place name of three characters or more."""
        return WordScanner(n for n, full in self.places.items() if n == full and len(n) >= 3)

    @functools.cached_property
    def phrase_scanner(self) -> WordScanner:
        """Finds every phrase of name_phrases.txt."""
        return WordScanner(self.word_set("name_phrases"))

    @functools.cached_property
    def short_place_scanner(self) -> WordScanner:
        """Finds every short name (郫都 of 郫都区) of a city or county."""
        return WordScanner(n for n, full in self.places.items()
                           if n != full and len(n) >= 2 and self.place_level.get(full, -1) >= 1)

    @functools.cached_property
    def surface_scanner(self) -> WordScanner:
        """Finds every dictionary name and alias, ambiguous ones included."""
        return WordScanner(set(self.surface) | set(self.ambiguous))


@functools.lru_cache(maxsize=16)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The lexicon of ``directory`` (default: the repository's config/dictionaries)."""
    return _load(Path(directory or DEFAULT_DIR).resolve())


@functools.lru_cache(maxsize=4)
def _load(directory: Path) -> Lexicon:
    if not directory.is_dir():
        raise ConfigError(f"dictionary directory {directory} does not exist; "
                          "create it or pass dictionary_dir")
    lexicon = Lexicon(directory=directory)
    _load_places(lexicon, directory / "places.txt")
    for path in sorted(directory.glob("*.txt")):
        if path.stem == "suffixes":
            lexicon.suffixes = _read_suffixes(path)
        elif path.stem == "list_nouns":
            lexicon.list_nouns = {row[0]: _check_type(row[1] if len(row) > 1 else "company",
                                                      path, row[0]) for row in _rows(path)}
        elif path.stem in WORD_LISTS:
            lexicon.words[path.stem] = frozenset(row[0] for row in _rows(path))
        elif path.stem not in RULE_FILES:
            _read_orgs(lexicon, path)
    return lexicon


def _rows(path: Path) -> list[list[str]]:
    """The tab-separated fields of every non-comment line of ``path``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append([field.strip() for field in line.split("\t")])
    return rows


def _check_type(kind: str, path: Path, where: str) -> str:
    if kind not in ORG_TYPES:
        raise ConfigError(f"{path}: {where}: type {kind!r} is not one of {', '.join(ORG_TYPES)}")
    return kind


def _file_type(path: Path) -> str | None:
    for line in path.read_text(encoding="utf-8").splitlines()[:20]:
        match = _TYPE_LINE.match(line.strip())
        if match:
            return _check_type(match.group(1), path, "# type line")
    return FILE_TYPES.get(path.stem)


def _read_orgs(lexicon: Lexicon, path: Path) -> None:
    default = _file_type(path)
    for row in _rows(path):
        name = row[0]
        kind = row[1] if len(row) > 1 and row[1] not in ("", "-") else default
        if kind is None:
            raise ConfigError(f"{path}: {name}: no type; add a type column or a '# type: …' line")
        entry = Entry(name, _check_type(kind, path, name))
        for alias in _ALIAS_SPLIT.split(row[2]) if len(row) > 2 else []:
            alias = alias.strip()
            if alias.startswith("?"):
                entry.ambiguous.append(alias[1:])
            elif alias:
                entry.aliases.append(alias)
        _add_entry(lexicon, entry)


def _add_entry(lexicon: Lexicon, entry: Entry) -> None:
    lexicon.entries[entry.name] = entry
    lexicon.surface[entry.name] = entry.name
    for alias in entry.aliases:
        lexicon.surface.setdefault(alias, entry.name)
    for alias in entry.ambiguous:
        lexicon.ambiguous.setdefault(alias, entry.name)


def _read_suffixes(path: Path) -> dict[str, Suffix]:
    suffixes = {}
    for row in _rows(path):
        if len(row) < 2:
            raise ConfigError(f"{path}: suffix {row[0]!r} has no type column")
        flags = frozenset(f for f in (row[2].split(",") if len(row) > 2 else []) if f)
        suffixes[row[0]] = Suffix(row[0], _check_type(row[1], path, row[0]), flags)
    return suffixes


def _load_places(lexicon: Lexicon, extra: Path) -> None:
    for name, short, level, parent in _jionlp_places():
        _add_place(lexicon, name, [short], level, parent)
    for country in _jionlp_countries():
        _add_place(lexicon, country, [], -1, None)
    if extra.is_file():
        for row in _rows(extra):
            shorts = _ALIAS_SPLIT.split(row[1]) if len(row) > 1 else []
            parent = row[2] if len(row) > 2 and row[2] else None
            _add_place(lexicon, row[0], [s.strip() for s in shorts if s.strip()], 2, parent)


def _add_place(lexicon: Lexicon, name: str, shorts: list[str], level: int,
               parent: str | None) -> None:
    lexicon.places.setdefault(name, name)
    lexicon.place_level.setdefault(name, level)
    if parent and parent != name:
        lexicon.place_parent.setdefault(name, parent)
    for short in shorts:
        if short and len(short) >= 2:
            lexicon.places.setdefault(short, name)


def _jionlp_dir() -> Path | None:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


def division_rows() -> Iterator[tuple[int, list[str]]]:
    """(level 0 province … 2 county, [name, code, short name, …]) of jionlp's
    china_location table, in table order (towns and shorter lines left out)."""
    for line in _jionlp_lines("china_location"):
        level = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if level <= 2 and len(fields) >= 3:
            yield level, fields


@functools.lru_cache(maxsize=1)
def _jionlp_places() -> tuple[tuple[str, str, int, str | None], ...]:
    """(name, short name, level, parent) of China's provinces, cities and counties."""
    places, parents = [], [None, None, None]
    for level, fields in division_rows():
        parent = parents[level - 1] if level else None
        parents[level] = fields[0]
        places.append((fields[0], fields[2], level, parent))
    return tuple(places)


def _jionlp_lines(name: str) -> list[str]:
    """Lines of one of jionlp's shipped dictionaries.

    jionlp ships some of them zipped and unpacks them on its own first use, so a
    fresh install may hold only ``name.zip``: read the archive then (never write
    into site-packages).
    """
    base = _jionlp_dir()
    text, packed = (base / f"{name}.txt", base / f"{name}.zip") if base else (None, None)
    if text is not None and text.is_file():
        return text.read_text(encoding="utf-8").splitlines()
    if packed is not None and packed.is_file():
        with zipfile.ZipFile(packed) as archive:
            return archive.read(f"{name}.txt").decode("utf-8").splitlines()
    raise ConfigError(f"jionlp's {name} dictionary is missing from {base}; reinstall jionlp")


@functools.lru_cache(maxsize=1)
def _jionlp_countries() -> tuple[str, ...]:
    base = _jionlp_dir()
    path = base / "world_location.txt" if base else None
    if path is None or not path.is_file():
        return ()
    rows = path.read_text(encoding="utf-8").splitlines()
    return tuple(r.split("\t")[0] for r in rows if "\t" in r and r.split("\t")[0])

"""Hand-annotated gold documents for ``policyminer eval``: loading and validation.

A gold directory holds one JSON file per document (``baseline.json`` beside them
is the F1 floor file, not a document). A gold document carries ``id``, ``url``,
``title``, ``published``, ``kind`` (news|policy|epaper|portal), ``phenomena``
(tags of the hard cases it covers), the input ``text`` -- or ``text_file``, the
name of a seed document read at run time from ``$POLICYMINER_SHARED/seeds`` or
``../shared/seeds`` beside the repository -- and the expected
``organizations``, ``figures`` and ``signings`` of EXTRACTION.md. A signing
gives its sentence as ``text`` or, for seeds, as ``anchor``: a short substring
(at most 10 characters) of the sentence.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from nlp.alignment import Located, fold_name, locate_all
from nlp.matching import DIGIT
from policyminer.errors import InputError
from policyminer.records import ORG_TYPES, QUALIFIERS

FIELDS = ("organizations", "figures", "signings")     # the annotated lists of EXTRACTION.md
KINDS = ("news", "policy", "epaper", "portal")
BASELINE_NAME = "baseline.json"     # the F1 floor file beside the gold documents
ANCHOR_MAX = 10                     # longest ``anchor`` a seed signing may give
PHENOMENA = frozenset({             # tags a gold document may carry
    # signings
    "many-parties", "signing-batch", "cumulative-signing", "restatement", "not-signing",
    "signing-projects", "absolute-date", "relative-date", "date-unknown",
    "amount-wan", "amount-yi", "amount-wanyi", "amount-usd", "amount-hkd",
    # figures
    "qualifier-approx", "qualifier-over", "qualifier-under", "qualifier-cumulative",
    "percentage", "percentage-points", "threshold", "repeated-figure", "figure-year",
    "not-figure",
    # organisations
    "org-chain", "org-alias-paren", "org-abbrev", "org-elliptical", "org-title",
    "org-nested", "org-platform", "org-media", "not-org",
    # form of the text
    "traditional", "hard-wrap", "page-chrome", "policy-doc-number", "seed",
})
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# ------------------------------------------------------------------ gold files

@dataclass
class GoldDoc:
    """One hand-annotated document; ``skip_reason`` is set when its text is absent."""

    id: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None
    kind: str = "news"
    phenomena: list[str] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    signings: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None
    text_file: str | None = None
    skip_reason: str | None = None


def default_seeds_dir() -> Path:
    """``$POLICYMINER_SHARED/seeds``, else ``../shared/seeds`` beside the repository."""
    shared = os.environ.get("POLICYMINER_SHARED")
    if shared:
        return Path(shared) / "seeds"
    return Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _in_ci() -> bool:
    """Whether the CI environment variable is set to a true value."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def load_gold(gold_dir: Path, *, seeds_dir: Path | None = None,
              strict: bool | None = None) -> list[GoldDoc]:
    """Read and validate every gold document (``*.json``) in ``gold_dir``.

    A document whose ``text_file`` is missing is returned with ``skip_reason``
    set, unless ``strict`` (default: the ``CI`` environment variable is true),
    in which case InputError is raised. Malformed files raise InputError.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"gold directory {gold_dir} does not exist; pass a folder of gold *.json files")
    strict = _in_ci() if strict is None else strict
    seeds = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    paths = [p for p in sorted(gold_dir.glob("*.json")) if p.name != BASELINE_NAME]
    docs = [_load_one(path, seeds, strict) for path in paths]
    if not docs:
        raise InputError(f"no gold documents (*.json) in {gold_dir}")
    ids = Counter(doc.id for doc in docs)
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        raise InputError(f"duplicate gold ids in {gold_dir}: {', '.join(duplicates)}")
    return docs


def _load_one(path: Path, seeds: Path, strict: bool) -> GoldDoc:
    """Read, resolve and validate one gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"gold document {path} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"gold document {path} must hold a JSON object")
    text, skip = data.get("text"), None
    if isinstance(data.get("text_file"), str):
        text, skip = _read_seed(seeds / data["text_file"], path, strict)
    problems = validate_gold(data, text if skip is None else None)
    if problems:
        raise InputError(f"gold document {path} is invalid: " + "; ".join(problems[:8]))
    return GoldDoc(
        id=data["id"], title=data["title"], text=text or "", url=data.get("url"),
        published=data.get("published"), kind=data["kind"], phenomena=list(data["phenomena"]),
        organizations=data["organizations"], figures=data["figures"], signings=data["signings"],
        path=path, text_file=data.get("text_file"), skip_reason=skip)


def _read_seed(seed: Path, gold: Path, strict: bool) -> tuple[str | None, str | None]:
    """(seed text, None), or (None, why it is absent); raises when ``strict``."""
    if seed.is_file():
        return seed.read_text(encoding="utf-8"), None
    why = (f"{gold.name}: seed text {seed} is absent; set POLICYMINER_SHARED to the folder "
           "holding seeds/")
    if strict:
        raise InputError(f"{why} (required when CI=true)")
    return None, why


# ------------------------------------------------------------------ validation

_DOC_KEYS = {"id", "url", "title", "published", "kind", "phenomena", "text", "text_file",
             "organizations", "figures", "signings"}
_ORG_KEYS = {"name", "type", "aliases"}
_FIGURE_KEYS = {"text", "value", "unit", "qualifier", "metric", "year"}
_SIGNING_KEYS = {"text", "anchor", "date", "parties", "projects", "count", "amount", "location"}


def _is_number(value: Any) -> bool:
    """An int or float, not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _opt(value: Any, kind: type | tuple) -> bool:
    """None, or an instance of ``kind`` that is not a bool."""
    return value is None or isinstance(value, kind) and not isinstance(value, bool)


def validate_gold(data: Mapping[str, Any], text: str | None = None) -> list[str]:
    """Problems with one gold document (empty when valid).

    With ``text`` also checks that every organisation (by name or alias),
    figure text and signing text/anchor can be found in it.
    """
    problems = [f"unknown key {k!r}" for k in sorted(set(data) - _DOC_KEYS)]
    problems += _check_header(data)
    where = Located(text) if text is not None else None
    lists = [data.get(k) for k in FIELDS]
    if not all(isinstance(v, list) for v in lists):
        return problems + ["organizations, figures and signings must be lists"]
    names = {fold_name(o.get("name", "")) for o in lists[0] if isinstance(o, dict)}
    for i, org in enumerate(lists[0]):
        problems += [f"organizations[{i}]: {p}" for p in _check_org(org, where)]
    problems += _check_figures(lists[1], where)
    for i, signing in enumerate(lists[2]):
        problems += [f"signings[{i}]: {p}" for p in _check_signing(signing, names, where)]
    return problems


def _check_header(data: Mapping[str, Any]) -> list[str]:
    """Problems with the document's own fields (id, title, kind, dates, tags, text)."""
    problems = []
    if not isinstance(data.get("id"), str) or not data.get("id"):
        problems.append("id must be a non-empty string")
    if not isinstance(data.get("title"), str):
        problems.append("title must be a string")
    if data.get("kind") not in KINDS:
        problems.append(f"kind {data.get('kind')!r} is not one of {KINDS}")
    published = data.get("published")
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        problems.append(f"published {published!r} is not YYYY-MM-DD or null")
    if not _opt(data.get("url"), str):
        problems.append("url must be a string or null")
    tags = data.get("phenomena")
    if not isinstance(tags, list) or not tags:
        problems.append("phenomena must be a non-empty list")
    else:
        problems += [f"unknown phenomenon {t!r}" for t in tags if t not in PHENOMENA]
    if isinstance(data.get("text"), str) == isinstance(data.get("text_file"), str):
        problems.append("give exactly one of text and text_file")
    return problems


def _check_org(org: Any, where: Located | None) -> list[str]:
    """Problems with one gold organisation."""
    if not isinstance(org, dict):
        return ["must be an object"]
    problems = [f"unknown key {k!r}" for k in sorted(set(org) - _ORG_KEYS)]
    if not isinstance(org.get("name"), str) or not org.get("name"):
        return problems + ["name must be a non-empty string"]
    if org.get("type") not in ORG_TYPES:
        problems.append(f"{org['name']}: type {org.get('type')!r} is not one of {ORG_TYPES}")
    aliases = org.get("aliases")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        return problems + [f"{org['name']}: aliases must be a list of strings"]
    if where is not None and not any(where.find(n) for n in [org["name"], *aliases]):
        problems.append(f"{org['name']}: neither the name nor an alias occurs in the text")
    return problems


def _check_figures(figures: list, where: Located | None) -> list[str]:
    """Problems with the gold figures, each text located in document order."""
    problems = []
    texts = [f.get("text") if isinstance(f, dict) else None for f in figures]
    spans = locate_all([t if isinstance(t, str) else "" for t in texts], where) if where else []
    for i, fig in enumerate(figures):
        if not isinstance(fig, dict):
            problems.append(f"figures[{i}]: must be an object")
            continue
        found = bool(spans[i]) if where else True
        problems += [f"figures[{i}] {fig.get('text')!r}: {p}" for p in _check_figure(fig, found)]
    return problems


def _check_figure(fig: dict, found: bool) -> list[str]:
    """Problems with one gold figure; ``found`` tells whether its text was located."""
    problems = [f"unknown key {k!r}" for k in sorted(set(fig) - _FIGURE_KEYS)]
    if not isinstance(fig.get("text"), str) or not DIGIT.search(fig.get("text") or ""):
        problems.append("text must be a string holding an Arabic digit")
    elif not found:
        problems.append("text does not occur in the document (or occurs too few times)")
    if not _is_number(fig.get("value")):
        problems.append("value must be a number")
    if not isinstance(fig.get("unit"), str) or not fig.get("unit"):
        problems.append("unit must be a non-empty string")
    if fig.get("qualifier") not in (None, *QUALIFIERS):
        problems.append(f"qualifier {fig.get('qualifier')!r} is not one of {QUALIFIERS} or null")
    if not _opt(fig.get("metric"), str) or not _opt(fig.get("year"), int):
        problems.append("metric must be a string or null, year an integer or null")
    return problems


def _check_locator(sig: dict, where: Located | None) -> list[str]:
    """Problems with a gold signing's ``text`` or ``anchor``: exactly one, short, found."""
    locator = sig.get("text") if "text" in sig else sig.get("anchor")
    if not isinstance(locator, str) or not locator or ("text" in sig) == ("anchor" in sig):
        return ["give exactly one of text and anchor, a non-empty string"]
    if "anchor" in sig and len(locator) > ANCHOR_MAX:
        return [f"anchor {locator!r} is longer than {ANCHOR_MAX} characters"]
    if where is not None and not where.find(locator):
        return [f"{locator!r} does not occur in the document"]
    return []


def _check_signing(sig: Any, org_names: set[str], where: Located | None) -> list[str]:
    """Problems with one gold signing; parties must name gold organisations."""
    if not isinstance(sig, dict):
        return ["must be an object"]
    problems = [f"unknown key {k!r}" for k in sorted(set(sig) - _SIGNING_KEYS)]
    problems += _check_locator(sig, where)
    if sig.get("date") is not None and not _ISO_DATE.fullmatch(str(sig.get("date"))):
        problems.append(f"date {sig.get('date')!r} is not YYYY, YYYY-MM, YYYY-MM-DD or null")
    parties, projects = sig.get("parties"), sig.get("projects")
    if not isinstance(parties, list) or not isinstance(projects, list):
        return problems + ["parties and projects must be lists"]
    problems += [f"party {p!r} is not the name of a gold organisation"
                 for p in parties if not isinstance(p, str) or fold_name(p) not in org_names]
    amount = sig.get("amount")
    if amount is not None and not (isinstance(amount, dict) and _is_number(amount.get("value"))
                                   and isinstance(amount.get("unit"), str)):
        problems.append("amount must be null or {value: number, unit: string}")
    if not _opt(sig.get("count"), int) or not _opt(sig.get("location"), str):
        problems.append("count must be an integer or null, location a string or null")
    return problems

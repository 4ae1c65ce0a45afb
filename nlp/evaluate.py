"""Score extractor output against hand-annotated gold documents (``policyminer eval``).

A gold directory holds one JSON file per document (``baseline.json`` beside them
is the F1 floor file, not a document). A gold document carries ``id``, ``url``,
``title``, ``published``, ``kind`` (news|policy|epaper|portal), ``phenomena``
(tags of the hard cases it covers), the input ``text`` -- or ``text_file``, the
name of a seed document read at run time from ``$POLICYMINER_SHARED/seeds`` or
``../shared/seeds`` beside the repository -- and the expected
``organizations``, ``figures`` and ``signings`` of EXTRACTION.md. A signing
gives its sentence as ``text`` or, for seeds, as ``anchor``: a short substring
(at most 10 characters) of the sentence.

Match rules
-----------
Text is located whitespace-insensitively (hard-wrapped lines still match) and
after folding full-width forms and curly quotes, in the prediction's own
``text`` when it has one (its offsets index into it), else in the gold text.

organisations
    A prediction matches a gold organisation when its name or any alias equals
    the gold name or any gold alias, after removing quotes (“”"‘’《》「」) and
    folding full/half-width brackets. One-to-one (maximum matching). ``type``
    is not part of the match; its accuracy on matched pairs is reported apart.
figures
    Same ``value`` (relative tolerance 1e-6) and ``unit``, and overlapping
    position: each gold figure's ``text`` is located in the document (the n-th
    gold entry with the same text takes the n-th occurrence) and the
    predicted ``[start, end)`` must overlap it; pairs with the largest overlap
    are taken first. A gold text that cannot be located (or a prediction
    without a position) falls back to value+unit matching in document order.
    Predicted figures without an Arabic digit (五大领域) are not scored.
    Full record: also ``qualifier`` and ``year`` equal and ``metric`` equal
    enough (after normalising, one contains the other or character F1 >= 0.6).
signings
    A prediction matches a gold signing when their sentence spans overlap (gold
    located by its ``text``, or by its ``anchor`` widened to the sentence);
    fallback for spans that cannot be located: same ``date`` and ``count``.
    Full record: ``date``, ``count``, ``amount`` (value within 1e-6, unit) and
    ``parties`` (as sets, compared with the organisation alias rules) equal.

Scores are micro-averaged over documents. With nothing predicted precision is
1.0 when nothing was expected, else 0.0; recall likewise; F1 is 0.0 when both
are 0.0. A ``*_full`` score counts as true positives only the matched pairs
whose full record is right (fp = predicted - tp, fn = gold - tp).
"""
from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from policyminer.errors import ConfigError, InputError
from policyminer.records import ORG_TYPES, QUALIFIERS

FIELDS = ("organizations", "figures", "signings")
SCORED_FIELDS = FIELDS + ("figures_full", "signings_full")
KINDS = ("news", "policy", "epaper", "portal")
BASELINE_NAME = "baseline.json"
ANCHOR_MAX = 10
PHENOMENA = frozenset({
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
_TERMINATORS = frozenset("。！？!?；;")
_QUOTES = dict.fromkeys(map(ord, "“”„‟\"'‘’《》「」『』〈〉"), None)
_DIGIT = re.compile(r"[0-9０-９]")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# ---------------------------------------------------------------- text helpers

def _fold_char(ch: str) -> str:
    """One character after NFKC (kept 1:1, so offsets survive) and quote folding."""
    if ch in "“”„‟":
        return '"'
    if ch in "‘’":
        return "'"
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


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

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Every [start, end) where ``needle`` occurs, ignoring whitespace."""
        squeezed = "".join(_fold_char(ch) for ch in needle if not ch.isspace())
        spans, pos = [], self._squeezed.find(squeezed) if squeezed else -1
        while pos >= 0:
            spans.append((self._index[pos], self._index[pos + len(squeezed) - 1] + 1))
            pos = self._squeezed.find(squeezed, pos + 1)
        return spans

    def find(self, needle: str, nth: int = 0) -> tuple[int, int] | None:
        """The ``nth`` occurrence of ``needle``, or None."""
        spans = self.find_all(needle)
        return spans[nth] if nth < len(spans) else None

    def sentence(self, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` widened to the sentence around it (terminators 。！？；)."""
        start, end = span
        while start > 0 and self.text[start - 1] not in _TERMINATORS:
            start -= 1
        while end < len(self.text) and self.text[end - 1] not in _TERMINATORS:
            end += 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _locate_all(texts: Iterable[str], where: Located) -> list[tuple[int, int] | None]:
    """Locate each text; the n-th repeat of a text takes its n-th occurrence."""
    seen: Counter[str] = Counter()
    spans = []
    for text in texts:
        spans.append(where.find(text, seen[text]) if text else None)
        seen[text] += 1
    return spans


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
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _opt(value: Any, kind: type | tuple) -> bool:
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
    problems = []
    texts = [f.get("text") if isinstance(f, dict) else None for f in figures]
    spans = _locate_all([t if isinstance(t, str) else "" for t in texts], where) if where else []
    for i, fig in enumerate(figures):
        if not isinstance(fig, dict):
            problems.append(f"figures[{i}]: must be an object")
            continue
        found = bool(spans[i]) if where else True
        problems += [f"figures[{i}] {fig.get('text')!r}: {p}" for p in _check_figure(fig, found)]
    return problems


def _check_figure(fig: dict, found: bool) -> list[str]:
    problems = [f"unknown key {k!r}" for k in sorted(set(fig) - _FIGURE_KEYS)]
    if not isinstance(fig.get("text"), str) or not _DIGIT.search(fig.get("text") or ""):
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


def _check_signing(sig: Any, org_names: set[str], where: Located | None) -> list[str]:
    if not isinstance(sig, dict):
        return ["must be an object"]
    problems = [f"unknown key {k!r}" for k in sorted(set(sig) - _SIGNING_KEYS)]
    locator = sig.get("text") if "text" in sig else sig.get("anchor")
    if not isinstance(locator, str) or not locator or ("text" in sig) == ("anchor" in sig):
        problems.append("give exactly one of text and anchor, a non-empty string")
    elif "anchor" in sig and len(locator) > ANCHOR_MAX:
        problems.append(f"anchor {locator!r} is longer than {ANCHOR_MAX} characters")
    elif where is not None and not where.find(locator):
        problems.append(f"{locator!r} does not occur in the document")
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



# --------------------------------------------------------------------- scoring

@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class DocResult:
    """Scores of one document and the entries behind its errors, for debugging."""

    id: str
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in SCORED_FIELDS})
    correct: Counter = field(default_factory=Counter)    # attribute -> right on matched pairs
    checked: Counter = field(default_factory=Counter)    # attribute -> matched pairs
    misses: dict[str, list] = field(default_factory=dict)
    false_hits: dict[str, list] = field(default_factory=dict)
    wrong: dict[str, list] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error,
                "scores": {k: v.to_dict() for k, v in self.scores.items()},
                "misses": self.misses, "false_hits": self.false_hits, "wrong": self.wrong}


def _max_matching(n_gold: int, n_pred: int, ok: Callable[[int, int], Any]) -> list[tuple[int, int]]:
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


def _org_keys(org: Mapping[str, Any]) -> set[str]:
    names = [org.get("name"), *(org.get("aliases") or [])]
    return {fold_name(n) for n in names if isinstance(n, str) and fold_name(n)}


def _pred_span(item: Mapping[str, Any], where: Located) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(where.text):
        return start, end
    text = item.get("text")
    return where.find(text) if isinstance(text, str) and text else None


def _pair_spans(gold: Sequence, pred: Sequence, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Pair overlapping spans, largest overlap first; then unlocated ones by ``ok`` in order."""
    ranked = sorted((-_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if _overlap(g, p) > 0 and ok(i, j))
    by_position = sorted(range(len(pred)), key=lambda j: (pred[j] is None, pred[j] or (0, 0), j))
    unlocated = [(i, j) for i in range(len(gold)) for j in by_position
                 if (gold[i] is None or pred[j] is None) and ok(i, j)]
    pairs: dict[int, int] = {}
    for i, j in [(i, j) for _, i, j in ranked] + unlocated:
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return sorted(pairs.items())


def _same_quantity(a_value: Any, a_unit: Any, b_value: Any, b_unit: Any) -> bool:
    try:
        a, b = float(a_value), float(b_value)
    except (TypeError, ValueError):
        return False
    same_unit = fold_name(str(a_unit or "")) == fold_name(str(b_unit or ""))
    return same_unit and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def metric_matches(gold: str | None, pred: str | None) -> bool:
    """Metrics agree: both empty, one contains the other, or character F1 >= 0.6."""
    a, b = (re.sub(r"[\W_]", "", fold_name(m or "")) for m in (gold, pred))
    if not a or not b:
        return a == b
    if a in b or b in a:
        return True
    common = sum((Counter(a) & Counter(b)).values())
    return common > 0 and 2 * common / (len(a) + len(b)) >= 0.6


def _as_int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _figure_diffs(gold: Mapping, pred: Mapping) -> list[str]:
    diffs = [] if gold.get("qualifier") == pred.get("qualifier") else ["qualifier"]
    diffs += [] if _as_int(gold.get("year")) == _as_int(pred.get("year")) else ["year"]
    return diffs + ([] if metric_matches(gold.get("metric"), pred.get("metric")) else ["metric"])


def _same_money(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None or not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        return gold is None and pred is None
    return _same_quantity(gold.get("value"), gold.get("unit") or "元",
                          pred.get("value"), pred.get("unit") or "元")


def _party_keys(party: str, orgs: Sequence[Mapping]) -> set[str]:
    key = fold_name(party)
    keys = {key}
    for org in orgs:
        org_keys = _org_keys(org)
        if key in org_keys:
            keys |= org_keys
    return keys


def same_parties(gold: Sequence[str], pred: Sequence[str], gold_orgs: Sequence[Mapping] = (),
                 pred_orgs: Sequence[Mapping] = ()) -> bool:
    """Party sets equal, names compared with the organisation alias rules."""
    g = [_party_keys(x, gold_orgs) for x in dict.fromkeys(fold_name(x) for x in gold if isinstance(x, str))]
    p = [_party_keys(x, pred_orgs) for x in dict.fromkeys(fold_name(x) for x in pred if isinstance(x, str))]
    return len(g) == len(p) and len(_max_matching(len(g), len(p), lambda i, j: g[i] & p[j])) == len(g)


def _signing_diffs(gold: Mapping, pred: Mapping, gold_orgs: Sequence, pred_orgs: Sequence) -> list[str]:
    diffs = [] if (gold.get("date") or None) == (pred.get("date") or None) else ["date"]
    diffs += [] if _as_int(gold.get("count")) == _as_int(pred.get("count")) else ["count"]
    diffs += [] if _same_money(gold.get("amount"), pred.get("amount")) else ["amount"]
    parties = same_parties(gold.get("parties") or [], pred.get("parties") or [], gold_orgs, pred_orgs)
    return diffs + ([] if parties else ["parties"])


def _entries(pred: Mapping, name: str) -> list[dict]:
    items = pred.get(name)
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def _brief(entry: Mapping) -> dict:
    return {k: v for k, v in entry.items() if k != "mentions"}


def _record(result: DocResult, name: str, gold: list, pred: list, pairs: list[tuple[int, int]]) -> None:
    result.scores[name] = Score(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    result.misses[name] = [_brief(g) for i, g in enumerate(gold) if i not in hit_g]
    result.false_hits[name] = [_brief(p) for j, p in enumerate(pred) if j not in hit_p]


def _record_full(result: DocResult, name: str, gold: list, pred: list,
                 pairs: list[tuple[int, int]], diffs_of: Callable, attrs: Sequence[str]) -> None:
    wrong = []
    for i, j in pairs:
        diffs = diffs_of(gold[i], pred[j])
        for attr in attrs:
            result.checked[f"{name}.{attr}"] += 1
            result.correct[f"{name}.{attr}"] += attr not in diffs
        if diffs:
            wrong.append({"gold": _brief(gold[i]), "pred": _brief(pred[j]), "differs": diffs})
    right = len(pairs) - len(wrong)
    result.scores[f"{name}_full"] = Score(right, len(pred) - right, len(gold) - right)
    result.wrong[name] = wrong


def score_document(doc: GoldDoc, pred: Mapping[str, Any]) -> DocResult:
    """Match one prediction (the EXTRACTION.md object) against its gold document."""
    own = pred.get("text")
    where = Located(own if isinstance(own, str) and own else doc.text)
    result = DocResult(doc.id)
    _score_orgs(result, doc.organizations, _entries(pred, "organizations"))
    _score_figures(result, doc.figures, _entries(pred, "figures"), where)
    _score_signings(result, doc, pred, where)
    return result


def _score_orgs(result: DocResult, gold: list, pred: list) -> None:
    g, p = [_org_keys(o) for o in gold], [_org_keys(o) for o in pred]
    pairs = _max_matching(len(g), len(p), lambda i, j: g[i] & p[j])
    _record(result, "organizations", gold, pred, pairs)
    wrong = [{"gold": _brief(gold[i]), "pred": _brief(pred[j]), "differs": ["type"]}
             for i, j in pairs if gold[i].get("type") != pred[j].get("type")]
    result.checked["organizations.type"] += len(pairs)
    result.correct["organizations.type"] += len(pairs) - len(wrong)
    result.wrong["organizations"] = wrong


def _has_digit(item: Mapping, where: Located) -> bool:
    text = item.get("text")
    if not isinstance(text, str) or not text:
        span = _pred_span(item, where)
        text = where.text[span[0]:span[1]] if span else ""
    return bool(_DIGIT.search(text))


def _score_figures(result: DocResult, gold: list, pred: list, where: Located) -> None:
    pred = [p for p in pred if _has_digit(p, where)]
    gold_spans = _locate_all([g.get("text") or "" for g in gold], where)
    pred_spans = [_pred_span(p, where) for p in pred]
    pairs = _pair_spans(gold_spans, pred_spans, lambda i, j: _same_quantity(
        gold[i].get("value"), gold[i].get("unit"), pred[j].get("value"), pred[j].get("unit")))
    _record(result, "figures", gold, pred, pairs)
    _record_full(result, "figures", gold, pred, pairs, _figure_diffs, ("qualifier", "year", "metric"))


def _gold_signing_span(sig: Mapping, where: Located) -> tuple[int, int] | None:
    if sig.get("text"):
        return where.find(sig["text"])
    span = where.find(sig.get("anchor") or "")
    return where.sentence(span) if span else None


def _score_signings(result: DocResult, doc: GoldDoc, pred: Mapping, where: Located) -> None:
    gold, found = doc.signings, _entries(pred, "signings")
    pred_orgs = _entries(pred, "organizations")
    gold_spans = [_gold_signing_span(s, where) for s in gold]
    pred_spans = [_pred_span(s, where) for s in found]

    def fallback(i: int, j: int) -> bool:
        date, count = gold[i].get("date"), _as_int(gold[i].get("count"))
        if gold_spans[i] is not None and pred_spans[j] is not None:
            return True
        return (date, count) != (None, None) and date == found[j].get("date") \
            and count == _as_int(found[j].get("count"))

    pairs = _pair_spans(gold_spans, pred_spans, fallback)
    _record(result, "signings", gold, found, pairs)
    _record_full(result, "signings", gold, found, pairs,
                 lambda g, p: _signing_diffs(g, p, doc.organizations, pred_orgs),
                 ("date", "count", "amount", "parties"))


# ---------------------------------------------------------------------- report

@dataclass
class Report:
    """Micro-averaged scores over all documents, with per-document details."""

    documents: list[DocResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def score(self, name: str) -> Score:
        """The summed tp/fp/fn of one field (a name in SCORED_FIELDS)."""
        return sum((d.scores[name] for d in self.documents), Score())

    def attribute_accuracy(self) -> dict[str, tuple[int, int]]:
        """Attribute -> (right, checked) over matched pairs, e.g. figures.year."""
        checked = sum((d.checked for d in self.documents), Counter())
        correct = sum((d.correct for d in self.documents), Counter())
        return {k: (correct[k], checked[k]) for k in sorted(checked)}

    def to_dict(self) -> dict[str, Any]:
        return {"documents": len(self.documents),
                "fields": {name: self.score(name).to_dict() for name in SCORED_FIELDS},
                "attributes": {k: {"right": r, "checked": n}
                               for k, (r, n) in self.attribute_accuracy().items()},
                "skipped": [{"id": i, "reason": why} for i, why in self.skipped],
                "details": [d.to_dict() for d in self.documents]}

    def format_table(self, *, details: bool = False) -> str:
        """A plain-text table of the scores; ``details`` adds each document's errors."""
        lines = [f"{'field':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for name in SCORED_FIELDS:
            s = self.score(name)
            lines.append(f"{name:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                         f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        lines.append("attribute accuracy on matched pairs")
        for attr, (right, checked) in self.attribute_accuracy().items():
            share = right / checked if checked else 1.0
            lines.append(f"  {attr:<22}{share:>7.3f}  ({right}/{checked})")
        failed = [d for d in self.documents if d.error]
        lines.append(f"documents: {len(self.documents)} scored, {len(self.skipped)} skipped, "
                     f"{len(failed)} failed")
        lines += [f"  skipped {i}: {why}" for i, why in self.skipped]
        lines += [f"  failed {d.id}: {d.error}" for d in failed]
        if details:
            lines += [line for d in self.documents for line in _detail_lines(d)]
        return "\n".join(lines)


def _detail_lines(doc: DocResult) -> list[str]:
    lines = []
    for name in FIELDS:
        lines += [f"{doc.id} {name} miss: {_show(e)}" for e in doc.misses.get(name, [])]
        lines += [f"{doc.id} {name} false: {_show(e)}" for e in doc.false_hits.get(name, [])]
        lines += [f"{doc.id} {name} wrong {','.join(w['differs'])}: {_show(w['gold'])} "
                  f"<> {_show(w['pred'])}" for w in doc.wrong.get(name, [])]
    return lines


def _show(entry: Mapping) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True)


def evaluate(gold_docs: Iterable[GoldDoc], extract: Callable[[GoldDoc], dict]) -> Report:
    """Run ``extract`` on every gold document and score its output.

    Documents with a ``skip_reason`` are listed as skipped. A document whose
    extraction raises is recorded with its error and scored as finding nothing.
    """
    report = Report()
    for doc in gold_docs:
        if doc.skip_reason:
            report.skipped.append((doc.id, doc.skip_reason))
            continue
        try:
            pred = extract(doc)
            error = None if isinstance(pred, Mapping) else f"extract returned {type(pred).__name__}, not a dict"
        except Exception as exc:  # noqa: BLE001 -- one failing document must not stop the run
            pred, error = {}, f"{type(exc).__name__}: {exc}"
        result = score_document(doc, pred if error is None else {})
        result.error = error
        report.documents.append(result)
    return report


# ---------------------------------------------------------------------- floors

def load_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file of per-field F1 floors ({"floors": {field: F1}})."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"baseline {path} cannot be read: {exc}") from exc


def check_floors(report: Report, baseline: Mapping[str, Any]) -> list[str]:
    """Regressions: one message per field whose F1 is below its floor (empty if fine)."""
    floors = baseline.get("floors", baseline) if isinstance(baseline, Mapping) else None
    if not isinstance(floors, Mapping):
        raise ConfigError("baseline must be an object with a 'floors' object of field: F1")
    regressions = []
    for name, floor in floors.items():
        if name not in SCORED_FIELDS or not _is_number(floor):
            raise ConfigError(f"baseline floor {name!r}: {floor!r} is not a known field with a "
                              f"number; fields are {', '.join(SCORED_FIELDS)}")
        f1 = report.score(name).f1
        if f1 + 1e-9 < floor:
            regressions.append(f"{name}: F1 {f1:.3f} is below the floor {floor:.3f}")
    return regressions

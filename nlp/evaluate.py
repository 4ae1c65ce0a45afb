"""Score extractor output against hand-annotated gold documents (``policyminer eval``).

The gold documents are read by :mod:`nlp.gold`; :mod:`nlp.matching` decides
which prediction pairs with which gold entry (its docstring holds the match
rules). This module counts the pairs, sums them into a :class:`Report` and
checks the report against the F1 floors of a baseline file.

Scores are micro-averaged over documents. With nothing predicted precision is
1.0 when nothing was expected, else 0.0; recall likewise; F1 is 0.0 when both
are 0.0. A ``*_full`` score counts as true positives only the matched pairs
whose full record is right (fp = predicted - tp, fn = gold - tp).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from nlp.alignment import Located, Pair, fold_name
from nlp.gold import (
    ANCHOR_MAX, BASELINE_NAME, FIELDS, KINDS, PHENOMENA, GoldDoc, default_seeds_dir, load_gold,
    validate_gold,
)
from nlp.matching import (
    figure_diffs, metric_matches, pair_figures, pair_organizations, pair_signings, same_parties,
    scored_figures, signing_diffs,
)
from policyminer.errors import ConfigError

__all__ = [
    "ANCHOR_MAX", "BASELINE_NAME", "FIELDS", "KINDS", "PHENOMENA", "SCORED_FIELDS",
    "DocResult", "GoldDoc", "Located", "Report", "Score",
    "check_floors", "default_seeds_dir", "evaluate", "fold_name", "load_baseline", "load_gold",
    "metric_matches", "same_parties", "score_document", "validate_gold",
]

SCORED_FIELDS = FIELDS + ("figures_full", "signings_full")


# --------------------------------------------------------------------- scoring

@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / predicted; 1.0 when nothing was predicted or expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """tp / expected; 1.0 when nothing was expected or predicted."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0.0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        """The summed counts of two scores."""
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded rates, as in the JSON report."""
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
        """The document's scores and the entries behind its errors, as JSON."""
        return {"id": self.id, "error": self.error,
                "scores": {k: v.to_dict() for k, v in self.scores.items()},
                "misses": self.misses, "false_hits": self.false_hits, "wrong": self.wrong}


def _entries(pred: Mapping, name: str) -> list[dict]:
    """The dict entries of one field of a prediction (none when malformed)."""
    items = pred.get(name)
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def _brief(entry: Mapping) -> dict:
    """An entry without its mentions, for the report."""
    return {k: v for k, v in entry.items() if k != "mentions"}


def _record(result: DocResult, name: str, gold: list, pred: list, pairs: list[Pair]) -> None:
    """Store the score of one field, its missed and its false entries."""
    result.scores[name] = Score(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    result.misses[name] = [_brief(g) for i, g in enumerate(gold) if i not in hit_g]
    result.false_hits[name] = [_brief(p) for j, p in enumerate(pred) if j not in hit_p]


def _record_full(result: DocResult, name: str, gold: list, pred: list,
                 pairs: list[Pair], diffs_of: Callable, attrs: Sequence[str]) -> None:
    """Store the ``*_full`` score of one field and the per-attribute accuracy of its pairs."""
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
    """Organisations found, and the accuracy of ``type`` on the matched pairs."""
    pairs = pair_organizations(gold, pred)
    _record(result, "organizations", gold, pred, pairs)
    wrong = [{"gold": _brief(gold[i]), "pred": _brief(pred[j]), "differs": ["type"]}
             for i, j in pairs if gold[i].get("type") != pred[j].get("type")]
    result.checked["organizations.type"] += len(pairs)
    result.correct["organizations.type"] += len(pairs) - len(wrong)
    result.wrong["organizations"] = wrong


def _score_figures(result: DocResult, gold: list, pred: list, where: Located) -> None:
    """Figures found, and their full records (qualifier, year, metric)."""
    pred = scored_figures(pred, where)
    pairs = pair_figures(gold, pred, where)
    _record(result, "figures", gold, pred, pairs)
    _record_full(result, "figures", gold, pred, pairs, figure_diffs, ("qualifier", "year", "metric"))


def _score_signings(result: DocResult, doc: GoldDoc, pred: Mapping, where: Located) -> None:
    """Signings found, and their full records (date, count, amount, parties)."""
    gold, found = doc.signings, _entries(pred, "signings")
    pred_orgs = _entries(pred, "organizations")
    pairs = pair_signings(gold, found, where)
    _record(result, "signings", gold, found, pairs)
    _record_full(result, "signings", gold, found, pairs,
                 lambda g, p: signing_diffs(g, p, doc.organizations, pred_orgs),
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
        """The whole report as JSON: fields, attributes, skipped and details."""
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
    """One line per missed, false or wrong entry of a document."""
    lines = []
    for name in FIELDS:
        lines += [f"{doc.id} {name} miss: {_show(e)}" for e in doc.misses.get(name, [])]
        lines += [f"{doc.id} {name} false: {_show(e)}" for e in doc.false_hits.get(name, [])]
        lines += [f"{doc.id} {name} wrong {','.join(w['differs'])}: {_show(w['gold'])} "
                  f"<> {_show(w['pred'])}" for w in doc.wrong.get(name, [])]
    return lines


def _show(entry: Mapping) -> str:
    """An entry as one line of JSON."""
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


def _is_number(value: Any) -> bool:
    """An int or float, not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


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

"""The per-field match rules of ``policyminer eval``: which prediction pairs with which gold entry.

Text is located in the prediction's own ``text`` when it has one (its offsets
index into it), else in the gold text (see :mod:`nlp.alignment`).

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
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any, Mapping, Sequence

from nlp.alignment import Located, Pair, Span, fold_name, locate_all, max_matching, pair_spans, pred_span

DIGIT = re.compile(r"[0-9０-９]")


# ---------------------------------------------------------------- organisations

def _org_keys(org: Mapping[str, Any]) -> set[str]:
    """Every folded name an organisation answers to: its name and aliases."""
    names = [org.get("name"), *(org.get("aliases") or [])]
    return {fold_name(n) for n in names if isinstance(n, str) and fold_name(n)}


def pair_organizations(gold: Sequence[Mapping], pred: Sequence[Mapping]) -> list[Pair]:
    """Gold and predicted organisations sharing a name or alias, one-to-one."""
    g, p = [_org_keys(o) for o in gold], [_org_keys(o) for o in pred]
    return max_matching(len(g), len(p), lambda i, j: g[i] & p[j])


# ---------------------------------------------------------------- figures

def _same_quantity(a_value: Any, a_unit: Any, b_value: Any, b_unit: Any) -> bool:
    """Values equal within 1e-6 (relative) and units equal after folding."""
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
    """``value`` as an int, or None when absent or not a number."""
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def figure_diffs(gold: Mapping, pred: Mapping) -> list[str]:
    """The full-record attributes (qualifier, year, metric) on which a matched figure is wrong."""
    diffs = [] if gold.get("qualifier") == pred.get("qualifier") else ["qualifier"]
    diffs += [] if _as_int(gold.get("year")) == _as_int(pred.get("year")) else ["year"]
    return diffs + ([] if metric_matches(gold.get("metric"), pred.get("metric")) else ["metric"])


def _has_digit(item: Mapping, where: Located) -> bool:
    """Whether a predicted figure's text (or the text at its offsets) holds an Arabic digit."""
    text = item.get("text")
    if not isinstance(text, str) or not text:
        span = pred_span(item, where)
        text = where.text[span[0]:span[1]] if span else ""
    return bool(DIGIT.search(text))


def scored_figures(pred: Sequence[dict], where: Located) -> list[dict]:
    """The predicted figures that are scored: those whose text holds an Arabic digit."""
    return [p for p in pred if _has_digit(p, where)]


def pair_figures(gold: Sequence[Mapping], pred: Sequence[Mapping], where: Located) -> list[Pair]:
    """Gold and predicted figures of the same quantity, by overlapping position."""
    gold_spans = locate_all([g.get("text") or "" for g in gold], where)
    pred_spans = [pred_span(p, where) for p in pred]
    return pair_spans(gold_spans, pred_spans, lambda i, j: _same_quantity(
        gold[i].get("value"), gold[i].get("unit"), pred[j].get("value"), pred[j].get("unit")))


# ---------------------------------------------------------------- signings

def _same_money(gold: Any, pred: Any) -> bool:
    """Two amounts ({value, unit}, unit 元 by default) equal, or both absent."""
    if gold is None or pred is None or not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        return gold is None and pred is None
    return _same_quantity(gold.get("value"), gold.get("unit") or "元",
                           pred.get("value"), pred.get("unit") or "元")


def _party_keys(party: str, orgs: Sequence[Mapping]) -> set[str]:
    """A party name and, when it names an organisation, all that organisation's names."""
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
    return len(g) == len(p) and len(max_matching(len(g), len(p), lambda i, j: g[i] & p[j])) == len(g)


def signing_diffs(gold: Mapping, pred: Mapping, gold_orgs: Sequence, pred_orgs: Sequence) -> list[str]:
    """The full-record attributes (date, count, amount, parties) on which a matched signing is wrong."""
    diffs = [] if (gold.get("date") or None) == (pred.get("date") or None) else ["date"]
    diffs += [] if _as_int(gold.get("count")) == _as_int(pred.get("count")) else ["count"]
    diffs += [] if _same_money(gold.get("amount"), pred.get("amount")) else ["amount"]
    parties = same_parties(gold.get("parties") or [], pred.get("parties") or [], gold_orgs, pred_orgs)
    return diffs + ([] if parties else ["parties"])


def _gold_signing_span(sig: Mapping, where: Located) -> Span | None:
    """A gold signing's sentence: its ``text`` located, or its ``anchor`` widened to the sentence."""
    if sig.get("text"):
        return where.find(sig["text"])
    span = where.find(sig.get("anchor") or "")
    return where.sentence(span) if span else None


def pair_signings(gold: Sequence[Mapping], pred: Sequence[Mapping], where: Located) -> list[Pair]:
    """Gold and predicted signings whose sentences overlap; else same date and count."""
    gold_spans = [_gold_signing_span(s, where) for s in gold]
    pred_spans = [pred_span(s, where) for s in pred]

    def fallback(i: int, j: int) -> bool:
        date, count = gold[i].get("date"), _as_int(gold[i].get("count"))
        if gold_spans[i] is not None and pred_spans[j] is not None:
            return True
        return (date, count) != (None, None) and date == pred[j].get("date") \
            and count == _as_int(pred[j].get("count"))

    return pair_spans(gold_spans, pred_spans, fallback)

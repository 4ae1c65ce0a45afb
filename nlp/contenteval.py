"""Score main-content extractors on test pages (title, date, body), as trafilatura's evaluation does.

A test page is ``<site>.<slug>.html`` beside a ``.json`` sidecar holding its
``url``, expected ``title`` and ``published`` (YYYY-MM-DD or null),
``must_contain`` and ``must_not_contain`` snippets, optionally ``encoding``
and a ``gold_text`` (the whole expected body). :func:`evaluate` runs each
extractor on every page and scores:

title, published
    Exact match after :func:`squeeze` (NFKC, whitespace removed); a date
    the extractor returns in another form is read with
    :func:`nlp.metadata.parse_date` first.
snippets ("with/without")
    A ``must_contain`` snippet found in the body is a true positive, missing
    a false negative; a ``must_not_contain`` snippet found is a false
    positive, absent a true negative. Matching is on squeezed text
    (NFKC, whitespace removed), so a hard wrap or a space an extractor
    leaves does not count; a snippet written with a line break in it
    (a paragraph boundary, or a name that must end a line) is matched on
    :func:`canonical` text, which keeps line breaks. A snippet that is only
    whitespace (a check of our own line format) is skipped.
body
    Character precision, recall and F1 of the body against ``gold_text``:
    the characters of the longest matching blocks of the two squeezed
    strings (:class:`difflib.SequenceMatcher`), so order matters and chrome
    sharing common characters with the article does not count as found.

Extractors are functions ``(html, url) -> Extraction``: :func:`ours`
(:func:`nlp.content.article_from_html`), :func:`trafilatura_alone` and
:func:`gne_alone` (GNE's ``GeneralNewsExtractor``, when installed).
"""
from __future__ import annotations

import difflib
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nlp.encoding import decode
from nlp.metadata import parse_date

_SPACE_RE = re.compile(r"\s+")
_INLINE_SPACE_RE = re.compile(r"[^\S\n]+")
_BREAKS_RE = re.compile(r"\n{2,}")


@dataclass
class PageCase:
    """A test page and what its sidecar expects."""

    name: str
    url: str
    html: str
    title: str
    published: str | None
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)
    gold_text: str | None = None


@dataclass
class Extraction:
    """What an extractor found on a page (``error`` when it failed on it)."""

    title: str = ""
    published: str | None = None
    text: str = ""
    error: str | None = None


@dataclass
class PageScore:
    """One extractor's score on one page."""

    page: str
    title_ok: bool
    date_ok: bool
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    missing: list[str] = field(default_factory=list)   # must_contain snippets not found
    leaked: list[str] = field(default_factory=list)    # must_not_contain snippets found
    body: tuple[float, float, float] | None = None     # (precision, recall, f1) against gold_text
    error: str | None = None


Extractor = Callable[[str, str], Extraction]


# ---------------------------------------------------------------- test pages

def load_case(html_path: Path) -> PageCase:
    """A test page and its sidecar (decoded with the sidecar's ``encoding`` as a hint)."""
    html_path = Path(html_path)
    data = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
    html, _ = decode(html_path.read_bytes(), hint=data.get("encoding"), name=html_path.name)
    return PageCase(name=html_path.stem, url=data["url"], html=html, title=data["title"],
                    published=data.get("published"), must_contain=list(data.get("must_contain", [])),
                    must_not_contain=list(data.get("must_not_contain", [])),
                    gold_text=data.get("gold_text"))


def load_cases(directory: Path) -> list[PageCase]:
    """Every ``*.html`` page with a sidecar in ``directory``, by name."""
    return [load_case(path) for path in sorted(Path(directory).glob("*.html"))
            if path.with_suffix(".json").is_file()]


# ---------------------------------------------------------------- extractors

def ours(html: str, url: str) -> Extraction:
    """policyminer's extractor, in automatic mode (no configured selectors)."""
    from nlp.content import article_from_html

    article = article_from_html(html, url)
    return Extraction(title=article.title, published=article.published, text=article.text)


def trafilatura_alone(html: str, url: str) -> Extraction:
    """trafilatura's default extraction and metadata (comments left out, tables kept)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True)
    if doc is None:
        return Extraction()
    return Extraction(title=doc.title or "", published=doc.date, text=doc.text or "")


def gne_alone(html: str, url: str) -> Extraction:
    """GNE's GeneralNewsExtractor with its defaults."""
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(html)
    return Extraction(title=result.get("title") or "", published=result.get("publish_time") or None,
                      text=result.get("content") or "")


def gne_installed() -> bool:
    """Whether GNE can be imported (it is a dev extra)."""
    try:
        import gne  # noqa: F401
    except ImportError:
        return False
    return True


def available_extractors() -> dict[str, Extractor]:
    """ours, trafilatura and, when installed, GNE, by name."""
    extractors: dict[str, Extractor] = {"policyminer": ours, "trafilatura": trafilatura_alone}
    if gne_installed():
        extractors["gne"] = gne_alone
    return extractors


def run_extractor(extractor: Extractor, case: PageCase) -> Extraction:
    """The extractor's result on a page; a failure becomes an empty Extraction with its reason."""
    try:
        return extractor(case.html, case.url)
    except Exception as exc:   # a crash on one page scores as nothing found, with its reason
        return Extraction(error=f"{case.name}: {type(exc).__name__}: {exc}")


# ---------------------------------------------------------------- scoring

def squeeze(text: str | None) -> str:
    """``text`` for comparison: NFKC (full-width → half-width), every whitespace removed."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text or ""))


def canonical(text: str | None) -> str:
    """``text`` for snippet matching: NFKC, spaces removed, line breaks kept (one per run of them)."""
    text = _INLINE_SPACE_RE.sub("", unicodedata.normalize("NFKC", text or "").replace("\r", "\n"))
    return _BREAKS_RE.sub("\n", text)


def same_date(found: str | None, expected: str | None) -> bool:
    """Whether an extracted date (any form parse_date reads) is the expected YYYY-MM-DD or both are None."""
    if not found or not expected:
        return not found and not expected
    return (parse_date(str(found)) or str(found)) == expected


def char_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Character precision, recall and F1 of ``predicted`` against ``gold`` (squeezed text, in order)."""
    pred, ref = squeeze(predicted), squeeze(gold)
    if not pred or not ref:
        return (1.0, 1.0, 1.0) if pred == ref else (0.0, 0.0, 0.0)
    matcher = difflib.SequenceMatcher(None, pred, ref, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    precision, recall = common / len(pred), common / len(ref)
    return precision, recall, _f1(precision, recall)


def score_page(case: PageCase, found: Extraction) -> PageScore:
    """Score one extraction against its page's expectations."""
    found_in = _finder(found.text)
    score = PageScore(page=case.name, title_ok=bool(found.title) and squeeze(found.title) == squeeze(case.title),
                      date_ok=same_date(found.published, case.published), error=found.error)
    for snippet in filter(squeeze, case.must_contain):
        if found_in(snippet):
            score.tp += 1
        else:
            score.fn += 1
            score.missing.append(snippet)
    for snippet in filter(squeeze, case.must_not_contain):
        if found_in(snippet):
            score.fp += 1
            score.leaked.append(snippet)
        else:
            score.tn += 1
    if case.gold_text:
        score.body = char_prf(found.text, case.gold_text)
    return score


def _finder(text: str) -> Callable[[str], bool]:
    """A test of whether a snippet occurs in ``text`` (see the module docstring)."""
    flat = squeeze(text)
    lined = "\n" + canonical(text).strip("\n") + "\n"   # a snippet may end a line at either edge

    def found_in(snippet: str) -> bool:
        wanted = canonical(snippet)
        return wanted in lined if "\n" in wanted else wanted in flat
    return found_in


def summarize(scores: list[PageScore]) -> dict:
    """Title/date accuracy, pooled snippet precision/recall/F1, mean body P/R/F1 over gold pages."""
    n = len(scores) or 1
    tp, fn, fp, tn = (sum(getattr(s, key) for s in scores) for key in ("tp", "fn", "fp", "tn"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    gold = [s.body for s in scores if s.body is not None]
    mean = lambda i: round(sum(b[i] for b in gold) / len(gold), 4) if gold else None   # noqa: E731
    return {
        "pages": len(scores),
        "title_accuracy": round(sum(s.title_ok for s in scores) / n, 4),
        "date_accuracy": round(sum(s.date_ok for s in scores) / n, 4),
        "snippet_precision": round(precision, 4), "snippet_recall": round(recall, 4),
        "snippet_f1": round(_f1(precision, recall), 4),
        "snippet_accuracy": round(_ratio(tp + tn, tp + tn + fp + fn), 4),
        "gold_pages": len(gold),
        "body_precision": mean(0), "body_recall": mean(1), "body_f1": mean(2),
        "errors": sum(1 for s in scores if s.error),
    }


def evaluate(cases: Iterable[PageCase], extractors: dict[str, Extractor] | None = None) -> dict[str, dict]:
    """Run each extractor on every case: name → {"summary", "pages" (PageScores), "seconds"}."""
    cases = list(cases)
    extractors = extractors if extractors is not None else available_extractors()
    results = {}
    for name, extractor in extractors.items():
        start = time.perf_counter()
        scores = [score_page(case, run_extractor(extractor, case)) for case in cases]
        results[name] = {"summary": summarize(scores), "pages": scores,
                         "seconds": round(time.perf_counter() - start, 3)}
    return results


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

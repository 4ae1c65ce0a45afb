"""Main-content extraction quality: policyminer vs trafilatura alone vs GNE alone, on the test pages.

    .venv/bin/python -m benchmarks.content [--pages DIR] [--per-page]

Runs every extractor of :func:`nlp.contenteval.available_extractors` (GNE
only when installed: ``pip install gne==0.4.3``) on tests/nlp/pages and
prints a JSON object, then the same comparison as a Markdown table: title
and date accuracy, snippet precision/recall/F1 (trafilatura's with/without
snippets), mean character P/R/F1 of the body on pages with a ``gold_text``,
and seconds for all pages. ``--per-page`` adds each extractor's misses.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.common import REPO
from nlp.contenteval import evaluate, load_cases

COLUMNS = (("title_accuracy", "title acc."), ("date_accuracy", "date acc."),
           ("snippet_precision", "snippet P"), ("snippet_recall", "snippet R"), ("snippet_f1", "snippet F1"),
           ("body_precision", "body P"), ("body_recall", "body R"), ("body_f1", "body F1"))


def markdown_table(results: dict[str, dict]) -> str:
    """The comparison as a Markdown table, one row per extractor."""
    header = "| extractor | " + " | ".join(label for _, label in COLUMNS) + " | seconds |"
    rule = "|" + "---|" * (len(COLUMNS) + 2)
    rows = []
    for name, result in results.items():
        summary = result["summary"]
        cells = [_cell(summary[key]) for key, _ in COLUMNS]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {result['seconds']:.2f} |")
    return "\n".join([header, rule, *rows])


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def misses(result: dict) -> dict[str, dict]:
    """Per page: what an extractor got wrong (pages it got entirely right are left out)."""
    out = {}
    for score in result["pages"]:
        wrong = {key: value for key, value in (
            ("title", not score.title_ok), ("date", not score.date_ok), ("missing", score.missing),
            ("leaked", score.leaked), ("error", score.error)) if value}
        if score.body is not None and score.body[2] < 0.99:
            wrong["body_f1"] = round(score.body[2], 3)
        if wrong:
            out[score.page] = wrong
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REPO / "tests" / "nlp" / "pages")
    parser.add_argument("--per-page", action="store_true", help="list each extractor's misses by page")
    args = parser.parse_args(argv)
    cases = load_cases(args.pages)
    results = evaluate(cases)
    report = {"pages": len(cases), "gold_pages": sum(1 for c in cases if c.gold_text),
              "extractors": {name: {**r["summary"], "seconds": r["seconds"]} for name, r in results.items()}}
    if args.per_page:
        report["misses"] = {name: misses(r) for name, r in results.items()}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    print()
    print(markdown_table(results))


if __name__ == "__main__":
    main()

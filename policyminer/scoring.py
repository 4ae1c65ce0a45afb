"""`policyminer eval`: run the extractor over annotated documents and score it."""
from __future__ import annotations

from pathlib import Path


def run_eval(gold_dir: Path, *, baseline: Path | None = None, dictionary_dir: Path | None = None,
             seeds_dir: Path | None = None):
    """Score every gold document; returns (report, regressions below the baseline)."""
    from nlp.evaluate import check_floors, evaluate, load_baseline, load_gold
    docs = load_gold(gold_dir, seeds_dir=seeds_dir)

    def extract(doc) -> dict:
        # The same path as `policyminer extract FILE` on a text dump of a page: the headline
        # line first, then the body; cleaning and title detection included.
        from nlp.content import read_article
        from nlp.pipeline import extract_article
        url = doc.url or f"file:///devset/{doc.id}.txt"
        raw = doc.text
        if doc.title and not raw.lstrip().startswith(doc.title):
            raw = f"{doc.title}\n\n{raw}"
        article = read_article(raw.encode("utf-8"), url, name=doc.id)
        if doc.published:
            article.published = doc.published
        return extract_article(article, dictionary_dir=dictionary_dir).to_dict()

    report = evaluate(docs, extract)
    regressions = check_floors(report, load_baseline(baseline)) if baseline else []
    return report, regressions

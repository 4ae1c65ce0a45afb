"""`policyminer eval`: run the extractor over annotated documents and score it."""
from __future__ import annotations

import json
from pathlib import Path

from policyminer.errors import ConfigError


def run_eval(gold_dir: Path, *, baseline: Path | None = None, dictionary_dir: Path | None = None,
             seeds_dir: Path | None = None):
    """Score every gold document; returns (report, regressions below the baseline)."""
    from nlp.evaluate import check_floors, evaluate, load_gold
    docs = load_gold(gold_dir, seeds_dir=seeds_dir)

    def extract(doc) -> dict:
        # The same path as `policyminer extract FILE`: raw bytes in, cleaning included.
        from nlp.content import read_article
        from nlp.pipeline import extract_article
        url = doc.url or f"file:///devset/{doc.id}.txt"
        article = read_article(doc.text.encode("utf-8"), url, name=doc.id)
        if doc.published:
            article.published = doc.published
        return extract_article(article, dictionary_dir=dictionary_dir).to_dict()

    report = evaluate(docs, extract)
    regressions = check_floors(report, _read_baseline(baseline)) if baseline else []
    return report, regressions


def _read_baseline(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc})") from exc

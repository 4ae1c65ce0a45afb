"""The extraction pipeline: spaCy ``zh`` (jieba segmenter) plus policyminer's components.

Segmentation happens once, in the tokenizer; the components read the tokens
from the Doc and put their results on Doc extensions:

    doc._.organizations   list[Organization]   (component "pm_organizations")
    doc._.figures         list[Figure]         (component "pm_figures")
    doc._.signings        list[Signing]        (component "pm_signings")

Context for a document (its publication date and region) is set on
``doc._.published`` / ``doc._.region`` before the components run, never taken
from the clock. ``extract_article`` turns an Article into an Extracted record;
``map_documents`` runs a function over a batch on every core.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.tokenizer import JiebaTokenizer, doc_text, doc_tokens
from policyminer.errors import InputError
from policyminer.records import Article, Extracted, doc_id

MAX_TEXT_CHARS = 2_000_000
NLP_DIR = Path(__file__).resolve().parent

for _name in ("published", "region", "organizations", "figures", "signings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("pm_organizations", default_config={"dictionary_dir": None},
                  assigns=["doc._.organizations"])
def make_organizations(nlp: Language, name: str, dictionary_dir: str | None):
    """Organisations from suffix rules, dictionaries and in-document aliases."""
    from nlp.organizations import find_organizations
    directory = Path(dictionary_dir) if dictionary_dir else None

    def component(doc: Doc) -> Doc:
        doc._.organizations = find_organizations(
            doc_text(doc), tokens=doc_tokens(doc), region=doc._.region, dictionary_dir=directory)
        return doc
    return component


@Language.factory("pm_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str):
    """Statistics written with Arabic digits: value, unit, qualifier, metric, year."""
    from nlp.figures import find_figures

    def component(doc: Doc) -> Doc:
        doc._.figures = find_figures(doc_text(doc), published=doc._.published)
        return doc
    return component


@Language.factory("pm_signings", requires=["doc._.organizations"], assigns=["doc._.signings"])
def make_signings(nlp: Language, name: str):
    """Signing events, with parties taken from doc._.organizations."""
    from nlp.signings import find_signings

    def component(doc: Doc) -> Doc:
        doc._.signings = find_signings(doc_text(doc), doc._.organizations or [],
                                       published=doc._.published)
        return doc
    return component


def build_nlp(dictionary_dir: Path | None = None) -> Language:
    """A fresh pipeline: zh tokenizer with jieba, then the three extractors."""
    import jieba
    from spacy.lang.zh import Chinese
    jieba.setLogLevel(logging.WARNING)   # its "Building prefix dict" lines are not news
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)      # the same Docs, faster (see nlp.tokenizer)
    nlp.max_length = MAX_TEXT_CHARS
    nlp.add_pipe("pm_organizations",
                 config={"dictionary_dir": str(dictionary_dir) if dictionary_dir else None})
    nlp.add_pipe("pm_figures")
    nlp.add_pipe("pm_signings")
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(dictionary_dir: str | None = None) -> Language:
    """One pipeline per process and dictionary directory."""
    return build_nlp(Path(dictionary_dir) if dictionary_dir else None)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever the NLP code or the default dictionaries change.

    ``policyminer run`` re-extracts stored pages whose record carries another
    version, so improving the NLP never needs a re-crawl.
    """
    digest = hashlib.sha1()
    paths = sorted(NLP_DIR.glob("*.py"))
    paths += sorted((NLP_DIR.parent / "config" / "dictionaries").glob("**/*.txt"))
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def extract_article(article: Article, *, nlp: Language | None = None,
                    dictionary_dir: Path | None = None) -> Extracted:
    """Run the pipeline over one article and return its Extracted record."""
    from nlp.dates import find_published
    if len(article.text) > MAX_TEXT_CHARS:
        raise InputError(f"{article.url}: text of {len(article.text):,} characters is larger "
                         f"than the {MAX_TEXT_CHARS:,} policyminer extracts; split the document")
    from nlp.encoding import scrub
    from nlp.policymeta import complete_metadata
    from nlp.script import Script, as_written
    script = Script(scrub(article.text))       # no control chars or lone surrogates
    written_title = scrub(article.title)
    text, title = script.view, script.view_of(written_title)   # traditional: read in simplified
    nlp = nlp or shared_nlp(str(dictionary_dir) if dictionary_dir else None)
    metadata, doc_type = complete_metadata(article.metadata, text, doc_type=article.doc_type,
                                           title=title)
    # the reference date: the page's, a date the text gives itself, else a policy's 成文日期
    published = article.published or find_published(text) or _full_date(metadata.get("written"))
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.region = article.region
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    from nlp.places import add_places      # places and signing location codes (GB/T 2260)
    record = add_places(Extracted(
        id=doc_id(article.url), url=article.url, title=written_title, published=published,
        text=text, organizations=doc._.organizations or [], figures=doc._.figures or [],
        signings=doc._.signings or [], source=article.source, doc_type=doc_type,
        region=article.region, metadata=metadata, extractor_version=extractor_version()),
        dictionary_dir=dictionary_dir)
    return as_written(record, script)           # names, metrics and sentences as the document wrote them


def _full_date(value: Any) -> str | None:
    """``value`` when it is a full ISO date (YYYY-MM-DD), else None."""
    return value if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-" else None


# --- batches on several processes -------------------------------------------

# Loads every lazy table (jieba's dictionary and tags, the lexicon, OpenCC) when extracted.
_WARM_UP_TEXT = "2024年3月27日，重庆市江津区人民政府与重庆大学签订合作协议，总投资约156亿元。"


@lru_cache(maxsize=4)
def _warm_up(dictionary_dir: str | None) -> None:
    """Load the pipeline and its tables once, before worker processes are forked.

    The workers then share them with this process instead of each loading its own.
    A failure here (a broken dictionary directory) is left for each item to report.
    """
    import nlp.content   # noqa: F401  policymeta's outlet check imports it on a credit line
    try:
        extract_article(Article(url="policyminer:warm-up", title="", text=_WARM_UP_TEXT),
                        nlp=shared_nlp(dictionary_dir),
                        dictionary_dir=Path(dictionary_dir) if dictionary_dir else None)
    except Exception:   # only an optimisation: the batch reports the error item by item
        return


def _worker_init(dictionary_dir: str | None) -> None:
    shared_nlp(dictionary_dir)


def _run_job(job: tuple[Callable[..., Any], Any, str | None]) -> Any:
    func, item, dictionary_dir = job
    return func(item, shared_nlp(dictionary_dir))


def map_documents(func: Callable[[Any, Language], Any], items: Iterable[Any], *,
                  workers: int = 0, dictionary_dir: Path | None = None) -> Iterator[Any]:
    """Apply ``func(item, nlp)`` to every item, in order, on ``workers`` processes.

    ``func`` must be a module-level function (it is pickled to the workers) and
    should catch its own per-item errors so that one bad item does not stop a batch.
    """
    directory = str(dictionary_dir) if dictionary_dir else None
    items = list(items)
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(items) < 4:
        for item in items:
            yield func(item, shared_nlp(directory))
        return
    _warm_up(directory)
    workers = min(workers, len(items))
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_worker_init, initargs=(directory,)) as pool:
        jobs = ((func, item, directory) for item in items)
        yield from pool.imap(_run_job, jobs, chunksize=chunk_size(len(items), workers))


def chunk_size(count: int, workers: int) -> int:
    """Items per job sent to a worker: some two dozen jobs per worker, at most 16 items each.

    Each job costs the parent process, which shares the cores with the workers,
    a pickle and a wake-up; smaller jobs than that only balance the end of a batch.
    """
    return max(1, min(16, count // (workers * 24)))

"""TF-IDF keywords of a document, and the documents most like it, over jieba words.

Terms are jieba words from a segmenter of our own that also knows the
project's dictionaries (organisation names and aliases, place names, name
phrases, platform and institution suffixes such as 科技园), so 西南大学 and
大学科技园 stay whole. Where the caller knows where an organisation is
mentioned (``Extracted.organizations``), those spans become one term each,
the organisation's canonical name (西大 counts as 西南大学). Stopwords
(config/keywords/stop_words.txt), numbers, single characters and punctuation
are dropped.

:class:`KeywordModel` wraps scikit-learn's ``TfidfVectorizer`` (sublinear tf,
smoothed idf, L2-normalised rows) fed with those terms. After ``fit``:

    model.keywords_of(row, k)       top terms of a fitted document, with weights
    model.keywords(text, k)         top terms of any text, with the corpus' idf
    model.similar(row, k)           nearest fitted documents by cosine
    model.shared_terms(a, b, k)     the terms that make two documents alike

Each row keeps only its ``max_terms`` heaviest terms (re-normalised), which
bounds the matrix at ``max_terms`` non-zeros a document: 100 000 documents
take about 80 MB. A query is one sparse matrix-vector product.
``background_keywords`` serves a lone document with no corpus: its idf is
jieba's general-Chinese table (an idf estimated over the document's own
sentences was tried and dropped: it ranks a document's own topic, repeated in
every sentence, below words that occur once).
"""
from __future__ import annotations

import bisect
import functools
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

KEYWORDS_DIR = Path(__file__).resolve().parents[1] / "config" / "keywords"
DEFAULT_STOPWORDS = KEYWORDS_DIR / "stop_words.txt"
DEFAULT_TERMS = KEYWORDS_DIR / "terms.txt"
MAX_TERMS = 100
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
Span = tuple[int, int, str]          # [start, end) of a mention, and the term it stands for

_NUMERALS = "零〇一二三四五六七八九十百千万亿两几数第余多"
_UNITS = "是年月日号时分秒点亿万千百元角个家项条批次名位人户件台套座只栋层所间期届倍岁周天%％"
_NUMBER = re.compile(rf"^(?:[\d.,，．·+\-]+|[{_NUMERALS}]+)[{_UNITS}{_NUMERALS}]*$")
_WORDLIKE = re.compile(rf"[{CJK}A-Za-z]")


# --- terms ------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def stopwords(path: Path | None = None) -> frozenset[str]:
    """The stopword list (default: config/keywords/stop_words.txt); '#' starts a comment."""
    return _word_file(Path(path or DEFAULT_STOPWORDS))


def domain_terms(path: Path | None = None) -> frozenset[str]:
    """Domain terms kept whole (default: config/keywords/terms.txt)."""
    return _word_file(Path(path or DEFAULT_TERMS))


def _word_file(path: Path) -> frozenset[str]:
    """The words of a one-word-a-line file (empty when it is absent)."""
    if not path.is_file():
        return frozenset()
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


@functools.lru_cache(maxsize=4)
def segmenter(dictionary_dir: Path | None = None):
    """A jieba Tokenizer of its own that knows the dictionary words (the shared one is untouched)."""
    import jieba
    from nlp.lexicon import load_lexicon
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(dictionary_words(load_lexicon(dictionary_dir)) | domain_terms()):
        tokenizer.add_word(word)
    return tokenizer


@functools.lru_cache(maxsize=4)
def _name_scanner(dictionary_dir: Path | None = None):
    """Finds the dictionary's organisation names and unambiguous aliases, with their names.

    Two-character aliases are left out: 西大 also sits inside 山西大学. The
    extractor resolves those in context, and its mentions come as caller spans.
    """
    from nlp.lexicon import load_lexicon
    from nlp.wordscan import WordScanner
    lexicon = load_lexicon(dictionary_dir)
    words = (w for w, name in lexicon.surface.items() if w == name or len(w) >= 3)
    return WordScanner(w for w in words if len(w) >= 2), lexicon.surface


def name_spans(text: str, *, dictionary_dir: Path | None = None) -> list[Span]:
    """Where the dictionary's organisations are named in ``text`` (an alias gives the full name)."""
    scanner, surface = _name_scanner(dictionary_dir)
    return [(start, end, surface[word]) for start, end, word in scanner.find_all(text)]


def dictionary_words(lexicon) -> set[str]:
    """Words of the lexicon that should stay whole: names, aliases, places, phrases, suffixes."""
    words = set(lexicon.surface) | set(lexicon.places) | set(lexicon.suffixes)
    words |= lexicon.word_set("name_phrases") | lexicon.word_set("generic_names")
    return {w for w in words if len(w) >= 2 and not w.isspace()}


def normalise(term: str) -> str:
    """The form a term is counted in: NFKC (full-width letters to ASCII), lower case."""
    return unicodedata.normalize("NFKC", term).strip().lower()


def is_term(word: str, stop: frozenset[str] = frozenset()) -> bool:
    """True for a word worth counting: two characters or more, not a number, not a stopword."""
    return (len(word) >= 2 and word not in stop and bool(_WORDLIKE.search(word))
            and not _NUMBER.match(word))


def positioned_terms(text: str, spans: Sequence[Span] = (), *, dictionary_dir: Path | None = None,
                     stop: frozenset[str] | None = None) -> list[tuple[str, int]]:
    """(term, start) of every counted term of ``text``; each span gives its own term."""
    stop = stopwords() if stop is None else stop
    cut = segmenter(dictionary_dir).cut
    found: list[tuple[str, int]] = []
    position = 0
    spans = list(spans) + name_spans(text, dictionary_dir=dictionary_dir)
    for start, end, term in _clean_spans(spans, len(text)) + [(len(text), len(text), "")]:
        offset = position
        for word in cut(text[position:start]):
            word_norm = normalise(word)
            if is_term(word_norm, stop):
                found.append((word_norm, offset))
            offset += len(word)
        if term:
            found.append((normalise(term), start))
        position = end
    return found


def terms(text: str, spans: Sequence[Span] = (), *, dictionary_dir: Path | None = None) -> list[str]:
    """The counted terms of ``text`` in order (see :func:`positioned_terms`)."""
    return [term for term, _ in positioned_terms(text, spans, dictionary_dir=dictionary_dir)]


def _clean_spans(spans: Sequence[Span], size: int) -> list[Span]:
    """Spans inside the text, sorted, without overlaps: of two that overlap, the one listed first wins."""
    kept: list[Span] = []
    for start, end, term in spans:
        if not (0 <= start < end <= size and term):
            continue
        at = bisect.bisect_left(kept, (start, -1, ""))
        if (at and kept[at - 1][1] > start) or (at < len(kept) and kept[at][0] < end):
            continue
        kept.insert(at, (start, end, term))
    return kept


def _as_terms(doc: Sequence[str]) -> Sequence[str]:
    """The vectorizer's analyzer: documents arrive already cut into terms."""
    return doc


# --- the model --------------------------------------------------------------

class KeywordModel:
    """TF-IDF over jieba terms of a corpus; keywords and cosine neighbours per document."""

    def __init__(self, *, max_terms: int = MAX_TERMS, dictionary_dir: Path | None = None):
        self.max_terms = max_terms
        self.dictionary_dir = Path(dictionary_dir) if dictionary_dir else None
        self.vectorizer = None
        self.matrix = None          # scipy CSR, documents × terms, rows L2-normalised
        self.vocabulary: np.ndarray | None = None
        self.meta: dict[str, Any] = {}   # the caller's data, saved with the model

    @property
    def fitted(self) -> bool:
        return self.matrix is not None

    def __len__(self) -> int:
        return 0 if self.matrix is None else self.matrix.shape[0]

    def terms(self, text: str, spans: Sequence[Span] = ()) -> list[str]:
        """The counted terms of ``text`` with this model's dictionaries."""
        return terms(text, spans, dictionary_dir=self.dictionary_dir)

    def fit(self, texts: Iterable[str | tuple[str, Sequence[Span]]]) -> "KeywordModel":
        """Fit over texts (or (text, spans) pairs), streamed once."""
        return self.fit_terms(self.terms(*t) if isinstance(t, tuple) else self.terms(t) for t in texts)

    def fit_terms(self, documents: Iterable[Sequence[str]]) -> "KeywordModel":
        """Fit over documents already cut into terms, streamed once."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        self.vectorizer = TfidfVectorizer(analyzer=_as_terms, sublinear_tf=True, dtype=np.float32)
        try:
            matrix = self.vectorizer.fit_transform(documents)
        except ValueError:      # no document had a single term
            self.vectorizer, self.matrix, self.vocabulary = None, None, None
            raise ValueError("no keyword terms in any document") from None
        self.vectorizer.stop_words_ = None          # pruned-terms set: useless, large
        self.vocabulary = self.vectorizer.get_feature_names_out()
        self.matrix = _prune_rows(matrix.tocsr(), self.max_terms)
        return self

    def update(self, keep: Sequence[int], documents: Sequence[Sequence[str]]) -> "KeywordModel":
        """Keep rows ``keep`` (in that order), then append rows for ``documents`` (already cut into terms).

        The new rows are weighted with the fitted vocabulary and idf; terms the
        corpus had not seen are left out until the next full :meth:`fit`.
        """
        from scipy.sparse import vstack
        self._check()
        parts = [self.matrix[np.asarray(keep, dtype=np.int64)]]
        if documents:
            parts.append(_prune_rows(self.vectorizer.transform(documents).tocsr(), self.max_terms))
        self.matrix = vstack(parts, format="csr")
        return self

    def vector(self, document_terms: Sequence[str]):
        """The L2-normalised tf-idf row of a new document (terms unseen in the corpus are dropped)."""
        self._check()
        return self.vectorizer.transform([document_terms])

    def keywords_of(self, row: int, k: int = 10) -> list[tuple[str, float]]:
        """The ``k`` heaviest terms of fitted document ``row``, heaviest first."""
        self._check(row)
        return _top_terms(self.matrix.getrow(row), self.vocabulary, k)

    def keywords(self, text: str, k: int = 10, *, spans: Sequence[Span] = ()) -> list[tuple[str, float]]:
        """The ``k`` heaviest terms of any text, weighted with the corpus' idf.

        A term the corpus never saw gets the idf of a term in one document (this one).
        """
        self._check()
        return self.keywords_of_terms(self.terms(text, spans), k)

    def keywords_of_terms(self, document_terms: Sequence[str], k: int = 10) -> list[tuple[str, float]]:
        """Like :meth:`keywords` for a document already cut into terms."""
        self._check()
        vocabulary, idf = self.vectorizer.vocabulary_, self.vectorizer.idf_
        unseen = float(np.log((len(self) + 1) / 2) + 1)   # as rare as a term of one document
        return weighted_terms(document_terms, lambda t: idf[vocabulary[t]] if t in vocabulary else unseen, k)

    def similar(self, row: int, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` fitted documents closest to ``row`` by cosine, (row, score), best first."""
        self._check(row)
        return self.similar_to(self.matrix.getrow(row), k, exclude=row)

    def similar_to(self, vector, k: int = 10, *, exclude: int | None = None) -> list[tuple[int, float]]:
        """The ``k`` fitted documents closest to a tf-idf row vector (zero scores left out)."""
        self._check()
        scores = np.asarray((self.matrix @ vector.T).todense()).ravel()
        if exclude is not None:
            scores[exclude] = 0.0
        k = min(k, len(scores))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.lexsort((best, -scores[best]))]
        return [(int(i), round(float(scores[i]), 4)) for i in best if scores[i] > 0]

    def shared_terms(self, a: int, b: int, k: int = 5) -> list[str]:
        """The terms that add most to the cosine of rows ``a`` and ``b``."""
        self._check(a)
        self._check(b)
        product = self.matrix.getrow(a).multiply(self.matrix.getrow(b)).tocsr()
        return [term for term, _ in _top_terms(product, self.vocabulary, k)]

    def save(self, path: str | Path) -> Path:
        """Write the model with joblib through a temporary file and an atomic rename."""
        import joblib
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            joblib.dump(self, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    @classmethod
    def load(cls, path: str | Path) -> "KeywordModel":
        """A model written by :meth:`save` (only load files you wrote: this is a pickle)."""
        import joblib
        model = joblib.load(Path(path))
        if not isinstance(model, cls):
            raise ValueError(f"{path}: not a keyword model")
        return model

    def _check(self, row: int | None = None) -> None:
        if self.matrix is None:
            raise ValueError("the keyword model is not fitted; call fit() first")
        if row is not None and not 0 <= row < self.matrix.shape[0]:
            raise IndexError(f"document row {row} is outside the model's {self.matrix.shape[0]} rows")


def weighted_terms(document_terms: Sequence[str], idf, k: int) -> list[tuple[str, float]]:
    """Top ``k`` terms by (1 + log tf) · idf(term), L2-normalised, heaviest first (ties by term)."""
    counts: dict[str, int] = {}
    for term in document_terms:
        counts[term] = counts.get(term, 0) + 1
    weights = {t: (1.0 + float(np.log(n))) * float(idf(t)) for t, n in counts.items()}
    norm = float(np.sqrt(sum(w * w for w in weights.values()))) or 1.0
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:k]
    return [(term, round(weight / norm, 4)) for term, weight in ranked]


@functools.lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """(term → idf, median idf) of the general-Chinese idf table that jieba ships (no download)."""
    import importlib.util
    spec = importlib.util.find_spec("jieba")
    path = Path(list(spec.submodule_search_locations)[0]) / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.rpartition(" ")
        if word:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 1.0


def background_keywords(text: str, k: int = 10, *, spans: Sequence[Span] = (),
                        dictionary_dir: Path | None = None) -> list[tuple[str, float]]:
    """Keywords of a lone document, with no corpus: idf from jieba's general-Chinese table.

    Terms the table lacks (most organisation names, 校地合作) get its median idf.
    """
    table, median = general_idf()
    found = terms(text, spans, dictionary_dir=dictionary_dir)
    return weighted_terms(found, lambda t: table.get(t, median), k)


def _prune_rows(matrix, max_terms: int):
    """Keep each row's ``max_terms`` largest values, then re-normalise the rows (L2)."""
    from sklearn.preprocessing import normalize
    matrix = matrix.astype(np.float32)
    if max_terms and matrix.getnnz(axis=1).max(initial=0) > max_terms:
        for row in range(matrix.shape[0]):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            if end - start > max_terms:     # heaviest first, ties by term column
                order = np.lexsort((matrix.indices[start:end], -matrix.data[start:end]))
                matrix.data[start + order[max_terms:]] = 0.0
        matrix.eliminate_zeros()
    return normalize(matrix, norm="l2", copy=False)


def _top_terms(row, vocabulary: np.ndarray, k: int) -> list[tuple[str, float]]:
    """(term, weight) of the ``k`` largest entries of a 1-row sparse matrix, ties by term."""
    row = row.tocsr()
    pairs = [(str(vocabulary[i]), float(v)) for i, v in zip(row.indices, row.data) if v > 0]
    pairs.sort(key=lambda p: (-p[1], p[0]))
    return [(term, round(weight, 4)) for term, weight in pairs[:k]]

"""The pipeline's tokenizer, and reading a Doc's text and tokens without Token objects.

:class:`JiebaTokenizer` is spaCy's ``zh`` tokenizer with the jieba segmenter,
giving the same Docs, with three differences that only change speed:

- it segments with :func:`nlp.segmenter.cut`, which gives jieba's words with
  less work;
- it aligns the words with the text in linear time (spaCy's
  ``get_words_and_spaces`` searches a fresh copy of the rest of the text for
  every word, which is quadratic in the length of a long document), and in a
  single pass when the words spell the text exactly, as jieba's always do;
- it keeps the text it was given on the Doc, for :func:`doc_text`.
"""
from __future__ import annotations

from itertools import accumulate
from operator import add

from spacy.errors import Errors
from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc

from nlp.segmenter import cut

_TEXT_KEY = "policyminer_text"
_TOKENS_KEY = "policyminer_tokens"


class JiebaTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer with the jieba segmenter, keeping its input text."""

    def __init__(self, vocab):
        super().__init__(vocab, segmenter="jieba")

    def __call__(self, text: str) -> Doc:
        words = [word for word in cut(text) if word]
        words, spaces = words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[_TEXT_KEY] = text
        doc.user_data[_TOKENS_KEY] = _offsets(words, spaces)
        return doc


def _offsets(words: list[str], spaces: list[bool]) -> list[tuple[str, int, int]]:
    """(word, start, end) of each token, as the Doc computes its IDX: after the word and its space."""
    sizes = list(map(len, words))
    nexts = list(accumulate(map(add, sizes, spaces)))
    starts = [0] + nexts[:-1]
    return list(zip(words, starts, map(add, starts, sizes)))


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """What ``spacy.util.get_words_and_spaces(words, text)`` returns, in linear time.

    Whitespace words are dropped; the text between two words becomes a token of
    its own, except one plain space after a word, which becomes its space flag.
    """
    if "".join(words) == text:
        return _spelled_words_and_spaces(words)
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    position = 0
    for word in (w for w in words if not w.isspace()):
        start = text.find(word, position)
        if start < 0:
            raise ValueError(Errors.E194.format(text=text, words=words))
        if start > position:
            text_words.append(text[position:start])
            text_spaces.append(False)
        text_words.append(word)
        position = start + len(word)
        if position < len(text) and text[position] == " ":
            text_spaces.append(True)
            position += 1
        else:
            text_spaces.append(False)
    if position < len(text):
        text_words.append(text[position:])
        text_spaces.append(False)
    return text_words, text_spaces


def _spelled_words_and_spaces(words: list[str]) -> tuple[list[str], list[bool]]:
    """:func:`words_and_spaces` for words that spell the text exactly, whitespace included."""
    text_words: list[str] = []
    text_spaces: list[bool] = []
    gap, after_word = "", False
    for word in words:
        if word.isspace():
            if after_word and word[0] == " ":
                text_spaces[-1] = True      # the one space after a word is its flag
                gap += word[1:]
            else:
                gap += word
            after_word = False
            continue
        if gap:
            text_words.append(gap)
            text_spaces.append(False)
            gap = ""
        text_words.append(word)
        text_spaces.append(False)
        after_word = True
    if gap:
        text_words.append(gap)
        text_spaces.append(False)
    return text_words, text_spaces


def doc_text(doc: Doc) -> str:
    """The text of ``doc``: the one its tokenizer was given, else ``doc.text``.

    spaCy rebuilds ``doc.text`` from Token objects on every access, which
    costs as much as a component's own work on a short document.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[tuple[str, int, int]]:
    """The tokens of ``doc`` as (word, start, end): the tokenizer's, else read from its arrays.

    No Token objects are made either way.
    """
    kept = doc.user_data.get(_TOKENS_KEY)
    if kept is not None and len(kept) == len(doc):
        return list(kept)
    text = doc_text(doc)
    spans = doc.to_array(["IDX", "LENGTH"])
    starts = spans[:, 0].tolist()
    ends = (spans[:, 0] + spans[:, 1]).tolist()
    return list(zip([text[a:b] for a, b in zip(starts, ends)], starts, ends))

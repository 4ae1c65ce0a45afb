"""jieba's accurate-mode segmentation (``jieba.cut(text)``), same words, less work.

:func:`cut` returns exactly the words ``jieba.cut(text, cut_all=False,
HMM=True)`` yields, with jieba's own dictionary (and any words added to it) and
its own HMM for runs of unknown characters. It does the same computation in
one pass per block instead of three: jieba builds a dict of every word
ending at each position, then finds the best route with a generator that
slices and looks up every word again; here the best route is kept while the
words starting at each position are looked up, from the end of the block to
its start. Scores are added in jieba's order, so ties and rounding, and
therefore the words, are the same. Runs of characters the dictionary leaves
alone go through jieba's HMM (``jieba.finalseg``): its model and its Viterbi
search, written for its four states (:func:`hmm_cut`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from math import log

# jieba's block and whitespace patterns (jieba.re_han_default, jieba.re_skip_default)
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_SKIP = re.compile("(\r\n|\\s)", re.U)
_NO_SCORE = float("-inf")
# jieba.finalseg's block patterns
_HMM_HAN = re.compile("([\u4E00-\u9FD5]+)")
_HMM_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")


def cut(text: str) -> list[str]:
    """The words of ``text``, as ``list(jieba.cut(text))`` gives them."""
    import jieba
    tokenizer = jieba.dt
    tokenizer.check_initialized()
    words: list[str] = []
    block = _Block(tokenizer.FREQ, log(tokenizer.total), _remembered_hmm_cut, words)
    # re.split with one group alternates text between matches (even places) and matches
    for index, piece in enumerate(_HAN.split(text)):
        if index % 2:
            block.cut(piece)
        elif piece:
            for place, part in enumerate(_SKIP.split(piece)):
                if place % 2:
                    words.append(part)      # whitespace
                else:
                    words.extend(part)      # one word per character, as jieba does
    return words


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their [start, end) offsets, as ``list(jieba.tokenize(text))``."""
    found, start = [], 0
    for word in cut(text):
        end = start + len(word)
        found.append((word, start, end))
        start = end
    return found


class _Block:
    """Segments the blocks of one text into ``words`` (jieba's ``__cut_DAG``)."""

    __slots__ = ("freq", "logtotal", "hmm_cut", "words")

    def __init__(self, freq: dict[str, int], logtotal: float, hmm_cut, words: list[str]):
        self.freq, self.logtotal, self.hmm_cut, self.words = freq, logtotal, hmm_cut, words

    def cut(self, sentence: str) -> None:
        """Append the words of one block (Chinese, Latin letters, digits) to ``self.words``."""
        ends = self._route(sentence)
        words, flush = self.words, self._flush
        size, x, buf = len(sentence), 0, ""
        while x < size:
            y = ends[x]
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    flush(buf)
                    buf = ""
                words.append(sentence[x:y])
            x = y
        if buf:
            flush(buf)

    def _route(self, sentence: str) -> list[int]:
        """End of the best word starting at each position (jieba's get_DAG and calc, fused).

        The character alone is looked up first: when the dictionary lacks it, no
        longer word starts there either (every prefix of a word is a key).
        """
        get, logtotal = self.freq.get, self.logtotal
        alone = 0.0 - logtotal          # a character the route gives frequency 1
        size = len(sentence)
        scores = [0.0] * (size + 1)
        ends = [0] * (size + 1)
        for start in range(size - 1, -1, -1):
            count = get(sentence[start])
            if count is None:
                scores[start] = alone + scores[start + 1]
                ends[start] = start + 1
                continue
            if count:
                best, end = log(count) - logtotal + scores[start + 1], start + 1
            else:
                best, end = _NO_SCORE, 0
            stop = start + 2
            while stop <= size:
                count = get(sentence[start:stop])
                if count is None:
                    break
                if count:
                    score = log(count) - logtotal + scores[stop]
                    if score >= best:       # jieba's max((score, i)): ties go to the longer word
                        best, end = score, stop
                stop += 1
            if not end:                 # no word: the character alone, at frequency 1
                best, end = alone + scores[start + 1], start + 1
            scores[start] = best
            ends[start] = end
        return ends

    def _flush(self, buf: str) -> None:
        """Characters left alone by the route: one word, the dictionary's, or the HMM's."""
        if len(buf) == 1:
            self.words.append(buf)
        elif not self.freq.get(buf):
            self.words.extend(self.hmm_cut(buf))
        else:
            self.words.extend(buf)


def hmm_cut(text: str) -> list[str]:
    """The words of a run of unknown characters, as ``list(jieba.finalseg.cut(text))``."""
    return list(_remembered_hmm_cut(text))


def _remembered_hmm_cut(text: str) -> tuple[str, ...]:
    from jieba import finalseg
    # jieba.del_word only ever adds to Force_Split_Words: its size tells its versions apart
    return _hmm_words_of(text, len(finalseg.Force_Split_Words))


@lru_cache(maxsize=8192)
def _hmm_words_of(text: str, _split_words_version: int) -> tuple[str, ...]:
    """:func:`hmm_cut`, remembered: names and places the dictionary lacks come back
    within a document and across documents."""
    from jieba import finalseg
    words: list[str] = []
    for block in _HMM_HAN.split(text):
        if not _HMM_HAN.match(block):
            words.extend(piece for piece in _HMM_SKIP.split(block) if piece)
            continue
        for word in _hmm_words(block, finalseg):
            if word in finalseg.Force_Split_Words:
                words.extend(word)
            else:
                words.append(word)
    return tuple(words)


def _hmm_words(sentence: str, finalseg) -> list[str]:
    """Words of a Chinese run from its best B/M/E/S states (jieba.finalseg's ``__cut``)."""
    words, begin, following = [], 0, 0
    for i, state in enumerate(_viterbi(sentence, finalseg)):
        if state == "B":
            begin = i
        elif state == "E":
            words.append(sentence[begin:i + 1])
            following = i + 1
        elif state == "S":
            words.append(sentence[i])
            following = i + 1
    if following < len(sentence):
        words.append(sentence[following:])
    return words


def _viterbi(obs: str, finalseg) -> list[str]:
    """jieba.finalseg.viterbi over states BMES, unrolled: the same sums, the same tie-breaks.

    jieba takes ``max((score, previous_state))``, so a tie goes to the later letter.
    """
    low, start, trans, emit = finalseg.MIN_FLOAT, finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    e_b, e_m, e_s, e_e = emit["B"].get, emit["M"].get, emit["S"].get, emit["E"].get
    t_eb, t_sb = trans["E"].get("B", low), trans["S"].get("B", low)
    t_mm, t_bm = trans["M"].get("M", low), trans["B"].get("M", low)
    t_ss, t_es = trans["S"].get("S", low), trans["E"].get("S", low)
    t_be, t_me = trans["B"].get("E", low), trans["M"].get("E", low)
    first = obs[0]
    v_b, v_m = start["B"] + e_b(first, low), start["M"] + e_m(first, low)
    v_s, v_e = start["S"] + e_s(first, low), start["E"] + e_e(first, low)
    back = []
    for char in obs[1:]:
        em = e_b(char, low)
        from_e, from_s = v_e + t_eb + em, v_s + t_sb + em
        n_b, p_b = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = e_m(char, low)
        from_m, from_b = v_m + t_mm + em, v_b + t_bm + em
        n_m, p_m = (from_m, "M") if from_m >= from_b else (from_b, "B")
        em = e_s(char, low)
        from_s, from_e = v_s + t_ss + em, v_e + t_es + em
        n_s, p_s = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = e_e(char, low)
        from_b, from_m = v_b + t_be + em, v_m + t_me + em
        n_e, p_e = (from_m, "M") if from_m >= from_b else (from_b, "B")
        v_b, v_m, v_s, v_e = n_b, n_m, n_s, n_e
        back.append({"B": p_b, "M": p_m, "S": p_s, "E": p_e})
    state = "S" if v_s >= v_e else "E"
    states = [state]
    for pointers in reversed(back):
        state = pointers[state]
        states.append(state)
    states.reverse()
    return states

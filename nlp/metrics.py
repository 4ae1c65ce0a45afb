"""The metric of a figure: what its number measures, in the document's words.

Two shapes cover most Chinese statistics:

- the noun follows the number (16所驻区高校, 引进34个研发机构): the metric is the
  noun phrase after the unit, prefixed with the clause's action verb if any
  (引进研发机构);
- the noun precedes the number (孵化科技型企业300余家, 技术交易额达2.8亿元): the
  metric is the clause up to the number, less its fillers (已有, 达, 为),
  its time and place adverbials (2024年, 在…中, 沙坪坝区) and connectives.

Lists with 等 keep the verb and the noun after 等 (引进深圳国创等21家专业服务机构 →
引进专业服务机构); a figure continuing a 、 list borrows the verb of the one
before; growth figures (同比增长4.3%) borrow the metric of the figure before them
in the sentence (分别增长A和B: the n-th rate to the n-th figure). A subject closed
by an adverb (…的科研团队还展示了) is dropped; a metric never ends on a modal (可达).

Policy wording has shapes of its own:

- a rate names its grant, not its base: 按设备投资额的8%给予补助 → 设备投资额补助比例
  (a generic base such as 实际支出 is left out: 补贴比例);
- a cap with no noun of its own is on the grant before it: …给予资助，最高50万元 → 资助;
- a grant drops 给予 and a 一次性 before the number, and takes a short beneficiary
  (对新认定的市级技术中心给予50万元奖励 → 新认定的市级技术中心奖励);
- a threshold measures the noun before it, owned by the noun after 的
  (税收超过5000万元的楼宇 → 楼宇税收);
- a share takes the subject of the figure before it (总数达5932家，约占全市的36% →
  …占全市的比重).

Segmentation and part-of-speech tags come from jieba's dictionary, applied to
the short windows around each figure only (nlp.metricwords); the policy
wording of grants and rates is read by nlp.grants, counts of the sides that
signed by nlp.figure_signers, changes of level (提高到) by nlp.figure_changes,
an investor's amount by nlp.figure_investments, the predicate after a counted noun
by nlp.figure_predicates and words from a neighbouring clause by nlp.figure_clauses.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from nlp.figure_changes import changed_metric
from nlp.figure_clauses import clause_subject, event_act, is_range_bound, listed_object, unit_echoed
from nlp.figure_investments import invested_metric
from nlp.figure_predicates import predicate_phrase
from nlp.figure_signers import signer_metric
from nlp.grants import (GRANT_WORDS_RE, capped_metric, grant_metric, money_measure_before, per_unit_metric,
                        rate_metric, with_owner, without_verb)
from nlp.metricwords import (CHANGE_RE, HEAD_CHARS, MEASURE_END, LINKS_ONLY_RE, LeftWords, after_agents,
                             before_next_measure, last_match, noun_phrase_end,
                             strip_fillers, subject_end, tokenize_at, trim_subject)

_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n\r\t【】]|\s{2,}|\u3000")
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_LEFT_WINDOW = 80
_RIGHT_WINDOW = 20
_MAX_METRIC = 30
_SPAN_EXTEND_RE = re.compile(r"(?:现已有|已有|共有|现有|已|就|累计|仅|等)$")
# Verbs that make the counted ones act (吸引300家企业参会): the metric is what they do.
_CAUSATIVES = frozenset("吸引 带动 组织 邀请 动员 引导 帮助 帮扶 鼓励 促成 推动".split())
# Nouns after a number that belong to its unit (3个工作日): the metric is then before the number.
_UNIT_NOUNS = frozenset("工作日 月 周 年 小时 天 季度 学期 批次".split())
# Verbs that hand out the amount (给予50万元奖励): the metric is the noun after it.
_GRANT_ENDINGS = ("给予", "予以")
# A bound closing a figure that a noun follows (投资额10亿元以上项目): a threshold, like 的.
_BOUND_SUFFIXES = ("以上", "以下")
# A clause that is only a total word before the number (合计432.5万元).
_TOTAL_RE = re.compile(r"\s*(?P<total>合计|共计|总计)(?:为|达|约)?\s*")
_RIGHT_START_STOPS = frozenset("同比 环比 比 较 增长 下降 增加 减少 提高 提升 占 以及 及 和 与 等 、 （ ( ） ) "
                               "左右 以上 以下 以内 之间 且 并且 而且".split())
_INNER_SKIP = frozenset("分别 均 都 也 已 已经 还 将 实现 预计 可 可以 有望".split())
_STRING_SPLIT_RE = re.compile(
    r"已有|共有|现有|拥有|现已|已经|累计|共计|合计|总计|全[区市县镇省国]|我[区市县]|该[区市县]|本[区市]"
    r"|(?<![而业])已|(?<![比较同与])(?:今年|去年|前年|(?:19|20)\d{2}年)(?:以来|上半年|下半年|前三季度|全年|度)?")
_ORIGIN_RE = re.compile(r"来自[^，,；;。！？的]{1,20}的")
_ETC_RE = re.compile(r"(?<![平同高中初上优次均对相何劣])等等?(?![级待候同于号奖第次])")
_DIGIT_RE = re.compile(r"\d")
_LIST_JOINS = ("、", "和", "或", "及")
_CURRENCIES = frozenset("元 美元 港元 欧元 日元 英镑 澳元 韩元".split())
_SHARE_RE = re.compile(r"(?:约|大约)?占(?P<whole>(?!比)(?:(?!比重|比例)[^，,；;。！？\d]){1,14}?)(?P<de>的?)"
                       r"(?P<ratio>比重|比例)?(?:约?为|达到?|约|(?:提高|提升|上升|下降|增加|降)[到至]|[增升降]至)?$")
_SUBJECT_TAIL_RE = re.compile(r"^(?:区内|市内|县内|辖区内?|全[区市县])|(?:总数|数量|总量)$")
_RIGHT_START_RE = re.compile(
    "|".join(map(re.escape, sorted(_RIGHT_START_STOPS, key=len, reverse=True))) + r"|时(?![\w“])")
_GROWTH_RE = re.compile(r"^(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|增长|增加|下降|减少|"
                        r"提高|提升|降低|增幅|增速|占比)")
_RESPECTIVE_RE = re.compile(r"分别(?:比上年|较上年|同比)?(?P<change>增长|下降|增加|减少|提高|降低|上升)了?$")
_CHANGE_TAIL_RE = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:增长|增加|下降|减少|提高|提升|降低).*$")


@dataclass
class _Previous:
    """What the next figure of the same clause or sentence may borrow."""

    start: int
    end: int
    clause_start: int
    sentence_start: int
    metric: str | None
    verb: str | None
    subject: str | None = None      # the last metric of the sentence that is not a change
    unit: str | None = None


class Describer:
    """Metric and span of the figures of one document, visited in text order."""

    def __init__(self, norm: str):
        self.text = self.norm = norm        # the normalised text (see figures.normalise)
        self.clause_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(norm)]
        self.sentence_breaks = [m.start() for m in _SENTENCE_BREAK.finditer(norm)]
        self.previous: _Previous | None = None

    def describe_all(self, hits: list) -> list[tuple[str | None, int, int]]:
        """(metric, start, end) of each hit; hits have start, num_start and end, in order."""
        self.previous = None
        rights = [self._right_of(hit) for hit in hits]
        self.shared = [self._shared_right(hits, rights, i) for i in range(len(hits))]
        described = [self._describe(hits, rights, index) for index in range(len(hits))]
        self._respective(hits, described)
        return described

    def _respective(self, hits: list, described: list) -> None:
        """分别增长21.3%和19.7%: the n-th rate of the list belongs to the n-th figure before it."""
        index = 0
        while index < len(hits):
            hit = hits[index]
            clause_start, _ = self._bounds(self.clause_breaks, hit.start, hit.end)
            change = _RESPECTIVE_RE.search(self.norm, clause_start, hit.start)
            last = index
            while change and last + 1 < len(hits) \
                    and self.norm[hits[last].end:hits[last + 1].start] in _LIST_JOINS:
                last += 1
            if last > index:
                self._assign_respective(hits, described, index, last, change.group("change"))
            index = last + 1

    def _assign_respective(self, hits: list, described: list, first: int, last: int,
                           change: str) -> None:
        """Give hits first..last the metrics of as many figures before them, plus ``change``."""
        sentence_start, _ = self._bounds(self.sentence_breaks, hits[first].start, hits[first].end)
        count = last - first + 1
        owners = [k for k in range(max(0, first - count), first) if hits[k].start >= sentence_start]
        if len(owners) < count or not all(described[k][0] and not CHANGE_RE.search(described[k][0])
                                          for k in owners):
            return
        for offset, owner in enumerate(owners):
            _, start, end = described[first + offset]
            described[first + offset] = (described[owner][0] + change, start, end)

    def _describe(self, hits: list, rights: list, index: int) -> tuple[str | None, int, int]:
        hit, right = hits[index], rights[index]
        clause_start, clause_end = self._bounds(self.clause_breaks, hit.start, hit.end)
        sentence_start, _ = self._bounds(self.sentence_breaks, hit.start, hit.end)
        prev = self.previous
        same_clause = prev is not None and prev.clause_start == clause_start
        lo = max(clause_start, hit.start - _LEFT_WINDOW, prev.end if same_clause else 0)
        continues_list = same_clause and self.norm[lo:hit.start].lstrip()[:1] in ("、", "和", "及")
        de_follows = right is not None and (self.norm.startswith("的", hit.end)
                                            or self.norm.endswith(_BOUND_SUFFIXES, hit.start, hit.end))
        if right is not None and unit_echoed(self.norm, getattr(hit, "unit", None), lo, hit.start):
            right = None        # 带动农户312户种植丹皮: the unit repeats the noun before the number
        money_first = right is not None and not de_follows \
            and getattr(hit, "unit", None) in _CURRENCIES and money_measure_before(self.norm, lo, hit.start)
        left = self._left(lo, hit.start, need_nouns=right is None or de_follows or money_first)
        threshold = de_follows and (left.ends_with_noun() or (continues_list and not left.nouns()))
        if threshold or money_first:
            right = None        # 年营业收入超过5亿元的企业: the number measures the noun before it
        pieces, verb, predicate = self._own_pieces(hits, rights, index, left, right)
        event = right and not threshold and event_act(self.norm, right[1], clause_end)
        if event:       # 参加7个项目的集中开工仪式 → 集中开工项目
            pieces, verb, predicate = [event, self.text[right[0]:right[1]]], None, None
        if threshold and pieces:    # 培育营业收入超10亿元的民营企业 → 民营企业营业收入
            pieces = with_owner(without_verb(pieces, verb), self.text[slice(*rights[index])])
        if not predicate:
            pieces, verb = self._completed(pieces, verb, hit.start, index, same_clause,
                                           continues_list)
        metric = "".join(pieces)[:_MAX_METRIC] or None
        if metric is None and self._previous_clause_is_plain(clause_start, sentence_start):
            metric = clause_subject(self.norm, self.text, self.clause_breaks, sentence_start, clause_start - 1)
        total = _TOTAL_RE.fullmatch(self.norm, clause_start, hit.start)
        if metric is None and total and self._previous_clause_is_plain(clause_start, sentence_start):
            metric = listed_object(self.norm, self.text, self.clause_breaks, clause_start - 1)   # 需求清单，共计27项
        if metric is None and total:
            metric = total.group("total")       # …107.5万元，合计432.5万元
        if metric is None and right is None and not same_clause and prev is not None \
                and prev.sentence_start == sentence_start and prev.unit == getattr(hit, "unit", 0):
            metric = prev.subject       # 新认定高新技术企业62家，累计达到1023家
        if metric and prev and prev.sentence_start == sentence_start and prev.metric \
                and _GROWTH_RE.match(metric) and not CHANGE_RE.search(prev.metric):
            metric = prev.metric + metric       # 营收8亿元，同比增长4.3%
        if same_clause and prev.metric and is_range_bound(self.norm, prev.end, hit.start):
            metric = prev.metric        # 投资额在5000万元至1亿元之间: the upper bound of the same measure
        metric = changed_metric(self.norm, hit.start, clause_start, metric)
        if getattr(hit, "unit", None) in _CURRENCIES:       # X公司投资5亿元建设Y基地 → Y基地投资
            metric = invested_metric(self.norm, hit.num_start, hit.end, metric) or metric
        metric = signer_metric(self.norm, hit, clause_end) \
            or self._policy_metric(hit, metric, right, clause_start, sentence_start)
        start = self._span_start(hit, left, right, clause_start)
        end = max(hit.end, right[1] if right else hit.end)
        subject = metric
        if not metric or CHANGE_RE.search(metric):     # a rate is not a subject (产值同比增长 → 产值)
            same = prev is not None and prev.sentence_start == sentence_start
            subject = prev.subject if same else _CHANGE_TAIL_RE.sub("", metric or "") or None
        self.previous = _Previous(start, end, clause_start, sentence_start, metric, verb, subject,
                                  getattr(hit, "unit", None))
        return metric, start, end

    # --- policy wording: rates, grants, caps and shares ---------------------------

    def _policy_metric(self, hit, metric: str | None, right, clause_start: int,
                       sentence_start: int) -> str | None:
        """The metric of a subsidy rate, a grant, a cap or a share, when the figure is one.

        按设备投资额的8%给予补助 → 设备投资额补助比例; 对X，给予50万元奖励 → X奖励;
        …给予补助，最高100万元 → 补助; 总数达5932家，约占全市的36% → …占全市的比重.
        """
        unit = getattr(hit, "unit", None)
        per_unit = per_unit_metric(self.norm, hit, clause_start) if unit in _CURRENCIES else None
        if per_unit:
            return per_unit     # 按每人次300元给予培训补贴 → 每人次培训补贴
        if unit == "%":
            rate = rate_metric(self.norm, hit, clause_start)
            if rate:
                return rate
            share = self._share_metric(hit, clause_start, sentence_start)
            if share and (metric is None or not share.startswith("占")):
                return share
        if metric and GRANT_WORDS_RE.search(metric):
            return grant_metric(self.norm, hit.start, metric, right, clause_start, sentence_start)
        if unit in _CURRENCIES and getattr(hit, "qualifier", None) == "under":
            return capped_metric(self.norm, metric, sentence_start, clause_start)
        return metric

    def _share_metric(self, hit, clause_start: int, sentence_start: int) -> str | None:
        """约占全市的36%: the share of the subject of the figure before (…总数 → …占全市的比重)."""
        share = _SHARE_RE.match(self.norm, clause_start, hit.start)
        if not share:
            return None
        prev = self.previous
        subject = prev.subject if prev and prev.sentence_start == sentence_start else ""
        ratio = share.group("ratio") or "比重"
        return _SUBJECT_TAIL_RE.sub("", subject or "") + "占" + share.group("whole") \
            + share.group("de") + ratio

    def _own_pieces(self, hits: list, rights: list, index: int, left: "LeftWords", right):
        """Metric pieces and verb from the figure's own clause, and the predicate used if any."""
        predicate = None
        verb = left.verb()
        if right is not None and verb is None and left.lets_predicate():
            predicate = self._list_predicate(hits, rights, index)
        elif right is not None and verb is not None and verb[0] in _CAUSATIVES:
            predicate = self._list_predicate(hits, rights, index)
            if predicate:       # 吸引约300家企业参会 → 参会的企业
                return [predicate, "的", self.text[right[0]:right[1]]], None, predicate
        return *self._pieces(left, right, predicate), predicate

    def _completed(self, pieces: list[str], verb: str | None, start: int, index: int,
                   same_clause: bool, continues_list: bool) -> tuple[list[str], str | None]:
        """Pieces borrowed from the list or figure before, when the figure's own are lacking."""
        prev = self.previous
        if not pieces and self.shared[index]:
            return [self.shared[index]], verb
        if not pieces and same_clause:
            return self._borrowed(prev, start, continues_list), verb
        if continues_list and verb is None and prev.verb and pieces:
            return [prev.verb] + pieces, prev.verb      # 引进34个研发机构、26个服务机构
        return pieces, verb

    def _previous_clause_is_plain(self, clause_start: int, sentence_start: int) -> bool:
        """True when the clause before, in the same sentence, holds no figure."""
        if clause_start <= sentence_start:
            return False
        previous_start, _ = self._bounds(self.clause_breaks, clause_start - 2, clause_start - 1)
        return self.previous is None or self.previous.end < previous_start

    def _borrowed(self, prev: "_Previous", start: int, continues_list: bool) -> list[str]:
        """The metric of a figure with no words of its own (增长5.2%和6.8%; 过1亿元项目19个)."""
        if continues_list and prev.metric:
            return [prev.metric]
        if not self.norm[prev.end:start].strip():
            return [self.text[prev.start:prev.end]]
        return []

    def _right_of(self, hit) -> tuple[int, int] | None:
        _, clause_end = self._bounds(self.clause_breaks, hit.start, hit.end)
        return self._right(hit.end, min(clause_end, hit.end + _RIGHT_WINDOW),
                           money=getattr(hit, "unit", None) in _CURRENCIES)

    def _shared_right(self, hits: list, rights: list, index: int) -> str | None:
        """The noun after the last figure of a 、 list (100万元、300万元奖励), for the others.

        Not a noun after 的 when a measure stands before the list (年营业收入突破1亿元、5亿元的企业).
        """
        last = index
        while rights[last] is None and last + 1 < len(hits) \
                and self.norm[hits[last].end:hits[last + 1].start] in ("、", "和", "或", "及"):
            last += 1
        if last > index and self.norm.startswith("的", hits[last].end):
            first = index
            while first > 0 and self.norm[hits[first - 1].end:hits[first].start] in _LIST_JOINS:
                first -= 1
            if self._measured_before(hits[first]):
                return None
        return self.text[rights[last][0]:rights[last][1]] if last > index and rights[last] else None

    def _measured_before(self, hit) -> bool:
        """True when a measure noun (收入, 投资额 …) stands right before the figure."""
        clause_start, _ = self._bounds(self.clause_breaks, hit.start, hit.end)
        lo, hi = strip_fillers(self.norm, max(clause_start, hit.start - 20), hit.start)
        return MEASURE_END.search(self.norm, lo, hi) is not None

    def _list_predicate(self, hits: list, rights: list, index: int) -> str | None:
        """The predicate after a noun (…镇街深度参与), shared by a 、 list of figures."""
        if rights[index] is None:
            return None
        last = index
        while last + 1 < len(hits) and rights[last] is not None and rights[last + 1] is not None \
                and self.norm[rights[last][1]:hits[last + 1].start] in ("、", "和", "及", "以及", "与"):
            last += 1
        _, clause_end = self._bounds(self.clause_breaks, hits[last].start, hits[last].end)
        return predicate_phrase(self.norm, self.text, rights[last][1], clause_end)

    def _bounds(self, breaks: list[int], start: int, end: int) -> tuple[int, int]:
        """[start, end) of the clause or sentence around [start, end)."""
        before = bisect_right(breaks, start - 1)
        first = breaks[before - 1] + 1 if before else 0
        after = bisect_left(breaks, end)
        return first, breaks[after] if after < len(breaks) else len(self.norm)

    # --- left of the number -------------------------------------------------

    def _left(self, lo: int, hi: int, need_nouns: bool) -> "LeftWords":
        """The clause before the number, stripped and segmented.

        Only the words that matter are segmented: the leading verb, and the
        metric words when no noun follows the number (``need_nouns``).
        """
        norm = self.norm
        origin = last_match(_ORIGIN_RE, norm, lo, hi)    # 来自全国各地的320家企业: a modifier
        lo, hi = strip_fillers(norm, origin.end() if origin else lo, hi)
        split = last_match(_STRING_SPLIT_RE, norm, lo, hi)
        if split and split.end() < hi:
            lo, hi = strip_fillers(norm, split.end(), hi)
        boundary = subject_end(norm, lo, hi, need_nouns)
        if boundary:
            lo, hi = strip_fillers(norm, boundary, hi)
        etc = last_match(_ETC_RE, norm, lo, hi)
        if etc:
            head = trim_subject(tokenize_at(norm[lo:min(etc.start(), lo + HEAD_CHARS)], lo))
            tail = trim_subject(tokenize_at(norm[etc.end():hi], etc.end())) if need_nouns else []
            return LeftWords(head, tail, hi, grant=False, lead_verb=boundary is not None)
        end = hi if need_nouns else min(hi, lo + HEAD_CHARS)
        grant = norm[lo:hi].endswith(_GRANT_ENDINGS)
        words = trim_subject(tokenize_at(norm[lo:end], lo))
        if need_nouns:
            words = after_agents(words, norm)
        return LeftWords(words, None, hi, grant=grant, lead_verb=boundary is not None)

    # --- right of the unit --------------------------------------------------

    def _right(self, lo: int, hi: int, money: bool = False) -> tuple[int, int] | None:
        """[start, end) of the noun phrase right after the unit, if one follows."""
        norm = self.norm
        begin = lo + 1 if norm[lo:lo + 1] == "的" else lo
        digit = _DIGIT_RE.search(norm, begin, hi)
        hi = digit.start() if digit else hi
        if begin >= hi or _RIGHT_START_RE.match(norm, begin, hi):
            return None
        tokens = tokenize_at(norm[begin:hi], begin)
        end = noun_phrase_end(norm, tokens, hi, money)
        if end is not None and digit and LINKS_ONLY_RE.fullmatch(norm, end, hi):
            end = before_next_measure(tokens, begin, end)
        if end is None or norm[begin:end] in _UNIT_NOUNS:
            return None
        return begin, end

    # --- assembling ---------------------------------------------------------

    def _pieces(self, left: "LeftWords", right, predicate) -> tuple[list[str], str | None]:
        """Metric pieces in order and the action verb used, if any."""
        text = self.text
        verb_token = left.verb()
        verb = text[verb_token[1]:verb_token[2]] if verb_token else None
        if right is not None:
            noun = text[right[0]:right[1]]
            if verb:
                return [verb, noun], verb
            if predicate:
                return [predicate, "的", noun], None
            return [noun], None
        nouns = left.nouns()
        if not nouns:
            return [], None
        noun = "".join(text[s:e] for w, s, e in nouns
                       if w not in _INNER_SKIP or (s, e) == nouns[0][1:])
        if verb and verb_token[1] < nouns[0][1]:
            return [verb, noun], verb
        return [noun], (verb if verb_token == nouns[0] else None)

    def _span_start(self, hit, left: "LeftWords", right, clause_start: int) -> int:
        """Where the figure's text starts: its metric words before the number, if any."""
        start = hit.start
        if right is None:
            nouns = left.nouns()
            if nouns:
                start = nouns[0][1]
        else:
            verb = left.verb()
            if verb and not left.has_more_after(verb):
                start = verb[1]
        while True:
            extend = _SPAN_EXTEND_RE.search(self.norm, clause_start, start)
            if not extend or extend.start() == start:
                return start
            start = extend.start()

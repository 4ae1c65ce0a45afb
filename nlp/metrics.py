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
the short windows around each figure only.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n\r\t【】]|\s{2,}|\u3000")
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_LEFT_WINDOW = 80
_RIGHT_WINDOW = 20
_HEAD_CHARS = 12
_MAX_METRIC = 30

_LEAD_RE = re.compile(
    r"(?:截至|截止|到)?(?:(?:19|20)\d{2}年(?:度|底|末|初|以来|上半年|下半年|全年)?)"
    r"|\d{1,2}(?:[-—~至到]\d{1,2})?月(?:份|底|末|初|以来)?|\d{1,2}日"
    r"|截至目前|截止目前|截至|截止|据统计|据悉|据了解|据介绍|经统计|近年来|近年|近期"
    r"|[\u4e00-\u9fff]{0,6}?(?:建成(?:投产)?|投产|达产|竣工|完工)后|届时|预计|预期|力争|争取"
    r"|今年以来|今年|去年|前年|本年度|全年|上半年|下半年|前三季度|[一二三四]季度|年内|年底"
    r"|(?:并|而|还|也|同时|并且|此外|另外)?在[^，,；;。]{1,25}?(?:过程中|基础上|背景下|方面|领域|期间|周边|附近|之际|以来|现场|中|上|下|内|里)"
    r"|(?:并|而|还|也)?(?:在现场|会上)"
    r"|[、（）()“”\s]")
_TRAIL_RE = re.compile(
    r"(?:控制在|保持在|稳定在|维持在|已达到|达到了|达到|已达|高达|多达|共计|合计|总计|共有|已有|现有|拥有|分别为|分别达|"
    r"分别|均为|均达|均|约为|为|是|达|有|计|共|各|了|已经|已|都|就|仅|只有|只|还|又|至|到|等|首次|力争|"
    r"(?<![许认])可以?|有望|能够|或将|将|预计|完成|实现|(?<![所存现实])在)$")       # 年产值可达: never end on a modal
_SPAN_EXTEND_RE = re.compile(r"(?:现已有|已有|共有|现有|已|就|累计|仅|等)$")

_SPLIT_WORDS = frozenset(
    "已 已经 现已 已有 共有 现有 拥有 累计 共计 合计 总计 有 共 全区 全市 全县 全镇 全省 全国 "
    "全街 我区 我市 我县 该区 该市 该县 本区 本市 全年".split())
_LEADING_WORDS = frozenset(
    "并 并且 而 且 同时 此外 另外 其中 目前 当前 现在 如今 至今 现 共 累计 合计 总计 共计 先后 "
    "陆续 相继 已经 已 还 也 又 再 更 均 都 仅 就 从而 进而 同期 其 该 截至 截止 据统计 据悉 "
    "近年来 今年 去年 前年 全年 上半年 下半年 年内 年底 期间 以来 、 和 及 以及 与 为 分别 有 实现 当 "
    "可 可以 有望 能够 预计 "
    "达到 达 全 共有 已有 拥有 现有 这 这一 此 对 按 按照 当年 的 将 首次".split())
# Verbs that do not say what is measured (有, 围绕 …) are never kept in a metric.
_LIGHT_VERBS = frozenset(
    "有 共有 已有 拥有 现有 具有 围绕 包括 包含 涵盖 依托 是 为 达 达到 占 位于 实现 聚焦 在校 累计 "
    "形成 成为 超过 突破 接近 约 联合 与 对 向 把 将 由 从 以 按 据 经 共 等 来自 给予 予以 给".split())
# Verbs that make the counted ones act (吸引300家企业参会): the metric is what they do.
_CAUSATIVES = frozenset("吸引 带动 组织 邀请 动员 引导 帮助 帮扶 鼓励 促成 推动".split())
_EXTRA_VERBS = frozenset("新建 新增 新培育 新认定 新引进 补栽 招引 引育 签约 新开工 新投用".split())
# Verbs that jieba tags v but that mostly sit inside noun phrases (科技创新项目).
_NOUNISH = frozenset(
    "创新 创业 研发 孵化 服务 合作 投资 发展 管理 培训 运营 建设 监测 检测 生产 加工 制造 应用 "
    "示范 转化 交易 融资 养老 就业 创投 科研 设计 物流 医疗 教育 推广 登记 合同 种植 养殖 销售 "
    "出口 进口 贸易 创意 实践 训练 保障 改造 更新 提升 治理 消费 零售 批发 仓储 旅游 文化 引导 担保 "
    "扶持 补贴 奖励 激励 救助 帮扶 保险 储备 结算 支付 规划 创作 演出 展示 体验 研究 实验 试验 "
    "投入 营业 经营 办公 居住 停车 充电 认证 收入 支出 产出 补助 一次性".split())
# Nouns after a number that belong to its unit (3个工作日): the metric is then before the number.
_UNIT_NOUNS = frozenset("工作日 月 周 年 小时 天 季度 学期 批次".split())
# Words after a figure's noun that end it (adverbs jieba mistags, predicates).
_RIGHT_STOPS = frozenset(
    "深度 全面 共同 积极 集中 深入 成功 正式 分别 先后 陆续 相继 率先 全部 纷纷 已经 已 也 均 都 将 "
    "正 正在 还 又 同比 环比 比 较 增长 下降 占 以及 及 和 与 等 同 在 "
    "达 达到 为 是 的话 通过 共 合计 累计 其中 包括 优先".split())
# Predicates that end a noun already begun (项目落户北碚) but may open one (落户补助).
_PREDICATE_STOPS = frozenset("参与 落户 落地 入驻 签约 实现 完成 进行 开展 组成 构成 获得 获评".split())
_MEASURE_END = re.compile(r"(?:额|量|率|数|值|费|金|款|面积|规模|收入|投资|产值|营收|标准)$")
# Verbs that hand out the amount (给予50万元奖励): the metric is the noun after it.
_GRANT_ENDINGS = ("给予", "予以")
_LOCATIVES = frozenset("内 中 里 上 周边 附近 之间 以内 以上 范围内 区域内".split())
_PREPOSITIONS = frozenset("由 对 向 为 与 从 把 将 被 给".split())
_ADVERB_LEADS = frozenset("基本 已 已经 正在 均 主要 初步 首次".split())
_RIGHT_START_STOPS = frozenset("同比 环比 比 较 增长 下降 增加 减少 提高 提升 占 以及 及 和 与 等 、 （ ( ） ) "
                               "左右 以上 以下 以内".split())
_CO_AGENTS = frozenset("与 和 同 跟 联合 携手 有 共有 已有 拥有 现有 已 现已 等 、 及 以及".split())
_ADVERBS = frozenset("深度 全面 共同 积极 集中 深入 成功 正式 分别 先后 陆续 相继 率先 纷纷 已经 已 也 均 都 "
                     "将 还 又 正 正在 已全部 全部 连续 持续 不断 稳步 大幅 明显 逐年".split())
_INNER_SKIP = frozenset("分别 均 都 也 已 已经 还 将 实现 预计 可 可以 有望".split())
_STRING_SPLIT_RE = re.compile(
    r"已有|共有|现有|拥有|现已|已经|累计|共计|合计|总计|全[区市县镇省国]|我[区市县]|该[区市县]|本[区市]"
    r"|(?<![而业])已")
# An adverb closing a subject (…的团队还展示了): 都 of 成都, 均 of 亩均 are not.
_SUBJECT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])"
                             r"(?:(?<![成首京])都|(?<![亩人户年日月平])均|(?<![偿归退返])还|也|又|亦|将)"
                             r"(?=[\u4e00-\u9fff])")
_MODALS = frozenset("计划 拟 准备 打算 预计 有望 力争 争取 希望 可 能够 可以".split())
_ORIGIN_RE = re.compile(r"来自[^，,；;。！？的]{1,20}的")
_EVERY_RE = re.compile(r"每[年月周天日季]|逐年|年内|当年|今后")
_ETC_RE = re.compile(r"(?<![平同高中初上优次均对相何劣])等等?(?![级待候同于号奖第次])")
_DIGIT_RE = re.compile(r"\d")
_LIST_JOINS = ("、", "和", "或", "及")
_GRANT_WORDS = r"(?:奖励|补助|补贴|资助|奖补|贴息|扶持资金|支持资金|补偿)"
_GRANT_WORDS_RE = re.compile(_GRANT_WORDS + "$")
# 按实缴注册资本的2%给予…: the base of a rate; 按实际支出的30% has no specific base.
_RATE_BASE_RE = re.compile(r"按(?:照)?其?(?:不超过|不高于|不低于|最高)?(?P<base>[^，,；;。！？\d]{1,20}?)的$")
_GENERIC_BASE_RE = re.compile(r"^(?:其|该)|实际|实缴|实付|实发")
_GRANT_AFTER_RE = re.compile(r"(?:给予|予以)?(?P<grant>[^，,；;。！？\d]{0,6}?" + _GRANT_WORDS + ")")
_GRANT_PHRASE_RE = re.compile(r"(?P<grant>[\u4e00-\u9fff“”]{0,8}?" + _GRANT_WORDS + ")")
_GRANT_MODIFIER_RE = re.compile(r"(?:给予|予以)(?P<mod>[^，,；;。！？\d]{0,8})$")
_BENEFICIARY_RE = re.compile(
    r"(?:^|(?<=[，,；;。！？\n]))对(?P<who>[^，,；;。！？\d]{2,24}?)(?:的(?:单位|主体|对象))?的?"
    r"(?=[，,]|给予|予以|一次性|分别)")
_MAX_BENEFICIARY = 12
_MAX_RATE_BASE = 6
_BENEFICIARY_STOP_RE = re.compile(r"[\d；;]")
_MANNER_RE = re.compile(r"一次性|分阶段")
_AMOUNT_WORDS = frozenset("总额 金额 额度 总金额".split())
_CURRENCIES = frozenset("元 美元 港元 欧元 日元 英镑 澳元 韩元".split())
_SHARE_RE = re.compile(r"(?:约|大约)?占(?P<whole>(?!比)(?:(?!比重|比例)[^，,；;。！？\d]){1,14}?)(?P<de>的?)"
                       r"(?P<ratio>比重|比例)?(?:约?为|达到?|约|(?:提高|提升|上升|下降|增加|降)[到至]|[增升降]至)?$")
_SUBJECT_TAIL_RE = re.compile(r"^(?:区内|市内|县内|辖区内?|全[区市县])|(?:总数|数量|总量)$")
_GENERIC_NOUNS = frozenset("方面 领域 类 种 方向 环节 维度 板块 层次 批次 行业 门类".split())
_RIGHT_START_RE = re.compile(
    "|".join(map(re.escape, sorted(_RIGHT_START_STOPS, key=len, reverse=True))) + r"|时(?![\w“])")
_GROWTH_RE = re.compile(r"^(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|增长|增加|下降|减少|"
                        r"提高|提升|降低|增幅|增速|占比)")
_RESPECTIVE_RE = re.compile(r"分别(?:比上年|较上年|同比)?(?P<change>增长|下降|增加|减少|提高|降低|上升)了?$")
_CHANGE_TAIL_RE = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:增长|增加|下降|减少|提高|提升|降低).*$")
_CHANGE_RE = re.compile(r"同比|环比|增长|增加(?!值)|下降|减少|提高|提升|降低|增幅|增速|占比")
_FUNCTION_TAGS = ("u", "p", "c", "d", "r", "v", "m")
_NOMINAL_TAGS = ("n", "vn", "j", "b", "a", "s", "l", "nz", "eng", "i", "z", "ag", "an", "f")
_PLACE_END = tuple("省市区县镇乡村州") + ("街道",)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech table (loaded once, on first use)."""
    import jieba.posseg
    return jieba.posseg.dt.word_tag_tab


def _tokenize(text: str, offset: int) -> list[tuple[str, int, int]]:
    """jieba words of ``text`` with absolute [start, end) offsets."""
    return [(w, s + offset, e + offset) for w, s, e in _words(text)]


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    import jieba
    return tuple(jieba.tokenize(text, HMM=True))


def _is_verb(word: str) -> bool:
    tag = _tags().get(word, "")
    return word in _EXTRA_VERBS or (tag.startswith("v") and word not in _LIGHT_VERBS)


def _is_place(word: str) -> bool:
    tag = _tags().get(word, "")
    return tag.startswith("ns") and len(word) >= 3 and word.endswith(_PLACE_END)


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
        if len(owners) < count or not all(described[k][0] and not _CHANGE_RE.search(described[k][0])
                                          for k in owners):
            return
        for offset, owner in enumerate(owners):
            _, start, end = described[first + offset]
            described[first + offset] = (described[owner][0] + change, start, end)

    def _describe(self, hits: list, rights: list, index: int) -> tuple[str | None, int, int]:
        hit, right = hits[index], rights[index]
        clause_start, _ = self._bounds(self.clause_breaks, hit.start, hit.end)
        sentence_start, _ = self._bounds(self.sentence_breaks, hit.start, hit.end)
        prev = self.previous
        same_clause = prev is not None and prev.clause_start == clause_start
        lo = max(clause_start, hit.start - _LEFT_WINDOW, prev.end if same_clause else 0)
        continues_list = same_clause and self.norm[lo:hit.start].lstrip()[:1] in ("、", "和", "及")
        de_follows = right is not None and self.norm.startswith("的", hit.end)
        left = self._left(lo, hit.start, need_nouns=right is None or de_follows)
        threshold = de_follows and (left.ends_with_noun() or (continues_list and not left.nouns()))
        if threshold:
            right = None        # 年营业收入超过5亿元的企业: the number measures the noun before it
        pieces, verb, predicate = self._own_pieces(hits, rights, index, left, right)
        if threshold and pieces:    # 培育营业收入超10亿元的民营企业 → 民营企业营业收入
            pieces = _with_owner(_without_verb(pieces, verb), self.text[slice(*rights[index])])
        if not predicate:
            pieces, verb = self._completed(pieces, verb, hit.start, index, same_clause,
                                           continues_list)
        metric = "".join(pieces)[:_MAX_METRIC] or None
        if metric is None and self._previous_clause_is_plain(clause_start, sentence_start):
            metric = self._clause_subject(sentence_start, clause_start - 1)
        if metric and prev and prev.sentence_start == sentence_start and prev.metric \
                and _GROWTH_RE.match(metric) and not _CHANGE_RE.search(prev.metric):
            metric = prev.metric + metric       # 营收8亿元，同比增长4.3%
        metric = self._policy_metric(hit, metric, right, clause_start, sentence_start)
        start = self._span_start(hit, left, right, clause_start)
        end = max(hit.end, right[1] if right else hit.end)
        subject = metric
        if not metric or _CHANGE_RE.search(metric):     # a rate is not a subject (产值同比增长 → 产值)
            same = prev is not None and prev.sentence_start == sentence_start
            subject = prev.subject if same else _CHANGE_TAIL_RE.sub("", metric or "") or None
        self.previous = _Previous(start, end, clause_start, sentence_start, metric, verb, subject)
        return metric, start, end

    # --- policy wording: rates, grants, caps and shares ---------------------------

    def _policy_metric(self, hit, metric: str | None, right, clause_start: int,
                       sentence_start: int) -> str | None:
        """The metric of a subsidy rate, a grant, a cap or a share, when the figure is one.

        按设备投资额的8%给予补助 → 设备投资额补助比例; 对X，给予50万元奖励 → X奖励;
        …给予补助，最高100万元 → 补助; 总数达5932家，约占全市的36% → …占全市的比重.
        """
        unit = getattr(hit, "unit", None)
        if unit == "%":
            rate = _rate_metric(self.norm, hit, clause_start)
            if rate:
                return rate
            share = self._share_metric(hit, clause_start, sentence_start)
            if share and (metric is None or not share.startswith("占")):
                return share
        if metric and _GRANT_WORDS_RE.search(metric):
            return self._grant_metric(hit, metric, right, clause_start, sentence_start)
        if unit in _CURRENCIES and getattr(hit, "qualifier", None) == "under":
            return _capped_metric(self.norm, metric, sentence_start, clause_start)
        return metric

    def _grant_metric(self, hit, metric: str, right, clause_start: int,
                      sentence_start: int) -> str:
        """A grant named after 给予 (给予一次性奖励 → 奖励), with its beneficiary when short."""
        norm = self.norm
        manner = _MANNER_RE.search(norm, clause_start, hit.start) is not None
        metric = _grant_noun(metric, manner=manner)
        granted = _GRANT_MODIFIER_RE.search(norm, clause_start, hit.start)
        if granted and right is not None:
            metric = _grant_noun(self.text[right[0]:right[1]], manner=False)
            modifier = granted.group("mod")
            if modifier.startswith("每"):
                metric = modifier + metric          # 每平方米每月…租金补贴
            elif modifier in _AMOUNT_WORDS:
                metric += modifier                  # 给予总额不超过800万元奖励 → 奖励总额
        return _beneficiary(norm, sentence_start, hit.start) + metric

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

    def _own_pieces(self, hits: list, rights: list, index: int, left: "_Left", right):
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

    def _clause_subject(self, lo: int, hi: int) -> str | None:
        """The noun opening the previous clause (研发投入强度已连续三年提升，2023年达2.41%)."""
        start = self.clause_breaks[bisect_left(self.clause_breaks, hi) - 1] + 1 \
            if bisect_left(self.clause_breaks, hi) else 0
        start, end = _strip(self.norm, max(lo, start), min(hi, max(lo, start) + _HEAD_CHARS * 2))
        tokens = _tokenize(self.norm[start:end], start)
        while tokens and (tokens[0][0] in _LEADING_WORDS or _is_place(tokens[0][0])):
            tokens = tokens[1:]
        taken = []
        for token in tokens:
            if token[0] in _SPLIT_WORDS or token[0] in _ADVERBS or not _nominal(token[0]):
                break
            taken.append(token)
        if not taken or taken[-1][2] - taken[0][1] < 2:
            return None
        return self.text[taken[0][1]:taken[-1][2]]

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
        lo, hi = _strip(self.norm, max(clause_start, hit.start - 20), hit.start)
        return _MEASURE_END.search(self.norm, lo, hi) is not None

    def _list_predicate(self, hits: list, rights: list, index: int) -> str | None:
        """The predicate after a noun (…镇街深度参与), shared by a 、 list of figures."""
        if rights[index] is None:
            return None
        last = index
        while last + 1 < len(hits) and rights[last] is not None and rights[last + 1] is not None \
                and self.norm[rights[last][1]:hits[last + 1].start] in ("、", "和", "及", "以及", "与"):
            last += 1
        _, clause_end = self._bounds(self.clause_breaks, hits[last].start, hits[last].end)
        return _predicate(self.norm, self.text, rights[last][1], clause_end)

    def _bounds(self, breaks: list[int], start: int, end: int) -> tuple[int, int]:
        """[start, end) of the clause or sentence around [start, end)."""
        before = bisect_right(breaks, start - 1)
        first = breaks[before - 1] + 1 if before else 0
        after = bisect_left(breaks, end)
        return first, breaks[after] if after < len(breaks) else len(self.norm)

    # --- left of the number -------------------------------------------------

    def _left(self, lo: int, hi: int, need_nouns: bool) -> "_Left":
        """The clause before the number, stripped and segmented.

        Only the words that matter are segmented: the leading verb, and the
        metric words when no noun follows the number (``need_nouns``).
        """
        norm = self.norm
        origin = _last(_ORIGIN_RE, norm, lo, hi)    # 来自全国各地的320家企业: a modifier
        lo, hi = _strip(norm, origin.end() if origin else lo, hi)
        split = _last(_STRING_SPLIT_RE, norm, lo, hi)
        if split and split.end() < hi:
            lo, hi = _strip(norm, split.end(), hi)
        boundary = _subject_end(norm, lo, hi, need_nouns)
        if boundary:
            lo, hi = _strip(norm, boundary, hi)
        etc = _last(_ETC_RE, norm, lo, hi)
        if etc:
            head = _trim(_tokenize(norm[lo:min(etc.start(), lo + _HEAD_CHARS)], lo))
            tail = _trim(_tokenize(norm[etc.end():hi], etc.end())) if need_nouns else []
            return _Left(head, tail, hi, grant=False, lead_verb=boundary is not None)
        end = hi if need_nouns else min(hi, lo + _HEAD_CHARS)
        grant = norm[lo:hi].endswith(_GRANT_ENDINGS)
        return _Left(_trim(_tokenize(norm[lo:end], lo)), None, hi, grant=grant,
                     lead_verb=boundary is not None)

    # --- right of the unit --------------------------------------------------

    def _right(self, lo: int, hi: int, money: bool = False) -> tuple[int, int] | None:
        """[start, end) of the noun phrase right after the unit, if one follows."""
        norm = self.norm
        begin = lo + 1 if norm[lo:lo + 1] == "的" else lo
        digit = _DIGIT_RE.search(norm, begin, hi)
        hi = digit.start() if digit else hi
        if begin >= hi or _RIGHT_START_RE.match(norm, begin, hi):
            return None
        end = _noun_phrase_end(norm, _tokenize(norm[begin:hi], begin), hi, money)
        if end is None or norm[begin:end] in _UNIT_NOUNS:
            return None
        return begin, end

    # --- assembling ---------------------------------------------------------

    def _pieces(self, left: "_Left", right, predicate) -> tuple[list[str], str | None]:
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

    def _span_start(self, hit, left: "_Left", right, clause_start: int) -> int:
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


class _Left:
    """The segmented words before a number; with 等, the words before and after it."""

    def __init__(self, head: list[tuple[str, int, int]], tail: list | None, end: int, *,
                 grant: bool, lead_verb: bool = False):
        self.head, self.tail, self.end, self.grant = head, tail, end, grant
        self.lead_verb = lead_verb

    def verb(self) -> tuple[str, int, int] | None:
        """The clause's leading action verb (after a short subject at most)."""
        if self.grant:
            return None         # 对…给予: what is granted is named after the number
        if self.lead_verb:          # the word after 还/将/也 is the predicate (将每年选派)
            words = [t for t in self.head if not _is_time(t[0])]
            if not words or words[0][0] in _LEADING_WORDS \
                    or any(t[0] in _PREPOSITIONS for t in words[1:]):
                return None
            return words[0]
        for index, token in enumerate(self.head[:3]):
            if _is_verb(token[0]):
                following = self.head[index + 1][0] if index + 1 < len(self.head) else ""
                if _noun_suffix(following) or any(t[0] in _PREPOSITIONS for t in self.head[index:]):
                    return None     # 充电桩 is a noun; 组建由…组成的团队 governs another noun
                return token
            if not _nominal(token[0]):
                return None
        return None

    def lets_predicate(self) -> bool:
        """True when the words before the number govern nothing (有, 与, a subject)."""
        return not self.head or _nominal(self.head[0][0]) or self.head[0][0] in _CO_AGENTS

    def nouns(self) -> list[tuple[str, int, int]]:
        """The words naming what is measured (after 等 when there is one)."""
        if self.grant:
            return []
        return self.tail if self.tail is not None else self.head

    def ends_with_noun(self) -> bool:
        """True when the last word before the number is a noun (收入, 面积, 企业) or a change
        of one (营业收入增长20%以上的企业)."""
        words = self.nouns()
        if not words:
            return False
        word = words[-1][0]
        tag = _tags().get(word)
        return tag is None or word in _NOUNISH or _MEASURE_END.search(word) is not None \
            or (tag.startswith(("n", "j")) and not tag.startswith("nr")) \
            or (len(words) > 1 and _CHANGE_RE.fullmatch(word) is not None)

    def has_more_after(self, token) -> bool:
        """True when other words stand between ``token`` and the number."""
        return token[2] < self.end


def _strip(norm: str, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi) less trailing fillers (已有, 达) and leading dates and connectives."""
    while True:
        trail = _TRAIL_RE.search(norm, lo, hi)
        if not trail or trail.start() == hi:
            break
        hi = trail.start()
    while lo < hi:
        lead = _LEAD_RE.match(norm, lo, hi)
        if not lead or lead.end() == lo:
            break
        lo = lead.end()
    return lo, hi


def _subject_end(norm: str, lo: int, hi: int, need_nouns: bool) -> int | None:
    """Where the predicate starts after a subject closed by an adverb (…的团队还展示了 → 展示了)."""
    for match in reversed(list(_SUBJECT_END_RE.finditer(norm, lo, hi))):
        start, _ = _strip(norm, match.end(), hi)        # 也在现场发布了 → 发布了
        words = [w for w in _words(norm[start:hi]) if not _is_time(w[0])]
        if not words or not _predicate_word(words[0][0], last=len(words) == 1):
            continue
        if not need_nouns or any(_nominal(w) for w, _, _ in words[1:] if w not in ("了", "的")):
            return start
    return None


def _is_time(word: str) -> bool:
    """True for a time word that may stand between an adverb and its verb (每年, 年内)."""
    return _tags().get(word, "").startswith("t") or bool(_EVERY_RE.fullmatch(word))


def _predicate_word(word: str, last: bool) -> bool:
    """True for a word that can open a predicate after an adverb (展示, 选派), not 有/达/增长.

    jieba tags some verbs as nouns (选派): a noun counts only as the ``last`` word before the number.
    """
    tag = _tags().get(word, "")
    return len(word) > 1 and word not in _LIGHT_VERBS and word not in _LEADING_WORDS \
        and word not in _MODALS and not _CHANGE_RE.search(word) \
        and (tag.startswith("v") or (last and tag == "n"))


def _last(pattern: re.Pattern, norm: str, lo: int, hi: int) -> re.Match | None:
    match = None
    for match in pattern.finditer(norm, lo, hi):
        pass
    return match


def _trim(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop the subject, fillers and connectives in front of the metric words."""
    split = max((i for i, t in enumerate(tokens[:-1]) if t[0] in _SPLIT_WORDS), default=-1)
    tokens = tokens[split + 1:]
    while len(tokens) > 1 and (tokens[0][0] in _LEADING_WORDS or _is_place(tokens[0][0])):
        tokens = tokens[1:]
    while tokens and tokens[-1][0] in ("了", "的", "、", "和", "及"):
        tokens = tokens[:-1]
    if tokens and tokens[0][0] in _LEADING_WORDS:
        return []
    return tokens


def _predicate(norm: str, text: str, start: int, end: int) -> str | None:
    """A short verb phrase ending the clause after a figure's noun (也在区内落地 → 在区内落地)."""
    if start >= end or end - start > 16:
        return None
    tokens = _tokenize(norm[start:end], start)
    while tokens and (tokens[0][0] in _ADVERBS or _tags().get(tokens[0][0], "").startswith("d")):
        tokens = tokens[1:]
    if not tokens or tokens[-1][2] - tokens[0][1] > 12:
        return None
    first = tokens[0][0]
    if not (_tags().get(first, "").startswith("v") or first in ("在", "与", "向", "同")):
        return None
    if first in _LIGHT_VERBS or any(t[0][0].isdigit() or t[0] in "、“\"的" for t in tokens):
        return None
    return text[tokens[0][1]:tokens[-1][2]]


def _rate_metric(norm: str, hit, clause_start: int) -> str | None:
    """按设备投资额的8%给予补助 → 设备投资额补助比例; a generic base (实际支出) is left out."""
    rate = _RATE_BASE_RE.search(norm, clause_start, hit.start)
    grant = _GRANT_AFTER_RE.match(norm, hit.end) if rate else None
    if grant is None:
        return None
    base = rate.group("base")
    if len(base) > _MAX_RATE_BASE or _GENERIC_BASE_RE.search(base):
        base = ""
    return base + _grant_noun(grant.group("grant")) + "比例"


def _capped_metric(norm: str, metric: str | None, sentence_start: int,
                   clause_start: int) -> str | None:
    """…给予落户奖励，最高不超过200万元: a cap that names no measure is on the grant before it."""
    if metric and (len(metric) > _MAX_RATE_BASE or _MEASURE_END.search(metric)
                   or _GRANT_PHRASE_RE.search(metric)):
        return metric
    capped = _last(_GRANT_PHRASE_RE, norm, sentence_start, clause_start)
    return (metric or "") + _grant_noun(capped.group("grant")) if capped else metric


def _beneficiary(norm: str, sentence_start: int, end: int) -> str:
    """The short 对… phrase naming who is granted (对新认定的市级技术中心给予…), else ''."""
    who = _last(_BENEFICIARY_RE, norm, sentence_start, end)
    if who is None or len(who.group("who")) > _MAX_BENEFICIARY \
            or _BENEFICIARY_STOP_RE.search(norm, who.end(), end):
        return ""
    return who.group("who")


def _grant_noun(phrase: str, manner: bool = True) -> str:
    """The grant a phrase names, without the verb before it (给予一次性奖励 → 一次性奖励).

    ``manner``: also drop an adverb of manner that stood before the number (一次性奖励30万元 → 奖励).
    """
    phrase = re.sub(r"^.*(?:给予|予以|万元|元|的)", "", phrase)
    if manner:
        phrase = re.sub(r"^(?:一次性|分阶段|分别|最高|按)", "", phrase) or phrase
    return phrase


def _with_owner(pieces: list[str], owner: str) -> list[str]:
    """The measure of a threshold prefixed by what it belongs to (楼宇 + 税收 → 楼宇税收)."""
    measure = "".join(pieces).rsplit("的", 1)[-1]
    if not measure or len(owner) > _HEAD_CHARS or owner.endswith(measure) \
            or _MEASURE_END.search(owner) or _CHANGE_RE.search(measure):
        return pieces       # 按每张床位1.5万元的标准: 标准 is the measure, not its owner
    return [owner + measure]


def _without_verb(pieces: list[str], verb: str | None) -> list[str]:
    """``pieces`` less a leading governing verb (培育营业收入 → 营业收入); 新增 etc. stay."""
    if not verb or verb.startswith("新") or not pieces or not pieces[0].startswith(verb):
        return pieces
    rest = pieces[0][len(verb):]
    return ([rest] if rest else []) + pieces[1:]


def _noun_suffix(word: str) -> bool:
    """True for a one-character noun that turns the verb before it into a noun (充电桩, 停车场)."""
    tag = _tags().get(word, "n")
    return len(word) == 1 and word.isalpha() and not tag.startswith(_FUNCTION_TAGS)


def _wordlike(word: str) -> bool:
    """Chinese, Latin letters and the quotes that may sit inside a name (“小巨人”)."""
    char = word[0]
    return char.isalnum() or char in "“”‘’"


def _nominal(word: str) -> bool:
    if word in _NOUNISH:
        return True
    tag = _tags().get(word)
    return tag is None or tag.startswith(_NOMINAL_TAGS)


def _noun_phrase_end(norm: str, tokens: list[tuple[str, int, int]], hi: int,
                     money: bool = False) -> int | None:
    """End of the noun phrase that opens ``tokens``, or None when none does.

    A verb before any noun opens a relative clause when 的 follows
    (明确投资意向的企业); a verb after the noun ends it (专家组成的团队), except
    a verb closing the clause after an amount of money (100亿元意向授信).
    """
    taken: list[tuple[str, int, int]] = []
    relative = False
    for index, (word, start, stop) in enumerate(tokens):
        if word == "的":
            if taken and (relative or norm[tokens[0][1]:taken[-1][2]] in _GENERIC_NOUNS):
                relative = False
                continue
            break
        if word in ("、", "和", "及", "与"):
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if taken and following and not following[0].isdigit() \
                    and following not in _RIGHT_STOPS and _nominal(following):
                continue
            break
        if word in _RIGHT_STOPS or word[0].isdigit() or not _wordlike(word):
            break
        if taken and word in _PREDICATE_STOPS:
            break
        if not taken and word in _ADVERB_LEADS:
            relative = True
            continue
        tag = _tags().get(word, "")
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if tag.startswith("d") and len(word) > 1 and word not in _ADVERBS \
                and _tags().get(following, "").startswith("n"):
            taken.append((word, start, stop))      # 最新成果: an adverb-tagged modifier
            continue
        verb = tag.startswith("v") and word not in _NOUNISH and tag != "vn"
        if verb and (relative or not taken) and "的" in norm[stop:min(hi, stop + 8)]:
            relative = True
            continue
        if verb and money and taken and stop == hi and len(word) > 1:
            taken.append((word, start, stop))
            break
        if verb or not _nominal(word):
            break
        taken.append((word, start, stop))
        relative = relative or tag.startswith(("a", "d"))
    while len(taken) > 1 and taken[-1][0] in _LOCATIVES:
        taken.pop()             # 范围内 → 范围
    return taken[-1][2] if taken else None

"""The words around a figure: jieba words and tags, and the phrases they make.

Metric finding (nlp.metrics) segments only short windows of the text around
each figure. This module holds the word lists that classify those words
(fillers, light verbs, nominal verbs, adverbs), the part-of-speech tests, the
stripping of a clause to its metric words, and the noun phrase and predicate
found after a number.
"""
from __future__ import annotations

import re
from functools import lru_cache

HEAD_CHARS = 12
_LEAD_RE = re.compile(
    r"(?:截至|截止|到)?(?:(?:19|20)\d{2}年(?:度|底|末|初|以来|上半年|下半年|全年)?)"
    r"|\d{1,2}(?:[-—~至到]\d{1,2})?月(?:份|底|末|初|以来)?|\d{1,2}日"
    r"|(?:前|近|头|最近|过去)\d{1,2}个月"
    r"|截至目前|截止目前|截至|截止|据统计|据悉|据了解|据介绍|经统计|近年来|近年|近期"
    r"|[\u4e00-\u9fff]{0,6}?(?:建成(?:投产)?|投产|达产|竣工|完工)后|届时|预计|预期|力争|争取"
    r"|今年以来|今年|去年|前年|本年度|全年|上半年|下半年|前三季度|[一二三四]季度|年内|年底"
    r"|(?:并|而|还|也|同时|并且|此外|另外)?在[^，,；;。]{1,25}?(?:过程中|基础上|背景下|方面|领域|期间|周边|附近|之际|以来|现场|中|上|下|内|里)"
    r"|(?:并|而|还|也)?(?:在现场|会上)"
    r"|[\u4e00-\u9fff]{1,8}?(?:期间|之际)"
    r"|[、（）()“”\s]")
_TRAIL_RE = re.compile(
    r"(?:原则上|控制在|保持在|稳定在|维持在|已达到|达到了|达到|已达|高达|多达|累计|共计|合计|总计|共有|已有|现有|拥有|分别为|分别达|"
    r"分别|均为|均达|均|约为|为|是|达|有|(?<!累)计|共|各|了|已经|已|都|就|仅|只有|只|还|又|至|到|等|首次|力争|"
    r"(?<![许认])可以?|有望|能够|或将|将|预计|完成|实现|(?<![所存现实])在)$")       # 年产值可达: never end on a modal
_TRAIL_MAX = 4        # longest filler _TRAIL_RE matches (控制在, 已达到, 原则上)
SPLIT_WORDS = frozenset(
    "已 已经 现已 已有 共有 现有 拥有 累计 共计 合计 总计 有 共 全区 全市 全县 全镇 全省 全国 "
    "全街 我区 我市 我县 该区 该市 该县 本区 本市 全年".split())
LEADING_WORDS = frozenset(
    "并 并且 而 且 同时 此外 另外 其中 目前 当前 现在 如今 至今 现 共 累计 合计 总计 共计 先后 "
    "陆续 相继 已经 已 还 也 又 再 更 均 都 仅 就 从而 进而 同期 其 该 截至 截止 据统计 据悉 "
    "近年来 今年 去年 前年 全年 上半年 下半年 年内 年底 期间 以来 、 和 及 以及 与 为 分别 有 实现 当 "
    "可 可以 有望 能够 预计 "
    "达到 达 全 共有 已有 拥有 现有 这 这一 此 对 按 按照 当年 的 将 首次 另 另有 一批 这批 本批 该批 此批 之间".split())
# Verbs that do not say what is measured (有, 围绕 …) are never kept in a metric.
_LIGHT_VERBS = frozenset(
    "有 共有 已有 拥有 现有 具有 围绕 包括 包含 涵盖 依托 是 为 达 达到 占 位于 实现 聚焦 在校 累计 "
    "形成 成为 超过 突破 接近 约 联合 与 对 向 把 将 由 从 以 按 据 经 共 等 来自 给予 予以 给".split())
_EXTRA_VERBS = frozenset("新建 新增 新培育 新认定 新引进 补栽 招引 引育 签约 新开工 新投用".split())
# Verbs that jieba tags v but that mostly sit inside noun phrases (科技创新项目).
_NOUNISH = frozenset(
    "创新 创业 研发 孵化 服务 合作 投资 发展 管理 培训 运营 建设 监测 检测 生产 加工 制造 应用 "
    "示范 转化 交易 融资 养老 就业 创投 科研 设计 物流 医疗 教育 推广 登记 合同 种植 养殖 销售 "
    "出口 进口 贸易 创意 实践 训练 保障 改造 更新 提升 治理 消费 零售 批发 仓储 旅游 文化 引导 担保 "
    "扶持 补贴 奖励 激励 救助 帮扶 保险 储备 结算 支付 规划 创作 演出 展示 体验 研究 实验 试验 "
    "投入 营业 经营 办公 居住 停车 充电 认证 收入 支出 产出 补助 一次性 "
    "涉案 涉企 涉农 涉外 在建 在谈 在孵 在库 在册 需求 诉求 攻关 独立 联合 共享".split())       # 涉案企业: verbs that modify
# Words after a figure's noun that end it (adverbs jieba mistags, predicates).
_RIGHT_STOPS = frozenset(
    "深度 全面 共同 积极 集中 深入 成功 正式 分别 先后 陆续 相继 率先 全部 纷纷 已经 已 也 均 都 将 "
    "正 正在 还 又 同比 环比 比 较 增长 下降 占 以及 及 和 与 等 同 在 "
    "达 达到 为 是 的话 通过 共 合计 累计 其中 包括 优先".split())
# Predicates that end a noun already begun (项目落户北碚) but may open one (落户补助).
_PREDICATE_STOPS = frozenset("参与 落户 落地 入驻 签约 实现 完成 进行 开展 组成 构成 获得 获评".split())
MEASURE_END = re.compile(r"(?:额|量|率|数|值|费|金|款|面积|规模|收入|投资|产值|营收|标准)$")
_LOCATIVES = frozenset("内 中 里 上 周边 附近 之间 以内 以上 范围内 区域内".split())
_PREPOSITIONS = frozenset("由 对 向 为 与 从 把 将 被 给".split())
_ADVERB_LEADS = frozenset("基本 已 已经 正在 均 主要 初步 首次".split())
_CO_AGENTS = frozenset("与 和 同 跟 联合 携手 有 共有 已有 拥有 现有 已 现已 等 、 及 以及".split())
ADVERBS = frozenset("深度 全面 共同 积极 集中 深入 成功 正式 分别 先后 陆续 相继 率先 纷纷 已经 已 也 均 都 "
                     "将 还 又 正 正在 已全部 全部 连续 持续 不断 稳步 大幅 明显 逐年".split())
# An adverb closing a subject (…的团队还展示了): 都 of 成都, 均 of 亩均 are not.
_SUBJECT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])"
                             r"(?:(?<![成首京])都|(?<![亩人户年日月平])均|(?<![偿归退返])还|也|又|亦|将)"
                             r"(?=[\u4e00-\u9fff])")
_MAX_SUBJECT_WORDS = 5
# Verbs that allocate money (每年安排1亿元专项资金): the fund after the number is the metric.
_ALLOCATING = frozenset("安排 统筹 投入 提供 拨付 出资 筹集 设立 整合".split())
_MODALS = frozenset("计划 拟 准备 打算 预计 有望 力争 争取 希望 可 能够 可以".split())
_EVERY_RE = re.compile(r"每[年月周天日季]|逐年|年内|当年|今后")
_GENERIC_NOUNS = frozenset("方面 领域 类 种 方向 环节 维度 板块 层次 批次 行业 门类".split())
CHANGE_RE = re.compile(r"同比|环比|增长|增加(?!值)|下降|减少|提高|提升|降低|增幅|增速|占比")
_FUNCTION_TAGS = ("u", "p", "c", "d", "r", "v", "m")
_NOMINAL_TAGS = ("n", "vn", "j", "b", "a", "s", "l", "nz", "eng", "i", "z", "ag", "an", "f")
_PLACE_END = tuple("省市区县镇乡村州") + ("街道",)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech table (loaded once, on first use)."""
    import jieba.posseg
    return jieba.posseg.dt.word_tag_tab


def pos_tag(word: str) -> str:
    """jieba's part-of-speech tag of ``word``, "" when it has none."""
    return _tags().get(word, "")


def is_light_verb(word: str) -> bool:
    """True for a verb that does not say what is measured (有, 围绕, 与 …)."""
    return word in _LIGHT_VERBS


def tokenize_at(text: str, offset: int) -> list[tuple[str, int, int]]:
    """jieba words of ``text`` with absolute [start, end) offsets."""
    return [(w, s + offset, e + offset) for w, s, e in _words(text)]


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    from nlp.segmenter import tokenize
    return tuple(tokenize(text))        # jieba.tokenize(text), faster


def _is_verb(word: str) -> bool:
    tag = _tags().get(word, "")
    return word in _EXTRA_VERBS or (tag.startswith("v") and word not in _LIGHT_VERBS)


def is_place(word: str) -> bool:
    tag = _tags().get(word, "")
    return tag.startswith("ns") and len(word) >= 3 and word.endswith(_PLACE_END)


class LeftWords:
    """The segmented words before a number; with 等, the words before and after it."""

    def __init__(self, head: list[tuple[str, int, int]], tail: list | None, end: int, *,
                 grant: bool, lead_verb: bool = False):
        self.head, self.tail, self.end, self.grant = head, tail, end, grant
        self.lead_verb = lead_verb
        self._verb: tuple | None = ()       # () until computed

    def verb(self) -> tuple[str, int, int] | None:
        """The clause's leading action verb (after a short subject at most)."""
        if self._verb == ():
            self._verb = self._find_verb()
        return self._verb

    def _find_verb(self) -> tuple[str, int, int] | None:
        if self.grant:
            return None         # 对…给予: what is granted is named after the number
        if self.lead_verb:          # the word after 还/将/也 is the predicate (将每年选派)
            words = [t for t in self.head if not _is_time(t[0])]
            if not words or words[0][0] in LEADING_WORDS \
                    or any(t[0] in _PREPOSITIONS for t in words[1:]):
                return None
            return words[0]
        for index, token in enumerate(self.head[:3]):
            if _is_verb(token[0]):
                following = self.head[index + 1][0] if index + 1 < len(self.head) else ""
                if _noun_suffix(following) or any(t[0] in _PREPOSITIONS for t in self.head[index:]):
                    return None     # 充电桩 is a noun; 组建由…组成的团队 governs another noun
                return token
            if not is_nominal(token[0]):
                break
        return self._verb_before_number()

    def _verb_before_number(self) -> tuple[str, int, int] | None:
        """A verb right before the number after a subject and time words (学院每年选派20名);
        jieba tags some such verbs as nouns (选派), which count after a time word. Before a
        list closed by 等, the verb after the time word (学院每年定向培养…等专业学生)."""
        if self.tail is not None:
            return next((self.head[i + 1] for i in range(len(self.head) - 1) if _is_time(self.head[i][0])
                         and _tags().get(self.head[i + 1][0], "")[:1] in ("v", "l")
                         and self.head[i + 1][0] not in _MODALS), None)
        if not self.head or self.head[-1][2] != self.end or len(self.head) > _MAX_SUBJECT_WORDS:
            return None
        last = self.head[-1]
        after_time = len(self.head) > 1 and _is_time(self.head[-2][0]) and not MEASURE_END.search(last[0])
        if not (_is_verb(last[0]) or after_time) or last[0] in _NOUNISH or last[0] in _MODALS \
                or last[0] in _ALLOCATING \
                or not all(is_nominal(t[0]) or _is_time(t[0]) for t in self.head[:-1]):
            return None
        return last

    def lets_predicate(self) -> bool:
        """True when the words before the number govern nothing (有, 与, a subject)."""
        return not self.head or is_nominal(self.head[0][0]) or self.head[0][0] in _CO_AGENTS

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
        return tag is None or word in _NOUNISH or MEASURE_END.search(word) is not None \
            or (tag.startswith(("n", "j")) and not tag.startswith("nr")) \
            or (len(words) > 1 and CHANGE_RE.fullmatch(word) is not None)

    def has_more_after(self, token) -> bool:
        """True when other words stand between ``token`` and the number."""
        return token[2] < self.end


def strip_fillers(norm: str, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi) less trailing fillers (已有, 达) and leading dates and connectives."""
    while True:
        trail = _TRAIL_RE.search(norm, max(lo, hi - _TRAIL_MAX), hi)     # anchored at hi
        if not trail or trail.start() == hi:
            break
        hi = trail.start()
    while lo < hi:
        lead = _LEAD_RE.match(norm, lo, hi)
        if not lead or lead.end() == lo:
            break
        lo = lead.end()
    return lo, hi


def subject_end(norm: str, lo: int, hi: int, need_nouns: bool) -> int | None:
    """Where the predicate starts after a subject closed by an adverb (…的团队还展示了 → 展示了)."""
    for match in reversed(list(_SUBJECT_END_RE.finditer(norm, lo, hi))):
        start, _ = strip_fillers(norm, match.end(), hi)        # 也在现场发布了 → 发布了
        words = [w for w in _words(norm[start:hi]) if not _is_time(w[0])]
        if not words or not _predicate_word(words[0][0], last=len(words) == 1):
            continue
        if not need_nouns or any(is_nominal(w) for w, _, _ in words[1:] if w not in ("了", "的")):
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
    return len(word) > 1 and word not in _LIGHT_VERBS and word not in LEADING_WORDS \
        and word not in _MODALS and not CHANGE_RE.search(word) \
        and (tag.startswith("v") or (last and tag == "n"))


def last_match(pattern: re.Pattern, norm: str, lo: int, hi: int) -> re.Match | None:
    match = None
    for match in pattern.finditer(norm, lo, hi):
        pass
    return match


def trim_subject(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop the subject, fillers and connectives in front of the metric words."""
    split = max((i for i, t in enumerate(tokens[:-1]) if t[0] in SPLIT_WORDS), default=-1)
    tokens = tokens[split + 1:]
    while len(tokens) > 1 and (tokens[0][0] in LEADING_WORDS or is_place(tokens[0][0])):
        tokens = tokens[1:]
    while tokens and tokens[-1][0] in ("了", "的", "、", "和", "及"):
        tokens = tokens[:-1]
    if tokens and tokens[0][0] in LEADING_WORDS:
        return []
    return tokens


def after_agents(tokens: list[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    """The words from the last action verb on, when bodies or places act before it.

    区商务委与…管委会联合赴…地区开展专题招商活动8次 → 开展专题招商活动; a clause
    without a co-agent (与, 、) or a named place before its verb is left as it is.
    """
    for index in range(len(tokens) - 2, 0, -1):
        word = tokens[index][0]
        if not _is_verb(word) or word in _NOUNISH or _tags().get(word) == "vn":
            continue
        if not all(is_nominal(t[0]) for t in tokens[index + 1:]):
            return tokens
        before = text[tokens[0][1]:tokens[index][1]]
        agents = any(c in before for c in "与同、向") or any(
            _named_agent(tokens, k) for k in range(index))
        return tokens[index:] if agents else tokens
    return tokens


def _named_agent(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """True when tokens[index] names a body or a place (江津|区, 重庆北站), not a modifier
    opening the metric (城镇调查失业率)."""
    word, tag = tokens[index][0], _tags().get(tokens[index][0], "")
    if tag.startswith("nt") or is_place(word):
        return True
    following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
    return tag.startswith("ns") and (index > 0 or following in ("区", "县", "市", "镇", "乡", "街道"))


LINKS_ONLY_RE = re.compile(r"(?:合计|共计|总计|累计|达到|达|为|约|共|超过|超|均|都|分别|在|不低于|不少于)*")


def before_next_measure(tokens: list, begin: int, end: int) -> int:
    """End of a noun run into the next number, less the measure that number has
    (3个项目总投资27.6亿元 → 项目)."""
    words = [t for t in tokens if t[2] <= end]
    while len(words) > 1 and MEASURE_END.search(words[-1][0]):
        words.pop()
        while len(words) > 1 and words[-1][0] in ("总", "年", "共", "合计", "累计"):
            words.pop()         # 项目 | 总 | 投资
    return words[-1][2] if words and words[-1][2] > begin else end


def _co_agent(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """True when the 与 at tokens[index] introduces a partner: a place, or a noun that a verb follows."""
    following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
    if _tags().get(following, "").startswith("ns"):
        return True
    return partner_end(tokens, index) is not None


def partner_end(tokens: list[tuple[str, int, int]], index: int) -> int | None:
    """Index of the verb after the partner that the 与 at tokens[index] introduces
    (与铜梁区达成 → 达成), or None when no verb follows a short run of nouns."""
    for at in range(index + 1, min(len(tokens), index + 5)):
        word = tokens[at][0]
        if at > index + 1 and _is_verb(word) and word not in _NOUNISH:
            return at
        if not is_nominal(word) or word in _RIGHT_STOPS:
            return None
    return None


def _noun_suffix(word: str) -> bool:
    """True for a one-character noun that turns the verb before it into a noun (充电桩, 停车场)."""
    tag = _tags().get(word, "n")
    return len(word) == 1 and word.isalpha() and not tag.startswith(_FUNCTION_TAGS)


def _wordlike(word: str) -> bool:
    """Chinese, Latin letters and the quotes that may sit inside a name (“小巨人”)."""
    char = word[0]
    return char.isalnum() or char in "“”‘’"


def is_nominal(word: str) -> bool:
    if word in _NOUNISH:
        return True
    tag = _tags().get(word)
    return tag is None or tag.startswith(_NOMINAL_TAGS)


def noun_phrase_end(norm: str, tokens: list[tuple[str, int, int]], hi: int,
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
            if word == "与" and _co_agent(tokens, index):
                break           # 3个项目与荣昌达成意向: a partner of the act, not a second noun
            if taken and following and not following[0].isdigit() \
                    and following not in _RIGHT_STOPS and is_nominal(following):
                continue
            break
        if word in _RIGHT_STOPS or word[0].isdigit() or not _wordlike(word):
            break
        if taken and index + 1 < len(tokens) and tokens[index + 1][0] in ("了", "着", "过"):
            break       # 企业启动了…: a verb with its aspect, even when tagged as a noun
        if taken and word in _PREDICATE_STOPS:
            break
        if not taken and word in _ADVERB_LEADS:
            relative = True
            continue
        tag = _tags().get(word, "")
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if tag.startswith("d") and len(word) > 1 and word not in ADVERBS \
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
        if verb or not is_nominal(word):
            break
        taken.append((word, start, stop))
        relative = relative or tag.startswith(("a", "d"))
    while len(taken) > 1 and taken[-1][0] in _LOCATIVES:
        taken.pop()             # 范围内 → 范围
    return taken[-1][2] if taken else None

"""Plans, targets and negations: signing words that report no signing.

EXTRACTION.md: "a plan to sign" is not a signing (拟签约/将签约). A signing
word is planned when, before it,

- its clause has a plan word (拟, 将, 计划, 有望, 力争 …), a duty or an
  encouragement (应, 须, 鼓励, 支持), a condition (对/凡/如 opening a rule) or a
  negation (尚未, 未, 不) right before it; 将与/计划与 reach over a long name;
- its clause has a future time (明年, 下个月, 下一步, 届时, 择期) or 再 + the verb
  (明年上半年再签署), which reports what comes, not what was; a plan word
  reaches over a long clause to a later 再/择期 (将在…后再择期签约, 计划在二季度再推出…);
- the sentence opens with a future time (下一步，…; 接下来，…), which governs
  every clause after it;
- the sentence says it was agreed to be done (双方商定，… / 约定：…), not
  "as agreed" (按照约定) or done (…签署了, 已签订), which tell what was done;
- the sentence sets a target (力争…, 目标是…);
- the sentence states a policy's scope (本措施适用于与区政府签订投资协议…的企业,
  支持对象为…签约落户的项目): who a rule covers, no event.
"""
from __future__ import annotations

import re

_PLAN = re.compile(
    r"(?:拟|将(?!近)|即将|计划(?!总?投资)|有望|准备|预计(?!总?投资)|力争|争取|打算|有意|推动(?!下)|推进(?!下)"
    r"|加快|尽快|早日|确保|应当|应该|(?<![供相响反适呼答])应|须|必须|需要|可以|同意|鼓励|支持(?!下)|引导)"
    r"[^，,。；;]{0,12}$"
    r"|^\s*(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、)?"
    r"\s*(?:对|凡|如(?!期)|若)"
    r"|(?:尚未|未|没有|不|拒绝|待)\s*$")
_WILL_WITH = re.compile(r"(?:拟|将(?!近)|即将|计划|有望|准备|打算)(?:与|同|和|跟|向)[^，,。；;]{0,30}$")
_FUTURE_TIME = re.compile(r"明年|后年|下个?月|下周|今后|未来(?=[\d一二三四五六七八九十两几]+年|[，,])|下一步|届时|择期|再(?=签|与|同|和)")
_PLAN_THEN_AGAIN = re.compile(r"(?:将(?!近)|计划|拟|准备|打算)[^，,。；;了已]{0,24}(?:再|择期|适时|另行)[^，,。；;]{0,16}$")
_FUTURE_OPENER = re.compile(r"^[^，,。；;]{0,6}?(?:下一步|接下来|下阶段|下一阶段|今后|明年|后年)[，,]")
_AGREED_TO = re.compile(r"(?:商定|约定|议定)[，,：:]")
_AS_AGREED = re.compile(r"(?:按照|根据|依照|依据|按)[^，,。；;]{0,6}$")
_DONE = re.compile(r"了|已")
_TARGET = re.compile(r"力争|(?:预期|工作)?目标(?:是|为)")
_SCOPE = re.compile(r"(?:适用于|适用范围|适用对象|支持对象|扶持对象|奖励对象|补助对象|对象为|对象是|对象包括|范围为|范围包括)"
                    r"[^。；;]{0,40}$")
_HELD = re.compile(r"签约(?:仪式|大会|活动)[^，,。；;将拟]{0,25}?(?:举行|举办|召开)")   # took place, not a plan
_NAMING_VERB = re.compile(r"推进|推动|加快|支持|鼓励|引导")      # verbs that also name a ceremony's theme
_COVERED = re.compile(r"[^。；;]{0,60}?的(?:企业|单位|项目|机构|主体|投资者|客商)")


def plans(sentence: str, start: int, pos: int) -> bool:
    """Whether the signing word at ``pos`` is planned, negated or a target: a plan
    word in its clause (拟, 将与…), a future time (明年将与…签订, 明年上半年再签署),
    something agreed to be done (双方商定，…签署), a target (力争…) or a policy's
    scope (适用于…签订…的企业)."""
    before = sentence[start:pos]
    plan = _PLAN.search(before)
    if plan and _HELD.match(sentence, pos) and _NAMING_VERB.match(plan.group()):
        plan = None                     # X合作推进及项目签约仪式在…举行: 推进 names the event
    return bool(plan or _WILL_WITH.search(before) or _FUTURE_TIME.search(before)
                or _PLAN_THEN_AGAIN.search(before) or _future_sentence(sentence, pos)
                or _agreed_to(sentence, start, pos) or _TARGET.search(sentence, 0, pos) or _scope(sentence, pos))


def _future_sentence(sentence: str, pos: int) -> bool:
    """下一步，…集中签约: a sentence opened by a future time tells what comes, unless
    it says the signing is done (已, 了)."""
    done = _DONE.search(sentence, 0, pos) or sentence.startswith("了", pos + 2)
    return bool(_FUTURE_OPENER.match(sentence)) and not done


def _scope(sentence: str, pos: int) -> bool:
    """适用于/对象为 … 签订投资协议 … 的企业: the signing word names whom a rule covers."""
    return bool(_SCOPE.search(sentence, 0, pos) and _COVERED.match(sentence, pos))


def _agreed_to(sentence: str, start: int, pos: int) -> bool:
    """双方商定，…签署 (to be done), not 按照约定，…签署了 / 经双方商定，…已签订 (done)."""
    agreed = _AGREED_TO.search(sentence, 0, pos)
    if not agreed or _AS_AGREED.search(sentence, 0, agreed.start()):
        return False
    return not (_DONE.search(sentence, start, pos) or sentence.startswith("了", pos + 2))

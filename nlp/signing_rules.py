"""Sentence-level rules for signings: which words report a signing act, and
how a sentence relates to the signing reported before it.

nlp/signings.py builds the events and fills their fields; this module only
classifies words and sentences, so that each rule is stated once:

- a trigger (签约, 签署/签订 + an instrument) is an *act* when it reports a
  signing (A与B签署…协议, 12个项目集中签约, 签约项目27个, 举行…签约仪式) and a
  *mention* when it only names the ceremony or an earlier signing (在签约仪式上…
  表示, 见证签约, 参加了签约活动, 根据签约协议, 此次签约的…); mentions never start
  an event;
- a *detail* sentence (此次签约…, 其中…, 根据协议…, 该项目总投资…, 签约企业包括…)
  fills in the event before it, and 双方签署了… is its sides signing;
- plans, negations and targets (拟签约, 明年将与…签订, 力争…新签约项目不少于60个;
  nlp/signing_plans.py) are no acts, nor are agenda items (项目签约等环节) and
  remarks (签约只是第一步);
- signers on behalf of the sides (副县长A与B负责人代表双方签约) detail the signing
  just reported;
- an *on-site* sentence (活动现场…, 会上…, …分别与…, …还与…) reports one signing
  of the ceremony before it;
- a *new occasion* (同日下午…, 此前…, 次日…) and a *cumulative* statement
  (已累计与…签署, 今年以来…新签约) are events of their own;
- 会上 / 当天 / 同日 / 期间 take the date of the meeting named earlier.

It also splits sentences into clauses and finds what an agreement is about;
the count and amount of a signing are read in nlp/signing_amounts.py.
"""
from __future__ import annotations

import re

from nlp.signing_plans import plans
from nlp.signing_remarks import in_quoted_remark

INSTRUMENT = r"(?:协议|合同|备忘录|合作书|意向书|协定|合约|契约|战略合作|共建书|项目|大单|订单)"
_SIGN_VERB = r"(?:签署|签订|签下|签定|草签|缔结|订立|签了)"
TRIGGER = re.compile(rf"签约|签字仪式|{_SIGN_VERB}")
COUNT = re.compile(r"(?<![\d.第])(\d+|[两二三四五六七八九十]{1,3})\s*(?:余|多)?\s*(个|家|项|所|份|宗|件)"
                   r"(?!月|百分点|工作日|小时)")
MONEY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|千万|百万|亿|万)?\s*(元|美元|港元|欧元)")

_NOT_PROJECT_SIGNING = re.compile(
    r"家庭医生|家医|签约医生|签约服务|签[约订署]率|签约居民|签约人[数群]|签约对象"
    r"|签约(?:主播|艺人|作家|歌手|球员|演员|画家|模特|作者)"
    r"|签约(?:意向|事宜|后|前|之日|时|只是|仅是|不是|并非|不等于)"
    r"|签约(?:、[^，,。；;]{1,30})?等?(?:环节|议程|板块)"
    r"|签约项目[^，,。；;]{0,3}(?:开工|落地|投产|履约|到位|转化|建设|推进)"
    r"|签约的[^，,。；;]{1,20}?(?:已|正式|顺利|全面|相继)?(?:开工|投产|建成|投用|竣工|达产|开业)")
_NOMINAL = re.compile(r"(?:企业|项目|客商|嘉宾|代表|双方|各方|单位|主体|资金|金额|总额|额|方)")
_OTHER_INSTRUMENT = re.compile(r"(?:劳动|劳务|聘用|用工|购房|租房|技术)合同|责任书|承诺书")
_CONDITION = re.compile(rf"[^，,。；;]{{0,12}}?{INSTRUMENT}书?(?:后|之后|以后|前|之前|时|之日)")
_AFTER_SIGNING = re.compile(r"(?:了)?(?:后|之后|以后|前|之前|时|之日)")
_TECH_CONTRACT = re.compile(r"技术合同[^，,。；;]{0,12}(?:登记|成交|交易)|(?:登记|成交)[^，,。；;]{0,6}技术合同")
_CAPTION = re.compile(r"摄\s*[/／:：]|摄影\s*[/／:：]|供图|^图为|^图片")

# 签约 naming the ceremony or an earlier signing rather than reporting one
_MENTION_AFTER = re.compile(r"(?:仪式|签字仪式|大会|会议|会|活动|现场)?(?:上|中(?!心)|期间|之际|间隙|现场|结束|后|之后|以后|前|之前"
                            r"|当天|当日)"
                            r"|的?[^，,。；;]{0,10}?(?:项目|企业)中|到")
_MENTION_BEFORE = re.compile(
    r"(?:见证(?!下)|观摩|列席)(?:了)?[^，,。；;与和同]{0,20}$"
    r"|(?:根据|按照|依据|依照)[^，,。；;]{0,3}$|(?:从|自)$"
    r"|(?:从|自)[^，,。；;]{1,20}(?:到|至)(?:正式|最终|成功)?$"
    r"|(?:此次|本次|这次|该次|上述|这一|以上|当天的|当日的|昨日的|昨天的|今天的|今日的)$")
_ATTEND_BEFORE = re.compile(r"(?:出席|参加|参与|亮相|主持)(?:了)?[^，,。；;与和同]{0,20}$")
_CEREMONY_NOUN = re.compile(r"(?:仪式|大会|会|活动)")
_WITNESS_BEFORE = re.compile(r"见证(?:了)?[^，,。；;与和同]{0,20}$")
_AT_CEREMONY = re.compile(r"^[^，,。]{0,8}?(?:签约|签字)(?:仪式|活动|大会|会)?(?:上|现场|期间)"
                          r"|^\s*在?(?:当天的|当日的|此次|本次)?(?:仪式|活动)(?:上|现场|期间|中)")
_RULE_CONSEQUENCE = re.compile(r"\s*(?:按|给予|予以|可|一次性|最高|每|奖励|补助|补贴|对其|由|经认定)")
_RESTATEMENT = re.compile(
    r"^(?:[^，,]{0,6}[，,])?(?:这|此|该|这也|此举)(?:是|为|标志着)"
    r"|签[署订约]的第[\d一二三四五六七八九十]+[份个项次批]")

_DETAIL = re.compile(
    r"^(?:[^，,]{0,8}[，,])?(?:此次|本次|这次|上述|这批|本批|该批|其中|这些|以上|该项目|这一项目|这个项目"
    r"|(?:[两二三四五六七八九十\d]+[个项])?项目(?:计划)?(?:总投资|投资总额|投资额)"
    r"|[两二三四五六七八九十\d]+份(?:协议|合同|备忘录)|(?:协议|合同)(?:涉及|总投资))"
    r"|此次签约|本次签约|这次签约|签约项目中|签约的项目|所签(?:约|订|署)?的"
    r"|^(?:根据|按照|依据|依照)(?:签约|该|上述|此次)?(?:协议|合同|备忘录)")
_ONE_PROJECT = re.compile(r"^(?:[^，,]{0,8}[，,])?(?:该|这一|这个)?项目(?:计划)?(?:总投资|投资总额|投资额|协议投资)")
_TERMS = re.compile(r"^(?:根据|按照|依据|依照)(?:签约|该|上述|此次)?(?:协议|合同)(?:约定|内容|规定)?[，,]")
_BATCH_WORDS = re.compile(r"集中|批|等\d|[\d两二三四五六七八九十]+(?:个|家|项|份)|重大项目|重点项目|招商|推介")
_LISTING = re.compile(
    r"签约(?:的)?(?:企业|项目|单位|客商|机构|高校|双方|三方|各方|主体)(?:主要|分别)?(?:包括|有|为|是|涵盖|来自)"
    r"|^(?:[^，,]{0,8}[，,])?(?:分别是|分别为|主要包括|包括)")
_SIGNED_SUBJECT = re.compile(r"^(?:[^，,]{0,8}[，,])?(?:现场|此次|本次)?签约(?:的)?(?:项目|企业)")
_SIDES_SUBJECT = re.compile(
    r"^(?:[^，,]{0,10}[，,])?(?:双方|三方|四方|各方|两家|两地|校地双方|政企双方|签约双方)"
    r"(?:还|也|正式|现场|当场|共同|随即|随后|当天|同时)*(?:签署|签订|签下|签约|草签)")
_EXPLICIT = re.compile(r"(?:此次|本次|这次|上述)(?:集中)?签[约署订]|签约项目中|所签(?:约|订|署)?的")
_ON_SITE = re.compile(
    r"^[^，,]{0,8}?(?:现场|会上|会议上|大会上|仪式上|活动上|活动中|会议期间|活动期间)"
    r"|分别与|分别同|还与|还同|也与|也同|随后|此外|另与|^同时[，,]|^除[^，,。；;]{1,20}?(?:以外|之外|外)[，,]")
_NEW_OCCASION = re.compile(
    r"^(?:同日|当天|当日|同一天|次日|翌日|第二天|隔天|前一天|前一日|此前|此后|之后|另据|另悉|早在)"
    r"|(?:同日|当天|当日)(?:上午|下午|晚上|晚间|中午)")
_ON_BEHALF = re.compile(r"代表[^，,。；;]{0,12}?(?:双方|三方|四方|各方|各自单位|各自)(?:单位)?(?:正式|现场|当场|共同|分别)?"
                        r"(?:签约|签署|签订|签字|草签)")
_PERSON_TITLE = r"(?:书记|省长|市长|区长|县长|镇长|校长|院长|所长|局长|主任|部长|处长|行长|董事长|总经理|总裁|负责人)"
_BY_PEOPLE = re.compile(   # 副县长杨丹与西南大学副校长张卫签署协议: two office holders sign
    rf"{_PERSON_TITLE}[\u4e00-\u9fff]{{0,3}}(?:与|和|同)[^，,。；;]{{0,30}}?{_PERSON_TITLE}[\u4e00-\u9fff]{{0,3}}?"
    r"(?:分别|共同|正式|现场|当场|在协议上)*(?:签署|签订|签约|签字)")
_HOLDS = re.compile(r"(?:举行|举办|召开)(?:了)?[^，,。；;]{0,20}?(?:签约仪式|签字仪式|签约活动|签约大会|签约会|推介会|招商会)")
_CUMULATIVE = re.compile(
    r"累计|截至|截止|以来|全年|先后|陆续|历年|已(?:先后|陆续|累计)?(?:与|同|和|有)|前[一二三两\d]季度|上半年|前\d+个?月")
_CARRIES_DATE = re.compile(
    r"会上|会议上|大会上|会中|会后|会议现场|会场|当天|当日|同日|活动中|活动上|活动现场|现场|仪式上"
    r"|期间|论坛上|开幕式上|此间|仪式(?:结束)?后|(?:签约|活动|会议)结束后")
_DATELINE = re.compile(
    r"^[^，,。；;]{0,30}?(?:\d{1,2}[日时]|本报|本网|本台|本刊|客户端|网|报|社)(?:讯|电|消息)"
    r"(?:\s*[（(][^）)]{0,40}[）)])?")
_REPORT = re.compile(r"记者|获悉|了解到|得知")
_STATISTIC = re.compile(r"[^，,。；;]{0,16}?(?:面积|产量|覆盖率|占比|比例|履约率)")
_OBJECT = re.compile(
    rf"{_SIGN_VERB}(?:了)?([^，,。；;]{{2,60}}?)(?:协议|合同|备忘录|意向书|合作书)"
    r"|签约(?:共建|合建|组建|设立|建设|打造)([^，,。；;]{2,60})")

_CLAUSE_BREAK = re.compile(r"[，,：:]")


# ---------------------------------------------------------------- triggers

_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条")        # 第三条 …: a rule, not a report
_RELATIVE = re.compile(r"(?:签约|签订|签署|签下)的")                       # 2022年签订的协议，目前…
_NOUN_PHRASE = re.compile(r"[^，,。；;]{0,20}?的([^，,。；;的]{1,20})[，,]")     # …签约落户X的企业，目前…
_INSTRUMENT_NOUN = re.compile(r"协议|合同|备忘录|意向书|合作书|协定|合约|订单|大单")
_PERFECT = re.compile(r"已|累计|共|新|先后|陆续|以来|全年")                 # 已签约的, 今年以来新签约的: reports


def triggers(sentence: str) -> list[int]:
    """Positions of the real signing triggers in a sentence (none for captions,
    plans, service contracts, technology-contract statistics)."""
    if not TRIGGER.search(sentence) or _CAPTION.search(sentence) or _ARTICLE.match(sentence):
        return []
    if _TECH_CONTRACT.search(sentence) and not re.search(r"签约|协议|备忘录", sentence):
        return []
    blocked = [m.span() for m in _NOT_PROJECT_SIGNING.finditer(sentence)]
    found = []
    for match in TRIGGER.finditer(sentence):
        pos = match.start()
        if any(s <= pos < e for s, e in blocked) or in_quoted_remark(sentence, pos):
            continue
        clause_start = max(sentence.rfind(c, 0, pos) for c in "，,：:") + 1
        if plans(sentence, clause_start, pos):
            break                     # a plan or target stays one for the rest of the sentence
        if _CONDITION.match(sentence, match.end()) or _AFTER_SIGNING.match(sentence, match.end()) \
                or _is_condition(sentence, match.end()):
            continue                  # 签订协议后… / 协议签订后… / …签订协议的，: a condition, not a report
        if match.group() not in ("签约", "签字仪式") and not _has_instrument(sentence, match):
            continue
        if match.group() == "签约" and _is_nominal(sentence, match.end(), clause_start):
            continue
        if _STATISTIC.match(sentence, match.end()):
            continue                  # 签订订单收购面积达到68万亩: a measure, not an event
        found.append(pos)
    return found


def clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (at the next comma or terminator)."""
    ends = [i for i in (sentence.find(c, pos) for c in "，,。；;") if i >= 0]
    return min(ends) if ends else len(sentence)


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last comma, colon or terminator)."""
    return max(sentence.rfind(c, 0, pos) for c in "，,：:。；;") + 1


def _is_nominal(sentence: str, end: int, clause_start: int) -> bool:
    """签约企业/签约项目 used as a noun phrase (希望签约企业…) rather than reporting
    a signing; it reports one when the clause gives a count or an amount."""
    if not _NOMINAL.match(sentence, end):
        return False
    clause = sentence[clause_start:clause_end(sentence, end)]
    return not (COUNT.search(clause) or MONEY.search(clause))


def _is_relative(sentence: str, pos: int) -> bool:
    """签订的协议 / 去年签约的项目 as a noun phrase about a past signing (学校与市里
    2022年签订的协议，目前已…; 这家去年签约落户园区的企业，…), unless the clause
    reports a perfect or cumulative signing (已签约的, 今年以来新签约的)."""
    return bool(_RELATIVE.match(sentence, pos) or _heads_noun_phrase(sentence, pos)) \
        and not _PERFECT.search(sentence, clause_start(sentence, pos), pos)


def _heads_noun_phrase(sentence: str, pos: int) -> bool:
    """Whether the trigger's clause is a noun phrase ending in 的 + a noun that is no
    instrument and counts nothing (去年签约落户园区的企业，…): the subject of another
    predicate, not a report."""
    trigger = TRIGGER.match(sentence, pos)
    phrase = _NOUN_PHRASE.match(sentence, trigger.end()) if trigger else None
    if not phrase or _INSTRUMENT_NOUN.search(phrase.group(1)):
        return False
    clause = sentence[clause_start(sentence, pos):phrase.end()]
    return not (COUNT.search(clause) or MONEY.search(clause))


def _is_condition(sentence: str, end: int) -> bool:
    """A clause ending in 的 before a comma (园区企业与职业院校签订培养协议的，给予…;
    …签订合作协议，开展联合攻关的，按…补助): the condition of a rule, not a report."""
    stop = clause_end(sentence, end)
    if stop < len(sentence) and sentence[stop] in "，," and sentence[stop - 1] == "的":
        return True
    if stop >= len(sentence) or sentence[stop] not in "，,":
        return False
    following = clause_end(sentence, stop + 1)           # the next clause states the condition's end
    return following < len(sentence) and sentence[following] in "，," and sentence[following - 1] == "的" \
        and bool(_RULE_CONSEQUENCE.match(sentence, following + 1))


def _has_instrument(sentence: str, match: re.Match) -> bool:
    """Whether a 签署/签订 verb governs an agreement rather than a document or order."""
    after = _OTHER_INSTRUMENT.sub("", sentence[match.end():clause_end(sentence, match.end())])
    before = _OTHER_INSTRUMENT.sub("", sentence[max(0, match.start() - 15):match.start()])
    return bool(re.search(INSTRUMENT, after) or re.search(INSTRUMENT + r"[^，,。；;]{0,6}$", before))


# ---------------------------------------------------------------- clauses

def clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) of the comma/colon clauses of a sentence."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the clause holding ``pos``."""
    return next((i for i, (s, e) in enumerate(spans) if s <= pos < e), len(spans) - 1)


def clause_around(sentence: str, pos: int) -> tuple[int, int]:
    """[start, end) of the comma/colon clause holding ``pos``."""
    spans = clauses(sentence)
    return spans[clause_index(spans, pos)]


# ---------------------------------------------------------------- acts and mentions

def is_mention(sentence: str, pos: int) -> bool:
    """Whether the trigger at ``pos`` names the ceremony or an earlier signing
    (签约仪式上, 见证签约, 参加了签约活动, 根据签约协议, 此次签约) instead of reporting one.

    签署/签订 with an instrument report a signing unless they qualify a noun
    (学校与市里2022年签订的协议，目前…)."""
    if _is_relative(sentence, pos):
        return True
    if not sentence.startswith(("签约", "签字"), pos):
        return False
    end = pos + 2
    if sentence.startswith("仪式", end) and sentence.startswith("签字", pos):
        end += 2
    before = sentence[clause_start(sentence, pos):pos]
    attended = _ATTEND_BEFORE.search(before) and (end > pos + 2 or _CEREMONY_NOUN.match(sentence, end))
    return bool(_MENTION_AFTER.match(sentence, end) or _MENTION_BEFORE.search(before) or attended
                or _RESTATEMENT.search(sentence))


def attends(sentence: str, positions: list[int]) -> bool:
    """…并出席政校企合作签约活动 / 见证签约: the sentence says that a signing ceremony
    took place, attended or witnessed, without reporting its sides."""
    for pos in positions:
        if not sentence.startswith(("签约", "签字"), pos):
            continue
        before = sentence[clause_start(sentence, pos):pos]
        end = pos + (4 if sentence.startswith("签字仪式", pos) else 2)
        noun = end > pos + 2 or _CEREMONY_NOUN.match(sentence, end)      # 签字仪式 holds its noun
        if _WITNESS_BEFORE.search(before) or (_ATTEND_BEFORE.search(before) and noun):
            return True
    return False


def acts(sentence: str, positions: list[int]) -> list[int]:
    """The triggers that report a signing act (see :func:`is_mention`)."""
    if _RESTATEMENT.search(sentence):
        return []
    return [pos for pos in positions if not is_mention(sentence, pos)]


def relatives(sentence: str, positions: list[int]) -> list[int]:
    """The triggers that qualify a noun (A与B签订的…项目): no event of their own,
    but they name the sides when they detail the event before."""
    if _RESTATEMENT.search(sentence):
        return []                       # 这是…签署的第4份协议: says nothing of the sides
    return [pos for pos in positions if _is_relative(sentence, pos)]


def is_ceremony_only(sentence: str, positions: list[int]) -> bool:
    """Whether every act only says that a signing ceremony took place
    (签约仪式在…举行, 举行…签约活动) without a count, amount or signing sides."""
    if COUNT.search(sentence) or MONEY.search(sentence) or re.search(r"与|同|和|分别", sentence):
        return False
    return all(sentence.startswith("签约", p) and _CEREMONY_NOUN.match(sentence, p + 2) for p in positions)


# ---------------------------------------------------------------- sentence relations

def is_detail(sentence: str) -> bool:
    """此次签约… / 其中… / 根据协议… / 签约企业包括…: details of the signing reported before."""
    return bool(_DETAIL.search(sentence) or _LISTING.search(sentence))


def one_project(sentence: str) -> bool:
    """该项目总投资… / 项目计划投资…: a detail about the one project of the signing."""
    return bool(_ONE_PROJECT.match(sentence))


def states_terms(sentence: str) -> bool:
    """根据协议，A将投资38亿元建设…: the terms of the agreement just signed."""
    return bool(_TERMS.match(sentence))


def names_a_batch(sentence: str) -> bool:
    """集中签约 / 重大项目 / 16个项目: a report of many signings, not of one agreement."""
    return bool(_BATCH_WORDS.search(sentence))


def lists_signed(sentence: str) -> bool:
    """签约企业包括A、B… / 分别是…: the sentence names what the signing before signed."""
    return bool(_LISTING.search(sentence))


def is_explicit_anaphor(sentence: str) -> bool:
    """此次签约 / 本次签约的 / 签约项目中: refers back to the signing before, however far,
    as a whole (此次签约项目总投资…), not to one of its projects."""
    return bool(_EXPLICIT.search(sentence))


def is_planned(sentence: str) -> bool:
    """Whether a signing word of the sentence is planned or negated (有望在年内签约的项目)."""
    for match in TRIGGER.finditer(sentence):
        if plans(sentence, clause_start(sentence, match.start()), match.start()):
            return True
    return False


def opens_with_signed(sentence: str) -> bool:
    """签约项目27个，… / 签约企业涵盖…: the sentence is about what the signing before signed."""
    return bool(_SIGNED_SUBJECT.search(sentence))


def opens_with_sides(sentence: str) -> bool:
    """双方签署了…协议 / 仪式上，双方签订…: the sides of the signing before sign its instrument."""
    return bool(_SIDES_SUBJECT.search(sentence))


def is_on_site(sentence: str) -> bool:
    """活动现场… / 会上… / …分别与… / …还与…: one signing of the ceremony before."""
    return bool(_ON_SITE.search(sentence))


def at_the_ceremony(sentence: str) -> bool:
    """签约仪式上，A与B也签订… / 签约现场，…: a signing at the ceremony reported before."""
    return bool(_AT_CEREMONY.search(sentence))


def signs_on_behalf(sentence: str) -> bool:
    """副县长A与B负责人代表双方签约: the people who sign for the sides of the
    signing just reported, a detail of it and no new event."""
    return bool(_ON_BEHALF.search(sentence))


def signed_by_people(sentence: str) -> bool:
    """副县长A与某大学副校长B签署协议: office holders sign, with no count or amount —
    for the sides of a signing, when those are the sides just reported."""
    return bool(_BY_PEOPLE.search(sentence)) and not COUNT.search(sentence) and not MONEY.search(sentence)


def holds_ceremony(sentence: str) -> bool:
    """…还在东莞举行产业合作集中签约仪式 / 还举行了校地合作签约仪式: a ceremony of its own."""
    return bool(_HOLDS.search(sentence))


def is_new_occasion(sentence: str) -> bool:
    """同日下午… / 此前… / 次日…: a signing on another occasion."""
    return bool(_NEW_OCCASION.search(sentence))


def is_cumulative(sentence: str, pos: int) -> bool:
    """A cumulative statement (已累计与…签署, 今年以来…新签约, 已签约入驻…) up to the trigger."""
    return bool(_CUMULATIVE.search(sentence[:clause_end(sentence, pos)]))


def carries_date(sentence: str, pos: int) -> bool:
    """会上 / 当天 / 同日 / 期间 / 现场 before the trigger: the date is the meeting's."""
    return bool(_CARRIES_DATE.search(sentence[:pos]))


def dateline_end(sentence: str) -> int:
    """End of a news dateline (华龙网5月23日讯（通讯员 …）, 本报讯) opening the sentence, else 0."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def is_report_date(sentence: str, start: int, end: int) -> bool:
    """Whether a date is when the news was gathered (4月18日，记者从…获悉；记者11月5日从…获悉)."""
    clause_s = max(clause_start(sentence, start), dateline_end(sentence))
    first_end = clause_end(sentence, end)
    span_end = clause_end(sentence, first_end + 1) if first_end < len(sentence) else first_end
    return bool(_REPORT.search(sentence[clause_s:span_end]))


def is_dateline_date(sentence: str, end: int) -> bool:
    """Whether the date ending at ``end`` is that of a dateline (5月23日讯, 23日电)."""
    return sentence.startswith(("讯", "电"), end)


# ---------------------------------------------------------------- fields

def object_spans(sentence: str) -> list[tuple[int, int]]:
    """[start, end) of what an agreement is about (签署共建X研究院合作协议, 签约共建X):
    organisations named there are its object, not its sides."""
    spans = []
    for match in _OBJECT.finditer(sentence):
        group = 1 if match.group(1) is not None else 2
        spans.append(match.span(group))
    return spans



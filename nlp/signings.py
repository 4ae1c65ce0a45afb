"""Signings: reports that an agreement, contract or project was signed.

Follows the "Signings" sections of EXTRACTION.md. One event per ceremony or
batch: the event's text is the first sentence reporting it, and later detail
sentences about the same signing (此次签约…, 其中…, 现场…) fill in its missing
fields instead of making new events.

Decisions beyond the contract, so that they are stated once:
- plans (拟/将/计划/有望/即将签约) and negated signings are not signings;
- 签约医生, 家庭医生签约, 签约服务 are health-service contracts, not project
  signings; 技术合同登记/成交 are technology-market statistics, not signings;
  labour and purchase contracts (劳动合同, 购房合同) are not project signings;
- 签署/签订 counts only with an instrument (协议, 合同, 备忘录, 意向书 …), so
  签署命令 or 签字 on a document is not a signing;
- image captions (…签约仪式 摄/某某, 图为…) and short heading lines without
  sentence punctuation (subheadings restate the body) are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.dates import find_dates
from policyminer.records import Organization, Signing

_TERMINATORS = "。！？；;!?"
_SENTENCE = re.compile(rf"[^{_TERMINATORS}]+(?:[{_TERMINATORS}]+[”’」』）)]*|$)")
_CLAUSE_BREAK = re.compile(r"[，,：:]")

_INSTRUMENT = r"(?:协议|合同|备忘录|合作书|意向书|协定|合约|契约|战略合作|共建书|项目|大单|订单)"
_SIGN_VERB = r"(?:签署|签订|签下|签定|草签|缔结|订立|签了)"
_TRIGGER = re.compile(rf"签约|签字仪式|{_SIGN_VERB}")
_NOT_PROJECT_SIGNING = re.compile(
    r"家庭医生|家医|签约医生|签约服务|签约率|签约居民|签约人[数群]|签约对象"
    r"|签约(?:主播|艺人|作家|歌手|球员|演员|画家|模特|作者)"
    r"|签约(?:意向|事宜|后|前|之日|时)"
    r"|签约项目[^，,。；;]{0,3}(?:开工|落地|投产|履约|到位|转化|建设|推进)")
_NOMINAL = re.compile(r"(?:企业|项目|客商|嘉宾|代表|双方|各方|单位|主体|资金|金额|总额|额|方)")
_OTHER_INSTRUMENT = re.compile(r"(?:劳动|劳务|聘用|用工|购房|租房|技术)合同|责任书|承诺书")
_PLAN = re.compile(
    r"(?:拟|将(?!近)|即将|计划(?!总?投资)|有望|准备|预计(?!总?投资)|力争|争取|打算|有意|推动(?!下)|推进(?!下)"
    r"|加快|尽快|早日|确保|应当|应该|(?<![供相响反适呼答])应|须|必须|需要|可以|同意|鼓励|支持(?!下)|引导)"
    r"[^，,。；;]{0,12}$"
    r"|^\s*(?:对|凡|如(?!期)|若)"
    r"|(?:尚未|未|没有|不|拒绝|待)\s*$")
_CONDITION = re.compile(rf"[^，,。；;]{{0,12}}?{_INSTRUMENT}书?(?:后|之后|以后|前|之前|时|之日)")
_TECH_CONTRACT = re.compile(r"技术合同[^，,。；;]{0,12}(?:登记|成交|交易)|(?:登记|成交)[^，,。；;]{0,6}技术合同")
_CAPTION = re.compile(r"摄\s*[/／:：]|摄影\s*[/／:：]|供图|^图为|^图片")
_SETTLE = re.compile(r"(?:落户|入驻|落地|进驻)")
_VAGUE_TIME = re.compile(r"近日|日前|近期|目前|此前|近年来?|前不久|不久前|截至目前|最近")
_ANAPHOR = re.compile(
    r"^(?:[^，,]{0,8}[，,])?(?:此次|本次|这次|上述|这批|本批|该批|其中|这些|以上)"
    r"|此次签约|本次签约|这次签约|签约项目中|签约的项目|所签")
_ON_SITE = re.compile(r"^(?:[^，,]{0,6})?(?:现场|会上|仪式上|活动上|签约仪式上|当天|当日)")
_CEREMONY = re.compile(r"签约仪式|签字仪式|集中签约|签约会|签约大会|签约活动|云签约")
_NOT_PARTY_CLAUSE = re.compile(r"据|介绍|获悉|记者|表示|指出|说|讲话|致辞|主持|出席|参加|陪同")
_NOT_PARTY_SPAN = re.compile(
    r"在[^，,。；;]{1,30}?(?:见证|主持|陪同|见证下)|由[^，,。；;]{1,30}?(?:主办|承办|指导)"
    r"|在[^，,。；;]{1,30}?(?:举行|举办|召开)")
_COUNT = re.compile(r"(?<![\d.第])(\d+|[两二三四五六七八九十]{1,3})\s*(?:余|多)?\s*(个|家|项|所|份|宗|件)(?!月|百分点|工作日|小时)")
_MONEY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|千万|百万|亿|万)?\s*(元|美元|港元|欧元)")
_MULTIPLIERS = {None: 1, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}
_TOTAL = re.compile(r"(?:总投资额?|投资总额|总金额|总额|签约金额|签约额|签约资金|合同金额|协议金额|协议投资|"
                    r"合同总?额|共计|合计|累计|总计)[^，,。；;\d]{0,6}$")
_MONEY_CONTEXT = re.compile(r"(?:投资|金额|资金|价值|总价|标的)[^，,。；;\d]{0,6}$")
_SIGNED_COUNT = re.compile(r"签约|签订|签署")
_SIGNING_WORDS = re.compile(r"签约|签订|签署|签下|协议|合同")
_PROJECT = re.compile(r"([^\s，,、。；;：:“”\"（）()《》]{2,30}?)项目(?!部|组|化|库|制|经理)")
_PROJECT_CUT = re.compile(r".*(?:与|和|及|同|的|了|将|是|由|等|有(?!限)|共(?!建)|包括|涉及|其中|签约|签订|签署|签下|落户|引进|"
                          r"举行|举办|召开|开展|实施|推进|推动|加快|围绕|聚焦|\d+(?:余|多)?[个家项])")
_GENERIC_PROJECT = re.compile(
    r"^(?:国内外|国内|海外|外资|内资|重大|重点|优质|新|新兴|签约|招商|引资|产业|工业|农业|服务业|现代|科技|创新|"
    r"高新技术|高科技|文旅|文化|旅游|合作|投资|建设|基础设施|民生|数字经济|制造业|战略性|新兴产业|"
    r"先进|智能|研发|孵化|落地|入驻|该|此|这些|各类|一批|多个|其他|相关|上述|校地|校企|产学研|示范|试点|[、和及与])+$")
_PROJECT_NOISE = re.compile(r"(?:19|20)\d{2}年度?|第?[一二三四1-4]季度|[上下]半年|年度|全年|今年|去年|"
                            r"\d+(?:\.\d+)?[万亿]?元(?:以上|级)?|亿元|以上|全[区市县]|[区市县]级|市级|区级|省级|国家级")
_PLACE_SUFFIX = re.compile(r"(?:省|市|区|县|镇|乡|街道|村|社区|园区|产业园|工业园|开发区|保税区|片区|大道|路|街|广场|小镇)$")
_TOPIC_PLACE = re.compile(r"([\u4e00-\u9fff·]{2,20}?(?:大道|路|街|广场|园区|产业园|科技园|工业园|小镇|新区))(?:[，,]|是|位于)")
_AFTER_SETTLE = re.compile(r"(?:落户|入驻|落地|进驻)(?:到|在|于)?([^，,。；;、“”\"（）()的]{2,25})")
_VENUE = re.compile(r"在([^，,。；;、“”\"]{2,25}?)(?:举行|举办|召开|签约|签署|签订|落户|落地)")


@dataclass
class _Sentence:
    start: int
    end: int
    para: int
    text: str
    heading: bool = False     # a short line without sentence punctuation


@dataclass
class _Event:
    signing: Signing
    index: int            # sentence index of the first report


# ---------------------------------------------------------------- sentences

def _sentences(text: str) -> list[_Sentence]:
    """Sentences split on 。！？； and line breaks, trimmed, with paragraph numbers."""
    result, offset = [], 0
    for para, line in enumerate(text.split("\n")):
        for match in _SENTENCE.finditer(line):
            raw = match.group()
            stripped = raw.strip()
            if stripped:
                start = offset + match.start() + (len(raw) - len(raw.lstrip()))
                heading = (stripped == line.strip() and len(stripped) <= 40
                           and stripped[-1] not in _TERMINATORS and not re.search("[，,]", stripped))
                result.append(_Sentence(start, start + len(stripped), para, stripped, heading))
        offset += len(line) + 1
    return result


def _clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) of the comma/colon clauses of a sentence."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _clause_index(clauses: list[tuple[int, int]], pos: int) -> int:
    """Index of the clause holding ``pos``."""
    return next((i for i, (s, e) in enumerate(clauses) if s <= pos < e), len(clauses) - 1)


# ---------------------------------------------------------------- triggers

def _triggers(sentence: str) -> list[int]:
    """Positions of the real signing triggers in a sentence (none for captions,
    plans, service contracts, technology-contract statistics)."""
    if _CAPTION.search(sentence):
        return []
    if _TECH_CONTRACT.search(sentence) and not re.search(r"签约|协议|备忘录", sentence):
        return []
    blocked = [m.span() for m in _NOT_PROJECT_SIGNING.finditer(sentence)]
    found = []
    for match in _TRIGGER.finditer(sentence):
        pos = match.start()
        if any(s <= pos < e for s, e in blocked):
            continue
        clause_start = max(sentence.rfind(c, 0, pos) for c in "，,：:") + 1
        if _PLAN.search(sentence[clause_start:pos]):
            break                     # a plan stays a plan for the rest of the sentence
        if _CONDITION.match(sentence, match.end()):
            continue
        if match.group() not in ("签约", "签字仪式") and not _has_instrument(sentence, match):
            continue
        if match.group() == "签约" and _is_nominal(sentence, match.end(), clause_start):
            continue
        found.append(pos)
    return found


def _clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (at the next comma or terminator)."""
    ends = [i for i in (sentence.find(c, pos) for c in "，,。；;") if i >= 0]
    return min(ends) if ends else len(sentence)


def _is_nominal(sentence: str, end: int, clause_start: int) -> bool:
    """签约企业/签约项目 used as a noun phrase (希望签约企业…) rather than reporting
    a signing; it reports one when the clause gives a count or an amount."""
    if not _NOMINAL.match(sentence, end):
        return False
    clause = sentence[clause_start:_clause_end(sentence, end)]
    return not (_COUNT.search(clause) or _MONEY.search(clause))


def _has_instrument(sentence: str, match: re.Match) -> bool:
    """Whether a 签署/签订 verb governs an agreement rather than a document or order."""
    after = _OTHER_INSTRUMENT.sub("", sentence[match.end():_clause_end(sentence, match.end())])
    before = _OTHER_INSTRUMENT.sub("", sentence[max(0, match.start() - 15):match.start()])
    return bool(re.search(_INSTRUMENT, after) or re.search(_INSTRUMENT + r"[^，,。；;]{0,6}$", before))


# ---------------------------------------------------------------- fields

def _mentions(organizations: list[Organization]) -> list[tuple[int, int, str]]:
    """(start, end, name) of every mention, minus those nested in a longer one."""
    spans = sorted((s, -e, org.name) for org in organizations for s, e in org.mentions)
    result, reach = [], -1
    for start, neg_end, name in spans:
        if -neg_end > reach:
            result.append((start, -neg_end, name))
            reach = -neg_end
    return result


def _settle_mentions(text: str, organizations: list[Organization],
                     mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add settle targets written as a short form the organisations do not list
    (落户创新生态圈 → 环西南大学创新生态圈): the organisation a form of which ends
    with the longest head (3+ characters) of the target."""
    starts = {m[0] for m in mentions}
    extra = []
    for match in _AFTER_SETTLE.finditer(text):
        if match.start(1) in starts:
            continue
        target = match.group(1)
        for size in range(len(target), 2, -1):
            org = next((o for o in organizations
                        if any(f.endswith(target[:size]) for f in (o.name, *o.aliases))), None)
            if org:
                extra.append((match.start(1), match.start(1) + size, org.name))
                break
    return sorted(mentions + extra)


def _parties(sent: _Sentence, triggers: list[int], mentions: list[tuple[int, int, str]]) -> list[str]:
    """Organisations named in the clauses up to the last trigger clause, minus
    reporters, witnesses, organisers and venues."""
    clauses = _clauses(sent.text)
    last = _clause_index(clauses, triggers[-1])
    trigger_clauses = {_clause_index(clauses, t) for t in triggers}
    if sent.text[clauses[last][1] - 1:clauses[last][1]] in "：:" and last + 1 < len(clauses):
        last += 1
    allowed = [(s, e) for i, (s, e) in enumerate(clauses[:last + 1])
               if i in trigger_clauses or not _NOT_PARTY_CLAUSE.search(sent.text[s:e])]
    excluded = [m.span() for m in _NOT_PARTY_SPAN.finditer(sent.text)]
    names: list[str] = []
    for start, end, name in mentions:
        rel = start - sent.start
        if not (0 <= rel and end <= sent.end):
            continue
        inside = any(s <= rel < e for s, e in allowed)
        if inside and not any(s <= rel < e for s, e in excluded) and name not in names:
            names.append(name)
    return names


def _count(sent: str, trigger: int) -> int | None:
    """How many projects/enterprises/agreements the sentence says were signed:
    the count nearest the trigger in a signing clause, else in an earlier clause."""
    clauses = _clauses(sent)
    at = _clause_index(clauses, trigger)
    order = [i for i in range(len(clauses)) if _TRIGGER.search(sent[slice(*clauses[i])])]
    order += [i for i in range(at - 1, -1, -1) if i not in order]
    for i in order:
        if i > at and not _SIGNED_COUNT.search(sent[slice(*clauses[i])]):
            continue
        found = list(_COUNT.finditer(sent, *clauses[i]))
        if found:
            best = min(found, key=lambda m: abs(m.start() - trigger))
            return _number(best.group(1))
    return None


def _signed_count(sent: str) -> int | None:
    """A count tied to signing words in a detail sentence (签约项目12个, 12个项目签约)."""
    for match in _COUNT.finditer(sent):
        window = sent[max(0, match.start() - 8):match.end() + 8]
        if _SIGNED_COUNT.search(window):
            return _number(match.group(1))
    return None


def _number(text: str) -> int | None:
    """Arabic digits or a small Chinese numeral (两, 十二) as an int."""
    if text.isdigit():
        return int(text)
    digits = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    tens, sep, units = text.partition("十")
    if not sep:
        return digits.get(text)
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)


def _amount(sent: str, *, detail: bool = False) -> dict | None:
    """The total money stated for the signing: {'value': …, 'unit': '元'}."""
    candidates = []
    for match in _MONEY.finditer(sent):
        before = sent[max(0, match.start() - 12):match.start()]
        if re.search(r"均|每", before[-4:]):
            continue
        rank = 0 if _TOTAL.search(before) else 1 if _MONEY_CONTEXT.search(before) else 2
        if rank == 2 and not _SIGNING_WORDS.search(sent[slice(*_clause_around(sent, match.start()))]):
            continue
        candidates.append((rank, match))
    if not candidates:
        return None
    rank, match = min(candidates, key=lambda c: c[0])
    if detail and rank > 0:
        return None
    value = round(float(match.group(1)) * _MULTIPLIERS[match.group(2)], 2)
    value = int(value) if value.is_integer() else value
    return {"value": value, "unit": match.group(3)}


def _clause_around(sent: str, pos: int) -> tuple[int, int]:
    """[start, end) of the clause holding ``pos``."""
    clauses = _clauses(sent)
    return clauses[_clause_index(clauses, pos)]


def _projects(sent: str) -> list[str]:
    """Named projects (朝阳文创大道项目), not generic ones (58个科技创新项目)."""
    names = []
    for match in _PROJECT.finditer(sent):
        if sent.rfind("《", 0, match.start()) > sent.rfind("》", 0, match.start()):
            continue
        name = _PROJECT_CUT.sub("", match.group(1))
        if _is_named(name) and f"{name}项目" not in names:
            names.append(f"{name}项目")
    return names


def _is_named(name: str) -> bool:
    """Whether a project name says more than dates, places and generic words."""
    if len(name) < 2:
        return False
    core = _PROJECT_NOISE.sub("", name)
    core = _place_pattern().sub("", core)
    return len(core) >= 2 and not _GENERIC_PROJECT.match(core)


def _date(sentences: list[_Sentence], index: int, trigger: int, published: str | None) -> str | None:
    """Date of the signing: in its sentence up to the trigger clause, else in the
    previous sentence of the same paragraph; vague times (近日, 目前) give None."""
    sent = sentences[index]
    clauses = _clauses(sent.text)
    limit = clauses[_clause_index(clauses, trigger)][1]
    dates = [d for d in find_dates(sent.text, published=published) if d[0] < limit]
    before = [d for d in dates if d[0] < trigger]
    if before:
        return max(reversed(before), key=lambda d: len(d[2]))[2]
    if dates:
        return dates[0][2]
    if _VAGUE_TIME.search(sent.text[:limit]) or index == 0:
        return None
    previous = sentences[index - 1]
    if previous.para != sent.para:
        return None
    found = find_dates(previous.text, published=published)
    return found[-1][2] if found else None


# ---------------------------------------------------------------- places

_GENERIC_PLACE_NAMES = {"城区", "郊区", "矿区", "新区", "市辖区", "市中", "城中"}


@lru_cache(maxsize=1)
def _place_lexicon() -> dict[str, tuple[str, int]]:
    """Chinese administrative names and aliases → (full name, level: 1 province … 3 county)."""
    from nlp.dates import _jionlp
    lexicon: dict[str, tuple[str, int]] = {}

    def add(node: dict, level: int) -> None:
        full = node.get("_full_name")
        aliases = node.get("_alias") or []
        for name in [full, *([aliases] if isinstance(aliases, str) else aliases)]:
            if not name or len(name) < 2 or name in _GENERIC_PLACE_NAMES:
                continue
            if name not in lexicon or lexicon[name][1] < level:
                lexicon[name] = (full, level)
        for key, child in node.items():
            if not key.startswith("_") and isinstance(child, dict):
                add(child, level + 1)

    for province in _jionlp().china_location_loader().values():
        add(province, 1)
    return lexicon


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    names = sorted(_place_lexicon(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _find_places(text: str) -> list[tuple[int, int, str]]:
    """Administrative place mentions (start, end, full name) from jionlp's location data.

    A short alias (北碚, 朝阳) counts only when the full name (北碚区) is also
    written somewhere, which keeps 朝阳文创大道 from meaning Beijing's 朝阳区.
    """
    lexicon = _place_lexicon()
    found = [(m.start(), m.end(), m.group()) for m in _place_pattern().finditer(text)]
    written = {name for _, _, name in found if lexicon[name][0] == name}
    return [(s, e, lexicon[name][0]) for s, e, name in found if lexicon[name][0] in written]


def _region(places: list[tuple[int, int, str]]) -> str | None:
    """The document's region: its most-mentioned county-level place (else any place)."""
    lexicon = _place_lexicon()
    counts: dict[str, int] = {}
    for _, _, name in places:
        counts[name] = counts.get(name, 0) + 1
    counties = {n: c for n, c in counts.items() if lexicon.get(n, ("", 3))[1] >= 3}
    pool = counties or counts
    order = list(counts)
    return max(pool, key=lambda n: (pool[n], -order.index(n))) if pool else None


def _location(sent: _Sentence, mentions, places, region: str | None, topic: str | None) -> str | None:
    """Where the signing happened or its projects settle, if the sentence says so:
    a named place; a settle target that is itself a place (…大道, …园区); else the
    document's region. 签约入驻 with no target settles into the paragraph's topic."""
    venue = _VENUE.search(sent.text)
    settle = _AFTER_SETTLE.search(sent.text)
    if not venue and not settle:
        if not _SETTLE.search(sent.text):
            return None
        return topic or region
    for match in (m for m in (settle, venue) if m):
        target_start = sent.start + match.start(1)
        place = next((p for p in places if p[0] == target_start), None)
        org = next((m for m in mentions if m[0] == target_start), None)
        if org:
            return org[2] if _PLACE_SUFFIX.search(org[2]) else region
        if place:
            return place[2]
        if _PLACE_SUFFIX.search(match.group(1)):
            return match.group(1)
    return region


def _topic(sentences: list[_Sentence], index: int, mentions) -> str | None:
    """The organisation a paragraph is about: its first mention before this sentence."""
    sent = sentences[index]
    para_start = next(s.start for s in sentences[:index + 1] if s.para == sent.para)
    return next((name for s, _, name in mentions if para_start <= s < sent.start), None)


def _topic_place(sentences: list[_Sentence], index: int) -> str | None:
    """A place-like name that opens the paragraph (朝阳文创大道，是…), when it is
    not the sentence itself."""
    sent = sentences[index]
    first = next(s for s in sentences[:index + 1] if s.para == sent.para)
    match = _TOPIC_PLACE.match(first.text) if first is not sent else None
    return match.group(1) if match else None


# ---------------------------------------------------------------- events

def find_signings(text: str, organizations: list[Organization], *, published: str | None,
                  places: list[tuple[int, int, str]] | None = None) -> list[Signing]:
    """Signing events in ``text``, one per ceremony or batch, in text order.

    ``organizations`` are the document's organisations with mentions into
    ``text``; ``places`` are optional (start, end, name) place mentions, else
    administrative names are found with jionlp's location data. Relative dates
    resolve against ``published``.
    """
    sentences = _sentences(text)
    found = [[] if sent.heading else _triggers(sent.text) for sent in sentences]
    if not any(found):
        return []
    mentions = _settle_mentions(text, organizations, _mentions(organizations))
    places = sorted(places) if places is not None else _find_places(text)
    region = _region(places)
    events: list[_Event] = []
    for index, (sent, triggers) in enumerate(zip(sentences, found)):
        last = events[-1] if events else None
        if last and _continues(sentences, index, last, bool(triggers)):
            _merge(last.signing, sent, triggers, mentions)
        elif triggers:
            signing = _build(sentences, index, triggers, mentions, places, region, published)
            events.append(_Event(signing, index))
    return [event.signing for event in events]


def _build(sentences, index, triggers, mentions, places, region, published) -> Signing:
    """The event a sentence reports, its fields read from that sentence and its context."""
    sent, trigger = sentences[index], triggers[0]
    topic = _topic(sentences, index, mentions)
    parties = _parties(sent, triggers, mentions)
    place_topic = topic if topic and _PLACE_SUFFIX.search(topic) else _topic_place(sentences, index)
    if not parties and _SETTLE.search(sent.text) and not _AFTER_SETTLE.search(sent.text) and topic:
        parties = [topic]
    return Signing(
        text=sent.text, date=_date(sentences, index, trigger, published), parties=parties,
        projects=_projects(sent.text), count=_count(sent.text, trigger), amount=_amount(sent.text),
        location=_location(sent, mentions, places, region, place_topic), start=sent.start, end=sent.end)


def _continues(sentences: list[_Sentence], index: int, last: _Event, has_trigger: bool) -> bool:
    """Whether a sentence restates or details the most recent signing event."""
    sent, first = sentences[index], sentences[last.index]
    if index - last.index > 4 or sent.para - first.para > 1:
        return False
    if _ANAPHOR.search(sent.text):
        return has_trigger or bool(re.search(r"签约|项目|协议|投资|合同", sent.text))
    same_ceremony = _ON_SITE.search(sent.text) or sentences[index - 1].text[-1] in "；;"
    return bool(same_ceremony and _CEREMONY.search(first.text) and index - last.index <= 2)


def _merge(signing: Signing, sent: _Sentence, triggers: list[int], mentions) -> None:
    """Fill the event's missing fields from a detail sentence."""
    if signing.count is None:
        signing.count = _signed_count(sent.text)
    if signing.amount is None:
        signing.amount = _amount(sent.text, detail=True)
    for project in _projects(sent.text):
        if project not in signing.projects:
            signing.projects.append(project)
    if triggers:
        for name in _parties(sent, triggers, mentions):
            if name not in signing.parties:
                signing.parties.append(name)

"""Signings: reports that an agreement, contract or project was signed.

Follows the "Signings" sections of EXTRACTION.md. One event per ceremony or
batch: the event's text is the first sentence reporting it, and later detail
sentences about the same signing (此次签约…, 其中…, 活动现场…还与…, the pieces
after a ；) fill in its missing fields and parties instead of making new events.
Mentions of the ceremony (签约仪式上…表示, 见证签约) never start one; another
occasion (同日下午…, 此前，2月20日…) and cumulative totals (已累计与…签署) do.
The sentence-level rules are in nlp/signing_rules.py, the choice of parties in
nlp/signing_parties.py, counts and amounts in nlp/signing_amounts.py, places
in nlp/signing_places.py and nlp/signing_venues.py, named projects in
nlp/signing_projects.py, dates in nlp/signing_dates.py (会上 / 会前 / 会后 / 当天
take the date of the meeting written before; a period gives its year), quoted
remarks in nlp/signing_remarks.py, comments on a signing (此次…协议的签署，标志着…;
X表示，这是…首次…签订) in nlp/signing_comments.py, restatements and the shares
of a batch or total (此外，X同样…共签约6个项目) in nlp/signing_scope.py, sides
named by reference to the document (我校, 园区) in nlp/signing_selfrefs.py,
bodies known through a party unit and written short (市X总社 of 市X总社党委) in
nlp/signing_parents.py, the signed firms as a noun (为签约企业颁发…, 签约企业代表X)
and quoted slogans in nlp/signing_firms.py, ceremonies mixing signing with
groundbreaking (集中签约及集中开工) in nlp/signing_mixed.py, verdicts ranking a signing
(…以来第一次签订) and its manner (签约采用视频形式) in nlp/signing_restatements.py,
lines of cited points (… [1] - …) in nlp/signing_points.py,
and the parts of a batch told further on
(本批项目…, …通过视频连线完成云签约, the signings after one 签约现场, the
officials who sign for a side) in nlp/signing_batches.py.

Ceremonies: a signing right after a ceremony whose sides are not named yet,
with no time of its own, is one of its signings (集中签约仪式…签约项目16个。A与B
签署…); a sentence holding a ceremony of its own (还在东莞举行…签约仪式) starts a
new event; the sides named later (签约双方为A与B) are the event's parties. A
dated sentence saying a ceremony was attended (4月2日，区长…并出席签约活动。) is
the first report of the signing the next sentence details (A、B与C、D共签订…
协议4份), and a signing at "the ceremony" (签约仪式上，C与D也签订…) is one more
signing of the event before, however that event was reported. Folded into
the ceremony too: the people who sign for its sides (副县长A与B负责人代表双方签约),
the count given at it (仪式上共签署3份协议), side agreements (除框架协议外，C与D
签订…) and the agreements' totals (两份协议涉及…，总投资38亿元). A running total
(已与11所高校签署…) holds no ceremony: the signings after it are their own, as is
one with a vague time of its own (此外，A日前与B签订…). 双方 with no pair named
just before are the sides of the last signing (早在2019年，双方就签署了首轮…).

Decisions beyond the contract, so that they are stated once:
- plans (拟/将/计划/有望/即将签约, 明年将与…签订, 双方商定，…再签署) and negated
  signings are not signings (nlp/signing_plans.py);
- 签约医生, 家庭医生签约, 签约服务 are health-service contracts, not project
  signings; 技术合同登记/成交 are technology-market statistics, not signings;
  labour and purchase contracts (劳动合同, 购房合同) are not project signings;
- 签署/签订 counts only with an instrument (协议, 合同, 备忘录, 意向书 …), so
  签署命令 or 签字 on a document is not a signing;
- a signing named in a relative clause (学校与市里2022年签订的协议，目前…) is no
  event, unless perfect or cumulative (已签约的, 今年以来新签约的); articles of a
  regulation (第一条 …签订的合同) and conditions (协议签订后) report nothing;
- image captions (…签约仪式 摄/某某, 图为…) and short heading lines without
  sentence punctuation (subheadings restate the body) are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlp import signing_rules as rules
from nlp.dates import find_dates
from nlp.signing_parties import antecedents as _antecedents, invests as _invests
from nlp.signing_parties import listed as _listed, mentions as _mentions, parties as _parties
from nlp.signing_parties import defined_mentions as _defined_mentions, settle_mentions as _settle_mentions
from nlp.signing_parties import brand_mentions as _brand_mentions
from nlp.signing_rules import COUNT as _COUNT, TRIGGER as _TRIGGER
from nlp.signing_dates import CHROME as _CHROME, RECENTLY as _RECENTLY, VAGUE_TIME as _VAGUE_TIME
from nlp.signing_dates import own_date as _own_date, signing_date as _date
from nlp.signing_amounts import amount as _amount, count as _count, signed_count as _signed_count
from nlp.signing_amounts import whole_part as _whole_part
from nlp import signing_batches as batches
from nlp.signing_places import find_places as _find_places, region as _region
from nlp.signing_projects import projects as _projects
from nlp.signing_venues import PLACE_SUFFIX as _PLACE_SUFFIX, SETTLE as _SETTLE, location as _location
from nlp.signing_venues import settle_into as _settle_into, topic as _topic, topic_place as _topic_place
from nlp.signing_rules import clause_around as _clause_around
from nlp.signing_comments import acts_of, relatives_of
from nlp import signing_firms as firms
from nlp import signing_mixed as mixed
from nlp.signing_points import cited_points
from nlp import signing_scope as scope
from nlp.signing_selfrefs import self_mentions
from nlp.signing_parents import parent_mentions
from policyminer.records import Organization, Signing

_TERMINATORS = "。！？；;!?"
_SENTENCE = re.compile(rf"[^{_TERMINATORS}]+(?:[{_TERMINATORS}]+[”’」』）)]*|$)")

_FIRM_REACH = 3                 # sentences after a batch's last detail that may name its signed firms
_OPENING_REACH = 2              # sentences searched ahead for the signing an attended ceremony opens
_HOST_TYPES = ("platform", "institute", "other")     # what settlers sign into: parks, bases, institutes
_PARK_HEADS = ("园", "园区", "基地", "平台")
_BOTH_SIDES = re.compile(r"双方|三方|各方|两家")
_SUBSET = re.compile(r"其中|项目中|之中")
_CEREMONY = re.compile(r"签约仪式|签字仪式|集中签约|签约会|签约大会|签约活动|云签约|签约(?:和|及|暨|、)?开工(?:仪式|活动|大会)")


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
    last: int             # sentence index of the last sentence merged into it
    batch: bool           # a ceremony or batch, whose detail sentences report its signings
    total: bool = False   # a running total (已与11所高校签署, 今年以来累计签约), which holds no ceremony
    host: bool = False    # its one party only holds the ceremony (X举行了签约仪式); the pairs come later


# ---------------------------------------------------------------- sentences

def _sentences(text: str) -> list[_Sentence]:
    """Sentences split on 。！？； and line breaks, trimmed, with paragraph numbers;
    a line of cited points (…开门红” [1] - 本次…) is also split at its markers."""
    result, offset = [], 0
    lines = text.split("\n")
    for para, line in enumerate(lines):
        for base, piece, label in cited_points(line):
            for match in _SENTENCE.finditer(piece):
                raw = match.group()
                stripped = raw.strip()
                if stripped:
                    start = offset + base + match.start() + (len(raw) - len(raw.lstrip()))
                    whole = stripped == line.strip() or (label and stripped == piece.strip())
                    heading = whole and _is_heading(stripped, not result, lines[para + 1:para + 3])
                    result.append(_Sentence(start, start + len(stripped), para, stripped, heading))
        offset += len(line) + 1
    return result


def _is_heading(line: str, first: bool, following: list[str]) -> bool:
    """A line without sentence punctuation: short and comma-free, or a headline
    (the first line, or one followed by a 发布时间/来源 line), commas and all."""
    if line[-1] in _TERMINATORS or len(line) > 80:
        return False
    if len(line) <= 40 and not re.search("[，,]", line):
        return True
    return first or any(_CHROME.search(f) for f in following if f.strip())


# ---------------------------------------------------------------- events

def find_signings(text: str, organizations: list[Organization], *, published: str | None,
                  places: list[tuple[int, int, str]] | None = None) -> list[Signing]:
    """Signing events in ``text``, one per ceremony or batch, in text order.

    ``organizations`` are the document's organisations with mentions into
    ``text``; ``places`` are optional (start, end, name) place mentions, else
    administrative names are found with jionlp's location data. Relative dates
    resolve against ``published``.
    """
    if not _TRIGGER.search(text):
        return []                       # most documents: no sentence needs a look
    sentences = _sentences(text)
    found = [[] if sent.heading else firms.triggers(sent.text) for sent in sentences]
    if not any(found):
        return []
    mentions = _brand_mentions(text, organizations, _mentions(organizations))
    mentions = _defined_mentions(text, _settle_mentions(text, organizations, mentions))
    mentions = self_mentions(text, organizations, mentions)      # 我校 / 园区 as sides; glued names split
    mentions = parent_mentions(text, organizations, mentions)    # 市X总社 of a known 市X总社党委
    places = sorted(places) if places is not None else _find_places(text)
    region = _region(places)
    hosts = frozenset(org.name for org in organizations if org.type in _HOST_TYPES) \
        | frozenset(name for _, _, name in mentions if name.endswith(_PARK_HEADS))   # defined in the text
    events: list[_Event] = []
    for index, (sent, triggers) in enumerate(zip(sentences, found)):
        last = events[-1] if events else None
        acts = acts_of(sent.text, triggers)
        if last and _continues(sentences, index, last, triggers, acts, published, mentions):
            _merge(last, index, sent, acts or relatives_of(sent.text, triggers), mentions)
        elif acts and last and _sub_batch(sentences, index, last, acts, published):
            last.last = index           # 此外，X同样…共签约6个项目: a part of the batch before
        elif acts:
            signing = _build(sentences, index, acts, mentions, places, region, published, hosts)
            if scope.restates(signing, [e.signing for e in events]):
                continue                # the same batch told again (same count and amount)
            signing.parties = signing.parties or _both_sides(sentences, index, acts[0], mentions, events)
            batch = bool(_CEREMONY.search(sent.text)) or (signing.count or 0) >= 2
            total = rules.is_cumulative(sent.text, acts[0]) and len(signing.date or "") <= 4
            events.append(_Event(signing, index, index, batch, total, batches.hosts_only(sent.text, signing.parties)))
        elif last and not acts and last.batch and not last.total and index - last.last <= _FIRM_REACH \
                and firms.signed_firms(sent, mentions):
            _add_parties(last, firms.signed_firms(sent, mentions))    # 签约企业代表X公司…发言: a side
        elif last and not triggers and last.batch and not last.total and index - last.last == 1:
            _add_parties(last, batches.signing_sides(sent, mentions))   # X负责人与…代表分别在协议上签字
        elif triggers and rules.attends(sent.text, triggers) and (not events or _dated(sent, published)):
            if _opened(sentences, index, found, published):
                signing = _build(sentences, index, triggers, mentions, places, region, published, hosts)
                signing.parties = []        # who attends is no side; the next sentence names them
                events.append(_Event(signing, index, index, True))
    return [event.signing for event in events]


def _sub_batch(sentences: list[_Sentence], index: int, event: _Event, acts: list[int],
               published: str | None) -> bool:
    """Whether a signing sentence tells a parallel part of the batch or total before
    (此外，X同样…共签约6个项目; 能源专班签约项目2个), with no time, ceremony or running
    total of its own."""
    text = sentences[index].text
    if not (event.batch or event.total) or _own_date(text, acts[0], published) is not None \
            or rules.holds_ceremony(text) or (rules.is_cumulative(text, acts[0]) and not event.total):
        return False
    return scope.is_sub_batch(text, event.signing, _count(text, acts[0]), _amount(text), index - event.last,
                              sentences[index].para - sentences[event.last].para)


def _dated(sent: _Sentence, published: str | None) -> bool:
    """Whether a sentence states when (4月18日, 今（15）日, 近日): one that opens a
    report, not a restatement of a ceremony told before (区长出席签约仪式)."""
    return bool(_VAGUE_TIME.search(sent.text) or find_dates(sent.text, published=published))


def _opened(sentences: list[_Sentence], index: int, found: list[list[int]], published: str | None) -> bool:
    """Whether an attended ceremony (…并出席签约活动。) opens the event that one of the
    next sentences reports (A、B与C共签订协议4份), past details of the ceremony
    (本次签约…): that sentence is its first report."""
    probe = _Event(Signing(text="", date=_date(sentences, index, found[index][0], published)), index, index, True)
    for ahead in range(index + 1, min(index + 1 + _OPENING_REACH, len(sentences))):
        following = sentences[ahead]
        if following.para - sentences[index].para > 1:
            return False
        acts = acts_of(following.text, found[ahead])
        if acts:
            return _continues(sentences, ahead, probe, found[ahead], acts, published)
        if not (found[ahead] or rules.is_detail(following.text)):
            return False
    return False


def _build(sentences, index, triggers, mentions, places, region, published, hosts) -> Signing:
    """The event a sentence reports, its fields read from that sentence and its context."""
    sent, trigger = sentences[index], triggers[0]
    topic = _topic(sentences, index, mentions)
    parties = [name for name in _parties(sent, triggers, mentions) if mixed.is_side(name)]
    place_topic = topic if topic and _PLACE_SUFFIX.search(topic) else _topic_place(sentences, index)
    host = _topic(sentences, index, [m for m in mentions if m[2] in hosts])
    if not parties and _SETTLE.search(sent.text) and not _settle_into(sent.text) and (host or place_topic):
        parties = [host or place_topic]       # 签约入驻… in a paragraph about a park: the park
    return Signing(
        text=sent.text, date=_date(sentences, index, trigger, published), parties=parties,
        projects=_projects(sent.text), count=_count(sent.text, trigger), amount=_amount(sent.text),
        location=_location(sent, mentions, places, region, place_topic), start=sent.start, end=sent.end)


def _both_sides(sentences: list[_Sentence], index: int, trigger: int, mentions, events: list[_Event]) -> list[str]:
    """双方/三方 as the sides of a signing: the pair the sentence before names
    before any 双方 of its own (A与B座谈，双方…。双方签署…); when it names none
    there, the sides of the last signing reported (早在2019年，双方就签署了首轮…)."""
    sent = sentences[index]
    if not index or not _BOTH_SIDES.search(sent.text[:_clause_around(sent.text, trigger)[1]]):
        return []
    previous = sentences[index - 1]
    own = _BOTH_SIDES.search(previous.text)       # 双方明确由C和D牵头: C and D are no pair of sides
    if own:
        previous = _Sentence(previous.start, previous.start + own.start(), previous.para, previous.text[:own.start()])
    named = _antecedents(previous, mentions)
    earlier = next((e.signing.parties for e in reversed(events) if len(e.signing.parties) >= 2), [])
    return named or list(earlier)


def _continues(sentences: list[_Sentence], index: int, event: _Event, triggers: list[int],
               acts: list[int], published: str | None, mentions=()) -> bool:
    """Whether a sentence restates or details the most recent signing event: a
    mention of its ceremony, a detail (此次签约…, 其中…, 根据协议…), one piece of a
    ；-separated report, 双方签署…, the people who sign for its sides (…代表双方签约),
    one signing at the batch's ceremony (现场…, 分别与…, 仪式上…), or the signing
    of a ceremony its first sentence only announced."""
    sent = sentences[index]
    detail = rules.is_detail(sent.text)
    if not _near(sentences, index, event) or not (triggers or detail):
        return False
    if not acts:                        # mentions and details add to the event before
        return not rules.is_planned(sent.text)
    if _another_occasion(sentences, index, event, acts[0], published):
        return False
    own = _own_date(sent.text, acts[0], published)
    if rules.signs_on_behalf(sent.text) or _same_sides_by_people(sent, acts, event, mentions):
        return True                     # 副县长A与B负责人代表双方签约: who signed it
    if sentences[index - 1].text[-1] in "；;" and event.last == index - 1:
        return True
    if rules.at_the_ceremony(sent.text):
        return True                     # 签约仪式上，A与B也签订…: another signing of that ceremony
    if rules.is_ceremony_only(sent.text, acts) or rules.opens_with_signed(sent.text) \
            or rules.opens_with_sides(sent.text):
        return True
    if event.batch and index - event.last <= 2 and _announces_only(sentences[event.index], event.signing):
        return True                     # 签约仪式举行。A与B签署…: the ceremony's signing
    if own is None and _sides_unnamed(sentences[event.index], event):
        return True                     # 集中签约仪式…现场签约项目16个。…A与B签署…: one of its signings
    if event.batch and batches.continues_at_ceremony(sentences, index, event.last, own):
        return True                     # 签约现场，A与B签署…。C与D签订…: the ceremony goes on
    return event.batch and (detail or rules.is_on_site(sent.text) or batches.is_batch_part(sent.text))


def _another_occasion(sentences: list[_Sentence], index: int, event: _Event, trigger: int,
                      published: str | None) -> bool:
    """Whether a signing sentence reports another occasion than the event's: a
    running total, 同日下午/此前…, a ceremony of its own, a time of its own (a
    different date, 日前), or any signing after a running total but its details."""
    text = sentences[index].text
    if rules.is_cumulative(text, trigger) or rules.is_new_occasion(text) or rules.holds_ceremony(text) \
            or _own_vague_time(sentences, index, event, trigger):
        return True
    if event.total and not rules.is_detail(text):
        return True                     # 此外，A与B签订…: a signing of its own, not one of the total
    own = _own_date(text, trigger, published)
    return bool(own and own != event.signing.date)


def _same_sides_by_people(sent: _Sentence, acts: list[int], event: _Event, mentions) -> bool:
    """副县长A与某大学副校长B签署协议 right after that body's signing: the office
    holders sign for sides already reported (the bodies they speak for, or units of them)."""
    if not event.signing.parties or not rules.signed_by_people(sent.text):
        return False
    return all(_covered(n, event.signing.parties) for n in _parties(sent, acts, mentions))


def _near(sentences: list[_Sentence], index: int, event: _Event) -> bool:
    """Whether a sentence is close enough to the event to detail it: three
    sentences on; six when it refers back explicitly (此次签约…), to the
    ceremony of a signing (仪式上共签署3份协议), which no running total has, or
    only tells the ceremony again (接着，双方进行了签约仪式)."""
    sent, recent = sentences[index], sentences[event.last]
    far = rules.is_explicit_anaphor(sent.text) or (rules.at_the_ceremony(sent.text) and not event.total) \
        or (event.batch and not event.total and batches.is_batch_part(sent.text)) \
        or (_sides_unnamed(sentences[event.index], event) and batches.at_the_meeting(sent.text)) \
        or (event.batch and not event.total and rules.is_ceremony_only(sent.text, firms.rule_triggers(sent.text)))
    if far:                             # an announced ceremony's numbers may come after its background
        paragraphs = 4 if event.batch and _announces_only(sentences[event.index], event.signing) else 2
        return index - event.last <= 6 and sent.para - recent.para <= paragraphs
    return index - event.last <= 3 and sent.para - recent.para <= 1


def _own_vague_time(sentences: list[_Sentence], index: int, event: _Event, trigger: int) -> bool:
    """此外，A日前与B签订…: a signing with a vague time of its own (日前, 近日), which
    the event's first report does not share, is another occasion."""
    return bool(_RECENTLY.search(sentences[index].text, 0, trigger)) \
        and not _RECENTLY.search(sentences[event.index].text)


def _announces_only(first: _Sentence, signing: Signing) -> bool:
    """Whether an event's first sentence only announces its ceremony, with no
    count or amount (…签约仪式举行, 举行重大项目集中签约仪式)."""
    return signing.count is None and signing.amount is None and bool(_CEREMONY.search(first.text))


def _sides_unnamed(first: _Sentence, event: _Event) -> bool:
    """Whether the event is a ceremony whose sides are not named yet: a signing
    right after it, with no time of its own, is one of the ceremony's."""
    return event.batch and not event.signing.parties and bool(_CEREMONY.search(first.text))


def _merge(event: _Event, index: int, sent: _Sentence, acts: list[int], mentions) -> None:
    """Fill the event's missing fields from a detail sentence; mentions of the
    ceremony (签约仪式上…表示) only extend its reach."""
    event.last = index
    signing = event.signing
    if not acts and not rules.is_detail(sent.text):
        return
    head = _whole_part(sent.text)                # …，其中工业项目15个: the part before 其中 is the whole
    subset = bool(_SUBSET.search(head)) and not mixed.signed_share(signing.text, head)   # 其中… one part
    if signing.count is None and not subset and not (acts and scope.is_later_group(head, signing.parties)):
        signing.count = _count(head, acts[0]) if acts and acts[0] < len(head) else _signed_count(head)
    single = not rules.names_a_batch(signing.text)      # one agreement, at a ceremony or not
    whole = not subset and (_COUNT.search(head) or rules.is_explicit_anaphor(head)
                            or (single and (rules.one_project(head) or rules.states_terms(head))))
    if signing.amount is None and (not event.batch or whole):
        terms = (single and rules.states_terms(head)) or rules.is_explicit_anaphor(head)   # 此次签约…投资金额…
        signing.amount = _amount(head, detail=not terms)
    for project in _projects(sent.text):
        if project not in signing.projects:
            signing.projects.append(project)
    named = _parties(sent, acts, mentions) if acts else []
    if not acts and (event.batch or not signing.parties) and rules.lists_signed(sent.text):
        named = _listed(sent, mentions)
    elif event.batch and rules.is_detail(sent.text):    # 其中，A投资…，B为C提供授信…: investors and lenders too
        named += [name for name in _listed(sent, mentions) if _invests(sent, name, mentions) and name not in named]
    if signing.parties and (rules.signs_on_behalf(sent.text) or rules.signed_by_people(sent.text)):
        named = []
    if event.host and acts and len(named) >= 2:
        signing.parties[:] = []         # X举行了签约仪式。A与B签订…: the pairs are the sides, not the host
        event.host = False
    if event.batch and scope.is_share(sent.text, subset):
        named = []                      # 其中，X园区共签约项目8个: where they settle, not a side                      # 西南大学科技处负责人 signs for 西南大学, a side already named
    _add_parties(event, named)


def _add_parties(event: _Event, names: list[str]) -> None:
    """Add the sides a detail sentence names to the event's parties, in order."""
    for name in names:
        if name not in event.signing.parties and mixed.is_side(name):
            event.signing.parties.append(name)


def _covered(name: str, parties: list[str]) -> bool:
    """Whether a body is one of the parties or a unit of one (西南大学科技处 of 西南大学)."""
    return any(name.startswith(p) or p.startswith(name) for p in parties)

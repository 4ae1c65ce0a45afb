"""Who signed: the parties of a signing, read from the organisations' mentions.

nlp/signings.py builds the events; this module says which organisations of a
sentence are the sides of its signing (EXTRACTION.md, "parties"):

- the organisations of the clauses up to the last signing word, and of a
  list clause after it (…集中签约，包括A、B等), minus
  reporters, witnesses, organisers, venues and what an agreement is about
  (签署共建X研究院合作协议: X is its object);
- a party committee written only in a person's title (区委书记张三) is not a
  side: the person signs or witnesses for the government;
- 双方/三方 refer to the organisations of the sentence before, 该公司/该校 to
  the last organisation named before with that head;
- a batch's listing sentence (签约企业包括A、B等) and the investors of its
  detail sentences (其中，A公司投资12亿元建设…) name sides of the batch;
- a settle target written in a short form (落户创新生态圈) is the organisation
  whose name ends with it.
- a body that alone holds the ceremony or names the batch (区政府举行…集中签约
  活动, X招商引资项目集中签约仪式) is not a side; one paired with 与 is;
- short forms the text defines (A公司（以下简称“甲”）) are mentions of their
  body, also when the organisation finder missed it; so are a company's brand
  forms (重庆钒源新材料有限公司 … 园区与钒源新材料签订);
- the last member of a list of sides is cut at the signing verb (…、B公司、蓝鲸
  智造签署), and a clause that only says where (在四川大学，…) names no side.

Sentences are any objects with ``start``, ``end`` (offsets into the document)
and ``text``.
"""
from __future__ import annotations

import re
from typing import Protocol

from nlp import signing_rules as rules
from nlp.wordscan import occurrences
from policyminer.records import Organization

Mention = tuple[int, int, str]          # start, end, organisation name

_TITLE = re.compile(r"(?:党委|党组)?(?:副)?(?:书记|常委|主任|局长|区长|市长|县长|校长|院长|所长|部长|主席|"
                    r"董事长|总经理|总裁|负责人|处长|科长|镇长|行长)")
_INVESTS = re.compile(   # A公司投资12亿元 / A公司新能源基地项目投资18亿元: the investor of a project;
    r"(?:的?[^，,。；;、与和同]{0,24}?项目)?(?:拟|将|计划|预计|意向|协议)?(?:总)?投资(?:约|超|逾)?\d"
    r"|(?:向|为)[^，,。；;]{0,30}?(?:提供)?(?:意向)?(?:授信|贷款)(?:合计|共计|总额)?\d")   # A银行为B企业提供授信3亿元
_COMMITTEE = re.compile(r"(?:委|常委会|党委|党组|党工委|委员会)$")
_NOT_PARTY_CLAUSE = re.compile(r"据|介绍|获悉|记者|表示|指出|说|讲话|致辞|主持|出席|参加|陪同")
_NOT_PARTY_SPAN = re.compile(
    r"在[^，,。；;]{1,30}?(?:见证|主持|陪同|见证下)|由[^，,。；;]{1,30}?(?:主办|承办|指导|主持)"
    r"|在[^，,。；;]{1,30}?(?:举行|举办|召开)"
    r"|[^，,。；;与和同及、]{2,25}?(?:运营方|运营主体|运营商|运营单位|管理方|旗下|下属)(?:的)?(?=[\u4e00-\u9fff])")
    # X运营方Y / X旗下Y与…签订: Y signs, X only says whose it is
_CEREMONY = r"(?:签约仪式|签约活动|签约大会|签约会|推介会|招商会|洽谈会|对接会)"
_HOSTS = re.compile(rf"(?:举行|举办|主办|召开|组织|开展)(?:了)?[^，,。；;]{{0,25}}?(?:{_CEREMONY}|推进会|座谈会|大会|论坛|峰会)")
_NAMES_BATCH = re.compile(rf"[^，,。；;与和同及、在]{{0,20}}?(?:招商|推介|集中签约)[^，,。；;与和同及、在]{{0,12}}?{_CEREMONY}")
_ORGANISES = re.compile(r"(?:组织|带领|率领|牵头组织|邀请|促成)(?:了)?[^，,。；;与和同]{1,25}?(?:与|同|和)")
_SIDE_LATER = re.compile(r"[，,](?:并|还|也|现场|会上|会后|仪式上|随后|当场|同时|正式)?(?:与|同)(?!时|期)")
AFTER_SETTLE = re.compile(r"(?:落户|入驻|落地|进驻)(?:到|在|于)?([^，,。；;、“”\"（）()的]{2,25})")


_ENUMERATION = re.compile(r"(?:[^、，,。；;：:与和及同“”\"]{2,20}、)+[^、，,。；;：:与和及同“”\"]{2,30}")
_ETC = re.compile(r"等(?:\d+|[两二三四五六七八九十]{1,3})?\s*(?:余|多)?\s*[家个所位]")
_LAST_ENDS = re.compile(rf"{rules.TRIGGER.pattern}|等|共|联合|分别|正式|现场|当场|集中|携手|代表|[双三四五六多各]方|[在也还将已均并]")
_NAME_LIKE = re.compile(r"[\u4e00-\u9fff（）()·]{2,12}")
_NOT_NAME = re.compile(r"^(?:相关|有关|各|部分|其他|区内|市内|全区|全市|我|本|该|多)|[省市区县镇乡村]$|街道$"
                       r"|企业$|单位$|部门$|机构$|高校$|院校$|领域$|产业$|行业$|项目$"
                       r"|书记|[省市区县镇]长|校长|院长|董事长|总经理|总裁|负责人|主任|局长|行长|部长|常委"   # a person
                       r"|签约|仪式")


_ABOUT = re.compile(r"就(?:共建|合建|组建|设立|建设|打造|联建)([^，,。；;]{2,40}?)(?=在|举行|举办|签|达成|进行)")
_IN_PROJECT = re.compile(r"[^，,。；;、与和及等]{1,20}?项目")     # the rest of a project's name

_SIGNERS = r"(?:此次|本次|这次)?(?:集中)?签约的?(?:企业|单位|客商|机构|双方|各方)(?:分别|主要)?(?:是|为|包括|有)"
_SIGNED_LIST = re.compile(rf"\s*{_SIGNERS}")
_LIST_CLAUSE = re.compile(rf"\s*(?:其中)?(?:包括|分别是|分别为|主要有|主要包括|{_SIGNERS}"
                          r"|签约项目(?:分别|主要)?(?:是|为|包括|有))")
_DEFINED = re.compile(r"[（(](?:以下|下文)?(?:简称|称)[:：]?[“\"「『]([^”\"」』]{2,12})[”\"」』][）)]")
_DEFINED_NAME = re.compile(r"[\u4e00-\u9fff（）·]{2,18}(?:公司|集团|园|中心|大学|学院|研究院|研究所|银行|基地|平台|协会|商会)")
_AFTER_NAME = set("与和同及、，,。；;：:还也将已在的等相有负表党校于为是对")
_NAME_STOP = "，,。；;、：:“”\"与和同及\n"
_NOT_SHORT = re.compile(r"(?:协议|合同|办法|方案|规定|意见|通知|项目|计划|条例|细则|指南)$")
_PAIRED = re.compile(r"[\u4e00-\u9fff][与和同]\0|\0[与和同][\u4e00-\u9fff]")
_HEADS = {"公司": ("公司", "集团"), "集团": ("集团", "公司"), "企业": ("公司", "集团"),
          "校": ("大学", "学院", "学校"), "大学": ("大学",), "学院": ("学院",),
          "院": ("院",), "所": ("所",), "中心": ("中心",), "行": ("银行", "分行", "支行"),
          "银行": ("银行", "分行", "支行"), "医院": ("医院",)}
_ANAPHOR = re.compile(r"(?:该|这家|此)(公司|集团|企业|校|大学|学院|院|所|中心|行|银行|医院)")
_ANAPHOR_REACH = 400                    # characters back to the organisation referred to
_LEGAL_SUFFIX = re.compile(r"(?:集团)?(?:股份)?有限(?:责任)?公司$|(?:集团)?股份公司$|(?:集团)?公司$")
_TRADE_WORD = re.compile(r"(?:科技|技术|实业|发展|控股|集团|股份|工业)$")
_EXTENDS = re.compile(r"有限|股份|公司|集团")               # the start of a longer legal name
_AFTER_BRAND = set("与和同及、，,。；;：:“”\"）)等签共联在也还将已为是于三双四各负董总党携正分达 \n")
_VENUE_CLAUSE = re.compile(r"\s*(?:(?:\d{1,2}月)?\d{1,2}日|[今昨前当同次]日|[今昨前]天|当天|[上中下]午|晚上)*在")
_BEFORE_BRAND = set("与和同及、，,。；;：:“”\"在由向对为是从被让将 \n")


class Sentence(Protocol):
    """A sentence of the document: its offsets and text."""

    start: int
    end: int
    text: str


def mentions(organizations: list[Organization]) -> list[Mention]:
    """(start, end, name) of every mention, minus those nested in a longer one."""
    spans = sorted((s, -e, org.name) for org in organizations for s, e in org.mentions)
    result, reach = [], -1
    for start, neg_end, name in spans:
        if -neg_end > reach:
            result.append((start, -neg_end, name))
            reach = -neg_end
    return result


def settle_mentions(text: str, organizations: list[Organization],
                    found: list[Mention]) -> list[Mention]:
    """Add settle targets written as a short form the organisations do not list
    (落户创新生态圈 → 环西南大学创新生态圈): the organisation a form of which ends
    with the longest head (3+ characters) of the target."""
    starts = {m[0] for m in found}
    extra = []
    for match in AFTER_SETTLE.finditer(text):
        if match.start(1) in starts:
            continue
        target = match.group(1)
        for size in range(len(target), 2, -1):
            org = next((o for o in organizations
                        if any(f.endswith(target[:size]) for f in (o.name, *o.aliases))), None)
            if org:
                extra.append((match.start(1), match.start(1) + size, org.name))
                break
    return sorted(found + extra)


def brand_mentions(text: str, organizations: list[Organization],
                   found: list[Mention]) -> list[Mention]:
    """Add companies written later by their brand (重庆钒源新材料有限公司 … 园区与钒源新材料
    签订): the name without its place and legal form (钒源新材料), or without a
    trailing trade word too (瑞普光电科技 → 瑞普光电), where no mention is already."""
    extra: list[Mention] = []
    for org in organizations:
        for form in _brand_forms(org.name):
            for start in occurrences(text, form):
                end = start + len(form)
                if any(s < end and start < e for s, e, _ in found + extra):
                    continue
                if (start and text[start - 1] not in _BEFORE_BRAND) or _EXTENDS.match(text, end) \
                        or (end < len(text) and text[end] not in _AFTER_BRAND):
                    continue            # inside a longer word, or the start of another name
                extra.append((start, end, org.name))
    return sorted(found + extra)


def _brand_forms(name: str) -> list[str]:
    """The brand forms of a company name, longest first (重庆瑞普光电科技有限公司 →
    瑞普光电科技, 瑞普光电, and the head with its trade word, 瑞普科技; a joint-stock
    company also by its stock name, 川投股份); none for other bodies or branches."""
    if "分公司" in name or not _LEGAL_SUFFIX.search(name):
        return []
    core = _LEGAL_SUFFIX.sub("", name)
    core = _without_leading_places(re.sub(r"[（(][^）)]*[）)]", "", core))
    forms = [core] if len(core) >= 3 and core != name else []
    trimmed = _TRADE_WORD.sub("", core)
    if trimmed != core and len(trimmed) >= 4:
        forms.append(trimmed)
    if "集团" in name and len(core) >= 4:
        forms.append(core[:2] + "集团")          # 重庆华盛智能装备集团有限公司 → 华盛集团
    trade = _TRADE_WORD.search(core)
    if trade and trade.group() != "集团" and len(trimmed) >= 4:
        forms.append(core[:2] + trade.group())    # 浙江长能新能源科技股份有限公司 → 长能科技
    if "股份" in name and len(core) >= 4:
        forms.append(core[:2] + "股份")           # a listed company by its stock name: 长能股份
    return forms


def _without_leading_places(core: str) -> str:
    """A name without the places that open it (重庆合川恒达农业 → 恒达农业)."""
    from nlp.signing_places import place_lexicon
    lexicon = place_lexicon()
    for _ in range(2):
        size = next((n for n in range(min(6, len(core) - 2), 1, -1) if core[:n] in lexicon or core[:n] == "中国"), 0)
        core = core[size:]
    return core


def defined_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """Add the short forms a text defines (A公司（以下简称“甲”）… 甲还与…): every later
    甲 is a mention of A; a body the organisations miss but the text defines
    (重庆西部物流园（以下简称“物流园”）与…) is named by its written form."""
    extra: list[Mention] = []
    for match in _DEFINED.finditer(text):
        short = match.group(1)
        if _NOT_SHORT.search(short):
            continue
        name = next((n for s, e, n in found if e == match.start()), None)
        if name is None:
            start = _defined_start(text, match.start())
            name = text[start:match.start()]
            if not _DEFINED_NAME.fullmatch(name) or not _is_name(name) \
                    or any(s < match.start() and start < e for s, e, _ in found):
                continue
            extra.append((start, match.start(), name))
        taken = found + extra
        for start in occurrences(text, short, begin=match.end()):
            if len(short) == 2 and text[start + 2:start + 3] not in _AFTER_NAME:
                continue                # 重大 of 重大项目 is no 重庆大学
            if not any(s < start + len(short) and start < e for s, e, _ in taken):
                extra.append((start, start + len(short), name))
    return sorted(found + extra)


def _defined_start(text: str, end: int) -> int:
    """Start of the name written right before ``end``: after the last stop
    (punctuation, 与/和/同/及) within 20 characters."""
    start = end
    while start > max(0, end - 20) and text[start - 1] not in _NAME_STOP:
        start -= 1
    return start


def parties(sent: Sentence, triggers: list[int], found: list[Mention]) -> list[str]:
    """Organisations named in the clauses up to the last trigger clause, minus
    reporters, witnesses, organisers and venues."""
    clauses = rules.clauses(sent.text)
    last = rules.clause_index(clauses, triggers[-1])
    trigger_clauses = {rules.clause_index(clauses, t) for t in triggers}
    if sent.text[clauses[last][1] - 1:clauses[last][1]] in "：:" and last + 1 < len(clauses):
        last += 1
    allowed = [(s, e) for i, (s, e) in enumerate(clauses[:last + 1])
               if i in trigger_clauses or not _NOT_PARTY_CLAUSE.search(sent.text[s:e])]
    adjacent = True                         # …集中签约，包括A、B等: the list right after;
    for s, e in clauses[last + 1:]:         # …，总投资…，签约企业为A、B: one naming the signers
        if _LIST_CLAUSE.match(sent.text, s) if adjacent else _SIGNED_LIST.match(sent.text, s):
            allowed.append((s, e))
        else:
            adjacent = False
    excluded = [m.span() for m in _NOT_PARTY_SPAN.finditer(sent.text)]
    excluded += [*rules.object_spans(sent.text), (0, rules.dateline_end(sent.text)), *_venues(sent.text)]
    excluded += [m.span(1) for m in _ABOUT.finditer(sent.text)]      # 就共建X研究院举行签约仪式: X is the object
    named: list[tuple[int, str]] = []
    for start, end, name in found:
        rel = start - sent.start
        if not (0 <= rel and end <= sent.end):
            continue
        inside = any(s <= rel < e for s, e in allowed)
        if inside and not any(s <= rel < e for s, e in excluded) \
                and not _committee_title(sent.text, end - sent.start, name) \
                and not _hosts(sent.text, rel, end - sent.start):
            named.append((rel, name))
    for rel, name in [*_unknown_siblings(sent, found), *_referred(sent, found)]:
        if any(s <= rel < e for s, e in allowed) and not any(s <= rel < e for s, e in excluded):
            named.append((rel, name))
    names: list[str] = []
    for _, name in sorted(named):
        if name not in names:
            names.append(name)
    return names


def _venues(text: str) -> list[tuple[int, int]]:
    """Clauses that only say where or under whose care it happened (在四川大学，…;
    在区委区政府的推动下，…): their organisations are no sides."""
    return [(s, e) for s, e in rules.clauses(text)
            if _VENUE_CLAUSE.match(text, s) and not rules.TRIGGER.search(text, s, e)]


def _unknown_siblings(sent: Sentence, found: list[Mention]) -> list[tuple[int, str]]:
    """Names listed beside an organisation that the organisation finder missed
    (与盒马鲜生、百果园等6家采购商签订: 百果园), as (offset in the sentence, name)."""
    text, result = sent.text, []
    spans = [(s - sent.start, e - sent.start) for s, e, _ in found if sent.start <= s < sent.end]
    for run in _ENUMERATION.finditer(text):
        items, offset = [], run.start()
        for piece in run.group().split("、"):
            items.append((offset, offset + len(piece), piece))
            offset += len(piece) + 1
        last_start, last_end, last = items[-1]
        cut = _ETC.search(last) or _LAST_ENDS.search(last)     # …、B等5家 / …、B签署 / …、B共同
        items[-1] = (last_start, last_start + cut.start(), last[:cut.start()]) if cut else (last_start, last_end, "")
        known = [any(s < e2 and s2 < e for s2, e2 in spans) for s, e, _ in items]
        if not any(known):
            continue
        result += [(s, piece) for (s, _, piece), is_known in zip(items, known)
                   if not is_known and _is_name(piece)]
    return result


def _referred(sent: Sentence, found: list[Mention]) -> list[tuple[int, str]]:
    """该公司 / 该校 / 该院: the organisation named last before, whose name has that
    head (重庆华远科技有限公司…。昨日，该公司与…签订), as (offset in the sentence, name)."""
    result = []
    for match in _ANAPHOR.finditer(sent.text):
        at = sent.start + match.start()
        heads = _HEADS[match.group(1)]
        earlier = [name for s, e, name in found if e <= at and at - s <= _ANAPHOR_REACH and name.endswith(heads)]
        if earlier:
            result.append((match.start(), earlier[-1]))
    return result


def _is_name(piece: str) -> bool:
    """A short proper name: not a place, a class of bodies or an industry."""
    from nlp.signing_places import place_lexicon      # jionlp's place names, loaded once
    return bool(_NAME_LIKE.fullmatch(piece)) and not _NOT_NAME.search(piece) \
        and piece not in place_lexicon()


def _hosts(text: str, start: int, end: int) -> bool:
    """区政府举行…集中签约活动 / 中国（绵阳）科技城招商引资项目集中签约仪式: the
    body alone holds the ceremony or names the batch, it is not a side (unless
    it then signs with someone: …，与10家企业签约); nor is one that brings others
    to sign (区商务委组织12家外贸企业与东盟采购商签订…)."""
    if start and text[start - 1] in "与和同及、":
        return False
    if _ORGANISES.match(text, end):
        return True
    hosts = _HOSTS.match(text, end)
    if hosts:
        return not _SIDE_LATER.search(text, hosts.end())
    return bool(_NAMES_BATCH.match(text, end))


def _committee_title(text: str, end: int, name: str) -> bool:
    """区委书记张三, 市委常委: a party committee named only in a person's title,
    who signs or witnesses for the government, not for the committee."""
    return bool(_COMMITTEE.search(name) and _TITLE.match(text, end))


def antecedents(previous: Sentence, found: list[Mention]) -> list[str]:
    """双方/三方 of a signing: the organisations the previous sentence names (two
    or more, or one paired with a place: 北碚区与重庆大学), not those only in a
    person's title (区委书记张三)."""
    excluded = [m.span() for m in _NOT_PARTY_SPAN.finditer(previous.text)]
    names: list[str] = []
    for start, end, name in found:
        rel = start - previous.start
        if not (0 <= rel and end <= previous.end) or any(s <= rel < e for s, e in excluded):
            continue
        if _TITLE.match(previous.text, end - previous.start) or name in names:
            continue
        names.append(name)
    if len(names) == 1 and not _PAIRED.search(previous.text.replace(names[0], "\0")):
        return []                       # one body alone is no pair; 北碚区与重庆大学 is one
    return names


def invests(sent: Sentence, name: str, found: list[Mention]) -> bool:
    """Whether an organisation of a batch's detail sentence is the investor of a
    signed project (其中，A公司投资12亿元建设…): one side of that signing."""
    return any(n == name and _INVESTS.match(sent.text, e - sent.start)
               for s, e, n in found if sent.start <= s < sent.end)


def listed(sent: Sentence, found: list[Mention]) -> list[str]:
    """Organisations a listing sentence names (签约企业包括A、B等), not those in a
    person's title, a reporting clause or only a project's name (…包括A公司X基地项目;
    A公司投资6亿元的X项目 names its investor, a side)."""
    excluded = [m.span() for m in _NOT_PARTY_SPAN.finditer(sent.text)]
    names: list[str] = []
    for start, end, name in found:
        rel = start - sent.start
        if not (0 <= rel and end <= sent.end) or any(s <= rel < e for s, e in excluded):
            continue
        if _IN_PROJECT.match(sent.text, end - sent.start) and not _INVESTS.match(sent.text, end - sent.start):
            continue                    # 签约项目包括A公司X项目: A names a project, not a signer
        if not _TITLE.match(sent.text, end - sent.start) and name not in names:
            names.append(name)
    return names

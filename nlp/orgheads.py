"""A company named through the title of its head: 某银行重庆市分行党委书记、行长张三.

A person introduced as the secretary of a company's party committee and, in
the same breath, as the company's own head (行长, 董事长, 总经理) speaks for
the company itself: the title 行长 is elliptical for "行长 of the bank", as
市委书记 is for "书记 of the 市委". So the company counts as a body mentioned
there, beside its party committee, even where it is never written alone.
"""
from __future__ import annotations

import re

from nlp.lexicon import Lexicon
from nlp.orgcompanies import company_short
from policyminer.records import Organization

_COMPANY_HEAD = re.compile(r"(?:分行|支行|银行|公司|集团)$")
_COMMITTEE = "党委"
_HEAD_TITLE = re.compile(r"(?:副?书记|委员)、(?:副)?(?:行长|董事长|总经理)")


def add_headed_companies(text: str, records: list[Organization], lexicon: Lexicon) -> list[Organization]:
    """Add the company of every 'X党委书记、行长' mention (a mention to X when it is already
    found, under its full name when X is a short form: 交行…分行 of 交通银行…分行)."""
    by_name = {org.name: org for org in records}
    for org in list(records):
        company = _company_of(org)
        if not company:
            continue
        spans = [[start, start + len(company)] for start, end in org.mentions
                 if text.startswith(company, start) and _HEAD_TITLE.match(text, end)]
        if not spans:
            continue
        target = by_name.get(company) or _full_form(company, records, lexicon)
        if target is None:
            target = by_name[company] = Organization(company, "company", [], [])
            records.append(target)
        target.mentions = sorted([*target.mentions, *(s for s in spans if s not in target.mentions)])
    records.sort(key=lambda o: o.mentions[0][0])
    return records


def _full_form(company: str, records: list[Organization], lexicon: Lexicon) -> Organization | None:
    """The found company that ``company`` shortens, now with it as an alias."""
    for org in records:
        if org.type == "company" and len(company) < len(org.name) and company_short(company, org.name, lexicon):
            if company not in org.aliases:
                org.aliases.append(company)
            return org
    return None


def _company_of(org: Organization) -> str | None:
    """某银行重庆市分行 for 某银行重庆市分行党委; None for other bodies."""
    if org.type != "party" or not org.name.endswith(_COMMITTEE):
        return None
    head = org.name[: -len(_COMMITTEE)]
    return head if _COMPANY_HEAD.search(head) and len(head) >= 4 else None

"""Democratic parties' committees (nlp/orgbranches.py) and 街道办 as a body.

Made-up sentences in the style of district news.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, str]:
    return {org.name: org.type for org in find_organizations(text)}


@pytest.mark.parametrize("text, name, not_found", [
    pytest.param("座谈会上，民盟重庆市委副主委张某作了发言。", "民盟重庆市委", "中共重庆市委", id="league-city-committee"),
    pytest.param("九三学社四川省委员会组织专家赴企业调研。", "九三学社四川省委员会", "中共四川省委",
                 id="jiusan-provincial-committee"),
    pytest.param("区政协常委、致公党成都市委委员李某参加调研。", "致公党成都市委", "中国致公党",
                 id="zhigong-city-committee"),
])
def test_party_committee_stays_as_written(text: str, name: str, not_found: str) -> None:
    found = orgs(text)
    assert found.get(name) == "party"
    assert not_found not in found


@pytest.mark.parametrize("text, name", [
    pytest.param("涪城区城郊街道办与某高校签订了共建协议。", "涪城区城郊街道办", id="district-street-office"),
    pytest.param("重庆市渝北区龙溪街道办组织开展了消防演练。", "重庆市渝北区龙溪街道办", id="full-street-office"),
])
def test_street_office_is_a_body(text: str, name: str) -> None:
    assert orgs(text).get(name) == "government"


def test_bare_street_office_is_not_a_body() -> None:
    assert orgs("街道办工作人员逐户上门宣传。") == {}

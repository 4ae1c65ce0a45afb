"""Organisation errors of real-set round 10: a district's 政协 dropped as a
generic word, 区委 read into 区|委员工作室, a company name that is a common
word (浪潮), a class of spaces (品牌众创空间), a school whose name holds 城市建设 (a verb jieba cut off), and
plural references to the bodies of several places (两地政协).

Made-up sentences in the style of district news.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def orgs(text: str) -> dict[str, str]:
    return {org.name: org.type for org in find_organizations(text)}


@pytest.mark.parametrize("text, name, type_", [
    pytest.param("璧山区政协副主席王某带队赴园区视察。", "璧山区政协", "other", id="district-cppcc-with-title"),
    pytest.param("本次活动由铜梁区政协主办。", "铜梁区政协", "other", id="district-cppcc-organiser"),
    pytest.param("浪潮集团与高新区签署了战略合作协议。", "浪潮集团", "company", id="inspur-full-name"),
    pytest.param("重庆城市建设技工学校等5所院校派员参加。", "重庆城市建设技工学校", "school",
                 id="school-named-for-city-building"),
])
def test_bodies_are_found(text: str, name: str, type_: str) -> None:
    assert orgs(text).get(name) == type_


@pytest.mark.parametrize("text", [
    pytest.param("这一平台由合川和广安两地政协联合搭建。", id="two-places-cppcc"),
    pytest.param("川渝两地教委共同印发了实施方案。", id="two-places-education"),
    pytest.param("会上通报了川渝政协联合视察的安排。", id="joint-region-cppcc"),
    pytest.param("加快城市建设技工学校扩建进度。", id="city-building-without-a-place"),
    pytest.param("各级政协委员积极建言献策。", id="cppcc-members"),
    pytest.param("调研组走进双桥经开区委员工作室。", id="members-studio-not-district-committee"),
    pytest.param("营造全民参与、万众创新的浪潮。", id="wave-is-not-a-company"),
    pytest.param("着力打造一批高端的品牌众创空间。", id="brand-class-of-spaces"),
])
def test_no_single_body(text: str) -> None:
    assert orgs(text) == {}

"""Words glued onto the front of a name by the left walk (nlp/orgglue.py): ranking
labels, existential and distance words, a person and 和, a person's title, 上
before an elliptical body, and 园区 after a zone's name.

Made-up sentences in the style of district news.
"""
from __future__ import annotations

import pytest

from nlp.organizations import find_organizations


def names(text: str) -> set[str]:
    return {org.name for org in find_organizations(text)}


@pytest.mark.parametrize("text, name, glued", [
    pytest.param("落户项目的投资方有世界500强美团集团、国内知名企业等。", "美团集团", "世界500强美团集团",
                 id="world-ranking-label"),
    pytest.param("签约方包括中国民营企业500强新希望集团在内的多家企业。", "新希望集团", "中国民营企业500强新希望集团",
                 id="national-ranking-label"),
    pytest.param("目前园区内有蓝海电子科技(重庆)有限公司等十余家企业。", "蓝海电子科技(重庆)有限公司",
                 "园区内有蓝海电子科技(重庆)有限公司", id="existential-inside"),
    pytest.param("既有本地龙头，更有恒信精密制造(重庆)有限公司等新锐企业。", "恒信精密制造(重庆)有限公司",
                 "有恒信精密制造(重庆)有限公司", id="existential-even-more"),
    pytest.param("此外，另有重庆丰禾农业开发有限公司也参与了洽谈。", "重庆丰禾农业开发有限公司",
                 "另有重庆丰禾农业开发有限公司", id="existential-another"),
    pytest.param("活动地点距离石桥铺街道党工委约两公里。", "石桥铺街道党工委", "距离石桥铺街道党工委",
                 id="distance-word"),
    pytest.param("座谈中，张晓明和设计学院的老师交流了课程安排。", "设计学院", "张晓明和设计学院",
                 id="person-and-body"),
    pytest.param("重庆市政府副秘书长李强和市经信委负责人到园区调研。", "市经信委", "重庆市政府副秘书长李强和市经信委",
                 id="title-person-and-body"),
    pytest.param("相关企业代表到上市发展改革委汇报了进展。", "市发展改革委", "上市发展改革委",
                 id="up-to-city-body"),
    pytest.param("潼南高新区园区企业负责人参加了培训。", "潼南高新区", "潼南高新区园区", id="zone-grounds"),
])
def test_glued_words_are_cut(text: str, name: str, glued: str) -> None:
    found = names(text)
    assert glued not in found
    assert any(n.endswith(name) for n in found)


@pytest.mark.parametrize("text, name", [
    pytest.param("市发展和改革委员会召开了项目推进会。", "市发展和改革委员会", id="and-inside-a-remit"),
    pytest.param("有色金属研究院与企业签订了合作协议。", "有色金属研究院", id="name-opening-on-you"),
])
def test_names_keep_their_own_words(text: str, name: str) -> None:
    assert any(n.endswith(name) for n in names(text))


@pytest.mark.parametrize("text, name, type_", [
    pytest.param("入驻园区的有宁波材料科技有限公司、京东科技、中国电子科技集团第三十八研究所等企业。",
                 "京东科技", "company", id="listed-subsidiary-of-known-brand"),
    pytest.param("落户企业中既有龙头企业宏达实业、佳田集团，也有一批中小企业。", "宏达实业", "company",
                 id="brand-listed-before-a-group"),
    pytest.param("新落户企业中有恒丰实业、佳田集团等。", "恒丰实业", "company", id="brand-after-existential-word"),
    pytest.param("项目投资方有宏达实业、佳田集团和润通集团等企业。", "润通集团", "company",
                 id="group-after-and-in-a-list"),
    pytest.param("签约单位包括中国兵器工业第五九研究所等科研机构。", "中国兵器工业第五九研究所", "institute",
                 id="institute-with-split-ordinal"),
])
def test_listed_names_are_found(text: str, name: str, type_: str) -> None:
    found = {org.name: org.type for org in find_organizations(text)}
    assert found.get(name) == type_

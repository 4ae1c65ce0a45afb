"""nlp/signing_parties.py: which organisations of a sentence are the sides of
its signing. Mentions are built by hand, so that each rule is tested apart
from the organisation finder."""
from __future__ import annotations

import pytest

from nlp import signing_parties as sp
from nlp import signing_rules as rules
from signing_sentences import Sent, mentions


def sentence_parties(text: str, *names: str) -> list[str]:
    sent = Sent(0, len(text), text)
    return sp.parties(sent, rules.acts(text, rules.triggers(text)), mentions(text, *names))


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("4月18日，区委书记张三与重庆华远科技有限公司董事长王五共同签署战略合作协议。",
                 ("区委", "重庆华远科技有限公司"), ["重庆华远科技有限公司"], id="committee-in-a-title"),
    pytest.param("4月18日，重庆大学校长王五与北碚区区长李四签署校地合作协议。",
                 ("重庆大学",), ["重庆大学"], id="university-in-a-title-signs"),
    pytest.param("4月18日，北碚区委、区政府与重庆大学签署全面战略合作协议。",
                 ("北碚区委", "区政府", "重庆大学"), ["北碚区委", "区政府", "重庆大学"], id="committee-as-a-side"),
    pytest.param("4月18日，8家企业与区投资促进中心集中签约，包括重庆天驰电子有限公司、重庆博雅生物有限公司等。",
                 ("区投资促进中心", "重庆天驰电子有限公司", "重庆博雅生物有限公司"),
                 ["区投资促进中心", "重庆天驰电子有限公司", "重庆博雅生物有限公司"], id="list-clause-after"),
    pytest.param("重庆高新区管委会已与32所高校签署合作协议，引进研发机构46家，其中包括金凤实验室等平台。",
                 ("重庆高新区管委会", "金凤实验室"), ["重庆高新区管委会"], id="list-of-something-else"),
    pytest.param("奉节县脐橙产业发展中心与盒马鲜生、百果园等6家采购商签订销售合同。",
                 ("奉节县脐橙产业发展中心", "盒马鲜生"), ["奉节县脐橙产业发展中心", "盒马鲜生", "百果园"],
                 id="unknown-sibling"),
    pytest.param("区投资促进中心与重庆天驰电子有限公司、北京、上海等地客商签约。",
                 ("区投资促进中心", "重庆天驰电子有限公司"), ["区投资促进中心", "重庆天驰电子有限公司"],
                 id="places-are-no-siblings"),
    pytest.param("四川大学副校长王五、铜梁区区长李四代表双方签约。",
                 ("四川大学",), ["四川大学"], id="people-are-no-siblings"),
])
def test_parties(text, names, expected):
    assert sentence_parties(text, *names) == expected


def test_this_company_is_the_last_company_named():
    text = "重庆华远科技有限公司成立于2015年，北碚区科技局给予支持。昨日，该公司与北碚区科技局签订合作协议。"
    start = text.index("昨日")
    sent = Sent(start, len(text), text[start:])
    found = mentions(text, "重庆华远科技有限公司", "北碚区科技局")
    assert sp.parties(sent, rules.acts(sent.text, rules.triggers(sent.text)), found) == \
        ["重庆华远科技有限公司", "北碚区科技局"]


@pytest.mark.parametrize("previous, expected", [
    pytest.param("北碚区人民政府与西南大学举行座谈。", ["北碚区人民政府", "西南大学"], id="two-bodies"),
    pytest.param("区委书记张三、西南大学校长王五出席。", [], id="titles-only"),
    pytest.param("北碚区人民政府负责人到企业调研。", [], id="one-body"),
    pytest.param("北碚区与西南大学举行座谈。", ["西南大学"], id="one-body-paired-with-a-place"),
])
def test_antecedents_of_both_sides(previous, expected):
    found = mentions(previous, "北碚区人民政府", "西南大学", "区委")
    assert sp.antecedents(Sent(0, len(previous), previous), found) == expected


def test_listed_and_investors():
    listing = "签约企业包括重庆天驰电子有限公司、重庆博雅生物有限公司等。"
    found = mentions(listing, "重庆天驰电子有限公司", "重庆博雅生物有限公司")
    assert sp.listed(Sent(0, len(listing), listing), found) == ["重庆天驰电子有限公司", "重庆博雅生物有限公司"]
    detail = "其中，重庆天驰电子有限公司投资12亿元建设生产基地，重庆博雅生物有限公司负责人出席。"
    found = mentions(detail, "重庆天驰电子有限公司", "重庆博雅生物有限公司")
    sent = Sent(0, len(detail), detail)
    assert [n for n in sp.listed(sent, found) if sp.invests(sent, n, found)] == ["重庆天驰电子有限公司"]


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("区政府举行一季度重点项目集中签约活动，签约项目7个。", "区政府", True, id="holds-the-ceremony"),
    pytest.param("区教委组织召开城乡学校结对推进会，甲中学与乙中学现场签约。", "区教委", True, id="organises-the-meeting"),
    pytest.param("中国（绵阳）科技城招商引资项目集中签约仪式在绵阳举行。", "中国（绵阳）科技城", True, id="names-the-batch"),
    pytest.param("区政府举行签约仪式，与10家企业签约。", "区政府", False, id="holds-and-signs"),
    pytest.param("西南大学召开校企合作大会，会上与甲公司签订合作协议。", "西南大学", False, id="holds-and-signs-there"),
    pytest.param("甲公司与区政府举行签约仪式。", "区政府", False, id="paired-side"),
])
def test_hosts(text, name, expected):
    start = text.index(name)
    assert sp._hosts(text, start, start + len(name)) is expected


def test_defined_short_forms_are_mentions_of_their_body():
    text = "昨日，北碚区人民政府与中国移动通信集团重庆有限公司（以下简称“重庆移动”）签署协议。当天，重庆移动还与西南大学签约。"
    start = text.index("中国移动")
    found = [(start, start + len("中国移动通信集团重庆有限公司"), "中国移动通信集团重庆有限公司")]
    later = text.rindex("重庆移动")
    assert (later, later + 4, "中国移动通信集团重庆有限公司") in sp.defined_mentions(text, found)


@pytest.mark.parametrize("text, expected", [
    pytest.param("同日，重庆西部物流园（以下简称“物流园”）与甲公司签约。物流园负责人介绍。",
                 [(3, 10, "重庆西部物流园"), (28, 31, "重庆西部物流园")], id="missed-park-defined"),
    pytest.param("《北碚区招商引资办法》（以下简称“办法”）自印发之日起施行。", [], id="document-is-not-a-body"),
    pytest.param("双方签署战略合作协议（以下简称“协议”）。", [], id="agreement-is-not-a-body"),
])
def test_defined_bodies_the_organisations_missed(text, expected):
    assert sp.defined_mentions(text, []) == expected


def test_a_two_character_short_form_inside_a_word_is_no_mention():
    text = "重庆大学（以下简称“重大”）与北碚区签约。重大负责人介绍，签约重大项目12个。"
    found = [(0, 4, "重庆大学")]
    extra = [m for m in sp.defined_mentions(text, found) if m not in found]
    assert extra == [(text.index("重大负责人"), text.index("重大负责人") + 2, "重庆大学")]


# ---------------------------------------------------------------- whose a side is

@pytest.mark.parametrize("text, names, expected", [
    pytest.param("西永微电园运营方重庆西永发展有限公司与成都某某软件有限公司签订入驻协议。",
                 ("西永微电园", "重庆西永发展有限公司", "成都某某软件有限公司"),
                 ["重庆西永发展有限公司", "成都某某软件有限公司"], id="operator-of-a-park"),
    pytest.param("重庆建工集团旗下重庆建工住宅建设有限公司与区住建委签署合作协议。",
                 ("重庆建工集团", "重庆建工住宅建设有限公司", "区住建委"),
                 ["重庆建工住宅建设有限公司", "区住建委"], id="subsidiary-of-a-group"),
    pytest.param("区住建委与西永微电园运营方重庆西永发展有限公司签订合作协议。",
                 ("区住建委", "西永微电园", "重庆西永发展有限公司"),
                 ["区住建委", "重庆西永发展有限公司"], id="operator-after-the-first-side"),
    pytest.param("西永微电园与重庆西永发展有限公司签订运营协议。",
                 ("西永微电园", "重庆西永发展有限公司"),
                 ["西永微电园", "重庆西永发展有限公司"], id="park-signs-with-its-operator"),
])
def test_owner_named_before_a_side_is_no_side(text, names, expected):
    assert sentence_parties(text, *names) == expected

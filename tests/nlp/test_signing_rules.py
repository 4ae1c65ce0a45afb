"""Sentence-level signing rules: nlp/signing_rules.py."""
from __future__ import annotations

import pytest

from nlp import signing_amounts as amounts
from nlp import signing_rules as rules


def _acts(sentence: str) -> list[str]:
    """The trigger words of a sentence that report a signing act."""
    return [sentence[p:p + 2] for p in rules.acts(sentence, rules.triggers(sentence))]


# ---------------------------------------------------------------- acts and mentions

@pytest.mark.parametrize("sentence, words", [
    pytest.param("九龙坡区人民政府与重庆交通大学签订产学研合作协议。", ["签订"], id="sign-agreement"),
    pytest.param("现场签约项目27个、总投资168.3亿元。", ["签约"], id="xianchang-qianyue-count"),
    pytest.param("渝北区在仙桃数据谷举行一季度项目签约仪式。", ["签约"], id="ceremony-held"),
    pytest.param("签约仪式在仁怀市举行，共签约项目32个。", ["签约", "签约"], id="ceremony-subject-held"),
    pytest.param("签约仪式上，双方签署了战略合作协议。", ["签署"], id="act-at-the-ceremony"),
    pytest.param("会议现场还举行了政银企合作签约。", ["签约"], id="juxing-le-qianyue"),
    pytest.param("区领导见证了重庆大学与沙坪坝区签约。", ["签约"], id="witnessed-sides-named"),
    pytest.param("当天共有15家企业参加集中签约。", ["签约"], id="canjia-jizhong-qianyue"),
])
def test_acts(sentence, words):
    assert _acts(sentence) == words


@pytest.mark.parametrize("sentence", [
    pytest.param("在签约仪式上，区长表示将做好服务。", id="yishi-shang"),
    pytest.param("签约会上，副区长推介了区位优势。", id="qianyuehui-shang"),
    pytest.param("在当天的签约活动中，企业代表进行了交流。", id="huodong-zhong"),
    pytest.param("区领导出席活动并见证签约。", id="jianzheng"),
    pytest.param("企业代表参加了签约活动。", id="canjia-huodong"),
    pytest.param("根据签约协议，项目分两期建设。", id="genju-qianyue-xieyi"),
    pytest.param("签约现场气氛热烈。", id="qianyue-xianchang"),
    pytest.param("据悉，这是今年以来该区与金融机构签署的第4份战略合作协议。", id="ordinal"),
    pytest.param("此次签约的研学基地项目计划总投资约2.8亿元。", id="ci-ci-qianyue"),
])
def test_mentions(sentence):
    assert rules.triggers(sentence) and _acts(sentence) == []


# ---------------------------------------------------------------- sentence relations

@pytest.mark.parametrize("func, sentence, expected", [
    pytest.param(rules.is_detail, "其中，甲公司与乙公司签订投资协议。", True, id="detail-qizhong"),
    pytest.param(rules.is_detail, "根据协议，双方将共建实验室。", True, id="detail-genju-xieyi"),
    pytest.param(rules.is_detail, "此次签约项目中，工业项目19个。", True, id="detail-xiangmu-zhong"),
    pytest.param(rules.is_detail, "甲公司与乙公司签订投资协议。", False, id="not-detail"),
    pytest.param(rules.is_on_site, "活动现场，丙银行还与园区签订协议。", True, id="onsite-huodong-xianchang"),
    pytest.param(rules.is_on_site, "管委会分别与两家企业签订合作协议。", True, id="onsite-fenbieyu"),
    pytest.param(rules.is_on_site, "甲公司与乙公司签订投资协议。", False, id="not-onsite"),
    pytest.param(rules.is_new_occasion, "同日下午，区政府还与招商局签署协议。", True, id="new-tongri-xiawu"),
    pytest.param(rules.is_new_occasion, "此前，2月20日，农业农村委还与银行签署协议。", True, id="new-ciqian"),
    pytest.param(rules.is_new_occasion, "活动现场，丙银行还与园区签订协议。", False, id="not-new"),
    pytest.param(rules.opens_with_signed, "签约项目27个，总投资168.3亿元。", True, id="signed-subject"),
    pytest.param(rules.is_planned, "其中有望在年内签约的项目8个。", True, id="planned"),
    pytest.param(rules.is_planned, "双方签署战略合作协议。", False, id="not-planned"),
])
def test_sentence_relations(func, sentence, expected):
    assert func(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("截至目前，管委会已累计与32所高校签署合作协议。", True, id="yileiji"),
    pytest.param("今年以来，全区新签约项目41个。", True, id="yilai"),
    pytest.param("重庆大学已与8个区县签署校地合作协议。", True, id="yiyu"),
    pytest.param("3月5日，甲公司与乙公司签署协议。", False, id="dated-single"),
])
def test_cumulative(sentence, expected):
    assert rules.is_cumulative(sentence, sentence.index("签")) is expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("会上，甲公司与乙公司签约。", True, id="huishang"),
    pytest.param("当天下午，甲公司与乙公司签约。", True, id="dangtian-xiawu"),
    pytest.param("展会期间，甲公司与乙公司签约。", True, id="qijian"),
    pytest.param("甲公司与乙公司签约。", False, id="none"),
])
def test_carries_date(sentence, expected):
    assert rules.carries_date(sentence, sentence.index("签约")) is expected


@pytest.mark.parametrize("sentence, end", [
    pytest.param("华龙网5月23日讯（通讯员 向华）5月22日，项目签约。", 17, id="hualong"),
    pytest.param("本报讯（记者 刘敏）3月10日，推介会举行。", 10, id="benbao"),
    pytest.param("新华社重庆5月23日电 两地签约。", 11, id="xinhuashe-dian"),
    pytest.param("5月22日，项目签约。", 0, id="no-dateline"),
])
def test_dateline_end(sentence, end):
    assert rules.dateline_end(sentence) == end


@pytest.mark.parametrize("sentence, date, expected", [
    pytest.param("4月18日，记者从区商务委获悉，今年一季度新签约项目11个。", "4月18日", True, id="date-then-reporter"),
    pytest.param("上游新闻记者11月5日从璧山区获悉，当天双方签约。", "11月5日", True, id="reporter-date"),
    pytest.param("记者从两江新区获悉，上周五，双方签署合作备忘录。", "上周五", False, id="date-after-report"),
    pytest.param("4月18日，甲公司与乙公司签约。", "4月18日", False, id="signing-date"),
])
def test_report_dates(sentence, date, expected):
    start = sentence.index(date)
    assert rules.is_report_date(sentence, start, start + len(date)) is expected


# ---------------------------------------------------------------- fields

@pytest.mark.parametrize("sentence, money, expected", [
    pytest.param("其中投资额超过5亿元的项目11个。", "5亿元", True, id="threshold-de-xiangmu"),
    pytest.param("其中10亿元以上项目3个。", "10亿元", True, id="threshold-yishang"),
    pytest.param("投资额均超过5000万元。", "5000万元", True, id="threshold-jun"),
    pytest.param("将为入园企业提供意向授信30亿元。", "30亿元", True, id="commitment-tigong"),
    pytest.param("管委会每年安排1亿元专项资金。", "1亿元", True, id="commitment-anpai"),
    pytest.param("总投资超过200亿元。", "200亿元", False, id="total-with-over"),
    pytest.param("签下总投资60亿元的新材料产业园项目。", "60亿元", False, id="total-of-a-project"),
])
def test_money_is_not_total(sentence, money, expected):
    start = sentence.index(money)
    assert amounts.money_is_not_total(sentence, start, start + len(money)) is expected


@pytest.mark.parametrize("sentence, objects", [
    pytest.param("两江新区管委会与天津大学签署共建天津大学重庆研究院合作协议。", ["共建天津大学重庆研究院合作"],
                 id="between-verb-and-instrument"),
    pytest.param("重庆交通大学与巴南区签约共建物流研究中心。", ["物流研究中心"], id="qianyue-gongjian"),
    pytest.param("甲公司与乙公司签约落户科技园。", [], id="settling-is-not-an-object"),
])
def test_object_spans(sentence, objects):
    assert [sentence[s:e] for s, e in rules.object_spans(sentence)] == objects

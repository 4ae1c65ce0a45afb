"""Counts and amounts of a signing: nlp/signing_amounts.py."""
from __future__ import annotations

import pytest

from nlp import signing_amounts as amounts


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("活动中，8个项目现场签约、5个项目线上签约，签约总金额42亿元。", 13, id="onsite-and-online"),
    pytest.param("大会上，12家企业现场签约，3家企业云签约。", 15, id="onsite-and-cloud-comma"),
    pytest.param("现场签约项目7个，签约金额35.2亿元。", 7, id="one-count"),
    pytest.param("签约项目16个，其中外资项目2个。", 16, id="part-is-not-added"),
])
def test_count(sentence, expected):
    assert amounts.count(sentence, sentence.index("签约")) == expected


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("签约双方为甲大学与乙公司，合同金额3800万元。", 38_000_000, id="contract-value"),
    pytest.param("签约项目7个，签约金额52.8亿元，其中工业项目投资20亿元。", 5_280_000_000, id="total-not-part"),
    pytest.param("根据协议，该公司将投入不少于20亿元。", None, id="own-commitment"),
])
def test_amount(sentence, expected):
    assert (amounts.amount(sentence) or {}).get("value") == expected

"""Organisation names of the third fresh annotation round: a trade name that
opens on a financial numeral jieba tags as a number (玖, 叁, 伍), and a bank's
branch that a bare 银行 elsewhere must not turn into the bank itself.

Short made-up district news read end to end (nlp/orgbridge.py,
nlp/orgcompanies.py through the pipeline).
"""
from __future__ import annotations

import pytest

from nlp.pipeline import extract_article
from policyminer.records import Article


def names(text: str) -> list[str]:
    record = extract_article(Article(url="test:organizations-round3", title="", published="2025-05-08", text=text))
    return [org.name for org in record.organizations]


# ---------------------------------------------------------------- financial numerals open trade names

@pytest.mark.parametrize("text, name", [
    pytest.param("区政府向重庆玖龙纸业有限公司颁发证书。", "重庆玖龙纸业有限公司", id="jiu-after-place"),
    pytest.param("重庆叁峡纸业有限公司正式投产。", "重庆叁峡纸业有限公司", id="san-opens-text"),
    pytest.param("区领导走访了重庆伍丰包装有限公司。", "重庆伍丰包装有限公司", id="wu-after-verb"),
])
def test_financial_numeral_opens_a_trade_name(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, absent", [
    pytest.param("全区5家纸业有限公司完成改造。", "纸业有限公司", id="digit-count-is-no-name"),
])
def test_counts_stay_outside_names(text, absent):
    assert not any(name.endswith(absent) and len(name) <= len(absent) + 1 for name in names(text))


# ---------------------------------------------------------------- a bare 银行 is no short form

@pytest.mark.parametrize("text, branch, absent", [
    pytest.param("重庆银行永川支行为企业提供授信。与会银行负责人表示将加大投放。",
                 "重庆银行永川支行", "重庆银行", id="bank-head-after-branch"),
    pytest.param("重庆农村商业银行永川支行发放贷款。企业与银行达成意向。",
                 "重庆农村商业银行永川支行", "重庆农村商业银行", id="rural-bank-branch"),
])
def test_bare_bank_word_does_not_revive_the_bank(text, branch, absent):
    found = names(text)
    assert branch in found and absent not in found

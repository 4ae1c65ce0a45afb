"""nlp.script: a traditional-character document is read in simplified and reported as written."""
from __future__ import annotations

import pytest

from nlp.pipeline import extract_article
from nlp.script import Script, learn_back_map
from policyminer.records import Article

TRADITIONAL = ("【本報訊】重慶市江津區人民政府與香港中文大學昨日在澳門簽署戰略合作框架協議。"
               "按照協議，雙方將共建聯合研究院，江津區首期投入科研經費3000萬元。"
               "江津區政府相關負責人表示，今年以來全區已簽約項目42個。")


@pytest.fixture(scope="module")
def record():
    return extract_article(Article(url="https://example.org/hk/1.html", title="江津與港中大簽約",
                                   text=TRADITIONAL, published="2025-06-12"))


def test_text_and_offsets_are_the_document_as_written(record):
    assert record.text == TRADITIONAL
    for org in record.organizations:
        assert all(record.text[a:b] for a, b in org.mentions)
    for figure in record.figures:
        assert record.text[figure.start:figure.end] == figure.text
    for signing in record.signings:
        assert record.text[signing.start:signing.end] == signing.text


def test_names_are_written_traditional_with_the_simplified_form_as_alias(record):
    orgs = {o.name: o for o in record.organizations}
    assert "重慶市江津區人民政府" in orgs and "香港中文大學" in orgs
    assert "重庆市江津区人民政府" in orgs["重慶市江津區人民政府"].aliases
    assert "江津區政府" in orgs["重慶市江津區人民政府"].aliases        # a written short form stays an alias


def test_figures_keep_written_metrics_and_simplified_units(record):
    money = next(f for f in record.figures if f.value == 30_000_000)
    assert money.unit == "元" and "科研經費" in money.metric
    count = next(f for f in record.figures if f.value == 42)
    assert count.unit == "个" and count.year == 2025


def test_signing_parties_are_written_as_the_organisations_are(record):
    signing = next(s for s in record.signings if "框架協議" in s.text)
    assert len(record.signings) == 2                  # and the year's total, a cumulative statement
    assert set(signing.parties) == {"重慶市江津區人民政府", "香港中文大學"}
    assert signing.date == "2025-06-11"


@pytest.mark.parametrize(
    "text, traditional",
    [
        pytest.param("北碚区与西南大学签署合作协议，双方将共建研究院。", False, id="simplified"),
        pytest.param("北碚區與西南大學簽署合作協議，雙方將共建研究院。", True, id="traditional"),
        pytest.param("西南大学", False, id="too-short-to-tell"),
    ],
)
def test_only_traditional_text_gets_a_simplified_view(text, traditional):
    script = Script(text)
    assert script.traditional is traditional
    assert len(script.view) == len(text)
    assert script.written(script.view) == text


def test_the_way_back_takes_the_form_the_document_mostly_wrote():
    back = learn_back_map("以后后来后面", "以後後來后面")   # 後 twice, 后 once as written
    assert "后".translate(back) == "後"
    assert learn_back_map("皇后娘娘后宫", "皇后娘娘后宫") == {}


def test_sentences_are_cut_from_the_page_even_when_it_mixes_the_two_scripts():
    text = ("北碚區與西南大學昨日签订合作協議。雙方約定共建研究院，北碚區首期投入經費500萬元。"
            "區政府有關負責人表示，今年以來全區已簽約項目12個，签约金额超过40億元。")
    record = extract_article(Article(url="https://example.org/hk/2.html", title="", text=text,
                                     published="2025-06-12"))
    assert record.text == text
    assert record.signings and record.figures
    for item in [*record.signings, *record.figures]:
        assert item.text == text[item.start:item.end]

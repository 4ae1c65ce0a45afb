"""nlp.contenteval: scoring main-content extraction, and the quality gate against trafilatura and GNE."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.contenteval import (
    Extraction, PageCase, PageScore, available_extractors, canonical, char_prf, evaluate, gne_alone,
    gne_installed, load_case, load_cases, ours, run_extractor, same_date, score_page, squeeze, summarize,
    trafilatura_alone,
)

PAGES = Path(__file__).parent / "pages"
GOLD_PAGES = sorted(p for p in PAGES.glob("*.html")
                    if "gold_text" in json.loads(p.with_suffix(".json").read_text(encoding="utf-8")))


def case(**kw) -> PageCase:
    fields = dict(name="t.page", url="http://example.gov.cn/a.html", html="", title="北碚区召开招商大会",
                  published="2025-04-23", must_contain=[], must_not_contain=[], gold_text=None)
    fields.update(kw)
    return PageCase(**fields)


# ---------------------------------------------------------------- canonical forms

@pytest.mark.parametrize("text, expected", [
    pytest.param("北碚区 签约\n24个项目", "北碚区签约24个项目", id="spaces-and-breaks-removed"),
    pytest.param("总投资１８６．５亿元", "总投资186.5亿元", id="full-width-digits"),
    pytest.param("\u3000\u3000近日，", "近日,", id="ideographic-space-and-comma-folded"),
    pytest.param(None, "", id="none"),
])
def test_squeeze(text, expected):
    assert squeeze(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("产业链招商\n\n在新能源汽车领域", "产业链招商\n在新能源汽车领域", id="blank-lines-collapse"),
    pytest.param("整车带动 配套企业\r\n在一家", "整车带动配套企业\n在一家", id="crlf-and-inner-space"),
    pytest.param("  \n  西永微电园\n", "\n西永微电园\n", id="edge-breaks-kept"),
])
def test_canonical_keeps_line_breaks(text, expected):
    assert canonical(text) == expected


@pytest.mark.parametrize("found, expected, same", [
    pytest.param("2025-04-23", "2025-04-23", True, id="iso"),
    pytest.param("2025年04月23日", "2025-04-23", True, id="chinese-form"),
    pytest.param("2025-04-23T09:41:12+08:00", "2025-04-23", True, id="timestamp"),
    pytest.param("2025-04-22 17:36", "2025-04-23", False, id="other-day"),
    pytest.param("4月23日", "2025-04-23", False, id="no-year"),
    pytest.param(None, None, True, id="both-absent"),
    pytest.param(None, "2025-04-23", False, id="missing"),
    pytest.param("2025-04-23", None, False, id="invented"),
])
def test_same_date(found, expected, same):
    assert same_date(found, expected) is same


# ---------------------------------------------------------------- body F1

def test_char_prf_identical_text_scores_one():
    assert char_prf("北碚区签约24个项目。\n总投资186.5亿元。", "北碚区签约24个项目。总投资186.5亿元。") == (1.0, 1.0, 1.0)


def test_char_prf_chrome_lowers_precision_only():
    gold = "北碚区签约24个项目。"
    precision, recall, f1 = char_prf(gold + "版权所有", gold)
    assert recall == 1.0
    assert precision == pytest.approx(len(squeeze(gold)) / len(squeeze(gold + "版权所有")))
    assert precision < f1 < recall


def test_char_prf_missing_paragraph_lowers_recall_only():
    first, second = "北碚区签约24个项目。", "总投资186.5亿元。"
    precision, recall, _ = char_prf(first, first + second)
    assert precision == 1.0
    assert recall == pytest.approx(len(squeeze(first)) / len(squeeze(first + second)))


def test_char_prf_is_order_aware():
    first, second = "北碚区签约二十四个项目", "总投资一百八十六亿元"
    assert char_prf(second + first, first + second)[2] < 0.6


@pytest.mark.parametrize("predicted, gold, expected", [
    pytest.param("", "", (1.0, 1.0, 1.0), id="both-empty"),
    pytest.param("", "北碚区", (0.0, 0.0, 0.0), id="nothing-found"),
    pytest.param("北碚区", "  ", (0.0, 0.0, 0.0), id="empty-gold"),
])
def test_char_prf_empty_sides(predicted, gold, expected):
    assert char_prf(predicted, gold) == expected


# ---------------------------------------------------------------- one page

def test_score_page_counts_with_and_without_snippets():
    page = case(must_contain=["签约24个项目", "总投资186.5亿元", "蔡家智慧新城"],
                must_not_contain=["责任编辑", "版权所有"])
    found = Extraction(title="北碚区召开招商大会", published="2025-04-23",
                       text="北碚区签约24个项目，总投资186.5亿元。\n责任编辑：刘芳")
    score = score_page(page, found)
    assert (score.tp, score.fn, score.fp, score.tn) == (2, 1, 1, 1)
    assert score.missing == ["蔡家智慧新城"]
    assert score.leaked == ["责任编辑"]
    assert score.title_ok and score.date_ok
    assert score.body is None


def test_score_page_ignores_wraps_and_spaces_in_one_line_snippets():
    page = case(must_contain=["签订落户协议，协议总投资约36亿元。"])
    score = score_page(page, Extraction(text="北碚区与58个项目签订落户\n协议， 协议总投资约36亿元。"))
    assert score.tp == 1


@pytest.mark.parametrize("text, found", [
    pytest.param("产业链招商成效初显\n在新能源汽车领域，", True, id="break-present"),
    pytest.param("产业链招商成效初显 在新能源汽车领域，", False, id="break-missing"),
])
def test_score_page_snippet_with_a_break_needs_the_break(text, found):
    score = score_page(case(must_contain=["产业链招商成效初显\n在新能源汽车领域"]), Extraction(text=text))
    assert score.tp == int(found)


@pytest.mark.parametrize("text, leaked", [
    pytest.param("孵化器有两家：\n西永微电园集成电路孵化器\n另一家在大学城。", True, id="caption-line"),
    pytest.param("位于西永微电园集成电路孵化器内的企业增至40家。", False, id="inside-a-sentence"),
    pytest.param("孵化器名单的最后一家是西永微电园集成电路孵化器", True, id="last-line-of-body"),
])
def test_score_page_snippet_ending_in_a_break_must_end_a_line(text, leaked):
    score = score_page(case(must_not_contain=["西永微电园集成电路孵化器\n"]), Extraction(text=text))
    assert (score.fp, score.tn) == ((1, 0) if leaked else (0, 1))


def test_score_page_skips_whitespace_only_snippets():
    score = score_page(case(must_not_contain=["\u3000", " "]), Extraction(text="\u3000\u3000近日，北碚区"))
    assert (score.fp, score.tn) == (0, 0)


@pytest.mark.parametrize("title, ok", [
    pytest.param("北碚区召开招商大会", True, id="exact"),
    pytest.param("北碚区召开 招商大会", True, id="space-inside"),
    pytest.param("北碚区召开招商大会_北碚区人民政府", False, id="site-name-left"),
    pytest.param("", False, id="empty"),
])
def test_score_page_title(title, ok):
    assert score_page(case(), Extraction(title=title)).title_ok is ok


def test_score_page_with_gold_text_scores_the_body():
    score = score_page(case(gold_text="北碚区签约24个项目。"), Extraction(text="北碚区签约24个项目。"))
    assert score.body == (1.0, 1.0, 1.0)


def test_run_extractor_turns_a_crash_into_an_empty_result():
    def broken(html, url):
        raise ValueError("no body")
    result = run_extractor(broken, case(name="x.broken"))
    assert result.text == "" and result.error == "x.broken: ValueError: no body"
    assert score_page(case(must_contain=["北碚"]), result).fn == 1


# ---------------------------------------------------------------- summary

def test_summarize_pools_snippets_and_averages_bodies():
    scores = [
        PageScore(page="a", title_ok=True, date_ok=True, tp=3, fn=1, fp=0, tn=4, body=(1.0, 0.5, 2 / 3)),
        PageScore(page="b", title_ok=False, date_ok=True, tp=1, fn=0, fp=2, tn=2, body=None, error="b: x"),
    ]
    summary = summarize(scores)
    assert summary["title_accuracy"] == 0.5 and summary["date_accuracy"] == 1.0
    assert summary["snippet_precision"] == round(4 / 6, 4)
    assert summary["snippet_recall"] == round(4 / 5, 4)
    assert summary["snippet_accuracy"] == round(10 / 13, 4)
    assert summary["gold_pages"] == 1 and summary["body_recall"] == 0.5
    assert summary["errors"] == 1


def test_summarize_nothing():
    summary = summarize([])
    assert summary["pages"] == 0 and summary["snippet_precision"] == 0.0 and summary["body_f1"] is None


# ---------------------------------------------------------------- test pages and extractors

def test_test_pages_load_with_their_sidecars():
    cases = load_cases(PAGES)
    assert len(cases) == len(list(PAGES.glob("*.html")))
    assert len(GOLD_PAGES) >= 12


@pytest.mark.parametrize("page", GOLD_PAGES, ids=lambda p: p.stem)
def test_gold_text_satisfies_its_own_sidecar(page):
    """A sidecar is consistent: its gold body holds every must_contain snippet and no must_not_contain one."""
    page_case = load_case(page)
    assert len(page_case.must_contain) >= 3 and len(page_case.must_not_contain) >= 3
    score = score_page(page_case, Extraction(title=page_case.title, published=page_case.published,
                                             text=page_case.gold_text))
    assert score.missing == [] and score.leaked == []
    assert score.body == (1.0, 1.0, 1.0)


def test_gb2312_page_is_decoded():
    page_case = load_case(PAGES / "wansheng.gb2312-font-table-heishangu.html")
    assert "黑山谷景区" in page_case.html


SMALL_PAGE = ("<html><head><title>北碚区召开招商大会_北碚区人民政府</title></head><body>"
              "<h1>北碚区召开招商大会</h1><div class='info'>发布时间：2025-04-23</div>"
              "<div class='content'><p>4月23日，北碚区召开招商大会，现场签约24个项目，总投资186.5亿元。</p>"
              "<p>项目涵盖智能制造、生物医药和数字经济等领域，预计全部投产后年产值超过300亿元。</p></div>"
              "</body></html>")


@pytest.mark.parametrize("extractor", [ours, trafilatura_alone, gne_alone], ids=lambda f: f.__name__)
def test_each_extractor_reads_a_small_page(extractor):
    if extractor is gne_alone and not gne_installed():
        pytest.skip("GNE is not installed (pip install gne==0.4.3)")
    found = extractor(SMALL_PAGE, "http://www.cqbb.gov.cn/a/t20250423_1.html")
    assert "现场签约24个项目" in found.text
    assert same_date(found.published, "2025-04-23")


def test_available_extractors_names():
    names = list(available_extractors())
    assert names[:2] == ["policyminer", "trafilatura"]
    assert ("gne" in names) is gne_installed()


# ---------------------------------------------------------------- the quality gate

@pytest.fixture(scope="module")
def comparison():
    return {name: result["summary"] for name, result in evaluate(load_cases(PAGES)).items()}


@pytest.mark.parametrize("other", ["trafilatura", "gne"])
@pytest.mark.parametrize("metric", ["snippet_recall", "snippet_precision"])
def test_ours_at_least_as_good_as_a_single_extractor(comparison, other, metric):
    if other not in comparison:
        pytest.skip(f"{other} is not installed")
    assert comparison["policyminer"][metric] >= comparison[other][metric], (comparison["policyminer"],
                                                                            comparison[other])

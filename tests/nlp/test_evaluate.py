"""The evaluator behind ``policyminer eval`` and the annotated dev set it reads."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from nlp.evaluate import (
    ANCHOR_MAX, FIELDS, KINDS, PHENOMENA, SCORED_FIELDS, GoldDoc, Located, Report, Score,
    check_floors, default_seeds_dir, evaluate, fold_name, load_baseline, load_gold, metric_matches,
    same_parties, score_document, validate_gold,
)
from policyminer.errors import ConfigError, InputError

DEVSET = Path(__file__).resolve().parents[1] / "devset"


def gold(text: str, **fields) -> GoldDoc:
    """A small gold document; fields are organizations, figures, signings, …"""
    return GoldDoc(id=fields.pop("id", "doc"), title="t", text=text, **fields)


def org(name: str, type_: str = "company", *aliases: str) -> dict:
    return {"name": name, "type": type_, "aliases": list(aliases)}


def fig(text: str, value, unit: str, qualifier=None, metric=None, year=None, **pos) -> dict:
    return {"text": text, "value": value, "unit": unit, "qualifier": qualifier,
            "metric": metric, "year": year, **pos}


def at(text: str, needle: str, nth: int = 0) -> dict:
    """start/end of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle)}


# ------------------------------------------------------------------ F1 arithmetic

@pytest.mark.parametrize("tp,fp,fn,p,r,f1", [
    pytest.param(3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35, id="ordinary"),
    pytest.param(4, 0, 0, 1.0, 1.0, 1.0, id="perfect"),
    pytest.param(0, 0, 0, 1.0, 1.0, 1.0, id="nothing-expected-nothing-found"),
    pytest.param(0, 0, 5, 0.0, 0.0, 0.0, id="nothing-found"),
    pytest.param(0, 3, 0, 0.0, 0.0, 0.0, id="nothing-expected-something-found"),
    pytest.param(0, 2, 2, 0.0, 0.0, 0.0, id="all-wrong"),
    pytest.param(1, 0, 3, 1.0, 0.25, 0.4, id="precise-but-incomplete"),
])
def test_score_arithmetic(tp, fp, fn, p, r, f1):
    score = Score(tp, fp, fn)
    assert (score.precision, score.recall) == pytest.approx((p, r))
    assert score.f1 == pytest.approx(f1)


def test_scores_add_up():
    assert Score(1, 2, 3) + Score(4, 5, 6) == Score(5, 7, 9)
    assert Score(2, 1, 1).to_dict() == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.6667,
                                        "recall": 0.6667, "f1": 0.6667}


# ------------------------------------------------------------------ locating text

def test_located_ignores_hard_wraps():
    where = Located("签约项目总投资43.\n6亿元，涵\n\n盖文创。")
    span = where.find("总投资43.6亿元")
    assert span == (4, 14)
    assert where.text[span[0]:span[1]] == "总投资43.\n6亿元"


@pytest.mark.parametrize("text,needle", [
    pytest.param("沙坪坝区市场监督管理局（知识产权局）", "沙坪坝区市场监督管理局(知识产权局)", id="bracket-width"),
    pytest.param("年增长４．３％", "增长4.3%", id="full-width-digits"),
    pytest.param("打造“天生有为”众创空间", '"天生有为"众创空间', id="curly-quotes"),
])
def test_located_folds_width_and_quotes(text, needle):
    assert Located(text).find(needle) is not None


def test_located_nth_occurrence_and_sentence():
    text = "围绕16所高校。已与5所高校签署合作协议；另有16所高校。"
    where = Located(text)
    assert where.find("16所高校", 1) == (text.rindex("16"), text.rindex("16") + len("16所高校"))
    assert where.find("16所高校", 2) is None
    anchor = where.find("签署合作")
    assert where.text[slice(*where.sentence(anchor))] == "已与5所高校签署合作协议；"


# ------------------------------------------------------------------ organisations

@pytest.mark.parametrize("gold_org,pred_org,matches", [
    pytest.param(org("西南大学", "university", "西大"), org("西南大学", "university"), True, id="exact"),
    pytest.param(org("西南大学", "university", "西大"), org("西大", "university"), True, id="pred-name-is-gold-alias"),
    pytest.param(org("重庆市委", "party", "市委"), org("中共重庆市委", "party", "市委"), True, id="shared-alias"),
    pytest.param(org("天生有为众创空间", "platform"), org("“天生有为”众创空间", "platform"), True, id="quotes"),
    pytest.param(org("中国（卢作孚）民营经济学院", "school"), org("中国(卢作孚)民营经济学院", "school"), True,
                 id="bracket-width"),
    pytest.param(org("陆军军医大学", "university"), org("陆军军医大学西南医院", "hospital"), False, id="longer-body"),
    pytest.param(org("重庆大学", "university"), org("重庆大学知识产权运营有限公司", "company"), False, id="nested"),
])
def test_org_match(gold_org, pred_org, matches):
    result = score_document(gold("", organizations=[gold_org]), {"organizations": [pred_org]})
    expected = Score(1, 0, 0) if matches else Score(0, 1, 1)
    assert result.scores["organizations"] == expected


def test_org_match_is_one_to_one_and_type_is_reported_apart():
    doc = gold("", organizations=[org("西南大学", "university", "西大"), org("北碚区委", "party", "区委")])
    pred = {"organizations": [org("西南大学", "university"), org("西大", "university"),
                              org("北碚区委", "government")]}
    result = score_document(doc, pred)
    assert result.scores["organizations"] == Score(2, 1, 0)
    assert [h["name"] for h in result.false_hits["organizations"]] == ["西大"]
    assert (result.correct["organizations.type"], result.checked["organizations.type"]) == (1, 2)
    assert result.wrong["organizations"][0]["differs"] == ["type"]


def test_fold_name():
    assert fold_name(" 《“天生有为”众创空间》 ") == "天生有为众创空间"
    assert fold_name("沙坪坝区市场监督管理局（知识产权局）") == "沙坪坝区市场监督管理局(知识产权局)"
    assert fold_name("香港中文大學（深圳）") == fold_name("香港中文大学(深圳)")     # either script


# ------------------------------------------------------------------ figures

FIG_TEXT = "目前已入驻企业296家，孵化科技型企业300余家，另有企业296家在谈。"


@pytest.mark.parametrize("pred,expected", [
    pytest.param(fig("企业296家", 296, "家", **at(FIG_TEXT, "296家")), Score(1, 0, 0), id="exact"),
    pytest.param(fig("296家", 296.0000001, "家", **at(FIG_TEXT, "296")), Score(1, 0, 0), id="tolerance"),
    pytest.param(fig("企业296家", 269, "家", **at(FIG_TEXT, "296家")), Score(0, 1, 1), id="value-mismatch"),
    pytest.param(fig("企业296家", 296, "个", **at(FIG_TEXT, "296家")), Score(0, 1, 1), id="unit-mismatch"),
    pytest.param(fig("企业296家", 296, "家", **at(FIG_TEXT, "296家", 1)), Score(0, 1, 1), id="other-mention"),
    pytest.param(fig("296家", 296, "家", **at(FIG_TEXT, "入驻")), Score(1, 0, 0), id="overlap-is-enough"),
    pytest.param(fig("296家", 296, "家"), Score(1, 0, 0), id="no-offsets-located-by-text"),
])
def test_figure_match(pred, expected):
    doc = gold(FIG_TEXT, figures=[fig("已入驻企业296家", 296, "家")])
    assert score_document(doc, {"text": FIG_TEXT, "figures": [pred]}).scores["figures"] == expected


def test_repeated_gold_text_takes_nth_occurrence():
    doc = gold(FIG_TEXT, figures=[fig("企业296家", 296, "家"), fig("企业296家", 296, "家")])
    second = fig("企业296家", 296, "家", **at(FIG_TEXT, "企业296家", 1))
    result = score_document(doc, {"figures": [second]})
    assert result.scores["figures"] == Score(1, 0, 1)
    assert result.misses["figures"] == [fig("企业296家", 296, "家")]


def test_unlocatable_gold_text_falls_back_to_value_and_unit():
    doc = gold(FIG_TEXT, figures=[fig("annotator paraphrase", 300, "家", "over")])
    pred = fig("300余家", 300, "家", "over", **at(FIG_TEXT, "300余家"))
    assert score_document(doc, {"figures": [pred]}).scores["figures"] == Score(1, 0, 0)


def test_prediction_offsets_index_into_its_own_text():
    cleaned = "入驻企业296家。"
    doc = gold("正文\n入驻企\n业296家。", figures=[fig("入驻企业296家", 296, "家")])
    pred = fig("296家", 296, "家", start=4, end=8)
    assert score_document(doc, {"text": cleaned, "figures": [pred]}).scores["figures"] == Score(1, 0, 0)


def test_figures_in_chinese_numerals_are_not_scored():
    doc = gold("这五大领域的合作，入驻企业296家。", figures=[fig("入驻企业296家", 296, "家")])
    pred = [fig("五大领域", 5, "个", start=1, end=5), fig("296家", 296, "家", start=13, end=17)]
    assert score_document(doc, {"figures": pred}).scores["figures"] == Score(1, 0, 0)


@pytest.mark.parametrize("pred_fields,differs", [
    pytest.param({}, [], id="all-right"),
    pytest.param({"qualifier": None}, ["qualifier"], id="qualifier"),
    pytest.param({"year": None}, ["year"], id="year"),
    pytest.param({"metric": "营业收入"}, ["metric"], id="metric"),
    pytest.param({"metric": "营业额"}, ["metric"], id="metric-unlike"),
    pytest.param({"metric": "营收"}, [], id="metric-contained"),
    pytest.param({"metric": "全区科技服务营收"}, [], id="metric-contains"),
    pytest.param({"year": "2024"}, [], id="year-as-string"),
])
def test_figure_full_record(pred_fields, differs):
    text = "2024年科技服务营收超8.09亿元。"
    gold_fig = fig("科技服务营收超8.09亿元", 809000000, "元", "over", "科技服务营收", 2024)
    pred = {**gold_fig, **at(text, "8.09亿元"), **pred_fields}
    result = score_document(gold(text, figures=[gold_fig]), {"figures": [pred]})
    assert result.scores["figures"] == Score(1, 0, 0)
    assert result.scores["figures_full"] == (Score(0, 1, 1) if differs else Score(1, 0, 0))
    assert [w["differs"] for w in result.wrong["figures"]] == ([differs] if differs else [])


@pytest.mark.parametrize("gold_metric,pred_metric,ok", [
    pytest.param("入驻企业", "入驻企业", True, id="equal"),
    pytest.param("年技术合同交易登记额", "技术合同交易登记额", True, id="contained"),
    pytest.param("培育国家高新技术企业", "国家高新技术企业培育", True, id="char-f1"),
    pytest.param("集聚创新空间", "孵化企业", False, id="different"),
    pytest.param(None, None, True, id="both-empty"),
    pytest.param("入驻企业", None, False, id="missing"),
    pytest.param("专精特新“小巨人”企业", "专精特新小巨人企业", True, id="punctuation"),
    pytest.param("規模以上工業總產值", "规模以上工业总产值", True, id="traditional-vs-simplified"),
])
def test_metric_matches(gold_metric, pred_metric, ok):
    assert metric_matches(gold_metric, pred_metric) is ok


# ------------------------------------------------------------------ signings

SIG_TEXT = ("2019年5月6日，创新生态圈正式揭牌。揭牌当日，有58个项目集中签约落户创新生态圈。"
            "目前，签约入驻的文创企业已有20余家。")
SIG_ORGS = [org("环西南大学创新生态圈", "platform", "创新生态圈")]


def signing(locator: dict, **fields) -> dict:
    base = {"date": "2019-05-06", "parties": ["环西南大学创新生态圈"], "projects": [], "count": 58,
            "amount": None, "location": "北碚区"}
    return {**locator, **{**base, **fields}}


@pytest.mark.parametrize("gold_locator", [
    pytest.param({"text": "揭牌当日，有58个项目集中签约落户创新生态圈。"}, id="by-text"),
    pytest.param({"anchor": "集中签约落户"}, id="by-anchor"),
])
@pytest.mark.parametrize("pred_span,expected", [
    pytest.param("有58个项目集中签约", Score(1, 0, 0), id="overlap"),
    pytest.param("签约入驻的文创企业", Score(0, 1, 1), id="other-sentence"),
    pytest.param("正式揭牌", Score(0, 1, 1), id="plaque-sentence"),
])
def test_signing_match(gold_locator, pred_span, expected):
    doc = gold(SIG_TEXT, organizations=SIG_ORGS, signings=[signing(gold_locator)])
    pred = signing({"text": pred_span, **at(SIG_TEXT, pred_span)})
    assert score_document(doc, {"signings": [pred]}).scores["signings"] == expected


def test_signing_fallback_same_date_and_count():
    doc = gold(SIG_TEXT, organizations=SIG_ORGS, signings=[signing({"anchor": "集中签约落户"})])
    unlocated = signing({"text": "a sentence the extractor rewrote"})
    assert score_document(doc, {"signings": [unlocated]}).scores["signings"] == Score(1, 0, 0)
    other = signing({"text": "a sentence the extractor rewrote"}, count=12)
    assert score_document(doc, {"signings": [other]}).scores["signings"] == Score(0, 1, 1)


@pytest.mark.parametrize("pred_fields,differs", [
    pytest.param({}, [], id="all-right"),
    pytest.param({"parties": ["创新生态圈"]}, [], id="party-by-alias"),
    pytest.param({"location": "重庆", "projects": ["x"]}, [], id="location-projects-not-scored"),
    pytest.param({"date": "2019-05"}, ["date"], id="date"),
    pytest.param({"count": None}, ["count"], id="count"),
    pytest.param({"amount": {"value": 1e8, "unit": "元"}}, ["amount"], id="amount"),
    pytest.param({"parties": []}, ["parties"], id="parties-missing"),
    pytest.param({"parties": ["环西南大学创新生态圈", "西南大学"]}, ["parties"], id="parties-extra"),
])
def test_signing_full_record(pred_fields, differs):
    doc = gold(SIG_TEXT, organizations=SIG_ORGS, signings=[signing({"anchor": "集中签约落户"})])
    pred = signing({"text": "揭牌当日，有58个项目集中签约落户创新生态圈。"}, **pred_fields)
    result = score_document(doc, {"signings": [pred]})
    assert result.scores["signings"] == Score(1, 0, 0)
    assert result.scores["signings_full"] == (Score(0, 1, 1) if differs else Score(1, 0, 0))
    assert [w["differs"] for w in result.wrong["signings"]] == ([differs] if differs else [])


@pytest.mark.parametrize("gold_parties,pred_parties,pred_orgs,same", [
    pytest.param(["西南大学"], ["西大"], [], True, id="gold-alias"),
    pytest.param(["北碚区政府"], ["北碚区人民政府"], [org("北碚区人民政府", "government", "北碚区政府")], True,
                 id="pred-alias"),
    pytest.param(["西南大学", "重庆大学"], ["重庆大学", "西南大学"], [], True, id="order-free"),
    pytest.param(["西南大学", "重庆大学"], ["西南大学", "西南大学"], [], False, id="duplicate-is-not-two"),
    pytest.param([], [], [], True, id="both-empty"),
])
def test_same_parties(gold_parties, pred_parties, pred_orgs, same):
    gold_orgs = [org("西南大学", "university", "西大"), org("北碚区政府", "government", "区政府"),
                 org("重庆大学", "university")]
    assert same_parties(gold_parties, pred_parties, gold_orgs, pred_orgs) is same


def test_amounts_compare_value_and_unit():
    doc = gold("总投资3亿美元。签约。", signings=[{"text": "总投资3亿美元。", "date": None, "parties": [],
                                            "projects": [], "count": None,
                                            "amount": {"value": 3e8, "unit": "美元"}, "location": None}])
    base = {"text": "总投资3亿美元。", "date": None, "parties": [], "count": None}
    right = score_document(doc, {"signings": [{**base, "amount": {"value": 300000000, "unit": "美元"}}]})
    wrong = score_document(doc, {"signings": [{**base, "amount": {"value": 3e8, "unit": "元"}}]})
    assert right.scores["signings_full"] == Score(1, 0, 0)
    assert wrong.wrong["signings"][0]["differs"] == ["amount"]


# ------------------------------------------------------------------ evaluate and report

def test_evaluate_records_failures_and_skips():
    docs = [gold("入驻企业296家。", id="ok", figures=[fig("企业296家", 296, "家")]),
            gold("x", id="boom", organizations=[org("西南大学")]),
            GoldDoc(id="absent", title="t", text="", skip_reason="seed text is absent")]

    def extract(doc):
        if doc.id == "boom":
            raise ValueError("no model")
        return {"figures": [fig("296家", 296, "家", start=4, end=8)]}

    report = evaluate(docs, extract)
    assert report.skipped == [("absent", "seed text is absent")]
    assert [d.error for d in report.documents] == [None, "ValueError: no model"]
    assert report.score("figures") == Score(1, 0, 0)
    assert report.score("organizations") == Score(0, 0, 1)
    table = report.format_table(details=True)
    assert "skipped absent: seed text is absent" in table
    assert "failed boom: ValueError: no model" in table
    assert 'boom organizations miss: {"aliases": [], "name": "西南大学", "type": "company"}' in table
    data = report.to_dict()
    assert data["documents"] == 2 and set(data["fields"]) == set(SCORED_FIELDS)
    assert data["fields"]["figures"]["f1"] == 1.0


def test_evaluate_rejects_non_dict_output():
    report = evaluate([gold("x")], lambda doc: ["not", "a", "dict"])
    assert report.documents[0].error == "extract returned list, not a dict"


# ------------------------------------------------------------------ floors

def synthetic_report(**scores: Score) -> Report:
    """A report with one document holding the given field scores."""
    report = Report()
    result = score_document(gold(""), {})
    result.scores.update(scores)
    report.documents.append(result)
    return report


def test_check_floors_names_each_regression():
    report = synthetic_report(organizations=Score(6, 2, 2), figures=Score(9, 1, 0))
    floors = {"floors": {"organizations": 0.8, "figures": 0.9, "signings": 0.5}}
    assert check_floors(report, floors) == ["organizations: F1 0.750 is below the floor 0.800"]
    assert check_floors(report, {"floors": {"figures": 0.95}}) == [
        "figures: F1 0.947 is below the floor 0.950"]


def test_check_floors_accepts_scores_at_the_floor():
    report = synthetic_report(figures=Score(3, 1, 1))
    assert check_floors(report, {"figures": 0.75}) == []


@pytest.mark.parametrize("baseline", [
    pytest.param({"floors": {"figure": 0.5}}, id="unknown-field"),
    pytest.param({"floors": {"figures": "high"}}, id="not-a-number"),
    pytest.param({"floors": [0.5]}, id="not-an-object"),
])
def test_check_floors_rejects_a_broken_baseline(baseline):
    with pytest.raises(ConfigError):
        check_floors(synthetic_report(), baseline)


def test_committed_baseline_is_valid_and_passes_an_empty_run():
    baseline = load_baseline(DEVSET / "baseline.json")
    assert set(baseline["floors"]) == set(SCORED_FIELDS)
    assert check_floors(evaluate([gold("x")], lambda doc: {}), baseline) == []


# ------------------------------------------------------------------ loading gold

MINIMAL = {"id": "m1", "url": None, "title": "t", "published": None, "kind": "news",
           "phenomena": ["not-signing"], "organizations": [], "figures": [], "signings": []}


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_gold_reads_documents_and_ignores_the_baseline(tmp_path):
    write(tmp_path, "a.json", {**MINIMAL, "text": "西南大学签约。",
                               "organizations": [org("西南大学", "university")]})
    write(tmp_path, "baseline.json", {"floors": {}})
    [doc] = load_gold(tmp_path)
    assert (doc.id, doc.text, doc.skip_reason) == ("m1", "西南大学签约。", None)


def test_load_gold_resolves_seed_text_files(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_x.txt").write_text("北碚区与西南大学\n签订就业实习合作协议。", encoding="utf-8")
    write(tmp_path, "s.json", {**MINIMAL, "text_file": "000_x.txt",
                               "signings": [{"anchor": "签订就业实习", "date": None, "parties": [],
                                             "projects": [], "count": None, "amount": None,
                                             "location": None}]})
    [doc] = load_gold(tmp_path, seeds_dir=seeds)
    assert doc.text.startswith("北碚区") and doc.text_file == "000_x.txt"


def test_missing_seed_is_skipped_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    write(tmp_path, "s.json", {**MINIMAL, "text_file": "000_absent.txt"})
    [doc] = load_gold(tmp_path, seeds_dir=tmp_path / "nowhere")
    assert "000_absent.txt is absent" in doc.skip_reason
    assert "POLICYMINER_SHARED" in doc.skip_reason


def test_missing_seed_fails_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    write(tmp_path, "s.json", {**MINIMAL, "text_file": "000_absent.txt"})
    with pytest.raises(InputError, match="required when CI=true"):
        load_gold(tmp_path, seeds_dir=tmp_path / "nowhere")


def test_default_seeds_dir_follows_policyminer_shared(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text("西南大学", encoding="utf-8")
    monkeypatch.setenv("POLICYMINER_SHARED", str(tmp_path))
    write(tmp_path, "s.json", {**MINIMAL, "text_file": "000_x.txt"})
    assert load_gold(tmp_path)[0].text == "西南大学"


@pytest.mark.parametrize("files,message", [
    pytest.param({}, "no gold documents", id="empty"),
    pytest.param({"a.json": "{not json"}, "cannot be read", id="bad-json"),
    pytest.param({"a.json": {**MINIMAL, "text": "x", "kind": "blog"}}, "kind 'blog'", id="bad-kind"),
    pytest.param({"a.json": {**MINIMAL, "text": "x"}, "b.json": {**MINIMAL, "text": "y"}},
                 "duplicate gold ids", id="duplicate-ids"),
])
def test_load_gold_rejects_bad_folders(tmp_path, files, message):
    for name, data in files.items():
        if isinstance(data, str):
            (tmp_path / name).write_text(data, encoding="utf-8")
        else:
            write(tmp_path, name, data)
    with pytest.raises(InputError, match=message):
        load_gold(tmp_path)


def test_load_gold_needs_a_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_gold(tmp_path / "missing")


@pytest.mark.parametrize("change,problem", [
    pytest.param({"figures": [fig("五大领域", 5, "个")]}, "Arabic digit", id="figure-without-digit"),
    pytest.param({"figures": [fig("入驻企业300家", 300, "家")]}, "does not occur", id="figure-not-in-text"),
    pytest.param({"figures": [fig("企业296家", 296, "家", "roughly")]}, "qualifier", id="bad-qualifier"),
    pytest.param({"organizations": [org("重庆大学")]}, "neither the name", id="org-not-in-text"),
    pytest.param({"organizations": [org("西南大学", "college")]}, "type 'college'", id="bad-org-type"),
    pytest.param({"signings": [{"anchor": "有企业296家在此集中签", "date": None, "parties": [], "projects": [],
                                "count": None, "amount": None, "location": None}]}, "longer than",
                 id="long-anchor"),
    pytest.param({"signings": [{"text": "有企业296家。", "date": "2024/5/6", "parties": ["重庆大学"],
                                "projects": [], "count": None, "amount": None, "location": None}]},
                 "not the name of a gold organisation", id="unknown-party"),
    pytest.param({"phenomena": ["hard"]}, "unknown phenomenon", id="unknown-tag"),
    pytest.param({"published": "2024-5-6"}, "published", id="bad-published"),
    pytest.param({"text_file": "x.txt"}, "exactly one of text and text_file", id="text-and-file"),
])
def test_validate_gold_finds_problems(change, problem):
    data = {**MINIMAL, "text": "西南大学：有企业296家。", **change}
    problems = validate_gold(data, data["text"])
    assert any(problem in p for p in problems), problems


# ------------------------------------------------------------------ the dev set itself

DEVSET_FILES = sorted(p for p in DEVSET.glob("*.json") if p.name != "baseline.json")
OWN_FILES = [p for p in DEVSET_FILES if "text" in json.loads(p.read_text(encoding="utf-8"))]
SEED_FILES = [p for p in DEVSET_FILES if p not in OWN_FILES]


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.stem)
def test_devset_document_is_valid(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert validate_gold(data, data["text"]) == []
    assert data["id"] == path.stem
    assert 250 <= len(data["text"]) <= 2000
    where = Located(data["text"])
    for sig in data["signings"]:
        assert len(where.find_all(sig.get("text") or sig["anchor"])) == 1, sig


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_devset_seed_document_is_valid(path, seed_text):
    data = json.loads(path.read_text(encoding="utf-8"))
    nickname = {"000_": "epaper", "002_": "portal"}[data["text_file"][:4]]
    text = seed_text(nickname)
    assert validate_gold(data, text) == []
    assert all(len(Located(text).find_all(s["anchor"])) == 1 for s in data["signings"])


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_devset_seed_document_holds_no_seed_sentences(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "text" not in data
    strings = [f["text"] for f in data["figures"]] + [s["anchor"] for s in data["signings"]]
    assert max(map(len, strings)) <= 30
    assert all(len(s["anchor"]) <= ANCHOR_MAX for s in data["signings"])


def test_devset_composition():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in DEVSET_FILES]
    kinds = Counter(d["kind"] for d in docs)
    assert len(OWN_FILES) >= 30 and len(SEED_FILES) == 2
    assert set(kinds) == set(KINDS)
    assert 0.2 <= kinds["policy"] / len(docs) <= 0.4
    covered = {tag for d in docs for tag in d["phenomena"]}
    assert covered == PHENOMENA
    assert len({d["id"] for d in docs}) == len(docs)
    assert sum(len(d["signings"]) for d in docs) >= 20


def test_devset_scores_perfectly_against_itself():
    """The matcher finds every gold entry of the dev set when handed the gold itself."""
    docs = load_gold(DEVSET, seeds_dir=default_seeds_dir(), strict=False)

    def echo(doc: GoldDoc) -> dict:
        where, seen = Located(doc.text), Counter()
        figures = []
        for f in doc.figures:
            start, end = where.find(f["text"], seen[f["text"]])
            seen[f["text"]] += 1
            figures.append({**f, "start": start, "end": end})
        signings = []
        for s in doc.signings:
            start, end = where.sentence(where.find(s.get("text") or s["anchor"]))
            signings.append({**s, "text": doc.text[start:end], "start": start, "end": end})
        return {"organizations": doc.organizations, "figures": figures, "signings": signings}

    report = evaluate(docs, echo)
    for name in SCORED_FIELDS:
        assert report.score(name).f1 == 1.0, (name, report.format_table(details=True))
    assert len(report.documents) + len(report.skipped) == len(DEVSET_FILES)
    assert set(FIELDS) <= set(SCORED_FIELDS)


# ------------------------------------------------------------------ module layout

@pytest.mark.parametrize("module, name", [
    ("nlp.gold", "load_gold"), ("nlp.gold", "validate_gold"), ("nlp.gold", "GoldDoc"),
    ("nlp.gold", "default_seeds_dir"), ("nlp.gold", "PHENOMENA"), ("nlp.gold", "ANCHOR_MAX"),
    ("nlp.alignment", "Located"), ("nlp.alignment", "fold_name"),
    ("nlp.matching", "metric_matches"), ("nlp.matching", "same_parties"),
])
def test_evaluate_re_exports_its_parts(module, name):
    """Callers keep importing from nlp.evaluate; the object is the one defined in its module."""
    import importlib

    import nlp.evaluate
    assert name in nlp.evaluate.__all__
    assert getattr(nlp.evaluate, name) is getattr(importlib.import_module(module), name)


def test_every_exported_name_exists():
    import nlp.evaluate
    missing = [name for name in nlp.evaluate.__all__ if not hasattr(nlp.evaluate, name)]
    assert missing == []

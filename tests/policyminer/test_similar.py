"""The workspace keyword model, `policyminer similar`, and keywords in extract and index."""
import json
import os

import pytest
from click.testing import CliRunner

from policyminer import similar
from policyminer.cli import cli
from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, Organization, doc_id
from policyminer.workspace import Workspace

DAILY_URL = "https://www.cqbs.gov.cn/zwxx/bsyw/202505/t20250508_101.html"
PORTAL_URL = "https://www.163.com/dy/article/BSJD0508QY.html"

ARTICLES = [   # (url, title, text): two reports of one signing, then unrelated news
    (DAILY_URL, "璧山区与重庆交通大学签约共建智能网联汽车测试基地",
     "5月8日，璧山区人民政府与重庆交通大学签署战略合作协议，双方将共建智能网联汽车测试基地。"
     "重庆交通大学将在璧山区设立汽车工程研究院，围绕智能网联汽车、新能源汽车开展联合攻关。"),
    (PORTAL_URL, "交大汽车研究院落户璧山",
     "璧山区与重庆交通大学携手共建智能网联汽车测试基地，重庆交通大学汽车工程研究院将落户璧山区，"
     "聚焦智能网联汽车和新能源汽车关键技术。"),
    ("https://www.fl.gov.cn/zwxx/202503/t20250311_7.html", "涪陵榨菜迎来丰收季",
     "涪陵区今年榨菜种植面积达到72万亩，青菜头收购价格保持稳定，榨菜加工企业订单饱满。"),
    ("https://www.cqyc.gov.cn/zwxx/202502/t20250220_9.html", "永川区春季招聘月启动",
     "永川区启动春季招聘月活动，职业院校毕业生与120家用工企业面对面交流，人力社保局开设直播带岗专场。"),
    ("https://www.dazu.gov.cn/zwxx/202504/t20250402_3.html", "大足石刻文创产品征集",
     "大足区文化和旅游委员会发布石刻文创产品征集公告，鼓励设计团队围绕大足石刻开发文创产品。"),
]


def record(url: str, title: str, text: str) -> Extracted:
    orgs = []
    if "重庆交通大学" in text:
        start = text.index("重庆交通大学")
        orgs.append(Organization("重庆交通大学", "university", [], [[start, start + 6]]))
    return Extracted(id=doc_id(url), url=url, title=title, published="2025-05-08", text=text,
                     organizations=orgs, extractor_version="test-1")


@pytest.fixture
def ws(tmp_path) -> Workspace:
    """A workspace whose extracted/ holds the five ARTICLES."""
    workspace = Workspace.open(tmp_path / "home")
    ExtractedStore(workspace.extracted_dir).write(record(*a) for a in ARTICLES)
    return workspace


@pytest.fixture
def run(ws):
    """Invoke `policyminer --home WS …` in-process; returns the click Result."""
    def invoke(*args):
        return CliRunner().invoke(cli, ["--home", str(ws.home), *args])
    return invoke


# --- refitting only when extracted/ changed ------------------------------------

def test_first_refresh_fits(ws):
    refreshed = similar.refresh_model(ws)
    assert refreshed.rebuilt and refreshed.documents == 5
    assert similar.model_path(ws).is_file()
    assert refreshed.summary() == "keywords: model fitted over 5 documents (first fit)"


def test_refresh_skipped_when_nothing_changed(ws):
    similar.refresh_model(ws)
    before = similar.model_path(ws).stat().st_mtime_ns
    refreshed = similar.refresh_model(ws)
    assert not refreshed.rebuilt and refreshed.documents == 5
    assert similar.model_path(ws).stat().st_mtime_ns == before


def test_refresh_skipped_when_shards_rewritten_with_same_records(ws):
    similar.refresh_model(ws)
    store = ExtractedStore(ws.extracted_dir)
    store.write(list(store))
    for path in store.files():     # make sure the shard looks touched
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    refreshed = similar.refresh_model(ws)
    assert not refreshed.rebuilt
    assert "records unchanged" in refreshed.summary()


def test_refresh_refits_when_a_record_changes(ws):
    similar.refresh_model(ws)
    changed = record(ARTICLES[2][0], "涪陵榨菜出口", "涪陵区榨菜出口订单增加，榨菜企业扩大青菜头收购。")
    ExtractedStore(ws.extracted_dir).write([changed])
    refreshed = similar.refresh_model(ws)
    assert refreshed.rebuilt and refreshed.documents == 5
    assert "出口" in similar.record_keywords(refreshed.model, changed)[0]


def test_refresh_refits_when_a_record_is_added(ws):
    similar.refresh_model(ws)
    ExtractedStore(ws.extracted_dir).write([record("https://www.cqna.gov.cn/a.html", "南岸区新闻",
                                                   "南岸区举办招商推介会，集中签约项目。")])
    assert similar.refresh_model(ws).documents == 6


def test_records_without_text_no_model(tmp_path):
    workspace = Workspace.open(tmp_path / "blank")
    ExtractedStore(workspace.extracted_dir).write([record("https://a.example.cn/1.html", "", "2025年。")])
    refreshed = similar.refresh_model(workspace)
    assert refreshed.model is None
    assert refreshed.summary() == "keywords: no extracted record has text to fit a model on"


def test_unreadable_model_is_refitted(ws):
    similar.refresh_model(ws)
    similar.model_path(ws).write_bytes(b"not a pickle")
    refreshed = similar.refresh_model(ws)
    assert refreshed.rebuilt and refreshed.documents == 5
    assert similar.stored_model(ws) is not None


def test_no_records_no_model(tmp_path):
    refreshed = similar.refresh_model(Workspace.open(tmp_path / "empty"))
    assert refreshed.model is None and not refreshed.rebuilt


# --- lookups -----------------------------------------------------------------

def test_reports_of_one_signing_are_each_others_nearest(ws):
    model = similar.refresh_model(ws).model
    assert similar.similar_documents(model, doc_id(DAILY_URL)).similar[0]["url"] == PORTAL_URL
    assert similar.similar_documents(model, doc_id(PORTAL_URL)).similar[0]["url"] == DAILY_URL


@pytest.mark.parametrize("ref", [
    pytest.param(doc_id(DAILY_URL), id="id"),
    pytest.param(DAILY_URL, id="url"),
    pytest.param("HTTPS://WWW.CQBS.GOV.CN/zwxx/bsyw/202505/t20250508_101.html#top", id="url-not-canonical"),
])
def test_document_found_by_id_or_url(ws, ref):
    model = similar.refresh_model(ws).model
    assert similar.similar_documents(model, ref, limit=1).document["id"] == doc_id(DAILY_URL)


def test_unknown_document_raises(ws):
    model = similar.refresh_model(ws).model
    with pytest.raises(similar.PolicyminerError, match="no document 'feedface'"):
        similar.similar_documents(model, "feedface")


def test_keywords_of_a_fitted_record(ws):
    model = similar.refresh_model(ws).model
    keywords, idf = similar.record_keywords(model, record(*ARTICLES[0]))
    assert idf == "corpus"
    assert {"重庆交通大学", "智能网联汽车", "璧山区"} <= set(keywords)


# --- the CLI -------------------------------------------------------------------

def test_cli_similar_json_shape(run):
    result = run("similar", DAILY_URL, "--limit", "2", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["document", "similar", "documents"]
    assert list(data["document"]) == ["id", "url", "title", "keywords"]
    assert data["document"]["id"] == doc_id(DAILY_URL) and data["documents"] == 5
    assert len(data["similar"]) == 1          # the unrelated ones share no term: left out
    top = data["similar"][0]
    assert list(top) == ["id", "url", "title", "score", "shared_keywords"]
    assert (top["id"], top["url"], top["title"]) == (doc_id(PORTAL_URL), PORTAL_URL, "交大汽车研究院落户璧山")
    assert 0 < top["score"] <= 1 and "智能网联汽车" in top["shared_keywords"]
    assert result.stderr == "keywords: model fitted over 5 documents (first fit)\n"


def test_cli_similar_table(run):
    result = run("similar", doc_id(PORTAL_URL), "--limit", "1")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"交大汽车研究院落户璧山  {doc_id(PORTAL_URL)}"
    assert lines[1].startswith("keywords: ") and "智能网联汽车" in lines[1]
    assert lines[3].startswith("1. 璧山区与重庆交通大学签约共建智能网联汽车测试基地  score 0.")
    assert lines[5] == f"   {doc_id(DAILY_URL)} · {DAILY_URL}"


def test_cli_similar_unknown_id(run):
    result = run("similar", "0123456789abcdef0123", "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("policyminer: error: no document '0123456789abcdef0123' among the 5 extracted "
                             "records; give the id or URL of a document in extracted/\n")


def test_cli_similar_empty_workspace(tmp_path):
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "none"), "similar", "abc"])
    assert result.exit_code == 1
    assert result.stderr == ("policyminer: error: no document 'abc': extracted/ holds no record with text; "
                             "run policyminer extract first\n")


# --- keywords in extract and index ----------------------------------------------

@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "signing.txt"
    path.write_text(ARTICLES[0][1] + "\n" + ARTICLES[0][2], encoding="utf-8")
    return path


def test_extract_file_without_model_uses_general_idf(tmp_path, article_file):
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "fresh"), "extract", str(article_file)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["metadata"]["keywords_idf"] == "general"
    assert {"重庆交通大学", "智能网联汽车"} <= set(data["keywords"])


def test_extract_file_with_model_uses_corpus_idf(ws, run, article_file):
    similar.refresh_model(ws)
    result = run("extract", str(article_file))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["metadata"]["keywords_idf"] == "corpus"
    assert "智能网联汽车" in data["keywords"] and len(data["keywords"]) == similar.KEYWORDS


def test_index_sets_keywords(ws):
    from policyminer.run import index_records, open_workspace_index
    assert index_records(ws) == 5
    assert similar.model_path(ws).is_file()
    with open_workspace_index(ws) as index:
        stored = index.document(doc_id(DAILY_URL))
    assert "智能网联汽车" in stored["keywords"]


def test_cli_similar_help_shows_an_example(run):
    result = run("similar", "--help")
    assert result.exit_code == 0 and "Example" in result.stdout and "policyminer similar" in result.stdout


def test_a_few_changes_update_the_model_without_refitting(ws):
    similar.refresh_model(ws)
    added = record("https://www.cqna.gov.cn/b.html", "璧山区与重庆交通大学再签协议",
                   "璧山区人民政府与重庆交通大学签署智能网联汽车测试基地二期协议，共建新能源汽车实验室。")
    ExtractedStore(ws.extracted_dir).write([added])
    refreshed = similar.refresh_model(ws)
    assert refreshed.rebuilt and "updated: 1 records changed" in refreshed.reason
    assert refreshed.documents == 6 and refreshed.model.meta["fitted"] == 5
    neighbours = similar.similar_documents(refreshed.model, added.id, limit=2).to_dict()["similar"]
    assert {n["url"] for n in neighbours} == {DAILY_URL, PORTAL_URL}
    assert "实验室" in similar.record_keywords(refreshed.model, added)[0]   # unseen by the fit, still a keyword


def test_many_changes_refit_from_scratch(ws):
    similar.refresh_model(ws)
    ExtractedStore(ws.extracted_dir).write(
        record(f"https://www.cqna.gov.cn/{n}.html", f"南岸区新闻{n}", f"南岸区举办第{n}场招商推介会，集中签约项目。")
        for n in range(3))
    refreshed = similar.refresh_model(ws)
    assert refreshed.rebuilt and "updated" not in refreshed.reason
    assert refreshed.model.meta["fitted"] == 8 and refreshed.model.meta["drift"] == 0

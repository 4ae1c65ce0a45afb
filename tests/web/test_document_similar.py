"""The document page's keywords and similar documents, and its .json twin."""
import warnings

import pytest

from policyminer.extracted import ExtractedStore
from policyminer.records import Extracted, doc_id
from policyminer.workspace import Workspace

ARTICLES = [   # (url, title, text): two reports of one signing, two unrelated
    ("https://www.cqyc.gov.cn/zwxx/ycyw/202506/t20250612_5.html", "永川区与重庆文理学院签约共建数字经济产业园",
     "6月12日，永川区人民政府与重庆文理学院签订合作协议，共建数字经济产业园和大数据人才实训基地。"
     "重庆文理学院将为产业园企业输送数字经济专业人才。"),
    ("https://www.163.com/dy/article/YCWLXY0612.html", "重庆文理学院携手永川建设大数据人才实训基地",
     "重庆文理学院与永川区携手建设大数据人才实训基地，数字经济产业园同步启动招商，"
     "首批将引进大数据企业。"),
    ("https://www.fl.gov.cn/zwxx/202503/t20250311_8.html", "涪陵榨菜迎来丰收季",
     "涪陵区今年榨菜种植面积持续扩大，青菜头收购价格保持稳定，榨菜加工企业订单饱满。"),
    ("https://www.dazu.gov.cn/zwxx/202504/t20250402_4.html", "大足石刻文创产品征集",
     "大足区发布石刻文创产品征集公告，鼓励设计团队围绕大足石刻开发文创产品。"),
]
FIRST, SECOND = (doc_id(a[0]) for a in ARTICLES[:2])


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Workspace:
    """A workspace with the ARTICLES extracted and indexed (which fits the keyword model)."""
    from policyminer.run import index_records
    workspace = Workspace.open(tmp_path_factory.mktemp("similar-web"))
    ExtractedStore(workspace.extracted_dir).write(
        Extracted(id=doc_id(url), url=url, title=title, published="2025-06-12", text=text)
        for url, title, text in ARTICLES)
    index_records(workspace)
    return workspace


@pytest.fixture(scope="module")
def client(ws):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    from policyminer.web.app import create_app
    with TestClient(create_app(ws), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_page_lists_keywords_with_searches(client):
    page = client.get(f"/documents/{FIRST}").text
    assert "<h2>Keywords <span" in page
    assert 'class="tag" href="/search?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E">数字经济</a>' in page


def test_page_links_the_other_report_first(client):
    page = client.get(f"/documents/{FIRST}").text
    similar = page.split('<ul class="similar">', 1)[1].split("</ul>", 1)[0]
    assert similar.index(f'<a href="/documents/{SECOND}">重庆文理学院携手永川建设大数据人才实训基地</a>') >= 0
    assert similar.count("<li>") <= 5


def test_json_twin_has_keywords_and_similar(client):
    data = client.get(f"/documents/{FIRST}.json").json()
    assert "数字经济" in data["keywords"] and "重庆文理学院" in data["keywords"]
    top = data["similar"][0]
    assert set(top) == {"id", "url", "title", "score", "shared_keywords", "href"}
    assert (top["id"], top["href"]) == (SECOND, f"/documents/{SECOND}")
    assert 0 < top["score"] <= 1 and "数字经济" in top["shared_keywords"]
    assert len(data["similar"]) <= 5

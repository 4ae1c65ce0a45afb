"""Records: stable ids, JSON round trips, old schema versions still load."""
import json

import pytest

from policyminer.records import (SCHEMA_VERSION, Extracted, Figure, Organization, Signing,
                                 canonical_url, doc_id)


@pytest.mark.parametrize("a, b", [
    pytest.param("https://WWW.cqbb.gov.cn/a.html#top", "https://www.cqbb.gov.cn/a.html", id="host-case-fragment"),
    pytest.param("http://www.cqbb.gov.cn:80/a.html", "http://www.cqbb.gov.cn/a.html", id="default-port"),
    pytest.param("https://www.cqbb.gov.cn", "https://www.cqbb.gov.cn/", id="empty-path"),
])
def test_same_document_same_id(a, b):
    assert canonical_url(a) == canonical_url(b)
    assert doc_id(a) == doc_id(b)


def test_different_documents_differ():
    assert doc_id("https://x.cn/a.html?id=1") != doc_id("https://x.cn/a.html?id=2")


def sample() -> Extracted:
    return Extracted(
        id=doc_id("https://x.cn/1.html"), url="https://x.cn/1.html", title="标题", published="2025-04-25",
        text="重庆大学与北碚区签约，总投资2.8亿元。",
        organizations=[Organization("重庆大学", "university", ["重大"], [[0, 4]])],
        figures=[Figure("总投资2.8亿元", 280000000, "元", None, "总投资", None, 11, 19)],
        signings=[Signing("重庆大学与北碚区签约，总投资2.8亿元。", "2025-04-25", ["重庆大学"], [], None,
                          {"value": 280000000, "unit": "元"}, "北碚区", 0, 20)],
        metadata={"doc_number": "北碚府发〔2025〕3号"})


def test_round_trip_through_json():
    record = sample()
    again = Extracted.from_dict(json.loads(json.dumps(record.to_dict(), ensure_ascii=False)))
    assert again == record
    assert isinstance(again.organizations[0], Organization)


def test_metadata_also_at_top_level():
    assert sample().to_dict()["doc_number"] == "北碚府发〔2025〕3号"


def test_version_zero_record_loads_and_upgrades():
    data = sample().to_dict()
    del data["schema_version"], data["id"]
    data["an_old_field"] = 1
    record = Extracted.from_dict(data)
    assert record.schema_version == SCHEMA_VERSION
    assert record.id == doc_id("https://x.cn/1.html")


def test_newer_version_is_refused_with_advice():
    data = sample().to_dict() | {"schema_version": SCHEMA_VERSION + 1}
    with pytest.raises(ValueError, match="upgrade policyminer"):
        Extracted.from_dict(data)


@pytest.mark.parametrize("crawler_source, expected", [(None, "上游新闻"), ("cqbb-news", "cqbb-news")],
                         ids=["outlet-fills-missing-source", "crawler-source-kept"])
def test_outlet_reaches_top_level_source_only_when_none_is_known(crawler_source, expected):
    record = Extracted(id="a" * 20, url="file:///x.txt", title="", published=None, text="",
                       source=crawler_source, metadata={"source": "上游新闻", "author": "王小明"})
    data = record.to_dict()
    assert (data["source"], data["author"]) == (expected, "王小明")

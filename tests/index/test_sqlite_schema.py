"""The rows a record becomes in the SQLite index, and the JSON written into them."""
from __future__ import annotations

import json

import pytest

from index.segment import index_text, search_text
from index.sqlite_schema import INSERTS, _json, record_hash, record_rows
from policyminer.records import Extracted, Organization, Signing


@pytest.mark.parametrize("value", [
    pytest.param([], id="empty-list"),
    pytest.param(["西大", "重庆\"大学\"", "换\n行", ""], id="strings-escaped"),
    pytest.param([[4, 11], [120, 3000]], id="mention-pairs"),
    pytest.param([[True, 2]], id="bool-is-not-an-int"),
    pytest.param([[1, 2, 3]], id="not-a-pair"),
    pytest.param([[1.0, 2]], id="float-pair"),
    pytest.param(["西大", 1], id="mixed-list"),
    pytest.param({"栏目": "要闻", "n": [1]}, id="dict"),
    pytest.param({"value": 2.8e8, "unit": "元"}, id="amount"),
    pytest.param(None, id="null"),
])
def test_json_is_what_json_dumps_writes(value):
    assert _json(value) == json.dumps(value, ensure_ascii=False)


def signing_record() -> Extracted:
    text = "4月23日，北碚区人民政府与西南大学签约，共建大学科技园。"
    return Extracted(
        id="r1", url="https://example.cn/r1.html", title="北碚区与西大签约", published="2024-04-25",
        text=text, source="cqbb-news", region="北碚区",
        organizations=[Organization("北碚区人民政府", "government", ["区政府"], [[5, 12]]),
                       Organization("西南大学", "university", ["西大", "西 大"], [[13, 17]])],
        signings=[Signing(text[:20], "2024-04-23", ["北碚区人民政府", "西大"])])


def test_rows_of_a_record():
    record = signing_record()
    rows = record_rows(7, record, "digest")
    assert set(rows) == set(INSERTS)
    assert rows["documents"] == [(7, "r1", "2024-04-25", "cqbb-news", "news", "北碚区", "digest",
                                  '["500000", "500109"]')]
    assert rows["folded"] == [(7, search_text(record.title), search_text(record.text))]
    assert rows["doc_words"] == [(7, index_text(record.title), index_text(record.text))]
    # every name is filed under its canonical key (北碚区政府) and its written form
    assert sorted(rows["org_names"]) == [("北碚区人民政府", 7, 0), ("北碚区政府", 7, 0),
                                         ("区政府", 7, 0), ("西南大学", 7, 1), ("西大", 7, 1)]
    # a party named by an alias is filed under every name of its organisation
    assert sorted(key for key, _, _ in rows["signing_parties"]) == [
        "北碚区人民政府", "北碚区政府", "区政府", "西南大学", "西大"]
    assert rows["region_codes"] == [(7, "500000"), (7, "500109")]


def test_rows_append_to_a_batch():
    batch = {table: [] for table in INSERTS}
    for rid in (1, 2):
        record_rows(rid, signing_record(), "digest", batch)
    assert [row[0] for row in batch["documents"]] == [1, 2]
    assert len(batch["organizations"]) == 4


def test_hash_changes_with_any_field():
    record = signing_record()
    before = record_hash(record)
    record.organizations[1].aliases.append("西南大")
    assert record_hash(record) != before
    assert record_hash(signing_record()) == before

"""In-memory columns of the SQLite index: codes in SQL order, varints, FTS5's own lengths."""
from __future__ import annotations

import numpy as np
import pytest

from index.sqlite_columns import Codes, Columns, ints, sorted_unique, varints
from index.sqlite_schema import connect


@pytest.mark.parametrize("raw, values", [
    pytest.param([0x00], [0], id="zero"),
    pytest.param([0x7F], [127], id="one-byte-max"),
    pytest.param([0x81, 0x00], [128], id="two-bytes-min"),
    pytest.param([0x82, 0x2C], [300], id="two-bytes"),
    pytest.param([0x81, 0x80, 0x00], [16384], id="three-bytes"),
    pytest.param([0x05, 0x81, 0x00, 0x7F], [5, 128, 127], id="several-packed"),
])
def test_varints_decode_sqlite_format(raw, values):
    assert varints(np.array(raw, np.uint8)).tolist() == values


def test_truncated_varint_is_an_error():
    with pytest.raises(ValueError, match="truncated"):
        varints(np.array([0x05, 0x81], np.uint8))


@pytest.mark.parametrize("text, expected", [
    pytest.param(None, [], id="no-rows"),
    pytest.param("", [], id="empty"),
    pytest.param("3,1,2", [3, 1, 2], id="kept-in-order"),
])
def test_ints_of_group_concat(text, expected):
    assert ints(text).tolist() == expected


@pytest.mark.parametrize("values, expected", [
    pytest.param([1, 2, 5], [1, 2, 5], id="already-sorted"),
    pytest.param([5, 1, 5, 2], [1, 2, 5], id="repeats-and-disorder"),
])
def test_sorted_unique(values, expected):
    assert sorted_unique(np.array(values, np.int64)).tolist() == expected


CODES = Codes(["cq-daily", "cqbb-gov", "cqbb-news", "cqspb-news"], np.zeros(0, np.int32))


@pytest.mark.parametrize("low, high, closed, span", [
    pytest.param("cqbb", "cqbb\U0010ffff", False, (1, 3), id="prefix"),
    pytest.param("cqbb-news", "cqbb-news", True, (2, 3), id="exact"),
    pytest.param("cqbb-new", "cqbb-new", True, (2, 2), id="exact-missing"),
    pytest.param(None, "cqbb-news", True, (0, 3), id="open-start"),
    pytest.param("cqz", None, False, (4, 4), id="past-the-end"),
    pytest.param("cqc", None, False, (3, 4), id="open-end"),
])
def test_code_spans_follow_string_order(low, high, closed, span):
    assert CODES.span(low, high, closed=closed) == span


def test_columns_hold_every_document(index, corpus):
    conn = index._conn
    columns = Columns(conn)
    assert len(columns.rids) == len(corpus)
    assert columns.fields["type"].values == ["news", "policy"]
    assert columns.year.values == ["2024"]
    undated = conn.execute("SELECT rid FROM documents WHERE id = 'undated'").fetchone()[0]
    assert columns.published.codes[undated] == -1 and columns.year.codes[undated] == -1


def test_lengths_are_fts5_token_counts(index):
    """Per-row lengths add up to the total in FTS5's averages record."""
    conn = index._conn
    lengths, rows, tokens = Columns(conn).lengths(conn)
    assert rows == index.count()
    assert lengths.sum() == tokens > 0
    rid, title = conn.execute("SELECT rid, title FROM contents WHERE rid = 1").fetchone()
    assert lengths[rid] > len(title) // 2


def test_org_counts_are_documents_with_smallest_name(tmp_path):
    conn = connect(str(tmp_path / "orgs.db"))
    conn.executescript("""
        CREATE TABLE documents (rid INTEGER PRIMARY KEY, published, source, region, doc_type);
        INSERT INTO documents VALUES (1, NULL, NULL, NULL, NULL), (2, NULL, NULL, NULL, NULL);
        CREATE TABLE organizations (doc_rid, idx, name, canonical);
        INSERT INTO organizations VALUES (1, 0, '西南大学', '西南大学'), (1, 1, '西南 大学', '西南大学'),
                                         (2, 0, '西南大学', '西南大学'), (2, 1, '重庆大学', '重庆大学');
    """)
    columns = Columns(conn)
    assert sorted(columns.org_counts(np.array([1, 2]))) == [("西南 大学", 2), ("重庆大学", 1)]
    assert sorted(columns.org_counts(np.array([2]))) == [("西南大学", 1), ("重庆大学", 1)]

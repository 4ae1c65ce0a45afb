"""benchmarks/index.py: the synthetic corpus, and one small run of the benchmark on both sides."""
from __future__ import annotations

import json

import pytest

from benchmarks.index import main, synthetic_records


def test_synthetic_records_are_deterministic_and_realistic():
    first, again = list(synthetic_records(120)), list(synthetic_records(120))
    assert [r.to_dict() for r in first] == [r.to_dict() for r in again]
    assert len({r.id for r in first}) == 120 and len({r.published for r in first}) == 120
    assert {r.doc_type for r in first} == {"news", "policy"}
    signings = [s for r in first for s in r.signings]
    assert len(signings) > 30 and all(s.parties and s.date for s in signings)
    for record in first:
        for org in record.organizations:
            start, end = org.mentions[0]
            assert record.text[start:end] == org.name
        for figure in record.figures:
            assert record.text[figure.start:figure.end] == figure.text


def test_large_corpora_spread_over_four_years():
    dates = [r.published for r in synthetic_records(5000)]
    assert dates[0] == "2021-01-04" and dates[-1] < "2025-01-04"


@pytest.mark.integration
def test_a_small_run_reports_both_engines(nodes, capsys):
    main(["--docs", "300", "--repeat", "2", "--url", nodes.url("opensearch")])
    result = json.loads(capsys.readouterr().out)
    for engine in ("sqlite", "opensearch"):
        report = result["engines"][engine]
        assert report["documents"] == 300 and report["docs_per_second"] > 0
        assert set(report["queries"]) == set(result["engines"]["sqlite"]["queries"])
        assert report["mix_p95_ms"] >= report["mix_p50_ms"]
        assert report["cold_mix_max_ms"] >= report["cold_mix_p50_ms"] > 0
    assert result["warmup"] == 3


@pytest.mark.integration
def test_the_merge_benchmark_compares_one_segment_with_several(nodes, capsys):
    from benchmarks.index_merge import main as merge_main
    from index.base import open_index

    merge_main(["--docs", "600", "--repeat", "1", "--url", nodes.url("opensearch")])
    result = json.loads(capsys.readouterr().out)
    assert result["segments"]["merged"] == 1
    assert result["merged"]["p95_ms"] > 0 and result["ratio_p95"] > 0
    index = open_index(f"{nodes.url('opensearch')}/pm-bench-merged", engine="opensearch")
    assert index.transport.request("GET", "/pm-bench-merged/_alias", ignore=(404,)) is None   # cleaned up

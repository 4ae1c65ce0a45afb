"""Faults survived: broken servers, lying encodings and a full disk.

A crawl of the generated site's broken column (scale_sites.FAULTS) must
finish, name every failed URL with its reason, store what is readable once,
and store nothing twice when rerun. Extracted JSONL written to a full disk
must fail loudly and leave the last good file in place.
"""
from __future__ import annotations

import errno
import json
import os

import pytest

from crawler.run import crawl_in_subprocess
from crawler.store import PageStore
from policyminer.extracted import ExtractedStore, read_jsonl
from policyminer.records import Extracted
from policyminer.shards import LockedExtractedStore
from scale_sites import FAST, STORED_FAULTS, fault_path, fill_store

pytestmark = pytest.mark.integration

# fault → the reason the crawl report gives for its URL
REASONS = {
    "timeout": "timeout",
    "truncated": "truncated",
    "enormous": "too_large",
    "endless": "too_large",
    "loop-a": "redirect_loop",
    "status500": "500",
    "status404": "404",
    "empty": "empty body",
    "binary": "undecodable",
}
RESET_REASONS = {"DownloadFailedError", "connection_lost", "connection_reset", "truncated"}


@pytest.fixture(scope="module")
def fault_crawl(sources, site, tmp_path_factory):
    """The broken column crawled twice into one store: (first report, second report, store path)."""
    store = tmp_path_factory.mktemp("faults") / "pages.db"
    first = crawl_in_subprocess([sources["scale-faults"]], store, settings=FAST,
                                progress=False, timeout=180)
    second = crawl_in_subprocess([sources["scale-faults"]], store, settings=FAST,
                                 progress=False, timeout=180)
    return first, second, store


def reasons_for(report, site, name: str) -> list[str]:
    urls = {site.url(fault_path(name))}
    if name == "loop-a":                   # the loop fails on whichever hop hits the limit
        urls.add(site.url(fault_path("loop-b")))
    return [f["reason"] for f in report.failures if f["url"] in urls]


def test_the_crawl_of_broken_pages_finishes(fault_crawl):
    first, second, _ = fault_crawl
    for report in (first, second):
        assert report.sources[0].finish_reason == "finished"


@pytest.mark.parametrize("fault", sorted(REASONS))
def test_every_failure_is_reported_with_its_url_and_reason(fault_crawl, site, fault):
    first, second, _ = fault_crawl
    for report in (first, second):
        reasons = reasons_for(report, site, fault)
        assert len(reasons) == 1, report.failures
        assert reasons[0].startswith(REASONS[fault])


def test_a_reset_connection_is_reported(fault_crawl, site):
    first, _, _ = fault_crawl
    assert reasons_for(first, site, "reset") and reasons_for(first, site, "reset")[0] in RESET_REASONS


@pytest.mark.parametrize("fault", ["timeout", "truncated", "enormous", "status500", "status404", "reset"])
def test_download_failures_stay_in_the_store_until_a_fetch_succeeds(fault_crawl, site, fault):
    _, _, store = fault_crawl
    with PageStore(store) as pages:
        failure = pages.failure(site.url(fault_path(fault)))
    assert failure is not None and failure["attempts"] == 2     # one per crawl


@pytest.mark.parametrize("fault", STORED_FAULTS)
def test_readable_pages_are_stored_once_and_decoded_despite_lying_headers(fault_crawl, site, fault):
    _, _, store = fault_crawl
    with PageStore(store) as pages:
        page = pages.get(site.url(fault_path(fault)))
    assert page is not None
    assert f"（{fault} 第" in page.html and "签约共建" in page.html     # the title, correctly decoded
    assert "\ufffd" not in page.html


def test_nothing_is_stored_twice(fault_crawl, site):
    first, second, store = fault_crawl
    with PageStore(store) as pages:
        urls = pages.urls()
        assert pages.resolve(site.url(fault_path("moved"))) == site.url(fault_path("moved-target"))
    expected = {site.url(fault_path(f)) for f in STORED_FAULTS if f != "moved"}
    assert set(urls) == expected | {site.url(fault_path("moved-target"))}
    assert first.total("new") == len(STORED_FAULTS)
    assert second.total("new") == 0 and second.total("unchanged") == len(STORED_FAULTS)


# -- a full disk ----------------------------------------------------------------------
def record(n: int, size: int) -> Extracted:
    """A record whose id starts with 'a' (all in part-a.jsonl) and whose text is ``size`` chars."""
    rid = f"a{n:019d}"
    return Extracted(id=rid, url=f"https://www.cqbb.gov.cn/a/{n}.html", title=f"第{n}号", published=None,
                     text="签约" * (size // 2))


@pytest.mark.parametrize("store_class", [ExtractedStore, LockedExtractedStore], ids=["plain", "locked"])
def test_a_full_disk_keeps_the_last_good_jsonl(small_disk, store_class):
    out = store_class(small_disk / "extracted")
    assert out.write([record(n, 2000) for n in range(5)]) == (5, 0)
    part = small_disk / "extracted" / "part-a.jsonl"
    good = part.read_bytes()
    with pytest.raises(OSError) as raised:
        out.write([record(n, 60_000) for n in range(5, 10)])   # ~180 KB a record in UTF-8: no room
    assert raised.value.errno == errno.ENOSPC
    assert part.read_bytes() == good                          # the last good file, whole
    assert [r.id for r in read_jsonl(part)] == [record(n, 0).id for n in range(5)]
    leftovers = [p.name for p in part.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []                                     # no half-written temporary file
    assert out.write([record(7, 2000)]) == (1, 0)              # small writes work again
    assert len(out) == 6


def test_a_full_disk_mid_extraction_loses_nothing_once_space_returns(small_disk, tmp_path):
    """The shard runner dies on ENOSPC; after space is freed, a rerun completes the same records."""
    from policyminer.shards import extract_shard
    from policyminer.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws", extracted_dir=str(small_disk / "extracted"))
    fill_store(ws, 24)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (200 * 1024))                  # leave ~50 KB: room for a few records
    with pytest.raises(OSError) as raised:
        extract_shard(ws, (1, 1), workers=1, chunk=4, flush=4)
    assert raised.value.errno == errno.ENOSPC
    kept = {r.id for r in ExtractedStore(ws.extracted_dir)}    # whatever was written is whole
    assert 0 < len(kept) < 24                                  # it died midway
    filler.unlink()
    report = extract_shard(ws, (1, 1), workers=1, chunk=4, flush=4)
    assert report.unchanged == len(kept) and report.extracted == 24 - len(kept)
    assert len(ExtractedStore(ws.extracted_dir)) == 24
    for path in ExtractedStore(ws.extracted_dir).files():      # every line is a whole record
        assert all(json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines())
    assert not [p for p in os.listdir(ws.extracted_dir) if p.endswith(".tmp")]

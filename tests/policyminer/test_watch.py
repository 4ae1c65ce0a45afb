"""Watchlists: saved searches, what is new since the last run, the state file, the reports."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyminer import watch as watch_module
from policyminer.cli import cli
from policyminer.errors import ConfigError
from policyminer.records import Extracted, Signing, doc_id
from policyminer.run import open_workspace_index
from policyminer.watch import SavedSearch, WatchState, load_watchlist
from policyminer.workspace import DEFAULT_CONFIG, Workspace

WATCHLIST = """
searches:
  - name: signings
    query: 签约
  - name: policies
    filters:
      type: policy
"""


def doc(url, title, published, text, *, doc_type="news", signing=None):
    signings = []
    if signing:
        sentence, fields = signing
        start = text.index(sentence)
        signings.append(Signing(text=sentence, start=start, end=start + len(sentence), **fields))
    return Extracted(id=doc_id(url), url=url, title=title, published=published, text=text, signings=signings,
                     source=url.split("/")[2], doc_type=doc_type, region="重庆市北碚区")


AGREEMENT = "4月23日，北碚区人民政府与西南大学签署新一轮全面战略合作协议。"
RETOLD = "4月23日，北碚区与西南大学新一轮全面战略合作协议签约仪式在西南大学举行。"
CEREMONY = "4月21日，沙坪坝区一季度招商引资项目集中签约仪式举行，18个项目集中签约，总投资132亿元。"

FIRST = [
    doc("https://www.cqbb.gov.cn/a.html", "北碚区与西南大学签约", "2025-04-23", AGREEMENT + "双方将共建平台。",
        signing=(AGREEMENT, {"date": "2025-04-23", "parties": ["北碚区人民政府", "西南大学"]})),
    doc("https://www.cqbb.gov.cn/p1.html", "北碚区支持科技创新若干政策措施", "2025-04-08", "为支持科技创新，制定本措施。",
        doc_type="policy"),
    doc("https://www.cqbb.gov.cn/n.html", "北碚区召开安全生产工作会议", "2025-04-11", "会议部署二季度安全生产工作。"),
]
SECOND = [
    doc("https://www.cqcb.com/b.html", "北碚与西南大学再牵手", "2025-04-23", RETOLD,
        signing=(RETOLD, {"date": "2025-04-23", "parties": ["西南大学"]})),
    doc("https://www.cqspb.gov.cn/c.html", "沙坪坝区集中签约18个项目", "2025-04-22", CEREMONY,
        signing=(CEREMONY, {"date": "2025-04-21", "count": 18, "amount": {"value": 13200000000, "unit": "元"}})),
    doc("https://www.cqbb.gov.cn/p2.html", "北碚区重点项目计划", "2025-03-18", "现将2025年重点项目计划印发给你们。",
        doc_type="policy"),
]


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "watch.yaml").write_text(WATCHLIST, encoding="utf-8")
    load(home, FIRST)
    return home


def load(home, records):
    with open_workspace_index(Workspace.open(home)) as index:
        index.load(records)


def watch(home, *args, code=0):
    result = CliRunner().invoke(cli, ["--home", str(home), "watch", "--report-dir", str(home / "reports"), *args])
    assert result.exit_code == code, result.stderr + repr(result.exception)
    return result


def news(result) -> dict:
    data = json.loads(result.stdout)
    return {s["name"]: s for s in data["searches"]}


def titles(entry) -> set:
    return {d["title"] for d in entry["documents"]}


def test_first_run_reports_everything_then_only_what_is_new(home):
    first = news(watch(home, "--format", "json"))
    assert first["signings"]["first_run"] and titles(first["signings"]) == {"北碚区与西南大学签约"}
    assert [e["parties"] for e in first["signings"]["signings"]] == [["北碚区人民政府", "西南大学"]]
    assert titles(first["policies"]) == {"北碚区支持科技创新若干政策措施"}

    load(home, SECOND)
    second = news(watch(home, "--format", "json"))
    assert not second["signings"]["first_run"]
    assert titles(second["signings"]) == {"北碚与西南大学再牵手", "沙坪坝区集中签约18个项目"}
    # the retold agreement was reported at the first run: only the ceremony is a new signing
    assert [e["count"] for e in second["signings"]["signings"]] == [18]
    assert titles(second["policies"]) == {"北碚区重点项目计划"}

    third = news(watch(home, "--format", "json"))
    assert all(not s["documents"] and not s["signings"] for s in third.values())
    assert third["signings"]["matching"] == 3


def test_reports_are_dated_and_say_when_nothing_is_new(home):
    watch(home)
    load(home, SECOND)
    watch(home)
    result = watch(home)
    reports = sorted((home / "reports").glob("watch-*.md"), key=lambda p: p.stat().st_mtime_ns)
    assert len(reports) == 3 and len(list((home / "reports").glob("watch-*.html"))) == 3
    assert f"report written to {reports[-1]}" in result.stderr
    second = reports[1].read_text(encoding="utf-8")
    assert "### New documents (2)" in second and "[沙坪坝区集中签约18个项目](https://www.cqspb.gov.cn/c.html)" in second
    assert "### New signings (1)" in second and "132亿元" in second
    third = reports[2].read_text(encoding="utf-8")
    assert third.count("Nothing new since the last run.") == 2
    html = reports[2].with_suffix(".html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "Nothing new since the last run." in html


def test_summary_table(home):
    result = watch(home)
    assert "│ signings │        1 │             1 │            1 │" in result.stdout
    assert "│ policies │        1 │             1 │            0 │" in result.stdout


def test_since_limits_the_first_run(home):
    first = news(watch(home, "--since", "2025-04-20", "--format", "json"))
    assert titles(first["policies"]) == set()              # published 04-08
    assert titles(first["signings"]) == {"北碚区与西南大学签约"}
    again = news(watch(home, "--format", "json"))
    assert titles(again["policies"]) == set()               # seen, though not reported


def test_a_changed_search_starts_afresh(home):
    watch(home)
    (home / "config" / "watch.yaml").write_text(WATCHLIST.replace("query: 签约", "query: 西南大学"),
                                                encoding="utf-8")
    data = news(watch(home, "--format", "json"))
    assert data["signings"]["first_run"] and titles(data["signings"]) == {"北碚区与西南大学签约"}
    assert not data["policies"]["first_run"] and not data["policies"]["documents"]


def test_state_file_is_json_under_store(home):
    watch(home)
    state = json.loads((home / "store" / "watch-state.json").read_text(encoding="utf-8"))
    assert set(state["searches"]) == {"signings", "policies"}
    assert state["searches"]["signings"]["seen"] == [FIRST[0].id]
    assert not list((home / "store").glob(".watch-*"))


def test_state_is_replaced_atomically(tmp_path, monkeypatch):
    path = tmp_path / "store" / "watch-state.json"
    state = WatchState(path)
    search = SavedSearch("s", "签约")
    state.update(search, {"a"}, "2025-04-28T06:00:00+00:00")
    state.save()
    state.update(search, {"a", "b"}, "2025-05-05T06:00:00+00:00")
    monkeypatch.setattr(watch_module.json, "dump", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        state.save()
    assert WatchState(path).seen(search) == {"a"}
    assert [p.name for p in path.parent.iterdir()] == ["watch-state.json"]


def test_damaged_state_says_what_to_do(home):
    (home / "store").mkdir(exist_ok=True)
    (home / "store" / "watch-state.json").write_text("{not json", encoding="utf-8")
    result = watch(home, code=1)
    assert "watch-state.json: the watch state is damaged; delete it" in result.stderr


# -- the watchlist file ------------------------------------------------------------------

def test_shipped_watchlist_loads():
    searches = load_watchlist(DEFAULT_CONFIG / "watch.yaml")
    assert len(searches) >= 3 and len({s.name for s in searches}) == len(searches)
    assert any(s.filters for s in searches)


def test_new_workspace_gets_the_example_watchlist(tmp_path):
    ws = Workspace.open(tmp_path / "fresh")
    assert (ws.config_dir / "watch.yaml").is_file()


@pytest.mark.parametrize("text, message", [
    pytest.param("searches:\n  - query: 签约\n", "searches entry 1: each saved search needs a 'name'", id="no-name"),
    pytest.param("searches:\n  - name: a\n    qeury: 签约\n", "search 'a': unknown key qeury", id="misspelt-key"),
    pytest.param("searches:\n  - name: a\n    filters: {district: 北碚区}\n", "search 'a': unknown filter district",
                 id="unknown-filter"),
    pytest.param("searches:\n  - name: a\n    query: 'published:2025-13'\n", "search 'a':", id="bad-date"),
    pytest.param("searches:\n  - name: a\n  - name: a\n", "repeated: a", id="duplicate-name"),
    pytest.param("searches: 签约\n", "expected a key 'searches' holding a list", id="not-a-list"),
    pytest.param("searches: [\n", "not valid YAML", id="bad-yaml"),
])
def test_watchlist_errors_name_file_and_key(tmp_path, text, message):
    path = tmp_path / "watch.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_watchlist(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_missing_watchlist(tmp_path):
    with pytest.raises(ConfigError, match="no watchlist"):
        load_watchlist(Path(tmp_path / "absent.yaml"))

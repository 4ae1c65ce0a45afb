"""The CLI through its runner: the JSON contract on the seeds, bad input, usage errors."""
import json

import pytest
from click.testing import CliRunner

from policyminer.cli import cli


@pytest.fixture
def run(tmp_path):
    """Invoke `policyminer --home TMP …` in-process; returns the click Result."""
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), *args], input=input)
    return invoke


def extract_json(run, *args) -> dict:
    result = run("extract", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


CONTRACT_KEYS = {"id", "url", "title", "published", "text", "organizations", "figures", "signings"}


def test_portal_seed_contract(run, seed_path):
    data = extract_json(run, str(seed_path("portal")), "--url", "https://www.163.com/dy/article/JL0U4B2L0514R9P4.html")
    assert CONTRACT_KEYS <= data.keys()
    assert data["title"] == "入驻项目2500余个,沙坪坝区环大学创新创业圈建设卓有成效"
    assert data["published"] is None or data["published"].startswith("202")
    names = {o["name"] for o in data["organizations"]}
    assert {"重庆大学", "陆军军医大学", "重庆大学知识产权运营有限公司"} <= names
    fig = [f for f in data["figures"] if f["value"] == 2500 and f["unit"] == "个"]
    assert fig and fig[0]["qualifier"] == "over"
    assert data["text"][fig[0]["start"]:fig[0]["end"]] == fig[0]["text"]
    for chrome in ("网易首页", "相关推荐", "特别声明", "分享至", "关注度", "热点推荐"):
        assert chrome not in data["text"]
    assert not data["text"].startswith(data["title"])


def test_epaper_seed_contract(run, seed_path):
    data = extract_json(run, str(seed_path("epaper")))
    assert data["url"].startswith("file://")
    orgs = {o["name"]: o for o in data["organizations"]}
    assert "西南大学" in orgs and "西大" in orgs["西南大学"]["aliases"]
    for start, end in orgs["西南大学"]["mentions"]:
        assert data["text"][start:end] in {"西南大学", "西大"}
    signing = [s for s in data["signings"] if s["count"] == 58]
    assert signing and signing[0]["date"] == "2019-05-06"
    assert data["text"][signing[0]["start"]:signing[0]["end"]] == signing[0]["text"]
    assert "生\n态圈" not in data["text"] and "摄/" not in data["text"]


def test_id_is_stable_and_follows_url(run, seed_path):
    a = extract_json(run, str(seed_path("portal")), "--url", "https://x.cn/a.html")
    b = extract_json(run, str(seed_path("portal")), "--url", "https://X.cn/a.html#p2")
    c = extract_json(run, str(seed_path("portal")), "--url", "https://x.cn/b.html")
    assert a["id"] == b["id"] != c["id"]


def test_published_is_the_reference_for_relative_dates(run, tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("北碚区政府与西南大学今年4月签署战略合作协议。\n去年全区新培育高新技术企业83家。\n", encoding="utf-8")
    data = extract_json(run, str(page), "--published", "2025-06-01")
    assert data["published"] == "2025-06-01"
    assert any(f["value"] == 83 and f["year"] == 2024 for f in data["figures"])
    assert any((s["date"] or "").startswith("2025-04") for s in data["signings"])


def test_gbk_html_page(run, tmp_path):
    html = ('<html><head><meta charset="gbk"><title>签约仪式在北碚举行_北碚区人民政府</title></head><body>'
            '<h1>签约仪式在北碚举行</h1><div class="TRS_Editor"><p>4月25日，北碚区人民政府与重庆大学签署战略合作协议，'
            '双方将共建北碚国家大学科技园，首批入驻企业30余家。</p></div></body></html>')
    page = tmp_path / "gbk.html"
    page.write_bytes(html.encode("gbk"))
    data = extract_json(run, str(page), "--published", "2025-04-26")
    assert "重庆大学" in data["text"]
    assert "重庆大学" in {o["name"] for o in data["organizations"]}


@pytest.mark.parametrize("content, reason", [
    pytest.param(b"", "empty", id="empty-file"),
    pytest.param(bytes(range(256)) * 40, "binary", id="binary-file"),
])
def test_bad_file_is_one_line_naming_it(run, tmp_path, content, reason):
    bad = tmp_path / f"{reason}.html"
    bad.write_bytes(content)
    result = run("extract", str(bad), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0].lower()


def test_missing_file(run, tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "nope.txt: no such file" in result.stderr


def test_batch_goes_on_after_a_bad_file(run, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("重庆大学与沙坪坝区签约。\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_bytes(b"")
    (tmp_path / "docs" / "c.txt").write_text("西南大学入园企业296家。\n", encoding="utf-8")
    result = run("extract", str(tmp_path / "docs"))
    lines = [json.loads(l) for l in result.stdout.splitlines()]
    assert [l.get("url", l.get("file", "")).rsplit("/", 1)[-1] for l in lines] == ["a.txt", "b.txt", "c.txt"]
    assert "error" in lines[1] and "b.txt" in lines[1]["error"]
    assert lines[2]["figures"][0]["value"] == 296


def test_stdin(run):
    result = run("extract", "-", input="重庆大学与北碚区签署战略合作协议。".encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "重庆大学" in {o["name"] for o in json.loads(result.stdout)["organizations"]}


def test_missing_config_key_value_named(run, tmp_path):
    home = tmp_path / "home" / "config"
    home.mkdir(parents=True)
    (home / "settings.yaml").write_text("engine: sqlite\ncrawl:\n  max_pages: lots\n", encoding="utf-8")
    result = run("search", "签约", "--format", "json")
    assert result.exit_code == 1
    assert "settings.yaml" in result.stderr and "crawl.max_pages" in result.stderr and "lots" in result.stderr


@pytest.mark.parametrize("args", [
    pytest.param(["search"], id="missing-query"),
    pytest.param(["search", "x", "--sort", "random"], id="bad-choice"),
    pytest.param(["signings", "--week", "2025-W17", "--since", "2025-01-01"], id="week-and-since"),
    pytest.param(["export", "figures", "--format", "csv"], id="export-without-output"),
])
def test_usage_errors_exit_2(run, args):
    assert run(*args).exit_code == 2


@pytest.mark.parametrize("command", ["crawl", "extract", "index", "run", "search", "signings", "export", "eval", "demo", "serve"])
def test_every_command_help_shows_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout and "policyminer" in result.stdout

"""Trends over time: continuous buckets, splits by source, the command and its PNG chart."""
import json
import struct

import pytest
from click.testing import CliRunner

from policyminer import charts
from policyminer.cli import cli
from policyminer.records import Extracted, doc_id
from policyminer.run import open_workspace_index
from policyminer.trends import bucket_range, compose_query, trend
from policyminer.workspace import Workspace

DOCS = [   # (source, published, title); "签约" in five of them
    ("cqbb-news", "2025-03-03", "北碚区与重庆大学签约共建实验室"),
    ("cqbb-news", "2025-03-12", "北碚区与中国农业科学院柑桔研究所签约"),
    ("cqbb-news", "2025-04-23", "北碚区与西南大学签约"),
    ("cqspb-news", "2025-04-02", "沙坪坝区与重庆大学签约"),
    ("cqspb-news", "2025-04-22", "沙坪坝区一季度集中签约18个项目"),
    ("cqbb-policy", "2025-04-24", "北碚区支持科技创新若干政策措施"),
    ("cqspb-news", "2025-04-17", "沙磁全球校友服务中心揭牌"),
]


def record(n, source, published, title):
    url = f"https://{source}.example.cn/{published}/{n}.html"
    return Extracted(id=doc_id(url), url=url, title=title, published=published,
                     text=f"{title}。相关负责人出席活动。", source=source,
                     doc_type="policy" if "policy" in source else "news")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("trends")
    with open_workspace_index(Workspace.open(home)) as index:
        index.load(record(n, *doc) for n, doc in enumerate(DOCS))
    return home


@pytest.fixture
def index(home):
    with open_workspace_index(Workspace.open(home)) as idx:
        yield idx


def pm(home, *args):
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return result


@pytest.mark.parametrize("first, last, interval, expected", [
    pytest.param("2025-04-29", "2025-05-02", "day", ["2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02"],
                 id="days-across-a-month"),
    pytest.param("2024-W52", "2025-W02", "week", ["2024-W52", "2025-W01", "2025-W02"], id="weeks-across-a-year"),
    pytest.param("2020-W52", "2021-W01", "week", ["2020-W52", "2020-W53", "2021-W01"], id="53-week-year"),
    pytest.param("2024-11", "2025-02", "month", ["2024-11", "2024-12", "2025-01", "2025-02"],
                 id="months-across-a-year"),
    pytest.param("2023", "2025", "year", ["2023", "2024", "2025"], id="years"),
])
def test_bucket_range(first, last, interval, expected):
    assert bucket_range(first, last, interval) == expected


@pytest.mark.parametrize("query, filters, expected", [
    pytest.param("签约", None, "签约", id="query-only"),
    pytest.param("", {"source": "cqbb-news"}, "source:cqbb-news", id="filter-only"),
    pytest.param("签约", {"since": "2025-04-01", "until": "2025-04-30"}, "签约 published:2025-04-01..2025-04-30",
                 id="date-range"),
    pytest.param("重庆 OR 成都", {"type": "news"}, "(重庆 OR 成都) type:news", id="or-kept-grouped"),
])
def test_compose_query(query, filters, expected):
    assert compose_query(query, filters) == expected


def test_by_month(index):
    result = trend(index, "签约", interval="month")
    assert result.buckets == ["2025-03", "2025-04"]
    assert result.series == [("签约", [2, 3])]


def test_by_week_fills_empty_weeks(index):
    result = trend(index, "签约", interval="week")
    assert result.buckets == [f"2025-W{n:02d}" for n in range(10, 18)]
    assert result.series[0][1] == [1, 1, 0, 0, 1, 0, 0, 2]


def test_split_by_source(index):
    result = trend(index, "签约", interval="month", by="source")
    assert result.series == [("cqbb-news", [2, 1]), ("cqspb-news", [0, 2])]


def test_top_keeps_the_biggest_series(index):
    result = trend(index, "", interval="month", by="source", top=2)
    assert [key for key, _ in result.series] == ["cqbb-news", "cqspb-news"]   # 3 each; cqbb-policy has 1


def test_since_until_bound_the_buckets(index):
    result = trend(index, "签约", interval="month", since="2025-02-01", until="2025-05-31")
    assert result.buckets == ["2025-02", "2025-03", "2025-04", "2025-05"]
    assert result.series[0][1] == [0, 2, 3, 0]
    inside = trend(index, "签约", interval="month", since="2025-04-01", until="2025-04-22")
    assert inside.series[0][1] == [2]


def test_filters_apply(index):
    result = trend(index, "", interval="year", filters={"type": "policy"})
    assert result.series == [("documents", [1])]


def test_nothing_matches(index):
    result = trend(index, "开工", interval="month")
    assert result.buckets == [] and result.series == [("开工", [])]


def test_cli_csv_exact(home):
    result = pm(home, "trends", "签约", "--interval", "month", "--by", "source", "--format", "csv")
    assert result.stdout.splitlines() == ["bucket,cqbb-news,cqspb-news", "2025-03,2,0", "2025-04,1,2"]


def test_cli_json(home):
    data = json.loads(pm(home, "trends", "签约", "--interval", "week", "--since", "2025-04-14",
                         "--format", "json").stdout)
    assert data["buckets"] == ["2025-W16", "2025-W17"]
    assert data["series"] == [{"key": "签约", "total": 2, "counts": [0, 2]}]
    assert (data["interval"], data["by"], data["since"]) == ("week", None, "2025-04-14")


def test_cli_table(home):
    result = pm(home, "trends", "签约", "--interval", "month", "--by", "source")
    assert "Documents matching “签约” per month by source" in result.stdout
    assert "│ 2025-04 │         1 │          2 │     3 │" in result.stdout


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_cli_chart_is_a_real_png(home, tmp_path):
    result = pm(home, "trends", "签约", "--interval", "week", "--by", "source", "--chart", str(tmp_path / "t.png"))
    assert f"chart written to {tmp_path / 't.png'}" in result.stderr
    data = (tmp_path / "t.png").read_bytes()
    width, height = png_size(data)
    assert width > 500 and height > 300 and len(data) > 10_000


def test_charts_work_without_a_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    data = charts.line_chart(["2025-03", "2025-04"], [("北碚区", [1, 2]), ("沙坪坝区", [0, 3])], title="签约")
    assert png_size(data)[0] > 500
    assert png_size(charts.weekly_bars(["2025-W16", "2025-W17"], [1, 4], highlight=["2025-W17"]))[0] > 500


def test_a_cjk_font_is_found_when_installed():
    from matplotlib import font_manager
    installed = any("wqy" in f.lower() or "cjk" in f.lower() for f in font_manager.findSystemFonts())
    if not installed:
        pytest.skip("no CJK font installed (Debian: fonts-wqy-zenhei)")
    assert charts.cjk_font() is not None

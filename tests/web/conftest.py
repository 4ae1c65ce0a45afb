"""Workspaces for the web tests.

``tiny_ws``: a workspace whose SQLite index holds five records written for
these tests (one with <script> in its title and text and a javascript: URL,
one undated, two signings in 2025-W17), and whose page store holds the raw
copy of one of them. ``client``: a TestClient over it, as seen from 127.0.0.1.
The browser tests build their own workspace with the real demo pipeline
(see test_browser.py).
"""
from __future__ import annotations

import warnings

import pytest

from policyminer.records import Extracted, Figure, Organization, Signing, doc_id
from policyminer.workspace import Workspace

BEIBEI_URL = "https://www.cqbb.gov.cn/zwxx/bbyw/202504/t20250423_1.html"
SCRIPT_URL = "javascript:alert(3)"
RAW_BEIBEI = b"<html><head><script>alert('raw')</script></head><body><p>\xe5\x8e\x9f\xe6\x96\x87</p></body></html>"
BEIBEI_TEXT = ("4月23日，北碚区人民政府与西南大学在区行政中心签约，共建科技成果转化平台，"
               "项目总投资2.8亿元。\n西南大学相关负责人表示，将推动更多成果就地转化。")
SCRIPT_TEXT = "会议通报<script>alert(2)</script>有关情况，<b>签约</b>项目 & 其他事项。"


def _records() -> list[Extracted]:
    beibei = Extracted(
        id=doc_id(BEIBEI_URL), url=BEIBEI_URL, title="北碚区与西南大学签约共建成果转化平台",
        published="2025-04-23", text=BEIBEI_TEXT, source="cqbb-news", region="重庆市北碚区",
        organizations=[Organization("北碚区人民政府", "government", ["区政府"], [[6, 13]]),
                       Organization("西南大学", "university", [], [[14, 18], [50, 54]])],
        figures=[Figure("项目总投资2.8亿元", 280000000, "元", None, "项目总投资", None, 38, 48)],
        signings=[Signing(BEIBEI_TEXT[:49], "2025-04-23", ["北碚区人民政府", "西南大学"],
                          ["科技成果转化平台"], None, {"value": 280000000, "unit": "元"},
                          "区行政中心", 0, 49)],
        metadata={"author": "张三"})
    script = Extracted(
        id="scriptdoc0000000000a", url=SCRIPT_URL, title="<script>alert(1)</script>签约通报",
        published="2025-04-24", text=SCRIPT_TEXT, source="evil-source", region="重庆市沙坪坝区",
        organizations=[Organization("<i>假机构</i>", "other", [], [[0, 4]])])
    shapingba = Extracted(
        id=doc_id("https://www.cqspb.gov.cn/xwzx/202504/t20250422_2.html"),
        url="https://www.cqspb.gov.cn/xwzx/202504/t20250422_2.html",
        title="沙坪坝区集中签约18个项目", published="2025-04-22",
        text="4月21日，沙坪坝区集中签约18个项目，总投资132亿元。", source="cqspb-news",
        region="重庆市沙坪坝区",
        signings=[Signing("4月21日，沙坪坝区集中签约18个项目，总投资132亿元。", "2025-04-21", [], [], 18,
                          {"value": 13200000000, "unit": "元"}, None, 0, 29)])
    policy = Extracted(
        id=doc_id("https://www.cqbb.gov.cn/zwgk/202502/t20250227_3.html"),
        url="https://www.cqbb.gov.cn/zwgk/202502/t20250227_3.html",
        title="关于做好2025年春季招商引资项目申报工作的通知", published="2025-02-27",
        text="各有关单位：现将2025年春季招商引资项目申报工作通知如下。已签约项目请于3月15日前报送。",
        source="cqbb-policy", region="重庆市北碚区", doc_type="policy",
        metadata={"doc_number": "北碚招商发〔2025〕3号"})
    undated = Extracted(
        id=doc_id("https://www.163.com/dy/article/undated.html"),
        url="https://www.163.com/dy/article/undated.html", title="环西南大学创新生态圈建设观察",
        published=None, text="西南大学周边的创新生态圈正在形成，已有多家企业签约入驻。",
        source="netease-cq", region=None)
    return [beibei, script, shapingba, policy, undated]


@pytest.fixture(scope="session")
def tiny_ws(tmp_path_factory) -> Workspace:
    """The workspace described in the module docstring."""
    from crawler.store import PageStore
    from policyminer.run import open_workspace_index
    ws = Workspace.open(tmp_path_factory.mktemp("web"))
    with open_workspace_index(ws) as index:
        index.load(_records())
    with PageStore(ws.pages_db) as store:
        store.put(BEIBEI_URL, RAW_BEIBEI, source="cqbb-news")
    return ws


@pytest.fixture(scope="session")
def records() -> dict[str, Extracted]:
    """The records of ``tiny_ws`` by nickname."""
    return dict(zip(("beibei", "script", "shapingba", "policy", "undated"), _records()))


@pytest.fixture(scope="session")
def raw_beibei() -> bytes:
    """The raw page the store holds for the "beibei" record."""
    return RAW_BEIBEI


@pytest.fixture(scope="session")
def client(tiny_ws):
    """A TestClient over ``tiny_ws``, Host 127.0.0.1 (the app refuses other hosts)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    from policyminer.web.app import create_app
    with TestClient(create_app(tiny_ws), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture(scope="session")
def serve_app():
    """``serve_app(ws)``: a context manager running the real app over ``ws`` under uvicorn
    on a free loopback port, in a thread; it gives the base URL."""
    import contextlib
    import socket
    import threading
    import time

    @contextlib.contextmanager
    def serve(ws: Workspace):
        import uvicorn

        from policyminer.web.app import create_app
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(ws), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    return serve

"""`policyminer serve`: the real server process, on loopback, logging to stderr only."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, attempts: int = 200):
    for _ in range(attempts):
        try:
            return urllib.request.urlopen(url, timeout=5)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def test_serve_command(tiny_ws):
    port = free_port()
    env = {**os.environ, "POLICYMINER_HOME": str(tiny_ws.home)}
    server = subprocess.Popen([sys.executable, "-m", "policyminer.cli", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        response = get(f"http://127.0.0.1:{port}/search.json?q=%E7%AD%BE%E7%BA%A6")
        assert response.status == 200
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert "server" not in {k.lower() for k in response.headers}
        with socket.create_connection(("127.0.0.1", port)) as raw:      # bound to loopback
            raw.sendall(b"GET /search.json HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n")
            assert raw.recv(100).startswith(b"HTTP/1.1 400")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    assert out == b""                                                    # stdout is for data
    assert f"http://127.0.0.1:{port}".encode() in err and b"GET /search.json" in err

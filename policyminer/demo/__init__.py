"""Bundled fixture sites and the local server that serves them (offline demo, crawler tests).

See ``policyminer/demo/README.md`` for a map of the sites and the quirks each page exercises,
and ``sites/_manifest.json`` for the documents they hold.
"""
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
SITES_DIR = DEMO_DIR / "sites"
SOURCES_FILE = DEMO_DIR / "sources.yaml"
MANIFEST_FILE = SITES_DIR / "_manifest.json"


def demo_sources_yaml(base_url: str) -> str:
    """The text of ``sources.yaml`` with ``{base}`` and ``{host}`` filled in for a running server.

    ``base_url`` is ``SiteServer.base_url``, e.g. ``http://127.0.0.1:8765``.
    """
    base = base_url.rstrip("/")
    host = base.split("://", 1)[-1]
    text = SOURCES_FILE.read_text(encoding="utf-8")
    return text.replace("{base}", base).replace("{host}", host)


__all__ = ["DEMO_DIR", "SITES_DIR", "SOURCES_FILE", "MANIFEST_FILE", "demo_sources_yaml"]

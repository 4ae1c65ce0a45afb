"""Settings precedence and validation errors that name file, key and value."""
from pathlib import Path

import pytest

from policyminer.config import load_settings
from policyminer.errors import ConfigError
from policyminer.workspace import Workspace


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_file_absent(tmp_path):
    settings = load_settings(tmp_path / "missing.yaml", environ={})
    assert settings.engine == "sqlite"
    assert settings.crawl.max_pages == 500


def test_file_then_environment_then_overrides(tmp_path):
    path = write(tmp_path, "engine: opensearch\nengine_url: http://a:9200\ncrawl:\n  max_pages: 7\n")
    assert load_settings(path, environ={}).engine == "opensearch"
    settings = load_settings(path, environ={"POLICYMINER_ENGINE": "elasticsearch"})
    assert (settings.engine, settings.engine_url, settings.crawl.max_pages) == ("elasticsearch", "http://a:9200", 7)
    settings = load_settings(path, environ={"POLICYMINER_ENGINE": "elasticsearch"},
                             overrides={"engine": "sqlite"})
    assert settings.engine == "sqlite"


@pytest.mark.parametrize("text, expected", [
    pytest.param("engine: mysql\n", ["'engine'", "'mysql'", "sqlite"], id="bad-engine-value"),
    pytest.param("crawl:\n  max_pages: many\n", ["'crawl.max_pages'", "'many'", "int"], id="bad-int"),
    pytest.param("crawl:\n  obey_robots: 'no'\n", ["'crawl.obey_robots'", "true or false"], id="bad-bool"),
    pytest.param("engin: sqlite\n", ["unknown key 'engin'"], id="unknown-key"),
    pytest.param("crawl: 5\n", ["'crawl' must be a mapping"], id="section-not-mapping"),
    pytest.param("engine: [\n", ["not valid YAML"], id="broken-yaml"),
    pytest.param("- a\n- b\n", ["expected a mapping"], id="list-at-top"),
])
def test_errors_name_file_key_and_value(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ={})
    message = str(info.value)
    assert str(path) in message
    for part in expected:
        assert part in message
    assert "\n" not in message


def test_new_workspace_gets_default_config(tmp_path):
    ws = Workspace.open(tmp_path / "home")
    assert (ws.config_dir / "settings.yaml").is_file()
    assert (ws.config_dir / "sources.yaml").is_file()
    assert ws.index_url == f"sqlite:///{ws.home / 'store' / 'index.db'}"


def test_workspace_keeps_user_config(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.yaml").write_text("engine: opensearch\n", encoding="utf-8")
    ws = Workspace.open(tmp_path)
    assert ws.settings.engine == "opensearch"
    assert (ws.config_dir / "settings.yaml").read_text(encoding="utf-8") == "engine: opensearch\n"


def test_environment_selects_home_and_engine(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYMINER_HOME", str(tmp_path))
    monkeypatch.setenv("POLICYMINER_ENGINE_URL", "sqlite:///elsewhere.db")
    ws = Workspace.open()
    assert ws.home == tmp_path.resolve()
    assert ws.index_url == "sqlite:///elsewhere.db"

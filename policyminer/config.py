"""Settings: defaults < config/settings.yaml < POLICYMINER_* environment < CLI options.

Loaded into dataclasses and validated on load; every error names the file,
the key and the value. Values are data: nothing in a config file is evaluated.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policyminer.errors import ConfigError

ENGINES = ("sqlite", "opensearch", "elasticsearch")


@dataclass
class CrawlSettings:
    max_pages: int = 500           # per source, against traps
    max_depth: int = 6
    download_timeout: float = 30.0
    concurrency_per_domain: int = 2
    delay: float = 0.5             # AutoThrottle start delay, seconds
    retries: int = 3
    user_agent: str = "policyminer/0.1 (+https://github.com/policyminer/policyminer)"
    obey_robots: bool = True


@dataclass
class ExtractSettings:
    workers: int = 0               # 0: one per core
    batch_size: int = 64


@dataclass
class Settings:
    engine: str = "sqlite"
    engine_url: str | None = None  # sqlite: defaults to <home>/store/index.db
    extracted_dir: str = "extracted"
    store_dir: str = "store"
    dictionaries_dir: str = "config/dictionaries"
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)


ENV_KEYS = {
    "POLICYMINER_ENGINE": "engine",
    "POLICYMINER_ENGINE_URL": "engine_url",
}


def load_settings(path: Path, *, environ: dict[str, str] | None = None,
                  overrides: dict[str, Any] | None = None) -> Settings:
    """Read settings.yaml (if present), then environment, then overrides."""
    environ = os.environ if environ is None else environ
    data = _read_yaml(path) if path.exists() else {}
    for env_key, key in ENV_KEYS.items():
        if environ.get(env_key):
            data[key] = environ[env_key]
    data.update({k: v for k, v in (overrides or {}).items() if v is not None})
    settings = _build(Settings, data, path, prefix="")
    if settings.engine not in ENGINES:
        raise ConfigError(f"{path}: key 'engine' has value {settings.engine!r}; "
                          f"expected one of {', '.join(ENGINES)}")
    return settings


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top, got {type(data).__name__}")
    return data


def _build(cls, data: dict[str, Any], path: Path, prefix: str):
    """Construct dataclass `cls` from `data`, checking names and types."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for key, value in data.items():
        where = f"{prefix}{key}"
        if key not in fields:
            known = ", ".join(fields)
            raise ConfigError(f"{path}: unknown key '{where}' (known: {known})")
        values[key] = _coerce(fields[key], value, path, where)
    return cls(**values)


def _coerce(f: dataclasses.Field, value: Any, path: Path, where: str) -> Any:
    default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    if dataclasses.is_dataclass(default):
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: key '{where}' must be a mapping, got {value!r}")
        return _build(type(default), value, path, prefix=f"{where}.")
    if value is None or default is None:
        return value
    kind = type(default)
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{path}: key '{where}' must be true or false, got {value!r}")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{path}: key '{where}' must be {kind.__name__}, got {value!r}") from None

"""A workspace: one directory holding config/, extracted/, the raw-page store and the index.

Selected by ``--home DIR`` or ``POLICYMINER_HOME`` (default: the current
directory). A new directory is initialised on first use with the default
configuration shipped in the repository's config/.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from policyminer.config import Settings, load_settings

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config"


@dataclass
class Workspace:
    home: Path
    overrides: dict | None = None

    @classmethod
    def open(cls, home: str | Path | None = None, **overrides) -> "Workspace":
        """Open (and on first use initialise) the workspace at `home`."""
        home = Path(home or os.environ.get("POLICYMINER_HOME") or ".").expanduser().resolve()
        ws = cls(home, overrides or None)
        ws.initialise()
        return ws

    def initialise(self) -> None:
        """Copy the default configuration into a workspace that has none."""
        self.config_dir.mkdir(parents=True, exist_ok=True)
        if self.config_dir.resolve() == DEFAULT_CONFIG:
            return
        for item in DEFAULT_CONFIG.iterdir():
            target = self.config_dir / item.name
            if target.exists():
                continue
            if item.is_dir():
                shutil.copytree(item, target)
            else:
                shutil.copy2(item, target)

    @property
    def config_dir(self) -> Path:
        return self.home / "config"

    @cached_property
    def settings(self) -> Settings:
        return load_settings(self.config_dir / "settings.yaml", overrides=self.overrides)

    @property
    def sources_file(self) -> Path:
        return self.config_dir / "sources.yaml"

    @property
    def extracted_dir(self) -> Path:
        return self.home / self.settings.extracted_dir

    @property
    def store_dir(self) -> Path:
        path = self.home / self.settings.store_dir
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def pages_db(self) -> Path:
        return self.store_dir / "pages.db"

    @property
    def dictionaries_dir(self) -> Path:
        return self.home / self.settings.dictionaries_dir

    @property
    def index_url(self) -> str:
        """The engine URL: settings/env, else the embedded SQLite file."""
        if self.settings.engine_url:
            return self.settings.engine_url
        if self.settings.engine == "sqlite":
            return f"sqlite:///{self.store_dir / 'index.db'}"
        return "http://127.0.0.1:9200"

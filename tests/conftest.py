"""Fixtures shared by the whole suite.

The real seed documents live outside the repository, in ../shared/seeds (or
$POLICYMINER_SHARED/seeds). The project never copies their text: tests read it
at run time, skip with a clear message where it is absent, and fail in CI
(CI=true), where a skipped seed test would hide a regression.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYMINER_SHARED", REPO.parent / "shared"))
SEEDS = {
    "epaper": "000_485b0e237f009667.txt",   # print page, hard-wrapped mid-word
    "portal": "002_1b846d218d1fa187.txt",   # 网易号 article buried in page chrome
}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, why: str) -> None:
    """Skip a test whose real part is missing; in CI, fail instead."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"required in CI: {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def seed_path():
    """Path of a seed document by its nickname ('epaper' or 'portal')."""
    def get(name: str) -> Path:
        path = SHARED / "seeds" / SEEDS[name]
        need(path.is_file(), f"seed document {path} is absent (set POLICYMINER_SHARED)")
        return path
    return get


@pytest.fixture(scope="session")
def seed_text(seed_path):
    """Text of a seed document by its nickname."""
    return lambda name: seed_path(name).read_text(encoding="utf-8")

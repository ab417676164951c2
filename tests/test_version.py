"""One version number: pyproject.toml is the source; the code's copy must agree with it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import console


def test_code_version_matches_pyproject() -> None:
    meta = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    assert console.__version__ == meta["project"]["version"]

"""Shared fixtures of the command-line tests: a demo database, a runner, fake modules."""

from __future__ import annotations

import hashlib
import json
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import cli
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db

STORES = [
    StoreSpec("tb-1", name="杭州女装旗舰店"),
    StoreSpec("tb-2", wechat="invited"),
    StoreSpec("tb-3", wechat="live"),
    StoreSpec(
        "tm-4",
        platform="tmall",
        wechat="rejected",
        reason_code="LICENSE_MISMATCH",
        reason_zh="营业执照不符",
        reason_en="License does not match",
    ),
    StoreSpec("tb-5", status="frozen"),
]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times print in the machine's zone: pin it so the expected text is stable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    make_db(tmp_path, stores=STORES)
    return tmp_path


class Run:
    """cli.main with a data dir and a clean environment; captures stdout/stderr."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir, self.capsys = data_dir, capsys
        self.out = self.err = ""

    def __call__(self, *argv: str, env: dict[str, str] | None = None, data_dir: bool = True) -> int:
        args = (["--data-dir", str(self.data_dir)] if data_dir else []) + list(argv)
        code = cli.main(
            args, environ=env if env is not None else {"LANG": "en_US.UTF-8"}, clock=lambda: FIXED_NOW
        )
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def json(self, *argv: str, **kw: Any) -> tuple[int, Any]:
        code = self(*argv, "--json", **kw)
        return code, json.loads(self.out)


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(data_dir, capsys)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fake_module(monkeypatch: pytest.MonkeyPatch, name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in attrs.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)
    return module


@pytest.fixture(autouse=True)
def no_saved_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-user "chosen data folder" file of these tests is their own, never the machine's."""
    monkeypatch.setenv("MERCHANT_CONSOLE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))

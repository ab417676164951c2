"""A demo platform of its own for this folder: demo actions move a platform-wide clock."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from console import cli
from tests.sync.stubproc import MerchantCreds, StubProcess


@pytest.fixture
def demo_stub(tmp_path: Path) -> Iterator[StubProcess]:
    server = StubProcess(tmp_path / "demo-platform").start()
    yield server
    server.stop()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Terminal:
    """``main.py`` against the demo stub, as the merchant types it (real time, real clock)."""

    stub: StubProcess
    merchant: MerchantCreds
    data_dir: Path

    def __call__(self, *argv: str, lang: str = "en") -> Result:
        out, err = io.StringIO(), io.StringIO()
        env = {"LANG": "en_US.UTF-8", "MERCHANT_CONSOLE_APP_SECRET": self.merchant.app_secret}
        args = [
            "--data-dir",
            str(self.data_dir),
            "--lang",
            lang,
            "--platform",
            self.stub.url,
            "--app-key",
            self.merchant.app_key,
            *argv,
        ]
        code = cli.main(args, environ=env, stdout=out, stderr=err)
        return Result(code, out.getvalue(), err.getvalue())

    def platform_now(self) -> str:
        return str(self.stub.admin("GET", "/admin/clock")["now"])

    def platform_offset(self) -> float:
        """How far the business clock was moved (the platform's time itself ticks on)."""
        return float(self.stub.admin("GET", "/admin/clock")["offset_seconds"])


@pytest.fixture
def term(demo_stub: StubProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Terminal:
    demo = demo_stub.demo
    assert demo is not None
    monkeypatch.setenv("MERCHANT_CONSOLE_APP_SECRET", demo.app_secret)  # credentials read os.environ
    t = Terminal(demo_stub, demo, tmp_path / "console")
    assert t("sync").code == 0
    return t

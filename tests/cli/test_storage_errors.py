"""A data file the CLI cannot use: one sentence, the right exit code, the file untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from console.storage.migrations import SCHEMA_VERSION
from tests.cli.conftest import Run, digest
from tests.helpers.factories import make_db


def test_newer_database_one_line_exit_1_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "console.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("stores") == 1
    assert run.err.count("\n") == 1 and "newer version of the app" in run.err and "not changed" in run.err
    assert run("--lang", "zh_CN", "show", "tb-1") == 1 and "更新版本" in run.err
    code, data = run.json("stores")
    assert code == 1 and data["error"]["code"] == "DATABASE_TOO_NEW"
    assert digest(path) == before


def test_garbage_file_one_line_exit_1_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "console.db"
    path.write_bytes(b"not a database " * 300)
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("set-method", "tb-1", "alipay", "off") == 1
    assert run.err.count("\n") == 1 and "damaged" in run.err
    assert digest(path) == before


def test_damaged_pages_found_while_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_db(tmp_path, stores=2000)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xa5" * 16384
    path.write_bytes(bytes(data))
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("stores") == 1
    assert "damaged" in run.err and run.err.count("\n") == 1
    assert digest(path) == before

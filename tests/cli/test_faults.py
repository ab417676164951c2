"""Faults at the edge: a storage problem in its own words, anything else logged with one
sentence naming the log — never a traceback, never a false "damaged" (issue #13)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from console.wiring.paths import log_path
from tests.cli.conftest import Run


def _raise_from_the_service(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr("console.service.ConsoleService.set_method", broken)
    monkeypatch.setattr("console.service.ConsoleService.list_stores", broken)


def _sqlite(message: str, code: int) -> sqlite3.OperationalError:
    """An error as SQLite raises it: the message and its (extended) result code."""
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def _full() -> sqlite3.OperationalError:
    return _sqlite("database or disk is full", sqlite3.SQLITE_FULL)


@pytest.mark.parametrize(
    ("exc", "en", "zh", "code"),
    [
        (_full(), "is full. Free some space on that drive", "磁盘空间不足", "DATABASE_FULL"),
        (
            _sqlite("attempt to write a readonly database", sqlite3.SQLITE_READONLY),
            "is read-only",
            "是只读的",
            "DATABASE_READ_ONLY",
        ),
        (
            _sqlite("database is locked", sqlite3.SQLITE_BUSY),
            "Another program is using",
            "另一个程序",
            "DATABASE_BUSY",
        ),
        (_sqlite("disk I/O error", sqlite3.SQLITE_IOERR), "reported an error", "磁盘出错", "DATABASE_IO"),
        (OSError(28, "No space left on device"), "is full", "磁盘空间不足", "DATABASE_FULL"),
    ],
)
def test_storage_faults_are_named_for_what_they_are(
    run: Run, monkeypatch: pytest.MonkeyPatch, exc: BaseException, en: str, zh: str, code: str
) -> None:
    _raise_from_the_service(monkeypatch, exc)
    assert run("set-method", "tb-2", "wechat_pay", "on") == 1
    assert en in run.err and "damaged" not in run.err and "Traceback" not in run.err
    assert run.err.count("\n") == 1
    assert run("--lang", "zh_CN", "stores") == 1 and zh in run.err and "损坏" not in run.err
    got, data = run.json("stores")
    assert got == 1 and data["error"]["code"] == code


def test_a_too_complex_pattern_is_the_input_not_the_file(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    _raise_from_the_service(monkeypatch, sqlite3.OperationalError("LIKE or GLOB pattern too complex"))
    assert run("stores") == 2 and "The data file is fine" in run.err and "damaged" not in run.err


def test_an_unexpected_error_is_logged_and_said_in_one_sentence(
    run: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _raise_from_the_service(monkeypatch, RuntimeError("a bug with a secret-free message"))
    assert run("stores") == 1
    log_file = log_path(data_dir)
    assert run.err == (
        "Something unexpected went wrong and the action did not finish. The details are in the log: "
        f"{log_file}. Please send that file to support.\n"
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: a bug with a secret-free message" in logged
    assert run("--lang", "zh_CN", "stores") == 1 and f"详细信息已写入日志：{log_file}" in run.err
    code, data = run.json("stores")
    assert code == 1 and data["error"]["code"] == "unexpected" and "Traceback" not in run.out
    json.dumps(data)  # plain JSON


def test_the_windows_last_resort_logs_and_speaks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from console.ui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(tmp_path, lambda: "zh_CN")
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert "出现意外错误" in err and str(log_path(tmp_path)) in err and "Traceback" not in err
    assert "ValueError: boom" in log_path(tmp_path).read_text(encoding="utf-8")

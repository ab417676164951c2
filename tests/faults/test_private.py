"""Private by default (issue #13): the log folder 0700 and every log file 0600, whatever the
umask, rotated ones included; a log an older release left 0644 is narrowed."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.wiring.logfile import log_to_file
from console.wiring.paths import log_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common desktop umask (022) that would leave new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def own_handlers() -> Iterator[None]:
    """log_to_file adds a handler to the root logger: remove (and close) the ones a test added."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_the_log_folder_and_file_are_private(tmp_path: Path, open_umask: None, own_handlers: None) -> None:
    path = log_to_file(tmp_path)
    assert path == log_path(tmp_path)
    logging.getLogger("test").warning("store tb-1 changed")
    assert mode(path.parent) == 0o700 and mode(path) == 0o600
    assert "store tb-1 changed" in path.read_text(encoding="utf-8")


def test_rotated_logs_stay_private(tmp_path: Path, open_umask: None, own_handlers: None) -> None:
    path = log_to_file(tmp_path)
    assert path is not None
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path))
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("test").warning("after the rollover")
    assert mode(path) == 0o600 and mode(path.with_name("console.log.1")) == 0o600
    assert "after the rollover" in path.read_text(encoding="utf-8")


def test_an_old_open_log_is_narrowed(tmp_path: Path, open_umask: None, own_handlers: None) -> None:
    old = log_path(tmp_path)
    old.parent.mkdir(mode=0o755)
    old.write_text("earlier lines\n", encoding="utf-8")
    old.chmod(0o644)
    assert log_to_file(tmp_path) == old
    logging.getLogger("test").warning("appended")
    assert mode(old.parent) == 0o700 and mode(old) == 0o600
    assert old.read_text(encoding="utf-8").startswith("earlier lines\n")  # appended, not replaced


class FullDisk:
    """A stream on a drive with no space left."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_log_line_that_cannot_be_written_prints_no_traceback(
    tmp_path: Path, own_handlers: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = log_to_file(tmp_path)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path))
    handler.stream = FullDisk()  # type: ignore[attr-defined]
    logging.getLogger("test").error("the disk filled up")
    assert "Traceback" not in capsys.readouterr().err


# -- after a full run of both faces ----------------------------------------------------------------------
def _open_files(folder: Path) -> list[str]:
    """Every file or folder under ``folder`` that its group or other accounts may read."""
    return sorted(
        f"{p.relative_to(folder)} {oct(mode(p))}"
        for p in [folder, *folder.rglob("*")]
        if mode(p) & 0o077 and not p.is_symlink()
    )


@pytest.fixture
def umask_022() -> Iterator[None]:
    """Listed before ``window``: the window's context is built under the open umask too."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_nothing_the_app_creates_is_readable_by_others(
    umask_022: None,
    own_handlers: None,
    ui_data_dir: Path,
    window: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI and the window on one data folder, a full round: list, change, feedback, sync
    (offline), activity, a crash report in the log, a settings save, a flip and a CSV export
    from the window, the window's own state. Then no file or folder there is open to others."""
    from console import cli
    from console.core.model import Method
    from console.wiring.config import AppConfig, save_config
    from tests.helpers.factories import FIXED_NOW

    folder = ui_data_dir
    monkeypatch.setenv("MERCHANT_CONSOLE_APP_SECRET", "s")
    env = {"LANG": "en_US.UTF-8"}

    def cli_run(*argv: str) -> int:
        return cli.main(["--data-dir", str(folder), *argv], environ=env, clock=lambda: FIXED_NOW)

    assert cli_run("stores") == 0
    assert cli_run("set-method", "tb-live", "alipay", "off") == 0
    assert cli_run("feedback", "a-open", "please phase it in") == 0
    assert cli_run("--platform", "http://127.0.0.1:9", "--app-key", "k", "sync") == 4
    assert cli_run("activity") == 0

    def bug(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug, logged")

    with monkeypatch.context() as m:
        m.setattr("console.service.ConsoleService.list_stores", bug)
        assert cli_run("stores") == 1  # the crash report goes to logs/console.log
    save_config(folder, AppConfig())

    window.ctx.service.set_method("tb-live", Method.ALIPAY, True)  # the window's own connection
    view = window.show_view("activity")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    (folder / "exports").mkdir(mode=0o700)
    assert view.export_csv(folder / "exports" / "activity.csv") > 0
    window.close()  # saves the window's state (ui.ini)
    window.ctx.settings.sync()

    assert log_path(folder).exists() and (folder / "ui.ini").exists()
    assert _open_files(folder) == []

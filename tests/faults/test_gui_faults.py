"""The window's main actions under storage faults (issue #13), with real widgets: turning a
method off, sending feedback, retrying a change and exporting. The merchant reads the fault
named for what it is (never "our side", never "damaged"), in the window's language, and every
saved row is as it was. The last-resort hook words a storage fault the same way.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.core.model import Method
from console.storage import db as dbmod
from console.ui.widgets import dialogs
from console.wiring.paths import log_path
from tests.faults.faults import snapshot, storage_fault
from tests.ui.views_support import chinese

SAYS = {
    "full": ("is full. Free some space on that drive", "磁盘空间不足"),
    "read_only": ("is read-only, so nothing can be saved", "是只读的"),
    "busy": ("Another program is using the data file", "另一个程序正在使用数据文件"),
}


class Answers:
    """Every box the window shows, recorded; questions answered yes."""

    def __init__(self) -> None:
        self.told: list[tuple[str, str]] = []

    def ask(self, parent: Any, title: str, text: str, ok_text: str, detail: str = "") -> bool:
        return True

    def tell(self, parent: Any, title: str, text: str, detail: str = "", *, warning: bool = False) -> None:
        self.told.append((title, text))


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    a = Answers()
    monkeypatch.setattr(dialogs, "ask", a.ask)
    monkeypatch.setattr(dialogs, "tell", a.tell)
    return a


@pytest.fixture(params=["full", "read_only"])
def fault(
    request: pytest.FixtureRequest, ui_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The fault is there before the window opens its connections (reading still works)."""
    with storage_fault(request.param, ui_data_dir / "console.db", monkeypatch):
        yield request.param


@pytest.fixture
def before(ui_data_dir: Path) -> dict[str, Any]:
    return snapshot(ui_data_dir / "console.db")


def _flip_off(qtbot: Any, window: Any, answers: Answers) -> str:
    window.stores.select_store("tb-live")
    detail = window.stores.detail
    qtbot.waitUntil(lambda: detail.store_id == "tb-live")
    detail.cards[Method.WECHAT_PAY].switch.click()
    qtbot.waitUntil(lambda: bool(answers.told))
    title, text = answers.told.pop()
    return f"{title}\n{text}"


def test_turning_a_method_off_names_the_fault(
    qtbot: Any, before: dict[str, Any], fault: str, window: Any, answers: Answers, ui_data_dir: Path
) -> None:
    said = _flip_off(qtbot, window, answers)
    assert said.startswith("The change was not made\n") and SAYS[fault][0] in said
    assert "our side" not in said and "damaged" not in said
    qtbot.waitUntil(lambda: not window.stores.detail._busy)
    with chinese(window.ctx):
        said = _flip_off(qtbot, window, answers)
    assert SAYS[fault][1] in said and "损坏" not in said
    assert snapshot(ui_data_dir / "console.db") == before


def test_sending_feedback_names_the_fault(
    qtbot: Any, before: dict[str, Any], fault: str, window: Any, ui_data_dir: Path
) -> None:
    view = window.show_view("announcements")
    qtbot.waitUntil(lambda: view.current() is not None)
    view.select("a-open")
    view.feedback_edit.setPlainText("Please phase the new fee in over three months.")
    view.send_button.click()
    qtbot.waitUntil(lambda: SAYS[fault][0] in view.feedback_message.text())
    assert view.feedback_edit.toPlainText().startswith("Please phase")  # what was typed is kept
    assert "could not be saved on this computer" not in view.feedback_message.text()
    assert snapshot(ui_data_dir / "console.db") == before


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections the window opens wait 0.1 s for a lock, not 5 s."""
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)


def test_a_file_held_by_another_program_is_named_when_turning_a_method_off(
    qtbot: Any,
    quick_busy: None,
    before: dict[str, Any],
    window: Any,
    answers: Answers,
    ui_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.stores.select_store("tb-live")
    qtbot.waitUntil(lambda: window.stores.detail.store_id == "tb-live")
    with storage_fault("writer", ui_data_dir / "console.db", monkeypatch):
        said = _flip_off(qtbot, window, answers)
        qtbot.waitUntil(lambda: not window.stores.detail._busy)
    assert SAYS["busy"][0] in said and "our side" not in said
    assert snapshot(ui_data_dir / "console.db") == before


# -- exports ------------------------------------------------------------------------------------------
@pytest.fixture
def activity(qtbot: Any, window: Any) -> Any:
    window.ctx.service.set_method("tb-live", Method.WECHAT_PAY, False)
    view = window.show_view("activity")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    return view


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_export_is_private_whatever_the_umask(activity: Any, tmp_path: Path) -> None:
    target = tmp_path / "activity.csv"
    target.write_text("an older, longer file that must not leave a tail behind\n" * 50)
    target.chmod(0o644)
    old = os.umask(0o022)
    try:
        assert activity.export_csv(target) >= 1
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "must not leave a tail" not in target.read_text(encoding="utf-8-sig")


def test_an_export_to_a_full_drive_says_so(
    activity: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr("console.ui.views.activity.create_export", full)
    target = tmp_path / "activity.csv"
    monkeypatch.setattr(
        "console.ui.views.activity.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    activity._ask_export()
    assert activity.message.text() == (
        f"The drive is full, so {target} could not be saved. Free some space or choose another place."
    )
    with chinese(activity.ctx):
        activity._ask_export()
        assert activity.message.text() == f"磁盘空间不足，无法保存到 {target}。请腾出空间或换一个位置后重试。"


def test_an_export_to_a_folder_that_is_not_there_says_so(
    activity: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gone" / "activity.csv"
    monkeypatch.setattr(
        "console.ui.views.activity.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    activity._ask_export()
    assert activity.message.text() == f"{target} could not be saved. Try again or choose another place."
    assert "No such file" not in activity.message.text()  # never the OS's English


# -- the last resort ---------------------------------------------------------------------------------------
def test_the_last_resort_names_a_storage_fault_without_calling_it_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.storage.errors import StorageError, StorageProblem
    from console.ui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    install_excepthook(tmp_path, lambda: "zh_CN", shown.append)
    exc = StorageError(StorageProblem.FULL, tmp_path / "console.db", "database or disk is full")
    sys.excepthook(type(exc), exc, None)
    err = capsys.readouterr().err
    assert shown == [err.strip()] and "磁盘空间不足" in err and "意外" not in err
    assert "Traceback" not in err and not log_path(tmp_path).exists()  # not a bug: no crash report

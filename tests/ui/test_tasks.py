"""TaskRunner: results on the GUI thread, own connection per lane, progress, cancel, errors."""

from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlite_utils
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from console.ui.tasks import Cancelled, Task, TaskRunner


@pytest.fixture
def runner(qtbot, tmp_path):
    path = tmp_path / "t.db"

    def open_db() -> sqlite_utils.Database:
        return sqlite_utils.Database(sqlite3.connect(str(path)))

    r = TaskRunner(open_db, make_service=lambda db: db)  # type: ignore[arg-type, return-value]
    yield r
    r.shutdown()


def test_result_comes_back_on_gui_thread(qtbot, runner):
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def job(task: Task) -> str:
        seen["worker"] = threading.current_thread().name
        return "ok"

    def done(value: str) -> None:
        seen["value"] = value
        seen["thread_ok"] = QThread.currentThread() is gui

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(job, on_done=done)
    assert seen["value"] == "ok" and seen["thread_ok"] is True
    assert seen["worker"] != threading.main_thread().name


def test_each_lane_has_its_own_connection(qtbot, runner):
    db_lane: list[int] = []
    net_lane: list[int] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(lambda t: id(t.db.conn), on_done=db_lane.append, db=True)
        runner.run(lambda t: id(t.db.conn), on_done=db_lane.append, db=True)
        runner.run(lambda t: id(t.db.conn), on_done=net_lane.append, db=False)
    assert db_lane[0] == db_lane[1] and net_lane[0] != db_lane[0]


def test_progress_and_cancel(qtbot, runner):
    gate = threading.Event()
    progress: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def job(task: Task) -> int:
        task.progress(1, 10)
        gate.wait(5)
        task.token.check()
        return 1

    handle = runner.run(job, on_done=lambda v: None, on_error=errors.append,
                        on_progress=lambda d, t, _s: progress.append((d, t)))
    qtbot.waitUntil(lambda: progress == [(1, 10)])
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)


def test_unhandled_error_is_reported(qtbot, runner):
    def boom(task: Task) -> None:
        raise ValueError("bug")

    with qtbot.waitSignal(runner.failed) as blocker:
        runner.run(boom, on_done=lambda v: None)
    assert isinstance(blocker.args[0], ValueError)


def test_result_for_deleted_owner_is_dropped(qtbot, runner):
    class Owner(QWidget):
        def got(self, value: object) -> None:  # pragma: no cover - must not run
            raise AssertionError("called on a deleted widget")

    owner = Owner()
    gate = threading.Event()
    runner.run(lambda t: gate.wait(5), on_done=owner.got)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        gate.set()


def test_a_job_asked_for_while_closing_never_runs(qtbot, runner):
    """A view refreshing as the window closes (a selection change during teardown) must not
    crash the app on the way out: the runner hands back a finished, cancelled handle."""
    runner.shutdown()
    ran: list[str] = []
    handle = runner.run(lambda task: ran.append("ran"), on_done=lambda _: ran.append("done"))
    assert handle.done and handle.token.cancelled
    qtbot.wait(50)
    assert ran == []

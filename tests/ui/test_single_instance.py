"""One app per data directory: a second start hands over to the first and exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.ui.single_instance import LOCK_FILE_NAME, SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[2]

# A second process: exit 0 when another instance owns the dir (as the app does), 3 when it became
# the owner itself; with "hold", stay the owner until killed (prints READY once listening).
CHILD = """
import sys, time
from PySide6.QtCore import QCoreApplication
from console.ui.single_instance import SingleInstance
app = QCoreApplication([])
inst = SingleInstance("merchant-console-test", sys.argv[1], parent=app)
if not inst.try_become_primary():
    sys.exit(0)
if len(sys.argv) > 2 and sys.argv[2] == "hold":
    print("READY", flush=True)
    time.sleep(120)
sys.exit(3)
"""


def start_child(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), *args],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def wait_exit(qtbot, proc: subprocess.Popen[str], timeout_s: float = 15) -> int:
    """Wait for the child while the Qt event loop keeps serving our local server."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=int(timeout_s * 1000))
    return proc.returncode


@pytest.fixture
def primary(qtbot, tmp_path):
    inst = SingleInstance("merchant-console-test", tmp_path / "data")
    assert inst.try_become_primary()
    yield inst
    inst.release()


def test_second_start_activates_the_first_and_exits_0(qtbot, primary, tmp_path):
    with qtbot.waitSignal(primary.activated_by_second_instance, timeout=15000):
        child = start_child(tmp_path / "data")
    assert wait_exit(qtbot, child) == 0


def test_second_start_in_the_same_process_is_refused(qtbot, primary, tmp_path):
    again = SingleInstance("merchant-console-test", tmp_path / "data", connect_timeout_ms=1000)
    # The owner lives in this thread: it cannot answer while we block, but the lock refuses.
    assert again.try_become_primary() is False


def test_another_data_dir_runs_side_by_side(qtbot, primary, tmp_path):
    child = start_child(tmp_path / "other")
    assert wait_exit(qtbot, child) == 3  # it became the owner of its own dir
    assert server_name("merchant-console-test", tmp_path / "data") != server_name(
        "merchant-console-test", tmp_path / "other"
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_lock_and_socket_left_by_a_crash_are_taken_over(qtbot, tmp_path):
    data = tmp_path / "data"
    owner = start_child(data, "hold")
    assert owner.stdout is not None
    assert owner.stdout.readline().strip() == "READY"
    os.kill(owner.pid, signal.SIGKILL)
    owner.wait(10)
    assert (data / LOCK_FILE_NAME).exists()  # left behind, like the socket file

    inst = SingleInstance("merchant-console-test", data)
    assert inst.try_become_primary()  # stale lock detected (dead PID), stale socket removed
    try:
        with qtbot.waitSignal(inst.activated_by_second_instance, timeout=15000):
            child = start_child(data)
        assert wait_exit(qtbot, child) == 0
    finally:
        inst.release()


def test_release_lets_the_next_start_own_the_dir(qtbot, tmp_path):
    first = SingleInstance("merchant-console-test", tmp_path / "d")
    assert first.try_become_primary()
    first.release()
    child = start_child(tmp_path / "d")
    assert wait_exit(qtbot, child) == 3


def test_raise_window_shows_a_hidden_window(qtbot):
    from PySide6.QtWidgets import QWidget

    from console.ui.single_instance import raise_window

    w = QWidget()
    qtbot.addWidget(w)
    assert not w.isVisible()
    raise_window(w)
    assert w.isVisible()


def test_the_real_app_started_twice_keeps_one_window(qtbot, tmp_path):
    """Through main.py: the second start of the console on the same data folder exits 0 at once,
    without opening the database, while the first keeps running."""
    data = tmp_path / "app-data"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MERCHANT_CONSOLE_REPORT_FIRST_PAINT="1",
        MERCHANT_CONSOLE_APP_SECRET="s3cret-never-in-logs",
    )
    # a closed port as the platform: no embedded server, the window still opens (offline)
    argv = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "--platform", "http://127.0.0.1:9"]
    first = subprocess.Popen([*argv, "--app-key", "k"], env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert first.stdout is not None
        line = first.stdout.readline()
        assert line.startswith("FIRST_PAINT"), line
        second = subprocess.run(
            [*argv, "--app-key", "k"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert second.returncode == 0
        assert "FIRST_PAINT" not in second.stdout  # it never built a window
        assert first.poll() is None  # the first one is still there
        # where "details are in the log" points a merchant who started the app from the menu
        log_file = data / "logs" / "console.log"  # opened once its stores are on screen
        deadline = time.monotonic() + 30
        while not log_file.is_file() and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        assert log_file.is_file()
        assert "s3cret-never-in-logs" not in log_file.read_text("utf-8")
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.wait(15)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait(5)

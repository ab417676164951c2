"""The start-up yardstick: a bare QMainWindow, frozen with the same spec as the app.

    make package BUILD_ARGS="--baseline --measure 5"     # freeze it and measure (dist/baseline-window)
    python packaging/baseline/baseline_window.py         # unfrozen, for comparison

Speaks the app's start-up contract: with MERCHANT_CONSOLE_REPORT_FIRST_PAINT=1 it prints
``FIRST_PAINT <ms>`` (milliseconds from the start of the process — on Linux read from /proc, so
a frozen build's bootloader is included, exactly as console/ui/app.py counts — to the window's
first paint event) and with MERCHANT_CONSOLE_QUIT_AFTER_PAINT=1 it quits right after. The difference between
the app and this window is what the app's own start-up costs; the rest is Python, Qt and the
PyInstaller bootloader.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def ms_since_process_start() -> float:
    """The same clock as console/ui/app.py: process start time from /proc (Linux), else import."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # starttime, in clock ticks since boot
        hz = os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / hz) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - T0) * 1000.0


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            if os.environ.get("MERCHANT_CONSOLE_REPORT_FIRST_PAINT") == "1":
                print(f"FIRST_PAINT {ms_since_process_start():.1f}", flush=True)
            if os.environ.get("MERCHANT_CONSOLE_QUIT_AFTER_PAINT") == "1":
                QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Baseline window")
    window.resize(1280, 800)  # the size the app opens at: a fair yardstick
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

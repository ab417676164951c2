"""The yardstick for start-up and memory: a bare QMainWindow that paints and quits.

It speaks the app's start-up contract (console/ui/app.py) so it is measured the same way:
with MERCHANT_CONSOLE_REPORT_FIRST_PAINT=1 it prints ``FIRST_PAINT <ms since process start>``
at its first paint event, and with MERCHANT_CONSOLE_QUIT_AFTER_PAINT=1 it quits right after.
Same window size as the app (1280×800), same offscreen platform, same interpreter.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def ms_since_process_start() -> float:
    """The app's clock: process start time from /proc (Linux)."""
    with open("/proc/self/stat", "rb") as fh:
        fields = fh.read().rsplit(b")", 1)[1].split()
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")) * 1000.0


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
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Baseline window")
    window.resize(1280, 800)
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""The real app with a bench driver in place of the sync worker (run as a child process).

    python -m bench.cases.app_child --data-dir D [--scroll] [--filter] [--letters s7q]

It runs ``console.cli.main`` exactly like ``main.py`` (QApplication, theme, translators, the
main window, the stores list loaded on the db lane after the first paint), except that
``Shell.start_sync`` is replaced: no platform is contacted. Once the stores page has loaded it:

* ``--scroll``: scrolls the stores table from the first row to the last, a page at a time,
  letting every page paint, then reports the peak RSS (VmHWM) so far;
* ``--filter``: types letters into the list, timing each keystroke from the call to the end of
  the event processing that follows (model reset, view layout, paint), two ways:
  ``model`` — ``StoresModel.set_filter`` alone (the model the view uses), and
  ``view`` — a key press in the real search box (``StoresView``: filter, chip counts, keeping
  the selection). One warm-up pass, then one measured pass.

Output: ``KEY value`` lines on stdout (values in ms or KB; lists as JSON).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any


def vm_hwm_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def say(key: str, value: Any) -> None:
    print(f"{key} {value if isinstance(value, str | int | float) else json.dumps(value)}", flush=True)


def drive(shell: Any, opts: argparse.Namespace, t_refresh: float) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from console.service import StoreFilter
    from console.ui.models.stores_model import RowFilter

    app = QApplication.instance()
    assert app is not None
    view = shell.window.stores
    model = view.model
    say("LOADED_MS", round((time.perf_counter() - t_refresh) * 1000, 1))
    say("ROWS", model.rowCount())
    say("PEAK_KB_LOADED", vm_hwm_kb())

    def settle() -> None:  # the work a keystroke leaves queued: delayed layout, then paint
        app.processEvents()
        app.processEvents()

    if opts.scroll:
        bar = view.table.verticalScrollBar()
        settle()
        t0 = time.perf_counter()
        steps, value = 0, 0
        while True:
            bar.setValue(value)
            app.processEvents()
            steps += 1
            if value >= bar.maximum():
                break
            value = min(value + max(1, bar.pageStep()), bar.maximum())
        say("SCROLL_MS", round((time.perf_counter() - t0) * 1000, 1))
        say("SCROLL_STEPS", steps)
        say("PEAK_KB_SCROLLED", vm_hwm_kb())

    if opts.filter:
        letters = list(opts.letters)
        model_ms: list[list[float]] = []
        view_ms: list[list[float]] = []
        shown: dict[str, int] = {}
        for _pass in range(2):  # a warm-up pass, then the measured one
            times = []
            for letter in letters:
                t0 = time.perf_counter()
                model.set_filter(RowFilter(StoreFilter(text=letter)))
                settle()
                times.append((time.perf_counter() - t0) * 1000)
                shown[letter] = model.rowCount()
                model.set_filter(RowFilter())
                settle()
            model_ms.append(times)
            times = []
            for letter in letters:
                t0 = time.perf_counter()
                QTest.keyClicks(view.search, letter)
                settle()
                times.append((time.perf_counter() - t0) * 1000)
                if view.search.text() != letter or model.rowCount() != shown[letter]:
                    raise RuntimeError(f"typing {letter!r} did not filter the list ({view.search.text()!r})")
                view.search.clear()
                settle()
            view_ms.append(times)
        say("FILTER_SHOWN", shown)
        say("FILTER_MODEL_MS", model_ms[-1])
        say("FILTER_VIEW_MS", view_ms[-1])
    say("PEAK_KB_END", vm_hwm_kb())
    QTimer.singleShot(0, app.quit)


def safely(shell: Any, opts: argparse.Namespace, t_refresh: float) -> None:
    """A failure ends the app with exit code 3 instead of leaving it running."""
    try:
        drive(shell, opts, t_refresh)
    except BaseException:
        import traceback

        from PySide6.QtWidgets import QApplication

        traceback.print_exc()
        app = QApplication.instance()
        if app is not None:
            app.exit(3)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--scroll", action="store_true")
    ap.add_argument("--filter", action="store_true")
    ap.add_argument("--letters", default="s7q")
    opts = ap.parse_args()

    from console import cli
    from console.ui import app as appmod

    def start_sync(self: Any, **_kw: Any) -> None:
        # run_gui's after-paint step: stores.refresh() was just called; drive once it has loaded
        t_refresh = time.perf_counter()
        done: list[bool] = []

        def loaded() -> None:
            if not done:
                done.append(True)
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, lambda: safely(self, opts, t_refresh))

        self.window.stores.loaded.connect(loaded)

    appmod.Shell.start_sync = start_sync  # type: ignore[method-assign]
    return cli.main(["--data-dir", opts.data_dir, "--lang", opts.lang])


if __name__ == "__main__":
    sys.exit(main())

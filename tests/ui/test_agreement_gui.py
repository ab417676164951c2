"""The window's surfaces agree with the outbox after every generated step: the status bar's
sentence and count, the banner and the pending page's rows.

600 generated steps (15 sequences of up to 40). The same machine as
tests/service/test_agreement.py (tests/helpers/agreement.py) with the window added: passes are
run by the real engine against the fake platform, and the window learns the state as it does
after its own passes (the sync worker re-derives it). Seeded, no deadline.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from console.core.sync_state import Headline, Severity
from console.words.status import headline_text
from tests.helpers.agreement import Agreement, Seen

_COUNT = re.compile(r"· (\d+) changes? waiting$")


def status_bar(m: Any) -> Seen:
    """The sentence is the state's headline; the waiting count is said once, in it or after it."""
    state = m.service.sync_status(working_offline=m.working_offline)
    text = m.window.pending_label.text()
    headline = headline_text(state, "en")
    assert text.startswith(headline), (text, headline)
    found = _COUNT.search(text)
    waiting: int | None = int(found.group(1)) if found else None
    if waiting is None:
        if state.headline in (Headline.WAITING, Headline.SENDING):
            waiting = int(re.findall(r"\d+", headline)[0])
        elif state.headline is not Headline.WORKING_OFFLINE:
            waiting = 0
    refused = len(state.refused) if state.headline is Headline.REFUSED else None
    if refused is not None:
        assert f"refused {refused} change" in text
    return Seen("status bar", waiting, refused, state.headline.value)


def banner(m: Any) -> Seen:
    """Shown exactly when the state needs the merchant, with the status bar's sentence."""
    state = m.service.sync_status(working_offline=m.working_offline)
    shown = not m.window.banner.isHidden() and m.window.banner.topic == "sync"  # window not shown
    dismissed = m.window.banner._dismissed == (state.headline, headline_text(state, "en"))
    assert shown == (state.severity >= Severity.ERROR and not dismissed), (state.headline, shown)
    refused = None
    if shown:
        assert m.window.banner.label.text() == headline_text(state, "en")
        if state.headline is Headline.REFUSED:
            refused = int(re.findall(r"\d+", m.window.banner.label.text())[0])
    return Seen("banner", None, refused, None)


def pending_page(m: Any) -> Seen:
    """The rows of "Waiting to sync", once the db lane answered."""
    truth = m.truth()
    page = m.pending
    page.refresh()

    def counts() -> tuple[int, int]:
        refused = sum(1 for c in page.changes if c.status == "refused")
        return len(page.changes) - refused, refused

    # the page loads on the db lane: wait for an answer that has caught up (a stale one of the
    # same length is not enough); one that never does fails here, with what it showed
    expected = (truth.queued + truth.in_flight, truth.refused)
    with contextlib.suppress(Exception):  # the assertion in the machine says what it showed
        m.qtbot.waitUntil(lambda: counts() == expected, timeout=5_000)
    waiting, refused = counts()
    return Seen("pending page", waiting, refused, None)


class WindowAgreement(Agreement):
    qtbot: Any
    qapp: Any
    surfaces = (status_bar, banner, pending_page)

    def on_setup(self) -> None:
        from console.ui.app import build_context
        from console.ui.main_window import MainWindow
        from console.ui.sync_worker import SyncWorker

        self.ctx = build_context(type(self).qapp, self.data_dir, "en", clock=self.clock)
        self.window = MainWindow(self.ctx)
        self.worker = SyncWorker(self.ctx)
        self.window.sync_worker = self.worker
        self.worker.status_changed.connect(self.window.show_sync_status)
        self.pending = self.window.view("pending")
        self.worker.refresh_pending()

    def on_teardown(self) -> None:
        if hasattr(self, "worker"):
            self.worker.shutdown()
            self.ctx.tasks.shutdown()
            self.window.close()
            self.window.deleteLater()
            service = self.ctx.service
            close = getattr(service, "close", None)
            if callable(close):
                close()

    def before_check(self) -> None:
        self.worker.set_work_offline(self.working_offline)
        self.worker.refresh_pending()  # what the worker does after each pass and change


def test_the_window_agrees_with_the_outbox(qtbot: Any, qapp: Any) -> None:
    root = Path(tempfile.mkdtemp(prefix="agreement-gui-"))
    counter = iter(range(1_000_000))

    class Machine(WindowAgreement):
        data_dir_factory = staticmethod(lambda: root / f"run-{next(counter)}")  # type: ignore[assignment]

    Machine.qtbot = qtbot
    Machine.qapp = qapp
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=15,
            stateful_step_count=40,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )

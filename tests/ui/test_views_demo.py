"""Demo controls (issue #10), driven through the real widgets against a real demo platform.

The window is built as the app builds it (its own platform clock, the real sync worker on the
net lane) and connected to the stub as a child process with its admin API. Each click runs the
demo action off the GUI thread, then a sync pass; the test waits for that pass's report (signals
and conditions, never sleeps) and checks what a merchant would see: the page's words in their
language, the stores after the sync, the window's "now" on the platform's calendar.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.core.model import Eligibility
from console.ui.app import build_context
from console.ui.context import UiContext
from console.ui.i18n import Translations
from console.ui.main_window import NAV, MainWindow
from console.ui.sync_worker import PlatformChoice, SyncWorker
from console.ui.views.demo import DemoView
from tests.sync.stubproc import StubProcess

PASS_MS = 30_000  # a demo action and the sync after it on a loaded machine


@pytest.fixture
def stub(tmp_path: Path) -> Iterator[StubProcess]:
    server = StubProcess(tmp_path / "platform").start()
    yield server
    server.stop()


@dataclass
class Played:
    ctx: UiContext
    worker: SyncWorker
    window: MainWindow
    view: DemoView


def _play(qtbot: Any, qapp: Any, tmp_path: Path, stub: StubProcess, lang: str) -> Iterator[Played]:
    Translations().apply(qapp, lang)
    ctx = build_context(qapp, tmp_path / "console", lang)  # the app's own clock
    demo = stub.demo
    assert demo is not None
    worker = SyncWorker(ctx, choice=PlatformChoice(stub.url, demo.app_key, demo.app_secret))
    window = MainWindow(ctx)
    window.sync_worker = worker
    qtbot.addWidget(window)
    demo_row = window.sidebar.item(NAV.index("demo"))
    assert demo_row.isHidden()  # not before the platform is known to be the demo one
    with qtbot.waitSignal(worker.report_ready, timeout=PASS_MS):
        worker.start()
    assert not demo_row.isHidden()
    window.resize(1024, 700)
    window.show()
    view = window.show_view("demo")
    assert isinstance(view, DemoView)
    qtbot.waitUntil(lambda: bool(view.events), timeout=PASS_MS)
    try:
        yield Played(ctx, worker, window, view)
    finally:
        worker.shutdown()
        ctx.tasks.shutdown()
        worker.close()
        Translations().apply(qapp, "en")


@pytest.fixture
def played_en(qtbot: Any, qapp: Any, tmp_path: Path, stub: StubProcess) -> Iterator[Played]:
    yield from _play(qtbot, qapp, tmp_path, stub, "en")


@pytest.fixture
def played_zh(qtbot: Any, qapp: Any, tmp_path: Path, stub: StubProcess) -> Iterator[Played]:
    yield from _play(qtbot, qapp, tmp_path, stub, "zh_CN")


def _click_and_sync(qtbot: Any, p: Played, button: Any) -> str:
    """Click, wait for the action and the sync pass after it; the page's "What changed"."""
    assert button.isEnabled()
    with qtbot.waitSignal(p.worker.report_ready, timeout=PASS_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.view.busy, timeout=PASS_MS)
    return str(p.view.result.toPlainText())


def _eligibility(ctx: UiContext, store_id: str) -> Eligibility:
    return next(r.wechat_eligibility for r in ctx.service.list_stores() if r.id == store_id)


def test_advance_review_and_next_event_in_english(qtbot: Any, played_en: Played) -> None:
    p = played_en
    view = p.view
    assert view.title.text() == "Demo controls"
    first = view.events[0]
    assert view.next_button.toolTip() == f"To the next event: {first.name('en')}"  # text may be elided
    assert view.upcoming.count() == len(view.events)

    # the seed's pending review, rejected with a reason chosen in the list
    view.review_store.setEditText("tb-000005")
    view.reason.setCurrentIndex(view.reason.findData("LICENSE_MISMATCH"))
    said = _click_and_sync(qtbot, p, view.reject_button)
    assert said == "The review of tb-000005 was rejected: LICENSE_MISMATCH."
    assert _eligibility(p.ctx, "tb-000005") is Eligibility.REJECTED  # synced into the window

    # a week: the window's "now" follows the platform's calendar, not this PC's
    before = p.ctx.clock()
    said = _click_and_sync(qtbot, p, view.week_button)
    assert said.startswith("The platform clock now reads")
    # the platform's time travels in whole seconds (X-Platform-Time), so allow the one second
    assert p.ctx.clock() - before >= timedelta(days=7) - timedelta(seconds=1)

    # to the next event: named on the button, then among the events passed
    qtbot.waitUntil(lambda: view.next_button.isEnabled() and bool(view.events), timeout=PASS_MS)
    name = view.events[0].name("en")
    assert view.next_button.toolTip().endswith(name)
    said = _click_and_sync(qtbot, p, view.next_button)
    assert "Events passed:" in said and name in said


def test_rule_change_offline_and_bad_input_in_chinese(qtbot: Any, qapp: Any, played_zh: Played) -> None:
    p = played_zh
    view = p.view
    assert view.title.text() == "演示控制"
    assert view.week_button.text() == "前进 1 周"

    # bad input: said in Chinese, nothing sent, nothing changed
    events_before = list(view.events)
    view.fee.setText("abc")
    qtbot.mouseClick(view.publish_button, Qt.MouseButton.LeftButton)
    assert view.result.toPlainText() == "无法识别费率“abc”：例如 0.6%。"
    assert not view.busy and view.events == events_before

    view.fee.setText("0.4%")
    view.opinion_days.setValue(5)
    view.effective_days.setValue(10)
    said = _click_and_sync(qtbot, p, view.publish_button)
    assert said.startswith("已发布规则变更")
    assert any(a.title.get("zh_CN").startswith("费率调整 0.4%") for a in p.ctx.service.announcements())
    qtbot.waitUntil(lambda: any(e.kind == "takes_effect" for e in view.events), timeout=PASS_MS)

    said = _click_and_sync(qtbot, p, view.offline_button)
    assert said == "演示平台已离线：同步会失败，修改保留在本机。"
    assert p.worker.status.error == "server"  # the status bar says the platform has a problem
    said = _click_and_sync(qtbot, p, view.online_button)
    assert said == "演示平台已恢复在线。"
    assert p.worker.status.error is None and p.worker.status.online

    # the language switch re-says what changed
    p.ctx.lang = "en"
    Translations().apply(qapp, "en")  # Qt sends LanguageChange: the page re-says everything
    qtbot.waitUntil(lambda: view.result.toPlainText() == "The demo platform is back online.")
    assert view.week_button.text() == "Advance 1 week"

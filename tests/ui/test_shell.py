"""The main window with real widgets over a local database: list, detail, flips, refusals,
bulk, pending, settings, language and the status bar. Signals are awaited, never slept on."""

from __future__ import annotations

import socket

import pytest

from console.core.model import Method
from console.ui.models.stores_model import Col
from console.ui.widgets import dialogs
from tests.helpers.factories import mark_refused


@pytest.fixture
def answers(monkeypatch):
    """Record every question/explanation box; answer questions with ``answers.reply``."""

    class Answers:
        def __init__(self) -> None:
            self.reply = True
            self.asked: list[tuple[str, str]] = []
            self.told: list[tuple[str, str]] = []

    a = Answers()

    def ask(parent, title, text, ok_text, detail=""):
        a.asked.append((title, text))
        return a.reply

    def tell(parent, title, text, detail="", *, warning=False):
        a.told.append((title, text))

    monkeypatch.setattr(dialogs, "ask", ask)
    monkeypatch.setattr(dialogs, "tell", tell)
    return a


def test_window_opens_and_shows_the_stores(window):
    model = window.stores.model
    assert model.rowCount() == 5
    names = {model.data(model.index(r, Col.STORE)) for r in range(5)}
    assert "北岸家居旗舰店" in names and "Lakeside Tea House" in names
    assert window.stores.current_store_id() is not None
    assert window.stores.count.text() == "Showing 5 of 5"


def test_flip_asks_then_shows_the_new_state_and_queues_it(qtbot, window, answers):
    window.stores.select_store("tb-live")
    detail = window.stores.detail
    qtbot.waitUntil(lambda: detail.store_id == "tb-live")
    card = detail.cards[Method.WECHAT_PAY]
    assert card.switch.isChecked()
    with qtbot.waitSignal(window.ctx.events.data_changed):
        card.switch.click()
    assert answers.asked and "Turn off WeChat Pay?" in answers.asked[0][0]
    qtbot.waitUntil(lambda: not detail.cards[Method.WECHAT_PAY].switch.isChecked())
    assert "waiting to sync" in card.setting_text.text()
    assert window.ctx.service.pending_count() == 1
    changes = window.ctx.service.pending_changes()
    assert changes[0].store_id == "tb-live" and changes[0].enabled is False
    qtbot.waitUntil(lambda: window.stores.model.table.pending_count() == 1)


def test_cancelled_confirmation_changes_nothing(qtbot, window, answers):
    answers.reply = False
    window.stores.select_store("tb-live")
    qtbot.waitUntil(lambda: window.stores.detail.store_id == "tb-live")
    window.stores.detail.cards[Method.ALIPAY].switch.click()
    assert answers.asked
    assert window.ctx.service.pending_count() == 0


def test_refused_flip_explains_why(qtbot, window, answers):
    window.stores.select_store("tb-none")
    detail = window.stores.detail
    qtbot.waitUntil(lambda: detail.store_id == "tb-none")
    assert "Cannot be changed now" in detail.cards[Method.WECHAT_PAY].notice.text()
    detail.cards[Method.WECHAT_PAY].switch.click()
    assert not answers.asked
    assert answers.told and "not been invited" in answers.told[0][1]
    assert window.ctx.service.pending_count() == 0


def test_why_not_shown_is_a_chain_of_reasons(qtbot, window):
    window.stores.select_store("tm-rejected")
    detail = window.stores.detail
    qtbot.waitUntil(lambda: detail.store_id == "tm-rejected")
    card = detail.cards[Method.WECHAT_PAY]
    assert card.why_button.isVisible()
    card.why_button.click()
    assert "business licence" in card.why_text.text()


def test_filter_chips_and_search(qtbot, window):
    stores = window.stores
    stores.chips.chip("invited").click()
    assert stores.model.visible_ids() == ["tb-invited"]
    stores.chips.chip("all").click()
    stores.search.setText("北岸")
    assert stores.model.visible_ids() == ["tm-rejected"]


def test_ctrl_down_moves_to_the_next_store(qtbot, window):
    stores = window.stores
    first = stores.model.store_id(0)
    stores.select_store(first)
    window.act_next.trigger()
    assert stores.current_store_id() == stores.model.store_id(1)


def test_pending_view_retry_and_discard(qtbot, window, answers):
    svc = window.ctx.service
    svc.set_method("tb-live", Method.ALIPAY, False)
    refused = svc.pending_changes()[0]
    mark_refused(svc.db, refused.id, code="LAST_LIVE_METHOD", message="no")
    svc.set_method("tb-invited", Method.WECHAT_PAY, True)
    view = window.show_view("pending")
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    texts_ = [view.table.item(r, 4).text() for r in range(2)]
    assert any("last live payment method" in t for t in texts_)
    row = next(r for r, c in enumerate(view.changes) if c.status == "refused")
    view.table.selectRow(row)
    assert view.retry_button.isEnabled()
    with qtbot.waitSignal(window.ctx.events.data_changed):
        view.retry_button.click()
    qtbot.waitUntil(lambda: all(c.status != "refused" for c in view.changes))
    view.table.selectRow(0)
    before = len(view.changes)
    with qtbot.waitSignal(window.ctx.events.data_changed):
        view.discard_button.click()
    assert answers.asked
    qtbot.waitUntil(lambda: len(view.changes) == before - 1)


def test_language_switch_retranslates_the_open_window(qtbot, qapp, ui_ctx):
    from console.ui.app import Shell

    shell = Shell(qapp, ui_ctx, "en")
    w = shell.window
    qtbot.addWidget(w)
    w.show()
    assert w.sidebar.item(0).text() == "Stores"
    with qtbot.waitSignal(ui_ctx.events.language_changed):
        shell.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.sidebar.item(0).text() == "店铺")
    assert w.windowTitle() == "商家控制台"
    assert w.stores.title.text() == "店铺"
    assert (
        w.stores.model.headerData(Col.WECHAT, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "微信支付"
    )
    shell.set_language("en")
    qtbot.waitUntil(lambda: w.sidebar.item(0).text() == "Stores")


def test_settings_persist_across_restarts(qtbot, qapp, ui_ctx, window):
    from console.ui.main_window import MainWindow
    from console.ui.views.settings import SettingsView

    view = window.show_view("settings")
    view.interval.setValue(5)
    view.language.setCurrentIndex(view.language.findData("zh_CN"))
    window.show_view("pending")
    window.close()

    again = SettingsView(ui_ctx)
    qtbot.addWidget(again)
    assert again.interval.value() == 5
    assert again.language.currentData() == "zh_CN"
    w2 = MainWindow(ui_ctx)
    qtbot.addWidget(w2)
    w2.restore_state()
    assert w2.current_view_name() == "pending"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_status_bar_shows_offline_and_waiting_changes(qtbot, window):
    from console.ui.sync_worker import PlatformChoice, SyncWorker

    ctx = window.ctx
    worker = SyncWorker(ctx, choice=PlatformChoice(f"http://127.0.0.1:{_closed_port()}", "key", "secret"))
    window.sync_worker = worker
    ctx.service.set_method("tb-live", Method.ALIPAY, False)
    try:
        with qtbot.waitSignal(worker.report_ready, timeout=20_000):
            worker.start()
        assert worker.status.online is False
        assert window.state_label.text() == "Offline"
        # the one state: offline since the first failed pass, and what waits meanwhile
        text = window.pending_label.text()
        assert text.startswith("Offline since ") and text.endswith("; retrying · 1 change waiting")
        assert window.forward_button.isVisible() is False or window.forward_button.text() == "Retry now"
        window.offline_box.click()
        assert window.state_label.text() == "Working offline"
        assert window.pending_label.text() == "Working offline: 1 changes not synced"
    finally:
        worker.shutdown()
        ctx.tasks.shutdown()
        worker.close()


def test_news_from_a_sync_shows_a_banner_that_opens_the_store(qtbot, window):
    from datetime import UTC, datetime

    from console.sync.report import News, SyncReport

    report = SyncReport(
        pushed=0, refused=0, pulled=3, pending=0, online=True, error=None, error_detail=None,
        retry_after=None, finished_at=datetime(2026, 11, 24, 2, 0, tzinfo=UTC),
        news=[News("review_rejected", "tm-rejected", {"method": "wechat_pay"})],
    )
    window.show_report(report)
    assert window.banner.isVisible()
    assert "Reviews rejected: 1" in window.banner.label.text()
    window.banner.action.click()
    assert window.stores.current_store_id() == "tm-rejected"
    assert not window.banner.isVisible()


def test_sync_worker_against_the_embedded_demo_fills_the_list(qtbot, qapp, tmp_path):
    from console.ui.app import build_context
    from console.ui.main_window import MainWindow
    from console.ui.sync_worker import SyncWorker

    ctx = build_context(qapp, tmp_path, "en")  # empty data folder: everything comes from the platform
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    worker = SyncWorker(ctx)
    w.sync_worker = worker
    try:
        with qtbot.waitSignal(worker.report_ready, timeout=60_000) as got:
            worker.start()
        report = got.args[0]
        assert report.ok and report.pulled > 0
        assert w.state_label.text() == "Online"
        assert worker.connection is not None and worker.connection.embedded
        qtbot.waitUntil(lambda: w.stores.model.rowCount() > 0, timeout=10_000)
    finally:
        worker.shutdown()
        ctx.tasks.shutdown()
        worker.close()
        ctx.service.close()

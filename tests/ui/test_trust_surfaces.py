"""The window tells the truth: status bar, banner, tray text, pending page and the notification
list all render the one sync state and the stored news.

The sync worker runs its real passes on the net lane against the in-process fake platform
(tests/helpers/fakeplatform.py), so each pass is classified by the real engine; signals are
awaited, never slept on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.core.model import Method
from console.storage.db import open_database
from console.wiring.paths import database_path
from tests.helpers.fakeplatform import FakePlatform


class FakeDemo:
    """The embedded demo platform as the worker sees it: dead, and restarts that gave up."""

    def __init__(self) -> None:
        self.alive = True
        self.kept = 0
        self.gave_up = False

    def is_running(self) -> bool:
        return self.alive

    def keep_alive(self) -> Any:
        from console.platform.stub.embedded import Health

        self.kept += 1
        return Health.RUNNING if self.alive else Health.GAVE_UP

    def reset_restarts(self) -> None:
        self.gave_up = False


class FakeConnection:
    """What the worker needs of a resolved platform: a client per lane, the demo, close."""

    url = "http://fake.invalid"
    app_key = "app-fake"
    source = "embedded"
    embedded = True

    def __init__(self, platform: FakePlatform, demo: FakeDemo | None) -> None:
        self.platform = platform
        self.demo_platform = demo

    def client(self, **_kw: Any) -> FakePlatform:
        return self.platform

    def close(self) -> None:
        return None


@pytest.fixture
def live(qtbot: Any, window: Any, ui_data_dir: Path) -> Iterator[Any]:
    """The window with a sync worker connected to the fake platform."""
    from console.ui.sync_worker import SyncWorker

    db = open_database(database_path(ui_data_dir))
    platform = FakePlatform(db)
    db.close()
    demo = FakeDemo()
    worker = SyncWorker(window.ctx)
    window.sync_worker = worker
    worker.status_changed.connect(window.show_sync_status)
    worker.connection = FakeConnection(platform, demo)  # type: ignore[assignment]

    class Live:
        def __init__(self) -> None:
            self.window, self.worker, self.platform, self.demo = window, worker, platform, demo

        def sync(self, mode: str = "online") -> Any:
            platform.mode = mode
            with qtbot.waitSignal(worker.report_ready, timeout=20_000) as got:
                worker.request(force=True)
            return got.args[0]

    yield Live()
    worker.shutdown()
    window.ctx.tasks.shutdown()


def test_each_connection_problem_has_its_words_and_its_way_forward(qtbot: Any, live: Any) -> None:
    w = live.window
    w.ctx.service.set_method("tb-invited", Method.WECHAT_PAY, True)
    live.sync("offline")
    assert w.state_label.text() == "Offline"
    assert w.pending_label.text().startswith("Offline since 2026-11-24")
    assert w.pending_label.text().endswith("· 1 change waiting")
    assert w.forward_button.text() == "Retry now" and not w.banner.isVisible()  # it retries by itself
    live.sync("auth")
    text = "The platform refused our credentials: check the app key and secret in Settings"
    assert w.pending_label.text().startswith(text) and w.forward_button.text() == "Open Settings"
    assert w.banner.isVisible() and w.banner.label.text() == text  # banner and status bar agree
    assert w.tray is None or text in w.tray.toolTip()
    w.forward_button.click()
    assert w.stack.currentWidget() is w.view("settings")
    live.sync("clock")
    assert "clock" in w.pending_label.text() and "credentials" not in w.pending_label.text()
    live.demo.alive = False
    live.sync("offline")
    assert w.pending_label.text().startswith("The demo platform on this computer stopped")
    assert w.forward_button.text() == "Restart the demo platform" and w.banner.isVisible()
    live.demo.alive = True
    live.sync("online")
    assert w.state_label.text() == "Online" and w.pending_label.text() == "All changes synced"
    assert not w.banner.isVisible() and not w.forward_button.isVisible()


def test_refused_counts_follow_the_outbox_on_every_surface(qtbot: Any, live: Any) -> None:
    w = live.window
    w.ctx.service.set_method("tb-invited", Method.WECHAT_PAY, True)
    w.ctx.service.set_method("tb-live", Method.ALIPAY, False)
    live.platform.refuse_all = True
    live.sync("online")
    text = "The platform refused 2 changes: retry or discard them"
    assert w.pending_label.text() == text and w.banner.label.text() == text
    pending = w.show_view("pending")
    qtbot.waitUntil(lambda: len(pending.changes) == 2)
    first = w.ctx.sync_status.state.refused[0].outbox_id
    w.ctx.service.discard_change(first)
    w.ctx.events.data_changed.emit(None)  # what the pending page emits after its own discard
    qtbot.waitUntil(lambda: len(pending.changes) == 1)
    text = "The platform refused 1 changes: retry or discard them"
    assert w.pending_label.text() == text and w.banner.label.text() == text
    w.banner.dismiss()
    w.ctx.events.data_changed.emit(None)
    assert not w.banner.isVisible()  # dismissed stays dismissed while nothing changes
    w.ctx.service.discard_change(w.ctx.sync_status.state.refused[0].outbox_id)
    w.ctx.events.data_changed.emit(None)
    assert w.pending_label.text() == "All changes synced" and not w.banner.isVisible()


def _frozen(store_id: str, name: str) -> dict[str, object]:
    return {
        "id": store_id,
        "platform": "taobao",
        "name": name,
        "category": "apparel",
        "status": "frozen",
        "receive_code": f"mcpay://receive/{store_id}",
    }


def test_news_list_badge_mark_read_and_jump_to_the_store(qtbot: Any, live: Any) -> None:
    w = live.window
    live.sync("online")  # the first sync is not news
    assert w.sidebar.item(1).text() == "Notifications"
    live.platform.push("store", "tb-live", _frozen("tb-live", "Lakeside Tea House"))
    live.worker._net.engine.clock = _later(w.ctx.clock)  # time moves on between passes
    live.sync("online")
    unread = w.ctx.sync_status.unread_news
    assert unread >= 1 and w.sidebar.item(1).text() == f"Notifications ({unread})"
    news = w.show_view("news")
    qtbot.waitUntil(lambda: bool(news.items))
    frozen = [
        i
        for i in range(news.tree.topLevelItemCount())
        if "froze the store" in news.tree.topLevelItem(i).text(2)
    ]
    assert len(frozen) == 1
    item = news.tree.topLevelItem(frozen[0])
    assert item.text(1) == "tb-live" and item.font(2).bold() and item.text(0).startswith("●")
    news.tree.setCurrentItem(item)
    news.open_selected()
    assert w.stores.current_store_id() == "tb-live"
    qtbot.waitUntil(lambda: w.ctx.sync_status.unread_news == unread - 1)
    assert w.sidebar.item(1).text() == (f"Notifications ({unread - 1})" if unread > 1 else "Notifications")
    news = w.show_view("news")
    news.mark_all_read()
    qtbot.waitUntil(lambda: w.ctx.sync_status.unread_news == 0)
    assert w.sidebar.item(1).text() == "Notifications"


def _later(clock: Any) -> Any:
    from datetime import timedelta

    start = clock()
    step = [0]

    def tick() -> Any:
        step[0] += 1
        return start + timedelta(minutes=step[0])

    return tick


def test_news_list_in_chinese(qtbot: Any, live: Any, qapp: Any) -> None:
    from console.ui.i18n import Translations

    w = live.window
    live.worker._net.engine = None
    live.sync("online")
    live.worker._net.engine.clock = _later(w.ctx.clock)
    live.platform.push("store", "tb-live", _frozen("tb-live", "Lakeside Tea House"))
    live.sync("online")
    Translations().apply(qapp, "zh_CN")
    w.ctx.lang = "zh_CN"
    w.retranslateUi()
    news = w.show_view("news")
    news.retranslateUi()
    qtbot.waitUntil(lambda: bool(news.items))
    texts = [news.tree.topLevelItem(i).text(2) for i in range(news.tree.topLevelItemCount())]
    assert "平台冻结了这家店铺。" in texts and news.title.text() == "通知"
    assert w.sidebar.item(1).text().startswith("通知（")


def test_the_deadline_counts_down_only_where_it_still_matters(qtbot: Any, window: Any) -> None:
    detail = window.stores.detail
    for store_id, counts_down in (
        ("tb-invited", True),
        ("tm-rejected", True),
        ("tb-live", False),
        ("tm-review", False),
    ):
        window.stores.select_store(store_id)
        qtbot.waitUntil(lambda s=store_id: detail.store_id == s)
        qtbot.waitUntil(lambda: detail.invitation.values[2].text() != "")
        text = detail.invitation.values[2].text()
        assert ("(" in text) is counts_down, (store_id, text)


def test_the_pending_page_says_what_the_status_bar_says(qtbot: Any, live: Any) -> None:
    w = live.window
    w.ctx.service.set_method("tb-invited", Method.WECHAT_PAY, True)
    live.sync("offline")
    page = w.show_view("pending")
    qtbot.waitUntil(lambda: len(page.changes) == 1)
    assert page.state_line.text() and w.pending_label.text().startswith(page.state_line.text())

"""Announcements view over a real local test DB: list, read flags, countdown, notice, feedback."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from console.ui.context import UiContext
from console.ui.views.announcements import AnnouncementsView
from tests.helpers.factories import FIXED_NOW, mark_done
from tests.ui.views_support import chinese, make_view_db


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    return make_view_db(tmp_path)


@pytest.fixture
def ctx(ui_ctx: UiContext) -> UiContext:
    return ui_ctx


@pytest.fixture
def view(qtbot, ctx: UiContext) -> AnnouncementsView:
    v = AnnouncementsView(ctx)
    qtbot.addWidget(v)
    v.resize(1100, 760)
    v.show()
    qtbot.waitUntil(lambda: v.current() is not None)
    return v


def stored_read(ctx: UiContext, announcement_id: str) -> bool:
    a = ctx.service.announcement(announcement_id)
    assert a is not None
    return a.read


def test_lists_the_announcements_unread_in_bold(qtmodeltester, view: AnnouncementsView) -> None:
    qtmodeltester.check(view.model, force_py=True)
    ids = {a.id for a in view.model.items}
    assert ids == {"a-open", "a-closed", "a-future", "a-short"}
    opened = view.current()
    assert opened is not None
    for row, a in enumerate(view.model.items):
        font = view.model.index(row, 0).data(Qt.ItemDataRole.FontRole)
        # everything is unread in the test DB except the one the view opened
        assert font.bold() == (a.id != opened.id)


def test_opening_marks_read_and_the_toggle_marks_unread(qtbot, view: AnnouncementsView, ctx) -> None:
    view.select("a-closed")
    qtbot.waitUntil(lambda: stored_read(ctx, "a-closed"))
    assert view.read_button.text() == "Mark as unread"
    view.read_button.click()
    qtbot.waitUntil(lambda: not stored_read(ctx, "a-closed"))
    row = view.model.row_of("a-closed")
    assert view.model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert view.read_button.text() == "Mark as read"
    view.refresh()  # a reload keeps the merchant's choice
    assert view.current() is not None and not view.current().read  # type: ignore[union-attr]


def test_detail_in_the_ui_language_with_countdown(view: AnnouncementsView) -> None:
    view.select("a-open")  # opinion period closes in exactly 4 days
    assert view.detail_title.text() == "WeChat Pay fee change"
    assert view.body_label.text() == "Fees change next month."
    assert view.fact_values["countdown"].text() == "4 days left to send feedback"
    view.select("a-short")  # closes in 2 days 5 hours
    assert view.fact_values["countdown"].text() == "2 days 5 hours left to send feedback"
    view.select("a-closed")
    assert view.fact_values["countdown"].text().startswith("Opinion period closed on ")
    view.select("a-future")
    assert view.fact_values["countdown"].text() == "Opinion period opens in 2 days"


def test_short_notice_is_flagged(view: AnnouncementsView) -> None:
    view.select("a-open")  # 13 days' notice
    assert not view.notice_flag.isVisible()
    view.select("a-short")  # 4 days' notice
    assert view.notice_flag.isVisible()
    assert "4 days" in view.notice_label.text() and "7 days" in view.notice_label.text()


def test_what_changes_for_my_stores(qtbot, view: AnnouncementsView) -> None:
    view.select("a-open")  # Taobao + Tmall, WeChat Pay: on in the live and the in-review store
    qtbot.waitUntil(lambda: "a-open" in view.impact)
    assert view.impact_label.text() == (
        "It applies to all 3 of your stores. WeChat Pay is on in 2 of them."
    )
    view.select("a-short")  # Tmall only, Alipay
    qtbot.waitUntil(lambda: "a-short" in view.impact)
    assert view.impact_label.text() == "1 of your 3 stores is on Tmall. Alipay is on in 1 of them."
    view.select("a-future")  # no platform named: everyone
    qtbot.waitUntil(lambda: "a-future" in view.impact)
    assert view.impact_label.text() == "It applies to all 3 of your stores."


def test_impact_is_counted_without_reading_every_store(
    qtbot, view: AnnouncementsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 stores a list_stores() pass held the db lane for a second: counts only."""
    from console.service import ConsoleService

    def no_list(*_args: object, **_kwargs: object) -> list[object]:
        raise AssertionError("the impact must be counted in SQL, not by reading the stores")

    monkeypatch.setattr(ConsoleService, "list_stores", no_list)
    view.impact.clear()
    view.select("a-short")
    view.select("a-open")
    qtbot.waitUntil(lambda: "a-open" in view.impact)
    assert view.impact["a-open"].affected_stores == 3


def test_feedback_is_queued_and_shown_waiting(qtbot, view: AnnouncementsView, ctx: UiContext) -> None:
    view.select("a-open")
    assert view.feedback_edit.isEnabled() and not view.send_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(view.feedback_edit, "Please phase it in. ")  # QTest types ASCII only
    view.feedback_edit.insertPlainText("费率上调对小店压力很大，希望分阶段实施。")
    assert view.send_button.isEnabled()
    with qtbot.waitSignal(ctx.events.local_change):
        view.send_button.click()
    qtbot.waitUntil(lambda: view.feedback_edit.toPlainText() == "")
    pending = [p for p in ctx.service.pending_changes() if p.kind == "send_feedback"]
    assert len(pending) == 1 and pending[0].announcement_id == "a-open"
    assert "Waiting to sync" in view.history_label.text()
    assert "费率上调对小店压力很大" in view.history_label.text()
    assert "waiting to sync" in view.feedback_message.text()


def test_feedback_refused_outside_the_period_with_the_reason(qtbot, view: AnnouncementsView, ctx) -> None:
    view.select("a-closed")
    assert not view.feedback_edit.isEnabled() and not view.send_button.isEnabled()
    assert "ended on" in view.feedback_message.text()
    # even if asked directly, nothing is written and the reason is shown
    view.feedback_edit.setPlainText("too late")
    view.send_feedback()
    assert "ended on" in view.feedback_message.text()
    assert not [p for p in ctx.service.pending_changes() if p.kind == "send_feedback"]
    view.select("a-future")
    assert not view.feedback_edit.isEnabled()
    assert view.feedback_message.text().startswith("Feedback opens on ")


def test_retranslates_to_chinese(qtbot, view: AnnouncementsView, ctx: UiContext) -> None:
    view.select("a-open")
    qtbot.waitUntil(lambda: "a-open" in view.impact)
    with chinese(ctx):
        qtbot.waitUntil(lambda: view._title.text() == "规则变更")
        assert view.detail_title.text() == "微信支付费率调整"  # the platform's own Chinese text
        assert view.fact_values["countdown"].text() == "距反馈截止还剩 4 天"
        assert view.send_button.text() == "提交反馈"
        # Chinese runs sentences together; platform and method names come from texts.py
        assert view.impact_label.text() == "适用于您的全部 3 家店铺。其中 2 家已开启微信支付。"
    qtbot.waitUntil(lambda: view._title.text() == "Rule changes")


def test_feedback_confirmed_by_a_sync_is_shown_received(qtbot, view: AnnouncementsView, ctx) -> None:
    view.select("a-open")
    view.feedback_edit.setPlainText("Please publish the rates per category.")
    view.send_feedback()
    qtbot.waitUntil(lambda: "Waiting to sync" in view.history_label.text())
    outbox_id = next(p.id for p in ctx.service.pending_changes() if p.kind == "send_feedback")
    mark_done(ctx.service.db, outbox_id)  # what the sync engine does when the platform took it
    ctx.events.data_changed.emit(None)
    qtbot.waitUntil(lambda: "Received by the platform" in view.history_label.text())
    assert "Waiting to sync" not in view.history_label.text()


def test_the_editor_closes_when_the_period_ends_while_open(qtbot, view: AnnouncementsView, ctx) -> None:
    view.select("a-short")  # closes in 2 days 5 hours
    assert view.feedback_edit.isEnabled()
    view.feedback_edit.setPlainText("draft")
    ctx.clock = lambda: FIXED_NOW + timedelta(days=2, hours=5, minutes=1)
    view.update_countdown()
    assert not view.feedback_edit.isEnabled() and not view.send_button.isEnabled()
    assert view.fact_values["countdown"].text().startswith("Opinion period closed on ")
    assert view.feedback_edit.toPlainText() == "draft"  # the merchant's words are kept
    row = view.model.row_of("a-short")
    assert "Takes effect" in view.model.index(row, 0).data()


def test_first_open_shows_the_announcement_still_open_for_feedback(qtbot, ui_ctx) -> None:
    """With nothing chosen yet, the view opens the rule change the merchant can still answer."""
    from console.ui.views.announcements import AnnouncementsView

    view = AnnouncementsView(ui_ctx)
    qtbot.addWidget(view)
    view.refresh()
    now = ui_ctx.clock()
    items = view.model.items
    open_ids = [a.id for a in items if a.opinion_open(now)]
    assert open_ids, "the test data has an announcement open for feedback"
    assert view._current_id == open_ids[0]

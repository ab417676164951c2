"""The stores page's counts: a keystroke changes "Showing N of M", the chips count the whole list
and follow its data (they are recounted on changes, not per keystroke)."""

from __future__ import annotations

from PySide6.QtTest import QTest

from console.core.model import Method


def _chip(window, key: str) -> str:
    return window.stores.chips.chip(key).text()


def test_typing_changes_the_shown_count_not_the_chips(qtbot, window):
    stores = window.stores
    total = stores.model.total_count()
    chips_before = {k: _chip(window, k) for k in ("all", "invited", "soon", "pending")}
    assert stores.count.text() == f"Showing {total} of {total}"
    stores.search.setText("北岸")  # QTest.keyClicks types ASCII only
    assert stores.model.visible_ids() == ["tm-rejected"]
    assert stores.count.text() == f"Showing 1 of {total}"
    assert {k: _chip(window, k) for k in chips_before} == chips_before
    stores.search.clear()
    QTest.keyClicks(stores.search, "zzq")
    assert stores.empty.isVisible() and stores.count.text() == f"Showing 0 of {total}"


def test_the_pending_chip_follows_a_change_of_the_data(qtbot, window):
    stores = window.stores
    assert _chip(window, "pending") == "Waiting to sync 0"
    with qtbot.waitSignal(window.ctx.events.data_changed):
        window.ctx.service.set_method("tb-live", Method.ALIPAY, False)
        window.ctx.events.data_changed.emit({"tb-live"})
    qtbot.waitUntil(lambda: stores.model.table.pending_count() == 1)
    qtbot.waitUntil(lambda: _chip(window, "pending") == "Waiting to sync 1")

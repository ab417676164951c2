"""The three views on an empty database (a first start before the first sync): no crash, a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.ui.context import UiContext
from console.ui.views.activity import ActivityView
from console.ui.views.announcements import AnnouncementsView
from console.ui.views.checkout import CheckoutView
from console.ui.widgets.receiving_sign import SignFormat
from tests.helpers.factories import make_db


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    make_db(tmp_path, stores=[], announcements=[], terms=[])
    return tmp_path


def test_checkout_without_stores(qtbot, ui_ctx: UiContext, tmp_path: Path) -> None:
    view = CheckoutView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.current_store_id() is None and not view.fee_rows)
    assert view.preview is None
    assert "Choose a store" in view.fee_note.text()
    assert not view.export_button.isEnabled()  # no code: nothing printable
    assert not view.export_sign(tmp_path / "empty.png", SignFormat.PNG)
    assert not (tmp_path / "empty.png").exists()


def test_announcements_without_any(qtbot, ui_ctx: UiContext) -> None:
    view = AnnouncementsView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.empty_label.isVisible)
    assert "No announcements yet" in view.empty_label.text()
    assert not view.send_button.isVisible()


def test_activity_without_entries(qtbot, ui_ctx: UiContext) -> None:
    view = ActivityView(ui_ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    assert view.model.rowCount() == 0 and view.count_label.text() == "0 entries"
    assert not view.export_button.isEnabled()
    # not a blank table: what will appear here
    assert view.empty_label.isVisible() and not view.table.isVisible()
    assert "Changes you make and each sync" in view.empty_label.text()
    with qtbot.waitSignal(view.loaded):
        view.result_filter.setCurrentIndex(view.result_filter.findData("refused"))
    assert "No entries match these filters" in view.empty_label.text()

"""The dialogs in both languages: message boxes, the bulk change's words, welcome, settings.

What review found: the question of a confirmation was only in the window title (not shown on
many desktops), English said "1 stores" and "already are so", Chinese ran two sentences with an
English space between them, and the settings page showed keyring advice for the demo platform.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from console.core.model import Method
from console.ui.context import UiContext
from console.ui.widgets import dialogs
from tests.ui.views_support import chinese


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes are built for real; exec() records them and answers with the first button."""
    shown: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_a_confirmation_leads_with_its_question(qapp, boxes: list[QMessageBox]) -> None:
    assert dialogs.ask(None, "Turn off WeChat Pay?", "Shoppers of X will no longer pay with it.", "Turn off")
    box = boxes[0]
    assert box.text() == "Turn off WeChat Pay?"  # the bold first line, not only the window title
    assert box.informativeText() == "Shoppers of X will no longer pay with it."
    assert box.windowTitle() == "Merchant Console"
    assert box.defaultButton().text() == "Turn off"  # Enter: the action the box is about
    assert box.escapeButton().text() == "Cancel"
    assert box.accessibleName() == "Turn off WeChat Pay?"
    # a message whose title is also its text is said once
    dialogs.tell(None, "The data cannot be read.", "The data cannot be read.", "Move the file aside.")
    assert boxes[1].informativeText() == "Move the file aside."


def _answer_with_key(qtbot: Any, key: Qt.Key) -> None:
    """Press ``key`` in the next modal box as soon as it is shown (driven, not timed)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


@pytest.mark.parametrize(("key", "answer"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)])
def test_enter_confirms_and_escape_cancels(qtbot, key: Qt.Key, answer: bool) -> None:
    _answer_with_key(qtbot, key)
    assert dialogs.ask(None, "Turn off WeChat Pay?", "Shoppers will not see it.", "Turn off") is answer


@pytest.mark.parametrize(("key", "answer"), [(Qt.Key.Key_Return, "sync"), (Qt.Key.Key_Escape, None)])
def test_a_choice_defaults_to_its_first_action(qtbot, key: Qt.Key, answer: str | None) -> None:
    _answer_with_key(qtbot, key)
    choices = [("sync", "Sync now"), ("quit", "Quit anyway")]
    assert dialogs.choose(None, "2 changes are not sent", "Send them first?", choices) == answer


def _bulk(qtbot: Any, ctx: UiContext, ids: list[str]) -> Any:
    from console.ui.views.bulk import BulkDialog

    dlg = BulkDialog(ctx, ids)
    qtbot.addWidget(dlg)
    return dlg


def test_bulk_words_for_one_store(qtbot, ui_ctx: UiContext) -> None:
    dlg = _bulk(qtbot, ui_ctx, ["tb-invited"])
    assert dlg.scope_selected.text() == "The store selected in the list"
    with qtbot.waitSignal(dlg.reviewed, timeout=10_000):
        dlg.next_button.click()  # WeChat Pay on for an invited store: an application
    assert dlg.review_summary.text() == "Turn on WeChat Pay for 1 store: 1 will change."
    assert dlg.next_button.text() == "Change 1 store"
    with qtbot.waitSignal(dlg.completed, timeout=10_000):
        dlg.next_button.click()
    assert dlg.summary_title.text() == "Done"
    assert dlg.summary.text() == "1 store changed. The changes are sent to the platform in the background."


def test_bulk_in_chinese_runs_sentences_together(qtbot, ui_ctx: UiContext) -> None:
    with chinese(ui_ctx):
        dlg = _bulk(qtbot, ui_ctx, ["tb-live", "tb-none", "tb-invited"])
        assert dlg.scope_selected.text() == "列表中选中的 3 家店铺"
        dlg.method.setCurrentIndex(dlg.method.findData(Method.WECHAT_PAY))
        with qtbot.waitSignal(dlg.reviewed, timeout=10_000):
            dlg.next_button.click()
        # live: already on; not invited: cannot; invited: applies
        assert dlg.review_summary.text() == (
            "为 3 家店铺开启微信支付：1 家将修改，1 家暂时无法修改，1 家无需修改。"
        )
        with qtbot.waitSignal(dlg.completed, timeout=10_000):
            dlg.next_button.click()
        assert dlg.summary.text() == "已修改 1 家店铺。修改会在后台发送到平台。"
        assert dlg.summary_title.text() == "已完成"


def test_bulk_without_a_selection_says_so(qtbot, ui_ctx: UiContext) -> None:
    dlg = _bulk(qtbot, ui_ctx, [])
    assert not dlg.scope_selected.isEnabled() and dlg.scope_invited.isChecked()
    assert dlg.scope_selected.text() == "The stores selected in the list (none is selected)"


def test_welcome_has_one_default_way_on(qtbot, ui_ctx: UiContext) -> None:
    from console.ui.views.welcome import WelcomeDialog

    dlg = WelcomeDialog(ui_ctx)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isDefault() and ok.objectName() == "primary" and ok.text() == "Get started"


def test_settings_shows_keyring_advice_only_for_a_real_platform(qtbot, ui_ctx: UiContext) -> None:
    from console.ui.views.settings import SettingsView

    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.demo_radio.isChecked()
    assert not view.keyring_text.isVisible() and not view.allow_file.isVisible()
    assert not view.url.isEnabled()
    view.real_radio.setChecked(True)
    assert view.keyring_text.isVisible() and view.url.isEnabled()
    assert not view.theme_text.wordWrap()  # one line: wrapped, it was cut in half in English

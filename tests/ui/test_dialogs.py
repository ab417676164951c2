"""The dialogs in both languages: message boxes, the bulk change's words, welcome, settings.

What review found: the question of a confirmation was only in the window title (not shown on
many desktops), English said "1 stores" and "already are so", Chinese ran two sentences with an
English space between them, and the settings page showed keyring advice for the demo platform.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from console.ui.context import UiContext
from console.ui.widgets import dialogs


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
    assert box.defaultButton() is box.escapeButton()  # Cancel: Enter never changes anything
    assert box.defaultButton().text() == "Cancel"
    assert box.accessibleName() == "Turn off WeChat Pay?"
    # a message whose title is also its text is said once
    dialogs.tell(None, "The data cannot be read.", "The data cannot be read.", "Move the file aside.")
    assert boxes[1].informativeText() == "Move the file aside."


# The bulk change's words in both languages: tests/ui/test_views_bulk.py.


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

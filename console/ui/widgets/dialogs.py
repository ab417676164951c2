"""Questions and explanations as message boxes in the user's language.

Views call these module functions (never QMessageBox directly) so tests can answer them by
monkeypatching ``ask`` / ``tell``, and so every box has translated buttons.

``title`` is shown as the box's bold first line, ``text`` (and ``detail``) below it: a window
title alone is easy to miss (macOS and many Linux desktops do not show it on message boxes), and
the question is what the merchant must read first. The window title is the app's name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget


def _box(parent: QWidget | None, title: str, text: str, detail: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Merchant Console"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(title)  # bold through the style sheet (QLabel#qt_msgbox_label)
    below = [t for t in (text, detail) if t and t != title]
    if below:
        box.setInformativeText("\n\n".join(below))
    box.setAccessibleName(title)
    box.setAccessibleDescription("\n\n".join(below))
    return box


def ask(parent: QWidget | None, title: str, text: str, ok_text: str, detail: str = "") -> bool:
    """A confirmation with a named action button and Cancel.

    Enter means the action the box is about (the merchant asked for it a moment ago, and the
    button says what it does); Escape and closing the box cancel.
    """
    box = _box(parent, title, text, detail, QMessageBox.Icon.Question)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]], detail: str = ""
) -> str | None:
    """A question with several named actions and Cancel; the key of the chosen one, or None.

    ``choices`` are (key, button text), the first being the default (Enter); Escape cancels.
    """
    box = _box(parent, title, text, detail, QMessageBox.Icon.Question)
    roles = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.DestructiveRole)
    buttons: dict[QAbstractButton, str] = {
        box.addButton(label, roles[min(i, 1)]): key for i, (key, label) in enumerate(choices)
    }
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    first = next(iter(buttons))
    assert isinstance(first, QPushButton)
    box.setDefaultButton(first)
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())


def tell(parent: QWidget | None, title: str, text: str, detail: str = "", *, warning: bool = False) -> None:
    """An explanation with one OK button (refusals: what happened and what to do)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = _box(parent, title, text, detail, icon)
    box.addButton(QCoreApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()

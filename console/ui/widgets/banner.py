"""A dismissible in-window notice (news from a sync, a problem to act on)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class Banner(QFrame):
    """Text + optional action + close. ``kind`` is info, warn or error (colours in app.qss)."""

    action_clicked = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("kind", "info")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.hide()
        self.action.clicked.connect(self.action_clicked)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action)
        lay.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, kind: str = "info", action: str | None = None) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in self.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.action.setVisible(bool(action))
        if action:
            self.action.setText(action)
        self.show()

    def set_close_text(self, text: str) -> None:
        self.close_button.setToolTip(text)
        self.close_button.setAccessibleName(text)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

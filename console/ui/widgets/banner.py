"""A dismissible in-window notice (news from a sync, a problem to act on).

Sync problems come from the one sync state (``show_sync_state``): the banner says what the
status bar says, its count follows the outbox (discard one of two refused changes and it says 1),
and it goes away by itself when the problem is gone. Dismissed, it stays away until the problem
changes.

It floats over the page (:meth:`Banner.float_over`) instead of taking a row of the layout: a
notice that appears must not push the stores list down ~38 px under the merchant's pointer
(issue #12). The page's top edge stays where it is; the banner covers it until dismissed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

#: Space between the banner and the edges of the page it floats over (px).
MARGIN = 12
TOP = 8


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
        self.topic: str | None = None  # "sync" for the sync state's problem, else None
        self.headline: Any = None  # the sync state's headline shown (for the action)
        self._dismissed: tuple[Any, str] | None = None
        self._host: QWidget | None = None
        self.hide()

    def float_over(self, host: QWidget) -> None:
        """Float over ``host`` (the page area), across its top, never in its layout.

        The banner follows the host's size; being outside every layout, showing or hiding it
        moves nothing under it.
        """
        self.setParent(host)
        self._host = host
        host.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        """Across the host's top; as tall as the wrapped text needs at that width."""
        host = self._host
        if host is None:
            return
        width = max(0, host.width() - 2 * MARGIN)
        lay = self.layout()
        height = lay.heightForWidth(width) if lay is not None and lay.hasHeightForWidth() else -1
        if height <= 0:
            height = self.sizeHint().height()
        self.setGeometry(MARGIN, TOP, width, height)
        self.raise_()

    def show_message(
        self, text: str, kind: str = "info", action: str | None = None, *, topic: str | None = None
    ) -> None:
        self.topic = topic
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
        self._place()  # after show: the new text and button decide the height

    def set_close_text(self, text: str) -> None:
        self.close_button.setToolTip(text)
        self.close_button.setAccessibleName(text)

    def show_sync_state(self, state: Any, lang: str) -> None:
        """Show the state's problem when it needs the merchant (severity ERROR), else clear a
        sync banner (news banners are left alone)."""
        if state is not None:  # none before the first pass: nothing to say, nothing to import
            from console.core.sync_state import Severity
        if state is None or state.severity < Severity.ERROR:
            if self.topic == "sync":
                self.topic = self.headline = None
                self.hide()
            return
        from console.words.status import forward_button, headline_text

        text = headline_text(state, lang)
        if self._dismissed == (state.headline, text):
            return
        self.headline = state.headline
        self.show_message(text, "error", forward_button(state, lang) or None, topic="sync")

    def dismiss(self) -> None:
        if self.topic == "sync":
            self._dismissed = (self.headline, self.label.text())
        self.hide()
        self.dismissed.emit()

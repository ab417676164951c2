"""An on/off switch (a checkable button painted as a track and a knob)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from console.ui.theme import current_theme


class ToggleSwitch(QAbstractButton):
    """Checkable; ``clicked`` fires on a user click (the owner decides whether to accept it).

    ``setAutoExclusive(False)`` and no auto-toggle: the state changes only when the owner calls
    ``setChecked`` after the change was confirmed and stored, so the switch never shows a value
    that was refused.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def nextCheckState(self) -> None:  # the owner sets the state once the change is stored
        pass

    def sizeHint(self) -> QSize:
        return QSize(44, 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = current_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(1, 1, 42, 22)
        on = self.isChecked()
        track = theme.color("accent") if on else theme.color("border")
        if not self.isEnabled():
            track.setAlpha(110)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(track)
        p.drawRoundedRect(r, 11, 11)
        knob = QRectF(r.right() - 20 if on else r.left() + 2, r.top() + 2, 18, 18)
        p.setBrush(theme.color("panel"))
        p.drawEllipse(knob)
        if self.hasFocus():
            pen = p.pen()
            pen.setStyle(Qt.PenStyle.DotLine)
            pen.setColor(theme.color("accent"))
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(-1, -1, 1, 1), 12, 12)
        p.end()

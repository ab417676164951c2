"""Monthly fees as bars to one scale: which method costs more, seen before it is read."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.core.model import Method

# Our colours per method (the same hues as the method icons; not the wallets' brand colours).
METHOD_COLOURS: dict[Method, str] = {Method.ALIPAY: "#2F6FDB", Method.WECHAT_PAY: "#0E8FA3"}


class FeeBars(QWidget):
    """A plain horizontal bar per method: the monthly fee, to the same scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int, str, QColor]] = []
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int, str, QColor]]) -> None:
        """(label, value, value text, colour) per bar, drawn in the order given."""
        self._bars = bars
        self.setFixedHeight(max(1, len(bars)) * 30 + 6)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            fm = painter.fontMetrics()
            label_w = max((fm.horizontalAdvance(b[0]) for b in self._bars), default=0) + 12
            text_w = max((fm.horizontalAdvance(b[2]) for b in self._bars), default=0) + 12
            top = max((b[1] for b in self._bars), default=0) or 1
            span = max(self.width() - label_w - text_w, 10)
            for i, (label, value, text, colour) in enumerate(self._bars):
                y = 3 + i * 30
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawText(QRectF(0, y, label_w, 24), Qt.AlignmentFlag.AlignVCenter, label)
                width = max(span * value / top, 2.0)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(label_w, y + 4, width, 16), 3, 3)
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawText(
                    QRectF(label_w + width + 6, y, text_w, 24), Qt.AlignmentFlag.AlignVCenter, text
                )
        finally:
            painter.end()

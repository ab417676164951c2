"""A daily chart of a few series (gross per payment method), drawn with QPainter.

Why our own: Qt Charts / Qt Graphs need PySide6-Addons (a 175 MB wheel) and pyqtgraph needs
numpy; this widget costs nothing to ship and nothing to import (QtGui and QtWidgets are loaded
anyway), so the Sales page never delays the first paint. It draws at most one bar group per day
(90–400 days), so a repaint is a few hundred rectangles. The same numbers are always in a table
beside it (the chart has an accessible name and description; the table is what a screen reader
and a copy read).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class DailyChart(QWidget):
    """Stacked bars: one column per day, one colour per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._labels: list[str] = []
        self._series: list[tuple[str, QColor, list[int]]] = []
        self._peak = 0

    def set_data(self, labels: Sequence[str], series: Sequence[tuple[str, QColor, Sequence[int]]]) -> None:
        """``labels``: one per day; ``series``: (name, colour, one value per day)."""
        self._labels = list(labels)
        self._series = [(name, colour, list(values)) for name, colour, values in series]
        totals = [sum(v[i] for _, _, v in self._series) for i in range(len(self._labels))]
        self._peak = max(totals, default=0)
        self.update()

    def series_names(self) -> list[str]:
        return [name for name, _, _ in self._series]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -28)
        text = self.palette().windowText().color()
        p.setPen(text)
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        days = len(self._labels)
        if days and self._peak > 0:
            step = rect.width() / days
            bar = max(1.0, step * 0.8)
            for i in range(days):
                y = rect.bottom()
                for _, colour, values in self._series:
                    h = rect.height() * values[i] / self._peak
                    if h > 0:
                        p.fillRect(QRectF(rect.left() + i * step, y - h, bar, h), colour)
                        y -= h
            p.setPen(text)
            p.drawText(
                QRectF(rect.left(), rect.bottom() + 4, rect.width() / 2, 20),
                Qt.AlignmentFlag.AlignLeft,
                self._labels[0],
            )
            p.drawText(
                QRectF(rect.center().x(), rect.bottom() + 4, rect.width() / 2, 20),
                Qt.AlignmentFlag.AlignRight,
                self._labels[-1],
            )
        x = rect.left()
        for name, colour, _ in self._series:  # the legend, top left
            p.fillRect(QRectF(x, rect.top(), 10, 10), colour)
            p.setPen(text)
            p.drawText(QRectF(x + 14, rect.top() - 3, 160, 16), Qt.AlignmentFlag.AlignLeft, name)
            x += 24 + p.fontMetrics().horizontalAdvance(name)
        p.end()

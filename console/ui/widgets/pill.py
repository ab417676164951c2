"""Status pills: the coloured WeChat Pay eligibility label, as a widget and as a table delegate."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from console.ui.theme import current_theme

PAD_X = 9
PILL_H = 22


class StatusPill(QLabel):
    """A rounded label coloured by a status word (an eligibility wire value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = "not_invited"
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_status(self, status: str, text: str) -> None:
        self._status = status
        self.setText(text)
        self.setAccessibleName(text)
        bg, fg = current_theme().pill(status)
        self.setStyleSheet(
            f"QLabel {{ background: {bg.name()}; color: {fg.name()}; border-radius: 10px;"
            f" padding: 2px {PAD_X}px; font-weight: bold; }}"
        )


class PillDelegate(QStyledItemDelegate):
    """Paints a cell's display text inside a status pill; the status comes from ``status_role``."""

    def __init__(self, status_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = status_role

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the pill paints it (paint)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # the cell as any other (background, selection, focus) but for its text: asking the
        # style to draw it from Python would build QStyle's enums before the first rows (~15 ms)
        super().paint(painter, option, index)
        text = str(index.data() or "")
        status = str(index.data(self._role) or "not_invited")
        bg, fg = current_theme().pill(status)
        fm = QFontMetrics(option.font)
        width = min(fm.horizontalAdvance(text) + 2 * PAD_X, option.rect.width() - 8)
        rect = QRect(option.rect.left() + 6, option.rect.center().y() - PILL_H // 2 + 1, width, PILL_H)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(QRectF(rect), PILL_H / 2, PILL_H / 2)
        painter.setPen(fg)
        elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 2 * PAD_X + 2)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * PAD_X + 12, max(size.height(), PILL_H + 8))

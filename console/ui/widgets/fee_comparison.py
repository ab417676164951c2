"""Monthly fees per method: a table, bars to one scale (which costs more, seen before it is
read), and the saving in one sentence."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.model import Method
from console.service import FeeRow
from console.ui.money import format_bps, format_fen
from console.ui.resources import icon
from console.ui.theme import text_style

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


class FeeComparison(QWidget):
    """What each method would cost per month: a table, the same as bars, and one sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves, arrows move within
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.table)
        self.bars = FeeBars()
        layout.addWidget(self.bars)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(text_style("muted"))
        layout.addWidget(self.note)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.bars.setAccessibleName(self.tr("Monthly fee per method, as bars"))
        self.table.setAccessibleName(self.tr("Fees per month"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Method"), self.tr("Rate"), self.tr("Fee per month"), self.tr("You receive")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def show_rows(self, rows: list[FeeRow], lang: str, *, store_chosen: bool) -> None:
        """Fill the table, the bars and the sentence from the service's rows (cheapest first)."""
        self.table.setRowCount(len(rows))
        bars: list[tuple[str, int, str, QColor]] = []
        for i, row in enumerate(rows):
            name = words.method_name(row.method, lang)
            if not row.available:
                name = self.tr("%1 (not available to your shoppers yet)").replace("%1", name)
            cells = [
                name,
                format_bps(row.fee_bps, lang),
                format_fen(row.fee_fen, lang),
                format_fen(row.net_fen, lang),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setIcon(icon(f"method-{row.method.value}"))
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
            bars.append(
                (
                    words.method_name(row.method, lang),
                    row.fee_fen,
                    format_fen(row.fee_fen, lang),
                    QColor(METHOD_COLOURS.get(row.method, "#6B7789")),
                )
            )
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(len(rows)))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows_height + frame)
        self.bars.set_bars(bars)
        if len(rows) >= 2:
            saving = rows[-1].fee_fen - rows[0].fee_fen
            self.note.setText(
                self.tr("Paid entirely with %1, this month would cost %2 less than with %3.")
                .replace("%1", words.method_name(rows[0].method, lang))
                .replace("%2", format_fen(saving, lang))
                .replace("%3", words.method_name(rows[-1].method, lang))
                if saving
                else self.tr("Both methods cost the same at these rates.")
            )
        elif not store_chosen:
            self.note.setText(self.tr("Choose a store to compare its fees."))
        else:
            self.note.setText(self.tr("Rates come from the platform's published terms for this store."))

"""The shopper's checkout as a mock screen (phone, mini program or PC browser).

Drawn light whatever the app's theme, like the phone it imitates. It shows what a
``CheckoutPreview`` says, in the merchant's language; the page around it owns the data.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console import words
from console.core.checkout import CheckoutLine, CheckoutPreview
from console.core.model import Device, Method
from console.ui.money import format_bps, format_fen
from console.ui.resources import icon

# The shopper's screen is always drawn light, like the phone it imitates, whatever our theme.
_SCREEN_QSS = """
QFrame#shopperScreen { background: #ffffff; border: 10px solid #2B2F36; border-radius: 30px; }
QFrame#shopperScreen[device="pc_web"] { border: 2px solid #9AA3AE; border-radius: 8px; }
QFrame#shopperScreen QLabel { color: #1F2328; background: transparent; }
QFrame#shopperScreen QFrame#screenBar { background: #F1F3F5; border: none; border-radius: 0; }
QFrame#shopperScreen QFrame#screenBar QLabel { color: #57606A; }
QFrame#shopperScreen QFrame#methodRow { background: #F7F8FA; border: 1px solid #E3E6EA; border-radius: 10px; }
QFrame#shopperScreen QFrame#methodRow[default="true"] { border: 2px solid #3D7BD9; background: #F2F7FF; }
QFrame#shopperScreen QLabel#screenAmount { font-size: 26px; font-weight: bold; }
QFrame#shopperScreen QLabel#defaultTag {
    color: #ffffff; background: #3D7BD9; border-radius: 7px; padding: 1px 7px; }
QFrame#shopperScreen QLabel#feeNote { color: #6B7789; }
QFrame#shopperScreen QLabel#payButton {
    color: #ffffff; background: #E0672B; border-radius: 18px; padding: 8px; font-weight: bold; }
QFrame#shopperScreen QLabel#capsule {
    color: #57606A; border: 1px solid #D0D5DB; border-radius: 11px; padding: 0 8px; }
QFrame#shopperScreen QLabel#emptyScreen { color: #8A94A3; }
"""


class ShopperScreen(QFrame):
    """The mock of the shopper's checkout (phone, mini-program or PC browser)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopperScreen")
        self.setStyleSheet(_SCREEN_QSS)
        self.setProperty("device", Device.MOBILE_APP.value)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 16)
        self._layout.setSpacing(10)
        self.method_rows: dict[Method, QFrame] = {}

    def sizeHint(self) -> QSize:
        if self.property("device") == Device.PC_WEB.value:
            return QSize(460, 420)
        return QSize(320, 560)

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)  # gone from findChildren() now, not at the next event loop pass
                w.deleteLater()
        self.method_rows = {}

    def show_preview(self, preview: CheckoutPreview | None, store_name: str, lang: str) -> None:
        """Rebuild the screen: a handful of widgets, so rebuilding beats bookkeeping."""
        self._clear()
        device = preview.device if preview else Device.MOBILE_APP
        self.setProperty("device", device.value)
        self.style().unpolish(self)
        self.style().polish(self)
        if device == Device.PC_WEB:
            self.setFixedWidth(460)
        else:
            self.setFixedWidth(320)
        self._layout.addWidget(self._top_bar(device, lang))
        # one container per rebuild: deleting it takes every child along (a nested layout would not)
        container = QWidget()
        body = QVBoxLayout(container)
        body.setContentsMargins(18, 4, 18, 0)
        body.setSpacing(10)
        title = QLabel(store_name or self.tr("Checkout"))
        title.setWordWrap(True)
        body.addWidget(title)
        if preview is None:
            empty = QLabel(self.tr("Choose a store to see its checkout."))
            empty.setObjectName("emptyScreen")
            empty.setWordWrap(True)
            body.addWidget(empty)
        else:
            amount = QLabel(format_fen(preview.amount_fen, lang))
            amount.setObjectName("screenAmount")
            body.addWidget(amount)
            pick = QLabel(self.tr("Pay with"))
            body.addWidget(pick)
            if not preview.shown:
                none = QLabel(self.tr("No payment method is available: shoppers cannot pay."))
                none.setObjectName("emptyScreen")
                none.setWordWrap(True)
                body.addWidget(none)
            for line in preview.shown:
                row = self._method_row(line, lang)
                self.method_rows[line.method] = row
                body.addWidget(row)
            body.addStretch(1)
            pay = QLabel(self.tr("Pay %1").replace("%1", format_fen(preview.amount_fen, lang)))
            pay.setObjectName("payButton")
            pay.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if preview.shown:
                body.addWidget(pay)
        self._layout.addWidget(container, 1)

    def _top_bar(self, device: Device, lang: str) -> QFrame:
        bar = QFrame()
        bar.setObjectName("screenBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        if device == Device.PC_WEB:
            dots = QLabel("● ● ●")
            dots.setStyleSheet("color: #C4CAD1; letter-spacing: 2px;")
            row.addWidget(dots)
            address = QLabel(self.tr("Secure checkout"))
            row.addWidget(address, 1, Qt.AlignmentFlag.AlignCenter)
        else:
            clock = QLabel("9:41")
            row.addWidget(clock)
            row.addStretch(1)
            if device.is_mini_program:
                capsule = QLabel("··· ◉")
                capsule.setObjectName("capsule")
                row.addWidget(capsule)
            else:
                row.addWidget(QLabel("▮▮▮"))
        return bar

    def _method_row(self, line: CheckoutLine, lang: str) -> QFrame:
        row = QFrame()
        row.setObjectName("methodRow")
        row.setProperty("default", "true" if line.is_default else "false")
        grid = QGridLayout(row)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        glyph = QLabel()
        glyph.setPixmap(icon(f"method-{line.method.value}").pixmap(QSize(24, 24)))
        glyph.setAccessibleName(words.method_name(line.method, lang))
        grid.addWidget(glyph, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        name = QLabel(words.method_name(line.method, lang))
        name.setStyleSheet("font-weight: bold;")
        grid.addWidget(name, 0, 1)
        if line.is_default:
            tag = QLabel(self.tr("Default"))
            tag.setObjectName("defaultTag")
            grid.addWidget(tag, 0, 2, Qt.AlignmentFlag.AlignRight)
        how = self.tr("Scan the QR code with the app") if line.as_qr else self.tr("Pay in the app")
        sub = QLabel(how)
        sub.setWordWrap(True)
        grid.addWidget(sub, 1, 1, 1, 2)
        fee = QLabel(
            self.tr("Only you see this: fee %1 (%2), you receive %3")
            .replace("%1", format_fen(line.fee_fen, lang))
            .replace("%2", format_bps(line.fee_bps, lang))
            .replace("%3", format_fen(line.net_fen, lang))
        )
        fee.setObjectName("feeNote")
        fee.setWordWrap(True)
        grid.addWidget(fee, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        return row


def checkout_picture(
    preview: CheckoutPreview | None, store_name: str, lang: str, qr: QPixmap, caption: str
) -> QPixmap:
    """The shopper's screen beside the receiving code (with ``caption`` under it), as one image.

    The screen is drawn again off-screen rather than grabbed from a page, so the picture is
    complete whether or not the page is visible, laid out yet, or scrolled.
    """
    screen = ShopperScreen()
    try:
        screen.show_preview(preview, store_name, lang)
        screen.adjustSize()
        shot = screen.grab()
        caption_h = 2 * screen.fontMetrics().height() if not qr.isNull() else 0
    finally:
        screen.deleteLater()
    gap = 24
    width = shot.width() + (qr.width() + gap if not qr.isNull() else 0) + 2 * gap
    height = max(shot.height(), qr.height() + caption_h) + 2 * gap
    canvas = QPixmap(width, height)
    canvas.fill(QColor("#ffffff"))
    painter = QPainter(canvas)
    try:
        painter.drawPixmap(gap, gap, shot)
        if not qr.isNull():
            left = gap + shot.width() + gap
            painter.drawPixmap(left, gap, qr)
            painter.setPen(QColor("#1F2328"))
            painter.drawText(
                QRectF(left, gap + qr.height(), qr.width(), caption_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                caption,
            )
    finally:
        painter.end()
    return canvas

"""The store's one receiving QR code, what it holds, and which wallets can pay it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console import words
from console.core.model import Method
from console.ui.qr import qr_pixmap
from console.ui.resources import icon
from console.ui.theme import text_style


class ReceiveCode(QWidget):
    """The code on the left; on the right the wallets, the content, then ``action_area`` (the page's
    buttons, e.g. an export)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QSize(148, 148))
        layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        self.payload_label = QLabel()
        self.payload_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.payload_label.setStyleSheet(text_style("muted"))
        self.payload_label.setWordWrap(True)
        self.wallets_label = QLabel()
        self.wallets_label.setWordWrap(True)
        self.wallet_icons = QHBoxLayout()
        self.wallet_icons.setSpacing(6)
        text.addWidget(self.wallets_label)
        text.addLayout(self.wallet_icons)
        text.addWidget(self.payload_label)
        text.addStretch(1)
        self.action_area = QVBoxLayout()
        text.addLayout(self.action_area)
        layout.addLayout(text, 1)

    def show_code(
        self, payload: str, wallets: Sequence[Method], lang: str, *, store_chosen: bool, module_px: int
    ) -> None:
        """Draw ``payload`` as a QR code with the wallets that can pay it; "" means no code."""
        while self.wallet_icons.count():
            item = self.wallet_icons.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)  # gone from findChildren() now, not at the next event loop pass
                w.deleteLater()
        if not payload:
            self.qr_label.clear()
            self.qr_label.setText(self.tr("This store has no receiving code yet.") if store_chosen else "")
            self.payload_label.clear()
            self.payload_label.hide()  # an empty selectable label would still take a click's focus
            self.wallets_label.clear()
            return
        self.qr_label.setPixmap(
            qr_pixmap(payload, module_px=module_px, device_pixel_ratio=self.devicePixelRatioF())
        )
        self.payload_label.setText(self.tr("Code content: %1").replace("%1", payload))
        self.payload_label.show()
        if wallets:
            self.wallets_label.setText(self.tr("One code for several wallets. Shoppers can pay it with:"))
            for method in wallets:
                self.wallet_icons.addWidget(self._wallet_chip(method, lang))
            self.wallet_icons.addStretch(1)
        else:
            self.wallets_label.setText(self.tr("No wallet can pay this code right now."))

    def _wallet_chip(self, method: Method, lang: str) -> QWidget:
        """The method's icon and name. Not an <img> in rich text: QLabel draws that SVG as a
        24 px bitmap scaled to the screen, blurred at 150 % and 200 %; a QIcon pixmap is
        rendered for the screen's pixel ratio."""
        chip = QWidget()
        chip.setObjectName("walletChip")
        name = words.method_name(method, lang)
        chip.setAccessibleName(name)
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        glyph = QLabel()
        glyph.setPixmap(icon(f"method-{method.value}").pixmap(QSize(18, 18), self.devicePixelRatioF()))
        glyph.setAccessibleName(name)
        row.addWidget(glyph)
        row.addWidget(QLabel(name))
        return chip

"""Checkout preview: the store's checkout as a shopper sees it, before shoppers see it.

Merchants turn WeChat Pay on beside Alipay and then wonder what their buyers will actually get.
This view answers for one store, amount and device: the methods in order with the default
marked, the ones hidden and why (in words, as a chain), what each method costs in fees, and the
store's single receiving QR code with the wallets that can pay it. Everything comes from the
local database (``service.checkout_preview`` is local), so it works offline.

The fee comparison below answers the follow-up question ("what does each method cost me per
month?") for a sales volume the merchant types in.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCompleter,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.checkout import CheckoutLine, CheckoutPreview, HiddenMethod, monthly_fee_comparison
from console.core.model import Device, Method, MethodTerms
from console.core.reasons import Reason
from console.service import StoreFilter
from console.storage.files import create_private_file
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import export_failure_text
from console.ui.money import (
    AmountError,
    format_bps,
    format_fen,
    format_fen_input,
    parse_amount,
)
from console.ui.qr import qr_pixmap
from console.ui.resources import icon
from console.ui.theme import text_style
from console.ui.views.base import BaseView
from console.ui.widgets.page import page_header, scrolling_page

log = logging.getLogger(__name__)

# What the amount field holds when the view first opens: a typical basket.
DEFAULT_AMOUNT_FEN = 128_00
# Default monthly volume of the fee comparison (¥100,000): a middling shop's month.
DEFAULT_VOLUME_FEN = 100_000_00
# Pixels per QR module on screen (~130 px for a short payload: scannable off a monitor and
# small enough that the page fits 1280×800); the PNG export uses 6.
QR_MODULE_PX = 4


@dataclass(frozen=True, slots=True)
class FeeRow:
    """One line of the monthly fee comparison."""

    method: Method
    fee_bps: int
    fee_fen: int
    net_fen: int
    available: bool  # shown to this store's shoppers on at least one device


def monthly_fee_rows(volume_fen: int, terms: Sequence[MethodTerms], available: set[Method]) -> list[FeeRow]:
    """What each method would cost for a month's volume, cheapest first.

    The arithmetic is the core's (``monthly_fee_comparison``: same half-up rounding as a single
    payment, so the table and the preview never disagree by a fen); this adds what the table
    shows beside it.
    """
    rows = monthly_fee_comparison({t.method: t for t in terms}, volume_fen)
    return [FeeRow(m, bps, fee, volume_fen - fee, m in available) for m, bps, fee in rows]


class _FeeBars(QWidget):
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


class StoreSearch(QLineEdit):
    """Pick one store by typing part of its name or id: a search, not a list of every store.

    Merchants may have 100,000 stores; a combo box holding them all took ~20 s to fill. This asks
    the local database for the first matches as the merchant types (``service.list_stores``
    with a text filter and a limit, tens of milliseconds) and offers them in the completer's popup.
    With ``allow_all`` an empty field means "all stores" (for filters).
    """

    store_chosen = Signal(object)  # the store id, or None for "all stores"

    MATCHES = 50

    def __init__(self, ctx: UiContext, *, allow_all: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._allow_all = allow_all
        self.store_id: str | None = None
        self._shown_text = ""
        self.matches = QStandardItemModel(self)
        self._completer = QCompleter(self.matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # one query per pause in typing, not per key
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.editingFinished.connect(self._on_editing_finished)
        self.setClearButtonEnabled(allow_all)
        self.setMinimumWidth(280)

    def set_store(self, store_id: str | None, name: str = "") -> None:
        """Show ``store_id`` as chosen (no signal: the caller already knows)."""
        self.store_id = store_id
        self._shown_text = f"{name} · {store_id}" if store_id and name else (store_id or "")
        self.setText(self._shown_text)
        self.setCursorPosition(0)  # the start of a long name, not its end

    def search_now(self) -> None:
        """Fill the popup with the stores matching the text (name or id, any case)."""
        text = self.text().strip()
        rows = self._ctx.service.list_stores(StoreFilter(text=text), limit=self.MATCHES)
        self.matches.clear()
        for row in rows:
            item = QStandardItem(icon(f"platform-{row.platform.value}"), f"{row.name} · {row.id}")
            item.setData(row.id, Qt.ItemDataRole.UserRole)
            item.setData(row.name, Qt.ItemDataRole.UserRole + 1)
            self.matches.appendRow(item)
        if rows and self.hasFocus():
            self._completer.complete()

    def choose_row(self, row: int) -> None:
        """Take the ``row``-th match (what clicking it in the popup does)."""
        self._choose(self.matches.index(row, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        store_id = index.data(Qt.ItemDataRole.UserRole)
        if not store_id:
            return
        self.set_store(str(store_id), str(index.data(Qt.ItemDataRole.UserRole + 1) or ""))
        self.store_chosen.emit(self.store_id)

    def _on_editing_finished(self) -> None:
        """Enter or leaving the field: take the only match, clear to "all", or put back the choice."""
        text = self.text().strip()
        if text == self._shown_text:
            return
        if not text and self._allow_all:
            self.set_store(None)
            self.store_chosen.emit(None)
            return
        self._timer.stop()
        rows = self._ctx.service.list_stores(StoreFilter(text=text), limit=2) if text else []
        if len(rows) == 1:
            self.set_store(rows[0].id, rows[0].name)
            self.store_chosen.emit(self.store_id)
        else:
            self.setText(self._shown_text)
            self.setCursorPosition(0)


# Our colours per method (the same hues as the method icons; not the wallets' brand colours).
METHOD_COLOURS: dict[Method, str] = {Method.ALIPAY: "#2F6FDB", Method.WECHAT_PAY: "#0E8FA3"}

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

    def show_preview(self, preview: CheckoutPreview | None, store_name: str, words: CheckoutView) -> None:
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
        self._layout.addWidget(self._top_bar(device, words))
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
            amount = QLabel(format_fen(preview.amount_fen, words.lang))
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
                row = self._method_row(line, words)
                self.method_rows[line.method] = row
                body.addWidget(row)
            body.addStretch(1)
            pay = QLabel(self.tr("Pay %1").replace("%1", format_fen(preview.amount_fen, words.lang)))
            pay.setObjectName("payButton")
            pay.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if preview.shown:
                body.addWidget(pay)
        self._layout.addWidget(container, 1)

    def _top_bar(self, device: Device, words: CheckoutView) -> QFrame:
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

    def _method_row(self, line: CheckoutLine, words: CheckoutView) -> QFrame:
        row = QFrame()
        row.setObjectName("methodRow")
        row.setProperty("default", "true" if line.is_default else "false")
        grid = QGridLayout(row)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        glyph = QLabel()
        glyph.setPixmap(icon(f"method-{line.method.value}").pixmap(QSize(24, 24)))
        grid.addWidget(glyph, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        name = QLabel(words.method_name(line.method))
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
            .replace("%1", format_fen(line.fee_fen, words.lang))
            .replace("%2", format_bps(line.fee_bps, words.lang))
            .replace("%3", format_fen(line.net_fen, words.lang))
        )
        fee.setObjectName("feeNote")
        fee.setWordWrap(True)
        grid.addWidget(fee, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        return row


class CheckoutView(BaseView):
    """Store + amount + device → the shopper's checkout, the receiving code, and the fees."""

    view_name = "checkout"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: CheckoutPreview | None = None
        self.fee_rows: list[FeeRow] = []
        self.qr_payload: str = ""
        self._amount_fen = DEFAULT_AMOUNT_FEN
        self._volume_fen = DEFAULT_VOLUME_FEN
        self._amount_error: AmountError | None = None
        self._volume_error: AmountError | None = None
        self._device = Device.MOBILE_APP
        self._store_name = ""
        self._stale = True

        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)  # coalesce store/amount/device changes into one redraw
        self._update_timer.timeout.connect(self._update_preview)

        self._build()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.retranslateUi()

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        root = scrolling_page(self)
        self._title, self._intro = page_header(root)

        # controls: store, amount, device
        controls = QGridLayout()
        controls.setHorizontalSpacing(12)
        controls.setVerticalSpacing(4)
        self._store_label = QLabel()
        self.store_search = StoreSearch(self.ctx)
        self.store_search.store_chosen.connect(self._on_store_chosen)
        self._store_label.setBuddy(self.store_search)

        self._amount_label = QLabel()
        self.amount_edit = QLineEdit()
        self.amount_edit.setMaximumWidth(180)
        self.amount_edit.setText(format_fen_input(self._amount_fen))
        self.amount_edit.textChanged.connect(self._on_amount_text)
        self._amount_label.setBuddy(self.amount_edit)
        self.amount_message = QLabel()
        self.amount_message.setStyleSheet(text_style("error"))
        self.amount_message.setWordWrap(True)
        self.amount_message.hide()

        self._device_label = QLabel()
        device_row = QHBoxLayout()
        device_row.setSpacing(4)
        self._device_group = QButtonGroup(self)
        self._device_group.setExclusive(True)
        self.device_buttons: dict[Device, QToolButton] = {}
        for device in Device:
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(icon(f"device-{device.value}"))
            button.setIconSize(QSize(18, 18))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setChecked(device == self._device)
            button.toggled.connect(lambda on, d=device: self._on_device_toggled(d, on))
            self._device_group.addButton(button)
            self.device_buttons[device] = button
            device_row.addWidget(button)
        device_row.addStretch(1)

        controls.addWidget(self._store_label, 0, 0)
        controls.addWidget(self._amount_label, 0, 1)
        controls.addWidget(self._device_label, 0, 2)
        controls.addWidget(self.store_search, 1, 0)
        controls.addWidget(self.amount_edit, 1, 1)
        controls.addLayout(device_row, 1, 2)
        controls.addWidget(self.amount_message, 2, 1, 1, 2)
        controls.setColumnStretch(2, 1)
        root.addLayout(controls)

        body = QHBoxLayout()
        body.setSpacing(16)
        root.addLayout(body, 1)

        # the shopper's screen
        screen_col = QVBoxLayout()
        self._screen_caption = QLabel()
        self._screen_caption.setStyleSheet(text_style("muted"))
        self._screen_caption.setWordWrap(True)
        self._screen_caption.setMaximumWidth(460)
        self.shopper_screen = ShopperScreen()
        screen_col.addWidget(self._screen_caption)
        top_centre = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
        screen_col.addWidget(self.shopper_screen, 0, top_centre)
        screen_col.addStretch(1)
        body.addLayout(screen_col)

        # hidden methods + receiving code
        mid = QVBoxLayout()
        mid.setSpacing(12)
        self._hidden_box = QGroupBox()
        hidden_layout = QVBoxLayout(self._hidden_box)
        self.hidden_label = QLabel()
        self.hidden_label.setWordWrap(True)
        self.hidden_label.setTextFormat(Qt.TextFormat.RichText)
        self.hidden_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hidden_layout.addWidget(self.hidden_label)
        mid.addWidget(self._hidden_box)

        self._qr_box = QGroupBox()
        qr_layout = QHBoxLayout(self._qr_box)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QSize(148, 148))
        qr_layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        qr_text = QVBoxLayout()
        self.qr_payload_label = QLabel()
        self.qr_payload_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_payload_label.setStyleSheet(text_style("muted"))
        self.qr_payload_label.setWordWrap(True)
        self.wallets_label = QLabel()
        self.wallets_label.setWordWrap(True)
        self.wallet_icons = QHBoxLayout()
        self.wallet_icons.setSpacing(6)
        qr_text.addWidget(self.wallets_label)
        qr_text.addLayout(self.wallet_icons)
        qr_text.addWidget(self.qr_payload_label)
        qr_text.addStretch(1)
        self.export_error: OSError | None = None  # why the last export failed, if it did
        self.export_button = QPushButton()
        self.export_button.setIcon(icon("export"))
        self.export_button.clicked.connect(self._ask_export)
        qr_text.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.hide()
        qr_text.addWidget(self.export_message)
        qr_layout.addLayout(qr_text, 1)
        mid.addWidget(self._qr_box)

        # fee comparison
        self._fee_box = QGroupBox()
        fee_layout = QVBoxLayout(self._fee_box)
        volume_row = QHBoxLayout()
        self._volume_label = QLabel()
        self.volume_edit = QLineEdit()
        self.volume_edit.setMaximumWidth(160)
        self.volume_edit.setText(f"{self._volume_fen // 100:,}")
        self.volume_edit.textChanged.connect(self._on_volume_text)
        self._volume_label.setBuddy(self.volume_edit)
        volume_row.addWidget(self._volume_label)
        volume_row.addWidget(self.volume_edit)
        volume_row.addStretch(1)
        fee_layout.addLayout(volume_row)
        self.volume_message = QLabel()
        self.volume_message.setStyleSheet(text_style("error"))
        self.volume_message.setWordWrap(True)
        self.volume_message.hide()
        fee_layout.addWidget(self.volume_message)
        self.fee_table = QTableWidget(0, 4)
        self.fee_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fee_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fee_table.verticalHeader().hide()
        header = self.fee_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fee_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fee_table.setWordWrap(True)
        self.fee_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fee_layout.addWidget(self.fee_table)
        self.fee_bars = _FeeBars()
        fee_layout.addWidget(self.fee_bars)
        self.fee_note = QLabel()
        self.fee_note.setWordWrap(True)
        self.fee_note.setStyleSheet(text_style("muted"))
        fee_layout.addWidget(self.fee_note)
        fee_layout.addStretch(1)
        mid.addWidget(self._fee_box)
        mid.addStretch(1)
        body.addLayout(mid, 1)

    # -- the view protocol ----------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.ctx.lang

    def refresh(self) -> None:
        """Redraw from the local database; with no store chosen yet, take the first one."""
        self._stale = False
        if self.store_search.store_id is None:
            first = self.ctx.service.list_stores(limit=1)
            if first:
                self.store_search.set_store(first[0].id, first[0].name)
        self._schedule()

    def set_store(self, store_id: str | None) -> None:
        """Follow the store selected elsewhere (e.g. the stores list)."""
        if store_id is None or store_id == self.store_search.store_id:
            if self._stale:
                self.refresh()
            return
        self.store_search.set_store(store_id)  # the name comes with the preview
        self._stale = False
        self._schedule()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Checkout preview"))
        self._intro.setText(
            self.tr(
                "See the payment page exactly as your shoppers will, for any store, amount and device. "
                "Works offline from the data on this computer."
            )
        )
        self._store_label.setText(self.tr("&Store"))
        self.store_search.setPlaceholderText(self.tr("Search by store name or ID"))
        self._amount_label.setText(self.tr("&Amount"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 128.00"))
        self._device_label.setText(self.tr("Shopper's device"))
        for device, button in self.device_buttons.items():
            button.setText(self.device_name(device))
        self._screen_caption.setText(self.tr("What shoppers see. Fees in grey are shown only to you."))
        self._hidden_box.setTitle(self.tr("Not shown to shoppers"))
        self._qr_box.setTitle(self.tr("Store receiving code"))
        self.export_button.setText(self.tr("Export as PNG…"))
        # screen readers: the mock, the code and the bars are pictures without their own words
        self.shopper_screen.setAccessibleName(self.tr("What shoppers see at checkout"))
        self.qr_label.setAccessibleName(self.tr("Store receiving QR code"))
        self.fee_bars.setAccessibleName(self.tr("Monthly fee per method, as bars"))
        self.fee_table.setAccessibleName(self.tr("Fees per month"))
        self._fee_box.setTitle(self.tr("Fees per month"))
        self._volume_label.setText(self.tr("Monthly &sales (¥)"))
        self.fee_table.setHorizontalHeaderLabels(
            [self.tr("Method"), self.tr("Rate"), self.tr("Fee per month"), self.tr("You receive")]
        )
        self._show_amount_message()
        self._show_volume_message()
        self._render()

    # -- public helpers (used by tests and the main window) -------------------------------------
    def current_store_id(self) -> str | None:
        return self.store_search.store_id

    def set_device(self, device: Device) -> None:
        if device == self._device:
            return
        self._device = device
        button = self.device_buttons[device]
        if not button.isChecked():
            button.setChecked(True)
        self._schedule()

    def _on_device_toggled(self, device: Device, on: bool) -> None:
        if on:
            self.set_device(device)

    @property
    def device(self) -> Device:
        return self._device

    @property
    def amount_fen(self) -> int:
        """The amount of the preview shown (the last valid one the merchant typed)."""
        return self._amount_fen

    def export_png(self, path: str | Path) -> bool:
        """Save the shopper's screen beside the receiving code as one PNG; True on success.

        The screen is drawn again off-screen rather than grabbed from the view, so the picture
        is complete whether or not the view is visible, laid out yet, or scrolled.
        """
        screen = ShopperScreen()
        try:
            screen.show_preview(self.preview, self._store_name, self)
            screen.adjustSize()
            shot = screen.grab()
        finally:
            screen.deleteLater()
        qr = qr_pixmap(self.qr_payload, module_px=QR_MODULE_PX + 2) if self.qr_payload else QPixmap()
        gap = 24
        caption_h = 2 * self.fontMetrics().height() if not qr.isNull() else 0
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
                methods = self.preview.qr_wallets if self.preview else ()
                wallets = self.tr(", ").join(self.method_name(m) for m in methods)
                painter.drawText(
                    QRectF(left, gap + qr.height(), qr.width(), caption_h),
                    Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                    f"{self.qr_payload}\n{wallets}",
                )
        finally:
            painter.end()
        self.export_error = None
        try:
            os.close(create_private_file(Path(path)))  # 0600 before Qt writes into it
        except OSError as exc:
            self.export_error = exc
            return False
        ok = canvas.save(str(path), "PNG")
        if not ok:
            log.warning("could not write %s", path)
        return ok

    # -- words ---------------------------------------------------------------------------------
    def method_name(self, method: Method) -> str:
        return texts.method_name(method)

    def device_name(self, device: Device) -> str:
        return texts.device_name(device)

    def reason_text(self, reason: Reason) -> str:
        """One reason as a plain sentence (shared wording with the other views: texts.py)."""
        return texts.reason_text(reason, self.lang)

    def amount_error_text(self, error: AmountError | None) -> str:
        """What is wrong with a typed amount, in the merchant's words; '' when nothing is."""
        if error is None:
            return ""
        texts = {
            AmountError.EMPTY: self.tr("Enter an amount, e.g. 128.00."),
            AmountError.NOT_A_NUMBER: self.tr("This is not an amount. Use digits, e.g. 128.00 or ¥1,234.50."),
            AmountError.NEGATIVE: self.tr("The amount cannot be negative."),
            AmountError.TOO_MANY_DECIMALS: self.tr("Use at most two decimals (fen)."),
            AmountError.BAD_GROUPING: self.tr("Thousands separators go every three digits, e.g. 1,234.50."),
            AmountError.TOO_LARGE: self.tr("This amount is too large."),
            AmountError.ZERO: self.tr("Enter an amount above zero."),
        }
        return texts.get(error, self.tr("This is not an amount."))

    # -- reacting ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _on_data_changed(self, store_ids: object) -> None:
        """Stores or methods changed (a sync, a toggle): redraw now if visible, else later."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_store_chosen(self, _store_id: object) -> None:
        self._schedule()

    def _on_amount_text(self, text: str) -> None:
        parsed = parse_amount(text, allow_zero=False)
        self._amount_error = parsed.error
        if parsed.fen is not None:
            self._amount_fen = parsed.fen
            self._schedule()
        self._show_amount_message()

    def _on_volume_text(self, text: str) -> None:
        parsed = parse_amount(text)
        self._volume_error = parsed.error
        if parsed.fen is not None:
            self._volume_fen = parsed.fen
            self._schedule()
        self._show_volume_message()

    def _show_amount_message(self) -> None:
        if self._amount_error is None:
            self.amount_message.hide()
            self.amount_message.clear()
            return
        self.amount_message.setText(
            self.amount_error_text(self._amount_error)
            + " "
            + self.tr("The preview still shows %1.").replace("%1", format_fen(self._amount_fen, self.lang))
        )
        self.amount_message.show()

    def _show_volume_message(self) -> None:
        if self._volume_error is None:
            self.volume_message.hide()
            self.volume_message.clear()
            return
        self.volume_message.setText(self.amount_error_text(self._volume_error))
        self.volume_message.show()

    def _schedule(self) -> None:
        self._update_timer.start()

    def _update_preview(self) -> None:
        store_id = self.current_store_id()
        self.preview = None
        self.fee_rows = []
        terms: list[MethodTerms] = []
        available: set[Method] = set()
        if store_id is not None:
            try:
                self.preview = self.ctx.service.checkout_preview(store_id, self._amount_fen, self._device)
                detail = self.ctx.service.store_detail(store_id)
            except KeyError:
                log.info("store %s vanished before its preview", store_id)
            else:
                self._store_name = detail.store.name
                if self.store_search.text() == store_id:  # chosen by id from elsewhere: add the name
                    self.store_search.set_store(store_id, detail.store.name)
                for method, view in detail.methods.items():
                    if view.terms is not None:
                        terms.append(view.terms)
                    if view.shown_to_shoppers:
                        available.add(method)
        self.fee_rows = monthly_fee_rows(self._volume_fen, terms, available)
        self.qr_payload = self.preview.receive_code if self.preview else ""
        self._render()

    # -- drawing -------------------------------------------------------------------------------
    def _render(self) -> None:
        self.shopper_screen.show_preview(self.preview, self._store_name, self)
        self._render_hidden(self.preview.hidden if self.preview else ())
        self._render_qr()
        self._render_fees()

    def _render_hidden(self, hidden: Sequence[HiddenMethod]) -> None:
        if self.preview is None:
            self.hidden_label.setText("")
            return
        if not hidden:
            self.hidden_label.setText(self.tr("Every method is shown for this amount and device."))
            return
        parts = []
        because = self.tr("hidden because:")
        for item in hidden:
            reasons = "".join(f"<li>{_escape(self.reason_text(r))}</li>" for r in item.reasons)
            parts.append(
                f"<p style='margin:0'><b>{_escape(self.method_name(item.method))}</b> — "
                f"{_escape(because)}</p><ol style='margin-top:2px'>{reasons}</ol>"
            )
        self.hidden_label.setText("".join(parts))

    def _render_qr(self) -> None:
        while self.wallet_icons.count():
            item = self.wallet_icons.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)  # gone from findChildren() now, not at the next event loop pass
                w.deleteLater()
        if not self.qr_payload:
            self.qr_label.clear()
            self.qr_label.setText(self.tr("This store has no receiving code yet.") if self.preview else "")
            self.qr_payload_label.clear()
            self.wallets_label.clear()
            self.export_button.setEnabled(self.preview is not None)
            return
        self.qr_label.setPixmap(
            qr_pixmap(self.qr_payload, module_px=QR_MODULE_PX, device_pixel_ratio=self.devicePixelRatioF())
        )
        self.qr_payload_label.setText(self.tr("Code content: %1").replace("%1", self.qr_payload))
        wallets = self.preview.qr_wallets if self.preview else ()
        if wallets:
            self.wallets_label.setText(self.tr("One code for several wallets. Shoppers can pay it with:"))
            for method in wallets:
                self.wallet_icons.addWidget(self._wallet_chip(method))
            self.wallet_icons.addStretch(1)
        else:
            self.wallets_label.setText(self.tr("No wallet can pay this code right now."))
        self.export_button.setEnabled(True)

    def _wallet_chip(self, method: Method) -> QWidget:
        """The method's icon and name. Not an <img> in rich text: QLabel draws that SVG as a
        24 px bitmap scaled to the screen, blurred at 150 % and 200 %; a QIcon pixmap is
        rendered for the screen's pixel ratio."""
        chip = QWidget()
        chip.setObjectName("walletChip")
        chip.setAccessibleName(self.method_name(method))
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        glyph = QLabel()
        glyph.setPixmap(icon(f"method-{method.value}").pixmap(QSize(18, 18), self.devicePixelRatioF()))
        name = QLabel(self.method_name(method))
        row.addWidget(glyph)
        row.addWidget(name)
        return chip

    def _render_fees(self) -> None:
        rows = self.fee_rows
        self.fee_table.setRowCount(len(rows))
        bars: list[tuple[str, int, str, QColor]] = []
        for i, row in enumerate(rows):
            name = self.method_name(row.method)
            if not row.available:
                name = self.tr("%1 (not available to your shoppers yet)").replace("%1", name)
            cells = [
                name,
                format_bps(row.fee_bps, self.lang),
                format_fen(row.fee_fen, self.lang),
                format_fen(row.net_fen, self.lang),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setIcon(icon(f"method-{row.method.value}"))
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.fee_table.setItem(i, col, item)
            bars.append(
                (
                    self.method_name(row.method),
                    row.fee_fen,
                    format_fen(row.fee_fen, self.lang),
                    QColor(METHOD_COLOURS.get(row.method, "#6B7789")),
                )
            )
        self.fee_table.resizeRowsToContents()
        rows_height = sum(self.fee_table.rowHeight(r) for r in range(len(rows)))
        frame = 2 * self.fee_table.frameWidth()
        self.fee_table.setFixedHeight(self.fee_table.horizontalHeader().height() + rows_height + frame)
        self.fee_bars.set_bars(bars)
        if len(rows) >= 2:
            saving = rows[-1].fee_fen - rows[0].fee_fen
            self.fee_note.setText(
                self.tr("Paid entirely with %1, this month would cost %2 less than with %3.")
                .replace("%1", self.method_name(rows[0].method))
                .replace("%2", format_fen(saving, self.lang))
                .replace("%3", self.method_name(rows[-1].method))
                if saving
                else self.tr("Both methods cost the same at these rates.")
            )
        elif self.preview is None:
            self.fee_note.setText(self.tr("Choose a store to compare its fees."))
        else:
            self.fee_note.setText(self.tr("Rates come from the platform's published terms for this store."))

    def _ask_export(self) -> None:
        store_id = self.current_store_id() or "checkout"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export checkout preview"),
            str(Path.home() / f"checkout-{store_id}-{self._device.value}.png"),
            self.tr("PNG image (*.png)"),
        )
        if not path:
            return
        ok = self.export_png(path)
        message = self.tr("Saved to %1.") if ok else self.tr("Could not save to %1.")
        if self.export_error is not None:
            message = export_failure_text(self.export_error, "%1", self.ctx.lang)
        self.export_message.setText(message.replace("%1", path))
        self.export_message.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["CheckoutView", "FeeRow", "ShopperScreen", "monthly_fee_rows"]

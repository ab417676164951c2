"""Checkout preview: the store's checkout as a shopper sees it, before shoppers see it.

Merchants turn WeChat Pay on beside Alipay and then wonder what their buyers will actually get.
This view answers for one store, amount and device: the methods in order with the default
marked, the ones hidden and why (in words, as a chain), what each method costs in fees, and the
store's single receiving QR code with the wallets that can pay it. Everything comes from the
local database (``service.checkout_preview`` is local), so it works offline.

The fee comparison below answers the follow-up question ("what does each method cost me per
month?") for a sales volume the merchant types in.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): a page of several cards;
the planned cut moves the remaining cards into ui/widgets/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.checkout import CheckoutPreview, HiddenMethod
from console.core.model import Device, Method
from console.core.money import AmountParseError, parse_fen
from console.core.reasons import Reason
from console.core.sign import ReceivingSign, sign_for
from console.service import CheckoutSimulation, FeeRow
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import export_failure_text
from console.ui.money import format_fen, format_fen_input
from console.ui.resources import icon
from console.ui.theme import text_style
from console.ui.views.base import BaseView
from console.ui.widgets.fee_comparison import FeeComparison
from console.ui.widgets.flow import FlowLayout, flow_policy
from console.ui.widgets.page import page_header, scrolling_page
from console.ui.widgets.receive_code import ReceiveCode
from console.ui.widgets.receiving_sign import SignFormat, sign_bytes, write_export
from console.ui.widgets.shopper_screen import ShopperScreen
from console.ui.widgets.store_search import StoreSearch

log = logging.getLogger(__name__)

# What the amount field holds when the view first opens: a typical basket.
DEFAULT_AMOUNT_FEN = 128_00
# Default monthly volume of the fee comparison (¥100,000): a middling shop's month.
DEFAULT_VOLUME_FEN = 100_000_00
# Pixels per QR module on screen (~130 px for a short payload: scannable off a monitor and
# small enough that the page fits 1280×800); the printable sign draws its own (receiving_sign).
QR_MODULE_PX = 4


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
        self._amount_error: AmountParseError | None = None
        self._volume_error: AmountParseError | None = None
        self._device = Device.MOBILE_APP
        self._store_name = ""
        self._stale = True

        self._asked = 0  # numbers the questions to the db lane, so a late answer is dropped
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
        device_box = QWidget()  # the four channels wrap onto a second line in a narrow window
        flow_policy(device_box)
        device_row = FlowLayout(device_box, spacing=4)
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

        controls.addWidget(self._store_label, 0, 0)
        controls.addWidget(self._amount_label, 0, 1)
        controls.addWidget(self._device_label, 0, 2)
        controls.addWidget(self.store_search, 1, 0)
        controls.addWidget(self.amount_edit, 1, 1)
        controls.addWidget(device_box, 1, 2)
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
        self.receive_code = ReceiveCode()
        self.qr_label = self.receive_code.qr_label
        qr_layout.addWidget(self.receive_code, 1)
        qr_text = self.receive_code.action_area
        self.export_error: OSError | None = None  # why the last export failed, if it did
        self.export_button = QPushButton()
        self.export_button.setIcon(icon("export"))
        self.export_button.clicked.connect(self._ask_export)
        qr_text.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.hide()
        qr_text.addWidget(self.export_message)
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
        self.fees = FeeComparison()
        self.fee_table, self.fee_bars, self.fee_note = self.fees.table, self.fees.bars, self.fees.note
        fee_layout.addWidget(self.fees)
        fee_layout.addStretch(1)
        mid.addWidget(self._fee_box)
        mid.addStretch(1)
        body.addLayout(mid, 1)

    # -- the view protocol ----------------------------------------------------------------------
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
        self.export_button.setText(self.tr("Export sign…"))
        self.export_button.setToolTip(
            self.tr(
                "A sign to print for the till: the store's name, the code and the wallets that pay it, "
                "no fees"
            )
        )
        # screen readers: the mock, the code and the bars are pictures without their own words
        self.shopper_screen.setAccessibleName(self.tr("What shoppers see at checkout"))
        self.qr_label.setAccessibleName(self.tr("Store receiving QR code"))
        self._fee_box.setTitle(self.tr("Fees per month"))
        self._volume_label.setText(self.tr("Monthly &sales (¥)"))
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

    def sign(self) -> ReceivingSign | None:
        """The printable sign of the store shown (public facts only), or None without a code."""
        if self.preview is None or not self.preview.receive_code:
            return None
        return sign_for(self._store_name, self.preview)

    def export_sign(
        self, path: str | Path, fmt: SignFormat, *, on_done: Callable[[bool], None] | None = None
    ) -> bool:
        """Save the store's sign (not the phone mock-up: its fees are private) as ``fmt``.

        Painted here (the wallet marks are pixmaps, GUI-thread only), written 0600 on a worker;
        ``on_done(ok)`` follows on the GUI thread. False at once when there is no sign to save.
        """
        sign = self.sign()
        if sign is None:
            return False
        data = sign_bytes(sign, self.lang, fmt)
        target = Path(path)

        self.export_error = None

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, OSError):
                raise exc
            self.export_error = exc  # worded by export_failure_text (full disk, read-only, ...)
            if on_done is not None:
                on_done(False)

        self.ctx.tasks.run(
            lambda _t: write_export(target, data),
            on_done=lambda _r: on_done(True) if on_done is not None else None,
            on_error=failed,
            db=False,
        )
        return True

    # -- words ---------------------------------------------------------------------------------
    def method_name(self, method: Method) -> str:
        return words.method_name(method, self.lang)

    def device_name(self, device: Device) -> str:
        return words.label(words.device_name(device, self.lang))

    def reason_text(self, reason: Reason) -> str:
        """One reason as a plain sentence (shared wording with the other views: texts.py)."""
        return texts.reason(reason, self.lang)

    def amount_error_text(self, error: AmountParseError | None) -> str:
        """What is wrong with a typed amount, in the merchant's words; '' when nothing is."""
        return "" if error is None else words.amount_problem_text(error.problem, error.text, self.lang)

    # -- reacting ------------------------------------------------------------------------------
    def _on_data_changed(self, store_ids: object) -> None:
        """Stores or methods changed (a sync, a toggle): redraw now if visible, else later."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_store_chosen(self, _store_id: object) -> None:
        self._schedule()

    def _on_amount_text(self, text: str) -> None:
        fen, self._amount_error = _read_amount(text, allow_zero=False)
        if fen is not None:
            self._amount_fen = fen
            self._schedule()
        self._show_amount_message()

    def _on_volume_text(self, text: str) -> None:
        fen, self._volume_error = _read_amount(text, allow_zero=True)
        if fen is not None:
            self._volume_fen = fen
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
        """Ask the db lane for the page's data; only the newest answer is drawn."""
        store_id = self.current_store_id()
        self._asked += 1
        asked = self._asked
        if store_id is None:
            self._show_simulation(asked, None)
            return
        amount, device, volume = self._amount_fen, self._device, self._volume_fen

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, KeyError):
                raise exc
            log.info("store %s vanished before its preview", store_id)
            self._show_simulation(asked, None)

        self.ctx.tasks.run(
            lambda t: t.service.checkout_simulation(store_id, amount, device, volume),
            on_done=lambda sim: self._show_simulation(asked, sim),
            on_error=failed,
        )

    def _show_simulation(self, asked: int, sim: CheckoutSimulation | None) -> None:
        if asked != self._asked:  # a newer question is on its way: its answer will be drawn
            return
        self.preview = sim.preview if sim else None
        self.fee_rows = sim.fee_rows if sim else []
        if sim is not None:
            self._store_name = sim.store_name
            store_id = sim.preview.store_id
            if self.store_search.text() == store_id:  # chosen by id from elsewhere: add the name
                self.store_search.set_store(store_id, sim.store_name)
        self.qr_payload = self.preview.receive_code if self.preview else ""
        self._render()

    # -- drawing -------------------------------------------------------------------------------
    def _render(self) -> None:
        self.shopper_screen.show_preview(self.preview, self._store_name, self.lang)
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
        wallets = self.preview.qr_wallets if self.preview else ()
        self.receive_code.show_code(
            self.qr_payload, wallets, self.lang, store_chosen=self.preview is not None, module_px=QR_MODULE_PX
        )
        self.export_button.setEnabled(bool(self.qr_payload))

    def _render_fees(self) -> None:
        self.fees.show_rows(self.fee_rows, self.lang, store_chosen=self.preview is not None)

    def sign_filters(self) -> dict[str, SignFormat]:
        """The save dialog's file types, in the order offered (the till card first)."""
        return {
            self.tr("PDF, A6 card for the till (*.pdf)"): SignFormat.PDF_A6,
            self.tr("PDF, A4 poster (*.pdf)"): SignFormat.PDF_A4,
            self.tr("PNG image, 1200 pixels wide (*.png)"): SignFormat.PNG,
        }

    def _ask_export(self) -> None:
        store_id = self.current_store_id() or "store"
        filters = self.sign_filters()
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export receiving code sign"),
            str(Path.home() / f"receiving-code-{store_id}.pdf"),
            ";;".join(filters),
        )
        if not path:
            return
        fmt = filters.get(chosen, SignFormat.PNG if path.lower().endswith(".png") else SignFormat.PDF_A6)
        if not path.lower().endswith(fmt.suffix):
            path += fmt.suffix
        self.export_sign(path, fmt, on_done=lambda ok: self._exported(path, ok))

    def _exported(self, path: str, ok: bool) -> None:
        message = self.tr("Saved to %1.") if ok else self.tr("Could not save to %1.")
        if self.export_error is not None:
            message = export_failure_text(self.export_error, "%1", self.lang)
        self.export_message.setText(message.replace("%1", path))
        self.export_message.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["CheckoutView"]


def _read_amount(text: str, *, allow_zero: bool) -> tuple[int | None, AmountParseError | None]:
    """The field's fen, or why not: the one amount parser, as a value for a field read per key."""
    try:
        return parse_fen(text, allow_zero=allow_zero), None
    except AmountParseError as error:
        return None, error

"""Checkout preview view over a real local test DB: store, amount and device drive the preview."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from console.core.model import Device, Method
from console.core.reasons import ReasonCode
from console.ui import texts
from console.ui.context import UiContext
from console.ui.qr import qr_matrix, sample_matrix
from console.ui.views.checkout import QR_MODULE_PX, CheckoutView
from console.ui.widgets.receiving_sign import PNG_WIDTH_PX, SignFormat
from tests.ui.test_receiving_sign import decode, render_pdf
from tests.ui.views_support import chinese, make_view_db


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    return make_view_db(tmp_path)


@pytest.fixture
def ctx(ui_ctx: UiContext) -> UiContext:
    return ui_ctx


@pytest.fixture
def view(qtbot, ctx: UiContext) -> CheckoutView:
    v = CheckoutView(ctx)
    qtbot.addWidget(v)
    v.resize(1100, 760)
    v.show()
    qtbot.waitUntil(lambda: v.preview is not None)
    return v


def hidden_codes(view: CheckoutView, method: Method) -> list[ReasonCode]:
    assert view.preview is not None
    for item in view.preview.hidden:
        if item.method == method:
            return [r.code for r in item.reasons]
    return []


def shown(view: CheckoutView) -> list[Method]:
    assert view.preview is not None
    return [line.method for line in view.preview.shown]


def test_opens_with_the_stores_and_their_checkout(view: CheckoutView) -> None:
    assert view.current_store_id() == "tb-000001"  # the first store, until one is chosen
    assert view.store_search.text() == "Lakeside Tea House · tb-000001"
    assert view.preview is not None and view.preview.amount_fen == 128_00
    # both live and on: Alipay first (display order 1) and default, WeChat Pay beside it
    assert shown(view) == [Method.ALIPAY, Method.WECHAT_PAY]
    assert view.preview.default == Method.ALIPAY
    assert set(view.shopper_screen.method_rows) == {Method.ALIPAY, Method.WECHAT_PAY}
    assert view.shopper_screen.method_rows[Method.ALIPAY].property("default") == "true"
    # fees per method from the platform's terms (Taobao: Alipay 0.6 %, WeChat Pay 0.55 %)
    fees = {line.method: (line.fee_fen, line.net_fen) for line in view.preview.shown}
    assert fees[Method.ALIPAY] == (77, 128_00 - 77)  # 76.8 fen rounded half up
    assert fees[Method.WECHAT_PAY] == (70, 128_00 - 70)  # 70.4 fen


def test_alipay_mini_program_hides_wechat_pay_with_its_reason(qtbot, view: CheckoutView) -> None:
    view.device_buttons[Device.ALIPAY_MINI_PROGRAM].click()
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.device == Device.ALIPAY_MINI_PROGRAM)
    assert shown(view) == [Method.ALIPAY]
    assert hidden_codes(view, Method.WECHAT_PAY) == [ReasonCode.DEVICE_UNSUPPORTED]
    assert view.preview is not None
    reason = view.preview.hidden[0].reasons[0]
    assert texts.reason_text(reason, "en") in view.hidden_label.text()
    assert "on Alipay mini program" in view.hidden_label.text()


def test_wechat_mini_program_pays_with_wechat_pay_only(qtbot, view: CheckoutView) -> None:
    view.device_buttons[Device.WECHAT_MINI_PROGRAM].click()
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.device == Device.WECHAT_MINI_PROGRAM)
    assert shown(view) == [Method.WECHAT_PAY]
    assert hidden_codes(view, Method.ALIPAY) == [ReasonCode.DEVICE_UNSUPPORTED]
    assert "WeChat mini program" in view.hidden_label.text()


def test_amount_over_the_limit_hides_wechat_pay(qtbot, view: CheckoutView) -> None:
    view.amount_edit.setText("¥")
    qtbot.keyClicks(view.amount_edit, "60,000")  # QTest types ASCII only
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.amount_fen == 60_000_00)
    assert shown(view) == [Method.ALIPAY]
    assert hidden_codes(view, Method.WECHAT_PAY) == [ReasonCode.AMOUNT_OVER_LIMIT]
    assert "¥50,000.00" in view.hidden_label.text()  # the limit, formatted


def test_store_change_follows_and_shows_the_reason_chain(qtbot, view: CheckoutView) -> None:
    view.set_store("tb-000003")
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.store_id == "tb-000003")
    assert view.store_search.text() == "Pine Needle Crafts · tb-000003"  # the name came with it
    assert hidden_codes(view, Method.WECHAT_PAY) == [ReasonCode.NOT_INVITED]
    on_screen = [w.text() for w in view.shopper_screen.findChildren(QLabel)]
    assert "Pine Needle Crafts" in on_screen and "Lakeside Tea House" not in on_screen  # no leftovers
    view.set_store("tm-000002")  # WeChat Pay in review on Tmall
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.store_id == "tm-000002")
    assert hidden_codes(view, Method.WECHAT_PAY) == [ReasonCode.REVIEW_PENDING]
    assert "reviewed" in view.hidden_label.text()


def test_store_search_by_name_or_id(qtbot, view: CheckoutView) -> None:
    search = view.store_search
    search.setFocus()
    search.selectAll()
    qtbot.keyClicks(search, "pine")  # any case, part of the name
    qtbot.waitUntil(lambda: search.matches.rowCount() == 1)
    search.choose_row(0)
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.store_id == "tb-000003")
    search.selectAll()
    qtbot.keyClicks(search, "000002")  # part of the id; Enter takes the only match
    qtbot.waitUntil(lambda: search.matches.rowCount() == 1
                    and "北岸家居旗舰店" in str(search.matches.index(0, 0).data()))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.store_id == "tm-000002")
    search.selectAll()
    qtbot.keyClicks(search, "no such store")
    search.editingFinished.emit()
    qtbot.waitUntil(lambda: search.text() == "北岸家居旗舰店 · tm-000002")  # no match: the choice stays


def test_invalid_amount_shows_a_message_and_keeps_text_and_preview(qtbot, view: CheckoutView) -> None:
    view.amount_edit.clear()
    qtbot.keyClicks(view.amount_edit, "12.3.4")
    qtbot.waitUntil(lambda: view.amount_message.isVisible() and view.preview is not None
                    and view.preview.amount_fen == 12_30)
    assert "not an amount" in view.amount_message.text()
    # "12.3" was a valid amount on the way: the preview keeps it and the message says so
    assert "¥12.30" in view.amount_message.text()
    assert view.amount_edit.text() == "12.3.4"  # nothing the merchant typed is lost
    assert view.preview is not None and view.preview.amount_fen == 12_30
    view.amount_edit.setText("1,23")
    assert "three digits" in view.amount_message.text()
    view.amount_edit.setText("0")
    assert "greater than zero" in view.amount_message.text()


def test_full_width_digits_are_read(qtbot, view: CheckoutView) -> None:
    view.amount_edit.setText("￥１，２３４．５")
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.amount_fen == 1_234_50)
    assert not view.amount_message.isVisible()


def test_qr_code_carries_the_store_receive_code(qtbot, view: CheckoutView) -> None:
    assert view.qr_payload == "mcpay://receive/tb-000001"
    pixmap = view.qr_label.pixmap()
    assert not pixmap.isNull()
    assert sample_matrix(pixmap.toImage(), QR_MODULE_PX) == qr_matrix("mcpay://receive/tb-000001")
    chips = [w.accessibleName() for w in view._qr_box.findChildren(QWidget, "walletChip")]
    assert chips == ["Alipay", "WeChat Pay"]
    view.set_store("tm-000002")
    qtbot.waitUntil(lambda: view.qr_payload == "mcpay://receive/tm-000002")
    assert view.preview is not None and view.preview.qr_wallets == (Method.ALIPAY,)


def _export(qtbot, view: CheckoutView, target: Path, fmt: SignFormat) -> None:
    results: list[bool] = []
    assert view.export_sign(target, fmt, on_done=results.append)
    qtbot.waitUntil(lambda: results == [True], timeout=10_000)


def test_export_sign_is_a_printable_png_without_fees(qtbot, view: CheckoutView, tmp_path: Path) -> None:
    """The issue: the export was the phone mock-up at 590x351 px, with the merchant's private
    "fee ¥0.77 … you receive ¥127.23". Now it is the sign: 1200 px, name, code, wallets."""
    target = tmp_path / "sign.png"
    _export(qtbot, view, target, SignFormat.PNG)
    image = QImage(str(target))
    assert image.width() == PNG_WIDTH_PX
    assert decode(image) == ["mcpay://receive/tb-000001"]
    sign = view.sign()
    assert sign is not None and sign.store_name == "Lakeside Tea House"
    assert sign.wallets == (Method.ALIPAY, Method.WECHAT_PAY)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(("fmt", "points"), [(SignFormat.PDF_A6, 297.6), (SignFormat.PDF_A4, 595.3)])
def test_export_sign_as_pdf_page(
    qtbot, view: CheckoutView, tmp_path: Path, fmt: SignFormat, points: float
) -> None:
    target = tmp_path / "sign.pdf"
    target.write_bytes(b"an older file, readable by all")
    target.chmod(0o644)
    _export(qtbot, view, target, fmt)
    raw = target.read_bytes()
    assert raw.startswith(b"%PDF-")
    (width,) = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)", raw)
    assert abs(float(width) - points) < 2
    rendered = render_pdf(target, tmp_path)
    if rendered is not None:
        assert decode(rendered) == ["mcpay://receive/tb-000001"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600  # replaced whole, private
    assert not list(tmp_path.glob(".*.part"))


def test_export_sign_offers_the_three_formats_in_chinese(qtbot, view: CheckoutView, ctx: UiContext) -> None:
    with chinese(ctx):
        qtbot.waitUntil(lambda: view.export_button.text() == "导出收款码牌…")
        assert list(view.sign_filters().values()) == [SignFormat.PDF_A6, SignFormat.PDF_A4, SignFormat.PNG]
        assert all("(*.p" in f and any("\u4e00" <= c <= "\u9fff" for c in f) for f in view.sign_filters())


def test_monthly_fee_comparison(qtbot, view: CheckoutView) -> None:
    # ¥100,000 a month on Taobao: WeChat Pay 0.55 % = ¥550, Alipay 0.6 % = ¥600; cheapest first
    assert [(r.method, r.fee_fen) for r in view.fee_rows] == [
        (Method.WECHAT_PAY, 550_00),
        (Method.ALIPAY, 600_00),
    ]
    cell = view.fee_table.item(0, 2)
    assert cell is not None and cell.text() == "¥550.00"
    assert "¥50.00" in view.fee_note.text()
    view.volume_edit.setText("20000")
    qtbot.waitUntil(lambda: view.fee_rows and view.fee_rows[0].fee_fen == 110_00)
    view.volume_edit.setText("lots")
    qtbot.waitUntil(view.volume_message.isVisible)
    assert view.fee_rows[0].fee_fen == 110_00  # the last valid volume stays


def test_retranslates_to_chinese(qtbot, view: CheckoutView, ctx: UiContext) -> None:
    assert view._title.text() == "Checkout preview"
    with chinese(ctx):
        qtbot.waitUntil(lambda: view._title.text() == "收银台预览")
        assert view._device_label.text() == "买家设备"
        assert view.shopper_screen.method_rows  # the shopper's screen was redrawn in Chinese
        assert any(w.text() == "选择支付方式" for w in view.shopper_screen.findChildren(QLabel))
        assert view.export_button.text() == "导出收款码牌…"
    qtbot.waitUntil(lambda: view._title.text() == "Checkout preview")

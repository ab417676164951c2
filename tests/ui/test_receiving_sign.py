"""The printable receiving-code sign: decodes from the PNG and the PDF, and leaks no figure."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from console.core.checkout import preview
from console.core.model import (
    Device,
    Eligibility,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
)
from console.core.sign import ReceivingSign, sign_for
from console.ui.widgets.receiving_sign import (
    PNG_WIDTH_PX,
    ReceivingSignPreview,
    SignPage,
    export_sign_pdf,
    export_sign_png,
    paint_sign,
    sign_image,
)
from console.words.channels import channel_name, sign_wallets_line
from tests.helpers.factories import FIXED_NOW

PAYLOAD = "mcpay://receive/tb-000001"
SIGN = ReceivingSign("杭州西湖旗舰店", PAYLOAD, (Method.ALIPAY, Method.WECHAT_PAY))
A, W = Method.ALIPAY, Method.WECHAT_PAY
# A6 is 105 × 148 mm, A4 210 × 297 mm: in PDF points (1/72 in)
PAGE_POINTS = {SignPage.A6: (297.6, 419.5), SignPage.A4: (595.3, 841.9)}


def decode(image: QImage) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    view = zxingcpp.ImageView(
        data, gray.width(), gray.height(), zxingcpp.ImageFormat.Lum, gray.bytesPerLine()
    )
    return [r.text for r in zxingcpp.read_barcodes(view)]


def render_pdf(pdf: Path, tmp_path: Path) -> QImage | None:
    """The PDF's page as an image by a real renderer (QtPdf, else Ghostscript/pdftoppm), or None."""
    if importlib.util.find_spec("PySide6.QtPdf") is not None:
        qtpdf = importlib.import_module("PySide6.QtPdf")
        doc = qtpdf.QPdfDocument()
        doc.load(str(pdf))
        return doc.render(0, doc.pagePointSize(0).toSize() * 3)
    out = tmp_path / "page.png"
    if shutil.which("gs"):
        cmd = [
            "gs",
            "-q",
            "-dSAFER",
            "-dBATCH",
            "-dNOPAUSE",
            "-sDEVICE=pnggray",
            "-r200",
            f"-o{out}",
            str(pdf),
        ]
    elif shutil.which("pdftoppm"):
        cmd = ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(out.with_suffix(""))]
    else:
        return None
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return QImage(str(out))


def _inflate(data: bytes) -> bytes:
    """A content stream's bytes; streams that are not Flate-compressed (fonts, images) as stored."""
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data


def test_png_is_1200_px_wide_and_decodes(qapp, tmp_path: Path) -> None:
    target = tmp_path / "sign.png"
    assert export_sign_png(target, SIGN, "zh_CN")
    image = QImage(str(target))
    assert image.width() == PNG_WIDTH_PX == 1200
    assert image.height() == round(1200 * 2**0.5)  # A-series shape: prints edge to edge
    assert decode(image) == [PAYLOAD]


@pytest.mark.parametrize("page", list(SignPage))
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_pdf_page_size_and_the_printed_code_decodes(qapp, tmp_path: Path, page: SignPage, lang: str) -> None:
    target = tmp_path / f"sign-{page}.pdf"
    assert export_sign_pdf(target, SIGN, lang, page)
    raw = target.read_bytes()
    assert raw.startswith(b"%PDF-")
    (box,) = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", raw)
    width, height = (float(v) for v in box)
    want_w, want_h = PAGE_POINTS[page]
    assert abs(width - want_w) < 2 and abs(height - want_h) < 2
    assert raw.count(b"/Type /Page\n") + raw.count(b"/Type /Page ") + raw.count(b"/Type /Page/") >= 1
    rendered = render_pdf(target, tmp_path)
    if rendered is None:
        # no renderer on this machine: the code must at least be drawn as vector modules
        streams = [_inflate(m) for m in re.findall(rb"stream\r?\n(.*?)endstream", raw, re.S) if m]
        assert any(s.count(b" re") > 50 for s in streams)
    else:
        assert decode(rendered) == [PAYLOAD]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_sign_shows_public_facts_only(qapp, lang: str) -> None:
    image = QImage(600, 849, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        drawn = paint_sign(painter, QRectF(image.rect()), SIGN, lang)
    finally:
        painter.end()
    text = " ".join(drawn)
    assert SIGN.store_name in text
    assert sign_wallets_line(SIGN.wallets, lang) in text
    assert (
        ("支付宝" in text and "微信支付" in text)
        if lang == "zh_CN"
        else ("Alipay" in text and "WeChat Pay" in text)
    )
    # nothing a competitor could read: no money, no rate, no "you receive"
    for private in ("¥", "%", "fee", "receive", "手续费", "费率", "到账", "实收"):
        assert private not in text.lower()
    assert not re.search(r"\d", text)
    # and the sign's data has nowhere to put a figure
    assert {f.name for f in dataclasses.fields(ReceivingSign)} == {"store_name", "payload", "wallets"}


def test_sign_from_a_preview_ignores_channel_and_fees() -> None:
    store = Store("tb-1", Platform.TAOBAO, " Shop ", "apparel", StoreStatus.OPEN, PAYLOAD)
    methods = {m: MethodState("tb-1", m, Eligibility.LIVE, True) for m in Method}
    terms = [MethodTerms(Platform.TAOBAO, m, 60, None, frozenset(Device), i) for i, m in enumerate(Method)]
    pv = preview(store, methods, terms, 12_800, Device.WECHAT_MINI_PROGRAM, FIXED_NOW)
    sign = sign_for(store.name, pv)
    assert sign == ReceivingSign("Shop", PAYLOAD, (A, W))  # every live wallet, not the channel's one
    with pytest.raises(ValueError):
        sign_for("Shop", dataclasses.replace(pv, receive_code=""))


def test_a_store_without_wallets_says_so_and_the_code_still_decodes(qapp) -> None:
    bare = ReceivingSign("Shop", PAYLOAD, ())
    assert decode(sign_image(bare, "en", 800)) == [PAYLOAD]
    assert "cannot take payments" in sign_wallets_line((), "en")
    assert sign_wallets_line((W, A), "zh_CN") == "支持微信支付、支付宝"
    assert sign_wallets_line((A,), "en") == "Pay with Alipay"


def test_preview_widget_is_named_for_screen_readers(qtbot) -> None:
    widget = ReceivingSignPreview()
    qtbot.addWidget(widget)
    widget.set_sign(SIGN, "zh_CN")
    assert widget.accessibleName() == "扫码付款: 杭州西湖旗舰店"
    assert widget.accessibleDescription() == "支持支付宝、微信支付"
    widget.resize(300, 600)
    rect = widget.page_rect()
    assert rect.width() == 300 and abs(rect.height() - 300 * 2**0.5) < 1
    assert decode(widget.grab().toImage()) == [PAYLOAD]
    widget.set_sign(SIGN, "en")
    assert widget.accessibleName() == "Scan to pay: 杭州西湖旗舰店"


def test_channel_names_in_both_languages() -> None:
    assert channel_name(Device.WECHAT_MINI_PROGRAM, "zh_CN") == "微信小程序"
    assert channel_name("mini_program", "en") == "Alipay mini program"
    assert [channel_name(d, "en") for d in Device] == [
        "mobile app",
        "PC web",
        "WeChat mini program",
        "Alipay mini program",
    ]

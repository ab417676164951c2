"""The printable receiving-code sign: one painter routine for the screen, PNG and PDF.

A sign is what hangs at the till, so it shows only public facts (``console.core.sign``): the
store's name, the code, the wallets that can pay it. The same :func:`paint_sign` draws on a
widget, a 1200 px image and an A6/A4 PDF page, so what the merchant previews is what prints.

The code is painted as vector rectangles, each module a whole number of device pixels, with no
antialiasing: printers and scanners both cope badly with resampled or seamed module edges.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPdfWriter,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.core.sign import ReceivingSign
from console.ui.errors import create_export
from console.ui.qr import QUIET_ZONE, qr_matrix
from console.ui.resources import icon
from console.words.channels import sign_wallets_line, sign_words

#: Width of the exported PNG: sharp at A6 (≈ 290 dpi) and legible on a phone.
PNG_WIDTH_PX = 1200
#: PDF resolution: the code's modules land on whole printer dots at 300 and 600 dpi.
PDF_DPI = 300
#: A-series pages are 1 : √2; the sign keeps that shape everywhere so previews match the print.
ASPECT = 2**0.5

_INK = QColor("#111111")
_MUTED = QColor("#57606A")
_PAPER = QColor("#ffffff")


class SignPage(StrEnum):
    A6 = "A6"  # a stand-up card at the till
    A4 = "A4"  # a poster on the wall


_PAGE_SIZES = {SignPage.A6: QPageSize.PageSizeId.A6, SignPage.A4: QPageSize.PageSizeId.A4}


def _font(px: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def paint_sign(painter: QPainter, rect: QRectF, sign: ReceivingSign, lang: str) -> list[str]:
    """Draw ``sign`` in ``lang`` filling ``rect`` (any size, A-series shape); return the texts drawn.

    Everything is proportional to the rect's width, so one routine serves a small preview and a
    poster. The returned texts are exactly what a reader sees (tests check no figure leaks).
    """
    words = sign_words(lang)
    w = rect.width()
    margin = 0.08 * w
    inner = rect.adjusted(margin, margin, -margin, -margin)
    drawn: list[str] = []
    painter.save()
    try:
        painter.fillRect(rect, _PAPER)
        painter.setPen(_INK)
        top = inner.top()

        # the store's name first: the shopper checks they pay the right shop
        painter.setFont(_font(0.065 * w, bold=True))
        name_box = QRectF(inner.left(), top, inner.width(), 0.17 * w)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        painter.drawText(name_box, flags, sign.store_name)
        drawn.append(sign.store_name)
        top = name_box.bottom() + 0.02 * w

        painter.setFont(_font(0.09 * w, bold=True))
        head_h = QFontMetricsF(painter.font()).height()
        painter.drawText(QRectF(inner.left(), top, inner.width(), head_h), flags, words.headline)
        drawn.append(words.headline)
        top += head_h + 0.03 * w

        # the code: vector modules (sharp on any printer), each a whole number of device pixels
        matrix = qr_matrix(sign.payload)
        modules = len(matrix) + 2 * QUIET_ZONE
        scale = painter.deviceTransform().m11() or 1.0
        module = max(1, int(0.64 * w * scale // modules)) / scale  # quiet zone included
        side = module * modules
        origin_x = round((rect.center().x() - side / 2) * scale) / scale
        origin_y = round(top * scale) / scale
        painter.fillRect(QRectF(origin_x, origin_y, side, side), _PAPER)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # no seams between modules
        for y, row in enumerate(matrix):
            x = 0
            while x < len(row):  # one rectangle per run of dark modules: a lighter PDF
                if not row[x]:
                    x += 1
                    continue
                run = x
                while run < len(row) and row[run]:
                    run += 1
                left = origin_x + (x + QUIET_ZONE) * module
                painter.fillRect(
                    QRectF(left, origin_y + (y + QUIET_ZONE) * module, (run - x) * module, module), _INK
                )
                x = run
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        top += side + 0.01 * w

        # the wallets that can pay it: their marks, then their names
        mark = 0.075 * w
        gap = 0.03 * w
        total = len(sign.wallets) * mark + max(0, len(sign.wallets) - 1) * gap
        left = rect.center().x() - total / 2
        for method in sign.wallets:
            pixmap = icon(f"method-{method.value}").pixmap(QSize(round(mark * scale), round(mark * scale)))
            if not pixmap.isNull():
                painter.drawPixmap(QRectF(left, top, mark, mark), pixmap, QRectF(pixmap.rect()))
            left += mark + gap
        if sign.wallets:
            top += mark + 0.02 * w
        line = sign_wallets_line(sign.wallets, lang)
        painter.setFont(_font(0.05 * w, bold=not sign.wallets))
        line_h = 1.3 * QFontMetricsF(painter.font()).height()
        painter.drawText(QRectF(inner.left(), top, inner.width(), line_h), flags, line)
        drawn.append(line)

        painter.setPen(_MUTED)
        painter.setFont(_font(0.032 * w))
        foot_h = 1.5 * QFontMetricsF(painter.font()).height()
        foot = QRectF(inner.left(), inner.bottom() - foot_h, inner.width(), foot_h)
        painter.drawText(foot, flags, words.footer)
        drawn.append(words.footer)
    finally:
        painter.restore()
    return drawn


def sign_image(sign: ReceivingSign, lang: str, width_px: int = PNG_WIDTH_PX) -> QImage:
    """The sign as an image ``width_px`` wide, A-series shape, white paper."""
    image = QImage(width_px, round(width_px * ASPECT), QImage.Format.Format_RGB32)
    image.fill(_PAPER)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_sign(painter, QRectF(image.rect()), sign, lang)
    finally:
        painter.end()
    return image


class SignFormat(StrEnum):
    """What "Export sign…" can save: a card for the till, a poster, or an image to share."""

    PDF_A6 = "pdf-a6"
    PDF_A4 = "pdf-a4"
    PNG = "png"

    @property
    def suffix(self) -> str:
        return ".png" if self is SignFormat.PNG else ".pdf"


def png_bytes(sign: ReceivingSign, lang: str, width_px: int = PNG_WIDTH_PX) -> bytes:
    """The sign as PNG file contents (painted here, on the GUI thread: the wallet marks are
    QPixmaps; the bytes can then be written anywhere)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(sign_image(sign, lang, width_px)):
        raise OSError("the sign could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def pdf_bytes(sign: ReceivingSign, lang: str, page: SignPage = SignPage.A6) -> bytes:
    """The sign as a one-page PDF at ``page`` size.

    Text stays text (sharp at any printer resolution); the code is vector modules placed on
    whole dots at :data:`PDF_DPI`.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(QPageSize(_PAGE_SIZES[page]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(sign.store_name)
    writer.setCreator("Merchant Console")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the sign could not be drawn as PDF")
    try:
        full = QRectF(writer.pageLayout().fullRectPixels(PDF_DPI))
        paint_sign(painter, full, sign, lang)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def sign_bytes(sign: ReceivingSign, lang: str, fmt: SignFormat) -> bytes:
    """The file contents of ``sign`` in ``fmt``."""
    if fmt is SignFormat.PNG:
        return png_bytes(sign, lang)
    return pdf_bytes(sign, lang, SignPage.A4 if fmt is SignFormat.PDF_A4 else SignPage.A6)


def write_export(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``: 0600 from the first byte (``create_export``, the exports'
    one door to private files) and replaced whole, so a half-written sign never stands under
    the final name. Raises OSError (worded by ``console.ui.errors.export_failure_text``)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    fd = create_export(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise


def export_sign_png(path: str | Path, sign: ReceivingSign, lang: str, width_px: int = PNG_WIDTH_PX) -> bool:
    """Save the sign as a PNG (0600); True on success (False: the path could not be written)."""
    try:
        write_export(path, png_bytes(sign, lang, width_px))
    except OSError:
        return False
    return True


def export_sign_pdf(path: str | Path, sign: ReceivingSign, lang: str, page: SignPage = SignPage.A6) -> bool:
    """Save the sign as a one-page PDF at ``page`` size (0600); True on success."""
    try:
        write_export(path, pdf_bytes(sign, lang, page))
    except OSError:
        return False
    return True


class ReceivingSignPreview(QWidget):
    """The sign as it will print, scaled into the widget; named for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sign: ReceivingSign | None = None
        self._lang = "zh_CN"
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(QSize(120, round(120 * ASPECT)))

    def set_sign(self, sign: ReceivingSign | None, lang: str) -> None:
        self._sign, self._lang = sign, lang
        if sign is None:
            self.setAccessibleName("")
        else:
            self.setAccessibleName(f"{sign_words(lang).headline}: {sign.store_name}")
            self.setAccessibleDescription(sign_wallets_line(sign.wallets, lang))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, round(240 * ASPECT))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * ASPECT)

    def page_rect(self) -> QRectF:
        """The largest A-shaped rect centred in the widget."""
        size = QSizeF(self.width(), self.width() * ASPECT)
        if size.height() > self.height():
            size = QSizeF(self.height() / ASPECT, self.height())
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._sign is None:
            return
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_sign(painter, self.page_rect(), self._sign, self._lang)
        finally:
            painter.end()

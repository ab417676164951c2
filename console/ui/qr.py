"""The store's receiving QR code as a Qt image.

segno (pure Python, no Pillow) computes the module matrix; we paint it into a QImage ourselves
so no image codec or temporary file is involved, and tests can compare the pixels with the
matrix of the payload they expect (a decoder is not among our dependencies).
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

#: Quiet zone in modules. The QR standard asks for 4; scanners fail more often with less.
QUIET_ZONE = 4


def qr_matrix(payload: str) -> list[list[bool]]:
    """Dark (True) / light modules of the code for ``payload``, without the quiet zone.

    Error correction "M" (15 %): a printed code at a till survives smudges, and the payloads
    (``mcpay://receive/<store>``) are short enough that the code stays small.
    """
    if not payload:
        raise ValueError("empty QR payload")
    code = segno.make(payload, error="m", micro=False, boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]


def qr_image(
    payload: str,
    *,
    module_px: int = 6,
    dark: QColor | None = None,
    light: QColor | None = None,
) -> QImage:
    """The code as an RGB image, ``module_px`` pixels per module, with the quiet zone.

    Always dark on light, whatever the theme: scanners expect that contrast, and a dark-mode
    inverted code is one many wallets will not read.
    """
    matrix = qr_matrix(payload)
    size = (len(matrix) + 2 * QUIET_ZONE) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(light or QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dark or QColor("#111111"))
        for y, row in enumerate(matrix):
            for x, is_dark in enumerate(row):
                if is_dark:
                    left, top = (x + QUIET_ZONE) * module_px, (y + QUIET_ZONE) * module_px
                    painter.drawRect(QRect(left, top, module_px, module_px))
    finally:
        painter.end()
    return image


def qr_pixmap(payload: str, *, module_px: int = 6, device_pixel_ratio: float = 1.0) -> QPixmap:
    """:func:`qr_image` as a pixmap for a QLabel (needs a QGuiApplication).

    ``module_px`` is in logical pixels. On a high-DPI screen the modules are painted in whole
    device pixels (``round(module_px * ratio)``) and the pixmap carries the ratio, so Qt draws it
    1:1: a 1x pixmap scaled up blurs the module edges, which scanners tolerate badly.
    """
    ratio = max(float(device_pixel_ratio), 1.0)
    pixmap = QPixmap.fromImage(qr_image(payload, module_px=max(1, round(module_px * ratio))))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def sample_matrix(image: QImage, module_px: int) -> list[list[bool]]:
    """Read the modules back from an image made by :func:`qr_image` (centre pixel of each).

    Used by tests and by the PNG export check: it proves the picture carries the code we meant,
    not just some square.
    """
    modules = image.width() // module_px - 2 * QUIET_ZONE
    half = module_px // 2
    out: list[list[bool]] = []
    for y in range(modules):
        row = []
        for x in range(modules):
            px = QColor(image.pixel((x + QUIET_ZONE) * module_px + half, (y + QUIET_ZONE) * module_px + half))
            row.append(px.lightness() < 128)
        out.append(row)
    return out

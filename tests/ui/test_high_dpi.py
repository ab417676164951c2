"""High DPI (150 %, 200 %): pictures are drawn for the screen's pixel ratio, never scaled up.

Icons are SVG and become pixmaps at the screen's ratio; the QR code is painted in whole device
pixels. What blurred before: method icons put into rich text as ``<img src=...svg>`` (drawn as a
24 px bitmap and scaled) and the QR code (a 1x pixmap scaled by the label).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.ui.qr import qr_image, qr_matrix, qr_pixmap, sample_matrix

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = "mcpay://receive/tb-000001"


@pytest.mark.parametrize(("ratio", "device_module"), [(1.0, 4), (1.5, 6), (2.0, 8), (1.25, 5)])
def test_qr_is_painted_in_whole_device_pixels(qapp, ratio: float, device_module: int) -> None:
    pixmap = qr_pixmap(PAYLOAD, module_px=4, device_pixel_ratio=ratio)
    assert pixmap.devicePixelRatio() == ratio
    image = pixmap.toImage()
    assert image.width() == qr_image(PAYLOAD, module_px=device_module).width()
    assert sample_matrix(image, device_module) == qr_matrix(PAYLOAD)
    # the same size on screen, within a pixel, whatever the ratio
    logical = image.width() / ratio
    assert abs(logical - qr_image(PAYLOAD, module_px=4).width()) <= len(qr_matrix(PAYLOAD)) + 8


CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel
from console.ui.app import build_context
from console.ui.main_window import VIEW_NAMES
from console.ui.main_window import MainWindow
from tests.helpers.factories import FIXED_NOW
from tests.ui.conftest import demo_specs
from tests.helpers.factories import make_db

data = Path(sys.argv[1])
make_db(data, stores=demo_specs())
app = QApplication([])
ctx = build_context(app, data, "en", clock=lambda: FIXED_NOW)
w = MainWindow(ctx)
w.resize(1280, 800)
w.show()
found = {"ratio": app.devicePixelRatio(), "blurry": [], "rich_images": [], "pixmaps": 0}
for name in VIEW_NAMES:
    w.show_view(name, "tb-live")
    for _ in range(50):
        app.processEvents()
        if not ctx.tasks.is_busy():
            break
        ctx.tasks.thread().msleep(20)
    app.processEvents()
    for label in w.findChildren(QLabel):
        pm = label.pixmap()
        if not pm.isNull():
            found["pixmaps"] += 1
            if pm.devicePixelRatio() < app.devicePixelRatio():
                found["blurry"].append(f"{name}: {label.objectName() or type(label.parentWidget()).__name__}")
        if "<img" in label.text():
            found["rich_images"].append(f"{name}: {label.text()[:60]}")
ctx.tasks.shutdown()
ctx.service.close()
print("RESULT " + json.dumps(found))
"""


def test_the_window_at_200_percent_draws_every_picture_sharp(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", PYTHONPATH=str(ROOT))
    env.setdefault("QT_LOGGING_RULES", "default.warning=false")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    found = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
    assert found["ratio"] == 2.0
    assert found["pixmaps"] >= 5  # status icon, card icons, the QR code, checkout glyphs …
    assert found["blurry"] == []
    assert found["rich_images"] == []

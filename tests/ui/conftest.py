"""GUI test fixtures: a UiContext over a local test database (no server), and the main window.

``ui_ctx`` builds the same context the app builds (lazy GUI-thread service, TaskRunner lanes with
their own connections), with the clock fixed at ``FIXED_NOW``; it is shut down after the test.
Translations (.qm) are compiled from the .ts sources when missing or stale, as ``make
translations`` would.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db

ROOT = Path(__file__).resolve().parents[2]


def demo_specs() -> list[StoreSpec]:
    """A small, varied set of stores: one of each situation the views must explain."""
    return [
        StoreSpec("tb-live", name="Lakeside Tea House", wechat="live"),
        StoreSpec("tb-invited", name="Pine Needle Crafts", wechat="invited"),
        StoreSpec(
            "tm-rejected",
            platform="tmall",
            name="北岸家居旗舰店",
            wechat="rejected",
            reason_code="LICENSE_MISMATCH",
        ),
        StoreSpec("tb-none", name="Harbour Snacks", wechat="not_invited"),
        StoreSpec("tm-review", platform="tmall", name="Sunrise Digital", wechat="in_review"),
    ]


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if lrelease.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    make_db(tmp_path, stores=demo_specs())
    return tmp_path


@pytest.fixture
def ui_ctx(qapp, ui_data_dir: Path) -> Iterator[object]:
    from console.ui.app import LazyService, build_context
    from console.ui.i18n import Translations

    Translations().apply(qapp, "en")
    ctx = build_context(qapp, ui_data_dir, "en", clock=lambda: FIXED_NOW)
    yield ctx
    Translations().apply(qapp, "en")  # a test that switched language must not leak it
    ctx.tasks.shutdown()
    if isinstance(ctx.service, LazyService):
        ctx.service.close()


@pytest.fixture
def window(qtbot, ui_ctx):
    from console.ui.main_window import MainWindow

    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitSignal(w.stores.loaded, timeout=10_000):  # built by asking, it loads
        w.show()
    return w

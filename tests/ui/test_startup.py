"""Start-up order (console/ui/app.py): the merchant's stores on screen before the service opens.

The first screenful is read with plain sqlite3 and shown; the stores page's normal load (the
whole list, chips, selection, detail) follows. These tests drive the real window: what the
merchant would notice is rows on screen, then the complete list, and nothing lost when the quick
read cannot be done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from console.ui.models.stores_model import Col
from tests.helpers.factories import make_db

pytestmark = pytest.mark.usefixtures("qapp")


def _window(qtbot, ctx):
    from console.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_first_screenful_is_on_screen_then_the_whole_list_follows(qtbot, qapp, tmp_path: Path) -> None:
    from console.ui import app as appmod
    from console.ui.app import build_context

    make_db(tmp_path, stores=appmod.FIRST_SCREENFUL + 50)
    ctx = build_context(qapp, tmp_path, "en")
    try:
        w = _window(qtbot, ctx)
        seen: list[int] = []
        with qtbot.waitSignal(w.stores.loaded, timeout=20_000):
            appmod.show_stores_first(
                w, tmp_path / "console.db", lambda: seen.append(w.stores.model.rowCount())
            )
            qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        # at the moment it was reported on screen the list already had rows (the first screenful
        # or, if the full load overtook it, everything); then the whole list is there
        assert seen and seen[0] > 0
        assert w.stores.model.rowCount() == appmod.FIRST_SCREENFUL + 50
        names = [w.stores.model.index(r, Col.STORE).data() for r in range(3)]  # column 0 is the checkbox
        assert all(names), names
        # the normal load selected a store, and its detail opened
        qtbot.waitUntil(lambda: w.stores.detail.store_id is not None, timeout=10_000)
        assert w.stores.detail.store_id == w.stores.current_store_id()
    finally:
        ctx.tasks.shutdown()
        ctx.service.close()  # type: ignore[attr-defined]


def test_first_read_matches_the_full_load(qapp, tmp_path: Path) -> None:
    """What the merchant sees first is what the full load shows: same stores, same order."""
    from console.service import ConsoleService
    from console.storage.db import open_database
    from console.ui.app import read_first_screenful
    from console.ui.models.stores_model import SOURCES, StoreTable

    db_path = make_db(tmp_path, stores=30)
    quick = read_first_screenful(db_path)
    db = open_database(db_path)
    try:
        full = StoreTable.from_chunks(ConsoleService(db).store_columns(SOURCES), name_ordered=True)
    finally:
        db.conn.close()
    assert len(quick) == len(full) == 30
    assert quick.ids == full.ids


def test_without_a_database_the_normal_load_still_reports_the_stores(qtbot, qapp, tmp_path: Path) -> None:
    """No database yet (first start before the first sync): the quick read fails quietly, the
    stores page loads the normal way (creating the database), and start-up goes on."""
    from console.ui import app as appmod
    from console.ui.app import build_context

    ctx = build_context(qapp, tmp_path, "en")
    try:
        w = _window(qtbot, ctx)
        seen: list[bool] = []
        appmod.show_stores_first(w, tmp_path / "console.db", lambda: seen.append(True))
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        assert w.stores.model.rowCount() == 0
        assert (tmp_path / "console.db").exists()
    finally:
        ctx.tasks.shutdown()
        ctx.service.close()  # type: ignore[attr-defined]


def test_stores_are_reported_only_once_painted_after_the_window(qtbot, qapp, tmp_path: Path) -> None:
    """As run_gui does: asked for before the window is shown, the stores are reported on screen
    only after the window has painted, with the rows in the list."""
    from console.ui import app as appmod
    from console.ui.app import build_context
    from console.ui.main_window import MainWindow

    make_db(tmp_path, stores=12)
    ctx = build_context(qapp, tmp_path, "en")
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        seen: list[tuple[bool, int]] = []
        appmod.show_stores_first(
            w, tmp_path / "console.db", lambda: seen.append((w.has_painted, w.stores.model.rowCount()))
        )
        qtbot.wait(50)  # time for a read to come back before there is anything to paint
        assert not seen
        w.resize(1280, 800)
        w.show()
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        assert seen == [(True, 12)]
        qtbot.waitUntil(lambda: w.stores.detail.store_id is not None, timeout=10_000)
    finally:
        ctx.tasks.shutdown()
        ctx.service.close()  # type: ignore[attr-defined]

"""The stores page as a merchant drives it (issues #12 and #16): what the WeChat Pay column says,
checkboxes with Shift+click and "select all N matching", the bulk hand-off, keyboard (Tab leaves the
table, Space checks, Enter opens), pinyin order, and layouts at 1024×700 and after a language switch.
Real widgets, driven with pytest-qt; the clock is the fixture's fixed one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from console.core.model import Platform
from console.ui.collation import Collation
from console.ui.models.stores_model import BulkScope, Col, PillRole
from tests.helpers.factories import StoreSpec, make_db

NAMES = {
    "tb-live": "Lakeside Tea House",
    "tb-off": "Lakeside Noodles",
    "tb-frozen": "Frozen Lake Outlet",
    "tb-cq": "重庆火锅",
    "tb-zh": "中华老字号",
    "tb-a": "阿里小铺",
    "tb-10": "店铺 10",
    "tb-2": "店铺 2",
    "tb-long": "北岸家居旗舰店官方直营超长名称的一家店铺用来测试省略号",
    "tm-inv": "Pine Needle Crafts",
    "tm-exp": "Expired Gardens",
    "tm-wd": "Withdrawn Wares",
}


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    make_db(
        tmp_path,
        stores=[
            StoreSpec("tb-live", name=NAMES["tb-live"], wechat="live"),
            StoreSpec("tb-off", name=NAMES["tb-off"], wechat="live", wechat_on=False),
            StoreSpec("tb-frozen", name=NAMES["tb-frozen"], wechat="live", status="frozen"),
            StoreSpec("tb-cq", name=NAMES["tb-cq"]),
            StoreSpec("tb-zh", name=NAMES["tb-zh"]),
            StoreSpec("tb-a", name=NAMES["tb-a"]),
            StoreSpec("tb-10", name=NAMES["tb-10"]),
            StoreSpec("tb-2", name=NAMES["tb-2"]),
            StoreSpec("tb-long", name=NAMES["tb-long"], wechat="invited"),
            StoreSpec("tm-inv", platform="tmall", name=NAMES["tm-inv"], wechat="invited"),
            StoreSpec("tm-exp", platform="tmall", name=NAMES["tm-exp"], wechat="expired"),
            StoreSpec("tm-wd", platform="tmall", name=NAMES["tm-wd"], wechat="withdrawn"),
        ],
    )
    return tmp_path


@pytest.fixture
def stores(window, qtbot):
    view = window.stores
    if view.model.table.name_ordered is False or view._ranking is not None:
        qtbot.waitSignal(view.names_ordered, timeout=10_000).wait()
    qtbot.waitUntil(lambda: view._ranking is None, timeout=10_000)
    return view


def _cell(view, store_id: str, col: int):
    row = view.model.row_of(store_id)
    assert row is not None, store_id
    return view.model.index(row, col)


def _click_check(qtbot, view, store_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.table.visualRect(_cell(view, store_id, Col.CHECK))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_wechat_pay_is_green_only_where_shoppers_can_pay(stores):
    assert _cell(stores, "tb-live", Col.WECHAT).data(PillRole) == "live"
    off = _cell(stores, "tb-off", Col.WECHAT)
    assert off.data(PillRole) != "live" and off.data().endswith("· off")
    frozen = _cell(stores, "tb-frozen", Col.WECHAT)
    assert frozen.data(PillRole) != "live" and frozen.data().endswith("· not shown")


def test_visibility_chips_count_and_filter(stores, qtbot):
    chips = stores.chips
    assert chips.chip("vis-shown").text() == "Shown to shoppers 1"
    assert chips.chip("vis-not_shown").text() == f"Not shown {len(NAMES) - 1}"
    for key, ids in (
        ("vis-shown", ["tb-live"]),
        ("vis-frozen", ["tb-frozen"]),
        ("vis-expired", ["tm-exp"]),
        ("vis-withdrawn", ["tm-wd"]),
    ):
        qtbot.mouseClick(chips.chip(key), Qt.MouseButton.LeftButton)
        assert stores.model.visible_ids() == ids, key
    qtbot.mouseClick(chips.chip("all"), Qt.MouseButton.LeftButton)
    stores.setting.setCurrentIndex(stores.setting.findText("WeChat Pay not shown to shoppers"))
    assert "tb-live" not in stores.model.visible_ids() and len(stores.model.visible_ids()) == len(NAMES) - 1


def test_names_sort_by_pinyin_and_numbers_by_value(stores):
    shown = [stores.model.data(stores.model.index(r, Col.STORE)) for r in range(stores.model.rowCount())]
    assert shown == Collation("zh_CN").sorted(NAMES.values())
    assert shown.index("店铺 2") < shown.index("店铺 10")
    assert shown.index("阿里小铺") < shown.index("中华老字号")


def test_checks_with_shift_click_survive_filtering_and_sorting(stores, qtbot):
    current = stores.current_store_id()
    order = stores.model.visible_ids()
    _click_check(qtbot, stores, order[1])
    _click_check(qtbot, stores, order[4], Qt.KeyboardModifier.ShiftModifier)
    assert stores.model.checked_ids() == order[1:5]
    assert stores.current_store_id() == current  # a checkbox is not a row click
    assert stores.selection.text() == "4 checked"
    stores.search.setText("zzz-nothing")
    assert stores.model.rowCount() == 0 and stores.model.checked_count() == 4
    assert "4 not shown by these filters" in stores.selection.text()
    stores.search.clear()
    stores.table.sortByColumn(Col.PLATFORM, Qt.SortOrder.DescendingOrder)
    assert sorted(stores.model.checked_ids()) == sorted(order[1:5])
    assert all(stores.model.is_checked(stores.model.row_of(sid)) for sid in order[1:5])
    _click_check(qtbot, stores, order[2])  # uncheck one
    assert sorted(stores.model.checked_ids()) == sorted(order[1:2] + order[3:5])
    qtbot.mouseClick(stores.clear_selection, Qt.MouseButton.LeftButton)
    assert stores.model.checked_count() == 0 and not stores.clear_selection.isVisible()


def test_select_all_matching_hands_the_scope_to_bulk(stores, qtbot):
    stores.platform.setCurrentIndex(stores.platform.findData(Platform.TMALL))
    assert sorted(stores.model.visible_ids()) == ["tm-exp", "tm-inv", "tm-wd"]
    _click_check(qtbot, stores, "tm-inv")
    assert stores.select_matching.isVisible() and stores.select_matching.text() == "Check all 3 stores shown"
    qtbot.mouseClick(stores.select_matching, Qt.MouseButton.LeftButton)
    assert stores.selection.text() == "All 3 stores shown are checked."
    assert stores.select_all.checkState() == Qt.CheckState.Checked
    got: list[BulkScope] = []
    stores.bulk_requested.connect(got.append)
    stores.bulk_requested.disconnect(stores.window().open_bulk)  # the bulk page is another's
    qtbot.mouseClick(stores.bulk_button, Qt.MouseButton.LeftButton)
    (scope,) = got
    assert scope.matching and sorted(scope.store_ids) == ["tm-exp", "tm-inv", "tm-wd"]
    assert scope.store_filter is not None and scope.store_filter.platform == "tmall"
    # nothing checked: the scope is every store the filter shows
    qtbot.mouseClick(stores.select_all, Qt.MouseButton.LeftButton)  # all checked -> clears
    assert stores.model.checked_count() == 0
    scope = stores.bulk_scope()
    assert scope.matching and len(scope) == 3


def test_keyboard_tab_leaves_the_table_space_checks_enter_opens(stores, qtbot):
    window = stores.window()
    table = stores.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    first = stores.current_store_id()
    QTest.keyClick(table, Qt.Key.Key_Down)
    second = stores.current_store_id()
    assert second != first
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert stores.model.checked_ids() == [second]
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert stores.model.checked_ids() == []
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and stores.current_store_id() == second
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Backtab)
    assert not table.hasFocus() and stores.current_store_id() == second
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stores.detail.store_id == second)
    focus = QApplication.focusWidget()
    assert focus is not None and stores.detail.isAncestorOf(focus)
    assert window.isVisible()


def test_names_keep_a_readable_width_at_1024x700_and_elided_names_have_a_tooltip(stores, qtbot):
    window = stores.window()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    QApplication.processEvents()
    name_w = stores.table.columnWidth(Col.STORE)
    assert name_w >= stores.name_min_width() >= QFontMetrics(stores.table.font()).horizontalAdvance("店" * 8)
    long_idx = _cell(stores, "tb-long", Col.STORE)
    assert QFontMetrics(stores.table.font()).horizontalAdvance(long_idx.data()) > name_w  # elided
    assert NAMES["tb-long"] in long_idx.data(Qt.ItemDataRole.ToolTipRole)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: stores.table.columnWidth(Col.STORE) > name_w)


def test_chips_and_columns_follow_a_live_language_switch(stores, qtbot, qapp):
    from console.ui.i18n import Translations

    window = stores.window()
    window.resize(1024, 700)

    def fits() -> bool:
        chips = stores.chips.findChildren(QToolButton)
        return all(c.isHidden() or c.width() >= c.sizeHint().width() for c in chips)

    for lang in ("zh_CN", "en", "zh_CN"):
        stores.ctx.lang = lang
        Translations().apply(qapp, lang)
        QApplication.processEvents()
        qtbot.waitUntil(fits)
        head = stores.model.headerData(Col.WECHAT, Qt.Orientation.Horizontal)
        fm = QFontMetrics(stores.table.font())
        assert stores.table.columnWidth(Col.WECHAT) >= fm.horizontalAdvance(head)
    assert stores.chips.chip("vis-shown").text() == "买家可见 1"
    assert _cell(stores, "tb-off", Col.WECHAT).data().endswith("· 关")


def test_check_cells_and_sync_icons_have_accessible_names(stores):
    check = _cell(stores, "tb-live", Col.CHECK)
    assert check.data(Qt.ItemDataRole.AccessibleTextRole) == "Not checked"
    wechat = _cell(stores, "tb-off", Col.WECHAT).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Setting: off" in wechat and "Shown to shoppers: no" in wechat
    header = stores.model.headerData(Col.CHECK, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert header == "Checked"
    assert stores.select_all.accessibleName()


def test_at_1024x700_the_detail_is_whole_and_the_platform_moves_into_the_name(stores, qtbot):
    """Issue #16: the list's floor squeezed the detail panel until it scrolled sideways with its
    labels clipped. At 1024x700 the Platform column goes (the name has its icon and tooltip)."""
    from PySide6.QtWidgets import QScrollArea

    window = stores.window()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    QApplication.processEvents()
    area = stores.detail.findChild(QScrollArea)
    assert area is not None and area.horizontalScrollBar().maximum() == 0
    assert stores.table.isColumnHidden(Col.PLATFORM)
    assert stores.table.columnWidth(Col.STORE) >= stores.name_min_width()
    tip = _cell(stores, "tm-inv", Col.STORE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Tmall" in tip
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not stores.table.isColumnHidden(Col.PLATFORM))


def test_a_search_showing_every_store_keeps_the_current_store_and_only_its_row(stores, qtbot):
    """Every id holds "-": the rows do not change, the model is not reset, and the page looks as
    after a reset and re-selection: the current store kept, its row the only one selected."""
    assert stores.select_store("tm-exp")
    resets: list[int] = []
    stores.model.modelReset.connect(lambda: resets.append(1))
    QTest.keyClicks(stores.search, "-")
    assert resets == [] and stores.model.rowCount() == len(NAMES)
    assert stores.current_store_id() == "tm-exp"
    rows = {i.row() for i in stores.table.selectionModel().selectedRows()}
    assert rows == {stores.model.row_of("tm-exp")}
    stores.search.clear()
    QTest.keyClicks(stores.search, "wares")  # other rows: a reset; the current store is gone
    assert resets == [1] and stores.model.visible_ids() == ["tm-wd"]
    assert stores.current_store_id() is None
    stores.search.clear()
    assert stores.model.rowCount() == len(NAMES) and stores.current_store_id() is None
    QTest.keyClicks(stores.search, "-")  # the same rows again, no current store: none selected
    assert stores.table.selectionModel().selectedRows() == []

"""Every page can be worked with the keyboard alone, and read by a screen reader.

Tab walks the focus chain from the sidebar through the page and back: no control traps it (a
table walks its cells with the arrows, not with Tab), every control the page offers is on the
way (or, for a group of exclusive buttons, one of them: arrows choose within), and each stop has
a name. The accessibility tree (what AT-SPI and UIA read) is walked too: no picture that carries
meaning and nothing that takes focus is unnamed.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QApplication, QStackedWidget, QWidget

from console.ui.main_window import VIEW_NAMES
from tests.ui.test_accessibility import CONTROLS, _internal, label_of
from tests.ui.views_support import chinese

# Generous: the longest page (settings) has about a dozen stops.
MAX_STOPS = 60


def tab_cycle(qtbot: Any, window: Any) -> list[QWidget]:
    """The widgets Tab visits from the sidebar until it comes back to it."""
    window.activateWindow()
    window.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(MAX_STOPS):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is window.sidebar:
            return stops
        stops.append(now)
    trapped = stops[-1]
    raise AssertionError(f"Tab never leaves {type(trapped).__name__} {label_of(trapped, window)!r}")


def open_page(qtbot: Any, window: Any, name: str) -> QWidget:
    page = window.show_view(name, "tb-invited")
    qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy(), timeout=10_000)
    return page


def _in_group_with(w: QWidget, stops: list[QWidget]) -> bool:
    """An exclusive button whose group has a Tab stop: the arrows reach it from there."""
    if not isinstance(w, QAbstractButton):
        return False
    group = w.group()
    return group is not None and group.exclusive() and any(b in stops for b in group.buttons())


def unreachable(page: QWidget, stops: list[QWidget]) -> list[str]:
    """Controls of ``page`` a merchant sees and may use, that Tab never reaches."""
    missing = []
    for w in page.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or _internal(w) or not (w.isVisible() and w.isEnabled()):
            continue
        if w in stops or _in_group_with(w, stops):
            continue
        if not w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value:
            missing.append(f"{type(w).__name__} {label_of(w, page)!r} takes no keyboard focus")
        else:
            missing.append(f"{type(w).__name__} {label_of(w, page)!r} is not on the Tab chain")
    return missing


@pytest.fixture
def window(window: Any) -> Any:
    """The window with a change waiting (so the pending page shows its table and its buttons)."""
    from console.core.model import Method

    assert window.ctx.service.set_method("tb-live", Method.ALIPAY, False).applied
    return window


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_tab_walks_every_page_and_leaves_it(qtbot, window, name: str) -> None:
    page = open_page(qtbot, window, name)
    stops = tab_cycle(qtbot, window)
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in stops if not label_of(w, window).strip()]
    assert unnamed == [], "Tab stops without a name"
    assert unreachable(page, stops) == []


def test_from_the_stores_list_tab_reaches_the_detail(qtbot, window) -> None:
    """The issue: Tab walked the table's cells (60 presses never left it), so the switches and
    the "why isn't it shown" button were reachable only with Ctrl+2."""
    open_page(qtbot, window, "store")
    stops = tab_cycle(qtbot, window)
    table = window.stores.table
    assert table in stops
    after_table = stops[stops.index(table) + 1 :]
    wechat = next(c for c in window.stores.detail.findChildren(QWidget) if c.objectName() == "card"
                  and getattr(c, "method", None) is not None and c.method.value == "wechat_pay")
    assert wechat.switch in after_table
    if wechat.why_button.isVisible():
        assert wechat.why_button in after_table


def test_arrows_move_within_the_stores_table(qtbot, window) -> None:
    open_page(qtbot, window, "stores")
    table = window.stores.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    assert QApplication.focusWidget() is table


def _walk(iface: QAccessibleInterface | None, out: list[QAccessibleInterface]) -> None:
    if iface is None or not iface.isValid() or iface.state().invisible:
        return
    out.append(iface)
    obj = iface.object()
    if isinstance(obj, QStackedWidget):  # only the page on show
        current = QAccessible.queryAccessibleInterface(obj.currentWidget())
        _walk(current, out)
        return
    if iface.role() in (QAccessible.Role.Table, QAccessible.Role.List, QAccessible.Role.Tree):
        return  # cells are named by the model's data
    for i in range(iface.childCount()):
        _walk(iface.child(i), out)


def accessibility_problems(window: QWidget) -> list[str]:
    nodes: list[QAccessibleInterface] = []
    _walk(QAccessible.queryAccessibleInterface(window), nodes)
    problems = []
    for node in nodes:
        name = node.text(QAccessible.Text.Name).strip()
        if name:
            continue
        obj = node.object()
        what = f"{node.role().name} {type(obj).__name__} {obj.objectName() if obj else ''!r}"
        what += f" under {obj.parent().objectName() if obj and obj.parent() else ''!r}"
        if node.role() == QAccessible.Role.Graphic:
            problems.append(f"picture without a name: {what}")
        elif (
            node.state().focusable
            and isinstance(obj, QWidget)
            and obj.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            problems.append(f"takes focus without a name: {what}")
    return problems


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_accessibility_tree_names_every_picture_and_focus_stop(qtbot, window, lang: str) -> None:
    def check() -> list[str]:
        problems: list[str] = []
        for name in VIEW_NAMES:
            open_page(qtbot, window, name)
            problems += [f"{name}: {p}" for p in accessibility_problems(window)]
        return sorted(set(problems))

    if lang == "en":
        problems = check()
    else:
        with chinese(window.ctx):
            qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "店铺")
            problems = check()
    assert problems == [], "\n".join(problems)

"""Every page holds from 1024x700 up, in both languages, after a live language switch.

A label or button whose text is wider than the room it was given shows a cut word ("全…2",
"Deadl…ays 1"). The check walks every visible QLabel and QAbstractButton of the window with each
page open and compares the text's advance (``fontMetrics().horizontalAdvance``) with the room the
widget has; word-wrapping labels and widgets whose tooltip restores the full text are left out.
The language is switched live (as Settings does), so widths set in one language must follow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTableView,
    QToolButton,
    QWidget,
)

from console.ui.main_window import VIEW_NAMES
from tests.ui.views_support import chinese

SIZES = ((1024, 700), (1920, 1080))


def _plain(text: str) -> list[str]:
    return [line for line in text.replace("&&", "\0").replace("&", "").replace("\0", "&").splitlines()]


def _restored_by_tooltip(w: QWidget, text: str) -> bool:
    tip = w.toolTip()
    return bool(tip) and all(part in tip for part in text.split() if part)


def _inside_item_view(w: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView) and not isinstance(w, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _needed(w: QWidget, line: str) -> tuple[int, int]:
    """(advance the text needs, room the widget gives it) in logical pixels."""
    fm = w.fontMetrics()
    text = fm.horizontalAdvance(line)
    style = w.style()
    if isinstance(w, QLabel):
        room = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
        return text, room
    assert isinstance(w, QAbstractButton)
    icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
    if isinstance(w, QCheckBox | QRadioButton):
        pm = QStyle.PixelMetric
        metric = pm.PM_IndicatorWidth if isinstance(w, QCheckBox) else pm.PM_ExclusiveIndicatorWidth
        indicator = style.pixelMetric(metric, None, w)
        room = w.width() - indicator - style.pixelMetric(pm.PM_CheckBoxLabelSpacing, None, w) - icon
    elif isinstance(w, QToolButton):
        beside = w.toolButtonStyle() != w.toolButtonStyle().ToolButtonTextUnderIcon
        room = w.width() - 6 - (icon if beside else 0)
    elif isinstance(w, QPushButton):
        room = w.width() - 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, w) - icon
        if w.menu() is not None:
            room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, w)
    else:
        room = w.width() - icon
    return text, room


def cut_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons of ``root`` whose text does not fit (and no tooltip says it),
    and pages that scroll sideways (a merchant never finds what is off to the right)."""
    problems = []
    for area in root.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            problems.append(f"scrolls sideways by {area.horizontalScrollBar().maximum()}px in {_page(area)}")
    for w in root.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton) or not w.isVisible() or _inside_item_view(w):
            continue
        if w.visibleRegion().isEmpty():  # scrolled away or covered: scrolling restores it
            continue
        # a page wider than its window scrolls sideways: what the viewport clips is cut too
        clipped = w.width() - w.visibleRegion().boundingRect().width()
        if clipped > 1 and w.text().strip():
            problems.append(f"{type(w).__name__} {w.text()[:30]!r}: {clipped}px clipped in {_page(w)}")
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or w.textFormat() == w.textFormat().RichText):
            continue
        text = w.text()
        if not text.strip() or (isinstance(w, QLabel) and "<" in text and ">" in text):
            continue
        if _restored_by_tooltip(w, text.replace("&", "")):
            continue
        for line in _plain(text):
            need, room = _needed(w, line)
            if need > room + 1:
                where = f"{type(w).__name__} {w.objectName()!r} {line!r}: needs {need}px, has {room}px"
                problems.append(f"{where} in {_page(w)}")
                break
    return problems


def _page(w: QWidget) -> str:
    parent: Any = w
    while parent is not None:
        if parent.objectName().startswith("view-"):
            return parent.objectName()
        parent = parent.parentWidget()
    return "the window"


def every_page(qtbot: Any, window: Any, size: tuple[int, int]) -> list[str]:
    window.resize(*size)
    problems: list[str] = []
    for name in VIEW_NAMES:
        window.show_view(name, "tb-live")
        qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy(), timeout=10_000)
        qtbot.wait(0)  # let the layouts settle (no timing: one turn of the event loop)
        problems += [f"{size[0]}x{size[1]} {p}" for p in cut_texts(window)]
    return sorted(set(problems))


@pytest.fixture
def window(window: Any) -> Any:
    """The window with a change waiting (the pending page shows its table)."""
    from console.core.model import Method

    assert window.ctx.service.set_method("tb-live", Method.ALIPAY, False).applied
    return window


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_cut_labels_in_english(qtbot, window, size) -> None:
    problems = every_page(qtbot, window, size)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_cut_labels_in_chinese_after_a_live_switch(qtbot, window, size) -> None:
    every_page(qtbot, window, size)  # every page built in English first
    with chinese(window.ctx):
        qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "店铺")
        problems = every_page(qtbot, window, size)
    assert problems == [], "\n".join(problems)


def cut_headers(root: QWidget) -> list[str]:
    """Visible table columns narrower than their own title (the stores list's name column
    collapsed to ~20 px at 1024x700 and every store's name was gone)."""
    problems = []
    for table in root.findChildren(QTableView):
        if not table.isVisible() or table.model() is None:
            continue
        header = table.horizontalHeader()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for col in range(header.count()):
            title = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
            if header.isSectionHidden(col) or not title:
                continue
            need = header.fontMetrics().horizontalAdvance(title) + margin
            if header.sectionSize(col) < need:
                name = table.objectName() or table.accessibleName()
                size = header.sectionSize(col)
                problems.append(f"{_page(table)} {name!r} column {title!r}: {size}px < {need}px")
    return problems


# Tables of pages other engineers own, cut at 1024x700 when this test was written (issue #16):
# the stores list's name column (views/stores.py) and the sales tables (views/sales.py,
# reconciliation.py). Checked, but not failed here; their owners make them fit.
ELSEWHERE = ("view-stores", "view-store", "view-sales", "view-reconciliation")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_column_narrower_than_its_title(qtbot, window, lang: str) -> None:
    def check() -> tuple[list[str], list[str]]:
        window.resize(1024, 700)
        mine: list[str] = []
        theirs: list[str] = []
        for name in VIEW_NAMES:
            window.show_view(name, "tb-live")
            qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy(), timeout=10_000)
            qtbot.wait(0)
            for p in cut_headers(window):
                (theirs if p.split()[0] in ELSEWHERE else mine).append(p)
        return sorted(set(mine)), sorted(set(theirs))

    if lang == "en":
        mine, theirs = check()
    else:
        with chinese(window.ctx):
            mine, theirs = check()
    assert mine == [], "\n".join(mine)
    if theirs:
        pytest.xfail("cut on pages owned elsewhere:\n" + "\n".join(theirs))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_waiting_rows_are_not_tall_on_first_open(qtbot, window, lang: str) -> None:
    """The issue: the Waiting-to-sync rows first opened 116 px tall (wrapped in a narrow column
    before the columns were laid out). A row holds at most two lines of text."""

    def check() -> None:
        window.resize(1024, 700)
        page = window.show_view("pending")
        qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
        qtbot.wait(0)
        line = page.table.fontMetrics().height()
        heights = [page.table.rowHeight(r) for r in range(page.table.rowCount())]
        assert heights and max(heights) <= 2 * line + 12, heights

    if lang == "en":
        check()
    else:
        with chinese(window.ctx):
            check()


SCALED_CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication
from console.ui.app import build_context
from console.ui.main_window import VIEW_NAMES
from console.ui.i18n import Translations
from console.ui.main_window import MainWindow
from tests.helpers.factories import FIXED_NOW, make_db
from tests.ui.conftest import demo_specs
from tests.ui.test_layouts import cut_texts

data = Path(sys.argv[1])
make_db(data, stores=demo_specs())
app = QApplication([])
ctx = build_context(app, data, "en", clock=lambda: FIXED_NOW)
w = MainWindow(ctx)
w.resize(1024, 700)
w.show()
problems = []
for lang in ("en", "zh_CN"):
    ctx.lang = lang
    Translations().apply(app, lang)
    ctx.events.language_changed.emit(lang)
    for name in VIEW_NAMES:
        w.show_view(name, "tb-live")
        for _ in range(400):  # until the db lane answered (events are waited for, not slept on)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not ctx.tasks.is_busy():
                break
        app.processEvents()
        problems += [f"{lang} {p}" for p in cut_texts(w)]
ctx.tasks.shutdown()
ctx.service.close()
print("RESULT " + json.dumps({"ratio": app.devicePixelRatio(), "problems": sorted(set(problems))}))
"""


def test_no_cut_labels_at_200_percent(tmp_path: Path) -> None:
    """200 % scaling (a 4K screen): fonts and metrics scale together, so the same window size in
    logical pixels must hold; run in a child, as the scale is fixed when Qt starts."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", PYTHONPATH=str(root))
    env.setdefault("QT_LOGGING_RULES", "default.warning=false")
    out = subprocess.run(
        [sys.executable, "-c", SCALED_CHILD, str(tmp_path / "data")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    found = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
    assert found["ratio"] == 2.0
    assert found["problems"] == [], "\n".join(found["problems"])


def test_the_activity_outcome_stays_in_sight_at_1024(qtbot, window) -> None:
    """The outcome is what a merchant looks for ("confirmed"? "refused"?): no sideways scrolling
    to find it in a window of 1024x700, whatever the store names."""
    window.resize(1024, 700)
    page = window.show_view("activity")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not window.ctx.tasks.is_busy(), timeout=10_000)
    page.refresh()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    header = page.table.horizontalHeader()
    result = page.model.columnCount() - 2  # the column before the details
    right_edge = header.sectionViewportPosition(result) + header.sectionSize(result)
    assert right_edge <= page.table.viewport().width()

"""Every control a screen reader can land on says what it is, in the merchant's language.

The main window is walked with every page opened (and the bulk and welcome dialogs): each visible
button, line edit, combo box, spin box, list/table and text edit must have an accessible name,
or visible text (buttons), or a visible label whose buddy it is (Qt reads that label out).
In Chinese the name must be Chinese: an English name read out in a Chinese UI is no name.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from console.ui.main_window import VIEW_NAMES
from tests.ui.views_support import chinese

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _internal(w: QWidget) -> bool:
    """Parts of another control that Qt names itself (a spin box's editor, a header, a view's
    corner button, a combo box's popup)."""
    if isinstance(w, QHeaderView):
        return True
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or (
            isinstance(parent, QAbstractItemView) and isinstance(w, QAbstractButton)
        ):
            return True
        if isinstance(parent, QLineEdit):  # the clear button of a search field
            return True
        parent = parent.parentWidget()
    return False


def label_of(w: QWidget, root: QWidget) -> str:
    """What a screen reader says for ``w``: its accessible name, its text, or its buddy label."""
    if w.accessibleName().strip():
        return w.accessibleName()
    if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
        return w.text()
    for label in root.findChildren(QLabel):
        if label.buddy() is w and label.isVisible() and label.text().strip():
            return label.text()
    return ""


def unnamed(root: QWidget, *, chinese_ui: bool = False) -> list[str]:
    problems = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible() or _internal(w):
            continue
        name = label_of(w, root)
        where = f"{type(w).__name__} {w.objectName()!r} in {_page(w)}"
        if not name:
            problems.append(f"{where}: no name")
        elif chinese_ui and not CJK.search(name):
            problems.append(f"{where}: {name!r} is not Chinese")
    return problems


def _page(w: QWidget) -> str:
    parent: Any = w
    while parent is not None:
        if parent.objectName().startswith("view-"):
            return parent.objectName()
        parent = parent.parentWidget()
    return "the window"


def every_page(qtbot: Any, window: Any) -> list[str]:
    problems: list[str] = []
    for name in VIEW_NAMES:
        page = window.show_view(name, "tb-live")
        qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy(), timeout=10_000)  # lazy loads
        if name == "pending":
            assert page.table.isVisible()  # type: ignore[attr-defined]
        problems += unnamed(window, chinese_ui=window.ctx.lang.startswith("zh"))
    return sorted(set(problems))


@pytest.fixture
def window(window: Any) -> Any:
    """The window with a change waiting (so the pending page shows its table) and a notice."""
    from console.core.model import Method

    assert window.ctx.service.set_method("tb-live", Method.ALIPAY, False).applied
    return window


def test_every_control_of_every_page_has_a_name(qtbot, window) -> None:
    window.banner.show_message("A notice", "info", "Show")  # the banner's buttons too
    problems = every_page(qtbot, window)
    assert problems == [], "\n".join(problems)


def test_names_follow_the_language(qtbot, window) -> None:
    window.banner.show_message("通知", "info", "查看")
    with chinese(window.ctx):
        qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "店铺")
        problems = every_page(qtbot, window)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_dialogs_name_their_controls(qtbot, ui_ctx, lang: str) -> None:
    from console.ui.views.bulk import BulkDialog
    from console.ui.views.welcome import WelcomeDialog

    def check() -> None:
        for dlg in (BulkDialog(ui_ctx, ["tb-live", "tb-invited"]), WelcomeDialog(ui_ctx)):
            qtbot.addWidget(dlg)
            dlg.show()
            assert unnamed(dlg, chinese_ui=lang == "zh_CN") == []

    if lang == "en":
        check()
    else:
        with chinese(ui_ctx):
            check()

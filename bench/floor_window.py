"""The start-up floor: the window's Qt parts with none of the app's code (``make bench`` row).

A QMainWindow of the app's size with what the real first paint shows, built straight from Qt:
Fusion with a palette and the app's style sheet, the CJK font fallback lookup, the zh_CN
translator, a menu bar with four menus, a sidebar list, a page with a title, a search box,
chips and a table view with its header, a status bar. It touches the ``Qt`` namespace as any
real window does (alignment, focus, roles). What the app costs beyond this window is the app's
own work; what this window costs beyond the bare one is Qt's, for these widgets.

Speaks the start-up contract of packaging/baseline/baseline_window.py (``FIRST_PAINT <ms>``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging" / "baseline"))

from baseline_window import FirstPaint
from PySide6.QtCore import QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QFontDatabase, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def main() -> int:
    app = QApplication([sys.argv[0], "-style", "Fusion"])
    translator = QTranslator()
    translator.load(str(RESOURCES / "i18n" / "console_zh_CN.qm"))
    app.installTranslator(translator)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    app.setPalette(palette)
    sheet = (RESOURCES / "theme" / "app.qss").read_text(encoding="utf-8")
    app.setStyleSheet(re.sub(r"@([a-z_]+)", "#808080", sheet))  # the app's rules, one colour
    QFontDatabase.families()  # the CJK fallback lookup reads the font list

    window = QMainWindow()
    window.resize(1280, 800)
    for title in ("File", "Store", "View", "Help"):
        menu = window.menuBar().addMenu(title)
        for i in range(5):
            menu.addAction(f"{title} {i}")
    central = QWidget()
    row = QHBoxLayout(central)
    sidebar = QListWidget()
    sidebar.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    sidebar.setIconSize(QSize(20, 20))
    sidebar.addItems([f"Page {i}" for i in range(10)])
    row.addWidget(sidebar)
    stack = QStackedWidget()
    row.addWidget(stack, 1)
    page = QWidget()
    col = QVBoxLayout(page)
    title = QLabel("Stores")
    title.setAlignment(Qt.AlignmentFlag.AlignLeft)
    col.addWidget(title)
    col.addWidget(QLineEdit())
    chips = QHBoxLayout()
    for i in range(6):
        chips.addWidget(QPushButton(f"chip {i}"))
    col.addLayout(chips)
    model = QStandardItemModel(0, 7)
    model.setHorizontalHeaderLabels([f"column {i}" for i in range(7)])
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    col.addWidget(table, 1)
    stack.addWidget(page)
    window.setCentralWidget(central)
    window.statusBar().addWidget(QLabel("status"))
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

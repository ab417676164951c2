"""The scaffolding every page shares: a body that scrolls on small screens, a title and an intro.

One place for it, so every page has the same margins and the same title style (``#pageTitle``
in the theme) in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget


def scroll_area() -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless scroll area and the layout of the widget inside it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # the page itself is no Tab stop (a screen reader would land on an unnamed "scroll area");
    # Tab goes to the controls inside, and Qt scrolls the focused one into view
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    body = QWidget()
    scroll.setWidget(body)
    return scroll, QVBoxLayout(body)


def scrolling_page(owner: QWidget, *, spacing: int = 12) -> QVBoxLayout:
    """Make ``owner`` a page whose content scrolls when the window is small; return its layout."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll, lay = scroll_area()
    outer.addWidget(scroll)
    lay.setContentsMargins(16, 12, 16, 16)
    lay.setSpacing(spacing)
    return lay


def page_header(layout: QLayout) -> tuple[QLabel, QLabel]:
    """The page's title and a wrapping intro line under it (texts are set by retranslateUi)."""
    title = QLabel()
    title.setObjectName("pageTitle")
    intro = QLabel()
    intro.setWordWrap(True)
    layout.addWidget(title)
    layout.addWidget(intro)
    return title, intro

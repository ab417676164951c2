"""A flat, underlined button whose words wrap: a question such as "Why isn't WeChat Pay shown to
my shoppers?" must fit a narrow detail panel without pushing it sideways or being cut.

A QPushButton never wraps its text (at 1024x700 the question alone made the store panel scroll
sideways). This one paints a word-wrapping label inside and keeps everything a button has:
Tab focus, Space/Enter, the pointing hand, and its words as its accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

_MARGIN = 2


class LinkButton(QPushButton):
    """Flat button, left-aligned underlined wrapping words; ``label_text()`` is what it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { border: none; text-align: left; }")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setStyleSheet("text-decoration: underline;")
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        lay.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_label_text(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)  # the painted words are the label's: name the button too
        self.updateGeometry()

    def label_text(self) -> str:
        return self._label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._label.heightForWidth(max(width - 2 * _MARGIN, 1)) + 2 * _MARGIN

    def sizeHint(self) -> QSize:
        hint = self._label.sizeHint()
        return QSize(hint.width() + 2 * _MARGIN, hint.height() + 2 * _MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self._label.fontMetrics().height() + 2 * _MARGIN)

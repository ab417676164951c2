"""Exclusive filter chips with counts ("Invited 120"), wrapping onto more lines when narrow.

Chips are re-laid whenever their words can change width: new labels (counts, a language switch),
a font or style change, a resize (the flow layout wraps by width). Without it a live language
switch left chips at the old language's widths ("全…2", issue #16).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QToolButton, QWidget

from console.ui.widgets.flow import FlowLayout, flow_policy


class ChipBar(QWidget):
    """Checkable chips keyed by a string; exactly one is checked. Emits the key on change."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lay = FlowLayout(self)
        flow_policy(self)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._chips: dict[str, QToolButton] = {}
        self._group.buttonClicked.connect(self._clicked)

    def add_chip(self, key: str) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName("chip")
        b.setCheckable(True)
        b.setProperty("key", key)
        self._group.addButton(b)
        self._lay.addWidget(b)
        self._chips[key] = b
        if len(self._chips) == 1:
            b.setChecked(True)
        return b

    def set_label(self, key: str, text: str, accessible: str | None = None) -> None:
        b = self._chips[key]
        b.setText(text)
        b.setAccessibleName(accessible or text)

    def relayout(self) -> None:
        """Measure every chip again and re-flow: after labels change (counts, language)."""
        for b in self._chips.values():
            b.updateGeometry()
        self._lay.invalidate()
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.relayout()
        super().changeEvent(event)

    def chip(self, key: str) -> QToolButton:
        return self._chips[key]

    def current(self) -> str:
        b = self._group.checkedButton()
        return str(b.property("key")) if b else ""

    def _clicked(self, button: QToolButton) -> None:
        self.chosen.emit(str(button.property("key")))

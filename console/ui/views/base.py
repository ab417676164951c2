"""The base class of every page of the main window (the view protocol of context.py).

Why a base class: the language switch must re-translate the open window live, so every view
reacts to ``QEvent.LanguageChange`` the same way, and the main window can treat views alike
(``refresh``, ``set_store``, ``view_name``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from console.ui.context import UiContext


class BaseView(QWidget):
    """Subclass, set ``view_name``, build widgets in ``__init__``, then call ``retranslateUi()``.

    ``refresh()`` is called by the main window when the view is shown and after a sync that
    changed data; a view may also listen to ``ctx.events.data_changed`` itself.
    """

    view_name: str = ""
    #: data changed while the page was hidden: reload when it is next shown (``mark_stale``)
    _stale: bool = False

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"view-{self.view_name}")

    @property
    def lang(self) -> str:
        """The UI language ("zh_CN" or "en"): what ``console.words`` is asked to speak."""
        return self.ctx.lang

    def refresh(self) -> None:
        """Reload the view's data (through ``ctx.tasks`` for anything non-trivial)."""

    def retranslateUi(self) -> None:
        """Set every visible text again in the current language."""

    def set_store(self, store_id: str | None) -> None:
        """Show this store (views without a store ignore it)."""

    def mark_stale(self) -> None:
        """Data changed: reload now if the page is on screen, else the next time it is shown
        (a hidden page never queries for a screen nobody sees)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

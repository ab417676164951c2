"""A field that finds one store by part of its name or id, for merchants with 100,000 stores."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from console.service import StoreFilter, StoreRow
from console.ui.context import UiContext
from console.ui.resources import icon


class StoreSearch(QLineEdit):
    """Pick one store by typing part of its name or id: a search, not a list of every store.

    Merchants may have 100,000 stores; a combo box holding them all took ~20 s to fill. This asks
    the db lane for the first matches as the merchant types (``service.list_stores`` with a text
    filter and a limit, tens of milliseconds, never on the GUI thread) and offers them in the
    completer's popup; only the answer to the newest question is shown.
    With ``allow_all`` an empty field means "all stores" (for filters).
    """

    store_chosen = Signal(object)  # the store id, or None for "all stores"

    MATCHES = 50

    def __init__(self, ctx: UiContext, *, allow_all: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._allow_all = allow_all
        self.store_id: str | None = None
        self._shown_text = ""
        self._asked = 0  # numbers the questions to the db lane, so a late answer is dropped
        self.matches = QStandardItemModel(self)
        self._completer = QCompleter(self.matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # one query per pause in typing, not per key
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.editingFinished.connect(self._on_editing_finished)
        self.setClearButtonEnabled(allow_all)
        self.setMinimumWidth(280)

    def set_store(self, store_id: str | None, name: str = "") -> None:
        """Show ``store_id`` as chosen (no signal: the caller already knows)."""
        self.store_id = store_id
        self._shown_text = f"{name} · {store_id}" if store_id and name else (store_id or "")
        self.setText(self._shown_text)
        self.setCursorPosition(0)  # the start of a long name, not its end

    def search_now(self) -> None:
        """Ask the db lane for the stores matching the text (name or id, any case)."""
        text = self.text().strip()
        self._asked += 1
        asked = self._asked
        self._ctx.tasks.run(
            lambda t: t.service.list_stores(StoreFilter(text=text), limit=self.MATCHES),
            on_done=lambda rows: self._show_matches(asked, rows),
        )

    def _show_matches(self, asked: int, rows: list[StoreRow]) -> None:
        if asked != self._asked:  # the merchant typed on: a newer answer is coming
            return
        self.matches.clear()
        for row in rows:
            item = QStandardItem(icon(f"platform-{row.platform.value}"), f"{row.name} · {row.id}")
            item.setData(row.id, Qt.ItemDataRole.UserRole)
            item.setData(row.name, Qt.ItemDataRole.UserRole + 1)
            self.matches.appendRow(item)
        if rows and self.hasFocus():
            self._completer.complete()

    def choose_row(self, row: int) -> None:
        """Take the ``row``-th match (what clicking it in the popup does)."""
        self._choose(self.matches.index(row, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        store_id = index.data(Qt.ItemDataRole.UserRole)
        if not store_id:
            return
        self.set_store(str(store_id), str(index.data(Qt.ItemDataRole.UserRole + 1) or ""))
        self.store_chosen.emit(self.store_id)

    def _on_editing_finished(self) -> None:
        """Enter or leaving the field: take the only match, clear to "all", or put back the choice."""
        text = self.text().strip()
        if text == self._shown_text:
            return
        if not text and self._allow_all:
            self.set_store(None)
            self.store_chosen.emit(None)
            return
        self._timer.stop()
        if not text:
            self._put_back()
            return
        self._asked += 1
        asked = self._asked
        self._ctx.tasks.run(
            lambda t: t.service.list_stores(StoreFilter(text=text), limit=2),
            on_done=lambda rows: self._take_only_match(asked, text, rows),
        )

    def _take_only_match(self, asked: int, text: str, rows: list[StoreRow]) -> None:
        """Enter on a text with exactly one match takes it; anything else puts the choice back."""
        if asked != self._asked or self.text().strip() != text:
            return  # the merchant moved on while the lane answered
        if len(rows) == 1:
            self.set_store(rows[0].id, rows[0].name)
            self.store_chosen.emit(self.store_id)
        else:
            self._put_back()

    def _put_back(self) -> None:
        self.setText(self._shown_text)
        self.setCursorPosition(0)

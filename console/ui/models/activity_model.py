"""The activity log as a Qt table model: one row per audit entry, words asked of the page.

The model owns rows, icons and colours; the words of each cell come from an ``ActivityWords``
(the activity page), so a language switch only needs a ``dataChanged``, never a reload.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from console.service import ActivityEntry
from console.ui.resources import icon
from console.ui.theme import current_theme

COLUMNS = ("at", "actor", "action", "store", "method", "result", "detail")

_RESULT_COLOURS = {
    "ok": "ok",
    "confirmed": "ok",
    "queued": "pending",
    "coalesced": "pending",
    "refused": "error",
    "failed": "error",
}
_RESULT_ICONS = {
    "ok": "sync-online",
    "confirmed": "sync-online",
    "queued": "sync-pending",
    "coalesced": "sync-pending",
    "refused": "sync-refused",
    "failed": "sync-refused",
}


class ActivityWords(Protocol):
    """What the model needs to say a row in the merchant's language."""

    def column_title(self, column: str) -> str: ...

    def cell_text(self, entry: ActivityEntry, column: str) -> str: ...


class ActivityModel(QAbstractTableModel):
    """Audit entries as a table; words come from ``words`` so they follow the language."""

    def __init__(self, words: ActivityWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = words
        self.entries: list[ActivityEntry] = []

    def set_entries(self, entries: list[ActivityEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._view.column_title(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._view.cell_text(entry, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == "method" and entry.method is not None:
                return icon(f"method-{entry.method.value}")
            if column == "result":
                name = _RESULT_ICONS.get(entry.result)
                return icon(name) if name else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "result":
            colour = _RESULT_COLOURS.get(entry.result)
            return current_theme().color(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

"""The announcements as a Qt list model: newest first, unread ones bold.

A model, not a widget per row, so a long history stays cheap; each row's words come from an
``AnnouncementWords`` (the announcements page), so they follow a language switch.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from console.core.model import Announcement
from console.ui.resources import icon

ReadRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


class AnnouncementWords(Protocol):
    """What the model needs to say a row in the merchant's language."""

    @property
    def lang(self) -> str: ...

    def status_line(self, announcement: Announcement) -> str: ...

    def font(self) -> QFont: ...


class AnnouncementListModel(QAbstractListModel):
    """The announcements, newest first; unread ones bold (a Qt model, not widgets per row)."""

    def __init__(self, words: AnnouncementWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = words
        self.items: list[Announcement] = []

    def set_items(self, items: list[Announcement]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def replace_item(self, announcement: Announcement) -> None:
        for row, item in enumerate(self.items):
            if item.id == announcement.id:
                self.items[row] = announcement
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
                return

    def texts_changed(self) -> None:
        """Every row's words changed (language, countdown); rows and order did not."""
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, 0))

    def row_of(self, announcement_id: str) -> int:
        return next((i for i, a in enumerate(self.items) if a.id == announcement_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        a = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{a.title.get(self._view.lang)}\n{self._view.status_line(a)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.title.get(self._view.lang)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(self._view.font())
            font.setBold(not a.read)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("warning" if not a.meets_notice_period else "view-announcements")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            unread = self.tr("Unread") if not a.read else ""
            return f"{unread} {a.title.get(self._view.lang)}. {self._view.status_line(a)}".strip()
        if role == ReadRole:
            return a.read
        if role == IdRole:
            return a.id
        return None

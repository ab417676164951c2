"""Notifications: every platform change and reminder, newest first, unread in bold.

News is computed by the sync engine after each pull and stored (``console.storage.news``), so a
freeze or an expiry that happened while the app was closed is here on the next start. The
sidebar shows the unread count (like Qianniu's red dots); opening an item marks it read and
jumps to its store. Reads and writes go through the service on the db lane; the sentences are
the shared vocabulary's (``console.words.status``), in the window's current language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui.context import UiContext
from console.ui.views.base import BaseView

if TYPE_CHECKING:
    from console.service import NewsEntry

ID_ROLE = Qt.ItemDataRole.UserRole


def _label(key: str, lang: str, **params: object) -> str:
    from console.words.status import label

    return label(key, lang, **params)


class NewsView(BaseView):
    view_name = "news"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[NewsEntry] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("muted", True)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        bar = QHBoxLayout()
        self.unread_only = QCheckBox()
        self.unread_only.toggled.connect(lambda _on: self.refresh())
        self.mark_button = QPushButton()
        self.mark_button.clicked.connect(self.mark_selected_read)
        self.mark_all_button = QPushButton()
        self.mark_all_button.clicked.connect(self.mark_all_read)
        self.open_button = QPushButton()
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_selected)
        bar.addWidget(self.unread_only)
        bar.addStretch(1)
        bar.addWidget(self.mark_button)
        bar.addWidget(self.mark_all_button)
        bar.addWidget(self.open_button)
        lay.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setObjectName("newsList")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda _item, _col: self.open_selected())
        lay.addWidget(self.tree, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(0, 48, 0, 0)
        self.empty.setProperty("muted", True)
        lay.addWidget(self.empty, 1)
        # a pass may have stored news: reload when the unread count moves while shown
        self._unread_seen = -1
        ctx.events.sync_state_changed.connect(self._state_changed)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        unread = self.unread_only.isChecked()
        self.ctx.tasks.run(lambda task: task.service.news(unread_only=unread), on_done=self._loaded)

    def _state_changed(self, status: object) -> None:
        unread = int(getattr(status, "unread_news", 0) or 0)
        if unread != self._unread_seen:
            self._unread_seen = unread
            if self.isVisible():
                self.refresh()

    def _loaded(self, items: list[NewsEntry]) -> None:
        keep = {n.id for n in self.selected()}
        self.items = items
        self._fill()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) in keep:
                item.setSelected(True)

    def _fill(self) -> None:
        from console.ui.money import format_datetime
        from console.words.status import stored_news_text

        lang = self.ctx.lang
        self.tree.clear()
        for n in self.items:
            stores = ", ".join(n.store_ids) if n.store_ids else _label("all_stores", lang)
            item = QTreeWidgetItem(
                [format_datetime(n.at, lang), stores, stored_news_text(n.kind, n.params, lang)]
            )
            item.setData(0, ID_ROLE, n.id)
            if not n.read:
                font = QFont(item.font(2))
                font.setBold(True)
                for col in range(3):
                    item.setFont(col, font)
                item.setText(0, f"● {item.text(0)}")
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not self.items)
        self.tree.setVisible(bool(self.items))
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------------
    def selected(self) -> list[NewsEntry]:
        ids = {item.data(0, ID_ROLE) for item in self.tree.selectedItems()}
        return [n for n in self.items if n.id in ids]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.mark_button.setEnabled(any(not n.read for n in chosen))
        self.open_button.setEnabled(len(chosen) == 1 and bool(chosen[0].store_ids))
        self.mark_all_button.setEnabled(any(not n.read for n in self.items))

    def mark_selected_read(self) -> None:
        ids = [n.id for n in self.selected() if not n.read]
        if ids:
            self._mark(ids)

    def mark_all_read(self) -> None:
        self._mark(None)

    def _mark(self, ids: list[int] | None) -> None:
        self.ctx.tasks.run(lambda task: task.service.mark_news_read(ids), on_done=self._marked)

    def _marked(self, _changed: int) -> None:
        self.ctx.events.data_changed.emit(None)  # the sync worker re-reads the unread count
        self.refresh()

    def open_selected(self) -> None:
        """Mark the item read and show its store (the first one when it names several)."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        n = chosen[0]
        if not n.read:
            self._mark([n.id])
        if n.store_ids:
            self.ctx.events.navigate_requested.emit("store", n.store_ids[0])

    def retranslateUi(self) -> None:
        lang = self.ctx.lang
        self.title.setText(_label("news_title", lang))
        self.intro.setText(_label("news_intro", lang))
        self.unread_only.setText(_label("news_unread_only", lang))
        self.mark_button.setText(_label("news_mark_read", lang))
        self.mark_all_button.setText(_label("news_mark_all_read", lang))
        self.open_button.setText(_label("news_open_store", lang))
        self.tree.setHeaderLabels(
            [_label("news_col_when", lang), _label("news_col_store", lang), _label("news_col_text", lang)]
        )
        self.tree.setAccessibleName(_label("news_title", lang))
        self.empty.setText(_label("no_news", lang))
        self._fill()

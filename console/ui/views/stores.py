"""The stores page: summary chips, filters, the big list, and the chosen store's detail.

The list is loaded once on the db lane (``list_stores`` → a column ``StoreTable``) and then
filtered in memory at every keystroke; changes arrive by store id and update single rows.
Multi-selection feeds the bulk action (``console.ui.views.bulk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.model import Eligibility, Method, Platform
from console.ui import texts
from console.ui.context import UiContext
from console.ui.models.stores_model import (
    SOURCES,
    EligibilityRole,
    RowFilter,
    StoresModel,
    StoreTable,
    row_from_detail,
)
from console.ui.models.stores_model import Col as StoreCol
from console.ui.views.base import BaseView
from console.ui.views.store_detail import StoreDetailView
from console.ui.widgets.chips import ChipBar
from console.ui.widgets.pill import PillDelegate

if TYPE_CHECKING:
    from console.service import StoreRow
    from console.ui.tasks import Task

# Chips: key -> eligibility (None = all); plus the two special chips.
CHIP_ELIGIBILITY: tuple[Eligibility, ...] = (
    Eligibility.INVITED,
    Eligibility.IN_REVIEW,
    Eligibility.APPROVED,
    Eligibility.LIVE,
    Eligibility.REJECTED,
    Eligibility.NOT_INVITED,
)
# Above this many changed stores a full reload is cheaper than one detail query per store.
ROW_UPDATE_LIMIT = 200


def _load_table(task: Task) -> StoreTable:
    """Column by column straight from SQLite, in name order (no StoreRow per store, no sort on
    the GUI thread; see console/storage/store_columns.py for the figures)."""
    return StoreTable.from_chunks(task.service.store_columns(SOURCES), name_ordered=True)


def _load_rows(ids: list[str]) -> Any:
    def job(task: Task) -> list[StoreRow]:
        rows = []
        for store_id in ids:
            try:
                rows.append(row_from_detail(task.service.store_detail(store_id)))
            except KeyError:
                continue
        return rows

    return job


class StoresView(BaseView):
    view_name = "stores"
    # the current store changed (None when nothing is selected)
    store_selected = Signal(object)
    # the merchant asked for a bulk change of the selected stores
    bulk_requested = Signal()
    # the list finished (re)loading
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StoresModel(self, clock=ctx.clock)
        self._loading = False
        self._reload_again = False
        self._pending_select: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("storesSplitter")
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter)

        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(16, 12, 8, 12)
        lay.setSpacing(8)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.count = QLabel()
        self.count.setProperty("muted", True)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.count)
        lay.addLayout(head)

        self.chips = ChipBar()
        self.chips.add_chip("all")
        for e in CHIP_ELIGIBILITY:
            self.chips.add_chip(e.value)
        self.chips.add_chip("soon")
        self.chips.add_chip("pending")
        self.chips.chosen.connect(lambda _key: self._apply_filter())
        lay.addWidget(self.chips)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._apply_filter())
        self.platform = QComboBox()
        self.platform.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.setting = QComboBox()
        self.setting.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.bulk_button = QPushButton()
        self.bulk_button.clicked.connect(self.bulk_requested)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.platform)
        bar.addWidget(self.setting)
        bar.addWidget(self.bulk_button)
        lay.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("storesTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves, arrows move within
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StoreCol.STORE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(32)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionResizeMode(StoreCol.STORE, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (StoreCol.PLATFORM, 70),
            (StoreCol.WECHAT, 150),
            (StoreCol.ALIPAY, 64),
            (StoreCol.SYNC, 70),
            (StoreCol.DEADLINE, 100),
        ):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        self.table.setItemDelegateForColumn(StoreCol.WECHAT, PillDelegate(EligibilityRole, self.table))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        lay.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setProperty("muted", True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        lay.addWidget(self.empty)

        self.detail = StoreDetailView(ctx)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 480])

        ctx.events.data_changed.connect(self._on_data_changed)
        self.retranslateUi()

    # -- protocol -------------------------------------------------------------------------
    def refresh(self) -> None:
        """(Re)load the whole list in the db lane; selection is kept by store id."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.ctx.tasks.run(_load_table, on_done=self._table_loaded, on_error=self._load_failed)

    def set_store(self, store_id: str | None) -> None:
        if store_id is None:
            return
        if not self.select_store(store_id):
            self._pending_select = store_id
            self.detail.set_store(store_id)

    def retranslateUi(self) -> None:
        self.title.setText(QCoreApplication.translate("StoresView", "Stores"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("StoresView", "Search by store name or ID (Ctrl+F)")
        )
        self.search.setAccessibleName(QCoreApplication.translate("StoresView", "Search stores"))
        self._fill_combo(
            self.platform,
            [(None, QCoreApplication.translate("StoresView", "All platforms"))]
            + [(p, texts.platform_name(p)) for p in Platform],
        )
        self.platform.setAccessibleName(QCoreApplication.translate("StoresView", "Platform"))
        self._fill_combo(
            self.setting,
            [
                (None, QCoreApplication.translate("StoresView", "Any setting")),
                ((Method.WECHAT_PAY, True), QCoreApplication.translate("StoresView", "WeChat Pay on")),
                ((Method.WECHAT_PAY, False), QCoreApplication.translate("StoresView", "WeChat Pay off")),
                ((Method.ALIPAY, True), QCoreApplication.translate("StoresView", "Alipay on")),
                ((Method.ALIPAY, False), QCoreApplication.translate("StoresView", "Alipay off")),
            ],
        )
        self.setting.setAccessibleName(QCoreApplication.translate("StoresView", "Payment method setting"))
        self.bulk_button.setText(QCoreApplication.translate("StoresView", "Change in bulk…"))
        self.bulk_button.setToolTip(
            QCoreApplication.translate(
                "StoresView", "Turn a payment method on or off for the selected stores"
            )
        )
        self.table.setAccessibleName(QCoreApplication.translate("StoresView", "Stores"))
        self.empty.setText(QCoreApplication.translate("StoresView", "No store matches these filters."))
        self.model.retranslate()
        self._update_chips()
        self._update_counts()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[Any, str]]) -> None:
        """Re-label in place (keeps the choice across a language switch)."""
        if combo.count() == len(items):
            for i, (_data, text) in enumerate(items):
                combo.setItemText(i, text)
            return
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.blockSignals(False)

    # -- loading --------------------------------------------------------------------------
    def _table_loaded(self, table: StoreTable) -> None:
        self._loading = False
        keep = self._pending_select or self.current_store_id()
        self.model.set_table(table)
        self._update_chips()
        self._update_counts()
        if (keep is None or not self.select_store(keep)) and self.model.rowCount():
            self.table.selectRow(0)
        self._pending_select = None
        self.loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.failed.emit(exc, "")

    def _on_data_changed(self, ids: object) -> None:
        if ids is None or not isinstance(ids, (set, frozenset, list, tuple)) or len(ids) > ROW_UPDATE_LIMIT:
            self.refresh()
            return
        self.ctx.tasks.run(_load_rows(sorted(ids)), on_done=self._rows_loaded)

    def _rows_loaded(self, rows: list[StoreRow]) -> None:
        self.model.update_rows(rows)
        self._update_chips()
        self._update_counts()

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> RowFilter:
        from console.service import StoreFilter

        chip = self.chips.current()
        elig = Eligibility(chip) if chip in Eligibility._value2member_map_ else None
        setting = self.setting.currentData()
        method, method_on = setting if setting else (None, None)
        base = StoreFilter(
            text=self.search.text(),
            platform=self.platform.currentData(),
            wechat_eligibility=elig,
            method=method,
            method_on=method_on,
            pending_only=chip == "pending",
        )
        return RowFilter(base, deadline_soon=chip == "soon")

    def _apply_filter(self) -> None:
        keep = self.current_store_id()
        self.model.set_filter(self.current_filter())
        self._update_counts()
        if keep is not None:
            self.select_store(keep, scroll=False)

    def _update_chips(self) -> None:
        """The chips count the whole list, not the filtered rows: recounted when the list's data
        changes (load, row updates, language), never per keystroke (at 100,000 stores the counts
        cost ~4 ms of a 16 ms frame)."""
        t = self.model.table
        counts = t.counts()
        loc_n = self._n
        self.chips.set_label(
            "all", QCoreApplication.translate("StoresView", "All %1").replace("%1", loc_n(len(t)))
        )
        for e in CHIP_ELIGIBILITY:
            self.chips.set_label(e.value, f"{texts.eligibility_name(e)} {loc_n(counts.get(e, 0))}")
        soon = t.soon_mask(self.ctx.clock().timestamp()).count(1)
        self.chips.set_label(
            "soon",
            QCoreApplication.translate("StoresView", "Deadline within 7 days %1").replace("%1", loc_n(soon)),
        )
        self.chips.set_label(
            "pending",
            QCoreApplication.translate("StoresView", "Waiting to sync %1").replace(
                "%1", loc_n(t.pending_count())
            ),
        )

    def _update_counts(self) -> None:
        """The "Showing N of M" label and the empty-list hint: what a keystroke changes."""
        t = self.model.table
        loc_n = self._n
        shown = self.model.rowCount()
        self.count.setText(
            QCoreApplication.translate("StoresView", "Showing %1 of %2")
            .replace("%1", loc_n(shown))
            .replace("%2", loc_n(len(t)))
        )
        self.empty.setVisible(shown == 0 and len(t) > 0)

    @staticmethod
    def _n(n: int) -> str:
        from PySide6.QtCore import QLocale

        return QLocale().toString(n)

    # -- selection ------------------------------------------------------------------------
    def current_store_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.store_id(idx.row()) if idx.isValid() else None

    def selected_store_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [sid for r in rows if (sid := self.model.store_id(r)) is not None]

    def select_store(self, store_id: str, *, scroll: bool = True) -> bool:
        row = self.model.row_of(store_id)
        if row is None:
            return False
        idx = self.model.index(row, 0)
        sm = self.table.selectionModel()
        sm.setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if scroll:
            self.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def move_current(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the next or previous store in the list."""
        n = self.model.rowCount()
        if not n:
            return
        idx = self.table.currentIndex()
        row = min(max((idx.row() if idx.isValid() else -1) + step, 0), n - 1)
        sid = self.model.store_id(row)
        if sid is not None:
            self.select_store(sid)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sid = self.model.store_id(current.row()) if current.isValid() else None
        if sid != self.detail.store_id:
            # defer: a burst of keyboard moves paints the list first, the detail once
            QTimer.singleShot(0, lambda sid=sid: self._show_detail(sid))

    def _show_detail(self, sid: str | None) -> None:
        if sid == self.current_store_id() and sid != self.detail.store_id:
            self.detail.set_store(sid)
            self.store_selected.emit(sid)

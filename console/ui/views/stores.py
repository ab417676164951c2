"""The stores page: summary chips, filters, the big list, and the chosen store's detail.

The list is loaded once on the db lane (``store_columns`` → a column ``StoreTable``) and then
filtered in memory at every keystroke; changes arrive by store id and update single rows. Right
after a load a second job orders the names as merchants expect (pinyin, numbers by value, through
``console.ui.collation``) and swaps in the reordered table: the keystroke path never collates.

Checkboxes (with Shift+click ranges, Space, "select all N matching") make the bulk selection;
it survives filtering and sorting because the model keeps it by store id.

**The bulk hand-off** (for ``console.ui.views.bulk``): ``StoresView.bulk_requested`` carries a
``BulkScope`` (``console.ui.models.stores_model``): the checked stores, or, with nothing checked,
every store matching the current filter (``matching=True`` and the filter as the service knows
it when it can say it). ``bulk_scope()`` answers the same without the signal.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): the stores page with its
selection row and column fitting at every width; the planned cut moves column fitting into a
widget of its own.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from console import words
from console.core.model import Eligibility, Method, Platform
from console.core.rules import Visibility
from console.ui.context import UiContext
from console.ui.i18n import fmt_countdown
from console.ui.models.stores_model import (
    SOURCES,
    BulkScope,
    PillRole,
    RowFilter,
    StoresModel,
    StoreTable,
    in_name_order,
    row_from_detail,
)
from console.ui.models.stores_model import Col as StoreCol
from console.ui.views.base import BaseView
from console.ui.views.store_detail import StoreDetailView
from console.ui.widgets.chips import ChipBar
from console.ui.widgets.pill import PAD_X, PillDelegate

if TYPE_CHECKING:
    from console.service import StoreRow
    from console.ui.tasks import Task

# Chips: WeChat Pay eligibility chips, in the order a merchant reads them.
CHIP_ELIGIBILITY: tuple[Eligibility, ...] = (
    Eligibility.INVITED,
    Eligibility.IN_REVIEW,
    Eligibility.APPROVED,
    Eligibility.LIVE,
    Eligibility.REJECTED,
    Eligibility.NOT_INVITED,
)
# Chips about what shoppers see (WeChat Pay): keyed "vis-<visibility>" (frozen/expired/withdrawn
# are also eligibility words; these mean the rules' visibility, store freezes included).
CHIP_VISIBILITY: tuple[Visibility, ...] = (
    Visibility.SHOWN,
    Visibility.NOT_SHOWN,
    Visibility.FROZEN,
    Visibility.EXPIRED,
    Visibility.WITHDRAWN,
)
_VIS_PREFIX = "vis-"
# Above this many changed stores a full reload is cheaper than one detail query per store.
ROW_UPDATE_LIMIT = 200
# The store name column never gets narrower than this many average CJK characters.
NAME_MIN_CHARS = 8
# ... and gets up to this many before the Alipay column widens for "On · not shown".
NAME_COMFORT_CHARS = 14


def _load_table(task: Task) -> StoreTable:
    """Column by column straight from SQLite, in SQLite's name order (no StoreRow per store, no
    sort on the GUI thread; see console/storage/store_columns.py for the figures)."""
    offered = task.service.offered_methods()
    return StoreTable.from_chunks(task.service.store_columns(SOURCES), name_ordered=True, offered=offered)


def _rank_names(table: StoreTable) -> Any:
    """A job: ``table`` in the merchant's name order (pinyin, numbers by value). Reads the table
    only; the GUI drops the result if the table changed meanwhile."""

    def job(_task: Task) -> StoreTable:
        from console.ui.collation import Collation

        return in_name_order(table, Collation("zh_CN").ranks(table.names))

    return job


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


class StoresTable(QTableView):
    """The list with a checkbox column that behaves as merchants know from mail and shop admins.

    - a click on a checkbox cell toggles it without changing the current store; Shift+click sets
      the whole range from the last clicked checkbox to the same state;
    - Space toggles the current store's checkbox; Enter opens the store (``open_requested``);
    - arrows move inside; Tab and Shift+Tab leave the table (no cell-by-cell tabbing).
    """

    open_requested = Signal(QModelIndex)
    # The rows' area (the viewport) was resized / has painted. Said here, from the handlers the
    # viewport's events reach, rather than by watching ``viewport()``: the first Python call that
    # returns a plain QWidget makes PySide6 build every QtWidgets class and its enums to find its
    # type (~35 ms, which the merchant's first rows waited for; issue #14).
    viewport_resized = Signal()
    painted = Signal()

    def __init__(self, model: StoresModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._anchor: str | None = None  # store id of the last toggled checkbox
        self._viewport_width: int | None = None
        self.setModel(model)
        self.setTabKeyNavigation(False)

    @property
    def viewport_width(self) -> int:
        """The rows' width: the viewport's, as last resized (before that, the most it can be)."""
        if self._viewport_width is None:
            return self.maximumViewportSize().width()
        return self._viewport_width

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's resizes come here
        super().resizeEvent(event)
        self._viewport_width = event.size().width()
        self.viewport_resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # the viewport's paints come here
        super().paintEvent(event)
        self.painted.emit()

    def _toggle(self, row: int, *, extend: bool) -> None:
        m = self._model
        state = not m.is_checked(row)
        anchor = m.row_of(self._anchor) if extend and self._anchor is not None else None
        rows = range(min(anchor, row), max(anchor, row) + 1) if anchor is not None else [row]
        m.set_checked(rows, state)
        self._anchor = m.store_id(row)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        idx = self.indexAt(event.position().toPoint())
        if idx.isValid() and idx.column() == StoreCol.CHECK and event.button() == Qt.MouseButton.LeftButton:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._toggle(idx.row(), extend=shift)
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def _on_check_column(self, event: QMouseEvent) -> bool:
        idx = self.indexAt(event.position().toPoint())
        return idx.isValid() and idx.column() == StoreCol.CHECK

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._on_check_column(event):  # the press toggled it; the delegate must not again
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._on_check_column(event):  # a quick second click is a second toggle
            self._toggle(self.indexAt(event.position().toPoint()).row(), extend=False)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        idx = self.currentIndex()
        if key == Qt.Key.Key_Space and idx.isValid():
            self._toggle(idx.row(), extend=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and idx.isValid():
            self.open_requested.emit(idx)
            event.accept()
            return
        super().keyPressEvent(event)


class StoresView(BaseView):
    view_name = "stores"
    # the current store changed (None when nothing is selected)
    store_selected = Signal(object)
    # the merchant asked for a bulk change: a BulkScope (see the module docstring)
    bulk_requested = Signal(object)
    # the list finished (re)loading (shown; the name order may follow: ``names_ordered``)
    loaded = Signal()
    # the list is in the merchant's name order (pinyin, numbers by value)
    names_ordered = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StoresModel(self, clock=ctx.clock, lang=lambda: self.ctx.lang)
        self._loading = False
        self._reload_again = False
        self._pending_select: str | None = None
        self._ranking: StoreTable | None = None  # the table a name-order job works on

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("storesSplitter")
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter)

        left = QWidget()
        self.left = left
        lay = QVBoxLayout(left)
        self._left_layout = lay
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
        for v in CHIP_VISIBILITY[:2]:
            self.chips.add_chip(_VIS_PREFIX + v.value)
        for e in CHIP_ELIGIBILITY:
            self.chips.add_chip(e.value)
        for v in CHIP_VISIBILITY[2:]:
            self.chips.add_chip(_VIS_PREFIX + v.value)
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
        self.setting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setting.currentIndexChanged.connect(lambda _i: self._apply_filter())
        bar.addWidget(self.search, 1)
        bar.addWidget(self.platform)
        bar.addWidget(self.setting)
        lay.addLayout(bar)

        # the selection row: always there (it never pushes the list down under the pointer)
        sel = QHBoxLayout()
        self.select_all = QCheckBox()
        self._indicator = QCheckBox(self)  # never shown: measures the check column (_column_widths)
        self._indicator.hide()
        self.select_all.setTristate(False)
        self.select_all.clicked.connect(self._select_all_clicked)
        self.selection = QLabel()
        self.selection.setProperty("muted", True)
        self.select_matching = QPushButton()
        self.select_matching.setFlat(True)
        self.select_matching.setObjectName("linkButton")
        self.select_matching.clicked.connect(self._select_all_matching)
        self.clear_selection = QPushButton()
        self.clear_selection.setFlat(True)
        self.clear_selection.setObjectName("linkButton")
        self.clear_selection.clicked.connect(self.model.clear_checks)
        self.bulk_button = QPushButton()
        self.bulk_button.clicked.connect(lambda: self.bulk_requested.emit(self.bulk_scope()))
        sel.addWidget(self.select_all)
        sel.addWidget(self.selection)
        sel.addWidget(self.select_matching)
        sel.addWidget(self.clear_selection)
        sel.addStretch(1)
        sel.addWidget(self.bulk_button)
        lay.addLayout(sel)

        self.table = StoresTable(self.model)
        self.table.setObjectName("storesTable")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StoreCol.STORE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        hh.setMinimumSectionSize(24)
        hh.setStretchLastSection(False)
        for col in range(StoreCol.COUNT):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(StoreCol.CHECK, QHeaderView.ResizeMode.Fixed)
        for col in (StoreCol.WECHAT, StoreCol.ALIPAY):
            self.table.setItemDelegateForColumn(col, PillDelegate(PillRole, self.table))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(self._open_store)
        self.table.viewport_resized.connect(self._fit_columns)
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

        self.model.checks_changed.connect(self._update_selection)
        ctx.events.data_changed.connect(self._on_data_changed)
        self.retranslateUi()

    # -- protocol -------------------------------------------------------------------------
    def refresh(self) -> None:
        """(Re)load the whole list in the db lane; selection and checks are kept by store id."""
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
            + [(p, words.platform_name(p, self.lang)) for p in Platform],
        )
        self.platform.setAccessibleName(QCoreApplication.translate("StoresView", "Platform"))
        self._fill_combo(
            self.setting,
            [
                (None, QCoreApplication.translate("StoresView", "Any setting")),
                ((Method.WECHAT_PAY, "on"), QCoreApplication.translate("StoresView", "WeChat Pay on")),
                ((Method.WECHAT_PAY, "off"), QCoreApplication.translate("StoresView", "WeChat Pay off")),
                (
                    (Method.WECHAT_PAY, "shown"),
                    QCoreApplication.translate("StoresView", "WeChat Pay shown to shoppers"),
                ),
                (
                    (Method.WECHAT_PAY, "hidden"),
                    QCoreApplication.translate("StoresView", "WeChat Pay not shown to shoppers"),
                ),
                ((Method.ALIPAY, "on"), QCoreApplication.translate("StoresView", "Alipay on")),
                ((Method.ALIPAY, "off"), QCoreApplication.translate("StoresView", "Alipay off")),
                (
                    (Method.ALIPAY, "shown"),
                    QCoreApplication.translate("StoresView", "Alipay shown to shoppers"),
                ),
                (
                    (Method.ALIPAY, "hidden"),
                    QCoreApplication.translate("StoresView", "Alipay not shown to shoppers"),
                ),
            ],
        )
        self.setting.setAccessibleName(QCoreApplication.translate("StoresView", "Payment method setting"))
        self.select_all.setText(QCoreApplication.translate("StoresView", "Select all"))
        self.select_all.setAccessibleName(QCoreApplication.translate("StoresView", "Check every store shown"))
        self.clear_selection.setText(QCoreApplication.translate("StoresView", "Clear selection"))
        self.bulk_button.setText(QCoreApplication.translate("StoresView", "Change in bulk…"))
        self.bulk_button.setToolTip(
            QCoreApplication.translate(
                "StoresView",
                "Turn a payment method on or off for the checked stores, or for every store shown",
            )
        )
        self.table.setAccessibleName(QCoreApplication.translate("StoresView", "Stores"))
        self.empty.setText(QCoreApplication.translate("StoresView", "No store matches these filters."))
        self.model.retranslate()
        self._update_chips()
        self._update_counts()
        self._update_selection()
        self._fit_columns()

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

    # -- columns: widths from the words shown, re-laid on resize and language switch ---------
    def name_min_width(self) -> int:
        """The store column's floor: about NAME_MIN_CHARS Chinese characters of the table's font."""
        return QFontMetrics(self.table.font()).horizontalAdvance("店" * NAME_MIN_CHARS) + 32

    def _column_widths(self) -> dict[int, int]:
        """Each column but the name, as wide as its heading and the longest usual value."""
        fm = QFontMetrics(self.table.font())
        bold = self.table.horizontalHeader().fontMetrics()
        lang = self.lang

        def head(col: int) -> int:
            text = self.model.headerData(col, Qt.Orientation.Horizontal) or ""
            return bold.horizontalAdvance(str(text)) + 28  # sort arrow and margins

        def widest(*texts: str, pad: int = 16) -> int:
            return max(fm.horizontalAdvance(t) for t in texts) + pad

        # an empty check box is its indicator, as the style sheet draws it; asking the style
        # (subElementRect) would build QStyle's Python enums, ~15 ms before the first rows
        check = self._indicator.sizeHint().width()
        live = words.label(words.eligibility_name(Eligibility.LIVE, lang))
        phase = QCoreApplication.translate("StoresModel", "%1 · phase %2")
        phase = phase.replace("%1", live).replace("%2", "4")
        pill = 2 * PAD_X + 14
        on = words.label(words.on_off(True, lang))
        off = words.label(words.on_off(False, lang))
        names = [words.platform_name(p, lang) for p in Platform]
        tr_waiting = QCoreApplication.translate("StoresModel", "Waiting")
        now = self.ctx.clock()
        countdown = fmt_countdown(now + timedelta(days=13, hours=23), now)
        return {
            StoreCol.CHECK: check + 16,
            StoreCol.PLATFORM: max(head(StoreCol.PLATFORM), widest(*names)),
            StoreCol.WECHAT: max(head(StoreCol.WECHAT), widest(phase, pad=pill)),
            StoreCol.ALIPAY: max(head(StoreCol.ALIPAY), widest(on, off, pad=pill)),
            StoreCol.SYNC: max(head(StoreCol.SYNC), widest(tr_waiting, pad=40)),  # with its icon
            StoreCol.DEADLINE: max(head(StoreCol.DEADLINE), widest(countdown)),
        }

    def _full_widths(self) -> dict[int, int]:
        """The method columns wide enough for their longest usual pill ("In review · phase 4",
        "On · not shown"); below that they elide (the tooltip has the three facts)."""
        fm = QFontMetrics(self.table.font())
        lang = self.lang
        phase = QCoreApplication.translate("StoresModel", "%1 · phase %2")
        labels = [
            phase.replace("%1", words.label(words.eligibility_name(e, lang))).replace("%2", "4")
            for e in Eligibility
        ]
        on = words.label(words.on_off(True, lang))
        hidden = QCoreApplication.translate("StoresModel", "%1 · %2").replace("%1", on)
        hidden = hidden.replace("%2", QCoreApplication.translate("StoresModel", "not shown"))
        pill = 2 * PAD_X + 14
        return {
            StoreCol.WECHAT: max(fm.horizontalAdvance(t) for t in labels) + pill,
            StoreCol.ALIPAY: fm.horizontalAdvance(hidden) + pill,
        }

    def _dropped_columns(self, widths: dict[int, int], available: int) -> set[int]:
        """Columns that repeat what the row already shows, dropped when the name would get less
        than a comfortable width: Platform (the name cell has the TB/TM icon and the platform in
        its tooltip), then Sync while no store is waiting (an empty column)."""
        comfortable = QFontMetrics(self.table.font()).horizontalAdvance("店" * NAME_COMFORT_CHARS) + 32
        dropped: set[int] = set()
        for col in self._droppable():
            if available - sum(w for c, w in widths.items() if c not in dropped) >= comfortable:
                break
            dropped.add(col)
        return dropped

    def _droppable(self) -> tuple[int, ...]:
        """The columns that may go at narrow widths, in the order they go."""
        if self.model.table.pending_count():
            return (StoreCol.PLATFORM,)
        return (StoreCol.PLATFORM, StoreCol.SYNC)

    def _fit_columns(self) -> None:
        """Give the name what the other columns leave, never less than ``name_min_width``; room
        beyond that widens WeChat Pay's pills, then the name to a comfortable width, then Alipay's.
        At narrow widths the columns that repeat the row's facts go first (``_dropped_columns``)."""
        widths = self._column_widths()
        floor = sum(w for c, w in widths.items() if c not in self._droppable())
        available = self.table.viewport_width
        dropped = self._dropped_columns(widths, available)
        for optional in (StoreCol.PLATFORM, StoreCol.SYNC):
            self.table.setColumnHidden(optional, optional in dropped)
        widths = {c: w for c, w in widths.items() if c not in dropped}
        base = sum(widths.values())
        spare = available - base - self.name_min_width()
        full = self._full_widths()
        # WeChat Pay's pill first, then the name up to a comfortable width, then Alipay's
        comfortable = QFontMetrics(self.table.font()).horizontalAdvance("店" * NAME_COMFORT_CHARS) + 32
        for col in (StoreCol.WECHAT, None, StoreCol.ALIPAY):
            if col is None:
                spare -= min(max(spare, 0), comfortable - self.name_min_width())
                continue
            grow = min(max(spare, 0), max(full[col] - widths[col], 0))
            widths[col] += grow
            spare -= grow
        name = max(self.name_min_width(), available - sum(widths.values()))
        for col, w in widths.items():
            self.table.setColumnWidth(col, w)
        self.table.setColumnWidth(StoreCol.STORE, name)
        # the list's pane never gets narrower than its columns at the name's floor with every
        # droppable column gone; the detail panel holds its own minimum (the splitter honours both)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        margins = self.left.contentsMargins() + self._left_layout.contentsMargins()
        self.left.setMinimumWidth(floor + self.name_min_width() + frame + margins.left() + margins.right())

    # -- loading --------------------------------------------------------------------------
    def _table_loaded(self, table: StoreTable) -> None:
        self._loading = False
        self._lay_out_resets_at_once()
        keep = self._pending_select or self.current_store_id()
        self.model.set_table(table)
        self._update_chips()
        self._update_counts()
        self._update_selection()
        self._fit_columns()  # the Sync column may come or go with the stores waiting
        if (keep is None or not self.select_store(keep)) and self.model.rowCount():
            self.table.selectRow(0)
        self._pending_select = None
        self.loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self.refresh()
        else:
            self._index_letters(table)
            self._order_names(later=True)

    def _lay_out_resets_at_once(self) -> None:
        """After a model reset (a filter showing other rows) the table lays its rows out at once,
        not on its zero timer: the paint queued by the reset came first, and the layout after it
        changed the scroll range and painted every row again (a filter at 10,000 or 100,000
        stores: one table repaint of ~20 ms instead of two). Connected after the table's own
        reset slot (setModel's), so it runs the layout that slot asked for."""
        if not getattr(self, "_resets_laid_out", False):
            self.model.modelReset.connect(self.table.executeDelayedItemsLayout)
            self._resets_laid_out = True

    def _index_letters(self, table: StoreTable) -> None:
        """Ask the db lane for the first-letter masks of a freshly loaded table (``LETTERS``): a
        first letter then costs a lookup instead of a scan of every row (100,000 stores: 5-9 ms a
        keystroke). Queued before the name-order job, so typing gets them within ~0.4 s."""
        if table.letters:
            return
        version = table.version

        def installed(letters: dict[str, bytearray]) -> None:
            if table.version == version and not table.letters:
                table.letters = letters

        try:
            self.ctx.tasks.run(lambda _task: table.letter_masks(), on_done=installed)
        except RuntimeError:  # the app is closing (runner shut down)
            return

    def _order_names(self, *, later: bool = False) -> None:
        """Ask for the merchant's name order of the current table, off the GUI thread.

        ``later``: start the job once the GUI thread has done what is queued (after a load: the
        first store's detail, the paint). The job holds the GIL for about a second at 100,000
        stores, and the detail's SQLite calls on the GUI thread waited for it at each call: the
        list's load until the detail showed took ~440 ms more."""
        table = self._ranking = self.model.table
        if later:
            QTimer.singleShot(0, self, lambda: self._start_ranking(table))
        else:
            self._start_ranking(table)

    def _start_ranking(self, table: StoreTable) -> None:
        if table is not self._ranking:
            return  # a newer load or ranking took its place
        try:
            self.ctx.tasks.run(_rank_names(table), on_done=lambda t: self._names_ranked(table, t))
        except RuntimeError:  # the app is closing (runner shut down): the order does not matter
            self._ranking = None

    def _names_ranked(self, source: StoreTable, ordered: StoreTable) -> None:
        if source is not self._ranking or source is not self.model.table:
            return  # a newer load or ranking is on its way
        self._ranking = None
        if not source.name_ordered:  # rows changed while the job ran: again, on the new data
            self._order_names()
            return
        self.model.reorder_table(ordered)
        self.names_ordered.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.failed.emit(exc, "")

    def _on_data_changed(self, ids: object) -> None:
        if ids is None or not isinstance(ids, (set, frozenset, list, tuple)) or len(ids) > ROW_UPDATE_LIMIT:
            self.refresh()
            return
        self.ctx.tasks.run(_load_rows(sorted(ids)), on_done=self._rows_loaded)

    def _rows_loaded(self, rows: list[StoreRow]) -> None:
        table = self.model.table
        self.model.update_rows(rows)
        self._update_chips()
        self._update_counts()
        self._update_selection()
        self._fit_columns()
        if not table.name_ordered and self._ranking is None:
            self._order_names()  # a new or renamed store: back to the merchant's order

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> RowFilter:
        from console.service import StoreFilter

        chip = self.chips.current()
        elig = Eligibility(chip) if chip in Eligibility._value2member_map_ else None
        visibility = Visibility(chip[len(_VIS_PREFIX) :]) if chip.startswith(_VIS_PREFIX) else None
        method, what = self.setting.currentData() or (None, None)
        base = StoreFilter(
            text=self.search.text(),
            platform=self.platform.currentData(),
            wechat_eligibility=elig,
            method=method if what in ("on", "off") else None,
            method_on=(what == "on") if what in ("on", "off") else None,
            pending_only=chip == "pending",
        )
        shown = (method, what == "shown") if method is not None and what in ("shown", "hidden") else None
        return RowFilter(base, deadline_soon=chip == "soon", visibility=visibility, shown=shown)

    def _apply_filter(self) -> None:
        keep = self.current_store_id()
        flt = self.current_filter()
        changed = flt != self.model.row_filter
        reset = self.model.set_filter(flt)  # laid out at once (_lay_out_resets_at_once)
        self._update_counts()
        if self.model.checked_count():
            self._update_selection()
        if keep is not None:
            self.select_store(keep, scroll=False)
            if changed and not reset and self.table.hasAutoScroll():
                # the same rows, not reset: bring the current store into view as the view does
                # when a reset's re-selection sets its current row
                self.table.scrollTo(self.table.currentIndex())
        elif changed and not reset:
            self.table.selectionModel().clearSelection()  # what a reset leaves

    def _update_chips(self) -> None:
        """The chips count the whole list, not the filtered rows: recounted when the list's data
        changes (load, row updates, language), never per keystroke (at 100,000 stores the counts
        cost a few ms of a 16 ms frame)."""
        t = self.model.table
        lang = self.lang
        counts = t.counts()
        now = self.ctx.clock().timestamp()
        vis = t.visibility_counts(Method.WECHAT_PAY, now)
        loc_n = self._n
        self.chips.set_label(
            "all", QCoreApplication.translate("StoresView", "All %1").replace("%1", loc_n(len(t)))
        )
        for e in CHIP_ELIGIBILITY:
            name = words.label(words.eligibility_name(e, lang))
            self.chips.set_label(e.value, f"{name} {loc_n(counts.get(e, 0))}")
        vis_words = {
            Visibility.SHOWN: QCoreApplication.translate("StoresView", "Shown to shoppers %1"),
            Visibility.NOT_SHOWN: QCoreApplication.translate("StoresView", "Not shown %1"),
            Visibility.FROZEN: QCoreApplication.translate("StoresView", "Frozen %1"),
            Visibility.EXPIRED: QCoreApplication.translate("StoresView", "Expired %1"),
            Visibility.WITHDRAWN: QCoreApplication.translate("StoresView", "Withdrawn %1"),
        }
        vis_tips = {
            Visibility.SHOWN: QCoreApplication.translate(
                "StoresView", "Stores where shoppers can pay with WeChat Pay now"
            ),
            Visibility.NOT_SHOWN: QCoreApplication.translate(
                "StoresView", "Stores where shoppers cannot pay with WeChat Pay now"
            ),
            Visibility.FROZEN: QCoreApplication.translate(
                "StoresView", "The store or its WeChat Pay is frozen by the platform's risk review"
            ),
            Visibility.EXPIRED: QCoreApplication.translate("StoresView", "The WeChat Pay invitation expired"),
            Visibility.WITHDRAWN: QCoreApplication.translate(
                "StoresView", "The platform withdrew the WeChat Pay invitation"
            ),
        }
        for v in CHIP_VISIBILITY:
            key = _VIS_PREFIX + v.value
            self.chips.set_label(key, vis_words[v].replace("%1", loc_n(vis[v])))
            self.chips.chip(key).setToolTip(vis_tips[v])
        soon = t.soon_mask(now).count(1)
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
        self.chips.relayout()

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
        return QLocale().toString(n)

    # -- checked stores (the bulk selection) ----------------------------------------------
    def _select_all_clicked(self) -> None:
        if self.model.all_visible_checked():
            self.model.clear_checks()
        else:
            self.model.check_all_visible()

    def _select_all_matching(self) -> None:
        self.model.check_all_visible()

    def _update_selection(self) -> None:
        """The selection row: "N checked", the Gmail-style offer to check all N matching, clear."""
        m = self.model
        n = m.checked_count()
        shown = m.rowCount()
        all_shown = m.all_visible_checked()
        self.select_all.blockSignals(True)
        self.select_all.setCheckState(
            Qt.CheckState.Checked
            if all_shown
            else Qt.CheckState.PartiallyChecked
            if n
            else Qt.CheckState.Unchecked
        )
        self.select_all.blockSignals(False)
        self.select_all.setEnabled(shown > 0)
        if not n:
            self.selection.setText("")
        elif all_shown and n == shown:
            text = (
                QCoreApplication.translate("StoresView", "All %1 stores shown are checked.")
                if not m.row_filter.is_empty
                else QCoreApplication.translate("StoresView", "All %1 stores are checked.")
            )
            self.selection.setText(text.replace("%1", self._n(n)))
        else:
            hidden = n - m.visible_checked_count()
            text = QCoreApplication.translate("StoresView", "%1 checked").replace("%1", self._n(n))
            if hidden:
                text += QCoreApplication.translate("StoresView", " (%1 not shown by these filters)").replace(
                    "%1", self._n(hidden)
                )
            self.selection.setText(text)
        self.select_matching.setText(
            QCoreApplication.translate("StoresView", "Check all %1 stores shown").replace(
                "%1", self._n(shown)
            )
        )
        self.select_matching.setVisible(bool(n) and not all_shown and shown > 0)
        self.clear_selection.setVisible(bool(n))
        self.bulk_button.setEnabled(bool(n) or shown > 0)

    def bulk_scope(self) -> BulkScope:
        """What "Change in bulk…" is about: the checked stores; with none, every store the
        current filter shows (``matching``: the bulk page may say "all N matching")."""
        m = self.model
        flt = m.row_filter
        hint = None
        if flt.shown is not None:
            hint = flt.shown[0]
        elif flt.base is not None and flt.base.method is not None:
            hint = flt.base.method
        elif flt.visibility is not None or (flt.base is not None and flt.base.wechat_eligibility is not None):
            hint = Method.WECHAT_PAY
        if m.checked_count():
            ids = tuple(m.checked_ids())
            matching = m.all_visible_checked() and len(ids) == m.rowCount()
            return BulkScope(ids, matching, flt.store_filter if matching else None, hint)
        return BulkScope(tuple(m.visible_ids()), True, flt.store_filter, hint)

    # -- selection ------------------------------------------------------------------------
    def current_store_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.store_id(idx.row()) if idx.isValid() else None

    def selected_store_ids(self) -> list[str]:
        """The checked stores; with none checked, the current store (older callers of bulk)."""
        if self.model.checked_count():
            return self.model.checked_ids()
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [sid for r in rows if (sid := self.model.store_id(r)) is not None]

    def select_store(self, store_id: str, *, scroll: bool = True) -> bool:
        row = self.model.row_of(store_id)
        if row is None:
            return False
        idx = self.model.index(row, StoreCol.STORE)
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

    def _open_store(self, index: QModelIndex) -> None:
        """Enter on a row: show that store and move the keyboard into its detail."""
        sid = self.model.store_id(index.row())
        if sid is None:
            return
        self._show_detail(sid)
        self.detail.setFocus(Qt.FocusReason.TabFocusReason)
        self.detail.focusNextChild()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sid = self.model.store_id(current.row()) if current.isValid() else None
        if sid != self.detail.store_id:
            # defer: a burst of keyboard moves paints the list first, the detail once
            QTimer.singleShot(0, lambda sid=sid: self._show_detail(sid))

    def _show_detail(self, sid: str | None) -> None:
        if sid == self.current_store_id() and sid != self.detail.store_id:
            self.detail.set_store(sid)
            self.store_selected.emit(sid)

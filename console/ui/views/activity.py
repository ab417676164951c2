"""Activity: every change the merchant made and every sync outcome, newest first.

Support's first question is always "what happened, and when?". This view answers from the
local audit log (who: you, the sync, the platform; what; which store and method; the result),
filterable by store, method and outcome, and exports what it shows as CSV that Excel opens with
the Chinese intact (UTF-8 with a byte-order mark). Rows live in a Qt table model, not a widget
per row, so a long history scrolls smoothly.

The merchant's own changes say what became of them ("confirmed by the platform", "refused"),
and passes that only fetched routine updates are one line a day, so the merchant's changes are
not buried under them (both readings are the audit module's: ``console.storage.audit.activity``).
"""

from __future__ import annotations

import contextlib
import csv
import logging
from pathlib import Path

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.model import LocalizedText, Method
from console.service import ActivityEntry, ActivityFilter
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import create_export, export_failure_text
from console.ui.models.activity_model import COLUMNS, ActivityModel
from console.ui.resources import icon
from console.ui.tasks import Task
from console.ui.views.base import BaseView
from console.ui.widgets.page import page_header
from console.ui.widgets.store_search import StoreSearch
from console.words.dates import format_iso

log = logging.getLogger(__name__)

# Newest entries shown (and exported); the audit log itself keeps everything.
ROW_LIMIT = 5000
# Up to this many unknown stores in a load are looked up one by one; more, and one list is read.
NAME_LOOKUPS = 300

# Outcomes offered in the filter, in the order a merchant thinks of them (audit ``result``).
OUTCOMES = ("queued", "confirmed", "refused", "ok", "coalesced", "cancelled", "discarded", "failed")
# The CSV's columns: the store's id and name apart (a spreadsheet filters on either), times as
# ISO 8601 with the zone's offset.
CSV_COLUMNS = ("at", "actor", "action", "store_id", "store_name", "method", "result", "detail")
# outcome -> the theme's text colour for it (readable in light and dark)


class ActivityView(BaseView):
    """The audit log with filters and CSV export."""

    view_name = "activity"

    # the rows of a load are on screen (tests and the export wait for it)
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ActivityModel(self, self)
        self._store_names: dict[str, str] = {}  # names of the stores in the rows shown
        self._generation = 0  # a load's result is used only if no newer load was asked for
        self.selected_store: str | None = None
        self._announcement_titles: dict[str, LocalizedText] = {}
        self._stale = True
        self._build()
        ctx.events.data_changed.connect(self._on_data_changed)
        ctx.events.sync_state_changed.connect(self._on_data_changed)
        self.retranslateUi()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(8)
        self._title, self._intro = page_header(root)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self._store_label = QLabel()
        self.store_filter = StoreSearch(self.ctx, allow_all=True)
        self.store_filter.setMinimumWidth(240)
        self.store_filter.store_chosen.connect(lambda _store: self._load())
        self._store_label.setBuddy(self.store_filter)
        bar.addWidget(self._store_label)
        bar.addWidget(self.store_filter)
        self._method_label = QLabel()
        self.method_filter = QComboBox()
        self._method_label.setBuddy(self.method_filter)
        self._result_label = QLabel()
        self.result_filter = QComboBox()
        self._result_label.setBuddy(self.result_filter)
        for label, combo in (
            (self._method_label, self.method_filter),
            (self._result_label, self.result_filter),
        ):
            bar.addWidget(label)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_filter)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.export_button = QPushButton()
        self.export_button.setIcon(icon("export"))
        self.export_button.clicked.connect(self._ask_export)
        bar.addWidget(self.export_button)
        root.addLayout(bar)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves, arrows move within
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        root.addWidget(self.table, 1)
        # in place of an empty table: what will appear here, or that the filters hide everything
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()
        root.addWidget(self.empty_label, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        root.addWidget(self.message)
        self._filling = False

    # -- the view protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the entries that match the filters (in the background: the log can be long)."""
        self._stale = False
        self._announcement_titles = {a.id: a.title for a in self.ctx.service.announcements()}
        self._load()

    def set_store(self, store_id: str | None) -> None:
        """Deliberately not a filter: the window passes the selected store on every page switch,
        and a history that silently shrinks to one store reads as "nothing happened". The store
        filter stays the merchant's choice; ``show_store`` is for an explicit "this store's
        activity" link.
        """
        self.selected_store = store_id

    def show_store(self, store_id: str | None) -> None:
        """Filter the history to one store (None: all stores)."""
        self.set_filter(store_id=store_id)

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Activity"))
        self._intro.setText(self.tr("Every change you made and every sync with the platform, newest first."))
        self._store_label.setText(self.tr("&Store"))
        self.store_filter.setPlaceholderText(self.tr("All stores"))
        self._method_label.setText(self.tr("&Method"))
        self._result_label.setText(self.tr("&Outcome"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setAccessibleName(self.tr("Activity"))  # screen readers name the table by it
        self._fill_filters()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.model.entries:
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(len(self.model.entries) - 1, len(COLUMNS) - 1)
            )
        self._update_count()

    # -- filters --------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """(Re)build the filter choices in the current language, keeping what was chosen."""
        self._filling = True
        try:
            method = self.method_filter.currentData()
            self.method_filter.clear()
            self.method_filter.addItem(self.tr("All methods"), None)
            for m in Method:
                name = words.method_name(m, self.lang)
                self.method_filter.addItem(icon(f"method-{m.value}"), name, m.value)
            self.method_filter.setCurrentIndex(max(self.method_filter.findData(method), 0) if method else 0)

            result = self.result_filter.currentData()
            self.result_filter.clear()
            self.result_filter.addItem(self.tr("All outcomes"), None)
            for outcome in OUTCOMES:
                self.result_filter.addItem(self.result_name(outcome), outcome)
            self.result_filter.setCurrentIndex(max(self.result_filter.findData(result), 0) if result else 0)
        finally:
            self._filling = False

    def current_filter(self) -> ActivityFilter:
        method = self.method_filter.currentData()
        return ActivityFilter(
            store_id=self.store_filter.store_id,
            method=Method(method) if method else None,
            result=self.result_filter.currentData() or None,
            limit=ROW_LIMIT,
        )

    def set_filter(
        self, *, store_id: str | None = None, method: Method | None = None, result: str | None = None
    ) -> None:
        """Choose filters in one go (tests, and "show this store's activity" links)."""
        self._filling = True
        try:
            self.store_filter.set_store(store_id, self._store_names.get(store_id or "", ""))
            self.method_filter.setCurrentIndex(
                max(self.method_filter.findData(method.value), 0) if method else 0
            )
            self.result_filter.setCurrentIndex(max(self.result_filter.findData(result), 0) if result else 0)
        finally:
            self._filling = False
        self._load()

    def _on_filter(self, _index: int) -> None:
        if not self._filling:
            self._load()

    def _load(self) -> None:
        """Query on the db lane; the newest request wins when several overlap."""
        self._generation += 1
        generation, flt, known = self._generation, self.current_filter(), set(self._store_names)

        def load(task: Task) -> tuple[int, list[ActivityEntry], dict[str, str]]:
            entries = task.service.activity(flt)
            missing = {e.store_id for e in entries if e.store_id and e.store_id not in known}
            names: dict[str, str] = {}
            if len(missing) > NAME_LOOKUPS:  # one scan beats thousands of lookups
                names = {r.id: r.name for r in task.service.list_stores() if r.id in missing}
            else:
                for store_id in missing:
                    with contextlib.suppress(KeyError):  # a store no longer listed: its id will do
                        names[store_id] = task.service.store_detail(store_id).store.name
            return generation, entries, names

        self.ctx.tasks.run(load, on_done=self._on_loaded, on_error=self._on_load_error)

    def _on_load_error(self, exc: BaseException) -> None:
        log.error("loading the activity failed", exc_info=exc)
        self.message.setText(self.tr("The activity could not be read. Please try again."))
        self.message.show()

    def _on_loaded(self, result: tuple[int, list[ActivityEntry], dict[str, str]]) -> None:
        generation, entries, names = result
        if generation != self._generation:
            return
        self._store_names.update(names)
        chosen = self.store_filter.store_id
        if chosen and self.store_filter.text() == chosen and chosen in self._store_names:
            self.store_filter.set_store(chosen, self._store_names[chosen])
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        # a very long detail must not push the rest away, and at 1024x700 the outcome column must
        # stay in sight: the long columns (what, store) are capped; cut cells keep their tooltip
        room = max(self.table.viewport().width(), 600)
        cap = max(160, min(260, room // 5))
        for col in range(len(COLUMNS) - 1):
            header.resizeSection(col, min(header.sectionSize(col), cap))
        self._update_count()
        self.loaded.emit()

    def _update_count(self) -> None:
        n = len(self.model.entries)
        text = self.tr("1 entry") if n == 1 else self.tr("%1 entries")
        self.count_label.setText(text.replace("%1", str(n)))
        self.export_button.setEnabled(n > 0)
        flt = self.current_filter()
        filtered = any(v is not None for v in (flt.store_id, flt.method, flt.result))
        self.empty_label.setText(
            self.tr("No entries match these filters. Choose “All” in a filter to see more.")
            if filtered
            else self.tr(
                "Nothing has happened yet. Changes you make and each sync with the platform "
                "will be listed here."
            )
        )
        self.table.setVisible(n > 0)
        self.empty_label.setVisible(n == 0)

    # -- words ---------------------------------------------------------------------------------
    def column_title(self, column: str) -> str:
        return {
            "at": self.tr("When"),
            "actor": self.tr("Who"),
            "action": self.tr("What"),
            "store": self.tr("Store"),
            "store_id": self.tr("Store ID"),
            "store_name": self.tr("Store name"),
            "method": self.tr("Method"),
            "result": self.tr("Result"),
            "detail": self.tr("Details"),
        }.get(column, column)

    def actor_name(self, actor: str) -> str:
        return {
            "merchant": self.tr("You"),
            "sync": self.tr("Sync"),
            "platform": self.tr("Platform"),
        }.get(actor, actor)

    def result_name(self, result: str) -> str:
        return {
            "ok": self.tr("Done"),
            "confirmed": self.tr("Confirmed by the platform"),
            "queued": self.tr("Waiting to sync"),
            "coalesced": self.tr("Merged with an unsent change"),
            "cancelled": self.tr("Cancelled (no change)"),
            "refused": self.tr("Refused"),
            "discarded": self.tr("Discarded"),
            "failed": self.tr("Failed"),
        }.get(result, result)

    def action_text(self, entry: ActivityEntry) -> str:
        """What happened, with the wish: the sync engine's rows carry the change's ``enabled``
        (and method), so a refusal reads "refused: turn on WeChat Pay", not just "a change"."""
        d = entry.detail
        method_value = entry.method.value if entry.method else str(d.get("method"))
        method = (
            words.method_name(Method(method_value), self.lang)
            if method_value in Method._value2member_map_
            else self.tr("a payment method")
        )
        by_sync = entry.actor == "sync"
        if entry.action == "set_method":
            enabled = d.get("enabled")
            if by_sync and entry.result == "refused":
                if enabled is True:
                    text = self.tr("The platform refused: turn on %1")
                elif enabled is False:
                    text = self.tr("The platform refused: turn off %1")
                else:  # written before the audit carried the wish
                    text = self.tr("The platform refused a change of %1")
            elif enabled is True:
                text = self.tr("Sent to the platform: turn on %1") if by_sync else self.tr("Turn on %1")
            elif enabled is False:
                text = self.tr("Sent to the platform: turn off %1") if by_sync else self.tr("Turn off %1")
            else:
                text = self.tr("Sent a change of %1 to the platform") if by_sync else self.tr("Change %1")
            return text.replace("%1", method)
        if entry.action == "sync_pull" and d.get("folded"):
            passes = int(str(d.get("passes") or 1))
            if passes == 1:
                return self.tr("Fetched updates from the platform")
            return self.tr("Fetched updates from the platform (%1 times this day)").replace("%1", str(passes))
        if entry.action == "send_feedback" and by_sync:
            return self.tr("Sent your feedback to the platform")
        known = {
            "send_feedback": self.tr("Send feedback on a rule change"),
            "sync_push": self.tr("Send a change to the platform"),
            "sync_pull": self.tr("Fetch updates from the platform"),
            "refused": self.tr("The platform refused a change"),
            "retry": self.tr("Retry a change"),
            "discard": self.tr("Discard a change"),
            "mark_read": self.tr("Mark an announcement read"),
        }
        return known.get(entry.action, entry.action)

    def detail_text(self, entry: ActivityEntry) -> str:
        d = entry.detail
        parts: list[str] = []
        code = d.get("code") or d.get("refused_code") or d.get("reason_code")
        message = d.get("message") or d.get("refused_message")
        if code or message:
            parts.append(
                words.refusal_code_text(
                    str(code) if code else None, str(message) if message else None, self.lang
                )
            )
        elif d.get("error"):
            parts.append(str(d["error"]))
        changes = d.get("pulled", d.get("changes"))
        if isinstance(changes, int):
            text = self.tr("1 update received") if changes == 1 else self.tr("%1 updates received")
            parts.append(text.replace("%1", str(changes)))
        eligibility = d.get("eligibility")
        if isinstance(eligibility, str):
            status = texts.status_label(eligibility, self.lang)
            parts.append(self.tr("Platform status: %1").replace("%1", status))
        if d.get("replayed"):
            parts.append(self.tr("the platform already had it"))
        announcement = d.get("announcement_id")
        if announcement:
            title = self._announcement_titles.get(str(announcement))
            name = title.get(self.lang) if title is not None else str(announcement)
            parts.append(self.tr("Announcement: %1").replace("%1", name))
        if d.get("dry_run"):
            parts.append(self.tr("Preview only, nothing changed"))
        return " · ".join(parts)

    def cell_text(self, entry: ActivityEntry, column: str) -> str:
        if column == "at":
            return words.format_datetime(entry.at, self.lang)
        if column == "actor":
            return self.actor_name(entry.actor)
        if column == "action":
            return self.action_text(entry)
        if column == "store":
            if not entry.store_id:
                return ""
            name = self._store_names.get(entry.store_id)
            return f"{name} ({entry.store_id})" if name else entry.store_id
        if column == "method":
            return words.method_name(entry.method, self.lang) if entry.method else ""
        if column == "result":
            return self.result_name(entry.result)
        if column == "detail":
            return self.detail_text(entry)
        return ""

    # -- export ---------------------------------------------------------------------------------
    def csv_cell(self, entry: ActivityEntry, column: str) -> str:
        """A cell as the export writes it: the id and name apart, times ISO 8601 with offset."""
        if column == "at":
            return format_iso(entry.at)
        if column == "store_id":
            return entry.store_id or ""
        if column == "store_name":
            return self._store_names.get(entry.store_id, "") if entry.store_id else ""
        return self.cell_text(entry, column)

    def export_csv(self, path: str | Path) -> int:
        """Write the rows shown (with the filters applied) as CSV; returns the rows written.

        UTF-8 with a byte-order mark (without it Excel on a Chinese Windows reads the file as
        GBK and the store names turn into mojibake), created 0600 (``create_export``).
        """
        fd = create_export(path)  # 0600: the audit log names stores and people
        with open(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([self.column_title(c) for c in CSV_COLUMNS])
            for entry in self.model.entries:
                writer.writerow([self.csv_cell(entry, c) for c in CSV_COLUMNS])
        return len(self.model.entries)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export activity"),
            str(Path.home() / "activity.csv"),
            self.tr("CSV file (*.csv)"),
        )
        if not path:
            return
        try:
            n = self.export_csv(path)
        except OSError as exc:
            self.message.setText(export_failure_text(exc, path, self.ctx.lang))
        else:
            self.message.setText(
                (self.tr("Saved 1 entry to %2.") if n == 1 else self.tr("Saved %1 entries to %2."))
                .replace("%1", str(n))
                .replace("%2", path)
            )
        self.message.show()

    # -- reacting ------------------------------------------------------------------------------
    def _on_data_changed(self, _what: object) -> None:
        self.mark_stale()

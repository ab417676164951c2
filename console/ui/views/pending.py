"""Changes that wait to be sent, and those the platform refused (with why, and what to do).

Refused changes can be retried (checked again against today's rules, then queued with a new key)
or discarded (the store shows the platform's value again). Both go through the service on the
db lane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import storage_failure_text
from console.ui.resources import icon
from console.ui.views.base import BaseView
from console.ui.widgets import dialogs
from console.words import format_datetime

if TYPE_CHECKING:
    from console.service import ChangeResult, PendingChange
    from console.ui.tasks import Task


class PendingView(BaseView):
    view_name = "pending"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.changes: list[PendingChange] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("muted", True)
        # the one sync state's sentence: the same words and counts as the status bar
        self.state_line = QLabel()
        self.state_line.setObjectName("pendingState")
        self.state_line.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        lay.addWidget(self.state_line)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("pendingTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 240)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(0, 48, 0, 0)
        self.empty.setProperty("muted", True)
        lay.addWidget(self.empty, 1)
        bar = QHBoxLayout()
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("primary")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.discard_selected)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(ctx.events.sync_requested)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.discard_button)
        bar.addStretch(1)
        bar.addWidget(self.sync_button)
        lay.addLayout(bar)
        ctx.events.data_changed.connect(lambda _ids: self.refresh() if self.isVisible() else None)
        ctx.events.sync_state_changed.connect(self._state_changed)
        self.retranslateUi()

    def _state_changed(self, status: object) -> None:
        self._show_state()
        if self.isVisible():
            self.refresh()

    def _show_state(self) -> None:
        from console.words.status import headline_text

        state = getattr(self.ctx.sync_status, "state", None)
        self.state_line.setText(headline_text(state, self.ctx.lang) if state is not None else "")
        self.state_line.setVisible(state is not None)

    def refresh(self) -> None:
        self.ctx.tasks.run(lambda task: task.service.pending_changes(), on_done=self._loaded)

    def _loaded(self, changes: list[PendingChange]) -> None:
        keep = self.selected_change()
        self.changes = changes
        self._fill()
        if keep is not None:
            for row, c in enumerate(self.changes):
                if c.id == keep.id:
                    self.table.selectRow(row)

    def _fill(self) -> None:
        lang = self.ctx.lang
        self.table.setRowCount(len(self.changes))
        for row, c in enumerate(self.changes):
            if c.status == "refused":
                status, ic = QCoreApplication.translate("PendingView", "Refused"), "sync-refused"
            elif c.status == "in_flight":
                status, ic = QCoreApplication.translate("PendingView", "Sending"), "sync-syncing"
            else:
                status, ic = QCoreApplication.translate("PendingView", "Waiting"), "sync-pending"
            what = self._what(c)
            why = ""
            if c.status == "refused":
                why = (
                    texts.reason(c.refusal, lang)
                    if c.refusal
                    else QCoreApplication.translate("PendingView", "Refused.")
                )
            elif c.last_error:
                why = QCoreApplication.translate(
                    "PendingView", "Attempts so far: %1. It is tried again automatically."
                ).replace("%1", str(c.attempts))
            cells = [
                QTableWidgetItem(icon(ic), status),
                QTableWidgetItem(c.store_name or c.store_id or "—"),
                QTableWidgetItem(what),
                QTableWidgetItem(format_datetime(c.created_at, lang)),
                QTableWidgetItem(why),
            ]
            cells[4].setToolTip(why)
            for col, item in enumerate(cells):
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.changes)
        self.table.setVisible(bool(self.changes))
        self._update_buttons()

    def _what(self, c: PendingChange) -> str:
        if c.kind == "send_feedback":
            return QCoreApplication.translate("PendingView", "Feedback on an announcement")
        if c.method is not None and c.enabled is not None:
            name = words.method_name(c.method, self.ctx.lang)
            return (
                QCoreApplication.translate("PendingView", "Turn on %1")
                if c.enabled
                else QCoreApplication.translate("PendingView", "Turn off %1")
            ).replace("%1", name)
        return c.kind

    def retranslateUi(self) -> None:
        self.title.setText(QCoreApplication.translate("PendingView", "Waiting to sync"))
        self.intro.setText(
            QCoreApplication.translate(
                "PendingView",
                "Changes you made are saved here first and sent to the platform in order. "
                "If the platform refuses one, it says why below: retry it after fixing the cause, or "
                "discard it to go back to the platform's setting.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PendingView", "Status"),
                QCoreApplication.translate("PendingView", "Store"),
                QCoreApplication.translate("PendingView", "Change"),
                QCoreApplication.translate("PendingView", "Made at"),
                QCoreApplication.translate("PendingView", "Why / next"),
            ]
        )
        self.table.setAccessibleName(QCoreApplication.translate("PendingView", "Changes waiting to sync"))
        self.empty.setText(
            QCoreApplication.translate(
                "PendingView", "Nothing is waiting: every change has reached the platform."
            )
        )
        self.retry_button.setText(QCoreApplication.translate("PendingView", "Retry"))
        self.retry_button.setToolTip(
            QCoreApplication.translate("PendingView", "Check the refused change again and queue it")
        )
        self.discard_button.setText(QCoreApplication.translate("PendingView", "Discard"))
        self.discard_button.setToolTip(
            QCoreApplication.translate("PendingView", "Drop the change and show the platform's setting again")
        )
        self.sync_button.setText(QCoreApplication.translate("PendingView", "Sync now"))
        self._show_state()
        self._fill()

    # -- actions --------------------------------------------------------------------------
    def selected_change(self) -> PendingChange | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def _update_buttons(self) -> None:
        c = self.selected_change()
        self.retry_button.setEnabled(c is not None and c.status == "refused")
        self.discard_button.setEnabled(c is not None and c.status in ("refused", "queued"))

    def retry_selected(self) -> None:
        c = self.selected_change()
        if c is None or c.status != "refused":
            return
        change_id = c.id
        self.ctx.tasks.run(
            lambda task: task.service.retry_change(change_id), on_done=self._done, on_error=self._failed
        )

    def discard_selected(self) -> None:
        c = self.selected_change()
        if c is None:
            return
        if not dialogs.ask(
            self,
            QCoreApplication.translate("PendingView", "Discard this change?"),
            QCoreApplication.translate(
                "PendingView", "“%1” will not be sent. The store shows the platform's setting again."
            ).replace("%1", self._what(c)),
            QCoreApplication.translate("PendingView", "Discard"),
        ):
            return
        change_id = c.id

        def job(task: Task) -> ChangeResult:
            return task.service.discard_change(change_id)

        self.ctx.tasks.run(job, on_done=self._done, on_error=self._failed)

    def _done(self, result: ChangeResult) -> None:
        if not result.applied and result.reason is not None:
            dialogs.tell(
                self,
                QCoreApplication.translate("PendingView", "The change cannot be retried yet"),
                texts.reason(result.reason, self.ctx.lang),
                warning=True,
            )
        self.ctx.events.data_changed.emit({result.store_id} if result.store_id else None)
        if result.applied and result.outcome != "discarded":
            self.ctx.events.local_change.emit()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        dialogs.tell(
            self,
            QCoreApplication.translate("PendingView", "The change was not made"),
            storage_failure_text(exc, self.ctx.lang)
            or QCoreApplication.translate(
                "PendingView", "It may be sending right now. Wait for the sync to finish, then try again."
            ),
            warning=True,
        )
        self.refresh()

"""Bulk change: one method, on or off, for the checked stores, all stores matching the list's
filter, or all stores; a dry run first, then a run followed through saving *and* sending.

Why a dry run that lists every store: with hundreds of stores the merchant must see which ones
will change, which already are so and which a rule refuses (and why) before anything is written;
the table filters by outcome and exports as CSV. Why follow the sending: "done" after saving
was a lie while nothing had reached the platform, so the run page counts saved, sent, confirmed,
refused and skipped, re-read (one query on the db lane) whenever the sync worker reports.

Saving runs on the db lane through ``set_method_bulk`` in committed chunks: the window never
freezes and Stop leaves whole stores changed, never half; what was saved stays saved (and is
sent), and the page says so.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): three steps (scope,
review, run) in one page; the planned cut gives each step its own widget.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.model import Method
from console.service import BulkOutcome, BulkPlan, BulkResult, SendCounts, StoreFilter
from console.ui.context import UiContext
from console.ui.models.bulk_plan_model import BulkPlanModel, OutcomeFilter
from console.words.bulk import COUNTS, count_name, outcome_name

if TYPE_CHECKING:
    from console.ui.tasks import Task, TaskHandle


log = logging.getLogger(__name__)

CHOOSE, REVIEW, RUN = 0, 1, 2


def _n(n: int) -> str:
    return QLocale().toString(n)


def _count(n: int, one: str, many: str) -> str:
    """Singular/plural without an English .qm: two source strings, %1 is the number."""
    return (one if n == 1 else many).replace("%1", _n(n))


def _sentences(*parts: str) -> str:
    """Sentences in a row: English puts a space between them, Chinese does not."""
    text = ""
    for part in parts:
        both = QCoreApplication.translate("BulkDialog", "%1 %2", "two sentences in a row")
        text = part if not text else both.replace("%1", text).replace("%2", part)
    return text


def _scope_of(scope: object) -> tuple[tuple[str, ...], StoreFilter | None, bool]:
    """(checked ids, filter, deadline_soon) from what the stores view hands over: a tuple/list of
    ids, a StoreFilter, or the list's RowFilter (a StoreFilter plus "deadline soon")."""
    if isinstance(scope, StoreFilter):
        return (), scope, False
    base = getattr(scope, "base", None)
    if hasattr(scope, "deadline_soon"):
        return (
            (),
            base if isinstance(base, StoreFilter) else StoreFilter(),
            bool(scope.deadline_soon),
        )
    if isinstance(scope, Sequence) and not isinstance(scope, str):
        return tuple(str(s) for s in scope), None, False
    return (), None, False


class BulkDialog(QDialog):
    """Pages: choose → review (the plan) → run (saving, then sending)."""

    # the run finished saving (or was stopped): the BulkResult
    completed = Signal(object)
    # the dry run finished: the BulkPlan
    reviewed = Signal(object)
    # the sending counts changed: SendCounts
    sending = Signal(object)

    def __init__(
        self, ctx: UiContext, selected_ids: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bulkDialog")
        self.checked_ids: tuple[str, ...] = ()
        self.filter: StoreFilter | None = None
        self.deadline_soon = False
        self.filter_count: int | None = None
        self.all_count: int | None = None
        self.plan: BulkPlan | None = None
        self.outcome: BulkResult | None = None
        self.counts = SendCounts()
        self.handle: TaskHandle | None = None
        self._counting = False
        self._count_again = False
        self.setMinimumSize(640, 480)
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages, 1)

        # choose
        choose = QWidget()
        cl = QVBoxLayout(choose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        cl.addWidget(self.intro)
        self.scope_checked = QRadioButton()
        self.scope_filter = QRadioButton()
        self.scope_all = QRadioButton()
        group = QButtonGroup(self)
        for button in (self.scope_checked, self.scope_filter, self.scope_all):
            group.addButton(button)
            cl.addWidget(button)
        group.buttonToggled.connect(lambda *_: self._buttons())
        form = QFormLayout()
        self.method_label = QLabel()
        self.method = QComboBox()
        self.method.addItem("", Method.WECHAT_PAY)
        self.method.addItem("", Method.ALIPAY)
        self.method_label.setBuddy(self.method)
        self.value_label = QLabel()
        value_box = QWidget()
        vl = QHBoxLayout(value_box)
        vl.setContentsMargins(0, 0, 0, 0)
        self.turn_on = QRadioButton()
        self.turn_off = QRadioButton()
        self.turn_on.setChecked(True)
        vl.addWidget(self.turn_on)
        vl.addWidget(self.turn_off)
        vl.addStretch(1)
        form.addRow(self.method_label, self.method)
        form.addRow(self.value_label, value_box)
        cl.addLayout(form)
        cl.addStretch(1)
        self.pages.addWidget(choose)

        # review: the plan, a row per store
        review = QWidget()
        rl = QVBoxLayout(review)
        self.review_summary = QLabel()
        self.review_summary.setWordWrap(True)
        self.review_summary.setObjectName("reviewSummary")
        rl.addWidget(self.review_summary)
        bar = QHBoxLayout()
        self.show_label = QLabel()
        self.show_outcome = QComboBox()
        self.show_outcome.setObjectName("outcomeFilter")
        self.show_label.setBuddy(self.show_outcome)
        for data in (None, BulkOutcome.CHANGE, BulkOutcome.ALREADY, BulkOutcome.REFUSED):
            self.show_outcome.addItem("", data)
        self.show_outcome.currentIndexChanged.connect(self._filter_outcome)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export)
        bar.addWidget(self.show_label)
        bar.addWidget(self.show_outcome)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        rl.addLayout(bar)
        self.model = BulkPlanModel(self)
        self.proxy = OutcomeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("bulkPlan")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        rl.addWidget(self.table, 1)
        self.pages.addWidget(review)

        # run: saving, then sending
        running = QWidget()
        ul = QVBoxLayout(running)
        self.run_title = QLabel()
        self.run_title.setObjectName("pageTitle")
        ul.addWidget(self.run_title)
        self.saving_label = QLabel()
        self.saving = QProgressBar()
        self.saving.setObjectName("bulkSaving")
        self.sending_label = QLabel()
        self.sending_bar = QProgressBar()
        self.sending_bar.setObjectName("bulkSending")
        for w in (self.saving_label, self.saving, self.sending_label, self.sending_bar):
            ul.addWidget(w)
        self.count_labels: dict[str, QLabel] = {}
        counts = QFormLayout()
        self.count_names: dict[str, QLabel] = {}
        for key in COUNTS:
            name, value = QLabel(), QLabel("0")
            value.setObjectName(f"count_{key}")
            name.setBuddy(value)
            self.count_names[key], self.count_labels[key] = name, value
            counts.addRow(name, value)
        ul.addLayout(counts)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("bulkSummary")
        ul.addWidget(self.summary)
        links = QHBoxLayout()
        self.show_refused = QPushButton()
        self.show_refused.clicked.connect(self.show_refused_stores)
        self.open_pending = QPushButton()
        self.open_pending.clicked.connect(self._open_pending)
        links.addWidget(self.show_refused)
        links.addWidget(self.open_pending)
        links.addStretch(1)
        ul.addLayout(links)
        ul.addStretch(1)
        self.pages.addWidget(running)

        buttons = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self._back)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        lay.addLayout(buttons)

        ctx.events.sync_state_changed.connect(self._sync_moved)
        ctx.events.data_changed.connect(self._sync_moved)
        self.set_scope(tuple(selected_ids))
        self.retranslateUi()

    # -- scope ----------------------------------------------------------------------------
    def set_scope(self, scope: object) -> None:
        """What the stores list hands over: the checked store ids (a tuple) or its filter (a
        StoreFilter, or the list's RowFilter) for "all N matching". The other scopes stay
        offered; "all stores" always is."""
        ids, flt, soon = _scope_of(scope)
        if flt is not None:
            self.filter, self.deadline_soon = flt, soon
        else:
            self.checked_ids = ids
        self.scope_checked.setEnabled(bool(self.checked_ids))
        self.scope_filter.setVisible(self.filter is not None)
        # what was just handed over is what the merchant meant
        if flt is not None:
            self.scope_filter.setChecked(True)
        elif ids:
            self.scope_checked.setChecked(True)
        elif self.filter is not None:
            self.scope_filter.setChecked(True)
        else:
            self.scope_all.setChecked(True)
        self._count_scopes()
        self.retranslateUi()

    def _count_scopes(self) -> None:
        flt, soon = self.filter, self.deadline_soon

        def job(task: Task) -> tuple[int | None, int]:
            matching = None
            if flt is not None:
                matching = (
                    len(task.service.bulk_store_ids(flt, deadline_soon=True))
                    if soon
                    else task.service.count_stores(flt)
                )
            return matching, task.service.count_stores()

        self.ctx.tasks.run(job, on_done=self._counted)

    def _counted(self, value: tuple[int | None, int]) -> None:
        self.filter_count, self.all_count = value
        self.retranslateUi()

    def scope(self) -> Sequence[str] | StoreFilter | None:
        if self.scope_checked.isChecked():
            return self.checked_ids
        if self.scope_filter.isChecked() and self.filter is not None:
            return self.filter
        return None

    # -- text -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        lang = self.ctx.lang
        self.setWindowTitle(QCoreApplication.translate("BulkDialog", "Change in bulk"))
        self.intro.setText(
            QCoreApplication.translate(
                "BulkDialog",
                "Turn one payment method on or off for many stores. You see what would happen "
                "to each store before anything changes.",
            )
        )
        n = len(self.checked_ids)
        self.scope_checked.setText(
            QCoreApplication.translate("BulkDialog", "The stores checked in the list (none is checked)")
            if n == 0
            else _count(
                n,
                QCoreApplication.translate("BulkDialog", "The store checked in the list"),
                QCoreApplication.translate("BulkDialog", "The %1 stores checked in the list"),
            )
        )
        m = self.filter_count
        self.scope_filter.setText(
            QCoreApplication.translate("BulkDialog", "All stores matching the list's filter")
            if m is None
            else _count(
                m,
                QCoreApplication.translate("BulkDialog", "The 1 store matching the list's filter"),
                QCoreApplication.translate("BulkDialog", "All %1 stores matching the list's filter"),
            )
        )
        a = self.all_count
        self.scope_all.setText(
            QCoreApplication.translate("BulkDialog", "All stores")
            if a is None
            else _count(
                a,
                QCoreApplication.translate("BulkDialog", "The only store"),
                QCoreApplication.translate("BulkDialog", "All %1 stores"),
            )
        )
        self.method_label.setText(QCoreApplication.translate("BulkDialog", "&Payment method"))
        self.method.setItemText(0, words.method_name(Method.WECHAT_PAY, lang))
        self.method.setItemText(1, words.method_name(Method.ALIPAY, lang))
        self.value_label.setText(QCoreApplication.translate("BulkDialog", "Change"))
        self.turn_on.setText(QCoreApplication.translate("BulkDialog", "Turn on"))
        self.turn_off.setText(QCoreApplication.translate("BulkDialog", "Turn off"))
        self.show_label.setText(QCoreApplication.translate("BulkDialog", "&Show"))
        self.show_outcome.setItemText(0, QCoreApplication.translate("BulkDialog", "Every store"))
        for i in range(1, self.show_outcome.count()):
            self.show_outcome.setItemText(i, words.label(outcome_name(self.show_outcome.itemData(i), lang)))
        self.export_button.setText(QCoreApplication.translate("BulkDialog", "Export CSV…"))
        self.model.set_lang(lang)
        for key, label in self.count_names.items():
            label.setText(words.label(count_name(key, lang)))
        self.show_refused.setText(QCoreApplication.translate("BulkDialog", "Show the refused stores"))
        self.open_pending.setText(QCoreApplication.translate("BulkDialog", "Open Waiting to sync"))
        self.back_button.setText(QCoreApplication.translate("BulkDialog", "Back"))
        if self.plan is not None:
            self._review_text()
        if self.outcome is not None:
            self._run_text()
        self._buttons()

    def _buttons(self) -> None:
        page = self.pages.currentIndex()
        saving = self.handle is not None
        self.back_button.setVisible(page == REVIEW)
        self.cancel_button.setText(
            QCoreApplication.translate("BulkDialog", "Stop")
            if saving
            else QCoreApplication.translate("BulkDialog", "Cancel")
        )
        self.cancel_button.setVisible(page != RUN or saving)
        self.cancel_button.setEnabled(True)
        self.next_button.setVisible(not saving)
        self.next_button.setEnabled(True)
        if page == CHOOSE:
            self.next_button.setText(QCoreApplication.translate("BulkDialog", "Check first"))
            self.next_button.setEnabled(self.scope() != ())
        elif page == REVIEW:
            n = self.plan.count(BulkOutcome.CHANGE) if self.plan else 0
            self.next_button.setText(
                _count(
                    n,
                    QCoreApplication.translate("BulkDialog", "Change 1 store"),
                    QCoreApplication.translate("BulkDialog", "Change %1 stores"),
                )
            )
            self.next_button.setEnabled(n > 0)
        else:
            self.next_button.setText(QCoreApplication.translate("BulkDialog", "Close"))

    # -- flow -----------------------------------------------------------------------------
    def _back(self) -> None:
        self.pages.setCurrentIndex(CHOOSE)
        self._buttons()

    def chosen(self) -> tuple[Method, bool]:
        return Method(self.method.currentData()), self.turn_on.isChecked()

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == CHOOSE:
            self.start_dry_run()
        elif page == REVIEW:
            self.start_run()
        else:
            self.accept()

    def start_dry_run(self) -> None:
        method, on = self.chosen()
        scope, soon = self.scope(), self.deadline_soon and self.scope_filter.isChecked()

        def job(task: Task) -> BulkPlan:
            ids = task.service.bulk_store_ids(scope, deadline_soon=soon)
            return task.service.bulk_plan(ids, method, on, progress=task.progress)

        self.next_button.setEnabled(False)
        self.ctx.tasks.run(job, on_done=self._dry_done, on_error=self._failed)

    def _dry_done(self, plan: BulkPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan, self.ctx.lang)
        self.show_outcome.setCurrentIndex(0)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, min(max(self.table.sizeHintForColumn(1), 120), 260))
        self.table.resizeColumnToContents(2)
        self._review_text()
        self.pages.setCurrentIndex(REVIEW)
        self._buttons()
        self.next_button.setFocus()
        self.reviewed.emit(plan)

    def _review_text(self) -> None:
        plan = self.plan
        assert plan is not None
        action = (
            QCoreApplication.translate("BulkDialog", "Turn on %1")
            if plan.enabled
            else QCoreApplication.translate("BulkDialog", "Turn off %1")
        ).replace("%1", words.method_name(plan.method, self.ctx.lang))
        parts = [
            text.replace("%1", _n(n))
            for n, text in (
                (plan.count(BulkOutcome.CHANGE), QCoreApplication.translate("BulkDialog", "%1 will change")),
                (plan.count(BulkOutcome.ALREADY), QCoreApplication.translate("BulkDialog", "%1 already so")),
                (plan.count(BulkOutcome.REFUSED), QCoreApplication.translate("BulkDialog", "%1 refused")),
            )
            if n
        ]
        total = len(plan.rows)
        head = (
            QCoreApplication.translate("BulkDialog", "%1 for 1 store: %3.")
            if total == 1
            else QCoreApplication.translate("BulkDialog", "%1 for %2 stores: %3.")
        )
        self.review_summary.setText(
            head.replace("%1", action)
            .replace("%2", _n(total))
            .replace(
                "%3",
                QCoreApplication.translate("BulkDialog", ", ").join(parts)
                if parts
                else QCoreApplication.translate("BulkDialog", "nothing to change"),
            )
        )

    def _filter_outcome(self) -> None:
        self.proxy.set_outcome(self.show_outcome.currentData())

    def show_refused_stores(self) -> None:
        """The summary's link: the plan's table, showing only the stores a rule refused."""
        self.pages.setCurrentIndex(REVIEW)
        self.show_outcome.setCurrentIndex(self.show_outcome.findData(BulkOutcome.REFUSED))
        self._buttons()
        if self.outcome is not None:
            self.next_button.setText(QCoreApplication.translate("BulkDialog", "Close"))
            self.next_button.setEnabled(True)
            self.back_button.hide()

    def _open_pending(self) -> None:
        self.ctx.events.navigate_requested.emit("pending", None)
        self.accept()

    def export_plan(self, path: Path) -> None:
        """Write the plan as CSV (off the GUI thread)."""
        plan, lang = self.plan, self.ctx.lang
        if plan is None:
            return

        def job(task: Task) -> int:
            from console.service import write_bulk_plan_csv

            return write_bulk_plan_csv(path, plan, lang)

        self.ctx.tasks.run(job, on_done=lambda _n: None, on_error=self._export_failed, db=False)

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("BulkDialog", "Export CSV…"), "bulk-plan.csv", "CSV (*.csv)"
        )
        if name:
            self.export_plan(Path(name))

    def _export_failed(self, exc: BaseException) -> None:
        self.ctx.tasks.failed.emit(exc, "")

    def start_run(self) -> None:
        if self.plan is None:
            return
        method, on = self.plan.method, self.plan.enabled
        ids = self.plan.store_ids(BulkOutcome.CHANGE)
        self.saving.setRange(0, len(ids))
        self.saving.setValue(0)
        self.sending_bar.setRange(0, max(1, len(ids)))
        self.sending_bar.setValue(0)
        self.counts = SendCounts()
        self.pages.setCurrentIndex(RUN)

        def job(task: Task) -> BulkResult:
            return task.service.set_method_bulk(ids, method, on, progress=task.progress)

        self.handle = self.ctx.tasks.run(
            job, on_done=self._run_done, on_error=self._failed, on_progress=self._progress
        )
        self._run_text()
        self._buttons()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.saving.setMaximum(total)
        self.saving.setValue(done)
        self.count_labels["saved"].setText(_n(done))

    def _run_done(self, result: BulkResult) -> None:
        self.outcome = result
        self.handle = None
        self.saving.setMaximum(max(1, result.total))
        self.saving.setValue(len(result.results))
        self.sending_bar.setRange(0, max(1, len(result.changed)))
        self._run_text()
        self._buttons()
        self.ctx.events.data_changed.emit({r.store_id for r in result.changed if r.store_id} or None)
        if result.changed:
            self.ctx.events.local_change.emit()  # the sync worker sends them soon
        self.completed.emit(result)
        self._recount()

    # -- following the sending ------------------------------------------------------------
    def _sync_moved(self, *_: object) -> None:
        """The sync worker reported (or data changed): where do our rows stand now?"""
        if self.outcome is not None and self.outcome.changed:
            self._recount()

    def _recount(self) -> None:
        """One query at a time; a report arriving meanwhile asks once more afterwards."""
        result = self.outcome
        if result is None:
            return
        if self._counting:
            self._count_again = True
            return
        self._counting = True

        def job(task: Task) -> SendCounts:
            return task.service.bulk_send_counts(result)

        self.ctx.tasks.run(job, on_done=self._recounted, on_error=self._recount_failed)

    def _recounted(self, counts: SendCounts) -> None:
        self._counting = False
        self.counts = counts
        self._run_text()
        self.sending.emit(counts)
        if self._count_again:
            self._count_again = False
            self._recount()

    def _recount_failed(self, exc: BaseException) -> None:
        self._counting = False
        log.warning("counting the bulk run's sending: %r", exc)

    def _run_text(self) -> None:
        result, c = self.outcome, self.counts
        plan = self.plan
        if result is None:  # still saving
            self.run_title.setText(QCoreApplication.translate("BulkDialog", "Saving…"))
            self.saving_label.setText(
                QCoreApplication.translate("BulkDialog", "Saving the changes on this computer")
            )
            self.sending_label.setText(
                QCoreApplication.translate("BulkDialog", "Sending to the platform starts when they are saved")
            )
            skipped = plan.count(BulkOutcome.ALREADY) if plan else 0
            refused = plan.count(BulkOutcome.REFUSED) if plan else 0
            self._set_counts(saved=self.saving.value(), skipped=skipped, refused=refused)
            self.summary.setText("")
            self.show_refused.hide()
            self.open_pending.hide()
            return
        rule_refused = (plan.count(BulkOutcome.REFUSED) if plan else 0) + len(result.refused)
        saved = len(result.changed)
        self._set_counts(
            saved=saved,
            sent=c.sent,
            confirmed=c.confirmed,
            refused=rule_refused + c.refused,
            skipped=(plan.count(BulkOutcome.ALREADY) if plan else 0) + len(result.unchanged),
        )
        self.saving_label.setText(
            _count(
                saved,
                QCoreApplication.translate("BulkDialog", "1 store saved"),
                QCoreApplication.translate("BulkDialog", "%1 stores saved"),
            )
        )
        self.sending_label.setText(
            QCoreApplication.translate("BulkDialog", "Sent to the platform: %1 of %2, %3 confirmed")
            .replace("%1", _n(c.sent))
            .replace("%2", _n(saved))
            .replace("%3", _n(c.confirmed))
        )
        self.sending_bar.setMaximum(max(1, saved))
        self.sending_bar.setValue(c.confirmed + c.refused)
        sentences = []
        if result.cancelled:
            left = result.total - len(result.results)
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog",
                    "Stopped at your request: the %1 stores saved stay changed and are sent; "
                    "the other %2 were not changed.",
                )
                .replace("%1", _n(saved))
                .replace("%2", _n(left))
            )
        if len(result.refused):
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "%1 could not be changed after all: they changed since the check."
                ).replace("%1", _n(len(result.refused)))
            )
        done = saved == 0 or (c.settled and c.confirmed + c.refused + c.dropped >= saved)
        if saved and not done:
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "The changes are saved here; they are confirmed as the platform answers."
                )
            )
        status = self.ctx.sync_status
        if saved and not done and (status.work_offline or status.online is False):
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "Not connected to the platform now: they are sent when it is back."
                )
            )
        if c.refused:
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "The platform refused %1: Waiting to sync says why."
                ).replace("%1", _n(c.refused))
            )
        if done:
            self.run_title.setText(
                QCoreApplication.translate("BulkDialog", "Stopped")
                if result.cancelled
                else QCoreApplication.translate("BulkDialog", "Done")
            )
        else:
            self.run_title.setText(QCoreApplication.translate("BulkDialog", "Sending…"))
        self.summary.setText(_sentences(*sentences))
        self.show_refused.setVisible(rule_refused > 0)
        self.open_pending.setVisible(c.refused > 0)

    def _set_counts(self, **counts: int) -> None:
        for key, label in self.count_labels.items():
            label.setText(_n(counts.get(key, 0)))

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self.run_title.setText(QCoreApplication.translate("BulkDialog", "Something went wrong"))
        self.summary.setText(
            QCoreApplication.translate(
                "BulkDialog",
                "Something went wrong on our side. Stores changed before the problem stay changed; "
                "the activity page lists them.",
            )
        )
        self.pages.setCurrentIndex(RUN)
        self._buttons()
        self.ctx.tasks.failed.emit(exc, "")
        self.ctx.events.data_changed.emit(None)

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def done(self, result: int) -> None:
        try:
            self.ctx.events.sync_state_changed.disconnect(self._sync_moved)
            self.ctx.events.data_changed.disconnect(self._sync_moved)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        if self.handle is not None:  # saving: stop it, close when it reports back
            self.handle.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.handle is not None:
            self.handle.cancel()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


#: The page's public name in the brief: the dialog is the bulk page.
BulkView = BulkDialog

"""Bulk change: one method on or off for many stores, dry run first, then a cancellable run.

Why a dry run first: with thousands of stores, some will be refused by the rules (not invited,
window closed, last live method). The merchant sees the counts and the reasons before anything
is written. Both the dry run and the run go through ``set_method_bulk`` on the db lane, which
commits in chunks and stops at a chunk boundary when cancelled, so the UI never blocks and a
cancelled run leaves whole stores changed, never half.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.model import Eligibility, Method
from console.ui import texts
from console.ui.context import UiContext

if TYPE_CHECKING:
    from console.service import BulkResult
    from console.ui.tasks import Task, TaskHandle


def _n(n: int) -> str:
    return QLocale().toString(n)


class BulkDialog(QDialog):
    """Pages: choose → review (dry run) → running → summary."""

    # the run finished (or was cancelled): the BulkResult
    completed = Signal(object)
    # the dry run finished: the BulkResult
    reviewed = Signal(object)

    def __init__(self, ctx: UiContext, selected_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bulkDialog")
        self.selected_ids = list(selected_ids)
        self.store_ids: list[str] = []
        self.dry: BulkResult | None = None
        self.outcome: BulkResult | None = None
        self.handle: TaskHandle | None = None
        self.setMinimumSize(620, 460)
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages, 1)

        # choose
        choose = QWidget()
        cl = QVBoxLayout(choose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        cl.addWidget(self.intro)
        self.scope_selected = QRadioButton()
        self.scope_invited = QRadioButton()
        scope = QButtonGroup(self)
        scope.addButton(self.scope_selected)
        scope.addButton(self.scope_invited)
        (self.scope_selected if self.selected_ids else self.scope_invited).setChecked(True)
        self.scope_selected.setEnabled(bool(self.selected_ids))
        cl.addWidget(self.scope_selected)
        cl.addWidget(self.scope_invited)
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

        # review
        review = QWidget()
        rl = QVBoxLayout(review)
        self.review_summary = QLabel()
        self.review_summary.setWordWrap(True)
        self.review_summary.setObjectName("reviewSummary")
        rl.addWidget(self.review_summary)
        self.refusals = QTreeWidget()
        self.refusals.setObjectName("refusals")
        self.refusals.setColumnCount(2)
        self.refusals.setRootIsDecorated(True)
        self.refusals.setWordWrap(True)
        self.refusals.setColumnWidth(0, 90)
        rl.addWidget(self.refusals, 1)
        self.pages.addWidget(review)

        # running
        running = QWidget()
        ul = QVBoxLayout(running)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("bulkProgress")
        ul.addStretch(1)
        ul.addWidget(self.progress_label)
        ul.addWidget(self.progress)
        ul.addStretch(1)
        self.pages.addWidget(running)

        # summary
        summary = QWidget()
        sl = QVBoxLayout(summary)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("bulkSummary")
        sl.addWidget(self.summary)
        sl.addStretch(1)
        self.pages.addWidget(summary)

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
        self.retranslateUi()

    # -- text -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("BulkDialog", "Change in bulk"))
        self.intro.setText(
            QCoreApplication.translate(
                "BulkDialog",
                "Turn one payment method on or off for many stores. You see what would happen "
                "before anything changes.",
            )
        )
        self.scope_selected.setText(
            QCoreApplication.translate("BulkDialog", "The %1 stores selected in the list").replace(
                "%1", _n(len(self.selected_ids))
            )
        )
        self.scope_invited.setText(
            QCoreApplication.translate("BulkDialog", "All stores invited to WeChat Pay")
        )
        self.method_label.setText(QCoreApplication.translate("BulkDialog", "&Payment method"))
        self.method.setItemText(0, texts.method_name(Method.WECHAT_PAY))
        self.method.setItemText(1, texts.method_name(Method.ALIPAY))
        self.value_label.setText(QCoreApplication.translate("BulkDialog", "Change"))
        self.turn_on.setText(QCoreApplication.translate("BulkDialog", "Turn on"))
        self.turn_off.setText(QCoreApplication.translate("BulkDialog", "Turn off"))
        self.refusals.setHeaderLabels(
            [
                QCoreApplication.translate("BulkDialog", "Stores"),
                QCoreApplication.translate("BulkDialog", "Why they stay as they are"),
            ]
        )
        self.back_button.setText(QCoreApplication.translate("BulkDialog", "Back"))
        self._buttons()

    def _buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back_button.setVisible(page == 1)
        self.cancel_button.setText(
            QCoreApplication.translate("BulkDialog", "Stop")
            if page == 2
            else QCoreApplication.translate("BulkDialog", "Cancel")
        )
        self.cancel_button.setVisible(page != 3)
        self.next_button.setVisible(page != 2)
        self.next_button.setEnabled(True)
        if page == 0:
            self.next_button.setText(QCoreApplication.translate("BulkDialog", "Check first"))
        elif page == 1:
            n = len(self.dry.changed) if self.dry else 0
            self.next_button.setText(
                QCoreApplication.translate("BulkDialog", "Change %1 stores").replace("%1", _n(n))
            )
            self.next_button.setEnabled(n > 0)
        else:
            self.next_button.setText(QCoreApplication.translate("BulkDialog", "Close"))

    # -- flow -----------------------------------------------------------------------------
    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        self._buttons()

    def chosen(self) -> tuple[Method, bool]:
        return Method(self.method.currentData()), self.turn_on.isChecked()

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            self.start_dry_run()
        elif page == 1:
            self.start_run()
        else:
            self.accept()

    def start_dry_run(self) -> None:
        method, on = self.chosen()
        selected = self.selected_ids if self.scope_selected.isChecked() else None

        def job(task: Task) -> tuple[list[str], BulkResult]:
            from console.service import StoreFilter

            ids = selected
            if ids is None:
                ids = [
                    r.id
                    for r in task.service.list_stores(StoreFilter(wechat_eligibility=Eligibility.INVITED))
                ]
            return ids, task.service.set_method_bulk(ids, method, on, dry_run=True, progress=task.progress)

        self.next_button.setEnabled(False)
        self.ctx.tasks.run(job, on_done=self._dry_done, on_error=self._failed)

    def _dry_done(self, value: tuple[list[str], BulkResult]) -> None:
        self.store_ids, self.dry = value
        dry = self.dry
        method, on = self.chosen()
        action = (
            QCoreApplication.translate("BulkDialog", "Turn on %1")
            if on
            else QCoreApplication.translate("BulkDialog", "Turn off %1")
        ).replace("%1", texts.method_name(method))
        self.review_summary.setText(
            QCoreApplication.translate(
                "BulkDialog", "%1 for %2 stores: %3 will change, %4 are refused, %5 already are so."
            )
            .replace("%1", action)
            .replace("%2", _n(len(self.store_ids)))
            .replace("%3", _n(len(dry.changed)))
            .replace("%4", _n(len(dry.refused)))
            .replace("%5", _n(len(dry.unchanged)))
        )
        self.refusals.clear()
        groups: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for r in dry.refused:
            sentence = texts.reason_text(r.reason, self.ctx.lang)
            groups[sentence] += 1
            examples.setdefault(sentence, []).append(r.store_id or "")
        for sentence, count in groups.most_common():
            item = QTreeWidgetItem([_n(count), sentence])
            item.setToolTip(1, sentence)
            for sid in examples[sentence][:50]:
                item.addChild(QTreeWidgetItem(["", sid]))
            self.refusals.addTopLevelItem(item)
        self.refusals.setVisible(bool(groups))
        self.pages.setCurrentIndex(1)
        self._buttons()
        self.reviewed.emit(dry)

    def start_run(self) -> None:
        if self.dry is None:
            return
        method, on = self.chosen()
        ids = [r.store_id for r in self.dry.changed if r.store_id]
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress_label.setText(
            QCoreApplication.translate("BulkDialog", "Changing %1 stores…").replace("%1", _n(len(ids)))
        )
        self.pages.setCurrentIndex(2)
        self._buttons()

        def job(task: Task) -> BulkResult:
            return task.service.set_method_bulk(ids, method, on, progress=task.progress)

        self.handle = self.ctx.tasks.run(
            job, on_done=self._run_done, on_error=self._failed, on_progress=self._progress
        )

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _run_done(self, result: BulkResult) -> None:
        self.outcome = result
        self.handle = None
        changed = len(result.changed)
        text = QCoreApplication.translate("BulkDialog", "%1 stores changed.").replace("%1", _n(changed))
        if result.refused:
            text += " " + QCoreApplication.translate(
                "BulkDialog", "%1 were refused since the check."
            ).replace("%1", _n(len(result.refused)))
        if result.cancelled:
            text += " " + QCoreApplication.translate(
                "BulkDialog", "Stopped at your request; the other stores were not changed."
            )
        if changed:
            text += " " + QCoreApplication.translate(
                "BulkDialog", "The changes are sent to the platform in the background."
            )
        self.summary.setText(text)
        self.pages.setCurrentIndex(3)
        self._buttons()
        self.ctx.events.data_changed.emit({r.store_id for r in result.changed if r.store_id} or None)
        if changed:
            self.ctx.events.local_change.emit()
        self.completed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(
            QCoreApplication.translate(
                "BulkDialog",
                "Something went wrong on our side. Stores changed before the problem stay changed; "
                "the activity page lists them.",
            )
        )
        self.pages.setCurrentIndex(3)
        self._buttons()
        self.ctx.tasks.failed.emit(exc, "")
        self.ctx.events.data_changed.emit(None)

    def _cancel(self) -> None:
        if self.pages.currentIndex() == 2 and self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def closeEvent(self, event: Any) -> None:
        if self.handle is not None:  # a run in progress: stop it, close when it reports back
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
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

"""Bulk change: one method on or off for many stores, dry run first, then a cancellable run.

Why a dry run first: with thousands of stores, some will be refused by the rules (not invited,
window closed, last live method). The merchant sees the counts and the reasons before anything
is written. Both the dry run and the run go through ``set_method_bulk`` on the db lane, which
commits in chunks and stops at a chunk boundary when cancelled, so the UI never blocks and a
cancelled run leaves whole stores changed, never half.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.model import Method
from console.ui import texts
from console.ui.context import UiContext

if TYPE_CHECKING:
    from console.service import BulkResult
    from console.ui.tasks import Task, TaskHandle


log = logging.getLogger(__name__)

# refused stores listed per reason in the review (the count says how many there are in all)
EXAMPLES = 50


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


class _WrapDelegate(QStyledItemDelegate):
    """Row height for the text wrapped to its column's width.

    QTreeView asks the delegate for a size without the column's width, so a reason of two
    sentences was cut with "…" (English) instead of wrapping: the size is measured here at the
    width the column really has.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        if not isinstance(view, QTreeWidget):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        opt.rect = QRect(0, 0, max(view.columnWidth(index.column()), 40), 1)
        return view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), view)


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
        self.refusals.setWordWrap(True)  # a reason is a sentence or two: wrap, never cut
        self.refusals.setUniformRowHeights(False)
        self.refusals.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.refusals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refusals.setItemDelegateForColumn(1, _WrapDelegate(self.refusals))
        header = self.refusals.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        # row heights follow the reason column's width (QTreeView caches them otherwise)
        header.sectionResized.connect(lambda *_: self.refusals.scheduleDelayedItemsLayout())
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
        self.summary_title = QLabel()
        self.summary_title.setObjectName("pageTitle")
        sl.addWidget(self.summary_title)
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
        n = len(self.selected_ids)
        self.scope_selected.setText(
            QCoreApplication.translate("BulkDialog", "The stores selected in the list (none is selected)")
            if n == 0
            else _count(
                n,
                QCoreApplication.translate("BulkDialog", "The store selected in the list"),
                QCoreApplication.translate("BulkDialog", "The %1 stores selected in the list"),
            )
        )
        self.scope_invited.setText(
            QCoreApplication.translate("BulkDialog", "All stores invited to WeChat Pay")
        )
        self.method_label.setText(QCoreApplication.translate("BulkDialog", "&Payment method"))
        self.method.setItemText(0, words.method_name(Method.WECHAT_PAY, self.ctx.lang))
        self.method.setItemText(1, words.method_name(Method.ALIPAY, self.ctx.lang))
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

        def job(task: Task) -> tuple[list[str], BulkResult, dict[str, str]]:
            ids = selected if selected is not None else task.service.invited_store_ids()
            dry = task.service.set_method_bulk(ids, method, on, dry_run=True, progress=task.progress)
            return ids, dry, _example_names(task, dry)

        self.next_button.setEnabled(False)
        self.ctx.tasks.run(job, on_done=self._dry_done, on_error=self._failed)

    def _dry_done(self, value: tuple[list[str], BulkResult, dict[str, str]]) -> None:
        self.store_ids, self.dry, names = value
        dry = self.dry
        method, on = self.chosen()
        action = (
            QCoreApplication.translate("BulkDialog", "Turn on %1")
            if on
            else QCoreApplication.translate("BulkDialog", "Turn off %1")
        ).replace("%1", words.method_name(method, self.ctx.lang))
        # only the parts that are not zero, each phrased so that any number reads right
        parts = [
            text.replace("%1", _n(n))
            for n, text in (
                (len(dry.changed), QCoreApplication.translate("BulkDialog", "%1 will change")),
                (len(dry.refused), QCoreApplication.translate("BulkDialog", "%1 cannot change now")),
                (len(dry.unchanged), QCoreApplication.translate("BulkDialog", "no change needed for %1")),
            )
            if n
        ]
        total = len(self.store_ids)
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
        self.refusals.clear()
        groups: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for r in dry.refused:
            sentence = texts.reason(r.reason, self.ctx.lang)
            groups[sentence] += 1
            examples.setdefault(sentence, []).append(r.store_id or "")
        shown = {sentence: ids[:EXAMPLES] for sentence, ids in examples.items()}
        for sentence, count in groups.most_common():
            item = QTreeWidgetItem([_n(count), sentence])
            item.setToolTip(1, sentence)
            for sid in shown[sentence]:
                label = f"{names[sid]} · {sid}" if sid in names else sid
                item.addChild(QTreeWidgetItem(["", label]))
            self.refusals.addTopLevelItem(item)
        self.refusals.setVisible(bool(groups))
        self.pages.setCurrentIndex(1)
        self._buttons()
        self.next_button.setFocus()
        self.reviewed.emit(dry)

    def start_run(self) -> None:
        if self.dry is None:
            return
        method, on = self.chosen()
        ids = [r.store_id for r in self.dry.changed if r.store_id]
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress_label.setText(
            _count(
                len(ids),
                QCoreApplication.translate("BulkDialog", "Changing 1 store…"),
                QCoreApplication.translate("BulkDialog", "Changing %1 stores…"),
            )
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
        sentences = [
            _count(
                changed,
                QCoreApplication.translate("BulkDialog", "1 store changed."),
                QCoreApplication.translate("BulkDialog", "%1 stores changed."),
            )
        ]
        if result.refused:
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "%1 could not be changed after all: they changed since the check."
                ).replace("%1", _n(len(result.refused)))
            )
        if result.cancelled:
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "Stopped at your request; the other stores were not changed."
                )
            )
        if changed:
            sentences.append(
                QCoreApplication.translate(
                    "BulkDialog", "The changes are sent to the platform in the background."
                )
            )
        self.summary_title.setText(
            QCoreApplication.translate("BulkDialog", "Stopped")
            if result.cancelled
            else QCoreApplication.translate("BulkDialog", "Done")
        )
        self.summary.setText(_sentences(*sentences))
        self.pages.setCurrentIndex(3)
        self._buttons()
        self.ctx.events.data_changed.emit({r.store_id for r in result.changed if r.store_id} or None)
        if changed:
            self.ctx.events.local_change.emit()
        self.completed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.summary_title.setText(QCoreApplication.translate("BulkDialog", "Something went wrong"))
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


def _example_names(task: Task, dry: BulkResult) -> dict[str, str]:
    """Names of the refused stores the review may show as examples (runs on the db lane).

    The review groups refusals by sentence and shows the first ``EXAMPLES`` of each; a sentence
    follows from the reason's code and facts, so grouping by those picks the same stores.
    """
    per_reason: dict[str, list[str]] = {}
    for r in dry.refused:
        key = repr((r.reason.code, sorted((r.reason.params or {}).items()))) if r.reason else ""
        group = per_reason.setdefault(key, [])
        if len(group) < EXAMPLES and r.store_id:
            group.append(r.store_id)
    try:
        return task.service.store_names([sid for ids in per_reason.values() for sid in ids])
    except Exception:  # names are a courtesy: ids alone still say which stores
        log.exception("looking up store names for the bulk review")
        return {}

"""Demo controls: play the rollout on the demo platform by moving its clock (issue #10).

A newcomer advances the platform's business time (a day, a week, to the next event, named),
finishes a pending review, publishes a fee change with an opinion period, or takes the platform
offline, and then sees what changed in their language. The operations are ``console.demo`` (the
CLI's ``demo`` verb uses the same); each runs on the TaskRunner's net lane, after which the page
asks the sync worker for a pass, so the stores, the checkout and the news follow.

The page is in the sidebar only on the demo platform (``ctx.demo``, set by the sync worker).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.ui.context import DemoTarget, UiContext
from console.ui.views.base import BaseView
from console.ui.widgets.page import page_header, scrolling_page
from console.words.dates import format_datetime
from console.words.domain import rejection_reason

if TYPE_CHECKING:
    from console.demo import DemoPlatform, Event, Outcome
    from console.ui.tasks import Task

#: Rejection reasons offered for a review (the demo platform's own; words in console.words.domain).
#: Widest the "to the next event" button's text gets (the page fits a 1024-pixel window).
NEXT_BUTTON_PX = 460
REASONS = ("RISK_REVIEW", "LICENSE_MISMATCH", "CATEGORY_NOT_SUPPORTED", "INCOMPLETE_PROFILE")


def _side_by_side(
    left: QWidget, right: QWidget, left_stretch: int = 1, right_stretch: int = 1
) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(left, left_stretch)
    row.addWidget(right, right_stretch)
    return row


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


class DemoView(BaseView):
    """The Demo controls page: the platform clock, what comes next, and the actions."""

    view_name = "demo"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.events: list[Event] = []
        self.platform_now: datetime | None = None
        self.last_outcome: Outcome | None = None
        self.last_error: Any = None  # a DemoError, said again in the new language on a switch
        self.busy = False
        lay = scrolling_page(self)
        self.title, self.intro = page_header(lay)
        self.intro.setProperty("muted", True)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("demoClock")
        lay.addWidget(self.clock_label)

        # at 1024x700 the whole page fits: two boxes side by side per row
        self.clock_box = QGroupBox()
        row = QHBoxLayout(self.clock_box)
        self.day_button = QPushButton()
        self.day_button.clicked.connect(lambda: self.advance(timedelta(days=1)))
        self.week_button = QPushButton()
        self.week_button.clicked.connect(lambda: self.advance(timedelta(days=7)))
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.advance_to_next)
        for b in (self.day_button, self.week_button, self.next_button):
            row.addWidget(b)
        row.addStretch(1)
        self.platform_box = QGroupBox()
        prow = QVBoxLayout(self.platform_box)
        self.offline_button = QPushButton()
        self.offline_button.clicked.connect(lambda: self.set_offline(True))
        self.online_button = QPushButton()
        self.online_button.clicked.connect(lambda: self.set_offline(False))
        prow.addWidget(self.offline_button)
        prow.addWidget(self.online_button)
        prow.addStretch(1)
        lay.addWidget(self.clock_box)

        self.upcoming_box = QGroupBox()
        up = QHBoxLayout(self.upcoming_box)
        self.upcoming = QListWidget()
        self.upcoming.setObjectName("demoUpcoming")
        self.upcoming.setMinimumHeight(150)
        self.upcoming.setWordWrap(True)  # long announcement titles wrap instead of scrolling
        self.upcoming.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        up.addWidget(self.upcoming)
        self.result_box = QGroupBox()
        rl = QHBoxLayout(self.result_box)
        self.result = QPlainTextEdit()
        self.result.setObjectName("demoResult")
        self.result.setReadOnly(True)
        self.result.setMinimumHeight(150)
        rl.addWidget(self.result)
        lay.addLayout(_side_by_side(self.upcoming_box, self.result_box))

        self.review_box = QGroupBox()
        form = _form(self.review_box)
        self.review_store = QComboBox()
        self.review_store.setEditable(True)  # the stores in review are listed; any id may be typed
        self.review_store.setMinimumWidth(160)
        self.reason = QComboBox()
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(22)  # the sentences are long: the tooltip has it all
        for code in REASONS:
            self.reason.addItem("", code)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(lambda: self.finish_review("approve"))
        self.reject_button = QPushButton()
        self.reject_button.clicked.connect(lambda: self.finish_review("reject"))
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        self.store_label, self.reason_label = QLabel(), QLabel()
        self.store_label.setBuddy(self.review_store)
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.store_label, self.review_store)
        form.addRow(self.reason_label, self.reason)
        form.addRow(buttons)

        self.rule_box = QGroupBox()
        rform = _form(self.rule_box)
        self.fee = QLineEdit("0.6%")
        self.fee.setMaximumWidth(120)
        self.opinion_days = QSpinBox()
        self.opinion_days.setRange(1, 90)
        self.opinion_days.setValue(7)
        self.effective_days = QSpinBox()
        self.effective_days.setRange(7, 365)
        self.effective_days.setValue(14)
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(self.publish)
        publish_row = QHBoxLayout()
        publish_row.addWidget(self.publish_button)
        publish_row.addStretch(1)
        self.fee_label, self.opinion_label, self.effective_label = QLabel(), QLabel(), QLabel()
        self.fee_label.setBuddy(self.fee)
        self.opinion_label.setBuddy(self.opinion_days)
        self.effective_label.setBuddy(self.effective_days)
        rform.addRow(self.fee_label, self.fee)
        rform.addRow(self.opinion_label, self.opinion_days)
        rform.addRow(self.effective_label, self.effective_days)
        rform.addRow(publish_row)
        bottom = _side_by_side(self.review_box, self.rule_box)
        bottom.addWidget(self.platform_box)
        lay.addLayout(bottom)
        lay.addStretch(1)

        self.action_buttons = [
            self.day_button,
            self.week_button,
            self.next_button,
            self.approve_button,
            self.reject_button,
            self.publish_button,
            self.offline_button,
            self.online_button,
        ]
        ctx.events.demo_available.connect(lambda _t: self.refresh())
        ctx.events.sync_state_changed.connect(self._sync_state)
        self.retranslateUi()

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask the demo platform for its time and calendar (net lane)."""
        target = self.ctx.demo
        if target is None:
            self._show_events()
            return
        self.ctx.tasks.run(
            self._job(target, lambda demo: demo.events()),
            on_done=self._events_loaded,
            on_error=self._failed,
            db=False,
        )

    def _job(self, target: DemoTarget, act: Callable[[DemoPlatform], Any]) -> Callable[[Task], Any]:
        merchant = target.merchant_id
        if merchant is None:  # a local stub of our own: the merchant the last sync spoke for
            known = self.ctx.service.merchant()
            merchant = known.id if known else None

        def job(task: Task) -> Any:
            from console.demo import connect

            with connect(target.url, merchant_id=merchant) as demo:
                return act(demo)

        return job

    def _events_loaded(self, answer: tuple[datetime, list[Event]]) -> None:
        self.platform_now, self.events = answer
        self._show_events()

    def _show_events(self) -> None:
        lang = self.lang
        on_demo = self.ctx.demo is not None
        for b in self.action_buttons:
            b.setEnabled(on_demo and not self.busy)
        if not on_demo:
            self.clock_label.setText(
                QCoreApplication.translate("DemoView", "Demo controls work only on the demo platform.")
            )
        elif self.platform_now is not None:
            self.clock_label.setText(
                QCoreApplication.translate("DemoView", "Platform time: %1").replace(
                    "%1", format_datetime(self.platform_now, lang)
                )
            )
        nxt = self.events[0] if self.events else None
        full = (
            QCoreApplication.translate("DemoView", "To the next event: %1").replace("%1", nxt.name(lang))
            if nxt
            else QCoreApplication.translate("DemoView", "No next event")
        )
        # an announcement's title can be long: the button stays short, the tooltip says it all
        metrics = self.next_button.fontMetrics()
        self.next_button.setText(metrics.elidedText(full, Qt.TextElideMode.ElideMiddle, NEXT_BUTTON_PX))
        self.next_button.setToolTip(full)
        self.next_button.setAccessibleName(full)
        self.next_button.setEnabled(on_demo and not self.busy and nxt is not None)
        self.upcoming.clear()
        for e in self.events:
            item = QListWidgetItem(f"{format_datetime(e.at, lang)}   {e.name(lang)}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.upcoming.addItem(item)
        if not self.events:
            self.upcoming.addItem(
                QCoreApplication.translate("DemoView", "Nothing is scheduled on the platform.")
            )
        typed = self.review_store.currentText()
        listed = {self.review_store.itemText(i) for i in range(self.review_store.count())}
        in_review = sorted({e.store_id for e in self.events if e.kind == "review_finishes" and e.store_id})
        if typed in listed and typed not in in_review:
            typed = ""  # picked from the list, and its review has finished since
        self.review_store.clear()
        self.review_store.addItems(in_review)
        self.review_store.setEditText(typed if typed else (in_review[0] if in_review else ""))

    # -- actions --------------------------------------------------------------------------
    def advance(self, duration: timedelta) -> None:
        self._act(lambda demo: demo.advance(duration))

    def advance_to_next(self) -> None:
        event_id = self.events[0].id if self.events else None
        self._act(lambda demo: demo.advance_to_event(event_id))

    def finish_review(self, outcome: str) -> None:
        store_id = self.review_store.currentText().strip()
        reason = str(self.reason.currentData()) if outcome == "reject" else None
        if not store_id:
            self._say(QCoreApplication.translate("DemoView", "Choose a store whose review is pending."))
            return
        self._act(lambda demo: demo.finish_review(store_id, outcome, reason))

    def publish(self) -> None:
        from console.demo import DemoError, parse_fee

        try:
            parse_fee(self.fee.text())  # refused here, in the merchant's language, before any request
        except DemoError as exc:
            self._refused(exc)
            return
        fee, opinion, effective = self.fee.text(), self.opinion_days.value(), self.effective_days.value()
        self._act(lambda demo: demo.announce(fee, opinion_days=opinion, effective_days=effective))

    def set_offline(self, offline: bool) -> None:
        self._act(lambda demo: demo.set_offline(offline))

    def _act(self, act: Callable[[DemoPlatform], Outcome]) -> None:
        target = self.ctx.demo
        if target is None or self.busy:
            return
        self.busy = True
        self._show_events()
        self.ctx.tasks.run(self._job(target, act), on_done=self._acted, on_error=self._failed, db=False)

    def _acted(self, outcome: Outcome) -> None:
        self.busy = False
        self.last_outcome, self.last_error = outcome, None
        self.platform_now = outcome.now
        self.events = []  # the calendar moved: the next event is named again once reloaded
        self._say(outcome.describe(self.lang))
        self._show_events()
        self.ctx.events.sync_requested.emit()  # the window follows: stores, checkout, news
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        from console.demo import DemoError

        self.busy = False
        if isinstance(exc, DemoError):
            self._refused(exc)
        else:
            self.ctx.tasks.failed.emit(exc, "")
        self._show_events()

    def _refused(self, exc: Any) -> None:
        self.last_outcome, self.last_error = None, exc
        self._say(exc.text(self.lang))

    def _say(self, text: str) -> None:
        self.result.setPlainText(text)

    def _sync_state(self, status: Any) -> None:
        """After the pass that follows an action, the calendar may have moved (reviews finish)."""
        if not status.syncing and self.isVisible() and not self.busy and self.ctx.demo is not None:
            self.refresh()

    # -- language -------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        lang = self.lang
        self.title.setText(QCoreApplication.translate("DemoView", "Demo controls"))
        self.intro.setText(
            QCoreApplication.translate(
                "DemoView",
                "Play the rollout on the demo platform: move its clock, finish a review, publish a "
                "rule change. Each action syncs, and what changed is shown below. None of this "
                "exists on a real platform.",
            )
        )
        self.clock_box.setTitle(QCoreApplication.translate("DemoView", "Move the platform clock"))
        self.day_button.setText(QCoreApplication.translate("DemoView", "Advance 1 day"))
        self.week_button.setText(QCoreApplication.translate("DemoView", "Advance 1 week"))
        self.upcoming_box.setTitle(QCoreApplication.translate("DemoView", "Coming up"))
        self.upcoming.setAccessibleName(self.upcoming_box.title())
        self.review_box.setTitle(QCoreApplication.translate("DemoView", "Finish a review"))
        self.store_label.setText(QCoreApplication.translate("DemoView", "Store:"))
        # an editable box: its line edit takes focus, so it carries the name too
        for w in (self.review_store, self.review_store.lineEdit()):
            if w is not None:
                w.setAccessibleName(self.store_label.text().rstrip(":："))
        self.reason_label.setText(QCoreApplication.translate("DemoView", "Reason if rejected:"))
        for i, code in enumerate(REASONS):
            sentence = rejection_reason(code, None, lang)
            self.reason.setItemText(i, sentence)
            self.reason.setItemData(i, sentence, Qt.ItemDataRole.ToolTipRole)
        self.approve_button.setText(QCoreApplication.translate("DemoView", "Approve"))
        self.reject_button.setText(QCoreApplication.translate("DemoView", "Reject"))
        self.rule_box.setTitle(QCoreApplication.translate("DemoView", "Publish a fee change"))
        self.fee_label.setText(QCoreApplication.translate("DemoView", "New WeChat Pay fee:"))
        self.fee.setAccessibleName(self.fee_label.text().rstrip(":："))
        self.opinion_label.setText(QCoreApplication.translate("DemoView", "Opinion period (days):"))
        self.effective_label.setText(QCoreApplication.translate("DemoView", "In effect after (days):"))
        self.reason.setAccessibleName(self.reason_label.text().rstrip(":："))
        self.opinion_days.setAccessibleName(self.opinion_label.text().rstrip(":："))
        self.effective_days.setAccessibleName(self.effective_label.text().rstrip(":："))
        self.publish_button.setText(QCoreApplication.translate("DemoView", "Publish"))
        self.platform_box.setTitle(QCoreApplication.translate("DemoView", "Platform"))
        self.offline_button.setText(QCoreApplication.translate("DemoView", "Take offline"))
        self.online_button.setText(QCoreApplication.translate("DemoView", "Bring back online"))
        self.result_box.setTitle(QCoreApplication.translate("DemoView", "What changed"))
        self.result.setAccessibleName(self.result_box.title())
        if self.last_outcome is not None:
            self._say(self.last_outcome.describe(lang))
        elif self.last_error is not None:
            self._say(self.last_error.text(lang))
        self._show_events()

"""Announcements: the platform's rule changes, their opinion period, and the merchant's feedback.

Rule changes are published with an opinion collection period before they take effect; during
it merchants may send feedback. This view lists them (unread in bold), shows one in the UI
language with the dates that matter and a countdown, flags one published with less than the
legal 7 days' notice, says what it means for *this* merchant's stores, and takes feedback only
while the period is open. Feedback is a change like any other: stored locally, queued in the
outbox and shown as "waiting to sync" until the platform confirms it, so it survives being
offline.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): a page of several cards
(list, facts, impact, feedback); the planned cut moves the cards into ui/widgets/ as checkout's
were.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import (
    QItemSelection,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core.model import Announcement, SyncState
from console.core.reasons import Reason, ReasonCode
from console.core.rules import FEEDBACK_MAX_CHARS, can_send_feedback
from console.service import ChangeResult, Impact
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import storage_failure_text
from console.ui.models.announcements_model import AnnouncementListModel, IdRole
from console.ui.resources import icon
from console.ui.theme import current_theme, text_style
from console.ui.views.base import BaseView
from console.ui.widgets.page import page_header, scroll_area
from console.words import format_datetime, format_short_date

log = logging.getLogger(__name__)

# How often the countdown is redrawn; the period can also close while the merchant reads.
COUNTDOWN_INTERVAL_MS = 30_000


def _flag_style() -> str:
    """The short-notice flag in the scheme's warning colours (readable in light and dark)."""
    c = current_theme().colors
    return (
        f"QFrame#noticeFlag {{ background: {c['warn_bg']}; border: 1px solid {c['pending']};"
        " border-radius: 6px; }"
        f"QFrame#noticeFlag QLabel {{ color: {c['warn_text']}; }}"
    )




class AnnouncementsView(BaseView):
    """List of rule changes + the chosen one's detail and feedback."""

    view_name = "announcements"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AnnouncementListModel(self, self)
        self.impact: dict[str, Impact] = {}
        self._counting: set[str] = set()
        self._read_wanted: dict[str, bool] = {}
        self.feedback_error: Reason | None = None
        self.feedback_notice = ""
        self._current_id: str | None = None
        self._stale = True
        self._sending = False
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(COUNTDOWN_INTERVAL_MS)
        self._timer.timeout.connect(self.update_countdown)
        self._timer.start()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.retranslateUi()

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        self._title, self._intro = page_header(outer)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setIconSize(QSize(20, 20))
        self.list_view.setSpacing(2)
        self.list_view.setWordWrap(True)
        self.list_view.setUniformItemSizes(False)
        self.list_view.setMinimumWidth(260)
        selection = self.list_view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._on_selection)
        splitter.addWidget(self.list_view)

        scroll, d = scroll_area()
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 700])

        d.setContentsMargins(16, 0, 8, 8)
        d.setSpacing(10)
        head = QHBoxLayout()
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.detail_title, 1)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self._toggle_read)
        head.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignTop)
        d.addLayout(head)

        self.notice_flag = QFrame()
        self.notice_flag.setObjectName("noticeFlag")
        self.notice_flag.setStyleSheet(_flag_style())
        flag_row = QHBoxLayout(self.notice_flag)
        self.flag_icon = QLabel()
        self.flag_icon.setPixmap(icon("warning").pixmap(QSize(20, 20)))
        flag_row.addWidget(self.flag_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        flag_row.addWidget(self.notice_label, 1)
        self.notice_flag.hide()
        d.addWidget(self.notice_flag)

        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        self._fact_names: list[QLabel] = []
        self.fact_values: dict[str, QLabel] = {}
        for row, key in enumerate(("published", "period", "countdown", "effective")):
            name = QLabel()
            name.setStyleSheet(text_style("muted"))
            value = QLabel()
            value.setWordWrap(True)
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
            self._fact_names.append(name)
            self.fact_values[key] = value
        facts.setColumnStretch(1, 1)
        d.addLayout(facts)

        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        d.addWidget(self.body_label)

        self._impact_heading = QLabel()
        self._impact_heading.setStyleSheet("font-weight: bold;")
        self.impact_label = QLabel()
        self.impact_label.setWordWrap(True)
        d.addWidget(self._impact_heading)
        d.addWidget(self.impact_label)

        self._feedback_heading = QLabel()
        self._feedback_heading.setStyleSheet("font-weight: bold;")
        d.addWidget(self._feedback_heading)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        d.addWidget(self.history_label)
        self.feedback_edit = QPlainTextEdit()
        self.feedback_edit.setTabChangesFocus(True)  # Tab moves on to the send button
        self.feedback_edit.setMinimumHeight(90)
        self.feedback_edit.setMaximumHeight(160)
        self.feedback_edit.textChanged.connect(self._on_feedback_text)
        d.addWidget(self.feedback_edit)
        send_row = QHBoxLayout()
        self.counter_label = QLabel()
        self.counter_label.setStyleSheet(text_style("muted"))
        send_row.addWidget(self.counter_label)
        send_row.addStretch(1)
        self.send_button = QPushButton()
        self.send_button.setIcon(icon("feedback"))
        self.send_button.clicked.connect(self.send_feedback)
        send_row.addWidget(self.send_button)
        d.addLayout(send_row)
        self.feedback_message = QLabel()
        self.feedback_message.setWordWrap(True)
        d.addWidget(self.feedback_message)
        d.addStretch(1)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(text_style("muted"))
        d.insertWidget(0, self.empty_label)
        self._detail_widgets: list[QWidget] = [
            self.detail_title,
            self.read_button,
            self.body_label,
            self._impact_heading,
            self.impact_label,
            self._feedback_heading,
            self.history_label,
            self.feedback_edit,
            self.counter_label,
            self.send_button,
            self.feedback_message,
            *self._fact_names,
            *self.fact_values.values(),
        ]

    # -- the view protocol ----------------------------------------------------------------------
    def now(self) -> datetime:
        return self.ctx.clock()

    def refresh(self) -> None:
        """Reload the list from the local database, keeping the chosen announcement."""
        self._stale = False
        keep = self._current_id
        self.impact.clear()
        items = self.ctx.service.announcements()
        # a read flag still being written on the db lane wins over what the GUI connection read
        self.model.set_items([replace(a, read=self._read_wanted.get(a.id, a.read)) for a in items])
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.items:
            # nothing chosen yet: open the one the merchant can still act on (feedback open)
            now = self.now()
            open_rows = [i for i, a in enumerate(self.model.items) if a.opinion_open(now)]
            row = open_rows[0] if open_rows else 0
        if row >= 0:
            self.select(self.model.items[row].id)
        else:
            self._current_id = None
            self._show_detail()

    def select(self, announcement_id: str) -> None:
        """Show one announcement (and mark it read, as opening a letter does)."""
        row = self.model.row_of(announcement_id)
        if row < 0:
            return
        self.list_view.setCurrentIndex(self.model.index(row, 0))
        if self._current_id != announcement_id:  # the selection signal did not fire: same row
            self._open(announcement_id)
        else:
            self._show_detail()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Rule changes"))
        self.flag_icon.setAccessibleName(self.tr("Warning"))
        self._intro.setText(
            self.tr(
                "The platform announces rule changes before they take effect. While the opinion "
                "period is open you can send your feedback."
            )
        )
        names = (
            self.tr("Published"),
            self.tr("Opinion period"),
            self.tr("Countdown"),
            self.tr("Takes effect"),
        )
        for label, text in zip(self._fact_names, names, strict=True):
            label.setText(text)
        self._impact_heading.setText(self.tr("What changes for you"))
        self._feedback_heading.setText(self.tr("Your feedback"))
        # what a screen reader says on reaching the list and the editor
        self.list_view.setAccessibleName(self.tr("Rule changes"))
        self.feedback_edit.setAccessibleName(self.tr("Your feedback"))
        self.send_button.setText(self.tr("Send feedback"))
        self.empty_label.setText(self.tr("No announcements yet. New rule changes appear here after a sync."))
        self.model.texts_changed()  # titles and status lines follow the language
        self._show_detail()

    # -- words ---------------------------------------------------------------------------------
    def duration_text(self, delta: timedelta) -> str:
        """ "3 days 4 hours", "5 hours 10 minutes", "12 minutes": two units at most."""
        return words.format_duration(delta, self.lang)

    def countdown_text(self, a: Announcement) -> str:
        now = self.now()
        if now < a.opinion_opens_at:
            return _fill(self.tr("Opinion period opens in %1"), self.duration_text(a.opinion_opens_at - now))
        if a.opinion_open(now):
            return _fill(self.tr("%1 left to send feedback"), self.duration_text(a.opinion_closes_at - now))
        return _fill(self.tr("Opinion period closed on %1"), format_datetime(a.opinion_closes_at, self.lang))

    def status_line(self, a: Announcement) -> str:
        """The second line of a list row: the one date that matters now."""
        now = self.now()
        if a.opinion_open(now):
            return _fill(self.tr("Feedback open · %1 left"), self.duration_text(a.opinion_closes_at - now))
        if now < a.effective_at:
            return _fill(self.tr("Takes effect %1"), format_short_date(a.effective_at, self.lang))
        return _fill(self.tr("In effect since %1"), format_short_date(a.effective_at, self.lang))

    def sync_state_text(self, state: SyncState) -> str:
        if state == SyncState.PENDING:
            return self.tr("Waiting to sync")
        if state == SyncState.REFUSED:
            return self.tr("Refused by the platform")
        return self.tr("Received by the platform")

    # -- detail --------------------------------------------------------------------------------
    def current(self) -> Announcement | None:
        row = self.model.row_of(self._current_id) if self._current_id else -1
        return self.model.items[row] if row >= 0 else None

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._open(str(indexes[0].data(IdRole)))

    def _open(self, announcement_id: str) -> None:
        changed = announcement_id != self._current_id
        self._current_id = announcement_id
        if changed:
            self.feedback_error = None
            self.feedback_notice = ""
        a = self.current()
        if a is not None and not a.read and changed:
            self._set_read(a, True)
        self._show_detail()

    def _show_detail(self) -> None:
        a = self.current()
        self.empty_label.setVisible(a is None)
        for w in self._detail_widgets:
            w.setVisible(a is not None)
        if a is None:
            self.notice_flag.hide()
            return
        lang = self.lang
        self.detail_title.setText(a.title.get(lang))
        self.read_button.setText(self.tr("Mark as unread") if a.read else self.tr("Mark as read"))
        if a.meets_notice_period:
            self.notice_flag.hide()
        else:
            days = a.notice_period.days
            self.notice_label.setText(
                self.tr(
                    "Published only %1 before it takes effect: less than the 7 days' notice the rules "
                    "require. You may raise this in your feedback or with platform support."
                ).replace(
                    "%1",
                    self.duration_text(a.notice_period if days < 1 else timedelta(days=days)),
                )
            )
            self.notice_flag.show()
        self.fact_values["published"].setText(format_datetime(a.published_at, lang))
        self.fact_values["period"].setText(
            self.tr("%1 to %2")
            .replace("%1", format_datetime(a.opinion_opens_at, lang))
            .replace("%2", format_datetime(a.opinion_closes_at, lang))
        )
        self.fact_values["countdown"].setText(self.countdown_text(a))
        self.fact_values["effective"].setText(format_datetime(a.effective_at, lang))
        self.body_label.setText(a.body.get(lang))
        self.body_label.setVisible(bool(self.body_label.text()))
        self._show_impact(a)
        self._show_feedback(a)

    def _show_impact(self, a: Announcement) -> None:
        platforms = sorted(a.affects_platforms, key=lambda p: p.value)
        where = self.tr(", ").join(words.platform_name(p, self.lang) for p in platforms)
        if not platforms:
            where = self.tr("all platforms")
        impact = self.impact.get(a.id)
        if impact is None:
            self.impact_label.setText(self.tr("Counting your stores…"))
            if a.id not in self._counting:
                self._counting.add(a.id)
                self.ctx.tasks.run(
                    lambda t: (a.id, t.service.announcement_impact(a)),
                    on_done=self._on_impact,
                    on_error=self._on_impact_error,
                )
            return
        if not impact.affected_stores:
            first = _fill(self.tr("None of your stores are on %1: nothing changes for you."), where)
        elif not platforms or impact.affected_stores == impact.total_stores:
            first = _fill(self.tr("It applies to all %1 of your stores."), str(impact.total_stores))
        else:
            text = (
                self.tr("1 of your %2 stores is on %3.")
                if impact.affected_stores == 1
                else self.tr("%1 of your %2 stores are on %3.")
            )
            first = _fill(text, str(impact.affected_stores), str(impact.total_stores), where)
        lines = [first]
        if impact.affected_stores:
            for method in sorted(impact.method_on, key=lambda m: m.value):
                lines.append(
                    self.tr("%1 is on in %2 of them.")
                    .replace("%1", words.method_name(method, self.lang))
                    .replace("%2", str(impact.method_on[method]))
                )
        text = lines[0]
        for line in lines[1:]:  # Chinese runs sentences on without a space, English does not
            text = _fill(self.tr("%1 %2", "two sentences in a row"), text, line)
        self.impact_label.setText(text)

    def _show_feedback(self, a: Announcement) -> None:
        items = []
        colours = current_theme().colors
        muted = colours["muted"]
        for fb in sorted(a.feedback, key=lambda f: f.created_at):
            colour = colours[{"pending": "pending", "refused": "error"}.get(fb.sync_state.value, "ok")]
            items.append(
                f"<p style='margin:0 0 6px 0'><span style='color:{muted}'>"
                f"{_escape(format_datetime(fb.created_at, self.lang))}</span> &nbsp;"
                f"<span style='color:{colour}; font-weight:bold'>"
                f"{_escape(self.sync_state_text(fb.sync_state))}</span><br>{_escape(fb.text)}</p>"
            )
        nothing = self.tr("You have not sent feedback on this yet.")
        self.history_label.setText(
            "".join(items) if items else f"<span style='color:{muted}'>{_escape(nothing)}</span>"
        )
        decision = can_send_feedback(a, "x", self.now())
        open_now = decision.allowed
        self.feedback_edit.setReadOnly(not open_now or self._sending)
        self.feedback_edit.setEnabled(open_now)
        self._update_counter()
        # closed: the sentence below the editor says why (once, not twice)
        self.feedback_edit.setPlaceholderText(
            ""
            if not open_now
            else self.tr("What does this change mean for your business? The platform reads every comment.")
        )
        if not open_now and decision.reason is not None:
            self._set_message(self.why_closed(decision.reason), error=False)
        elif self.feedback_error is not None:
            self._set_message(texts.reason(self.feedback_error, self.lang), error=True)
        elif self.feedback_notice:
            self._set_message(self.feedback_notice, error=False)
        else:
            self._set_message("", error=False)

    def why_closed(self, reason: Reason) -> str:
        """Why the editor is off, with the date that explains it."""
        when = reason.params.get("opinion_opens_at") or reason.params.get("opinion_closes_at")
        if reason.code == ReasonCode.OPINION_NOT_OPEN and isinstance(when, datetime):
            return self.tr("Feedback opens on %1, when the opinion period starts.").replace(
                "%1", format_datetime(when, self.lang)
            )
        if reason.code == ReasonCode.OPINION_PERIOD_CLOSED and isinstance(when, datetime):
            return self.tr("The opinion period ended on %1, so feedback can no longer be sent.").replace(
                "%1", format_datetime(when, self.lang)
            )
        return texts.reason(reason, self.lang)

    def _set_message(self, text: str, *, error: bool) -> None:
        self.feedback_message.setText(text)
        self.feedback_message.setStyleSheet(text_style("error") if error else "")
        self.feedback_message.setVisible(bool(text) and self.current() is not None)

    def _update_counter(self) -> None:
        n = len(self.feedback_edit.toPlainText())
        self.counter_label.setText(f"{n} / {FEEDBACK_MAX_CHARS}")
        self.counter_label.setStyleSheet(text_style("error" if n > FEEDBACK_MAX_CHARS else "muted"))
        a = self.current()
        self.send_button.setEnabled(
            a is not None
            and not self._sending
            and a.opinion_open(self.now())
            and len(self.feedback_edit.toPlainText().strip()) > 0
            and n <= FEEDBACK_MAX_CHARS
        )

    # -- actions -------------------------------------------------------------------------------
    def send_feedback(self) -> None:
        """Queue the editor's text as feedback; the text stays in the editor until it is stored."""
        a = self.current()
        if a is None or self._sending:
            return
        text = self.feedback_edit.toPlainText()
        decision = can_send_feedback(a, text, self.now())
        if not decision.allowed:
            self.feedback_error = decision.reason
            self._show_feedback(a)
            return
        self._sending = True
        self.feedback_error = None
        self.feedback_notice = ""
        self._update_counter()
        announcement_id = a.id
        self.ctx.tasks.run(
            lambda t: t.service.send_feedback(announcement_id, text),
            on_done=self._on_feedback_done,
            on_error=self._on_feedback_error,
        )

    def _on_feedback_done(self, result: ChangeResult) -> None:
        self._sending = False
        if result.applied:
            self.feedback_edit.clear()
            self.feedback_notice = self.tr(
                "Saved. Your feedback is waiting to sync and is sent as soon as the platform can be reached."
            )
            self.ctx.events.local_change.emit()
            self.refresh()
        else:
            self.feedback_error = result.reason or Reason(ReasonCode.PLATFORM_REFUSED)
            a = self.current()
            if a is not None:
                self._show_feedback(a)

    def _on_feedback_error(self, exc: BaseException) -> None:
        self._sending = False
        said = storage_failure_text(exc, self.ctx.lang)  # a full disk, a read-only folder ...
        if said is None:
            log.error("sending feedback failed", exc_info=exc)
        self.feedback_error = Reason(
            ReasonCode.PLATFORM_REFUSED,
            {
                "message": said
                or self.tr("Your feedback could not be saved on this computer. Please try again.")
            },
        )
        a = self.current()
        if a is not None:
            self._show_feedback(a)

    def _toggle_read(self) -> None:
        a = self.current()
        if a is not None:
            self._set_read(a, not a.read)
            self._show_detail()

    def _set_read(self, a: Announcement, read: bool) -> None:
        """Show it at once; the flag is stored on the db lane (a write, not for the GUI thread)."""
        self.model.replace_item(replace(a, read=read))
        self._read_wanted[a.id] = read

        def stored(_: object) -> None:
            if self._read_wanted.get(a.id) == read:
                del self._read_wanted[a.id]

        def failed(exc: BaseException) -> None:
            self._read_wanted.pop(a.id, None)
            log.error("mark_read failed", exc_info=exc)

        self.ctx.tasks.run(lambda t: t.service.mark_read(a.id, read), on_done=stored, on_error=failed)

    def _on_impact(self, result: tuple[str, Impact]) -> None:
        announcement_id, impact = result
        self._counting.discard(announcement_id)
        self.impact[announcement_id] = impact
        a = self.current()
        if a is not None and a.id == announcement_id:
            self._show_impact(a)

    def _on_impact_error(self, exc: BaseException) -> None:
        self._counting.clear()
        log.error("counting affected stores failed", exc_info=exc)
        self.impact_label.setText(self.tr("Could not count your stores."))

    def _on_feedback_text(self) -> None:
        if self.feedback_error is not None and self.feedback_error.code in (
            ReasonCode.FEEDBACK_EMPTY,
            ReasonCode.FEEDBACK_TOO_LONG,
        ):
            self.feedback_error = None
            a = self.current()
            if a is not None:
                self._show_feedback(a)
                return
        self._update_counter()

    def update_countdown(self) -> None:
        """Every half minute: the countdowns move on, and a period may open or close meanwhile."""
        a = self.current()
        if a is not None and self.isVisible():
            self.fact_values["countdown"].setText(self.countdown_text(a))
            self._show_feedback(a)
            self.model.texts_changed()

    def _on_data_changed(self, _store_ids: object) -> None:
        self.mark_stale()


def _fill(text: str, *values: str) -> str:
    """Qt-style %1, %2 … placeholders (translators may reorder them)."""
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", value)
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")

"""One store: its WeChat Pay invitation and, per payment method, the three axes.

For each method a card keeps apart what the platform allows (eligibility pill), what the
merchant set (the switch, with "waiting to sync" / "refused" beside it) and what shoppers get
(shown or not, and the chain of reasons why not). A flip is checked by the service's rules; a
change that alters what shoppers see or sends an application is confirmed first; a refusal says
why and what to do. Writes go through the TaskRunner's db lane so the window never blocks.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): a page of several cards
(invitation, methods, sales); the planned cut moves the cards into ui/widgets/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console import words
from console.core import rules
from console.core.model import Eligibility, Method, SyncState
from console.ui import texts
from console.ui.context import UiContext
from console.ui.errors import storage_failure_text
from console.ui.i18n import fmt_countdown
from console.ui.resources import icon
from console.ui.views.base import BaseView
from console.ui.widgets.link_button import LinkButton
from console.ui.widgets.page import scrolling_page
from console.ui.widgets.pill import StatusPill
from console.ui.widgets.toggle import ToggleSwitch
from console.words import format_date, format_datetime

if TYPE_CHECKING:
    from console.service import ChangeResult, MethodView, StoreDetail
    from console.ui.views.sales import SalesCard

METHOD_ORDER = (Method.WECHAT_PAY, Method.ALIPAY)


def _muted(label: QLabel) -> QLabel:
    label.setProperty("muted", True)
    return label


def _wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MethodCard(QFrame):
    """The three axes of one payment method of the shown store."""

    flip_requested = Signal(object)  # Method

    def __init__(self, method: Method, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = method
        self.setObjectName("card")
        self.view: MethodView | None = None
        self._why_open = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 14)
        lay.setSpacing(8)

        head = QHBoxLayout()
        self.icon = QLabel()
        self.icon.setPixmap(icon(f"method-{method.value}").pixmap(22, 22))
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.terms = _muted(QLabel())
        head.addWidget(self.icon)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.terms)
        lay.addLayout(head)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(2, 1)
        self.platform_label = _muted(QLabel())
        self.pill = StatusPill()
        self.eligibility_text = _wrap(QLabel())
        grid.addWidget(self.platform_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.pill, 0, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.eligibility_text, 0, 2)

        self.setting_label = _muted(QLabel())
        self.switch = ToggleSwitch()
        self.switch.clicked.connect(lambda: self.flip_requested.emit(self.method))
        self.setting_text = _wrap(QLabel())
        grid.addWidget(self.setting_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.switch, 1, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.setting_text, 1, 2)

        self.shoppers_label = _muted(QLabel())
        self.shoppers_text = _wrap(QLabel())
        grid.addWidget(self.shoppers_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.shoppers_text, 2, 1, 1, 2)
        lay.addLayout(grid)

        self.notice = _wrap(QLabel())  # refusal of the last change, or why it cannot change now
        self.notice.setObjectName("cardNotice")
        lay.addWidget(self.notice)

        self.why_button = LinkButton()  # wraps: a narrow panel must not scroll sideways for it
        self.why_button.clicked.connect(self._toggle_why)
        self.why_text = _wrap(QLabel())
        self.why_text.setTextFormat(Qt.TextFormat.RichText)
        self.why_text.hide()
        lay.addWidget(self.why_button)
        lay.addWidget(self.why_text)

    def _toggle_why(self) -> None:
        self._why_open = not self._why_open
        self.why_text.setVisible(self._why_open)

    def show_method(self, mv: MethodView, lang: str) -> None:
        self.view = mv
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        name = words.method_name(self.method, lang)
        self.title.setText(name)
        self.icon.setAccessibleName(name)  # the wallet's logo: a picture a screen reader names
        self.platform_label.setText(QCoreApplication.translate("StoreDetail", "Platform"))
        self.setting_label.setText(QCoreApplication.translate("StoreDetail", "Your setting"))
        self.shoppers_label.setText(QCoreApplication.translate("StoreDetail", "Shoppers"))
        self.why_button.set_label_text(
            QCoreApplication.translate("StoreDetail", "Why isn't %1 shown to my shoppers?").replace(
                "%1", name
            )
        )
        mv = self.view
        if mv is None:
            return
        st = mv.state
        self.terms.setText(texts.fee_text(mv.terms.fee_bps, lang) if mv.terms else "")
        self.pill.set_status(st.eligibility.value, texts.status_label(st.eligibility, lang))
        self.eligibility_text.setText(self._eligibility_sentence(lang))
        self.switch.setChecked(st.setting)
        self.switch.setAccessibleName(
            QCoreApplication.translate("StoreDetail", "%1 on or off").replace("%1", name)
        )
        setting = words.label(words.on_off(st.setting, lang))
        if st.sync_state == SyncState.PENDING:
            setting = QCoreApplication.translate("StoreDetail", "%1 · waiting to sync").replace("%1", setting)
        elif st.sync_state == SyncState.REFUSED:
            setting = QCoreApplication.translate("StoreDetail", "%1 · your last change was refused").replace(
                "%1", setting
            )
        self.setting_text.setText(setting)
        if mv.shown_to_shoppers:
            self.shoppers_text.setText(QCoreApplication.translate("StoreDetail", "Shown at checkout"))
        else:
            self.shoppers_text.setText(QCoreApplication.translate("StoreDetail", "Not shown at checkout"))
        notice = ""
        if st.sync_state == SyncState.REFUSED:
            notice = QCoreApplication.translate(
                "StoreDetail", "The platform refused your last change: %1"
            ).replace("%1", words.refusal_code_text(st.refused_code, st.refused_message, lang))
        elif mv.toggle_allowed is not None:
            notice = QCoreApplication.translate("StoreDetail", "Cannot be changed now: %1").replace(
                "%1", texts.reason(mv.toggle_allowed, lang)
            )
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        chain = mv.hidden_reasons
        self.why_button.setVisible(bool(chain))
        self.why_text.setVisible(bool(chain) and self._why_open)
        if chain:
            items = "".join(f"<li>{_html(texts.reason(r, lang))}</li>" for r in chain)
            self.why_text.setText(f"<ol style='margin-left:-20px'>{items}</ol>")

    def _eligibility_sentence(self, lang: str) -> str:
        assert self.view is not None
        st = self.view.state
        if st.eligibility in (Eligibility.REJECTED, Eligibility.FROZEN, Eligibility.WITHDRAWN) and (
            st.reason_code or st.reason_text
        ):
            return (
                QCoreApplication.translate("StoreDetail", "%1 Reason: %2")
                .replace("%1", words.eligibility_explained(st.eligibility, lang))
                .replace("%2", words.rejection_reason(st.reason_code, st.reason_text, lang))
            )
        if st.eligibility == Eligibility.APPROVED and st.launch_at is not None:
            return QCoreApplication.translate("StoreDetail", "Approved: goes live on %1.").replace(
                "%1", format_date(st.launch_at, lang)
            )
        if self.method == Method.ALIPAY and st.eligibility == Eligibility.LIVE:
            return QCoreApplication.translate("StoreDetail", "Available to every store.")
        return words.eligibility_explained(st.eligibility, lang)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class InvitationCard(QFrame):
    """Phase, window, countdown, next step and the full history of the WeChat Pay invitation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 14)
        lay.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        lay.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.keys = [_muted(QLabel()) for _ in range(4)]
        self.values = [_wrap(QLabel()) for _ in range(4)]
        for row, (k, v) in enumerate(zip(self.keys, self.values, strict=True)):
            grid.addWidget(k, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(v, row, 1)
        lay.addLayout(grid)
        self.next_step = _wrap(QLabel())
        self.next_step.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.next_step)
        self.history_title = _muted(QLabel())
        self.history = _wrap(QLabel())
        self.history.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.history_title)
        lay.addWidget(self.history)

    def show_detail(self, detail: StoreDetail, lang: str, now: Any) -> None:
        inv = detail.invitation
        self.title.setText(QCoreApplication.translate("StoreDetail", "WeChat Pay invitation"))
        self.next_step.setText(
            QCoreApplication.translate("StoreDetail", "Next step: %1").replace(
                "%1", texts.next_step(detail.next_step, lang)
            )
        )
        if inv is None:
            self.keys[0].setText(QCoreApplication.translate("StoreDetail", "Phase"))
            self.values[0].setText(QCoreApplication.translate("StoreDetail", "Not in a phase yet"))
            for k, v in zip(self.keys[1:], self.values[1:], strict=True):
                k.hide()
                v.hide()
            self.history_title.hide()
            self.history.hide()
            return
        for k, v in zip(self.keys, self.values, strict=True):
            k.show()
            v.show()
        self.keys[0].setText(QCoreApplication.translate("StoreDetail", "Phase"))
        self.values[0].setText(
            QCoreApplication.translate("StoreDetail", "Phase %1").replace("%1", str(inv.phase))
        )
        self.keys[1].setText(QCoreApplication.translate("StoreDetail", "Application window"))
        self.values[1].setText(
            QCoreApplication.translate("StoreDetail", "%1 to %2")
            .replace("%1", format_datetime(inv.window_opens_at, lang))
            .replace("%2", format_datetime(inv.deadline_at, lang))
        )
        self.keys[2].setText(QCoreApplication.translate("StoreDetail", "Deadline"))
        # a countdown only while the deadline can still change something (rules.deadline_that_matters):
        # live, approved, in review, frozen, expired and withdrawn stores get the date alone
        wechat = detail.methods.get(Method.WECHAT_PAY)
        due = rules.deadline_that_matters(detail.store, wechat.state, inv, now) if wechat else None
        deadline = format_datetime(inv.deadline_at, lang)
        self.values[2].setText(f"{deadline} ({fmt_countdown(due, now)})" if due is not None else deadline)
        self.keys[3].setText(QCoreApplication.translate("StoreDetail", "Launch date"))
        self.values[3].setText(format_date(inv.launch_at, lang) if inv.launch_at else "—")
        self.history_title.setText(QCoreApplication.translate("StoreDetail", "History"))
        self.history_title.setVisible(bool(inv.history))
        self.history.setVisible(bool(inv.history))
        lines = []
        for ev in sorted(inv.history, key=lambda e: e.at):
            change = (
                f"{texts.status_label(ev.from_state, lang)} → {texts.status_label(ev.to_state, lang)}"
                if ev.from_state
                else texts.status_label(ev.to_state, lang)
            )
            note = f" · {_html(ev.note)}" if ev.note and not lang.startswith("zh") else ""
            lines.append(
                f"<tr><td style='padding-right:12px'>{format_datetime(ev.at, lang)}</td>"
                f"<td>{_html(change)}{note}</td></tr>"
            )
        self.history.setText(f"<table>{''.join(lines)}</table>")


class StoreDetailView(BaseView):
    """The right-hand side of the stores page (and the "store" view)."""

    view_name = "store"
    # a change was stored (or refused): the store id, for the list to update its row
    changed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.store_id: str | None = None
        self.detail: StoreDetail | None = None
        self.focused_method = Method.WECHAT_PAY
        self._busy = False

        lay = scrolling_page(self)
        scroll = self.findChild(QScrollArea)
        assert scroll is not None  # scrolling_page made it
        self._scroll: QScrollArea = scroll

        self.name = QLabel()
        self.name.setObjectName("pageTitle")
        self.name.setWordWrap(True)
        self.subtitle = _muted(QLabel())
        self.empty = _wrap(_muted(QLabel()))
        lay.addWidget(self.name)
        lay.addWidget(self.subtitle)
        lay.addWidget(self.empty)
        # the invitation and the method cards are built with the first store shown (_build_cards):
        # with none chosen they are hidden, and building them cost ~10 ms before the merchant's
        # stores reached the screen (issue #14); then issue #15's sales card, the same way
        self._lay = lay
        self._invitation: InvitationCard | None = None
        self._sales_card: SalesCard | None = None
        self.cards: dict[Method, MethodCard] = {}
        lay.addStretch(1)
        ctx.events.data_changed.connect(self._on_data_changed)
        self.retranslateUi()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows without scrolling sideways: the stores page's splitter
        honours this, so it takes room from the list (whose names have a floor of their own)
        instead of clipping the cards' labels behind a sideways scroll bar."""
        hint = super().minimumSizeHint()
        scroll = self._scroll
        body = scroll.widget()
        if body is None:
            return hint
        need = body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), need + 2 * scroll.frameWidth()), hint.height())

    @property
    def invitation(self) -> InvitationCard:
        if self._invitation is None:
            self._build_cards()
        assert self._invitation is not None
        return self._invitation

    def _build_cards(self) -> None:
        """The invitation card, then one card per method, below the empty-state text."""
        at = self._lay.indexOf(self.empty) + 1
        self._invitation = InvitationCard()
        self._lay.insertWidget(at, self._invitation)
        for i, m in enumerate(METHOD_ORDER, start=at + 1):
            card = MethodCard(m)
            card.flip_requested.connect(self.request_flip)
            card.switch.installEventFilter(self)
            self.cards[m] = card
            self._lay.insertWidget(i, card)

    @property
    def sales_card(self) -> SalesCard:
        if self._sales_card is None:
            from console.ui.views.sales import SalesCard

            self._sales_card = SalesCard(self.ctx)
            # between the invitation and the method cards
            self._lay.insertWidget(self._lay.indexOf(self.invitation) + 1, self._sales_card)
        return self._sales_card

    # -- protocol -------------------------------------------------------------------------
    def set_store(self, store_id: str | None) -> None:
        self.store_id = store_id
        self.refresh()

    def refresh(self) -> None:
        """One store's detail is a handful of rows: read on the GUI thread's connection."""
        if self.store_id is None:
            self.detail = None
        else:
            try:
                self.detail = self.ctx.service.store_detail(self.store_id)
            except KeyError:
                self.detail = None
        if self.detail is not None and self._invitation is None:
            self._build_cards()
        if self.detail is not None or self._sales_card is not None:
            self.sales_card.show_store(self.store_id if self.detail is not None else None)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        lang = self.ctx.lang
        d = self.detail
        has = d is not None
        if self._invitation is not None:
            self._invitation.setVisible(has)
        for card in self.cards.values():
            card.setVisible(has)
        self.empty.setVisible(not has)
        self.empty.setText(
            QCoreApplication.translate(
                "StoreDetail", "Choose a store in the list to see its payment methods."
            )
        )
        if d is None:
            self.name.setText(QCoreApplication.translate("StoreDetail", "No store selected"))
            self.subtitle.setText("")
            for card in self.cards.values():
                card.retranslate(lang)
            return
        self.name.setText(d.store.name)
        parts = [words.platform_name(d.store.platform, self.ctx.lang), d.store.id]
        if d.store.status != "open":
            parts.append(words.label(words.store_status_name(d.store.status, self.ctx.lang)))
        self.subtitle.setText(" · ".join(parts))
        self.invitation.show_detail(d, lang, self.ctx.clock())
        self.sales_card.retranslate()
        for m, card in self.cards.items():
            mv = d.methods.get(m)
            card.setVisible(mv is not None)
            if mv is not None:
                card.show_method(mv, lang)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusIn:
            for m, card in self.cards.items():
                if card.switch is watched:
                    self.focused_method = m
        return super().eventFilter(watched, event)

    def _on_data_changed(self, ids: object) -> None:
        if self.store_id is not None and (ids is None or self.store_id in ids):  # type: ignore[operator]
            self.refresh()

    # -- flipping -------------------------------------------------------------------------
    def toggle_focused_method(self) -> None:
        """Space: flip the method whose switch has focus (WeChat Pay by default)."""
        self.request_flip(self.focused_method)

    def request_flip(self, method: Method) -> None:
        from console.ui.widgets import dialogs  # QMessageBox: built when first asked (issue #14)

        d = self.detail
        if d is None or self._busy:
            return
        mv = d.methods.get(method)
        if mv is None:
            return
        name = words.method_name(method, self.ctx.lang)
        if mv.toggle_allowed is not None:
            dialogs.tell(
                self,
                QCoreApplication.translate("StoreDetail", "%1 cannot be changed now").replace("%1", name),
                texts.reason(mv.toggle_allowed, self.ctx.lang),
            )
            return
        wanted = not mv.state.setting
        title, question, ok = self._confirmation(d, mv, wanted)
        if not dialogs.ask(self, title, question, ok):
            return
        self._busy = True
        store_id = d.store.id
        self.ctx.tasks.run(
            lambda task: task.service.set_method(store_id, method, wanted),
            on_done=self._flip_done,
            on_error=self._flip_failed,
        )

    def _confirmation(self, d: StoreDetail, mv: MethodView, wanted: bool) -> tuple[str, str, str]:
        name = words.method_name(mv.state.method, self.ctx.lang)
        store = d.store.name
        elig = mv.state.eligibility
        if (
            wanted
            and mv.state.method == Method.WECHAT_PAY
            and elig in (Eligibility.INVITED, Eligibility.REJECTED)
        ):
            return (
                QCoreApplication.translate("StoreDetail", "Apply for WeChat Pay?"),
                QCoreApplication.translate(
                    "StoreDetail",
                    "This sends the application for %1 to the platform. Shoppers see WeChat Pay once "
                    "it is approved and the launch date has come.",
                ).replace("%1", store),
                QCoreApplication.translate("StoreDetail", "Apply"),
            )
        if not wanted and elig == Eligibility.IN_REVIEW:
            return (
                QCoreApplication.translate("StoreDetail", "Withdraw the application?"),
                QCoreApplication.translate(
                    "StoreDetail",
                    "The review of %1 stops. You can apply again while the application window is open.",
                ).replace("%1", store),
                QCoreApplication.translate("StoreDetail", "Withdraw"),
            )
        if wanted:
            return (
                QCoreApplication.translate("StoreDetail", "Turn on %1?").replace("%1", name),
                QCoreApplication.translate("StoreDetail", "Shoppers of %1 will be able to pay with %2.")
                .replace("%1", store)
                .replace("%2", name),
                QCoreApplication.translate("StoreDetail", "Turn on"),
            )
        return (
            QCoreApplication.translate("StoreDetail", "Turn off %1?").replace("%1", name),
            QCoreApplication.translate("StoreDetail", "Shoppers of %1 will no longer be able to pay with %2.")
            .replace("%1", store)
            .replace("%2", name),
            QCoreApplication.translate("StoreDetail", "Turn off"),
        )

    def _flip_done(self, result: ChangeResult) -> None:
        from console.ui.widgets import dialogs  # QMessageBox: built when first asked (issue #14)

        self._busy = False
        if not result.applied and result.reason is not None:
            dialogs.tell(
                self,
                QCoreApplication.translate("StoreDetail", "The change was not made"),
                texts.reason(result.reason, self.ctx.lang),
                warning=True,
            )
        store_id = result.store_id or self.store_id
        if store_id:
            self.ctx.events.data_changed.emit({store_id})
            if result.applied:
                self.ctx.events.local_change.emit()
            self.changed.emit(store_id)

    def _flip_failed(self, exc: BaseException) -> None:
        from console.ui.widgets import dialogs  # QMessageBox: built when first asked (issue #14)

        self._busy = False
        said = storage_failure_text(exc, self.ctx.lang)  # a full disk is not "our side"
        dialogs.tell(
            self,
            QCoreApplication.translate("StoreDetail", "The change was not made"),
            said
            or QCoreApplication.translate(
                "StoreDetail",
                "Something went wrong on our side; nothing was changed. Details are in the log.",
            ),
            warning=True,
        )
        if said is None:
            self.ctx.tasks.failed.emit(exc, "")

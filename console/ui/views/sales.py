"""The Sales page: daily gross by payment method as a chart with the same numbers in a table,
WeChat Pay's share since each store's go-live, fees against the other method, and before/after
over equal windows around go-live (issue #15).

Every filter change is one job on the db lane (``ctx.tasks``): the SQL for a period and a store
selection builds a :class:`console.core.sales.SalesCube` once (kept on the lane for the next
change), and platform/channel changes are sums over it. The GUI thread only fills widgets; the
newest request wins. Words come from ``console.words.sales`` in the window's language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from console.core.model import Method, Platform
from console.core.sales import BeforeAfter, Channel, DayGross, FeeComparison, SalesFilter, ShareSinceGoLive
from console.ui.context import UiContext
from console.ui.money import format_fen
from console.ui.views.base import BaseView
from console.ui.widgets.daily_chart import DailyChart
from console.ui.widgets.page import page_header, scrolling_page
from console.words.sales import channel_name

if TYPE_CHECKING:
    from console.core.sales import SalesCube
    from console.ui.tasks import Task

log = logging.getLogger(__name__)

PERIODS = (30, 90, 180, 365)
COLOURS = {Method.ALIPAY: QColor("#1677ff"), Method.WECHAT_PAY: QColor("#07c160")}
METHODS = (Method.ALIPAY, Method.WECHAT_PAY)


@dataclass(frozen=True, slots=True)
class SalesQuery:
    first: date
    last: date
    stores: tuple[str, ...]
    platform: Platform | None
    channel: Channel | None


@dataclass(frozen=True, slots=True)
class SalesAnswer:
    query: SalesQuery
    daily: list[DayGross]
    share: ShareSinceGoLive
    fees: list[FeeComparison]
    before_after: BeforeAfter
    empty: bool


def before_after_days(days: int) -> int:
    """Equal windows that fit around go-live inside the period: a third of it, at most 30."""
    return max(1, min(30, days // 3))


def answer(cube: SalesCube, query: SalesQuery, schedule: Any) -> SalesAnswer:
    """Everything the page shows, from a cube (pure: runs on the db lane, tested alone)."""
    flt = SalesFilter(
        query.first,
        query.last,
        frozenset({query.platform}) if query.platform else None,
        frozenset({query.channel}) if query.channel else None,
    )
    daily = cube.daily_gross(flt)
    return SalesAnswer(
        query,
        daily,
        cube.share_since_go_live(flt),
        cube.fee_comparison(flt, schedule),
        cube.before_after(flt, before_after_days((query.last - query.first).days + 1)),
        not any(v for d in daily for v in d.by_method.values()),
    )


def _table(columns: int) -> QTableWidget:
    t = QTableWidget(0, columns)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def _cell(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def copy_table(table: QTableWidget) -> str:
    """The selected rows (all when none) as tab-separated text, headers first, on the clipboard."""
    rows = sorted({i.row() for i in table.selectedIndexes()}) or list(range(table.rowCount()))
    columns = range(table.columnCount())
    lines = ["\t".join(_cell(table.horizontalHeaderItem(c)) for c in columns)]
    lines += ["\t".join(_cell(table.item(r, c)) for c in columns) for r in rows]
    text = "\n".join(lines)
    QApplication.clipboard().setText(text)
    return text


class SalesCard(QLabel):
    """The store page's card: "since WeChat Pay went live on …: N payments, x % of sales, ¥ fees".

    Read on the db lane (the store page itself stays a GUI-thread read of a few rows)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("salesCard")
        self.setWordWrap(True)
        self.card: Any = None
        self._store: str | None = None
        self.hide()

    def show_store(self, store_id: str | None) -> None:
        self._store = store_id
        if store_id is None:
            self.hide()
            return

        def load(task: Task) -> tuple[str, Any]:
            from console.sales_service import SalesService

            return store_id, SalesService(task.db, clock=self.ctx.clock).store_card(store_id)

        self.ctx.tasks.run(load, on_done=self._on_loaded)

    def _on_loaded(self, result: tuple[str, Any]) -> None:
        store_id, card = result
        if store_id != self._store:
            return
        self.card = card
        self.retranslate()

    def retranslate(self) -> None:
        from console.words.sales import sales_msg

        card, lang = self.card, self.ctx.lang
        if card is None:
            self.hide()
            return
        share = f"{card.share * 100:.1f} %" if card.share is not None else "–"
        self.setText(
            sales_msg(
                "card",
                lang,
                day=card.go_live.isoformat(),
                count=card.payments,
                share=share,
                fees=format_fen(card.fees_fen, lang),
            )
        )
        self.setAccessibleName(self.text())
        self.show()


class SalesView(BaseView):
    view_name = "sales"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._cubes_clear = False  # the next job drops its cube (after a sync)
        self._cubes: dict[tuple[date, date, tuple[str, ...]], Any] = {}  # touched on the db lane only
        self.answer: SalesAnswer | None = None
        lay = scrolling_page(self)
        self.title, self.intro = page_header(lay)
        form = QFormLayout()
        self.period = QComboBox()
        self.platform = QComboBox()
        self.channel = QComboBox()
        self.stores = QLineEdit()
        self.period_label, self.platform_label = QLabel(), QLabel()
        self.channel_label, self.stores_label = QLabel(), QLabel()
        for label, field in (
            (self.period_label, self.period),
            (self.platform_label, self.platform),
            (self.channel_label, self.channel),
            (self.stores_label, self.stores),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        lay.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self.chart_title = QLabel()
        self.chart_title.setObjectName("sectionTitle")
        lay.addWidget(self.chart_title)
        row = QHBoxLayout()
        self.chart = DailyChart()
        self.daily_table = _table(4)
        row.addWidget(self.chart, 3)
        row.addWidget(self.daily_table, 2)
        lay.addLayout(row)

        self.share_title = QLabel()
        self.share_title.setObjectName("sectionTitle")
        self.share_text = QLabel()
        self.share_text.setWordWrap(True)
        lay.addWidget(self.share_title)
        lay.addWidget(self.share_text)

        grid = QGridLayout()
        self.fees_title, self.ba_title = QLabel(), QLabel()
        self.fees_title.setObjectName("sectionTitle")
        self.ba_title.setObjectName("sectionTitle")
        self.fees_table = _table(5)
        self.ba_table = _table(3)
        grid.addWidget(self.fees_title, 0, 0)
        grid.addWidget(self.ba_title, 0, 1)
        grid.addWidget(self.fees_table, 1, 0)
        grid.addWidget(self.ba_table, 1, 1)
        lay.addLayout(grid)
        for table in (self.daily_table, self.fees_table, self.ba_table):
            shortcut = QShortcut(QKeySequence.StandardKey.Copy, table)
            shortcut.activated.connect(lambda t=table: copy_table(t))

        self.retranslateUi()
        self.period.currentIndexChanged.connect(self._load)
        self.platform.currentIndexChanged.connect(self._load)
        self.channel.currentIndexChanged.connect(self._load)
        self.stores.editingFinished.connect(self._load)
        ctx.events.language_changed.connect(lambda _lang: self.retranslateUi())  # words follow ctx.lang

    # -- filters ------------------------------------------------------------------------------
    def query(self) -> SalesQuery:
        days = PERIODS[max(0, self.period.currentIndex())]
        last = self.ctx.clock().date() - timedelta(days=1)  # finished days only
        stores = tuple(
            sorted({s.strip() for s in self.stores.text().replace("，", ",").split(",") if s.strip()})
        )
        platform = self.platform.currentData()
        channel = self.channel.currentData()
        return SalesQuery(
            last - timedelta(days=days - 1),
            last,
            stores,
            Platform(platform) if platform else None,
            Channel(channel) if channel else None,
        )

    def refresh(self) -> None:
        self._cubes_clear = True
        self._load()

    def set_store(self, store_id: str | None) -> None:
        """All stores stay selected: the page compares stores, the store card shows one."""

    def _load(self, *_: object) -> None:
        self._generation += 1
        generation, query = self._generation, self.query()
        cubes = self._cubes
        fresh, self._cubes_clear = self._cubes_clear, False
        self.status.setText(self.tr("Adding up…"))

        def load(task: Task) -> tuple[int, SalesAnswer]:
            from console.sales_service import SalesService, Scope

            if fresh:
                cubes.clear()
            key = (query.first, query.last, query.stores)
            service = SalesService(task.db, clock=self.ctx.clock)
            cube = cubes.get(key)
            if cube is None:
                scope = Scope(store_ids=frozenset(query.stores) or None)
                cubes.clear()  # one period at a time: memory stays bounded
                cube = cubes[key] = (service.cube(query.first, query.last, scope), service.fee_schedule())
            return generation, answer(cube[0], query, cube[1])

        self.ctx.tasks.run(load, on_done=self._on_loaded, on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        log.error("loading the sales failed", exc_info=exc)
        self.status.setText(self.tr("The sales could not be read. Please try again."))

    def _on_loaded(self, result: tuple[int, SalesAnswer]) -> None:
        generation, ans = result
        if generation != self._generation:
            return
        self.answer = ans
        self._show(ans)

    # -- showing --------------------------------------------------------------------------------
    def _show(self, ans: SalesAnswer) -> None:
        lang = self.ctx.lang
        self.status.setText(
            self.tr("No synced sales in this period. Sync, then look again.") if ans.empty else ""
        )
        names = {m: self._method(m) for m in METHODS}
        labels = [d.day.isoformat() for d in ans.daily]
        self.chart.set_data(
            labels, [(names[m], COLOURS[m], [d.by_method[m] for d in ans.daily]) for m in METHODS]
        )
        _fill(
            self.daily_table,
            [
                [
                    d.day.isoformat(),
                    *(format_fen(d.by_method[m], lang) for m in METHODS),
                    format_fen(sum(d.by_method.values()), lang),
                ]
                for d in ans.daily
            ],
        )
        share = ans.share
        if share.all.gross_fen == 0:
            self.share_text.setText(self.tr("WeChat Pay is not live in any store selected."))
        else:
            self.share_text.setText(
                self.tr("Of %1 sold since go-live, %2 was WeChat Pay (%3), %4 payments.")
                .replace("%1", format_fen(share.all.gross_fen, lang))
                .replace("%2", format_fen(share.wechat.gross_fen, lang))
                .replace("%3", f"{(share.share or 0) * 100:.1f} %")
                .replace("%4", str(share.wechat.count))
            )
        _fill(
            self.fees_table,
            [
                [
                    names[f.method],
                    format_fen(f.gross_fen, lang),
                    format_fen(f.fees_paid_fen, lang),
                    format_fen(f.fees_if_other_fen, lang),
                    format_fen(f.saved_fen, lang),
                ]
                for f in ans.fees
            ],
        )
        ba = ans.before_after
        self.ba_title.setText(
            self.tr("Before and after go-live (%1 days each side)").replace("%1", str(ba.days))
        )
        self.ba_table.setAccessibleName(self.ba_title.text())
        if ba.cohorts == 0:
            self.ba_table.setRowCount(0)
            self.ba_table.setToolTip(
                self.tr("No store has %1 full days on both sides of its go-live inside the period.").replace(
                    "%1", str(ba.days)
                )
            )
        else:
            self.ba_table.setToolTip("")
            _fill(
                self.ba_table,
                [
                    [
                        names[m],
                        format_fen(ba.before[m].gross_fen, lang),
                        format_fen(ba.after[m].gross_fen, lang),
                    ]
                    for m in METHODS
                ],
            )
        self.chart.setAccessibleDescription(
            "; ".join(
                f"{names[m]}: {format_fen(sum(d.by_method[m] for d in ans.daily), lang)}" for m in METHODS
            )
        )

    def _method(self, method: Method) -> str:
        from console.words.domain import method_name

        return method_name(method, self.ctx.lang)

    def retranslateUi(self) -> None:
        lang = self.ctx.lang
        self.title.setText(self.tr("Sales"))
        self.intro.setText(
            self.tr(
                "Daily gross by payment method: what turning on WeChat Pay brought, and its fees against the other method."  # noqa: E501
            )
        )
        self.period_label.setText(self.tr("Period"))
        self.platform_label.setText(self.tr("Platform"))
        self.channel_label.setText(self.tr("Channel"))
        self.stores_label.setText(self.tr("Stores"))
        self.stores.setPlaceholderText(self.tr("Store ids, comma-separated; empty for all stores"))
        for combo in (self.period, self.platform, self.channel):
            combo.blockSignals(True)
        keep = (self.period.currentIndex(), self.platform.currentIndex(), self.channel.currentIndex())
        self.period.clear()
        for days in PERIODS:
            self.period.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        from console.words.domain import platform_name

        self.platform.clear()
        self.platform.addItem(self.tr("All"), None)
        for p in Platform:
            self.platform.addItem(platform_name(p, lang), p.value)
        self.channel.clear()
        self.channel.addItem(self.tr("All"), None)
        for c in Channel:
            self.channel.addItem(channel_name(c, lang), c.value)
        self.period.setCurrentIndex(keep[0] if keep[0] >= 0 else 1)
        self.platform.setCurrentIndex(max(0, keep[1]))
        self.channel.setCurrentIndex(max(0, keep[2]))
        for combo in (self.period, self.platform, self.channel):
            combo.blockSignals(False)
        self.chart_title.setText(self.tr("Daily gross by payment method"))
        self.chart.setAccessibleName(self.tr("Daily gross by payment method"))
        self.share_title.setText(self.tr("WeChat Pay's share since go-live"))
        self.fees_title.setText(self.tr("Fees paid against the other method"))
        names = [self._method(m) for m in METHODS]
        self.daily_table.setHorizontalHeaderLabels([self.tr("Day"), *names, self.tr("Gross")])
        self.daily_table.setAccessibleName(self.tr("Daily gross by payment method"))
        self.fees_table.setHorizontalHeaderLabels(
            [
                self.tr("Payment method"),
                self.tr("Gross"),
                self.tr("Fees paid"),
                self.tr("Fees with the other method"),
                self.tr("Saved"),
            ]
        )
        self.ba_table.setHorizontalHeaderLabels(
            [self.tr("Payment method"), self.tr("Before"), self.tr("After")]
        )
        self.fees_table.setAccessibleName(self.tr("Fees paid against the other method"))
        self.ba_table.setAccessibleName(f"{self.tr('Before')} / {self.tr('After')}")
        if self.answer is not None:
            self._show(self.answer)


__all__ = ["SalesAnswer", "SalesCard", "SalesQuery", "SalesView", "answer", "copy_table"]

"""The Reconciliation page: each day's settlement per store and method against the synced
payments, matched or mismatched with the difference explained; filters; export (issue #15).

Reconciling a period is one job on the db lane with progress (``SalesService.reconcile``); the
mismatches it finds are kept (``service.reconciliation_mismatches()``), the new ones announced
on the page. Exports are written on the db lane too (CSV with BOM or XLSX, 0600).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from console.ui.context import UiContext
from console.ui.money import format_fen
from console.ui.views.base import BaseView
from console.ui.views.sales import PERIODS, _fill, _table
from console.ui.widgets.page import page_header, scrolling_page
from console.words.sales import column_titles, explain, status_word

if TYPE_CHECKING:
    from console.sales_service import ReconcileReport
    from console.ui.tasks import Task

log = logging.getLogger(__name__)


class ReconciliationView(BaseView):
    view_name = "reconciliation"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: ReconcileReport | None = None
        self._generation = 0
        lay = scrolling_page(self)
        self.title, self.intro = page_header(lay)
        row = QHBoxLayout()
        self.period = QComboBox()
        self.stores = QLineEdit()
        self.run_button = QPushButton()
        self.csv_button = QPushButton()
        self.xlsx_button = QPushButton()
        for w in (
            self.period,
            self.stores,
            self.run_button,
            self.csv_button,
            self.xlsx_button,
        ):
            row.addWidget(w)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.hide()
        lay.addWidget(self.progress)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = _table(10)
        lay.addWidget(self.table, 1)
        self.retranslateUi()
        self.run_button.clicked.connect(self.reconcile)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        ctx.events.language_changed.connect(lambda _lang: self.retranslateUi())  # words follow ctx.lang

    def period_days(self) -> tuple[date, date]:
        days = PERIODS[max(0, self.period.currentIndex())]
        last = self.ctx.clock().date() - timedelta(days=1)
        return last - timedelta(days=days - 1), last

    def _store_ids(self) -> frozenset[str] | None:
        ids = {s.strip() for s in self.stores.text().replace("，", ",").split(",") if s.strip()}
        return frozenset(ids) or None

    def refresh(self) -> None:
        self.reconcile()

    def reconcile(self) -> None:
        self._generation += 1
        generation, (first, last), stores = self._generation, self.period_days(), self._store_ids()
        self.summary.setText(self.tr("Reconciling…"))
        self.progress.setRange(0, 0)
        self.progress.show()

        def work(task: Task) -> tuple[int, ReconcileReport]:
            from console.sales_service import SalesService, Scope

            service = SalesService(task.db, clock=self.ctx.clock)
            return generation, service.reconcile(first, last, Scope(store_ids=stores), progress=task.progress)

        self.ctx.tasks.run(
            work, on_done=self._on_done, on_error=self._on_error, on_progress=self._on_progress
        )

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_error(self, exc: BaseException) -> None:
        log.error("reconciliation failed", exc_info=exc)
        self.progress.hide()
        self.summary.setText(self.tr("Reconciliation failed. Please try again."))

    def _on_done(self, result: tuple[int, ReconcileReport]) -> None:
        generation, report = result
        if generation != self._generation:
            return
        self.progress.hide()
        self.report = report
        self._show()

    def _show(self, *_: object) -> None:
        report, lang = self.report, self.ctx.lang
        if report is None:
            return
        from console.words.domain import method_name

        self.summary.setText(
            self.tr("%1 settlements, %2 do not match.")
            .replace("%1", str(report.checked))
            .replace("%2", str(len(report.mismatched)))
        )
        rows = []
        for r in report.mismatched:  # matched settlements are counted, not listed (millions)
            s = r.settlement
            rows.append(
                [
                    r.key.day.isoformat(),
                    r.key.store_id,
                    method_name(r.key.method, lang),
                    str(s.count if s else r.expected.payments),
                    format_fen(s.gross_fen if s else r.expected.gross_fen, lang),
                    format_fen(s.refunds_fen if s else r.expected.refunds_fen, lang),
                    format_fen(s.fees_fen if s else r.expected.fees_fen, lang),
                    format_fen(s.net_fen if s else 0, lang),
                    status_word(r, lang),
                    " ".join(explain(m, lang) for m in r.mismatches),
                ]
            )
        _fill(self.table, rows)

    # -- export -------------------------------------------------------------------------------
    def _ask_export(self, fmt: str) -> None:
        first, last = self.period_days()
        name, _ = QFileDialog.getSaveFileName(self, "", f"settlements-{first}-{last}.{fmt}", f"*.{fmt}")
        if name:
            self.export_to(Path(name), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the period's settlements with their results to ``path`` (on the db lane)."""
        (first, last), stores, lang = self.period_days(), self._store_ids(), self.ctx.lang

        def work(task: Task) -> Path:
            from console.sales_service import SalesService, Scope, write_table

            service = SalesService(task.db, clock=self.ctx.clock)
            headers, rows = service.settlements_export(first, last, Scope(store_ids=stores), lang)
            write_table(path, headers, rows, fmt)
            return path

        def failed(exc: BaseException) -> None:
            log.warning("export failed: %s", exc)
            self.summary.setText(
                self.tr("Could not export to %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )

        self.ctx.tasks.run(
            work,
            on_done=lambda p: self.summary.setText(self.tr("Exported to %1").replace("%1", str(p))),
            on_error=failed,
        )

    def retranslateUi(self) -> None:
        lang = self.ctx.lang
        self.title.setText(self.tr("Reconciliation"))
        self.intro.setText(
            self.tr(
                "Each day's settlement from each wallet against the synced payments: matched, or the difference explained."  # noqa: E501
            )
        )
        keep = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for days in PERIODS:
            self.period.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        self.period.setCurrentIndex(keep if keep >= 0 else 0)
        self.period.blockSignals(False)
        self.period.setAccessibleName(self.tr("Period"))
        self.stores.setPlaceholderText(self.tr("Store ids, comma-separated; empty for all stores"))
        self.stores.setAccessibleName(self.tr("Stores"))
        self.run_button.setText(self.tr("Reconcile"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        self.table.setHorizontalHeaderLabels(column_titles(lang))
        self.table.setAccessibleName(self.tr("Reconciliation"))
        self._show()


__all__ = ["ReconciliationView"]

"""Use cases of sales and reconciliation (issue #15), shared by the GUI and the CLI.

Like ``console.service``: no Qt, no network; one instance per thread (it holds one connection).
The GUI runs these on the db lane through the TaskRunner, so aggregation and reconciliation
never run on the GUI thread. Words come from ``console.words.sales``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlite_utils

from console.core.model import Method, Platform
from console.core.reconcile import (
    DEFAULT_GRACE,
    Reconciliation,
    SettlementFacts,
)
from console.core.sales import Channel, FeeSchedule, SalesCube, SalesFilter, Totals
from console.core.timeutil import utcnow
from console.storage import sales as tables
from console.storage.exports import Fen, write_table, yuan
from console.storage.sales import ALL, Scope, StoredMismatch
from console.sync.reconcile import Progress, ReconcileReport, mismatch_news, reconcile_period

#: The longest period a question may cover (a typo like 2206 for 2026 is not a question).
MAX_PERIOD_DAYS = 3 * 366



class PeriodError(ValueError):
    """A period or scope that cannot be asked about; ``code`` names why (worded in words.sales)."""

    def __init__(self, code: str, **facts: Any) -> None:
        super().__init__(code)
        self.code = code
        self.facts = facts


@dataclass(frozen=True, slots=True)
class StoreCard:
    """ "Since WeChat Pay went live on …: N payments, x % of sales, ¥ fees"."""

    store_id: str
    go_live: date
    payments: int
    gross_fen: int
    all_gross_fen: int
    fees_fen: int

    @property
    def share(self) -> float | None:
        return self.gross_fen / self.all_gross_fen if self.all_gross_fen else None


class SalesService:
    """Sales, settlements and reconciliation over the synced tables."""

    def __init__(self, db: sqlite_utils.Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self._clock = clock or utcnow

    def now(self) -> datetime:
        return self._clock()

    # -- checks ---------------------------------------------------------------------------------
    def check_period(self, first: date, last: date) -> None:
        """Reversed, future or absurd periods are refused with a code (exit 2 in the CLI)."""
        today = self.now().date()
        if last < first:
            raise PeriodError("reversed", first=first, last=last)
        if first > today:
            raise PeriodError("future", first=first, today=today)
        if (last - first).days + 1 > MAX_PERIOD_DAYS or first.year < 2000:
            raise PeriodError("too_long", days=(last - first).days + 1, most=MAX_PERIOD_DAYS)

    def scope(
        self,
        store_ids: Sequence[str] = (),
        platforms: Sequence[str] = (),
        channels: Sequence[str] = (),
    ) -> Scope:
        """A scope from the merchant's words; unknown stores, platforms or channels refused."""
        for c in channels:
            if c not in {ch.value for ch in Channel}:
                raise PeriodError("unknown_channel", channel=c)
        for p in platforms:
            if p not in {pl.value for pl in Platform}:
                raise PeriodError("unknown_platform", platform=p)
        if store_ids:
            marks = ",".join("?" * len(store_ids))
            known = {
                r[0] for r in self.db.execute(f"SELECT id FROM stores WHERE id IN ({marks})", list(store_ids))
            }
            for s in store_ids:
                if s not in known:
                    raise PeriodError("unknown_store", store_id=s)
        return Scope(frozenset(store_ids) or None, frozenset(platforms) or None, frozenset(channels) or None)

    # -- sales ------------------------------------------------------------------------------------
    def cube(self, first: date, last: date, scope: Scope = ALL) -> SalesCube:
        """The Sales page's cube: every chart and table of a period is a query on it."""
        return SalesCube.build(tables.daily_aggregates(self.db.conn, first, last, scope), first, last)

    def fee_schedule(self) -> FeeSchedule:
        """Rates in force per day: method terms, then each rate seen on synced payments from the
        first day it was paid (announced fee changes take effect on their date)."""
        base = {
            (Platform(r[0]), Method(r[1])): int(r[2])
            for r in self.db.execute("SELECT platform, method, fee_bps FROM method_terms")
        }
        for p in Platform:
            for m in Method:
                base.setdefault((p, m), 60)
        changes = [
            (Platform(r[0]), Method(r[1]), date.fromisoformat(r[2]), int(r[3]))
            for r in self.db.execute(
                "SELECT platform, method, min(day), fee_bps FROM payments GROUP BY platform, method, fee_bps"
            )
        ]
        return FeeSchedule(base, changes)

    def totals(self, first: date, last: date, by: str, scope: Scope = ALL) -> list[tuple[Any, ...]]:
        """Rows (group, method, payments, gross, refunds, fees) for ``sales --by``."""
        if by not in ("method", "store", "channel"):
            raise PeriodError("unknown_grouping", by=by)
        return tables.totals_by(self.db.conn, first, last, by, scope)

    def store_card(self, store_id: str) -> StoreCard | None:
        """The store page's card; None while WeChat Pay is not live there."""
        go_live = tables.go_live_days(self.db.conn).get(store_id)
        if go_live is None:
            return None
        today = self.now().date()
        last = max(today, go_live)
        cube = self.cube(go_live, last, Scope(store_ids=frozenset({store_id})))
        totals = cube.totals(SalesFilter(go_live, last))
        wechat = totals.get(Method.WECHAT_PAY, Totals())
        every = sum(t.gross_fen for t in totals.values())
        return StoreCard(store_id, go_live, wechat.count, wechat.gross_fen, every, wechat.fees_fen)

    # -- settlements and reconciliation ---------------------------------------------------------
    def settlements(self, first: date, last: date, scope: Scope = ALL) -> list[SettlementFacts]:
        return tables.settlements(self.db.conn, first, last, scope)

    def reconcile(
        self,
        first: date,
        last: date,
        scope: Scope = ALL,
        *,
        progress: Progress | None = None,
        grace: timedelta = DEFAULT_GRACE,
    ) -> ReconcileReport:
        """Every settlement of the period against the payments kept for it; the mismatches are
        stored (new ones are news) and returned (``console.sync.reconcile``, the same step each
        sync pass runs over the days it fetched)."""
        return reconcile_period(self.db, first, last, self.now(), scope, progress=progress, grace=grace)

    def sales_export(
        self, first: date, last: date, scope: Scope, lang: str
    ) -> tuple[list[str], list[list[Any]]]:
        """One row per day, store, method and channel, in the columns of words.sales."""
        from console.words.domain import method_name, platform_name
        from console.words.sales import channel_name, sales_column_titles

        rows: list[list[Any]] = [
            [
                day,
                store,
                platform_name(platform, lang),
                method_name(method, lang),
                channel_name(channel, lang),
                n,
                Fen(gross),
                Fen(refunds),
                Fen(fees),
                Fen(gross - refunds - fees),
            ]
            for day, store, platform, method, channel, n, gross, refunds, fees in tables.daily_rows(
                self.db.conn, first, last, scope
            )
        ]
        return sales_column_titles(lang), rows

    def settlements_export(
        self, first: date, last: date, scope: Scope, lang: str
    ) -> tuple[list[str], list[list[Any]]]:
        """Each settlement with its reconciliation result and the difference explained."""
        from console.words.domain import method_name
        from console.words.sales import column_titles, explain, status_word

        report = self.reconcile(first, last, scope)
        bad = {r.key: r for r in report.mismatched}
        since = report.checked_from
        rows: list[list[Any]] = []
        for s in self.settlements(first, last, scope):
            r = bad.get(s.key)
            if r is None and since is not None and s.day >= since:
                r = Reconciliation(s.key, s, s.totals, ())
            status = status_word(r, lang) if r is not None else ""
            why = " ".join(explain(m, lang) for m in r.mismatches) if r is not None else ""
            rows.append(
                [
                    s.day.isoformat(),
                    s.store_id,
                    method_name(s.method, lang),
                    s.count,
                    Fen(s.gross_fen),
                    Fen(s.refunds_fen),
                    Fen(s.fees_fen),
                    Fen(s.net_fen),
                    status,
                    why,
                ]
            )
        for r in report.mismatched:  # due and never settled: a row of its own
            if r.settlement is None:
                rows.append(
                    [
                        r.key.day.isoformat(),
                        r.key.store_id,
                        method_name(r.key.method, lang),
                        r.expected.payments,
                        Fen(r.expected.gross_fen),
                        Fen(r.expected.refunds_fen),
                        Fen(r.expected.fees_fen),
                        Fen(0),
                        status_word(r, lang),
                        " ".join(explain(m, lang) for m in r.mismatches),
                    ]
                )
        return column_titles(lang), rows

    def reconciliation_mismatches(
        self, first: date | None = None, last: date | None = None
    ) -> list[StoredMismatch]:
        """Every mismatch found so far (the news of reconciliation until a news table exists)."""
        return tables.mismatches(self.db.conn, first, last)


__all__ = [
    "Fen",
    "PeriodError",
    "ReconcileReport",
    "SalesService",
    "StoreCard",
    "mismatch_news",
    "write_table",
    "yuan",
]

"""Reconciliation, a sync step: each settlement against the payments synced for it (issue #15).

Each pass runs it over the days whose settlements it fetched (``console.sync.sales``), and the
Reconciliation page and ``main.py reconcile`` run it over the period asked for
(``console.sales_service``). It lives here, below the use cases, so the sync engine need not
reach up to them. The comparisons are ``console.core.reconcile``'s; the tables are
``console.storage.sales``'s; a new mismatch becomes news (``console.storage.news``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlite_utils

from console.core.model import Method
from console.core.news import NewsItem, NewsKind
from console.core.reconcile import (
    DEFAULT_GRACE,
    Key,
    PaymentTotals,
    Reconciliation,
    due_at,
    reconcile_day,
)
from console.storage import news
from console.storage import sales as tables
from console.storage.db import write_transaction
from console.storage.sales import ALL, Scope, StoredMismatch

Progress = Callable[[int, int], object]  # (done, total); a TaskRunner task.progress fits


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    """A period reconciled: how many settlements were checked, the ones that disagree (in day,
    store, method order) and the mismatches not known before (news). Matched settlements are
    counted, not listed: a 10,000-store merchant has 1.8 million of them in 90 days."""

    first: date
    last: date
    checked: int
    mismatched: list[Reconciliation]
    new_mismatches: list[StoredMismatch]
    checked_from: date | None = None  # the first day whose payments are still kept

    def result_of(self, key: Key) -> Reconciliation | None:
        """The settlement's result: its mismatch, or a match when checked, None when not."""
        for r in self.mismatched:
            if r.key == key:
                return r
        if self.checked_from is not None and self.checked_from <= key.day <= self.last:
            return Reconciliation(key, None, PaymentTotals(0, 0, 0, 0), ())
        return None


def reconcile_period(
    db: sqlite_utils.Database,
    first: date,
    last: date,
    now: datetime,
    scope: Scope = ALL,
    *,
    progress: Progress | None = None,
    grace: timedelta = DEFAULT_GRACE,
) -> ReconcileReport:
    """Every settlement of the period against the payments kept for it; the mismatches are
    stored (new ones are news) and returned. Days whose payments are no longer kept are not
    reconciled (they were, while they were kept).

    Why it is quick: the tables keep the list of keys whose settlement and payments have not
    been seen to agree (``sales_checks``, kept as pages land, totals compared in SQL); only
    those are loaded payment by payment, and those that match leave the list."""
    conn = db.conn
    kept = tables.kept_since(conn)
    lo = max(first, kept) if kept is not None else first
    mismatched: list[Reconciliation] = []
    matched: list[tuple[str, str, date]] = []
    checked = 0
    if kept is not None and lo <= last:
        keys = tables.to_check(conn, lo, last, scope)
        total = len(keys)
        checked = tables.settled_count(conn, lo, last, scope)
        for done, (store_id, method, day) in enumerate(keys, 1):
            if progress is not None and done % 500 == 0:
                progress(done, total)
            key = Key(store_id, method, day)
            settlement = tables.settlement_of(conn, store_id, method, day)
            if settlement is None and now < due_at(day) + grace:
                continue  # not due yet: nothing to say, and nothing to load
            r = reconcile_day(
                key, settlement, tables.payments_of(conn, store_id, method, day), now=now, grace=grace
            )
            if r is None:
                continue
            if settlement is None:
                checked += 1  # due and never settled: a line of its own
            if r.matched:
                matched.append((store_id, method, day))
            else:
                mismatched.append(r)
        if progress is not None:
            progress(total, total)
    found = [(r.key.store_id, r.key.method, r.key.day, m) for r in mismatched for m in r.mismatches]
    with write_transaction(db):
        tables.forget_checks(conn, matched)
        new = tables.record_mismatches(conn, found, first=first, last=last, at=now, scope=scope)
        news.add(conn, [mismatch_news(m) for m in new], now)
    return ReconcileReport(first, last, checked, mismatched, new, lo if kept is not None else None)


def mismatch_news(found: StoredMismatch) -> NewsItem:
    """A new mismatch as news (kind ``settlement_mismatch``): the merchant hears of it in the
    news list and the status bar, like any platform change. Keyed by what differs, so the same
    mismatch found by the next pass is not news again."""
    from console.core.model import LocalizedText
    from console.words.sales import explain

    m = found.mismatch
    return NewsItem(
        key=f"settlement_mismatch:{found.store_id}:{found.method}:{found.day.isoformat()}:{m.kind.value}",
        kind=NewsKind.SETTLEMENT_MISMATCH,
        store_ids=(found.store_id,),
        at=found.found_at,
        params={
            "day": found.day.isoformat(),
            "method": Method(found.method),
            "difference": LocalizedText(zh=explain(m, "zh_CN"), en=explain(m, "en")),
            "kind": m.kind.value,
            "delta_fen": m.delta_fen,
        },
    )

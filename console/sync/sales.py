"""Sync the sales feeds: payments since our cursor, then settlements of the days not yet final.

Same guarantees as the change feed (``console.sync.pull``): every page is verified (signature,
shape) by the client before anything is written; a page and its cursor land in one transaction,
so a pass broken off mid-page resumes at the first page not applied, and nothing is applied twice
(``console.storage.sales`` counts a payment only when its row is new).

Settlements are asked for by date range. A settlement can come late (the platform publishes it
days after it was due), so each pass asks again for the last ``LOOKBACK_DAYS`` days; a settlement
published again replaces itself. A range in progress (its ``after`` cursor) is kept in meta with
each page, so a broken pass resumes it.

After the settlements, the days they covered are reconciled (``SalesService.reconcile``, on the
platform's signed time): mismatches are found by every pass, not only when a page asks, and the
new ones come back in ``SalesOutcome.new_mismatches`` (the news of the pass).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlite_utils

from console.platform.client import PlatformClient
from console.platform.errors import BadResponse
from console.storage import meta
from console.storage import sales as store
from console.storage.db import write_transaction

log = logging.getLogger(__name__)

PAGE_SIZE = 1000
LOOKBACK_DAYS = 7  # settlements may come this late and still be picked up by a normal pass
MAX_RANGE_DAYS = 92  # the platform's limit for one settlements query


@dataclass
class SalesOutcome:
    payments: int = 0  # new payments applied
    settlements: int = 0  # settlements received (new or published again)
    pages: int = 0
    reconciled: tuple[date, date] | None = None  # the days reconciled after the settlements
    new_mismatches: list[store.StoredMismatch] = field(default_factory=list)


class SalesSync:
    """Pull the payments and settlements feeds into ``console.storage.sales``."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        client: PlatformClient,
        *,
        retention_days: int = store.DEFAULT_RETENTION_DAYS,
        page_size: int = PAGE_SIZE,
    ) -> None:
        if retention_days < 1:
            raise ValueError("keep payments for at least one day")
        self.db, self.client = db, client
        self.retention_days, self.page_size = retention_days, page_size
        self._server_now: datetime | None = None  # the platform's signed time, from the last page
        self._settled_from: date | None = None  # the first day whose settlements this pass asked for

    def run(self, out: SalesOutcome | None = None) -> SalesOutcome:
        """Both feeds until caught up. ``out`` is filled as pages land (an error midway keeps it)."""
        out = out if out is not None else SalesOutcome()
        today = self.payments(out)
        if today is not None:
            self.settlements(today, out)
            with write_transaction(self.db):
                store.prune_payments(self.db.conn, today - timedelta(days=self.retention_days))
            self.reconcile(today, out)
        return out

    def reconcile(self, today: date, out: SalesOutcome) -> None:
        """Reconcile the days whose settlements this pass asked for (only the keys whose totals
        disagree are loaded: see ``console.storage.sales``)."""
        now, first = self._server_now, self._settled_from
        if now is None or first is None:
            return
        from console.sync.reconcile import reconcile_period  # the same step the pages run

        last = today - timedelta(days=1)
        if first > last:
            return
        report = reconcile_period(self.db, first, last, now)
        out.reconciled = (first, last)
        out.new_mismatches.extend(report.new_mismatches)

    def payments(self, out: SalesOutcome) -> date | None:
        """Payments since the cursor; returns the platform's day (from its signed time)."""
        conn = self.db.conn
        today: date | None = None
        while True:
            cursor = meta.get(conn, store.PAYMENTS_CURSOR) or ""
            page = self.client.payments(cursor, limit=self.page_size)
            if page.server_time is not None:
                today = page.server_time.date()
                self._server_now = page.server_time
            keep_from = today - timedelta(days=self.retention_days) if today is not None else None
            with write_transaction(self.db):
                if (meta.get(conn, store.PAYMENTS_CURSOR) or "") != cursor:
                    continue  # another engine moved on meanwhile: go on from where it is
                out.payments += store.apply_payments(conn, page.payments, keep_from=keep_from)
                meta.put(conn, store.PAYMENTS_CURSOR, page.next_since)
            out.pages += 1
            if not page.has_more:
                return today
            if page.next_since == cursor:
                raise BadResponse("the payments feed says it has more but does not move on")

    def settlements(self, today: date, out: SalesOutcome) -> None:
        """Settlements from the last final day (less the lookback) to yesterday."""
        conn = self.db.conn
        yesterday = today - timedelta(days=1)
        while True:
            state = store.settlements_state(conn)
            if state is None:
                state = self._next_range(yesterday)
                if state is None:
                    return
            first, last = date.fromisoformat(state["first"]), date.fromisoformat(state["last"])
            self._settled_from = min(first, self._settled_from or first)
            after = state.get("after", "")
            page = self.client.settlements(first=first, last=last, after=after, limit=self.page_size)
            with write_transaction(self.db):
                out.settlements += store.apply_settlements(conn, page.settlements)
                if page.has_more:
                    if page.next_after == after:
                        raise BadResponse("the settlements feed says it has more but does not move on")
                    store.put_settlements_state(conn, state | {"after": page.next_after})
                else:
                    store.put_settlements_state(conn, None)
                    meta.put(conn, store.SETTLED_THROUGH, (last + timedelta(days=1)).isoformat())
            out.pages += 1
            if not page.has_more and last >= yesterday:
                return

    def _next_range(self, yesterday: date) -> dict[str, str] | None:
        conn = self.db.conn
        through = meta.get(conn, store.SETTLED_THROUGH)
        if through is None:
            kept = store.first_sales_day(conn)
            if kept is None:
                return None
            first = kept
        else:
            done = date.fromisoformat(through)
            if done > yesterday:
                return None
            first = done - timedelta(days=LOOKBACK_DAYS)
        first = max(first, yesterday - timedelta(days=self.retention_days))
        last = min(yesterday, first + timedelta(days=MAX_RANGE_DAYS - 1))
        if last < first:
            return None
        state = {"first": first.isoformat(), "last": last.isoformat(), "after": ""}
        with write_transaction(self.db):
            store.put_settlements_state(conn, state)
        return state


__all__ = ["SalesOutcome", "SalesSync"]

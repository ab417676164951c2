"""The sales tables: payments (kept for a window), daily aggregates (kept for good),
settlements as published, and reconciliation mismatches (issue #15).

Why aggregates apart from payments: a 10,000-store merchant takes millions of payments a month.
The Sales page and the terminal only ever ask per day, store, method and channel, so one row per
those (``sales_daily``) answers every question over any period, while individual payments are
only needed for reconciliation and are pruned after ``DEFAULT_RETENTION_DAYS``.

Exactly once: a payment is counted into the aggregates only when its row is new (the primary key
says so inside the page's transaction), and the feed cursor is written in the same transaction,
so a page applied twice, a payment duplicated on the wire or a crash between pages never counts
a payment twice. A payment older than the last day applied and no longer stored (pruned) can
only be a replay, and is ignored.

Reconciliation at scale: ``sales_checks`` (migration 2.3) lists the (day, store, method) keys
whose payments and settlement have not been seen to agree. New payments put their keys on it; a
settlement takes its key off when its totals equal the day's aggregates (compared in SQL as the
page lands) and it came on time; reconciliation loads only the keys left (mismatches, days not
yet settled) and takes off those it finds matched. 90 days of 10,000 stores (1.8 million
settlements) are thus reconciled by loading the few hundred that disagree.

Every function joins the caller's transaction (the sync step holds one per page).

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): one concern, the four
sales tables and their reads, just over the line.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from console.core.reconcile import (
    Difference,
    Mismatch,
    PaymentFacts,
    SettlementFacts,
    due_at,
)
from console.core.sales import DailyAggregate
from console.core.timeutil import format_ts, parse_ts
from console.storage import meta

DEFAULT_RETENTION_DAYS = 90

# meta keys of the sales feeds (this module owns them; they belong to the platform account)
PAYMENTS_CURSOR = "sales.payments_cursor"  # the payments feed's next_since already applied
PAYMENTS_LAST_DAY = "sales.payments_last_day"  # the latest settlement day applied
SETTLEMENTS_STATE = "sales.settlements_state"  # JSON {first, last, after} of a range in progress
SETTLED_THROUGH = "sales.settled_through"  # every settlement before this day has been asked for
ACCOUNT_KEYS = (PAYMENTS_CURSOR, PAYMENTS_LAST_DAY, SETTLEMENTS_STATE, SETTLED_THROUGH)

_UPSERT_SETTLEMENT = """INSERT INTO settlements
    (id, store_id, platform, method, day, count, gross_fen, refunds_fen, fees_fen, net_fen,
     payment_ids, settled_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(day, store_id, method) DO UPDATE SET id = excluded.id, count = excluded.count,
    gross_fen = excluded.gross_fen, refunds_fen = excluded.refunds_fen,
    fees_fen = excluded.fees_fen, net_fen = excluded.net_fen,
    payment_ids = excluded.payment_ids, settled_at = excluded.settled_at"""


# -- writes (from the sync step) ---------------------------------------------------------------


_PAGE_TABLE = """CREATE TEMP TABLE IF NOT EXISTS sales_page (
    id TEXT PRIMARY KEY, store_id TEXT, platform TEXT, method TEXT, channel TEXT, day TEXT,
    amount_fen INTEGER, refunded_fen INTEGER, fee_bps INTEGER, fee_fen INTEGER, paid_at TEXT
) WITHOUT ROWID"""
_PAGE_ROW = "INSERT OR IGNORE INTO sales_page VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_ADD_DAILY = """INSERT INTO sales_daily
    (day, store_id, platform, method, channel, payments, gross_fen, refunds_fen, fees_fen)
SELECT day, store_id, platform, method, channel, count(*), sum(amount_fen), sum(refunded_fen),
       sum(fee_fen)
FROM sales_page WHERE true GROUP BY day, store_id, method, channel
ON CONFLICT(day, store_id, method, channel) DO UPDATE SET
    payments = payments + excluded.payments, gross_fen = gross_fen + excluded.gross_fen,
    refunds_fen = refunds_fen + excluded.refunds_fen, fees_fen = fees_fen + excluded.fees_fen"""


def apply_payments(
    conn: sqlite3.Connection, payments: Sequence[Mapping[str, Any]], *, keep_from: date | None
) -> int:
    """Store the new payments of one page and add them to the daily aggregates.

    ``keep_from``: payments of earlier days only count into the aggregates (not kept one by one).
    Returns how many payments were new.

    Why a scratch table: the page goes into SQLite in one ``executemany`` (a payment twice on the
    wire collapses on its key there), the ones already stored are dropped with one ``DELETE``,
    and the daily totals are one ``INSERT … SELECT … GROUP BY``: no Python work per payment
    beyond making its tuple."""
    if not payments:
        return 0
    last_day = meta.get(conn, PAYMENTS_LAST_DAY) or ""
    conn.execute(_PAGE_TABLE)
    conn.execute("DELETE FROM sales_page")
    conn.executemany(
        _PAGE_ROW,
        [
            (
                p["id"],
                p["store_id"],
                p["platform"],
                p["method"],
                p["channel"],
                p["settlement_date"],
                p["amount_fen"],
                p["refunded_fen"],
                p["fee_bps"],
                p["fee_fen"],
                p["paid_at"],
            )
            for p in payments
        ],
    )
    # on the wire before, or a replay of a day already applied (perhaps pruned since)
    conn.execute("DELETE FROM sales_page WHERE day < ? OR id IN (SELECT id FROM payments)", (last_day,))
    new, newest = conn.execute("SELECT count(*), max(day) FROM sales_page").fetchone()
    if not new:
        return 0
    conn.execute(
        "INSERT INTO payments SELECT * FROM sales_page WHERE day >= ?",
        (keep_from.isoformat() if keep_from is not None else "",),
    )
    conn.execute(_ADD_DAILY)
    # new payments: their day has to be looked at again (it may have been settled without them)
    conn.execute(
        "INSERT OR IGNORE INTO sales_checks (day, store_id, method, platform)"
        " SELECT DISTINCT day, store_id, method, platform FROM sales_page"
    )
    if newest > last_day:
        meta.put(conn, PAYMENTS_LAST_DAY, newest)
    return int(new)


def prune_payments(conn: sqlite3.Connection, before: date) -> int:
    """Forget individual payments of days before ``before`` (their aggregates stay; their days
    are not reconciled any more)."""
    conn.execute("DELETE FROM sales_checks WHERE day < ?", (before.isoformat(),))
    return conn.execute("DELETE FROM payments WHERE day < ?", (before.isoformat(),)).rowcount


_AGREES = """DELETE FROM sales_checks WHERE day = ?1 AND store_id = ?2 AND method = ?3
    AND (SELECT coalesce(sum(payments), 0) = ?4 AND coalesce(sum(gross_fen), 0) = ?5
            AND coalesce(sum(refunds_fen), 0) = ?6 AND coalesce(sum(fees_fen), 0) = ?7
         FROM sales_daily WHERE day = ?1 AND store_id = ?2 AND method = ?3)"""


def apply_settlements(conn: sqlite3.Connection, settlements: Sequence[Mapping[str, Any]]) -> int:
    """Store settlements as published (a settlement published again replaces itself).

    Each one is compared with the day's aggregates here, one key at a time: one that agrees
    and came on time is off the list reconciliation looks at (``sales_checks``); any other
    stays on it, to be explained payment by payment."""
    conn.executemany(
        _UPSERT_SETTLEMENT,
        [
            (
                s["id"],
                s["store_id"],
                s["platform"],
                s["method"],
                s["date"],
                s["count"],
                s["gross_fen"],
                s["refunds_fen"],
                s["fees_fen"],
                s["net_fen"],
                " ".join(s["payment_ids"]),
                s["settled_at"],
            )
            for s in settlements
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO sales_checks (day, store_id, method, platform) VALUES (?, ?, ?, ?)",
        [(s["date"], s["store_id"], s["method"], s["platform"]) for s in settlements],
    )
    conn.executemany(
        _AGREES,
        [
            (
                s["date"],
                s["store_id"],
                s["method"],
                s["count"],
                s["gross_fen"],
                s["refunds_fen"],
                s["fees_fen"],
            )
            for s in settlements
            if parse_ts(s["settled_at"]) <= due_at(date.fromisoformat(s["date"]))
        ],
    )
    return len(settlements)


def settlements_state(conn: sqlite3.Connection) -> dict[str, str] | None:
    raw = meta.get(conn, SETTLEMENTS_STATE)
    try:
        state = json.loads(raw) if raw else None
    except ValueError:
        return None
    return state if isinstance(state, dict) else None


def put_settlements_state(conn: sqlite3.Connection, state: Mapping[str, str] | None) -> None:
    if state is None:
        meta.delete(conn, SETTLEMENTS_STATE)
    else:
        meta.put(conn, SETTLEMENTS_STATE, json.dumps(dict(state), sort_keys=True))


def clear_account(conn: sqlite3.Connection) -> None:
    """Another platform account: its sales are not this one's."""
    for table in ("payments", "sales_daily", "settlements", "sales_mismatches", "sales_checks"):
        conn.execute(f"DELETE FROM {table}")  # fixed table names
    meta.delete(conn, *ACCOUNT_KEYS)


# -- reads --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scope:
    """Which stores a question is about: all, or some ids / platforms / channels."""

    store_ids: frozenset[str] | None = None
    platforms: frozenset[str] | None = None
    channels: frozenset[str] | None = None

    def where(self, alias: str) -> tuple[str, list[Any]]:
        clauses, args = [], []
        for column, values in (
            ("store_id", self.store_ids),
            ("platform", self.platforms),
            ("channel", self.channels),
        ):
            if values is not None:
                if column == "channel" and alias in ("st", "c", "sales_mismatches"):
                    continue  # settlements, checks and mismatches have no channel
                if column == "platform" and alias == "sales_mismatches":
                    continue
                clauses.append(f"{alias}.{column} IN ({','.join('?' * len(values))})")
                args.extend(sorted(values))
        return "".join(f" AND {c}" for c in clauses), args


#: Every store, platform and channel.
ALL = Scope()


def go_live_days(conn: sqlite3.Connection) -> dict[str, date]:
    """Store id -> the day WeChat Pay went live, for stores where it is live."""
    out = {}
    for store_id, launch_at in conn.execute(
        "SELECT store_id, launch_at FROM methods WHERE method = 'wechat_pay' AND enabled = 1"
        " AND launch_at IS NOT NULL"
    ):
        try:
            out[store_id] = parse_ts(launch_at).date()
        except ValueError:
            continue
    return out


def daily_aggregates(
    conn: sqlite3.Connection, first: date, last: date, scope: Scope = ALL
) -> list[DailyAggregate]:
    """Aggregates of ``first``…``last`` grouped by platform, method, channel, cohort and day:
    what :class:`console.core.sales.SalesCube` is built from (a few rows per day, not per store)."""
    where, args = scope.where("d")
    rows = conn.execute(
        f"""SELECT d.day, d.platform, d.method, d.channel, substr(m.launch_at, 1, 10),
                   sum(d.payments), sum(d.gross_fen), sum(d.refunds_fen), sum(d.fees_fen)
            FROM sales_daily d
            LEFT JOIN methods m ON m.store_id = d.store_id AND m.method = 'wechat_pay'
                 AND m.enabled = 1
            WHERE d.day BETWEEN ? AND ?{where}
            GROUP BY 1, 2, 3, 4, 5""",
        [first.isoformat(), last.isoformat(), *args],
    )
    return [
        DailyAggregate(
            date.fromisoformat(r[0]),
            r[1],
            r[2],
            r[3],
            date.fromisoformat(r[4]) if r[4] else None,
            r[5],
            r[6],
            r[7],
            r[8],
        )
        for r in rows
    ]


def totals_by(
    conn: sqlite3.Connection, first: date, last: date, by: str, scope: Scope = ALL
) -> list[tuple[str, str, int, int, int, int]]:
    """(group, method, payments, gross, refunds, fees) per ``by`` (method, store or channel)."""
    column = {"method": "d.method", "store": "d.store_id", "channel": "d.channel"}[by]
    where, args = scope.where("d")
    return [
        tuple(r)
        for r in conn.execute(
            f"""SELECT {column}, d.method, sum(d.payments), sum(d.gross_fen), sum(d.refunds_fen),
                       sum(d.fees_fen)
                FROM sales_daily d WHERE d.day BETWEEN ? AND ?{where}
                GROUP BY 1, 2 ORDER BY 1, 2""",
            [first.isoformat(), last.isoformat(), *args],
        )
    ]


def daily_rows(
    conn: sqlite3.Connection, first: date, last: date, scope: Scope = ALL
) -> list[tuple[Any, ...]]:
    """(day, store, platform, method, channel, payments, gross, refunds, fees) for exports."""
    where, args = scope.where("d")
    return conn.execute(
        f"""SELECT d.day, d.store_id, d.platform, d.method, d.channel, d.payments, d.gross_fen,
                   d.refunds_fen, d.fees_fen
            FROM sales_daily d WHERE d.day BETWEEN ? AND ?{where}
            ORDER BY d.day, d.store_id, d.method, d.channel""",
        [first.isoformat(), last.isoformat(), *args],
    ).fetchall()


def _settlement(r: Sequence[Any]) -> SettlementFacts:
    return SettlementFacts(
        r[0],
        r[1],
        date.fromisoformat(r[2]),
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        tuple(r[8].split()) if r[8] else (),
        parse_ts(r[9]),
    )


_SETTLEMENT_COLUMNS = (
    "st.store_id, st.method, st.day, st.count, st.gross_fen, st.refunds_fen, st.fees_fen,"
    " st.net_fen, st.payment_ids, st.settled_at"
)


def settlements(
    conn: sqlite3.Connection, first: date, last: date, scope: Scope = ALL
) -> list[SettlementFacts]:
    where, args = scope.where("st")
    return [
        _settlement(r)
        for r in conn.execute(
            f"SELECT {_SETTLEMENT_COLUMNS} FROM settlements st WHERE st.day BETWEEN ? AND ?{where}"
            " ORDER BY st.day, st.store_id, st.method",
            [first.isoformat(), last.isoformat(), *args],
        )
    ]


def to_check(
    conn: sqlite3.Connection, first: date, last: date, scope: Scope = ALL
) -> list[tuple[str, str, date]]:
    """(store, method, day) of the period whose payments and settlement have not been seen to
    agree: the only ones reconciliation loads payment by payment."""
    where, args = scope.where("c")
    return [
        (r[0], r[1], date.fromisoformat(r[2]))
        for r in conn.execute(
            f"SELECT c.store_id, c.method, c.day FROM sales_checks c WHERE c.day BETWEEN ? AND ?{where}"
            " ORDER BY c.day, c.store_id, c.method",
            [first.isoformat(), last.isoformat(), *args],
        )
    ]


def forget_checks(conn: sqlite3.Connection, keys: Iterable[tuple[str, str, date]]) -> None:
    """These keys were reconciled and matched: not worth loading again until something lands."""
    conn.executemany(
        "DELETE FROM sales_checks WHERE day = ? AND store_id = ? AND method = ?",
        [(d.isoformat(), s, m) for s, m, d in keys],
    )


def settled_count(conn: sqlite3.Connection, first: date, last: date, scope: Scope = ALL) -> int:
    """How many settlements the period has (from the small per-day index)."""
    where, args = scope.where("st")
    row = conn.execute(
        f"SELECT count(*) FROM settlements st WHERE st.day BETWEEN ? AND ?{where}",
        [first.isoformat(), last.isoformat(), *args],
    ).fetchone()
    return int(row[0])


def settlement_of(conn: sqlite3.Connection, store_id: str, method: str, day: date) -> SettlementFacts | None:
    row = conn.execute(
        f"SELECT {_SETTLEMENT_COLUMNS} FROM settlements st WHERE st.day = ? AND st.store_id = ?"
        " AND st.method = ?",
        (day.isoformat(), store_id, method),
    ).fetchone()
    return _settlement(row) if row else None


def payments_of(conn: sqlite3.Connection, store_id: str, method: str, day: date) -> list[PaymentFacts]:
    return [
        PaymentFacts(r[0], store_id, method, day, r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT id, amount_fen, refunded_fen, fee_fen FROM payments"
            " WHERE day = ? AND store_id = ? AND method = ? ORDER BY id",
            (day.isoformat(), store_id, method),
        )
    ]


def first_sales_day(conn: sqlite3.Connection) -> date | None:
    """The first day with any sales (where settlements start to matter)."""
    row = conn.execute("SELECT min(day) FROM sales_daily").fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def kept_since(conn: sqlite3.Connection) -> date | None:
    """The first day whose payments are still kept one by one."""
    row = conn.execute("SELECT min(day) FROM payments").fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


# -- mismatches ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredMismatch:
    day: date
    store_id: str
    method: str
    mismatch: Mismatch
    found_at: datetime


def record_mismatches(
    conn: sqlite3.Connection,
    found: Iterable[tuple[str, str, date, Mismatch]],
    *,
    first: date,
    last: date,
    at: datetime,
    scope: Scope = ALL,
) -> list[StoredMismatch]:
    """Replace the mismatches of ``first``…``last`` with ``found``; returns those not known before
    (what is news). A mismatch that is gone (a late settlement arrived) is dropped."""
    where, args = scope.where("sales_mismatches")
    period = [first.isoformat(), last.isoformat(), *args]
    before = {
        (r[0], r[1], r[2], r[3])
        for r in conn.execute(
            f"SELECT day, store_id, method, kind FROM sales_mismatches WHERE day BETWEEN ? AND ?{where}",
            period,
        )
    }
    conn.execute(f"DELETE FROM sales_mismatches WHERE day BETWEEN ? AND ?{where}", period)
    stamp = format_ts(at)
    new: list[StoredMismatch] = []
    rows = []
    for store_id, method, day, m in found:
        late = int(m.late_by.total_seconds()) if m.late_by is not None else None
        rows.append(
            (
                day.isoformat(),
                store_id,
                method,
                m.kind.value,
                m.delta_fen,
                " ".join(m.payment_ids),
                late,
                stamp,
            )
        )
        if (day.isoformat(), store_id, method, m.kind.value) not in before:
            new.append(StoredMismatch(day, store_id, method, m, at))
    conn.executemany(
        "INSERT OR REPLACE INTO sales_mismatches"
        " (day, store_id, method, kind, delta_fen, payment_ids, late_by_s, found_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return new


def mismatches(
    conn: sqlite3.Connection, first: date | None = None, last: date | None = None
) -> list[StoredMismatch]:
    lo = first.isoformat() if first else "0000-00-00"
    hi = last.isoformat() if last else "9999-99-99"
    out = []
    for r in conn.execute(
        "SELECT day, store_id, method, kind, delta_fen, payment_ids, late_by_s, found_at"
        " FROM sales_mismatches WHERE day BETWEEN ? AND ? ORDER BY day, store_id, method, kind",
        (lo, hi),
    ):
        late = timedelta(seconds=r[6]) if r[6] is not None else None
        m = Mismatch(Difference(r[3]), r[4], tuple(r[5].split()) if r[5] else (), late)
        out.append(StoredMismatch(date.fromisoformat(r[0]), r[1], r[2], m, parse_ts(r[7])))
    return out


__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "Scope",
    "StoredMismatch",
    "apply_payments",
    "apply_settlements",
    "daily_aggregates",
    "forget_checks",
    "go_live_days",
    "mismatches",
    "payments_of",
    "prune_payments",
    "record_mismatches",
    "settled_count",
    "settlement_of",
    "settlements",
    "to_check",
    "totals_by",
]

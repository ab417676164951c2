"""Simulated shopper payments and their daily settlements (docs/platform-api.md, "Sales").

Nothing here is stored per payment: a store's payments for one day are a pure function of
(seed, store, day, what its checkout showed that day), so a feed page computes only the
store-days it returns and 90 days × 100,000 stores never exist at once. What the checkout showed
comes from the store's entities (WeChat Pay's live window from the invitation history), fee
rates from the method terms plus fee changes with an effective date. Only the admin's fee
changes and injected discrepancies are stored (two small tables of their own).

Days are UTC dates. A day's payments are published once the day is over on the business clock
(a stable cursor needs finished days: a later payment must never sort before a given cursor);
its settlement per store and method follows at 02:00 the next day (T+1), later when delayed.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .clock import iso, parse_iso
from .entities import TERMS
from .errors import PlatformError
from .rules import Platform

DAY_S = 86400
#: Days of simulated history before the world was seeded (the app keeps 90 days of payments).
HISTORY_DAYS = 90
#: A settlement for day D is published at D+1 02:00 (T+1), plus any injected delay.
SETTLE_AFTER_S = DAY_S + 2 * 3600
#: The widest settlement date range one request may ask for.
MAX_RANGE_DAYS = 92

CHANNELS = ("mobile_app", "pc_web", "wechat_mini_program", "alipay_mini_program")
#: Share of a store's shoppers arriving through each channel.
CHANNEL_WEIGHTS = (0.50, 0.15, 0.15, 0.20)
#: Shoppers per day by store size (small, medium, large) and the sizes' shares.
SIZE_VOLUME = (6, 24, 90)
SIZE_WEIGHTS = (0.6, 0.3, 0.1)
#: Monday … Sunday: weekends sell more.
WEEKDAY_FACTOR = (0.9, 0.9, 0.95, 1.0, 1.1, 1.35, 1.3)
FULL_REFUND_RATE = 0.02
PARTIAL_REFUND_RATE = 0.02
DISCREPANCY_KINDS = ("missing_payment", "fee_rounding", "delayed")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sales_fee_changes (
    platform TEXT NOT NULL, method TEXT NOT NULL, effective_at INTEGER NOT NULL,
    fee_bps INTEGER NOT NULL, PRIMARY KEY (platform, method, effective_at));
CREATE TABLE IF NOT EXISTS sales_discrepancies (
    store_id TEXT NOT NULL, method TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL,
    value INTEGER NOT NULL, PRIMARY KEY (store_id, method, date, kind));
"""


def fee_fen(amount_fen: int, fee_bps: int) -> int:
    """Basis points rounded half up to the fen (the contract's rule; the stub has its own copy)."""
    return (amount_fen * fee_bps + 5000) // 10000


def day_of(ts: float) -> date:
    return datetime.fromtimestamp(int(ts), UTC).date()


def day_start(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def parse_day(text: str) -> date:
    """YYYY-MM-DD, or a 400 the client can show."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise PlatformError(400, "BAD_REQUEST", f"Not a date (YYYY-MM-DD): {text!r}.") from exc


def _unit(*parts: object) -> int:
    """A stable 64-bit number for the parts (Python's hash() is salted per process)."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@dataclass(frozen=True, slots=True)
class StoreFacts:
    """What shapes one store's sales: its platform, size, and when WeChat Pay was on offer."""

    store_id: str
    platform: str
    volume: int
    wechat_taste: float  # share of app/web shoppers who pick WeChat Pay when it is shown
    wechat_from: float | None  # WeChat Pay live and on from … (None: never)
    wechat_to: float  # … until (inf: still)

    def wechat_shown(self, ts: float) -> bool:
        return self.wechat_from is not None and self.wechat_from <= ts < self.wechat_to


@dataclass(frozen=True, slots=True)
class Payment:
    id: str
    store_id: str
    platform: str
    method: str
    channel: str
    amount_fen: int
    fee_bps: int
    fee_fen: int
    refunded_fen: int
    paid_at: int
    refunded_at: int | None

    def wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "store_id": self.store_id,
            "platform": self.platform,
            "method": self.method,
            "channel": self.channel,
            "amount_fen": self.amount_fen,
            "fee_bps": self.fee_bps,
            "fee_fen": self.fee_fen,
            "refunded_fen": self.refunded_fen,
            "paid_at": iso(self.paid_at),
            "refunded_at": None if self.refunded_at is None else iso(self.refunded_at),
            "settlement_date": day_of(self.paid_at).isoformat(),
        }


def wechat_window(
    method: dict[str, Any] | None, invitation: dict[str, Any] | None
) -> tuple[float | None, float]:
    """When WeChat Pay was live and switched on: from the invitation's history (the go-live
    event), ended by a later move out of ``live`` or by the merchant switching it off."""
    if method is None:
        return None, math.inf
    start: float | None = None
    end = math.inf
    for event in (invitation or {}).get("history", []):
        if event["to"] == "live":
            start, end = parse_iso(event["at"]), math.inf
        elif event["from"] == "live" and start is not None:
            end = parse_iso(event["at"])
    if start is None and method["eligibility"] == "live" and method.get("launch_at"):
        start = parse_iso(method["launch_at"])
    if start is not None and method["eligibility"] == "live" and not method["enabled"]:
        end = min(end, parse_iso(method["updated_at"]))
    return start, end


class Sales:
    """The payments and settlements of the stub platform, computed on demand."""

    def __init__(self, platform: Platform, seed: int = 0) -> None:
        self.platform = platform
        self.seed = seed
        platform.store.conn.executescript(SCHEMA)
        platform.fees = self  # announced fee changes are scheduled here; the terms follow them
        # (platform, day) -> fee steps: four queries per store-day were most of a feed page's
        # cost; only add_fee_change changes the answer, and it empties this
        self._fees: dict[tuple[str, date], dict[str, list[tuple[int, int]]]] = {}

    # -- what the simulation reads ------------------------------------------------------------

    def first_day(self) -> date:
        seeded = self.platform.store.get_meta("world_seeded_at")
        origin = float(seeded) if seeded is not None else self.platform.clock.now()
        return day_of(origin) - timedelta(days=HISTORY_DAYS)

    def last_paid_day(self) -> date:
        """The last finished day on the business clock: its payments are final."""
        return day_of(self.platform.clock.now()) - timedelta(days=1)

    def store_facts(self, merchant_id: str, store_id: str) -> StoreFacts | None:
        store = self.platform.store.get(merchant_id, "store", store_id)
        if store is None:
            return None
        method = self.platform.store.get(merchant_id, "method", f"{store_id}:wechat_pay")
        invitation = self.platform.store.get(merchant_id, "invitation", store_id)
        start, end = wechat_window(method.data if method else None, invitation.data if invitation else None)
        pick = _unit(self.seed, store_id, "size") / 2**64
        size = 0 if pick < SIZE_WEIGHTS[0] else 1 if pick < SIZE_WEIGHTS[0] + SIZE_WEIGHTS[1] else 2
        taste = 0.25 + 0.2 * (_unit(self.seed, store_id, "taste") / 2**64)
        return StoreFacts(store_id, store.data["platform"], SIZE_VOLUME[size], taste, start, end)

    def fee_bps(self, platform: str, method: str, at: float) -> int:
        row = self.platform.store.conn.execute(
            "SELECT fee_bps FROM sales_fee_changes WHERE platform = ? AND method = ? AND effective_at <= ?"
            " ORDER BY effective_at DESC LIMIT 1",
            (platform, method, int(at)),
        ).fetchone()
        return int(row[0]) if row else TERMS[(platform, method)][0]

    def _fee_table(self, platform: str, day: date) -> dict[str, list[tuple[int, int]]]:
        """Per method, the (from, bps) steps that can apply during ``day``, latest first."""
        cached = self._fees.get((platform, day))
        if cached is not None:
            return cached
        start = day_start(day)
        out: dict[str, list[tuple[int, int]]] = {}
        for method in ("alipay", "wechat_pay"):
            steps = [
                (int(r[0]), int(r[1]))
                for r in self.platform.store.conn.execute(
                    "SELECT effective_at, fee_bps FROM sales_fee_changes WHERE platform = ? AND method = ?"
                    " AND effective_at < ? AND effective_at > ? ORDER BY effective_at DESC",
                    (platform, method, start + DAY_S, start),
                )
            ]
            out[method] = [*steps, (start, self.fee_bps(platform, method, start))]
        self._fees[(platform, day)] = out
        return out

    # -- payments -----------------------------------------------------------------------------

    def day_payments(self, facts: StoreFacts, day: date) -> list[Payment]:
        """Every payment of one store on one day, in time order; the same every time it is asked."""
        rng = random.Random(_unit(self.seed, facts.store_id, day.isoformat()))
        start = day_start(day)
        shoppers = max(0, round(facts.volume * WEEKDAY_FACTOR[day.weekday()] * rng.uniform(0.7, 1.3)))
        times = sorted(start + rng.randrange(DAY_S) for _ in range(shoppers))
        fees = self._fee_table(facts.platform, day)
        payments: list[Payment] = []
        for at in times:
            channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
            amount = min(max(100, int(math.exp(rng.gauss(math.log(6800), 0.9)))), 2_000_000)
            wechat = facts.wechat_shown(at)
            taste = rng.random()
            refund = rng.random()
            if channel == "wechat_mini_program":
                if not wechat:
                    continue  # without WeChat Pay this shopper leaves: the sale it brings
                method = "wechat_pay"
            elif channel == "alipay_mini_program":
                method = "alipay"
            else:
                method = "wechat_pay" if wechat and taste < facts.wechat_taste else "alipay"
            if amount > TERMS[(facts.platform, method)][1]:
                method = "alipay"
            bps = next(b for since, b in fees[method] if since <= at)
            refunded, refunded_at = 0, None
            if refund < FULL_REFUND_RATE + PARTIAL_REFUND_RATE:
                refunded = (
                    amount if refund < FULL_REFUND_RATE else max(1, amount * rng.randint(10, 50) // 100)
                )
                refunded_at = min(at + rng.randrange(600, 6 * 3600), start + DAY_S - 1)
            payments.append(
                Payment(
                    f"p-{facts.store_id}-{day:%Y%m%d}-{len(payments) + 1:04d}",
                    facts.store_id,
                    facts.platform,
                    method,
                    channel,
                    amount,
                    bps,
                    fee_fen(amount, bps),
                    refunded,
                    at,
                    refunded_at,
                )
            )
        return payments

    def _store_ids(self, merchant_id: str, after: str, limit: int) -> list[str]:
        """Store ids in order after ``after``: an index range scan, never the whole list."""
        return [
            r[0]
            for r in self.platform.store.conn.execute(
                "SELECT id FROM entities WHERE merchant_id = ? AND kind = 'store' AND id > ?"
                " ORDER BY id LIMIT ?",
                (merchant_id, after, limit),
            )
        ]

    def _stores_from(self, merchant_id: str, after: str) -> Iterator[str]:
        while True:
            batch = self._store_ids(merchant_id, after, 64)
            yield from batch
            if len(batch) < 64:
                return
            after = batch[-1]

    def payments_page(self, merchant_id: str, since: str, limit: int) -> dict[str, Any]:
        """Payments after cursor ``since`` (see _parse_cursor), at most ``limit``.

        The cursor is ``YYYYMMDD:store_id:seq`` of the last payment returned; payments are
        ordered by (day, store, seq) and only finished days are served, so it never skips one.
        """
        day, store_after, seq_after = self._parse_cursor(since)
        last = self.last_paid_day()
        out: list[Payment] = []
        cursor = since
        scanned = day <= last
        facts_cache: dict[str, StoreFacts | None] = {}
        while day <= last and len(out) <= limit:
            for store_id in self._stores_from(merchant_id, store_after):
                if store_id not in facts_cache:
                    facts_cache[store_id] = self.store_facts(merchant_id, store_id)
                facts = facts_cache[store_id]
                if facts is None:
                    continue
                for payment in self.day_payments(facts, day):
                    if int(payment.id.rsplit("-", 1)[1]) > seq_after:
                        out.append(payment)
                seq_after = 0
                if len(out) > limit:
                    break
            else:
                day, store_after, seq_after = day + timedelta(days=1), "", 0
                continue
            break
        has_more = len(out) > limit
        out = out[:limit]
        if out:
            p = out[-1]
            cursor = f"{day_of(p.paid_at):%Y%m%d}:{p.store_id}:{p.id.rsplit('-', 1)[1]}"
        elif scanned:  # every finished day read: resume at the start of the next one
            cursor = f"{day:%Y%m%d}::0"
        return {
            "payments": [p.wire() for p in out],
            "next_since": cursor,
            "has_more": has_more,
            "server_time": iso(self.platform.clock.now()),
        }

    def _parse_cursor(self, since: str) -> tuple[date, str, int]:
        """Empty (the start of history), a day ``YYYY-MM-DD`` (its start) or a ``next_since``."""
        if not since:
            return self.first_day(), "", 0
        if len(since) == 10 and since[4] == "-":
            return max(self.first_day(), parse_day(since)), "", 0
        try:
            day_text, store_id, seq = since.split(":")
            day = datetime.strptime(day_text, "%Y%m%d").date()
            return day, _before(store_id), int(seq)
        except ValueError as exc:
            raise PlatformError(400, "BAD_REQUEST", "Unknown payments cursor.") from exc

    # -- settlements --------------------------------------------------------------------------

    def settlements_page(
        self, merchant_id: str, first: date, last: date, after: str, limit: int
    ) -> dict[str, Any]:
        """Settlements of days ``first``…``last`` published by now, ordered by (date, store,
        method), after cursor ``after`` ("" = from the start; else ``YYYYMMDD:store_id:method``)."""
        if last < first:
            raise PlatformError(400, "BAD_REQUEST", "The date range ends before it starts.")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise PlatformError(400, "BAD_REQUEST", f"At most {MAX_RANGE_DAYS} days per request.")
        now = self.platform.clock.now()
        day, store_after, method_after = first, "", ""
        if after:
            try:
                day_text, store_after, method_after = after.split(":")
                day = datetime.strptime(day_text, "%Y%m%d").date()
            except ValueError as exc:
                raise PlatformError(400, "BAD_REQUEST", "Unknown settlements cursor.") from exc
        if day < first:
            day, store_after, method_after = first, "", ""
        first_sim = self.first_day()
        out: list[dict[str, Any]] = []
        while day <= last and len(out) <= limit:
            if day >= first_sim and day_start(day) + SETTLE_AFTER_S <= now:
                faults = self._discrepancies(day)
                for store_id in self._stores_from(merchant_id, _before(store_after)):
                    facts = self.store_facts(merchant_id, store_id)
                    if facts is None:
                        continue
                    for s in self._store_settlements(facts, day, faults, now):
                        if (store_id, s["method"]) > (store_after, method_after):
                            out.append(s)
                    store_after, method_after = "", ""
                    if len(out) > limit:
                        break
            if len(out) > limit:
                break
            day, store_after, method_after = day + timedelta(days=1), "", ""
        has_more = len(out) > limit
        out = out[:limit]
        cursor = after
        if out:
            s = out[-1]
            cursor = f"{date.fromisoformat(s['date']):%Y%m%d}:{s['store_id']}:{s['method']}"
        return {
            "settlements": out,
            "next_after": cursor,
            "has_more": has_more,
            "server_time": iso(now),
        }

    def _store_settlements(
        self, facts: StoreFacts, day: date, faults: dict[tuple[str, str, str], int], now: float
    ) -> list[dict[str, Any]]:
        by_method: dict[str, list[Payment]] = {}
        for payment in self.day_payments(facts, day):
            by_method.setdefault(payment.method, []).append(payment)
        out = []
        for method in sorted(by_method):
            delay = faults.get((facts.store_id, method, "delayed"), 0)
            settled_at = day_start(day) + SETTLE_AFTER_S + delay * DAY_S
            if settled_at > now:
                continue
            covered = by_method[method]
            missing = faults.get((facts.store_id, method, "missing_payment"))
            if missing is not None and covered:
                covered = [p for p in covered if p is not covered[min(missing, len(covered)) - 1]]
            gross = sum(p.amount_fen for p in covered)
            refunds = sum(p.refunded_fen for p in covered)
            fees = sum(p.fee_fen for p in covered) + faults.get((facts.store_id, method, "fee_rounding"), 0)
            out.append(
                {
                    "id": f"s-{facts.store_id}-{method}-{day:%Y%m%d}",
                    "store_id": facts.store_id,
                    "platform": facts.platform,
                    "method": method,
                    "date": day.isoformat(),
                    "count": len(covered),
                    "gross_fen": gross,
                    "refunds_fen": refunds,
                    "fees_fen": fees,
                    "net_fen": gross - refunds - fees,
                    "payment_ids": [p.id for p in covered],
                    "settled_at": iso(settled_at),
                }
            )
        return out

    # -- admin --------------------------------------------------------------------------------

    def _discrepancies(self, day: date) -> dict[tuple[str, str, str], int]:
        rows = self.platform.store.conn.execute(
            "SELECT store_id, method, kind, value FROM sales_discrepancies WHERE date = ?",
            (day.isoformat(),),
        )
        return {(r[0], r[1], r[2]): int(r[3]) for r in rows}

    def add_discrepancy(self, store_id: str, method: str, day: date, kind: str, value: int) -> dict[str, Any]:
        """Make one settlement disagree with its payments: drop payment number ``value`` (1 = the
        day's first of that method), add ``value`` fen of fees, or publish it ``value`` days late."""
        if kind not in DISCREPANCY_KINDS:
            raise PlatformError(
                422, "VALIDATION_ERROR", f"kind must be one of {', '.join(DISCREPANCY_KINDS)}."
            )
        if self.platform.store.owner_of("store", store_id) is None:
            raise PlatformError(404, "NOT_FOUND", f"No store {store_id}.")
        with self.platform.store.tx() as tx:
            tx.conn.execute(
                "INSERT INTO sales_discrepancies (store_id, method, date, kind, value) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (store_id, method, date, kind) DO UPDATE SET value = excluded.value",
                (store_id, method, day.isoformat(), kind, value),
            )
        return self.discrepancies()

    def discrepancies(self) -> dict[str, Any]:
        rows = self.platform.store.conn.execute(
            "SELECT store_id, method, date, kind, value FROM sales_discrepancies ORDER BY date, store_id"
        )
        keys = ("store_id", "method", "date", "kind", "value")
        return {"discrepancies": [dict(zip(keys, r, strict=True)) for r in rows]}

    def clear_discrepancies(self) -> dict[str, Any]:
        with self.platform.store.tx() as tx:
            tx.conn.execute("DELETE FROM sales_discrepancies")
        return {"discrepancies": []}

    def add_fee_change(self, platform: str, method: str, fee_bps: int, effective_at: float) -> dict[str, Any]:
        """An announced fee rate: payments from ``effective_at`` on pay it."""
        self._fees.clear()
        with self.platform.store.tx() as tx:
            tx.conn.execute(
                "INSERT INTO sales_fee_changes (platform, method, effective_at, fee_bps) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (platform, method, effective_at) DO UPDATE SET fee_bps = excluded.fee_bps",
                (platform, method, int(effective_at), fee_bps),
            )
        return self.fee_changes()

    def fee_changes(self) -> dict[str, Any]:
        rows = self.platform.store.conn.execute(
            "SELECT platform, method, effective_at, fee_bps FROM sales_fee_changes ORDER BY effective_at"
        )
        return {
            "fee_changes": [
                {"platform": r[0], "method": r[1], "effective_at": iso(r[2]), "fee_bps": int(r[3])}
                for r in rows
            ]
        }


def _before(store_id: str) -> str:
    """The largest id sorting just before ``store_id``, so ``id > _before(x)`` includes x."""
    return store_id[:-1] + chr(ord(store_id[-1]) - 1) + "\uffff" if store_id else ""


__all__ = ["CHANNELS", "DISCREPANCY_KINDS", "Payment", "Sales"]

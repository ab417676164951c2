"""Each day's settlement from each wallet against the payments synced for it: matched, or
mismatched with every difference explained. Pure Python, integer fen.

Why two steps: a 10,000-store merchant has about 1.8 million settlements in 90 days and tens of
millions of payments. :func:`totals_agree` compares a settlement with the payments' totals (one
SQL ``GROUP BY`` away) and settles almost every day at once; only the few that disagree are
worth loading payment by payment for :func:`reconcile_day`, which names the missing payment or
the fee difference. The words for each difference live in ``console.words.sales``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

#: A settlement for day D is due at D+1 02:00 UTC (T+1, docs/platform-api.md).
SETTLEMENT_DUE_AFTER = timedelta(days=1, hours=2)
#: How late a settlement may arrive before it is called late.
DEFAULT_GRACE = timedelta(hours=6)


class Difference(StrEnum):
    """Why a settlement and its payments disagree."""

    MISSING_PAYMENT = "missing_payment"  # a synced payment the settlement does not cover
    UNKNOWN_PAYMENT = "unknown_payment"  # the settlement covers a payment we never received
    AMOUNT_DIFFERENCE = "amount_difference"  # gross or refunds differ for the same payments
    FEE_DIFFERENCE = "fee_difference"  # fees differ for the same payments (rounding, rate)
    LATE_SETTLEMENT = "late_settlement"  # settled after it was due (plus grace)
    NOT_SETTLED = "not_settled"  # due, with payments, and no settlement yet


class Key(NamedTuple):
    store_id: str
    method: str
    day: date


class PaymentTotals(NamedTuple):
    payments: int
    gross_fen: int
    refunds_fen: int
    fees_fen: int


@dataclass(frozen=True, slots=True)
class SettlementFacts:
    """A settlement as synced from the platform."""

    store_id: str
    method: str
    day: date
    count: int
    gross_fen: int
    refunds_fen: int
    fees_fen: int
    net_fen: int
    payment_ids: tuple[str, ...]
    settled_at: datetime

    @property
    def key(self) -> Key:
        return Key(self.store_id, self.method, self.day)

    @property
    def totals(self) -> PaymentTotals:
        return PaymentTotals(self.count, self.gross_fen, self.refunds_fen, self.fees_fen)


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    id: str
    store_id: str
    method: str
    day: date  # the settlement date it belongs to
    amount_fen: int
    refunded_fen: int
    fee_fen: int

    @property
    def key(self) -> Key:
        return Key(self.store_id, self.method, self.day)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One difference. ``delta_fen`` is settlement minus payments (0 for lateness);
    ``payment_ids`` names the payments concerned; ``late_by`` says how late."""

    kind: Difference
    delta_fen: int = 0
    payment_ids: tuple[str, ...] = ()
    late_by: timedelta | None = None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    key: Key
    settlement: SettlementFacts | None
    expected: PaymentTotals  # from the synced payments
    mismatches: tuple[Mismatch, ...]

    @property
    def matched(self) -> bool:
        return not self.mismatches


@lru_cache(maxsize=1024)
def due_at(day: date) -> datetime:
    """When the settlement of ``day`` is due (cached: a bulk check asks for the same few days)."""
    return datetime.combine(day, time(), UTC) + SETTLEMENT_DUE_AFTER


def totals_agree(
    settlement: SettlementFacts, payments: PaymentTotals, *, grace: timedelta = DEFAULT_GRACE
) -> bool:
    """The quick test: same totals and on time. True means matched without loading payments."""
    return (
        settlement.count == payments.payments
        and settlement.gross_fen == payments.gross_fen
        and settlement.refunds_fen == payments.refunds_fen
        and settlement.fees_fen == payments.fees_fen
        and settlement.settled_at - due_at(settlement.day) <= grace
    )


def _late(settlement: SettlementFacts, grace: timedelta) -> timedelta | None:
    """How long after it was due the settlement came, when that is more than ``grace``."""
    late = settlement.settled_at - due_at(settlement.day)
    return late if late > grace else None


def reconcile_day(
    key: Key,
    settlement: SettlementFacts | None,
    payments: Sequence[PaymentFacts],
    *,
    now: datetime,
    grace: timedelta = DEFAULT_GRACE,
) -> Reconciliation | None:
    """One store, method and day. None when there is nothing to say yet (no settlement and not
    yet due, or no payments and no settlement)."""
    expected = PaymentTotals(
        len(payments),
        sum(p.amount_fen for p in payments),
        sum(p.refunded_fen for p in payments),
        sum(p.fee_fen for p in payments),
    )
    if settlement is None:
        if not payments or now < due_at(key.day) + grace:
            return None
        return Reconciliation(
            key,
            None,
            expected,
            (Mismatch(Difference.NOT_SETTLED, -expected.gross_fen, tuple(p.id for p in payments)),),
        )
    mismatches: list[Mismatch] = []
    by_id = {p.id: p for p in payments}
    covered = set(settlement.payment_ids)
    missing = [p for p in payments if p.id not in covered]
    unknown = tuple(pid for pid in settlement.payment_ids if pid not in by_id)
    if missing:
        mismatches.append(
            Mismatch(
                Difference.MISSING_PAYMENT, -sum(p.amount_fen for p in missing), tuple(p.id for p in missing)
            )
        )
    if unknown:
        mismatches.append(Mismatch(Difference.UNKNOWN_PAYMENT, 0, unknown))
    else:
        # The settlement's own payments, as we know them: what is left over is a true difference.
        mine = [by_id[pid] for pid in settlement.payment_ids]
        gross_delta = settlement.gross_fen - sum(p.amount_fen for p in mine)
        refund_delta = settlement.refunds_fen - sum(p.refunded_fen for p in mine)
        fee_delta = settlement.fees_fen - sum(p.fee_fen for p in mine)
        if gross_delta or refund_delta:
            mismatches.append(Mismatch(Difference.AMOUNT_DIFFERENCE, gross_delta - refund_delta))
        if fee_delta:
            mismatches.append(Mismatch(Difference.FEE_DIFFERENCE, fee_delta))
    late = _late(settlement, grace)
    if late is not None:
        mismatches.append(Mismatch(Difference.LATE_SETTLEMENT, late_by=late))
    return Reconciliation(key, settlement, expected, tuple(mismatches))


def reconcile(
    settlements: Iterable[SettlementFacts],
    payments: Iterable[PaymentFacts],
    *,
    first: date,
    last: date,
    now: datetime,
    grace: timedelta = DEFAULT_GRACE,
) -> list[Reconciliation]:
    """Every store, method and day of ``first``…``last`` that has a settlement or payments,
    in (day, store, method) order. For a period's worth held in memory; the app's bulk path
    filters with :func:`totals_agree` first."""
    if last < first:
        raise ValueError("the period ends before it starts")
    by_key: dict[Key, list[PaymentFacts]] = {}
    for p in payments:
        if first <= p.day <= last:
            by_key.setdefault(p.key, []).append(p)
    settled = {s.key: s for s in settlements if first <= s.day <= last}
    out = []
    for key in sorted(by_key.keys() | settled.keys(), key=lambda k: (k.day, k.store_id, k.method)):
        result = reconcile_day(key, settled.get(key), by_key.get(key, ()), now=now, grace=grace)
        if result is not None:
            out.append(result)
    return out


__all__ = [
    "DEFAULT_GRACE",
    "Difference",
    "Key",
    "Mismatch",
    "PaymentFacts",
    "PaymentTotals",
    "Reconciliation",
    "SettlementFacts",
    "due_at",
    "reconcile",
    "reconcile_day",
    "totals_agree",
]

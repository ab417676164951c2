"""Sales by payment method: daily gross, WeChat Pay's share since go-live, fees against the
other method, and before/after windows around the go-live date. Pure Python, integer fen.

Why a cube: the Sales page re-aggregates on every filter change (platform, channel, period) over
10,000 stores × 90 days, which is millions of store-day rows, far too many to walk in Python
within a frame. The questions asked never need the store itself, only the platform, method,
channel, day and *when the store went live* (its cohort), so :class:`SalesCube` keeps one
series per (platform, method, channel, cohort) with one slot per day. A filter change then
sums a few hundred short lists. Rows may come per store or already grouped by cohort in SQL
(``GROUP BY platform, method, channel, go_live, day``): the cube is the same. A single store's
card is a cube built from that store's rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from operator import add
from typing import Any, NamedTuple

from console.core.model import Method, Platform
from console.core.money import fee_fen

MEASURES = 4  # count, gross, refunds, fees


class Channel(StrEnum):
    """Where the shopper paid (the wire values of the payments feed)."""

    MOBILE_APP = "mobile_app"
    PC_WEB = "pc_web"
    WECHAT_MINI_PROGRAM = "wechat_mini_program"
    ALIPAY_MINI_PROGRAM = "alipay_mini_program"


class DailyAggregate(NamedTuple):
    """Payments of one day, platform, method and channel, for stores that went live on
    ``go_live`` (None: stores where WeChat Pay is not live). A tuple so SQL rows fit as they are."""

    day: date
    platform: str
    method: str
    channel: str
    go_live: date | None
    payments: int
    gross_fen: int
    refunds_fen: int
    fees_fen: int


@dataclass(frozen=True, slots=True)
class Totals:
    count: int = 0
    gross_fen: int = 0
    refunds_fen: int = 0
    fees_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.refunds_fen - self.fees_fen


@dataclass(frozen=True, slots=True)
class SalesFilter:
    """What the Sales page shows: a period (inclusive) and optionally some platforms/channels."""

    first: date
    last: date
    platforms: frozenset[Platform] | None = None
    channels: frozenset[Channel] | None = None

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("the period ends before it starts")


@dataclass(frozen=True, slots=True)
class DayGross:
    day: date
    by_method: Mapping[Method, int]


@dataclass(frozen=True, slots=True)
class ShareSinceGoLive:
    """Sales of live stores from each one's go-live day on (inside the period)."""

    wechat: Totals
    all: Totals

    @property
    def share(self) -> float | None:
        """WeChat Pay's fraction of gross, or None when nothing sold."""
        return self.wechat.gross_fen / self.all.gross_fen if self.all.gross_fen else None


@dataclass(frozen=True, slots=True)
class FeeComparison:
    """Fees paid on one method's payments against the other method's rate for the same payments
    (rates of each day; the estimate rounds per day and group, not per payment)."""

    method: Method
    gross_fen: int
    fees_paid_fen: int
    fees_if_other_fen: int

    @property
    def saved_fen(self) -> int:
        """Positive when this method was the cheaper one."""
        return self.fees_if_other_fen - self.fees_paid_fen


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """Equal windows of ``days`` days before and after each go-live day (the day itself is in
    neither); only stores whose two windows both lie inside the period count."""

    days: int
    before: Mapping[Method, Totals]
    after: Mapping[Method, Totals]
    cohorts: int  # distinct go-live days that fit

    def gross(self, side: Mapping[Method, Totals]) -> int:
        return sum(t.gross_fen for t in side.values())


@dataclass
class FeeSchedule:
    """Fee rates in force per day: the method terms, then announced changes from their date."""

    base_bps: Mapping[tuple[Platform, Method], int]
    changes: Sequence[tuple[Platform, Method, date, int]] = field(default_factory=tuple)

    def bps(self, platform: Platform, method: Method, day: date) -> int:
        rate = self.base_bps[(platform, method)]
        for p, m, effective, bps in sorted(self.changes, key=lambda c: c[2]):
            if p == platform and m == method and effective <= day:
                rate = bps
        return rate

    def daily(self, platform: Platform, method: Method, first: date, days: int) -> list[int]:
        """The rate of each of ``days`` days from ``first``: one lookup per day, not per row."""
        return [self.bps(platform, method, first + timedelta(days=i)) for i in range(days)]


_Key = tuple[Platform, Method, Channel, int | None]  # cohort: go-live day index, None = not live


class SalesCube:
    """Daily measures per (platform, method, channel, cohort) over ``first``…``last``."""

    def __init__(self, first: date, last: date) -> None:
        if last < first:
            raise ValueError("the period ends before it starts")
        self.first, self.last = first, last
        self.days = (last - first).days + 1
        # key -> [counts, gross, refunds, fees], each one int per day
        self._series: dict[_Key, list[list[int]]] = {}
        # the same summed over cohorts (cohort None), for questions that do not need go-live
        self._merged: dict[_Key, list[list[int]]] | None = None

    @classmethod
    def build(cls, rows: Iterable[tuple[Any, ...]], first: date, last: date) -> SalesCube:
        """A cube from rows (DailyAggregate or plain tuples in its field order); rows outside
        the period are ignored, rows of the same key and day add up."""
        cube = cls(first, last)
        cube.add(rows)
        return cube

    def add(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self._merged = None
        series, first, days = self._series, self.first, self.days
        keys: dict[tuple[Any, ...], _Key] = {}
        for day, platform, method, channel, go_live, payments, gross, refunds, fees in rows:
            index = (day - first).days
            if not 0 <= index < days:
                continue
            raw = (platform, method, channel, go_live)
            key = keys.get(raw)
            if key is None:
                cohort = None if go_live is None else (go_live - first).days
                key = keys[raw] = (Platform(platform), Method(method), Channel(channel), cohort)
            slots = series.get(key)
            if slots is None:
                slots = series[key] = [[0] * days for _ in range(MEASURES)]
            slots[0][index] += payments
            slots[1][index] += gross
            slots[2][index] += refunds
            slots[3][index] += fees

    # -- queries ------------------------------------------------------------------------------

    def _window(self, flt: SalesFilter) -> tuple[int, int]:
        lo = max(0, (flt.first - self.first).days)
        hi = min(self.days, (flt.last - self.first).days + 1)
        return lo, max(lo, hi)

    def _by_cohort(self, flt: SalesFilter) -> Iterable[tuple[_Key, list[list[int]]]]:
        return self._selected(self._series, flt)

    def _by_channel(self, flt: SalesFilter) -> Iterable[tuple[_Key, list[list[int]]]]:
        if self._merged is None:
            merged: dict[_Key, list[list[int]]] = {}
            for (platform, method, channel, _), slots in self._series.items():
                into = merged.get((platform, method, channel, None))
                if into is None:
                    merged[(platform, method, channel, None)] = [list(m) for m in slots]
                else:
                    for n in range(MEASURES):
                        into[n][:] = map(add, into[n], slots[n])
            self._merged = merged
        return self._selected(self._merged, flt)

    @staticmethod
    def _selected(
        series: dict[_Key, list[list[int]]], flt: SalesFilter
    ) -> Iterable[tuple[_Key, list[list[int]]]]:
        for key, slots in series.items():
            if flt.platforms is not None and key[0] not in flt.platforms:
                continue
            if flt.channels is not None and key[2] not in flt.channels:
                continue
            yield key, slots

    def daily_gross(self, flt: SalesFilter) -> list[DayGross]:
        """Gross per day and method, every day of the period (zero where nothing sold)."""
        lo, hi = self._window(flt)
        sums = {m: [0] * (hi - lo) for m in Method}
        for (_, method, _, _), slots in self._by_channel(flt):
            sums[method] = list(map(add, sums[method], slots[1][lo:hi]))
        return [
            DayGross(self.first + timedelta(days=lo + i), {m: sums[m][i] for m in Method})
            for i in range(hi - lo)
        ]

    def totals(self, flt: SalesFilter) -> dict[Method, Totals]:
        lo, hi = self._window(flt)
        acc = {m: [0] * MEASURES for m in Method}
        for (_, method, _, _), slots in self._by_channel(flt):
            a = acc[method]
            for n in range(MEASURES):
                a[n] += sum(slots[n][lo:hi])
        return {m: Totals(*acc[m]) for m in Method}

    def share_since_go_live(self, flt: SalesFilter) -> ShareSinceGoLive:
        """WeChat Pay against all payments of live stores, each from its own go-live day."""
        lo, hi = self._window(flt)
        wechat, every = [0] * MEASURES, [0] * MEASURES
        for (_, method, _, cohort), slots in self._by_cohort(flt):
            if cohort is None:
                continue
            start = max(lo, cohort)
            if start >= hi:
                continue
            for n in range(MEASURES):
                value = sum(slots[n][start:hi])
                every[n] += value
                if method is Method.WECHAT_PAY:
                    wechat[n] += value
        return ShareSinceGoLive(Totals(*wechat), Totals(*every))

    def fee_comparison(self, flt: SalesFilter, schedule: FeeSchedule) -> list[FeeComparison]:
        """Per method: fees paid, and what the same gross would have cost with the other method."""
        lo, hi = self._window(flt)
        start = self.first + timedelta(days=lo)
        rates: dict[tuple[Platform, Method], list[int]] = {}
        gross_by = dict.fromkeys(Method, 0)
        paid_by = dict.fromkeys(Method, 0)
        other_by = dict.fromkeys(Method, 0)
        for (platform, method, _, _), slots in self._by_channel(flt):
            other = Method.ALIPAY if method is Method.WECHAT_PAY else Method.WECHAT_PAY
            if (platform, other) not in rates:
                rates[(platform, other)] = schedule.daily(platform, other, start, hi - lo)
            other_rates = rates[(platform, other)]
            gross = slots[1][lo:hi]
            gross_by[method] += sum(gross)
            paid_by[method] += sum(slots[3][lo:hi])
            other_by[method] += sum(fee_fen(g, r) for g, r in zip(gross, other_rates, strict=True) if g)
        return [FeeComparison(m, gross_by[m], paid_by[m], other_by[m]) for m in Method]

    def before_after(self, flt: SalesFilter, days: int) -> BeforeAfter:
        """Totals per method over ``days`` days before and after each cohort's go-live day."""
        if days <= 0:
            raise ValueError("the window must be at least one day")
        lo, hi = self._window(flt)
        before = {m: [0] * MEASURES for m in Method}
        after = {m: [0] * MEASURES for m in Method}
        cohorts: set[int] = set()
        for (_, method, _, cohort), slots in self._by_cohort(flt):
            if cohort is None or cohort - days < lo or cohort + days >= hi:
                continue
            cohorts.add(cohort)
            for n in range(MEASURES):
                before[method][n] += sum(slots[n][cohort - days : cohort])
                after[method][n] += sum(slots[n][cohort + 1 : cohort + 1 + days])
        return BeforeAfter(
            days,
            {m: Totals(*before[m]) for m in Method},
            {m: Totals(*after[m]) for m in Method},
            len(cohorts),
        )


__all__ = [
    "BeforeAfter",
    "Channel",
    "DailyAggregate",
    "DayGross",
    "FeeComparison",
    "FeeSchedule",
    "SalesCube",
    "SalesFilter",
    "ShareSinceGoLive",
    "Totals",
]

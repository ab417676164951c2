"""The Sales page's numbers (console/core/sales.py): what a merchant reads off the chart and the
tables, computed from daily aggregates, per store or grouped by go-live day alike."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from console.core.model import Method, Platform
from console.core.money import fee_fen
from console.core.sales import (
    Channel,
    DailyAggregate,
    FeeSchedule,
    SalesCube,
    SalesFilter,
    Totals,
)

FIRST = date(2026, 11, 1)
LAST = date(2026, 11, 30)
GO_LIVE = date(2026, 11, 16)


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


def store_rows(platform: str, go_live: date | None, *, alipay: int, wechat: int) -> list[DailyAggregate]:
    """One store over November: ``alipay`` fen a day on the app; from go-live also ``wechat`` fen
    a day through the WeChat mini program and Alipay loses a quarter of its app sales."""
    rows = []
    for n in range(30):
        d = day(n)
        live = go_live is not None and d >= go_live
        a = alipay * 3 // 4 if live else alipay
        rows.append(DailyAggregate(d, platform, "alipay", "mobile_app", go_live, 2, a, 0, fee_fen(a, 60)))
        if live:
            rows.append(
                DailyAggregate(
                    d,
                    platform,
                    "wechat_pay",
                    "wechat_mini_program",
                    go_live,
                    1,
                    wechat,
                    100,
                    fee_fen(wechat, 60),
                )
            )
    return rows


@pytest.fixture
def cube() -> SalesCube:
    rows = store_rows("taobao", GO_LIVE, alipay=10_000, wechat=5_000)
    rows += store_rows("tmall", None, alipay=20_000, wechat=0)
    return SalesCube.build(rows, FIRST, LAST)


def test_daily_gross_by_method_covers_every_day_of_the_period(cube: SalesCube) -> None:
    days = cube.daily_gross(SalesFilter(FIRST, LAST))
    assert [d.day for d in days] == [day(n) for n in range(30)]
    assert days[0].by_method == {Method.ALIPAY: 30_000, Method.WECHAT_PAY: 0}
    assert days[15].by_method == {Method.ALIPAY: 27_500, Method.WECHAT_PAY: 5_000}


def test_filters_by_platform_channel_and_period(cube: SalesCube) -> None:
    tmall = cube.totals(SalesFilter(FIRST, LAST, platforms=frozenset({Platform.TMALL})))
    assert tmall[Method.ALIPAY].gross_fen == 30 * 20_000 and tmall[Method.WECHAT_PAY] == Totals()
    mini = cube.totals(SalesFilter(day(20), day(21), channels=frozenset({Channel.WECHAT_MINI_PROGRAM})))
    assert mini[Method.WECHAT_PAY] == Totals(2, 10_000, 200, 2 * fee_fen(5_000, 60))
    assert mini[Method.ALIPAY] == Totals()
    # A period reaching beyond the data is clipped, not an error.
    wide = cube.daily_gross(SalesFilter(FIRST - timedelta(days=5), LAST + timedelta(days=5)))
    assert len(wide) == 30


def test_wechat_share_counts_each_store_only_from_its_go_live_day(cube: SalesCube) -> None:
    since = cube.share_since_go_live(SalesFilter(FIRST, LAST))
    assert since.wechat.gross_fen == 15 * 5_000
    assert since.all.gross_fen == 15 * (5_000 + 7_500)  # the tmall store never went live: left out
    assert since.share == pytest.approx(0.4)
    later = cube.share_since_go_live(SalesFilter(day(25), LAST))
    assert later.wechat.count == 5
    assert cube.share_since_go_live(SalesFilter(FIRST, day(14))).share is None


def test_fees_against_the_other_method_use_each_days_rate(cube: SalesCube) -> None:
    # Tmall WeChat Pay is dearer; Taobao Alipay gets cheaper from the 20th (an announced change).
    schedule = FeeSchedule(
        {
            (Platform.TAOBAO, Method.ALIPAY): 60,
            (Platform.TAOBAO, Method.WECHAT_PAY): 60,
            (Platform.TMALL, Method.ALIPAY): 55,
            (Platform.TMALL, Method.WECHAT_PAY): 80,
        },
        [(Platform.TAOBAO, Method.ALIPAY, day(19), 38)],
    )
    by_method = {c.method: c for c in cube.fee_comparison(SalesFilter(FIRST, LAST), schedule)}
    wechat = by_method[Method.WECHAT_PAY]
    assert wechat.gross_fen == 15 * 5_000
    assert wechat.fees_paid_fen == 15 * fee_fen(5_000, 60)
    assert wechat.fees_if_other_fen == 4 * fee_fen(5_000, 60) + 11 * fee_fen(5_000, 38)
    assert wechat.saved_fen < 0  # Alipay would have been cheaper for these payments
    alipay = by_method[Method.ALIPAY]
    assert alipay.fees_if_other_fen == 15 * fee_fen(10_000, 60) + 15 * fee_fen(7_500, 60) + 30 * fee_fen(
        20_000, 80
    )


def test_before_and_after_use_equal_windows_around_the_go_live_day(cube: SalesCube) -> None:
    result = cube.before_after(SalesFilter(FIRST, LAST), days=7)
    assert result.cohorts == 1
    assert result.before[Method.ALIPAY].gross_fen == 7 * 10_000
    assert result.before[Method.WECHAT_PAY] == Totals()
    assert result.after[Method.ALIPAY].gross_fen == 7 * 7_500
    assert result.after[Method.WECHAT_PAY].gross_fen == 7 * 5_000
    assert result.gross(result.after) > result.gross(result.before)
    # Windows that do not fit inside the period leave the store out rather than compare unequal spans.
    assert cube.before_after(SalesFilter(FIRST, LAST), days=16).cohorts == 0
    with pytest.raises(ValueError):
        cube.before_after(SalesFilter(FIRST, LAST), days=0)


def test_grouped_rows_give_the_same_answers_as_per_store_rows() -> None:
    per_store = store_rows("taobao", GO_LIVE, alipay=10_000, wechat=5_000) * 2
    grouped = [
        r._replace(
            payments=r.payments * 2,
            gross_fen=r.gross_fen * 2,
            refunds_fen=r.refunds_fen * 2,
            fees_fen=r.fees_fen * 2,
        )
        for r in store_rows("taobao", GO_LIVE, alipay=10_000, wechat=5_000)
    ]
    flt = SalesFilter(FIRST, LAST)
    a, b = SalesCube.build(per_store, FIRST, LAST), SalesCube.build(grouped, FIRST, LAST)
    assert a.daily_gross(flt) == b.daily_gross(flt)
    assert a.share_since_go_live(flt) == b.share_since_go_live(flt)
    assert a.before_after(flt, 7) == b.before_after(flt, 7)
    # Plain tuples (SQL rows) build the same cube.
    assert SalesCube.build([tuple(r) for r in grouped], FIRST, LAST).totals(flt) == b.totals(flt)


def test_a_reversed_period_is_refused() -> None:
    with pytest.raises(ValueError):
        SalesFilter(LAST, FIRST)
    with pytest.raises(ValueError):
        SalesCube(LAST, FIRST)


def test_net_is_gross_less_refunds_and_fees() -> None:
    assert Totals(3, 10_000, 1_000, 60).net_fen == 8_940

"""Reconciliation (console/core/reconcile.py): a settlement that matches its payments says so;
one that does not names the difference a merchant's accountant has to chase."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from console.core.reconcile import (
    Difference,
    Key,
    PaymentFacts,
    PaymentTotals,
    SettlementFacts,
    due_at,
    reconcile,
    reconcile_day,
    totals_agree,
)

DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KEY = Key("tb-000001", "alipay", DAY)


def pay(n: int, amount: int, refunded: int = 0, method: str = "alipay", day: date = DAY) -> PaymentFacts:
    return PaymentFacts(f"p-{n}", "tb-000001", method, day, amount, refunded, (amount * 60 + 5000) // 10000)


PAYMENTS = [pay(1, 10_000), pay(2, 2_550, refunded=1_000), pay(3, 88_800)]


def settle(
    payments: list[PaymentFacts], *, fee_delta: int = 0, late: timedelta = timedelta(0)
) -> SettlementFacts:
    gross = sum(p.amount_fen for p in payments)
    refunds = sum(p.refunded_fen for p in payments)
    fees = sum(p.fee_fen for p in payments) + fee_delta
    return SettlementFacts(
        "tb-000001",
        "alipay",
        DAY,
        len(payments),
        gross,
        refunds,
        fees,
        gross - refunds - fees,
        tuple(p.id for p in payments),
        due_at(DAY) + late,
    )


def test_a_settlement_covering_every_payment_on_time_matches() -> None:
    result = reconcile_day(KEY, settle(PAYMENTS), PAYMENTS, now=NOW)
    assert result is not None and result.matched
    assert result.expected == PaymentTotals(3, 101_350, 1_000, 60 + 15 + 533)
    assert totals_agree(settle(PAYMENTS), result.expected)


def test_a_payment_left_out_is_named() -> None:
    result = reconcile_day(KEY, settle(PAYMENTS[:2]), PAYMENTS, now=NOW)
    assert result is not None and not result.matched
    (mismatch,) = result.mismatches
    assert mismatch.kind is Difference.MISSING_PAYMENT
    assert mismatch.payment_ids == ("p-3",)
    assert mismatch.delta_fen == -88_800
    assert not totals_agree(settle(PAYMENTS[:2]), result.expected)


def test_a_fee_rounded_differently_is_a_fee_difference_of_that_many_fen() -> None:
    result = reconcile_day(KEY, settle(PAYMENTS, fee_delta=1), PAYMENTS, now=NOW)
    assert result is not None
    assert [(m.kind, m.delta_fen) for m in result.mismatches] == [(Difference.FEE_DIFFERENCE, 1)]


def test_a_settlement_we_have_no_payment_for_is_unknown_not_a_fee_difference() -> None:
    extra = pay(9, 5_000)
    result = reconcile_day(KEY, settle([*PAYMENTS, extra]), PAYMENTS, now=NOW)
    assert result is not None
    assert [(m.kind, m.payment_ids) for m in result.mismatches] == [(Difference.UNKNOWN_PAYMENT, ("p-9",))]


def test_late_and_missing_settlements() -> None:
    late = reconcile_day(KEY, settle(PAYMENTS, late=timedelta(days=2)), PAYMENTS, now=NOW)
    assert late is not None
    assert [(m.kind, m.late_by) for m in late.mismatches] == [(Difference.LATE_SETTLEMENT, timedelta(days=2))]
    slightly = reconcile_day(KEY, settle(PAYMENTS, late=timedelta(hours=1)), PAYMENTS, now=NOW)
    assert slightly is not None and slightly.matched  # within the grace period
    overdue = reconcile_day(KEY, None, PAYMENTS, now=NOW)
    assert overdue is not None
    assert [m.kind for m in overdue.mismatches] == [Difference.NOT_SETTLED]
    assert overdue.mismatches[0].payment_ids == ("p-1", "p-2", "p-3")
    # Not due yet: nothing to say.
    assert reconcile_day(KEY, None, PAYMENTS, now=due_at(DAY) - timedelta(hours=1)) is None


def test_a_period_is_reconciled_per_store_method_and_day_in_order() -> None:
    wechat = [pay(20, 3_000, method="wechat_pay")]
    next_day = [pay(30, 4_000, day=DAY + timedelta(days=1))]
    settlements = [settle(PAYMENTS)]
    results = reconcile(
        settlements, [*PAYMENTS, *wechat, *next_day], first=DAY, last=DAY + timedelta(days=1), now=NOW
    )
    assert [(r.key.day, r.key.method, r.matched) for r in results] == [
        (DAY, "alipay", True),
        (DAY, "wechat_pay", False),
        (DAY + timedelta(days=1), "alipay", False),
    ]
    assert all(r.mismatches[0].kind is Difference.NOT_SETTLED for r in results[1:])
    with pytest.raises(ValueError):
        reconcile([], [], first=DAY, last=DAY - timedelta(days=1), now=NOW)


def test_every_difference_is_explained_in_both_languages() -> None:
    from console.core.reconcile import Mismatch
    from console.words import sales as words

    missing = reconcile_day(KEY, settle(PAYMENTS[:2]), PAYMENTS, now=NOW)
    assert missing is not None
    assert words.explain(missing.mismatches[0], "zh_CN") == "结算漏掉了付款 p-3（¥888.00）。"
    assert words.explain(missing.mismatches[0], "en") == "The settlement leaves out p-3 (¥888.00)."
    assert words.status_word(missing, "zh_CN") == "不符"
    fee = Mismatch(Difference.FEE_DIFFERENCE, 1)
    assert "¥0.01" in words.explain(fee, "en") and "多" in words.explain(fee, "zh_CN")
    for kind in Difference:
        zh, en = words.difference_name(kind, "zh_CN"), words.difference_name(kind, "en")
        assert zh and en and zh != en
        sample = Mismatch(kind, -500, ("p-1", "p-2", "p-3", "p-4"), timedelta(hours=30))
        assert words.explain(sample, "zh_CN") != words.explain(sample, "en")
    assert "and 1 more" in words.explain(Mismatch(Difference.MISSING_PAYMENT, -1, ("a", "b", "c", "d")), "en")
    assert len(words.column_titles("zh_CN")) == len(words.column_titles("en")) == len(words.COLUMNS)

"""Reconciliation through the tables' list of keys to check gives the answers of the plain,
all-in-memory ``console.core.reconcile.reconcile`` over the same payments and settlements, for
every kind of difference; and a key that matched is not loaded again until something lands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.core.reconcile import Difference, PaymentFacts, SettlementFacts, reconcile
from console.core.timeutil import parse_ts
from console.sales_service import SalesService
from console.storage import sales as tables
from console.storage.db import open_database, transaction
from tests.helpers.sales import DAYS, FIRST, make_payments, settle

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # every day of the helpers' period is due
LAST = FIRST + timedelta(days=DAYS - 1)


def faulty() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The helpers' payments with one of each fault; the last day is never settled."""
    payments = make_payments()
    settlements = settle(payments, through=LAST - timedelta(days=1))
    by_key = {(s["date"], s["store_id"], s["method"]): s for s in settlements}
    fee = by_key[("2026-11-20", "tb-3", "wechat_pay")]
    fee["fees_fen"] += 1
    left_out = by_key[("2026-11-12", "tb-1", "alipay")]
    gone = left_out["payment_ids"].pop(0)  # one without a refund
    amount = next(p["amount_fen"] for p in payments if p["id"] == gone)
    left_out["count"] -= 1
    left_out["gross_fen"] -= amount
    by_key[("2026-11-14", "tb-3", "alipay")]["settled_at"] = "2026-11-16T09:00:00Z"  # late
    unknown = by_key[("2026-11-15", "tb-1", "alipay")]
    unknown["payment_ids"].append("p-never-seen")
    unknown["count"] += 1
    unknown["gross_fen"] += 500
    return payments, settlements


def facts(payments: list[dict[str, Any]], settlements: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    pf = [
        PaymentFacts(
            p["id"],
            p["store_id"],
            p["method"],
            date.fromisoformat(p["settlement_date"]),
            p["amount_fen"],
            p["refunded_fen"],
            p["fee_fen"],
        )
        for p in payments
    ]
    sf = [
        SettlementFacts(
            s["store_id"],
            s["method"],
            date.fromisoformat(s["date"]),
            s["count"],
            s["gross_fen"],
            s["refunds_fen"],
            s["fees_fen"],
            s["net_fen"],
            tuple(s["payment_ids"]),
            parse_ts(s["settled_at"]),
        )
        for s in settlements
    ]
    return pf, sf


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "sales.db")
    yield database
    database.close()


def test_the_quick_path_finds_what_the_plain_one_finds(db) -> None:
    payments, settlements = faulty()
    with transaction(db.conn):
        tables.apply_payments(db.conn, payments, keep_from=None)
        tables.apply_settlements(db.conn, settlements)
    report = SalesService(db, clock=lambda: NOW).reconcile(FIRST, LAST)
    plain = reconcile(*reversed(facts(payments, settlements)), first=FIRST, last=LAST, now=NOW)
    assert [(r.key, r.mismatches) for r in report.mismatched] == [
        (r.key, r.mismatches) for r in plain if not r.matched
    ]
    assert report.checked == len(plain)
    kinds = {m.kind for r in report.mismatched for m in r.mismatches}
    assert kinds == {
        Difference.FEE_DIFFERENCE,
        Difference.MISSING_PAYMENT,
        Difference.LATE_SETTLEMENT,
        Difference.UNKNOWN_PAYMENT,
        Difference.NOT_SETTLED,
    }


def test_a_matched_day_is_not_loaded_again_until_its_settlement_is_published_again(db) -> None:
    payments = make_payments()
    settlements = settle(payments, through=LAST)
    with transaction(db.conn):
        tables.apply_payments(db.conn, payments, keep_from=None)
        tables.apply_settlements(db.conn, settlements)
    service = SalesService(db, clock=lambda: NOW)
    assert tables.to_check(db.conn, FIRST, LAST) == []  # the totals agreed as the pages landed
    assert service.reconcile(FIRST, LAST).mismatched == []
    restated = dict(settlements[3], fees_fen=settlements[3]["fees_fen"] + 2)
    with transaction(db.conn):
        tables.apply_settlements(db.conn, [restated])
    key = (restated["store_id"], restated["method"], date.fromisoformat(restated["date"]))
    assert tables.to_check(db.conn, FIRST, LAST) == [key]
    [bad] = service.reconcile(FIRST, LAST).mismatched
    assert bad.mismatches[0].kind is Difference.FEE_DIFFERENCE and bad.mismatches[0].delta_fen == 2
    with transaction(db.conn):
        tables.apply_settlements(db.conn, [settlements[3]])  # corrected by the platform
    assert service.reconcile(FIRST, LAST).mismatched == []
    assert tables.mismatches(db.conn) == []


def test_a_new_mismatch_is_news_once_in_both_languages(db) -> None:
    from console.storage import news
    from console.words.status import stored_news_text

    payments, settlements = faulty()
    with transaction(db.conn):
        tables.apply_payments(db.conn, payments, keep_from=None)
        tables.apply_settlements(db.conn, settlements)
    service = SalesService(db, clock=lambda: NOW)
    first = service.reconcile(FIRST, LAST)
    again = service.reconcile(FIRST, LAST)
    assert first.new_mismatches and not again.new_mismatches
    items = [n for n in news.rows(db.conn) if n.kind == "settlement_mismatch"]
    assert len(items) == len(first.new_mismatches)  # found twice, told once
    fee = next(n for n in items if n.params["kind"] == "fee_difference")
    assert fee.store_ids == ("tb-3",)
    assert stored_news_text(fee.kind, fee.params, "en").startswith(
        "The WeChat Pay settlement of 2026-11-20 does not match the payments: "
    )
    assert stored_news_text(fee.kind, fee.params, "zh_CN").startswith("2026-11-20 的微信支付结算与付款不符：")

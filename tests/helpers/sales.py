"""Hand-made payments and settlements for tests of the sales tables, service, CLI and pages:
a few stores and days, every number known, written through ``console.storage.sales``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from console.storage import sales as tables
from console.storage.db import open_database, transaction

FIRST = date(2026, 11, 10)
DAYS = 14  # 2026-11-10 … 2026-11-23 (FIXED_NOW is 2026-11-24 02:00: all settled but the last)


def payment(
    store: str, day: date, seq: int, method: str, channel: str, amount: int, **kw: Any
) -> dict[str, Any]:
    bps = 60 if method == "alipay" else 55
    fee = (amount * bps + 5000) // 10000
    return {
        "id": f"p-{store}-{day:%Y%m%d}-{seq:04d}",
        "store_id": store,
        "platform": "tmall" if store.startswith("tm") else "taobao",
        "method": method,
        "channel": channel,
        "amount_fen": amount,
        "fee_bps": bps,
        "fee_fen": fee,
        "refunded_fen": kw.get("refunded", 0),
        "paid_at": f"{day.isoformat()}T10:{seq % 60:02d}:00Z",
        "refunded_at": None,
        "settlement_date": day.isoformat(),
    }


def make_payments(stores: tuple[str, ...] = ("tb-1", "tb-3"), live: str = "tb-3") -> list[dict[str, Any]]:
    """Ten payments a day per store; in the live store, WeChat Pay from the 8th day on."""
    out = []
    for i in range(DAYS):
        day = FIRST + timedelta(days=i)
        for store in stores:
            for seq in range(10):
                wechat = store == live and i >= 7 and seq % 2 == 0
                method = "wechat_pay" if wechat else "alipay"
                channel = "wechat_mini_program" if wechat and seq % 4 == 0 else "mobile_app"
                out.append(
                    payment(store, day, seq, method, channel, 1000 + 100 * seq, refunded=100 * (seq == 9))
                )
    return out


def settle(payments: list[dict[str, Any]], *, through: date) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for p in payments:
        if date.fromisoformat(p["settlement_date"]) <= through:
            groups.setdefault((p["settlement_date"], p["store_id"], p["method"]), []).append(p)
    out = []
    for (day, store, method), ps in sorted(groups.items()):
        gross = sum(p["amount_fen"] for p in ps)
        refunds = sum(p["refunded_fen"] for p in ps)
        fees = sum(p["fee_fen"] for p in ps)
        out.append(
            {
                "id": f"s-{store}-{method}-{day}",
                "store_id": store,
                "platform": ps[0]["platform"],
                "method": method,
                "date": day,
                "count": len(ps),
                "gross_fen": gross,
                "refunds_fen": refunds,
                "fees_fen": fees,
                "net_fen": gross - refunds - fees,
                "payment_ids": [p["id"] for p in ps],
                "settled_at": f"{date.fromisoformat(day) + timedelta(days=1)}T02:00:00Z",
            }
        )
    return out


def fill(database: Path, *, fee_off: tuple[str, str, str] | None = None, go_live: str = "2026-11-17") -> None:
    """Payments and settlements into an existing database; ``fee_off`` = (store, method, day)
    whose settlement charges one fen more; the live store's WeChat Pay went live on ``go_live``."""
    payments = make_payments()
    settlements = settle(payments, through=FIRST + timedelta(days=DAYS - 2))
    for s in settlements:
        if fee_off is not None and (s["store_id"], s["method"], s["date"]) == fee_off:
            s["fees_fen"] += 1
            s["net_fen"] -= 1
    db = open_database(database)
    try:
        with transaction(db.conn):
            tables.apply_payments(db.conn, payments, keep_from=None)
            tables.apply_settlements(db.conn, settlements)
            db.conn.execute(
                "UPDATE methods SET launch_at = ?, enabled = 1"
                " WHERE store_id = 'tb-3' AND method = 'wechat_pay'",
                (f"{go_live}T00:00:00Z",),
            )
    finally:
        db.close()


# -- one payment as the wire carries it, and a payments page around it (fake-platform tests) ----
PAYMENT: dict[str, Any] = {
    "id": "p-1",
    "store_id": "tb-1",
    "platform": "taobao",
    "method": "alipay",
    "channel": "mobile_app",
    "amount_fen": 100,
    "fee_bps": 60,
    "fee_fen": 1,
    "refunded_fen": 0,
    "paid_at": "2026-11-20T10:00:00Z",
    "refunded_at": None,
    "settlement_date": "2026-11-20",
}


def payments_page(**changes: object) -> bytes:
    """A signed-ready payments page body holding PAYMENT; ``changes`` replace its fields."""
    body = {
        "payments": [PAYMENT],
        "next_since": "x",
        "has_more": False,
        "server_time": "2026-11-24T00:00:00Z",
    }
    return json.dumps(body | changes).encode()

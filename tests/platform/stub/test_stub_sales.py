"""The sales feeds of the stub platform (docs/platform-api.md, "Sales"): signed pages that
resume from a cursor, settlements that add up to the payments they cover, WeChat Pay taking a
share once a store goes live, announced fee rates, and the admin's injected discrepancies.

Every response is checked against /openapi.json and for its signature by the ``Api`` helper.
Dates come from the stub's own clock, never from this machine's calendar.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.platform.stub.conftest import Api, Stub

DAY = 86400


def server_day(stub: Stub, days_ago: int = 0) -> date:
    """A UTC date on the stub's clock."""
    return datetime.fromtimestamp(stub.now(), UTC).date() - timedelta(days=days_ago)


def payments_of(api: Api, day: date, limit: int = 1000) -> list[dict[str, Any]]:
    """Every payment of ``day``, read from the feed starting at that day."""
    out: list[dict[str, Any]] = []
    since = day.isoformat()
    while True:
        response = api.get(f"/v1/payments?since={since}&limit={limit}")
        assert response.status_code == 200, response.text
        page = response.json()
        out += [p for p in page["payments"] if p["settlement_date"] == day.isoformat()]
        since = page["next_since"]
        if not page["has_more"] or (page["payments"] and page["payments"][-1]["settlement_date"] > str(day)):
            return out


def settlements_of(api: Api, day: date) -> list[dict[str, Any]]:
    response = api.get(f"/v1/settlements?date={day.isoformat()}&limit=1000")
    assert response.status_code == 200, response.text
    page = response.json()
    assert not page["has_more"]
    return page["settlements"]


def test_pages_resume_from_the_cursor_without_gaps_or_repeats(stub: Stub) -> None:
    api = stub.merchant(3)
    whole = api.get("/v1/payments?limit=120").json()
    assert whole["has_more"] and len(whole["payments"]) == 120
    pieces: list[dict[str, Any]] = []
    since = ""
    for _ in range(4):
        page = api.get(f"/v1/payments?since={since}&limit=30").json()
        pieces += page["payments"]
        since = page["next_since"]
    assert pieces == whole["payments"]
    assert since == whole["next_since"]
    ids = [p["id"] for p in pieces]
    assert len(set(ids)) == len(ids)
    order = [(p["settlement_date"], p["store_id"], p["paid_at"]) for p in pieces]
    assert order == sorted(order)
    # The same question gets the same answer: the simulation is deterministic.
    assert api.get("/v1/payments?limit=120").json()["payments"] == whole["payments"]


def test_only_finished_days_are_served_and_the_end_cursor_waits_for_more(stub: Stub) -> None:
    api = stub.merchant(1)
    yesterday = server_day(stub, 1)
    page = api.get(f"/v1/payments?since={yesterday.isoformat()}&limit=1000").json()
    assert page["payments"], "a store sells every day"
    assert {p["settlement_date"] for p in page["payments"]} == {yesterday.isoformat()}
    assert not page["has_more"]
    again = api.get(f"/v1/payments?since={page['next_since']}").json()
    assert again["payments"] == [] and not again["has_more"]
    third = api.get(f"/v1/payments?since={again['next_since']}").json()
    assert third == again | {"server_time": third["server_time"]}


def test_settlement_adds_up_to_the_payments_it_covers(stub: Stub) -> None:
    api = stub.merchant(2)
    day = server_day(stub, 2)
    payments = {p["id"]: p for p in payments_of(api, day)}
    settlements = settlements_of(api, day)
    assert {(s["store_id"], s["method"]) for s in settlements} == {
        (p["store_id"], p["method"]) for p in payments.values()
    }
    covered = [pid for s in settlements for pid in s["payment_ids"]]
    assert sorted(covered) == sorted(payments)
    for s in settlements:
        mine = [payments[pid] for pid in s["payment_ids"]]
        assert all(p["store_id"] == s["store_id"] and p["method"] == s["method"] for p in mine)
        assert s["count"] == len(mine)
        assert s["gross_fen"] == sum(p["amount_fen"] for p in mine)
        assert s["refunds_fen"] == sum(p["refunded_fen"] for p in mine)
        assert s["fees_fen"] == sum(p["fee_fen"] for p in mine)
        assert s["net_fen"] == s["gross_fen"] - s["refunds_fen"] - s["fees_fen"]
        assert s["date"] == day.isoformat()
        assert s["settled_at"] > f"{day.isoformat()}T23:59:59Z"  # T+1
    for p in payments.values():
        assert p["fee_fen"] == (p["amount_fen"] * p["fee_bps"] + 5000) // 10000
        assert 0 <= p["refunded_fen"] <= p["amount_fen"]


def test_today_is_not_settled_yet(stub: Stub) -> None:
    api = stub.merchant(1)
    assert settlements_of(api, server_day(stub)) == []


def test_wechat_pay_takes_a_share_only_once_the_store_is_live(fresh_stub: Stub) -> None:
    api = fresh_stub.demo()
    # Demo store 6 (tm-000006) is approved and goes live in three days; store 1 is live already.
    approved, live, never = "tm-000006", "tb-000001", "tm-000010"
    # two days back: yesterday's settlement is published at 02:00 today, which may not have come
    before = server_day(fresh_stub, 2)
    settled = settlements_of(api, before)
    methods = Counter((s["store_id"], s["method"]) for s in settled)
    assert (approved, "wechat_pay") not in methods and (approved, "alipay") in methods
    assert (never, "wechat_pay") not in methods
    assert (live, "wechat_pay") in methods

    fresh_stub.advance(8 * DAY)
    assert api.method(approved)["eligibility"] == "live"
    days_live = [server_day(fresh_stub, n) for n in range(1, 5)]  # launch was five days ago
    payments = [p for day in days_live for p in payments_of(api, day) if p["store_id"] == approved]
    by_channel = Counter((p["channel"], p["method"]) for p in payments)
    assert by_channel[("wechat_mini_program", "wechat_pay")] + by_channel[("mobile_app", "wechat_pay")] > 0
    assert by_channel[("alipay_mini_program", "wechat_pay")] == 0
    assert any(
        (approved, "wechat_pay") in {(s["store_id"], s["method"]) for s in settlements_of(api, day)}
        for day in days_live
    )
    # Days before the launch stay as they were: history does not change under a cursor.
    assert settlements_of(api, before) == settled


def test_a_fee_change_applies_from_its_effective_date(fresh_stub: Stub) -> None:
    api = fresh_stub.demo()
    day = server_day(fresh_stub, 3)
    effective = datetime(day.year, day.month, day.day, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fresh_stub.admin(
        "POST",
        "/admin/sales/fee-changes",
        {"platform": "taobao", "method": "alipay", "fee_bps": 38, "effective_at": effective},
    )
    on_day = [p for p in payments_of(api, day) if p["platform"] == "taobao" and p["method"] == "alipay"]
    the_day_before = [
        p
        for p in payments_of(api, day - timedelta(days=1))
        if p["platform"] == "taobao" and p["method"] == "alipay"
    ]
    assert on_day and the_day_before
    assert {p["fee_bps"] for p in on_day} == {38}
    assert {p["fee_bps"] for p in the_day_before} == {60}


def test_injected_discrepancies_show_in_the_settlement(fresh_stub: Stub) -> None:
    api = fresh_stub.demo()
    day = server_day(fresh_stub, 2)
    honest = {(s["store_id"], s["method"]): s for s in settlements_of(api, day)}
    store = "tb-000001"
    base = {"store_id": store, "method": "alipay", "date": day.isoformat()}
    fresh_stub.admin("POST", "/admin/sales/discrepancies", base | {"kind": "missing_payment", "value": 1})
    fresh_stub.admin("POST", "/admin/sales/discrepancies", base | {"kind": "fee_rounding", "value": 1})
    late = {"store_id": "tm-000002", "method": "alipay", "date": day.isoformat()}
    fresh_stub.admin("POST", "/admin/sales/discrepancies", late | {"kind": "delayed", "value": 3})

    now = {(s["store_id"], s["method"]): s for s in settlements_of(api, day)}
    before, after = honest[(store, "alipay")], now[(store, "alipay")]
    dropped = before["payment_ids"][0]
    assert after["payment_ids"] == before["payment_ids"][1:]
    assert after["count"] == before["count"] - 1
    dropped_payment = next(p for p in payments_of(api, day) if p["id"] == dropped)
    assert after["gross_fen"] == before["gross_fen"] - dropped_payment["amount_fen"]
    assert after["fees_fen"] == before["fees_fen"] - dropped_payment["fee_fen"] + 1
    assert ("tm-000002", "alipay") not in now
    assert {k: v for k, v in now.items() if k[0] not in (store, "tm-000002")} == {
        k: v for k, v in honest.items() if k[0] not in (store, "tm-000002")
    }

    fresh_stub.advance(3 * DAY)
    assert settlements_of(api, day)[1:] and ("tm-000002", "alipay") in {
        (s["store_id"], s["method"]) for s in settlements_of(api, day)
    }
    listed = fresh_stub.admin("GET", "/admin/sales/discrepancies")["discrepancies"]
    assert {d["kind"] for d in listed} == {"missing_payment", "fee_rounding", "delayed"}
    assert fresh_stub.admin("DELETE", "/admin/sales/discrepancies") == {"discrepancies": []}
    assert {(s["store_id"], s["method"]): s for s in settlements_of(api, day)} == honest


def test_settlements_by_range_page_in_order(stub: Stub) -> None:
    api = stub.merchant(2)
    first, last = server_day(stub, 4), server_day(stub, 2)
    whole = api.get(f"/v1/settlements?from={first}&to={last}&limit=1000").json()
    assert not whole["has_more"]
    assert {s["date"] for s in whole["settlements"]} == {str(first + timedelta(days=i)) for i in range(3)}
    pieces: list[dict[str, Any]] = []
    after = ""
    while True:
        page = api.get(f"/v1/settlements?from={first}&to={last}&after={after}&limit=3").json()
        pieces += page["settlements"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    assert pieces == whole["settlements"]


def test_bad_queries_are_refused_clearly(stub: Stub) -> None:
    api = stub.merchant(1)
    today = server_day(stub)
    for query in (
        f"from={today}&to={today - timedelta(days=1)}",  # reversed
        f"from={today - timedelta(days=200)}&to={today}",  # too wide
        "date=2026-13-40",
        f"date={today}&from={today}&to={today}",
        "",
    ):
        response = api.get(f"/v1/settlements?{query}" if query else "/v1/settlements")
        assert response.status_code == 400, query
        assert response.json()["error"]["code"] == "BAD_REQUEST"
    assert api.get("/v1/payments?since=not-a-cursor").status_code == 400
    assert api.get("/v1/payments?limit=0").status_code == 400


def test_the_feeds_need_a_signature(stub: Stub) -> None:
    for path in ("/v1/payments", "/v1/settlements?date=2026-11-01"):
        response = stub.http.get(path)
        stub.conform(response)
        assert response.status_code == 401

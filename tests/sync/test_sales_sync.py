"""Payments and settlements into SQLite: incremental, resumable, exactly once, and never from an
unverified answer (the change feed's fault kinds applied to the sales feeds)."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import Any

import pytest

from console.platform.client import PlatformClient
from console.platform.errors import BadResponse, PlatformOffline
from console.storage import sales as tables
from console.sync.engine import SyncEngine
from console.sync.sales import SalesOutcome, SalesSync
from tests.helpers.sales import PAYMENT, payments_page
from tests.platform.fakeserver import FakePlatform, Reply

SECRET = "fake-platform-secret-0123456789"


def totals(db: Any) -> tuple[int, int, int]:
    kept = db.execute("SELECT count(*), coalesce(sum(amount_fen), 0) FROM payments").fetchone()
    daily = db.execute("SELECT coalesce(sum(payments), 0) FROM sales_daily").fetchone()[0]
    return kept[0], kept[1], daily


def feed_payments(client: PlatformClient) -> list[dict[str, Any]]:
    out, since = [], ""
    while True:
        page = client.payments(since, limit=1000)
        out += page.payments
        since = page.next_since
        if not page.has_more:
            return out


def test_a_pass_stores_every_payment_once_and_the_aggregates_agree(stub, merchant, db, client):
    report = SyncEngine(db, client, rng=random.Random(1), sales=True).run_once()
    assert report.error is None, report.error_detail
    wire = feed_payments(client)
    count, gross, daily = totals(db)
    assert count == daily == len(wire) == len({p["id"] for p in wire})
    assert gross == sum(p["amount_fen"] for p in wire)
    by_store_day = db.execute(
        "SELECT store_id, day, sum(gross_fen) FROM sales_daily GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    expected: dict[tuple[str, str], int] = {}
    for p in wire:
        key = (p["store_id"], p["settlement_date"])
        expected[key] = expected.get(key, 0) + p["amount_fen"]
    assert {(s, d): g for s, d, g in by_store_day} == expected
    # settlements of every finished day were asked for and agree with the payments
    settled = db.execute("SELECT count(*), sum(gross_fen) FROM settlements").fetchone()
    assert settled[0] > 0
    # a second pass brings nothing new and changes nothing
    again = SalesSync(db, client).run()
    assert again.payments == 0 and totals(db) == (count, gross, daily)


def test_a_feed_that_breaks_off_mid_way_resumes_without_counting_twice(stub, merchant, db, client):
    calls = {"n": 0}
    real = client.payments

    def flaky(since: str = "", limit: int = 500) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise PlatformOffline("connection reset mid-page")
        return real(since, limit)

    client.payments = flaky  # type: ignore[method-assign]
    out = SalesOutcome()
    with pytest.raises(PlatformOffline):
        SalesSync(db, client, page_size=1000).run(out)
    applied = totals(db)
    assert out.payments == applied[2] == 2000  # two pages landed with their cursor, no more
    client.payments = real  # type: ignore[method-assign]
    SalesSync(db, client, page_size=1000).run()
    wire = feed_payments(client)
    assert totals(db)[2] == len(wire) and totals(db)[0] == len(wire)


def test_a_payment_twice_on_the_wire_counts_once(stub, merchant, db, client):
    real = client.payments

    def doubled(since: str = "", limit: int = 500) -> Any:
        page = real(since, limit)
        page.payments.extend(page.payments[:5])  # the same payments again in the same page
        return page

    client.payments = doubled  # type: ignore[method-assign]
    SalesSync(db, client).run()
    client.payments = real  # type: ignore[method-assign]
    wire = feed_payments(client)
    assert totals(db)[2] == len(wire) == totals(db)[0]


def test_a_page_applied_again_after_a_lost_cursor_counts_once(stub, merchant, db, client):
    SalesSync(db, client).run()
    before = totals(db)
    first = client.payments("", limit=1000)
    assert tables.apply_payments(db.conn, first.payments, keep_from=None) == 0
    assert totals(db) == before


_page = payments_page


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=_page(), sign=False),
        Reply(body=_page(), secret="another-secret"),
        Reply(body=_page(payments=[PAYMENT | {"amount_fen": "100"}])),
    ],
    ids=["unsigned", "forged", "malformed"],
)
def test_nothing_is_applied_from_an_unverified_page(db, reply: Reply) -> None:
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: reply
        with pytest.raises(BadResponse):
            SalesSync(db, c).run()
    assert totals(db) == (0, 0, 0)
    assert tables.meta.get(db.conn, tables.PAYMENTS_CURSOR) is None


def test_payments_outside_the_window_are_pruned_but_their_aggregates_stay(stub, merchant, db, client):
    SalesSync(db, client, retention_days=10).run()
    kept_from = tables.kept_since(db.conn)
    assert kept_from is not None
    today = stub.clock().date()
    assert kept_from >= today - timedelta(days=10)
    first_day = tables.first_sales_day(db.conn)
    assert first_day is not None and first_day < kept_from - timedelta(days=30)
    assert totals(db)[2] == len(feed_payments(client))


def test_an_engine_without_sales_never_asks_for_them(db) -> None:
    seen: list[str] = []
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:

        def script(s: Any) -> Reply:
            seen.append(s.path)
            return Reply(body=json.dumps({"changes": [], "next_since": 0, "has_more": False}).encode())

        fake.script = script
        SyncEngine(db, c, rng=random.Random(1)).run_once()
    assert not any("payments" in p or "settlements" in p for p in seen)

"""Answers the engine must not apply, and feeds that misbehave: nothing is written from them."""

from __future__ import annotations

import json
import random

from console.platform.client import PlatformClient
from console.sync.backoff import backoff_delay
from console.sync.engine import SyncEngine
from console.sync.pull import get_cursor
from tests.platform.fakeserver import FakePlatform, Reply
from tests.sync.helpers import LIVE_2, outbox_statuses, queue_set_method

SECRET = "fake-platform-secret-0123456789"


def page(changes, next_since, has_more=False):
    return json.dumps({"changes": changes, "next_since": next_since, "has_more": has_more}).encode()


STORE = {
    "id": "tb-1",
    "platform": "taobao",
    "name": "S",
    "category": "",
    "status": "open",
    "receive_code": "",
}


def counts(db):
    return {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("stores", "methods", "merchant")
    }


def test_forged_feed_is_not_applied(db):
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as client:
        fake.script = lambda s: Reply(
            body=page([{"version": 1, "kind": "store", "id": "tb-1", "data": STORE}], 1),
            secret="someone-else",
        )
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
    assert report.error == "bad_response" and report.pulled == 0
    assert counts(db) == {"stores": 0, "methods": 0, "merchant": 0} and get_cursor(db) == 0


def test_a_bad_entity_refuses_the_whole_page(db):
    bad_method = {"store_id": "tb-1", "method": "wechat_pay", "eligibility": "bogus", "enabled": True}
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as client:
        fake.script = lambda s: Reply(
            body=page(
                [
                    {"version": 1, "kind": "store", "id": "tb-1", "data": STORE},
                    {"version": 2, "kind": "method", "id": "tb-1:wechat_pay", "data": bad_method},
                ],
                2,
            )
        )
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
    assert report.error == "bad_response" and "eligibility" in (report.error_detail or "")
    assert counts(db)["stores"] == 0 and get_cursor(db) == 0


def test_cursor_never_goes_backwards_and_a_stuck_feed_stops(db):
    db.conn.execute("INSERT INTO meta (key, value) VALUES ('cursor', '50')")
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as client:
        fake.script = lambda s: Reply(
            body=page([{"version": 7, "kind": "store", "id": "tb-1", "data": STORE}], 7)
        )
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
        assert report.error is None and get_cursor(db) == 50 and counts(db)["stores"] == 1
        fake.script = lambda s: Reply(body=page([], 50, has_more=True))
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
        assert report.error == "bad_response" and "does not move on" in (report.error_detail or "")
        assert len(fake.seen) == 2  # one request, not an endless loop


def test_unknown_kinds_are_skipped(db):
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as client:
        fake.script = lambda s: Reply(
            body=page([{"version": 3, "kind": "coupon", "id": "c1", "data": {}}], 3)
        )
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
    assert report.error is None and get_cursor(db) == 3


def test_wrong_secret_keeps_changes_queued(stub, merchant, db, synced, stores):
    oid = queue_set_method(db, stores[LIVE_2], "alipay", False)
    with PlatformClient(stub.url, merchant.app_key, "wrong-secret", clock=stub.clock) as bad:
        report = SyncEngine(db, bad, rng=random.Random(1)).run_once()
    assert report.error == "auth" and report.online and report.pending == 1
    assert outbox_statuses(db)[oid] == "queued"
    assert synced.run_once().pushed == 1


def test_a_feed_for_another_merchant_is_refused(stub, merchant, db, synced):
    """The same account (app key) suddenly speaking for another merchant is a platform fault,
    not an account switch (test_switch_account.py): nothing of it is mixed in."""
    other = stub.new_merchant(10)
    db.conn.execute("UPDATE meta SET value = '0' WHERE key = 'cursor'")
    db.conn.execute("UPDATE meta SET value = ? WHERE key = 'account'", [other.app_key])
    with stub.client(other) as client:
        report = SyncEngine(db, client, rng=random.Random(1)).run_once()
    assert report.error == "bad_response"
    assert db.execute("SELECT count(*) FROM merchant").fetchone()[0] == 1


def test_backoff_bounds():
    rng = random.Random(9)
    for attempts in range(1, 40):
        d = backoff_delay(attempts, rng)
        assert 0 <= d <= min(300, 2 * 2 ** (attempts - 1))
    assert backoff_delay(1, rng, retry_after=120) >= 120
    assert backoff_delay(50, rng, retry_after=900) == 900  # the platform's word beats the cap

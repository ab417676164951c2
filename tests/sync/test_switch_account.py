"""Switching platform accounts (the demo platform → the merchant's real one, or another account):
one account per database, never two merchants' stores mixed, never a change sent to the wrong
account or dropped silently."""

from __future__ import annotations

import random

from console.platform.client import PlatformClient
from console.sync.engine import SyncEngine
from tests.sync.helpers import LIVE, assert_in_sync, queue_set_method


def _engine(db, stub, creds) -> tuple[SyncEngine, PlatformClient]:
    client = PlatformClient(stub.url, creds.app_key, creds.app_secret, clock=stub.clock)
    return SyncEngine(db, client, rng=random.Random(3)), client


def test_nothing_pending_the_new_account_replaces_the_old(stub, merchant, db, synced, stores):
    other = stub.new_merchant(4, name="Real Account")
    engine, client = _engine(db, stub, other)
    with client:
        report = engine.run_once(force=True)
    assert report.error is None and report.pending == 0
    assert db.execute("SELECT count(*) FROM stores").fetchone()[0] == 4  # only the new account's
    assert not set(stores) & {r[0] for r in db.execute("SELECT id FROM stores")}
    assert_in_sync(db, stub.state(other.merchant_id)["entities"])
    switched = db.execute("SELECT count(*) FROM audit WHERE action = 'switch_account'").fetchone()[0]
    assert switched == 1  # the history says what happened


def test_waiting_changes_of_the_old_account_stop_the_switch_until_discarded(
    stub, merchant, db, synced, stores
):
    from console.service import ConsoleService

    oid = queue_set_method(db, stores[LIVE], "alipay", False)
    other = stub.new_merchant(4, name="Real Account")
    engine, client = _engine(db, stub, other)
    with client:
        report = engine.run_once(force=True)
        assert report.error == "other_account" and report.pending == 1
        # nothing was sent to the wrong account, nothing cleared
        assert stub.state(other.merchant_id)["version"] >= 0
        assert set(stores) <= {r[0] for r in db.execute("SELECT id FROM stores")}
        status = db.execute("SELECT status FROM outbox WHERE id = ?", [oid]).fetchone()[0]
        assert status == "queued"
        ConsoleService(db).discard_change(oid)  # what the merchant does in Waiting to sync
        report = engine.run_once(force=True)
    assert report.error is None
    assert_in_sync(db, stub.state(other.merchant_id)["entities"])

"""Faults on the way: the platform away, restarting, slow, dropping answers after applying.

Whatever happens, every change is applied exactly once and local state ends equal to the
platform's. Feedback is the witness for "exactly once": a second application would create a
second feedback entity on the platform.
"""

from __future__ import annotations

import json
import random
import threading
import time

from console.storage.db import open_database
from console.sync.engine import SyncEngine
from tests.sync.helpers import (
    INVITED,
    LIVE,
    LIVE_2,
    OPEN_ANNOUNCEMENT,
    assert_in_sync,
    outbox_statuses,
    queue_feedback,
    queue_set_method,
)


def platform_feedback(stub, merchant):
    return list(stub.state(merchant.merchant_id)["entities"].get("feedback", {}).values())


def test_offline_then_online_applies_once(stub, merchant, db, synced, stores):
    stub.stop()
    try:
        queue_set_method(db, stores[LIVE], "alipay", False)
        queue_set_method(db, stores[INVITED], "wechat_pay", True)
        queue_feedback(db, OPEN_ANNOUNCEMENT, "offline note")
        report = synced.run_once()
        assert report.error == "offline" and not report.online
        assert report.pending == 3 and report.pushed == 0 and report.pulled == 0
        # the merchant still sees the wishes, waiting to sync
        assert db.execute("SELECT count(*) FROM methods WHERE wanted IS NOT NULL").fetchone()[0] == 2
        # stop after the first offline row: the others were not even tried
        attempts = sorted(r[0] for r in db.execute("SELECT attempts FROM outbox"))
        assert attempts == [0, 0, 1]
    finally:
        stub.start()
    report = synced.run_once(force=True)
    assert report.error is None and report.pushed == 3 and report.pending == 0
    assert len(platform_feedback(stub, merchant)) == 1
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_dropped_answer_after_apply_is_not_applied_twice(stub, merchant, db, synced, stores):
    fid = queue_feedback(db, OPEN_ANNOUNCEMENT, "dropped once")
    mid = queue_set_method(db, stores[LIVE_2], "alipay", False)
    stub.fault(route="POST /v1/announcements/*", drop_after_apply=True, count=1)
    stub.fault(route="PUT /v1/stores/*", drop_after_apply=True, count=1)
    report = synced.run_once()  # feedback applied, answer lost; the pass stops there
    assert report.error == "offline" and report.pending == 2
    report = synced.run_once(force=True)  # feedback replayed; the method change applied, answer lost
    assert report.error == "offline" and report.pushed == 1 and report.pending == 1
    report = synced.run_once(force=True)
    assert report.error is None and report.pushed == 1 and report.pending == 0
    assert len(platform_feedback(stub, merchant)) == 1
    details = {
        r[0]: json.loads(r[1])
        for r in db.execute(
            "SELECT outbox_id, detail FROM audit WHERE actor = 'sync' AND outbox_id IS NOT NULL"
        )
    }
    assert details[fid]["replayed"] is True and details[mid]["replayed"] is True
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_server_errors_and_unavailable(stub, merchant, db, synced, stores):
    queue_set_method(db, stores[LIVE_2], "alipay", False)
    stub.fault(route="PUT /v1/stores/*", status=503, retry_after=7, count=1)
    report = synced.run_once()
    assert report.error == "server" and report.retry_after == 7 and report.pending == 1
    report = synced.run_once(force=True)
    assert report.error is None and report.pending == 0
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_read_timeout_is_offline_and_retry_is_safe(stub, merchant, db, stores, tmp_path):
    client = stub.client(merchant, timeout=0.5, total_timeout=5)
    engine = SyncEngine(db, client, rng=random.Random(2))
    assert engine.run_once().error is None
    queue_feedback(db, OPEN_ANNOUNCEMENT, "slow platform")
    stub.fault(route="POST /v1/announcements/*", latency_ms=1500, count=1)
    report = engine.run_once()
    assert report.error == "offline" and "timed out" in (report.error_detail or "")
    time.sleep(1.5)  # let the platform finish the first attempt
    report = engine.run_once(force=True)
    assert report.error is None and report.pending == 0
    assert len(platform_feedback(stub, merchant)) == 1
    client.close()


def test_slow_body_hits_the_total_deadline(stub, merchant, db):
    client = stub.client(merchant, timeout=5, total_timeout=0.5)
    engine = SyncEngine(db, client, rng=random.Random(2))
    stub.fault(route="GET /v1/changes", slow_body_ms=400, count=1)
    report = engine.run_once()
    assert report.error == "offline" and report.pulled == 0
    assert db.execute("SELECT count(*) FROM stores").fetchone()[0] == 0
    report = engine.run_once()
    assert report.error is None
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])
    client.close()


def test_server_restart_mid_sync(stub, merchant, db, synced, stores):
    """The platform dies while a pass is sending; after it is back every change lands once."""
    ids = [queue_feedback(db, OPEN_ANNOUNCEMENT, f"note {i}") for i in range(6)]
    ids += [queue_set_method(db, s, "alipay", False) for s in (stores[LIVE_2],)]
    stub.fault(route="POST /v1/announcements/*", latency_ms=300)
    path = db.execute("PRAGMA database_list").fetchone()[2]
    result = {}

    def sync_in_worker():  # SQLite connections belong to their thread: the worker opens its own
        worker_db = open_database(path)
        try:
            result["r"] = SyncEngine(worker_db, synced.client, rng=random.Random(4)).run_once()
        finally:
            worker_db.close()

    worker = threading.Thread(target=sync_in_worker)
    worker.start()
    time.sleep(0.8)
    stub.kill()
    worker.join(30)
    assert result["r"].error == "offline"
    stub.start()
    assert 0 < synced.pending_count() <= 7  # some were sent before the platform died
    report = synced.run_once(force=True)
    assert report.error is None and report.pending == 0, report.error_detail
    assert set(outbox_statuses(db).values()) == {"done"}
    assert len(platform_feedback(stub, merchant)) == 6
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])

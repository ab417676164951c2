"""kill -9 while syncing, many times; then finish: every change applied exactly once."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time

from console.storage.db import integrity_check, open_database
from console.sync.engine import SyncEngine
from console.sync.pull import get_cursor
from tests.sync.helpers import (
    LIVE,
    LIVE_2,
    OPEN_ANNOUNCEMENT,
    assert_in_sync,
    queue_feedback,
    queue_set_method,
)
from tests.sync.stubproc import ROOT

ITERATIONS = 20


def test_kill_9_at_random_points(stub, merchant, db, synced, stores, tmp_path):
    rnd = random.Random(20261124)
    path = db.execute("PRAGMA database_list").fetchone()[2]
    feedback_ids: list[str] = []
    change_ids: list[str] = []
    toggles = {stores[LIVE]: True, stores[LIVE_2]: True}
    # answers a little slow, so kills land mid-request as well as mid-transaction
    stub.fault(route="PUT /v1/*", latency_ms=60)
    stub.fault(route="POST /v1/*", latency_ms=60)
    killed_busy = 0
    for i in range(ITERATIONS):
        for _ in range(3):
            store = rnd.choice(sorted(toggles))
            toggles[store] = not toggles[store]
            oid = queue_set_method(db, store, "alipay", toggles[store])
            if oid is not None:
                change_ids.append(oid)
        feedback_ids.append(queue_feedback(db, OPEN_ANNOUNCEMENT, f"crash round {i}"))
        if i % 5 == 4:  # sometimes a full re-pull, so kills also land inside page transactions
            db.conn.execute("UPDATE meta SET value = '0' WHERE key = 'cursor'")
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.sync.sync_child",
                path,
                stub.url,
                merchant.app_key,
                merchant.app_secret,
                str(stub.offset.total_seconds()),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "started", child.stderr.read() if child.stderr else ""
        time.sleep(rnd.uniform(0.0, 0.25))
        if child.poll() is None:
            killed_busy += 1
        with contextlib.suppress(ProcessLookupError):  # it may have just finished
            os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
    assert killed_busy >= ITERATIONS // 2  # most kills hit a process that was still working

    stub.clear_faults()
    check = open_database(path)
    assert integrity_check(check) == ["ok"]
    engine = SyncEngine(check, synced.client, rng=random.Random(1))
    for _ in range(5):
        report = engine.run_once(force=True)
        if report.pending == 0 and report.error is None:
            break
    assert report.pending == 0 and report.error is None, report.error_detail

    statuses = dict(check.execute("SELECT id, status FROM outbox").fetchall())
    # an unsent row the merchant's next toggle cancelled is gone (coalescing); the rest are done
    change_ids = [i for i in change_ids if i in statuses]
    assert change_ids and all(statuses[i] == "done" for i in change_ids + feedback_ids)
    # exactly once: one sync audit row per change, one platform feedback per queued feedback
    per_row = dict(
        check.execute(
            "SELECT outbox_id, count(*) FROM audit WHERE actor = 'sync' AND outbox_id IS NOT NULL "
            "GROUP BY outbox_id"
        ).fetchall()
    )
    assert all(per_row.get(i) == 1 for i in change_ids + feedback_ids)
    state = stub.state(merchant.merchant_id)
    texts = sorted(f["text"] for f in state["entities"]["feedback"].values())
    assert texts == sorted(f"crash round {i}" for i in range(ITERATIONS))
    assert_in_sync(check, state["entities"])
    assert get_cursor(check) <= state["version"]
    for store, on in toggles.items():
        assert state["entities"]["method"][f"{store}:alipay"]["enabled"] is on
    replayed = sum(
        json.loads(d)["replayed"]
        for (d,) in check.execute("SELECT detail FROM audit WHERE actor = 'sync' AND outbox_id IS NOT NULL")
    )
    print(f"kills mid-work: {killed_busy}/{ITERATIONS}, answers replayed after a crash: {replayed}")
    check.close()

"""Two installs of one merchant (two local databases), and two engines on one database."""

from __future__ import annotations

import random
import threading

from console.storage.db import open_database
from console.sync.engine import SyncEngine
from tests.sync.helpers import (
    INVITED,
    LIVE,
    OPEN_ANNOUNCEMENT,
    assert_in_sync,
    queue_feedback,
    queue_set_method,
)


def test_two_installs_change_the_same_store(stub, merchant, tmp_path):
    dbs = [open_database(tmp_path / f"install-{i}.db") for i in range(2)]
    clients = [stub.client(merchant) for _ in range(2)]
    engines = [
        SyncEngine(d, c, rng=random.Random(i)) for i, (d, c) in enumerate(zip(dbs, clients, strict=True))
    ]
    for e in engines:
        assert e.run_once().error is None
    stores = sorted((r[0] for r in dbs[0].execute("SELECT id FROM stores")), key=lambda s: int(s[3:]))
    live, invited = stores[LIVE], stores[INVITED]
    a, b = dbs
    # A: WeChat Pay off on the live store. B (not knowing): Alipay off on the same store -> the
    # second to arrive would leave no live method on: refused, with the platform's state put back.
    queue_set_method(a, live, "wechat_pay", False)
    queue_set_method(b, live, "alipay", False)
    # both apply for WeChat Pay on the invited store: the second is a no-op or REVIEW_PENDING
    queue_set_method(a, invited, "wechat_pay", True)
    queue_set_method(b, invited, "wechat_pay", True)
    ra, rb = engines[0].run_once(), engines[1].run_once()
    assert ra.pushed == 2 and ra.refused == 0
    assert rb.refused >= 1
    codes = {r[0] for r in b.execute("SELECT refused_code FROM outbox WHERE status = 'refused'")}
    assert "LAST_LIVE_METHOD" in codes
    assert (
        b.execute(
            "SELECT refused_code FROM methods WHERE store_id = ? AND method = 'alipay'", [live]
        ).fetchone()[0]
        == "LAST_LIVE_METHOD"
    )
    engines[0].run_once()  # A hears of B's changes
    state = stub.state(merchant.merchant_id)["entities"]
    for d in dbs:
        assert_in_sync(d, state)
    for d, c in zip(dbs, clients, strict=True):
        d.close()
        c.close()


def test_two_engines_on_one_database_never_send_a_row_twice(stub, merchant, db, synced, stores, tmp_path):
    path = db.execute("PRAGMA database_list").fetchone()[2]
    ids = [queue_feedback(db, OPEN_ANNOUNCEMENT, f"parallel {i}") for i in range(12)]
    ids.append(queue_set_method(db, stores[LIVE], "alipay", False))
    stub.fault(route="POST /v1/*", latency_ms=30)
    errors: list[BaseException] = []

    def run(seed: int) -> None:
        own = open_database(path)
        client = stub.client(merchant)
        try:
            for _ in range(3):
                SyncEngine(own, client, rng=random.Random(seed), lock_timeout=30).run_once()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            own.close()
            client.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    per_row = dict(
        db.execute(
            "SELECT outbox_id, count(*) FROM audit WHERE actor = 'sync' AND outbox_id IS NOT NULL "
            "GROUP BY outbox_id"
        ).fetchall()
    )
    assert all(per_row.get(i) == 1 for i in ids)
    state = stub.state(merchant.merchant_id)["entities"]
    assert len(state["feedback"]) == 12
    assert_in_sync(db, state)

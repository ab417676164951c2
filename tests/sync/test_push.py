"""Push: outbox rows reach the platform in order, once; answers and refusals land locally."""

from __future__ import annotations

import json
import random
from datetime import timedelta

from console.core.timeutil import parse_ts, utcnow
from console.sync.engine import SyncEngine
from tests.sync.helpers import (
    CLOSED_ANNOUNCEMENT,
    IN_REVIEW,
    INVITED,
    INVITED_2,
    LIVE,
    LIVE_2,
    OPEN_ANNOUNCEMENT,
    assert_in_sync,
    outbox_statuses,
    queue_feedback,
    queue_set_method,
)


def method_row(db, store_id, method):
    return next(db.query("SELECT * FROM methods WHERE store_id = ? AND method = ?", [store_id, method]))


def test_change_is_applied_and_confirmed(stub, merchant, db, synced, stores):
    store = stores[INVITED]
    oid = queue_set_method(db, store, "wechat_pay", True)
    assert method_row(db, store, "wechat_pay")["wanted"] == 1
    report = synced.run_once()
    assert (report.pushed, report.refused, report.pending, report.error) == (1, 0, 0, None)
    row = method_row(db, store, "wechat_pay")
    assert row["wanted"] is None and row["eligibility"] == "in_review" and row["enabled"] == 1
    assert outbox_statuses(db)[oid] == "done"
    audit = list(db.query("SELECT * FROM audit WHERE outbox_id = ? AND actor = 'sync'", [oid]))
    assert [(a["action"], a["result"]) for a in audit] == [("set_method", "ok")]
    detail = json.loads(audit[0]["detail"])
    assert detail["replayed"] is False
    assert (detail["method"], detail["enabled"]) == ("wechat_pay", True)  # the wish, for the history
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_refusal_restores_platform_state_and_keeps_reason(stub, merchant, db, synced, stores):
    """Made offline, refused later: the invitation expired meanwhile."""
    store = stores[INVITED_2]
    oid = queue_set_method(db, store, "wechat_pay", True)
    stub.admin("POST", f"/admin/invitations/{store}/expire")
    report = synced.run_once()
    assert (report.pushed, report.refused, report.pending) == (0, 1, 0)
    row = method_row(db, store, "wechat_pay")
    assert row["wanted"] is None and row["enabled"] == 0
    assert row["eligibility"] == "expired"
    assert row["refused_code"] == "INVITATION_EXPIRED" and row["refused_message"]
    out = next(db.query("SELECT * FROM outbox WHERE id = ?", [oid]))
    assert out["status"] == "refused" and out["refused_code"] == "INVITATION_EXPIRED"
    [news] = [n for n in report.news if n.kind == "refused"]
    assert news.store_id == store and news.detail["code"] == "INVITATION_EXPIRED"
    result, detail = db.execute(
        "SELECT result, detail FROM audit WHERE outbox_id = ? AND actor = 'sync'", [oid]
    ).fetchone()
    assert result == "refused"
    # the refused wish itself: the activity page says "refused: turn on WeChat Pay"
    assert json.loads(detail) == {
        "code": "INVITATION_EXPIRED",
        "message": row["refused_message"],
        "method": "wechat_pay",
        "enabled": True,
    }
    # never retried automatically
    assert synced.run_once().refused == 0
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_last_live_method_refusal(stub, merchant, db, synced, stores):
    store = stores[LIVE]
    queue_set_method(db, store, "wechat_pay", False)
    queue_set_method(db, store, "alipay", False, raw=True)  # stale local view: the platform refuses
    report = synced.run_once()
    assert report.pushed == 1 and report.refused == 1
    assert method_row(db, store, "alipay")["refused_code"] == "LAST_LIVE_METHOD"
    detail = json.loads(
        db.execute(
            "SELECT detail FROM audit WHERE actor = 'sync' AND result = 'refused' AND store_id = ?", [store]
        ).fetchone()[0]
    )
    assert (detail["code"], detail["method"], detail["enabled"]) == ("LAST_LIVE_METHOD", "alipay", False)
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_order_within_a_store_is_kept(stub, merchant, db, synced, stores):
    store = stores[LIVE_2]
    ids = [queue_set_method(db, store, "alipay", v, raw=True) for v in (False, True, False)]
    assert method_row(db, store, "alipay")["wanted"] == 0
    report = synced.run_once()
    assert report.pushed == 3
    assert [outbox_statuses(db)[i] for i in ids] == ["done"] * 3
    row = method_row(db, store, "alipay")
    assert row["enabled"] == 0 and row["wanted"] is None
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_wish_kept_while_a_later_row_waits(stub, merchant, db, synced, stores):
    """Row 1 succeeds, row 2 of the same method fails: the merchant still sees row 2's wish."""
    store = stores[LIVE_2]
    queue_set_method(db, store, "alipay", False, raw=True)
    queue_set_method(db, store, "alipay", True, raw=True)
    stub.fault(route="PUT /v1/stores/*", status=500, retry_after=0, count=1)
    # first row hits the fault; second is blocked behind it
    report = synced.run_once()
    assert report.pushed == 0 and report.pending == 2 and report.error == "server"
    assert method_row(db, store, "alipay")["wanted"] == 1
    report = synced.run_once(force=True)
    assert report.pushed == 2 and report.pending == 0
    assert method_row(db, store, "alipay")["wanted"] is None


def test_a_failing_store_blocks_only_itself(stub, merchant, db, synced, stores):
    a, b = stores[LIVE], stores[LIVE_2]
    oa1 = queue_set_method(db, a, "alipay", False, raw=True)
    oa2 = queue_set_method(db, a, "alipay", True, raw=True)
    ob = queue_set_method(db, b, "alipay", False)
    stub.fault(route=f"PUT /v1/stores/{a}/*", status=500, retry_after=0)
    report = synced.run_once()
    assert report.pushed == 1 and report.pending == 2
    st = outbox_statuses(db)
    assert (st[oa1], st[oa2], st[ob]) == ("queued", "queued", "done")
    rows = {r["id"]: r for r in db.query("SELECT * FROM outbox")}
    assert rows[oa1]["attempts"] == 1 and rows[oa1]["next_attempt_at"] and rows[oa1]["last_error"]
    assert rows[oa2]["attempts"] == 0  # never sent: blocked behind its store's earlier row


def test_backoff_and_retry_after(stub, merchant, db, client, stores):
    """A 429 with Retry-After: the row is not tried again before the platform said."""
    now = [utcnow()]
    engine = SyncEngine(db, client, clock=lambda: now[0], rng=random.Random(3))
    store = stores[LIVE_2]
    oid = queue_set_method(db, store, "alipay", False)
    stub.fault(route="PUT /v1/stores/*", status=429, retry_after=30, count=1)
    report = engine.run_once()
    assert report.error == "rate_limited" and report.retry_after == 30 and report.pulled == 0
    row = next(db.query("SELECT * FROM outbox WHERE id = ?", [oid]))
    assert row["status"] == "queued" and row["attempts"] == 1
    assert parse_ts(row["next_attempt_at"]) >= now[0] + timedelta(seconds=30)
    now[0] += timedelta(seconds=10)
    report = engine.run_once()
    assert report.pushed == 0 and report.pending == 1 and report.error is None  # waiting, pull fine
    now[0] += timedelta(seconds=25)
    report = engine.run_once()
    assert report.pushed == 1 and report.pending == 0


def test_backoff_grows_with_full_jitter(stub, merchant, db, client, stores):
    now = utcnow()
    engine = SyncEngine(db, client, clock=lambda: now, rng=random.Random(5))
    oid = queue_set_method(db, stores[LIVE_2], "alipay", False)
    stub.fault(route="PUT /v1/stores/*", status=500, retry_after=0)
    delays = []
    for _ in range(6):
        engine.run_once(force=True)
        row = next(db.query("SELECT * FROM outbox WHERE id = ?", [oid]))
        delays.append((parse_ts(row["next_attempt_at"]) - now).total_seconds())
    assert row["attempts"] == 6
    ceilings = [min(300, 2 * 2**i) for i in range(6)]
    assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))


def test_feedback_confirmed_with_platform_id(stub, merchant, db, synced):
    oid = queue_feedback(db, OPEN_ANNOUNCEMENT, "请延长意见期 / please extend")
    report = synced.run_once()
    assert report.pushed == 1 and report.error is None
    rows = list(db.query("SELECT * FROM feedback"))
    assert len(rows) == 1 and rows[0]["sync_state"] == "confirmed" and rows[0]["outbox_id"] == oid
    assert rows[0]["id"] != oid  # the platform's id replaced the local placeholder
    state = stub.state(merchant.merchant_id)
    assert list(state["entities"]["feedback"]) == [rows[0]["id"]]
    assert_in_sync(db, state["entities"])


def test_feedback_refused_outside_opinion_period(stub, merchant, db, synced):
    oid = queue_feedback(db, CLOSED_ANNOUNCEMENT, "too late", raw=True)  # local check bypassed
    report = synced.run_once()
    assert report.refused == 1
    assert next(db.query("SELECT * FROM feedback WHERE outbox_id = ?", [oid]))["sync_state"] == "refused"
    out = next(db.query("SELECT * FROM outbox WHERE id = ?", [oid]))
    assert out["refused_code"] == "OPINION_PERIOD_CLOSED"


def test_in_review_withdrawal(stub, merchant, db, synced, stores):
    store = stores[IN_REVIEW]
    queue_set_method(db, store, "wechat_pay", False)
    assert synced.run_once().pushed == 1
    assert method_row(db, store, "wechat_pay")["eligibility"] in ("invited", "expired")
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_a_row_that_may_have_been_sent_is_never_rewritten(stub, merchant, db, synced, stores):
    """Claimed and sent, then the process died: the next wish follows it as a new row instead
    of rewriting it (same key, other body would be IDEMPOTENCY_KEY_REUSED)."""
    store = stores[LIVE_2]
    oid = queue_set_method(db, store, "alipay", False)
    pusher_row = synced.db.execute("SELECT payload FROM outbox WHERE id = ?", [oid]).fetchone()
    from console.sync.push import Pusher

    claimed = Pusher(db, synced.client, clock=utcnow, rng=random.Random(1))._claim_many([oid]).get(oid)
    assert claimed is not None and claimed["attempts"] == 1
    synced.client.set_method(store, "alipay", False, oid, body=pusher_row[0].encode())  # reached the platform
    synced.recover()  # the sender died; the next pass starts here
    second = queue_set_method(db, store, "alipay", True)
    assert second != oid
    report = synced.run_once()
    assert (report.pushed, report.refused) == (2, 0)
    assert method_row(db, store, "alipay")["enabled"] == 1
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_an_unreadable_change_is_refused_with_its_method_in_the_audit(stub, merchant, db, synced, stores):
    """A corrupt payload is never sent; the audit still names the method (no wish to report)."""
    store = stores[LIVE_2]
    oid = queue_set_method(db, store, "alipay", False, raw=True)
    with db.conn:
        db.conn.execute("UPDATE outbox SET payload = '{\"enabled\": \"no\"}' WHERE id = ?", [oid])
    report = synced.run_once()
    assert report.refused == 1 and outbox_statuses(db)[oid] == "refused"
    detail = json.loads(
        db.execute("SELECT detail FROM audit WHERE outbox_id = ? AND actor = 'sync'", [oid]).fetchone()[0]
    )
    assert detail["code"] == "INVALID_PAYLOAD" and detail["method"] == "alipay" and "enabled" not in detail


def test_rows_claimed_but_not_sent_go_back_unattempted(stub, merchant, db, synced, stores):
    """Rows are claimed a batch at a time. When the pass stops early (the platform is away),
    the rows of the batch it never sent go back to queued with their attempt taken back, so
    they stay mergeable with the merchant's next wish; the row that was sent keeps its attempt."""
    first = queue_set_method(db, stores[LIVE], "alipay", False)
    second = queue_set_method(db, stores[LIVE_2], "alipay", False)
    stub.fault(route="PUT /v1/*", status=503, retry_after=1, count=1)  # the first answer: away
    report = synced.run_once(force=True)
    assert report.pushed == 0 and report.pending == 2
    rows = {r["id"]: r for r in db.query("SELECT id, status, attempts FROM outbox")}
    assert rows[first]["status"] == "queued" and rows[first]["attempts"] == 1  # it was sent
    assert rows[second]["status"] == "queued" and rows[second]["attempts"] == 0  # never left
    stub.clear_faults()
    report = synced.run_once(force=True)
    assert (report.pushed, report.pending) == (2, 0)
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])

"""Pull: the change feed lands locally, page by page, and local state ends equal to the platform's."""

from __future__ import annotations

import json
import random

from console.storage.db import open_database
from console.sync.engine import SyncEngine
from console.sync.pull import get_cursor, get_meta
from tests.sync.helpers import (
    APPROVED,
    IN_REVIEW,
    INVITED,
    NOT_INVITED,
    REJECTED,
    assert_in_sync,
    queue_set_method,
    store_ids,
)


def test_initial_sync_equals_platform_state(stub, merchant, db, engine):
    report = engine.run_once()
    assert report.error is None and report.online
    assert report.pulled > 0 and report.pushed == 0 and report.pending == 0
    assert report.news == []  # the first full sync is not news
    state = stub.state(merchant.merchant_id)
    assert_in_sync(db, state["entities"])
    assert get_cursor(db) == state["version"]
    assert get_meta(db, "merchant_id") == merchant.merchant_id
    assert get_meta(db, "last_sync_at")
    audit = list(db.query("SELECT * FROM audit WHERE action = 'sync_pull'"))
    assert len(audit) == 1 and json.loads(audit[0]["detail"])["pulled"] == report.pulled

    again = engine.run_once()
    assert again.pulled == 0 and again.error is None
    assert db.execute("SELECT count(*) FROM audit WHERE action = 'sync_pull'").fetchone()[0] == 1


def test_small_pages_and_store_after_its_methods(stub, merchant, db, client):
    """A store changed after its methods comes later in the feed than they do: it is fetched."""
    first = stub.state(merchant.merchant_id)["entities"]["store"]
    frozen = sorted(first)[3]
    stub.admin("POST", f"/admin/stores/{frozen}/status", {"status": "frozen"})
    engine = SyncEngine(db, client, rng=random.Random(1), page_size=3)
    report = engine.run_once()
    assert report.error is None, report.error_detail
    state = stub.state(merchant.merchant_id)
    assert_in_sync(db, state["entities"])
    assert db.execute("SELECT status FROM stores WHERE id = ?", [frozen]).fetchone()[0] == "frozen"


def test_pull_resumes_after_a_failed_page(stub, merchant, db, client):
    """Each page lands with its cursor: a failure midway keeps the pages before it."""
    stub.fault(route="GET /v1/changes", status=503, retry_after=0, count=1)
    engine = SyncEngine(db, client, rng=random.Random(1), page_size=5)
    # the first request fails: nothing applied, cursor unmoved
    report = engine.run_once()
    assert report.error == "server" and report.pulled == 0 and get_cursor(db) == 0
    report = engine.run_once()
    assert report.error is None
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_news_from_platform_changes(stub, merchant, db, synced, stores):
    sid = {i: s for i, s in enumerate(stores)}
    phase = db.execute("SELECT phase FROM invitations WHERE store_id = ?", [sid[NOT_INVITED]]).fetchone()[0]
    stub.admin("POST", f"/admin/phases/{phase}/open")
    stub.admin(
        "POST",
        "/admin/reviews/finish",
        {"store_id": sid[IN_REVIEW], "outcome": "reject", "reason_code": "CATEGORY_NOT_SUPPORTED"},
    )
    stub.admin(
        "POST",
        "/admin/announcements",
        {
            "title": {"zh": "新规", "en": "New rule"},
            "body": {"zh": "内容", "en": "Body"},
            "published_at": stub.clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
            "opinion_opens_at": stub.clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
            "opinion_closes_at": "2099-01-01T00:00:00Z",
            "effective_at": "2099-02-01T00:00:00Z",
            "affects": {"platforms": ["taobao"], "methods": ["wechat_pay"]},
        },
    )
    report = synced.run_once()
    assert report.error is None, report.error_detail
    kinds = {(n.kind, n.store_id) for n in report.news}
    assert ("phase_opened", sid[NOT_INVITED]) in kinds
    assert ("review_rejected", sid[IN_REVIEW]) in kinds
    assert any(n.kind == "announcement" for n in report.news)
    rejected = next(n for n in report.news if n.kind == "review_rejected")
    assert rejected.detail["reason_code"] == "CATEGORY_NOT_SUPPORTED"
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_went_live_and_approved_news(private_stub, tmp_path):
    stub = private_stub
    merchant = stub.new_merchant(10)
    db = open_database(tmp_path / "own.db")
    synced = SyncEngine(db, stub.client(merchant), rng=random.Random(1))
    assert synced.run_once().error is None
    stores = store_ids(db)
    sid = dict(enumerate(stores))
    # phase 2 (launch still ahead): apply, approve -> approved; phase 1 (launched): straight to live
    queue_set_method(db, sid[INVITED], "wechat_pay", True)
    queue_set_method(db, sid[REJECTED], "wechat_pay", True)
    assert synced.run_once().pushed == 2
    for store in (sid[INVITED], sid[REJECTED]):
        stub.admin("POST", "/admin/reviews/finish", {"store_id": store, "outcome": "approve"})
    report = synced.run_once()
    news = {(n.kind, n.store_id) for n in report.news}
    assert ("review_approved", sid[INVITED]) in news
    assert ("went_live", sid[REJECTED]) in news
    stub.advance(40 * 86400)  # past every launch date
    report = synced.run_once()
    live = {n.store_id for n in report.news if n.kind == "went_live"}
    assert {sid[APPROVED], sid[INVITED]} <= live
    assert_in_sync(db, stub.state(merchant.merchant_id)["entities"])


def test_local_read_flag_survives_an_announcement_update(stub, merchant, db, synced):
    db.conn.execute("UPDATE announcements SET read = 1")
    synced.db.conn.execute("UPDATE meta SET value = '0' WHERE key = 'cursor'")  # pull everything again
    report = synced.run_once()
    assert report.error is None
    assert db.execute("SELECT count(*) FROM announcements WHERE read = 0").fetchone()[0] == 0

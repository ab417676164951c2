"""console.storage.repo: loading, the stores list, and the merchant's writes (coalescing, atomicity)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import sqlite_utils

from console.core.model import Device, Eligibility, Method, Platform, StoreStatus, SyncState
from console.storage import outbox as outbox_module
from console.storage.db import open_database
from console.storage.repo import NotInTransaction, OutboxStateError, Repository
from tests.helpers.factories import (
    FIXED_NOW,
    StoreSpec,
    make_db,
    mark_attempted,
    mark_in_flight,
    mark_refused,
    table_counts,
)

A, W = Method.ALIPAY, Method.WECHAT_PAY
NOW = FIXED_NOW


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    path = make_db(
        tmp_path,
        stores=[
            StoreSpec("tb-1", name="杭州女装 Flagship"),
            StoreSpec("tb-2", wechat="invited", phase=2),
            StoreSpec(
                "tm-3",
                platform="tmall",
                wechat="rejected",
                reason_code="LICENSE_MISMATCH",
                reason_zh="执照不符",
                reason_en="License mismatch",
            ),
            StoreSpec("tb-4", wechat="live"),
            StoreSpec("tb-5", status="frozen", with_wechat_row=False, name="100%_off shop"),
        ],
    )
    return open_database(path)


@pytest.fixture
def repo(db: sqlite_utils.Database) -> Repository:
    return Repository(db)


def outbox(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM outbox ORDER BY seq"))


def audit(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM audit ORDER BY id"))


def wish(repo: Repository, store_id: str, method: Method, enabled: bool):
    with repo.transaction():
        return repo.write_method_wish(store_id, method, enabled, NOW)


# -- loading ---------------------------------------------------------------------------------------
def test_loads_a_store_and_its_methods(repo: Repository) -> None:
    store = repo.store("tm-3")
    assert store is not None
    assert (store.platform, store.status, store.receive_code) == (
        Platform.TMALL,
        StoreStatus.OPEN,
        "mcpay://receive/tm-3",
    )
    methods = repo.methods("tm-3")
    assert set(methods) == {A, W}
    w = methods[W]
    assert w.eligibility is Eligibility.REJECTED and not w.enabled and w.wanted is None
    assert w.reason_code == "LICENSE_MISMATCH"
    assert w.reason_text is not None and w.reason_text.get("zh_CN") == "执照不符"
    assert repo.store("nope") is None
    assert repo.methods("nope") == {}
    assert set(repo.methods("tb-5")) == {A}


def test_loads_the_invitation_with_its_history_in_order(db: sqlite_utils.Database, repo: Repository) -> None:
    db.conn.execute(
        "INSERT INTO invitation_events (store_id, at, from_state, to_state, note) VALUES "
        "('tb-2', '2026-11-20T00:00:00Z', 'invited', 'in_review', 'applied'),"
        "('tb-2', '2026-11-01T00:00:00Z', NULL, 'not_invited', 'created')"
    )
    inv = repo.invitation("tb-2")
    assert inv is not None and inv.phase == 2
    assert inv.window_open(NOW)
    assert [e.note for e in inv.history] == ["created", "phase 2 opened", "applied"]
    assert inv.history[0].from_state is None
    assert repo.invitation("tb-1") is None


def test_terms_by_platform(repo: Repository) -> None:
    taobao = repo.terms(Platform.TAOBAO)
    assert [t.method for t in taobao] == [A, W]  # display order
    assert taobao[1].devices == frozenset({Device.MOBILE_APP, Device.PC_WEB, Device.WECHAT_MINI_PROGRAM})
    assert taobao[1].max_amount_fen == 5_000_000 and taobao[0].max_amount_fen is None
    assert len(repo.terms()) == 4


def test_announcements_with_feedback(db: sqlite_utils.Database, repo: Repository) -> None:
    with repo.transaction():
        repo.write_feedback("a-open", "同意", NOW)
    items = repo.announcements()
    assert [a.id for a in items] == ["a-future", "a-open", "a-closed"]  # newest first
    a_open = repo.announcement("a-open")
    assert a_open is not None
    assert a_open.title.get("en") == "WeChat Pay fee change"
    assert a_open.affects_methods == frozenset({W})
    assert [f.text for f in a_open.feedback] == ["同意"]
    assert a_open.feedback[0].sync_state is SyncState.PENDING
    assert repo.announcement("missing") is None
    assert repo.mark_read("a-open") and not repo.mark_read("missing")
    assert repo.announcement("a-open").read  # type: ignore[union-attr]


def test_merchant_and_meta(repo: Repository) -> None:
    merchant = repo.merchant()
    assert merchant is not None and merchant.id == "m-test"
    assert repo.get_meta("cursor") is None and repo.get_meta("cursor", "0") == "0"
    repo.set_meta("cursor", "17")
    repo.set_meta("cursor", "18")
    assert repo.get_meta("cursor") == "18"
    repo.delete_meta("cursor")
    assert repo.get_meta("cursor") is None
    first = repo.install_id()
    assert len(first) == 32 and repo.install_id() == first


# -- the stores list ----------------------------------------------------------------------------------
def ids(rows) -> list[str]:
    return [r.id for r in rows]


def test_list_stores_all_in_id_order(repo: Repository) -> None:
    rows = repo.list_stores()
    assert ids(rows) == ["tb-1", "tb-2", "tb-4", "tb-5", "tm-3"]
    tb5 = rows[3]
    assert tb5.wechat_eligibility is Eligibility.NOT_INVITED and not tb5.wechat_setting  # no row
    tb2 = rows[1]
    assert tb2.phase == 2 and tb2.deadline_at == NOW + timedelta(days=14)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"text": "flagship"}, ["tb-1"]),  # case-insensitive
        ({"text": "杭州"}, ["tb-1"]),
        ({"text": "TM-"}, ["tm-3"]),  # matches ids too
        ({"text": "100%"}, ["tb-5"]),  # % is literal
        ({"text": "0%_"}, ["tb-5"]),  # _ is literal
        ({"text": "_"}, ["tb-5"]),
        ({"platform": Platform.TMALL}, ["tm-3"]),
        ({"wechat_eligibility": Eligibility.NOT_INVITED}, ["tb-1", "tb-5"]),
        ({"wechat_eligibility": Eligibility.LIVE}, ["tb-4"]),
        ({"method": W, "method_on": True}, ["tb-4"]),
        ({"method": A, "method_on": False}, []),
        ({"store_ids": ["tb-2", "tm-3", "zz"]}, ["tb-2", "tm-3"]),
        ({"limit": 2}, ["tb-1", "tb-2"]),
        ({"text": "tb", "platform": Platform.TAOBAO, "limit": 1}, ["tb-1"]),
        ({"deadline_from": NOW, "deadline_to": NOW + timedelta(days=20)}, ["tb-2", "tb-4", "tm-3"]),
        ({"deadline_to": NOW}, []),
    ],
)
def test_list_stores_filters(repo: Repository, kwargs, expected) -> None:
    assert ids(repo.list_stores(**kwargs)) == expected


def test_list_stores_shows_the_merchants_setting_and_pending(repo: Repository) -> None:
    wish(repo, "tb-2", W, True)
    wish(repo, "tb-4", A, False)
    rows = {r.id: r for r in repo.list_stores()}
    assert rows["tb-2"].wechat_setting and rows["tb-2"].pending
    assert not rows["tb-4"].alipay_setting and rows["tb-4"].pending
    assert not rows["tb-1"].pending
    assert ids(repo.list_stores(pending_only=True)) == ["tb-2", "tb-4"]
    assert ids(repo.list_stores(method=A, method_on=False)) == ["tb-4"]


def test_wechat_counts(repo: Repository) -> None:
    counts = repo.wechat_counts()
    assert set(counts) == set(Eligibility)
    assert counts[Eligibility.NOT_INVITED] == 2  # tb-1 and tb-5 (no row)
    assert counts[Eligibility.INVITED] == counts[Eligibility.REJECTED] == counts[Eligibility.LIVE] == 1
    assert sum(counts.values()) == repo.store_count() == 5


# -- writing a wish ------------------------------------------------------------------------------------------
def test_writes_need_a_transaction(repo: Repository) -> None:
    with pytest.raises(NotInTransaction):
        repo.write_method_wish("tb-2", W, True, NOW)
    with pytest.raises(NotInTransaction):
        repo.write_feedback("a-open", "x", NOW)
    with pytest.raises(NotInTransaction):
        repo.discard("x", NOW)


def test_a_wish_writes_state_outbox_and_audit(db: sqlite_utils.Database, repo: Repository) -> None:
    write = wish(repo, "tb-2", W, True)
    assert write.outcome == "queued"
    assert write.state.wanted is True and write.state.enabled is False
    (row,) = outbox(db)
    assert row["id"] == write.outbox_id and len(row["id"]) == 32 and int(row["id"], 16) >= 0
    assert row["seq"] == 1 and row["kind"] == "set_method" and row["status"] == "queued"
    assert (row["store_id"], row["method"]) == ("tb-2", "wechat_pay")
    assert row["payload"] == '{"enabled": true}'  # the wire body, byte for byte
    assert row["created_at"] == "2026-11-24T02:00:00Z"
    (entry,) = audit(db)
    assert (entry["actor"], entry["action"], entry["result"]) == ("merchant", "set_method", "queued")
    assert entry["outbox_id"] == write.outbox_id and entry["store_id"] == "tb-2"
    assert json.loads(entry["detail"]) == {"enabled": True, "previous_setting": False, "confirmed": False}


def test_seq_increases_across_stores(db: sqlite_utils.Database, repo: Repository) -> None:
    wish(repo, "tb-2", W, True)
    wish(repo, "tb-4", A, False)
    with repo.transaction():
        repo.write_feedback("a-open", "ok", NOW)
    assert [r["seq"] for r in outbox(db)] == [1, 2, 3]
    assert [r["payload"] for r in outbox(db)] == ['{"enabled": true}', '{"enabled": false}', '{"text": "ok"}']


def test_unknown_method_row_is_a_key_error(repo: Repository) -> None:
    with pytest.raises(KeyError), repo.transaction():
        repo.write_method_wish("tb-5", W, True, NOW)


# -- coalescing --------------------------------------------------------------------------------------------
def test_back_to_the_confirmed_value_cancels_the_unsent_row(
    db: sqlite_utils.Database, repo: Repository
) -> None:
    first = wish(repo, "tb-4", A, False)
    second = wish(repo, "tb-4", A, True)
    assert second.outcome == "cancelled" and second.outbox_id == first.outbox_id
    assert outbox(db) == []
    assert second.state.wanted is None
    assert [a["result"] for a in audit(db)] == ["queued", "cancelled"]


def test_a_second_wish_updates_the_unsent_row(db: sqlite_utils.Database, repo: Repository) -> None:
    """Coalescing needs an unsent row whose value differs from the confirmed one: behind an
    in-flight change, flipping twice leaves one queued row carrying the last wish."""
    first = wish(repo, "tb-2", W, True)
    mark_in_flight(db, str(first.outbox_id))
    second = wish(repo, "tb-2", W, False)  # cannot touch the in-flight row: a new one
    assert second.outcome == "queued" and second.outbox_id != first.outbox_id
    third = wish(repo, "tb-2", W, True)  # the new row is unsent: it now carries True
    assert third.outcome == "coalesced" and third.outbox_id == second.outbox_id
    rows = outbox(db)
    assert [(r["status"], r["payload"]) for r in rows] == [
        ("in_flight", '{"enabled": true}'),
        ("queued", '{"enabled": true}'),
    ]
    assert third.state.wanted is True


def test_while_in_flight_going_back_queues_the_way_back(db: sqlite_utils.Database, repo: Repository) -> None:
    first = wish(repo, "tb-4", A, False)
    mark_in_flight(db, str(first.outbox_id))
    back = wish(repo, "tb-4", A, True)
    assert back.outcome == "queued"  # the platform will get "off" first, so "on" must follow
    assert back.state.wanted is True and back.state.enabled is True
    assert len(outbox(db)) == 2


def test_an_attempted_row_is_never_changed(db: sqlite_utils.Database, repo: Repository) -> None:
    """Its key may be on the platform already: a different body would be IDEMPOTENCY_KEY_REUSED."""
    first = wish(repo, "tb-4", A, False)
    mark_attempted(db, str(first.outbox_id))
    back = wish(repo, "tb-4", A, True)
    assert back.outcome == "queued" and back.outbox_id != first.outbox_id
    rows = outbox(db)
    assert rows[0]["payload"] == '{"enabled": false}' and rows[1]["payload"] == '{"enabled": true}'


def test_a_new_wish_clears_the_old_refusal(db: sqlite_utils.Database, repo: Repository) -> None:
    first = wish(repo, "tb-2", W, True)
    mark_refused(db, str(first.outbox_id), "WINDOW_NOT_OPEN", "not yet")
    assert repo.method("tb-2", W).refused_code == "WINDOW_NOT_OPEN"  # type: ignore[union-attr]
    again = wish(repo, "tb-2", W, True)
    assert again.outcome == "queued" and again.state.refused_code is None


# -- atomicity -----------------------------------------------------------------------------------------
def snapshot(db: sqlite_utils.Database) -> tuple:
    return (
        table_counts(db),
        db.conn.execute(
            "SELECT store_id, method, enabled, wanted, refused_code FROM methods ORDER BY 1, 2"
        ).fetchall(),
        db.conn.execute("SELECT * FROM outbox ORDER BY seq").fetchall(),
    )


@pytest.mark.parametrize(("owner", "step"), [(Repository, "add_audit"), (outbox_module, "enqueue")])
def test_a_failure_inside_the_transaction_writes_nothing(
    db: sqlite_utils.Database, repo: Repository, monkeypatch: pytest.MonkeyPatch, owner: object, step: str
) -> None:
    wish(repo, "tb-4", A, False)  # something already there, to see it is kept as it was
    before = snapshot(db)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(owner, step, boom)
    with pytest.raises(OSError):
        wish(repo, "tb-2", W, True)
    with pytest.raises(OSError), repo.transaction():
        repo.write_feedback("a-open", "x", NOW)
    assert snapshot(db) == before
    assert not db.conn.in_transaction


def test_a_failure_while_coalescing_keeps_the_old_row(
    db: sqlite_utils.Database, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    wish(repo, "tb-4", A, False)
    before = snapshot(db)
    monkeypatch.setattr(Repository, "add_audit", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
    with pytest.raises(RuntimeError):
        wish(repo, "tb-4", A, True)  # would delete the row and clear wanted
    assert snapshot(db) == before


# -- discard ------------------------------------------------------------------------------------------------
def test_discard_a_queued_change_restores_the_platforms_value(
    db: sqlite_utils.Database, repo: Repository
) -> None:
    first = wish(repo, "tb-2", W, True)
    with repo.transaction():
        row = repo.discard(str(first.outbox_id), NOW)
    assert row.status == "queued"
    assert outbox(db)[0]["status"] == "discarded" and outbox(db)[0]["finished_at"] == "2026-11-24T02:00:00Z"
    assert repo.method("tb-2", W).wanted is None  # type: ignore[union-attr]
    assert audit(db)[-1]["action"] == "discard" and audit(db)[-1]["result"] == "discarded"
    assert repo.outbox_count() == 0


def test_discard_keeps_the_wish_of_a_change_still_in_flight(
    db: sqlite_utils.Database, repo: Repository
) -> None:
    first = wish(repo, "tb-4", A, False)
    mark_in_flight(db, str(first.outbox_id))
    second = wish(repo, "tb-4", A, True)
    with repo.transaction():
        repo.discard(str(second.outbox_id), NOW)
    assert repo.method("tb-4", A).wanted is False  # type: ignore[union-attr]


def test_discard_a_refused_change_clears_the_refusal(db: sqlite_utils.Database, repo: Repository) -> None:
    first = wish(repo, "tb-2", W, True)
    mark_refused(db, str(first.outbox_id), "WINDOW_NOT_OPEN")
    with repo.transaction():
        repo.discard(str(first.outbox_id), NOW)
    state = repo.method("tb-2", W)
    assert state is not None and state.refused_code is None and state.wanted is None


def test_discard_feedback_removes_the_unsent_text(db: sqlite_utils.Database, repo: Repository) -> None:
    with repo.transaction():
        _, outbox_id = repo.write_feedback("a-open", "撤回", NOW)
    with repo.transaction():
        repo.discard(outbox_id, NOW)
    assert repo.announcement("a-open").feedback == ()  # type: ignore[union-attr]
    assert json.loads(audit(db)[-1]["detail"])["payload"] == {"text": "撤回"}  # kept in the audit


def test_discard_refuses_in_flight_and_unknown(db: sqlite_utils.Database, repo: Repository) -> None:
    first = wish(repo, "tb-2", W, True)
    mark_in_flight(db, str(first.outbox_id))
    with pytest.raises(OutboxStateError) as err, repo.transaction():
        repo.discard(str(first.outbox_id), NOW)
    assert err.value.status == "in_flight"
    with pytest.raises(KeyError), repo.transaction():
        repo.discard("nope", NOW)


def test_requeue_feedback_uses_a_new_key(db: sqlite_utils.Database, repo: Repository) -> None:
    with repo.transaction():
        feedback_id, old = repo.write_feedback("a-open", "再发", NOW)
    mark_refused(db, old, "OPINION_PERIOD_CLOSED")
    with repo.transaction():
        new = repo.requeue_feedback(old, NOW)
    assert new != old
    rows = {r["id"]: r for r in outbox(db)}
    assert rows[old]["status"] == "discarded" and rows[new]["status"] == "queued"
    assert rows[new]["payload"] == rows[old]["payload"]
    fb = db.conn.execute("SELECT id, outbox_id, sync_state FROM feedback").fetchall()
    assert fb == [(feedback_id, new, "pending")]


def test_coalescing_lookup_uses_an_index(db: sqlite_utils.Database) -> None:
    plan = db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, status, attempts FROM outbox WHERE store_id = ? AND method = ? "
        "AND kind = 'set_method' AND status IN ('queued', 'in_flight') ORDER BY seq",
        ("tb-1", "alipay"),
    ).fetchall()
    assert any("outbox_by_target" in str(step) for step in plan), plan

"""console.service.ConsoleService: the use cases over a real database built by the factories."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlite_utils

from console.core.model import Device, Eligibility, Method, Platform, SyncState
from console.core.reasons import ReasonCode
from console.core.rules import Refused
from console.service import ActivityFilter, ConsoleService, StoreFilter
from console.storage.db import open_database
from console.storage.repo import OutboxStateError
from tests.helpers.factories import (
    FIXED_NOW,
    Clock,
    StoreSpec,
    make_db,
    mark_done,
    mark_in_flight,
    mark_refused,
    table_counts,
)

A, W = Method.ALIPAY, Method.WECHAT_PAY
R = ReasonCode
DAY = timedelta(days=1)

STORES = [
    StoreSpec("tb-1", name="Alipay only"),
    StoreSpec("tb-2", wechat="invited"),
    StoreSpec("tb-3", wechat="live"),
    StoreSpec("tb-4", wechat="in_review"),
    StoreSpec("tb-5", wechat="rejected", reason_code="LICENSE_MISMATCH"),
    StoreSpec("tb-6", wechat="invited", deadline_at=FIXED_NOW + 3 * DAY),
    StoreSpec("tb-7", wechat="invited", window_opens_at=FIXED_NOW + 2 * DAY, deadline_at=FIXED_NOW + 9 * DAY),
    StoreSpec("tb-8", status="frozen", wechat="live"),
    StoreSpec("tm-9", platform="tmall", wechat="approved"),
]


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(make_db(tmp_path, stores=STORES))


@pytest.fixture
def service(db: sqlite_utils.Database, clock: Clock) -> ConsoleService:
    return ConsoleService(db, clock=clock)


# -- construction and reads -------------------------------------------------------------------------
def test_construction_runs_no_query(db: sqlite_utils.Database) -> None:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    ConsoleService(db)
    db.conn.set_trace_callback(None)
    assert statements == []


def test_merchant_and_counts(service: ConsoleService) -> None:
    merchant = service.merchant()
    assert merchant is not None and merchant.name == "Test Trading Co."
    assert service.store_count() == 9
    counts = service.status_counts()
    assert counts[Eligibility.INVITED] == 3 and counts[Eligibility.NOT_INVITED] == 1
    assert sum(counts.values()) == 9


def test_list_stores_with_a_filter(service: ConsoleService) -> None:
    assert [r.id for r in service.list_stores(StoreFilter(platform=Platform.TMALL))] == ["tm-9"]
    invited = service.list_stores(StoreFilter(wechat_eligibility=Eligibility.INVITED))
    assert [r.id for r in invited] == ["tb-2", "tb-6", "tb-7"]
    assert [r.id for r in service.list_stores(StoreFilter(text="alipay ONLY"))] == ["tb-1"]
    assert len(service.list_stores(limit=3)) == 3
    on = service.list_stores(StoreFilter(method=W, method_on=True))
    assert [r.id for r in on] == ["tb-3", "tb-4", "tb-8", "tm-9"]


def test_deadlines_soon_lists_stores_that_can_still_apply(service: ConsoleService) -> None:
    assert [r.id for r in service.deadlines_soon(7)] == ["tb-6"]
    assert [r.id for r in service.deadlines_soon(15)] == ["tb-6", "tb-7", "tb-2", "tb-5"]


def test_store_detail_three_axes(service: ConsoleService) -> None:
    detail = service.store_detail("tb-2")
    alipay, wechat = detail.methods[A], detail.methods[W]
    assert alipay.shown_to_shoppers and alipay.hidden_reasons == ()
    assert alipay.toggle_allowed is not None and alipay.toggle_allowed.code is R.LAST_LIVE_METHOD
    assert not wechat.shown_to_shoppers
    assert [r.code for r in wechat.hidden_reasons] == [R.INVITATION_NOT_ACCEPTED]
    assert wechat.toggle_allowed is None  # may apply now
    assert wechat.terms is not None and wechat.terms.fee_bps == 55
    assert detail.invitation is not None and detail.invitation.phase == 1
    assert detail.next_step is not None and detail.next_step.code is R.INVITATION_NOT_ACCEPTED


def test_store_detail_of_a_frozen_store(service: ConsoleService) -> None:
    detail = service.store_detail("tb-8")
    for view in detail.methods.values():
        assert not view.shown_to_shoppers and view.hidden_reasons[0].code is R.STORE_FROZEN
        assert view.toggle_allowed is not None and view.toggle_allowed.code is R.STORE_FROZEN
    assert detail.next_step is not None and detail.next_step.code is R.STORE_FROZEN


def test_unknown_store_reads_raise_key_error(service: ConsoleService) -> None:
    with pytest.raises(KeyError):
        service.store_detail("nope")
    with pytest.raises(KeyError):
        service.why_hidden("nope", W)
    with pytest.raises(KeyError):
        service.checkout_preview("nope", 100, Device.MOBILE_APP)
    with pytest.raises(KeyError):
        service.monthly_fees("nope", 100)


def test_why_hidden_with_a_device(service: ConsoleService) -> None:
    assert service.why_hidden("tb-3", W) == []
    assert [r.code for r in service.why_hidden("tb-3", W, Device.ALIPAY_MINI_PROGRAM)] == [
        R.DEVICE_UNSUPPORTED
    ]
    assert [r.code for r in service.why_hidden("tm-9", W)] == [R.AWAITING_LAUNCH]


def test_checkout_preview(service: ConsoleService) -> None:
    pv = service.checkout_preview("tb-3", 12_345, Device.PC_WEB)
    assert [(line.method, line.fee_fen, line.as_qr) for line in pv.shown] == [(A, 74, True), (W, 68, True)]
    assert pv.receive_code == "mcpay://receive/tb-3"
    with pytest.raises(Refused) as err:
        service.checkout_preview("tb-3", 0, Device.PC_WEB)
    assert err.value.reason.code is R.AMOUNT_INVALID


def test_monthly_fees_for_the_stores_platform(service: ConsoleService) -> None:
    rows = service.monthly_fees("tm-9", 1_000_000)
    assert [(r.method, r.fee_bps, r.fee_fen, r.net_fen) for r in rows] == [
        (W, 50, 5_000, 995_000),
        (A, 60, 6_000, 994_000),
    ]
    # tm-9's WeChat Pay is approved, not live yet: priced, but not available to shoppers
    assert [r.available for r in rows] == [False, True]


def test_checkout_simulation_reads_the_page_in_one_go(service: ConsoleService) -> None:
    sim = service.checkout_simulation("tb-3", 12_345, Device.PC_WEB, 1_000_000)
    assert sim.preview == service.checkout_preview("tb-3", 12_345, Device.PC_WEB)
    assert sim.fee_rows == service.monthly_fees("tb-3", 1_000_000)
    assert sim.store_name == service.store_detail("tb-3").store.name
    with pytest.raises(KeyError):
        service.checkout_simulation("nope", 100, Device.PC_WEB, 0)


def test_store_names_and_the_invited_scope(service: ConsoleService) -> None:
    invited = service.invited_store_ids()
    assert invited and all(service.store_detail(i).methods[W].state.eligibility == "invited" for i in invited)
    assert service.store_names([]) == {}
    names = service.store_names(["tb-3", "nope"])
    assert names == {"tb-3": service.store_detail("tb-3").store.name}


# -- set_method -------------------------------------------------------------------------------------------
def test_apply_for_wechat_pay(db: sqlite_utils.Database, service: ConsoleService) -> None:
    result = service.set_method("tb-2", W, True)
    assert result.applied and result.outcome == "queued" and result.reason is None
    assert result.expected_eligibility is Eligibility.IN_REVIEW
    assert result.state is not None and result.state.sync_state is SyncState.PENDING
    assert service.pending_count() == 1
    detail = service.store_detail("tb-2")
    assert [r.code for r in detail.methods[W].hidden_reasons] == [R.PENDING_SYNC]
    assert detail.next_step is not None and detail.next_step.code is R.PENDING_SYNC
    assert service.list_stores(StoreFilter(pending_only=True))[0].id == "tb-2"


@pytest.mark.parametrize(
    ("store", "method", "enabled", "code"),
    [
        ("tb-1", A, False, R.LAST_LIVE_METHOD),
        ("tb-1", W, True, R.NOT_INVITED),
        ("tb-7", W, True, R.WINDOW_NOT_OPEN),
        ("tb-8", A, False, R.STORE_FROZEN),
        ("tb-4", W, True, R.NO_CHANGE),
        ("tb-3", A, True, R.NO_CHANGE),
    ],
)
def test_refusals_write_nothing(
    db: sqlite_utils.Database, service: ConsoleService, store, method, enabled, code
) -> None:
    before = table_counts(db)
    result = service.set_method(store, method, enabled)
    assert not result.applied and result.reason is not None and result.reason.code is code
    assert result.outbox_id is None and result.state is not None
    assert table_counts(db) == before


def test_unknown_store_is_a_reason_for_changes(service: ConsoleService) -> None:
    result = service.set_method("nope", A, False)
    assert not result.applied and result.reason is not None and result.reason.code is R.UNKNOWN_STORE
    assert result.reason.params == {"store_id": "nope"}


def test_dry_run_answers_without_writing(db: sqlite_utils.Database, service: ConsoleService) -> None:
    before = table_counts(db)
    result = service.set_method("tb-4", W, False, dry_run=True)  # would withdraw the application
    assert result.applied and result.outbox_id is None and result.outcome is None
    assert result.expected_eligibility is Eligibility.INVITED
    assert result.state is not None and result.state.wanted is False
    refused = service.set_method("tb-1", A, False, dry_run=True)
    assert not refused.applied and refused.reason is not None and refused.reason.code is R.LAST_LIVE_METHOD
    assert table_counts(db) == before
    assert not db.conn.in_transaction


def test_turning_back_cancels_the_unsent_change(service: ConsoleService) -> None:
    first = service.set_method("tb-3", A, False)
    back = service.set_method("tb-3", A, True)
    assert back.applied and back.outcome == "cancelled" and back.outbox_id == first.outbox_id
    assert back.state is not None and back.state.wanted is None
    assert service.pending_count() == 0
    # the first wish is not "waiting to sync" forever: turning back settled it
    assert [e.result for e in service.activity()] == ["cancelled", "cancelled"]


def test_pending_wish_counts_for_the_last_live_rule(service: ConsoleService) -> None:
    assert service.set_method("tb-3", W, False).applied  # Alipay still on
    refused = service.set_method("tb-3", A, False)
    assert refused.reason is not None and refused.reason.code is R.LAST_LIVE_METHOD


def test_withdrawal_pending_can_be_undone(service: ConsoleService) -> None:
    off = service.set_method("tb-4", W, False)
    assert off.applied and off.expected_eligibility is Eligibility.INVITED
    on = service.set_method("tb-4", W, True)
    assert on.applied and on.outcome == "cancelled"


# -- pending, retry, discard -----------------------------------------------------------------------
def test_pending_changes_as_the_merchant_sees_them(
    db: sqlite_utils.Database, service: ConsoleService
) -> None:
    a = service.set_method("tb-2", W, True)
    b = service.set_method("tb-3", A, False)
    f = service.send_feedback("a-open", "好")
    mark_in_flight(db, str(b.outbox_id))
    mark_refused(db, str(a.outbox_id), "WINDOW_NOT_OPEN", "window opens later")
    changes = service.pending_changes()
    assert [c.id for c in changes] == [a.outbox_id, b.outbox_id, f.outbox_id]
    first = changes[0]
    assert (first.status, first.store_name, first.method, first.enabled) == ("refused", "Store tb-2", W, True)
    assert first.refusal is not None and first.refusal.code is R.WINDOW_NOT_OPEN
    assert changes[1].status == "in_flight" and changes[1].attempts == 1
    assert (
        changes[2].kind == "send_feedback"
        and changes[2].announcement_id == "a-open"
        and changes[2].enabled is None
    )
    assert service.pending_count() == 3


def test_unknown_platform_refusal_keeps_its_message(
    db: sqlite_utils.Database, service: ConsoleService
) -> None:
    a = service.set_method("tb-2", W, True)
    mark_refused(db, str(a.outbox_id), "SOMETHING_NEW", "A new rule")
    (change,) = service.pending_changes()
    assert change.refusal is not None and change.refusal.code is R.PLATFORM_REFUSED
    assert change.refusal.params == {"code": "SOMETHING_NEW", "message": "A new rule"}


def test_retry_queues_again_under_a_new_key(db: sqlite_utils.Database, service: ConsoleService) -> None:
    a = service.set_method("tb-2", W, True)
    mark_refused(db, str(a.outbox_id), "RATE_LIMITED")
    assert service.store_detail("tb-2").methods[W].state.sync_state is SyncState.REFUSED
    result = service.retry_change(str(a.outbox_id))
    assert result.applied and result.outcome == "queued" and result.outbox_id != a.outbox_id
    statuses = {c.id: c.status for c in service.pending_changes()}
    assert statuses == {result.outbox_id: "queued"}
    assert result.state is not None and result.state.wanted is True and result.state.refused_code is None
    assert [e.action for e in service.activity()][:2] == ["set_method", "retry"]


def test_retry_is_checked_against_todays_rules(
    db: sqlite_utils.Database, service: ConsoleService, clock: Clock
) -> None:
    a = service.set_method("tb-6", W, True)
    mark_refused(db, str(a.outbox_id), "UNAVAILABLE")
    clock.advance(days=4)  # the deadline passed meanwhile
    result = service.retry_change(str(a.outbox_id))
    assert not result.applied and result.reason is not None and result.reason.code is R.INVITATION_EXPIRED
    assert [c.status for c in service.pending_changes()] == ["refused"]  # left for the merchant


def test_retry_when_the_platform_already_has_it(db: sqlite_utils.Database, service: ConsoleService) -> None:
    a = service.set_method("tb-3", A, False)
    mark_refused(db, str(a.outbox_id), "UNAVAILABLE")
    db.conn.execute("UPDATE methods SET enabled = 0 WHERE store_id = 'tb-3' AND method = 'alipay'")
    result = service.retry_change(str(a.outbox_id))
    assert not result.applied and result.reason is not None and result.reason.code is R.NO_CHANGE
    assert service.pending_changes() == []


def test_retry_feedback(db: sqlite_utils.Database, service: ConsoleService, clock: Clock) -> None:
    f = service.send_feedback("a-open", "请延期")
    mark_refused(db, str(f.outbox_id), "UNAVAILABLE")
    again = service.retry_change(str(f.outbox_id))
    assert again.applied and again.outbox_id != f.outbox_id
    mark_refused(db, str(again.outbox_id), "UNAVAILABLE")
    clock.advance(days=5)  # the opinion period closed
    late = service.retry_change(str(again.outbox_id))
    assert late.reason is not None and late.reason.code is R.OPINION_PERIOD_CLOSED


def test_retry_only_refused_rows(db: sqlite_utils.Database, service: ConsoleService) -> None:
    a = service.set_method("tb-2", W, True)
    with pytest.raises(OutboxStateError):
        service.retry_change(str(a.outbox_id))
    with pytest.raises(KeyError):
        service.retry_change("nope")


def test_discard(db: sqlite_utils.Database, service: ConsoleService) -> None:
    a = service.set_method("tb-2", W, True)
    result = service.discard_change(str(a.outbox_id))
    assert result.applied and result.outcome == "discarded"
    assert result.state is not None and result.state.wanted is None
    assert service.pending_changes() == []
    b = service.set_method("tb-2", W, True)
    mark_in_flight(db, str(b.outbox_id))
    with pytest.raises(OutboxStateError):
        service.discard_change(str(b.outbox_id))
    with pytest.raises(KeyError):
        service.discard_change("nope")


def test_after_the_platform_confirms(db: sqlite_utils.Database, service: ConsoleService) -> None:
    a = service.set_method("tb-2", W, True)
    mark_done(db, str(a.outbox_id), eligibility="in_review")
    view = service.store_detail("tb-2").methods[W]
    assert view.state.sync_state is SyncState.CONFIRMED and view.state.enabled
    assert [r.code for r in view.hidden_reasons] == [R.REVIEW_PENDING]
    assert service.pending_count() == 0


# -- feedback, announcements, activity --------------------------------------------------------------
def test_send_feedback(db: sqlite_utils.Database, service: ConsoleService) -> None:
    result = service.send_feedback("a-open", "  建议延长过渡期  ")
    assert result.applied and result.outcome == "queued" and result.store_id is None
    (a,) = [x for x in service.announcements() if x.id == "a-open"]
    assert [(f.text, f.sync_state) for f in a.feedback] == [("建议延长过渡期", SyncState.PENDING)]
    payload = db.conn.execute("SELECT payload FROM outbox").fetchone()[0]
    assert payload == '{"text": "建议延长过渡期"}'


@pytest.mark.parametrize(
    ("announcement", "text", "code"),
    [
        ("a-closed", "late", R.OPINION_PERIOD_CLOSED),
        ("a-future", "early", R.OPINION_NOT_OPEN),
        ("a-open", "   ", R.FEEDBACK_EMPTY),
        ("a-open", "x" * 2001, R.FEEDBACK_TOO_LONG),
        ("missing", "hi", R.UNKNOWN_ANNOUNCEMENT),
    ],
)
def test_feedback_refusals_write_nothing(
    db: sqlite_utils.Database, service: ConsoleService, announcement, text, code
) -> None:
    before = table_counts(db)
    result = service.send_feedback(announcement, text)
    assert not result.applied and result.reason is not None and result.reason.code is code
    assert table_counts(db) == before


def test_mark_read(service: ConsoleService) -> None:
    service.mark_read("a-open")
    assert service.announcement("a-open").read  # type: ignore[union-attr]
    service.mark_read("a-open", False)
    assert not service.announcement("a-open").read  # type: ignore[union-attr]
    with pytest.raises(KeyError):
        service.mark_read("missing")


def test_activity_filters(service: ConsoleService) -> None:
    service.set_method("tb-2", W, True)
    service.set_method("tb-3", A, False)
    service.set_method("tb-3", A, True)
    assert [e.store_id for e in service.activity()] == ["tb-3", "tb-3", "tb-2"]
    assert [e.result for e in service.activity(ActivityFilter(store_id="tb-3"))] == ["cancelled", "cancelled"]
    assert len(service.activity(ActivityFilter(method=W))) == 1
    assert len(service.activity(ActivityFilter(result="cancelled"))) == 2
    assert [e.store_id for e in service.activity(ActivityFilter(result="queued"))] == ["tb-2"]
    assert len(service.activity(ActivityFilter(limit=1))) == 1
    entry = service.activity(ActivityFilter(store_id="tb-2"))[0]
    assert entry.actor == "merchant" and entry.method is W and entry.at == FIXED_NOW
    assert entry.detail == {"enabled": True, "previous_setting": False, "confirmed": False}

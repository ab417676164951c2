"""The outbox state machine itself (console.storage.outbox), transition by transition.

The sync tests drive it through a live stub platform; these pin each transition's rule on its
own, so a change to one is caught where it is made.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlite_utils

from console.core.model import Method
from console.core.timeutil import format_ts
from console.storage import outbox
from console.storage.db import open_database, transaction
from console.storage.outbox import OutboxStateError
from console.storage.repo import Repository
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db

A = Method.ALIPAY


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(make_db(tmp_path, stores=[StoreSpec(f"tb-{i}", wechat="live") for i in (1, 2)]))


def wish(db: sqlite_utils.Database, store_id: str, enabled: bool) -> tuple[str, str | None]:
    with transaction(db.conn):
        return outbox.write_wish(db.conn, store_id, A, enabled, confirmed=True, now=FIXED_NOW)


def status(db: sqlite_utils.Database, outbox_id: str) -> tuple[str, int]:
    row = outbox.get(db.conn, outbox_id)
    assert row is not None
    return row.status, row.attempts


def test_enqueue_coalesce_cancel(db: sqlite_utils.Database) -> None:
    outcome, first = wish(db, "tb-1", False)
    assert outcome == "queued" and first is not None
    assert wish(db, "tb-1", False) == ("coalesced", first)  # never attempted: merged
    assert wish(db, "tb-1", True) == ("cancelled", first)  # back to the confirmed value
    assert outbox.get(db.conn, first) is None and outbox.count(db.conn) == 0


def test_an_attempted_row_is_never_rewritten(db: sqlite_utils.Database) -> None:
    _, first = wish(db, "tb-1", False)
    assert first is not None
    assert list(outbox.claim(db.conn, [first])) == [first]
    outbox.release(db.conn, [first], uncount=False)  # the request may have left
    outcome, second = wish(db, "tb-1", True)
    assert outcome == "queued" and second != first  # follows it instead of changing it
    assert [r.id for r in outbox.rows(db.conn)] == [first, second]


def test_claim_is_exclusive_and_release_can_take_the_attempt_back(db: sqlite_utils.Database) -> None:
    _, oid = wish(db, "tb-1", False)
    assert oid is not None
    claimed = outbox.claim(db.conn, [oid])
    assert claimed[oid]["status"] == "in_flight" and claimed[oid]["attempts"] == 1
    assert outbox.claim(db.conn, [oid]) == {}  # a second engine gets nothing
    outbox.release(db.conn, [oid], uncount=True)
    assert status(db, oid) == ("queued", 0)
    assert wish(db, "tb-1", False) == ("coalesced", oid)  # never left: still mergeable


def test_back_off_and_recover(db: sqlite_utils.Database) -> None:
    _, oid = wish(db, "tb-1", False)
    assert oid is not None
    outbox.claim(db.conn, [oid])
    due = FIXED_NOW + timedelta(seconds=30)
    outbox.back_off(db.conn, oid, attempts=1, next_attempt_at=due, error="offline")
    raw = outbox.waiting_raw(db.conn)[0]
    assert (raw["status"], raw["next_attempt_at"], raw["last_error"]) == ("queued", format_ts(due), "offline")
    outbox.claim(db.conn, [oid])
    assert outbox.recover_in_flight(db.conn) == 1  # its sender died
    assert status(db, oid) == ("queued", 2)
    assert outbox.recover_in_flight(db.conn) == 0


def test_finish_and_refuse_keep_a_newer_wish(db: sqlite_utils.Database) -> None:
    repo = Repository(db)
    _, first = wish(db, "tb-1", False)
    assert first is not None
    row = outbox.claim(db.conn, [first])[first]
    _, second = wish(db, "tb-1", True)  # a newer wish while the first is out
    with transaction(db.conn):
        outbox.refuse(db.conn, row, FIXED_NOW, code="LAST_LIVE_METHOD", message="no")
    state = repo.method("tb-1", A)
    assert state is not None and state.wanted is True and state.refused_code == "LAST_LIVE_METHOD"
    assert status(db, first)[0] == "refused"
    second_row = outbox.claim(db.conn, [second])[second]  # type: ignore[list-item, index]
    with transaction(db.conn):
        outbox.finish(db.conn, second_row, FIXED_NOW)
    state = repo.method("tb-1", A)
    assert state is not None and state.wanted is None and state.refused_code is None
    assert status(db, second)[0] == "done"  # type: ignore[arg-type]


def test_discard_only_what_has_not_left(db: sqlite_utils.Database) -> None:
    _, oid = wish(db, "tb-1", False)
    assert oid is not None
    outbox.claim(db.conn, [oid])
    with pytest.raises(OutboxStateError), transaction(db.conn):
        outbox.discard(db.conn, oid, FIXED_NOW)
    outbox.release(db.conn, [oid], uncount=True)
    with transaction(db.conn):
        outbox.discard(db.conn, oid, FIXED_NOW)
    assert status(db, oid)[0] == "discarded"
    assert Repository(db).method("tb-1", A).wanted is None  # type: ignore[union-attr]
    with pytest.raises(KeyError), transaction(db.conn):
        outbox.discard(db.conn, "no-such-change", FIXED_NOW)

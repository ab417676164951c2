"""ConsoleService.set_method_bulk: per-store rules, chunks, progress, cancel, dry run."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from console.core.model import Eligibility, Method
from console.core.reasons import ReasonCode
from console.service import ConsoleService, StoreFilter
from console.storage.db import open_database
from console.storage.repo import Repository
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db, table_counts

W, A = Method.WECHAT_PAY, Method.ALIPAY
R = ReasonCode


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    specs = [StoreSpec(f"tb-{i:03d}", wechat="invited") for i in range(1, 101)]
    specs += [
        StoreSpec("tb-900", wechat="not_invited"),
        StoreSpec("tb-901", status="frozen", wechat="invited"),
    ]
    return open_database(make_db(tmp_path, stores=specs))


@pytest.fixture
def service(db: sqlite_utils.Database) -> ConsoleService:
    return ConsoleService(db, clock=lambda: FIXED_NOW)


def invited(service: ConsoleService) -> list[str]:
    return [r.id for r in service.list_stores(StoreFilter(wechat_eligibility=Eligibility.INVITED))]


def test_each_store_is_checked_on_its_own(db: sqlite_utils.Database, service: ConsoleService) -> None:
    ids = ["tb-001", "tb-900", "tb-901", "nope", "tb-002", "tb-001"]
    result = service.set_method_bulk(ids, W, True)
    assert not result.cancelled and result.total == 6 and not result.dry_run
    assert [r.store_id for r in result.results] == ids
    assert [r.store_id for r in result.changed] == ["tb-001", "tb-002"]
    assert {r.store_id: r.reason.code for r in result.refused if r.reason} == {
        "tb-900": R.NOT_INVITED,
        "tb-901": R.STORE_FROZEN,
        "nope": R.UNKNOWN_STORE,
    }
    assert [r.store_id for r in result.unchanged] == ["tb-001"]  # the duplicate: already on
    assert service.pending_count() == 2


def test_progress_is_reported_per_committed_chunk(service: ConsoleService) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    ids = invited(service)
    result = service.set_method_bulk(ids, W, True, progress=progress, chunk_size=30)
    assert calls == [(30, 101), (60, 101), (90, 101), (101, 101)]
    assert len(result.changed) == 100  # tb-901 is frozen
    assert service.pending_count() == 100


def test_cancel_keeps_what_was_done(db: sqlite_utils.Database, service: ConsoleService) -> None:
    ids = invited(service)
    result = service.set_method_bulk(ids, W, True, progress=lambda done, total: done < 40, chunk_size=20)
    assert result.cancelled
    assert len(result.results) == 40 and result.total == 101
    assert service.pending_count() == 40
    assert [r.id for r in service.list_stores(StoreFilter(pending_only=True))] == ids[:40]
    # a cancel after the last chunk is no cancel
    rest = service.set_method_bulk(ids[40:], W, True, progress=lambda d, t: False, chunk_size=1000)
    assert not rest.cancelled and len(rest.results) == 61


def test_dry_run_writes_nothing(db: sqlite_utils.Database, service: ConsoleService) -> None:
    before = table_counts(db)
    calls: list[int] = []
    result = service.set_method_bulk(
        [*invited(service), "tb-900"],
        W,
        True,
        dry_run=True,
        chunk_size=50,
        progress=lambda d, t: calls.append(d) is None,
    )
    assert result.dry_run and len(result.changed) == 100 and len(result.refused) == 2
    assert all(
        r.outbox_id is None and r.expected_eligibility is Eligibility.IN_REVIEW for r in result.changed
    )
    assert calls == [50, 100, 102]
    assert table_counts(db) == before


def test_a_failure_rolls_back_its_chunk_only(
    db: sqlite_utils.Database, service: ConsoleService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Repository.write_method_wish
    calls = {"n": 0}

    def flaky(self: Repository, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 25:
            raise OSError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Repository, "write_method_wish", flaky)
    with pytest.raises(OSError):
        service.set_method_bulk(invited(service), W, True, chunk_size=10)
    # chunks 1 and 2 (20 stores) committed; the third chunk rolled back as a whole
    assert service.pending_count() == 20
    assert table_counts(db)["audit"] == 20
    assert not db.conn.in_transaction


def test_bulk_turn_off_respects_the_last_live_method(service: ConsoleService) -> None:
    result = service.set_method_bulk(["tb-001", "tb-002"], A, False)
    assert [r.reason.code for r in result.refused if r.reason] == [R.LAST_LIVE_METHOD] * 2
    assert result.changed == ()

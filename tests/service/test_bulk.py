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


# -- the plan, the scopes, the sending progress, the CSV (#16) ----------------------------------
def test_the_plan_has_a_row_per_store_with_what_and_why(service: ConsoleService) -> None:
    from console.service import BulkOutcome, plan_row_why

    service.set_method("tb-002", W, True)  # already wanted on: "already so"
    plan = service.bulk_plan(["tb-001", "tb-002", "tb-900", "tb-901", "nope"], W, True)
    outcomes = {r.store_id: r.outcome for r in plan.rows}
    assert outcomes == {
        "tb-001": BulkOutcome.CHANGE,
        "tb-002": BulkOutcome.ALREADY,
        "tb-900": BulkOutcome.REFUSED,
        "tb-901": BulkOutcome.REFUSED,
        "nope": BulkOutcome.REFUSED,
    }
    rows = {r.store_id: r for r in plan.rows}
    assert rows["tb-001"].store_name and rows["nope"].store_name is None
    assert rows["tb-900"].reason and rows["tb-900"].reason.code is R.NOT_INVITED
    assert plan_row_why(rows["tb-001"], True, "en") == (
        "It is off now and will be on. This sends an application (it goes into review)."
    )
    assert plan_row_why(rows["tb-002"], True, "zh_CN") == "已经是开，无需修改。"
    assert "frozen" in plan_row_why(rows["tb-901"], True, "en")
    assert plan.count(BulkOutcome.CHANGE) == 1 and plan.store_ids(BulkOutcome.REFUSED)[0] == "tb-900"
    assert service.pending_count() == 1  # the plan wrote nothing


def test_scopes_filter_ids_and_all(service: ConsoleService) -> None:
    assert len(service.bulk_store_ids(None)) == 102
    assert service.bulk_store_ids(StoreFilter(text="tb-90")) == ["tb-900", "tb-901"]
    assert service.bulk_store_ids(("tb-002", "tb-001", "tb-002")) == ["tb-002", "tb-001"]
    assert service.unknown_store_ids(["tb-001", "x-1", "x-1", "tb-002"]) == ["x-1"]


def test_send_counts_follow_the_outbox(db: sqlite_utils.Database, service: ConsoleService) -> None:
    from tests.helpers.factories import mark_done, mark_in_flight, mark_refused

    result = service.set_method_bulk(["tb-001", "tb-002", "tb-003", "tb-004"], W, True)
    ids = [r.outbox_id for r in result.changed if r.outbox_id]
    counts = service.bulk_send_counts(result)
    assert (counts.waiting, counts.sent, counts.confirmed, counts.settled) == (4, 0, 0, False)
    mark_in_flight(db, ids[0])
    mark_in_flight(db, ids[1])
    mark_done(db, ids[1])
    mark_refused(db, ids[2], code="WINDOW_CLOSED", message="closed")
    counts = service.bulk_send_counts(result)
    assert (counts.waiting, counts.sending, counts.confirmed, counts.refused) == (1, 1, 1, 1)
    assert counts.sent == 3 and not counts.settled


def test_plan_csv_has_bom_separate_columns_zone_and_private_mode(
    tmp_path: Path, service: ConsoleService
) -> None:
    import csv
    import stat

    from console.service import write_bulk_plan_csv

    plan = service.bulk_plan(["tb-001", "tb-900", "nope"], W, True)
    path = tmp_path / "plan.csv"
    assert write_bulk_plan_csv(path, plan, "zh_CN") == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["店铺编号", "店铺名称", "支付方式", "修改为", "结果", "原因", "检查时间"]
    assert rows[1][0] == "tb-001" and rows[1][4] == "将修改"
    assert rows[2][4] == "被拒绝" and rows[2][5]
    assert rows[3][:2] == ["nope", "（未知店铺）"]
    assert rows[1][6].startswith("2026-11-24T") and rows[1][6][-6] in "+-"  # ISO 8601 with zone
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

"""The activity log's reading of the audit table: outcomes settled, routine pulls folded.

The issue: the merchant's own rows said "waiting to sync" long after the platform answered, and
one "fetched updates" row per sync pass buried the merchant's own changes. The table stays
append-only; :func:`console.storage.audit.activity` reads it the way a merchant does.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from console.core.model import Method
from console.service import ActivityFilter, ConsoleService
from console.storage import audit
from console.storage.db import transaction
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db, make_service

A, W = Method.ALIPAY, Method.WECHAT_PAY
DAY = timedelta(days=1)


@pytest.fixture
def service(tmp_path: Path) -> ConsoleService:
    path = make_db(tmp_path, stores=[StoreSpec("tb-1", wechat="live"), StoreSpec("tb-2", wechat="live"),
                                   StoreSpec("tb-3", wechat="live")])
    return make_service(path)


def sync_answer(service: ConsoleService, outbox_id: str, result: str, at: datetime = FIXED_NOW) -> None:
    """The row the sync engine writes when the platform answers (outbox.record_sync)."""
    with transaction(service.db.conn):
        audit.record(
            service.db.conn, at=at, actor="sync", action="set_method", result=result,
            store_id="tb-1", method=A, outbox_id=outbox_id, detail={"enabled": False},
        )


def pull(service: ConsoleService, at: datetime, pulled: int = 3, news: dict[str, int] | None = None) -> None:
    with transaction(service.db.conn):
        audit.record(
            service.db.conn, at=at, actor="sync", action="sync_pull", result="ok",
            detail={"pulled": pulled, "pages": 1, "cursor": 9, "news": news or {}},
        )


def test_own_rows_follow_the_platforms_answer(service: ConsoleService) -> None:
    confirmed = service.set_method("tb-1", A, False)
    refused = service.set_method("tb-2", A, False)
    waiting = service.set_method("tb-3", W, False)
    assert confirmed.outbox_id and refused.outbox_id and waiting.outbox_id
    sync_answer(service, confirmed.outbox_id, "ok")
    sync_answer(service, refused.outbox_id, "refused")
    mine = {(e.store_id, e.method): e.result for e in service.activity() if e.actor == "merchant"}
    assert mine == {("tb-1", A): "confirmed", ("tb-2", A): "refused", ("tb-3", W): "queued"}
    # the filter reads the same words the table shows
    assert [e.method for e in service.activity(ActivityFilter(result="queued"))] == [W]
    assert [(e.actor, e.store_id) for e in service.activity(ActivityFilter(result="confirmed"))] == [
        ("merchant", "tb-1")
    ]
    assert len(service.activity(ActivityFilter(result="refused"))) == 2  # the answer and the change
    # nothing was rewritten: the table still holds what happened, as it happened
    stored = [r[6] for r in service.repo.audit_rows() if r[2] == "merchant"]
    assert stored == ["queued", "queued", "queued"]


def test_routine_pulls_fold_into_one_line_per_day(service: ConsoleService) -> None:
    noon = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    for minutes in (0, 5, 10):  # three routine passes on the 20th
        pull(service, noon + timedelta(minutes=minutes), pulled=2)
    pull(service, noon + timedelta(minutes=15), pulled=4, news={"went_live": 1})  # news: its own line
    change = service.set_method("tb-1", A, False)
    assert change.applied
    pull(service, noon + 2 * DAY, pulled=1)  # another day
    rows = audit.activity(service.db.conn, tz=UTC)
    pulls = [(r[1], r[7]) for r in rows if r[3] == "sync_pull"]
    assert len(pulls) == 3
    newest_day, with_news, folded = pulls
    assert newest_day[1]["passes"] == 1
    assert with_news[1]["news"] == {"went_live": 1} and "folded" not in with_news[1]
    assert folded[0] == noon + timedelta(minutes=10)  # the day's newest pass
    assert folded[1] == {"folded": True, "passes": 3, "pulled": 6, "first_at": "2026-11-20T12:00:00Z"}
    # the merchant's change is not buried: it is among the first lines
    assert [r[3] for r in rows][:2] == ["sync_pull", "set_method"]


def test_days_are_the_merchants_days(service: ConsoleService) -> None:
    """Two passes 2 hours apart around midnight in Shanghai (UTC+8): two days there, one in UTC."""
    late = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
    pull(service, late)
    pull(service, late + timedelta(hours=2))  # 01:00 the next day in Shanghai
    shanghai = timezone(timedelta(hours=8))
    assert len(audit.activity(service.db.conn, tz=shanghai)) == 2
    assert len(audit.activity(service.db.conn, tz=UTC)) == 1


def test_a_page_is_filled_across_batches(service: ConsoleService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_BATCH", 4)
    start = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    for day in range(10):  # ten days of routine passes, five a day
        for minutes in range(5):
            pull(service, start + day * DAY + timedelta(minutes=minutes))
    rows = audit.activity(service.db.conn, limit=7, tz=UTC)
    assert len(rows) == 7
    assert all(r[7]["passes"] == 5 for r in rows)
    assert len(audit.activity(service.db.conn, tz=UTC)) == 10

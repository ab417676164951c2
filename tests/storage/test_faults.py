"""Storage faults, provoked without root: each is named for what it is and loses nothing.

* a full disk: SQLite's own ``PRAGMA max_page_count`` (per connection) caps the file at its
  current size, so the next write that needs a new page fails with SQLITE_FULL at the point
  the test chooses (queueing a change, recording the platform's answer, applying news);
* a read-only file: a ``mode=ro`` connection, which refuses writes even to root (a chmod'ed
  folder does not, and the suite runs as root in CI), plus the chmod'ed folder when not root;
* a file locked by another process: a child holding ``BEGIN EXCLUSIVE``;
* a disk I/O error: a directory where SQLite writes its rollback journal;
* bad input that reaches SQLite: a LIKE pattern too complex, a number too large.

Each test checks the classified problem, that everything saved before the fault is still
there, and that the next write after the fault clears lands exactly once.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from console.core.model import Method
from console.platform.client import Change, ChangesPage, MethodChangeResult
from console.service import ConsoleService
from console.storage import db as dbmod
from console.storage import meta, outbox
from console.storage.db import connect, open_database
from console.storage.errors import StorageError, StorageProblem
from console.storage.repo import Repository
from console.sync.pull import Puller, PullOutcome
from console.sync.push import Pusher
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db, table_counts

A = Method.ALIPAY
BIG = 40_000  # characters: more than a page, so storing them needs new pages


def stores(*ids: str) -> list[StoreSpec]:
    """Stores where turning Alipay off is allowed (WeChat Pay is live too)."""
    return [StoreSpec(i, wechat="live") for i in ids]


def disk_full(db: sqlite_utils.Database) -> None:
    """From now on this connection cannot grow the file: the next new page is SQLITE_FULL."""
    conn = db.conn
    if conn.execute("PRAGMA freelist_count").fetchone()[0]:
        conn.execute("VACUUM")  # no free pages to fall back on
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0


def space_freed(db: sqlite_utils.Database) -> None:
    db.conn.execute("PRAGMA max_page_count = 1073741823")


def outbox_ids(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT id FROM outbox ORDER BY seq")]


# -- a full disk ---------------------------------------------------------------------------------------
def test_full_while_queueing_changes_keeps_every_saved_change(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=stores(*(f"tb-{i}" for i in range(300))))
    db = open_database(path)
    service = ConsoleService(db, clock=lambda: FIXED_NOW)
    store_ids = service.repo.store_ids()
    saved = [service.set_method(store_ids[0], A, False).outbox_id]
    disk_full(db)
    fault: StorageError | None = None
    for store_id in store_ids[1:]:  # each change adds rows: sooner or later one needs a new page
        before = table_counts(db)
        try:
            saved.append(service.set_method(store_id, A, False).outbox_id)
        except StorageError as exc:
            fault, failed_store = exc, store_id
            break
    assert fault is not None, "the capped file never filled up"
    assert fault.problem is StorageProblem.FULL and fault.path == path
    assert table_counts(db) == before  # the failed change left nothing half-written
    assert outbox_ids(db) == saved and not db.conn.in_transaction
    assert service.repo.method(failed_store, A).wanted is None  # type: ignore[union-attr]

    space_freed(db)
    retried = service.set_method(failed_store, A, False)
    assert retried.applied and retried.outcome == "queued"
    assert outbox_ids(db) == [*saved, retried.outbox_id]  # exactly once, after the others


class FakePlatform:
    """Answers like the platform, remembers every key it was sent, replays a key it has seen."""

    app_key = "fake"

    def __init__(self, before_answer: Callable[[], None] = lambda: None) -> None:
        self.keys: list[str] = []
        self.before_answer = before_answer

    def set_method(self, store_id: str, method: str, enabled: bool, key: str, *, body: bytes) -> Any:
        self.keys.append(key)
        self.before_answer()
        entity = {
            "store_id": store_id,
            "method": method,
            "eligibility": "live",
            "enabled": enabled,
            "reason_code": "LONG_STORY",
            "reason_text": {"zh": "说" * BIG, "en": "x" * BIG},  # storing it needs new pages
            "updated_at": "2026-11-24T00:00:00Z",
        }
        return MethodChangeResult(entity, None, len(self.keys), replayed=self.keys.count(key) > 1)


def test_full_while_recording_the_platforms_answer_resends_under_the_same_key(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=stores("tb-1"))
    db = open_database(path)
    service = ConsoleService(db, clock=lambda: FIXED_NOW)
    change = service.set_method("tb-1", A, False).outbox_id
    platform = FakePlatform(before_answer=lambda: disk_full(db))  # fills up while the request is out
    pusher = Pusher(db, platform, clock=lambda: FIXED_NOW, rng=random.Random(1))  # type: ignore[arg-type]
    with pytest.raises(StorageError) as err:
        pusher.run()
    assert err.value.problem is StorageProblem.FULL
    # the change is kept, still waiting, and the merchant still sees the wish
    row = outbox.get(db.conn, change)  # type: ignore[arg-type]
    assert row is not None and row.status in ("queued", "in_flight") and row.attempts == 1
    assert service.repo.method("tb-1", A).wanted is False  # type: ignore[union-attr]
    assert not [r for r in service.repo.audit_rows() if r[2] == "sync"]

    space_freed(db)
    platform.before_answer = lambda: None
    outbox.recover_in_flight(db.conn)
    outcome = Pusher(db, platform, clock=lambda: FIXED_NOW, rng=random.Random(1)).run()  # type: ignore[arg-type]
    assert outcome.pushed == 1
    assert platform.keys == [change, change]  # resent under its key: the platform applies it once
    assert outbox.get(db.conn, change).status == "done"  # type: ignore[arg-type, union-attr]
    assert [r[6] for r in service.repo.audit_rows() if r[2] == "sync"] == ["ok"]
    assert service.repo.method("tb-1", A).wanted is None  # type: ignore[union-attr]


class FakeFeed:
    """A change feed of one page: an announcement too long to fit the capped file."""

    app_key = "fake"

    def __init__(self, before_answer: Callable[[], None]) -> None:
        self.before_answer = before_answer
        self.calls = 0

    def changes(self, since: int, limit: int = 500) -> ChangesPage:
        self.calls += 1
        self.before_answer()
        if since >= 7:
            return ChangesPage([], since, has_more=False, server_time=None)
        data = {
            "id": "a-long",
            "title": {"zh": "长公告", "en": "Long notice"},
            "body": {"zh": "文" * BIG, "en": "y" * BIG},
            "published_at": "2026-11-20T00:00:00Z",
            "opinion_opens_at": "2026-11-20T00:00:00Z",
            "opinion_closes_at": "2026-12-20T00:00:00Z",
            "effective_at": "2027-01-01T00:00:00Z",
        }
        at = datetime(2026, 11, 24, tzinfo=UTC)
        return ChangesPage([Change(7, "announcement", "a-long", data)], 7, has_more=False, server_time=at)


def test_full_while_applying_news_keeps_the_cursor_and_applies_it_once_later(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=stores("tb-1"))
    db = open_database(path)
    meta.put(db.conn, meta.CURSOR, "3")
    before = table_counts(db)
    feed = FakeFeed(before_answer=lambda: disk_full(db))
    with pytest.raises(StorageError) as err:
        Puller(db, feed, clock=lambda: FIXED_NOW).run(PullOutcome())  # type: ignore[arg-type]
    assert err.value.problem is StorageProblem.FULL
    assert meta.cursor(db.conn) == 3 and table_counts(db) == before

    space_freed(db)
    feed.before_answer = lambda: None
    out = Puller(db, feed, clock=lambda: FIXED_NOW).run(PullOutcome())  # type: ignore[arg-type]
    assert out.pulled == 1 and meta.cursor(db.conn) == 7
    assert db.conn.execute("SELECT count(*) FROM announcements WHERE id = 'a-long'").fetchone() == (1,)
    assert [n.kind for n in out.news] == ["announcement"]


# -- a read-only file or folder ----------------------------------------------------------------------------
def test_read_only_file_refuses_the_write_and_keeps_the_data(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=stores("tb-1", "tb-2"))
    writable = ConsoleService(open_database(path), clock=lambda: FIXED_NOW)
    saved = writable.set_method("tb-1", A, False).outbox_id
    read_only = ConsoleService(sqlite_utils.Database(connect(path, read_only=True)), clock=lambda: FIXED_NOW)
    assert read_only.repo.store("tb-2") is not None  # reading still works
    with pytest.raises(StorageError) as err:
        read_only.set_method("tb-2", A, False)
    assert err.value.problem is StorageProblem.READ_ONLY and err.value.path == path
    assert outbox_ids(writable.repo.db) == [saved]
    again = writable.set_method("tb-2", A, False)  # writable again: the change lands once
    assert outbox_ids(writable.repo.db) == [saved, again.outbox_id]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to any folder")
def test_a_new_database_in_a_read_only_folder_is_read_only_not_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as err:
            open_database(folder / "console.db")
        assert err.value.problem is StorageProblem.READ_ONLY
    finally:
        folder.chmod(0o700)


# -- locked by another process -----------------------------------------------------------------------------
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
conn.execute("ROLLBACK")
"""


def test_a_database_locked_by_another_process_is_busy_and_the_next_write_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_db(tmp_path, stores=stores("tb-1", "tb-2"))
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)
    service = ConsoleService(open_database(path), clock=lambda: FIXED_NOW)
    saved = service.set_method("tb-1", A, False).outbox_id
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StorageError) as err:
            service.set_method("tb-2", A, False)
        assert err.value.problem is StorageProblem.BUSY
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    assert outbox_ids(service.repo.db) == [saved]
    again = service.set_method("tb-2", A, False)
    assert outbox_ids(service.repo.db) == [saved, again.outbox_id]


# -- input that reaches SQLite is input, not damage ----------------------------------------------------------
def test_a_filter_too_complex_for_like_is_input(tmp_path: Path) -> None:
    repo = Repository(open_database(make_db(tmp_path, stores=stores("tb-1"))))
    with pytest.raises(StorageError) as err:
        repo.count_stores(text="x" * 60_000)
    assert err.value.problem is StorageProblem.INPUT
    assert repo.count_stores(text="tb") == 1  # the connection is fine afterwards


def test_a_limit_too_large_for_sqlite_is_input(tmp_path: Path) -> None:
    repo = Repository(open_database(make_db(tmp_path, stores=stores("tb-1"))))
    with pytest.raises(StorageError) as err:
        repo.list_stores(limit=10**20)
    assert err.value.problem is StorageProblem.INPUT
    assert [r.id for r in repo.list_stores(limit=5)] == ["tb-1"]


def test_a_read_only_folder_is_named_read_only_even_where_root_could_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same case as above for the root that runs CI: SQLite's "unable to open" in a folder
    the account may not write to is blamed on the folder, not on the file."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "console.db").mkdir()  # SQLite cannot open it: SQLITE_CANTOPEN, like a locked-down folder
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != folder)
    with pytest.raises(StorageError) as err:
        connect(folder / "console.db")
    assert err.value.problem is StorageProblem.READ_ONLY


# -- a disk I/O error ------------------------------------------------------------------------------------
def test_an_io_error_is_io_and_the_write_lands_once_when_it_clears(tmp_path: Path) -> None:
    """A real SQLITE_IOERR without root: in rollback-journal mode, a directory where SQLite
    writes its journal fails the write with an I/O error. (The app runs in WAL mode, where the
    same trick is refused at open; the classification and the rollback are the same.)"""
    path = make_db(tmp_path, stores=stores("tb-1", "tb-2"))
    plain = sqlite3.connect(path)
    plain.execute("PRAGMA journal_mode = DELETE")
    plain.close()
    conn = sqlite3.connect(path, isolation_level=None, factory=dbmod.GuardedConnection)
    assert isinstance(conn, dbmod.GuardedConnection)
    conn.storage_path = path
    service = ConsoleService(sqlite_utils.Database(conn), clock=lambda: FIXED_NOW)
    saved = service.set_method("tb-1", A, False).outbox_id
    journal = path.with_name(path.name + "-journal")
    journal.mkdir()
    try:
        with pytest.raises(StorageError) as err:
            service.set_method("tb-2", A, False)
        assert err.value.problem is StorageProblem.IO and err.value.path == path
    finally:
        journal.rmdir()
    assert outbox_ids(service.repo.db) == [saved]
    again = service.set_method("tb-2", A, False)
    assert outbox_ids(service.repo.db) == [saved, again.outbox_id]

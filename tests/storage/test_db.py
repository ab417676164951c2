"""Connection-level guarantees of console/storage/db.py."""

from __future__ import annotations


def test_relaxed_durability_is_scoped_to_its_block(tmp_path) -> None:
    """Only a replayable record may skip the fsync; the connection is back to FULL afterwards,
    even when the block fails, so no merchant change is ever written with less."""
    from console.storage.db import open_database, relaxed_durability

    db = open_database(tmp_path / "c.db")
    sync_level = lambda: db.execute("PRAGMA synchronous").fetchone()[0]  # noqa: E731
    assert sync_level() == 2  # FULL
    with relaxed_durability(db):
        assert sync_level() == 1  # NORMAL
    assert sync_level() == 2
    try:
        with relaxed_durability(db):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert sync_level() == 2


def test_first_run_opened_from_several_threads_at_once(tmp_path) -> None:
    """On a first run the GUI thread, the DB lane and the sync worker open the new file
    together: every one of them must get a migrated database (a race once reported the new file
    as "damaged")."""
    import threading

    from console.storage.db import open_database
    from console.storage.migrations import SCHEMA_VERSION

    for attempt in range(5):
        path = tmp_path / f"race{attempt}" / "console.db"
        start = threading.Barrier(6)
        errors: list[BaseException] = []
        versions: list[int] = []

        def open_one(path=path, start=start, errors=errors, versions=versions) -> None:
            start.wait()
            try:
                db = open_database(path)
                versions.append(db.execute("PRAGMA user_version").fetchone()[0])
                assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                db.conn.close()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_one) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert not errors, errors
        assert versions == [SCHEMA_VERSION] * 6


def test_a_file_held_by_another_program_is_busy_not_damaged(tmp_path) -> None:
    import sqlite3

    import pytest

    from console.storage import db as dbmod

    path = tmp_path / "held.db"
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # a rollback-journal file held exclusively: WAL switch waits
    try:
        original = dbmod.BUSY_TIMEOUT_MS
        dbmod.BUSY_TIMEOUT_MS = 200
        with pytest.raises(dbmod.DatabaseBusy):
            dbmod.open_database(path)
    finally:
        dbmod.BUSY_TIMEOUT_MS = original
        holder.execute("ROLLBACK")
        holder.close()
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"  # untouched

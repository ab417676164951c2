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

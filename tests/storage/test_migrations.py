"""Opening the database: every migration, refusal of newer and damaged files (left untouched)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from console.storage import migrations
from console.storage.db import DatabaseDamaged, DatabaseTooNew, connect, integrity_check, open_database
from console.storage.migrations import CURRENT, SCHEMA_VERSION, STEPS, UserVersion, current_version
from tests.helpers.factories import StoreSpec, make_db, populate


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def objects(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (r[0], r[1])
        for r in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }


def build_at_version(path: Path, steps: int) -> None:
    """A database as an older app left it: only the first ``steps`` schema steps applied."""
    conn = connect(path)
    for todo in STEPS[:steps]:
        conn.execute("BEGIN IMMEDIATE")
        todo.upgrade(conn)
        conn.execute("COMMIT")
    conn.execute(f"PRAGMA user_version = {STEPS[steps - 1].version.to_int()}")
    conn.close()


def test_from_an_empty_file_to_the_current_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new" / "console.db")  # the directory is created too
    assert current_version(db.conn) == SCHEMA_VERSION == STEPS[-1].version.to_int()
    names = {name for _, name in objects(db.conn)}
    for table in (
        "meta",
        "merchant",
        "stores",
        "methods",
        "invitations",
        "invitation_events",
        "method_terms",
        "announcements",
        "feedback",
        "outbox",
        "audit",
    ):
        assert table in names
    for index in (
        "outbox_by_target",
        "invitations_by_deadline",
        "methods_wanted",
        "feedback_by_announcement",
    ):
        assert index in names
    assert integrity_check(db) == ["ok"]
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_zero_byte_file_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    path.write_bytes(b"")
    assert current_version(open_database(path).conn) == SCHEMA_VERSION


@pytest.mark.parametrize("older", range(1, len(STEPS)))
def test_from_each_older_version_keeping_the_data(tmp_path: Path, older: int) -> None:
    path = tmp_path / "console.db"
    build_at_version(path, older)
    conn = connect(path)
    conn.execute("INSERT INTO stores (id, platform, name, status) VALUES ('tb-1', 'taobao', 'Shop', 'open')")
    conn.execute("INSERT INTO meta (key, value) VALUES ('cursor', '17')")
    conn.close()
    db = open_database(path)
    assert current_version(db.conn) == SCHEMA_VERSION
    assert db.conn.execute("SELECT name FROM stores").fetchall() == [("Shop",)]
    assert db.conn.execute("SELECT value FROM meta WHERE key = 'cursor'").fetchone() == ("17",)
    fresh = open_database(tmp_path / "fresh.db")
    assert objects(db.conn) == objects(fresh.conn)  # same schema as a database made today


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=["tb-1"])
    before = digest(path)
    open_database(path).conn.close()
    assert current_version(open_database(path).conn) == SCHEMA_VERSION
    assert before  # the data survives
    assert open_database(path).conn.execute("SELECT count(*) FROM stores").fetchone() == (1,)


def test_a_failing_migration_rolls_back_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "console.db"
    build_at_version(path, 1)
    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (a)")
        conn.execute("THIS IS NOT SQL")

    broken = (STEPS[0], migrations.Step(STEPS[1].version, half_done))
    monkeypatch.setattr(migrations, "STEPS", broken)
    with pytest.raises(sqlite3.OperationalError):  # a bug in a step is a bug, not a damaged file
        open_database(path)
    conn = connect(path)
    assert current_version(conn) == 1
    assert "half_done" not in {name for _, name in objects(conn)}


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_database_is_refused_and_left_byte_identical(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "console.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as err:
        open_database(path)
    assert err.value.found == SCHEMA_VERSION + 1
    assert err.value.supported == SCHEMA_VERSION
    assert digest(path) == before


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all, just text" * 100,
        bytes(range(256)) * 64,
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
    ids=["text", "binary", "bad-header"],
)
def test_garbage_file_is_reported_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "console.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseDamaged) as err:
        open_database(path)
    assert err.value.path == path
    assert path.read_bytes() == content


def test_truncated_database_is_reported_and_untouched(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=2000)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    for check in (False, True):
        with pytest.raises(DatabaseDamaged):
            open_database(path, check=check)
        assert digest(path) == before


def corrupt_middle(path: Path) -> None:
    """Overwrite pages in the middle of the file: the header is fine, the data is not."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def test_damaged_pages_are_found_by_the_check_and_the_file_untouched(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=2000)
    corrupt_middle(path)
    before = digest(path)
    with pytest.raises(DatabaseDamaged):
        open_database(path, check=True)
    assert digest(path) == before
    # without the check it opens (the header is sound) and reading the bad pages fails loudly
    db = open_database(path)
    with pytest.raises((sqlite3.DatabaseError, DatabaseDamaged)):
        db.conn.execute("SELECT count(*), max(name), max(receive_code) FROM stores").fetchall()
        db.conn.execute("SELECT * FROM methods").fetchall()
    db.conn.close()
    assert digest(path) == before


def test_check_passes_on_a_sound_file(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=50)
    db = open_database(path, check=True)
    assert integrity_check(db) == ["ok"]


def test_populate_into_an_open_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    populate(db, stores=[StoreSpec("tb-9", wechat="invited")], announcements=[])
    assert db.conn.execute("SELECT count(*) FROM invitations").fetchone() == (1,)


# -- named steps and major.minor versions --------------------------------------------------------------
def test_steps_are_named_documented_and_in_order() -> None:
    assert [s.version for s in STEPS] == sorted(s.version for s in STEPS)
    assert len({s.version for s in STEPS}) == len(STEPS)
    for todo in STEPS:
        assert todo.upgrade.__doc__, f"{todo.name} says nothing about why"
    assert STEPS[-1].version == CURRENT


def test_a_step_out_of_order_is_refused_at_import() -> None:
    with pytest.raises(ValueError, match="not after"):
        migrations.step(CURRENT.major, CURRENT.minor)(lambda conn: None)


@pytest.mark.parametrize("value", [0, 1, 2, 65536 + 2, (5 << 16) | 9, 0x7FFF << 16 | 0xFFFF])
def test_user_version_round_trips(value: int) -> None:
    assert UserVersion.from_int(value).to_int() == value


def test_the_plain_integers_of_earlier_releases_are_majors() -> None:
    """Release 0.1 wrote 1 and 2 and refuses anything higher: those are majors 1 and 2."""
    assert UserVersion.from_int(1) == UserVersion(1, 0)
    assert UserVersion.from_int(2) == UserVersion(2, 0)
    assert UserVersion(CURRENT.major + 1).to_int() == CURRENT.major + 1  # still refused by 0.1


def test_each_applied_step_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "console.db"
    build_at_version(path, 1)
    with caplog.at_level("INFO", logger="console.storage.migrations"):
        open_database(path).conn.close()
    applied = [r.getMessage() for r in caplog.records if "applied" in r.getMessage()]
    assert [m.split("applied ")[1].split(" ")[0] for m in applied] == [s.name for s in STEPS[1:]]


def test_a_newer_minor_of_our_major_still_opens_and_is_left_as_it_is(tmp_path: Path) -> None:
    """What a later release adds as a minor step (here: an index and a table) stays readable."""
    path = make_db(tmp_path, stores=["tb-1"])
    newer = UserVersion(CURRENT.major, CURRENT.minor + 1).to_int()
    conn = connect(path)
    conn.execute("CREATE INDEX stores_by_name ON stores (name)")
    conn.execute("CREATE TABLE from_a_later_minor (x)")
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    db = open_database(path)
    assert current_version(db.conn) == newer  # not lowered, not "migrated"
    assert db.conn.execute("SELECT id FROM stores").fetchall() == [("tb-1",)]
    db.conn.close()


def test_a_newer_major_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=["tb-1"])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {UserVersion(CURRENT.major + 1).to_int()}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as err:
        open_database(path)
    assert err.value.found == CURRENT.major + 1
    assert digest(path) == before

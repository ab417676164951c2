"""Storage errors are classified once, by blame, from SQLite's result codes (console.storage.errors)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from console.storage.db import connect, open_database, precheck
from console.storage.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseTooNew,
    StorageError,
    StorageProblem,
    classify,
)
from console.storage.migrations import CURRENT, UserVersion
from tests.helpers.factories import make_db


def sqlite_error(code: int, message: str = "boom", cls: type[sqlite3.Error] = sqlite3.OperationalError):
    exc = cls(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (sqlite3.SQLITE_FULL, StorageProblem.FULL),
        (sqlite3.SQLITE_READONLY, StorageProblem.READ_ONLY),
        (sqlite3.SQLITE_READONLY_DBMOVED, StorageProblem.READ_ONLY),  # extended codes by their low byte
        (sqlite3.SQLITE_BUSY, StorageProblem.BUSY),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, StorageProblem.BUSY),
        (sqlite3.SQLITE_LOCKED, StorageProblem.BUSY),
        (sqlite3.SQLITE_IOERR, StorageProblem.IO),
        (sqlite3.SQLITE_IOERR_WRITE, StorageProblem.IO),
        (sqlite3.SQLITE_IOERR_FSYNC, StorageProblem.IO),
        (sqlite3.SQLITE_CORRUPT, StorageProblem.DAMAGED),
        (sqlite3.SQLITE_NOTADB, StorageProblem.DAMAGED),
        (sqlite3.SQLITE_CANTOPEN, StorageProblem.CANNOT_OPEN),
        (sqlite3.SQLITE_TOOBIG, StorageProblem.INPUT),
    ],
)
def test_environmental_codes_are_named(code: int, problem: StorageProblem, tmp_path: Path) -> None:
    err = classify(sqlite_error(code), tmp_path / "console.db")
    assert err is not None and err.problem is problem
    assert err.path == tmp_path / "console.db" and err.detail == "boom"


def test_subclasses_are_kept_for_callers_that_catch_them() -> None:
    assert isinstance(classify(sqlite_error(sqlite3.SQLITE_BUSY)), DatabaseBusy)
    assert isinstance(classify(sqlite_error(sqlite3.SQLITE_NOTADB)), DatabaseDamaged)
    assert issubclass(DatabaseTooNew, StorageError)


@pytest.mark.parametrize(
    "exc",
    [
        sqlite_error(sqlite3.SQLITE_ERROR, "near \"SELEC\": syntax error"),
        sqlite_error(sqlite3.SQLITE_CONSTRAINT_CHECK, "CHECK constraint failed", sqlite3.IntegrityError),
        sqlite3.ProgrammingError("Cannot operate on a closed database."),
        ValueError("not ours"),
    ],
    ids=["syntax", "constraint", "closed", "other"],
)
def test_bugs_are_not_blamed_on_the_environment(exc: BaseException) -> None:
    assert classify(exc) is None


def test_a_pattern_too_complex_and_a_number_too_large_are_input() -> None:
    like = sqlite_error(sqlite3.SQLITE_ERROR, "LIKE or GLOB pattern too complex")
    assert classify(like).problem is StorageProblem.INPUT  # type: ignore[union-attr]
    overflow = OverflowError("Python int too large to convert to SQLite INTEGER")
    assert classify(overflow).problem is StorageProblem.INPUT  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (errno.ENOSPC, StorageProblem.FULL),
        (errno.EROFS, StorageProblem.READ_ONLY),
        (errno.EACCES, StorageProblem.READ_ONLY),
        (errno.EIO, StorageProblem.IO),
        (errno.ENOTDIR, StorageProblem.CANNOT_OPEN),
    ],
)
def test_os_errors_around_the_file_are_named_too(number: int, problem: StorageProblem) -> None:
    err = classify(OSError(number, "x"))
    assert err is not None and err.problem is problem


def test_a_folder_that_is_a_file_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be")
    with pytest.raises(StorageError) as err:
        open_database(tmp_path / "data" / "console.db")
    assert err.value.problem is StorageProblem.CANNOT_OPEN


# -- the one precheck ----------------------------------------------------------------------------------
def test_precheck_of_an_absent_empty_or_sound_file_is_none(tmp_path: Path) -> None:
    assert precheck(tmp_path / "absent.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert precheck(tmp_path / "empty.db") is None
    assert precheck(make_db(tmp_path, stores=["tb-1"])) is None


def test_precheck_names_a_newer_major_and_a_garbage_file_without_changing_them(tmp_path: Path) -> None:
    newer = make_db(tmp_path, stores=["tb-1"], filename="newer.db")
    conn = connect(newer)
    conn.execute(f"PRAGMA user_version = {UserVersion(CURRENT.major + 1).to_int()}")
    conn.close()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database " * 300)
    before = newer.read_bytes(), garbage.read_bytes()
    too_new, damaged = precheck(newer), precheck(garbage)
    assert too_new is not None and too_new.problem is StorageProblem.TOO_NEW
    assert damaged is not None and damaged.problem is StorageProblem.DAMAGED
    assert (newer.read_bytes(), garbage.read_bytes()) == before

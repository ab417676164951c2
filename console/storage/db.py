"""Opening the local database: pragmas, write transactions, refusal of bad files.

Every connection is opened in autocommit mode (``isolation_level=None``) so that this module,
not the sqlite3 driver, decides where a transaction begins: writes start with ``BEGIN IMMEDIATE``
(take the write lock up front, so two writers queue on the busy timeout instead of failing half
way), and ``synchronous=FULL`` makes a committed change survive a power cut in WAL mode.
One connection per thread: the GUI thread and the sync worker each open their own.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.storage.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseTooNew,
    StorageError,
    StorageProblem,
    classify,
)
from console.storage.files import create_private_file, make_private_dir, make_private_files
from console.storage.migrations import SCHEMA_VERSION, is_too_new, migrate

if TYPE_CHECKING:  # sqlite-utils costs ~50 ms to import: only open_database needs it at run time
    import sqlite_utils

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "StorageError",
    "StorageProblem",
    "connect",
    "integrity_check",
    "open_database",
    "precheck",
    "relaxed_durability",
    "transaction",
    "write_transaction",
]

BUSY_TIMEOUT_MS = 5000


def _guarded(exc: BaseException, path: Path | None) -> BaseException:
    """The classified StorageError for ``exc``, or ``exc`` itself when it is a bug."""
    return classify(exc, path) or exc


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose environmental failures arrive as StorageError (see GuardedConnection).

    Iterating reads every row at once (``fetchall``), so a failure on a later row is classified
    too without a Python call per row: every query of the app reads its rows in full anyway.
    """

    storage_path: Path | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        try:
            super().execute(sql, parameters)
        except (sqlite3.Error, OverflowError) as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> GuardedCursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except (sqlite3.Error, OverflowError) as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc

    def __iter__(self) -> Iterator[Any]:  # type: ignore[override]  # a list iterator, not self
        return iter(self.fetchall())


class GuardedConnection(sqlite3.Connection):
    """A connection whose environmental failures arrive as ``StorageError``, classified once.

    Every statement of the app goes through ``execute``/``executemany`` (sqlite-utils too), so
    a full disk, a read-only file or a lock is named here instead of at each call site. A bug
    (bad SQL, a broken constraint) still raises the original sqlite3 error.
    """

    storage_path: Path | None = None

    def _cursor(self) -> GuardedCursor:
        cur = self.cursor(GuardedCursor)
        cur.storage_path = self.storage_path
        return cur

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return self._cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        return self._cursor().executemany(sql, parameters)

    def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
        try:
            return super().executescript(sql_script)
        except sqlite3.Error as exc:
            err = _guarded(exc, self.storage_path)
            if err is exc:
                raise
            raise err from exc


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """A raw connection with our pragmas, no migration (used by open_database and tests).

    ``read_only`` opens through a ``mode=ro`` URI: every write then fails with SQLITE_READONLY,
    whoever runs the app (root included), which is how the fault tests make a read-only file.
    Raises StorageError for a file that cannot be opened.
    """
    memory = str(path) == ":memory:"
    where = None if memory else Path(path)
    try:
        if read_only and where is not None:
            target, uri = f"{where.resolve().as_uri()}?mode=ro", True
        else:
            target, uri = str(path), False
        conn = sqlite3.connect(
            target,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            uri=uri,
            factory=GuardedConnection,
        )
    except sqlite3.Error as exc:
        raise (classify(exc, where) or exc) from exc
    assert isinstance(conn, GuardedConnection)
    conn.storage_path = where
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if where is not None and not read_only:
            _use_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL once per file (the mode is persistent); wait out a concurrent first open.

    Changing the journal mode needs the file to itself, and SQLite answers "database is locked"
    at once instead of calling the busy handler. On a first run the GUI thread, the DB lane and
    the sync worker open the new file together, so the switch is retried up to the busy timeout.
    """
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except DatabaseBusy:
            if time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def open_database(path: Path | str, *, check: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises StorageError (DatabaseTooNew, DatabaseDamaged, DatabaseBusy ... classified once);
    never deletes or rewrites a file it cannot read. ``check=True`` also runs
    ``PRAGMA quick_check`` (cost grows with the file: do it off the UI thread).
    """
    p = Path(path) if str(path) != ":memory:" else None
    if p is not None:
        try:
            make_private_dir(p.parent)
            if not p.exists():  # an empty file opens as a new database; -wal/-shm copy its mode
                os.close(create_private_file(p))
        except OSError as exc:
            raise (classify(exc, p) or exc) from exc
        problem = precheck(p)
        if problem is not None and problem.problem is not StorageProblem.BUSY:
            raise problem
    conn = connect(path)
    try:
        if check:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DatabaseDamaged(p, "; ".join(problems[:5]))
        migrate(conn, p)
    except BaseException:
        conn.close()
        raise
    if p is not None:
        try:
            make_private_files(p)  # also narrows a file an earlier release made 0644
        except OSError as exc:
            conn.close()
            raise (classify(exc, p) or exc) from exc
    import sqlite_utils

    return sqlite_utils.Database(conn)


def precheck(path: Path) -> StorageError | None:
    """What stops the app from using the file at ``path``, read without changing a byte.

    The one copy of the "too new / not a database" check (the GUI runs it before it builds its
    window, ``open_database`` before it switches the file to WAL: switching journal mode
    rewrites header bytes, so a newer file would be changed before migrate() could refuse it).
    None when the file is absent, empty or usable; a BUSY problem means "in use right now":
    ``open_database`` waits for it up to the busy timeout.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        probe = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            found = int(probe.execute("PRAGMA user_version").fetchone()[0])
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the schema page
        finally:
            probe.close()
    except sqlite3.Error as exc:
        err = classify(exc, path)
        if err is None:  # an unnamed failure on a file we only read: it is not a usable database
            return DatabaseDamaged(path, str(exc))
        return err
    if is_too_new(found):
        return DatabaseTooNew(path, found, SCHEMA_VERSION)
    return None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite may already have rolled back (a full disk, an I/O error): a second ROLLBACK
        # would fail and hide the error that says what happened.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """``transaction`` over a sqlite-utils Database (the form the service and the engine hold)."""
    with transaction(db.conn):
        yield db


@contextmanager
def relaxed_durability(db: sqlite_utils.Database) -> Iterator[None]:
    """``synchronous=NORMAL`` for writes a power cut may lose because they can be re-derived.

    Only for recording an answer the platform would give again: the sync engine's "done" after
    a request sent under an idempotency key. Losing that commit leaves the row in flight, which
    the next pass resends with the same key and the platform answers as a replay. Everything the
    merchant did stays ``synchronous=FULL``. In WAL mode NORMAL still never corrupts the file.
    """
    conn = db.conn
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = FULL")


def integrity_check(db: sqlite_utils.Database) -> list[str]:
    """Full ``PRAGMA integrity_check``; ['ok'] when the file is sound."""
    return [r[0] for r in db.conn.execute("PRAGMA integrity_check")]

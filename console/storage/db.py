"""Opening the local database: pragmas, write transactions, refusal of bad files.

Every connection is opened in autocommit mode (``isolation_level=None``) so that this module,
not the sqlite3 driver, decides where a transaction begins: writes start with ``BEGIN IMMEDIATE``
(take the write lock up front, so two writers queue on the busy timeout instead of failing half
way), and ``synchronous=FULL`` makes a committed change survive a power cut in WAL mode.
One connection per thread: the GUI thread and the sync worker each open their own.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from console.storage.migrations import migrate

if TYPE_CHECKING:  # sqlite-utils costs ~50 ms to import: only open_database needs it at run time
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    """A problem with the database file that the merchant can act on."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(f"{path}: schema version {found} is newer than this app supports ({supported})")
        self.path, self.found, self.supported = path, found, supported


class DatabaseDamaged(StorageError):
    """The file is not a usable SQLite database; it is reported, never replaced."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path, self.detail = path, detail


class DatabaseBusy(StorageError):
    """Another connection held the file longer than the busy timeout: in use, not damaged."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path, self.detail = path, detail


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def connect(path: Path | str) -> sqlite3.Connection:
    """A raw connection with our pragmas, no migration (used by open_database and tests)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        _use_wal(conn)
    conn.execute("PRAGMA synchronous = FULL")
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
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def open_database(path: Path | str, *, check: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises DatabaseTooNew or DatabaseDamaged; never deletes or rewrites a file it cannot read.
    ``check=True`` also runs ``PRAGMA quick_check`` (cost grows with the file: do it off the UI
    thread).
    """
    p = Path(path) if str(path) != ":memory:" else None
    if p is not None:
        p.parent.mkdir(parents=True, exist_ok=True)
        _refuse_too_new(p)
    try:
        conn = connect(path)
        if check:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                conn.close()
                raise DatabaseDamaged(Path(path), "; ".join(problems[:5]))
        migrate(conn, Path(path))
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):  # in use by another program: not a reason to call the file damaged
            raise DatabaseBusy(Path(path), str(exc)) from exc
        raise DatabaseDamaged(Path(path), str(exc)) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed" ...
        raise DatabaseDamaged(Path(path), str(exc)) from exc
    import sqlite_utils

    return sqlite_utils.Database(conn)


def _refuse_too_new(path: Path) -> None:
    """Read the schema version read-only before ``connect`` switches the file to WAL.

    Switching journal mode rewrites header bytes, so a newer file written in rollback-journal
    mode would be changed before migrate() could refuse it; this probe changes nothing.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return
    from console.storage.migrations import SCHEMA_VERSION

    try:
        probe = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            found = int(probe.execute("PRAGMA user_version").fetchone()[0])
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise DatabaseBusy(path, str(exc)) from exc
        raise DatabaseDamaged(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database" ...
        raise DatabaseDamaged(path, str(exc)) from exc
    if found > SCHEMA_VERSION:
        raise DatabaseTooNew(path, found, SCHEMA_VERSION)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
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

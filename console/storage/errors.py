"""Storage errors classified once, by blame, from SQLite's error codes (minimal version).

The storage engineer owns the full module; this holds exactly the agreed interface so the
command line and the window can word each problem once (console/words/errors.py).
"""

from __future__ import annotations

import enum
import errno
import sqlite3
from pathlib import Path


class StorageProblem(enum.StrEnum):
    FULL = "full"
    READ_ONLY = "read_only"
    BUSY = "busy"
    IO = "io"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    CANNOT_OPEN = "cannot_open"
    INPUT = "input"


class StorageError(Exception):
    """A storage fault the merchant can act on; ``detail`` is English, for the log."""

    def __init__(self, problem: StorageProblem, path: Path | None = None, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.path = path
        self.detail = detail


_PRIMARY = {
    sqlite3.SQLITE_FULL: StorageProblem.FULL,
    sqlite3.SQLITE_READONLY: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_BUSY: StorageProblem.BUSY,
    sqlite3.SQLITE_LOCKED: StorageProblem.BUSY,
    sqlite3.SQLITE_IOERR: StorageProblem.IO,
    sqlite3.SQLITE_CORRUPT: StorageProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: StorageProblem.DAMAGED,
    sqlite3.SQLITE_CANTOPEN: StorageProblem.CANNOT_OPEN,
    sqlite3.SQLITE_PERM: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_TOOBIG: StorageProblem.INPUT,
    sqlite3.SQLITE_RANGE: StorageProblem.INPUT,
}
_ERRNO = {
    errno.ENOSPC: StorageProblem.FULL,
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
    errno.EIO: StorageProblem.IO,
}


def classify(exc: BaseException, path: Path | None = None) -> StorageError | None:
    """The StorageError for ``exc``, or None when it is not a storage fault (a bug)."""
    if isinstance(exc, StorageError):
        return exc
    from console.storage import db

    if isinstance(exc, db.DatabaseTooNew):
        return StorageError(StorageProblem.TOO_NEW, exc.path, str(exc))
    if isinstance(exc, db.DatabaseBusy):
        return StorageError(StorageProblem.BUSY, exc.path, str(exc))
    if isinstance(exc, db.DatabaseDamaged):
        return StorageError(_from_message(exc.detail) or StorageProblem.DAMAGED, exc.path, exc.detail)
    if isinstance(exc, OverflowError):
        return StorageError(StorageProblem.INPUT, path, str(exc))
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        problem = _PRIMARY.get(code & 0xFF) if isinstance(code, int) else None
        problem = problem or _from_message(str(exc))
        if problem is None:
            return None
        return StorageError(problem, path, str(exc))
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return StorageError(_ERRNO[exc.errno], Path(exc.filename) if exc.filename else path, str(exc))
    return None


def _from_message(text: str) -> StorageProblem | None:
    """SQLite's message when only it survived (wrapped errors lose the code)."""
    low = text.lower()
    for needle, problem in (
        ("disk is full", StorageProblem.FULL),
        ("readonly", StorageProblem.READ_ONLY),
        ("read-only", StorageProblem.READ_ONLY),
        ("locked", StorageProblem.BUSY),
        ("disk i/o", StorageProblem.IO),
        ("unable to open", StorageProblem.CANNOT_OPEN),
        ("too complex", StorageProblem.INPUT),
        ("too big", StorageProblem.INPUT),
        ("malformed", StorageProblem.DAMAGED),
        ("not a database", StorageProblem.DAMAGED),
    ):
        if needle in low:
            return problem
    return None

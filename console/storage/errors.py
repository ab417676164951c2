"""Storage errors classified once, by blame, from SQLite's (extended) result codes.

qutebrowser's ``misc/sql.py`` splits ``KnownError`` (the environment: disk full, locked,
read-only) from ``BugError``; this module does the same for the local database. ``classify``
turns an exception into a ``StorageError`` with a ``StorageProblem`` the merchant can act on,
or ``None`` when it is a bug (a syntax error, a broken constraint) that must surface as one.
The user-facing sentences are written elsewhere, against ``StorageProblem`` only.

"Damaged" is said only when SQLite itself says so: the header check (``SQLITE_NOTADB``), a
corruption it detected (``SQLITE_CORRUPT``) or ``PRAGMA quick_check``/``integrity_check``. A full
disk, a read-only folder or a locked file never is.
"""

from __future__ import annotations

import enum
import errno
import os
import sqlite3
from pathlib import Path


class StorageProblem(enum.StrEnum):
    FULL = "full"  # the disk (or the database's size limit) is full: nothing was written
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    BUSY = "busy"  # another program holds the file longer than the busy timeout
    IO = "io"  # the operating system failed a read or a write
    DAMAGED = "damaged"  # the header or an integrity check says the file is not sound
    TOO_NEW = "too_new"  # written by a newer major version of the app
    CANNOT_OPEN = "cannot_open"  # the path cannot be opened at all (missing folder, a directory ...)
    INPUT = "input"  # the request was impossible (a pattern too complex, a number too large)


class StorageError(Exception):
    """A storage failure the environment or the input caused, never a bug.

    ``detail`` is SQLite's (or the OS's) own message: for the log only, never shown as is.
    """

    def __init__(self, problem: StorageProblem, path: Path | None = None, detail: str = "") -> None:
        super().__init__(f"{path or '<database>'}: {problem.value}: {detail}")
        self.problem, self.path, self.detail = problem, path, detail


class DatabaseTooNew(StorageError):
    """The file was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        detail = f"schema version {found} is newer than this app supports ({supported})"
        super().__init__(StorageProblem.TOO_NEW, path, detail)
        self.found, self.supported = found, supported


class DatabaseDamaged(StorageError):
    """The file is not a usable SQLite database; it is reported, never replaced."""

    def __init__(self, path: Path | None, detail: str) -> None:
        super().__init__(StorageProblem.DAMAGED, path, detail)


class DatabaseBusy(StorageError):
    """Another connection held the file longer than the busy timeout: in use, not damaged."""

    def __init__(self, path: Path | None, detail: str) -> None:
        super().__init__(StorageProblem.BUSY, path, detail)


# Primary result codes (the low byte of an extended code: SQLITE_IOERR_WRITE is IOERR | 3<<8).
_BY_CODE: dict[int, StorageProblem] = {
    sqlite3.SQLITE_FULL: StorageProblem.FULL,
    sqlite3.SQLITE_READONLY: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: StorageProblem.READ_ONLY,
    sqlite3.SQLITE_BUSY: StorageProblem.BUSY,
    sqlite3.SQLITE_LOCKED: StorageProblem.BUSY,
    sqlite3.SQLITE_PROTOCOL: StorageProblem.BUSY,
    sqlite3.SQLITE_IOERR: StorageProblem.IO,
    sqlite3.SQLITE_CORRUPT: StorageProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: StorageProblem.DAMAGED,
    sqlite3.SQLITE_CANTOPEN: StorageProblem.CANNOT_OPEN,
    sqlite3.SQLITE_TOOBIG: StorageProblem.INPUT,
    sqlite3.SQLITE_RANGE: StorageProblem.INPUT,
}
# Plain SQLITE_ERROR carrying an input problem, not a bug in our SQL.
_INPUT_MESSAGES = ("like or glob pattern too complex", "string or blob too big", "too many sql variables")

_BY_ERRNO: dict[int, StorageProblem] = {
    errno.ENOSPC: StorageProblem.FULL,
    errno.EDQUOT: StorageProblem.FULL,
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
    errno.EIO: StorageProblem.IO,
    errno.ENOTDIR: StorageProblem.CANNOT_OPEN,
    errno.EISDIR: StorageProblem.CANNOT_OPEN,
    errno.EEXIST: StorageProblem.CANNOT_OPEN,  # a file where the data folder should be
    errno.ENOENT: StorageProblem.CANNOT_OPEN,
    errno.ENAMETOOLONG: StorageProblem.CANNOT_OPEN,
}

_SUBCLASS = {StorageProblem.BUSY: DatabaseBusy, StorageProblem.DAMAGED: DatabaseDamaged}


def make(problem: StorageProblem, path: Path | None, detail: str) -> StorageError:
    """A StorageError of the most specific class (``except DatabaseBusy`` keeps working)."""
    cls = _SUBCLASS.get(problem)
    return cls(path, detail) if cls is not None else StorageError(problem, path, detail)


def _folder_read_only(path: Path | None) -> bool:
    """A database that cannot be created or opened because its folder refuses writes."""
    if path is None:
        return False
    folder = path.parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


def classify(exc: BaseException, path: Path | None = None) -> StorageError | None:
    """The StorageError ``exc`` stands for, or None when it is a bug, not the environment."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc)
        problem = _BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
        if problem is None and any(m in text.lower() for m in _INPUT_MESSAGES):
            problem = StorageProblem.INPUT
        if problem is None and code is None and isinstance(exc, sqlite3.OperationalError):
            # errors raised by the module itself before SQLite answers carry no code
            low = text.lower()
            if "locked" in low or "busy" in low:
                problem = StorageProblem.BUSY
            elif "unable to open" in low:
                problem = StorageProblem.CANNOT_OPEN
        if problem is StorageProblem.CANNOT_OPEN and _folder_read_only(path):
            problem = StorageProblem.READ_ONLY
        return None if problem is None else make(problem, path, text)
    if isinstance(exc, OverflowError) and "sqlite" in str(exc).lower():
        return make(StorageProblem.INPUT, path, str(exc))  # a number too large for an INTEGER
    if isinstance(exc, OSError) and exc.errno in _BY_ERRNO:
        return make(_BY_ERRNO[exc.errno], path, str(exc))
    return None

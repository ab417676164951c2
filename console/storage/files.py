"""Private by default: the data folder 0700, the database and its -wal/-shm 0600 (POSIX).

The merchant's stores, fees and activity must not be readable by every account on the PC.
The modes are set at creation (a tight umask around it) *and* fixed afterwards, because a
folder or file made by an earlier release (0755/0644) must not stay open. Log and export
writers use the same helpers. On Windows the per-user profile folder is already private, and
``chmod`` only toggles the read-only flag, so these helpers change nothing there.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
#: Files SQLite keeps beside the database in WAL mode.
SIDECARS = ("-wal", "-shm")

_POSIX = sys.platform != "win32"


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """New files and folders made inside this block are for this user only.

    The umask is per process: keep the block short (one creation), it also applies to other
    threads creating files at the same moment, which is harmless (they get tighter modes)."""
    if not _POSIX:
        yield
        return
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def _narrow(path: Path, mode: int) -> None:
    """chmod to ``mode`` if the current mode grants more (never widens what is there)."""
    if not _POSIX:
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~mode:
        path.chmod(current & mode)


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700, or narrow an existing one to it.

    Parents this creates are private too; parents that exist are not touched (a data folder
    inside the user's home must not change the home's mode). Raises OSError.
    """
    with private_umask():
        path.mkdir(parents=True, exist_ok=True)
    _narrow(path, PRIVATE_DIR_MODE)
    return path


def private_file_mode(path: Path) -> None:
    """Narrow one existing file to 0600 (a log, an export, a database made by an older release)."""
    if path.exists():
        _narrow(path, PRIVATE_FILE_MODE)


def make_private_files(database: Path) -> None:
    """The database and its WAL sidecars, as far as they exist, narrowed to 0600."""
    for candidate in (database, *(database.with_name(database.name + s) for s in SIDECARS)):
        with contextlib.suppress(FileNotFoundError):  # -wal/-shm come and go with connections
            private_file_mode(candidate)


def create_private_file(path: Path) -> int:
    """Open ``path`` for writing, created 0600 if new (narrowed if it existed); returns the fd."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    _narrow(path, PRIVATE_FILE_MODE)
    return fd

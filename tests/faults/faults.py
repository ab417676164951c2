"""Storage faults made real without root, for whole runs of the CLI or the window.

Each fault replaces ``console.storage.db.connect`` for the test, so every connection the code
under test opens (the CLI's, the sync pass's, the window's DB lane) meets it; the data was
written before, through a healthy connection, and is compared afterwards.

* ``full``: SQLite's own ``PRAGMA max_page_count`` caps the file at its size, and TEMP triggers
  (they live in the connection's memory, never in the file) make every write also need new pages,
  so *any* write fails with a genuine SQLITE_FULL from SQLite, as on a disk with no space left;
* ``read_only``: a ``mode=ro`` connection, which refuses writes even to root (SQLITE_READONLY);
* ``busy``: another process holds the file in exclusive locking mode (SQLITE_BUSY, readers too);
  it must be the first to open the file, so it suits a command line, not an open window;
* ``writer``: another process holds the write lock (``BEGIN IMMEDIATE``): in WAL mode reading
  goes on and every write is SQLITE_BUSY, what an open window meets.

tests/storage/test_faults.py provokes the same faults at chosen points inside the engine.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from console.storage import db as dbmod

FAULTS = ("full", "read_only", "busy")
#: A table that only the "full" fault writes to; never part of the merchant's data.
PADDING = "fault_padding"


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the merchant's data, to prove nothing was lost or changed."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if r[0] != PADDING
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        conn.close()


def prepare_full(path: Path) -> None:
    """Before the run: the padding table exists and the file has no free page to fall back on."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {PADDING} (b BLOB)")
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def _fill_up(conn: sqlite3.Connection) -> None:
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] != PADDING and not r[0].startswith("sqlite_")
    ]
    for table in tables:
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TEMP TRIGGER fault_{table}_{op.lower()} AFTER {op} ON main.{table} "
                f"BEGIN INSERT INTO {PADDING} VALUES (zeroblob(65536)); END"
            )
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "busy":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE" if sys.argv[2] == "busy" else "BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()  # hold the file until the test closes our stdin
conn.execute("ROLLBACK")
"""


@contextmanager
def storage_fault(kind: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within the block, the database at ``path`` is full, read-only or held by another process."""
    real = dbmod.connect

    if kind == "full":
        prepare_full(path)

        def connect(where: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
            conn = real(where, read_only=read_only)
            if str(where) != ":memory:" and Path(where).resolve() == path.resolve():
                _fill_up(conn)
            return conn

        monkeypatch.setattr(dbmod, "connect", connect)
        try:
            yield
        finally:
            monkeypatch.setattr(dbmod, "connect", real)
    elif kind == "read_only":

        def connect(where: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
            return real(where, read_only=True)

        monkeypatch.setattr(dbmod, "connect", connect)
        try:
            yield
        finally:
            monkeypatch.setattr(dbmod, "connect", real)
    elif kind in ("busy", "writer"):
        monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)  # wait a little, not 5 s
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            yield
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=60)
    else:
        raise ValueError(kind)

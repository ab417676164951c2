"""Private by default: the data folder 0700 and the database with its -wal/-shm 0600 (POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from console.storage.db import open_database
from console.storage.files import create_private_file, make_private_dir, private_file_mode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows profiles are per user")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_database_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual desktop umask, which would give 0755 and 0644
    try:
        data = tmp_path / "share" / "merchant-console"
        db = open_database(data / "console.db")
        db.conn.execute("CREATE TABLE t (x)")  # something in the WAL
        assert mode(data) == 0o700
        for name in ("console.db", "console.db-wal", "console.db-shm"):
            assert (data / name).exists(), name
            assert mode(data / name) == 0o600, name
        db.conn.close()
    finally:
        os.umask(old)


def test_an_existing_open_folder_and_file_are_narrowed(tmp_path: Path) -> None:
    """A data folder an earlier release made 0755 with a 0644 database."""
    data = tmp_path / "data"
    open_database(data / "console.db").conn.close()
    data.chmod(0o755)
    for p in data.iterdir():
        p.chmod(0o644)
    open_database(data / "console.db").conn.close()
    assert mode(data) == 0o700
    assert {p.name: mode(p) for p in data.iterdir() if p.name.startswith("console.db")} == {
        p.name: 0o600 for p in data.iterdir() if p.name.startswith("console.db")
    }


def test_helpers_never_widen_and_leave_existing_parents_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    folder = make_private_dir(tmp_path / "logs")
    assert mode(folder) == 0o700 and mode(tmp_path) == 0o755
    folder.chmod(0o500)  # narrower than private: kept
    make_private_dir(folder)
    assert mode(folder) == 0o500
    folder.chmod(0o700)
    export = folder / "export.csv"
    os.close(create_private_file(export))
    assert mode(export) == 0o600
    export.chmod(0o666)
    private_file_mode(export)
    assert mode(export) == 0o600

"""console/paths.py: --data-dir > MERCHANT_CONSOLE_DATA_DIR > the per-user data directory."""

from __future__ import annotations

from pathlib import Path

from console.wiring.paths import DB_FILENAME, ENV_DATA_DIR, data_dir, database_path


def test_cli_value_wins(tmp_path: Path) -> None:
    assert data_dir(tmp_path / "cli", {ENV_DATA_DIR: str(tmp_path / "env")}) == tmp_path / "cli"


def test_environment_next(tmp_path: Path) -> None:
    assert data_dir(None, {ENV_DATA_DIR: str(tmp_path / "env")}) == tmp_path / "env"
    assert data_dir("", {ENV_DATA_DIR: str(tmp_path / "env")}) == tmp_path / "env"


def test_user_data_dir_last() -> None:
    from platformdirs import user_data_dir

    assert data_dir(None, {}) == Path(user_data_dir("merchant-console", appauthor=False))


def test_tilde_is_expanded() -> None:
    assert data_dir("~/mc", {}) == Path.home() / "mc"


def test_database_file_name(tmp_path: Path) -> None:
    assert database_path(tmp_path) == tmp_path / DB_FILENAME == tmp_path / "console.db"
    assert not tmp_path.joinpath("console.db").exists()  # resolving creates nothing

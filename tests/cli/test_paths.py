"""console/wiring/paths.py: --data-dir > MERCHANT_CONSOLE_DATA_DIR > the folder chosen in
Settings > the per-user data directory; the window and the terminal resolve the same one."""

from __future__ import annotations

from pathlib import Path

import pytest

from console import cli
from console.wiring.paths import (
    CHOICE_FILE,
    DB_FILENAME,
    ENV_CONFIG_DIR,
    ENV_DATA_DIR,
    data_dir,
    database_path,
    save_data_dir,
    saved_data_dir,
)
from tests.helpers.factories import StoreSpec, make_db


def test_cli_value_wins(tmp_path: Path) -> None:
    assert data_dir(tmp_path / "cli", {ENV_DATA_DIR: str(tmp_path / "env")}) == tmp_path / "cli"


def test_environment_next(tmp_path: Path) -> None:
    env = {ENV_DATA_DIR: str(tmp_path / "env"), ENV_CONFIG_DIR: str(tmp_path / "cfg")}
    save_data_dir(tmp_path / "chosen", env)
    assert data_dir(None, env) == tmp_path / "env"
    assert data_dir("", env) == tmp_path / "env"


def test_the_folder_chosen_in_settings_comes_before_the_default(tmp_path: Path) -> None:
    env = {ENV_CONFIG_DIR: str(tmp_path / "cfg")}
    assert saved_data_dir(env) is None
    save_data_dir(tmp_path / "chosen", env)
    assert data_dir(None, env) == tmp_path / "chosen"
    save_data_dir(None, env)  # forgetting the choice falls back to the default again
    assert saved_data_dir(env) is None


def test_a_damaged_choice_file_is_ignored(tmp_path: Path) -> None:
    env = {ENV_CONFIG_DIR: str(tmp_path)}
    (tmp_path / CHOICE_FILE).write_text("{not json", encoding="utf-8")
    assert saved_data_dir(env) is None


def test_user_data_dir_last(tmp_path: Path) -> None:
    from platformdirs import user_data_dir

    env = {ENV_CONFIG_DIR: str(tmp_path)}
    assert data_dir(None, env) == Path(user_data_dir("merchant-console", appauthor=False))


def test_tilde_is_expanded() -> None:
    assert data_dir("~/mc", {}) == Path.home() / "mc"


def test_database_file_name(tmp_path: Path) -> None:
    assert database_path(tmp_path) == tmp_path / DB_FILENAME == tmp_path / "console.db"
    assert not tmp_path.joinpath("console.db").exists()  # resolving creates nothing


def test_the_window_and_the_terminal_read_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder chosen in Settings is the one ``main.py stores`` reads (issue #12)."""
    chosen = tmp_path / "chosen"
    make_db(chosen, stores=[StoreSpec("tb-only-here")])
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv(ENV_CONFIG_DIR, str(tmp_path / "cfg"))
    save_data_dir(chosen)  # what Settings → "Choose the data folder" calls

    from console.ui.app import choose_data_dir

    assert database_path(choose_data_dir(None)) == chosen / "console.db"
    assert cli.main(["--json", "stores"], environ={ENV_CONFIG_DIR: str(tmp_path / "cfg")}) == 0
    assert '"tb-only-here"' in capsys.readouterr().out

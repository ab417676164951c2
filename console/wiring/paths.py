"""Where the app keeps its data, decided in one place for the window and the command line.

Order: ``--data-dir`` > environment ``MERCHANT_CONSOLE_DATA_DIR`` > the folder chosen in Settings
(``data-folder.json`` in the per-user *config* directory, plain JSON so the terminal reads it
without Qt) > the OS's per-user data directory (platformdirs). Nothing is resolved at import time
and nothing is created by resolving.

The choice lives outside the data folder on purpose: it says where the data folder is.
``MERCHANT_CONSOLE_CONFIG_DIR`` moves that small file (tests, portable installs).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from console import APP_ID

log = logging.getLogger(__name__)

ENV_DATA_DIR = "MERCHANT_CONSOLE_DATA_DIR"
ENV_CONFIG_DIR = "MERCHANT_CONSOLE_CONFIG_DIR"
DB_FILENAME = "console.db"
CHOICE_FILE = "data-folder.json"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The per-user folder for the few settings that live outside the data folder."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CONFIG_DIR):
        return Path(env[ENV_CONFIG_DIR]).expanduser()
    from platformdirs import user_config_dir  # only when needed: keeps start-up cheap

    return Path(user_config_dir(APP_ID, appauthor=False))


def saved_data_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The folder chosen in Settings, or None (no choice, or an unreadable file: logged)."""
    path = config_dir(environ) / CHOICE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring the saved data folder choice in %s: %s", path, exc)
        return None
    folder = data.get("data_dir") if isinstance(data, dict) else None
    return Path(folder).expanduser() if isinstance(folder, str) and folder.strip() else None


def save_data_dir(folder: Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """Remember ``folder`` for the next start of either face (None forgets); atomic write."""
    import tempfile  # only when saving: keeps it off the window's start-up

    directory = config_dir(environ)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / CHOICE_FILE
    if folder is None:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        return target
    fd, tmp = tempfile.mkstemp(prefix=".data-folder-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"data_dir": str(Path(folder).expanduser())}, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def data_dir(
    cli_value: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The data directory (not created here: opening the database creates it when needed)."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ if environ is None else environ
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    chosen = saved_data_dir(env)
    if chosen is not None:
        return chosen
    from platformdirs import user_data_dir  # only when needed: keeps start-up cheap

    return Path(user_data_dir(APP_ID, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME


def log_path(directory: Path) -> Path:
    """The log file named in "details are in the log" messages, from both faces."""
    return directory / "logs" / "console.log"

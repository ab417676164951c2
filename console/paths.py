"""Where the app keeps its data, decided in one place (nothing is resolved at import time).

Order: ``--data-dir`` > environment ``MERCHANT_CONSOLE_DATA_DIR`` > the OS's per-user data
directory (platformdirs). Tests and portable installs use the first two.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from console import APP_ID

ENV_DATA_DIR = "MERCHANT_CONSOLE_DATA_DIR"
DB_FILENAME = "console.db"


def data_dir(
    cli_value: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The data directory (not created here: opening the database creates it when needed)."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ if environ is None else environ
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    from platformdirs import user_data_dir  # only when needed: keeps start-up cheap

    return Path(user_data_dir(APP_ID, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME

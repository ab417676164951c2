"""The log file both faces write, and the last resort that records a crash in it.

Why: a merchant who starts the app from the menu never sees stderr, and a traceback in a
terminal helps nobody. An unexpected error is logged here in full and the merchant is told one
sentence and this file's path (console/words/errors.py). Rotated at 1 MB, 3 files. Nothing
that logs to it logs secrets.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from console.wiring.paths import log_path

log = logging.getLogger(__name__)
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_to_file(data_dir: Path) -> Path | None:
    """Send the root logger to ``<data>/logs/console.log`` (once per file); None if impossible."""
    path = log_path(Path(data_dir))
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:  # a read-only data folder must not stop the app
        log.warning("no log file: %s", exc)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def record_crash(exc: BaseException, data_dir: Path | None) -> Path | None:
    """Log ``exc`` with its traceback to the log file; the file's path, or None if none."""
    path = log_to_file(data_dir) if data_dir is not None else None
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return path

"""The log file both faces write, and the last resort that records a crash in it.

Why: a merchant who starts the app from the menu never sees stderr, and a traceback in a
terminal helps nobody. An unexpected error is logged here in full and the merchant is told one
sentence and this file's path (console/words/errors.py). Rotated at 1 MB, 3 files. Nothing
that logs to it logs secrets.

Private by default (issue #13): the log names stores and what was done to them, so the log
folder is 0700 and every log file, the ones rotation opens included, 0600 on POSIX
(``console/storage/files.py`` owns the modes).
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from console.storage.files import PRIVATE_FILE_MODE, make_private_dir, private_file_mode
from console.wiring.paths import log_path

log = logging.getLogger(__name__)
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose every file is created 0600, whatever the umask.

    ``logging`` opens files with ``open()``, so the process umask (often 022) would decide;
    rotation renames the old file (its mode travels with it) and opens a new one through here.
    """

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in self.mode else os.O_TRUNC)
        fd = os.open(self.baseFilename, flags, PRIVATE_FILE_MODE)
        try:
            private_file_mode(Path(self.baseFilename))  # a log an older release made 0644
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def handleError(self, record: logging.LogRecord) -> None:
        """A line that cannot be written (a full disk) is dropped: ``logging`` would print a
        traceback to stderr, in front of the merchant, about the very disk the action that
        failed already names in its own sentence."""


def log_to_file(data_dir: Path) -> Path | None:
    """Send the root logger to ``<data>/logs/console.log`` (once per file); None if impossible."""
    path = log_path(Path(data_dir))
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    try:
        make_private_dir(path.parent)
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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

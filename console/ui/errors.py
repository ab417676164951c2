"""What the window says when one of its actions fails: the fault named for what it is.

Why one helper: each view used to say "something went wrong on our side" (or worse, "damaged")
for a full disk, a read-only folder or a file held by another program. A view's ``on_error``
asks here first; a storage fault gets the sentence the command line prints too (classified once
by ``console.storage.errors.classify``, worded once in ``console/words/errors.py``), a failed
export gets the export's own, and only a real bug falls back to the view's generic sentence and
the log. Qt-free on purpose: the words follow ``lang``, and tests call it directly.

Exports live here too (``create_export``): a view may not import storage, and the file a
merchant saves is created private (0600) by ``console.storage.files``, the one owner of modes.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from console.storage.errors import StorageProblem, classify
from console.storage.files import create_private_file
from console.words.errors import export_text, storage_text

log = logging.getLogger(__name__)

_EXPORT_BY_ERRNO = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


def storage_failure_text(exc: BaseException, lang: str) -> str | None:
    """The one sentence for a storage fault, or None when ``exc`` is a bug (log it, say so)."""
    problem = classify(exc, getattr(exc, "path", None))
    if problem is None:
        return None
    log.warning("storage: %s", problem)  # the detail (SQLite's words) is for the log only
    path: Path | str = problem.path or ""
    if problem.problem is StorageProblem.READ_ONLY and problem.path is not None:
        path = problem.path.parent  # the sentence names the folder, which is what to change
    return storage_text(problem.problem, lang, path=path, detail=problem.detail)


def export_failure_text(exc: OSError, path: str | Path, lang: str) -> str:
    """Why an export could not be written, in the merchant's words (never the OS's English)."""
    log.warning("could not write %s: %s", path, exc)
    return export_text(_EXPORT_BY_ERRNO.get(exc.errno or 0, "other"), path, lang)


def create_export(path: str | Path) -> int:
    """Open ``path`` for a new export: created (or narrowed to) 0600 and emptied; the fd.

    The audit log and the checkout name stores and fees: a CSV or PNG saved from them must not
    be readable by every account on the PC. Raises OSError (worded by ``export_failure_text``).
    """
    fd = create_private_file(Path(path))
    try:
        os.ftruncate(fd, 0)
    except BaseException:
        os.close(fd)
        raise
    return fd

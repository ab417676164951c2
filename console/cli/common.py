"""What every verb module shares: exit codes, the run context and the usage error."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.render import Out

if TYPE_CHECKING:
    from console.service import ConsoleService

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_UNREACHABLE = 4
EXIT_SYNC_REFUSED = 5
EXIT_CREDENTIALS = 6
EXIT_MISMATCH = 7  # reconcile found a settlement that does not match
EXIT_CLOCK = 8  # sync/status: the platform refused this computer's clock


class UsageError(Exception):
    """The command line is wrong: said in the user's language (or argparse's), exit 2."""

    def __init__(self, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


@dataclass
class Context:
    """One run: the output, the data folder, the environment and the clock (None: the app's one
    clock, built on first use: the window never reads it here, and building it imports the meta
    table and the sync states, ~20 ms before the first paint; issue #14)."""

    out: Out
    data_dir: Path
    environ: Mapping[str, str]
    given_clock: Callable[[], datetime] | None = None

    @cached_property
    def clock(self) -> Callable[[], datetime]:
        if self.given_clock is not None:
            return self.given_clock
        # the app's one clock: platform time as last learned (issue #10)
        from console.core.clock import PlatformClock, system_now
        from console.storage.meta import MetaFile
        from console.wiring.paths import database_path

        env = self.environ
        return PlatformClock(meta=MetaFile(database_path(self.data_dir)), wall=lambda: system_now(env))

    @property
    def lang(self) -> str:
        return self.out.lang

    @contextmanager
    def service(self) -> Iterator[ConsoleService]:
        """The service on this folder's database; storage errors go up to the edge (cli.main)."""
        from console.service import ConsoleService
        from console.storage.db import open_database
        from console.wiring.paths import database_path

        db = open_database(database_path(self.data_dir))
        try:
            yield ConsoleService(db, clock=self.clock)
        finally:
            db.conn.close()


#: What a verb module's ``run`` looks like (see the package docstring).
Run = Callable[[Context, argparse.Namespace], int]


def unknown_store(out: Out, store_id: str) -> int:
    from console.words import msg

    return out.fail(
        "UNKNOWN_STORE", msg("unknown_store", out.lang, store_id=store_id), EXIT_USAGE, store_id=store_id
    )

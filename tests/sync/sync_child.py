"""A syncing process for the crash tests: ``python -m tests.sync.sync_child DB URL KEY SECRET OFFSET``.

It says "started" once the database is open, then syncs until nothing is pending. The parent
kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta

from console.core.timeutil import utcnow
from console.platform.client import PlatformClient
from console.storage.db import open_database
from console.sync.engine import SyncEngine


def main(argv: list[str]) -> int:
    db_path, url, key, secret, offset = argv
    shift = timedelta(seconds=float(offset))
    db = open_database(db_path)
    client = PlatformClient(url, key, secret, clock=lambda: utcnow() + shift, timeout=5.0)
    engine = SyncEngine(db, client, rng=random.Random())
    print("started", flush=True)
    for _ in range(50):
        report = engine.run_once(force=True)
        if report.pending == 0 and report.error is None:
            return 0
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

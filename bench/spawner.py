"""A small helper process that spawns the bench's GUI children and reports on them.

Why a separate process: on Linux a child's ``ru_maxrss`` (wait4) starts at its parent's resident
size — exec keeps the old address space's high-water mark (measured: a 300 MB parent spawning
``python -c pass`` reads 311 MB, with fork and with posix_spawn alike). The bench process grows
(it holds 10,000 stores, httpx, the stub's client …), so children spawned by it would "peak" at
the bench's size. This helper is started first, while the bench is still small, and stays small,
so a child's peak RSS is its own.

Protocol: one JSON request per line on stdin ``{"cmd": [...], "env": {...}, "timeout": s}``,
one JSON ``ChildRun`` per line on stdout. It exits when stdin closes.
"""

from __future__ import annotations

import dataclasses
import json
import sys

from bench.common import _run_child_once


def main() -> int:
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            run = _run_child_once(req["cmd"], req.get("env") or {}, float(req["timeout"]))
            out = {"ok": True, "run": dataclasses.asdict(run)}
        except Exception as exc:  # report, keep serving
            out = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

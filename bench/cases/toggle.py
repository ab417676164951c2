"""Toggle a method until state + outbox + audit are committed, beside one bare commit.

The app: ``ConsoleService.set_method`` on a copy of the 10,000-store database (rules checked,
the wish, an outbox row and an audit row written in one BEGIN IMMEDIATE transaction), turning
WeChat Pay off and on again on 30 stores (60 changes a run: "queued", then "cancelled").
The baseline: one INSERT of a small row in BEGIN IMMEDIATE … COMMIT, on a connection opened with
the app's own pragmas (console.storage.db.connect: WAL, synchronous=FULL), in the same folder.
Figure: milliseconds per change (a run's total / 60).
"""

from __future__ import annotations

import time

from bench.cases.platform import ensure_db10k, live_wechat_stores
from bench.common import Context, Row, copy_database, interleave, measured, median, ratio_row

STORES = 30


def run(ctx: Context) -> list[Row]:
    from console.core.model import Method
    from console.service import ConsoleService
    from console.storage.db import connect, open_database

    folder = ctx.tmp / "toggle"
    db = open_database(copy_database(ensure_db10k(ctx), folder / "console.db"))
    bare = connect(folder / "bare.db")
    cpu: list[float] = []
    try:
        bare.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        service = ConsoleService(db)
        stores = live_wechat_stores(db)[:STORES]
        ops = 2 * len(stores)
        n = ctx.warmups + ctx.runs
        ctx.log(f"toggle: set_method vs a bare one-row commit, {ops} changes a run, {n} runs each")

        def app() -> float:
            c0, t0 = time.process_time(), time.perf_counter()
            for sid in stores:
                for enabled in (False, True):
                    result = service.set_method(sid, Method.WECHAT_PAY, enabled)
                    if not result.applied:
                        raise RuntimeError(f"set_method({sid}, {enabled}) refused: {result.reason}")
            dt = (time.perf_counter() - t0) * 1000 / ops
            cpu.append((time.process_time() - c0) * 1000 / ops)
            return dt

        def base() -> float:
            t0 = time.perf_counter()
            for i in range(ops):
                bare.execute("BEGIN IMMEDIATE")
                bare.execute("INSERT INTO t (v) VALUES (?)", (f"row {i}",))
                bare.execute("COMMIT")
            return (time.perf_counter() - t0) * 1000 / ops

        apps, bases = interleave(n, app, base)
    finally:
        bare.close()
        db.conn.close()
    return [
        ratio_row(
            "toggle a method (state + outbox + audit committed)",
            "ms",
            measured(ctx, apps),
            measured(ctx, bases),
            3.0,
            note=f"CPU {median(measured(ctx, cpu)):.2f} ms per change; baseline: one small row, same pragmas",
        )
    ]

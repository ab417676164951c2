"""Against the real stub platform (one child process, 127.0.0.1, ``--seed stores:10000``):

* initial sync of 10,000 stores: ``SyncEngine.run_once`` into a fresh database, beside the same
  pages (``/v1/changes``, limit 500) fetched with bare httpx, signed, parsed and inserted with
  one ``executemany`` per page into one table, one transaction per page, same pragmas;
* push 1,000 queued changes: ``Pusher.run`` over 1,000 outbox rows queued by the service, beside
  the same signed PUTs sent by a bare httpx loop (no database). Two disjoint sets of 1,000
  stores whose WeChat Pay is live (alternately turned off and on, so every request is a real
  change on the platform, for both sides);
* the server under 50 concurrent signed clients for 30 s (loopback, bounded, stops by itself).

The 10,000-store database of the last engine run is kept for the other cases (toggle, GUI).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import random
import time
import traceback
import uuid
from pathlib import Path
from typing import Any

from bench.common import (
    Context,
    Row,
    copy_database,
    failed_row,
    info_row,
    interleave,
    measured,
    ratio_row,
    sign_headers,
    stub_server,
)

STORES = 10_000
PAGE = 500  # the engine's default page size (console.sync.pull.DEFAULT_PAGE_SIZE)
PUSH_N = 1_000
CLIENTS = 50


# -- initial sync ---------------------------------------------------------------------------------------
def engine_sync(path: Path, url: str, key: str, secret: str) -> tuple[float, int]:
    from console.platform.client import PlatformClient
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine

    db = open_database(path)  # created and migrated before the clock starts
    try:
        t0 = time.perf_counter()
        with PlatformClient(url, key, secret) as client:
            report = SyncEngine(db, client, page_size=PAGE).run_once(force=True)
        dt = time.perf_counter() - t0
    finally:
        db.conn.close()
    if report.error:
        raise RuntimeError(f"engine sync failed: {report.error}: {report.error_detail}")
    return dt, int(report.pulled)


def bare_sync(path: Path, url: str, key: str, secret: str) -> tuple[float, int]:
    import httpx

    from console.storage.db import connect

    conn = connect(path)  # the app's pragmas (WAL, synchronous=FULL, foreign keys, busy timeout)
    conn.execute(
        "CREATE TABLE entities (kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, "
        "data TEXT NOT NULL, PRIMARY KEY (kind, id))"
    )
    conn.execute("CREATE TABLE cursor (id INTEGER PRIMARY KEY CHECK (id = 1), since INTEGER NOT NULL)")
    try:
        t0 = time.perf_counter()
        since, n = 0, 0
        with httpx.Client(base_url=url, trust_env=False, timeout=30) as http:
            while True:
                pq = f"/v1/changes?since={since}&limit={PAGE}"
                resp = http.get(pq, headers=sign_headers(key, secret, "GET", pq))
                resp.raise_for_status()
                page = resp.json()
                rows = [(c["kind"], c["id"], c["version"], json.dumps(c["data"])) for c in page["changes"]]
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)", rows)
                conn.execute("INSERT OR REPLACE INTO cursor VALUES (1, ?)", (page["next_since"],))
                conn.execute("COMMIT")
                n += len(rows)
                since = page["next_since"]
                if not page["has_more"]:
                    break
        return time.perf_counter() - t0, n
    finally:
        conn.close()


def run_initial_sync(ctx: Context, url: str, key: str, secret: str, stores: int = STORES) -> Row:
    n = ctx.warmups + ctx.runs
    ctx.log(f"initial sync of {stores:,} stores: engine vs bare httpx + executemany, {n} runs each")
    counter = iter(range(10_000))
    app_paths: list[Path] = []

    def app() -> tuple[float, int]:
        p = ctx.tmp / f"sync-engine-{stores}-{next(counter)}" / "console.db"
        app_paths.append(p)
        return engine_sync(p, url, key, secret)

    def bare() -> tuple[float, int]:
        p = ctx.tmp / f"sync-bare-{stores}-{next(counter)}.db"
        try:
            return bare_sync(p, url, key, secret)
        finally:
            p.unlink(missing_ok=True)

    apps, bares = interleave(n, app, bare)
    if {a[1] for a in apps} != {b[1] for b in bares}:
        counts = sorted({a[1] for a in apps} | {b[1] for b in bares})
        raise RuntimeError(f"entity counts differ between runs (the stub's feed changed): {counts}")
    if stores == STORES:
        ctx.facts["db10k"] = app_paths[-1]
        app_paths.pop()
    for p in app_paths:
        p.unlink(missing_ok=True)
    return ratio_row(
        f"initial sync, {stores:,} stores ({apps[0][1]:,} entities)",
        "s",
        [a[0] for a in measured(ctx, apps)],
        [b[0] for b in measured(ctx, bares)],
        1.5,
        note=f"pages of {PAGE}; baseline: bare httpx + one executemany per page",
    )


# -- push ------------------------------------------------------------------------------------------------
def live_wechat_stores(db: Any) -> list[str]:
    """Stores where WeChat Pay and Alipay are both live and on: WeChat Pay may go off and on again."""
    return [
        r[0]
        for r in db.execute(
            "SELECT w.store_id FROM methods w JOIN methods a ON a.store_id = w.store_id "
            "AND a.method = 'alipay' AND a.eligibility = 'live' AND a.enabled = 1 "
            "JOIN stores s ON s.id = w.store_id AND s.status = 'open' "
            "WHERE w.method = 'wechat_pay' AND w.eligibility = 'live' AND w.enabled = 1 "
            "AND w.wanted IS NULL ORDER BY w.store_id"
        ).fetchall()
    ]


def bare_push(url: str, key: str, secret: str, stores: list[str], enabled: bool) -> float:
    import httpx

    body = json.dumps({"enabled": enabled}).encode()
    t0 = time.perf_counter()
    with httpx.Client(base_url=url, trust_env=False, timeout=30) as http:
        for sid in stores:
            path = f"/v1/stores/{sid}/methods/wechat_pay"
            headers = sign_headers(key, secret, "PUT", path, body)
            headers["Idempotency-Key"] = uuid.uuid4().hex
            headers["Content-Type"] = "application/json"
            resp = http.put(path, content=body, headers=headers)
            if resp.status_code != 200:
                raise RuntimeError(f"bare PUT {path}: HTTP {resp.status_code} {resp.text[:200]}")
            resp.json()
    return time.perf_counter() - t0


def app_push(service: Any, url: str, key: str, secret: str, stores: list[str], enabled: bool) -> float:
    from console.core.model import Method
    from console.core.timeutil import utcnow
    from console.platform.client import PlatformClient
    from console.sync.push import Pusher

    queued = service.set_method_bulk(stores, Method.WECHAT_PAY, enabled)  # not timed
    if len(queued.changed) != len(stores):
        raise RuntimeError(f"queued {len(queued.changed)} of {len(stores)} changes")
    t0 = time.perf_counter()
    with PlatformClient(url, key, secret) as client:
        out = Pusher(service.db, client, clock=utcnow, rng=random.Random(0), respect_backoff=False).run()
    dt = time.perf_counter() - t0
    if out.pushed != len(stores) or out.error:
        raise RuntimeError(f"pushed {out.pushed} of {len(stores)}: {out.error} {out.error_detail}")
    return dt


def run_push(ctx: Context, url: str, key: str, secret: str) -> Row:
    from console.service import ConsoleService
    from console.storage.db import open_database

    db = open_database(copy_database(ctx.facts["db10k"], ctx.tmp / "push" / "console.db"))
    try:
        service = ConsoleService(db)
        live = live_wechat_stores(db)
        n_each = min(PUSH_N, len(live) // 2)
        if n_each < 10:
            raise RuntimeError(f"only {len(live)} stores with WeChat Pay live and on")
        bare_set, app_set = live[:n_each], live[n_each : 2 * n_each]
        rounds = ctx.warmups + ctx.runs
        ctx.log(f"push {n_each:,} queued changes: Pusher vs bare signed PUT loop, {rounds} runs each")
        state = {"round": 0}

        def value() -> bool:
            return state["round"] % 2 == 1  # off first (they are on), then on, then off …

        def bare() -> float:
            return bare_push(url, key, secret, bare_set, value())

        def app() -> float:
            dt = app_push(service, url, key, secret, app_set, value())
            state["round"] += 1
            return dt

        bares, apps = interleave(rounds, bare, app)
    finally:
        db.conn.close()
    return ratio_row(
        f"push {n_each:,} queued changes",
        "s",
        measured(ctx, apps),
        measured(ctx, bares),
        1.3,
        note="Pusher.run (claim + send + apply per row) vs the same signed PUTs in a bare httpx loop",
    )


# -- load ------------------------------------------------------------------------------------------------
async def _client(
    i: int, url: str, key: str, secret: str, plan: dict[str, Any], deadline: float, out: list[Any]
) -> None:
    import httpx

    rnd = random.Random(i)
    stores, live, top = plan["stores"], plan["live"], plan["top"]
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=url, trust_env=False, timeout=10.0, limits=limits) as http:
        while time.monotonic() < deadline:
            x = rnd.random()
            body = b""
            if x < 0.7:
                method, path = "GET", f"/v1/stores/{rnd.choice(stores)}"
            elif x < 0.9:
                method, path = "GET", f"/v1/changes?since={max(0, top - rnd.randint(0, 200))}&limit=100"
            else:
                method, path = "PUT", f"/v1/stores/{rnd.choice(live)}/methods/wechat_pay"
                body = json.dumps({"enabled": rnd.random() < 0.5}).encode()
            headers = sign_headers(key, secret, method, path, body)
            if body:
                headers["Idempotency-Key"] = uuid.uuid4().hex
                headers["Content-Type"] = "application/json"
            t0 = time.perf_counter()
            try:
                resp = await http.request(method, path, content=body or None, headers=headers)
                ok, status = resp.status_code == 200, str(resp.status_code)
            except Exception as exc:  # a timeout or a dropped connection is an error, counted
                ok, status = False, type(exc).__name__
            t1 = time.perf_counter()
            out.append((t1, (t1 - t0) * 1000.0, ok, status, method))


async def _load(
    url: str, key: str, secret: str, plan: dict[str, Any], seconds: float
) -> tuple[list[Any], float]:
    out: list[Any] = []
    start = time.perf_counter()
    deadline = time.monotonic() + seconds
    tasks = [_client(i, url, key, secret, plan, deadline, out) for i in range(CLIENTS)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 30)  # bounded whatever happens
    return out, start


def run_load(ctx: Context, url: str, key: str, secret: str) -> list[Row]:
    import sqlite3

    db = sqlite3.connect(str(ctx.facts["db10k"]))
    try:
        stores = [r[0] for r in db.execute("SELECT id FROM stores")]
        live = [
            r[0]
            for r in db.execute(
                "SELECT store_id FROM methods WHERE method = 'wechat_pay' AND eligibility = 'live' "
                "AND enabled = 1 ORDER BY store_id DESC LIMIT 200"
            )
        ]
        top = int(db.execute("SELECT value FROM meta WHERE key = 'cursor'").fetchone()[0])
    finally:
        db.close()
    plan = {"stores": stores, "live": live, "top": top}
    seconds = ctx.load_seconds
    ctx.log(f"load: {CLIENTS} signed clients for {seconds:g} s (70% GET store, 20% GET changes, 10% PUT)")
    results, start = asyncio.run(_load(url, key, secret, plan, seconds))
    total = len(results)
    errors = [r for r in results if not r[2]]
    lat = sorted(r[1] for r in results if r[2])
    buckets: dict[int, int] = {}
    for t, _, ok, _, _ in results:
        if ok:
            sec = int(t - start)
            if sec < int(seconds):  # whole seconds only
                buckets[sec] = buckets.get(sec, 0) + 1
    per_sec = [float(buckets.get(s, 0)) for s in range(int(seconds))] or [0.0]
    p50 = lat[len(lat) // 2] if lat else float("nan")
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan")
    kinds: dict[str, int] = {}
    for r in errors:
        kinds[str(r[3])] = kinds.get(str(r[3]), 0) + 1
    err_note = ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())) or "none"
    label = f"stub server, {CLIENTS} signed clients × {seconds:g} s"
    return [
        info_row(
            f"{label}: throughput",
            "req/s",
            per_sec,
            note=f"{total:,} requests; median/min/max over 1-s buckets; mean {total / seconds:.0f} req/s",
        ),
        info_row(f"{label}: latency p50", "ms", [p50]),
        info_row(f"{label}: latency p99", "ms", [p99], note=f"max {lat[-1]:.0f} ms" if lat else ""),
        Row(
            f"{label}: errors",
            "count",
            float(len(errors)),
            float(len(errors)),
            float(len(errors)),
            None,
            None,
            "0 errors",
            not errors,
            f"non-200 or failed: {err_note}",
        ),
    ]


def ensure_db10k(ctx: Context) -> Path:
    """The 10,000-store database (from the initial sync case, or one sync now when run alone)."""
    if "db10k" not in ctx.facts:
        ctx.log(f"syncing {STORES:,} stores from the stub once (the platform case did not run)")
        with stub_server(ctx.tmp / "stub-10k", f"stores:{STORES}") as stub:
            c = stub.credentials
            path = ctx.tmp / "sync-engine" / "console.db"
            engine_sync(path, stub.url, c.app_key, c.app_secret)
        ctx.facts["db10k"] = path
    return Path(ctx.facts["db10k"])


def run(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    ctx.log(f"starting the stub platform with {STORES:,} stores (seeding takes a few seconds)")
    with stub_server(ctx.tmp / "stub-10k", f"stores:{STORES}") as stub:
        c = stub.credentials
        url, key, secret = stub.url, c.app_key, c.app_secret
        rows.append(run_initial_sync(ctx, url, key, secret))
        for step in (run_push, run_load):
            try:
                out = step(ctx, url, key, secret)
                rows.extend(out if isinstance(out, list) else [out])
            except Exception as exc:  # the other steps still run
                traceback.print_exc()
                rows.append(failed_row(step.__name__, exc))
    return rows


#: The 100,000-store sync takes ~10 s a run on a quiet 2-core machine: fewer runs than the other
#: figures (the median of 3 after one warm-up still interleaves app and baseline).
STORES_100K = 100_000
RUNS_100K = 3


def run_100k(ctx: Context) -> list[Row]:
    """Initial sync of 100,000 stores, the same two sides as the 10,000 row (``--only sync100k``)."""
    ctx.log(f"starting the stub platform with {STORES_100K:,} stores (seeding takes a while)")
    small = dataclasses.replace(ctx, runs=min(ctx.runs, RUNS_100K), warmups=min(ctx.warmups, 1))
    # a review takes a simulated week: no review finishes during the ~10 runs of ~10-60 s each, so
    # every run pulls the same feed (with the default 120 s the feed grew 3 % between runs)
    with stub_server(ctx.tmp / "stub-100k", f"stores:{STORES_100K}", review_delay_s=7 * 86400) as stub:
        c = stub.credentials
        return [run_initial_sync(small, stub.url, c.app_key, c.app_secret, STORES_100K)]

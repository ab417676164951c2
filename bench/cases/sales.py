"""Sales (#15): applying the payments feed, the Sales page after a filter change, reconciliation.

* sync of about ``PAYMENTS`` payments from the stub platform over the network, as the issue
  asks: the app's ``SalesSync.payments`` (signed client, verified pages, ``apply_payments`` + the
  cursor in one transaction per page) beside bare httpx fetching the same signed pages and
  inserting them with one ``executemany`` per page into one table, same pragmas. The stub's
  history of 90 days is sized (``SYNC_STORES``) to hold about a million payments.
* the same page step without the network (``_app_apply`` / ``_bare_apply`` from page bytes),
  as a second row: what the app adds over a bare insert, with nothing to hide it.
* the Sales page, ``STORES`` stores × 90 days of daily aggregates: a filter change (channel,
  then platform) = the cube's queries + the chart's data + one paint into an image. Target
  ≤ 100 ms (an absolute budget: a merchant's perception, not a ratio).
* the Sales page's peak memory over ``STORES`` stores × 90 days (``sales_page_child``, the
  real page in a child) against the bare window's, same run: ≤ baseline + 200 MB.
* reconciliation of ``RECON_DAYS`` days × ``RECON_STORES`` stores, off the GUI thread with
  progress: ``SalesService.reconcile`` against the bare ``GROUP BY`` join of the same tables.

``SALES_BENCH_SCALE`` (env, default 1.0) scales every size down for a quick look while working.
"""

from __future__ import annotations

import json
import os
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.common import Context, Row, absolute_row, failed_row, interleave, ratio_row

SCALE = float(os.environ.get("SALES_BENCH_SCALE", "1.0"))
PAYMENTS = int(1_000_000 * SCALE)
PAGE = 1000
#: The stub's stores sell ~20 payments a day on average: this many stores hold ~PAYMENTS in 90 days.
SYNC_STORES = max(1, round(PAYMENTS / (20.6 * 90)))
STORES = int(10_000 * SCALE)
DAYS = 90
RECON_STORES = int(10_000 * SCALE)
RECON_DAYS = 90
FIRST = date(2026, 8, 26)


def _pages(n: int) -> list[bytes]:
    rng = random.Random(15)
    pages, batch = [], []
    per_day = max(1, n // DAYS)
    for i in range(n):
        day = FIRST + timedelta(days=i // per_day)
        store = f"tb-{rng.randrange(STORES or 1):06d}"
        method = "wechat_pay" if rng.random() < 0.3 else "alipay"
        amount = rng.randrange(100, 50_000)
        batch.append(
            {
                "id": f"p-{i:09d}",
                "store_id": store,
                "platform": "taobao",
                "method": method,
                "channel": "wechat_mini_program" if method == "wechat_pay" else "mobile_app",
                "amount_fen": amount,
                "fee_bps": 60,
                "fee_fen": (amount * 60 + 5000) // 10000,
                "refunded_fen": 0,
                "paid_at": f"{day.isoformat()}T10:00:00Z",
                "refunded_at": None,
                "settlement_date": day.isoformat(),
            }
        )
        if len(batch) == PAGE:
            pages.append(json.dumps({"payments": batch, "next_since": f"c{i}", "has_more": True}).encode())
            batch = []
    if batch:
        pages.append(json.dumps({"payments": batch, "next_since": "end", "has_more": False}).encode())
    return pages


def _fresh(path: Path) -> Any:
    from console.storage.db import open_database

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return open_database(path)


def _app_apply(path: Path, pages: list[bytes]) -> float:
    from console.platform.sales_feed import payments_page
    from console.storage import meta
    from console.storage import sales as tables
    from console.storage.db import transaction

    db = _fresh(path)
    try:
        t0 = time.perf_counter()
        for body in pages:
            page = payments_page(json.loads(body))
            with transaction(db.conn):
                tables.apply_payments(db.conn, page.payments, keep_from=None)
                meta.put(db.conn, tables.PAYMENTS_CURSOR, page.next_since)
        return time.perf_counter() - t0
    finally:
        db.conn.close()


def _bare_apply(path: Path, pages: list[bytes]) -> float:
    from console.storage.db import transaction

    db = _fresh(path)
    try:
        db.conn.execute(
            "CREATE TABLE bare (id TEXT PRIMARY KEY, store_id TEXT, method TEXT, channel TEXT, day TEXT,"
            " amount_fen INTEGER, refunded_fen INTEGER, fee_fen INTEGER) WITHOUT ROWID"
        )
        t0 = time.perf_counter()
        for body in pages:
            data = json.loads(body)
            with transaction(db.conn):
                db.conn.executemany(
                    "INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            p["id"],
                            p["store_id"],
                            p["method"],
                            p["channel"],
                            p["settlement_date"],
                            p["amount_fen"],
                            p["refunded_fen"],
                            p["fee_fen"],
                        )
                        for p in data["payments"]
                    ],
                )
        return time.perf_counter() - t0
    finally:
        db.conn.close()


def _app_sync(path: Path, url: str, key: str, secret: str) -> tuple[float, int]:
    from console.platform.client import PlatformClient
    from console.sync.sales import SalesOutcome, SalesSync

    db = _fresh(path)
    try:
        out = SalesOutcome()
        t0 = time.perf_counter()
        with PlatformClient(url, key, secret) as client:
            SalesSync(db, client, page_size=PAGE).payments(out)
        return time.perf_counter() - t0, out.payments
    finally:
        db.conn.close()


def _bare_sync(path: Path, url: str, key: str, secret: str) -> tuple[float, int]:
    import httpx

    from bench.common import sign_headers
    from console.storage.db import transaction

    db = _fresh(path)
    conn = db.conn
    conn.execute(
        "CREATE TABLE bare (id TEXT PRIMARY KEY, store_id TEXT, method TEXT, channel TEXT, day TEXT,"
        " amount_fen INTEGER, refunded_fen INTEGER, fee_fen INTEGER) WITHOUT ROWID"
    )
    conn.execute("CREATE TABLE cursor (id INTEGER PRIMARY KEY CHECK (id = 1), since TEXT NOT NULL)")
    try:
        since, n = "", 0
        t0 = time.perf_counter()
        with httpx.Client(base_url=url, trust_env=False, timeout=60) as http:
            while True:
                pq = f"/v1/payments?since={quote(since, safe='')}&limit={PAGE}"
                resp = http.get(pq, headers=sign_headers(key, secret, "GET", pq))
                resp.raise_for_status()
                page = resp.json()
                with transaction(conn):
                    conn.executemany(
                        "INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                p["id"],
                                p["store_id"],
                                p["method"],
                                p["channel"],
                                p["settlement_date"],
                                p["amount_fen"],
                                p["refunded_fen"],
                                p["fee_fen"],
                            )
                            for p in page["payments"]
                        ],
                    )
                    conn.execute("INSERT OR REPLACE INTO cursor VALUES (1, ?)", (page["next_since"],))
                n += len(page["payments"])
                since = page["next_since"]
                if not page["has_more"]:
                    break
        return time.perf_counter() - t0, n
    finally:
        conn.close()


def _sync_row(ctx: Context, runs: int) -> Row:
    from bench.common import stub_server

    ctx.log(f"sales sync over the network: the stub with {SYNC_STORES:,} stores x 90 days, app vs bare")
    with stub_server(ctx.tmp / "stub-sales", f"stores:{SYNC_STORES}") as stub:
        c = stub.credentials
        apps, bases = interleave(
            runs,
            lambda: _app_sync(ctx.tmp / "sales-net-app.db", stub.url, c.app_key, c.app_secret),
            lambda: _bare_sync(ctx.tmp / "sales-net-bare.db", stub.url, c.app_key, c.app_secret),
        )
    if {a[1] for a in apps} != {b[1] for b in bases}:
        raise RuntimeError(f"payment counts differ: {sorted({a[1] for a in apps} | {b[1] for b in bases})}")
    return ratio_row(
        f"sales sync, {apps[0][1]:,} payments from the stub (pages of {PAGE})",
        "s",
        [a[0] for a in apps],
        [b[0] for b in bases],
        1.5,
        note="both sides over signed httpx; baseline: bare httpx + one executemany per page",
    )


def _daily_rows() -> list[tuple[Any, ...]]:
    rng = random.Random(16)
    rows = []
    for s in range(STORES):
        go_live = FIRST + timedelta(days=rng.randrange(DAYS)) if s % 3 == 0 else None
        for d in range(DAYS):
            day = FIRST + timedelta(days=d)
            for method, channel in (("alipay", "mobile_app"), ("wechat_pay", "wechat_mini_program")):
                if method == "wechat_pay" and (go_live is None or day < go_live):
                    continue
                n = rng.randrange(1, 20)
                gross = n * rng.randrange(1000, 9000)
                rows.append(
                    (
                        day,
                        "taobao" if s % 2 else "tmall",
                        method,
                        channel,
                        go_live,
                        n,
                        gross,
                        0,
                        gross * 60 // 10000,
                    )
                )
    return rows


def run(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    n = ctx.warmups + ctx.runs
    try:
        runs = max(1, min(n, 2))  # a million rows per run: two runs are enough to see the ratio
        rows.append(_sync_row(ctx, runs))
    except Exception as exc:
        rows.append(failed_row("sales sync", exc))
    try:
        ctx.log(f"sales page step: {PAYMENTS:,} payments in pages of {PAGE}, app vs bare executemany")
        pages = _pages(PAYMENTS)
        apps, bases = interleave(
            runs,
            lambda: _app_apply(ctx.tmp / "sales-app.db", pages),
            lambda: _bare_apply(ctx.tmp / "sales-bare.db", pages),
        )
        rows.append(
            ratio_row(
                f"sales page step without the network, {PAYMENTS:,} payments",
                "s",
                apps,
                bases,
                2.0,
                note="page bytes -> verified page -> tables, against one executemany per page",
            )
        )
    except Exception as exc:
        rows.append(failed_row("sales page step", exc))
    try:
        rows.append(_page_row(ctx, n))
    except Exception as exc:
        rows.append(failed_row("sales page filter change", exc))
    try:
        rows.append(_memory_row(ctx, n))
    except Exception as exc:
        rows.append(failed_row("sales page memory", exc))
    try:
        rows.append(_recon_row(ctx))
    except Exception as exc:
        rows.append(failed_row("reconciliation", exc))
    return rows


def _memory_row(ctx: Context, n: int) -> Row:
    """Peak RSS of the real Sales page (``sales_page_child``) against the bare window's."""
    from bench.cases.startup import BARE_WINDOW, QUIT_ENV
    from bench.common import GUI_ENV, PY, child_value, must, plus_row, rmtree, run_child

    ctx.log(f"sales page memory: {STORES:,} stores x {DAYS} days, the real page beside the bare window")
    counter = iter(range(1000))

    def page() -> int:
        data = ctx.tmp / f"sales-page-{next(counter)}"
        try:
            cmd = [PY, "-m", "bench.cases.sales_page_child", str(data), str(STORES), str(DAYS)]
            run = must(run_child(cmd, GUI_ENV, timeout=600), "sales_page_child")
            if child_value(run, "DAYS_SHOWN") != str(DAYS):
                raise RuntimeError(f"the page showed {child_value(run, 'DAYS_SHOWN')} days, not {DAYS}")
            return int(child_value(run, "PEAK_KB") or 0)
        finally:
            rmtree(data)

    runs = max(1, min(n, 3))
    pages, bares = interleave(runs, page, lambda: must(run_child([PY, str(BARE_WINDOW)], QUIT_ENV), "bare"))
    return plus_row(
        f"sales page peak memory, {STORES:,} stores x {DAYS} days",
        "MB",
        [kb / 1024 for kb in pages],
        [r.maxrss_kb / 1024 for r in bares],
        200,
        note="VmHWM once the page answered and a filter changed; baseline: the bare window",
    )


def _recon_row(ctx: Context) -> Row:
    """Two payments per store, method and day, one settlement each; one in 1,000 disagrees."""
    from console.sales_service import SalesService
    from console.storage import sales as tables
    from console.storage.db import transaction

    ctx.log(f"reconciliation: {RECON_STORES:,} stores x {RECON_DAYS} days, off the GUI thread")
    db = _fresh(ctx.tmp / "sales-recon.db")
    last = FIRST + timedelta(days=RECON_DAYS - 1)
    try:
        for d in range(RECON_DAYS):
            day = (FIRST + timedelta(days=d)).isoformat()
            payments, settlements = [], []
            for s in range(RECON_STORES):
                store = f"tb-{s:06d}"
                for method in ("alipay", "wechat_pay"):
                    ids = [f"p-{store}-{method}-{day}-{k}" for k in range(2)]
                    for pid in ids:
                        payments.append(
                            {
                                "id": pid,
                                "store_id": store,
                                "platform": "taobao",
                                "method": method,
                                "channel": "mobile_app",
                                "amount_fen": 1000,
                                "fee_bps": 60,
                                "fee_fen": 6,
                                "refunded_fen": 0,
                                "paid_at": f"{day}T10:00:00Z",
                                "settlement_date": day,
                            }
                        )
                    off = 1 if (s * 7 + d) % 1000 == 0 and method == "alipay" else 0
                    settlements.append(
                        {
                            "id": f"s-{store}-{method}-{day}",
                            "store_id": store,
                            "platform": "taobao",
                            "method": method,
                            "date": day,
                            "count": 2,
                            "gross_fen": 2000,
                            "refunds_fen": 0,
                            "fees_fen": 12 + off,
                            "net_fen": 1988 - off,
                            "payment_ids": ids,
                            "settled_at": f"{FIRST + timedelta(days=d + 1)}T02:00:00Z",
                        }
                    )
            with transaction(db.conn):
                tables.apply_payments(db.conn, payments, keep_from=None)
                tables.apply_settlements(db.conn, settlements)
        calls: list[int] = []
        service = SalesService(db, clock=lambda: datetime(2027, 1, 1, tzinfo=UTC))
        t0 = time.perf_counter()
        report = service.reconcile(FIRST, last, progress=lambda done, total: calls.append(done))
        dt = (time.perf_counter() - t0) * 1000
    finally:
        db.conn.close()
    return absolute_row(
        f"reconciliation, {RECON_STORES:,} stores x {RECON_DAYS} days (db lane, with progress)",
        "ms",
        [dt],
        2000,
        2000,
        note=f"{report.checked:,} settlements, {len(report.mismatched)} mismatched,"
        f" {len(calls)} progress reports",
    )


def _page_row(ctx: Context, n: int) -> Row:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from console.core.model import Method, Platform
    from console.core.sales import Channel, FeeSchedule, SalesCube
    from console.ui.views.sales import SalesQuery, answer
    from console.ui.widgets.daily_chart import DailyChart

    _app = QApplication.instance() or QApplication([])
    ctx.log(f"sales page: {STORES:,} stores x {DAYS} days of aggregates, a filter change")
    last = FIRST + timedelta(days=DAYS - 1)
    t0 = time.perf_counter()
    cube = SalesCube.build(_daily_rows(), FIRST, last)
    build_s = time.perf_counter() - t0
    schedule = FeeSchedule({(p, m): 60 for p in Platform for m in Method})
    chart = DailyChart()
    chart.resize(900, 320)
    image = QImage(900, 320, QImage.Format.Format_ARGB32)
    filters = [(None, Channel.WECHAT_MINI_PROGRAM), (Platform.TAOBAO, None), (None, None)]
    times: list[float] = []
    for i in range(n * len(filters)):
        platform, channel = filters[i % len(filters)]
        t0 = time.perf_counter()
        ans = answer(cube, SalesQuery(FIRST, last, (), platform, channel), schedule)
        chart.set_data(
            [d.day.isoformat() for d in ans.daily],
            [(m.value, chart.palette().text().color(), [d.by_method[m] for d in ans.daily]) for m in Method],
        )
        chart.render(image)
        times.append((time.perf_counter() - t0) * 1000)
    ctx.facts["sales_cube_build_s"] = build_s
    return absolute_row(
        f"sales page filter change, {STORES:,} stores x {DAYS} days (cube + chart drawn)",
        "ms",
        times[len(filters) :] or times,
        16.7,
        100,
        note=f"cube built from rows in {build_s:.2f} s on the db lane",
    )


__all__ = ["run"]

"""Initial sync of 10,000 stores: the engine against bare httpx + executemany (``-m bench``).

The baseline does the least a client could: fetch every page (signed the same way, since the
platform insists), parse JSON, and insert rows with one executemany per kind per page, one
transaction per page. The engine adds response verification, validation, reconciliation, the
cursor in the same transaction, and news detection. Budget: within 1.5x of the baseline.
"""

from __future__ import annotations

import json
import random
import secrets
import statistics
import time
from pathlib import Path

import httpx
import pytest

from console.platform.client import request_signature
from console.storage.db import open_database, write_transaction
from console.sync.engine import SyncEngine
from tests.sync.stubproc import StubProcess

STORES = 10_000


def bare_sync(url: str, key: str, secret: str, clock, path: Path) -> int:
    db = open_database(path)
    conn = db.conn
    since, n = 0, 0
    with httpx.Client(trust_env=False) as http:
        while True:
            pq = f"/v1/changes?since={since}&limit=500"
            ts, nonce = str(int(clock().timestamp())), secrets.token_urlsafe(24)
            headers = {
                "X-App-Key": key,
                "X-Timestamp": ts,
                "X-Nonce": nonce,
                "X-Signature": request_signature(secret, "GET", pq, ts, nonce, b""),
            }
            page = http.get(url + pq, headers=headers).json()
            by: dict[str, list] = {}
            for c in page["changes"]:
                by.setdefault(c["kind"], []).append(c["data"])
            with write_transaction(db):
                conn.executemany(
                    "INSERT OR REPLACE INTO stores VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (d["id"], d["platform"], d["name"], d["category"], d["status"], d["receive_code"])
                        for d in by.get("store", [])
                    ],
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO methods (store_id, method, eligibility, enabled, reason_code, "
                    "launch_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            d["store_id"],
                            d["method"],
                            d["eligibility"],
                            d["enabled"],
                            d["reason_code"],
                            d["launch_at"],
                            d["updated_at"],
                        )
                        for d in by.get("method", [])
                    ],
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO invitations VALUES (?, ?, ?, ?, ?)",
                    [
                        (d["store_id"], d["phase"], d["window_opens_at"], d["deadline_at"], d["launch_at"])
                        for d in by.get("invitation", [])
                    ],
                )
                conn.executemany(
                    "INSERT INTO invitation_events (store_id, at, from_state, to_state, note) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (d["store_id"], h["at"], h["from"], h["to"], h["note"])
                        for d in by.get("invitation", [])
                        for h in d["history"]
                    ],
                )
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('cursor', ?)", [str(page["next_since"])])
            n += len(page["changes"])
            since = page["next_since"]
            if not page["has_more"]:
                break
    db.close()
    return n


@pytest.mark.bench
def test_initial_sync_10k_within_budget(tmp_path):
    stub = StubProcess(tmp_path / "stub", seed=f"stores:{STORES}").start()
    try:
        creds = stub.demo
        assert creds is not None
        bare, engine_times = [], []
        for i in range(3):
            t = time.perf_counter()
            n_bare = bare_sync(
                stub.url, creds.app_key, creds.app_secret, stub.clock, tmp_path / f"bare{i}.db"
            )
            bare.append(time.perf_counter() - t)
            db = open_database(tmp_path / f"engine{i}.db")
            with stub.client(creds) as client:
                t = time.perf_counter()
                report = SyncEngine(db, client, rng=random.Random(0)).run_once()
                engine_times.append(time.perf_counter() - t)
            assert report.error is None and report.pulled == n_bare
            db.close()
        ratio = statistics.median(engine_times) / statistics.median(bare)
        result = {
            "stores": STORES,
            "entities": n_bare,
            "bare_s": bare,
            "engine_s": engine_times,
            "ratio_median": round(ratio, 3),
        }
        print(json.dumps(result))
        assert ratio <= 1.5, result
    finally:
        stub.stop()

"""Benchmarks (``-m bench``): seeding and a full feed pull of a 10,000-store merchant."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from console.platform.stub.embedded import EmbeddedPlatform

from .conftest import new_nonce, signature_headers

pytestmark = pytest.mark.bench


@pytest.mark.parametrize(("stores", "seed_budget_s"), [(10_000, 10.0), (100_000, 40.0)])
def test_seed_and_full_feed_pull(tmp_path: Path, stores: int, seed_budget_s: float) -> None:
    started = time.monotonic()
    with EmbeddedPlatform(tmp_path, seed=f"stores:{stores}", admin=True, startup_timeout=120) as platform:
        seeded = time.monotonic() - started
        creds = platform.credentials
        entities: dict[str, dict] = {}
        pages, since = 0, 0
        with httpx.Client(base_url=platform.url, timeout=60) as http:
            started = time.monotonic()
            while True:  # what a client does: signed page requests, apply each change
                path = f"/v1/changes?since={since}&limit=1000"
                headers = signature_headers(
                    creds.app_key, creds.app_secret, "GET", path, b"", int(time.time()), new_nonce()
                )
                page = http.get(path, headers=headers).json()
                pages += 1
                for change in page["changes"]:
                    entities.setdefault(change["kind"], {})[change["id"]] = change["data"]
                since = page["next_since"]
                if not page["has_more"]:
                    break
            pulled = time.monotonic() - started
    count = sum(len(v) for v in entities.values())
    print(
        f"\nstores:{stores}: start+seed {seeded:.2f}s, feed {count} entities in {pages} pages {pulled:.2f}s"
    )
    assert len(entities["store"]) == stores
    assert seeded < seed_budget_s
    if stores == 10_000:
        assert pulled < 5.0

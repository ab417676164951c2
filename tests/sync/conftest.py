"""Fixtures: one real stub platform per session (a fresh merchant per test keeps tests apart),
a fresh local database per test, and a client and engine wired to both."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from console.platform.client import PlatformClient
from console.storage.db import open_database
from console.sync.engine import SyncEngine
from tests.sync.helpers import store_ids
from tests.sync.stubproc import MerchantCreds, StubProcess


@pytest.fixture(scope="session")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubProcess]:
    server = StubProcess(tmp_path_factory.mktemp("stub") / "data", review_delay=120).start()
    yield server
    server.stop()


@pytest.fixture
def private_stub(tmp_path: Path) -> Iterator[StubProcess]:
    """A platform of one's own, for tests that move its clock (phases are platform-wide)."""
    server = StubProcess(tmp_path / "private-stub").start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _stub_clean(request: pytest.FixtureRequest) -> Iterator[None]:
    """Faults never leak from one test into the next; a stopped server is started again."""
    yield
    if "stub" in request.fixturenames:
        server: StubProcess = request.getfixturevalue("stub")
        if not server.running:
            server.start()
        server.clear_faults()


@pytest.fixture
def merchant(stub: StubProcess) -> MerchantCreds:
    return stub.new_merchant(10)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    database = open_database(tmp_path / "console.db")
    yield database
    database.close()


@pytest.fixture
def client(stub: StubProcess, merchant: MerchantCreds) -> Iterator[PlatformClient]:
    c = stub.client(merchant)
    yield c
    c.close()


@pytest.fixture
def engine(db: sqlite_utils.Database, client: PlatformClient) -> SyncEngine:
    return SyncEngine(db, client, rng=random.Random(7))


@pytest.fixture
def synced(engine: SyncEngine) -> SyncEngine:
    """An engine whose database already holds the merchant's full state."""
    report = engine.run_once()
    assert report.error is None, report.error_detail
    return engine


@pytest.fixture
def stores(synced: SyncEngine) -> list[str]:
    return store_ids(synced.db)

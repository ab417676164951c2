"""Random sequences of merchant changes, outages, platform-side changes, lost answers and
crashes. Invariant: after a full sync with an empty outbox, local state == platform state."""

from __future__ import annotations

import contextlib
import random
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from console.storage.db import integrity_check, open_database, write_transaction
from console.sync.engine import SyncEngine
from tests.sync.helpers import LocalRefusal, assert_in_sync, queue_set_method, store_ids
from tests.sync.stubproc import StubProcess

STORE_INDEX = st.integers(min_value=0, max_value=9)
METHOD = st.sampled_from(["alipay", "wechat_pay"])


def test_sync_state_machine(stub: StubProcess, tmp_path_factory: pytest.TempPathFactory) -> None:
    class SyncMachine(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            self.merchant = stub.new_merchant(10)
            self.dir: Path = tmp_path_factory.mktemp("machine")
            self.path = self.dir / "console.db"
            self.db = open_database(self.path)
            self.client = stub.client(self.merchant, timeout=5.0)
            self.engine = SyncEngine(self.db, self.client, rng=random.Random(0))
            assert self.engine.run_once().error is None
            self.stores = store_ids(self.db)

        def teardown(self) -> None:
            if not stub.running:
                stub.start()
            stub.clear_faults()
            if hasattr(self, "db"):
                self.full_sync()
                self.db.close()
                self.client.close()

        @rule(i=STORE_INDEX, method=METHOD, enabled=st.booleans())
        def toggle(self, i: int, method: str, enabled: bool) -> None:
            """Through the service: its rules may refuse, which queues nothing."""
            with contextlib.suppress(LocalRefusal):
                queue_set_method(self.db, self.stores[i], method, enabled)

        @rule(i=STORE_INDEX, method=METHOD, enabled=st.booleans())
        def toggle_stale(self, i: int, method: str, enabled: bool) -> None:
            """A wish made on stale local state: straight into the outbox, the platform decides."""
            queue_set_method(self.db, self.stores[i], method, enabled, raw=True)

        @rule()
        def go_offline(self) -> None:
            stub.stop()

        @rule()
        def go_online(self) -> None:
            if not stub.running:
                stub.start()

        @rule()
        def sync(self) -> None:
            report = self.engine.run_once(force=True)
            if not stub.running:
                assert report.error == "offline"
            assert report.error != "bad_response", report.error_detail

        @rule(
            i=STORE_INDEX,
            action=st.sampled_from(["approve", "reject", "expire", "withdraw", "freeze", "reopen"]),
        )
        def platform_change(self, i: int, action: str) -> None:
            if not stub.running:
                return
            store = self.stores[i]
            if action in ("approve", "reject"):
                body = {"store_id": store, "outcome": action}
                if action == "reject":
                    body["reason_code"] = "RISK_REVIEW"
                self._admin("POST", "/admin/reviews/finish", body)
            elif action in ("expire", "withdraw"):
                self._admin("POST", f"/admin/invitations/{store}/{action}")
            else:
                self._admin(
                    "POST",
                    f"/admin/stores/{store}/status",
                    {"status": "frozen" if action == "freeze" else "open"},
                )

        def _admin(self, method: str, path: str, body: object = None) -> None:
            with contextlib.suppress(AssertionError):  # not applicable to this store: fine
                stub.admin(method, path, body)

        @rule()
        def dropped_response(self) -> None:
            if stub.running:
                stub.fault(route="PUT /v1/*", drop_after_apply=True, count=1)

        @rule(sent=st.booleans())
        def crash_restart(self, sent: bool) -> None:
            """The sync process dies after claiming a row (and maybe after the platform applied it)."""
            row = self.db.execute(
                "SELECT id, store_id, method, payload FROM outbox WHERE status = 'queued' "
                "ORDER BY seq LIMIT 1"
            ).fetchone()
            if row is not None:
                with write_transaction(self.db):
                    self.db.conn.execute("UPDATE outbox SET status = 'in_flight' WHERE id = ?", [row[0]])
                if sent and stub.running:
                    with contextlib.suppress(Exception):
                        self.client.set_method(row[1], row[2], False, row[0], body=row[3].encode())
            self.db.close()
            self.client.close()
            self.db = open_database(self.path)
            self.client = stub.client(self.merchant, timeout=5.0)
            self.engine = SyncEngine(self.db, self.client, rng=random.Random(uuid.uuid4().int))

        @rule()
        def full_sync_matches_platform(self) -> None:
            self.full_sync()

        def full_sync(self) -> None:
            if not stub.running:
                stub.start()
            stub.clear_faults()
            for _ in range(4):
                report = self.engine.run_once(force=True)
                if report.error is None and report.pending == 0:
                    break
            assert report.error is None and report.pending == 0, report.error_detail
            assert integrity_check(self.db) == ["ok"]
            assert self.db.execute("SELECT count(*) FROM methods WHERE wanted IS NOT NULL").fetchone()[0] == 0
            assert_in_sync(self.db, stub.state(self.merchant.merchant_id)["entities"])

    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=15,
            stateful_step_count=15,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        ),
    )

"""The agreement machine: random merchant and platform steps, then every surface is asked.

Steps (hypothesis, seeded, no deadline): change a method, go offline, the platform refuses,
discard, retry, reconnect, a wrong secret, a refused clock, "Work offline", a sync pass. After
each step every registered surface reports what it shows (``Seen``), and each must agree with the
outbox as SQLite holds it, and with the others. tests/service/test_agreement.py runs it with the
service and the CLI; tests/ui/test_agreement_gui.py adds the window's surfaces.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from console.core.model import Method
from console.core.sync_state import Connection, Headline
from console.service import ConsoleService
from console.storage.db import open_database
from console.sync.engine import SyncEngine
from console.wiring.paths import database_path
from tests.helpers.factories import FIXED_NOW, Clock, StoreSpec, make_db
from tests.helpers.fakeplatform import FakePlatform

STORES = [
    StoreSpec("tb-1", wechat="live"),
    StoreSpec("tb-2", wechat="invited"),
    StoreSpec("tb-3", wechat="rejected"),
    StoreSpec("tb-4", wechat="approved"),
    StoreSpec("tb-5", wechat="invited", alipay="live"),
]
MODE_CONNECTION = {
    "online": Connection.ONLINE,
    "offline": Connection.OFFLINE,
    "auth": Connection.AUTH_REFUSED,
    "clock": Connection.CLOCK,
}


@dataclass(frozen=True)
class Seen:
    """What one surface shows: counts (None: that surface does not show it) and its headline."""

    surface: str
    waiting: int | None = None  # queued + in flight ("not yet sent")
    refused: int | None = None
    headline: str | None = None  # a Headline value, or its sentence compared by the caller


@dataclass(frozen=True)
class Truth:
    queued: int
    in_flight: int
    refused: int


Surface = Callable[["Agreement"], Seen]


class Agreement(RuleBasedStateMachine):
    """Subclass and set ``surfaces`` and ``data_dir_factory`` (a callable returning a new folder)."""

    surfaces: tuple[Surface, ...] = ()
    data_dir_factory: Callable[[], Path]

    @initialize()
    def setup(self) -> None:
        self.data_dir = type(self).data_dir_factory()
        make_db(self.data_dir, stores=STORES)
        self.clock = Clock(FIXED_NOW)
        self.db = open_database(database_path(self.data_dir))
        self.platform = FakePlatform(self.db)
        self.engine = SyncEngine(self.db, self.platform, clock=self.clock, rng=random.Random(0))  # type: ignore[arg-type]
        self.service = ConsoleService(self.db, clock=self.clock)
        self.working_offline = False
        self.last_mode: str | None = None
        self.on_setup()

    def on_setup(self) -> None:
        """Hook for subclasses (the GUI builds its window here)."""

    def teardown(self) -> None:
        self.on_teardown()
        if hasattr(self, "db"):
            self.db.close()

    def on_teardown(self) -> None:
        """Hook for subclasses."""

    # -- steps ----------------------------------------------------------------------------------
    @rule(
        store=st.sampled_from([s.id for s in STORES]), method=st.sampled_from(list(Method)), on=st.booleans()
    )
    def change(self, store: str, method: Method, on: bool) -> None:
        self.service.set_method(store, method, on)  # the rules may refuse: nothing is queued then
        self.on_change()

    def on_change(self) -> None:
        """Hook: the window's local-change signal."""

    @rule(mode=st.sampled_from(sorted(MODE_CONNECTION)))
    def platform_mode(self, mode: str) -> None:
        """Go offline, reconnect, a wrong secret, a refused clock (seen at the next pass)."""
        self.platform.mode = mode

    @rule(refuse=st.booleans())
    def platform_rules(self, refuse: bool) -> None:
        self.platform.refuse_all = refuse

    @rule(minutes=st.integers(min_value=1, max_value=90))
    def sync_pass(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)
        self.engine.run_once(force=True)
        self.last_mode = self.platform.mode

    @rule(offline=st.booleans())
    def work_offline(self, offline: bool) -> None:
        self.working_offline = offline

    @precondition(lambda self: self._unsettled_ids("queued", "refused"))
    @rule(data=st.data())
    def discard(self, data: st.DataObject) -> None:
        outbox_id = data.draw(st.sampled_from(self._unsettled_ids("queued", "refused")))
        self.service.discard_change(outbox_id)
        self.on_change()

    @precondition(lambda self: self._unsettled_ids("refused"))
    @rule(data=st.data())
    def retry(self, data: st.DataObject) -> None:
        outbox_id = data.draw(st.sampled_from(self._unsettled_ids("refused")))
        self.service.retry_change(outbox_id)
        self.on_change()

    # -- the truth and the check ----------------------------------------------------------------
    def _unsettled_ids(self, *statuses: str) -> list[str]:
        marks = ",".join("?" * len(statuses))
        return [
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM outbox WHERE status IN ({marks}) ORDER BY seq", statuses
            )
        ]

    def truth(self) -> Truth:
        counts = dict(self.db.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
        return Truth(counts.get("queued", 0), counts.get("in_flight", 0), counts.get("refused", 0))

    def before_check(self) -> None:
        """Hook: let a surface learn the state as it would (the window's worker re-derives it)."""

    @invariant()
    def every_surface_agrees_with_the_outbox(self) -> None:
        if not hasattr(self, "db"):
            return
        self.before_check()
        truth = self.truth()
        status = self.service.sync_status(working_offline=self.working_offline)
        assert (status.waiting, status.sending, len(status.refused)) == (
            truth.queued,
            truth.in_flight,
            truth.refused,
        )
        # nothing is ever shown as synced that the platform has not confirmed
        if status.headline is Headline.ALL_SYNCED:
            assert truth == Truth(0, 0, 0)
        if self.working_offline:
            assert status.connection is Connection.WORKING_OFFLINE
        elif self.last_mode is not None:
            assert status.connection is MODE_CONNECTION[self.last_mode]
        for surface in self.surfaces:
            seen = surface(self)
            if seen.waiting is not None:
                assert seen.waiting == truth.queued + truth.in_flight, seen
            if seen.refused is not None:
                assert seen.refused == truth.refused, seen
            if seen.headline is not None:
                assert seen.headline == status.headline.value, seen

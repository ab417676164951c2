"""console.core.sync_state: the one sync state agrees with the outbox after every step.

A state machine drives random merchant and network events over an in-memory outbox that follows
the real one's rules (coalescing, recovery of in-flight rows, refusal, discard, retry) and checks
after each step that the derived state says exactly what the rows say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from console.core.model import Method
from console.core.sync_state import (
    Connection,
    Headline,
    PassOutcome,
    PassRecord,
    PassResult,
    Severity,
    record_pass,
    summarise,
)
from console.storage.repo import OutboxRow

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
STORES = ("tb-1", "tb-2", "tm-1")


@dataclass
class Row:
    """An outbox row as the engine and the repository move it (the columns summarise reads)."""

    id: str
    seq: int
    kind: str
    store_id: str | None
    method: Method | None
    created_at: datetime
    status: str = "queued"
    refused_code: str | None = None
    refused_message: str | None = None


def row(status: str, store_id: str | None = "tb-1", seq: int = 1, **kw: str | None) -> Row:
    kind = "set_method" if store_id else "send_feedback"
    method = Method.WECHAT_PAY if store_id else None
    return Row(f"o{seq}", seq, kind, store_id, method, NOW, status, **kw)


def passes(*results: tuple[int, PassResult]) -> PassRecord | None:
    record: PassRecord | None = None
    for minutes, result in results:
        record = record_pass(record, PassOutcome(NOW + timedelta(minutes=minutes), result))
    return record


# -- examples a merchant saw --------------------------------------------------------------------------


def test_work_offline_with_a_waiting_change_is_not_all_synced() -> None:
    status = summarise([row("queued")], passes((0, PassResult.OK)), working_offline=True)
    assert status.waiting == 1 and not status.all_synced
    assert status.headline is Headline.WORKING_OFFLINE
    assert status.waiting_stores == {"tb-1"}


def test_refused_changes_are_counted_from_the_rows_so_a_discard_shows_at_once() -> None:
    rows = [row("refused", seq=1, refused_code="STORE_FROZEN"), row("refused", "tb-2", seq=2)]
    record = passes((0, PassResult.OK))
    before = summarise(rows, record)
    assert len(before.refused) == 2 and before.headline is Headline.REFUSED
    assert before.severity is Severity.ERROR and not before.all_synced
    assert before.refused[0].code == "STORE_FROZEN" and before.refused_stores == {"tb-1", "tb-2"}
    rows[0].status = "discarded"
    after = summarise(rows, record)
    assert [r.store_id for r in after.refused] == ["tb-2"]


def test_all_synced_needs_a_pass_that_reached_the_platform() -> None:
    assert summarise([], None).headline is Headline.NOT_SYNCED_YET
    synced = summarise([row("done"), row("discarded", seq=2)], passes((0, PassResult.OK)))
    assert synced.headline is Headline.ALL_SYNCED and synced.severity is Severity.OK
    assert synced.all_synced and synced.connection is Connection.ONLINE


def test_a_wrong_secret_is_not_online_and_says_so() -> None:
    status = summarise([], passes((0, PassResult.OK), (5, PassResult.AUTH_REFUSED)))
    assert status.connection is Connection.AUTH_REFUSED and status.auth_problem
    assert status.headline is Headline.AUTH_REFUSED and status.severity is Severity.ERROR
    assert status.last_success_at == NOW and status.offline_since is None


def test_a_clock_problem_carries_the_offset() -> None:
    record = record_pass(None, PassOutcome(NOW, PassResult.CLOCK, clock_offset_s=-600.0))
    status = summarise([], record)
    assert status.clock_problem and status.clock_offset_s == -600.0 and status.headline is Headline.CLOCK


def test_offline_since_is_the_first_failure_of_the_run_and_survives_a_dead_demo_platform() -> None:
    record = passes(
        (0, PassResult.OK), (10, PassResult.OFFLINE), (20, PassResult.DEMO_STOPPED), (30, PassResult.BUSY)
    )
    status = summarise([row("queued")], record)
    assert status.connection is Connection.DEMO_STOPPED and status.headline is Headline.DEMO_STOPPED
    assert status.offline_since == NOW + timedelta(minutes=10)
    assert status.last_success_at == NOW and status.last_pass_at == NOW + timedelta(minutes=20)
    back = summarise(
        [row("queued")], record_pass(record, PassOutcome(NOW + timedelta(hours=1), PassResult.OK))
    )
    assert back.offline_since is None and back.headline is Headline.WAITING


def test_the_repository_row_type_is_accepted() -> None:
    rows = [
        OutboxRow(
            "x", 1, "set_method", "tb-1", Method.ALIPAY, None, {}, "in_flight", NOW, 1, None, None, None
        ),
        OutboxRow("y", 2, "send_feedback", None, None, "ann-1", {}, "refused", NOW, 1, None, "X", "m"),
    ]
    status = summarise(rows, passes((0, PassResult.OK)))
    assert status.sending == 1 and status.headline is Headline.REFUSED
    assert status.refused_stores == frozenset() and status.refused[0].kind == "send_feedback"


# -- the agreement machine ----------------------------------------------------------------------------


class OutboxMachine(RuleBasedStateMachine):
    """Random merchant and network events; the derived state must agree with the rows each step."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.seq = 0
        self.now = NOW
        self.network_up = True
        self.secret_ok = True
        self.working_offline = False
        self.record: PassRecord | None = None
        # the model's own bookkeeping, kept independently of record_pass
        self.last_ok: datetime | None = None
        self.first_failure: datetime | None = None
        self.last_result: PassResult | None = None

    def _tick(self) -> None:
        self.now += timedelta(minutes=1)

    def _new_row(self, store_id: str | None, method: Method | None) -> None:
        self.seq += 1
        kind = "set_method" if store_id else "send_feedback"
        self.rows.append(Row(f"o{self.seq}", self.seq, kind, store_id, method, self.now))

    def _in(self, *statuses: str) -> list[Row]:
        return [r for r in self.rows if r.status in statuses]

    def _finish_pass(self, result: PassResult) -> None:
        self.record = record_pass(self.record, PassOutcome(self.now, result))
        self.last_result = result
        if result is PassResult.OK:
            self.last_ok, self.first_failure = self.now, None
        elif self.first_failure is None:
            self.first_failure = self.now

    @rule(store=st.sampled_from(STORES), method=st.sampled_from(list(Method)))
    def change(self, store: str, method: Method) -> None:
        """A wish coalesces into the unsent row of the same store and method, as the repository does."""
        self._tick()
        if not any(r.store_id == store and r.method is method for r in self._in("queued")):
            self._new_row(store, method)

    @rule()
    def send_feedback(self) -> None:
        self._tick()
        self._new_row(None, None)

    @rule()
    def go_offline(self) -> None:
        self.network_up = False

    @rule()
    def reconnect(self) -> None:
        self.network_up, self.secret_ok = True, True

    @rule()
    def wrong_secret(self) -> None:
        self.secret_ok = False

    @rule()
    def toggle_work_offline(self) -> None:
        self.working_offline = not self.working_offline

    @rule(refuse=st.lists(st.booleans(), max_size=8), cut_after=st.none() | st.integers(0, 3))
    def sync_pass(self, refuse: list[bool], cut_after: int | None) -> None:
        """One pass: recover in-flight rows, then send in order; ``cut_after`` loses the network
        after that many rows, leaving the row being sent in flight (its sender died)."""
        self._tick()
        if self.working_offline:
            return
        if not self.network_up:
            self._finish_pass(PassResult.OFFLINE)
            return
        if not self.secret_ok:
            self._finish_pass(PassResult.AUTH_REFUSED)
            return
        for r in self._in("in_flight"):
            r.status = "queued"
        for i, r in enumerate(self._in("queued")):
            r.status = "in_flight"
            if cut_after is not None and i == cut_after:
                self._finish_pass(PassResult.OFFLINE)
                return
            if i < len(refuse) and refuse[i]:
                r.status, r.refused_code, r.refused_message = "refused", "STORE_FROZEN", "frozen"
            else:
                r.status = "done"
        self._finish_pass(PassResult.OK)

    @rule(data=st.data())
    def discard(self, data: st.DataObject) -> None:
        choices = self._in("queued", "refused")
        if choices:
            data.draw(st.sampled_from(choices)).status = "discarded"

    @rule(data=st.data())
    def retry(self, data: st.DataObject) -> None:
        """Retry closes the refused row and queues a new id (the old key would replay the refusal)."""
        choices = self._in("refused")
        if choices:
            old = data.draw(st.sampled_from(choices))
            old.status = "discarded"
            self._tick()
            self._new_row(old.store_id, old.method)

    @invariant()
    def derived_state_agrees_with_the_outbox(self) -> None:
        s = summarise(self.rows, self.record, working_offline=self.working_offline)
        queued, in_flight, refused = self._in("queued"), self._in("in_flight"), self._in("refused")
        assert s.waiting == len(queued) and s.sending == len(in_flight)
        assert [c.outbox_id for c in s.refused] == [r.id for r in refused]
        assert s.waiting_stores == {r.store_id for r in queued + in_flight if r.store_id}
        assert s.refused_stores == {r.store_id for r in refused if r.store_id}
        assert s.all_synced == (not queued and not in_flight and not refused)
        assert s.unsettled == len(queued) + len(in_flight) + len(refused)
        if s.headline is Headline.ALL_SYNCED:
            assert s.all_synced and self.last_result is PassResult.OK and not self.working_offline
        assert (s.severity is Severity.OK) == (s.headline is Headline.ALL_SYNCED)
        if refused:
            assert s.severity is Severity.ERROR
        assert s.auth_problem == (self.last_result is PassResult.AUTH_REFUSED and not self.working_offline)
        assert s.last_success_at == self.last_ok
        offline = self.last_result is PassResult.OFFLINE and not self.working_offline
        assert s.offline_since == (self.first_failure if offline else None)
        assert (s.connection is Connection.OFFLINE) == offline


def test_sync_state_agrees_with_the_outbox_after_every_step() -> None:
    """150 sequences of up to 30 steps: a few thousand generated steps, seeded (no flakiness)."""
    run_state_machine_as_test(
        OutboxMachine,
        settings=settings(
            max_examples=150, stateful_step_count=30, deadline=None, derandomize=True, database=None
        ),
    )


def test_every_headline_has_words_in_both_languages() -> None:
    from console.core.sync_state import SyncStatus
    from console.words.status import HEADLINES, headline_text

    assert set(HEADLINES) == set(Headline)
    for headline in Headline:
        status = SyncStatus(
            2,
            1,
            (),
            frozenset(),
            frozenset(),
            Connection.OFFLINE,
            NOW,
            -620.4,
            NOW,
            NOW,
            headline,
            Severity.INFO,
        )
        zh, en = headline_text(status, "zh_CN", UTC), headline_text(status, "en", UTC)
        assert zh and en and zh != en and "{" not in zh + en and "None" not in zh + en
    offline = summarise([row("queued")], passes((0, PassResult.OFFLINE)))
    assert headline_text(offline, "en", UTC) == "Offline since 2026-11-24 02:00; retrying"
    synced = summarise([], passes((0, PassResult.OK)))
    assert headline_text(synced, "zh_CN") == "所有修改已同步"

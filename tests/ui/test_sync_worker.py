"""The real SyncWorker's timing: interval passes, the debounce after a change, "Sync now", the
reconnect probe with backoff while offline, one pass at a time, and "Work offline".

The worker runs as in the app (its own QTimers, passes on the TaskRunner's net lane) against the
embedded demo platform (a child process) or a closed port; only its timings are shortened
through the constructor. ``SyncEngine.run_once`` and ``PlatformClient.health`` are wrapped to
record when each pass and probe ran. Signals and conditions are awaited, never slept on.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QTimer

from console.core.model import Eligibility, Method
from console.core.timeutil import format_ts, utcnow
from console.platform.client import PlatformClient
from console.platform.stub.embedded import EmbeddedPlatform
from console.service import StoreFilter
from console.sync.engine import SyncEngine
from console.ui.sync_worker import DEBOUNCE_MS, PROBE_BACKOFF_S, PlatformChoice, SyncWorker

# Short timings for the tests (the product's are 2 s debounce, probes 2 s … 60 s, >= 10 s interval).
DEBOUNCE = 0.3
BACKOFF = (0.2, 0.4, 0.8)
EARLY = 0.9  # coarse QTimers fire up to 5 % early; a pass starts on another thread (jitter)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Pass:
    force: bool
    start: float
    end: float | None = None


@dataclass
class PassSpy:
    """Records every ``SyncEngine.run_once`` (it runs on the net lane); ``gate`` can hold one."""

    passes: list[Pass] = field(default_factory=list)
    running: int = 0
    max_running: int = 0
    gate: threading.Event | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def since(self, n: int) -> list[Pass]:
        with self.lock:
            return list(self.passes[n:])


@dataclass
class ProbeSpy:
    """Records every ``PlatformClient.health`` call: (time, reachable)."""

    calls: list[tuple[float, bool]] = field(default_factory=list)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> PassSpy:
    record = PassSpy()
    original = SyncEngine.run_once

    def run_once(engine: SyncEngine, *, force: bool = False) -> Any:
        with record.lock:
            record.running += 1
            record.max_running = max(record.max_running, record.running)
            this = Pass(force, time.monotonic())
            record.passes.append(this)
        try:
            gate = record.gate
            if gate is not None:
                assert gate.wait(30), "the test never released the held pass"
            return original(engine, force=force)
        finally:
            with record.lock:
                record.running -= 1
                this.end = time.monotonic()

    monkeypatch.setattr(SyncEngine, "run_once", run_once)
    return record


@pytest.fixture
def probes(monkeypatch: pytest.MonkeyPatch) -> ProbeSpy:
    record = ProbeSpy()
    original = PlatformClient.health

    def health(client: PlatformClient) -> Any:
        try:
            answer = original(client)
        except Exception:
            record.calls.append((time.monotonic(), False))
            raise
        record.calls.append((time.monotonic(), True))
        return answer

    monkeypatch.setattr(PlatformClient, "health", health)
    return record


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedPlatform]:
    """The embedded demo platform with its admin routes (fault injection)."""
    server = EmbeddedPlatform(tmp_path_factory.mktemp("platform"), admin=True).start()
    yield server
    server.stop()


@pytest.fixture
def online(platform: EmbeddedPlatform) -> Iterator[PlatformChoice]:
    creds = platform.credentials
    yield PlatformChoice(platform.url, creds.app_key, creds.app_secret)
    httpx.delete(f"{platform.url}/admin/faults", timeout=10, trust_env=False)


class Rig:
    """A UiContext over an empty data folder (as on a first start) and the workers made on it."""

    def __init__(self, qapp: Any, data_dir: Path) -> None:
        from console.ui.app import build_context

        self.ctx = build_context(qapp, data_dir, "en")
        self.workers: list[SyncWorker] = []

    def worker(self, choice: PlatformChoice, **timings: Any) -> SyncWorker:
        kwargs: dict[str, Any] = {
            "interval_s": 3600,
            "debounce_ms": int(DEBOUNCE * 1000),
            "probe_backoff_s": BACKOFF,
            "min_interval_s": 0,
        }
        kwargs.update(timings)
        w = SyncWorker(self.ctx, choice=choice, **kwargs)
        self.workers.append(w)
        return w

    def close(self) -> None:
        for w in self.workers:
            w.shutdown()
        self.ctx.tasks.shutdown()
        for w in self.workers:
            w.close()
        self.ctx.service.close()  # type: ignore[attr-defined]


@pytest.fixture
def rig(qapp: Any, tmp_path: Path) -> Iterator[Rig]:
    r = Rig(qapp, tmp_path / "data")
    yield r
    r.close()


def first_pass(qtbot: Any, worker: SyncWorker) -> Any:
    with qtbot.waitSignal(worker.report_ready, timeout=30_000) as got:
        worker.start()
    return got.args[0]


def test_product_timings_are_the_defaults(rig: Rig) -> None:
    w = SyncWorker(rig.ctx, interval_s=1)
    rig.workers.append(w)
    assert w._debounce.interval() == DEBOUNCE_MS == 2000
    assert w._probe_backoff_s == PROBE_BACKOFF_S
    assert w._timer.interval() == 10_000  # the interval setting never goes below 10 s


def test_passes_follow_the_interval(qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy) -> None:
    """The interval timer drives the passes. The test drives that timer (its timeout is emitted,
    never waited for) and asserts counts and order, not wall-clock gaps a loaded machine stretches."""
    worker = rig.worker(online, interval_s=3600)  # never fires on its own during the test
    report = first_pass(qtbot, worker)
    assert report.ok and report.pulled > 0 and worker.status.online
    assert worker._timer.isActive() and worker._timer.interval() == 3_600_000  # armed after connecting
    for tick in range(1, 4):
        with qtbot.waitSignal(worker.report_ready, timeout=20_000):
            worker._timer.timeout.emit()
        assert len(spy.passes) == 1 + tick  # one pass per tick, none in between
    assert not any(p.force for p in spy.passes)  # timer passes respect the backoff
    assert all(a.end is not None and a.end <= b.start for a, b in pairwise(spy.passes))  # one at a time
    # a new interval from the settings takes effect at once: the timer is re-armed with it
    worker.set_interval(7200)
    assert worker._timer.isActive() and worker._timer.interval() == 7_200_000
    with qtbot.waitSignal(worker.report_ready, timeout=20_000):
        worker._timer.timeout.emit()
    assert len(spy.passes) == 5


def test_local_changes_make_one_pass_after_the_debounce(
    qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy
) -> None:
    worker = rig.worker(online)
    first_pass(qtbot, worker)
    n = len(spy.passes)
    events = rig.ctx.events
    changed_at = time.monotonic()
    for _ in range(10):  # ten quick flips
        events.local_change.emit()
    QTimer.singleShot(150, events.local_change.emit)  # one more a moment later: the countdown restarts
    with qtbot.waitSignal(worker.report_ready, timeout=10_000):
        pass
    [push] = spy.since(n)
    waited = push.start - changed_at
    assert (0.15 + DEBOUNCE) * EARLY <= waited < 5, waited
    assert not push.force
    with qtbot.assertNotEmitted(worker.report_ready, wait=int(DEBOUNCE * 3000)):
        pass  # eleven changes, one pass


def test_sync_now_runs_at_once_and_sends_changes_that_are_backing_off(
    qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy
) -> None:
    worker = rig.worker(online, debounce_ms=60_000)  # only "Sync now" can be quick here
    first_pass(qtbot, worker)
    service = rig.ctx.service
    store = next(
        r for r in service.list_stores(StoreFilter(wechat_eligibility=Eligibility.LIVE)) if r.alipay_setting
    )
    assert service.set_method(store.id, Method.ALIPAY, False).applied
    with service.db.conn:  # as after a failed attempt: the row backs off for an hour
        service.db.conn.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE status = 'queued'",
            [format_ts(utcnow() + timedelta(hours=1))],
        )
    with qtbot.waitSignal(worker.report_ready, timeout=10_000) as got:
        worker.request(force=False)  # what the interval timer does
    assert (got.args[0].pushed, got.args[0].pending) == (0, 1)
    n = len(spy.passes)
    asked_at = time.monotonic()
    with qtbot.waitSignal(worker.report_ready, timeout=10_000) as got:
        rig.ctx.events.sync_requested.emit()  # the button, F5, the pending page
    [now] = spy.since(n)
    assert now.force and now.start - asked_at < 1.0  # not after the 60 s debounce
    assert (got.args[0].pushed, got.args[0].pending) == (1, 0)
    assert worker.status.pending == 0


def test_never_two_passes_at_once(qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy) -> None:
    worker = rig.worker(online)
    first_pass(qtbot, worker)
    n = len(spy.passes)
    spy.gate = threading.Event()  # hold the next pass while more are asked for
    worker.request(force=False)
    qtbot.waitUntil(lambda: spy.running == 1, timeout=10_000)
    assert worker.status.syncing
    for _ in range(5):
        worker.request(force=False)
    worker.sync_now()
    worker.request(force=False)
    reports: list[Any] = []
    worker.report_ready.connect(reports.append)
    spy.gate.set()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=10_000)
    with qtbot.assertNotEmitted(worker.report_ready, wait=800):
        pass
    held, follow_up = spy.since(n)
    assert spy.max_running == 1
    assert held.end is not None and follow_up.start >= held.end
    assert not held.force and follow_up.force  # seven requests, one more pass, carrying "Sync now"
    assert not worker.status.syncing


def test_offline_probes_back_off_then_reconnect(
    qtbot, rig: Rig, tmp_path: Path, spy: PassSpy, probes: ProbeSpy
) -> None:
    # the platform's credentials and port, then nothing listening there: offline
    port, platform_dir = free_port(), tmp_path / "platform"
    server = EmbeddedPlatform(platform_dir, port=port).start()
    creds, url = server.credentials, server.url
    server.stop()
    worker = rig.worker(PlatformChoice(url, creds.app_key, creds.app_secret), interval_s=3600)
    report = first_pass(qtbot, worker)
    assert report.error == "offline" and worker.status.online is False
    qtbot.waitUntil(lambda: len(probes.calls) >= 3, timeout=10_000)
    assert not any(ok for _, ok in probes.calls)
    pass_end = spy.passes[0].end
    assert pass_end is not None
    times = [pass_end] + [t for t, _ in probes.calls[:3]]
    gaps = [b - a for a, b in pairwise(times)]
    for gap, delay in zip(gaps, BACKOFF, strict=True):
        assert gap >= delay * EARLY, (gaps, BACKOFF)
    assert gaps[0] < gaps[1] < gaps[2]  # backing off
    assert len(spy.passes) == 1  # while offline only the cheap probe runs
    # the platform is back: the next probe finds it and a forced pass follows at once
    server = EmbeddedPlatform(platform_dir, port=port).start()
    try:
        with qtbot.waitSignal(
            worker.report_ready, timeout=20_000, check_params_cb=lambda r: r.error is None
        ) as got:
            pass
    finally:
        server.stop()
    assert got.args[0].ok and got.args[0].pulled > 0
    assert probes.calls[-1][1] and spy.passes[-1].force
    assert worker.status.online and worker.status.error is None
    assert not worker._probe.isActive()


def test_work_offline_stops_every_pass_until_switched_back(
    qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy, probes: ProbeSpy
) -> None:
    worker = rig.worker(online, interval_s=0.3)
    first_pass(qtbot, worker)
    worker.set_work_offline(True)
    assert worker.status.work_offline and rig.ctx.sync_status.work_offline
    qtbot.waitUntil(lambda: not worker.status.syncing, timeout=10_000)  # a pass under way ends
    n, m = len(spy.passes), len(probes.calls)
    events = rig.ctx.events
    events.local_change.emit()
    events.sync_requested.emit()
    worker.request(force=True)
    worker.sync_now()
    with qtbot.assertNotEmitted(worker.report_ready, wait=1500):  # five intervals, five debounces
        pass
    assert len(spy.passes) == n and len(probes.calls) == m  # the platform is not contacted at all
    # back online: a pass at once, and the interval passes resume
    with qtbot.waitSignal(worker.report_ready, timeout=10_000):
        worker.set_work_offline(False)
    qtbot.waitUntil(lambda: len(spy.passes) >= n + 3, timeout=10_000)
    assert spy.since(n)[0].force and not spy.since(n)[2].force


def test_starting_in_work_offline_contacts_nothing(
    qtbot, rig: Rig, online: PlatformChoice, spy: PassSpy
) -> None:
    worker = rig.worker(online, work_offline=True, interval_s=0.3)
    with qtbot.assertNotEmitted(worker.connected, wait=800):
        worker.start()
        rig.ctx.events.local_change.emit()
        rig.ctx.events.sync_requested.emit()
    assert worker.connection is None and not spy.passes
    with qtbot.waitSignal(worker.report_ready, timeout=30_000):
        worker.set_work_offline(False)
    assert worker.status.online


def test_retry_after_waits_on_its_own_timer(
    qtbot, rig: Rig, online: PlatformChoice, platform: EmbeddedPlatform, spy: PassSpy
) -> None:
    """The platform's Retry-After delays the next pass, but not the debounce of later changes."""
    worker = rig.worker(online)
    first_pass(qtbot, worker)
    rule = {"route": "GET /v1/changes*", "status": 429, "retry_after": 3, "count": 1}
    httpx.put(f"{platform.url}/admin/faults", json=rule, timeout=10, trust_env=False).raise_for_status()
    with qtbot.waitSignal(worker.report_ready, timeout=10_000) as got:
        worker.request(force=False)
    assert got.args[0].error == "rate_limited" and got.args[0].retry_after == 3
    limited_end = spy.passes[-1].end
    assert limited_end is not None
    n = len(spy.passes)
    changed_at = time.monotonic()
    with qtbot.waitSignal(worker.report_ready, timeout=10_000):
        rig.ctx.events.local_change.emit()
    [after_change] = spy.since(n)
    assert DEBOUNCE * EARLY <= after_change.start - changed_at < 2.0  # still the debounce, not 3 s
    qtbot.waitUntil(lambda: len(spy.passes) >= n + 2, timeout=10_000)
    retried = spy.since(n)[1]
    assert retried.start - limited_end >= 3 * EARLY and not retried.force

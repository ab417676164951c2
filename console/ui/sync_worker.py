"""Runs the sync engine in the background and reports by signals.

Everything network-bound runs on the TaskRunner's net lane (its own thread and its own sqlite
connection): resolving the platform (which may start the embedded demo server, a child
process), each ``SyncEngine.run_once()`` pass and the cheap health probe used while offline.
This object lives on the GUI thread and only decides *when* to sync:

- once at start, then every ``interval_s``;
- ~2 s after a local change (debounced: ten quick flips make one pass);
- on "Sync now" (forced: rows that are backing off are sent too);
- when the platform is reachable again (health probe with backoff while offline);
- after the platform's Retry-After (its own timer: the debounce keeps its 2 s).

Each pass teaches the app's one clock (``ctx.clock``, a ``PlatformClock`` in the app) the
platform's business time, and leaves the PC clock's measured error in
``SyncStatus.clock_offset_s``; ``UiContext.time_facts()`` puts both together for the status bar.

Never two passes at once: a request during a pass sets a flag and one more pass follows.
"Work offline" stops all of it until switched back (then the interval passes resume too).
The timings are constructor arguments with the product's values as defaults, so tests drive
the real scheduling in milliseconds (tests/ui/test_sync_worker.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.ui.context import SyncStatus, UiContext

if TYPE_CHECKING:
    from console.sync.report import SyncReport
    from console.ui.tasks import Task
    from console.wiring.connection import Connection

log = logging.getLogger(__name__)

# The product's timings (tests pass shorter ones to the constructor).
DEBOUNCE_MS = 2000  # after a local change: ten quick flips make one pass
PROBE_BACKOFF_S: tuple[float, ...] = (2, 4, 8, 15, 30, 60)  # health probes while offline
MIN_INTERVAL_S = 10.0  # the interval setting never goes below this


@dataclass(frozen=True, slots=True)
class PlatformChoice:
    """Explicit platform from the command line (None: settings, then the embedded demo)."""

    url: str | None = None
    app_key: str | None = None
    app_secret: str | None = None


class _NetState:
    """What the net lane keeps between jobs (touched only in that thread)."""

    def __init__(self) -> None:
        self.engine: Any = None
        self.client: Any = None
        self.clock_offset_s = 0.0  # the client's, after the last pass (read on the GUI thread)

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.close()
            except Exception:
                log.exception("closing the platform client")
        self.client = None
        self.engine = None


class SyncWorker(QObject):
    """Schedules sync passes; results arrive as signals on the GUI thread."""

    # SyncStatus, whenever anything the status bar shows changes
    status_changed = Signal(object)
    # a finished pass: SyncReport
    report_ready = Signal(object)
    # the platform could not be resolved (missing credentials, demo failed to start): message
    connection_failed = Signal(str)
    # the connection is ready: the Connection
    connected = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        *,
        interval_s: float = 60,
        work_offline: bool = False,
        choice: PlatformChoice | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        probe_backoff_s: tuple[float, ...] = PROBE_BACKOFF_S,
        min_interval_s: float = MIN_INTERVAL_S,
        parent: QObject | None = None,
    ) -> None:
        """``debounce_ms``, ``probe_backoff_s`` and ``min_interval_s`` are the product's timings
        by default; tests inject short ones to drive the real scheduling in milliseconds."""
        super().__init__(parent)
        if not probe_backoff_s:
            raise ValueError("probe_backoff_s needs at least one delay")
        self._probe_backoff_s = tuple(probe_backoff_s)
        self._min_interval_s = float(min_interval_s)
        self.ctx = ctx
        self.choice = choice or PlatformChoice()
        self.connection: Connection | None = None
        self._net = _NetState()
        self._status = replace(ctx.sync_status, work_offline=work_offline)
        self._running = False
        self._again = False
        self._again_forced = False
        self._connecting = False
        self._probe_step = 0
        self._stopped = False

        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.request(force=False))
        self.set_interval(interval_s)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(int(debounce_ms))
        self._debounce.timeout.connect(lambda: self.request(force=False))
        self._probe = QTimer(self)
        self._probe.setSingleShot(True)
        self._probe.timeout.connect(self._run_probe)
        # the platform's Retry-After: its own timer, so it never changes the debounce interval
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(lambda: self.request(force=False))

        ctx.events.local_change.connect(self.schedule_soon)
        ctx.events.sync_requested.connect(self.sync_now)
        # a discard or retry on the pending page changes the counts: the state follows at once
        ctx.events.data_changed.connect(lambda _ids: self.refresh_pending())

    # -- public ---------------------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    def start(self) -> None:
        """Resolve the platform (off the GUI thread), then sync once and start the timer."""
        self._refresh_state()
        self._publish()
        if self._status.work_offline:
            return
        self._connect()

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(int(max(float(seconds), self._min_interval_s) * 1000))
        if self._timer.isActive() or self.connection is not None:
            self._timer.start()

    def set_work_offline(self, offline: bool) -> None:
        if offline == self._status.work_offline:
            return
        self._status = replace(self._status, work_offline=offline)
        if offline:
            for t in (self._timer, self._debounce, self._probe, self._retry):
                t.stop()
        self._refresh_state()
        self._publish()
        if not offline:
            if self.connection is None:
                self._connect()
            else:
                self._timer.start()  # the interval passes resume too, not just this one
                self.request(force=True)

    def sync_now(self) -> None:
        """The merchant asked: sync at once, including changes that are backing off."""
        if self._status.work_offline:
            return
        self._debounce.stop()
        self.request(force=True)

    def schedule_soon(self) -> None:
        """A local change: push it in ~2 s (restarting the countdown on every change)."""
        if self._status.work_offline or self._stopped:
            return
        self._debounce.start()
        self.refresh_pending()

    def request(self, *, force: bool) -> None:
        if self._stopped or self._status.work_offline:
            return
        if self.connection is None:
            if not self._connecting:
                self._connect()
            return
        if self._running:
            self._again = True
            self._again_forced = self._again_forced or force
            return
        self._running = True
        self._status = replace(self._status, syncing=True)
        self._publish()
        self.ctx.tasks.run(
            self._pass_job(force), on_done=self._pass_done, on_error=self._pass_failed, db=False
        )

    def refresh_pending(self) -> None:
        """Derive the one state again (unsettled outbox rows + the pass record: a short read on
        the GUI thread's connection) and publish it when it changed."""
        before = (self._status.state, self._status.unread_news)
        self._refresh_state()
        if (self._status.state, self._status.unread_news) != before:
            self._publish()

    def _refresh_state(self) -> None:
        try:
            state = self.ctx.service.sync_status(working_offline=self._status.work_offline)
            unread = self.ctx.service.unread_news_count()
        except Exception:  # never let a status read break a flip; the next pass tries again
            log.exception("reading the sync state")
            return
        self._status = replace(
            self._status, state=state, pending=state.waiting + state.sending, unread_news=unread
        )

    def shutdown(self) -> None:
        """Stop scheduling. Call before ``TaskRunner.shutdown``; ``close`` after it."""
        self._stopped = True
        for t in (self._timer, self._debounce, self._probe, self._retry):
            t.stop()

    def close(self) -> None:
        """After the lanes stopped: close the client and stop the embedded platform."""
        self._net.close()
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    # -- connection -----------------------------------------------------------------------
    def _connect(self) -> None:
        if self._connecting or self._stopped:
            return
        self._connecting = True
        data_dir = self.ctx.data_dir
        choice = self.choice

        def job(task: Task) -> Connection:
            from console.wiring.config import load_config
            from console.wiring.connection import resolve_connection

            return resolve_connection(
                Path(data_dir),
                platform_url=choice.url,
                app_key=choice.app_key,
                app_secret=choice.app_secret,
                config=load_config(Path(data_dir)).config,
            )

        self._status = replace(self._status, syncing=True)
        self._publish()
        self.ctx.tasks.run(job, on_done=self._connected, on_error=self._connect_failed, db=False)

    def _connected(self, connection: Connection) -> None:
        self._connecting = False
        if self._stopped:
            connection.close()
            return
        self.connection = connection
        self.connected.emit(connection)
        self._announce_demo(connection)
        self._timer.start()
        self.request(force=False)

    def _announce_demo(self, connection: Connection) -> None:
        """The demo platform (embedded, or a stub on this machine) gets the Demo controls page."""
        from console.demo import is_loopback
        from console.ui.context import DemoTarget

        on_demo = connection.embedded or is_loopback(connection.url)
        self.ctx.demo = DemoTarget(connection.url, connection.merchant_id) if on_demo else None
        self.ctx.events.demo_available.emit(self.ctx.demo)

    def _connect_failed(self, exc: BaseException) -> None:
        self._connecting = False
        log.warning("platform not available: %s", exc)
        self._status = replace(
            self._status, syncing=False, online=False, error="offline", error_detail=str(exc)
        )
        self._publish()
        self.connection_failed.emit(str(exc))

    # -- passes ---------------------------------------------------------------------------
    def _pass_job(self, force: bool) -> Any:
        connection = self.connection
        net = self._net
        assert connection is not None

        demo = getattr(connection, "demo_platform", None)
        clock = self.ctx.clock  # the app's one clock: news, reminders and "offline since" use it

        def job(task: Task) -> SyncReport:
            from console.sync.engine import SyncEngine

            if demo is not None:
                keep_demo_alive(demo, force=force)
            if net.engine is None:
                net.client = connection.client()
                net.engine = SyncEngine(
                    task.db,
                    net.client,
                    clock=clock,
                    sales=True,
                    demo_alive=demo.is_running if demo is not None else None,
                )
            report: SyncReport = net.engine.run_once(force=force)
            net.clock_offset_s = float(getattr(net.client, "clock_offset", 0.0) or 0.0)
            return report

        return job

    def _pass_done(self, report: SyncReport) -> None:
        self._running = False
        error = report.error
        online = report.online and error != "offline"
        self._status = replace(
            self._status,
            syncing=False,
            online=online,
            pending=report.pending,
            error=error,
            error_detail=report.error_detail or "",
            retry_after=report.retry_after,
            last_sync_at=report.finished_at if report.ok else self._status.last_sync_at,
            clock_offset_s=self._net.clock_offset_s,
        )
        self._refresh_state()
        self._publish()
        self.report_ready.emit(report)
        if report.pulled or report.pushed or report.refused:
            self.ctx.events.data_changed.emit(None)
        if error == "offline":
            self._schedule_probe()
        else:
            self._probe_step = 0
            self._probe.stop()  # reachable again: no probe needed
            if report.retry_after and not self._status.work_offline:
                self._retry.start(int(report.retry_after * 1000))
        if self._again:
            forced, self._again, self._again_forced = self._again_forced, False, False
            self.request(force=forced)

    def _pass_failed(self, exc: BaseException) -> None:
        """A bug or a database error (platform trouble comes back in the report)."""
        self._running = False
        log.error("sync pass failed: %r", exc)
        self._status = replace(self._status, syncing=False, error="bug", error_detail=repr(exc))
        self._publish()
        self.ctx.tasks.failed.emit(exc, "")

    def _schedule_probe(self) -> None:
        if self._stopped or self._status.work_offline:
            return
        backoff = self._probe_backoff_s
        delay = backoff[min(self._probe_step, len(backoff) - 1)]
        self._probe_step += 1
        self._probe.start(int(delay * 1000))

    def _run_probe(self) -> None:
        if self.connection is None or self._running or self._status.work_offline:
            return
        net = self._net
        connection = self.connection
        demo = getattr(connection, "demo_platform", None)

        def job(task: Task) -> bool:
            if demo is not None:
                keep_demo_alive(demo, force=False)
            if net.client is None:
                net.client = connection.client()
            try:
                net.client.health()
            except Exception:
                return False
            return True

        self.ctx.tasks.run(job, on_done=self._probe_done, db=False)

    def _probe_done(self, reachable: bool) -> None:
        if reachable:
            self._probe_step = 0
            self.request(force=True)
        else:
            self._schedule_probe()

    def _publish(self) -> None:
        self.ctx.sync_status = self._status
        self.status_changed.emit(self._status)
        self.ctx.events.sync_state_changed.emit(self._status)


def keep_demo_alive(demo: Any, *, force: bool) -> None:
    """On the net lane: bring a dead demo platform back (with its backoff). "Sync now" (force)
    also tries again after the restarts gave up: the merchant asked, so one more attempt."""
    if force and getattr(demo, "gave_up", False):
        demo.reset_restarts()
    health = demo.keep_alive()
    if health.value in ("restarted", "gave_up"):
        log.warning("demo platform: %s (%s)", health.value, getattr(demo, "last_error", None) or "ok")

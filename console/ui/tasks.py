"""The one way to run background work from the GUI.

Two lanes, each a dedicated QThread that runs jobs one at a time, in order:

- the **db** lane for local database work (set a method, bulk changes, big reads). It owns its
  own sqlite connection and ``ConsoleService``, opened inside that thread on first use, because
  sqlite connections belong to the thread that opened them and because one writer at a time
  keeps SQLite's write lock uncontended;
- the **net** lane for network work (a sync pass, a health probe). It has its own connection
  too (the sync engine writes what it pulls), so a slow network never delays a local toggle.

``fn`` runs in the lane's thread and receives a ``Task`` (its service, cancellation token and a
progress reporter). It must never touch widgets. Its result or exception comes back on the GUI
thread through a queued signal and is handed to ``on_done`` / ``on_error``. Callbacks bound to a
QObject that has been deleted meanwhile are skipped, so a closed view never crashes a late result.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    import sqlite_utils

    from console.service import ConsoleService

log = logging.getLogger(__name__)

# Progress reports are marshalled at most this often (a bulk run over 100,000 stores would
# otherwise flood the GUI thread's event queue).
PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised by ``CancelToken.check()`` inside a job that was cancelled."""


class CancelToken:
    """Thread-safe "please stop" flag, polled by long jobs."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class _Resources:
    """A lane's thread-local connection and service, opened on first use in that thread."""

    def __init__(
        self,
        open_db: Callable[[], sqlite_utils.Database] | None,
        make_service: Callable[[sqlite_utils.Database], ConsoleService] | None,
    ) -> None:
        self._open_db = open_db
        self._make_service = make_service
        self._db: sqlite_utils.Database | None = None
        self._service: ConsoleService | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            if self._open_db is None:
                raise RuntimeError("this task runner has no database")
            self._db = self._open_db()
        return self._db

    @property
    def service(self) -> ConsoleService:
        if self._service is None:
            if self._make_service is None:
                from console.service import ConsoleService

                self._service = ConsoleService(self.db)
            else:
                self._service = self._make_service(self.db)
        return self._service

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.conn.close()
            except Exception:  # closing is best effort at shutdown
                log.exception("closing a lane's database")
        self._db = None
        self._service = None


@dataclass(eq=False)
class Task:
    """What a job receives: its lane's resources, its token and a progress reporter."""

    id: int
    token: CancelToken
    _resources: _Resources
    _report: Callable[[int, int, int, str], None]
    _last_report: float = field(default=0.0)

    @property
    def db(self) -> sqlite_utils.Database:
        """The lane's own connection (never the GUI thread's)."""
        return self._resources.db

    @property
    def service(self) -> ConsoleService:
        """The lane's own ConsoleService."""
        return self._resources.service

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def progress(self, done: int, total: int, text: str = "") -> bool:
        """Report progress (throttled); returns False once the job should stop.

        Shaped like ``console.service.ProgressCallback`` so it can be passed straight to
        ``set_method_bulk(progress=task.progress)``.
        """
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self._report(self.id, done, total, text)
        return not self.token.cancelled


@dataclass(eq=False)
class TaskHandle:
    """Returned by ``TaskRunner.run``: cancel the job, or ask whether it has finished."""

    id: int
    token: CancelToken
    lane: str
    done: bool = False

    def cancel(self) -> None:
        self.token.cancel()


@dataclass(eq=False)
class _Job:
    handle: TaskHandle
    fn: Callable[[Task], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    owner: QObject | None


class _Lane(QThread):
    """A worker thread that runs queued jobs one at a time."""

    def __init__(self, name: str, runner: TaskRunner, resources: _Resources) -> None:
        super().__init__()
        self.setObjectName(f"tasks-{name}")
        self.lane_name = name
        self._runner = runner
        self._resources = resources
        self.jobs: queue.Queue[_Job | None] = queue.Queue()

    def run(self) -> None:
        try:
            while True:
                job = self.jobs.get()
                if job is None:
                    return
                self._run_job(job)
        finally:
            self._resources.close()

    def _run_job(self, job: _Job) -> None:
        handle = job.handle
        if handle.token.cancelled:
            self._runner._finished.emit((handle.id, False, Cancelled(), ""))
            return
        task = Task(handle.id, handle.token, self._resources, self._runner._progress.emit_tuple)
        try:
            result = job.fn(task)
        except BaseException as exc:
            self._runner._finished.emit((handle.id, False, exc, traceback.format_exc()))
        else:
            self._runner._finished.emit((handle.id, True, result, ""))


class _ProgressSignal(QObject):
    """Carries progress tuples from a lane to the GUI thread."""

    sig = Signal(object)

    def emit_tuple(self, task_id: int, done: int, total: int, text: str) -> None:
        self.sig.emit((task_id, done, total, text))


class TaskRunner(QObject):
    """Runs functions off the GUI thread and brings their results back to it.

    ``open_db`` opens a fresh connection (called once per lane, inside the lane's thread);
    ``make_service`` wraps it in a ConsoleService (default: ``ConsoleService(db)``).
    """

    _finished = Signal(object)  # (task_id, ok, result_or_exc, traceback_text)
    # a job failed and had no on_error: (exception, traceback text). The window logs it and
    # tells the merchant that something went wrong on our side.
    failed = Signal(object, str)
    # True while any job is queued or running (for a busy indicator)
    busy_changed = Signal(bool)

    def __init__(
        self,
        open_db: Callable[[], sqlite_utils.Database] | None,
        make_service: Callable[[sqlite_utils.Database], ConsoleService] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_db = open_db
        self._make_service = make_service
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._lanes: dict[str, _Lane] = {}
        self._progress = _ProgressSignal(self)
        self._progress.sig.connect(self._on_progress)
        self._finished.connect(self._on_finished)
        self._closed = False

    # -- public ---------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[Task], Any],
        *,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        db: bool = True,
    ) -> TaskHandle:
        """Queue ``fn(task)`` on the db lane (``db=True``) or the net lane; return a handle.

        ``on_done(result)``, ``on_error(exc)`` and ``on_progress(done, total, text)`` are called
        on the GUI thread. A job cancelled before it starts, or that raises ``Cancelled``, goes
        to ``on_error`` with a ``Cancelled`` (or is dropped silently without ``on_error``).
        """
        lane_name = "db" if db else "net"
        handle = TaskHandle(next(self._ids), CancelToken(), lane_name)
        if self._closed:
            # the window is closing: a view that refreshes on the way out (a selection change
            # as the list is torn down) gets a job that never runs, not an exception
            handle.cancel()
            handle.done = True
            return handle
        owner = getattr(on_done, "__self__", None)
        job = _Job(handle, fn, on_done, on_error, on_progress, owner if isinstance(owner, QObject) else None)
        was_idle = not self._jobs
        self._jobs[handle.id] = job
        self._lane(lane_name).jobs.put(job)
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    def is_busy(self, lane: str | None = None) -> bool:
        return any(lane is None or j.handle.lane == lane for j in self._jobs.values())

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel what is queued, let the running jobs finish, close the lanes' connections."""
        self._closed = True
        for job in self._jobs.values():
            job.handle.cancel()
        for lane in self._lanes.values():
            lane.jobs.put(None)
        for lane in self._lanes.values():
            if not lane.wait(timeout_ms):
                log.warning("lane %s did not stop within %d ms", lane.lane_name, timeout_ms)
        self._lanes.clear()
        self._jobs.clear()

    # -- internals ------------------------------------------------------------------------
    def _lane(self, name: str) -> _Lane:
        lane = self._lanes.get(name)
        if lane is None:
            lane = _Lane(name, self, _Resources(self._open_db, self._make_service))
            self._lanes[name] = lane
            lane.start()
        return lane

    @staticmethod
    def _alive(job: _Job) -> bool:
        return job.owner is None or shiboken6.isValid(job.owner)

    def _on_progress(self, payload: tuple[int, int, int, str]) -> None:
        task_id, done, total, text = payload
        job = self._jobs.get(task_id)
        if job is not None and job.on_progress is not None and self._alive(job):
            job.on_progress(done, total, text)

    def _on_finished(self, payload: tuple[int, bool, Any, str]) -> None:
        task_id, ok, value, tb = payload
        job = self._jobs.pop(task_id, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        if job is None:
            return
        job.handle.done = True
        if not self._alive(job):
            return
        if ok:
            if job.on_done is not None:
                job.on_done(value)
        elif job.on_error is not None:
            job.on_error(value)
        elif not isinstance(value, Cancelled):
            log.error("background task failed:\n%s", tb)
            self.failed.emit(value, tb)

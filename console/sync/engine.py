"""One sync pass: recover, push the outbox, pull the change feed, report.

Only one pass runs per database at a time, across threads *and* processes (the GUI's sync
worker and a ``main.py sync`` from a terminal): a lock file beside the database is held for the
whole pass. That is what makes "in_flight at the start of a pass" mean "its sender died", so
those rows can safely go back to queued and be sent again with the same Idempotency-Key.
The lock is an OS file lock, so it goes away with a killed process.
"""

from __future__ import annotations

import logging
import os
import random
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

import sqlite_utils

from console.core import news as core_news
from console.core.sync_state import PassOutcome, PassResult, record_pass
from console.core.timeutil import format_ts, parse_ts, utcnow
from console.platform.client import PlatformClient
from console.platform.errors import PlatformError, PlatformOffline
from console.storage import audit, meta, outbox, snapshots
from console.storage import news as news_table
from console.storage import sales as sales_tables
from console.storage.db import transaction, write_transaction
from console.sync.backoff import Uniform
from console.sync.pull import Puller, PullOutcome
from console.sync.push import Pusher, PushOutcome, describe, error_kind
from console.sync.report import SyncReport
from console.sync.sales import SalesSync

log = logging.getLogger(__name__)

DEFAULT_LOCK_TIMEOUT_S = 60.0


class PassLock:
    """An exclusive lock on ``<database>.sync-lock`` (flock on POSIX, msvcrt on Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            if _try_lock(fd):
                self._fd = fd
                return True
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.05)

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> PassLock:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def database_file(db: sqlite_utils.Database) -> Path | None:
    """The main database file, or None for an in-memory database."""
    for _, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and filename:
            return Path(filename)
    return None


class SyncEngine:
    """Push then pull, for one local database and one platform client.

    ``clock`` (aware UTC datetimes) stamps local rows and decides when a backed-off row is due;
    ``rng`` jitters the backoff. Both are injected so tests are deterministic.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        client: PlatformClient,
        *,
        clock: Callable[[], datetime] = utcnow,
        rng: Uniform | None = None,
        page_size: int = 500,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT_S,
        demo_alive: Callable[[], bool] | None = None,
        sales: bool = False,
    ) -> None:
        self.db = db
        self.client = client
        self.clock = clock
        self.rng: Uniform = rng if rng is not None else random.Random()
        self.page_size = page_size
        self.lock_timeout = lock_timeout
        #: For the embedded demo platform: tells "the demo process died" from "offline".
        self.demo_alive = demo_alive
        self.sales = sales  # also pull the sales feeds (#15); the app turns it on
        self._thread_lock = threading.Lock()
        path = database_file(db)
        self._lock_path = path.with_name(path.name + ".sync-lock") if path is not None else None

    def __repr__(self) -> str:
        return f"SyncEngine(client={self.client!r})"

    def run_once(self, *, force: bool = False) -> SyncReport:
        """One full pass. ``force`` sends rows that are still backing off ("Sync now").

        Platform trouble is reported in the SyncReport, never raised; a bug or a database error
        is raised (the caller logs it as a bug, not as "offline").
        """
        with self._thread_lock:
            lock = PassLock(self._lock_path) if self._lock_path is not None else None
            if lock is not None and not lock.acquire(self.lock_timeout):
                return self._report(
                    PushOutcome(error="busy", error_detail="another sync pass holds the lock"), PullOutcome()
                )
            try:
                self.recover()
                blocked = self._switch_account_if_needed()
                if blocked is not None:
                    return self._report(blocked, PullOutcome())
                push = Pusher(
                    self.db, self.client, clock=self.clock, rng=self.rng, respect_backoff=not force
                ).run()
                pull = PullOutcome()
                if push.error not in ("offline", "auth", "rate_limited"):
                    before = self._news_before()
                    try:
                        Puller(self.db, self.client, clock=self.clock, page_size=self.page_size).run(pull)
                        if self.sales:
                            SalesSync(self.db, self.client).run()
                        push.online = True
                        self._learn_platform_time()  # news and reminders at the platform's time
                        self._record_news(before)
                    except PlatformError as exc:
                        if not isinstance(exc, PlatformOffline):
                            push.online = True
                        if push.error is None or push.error == "server":
                            push.error, push.error_detail = error_kind(exc), describe(exc)
                        ra = getattr(exc, "retry_after", None)
                        if ra is not None:
                            push.retry_after = max(push.retry_after or 0.0, ra)
                        log.info("pull stopped: %s", describe(exc))
                return self._report(push, pull)
            finally:
                if lock is not None:
                    lock.release()

    def _switch_account_if_needed(self) -> PushOutcome | None:
        """Keep one platform account per database (meta ``account`` = the app key).

        When the merchant moves from the demo platform to their real one, or to another account,
        the old account's stores must not mix with the new one's, and the cursor must start
        again. With nothing of the old account still waiting or refused, its platform data is
        cleared (history in the audit log stays) and the pull starts from zero. Otherwise the
        pass stops and says so: those changes are never sent to the wrong account, and never
        dropped silently; the merchant discards them (Waiting to sync) to switch.
        """
        key = self.client.app_key
        conn = self.db.conn
        known = meta.get(conn, meta.ACCOUNT)
        if known == key:
            return None
        if known is None:  # a new database, or one synced before the account was recorded
            with transaction(conn):
                meta.put(conn, meta.ACCOUNT, key)
            return None
        unsettled = outbox.count(conn, outbox.UNSETTLED)
        if unsettled:
            return PushOutcome(
                error="other_account",
                error_detail=f"{unsettled} change(s) were made for another platform account",
            )
        with transaction(conn):
            stores = snapshots.clear_account(conn, key)
            sales_tables.clear_account(conn)
            audit.record(
                conn,
                at=self.clock(),
                actor="sync",
                action="switch_account",
                result="ok",
                detail={"stores_cleared": stores},
            )
        log.info("platform account changed: cleared %d stores of the previous account", stores)
        return None

    def recover(self) -> int:
        """in_flight rows left by a sender that died: queued again (same key, so safe).

        Call only while holding the pass lock (run_once does)."""
        recovered = outbox.recover_in_flight(self.db.conn)
        if recovered:
            log.info("%d change(s) were in flight when the last sync stopped; sending them again", recovered)
        return recovered

    def pending_count(self) -> int:
        return outbox.count(self.db.conn, outbox.WAITING)

    # -- news: the platform's changes and the reminders, stored ------------------------------
    def _news_before(self) -> core_news.Snapshot | None:
        """The facts before this pull, at the time news was last computed (None: never, so the
        first full sync is not news)."""
        raw = meta.get(self.db.conn, meta.NEWS_AT)
        if raw is None:
            return None
        try:
            since = parse_ts(raw)
        except ValueError:
            return None
        return news_table.read_snapshot(self.db.conn, since)

    def _record_news(self, before: core_news.Snapshot | None) -> None:
        """Diff before/after with the app clock and keep new items (deduplicated by key).

        Runs after every successful pull, changes or not: reminders (3 days, 1 day ahead) come
        due with time alone. A failure here is logged, never allowed to fail the pass.
        """
        now = self.clock()
        conn = self.db.conn
        try:
            with write_transaction(self.db):
                if before is not None and now > before.at:
                    after = news_table.read_snapshot(conn, now)
                    items = core_news.news(before, after, now)
                    added = news_table.add(conn, items, now)
                    if added:
                        log.info("%d news item(s) recorded", added)
                if before is None or now > before.at:
                    meta.put(conn, meta.NEWS_AT, format_ts(now))
        except (ValueError, KeyError) as exc:  # a fact we cannot read: no news, the pass stands
            log.warning("news not computed: %s", exc)

    # -- the pass record: one connection state for every surface ----------------------------
    def _classify(self, push: PushOutcome) -> PassOutcome:
        """How the pass ended for the merchant: each outcome has its own words and way forward."""
        at = self.clock()
        error = push.error
        if error is None:
            return PassOutcome(at, PassResult.OK)
        if error == "busy":
            return PassOutcome(at, PassResult.BUSY)
        if error == "other_account":
            return PassOutcome(at, PassResult.OTHER_ACCOUNT)
        if error == "offline":
            if self.demo_alive is not None and not self.demo_alive():
                return PassOutcome(at, PassResult.DEMO_STOPPED)
            return PassOutcome(at, PassResult.OFFLINE)
        if error == "auth":
            if (push.error_detail or "").startswith("AuthError AUTH_TIMESTAMP_SKEW"):
                offset = getattr(self.client, "clock_offset", None)
                # the client's offset is theirs minus ours; the status says ours minus theirs
                known = -float(offset) if isinstance(offset, int | float) and offset else None
                return PassOutcome(at, PassResult.CLOCK, known)
            return PassOutcome(at, PassResult.AUTH_REFUSED)
        return PassOutcome(at, PassResult.PLATFORM_ERROR)

    def _record_pass(self, outcome: PassOutcome) -> None:
        if outcome.result is PassResult.BUSY:
            return  # another pass holds the lock: it records its own outcome
        conn = self.db.conn
        with write_transaction(self.db):
            meta.put_pass_record(conn, record_pass(meta.pass_record(conn), outcome))

    def _learn_platform_time(self) -> None:
        learn = getattr(self.clock, "learn", None)  # a PlatformClock follows the platform's time
        platform_time = getattr(self.client, "platform_time", None)
        if callable(learn) and platform_time is not None:
            learn(platform_time)

    def _report(self, push: PushOutcome, pull: PullOutcome) -> SyncReport:
        self._learn_platform_time()
        outcome = self._classify(push)
        self._record_pass(outcome)
        return SyncReport(
            pushed=push.pushed,
            refused=push.refused,
            pulled=pull.pulled,
            pending=self.pending_count(),
            online=push.online,
            error=push.error,
            error_detail=push.error_detail,
            retry_after=push.retry_after,
            news=push.news + pull.news,
            finished_at=self.clock(),
            result=outcome.result,
        )

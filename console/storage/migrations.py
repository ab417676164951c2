"""Schema migrations: one named, documented function per step, in Picard's config_upgrade style.

Each step is a function decorated with ``@step(major, minor)``; they are found in version order
and each runs in its own ``BEGIN IMMEDIATE`` transaction that re-checks the version under the
write lock (so two first opens at once migrate once), and is logged when applied. Append new
steps at the end; never edit one that has shipped.

Versions are ``major.minor`` (qutebrowser's ``UserVersion``), kept in ``PRAGMA user_version``:

* **minor** step: additive and harmless to an older release of the same major (a new index, a
  new nullable column, a new table it does not read). An older release opens such a file
  and leaves its minor as it found it.
* **major** step: anything an older release would misread. A file with a newer major is refused
  untouched.

The major sits in the low 16 bits and the minor above it, unlike qutebrowser: every release so
far wrote a plain integer (1, 2) that older releases compare as a whole. Read this way, those
files are majors 1 and 2, minor 0, with no renumbering step, and a file whose only change is a
new major still looks to every earlier release like the plain integer it already refuses.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from console.storage.errors import DatabaseTooNew

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True, slots=True)
class UserVersion:
    """A schema version as stored in ``PRAGMA user_version``."""

    major: int
    minor: int = 0

    MAX = 0xFFFF

    @classmethod
    def from_int(cls, value: int) -> UserVersion:
        return cls(major=value & 0xFFFF, minor=(value >> 16) & 0x7FFF)

    def to_int(self) -> int:
        if not (0 <= self.major <= self.MAX and 0 <= self.minor <= 0x7FFF):
            raise ValueError(f"schema version out of range: {self}")
        return (self.minor << 16) | self.major

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


@dataclass(frozen=True, slots=True)
class Step:
    version: UserVersion
    upgrade: Callable[[sqlite3.Connection], None]

    @property
    def name(self) -> str:
        return self.upgrade.__name__


_STEPS: list[Step] = []


def step(
    major: int, minor: int = 0
) -> Callable[[Callable[[sqlite3.Connection], None]], Callable[[sqlite3.Connection], None]]:
    """Register ``fn`` as the schema step that brings a file to ``major.minor``."""

    def register(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
        version = UserVersion(major, minor)
        if _STEPS and version <= _STEPS[-1].version:
            raise ValueError(f"schema step {fn.__name__} ({version}) is not after {_STEPS[-1].name}")
        _STEPS.append(Step(version, fn))
        return fn

    return register


def _run(conn: sqlite3.Connection, statements: list[str]) -> None:
    for statement in statements:
        conn.execute(statement)


# -- the shipped statements (never edited) ----------------------------------------------------
V1 = [
    # key/value facts about this install: install_id, merchant_id, cursor, last_sync_at ...
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE merchant (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
    """CREATE TABLE stores (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('taobao', 'tmall')),
        name TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('open', 'frozen', 'closed')),
        receive_code TEXT NOT NULL DEFAULT ''
    )""",
    # platform facts (eligibility, enabled, reason, launch_at) + the merchant's pending wish
    # (wanted: NULL when nothing waits to sync) + the last refusal of that wish.
    """CREATE TABLE methods (
        store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        method TEXT NOT NULL CHECK (method IN ('alipay', 'wechat_pay')),
        eligibility TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 0,
        wanted INTEGER,
        reason_code TEXT,
        reason_zh TEXT,
        reason_en TEXT,
        launch_at TEXT,
        refused_code TEXT,
        refused_message TEXT,
        updated_at TEXT,
        PRIMARY KEY (store_id, method)
    ) WITHOUT ROWID""",
    "CREATE INDEX methods_by_state ON methods (method, eligibility)",
    """CREATE TABLE invitations (
        store_id TEXT PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
        phase INTEGER NOT NULL,
        window_opens_at TEXT NOT NULL,
        deadline_at TEXT NOT NULL,
        launch_at TEXT
    )""",
    """CREATE TABLE invitation_events (
        id INTEGER PRIMARY KEY,
        store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX invitation_events_by_store ON invitation_events (store_id, at)",
    """CREATE TABLE method_terms (
        platform TEXT NOT NULL,
        method TEXT NOT NULL,
        fee_bps INTEGER NOT NULL,
        max_amount_fen INTEGER,
        devices TEXT NOT NULL,            -- JSON list of device names
        display_order INTEGER NOT NULL,
        PRIMARY KEY (platform, method)
    )""",
    """CREATE TABLE announcements (
        id TEXT PRIMARY KEY,
        title_zh TEXT NOT NULL DEFAULT '',
        title_en TEXT NOT NULL DEFAULT '',
        body_zh TEXT NOT NULL DEFAULT '',
        body_en TEXT NOT NULL DEFAULT '',
        published_at TEXT NOT NULL,
        opinion_opens_at TEXT NOT NULL,
        opinion_closes_at TEXT NOT NULL,
        effective_at TEXT NOT NULL,
        affects_platforms TEXT NOT NULL DEFAULT '[]',
        affects_methods TEXT NOT NULL DEFAULT '[]',
        read INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        announcement_id TEXT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'confirmed'
            CHECK (sync_state IN ('confirmed', 'pending', 'refused')),
        outbox_id TEXT
    )""",
    # One row per change the merchant made. id is a UUID and doubles as the Idempotency-Key;
    # seq orders the rows (assigned inside the BEGIN IMMEDIATE transaction that inserts them).
    """CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('set_method', 'send_feedback')),
        store_id TEXT,
        method TEXT,
        announcement_id TEXT,
        payload TEXT NOT NULL,            -- the JSON body exactly as it will be sent
        status TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'in_flight', 'done', 'refused', 'discarded')),
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        refused_code TEXT,
        refused_message TEXT,
        finished_at TEXT
    )""",
    "CREATE INDEX outbox_by_status ON outbox (status, seq)",
    # Every change and every sync outcome: who (merchant/sync/platform), what, when, result.
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('merchant', 'sync', 'platform')),
        action TEXT NOT NULL,
        store_id TEXT,
        method TEXT,
        outbox_id TEXT,
        result TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX audit_by_store ON audit (store_id, id)",
]

# Indexes for the merchant's writes and the stores list at 100,000 stores: every wish looks up
# the queued row of its store+method to coalesce (without an index a bulk change of n stores costs
# O(n^2)); "deadlines soon" ranges over invitation deadlines; "pending only" and the pending
# count look at the few methods with a wish instead of every method.
V2 = [
    "CREATE INDEX outbox_by_target ON outbox (store_id, method, status)",
    "CREATE INDEX invitations_by_deadline ON invitations (deadline_at)",
    "CREATE INDEX methods_wanted ON methods (store_id) WHERE wanted IS NOT NULL",
    "CREATE INDEX feedback_by_announcement ON feedback (announcement_id, created_at)",
]


# -- the steps, in order ----------------------------------------------------------------------
@step(1)
def create_the_tables(conn: sqlite3.Connection) -> None:
    """1.0 (release 0.1): every table of the app, from an empty file."""
    _run(conn, V1)


@step(2)
def index_the_hot_paths(conn: sqlite3.Connection) -> None:
    """2.0: indexes for the merchant's writes and the stores list at 100,000 stores.

    Shipped as the plain integer 2 before minors existed, hence a major step, although an
    index alone would be a minor one today.
    """
    _run(conn, V2)


# Sales by payment method (issue #15): payments kept for a window, daily aggregates per
# store x method x channel for good, settlements as published, and reconciliation mismatches.
# Additive tables an older release never reads: a minor step.
V2_1 = [
    """CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        store_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        method TEXT NOT NULL,
        channel TEXT NOT NULL,
        day TEXT NOT NULL,                -- the settlement date (UTC day) it belongs to
        amount_fen INTEGER NOT NULL,
        refunded_fen INTEGER NOT NULL,
        fee_bps INTEGER NOT NULL,
        fee_fen INTEGER NOT NULL,
        paid_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX payments_by_day ON payments (day, store_id, method)",
    """CREATE TABLE sales_daily (
        day TEXT NOT NULL,
        store_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        method TEXT NOT NULL,
        channel TEXT NOT NULL,
        payments INTEGER NOT NULL,
        gross_fen INTEGER NOT NULL,
        refunds_fen INTEGER NOT NULL,
        fees_fen INTEGER NOT NULL,
        PRIMARY KEY (day, store_id, method, channel)
    ) WITHOUT ROWID""",
    "CREATE INDEX sales_daily_by_store ON sales_daily (store_id, day)",
    """CREATE TABLE settlements (
        id TEXT NOT NULL,
        store_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        method TEXT NOT NULL,
        day TEXT NOT NULL,
        count INTEGER NOT NULL,
        gross_fen INTEGER NOT NULL,
        refunds_fen INTEGER NOT NULL,
        fees_fen INTEGER NOT NULL,
        net_fen INTEGER NOT NULL,
        payment_ids TEXT NOT NULL,        -- space-separated ids, as published
        settled_at TEXT NOT NULL,
        PRIMARY KEY (day, store_id, method)
    ) WITHOUT ROWID""",
    """CREATE TABLE sales_mismatches (
        day TEXT NOT NULL,
        store_id TEXT NOT NULL,
        method TEXT NOT NULL,
        kind TEXT NOT NULL,
        delta_fen INTEGER NOT NULL,
        payment_ids TEXT NOT NULL DEFAULT '',
        late_by_s INTEGER,
        found_at TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, store_id, method, kind)
    ) WITHOUT ROWID""",
]


@step(2, 1)
def keep_sales_and_settlements(conn: sqlite3.Connection) -> None:
    """2.1: payments, daily sales aggregates, settlements and reconciliation mismatches (#15)."""
    _run(conn, V2_1)


# News the merchant should hear (console.core.news, and later kinds such as settlement
# mismatches): one row per fact, deduplicated by its stable key; read_at NULL while unread.
V2_2 = [
    """CREATE TABLE news (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        store_ids TEXT NOT NULL DEFAULT '[]',   -- JSON list
        at TEXT NOT NULL,                        -- when it happened (or the reminder's moment)
        params TEXT NOT NULL DEFAULT '{}',       -- JSON object, typed values tagged
        created_at TEXT NOT NULL,
        read_at TEXT
    )""",
    "CREATE INDEX news_unread ON news (at) WHERE read_at IS NULL",
]


@step(2, 2)
def add_the_news_table(conn: sqlite3.Connection) -> None:
    """2.2: the ``news`` table (a new table older 2.x releases never read: a minor step)."""
    _run(conn, V2_2)


# Reconciliation at scale (issue #15): the (day, store, method) keys whose payments and
# settlement have not been seen to agree. Kept by console.storage.sales as pages land, so
# reconciling 90 days of 10,000 stores loads only these, not 1.8 million settlements.
V2_3 = [
    """CREATE TABLE sales_checks (
        day TEXT NOT NULL,
        store_id TEXT NOT NULL,
        method TEXT NOT NULL,
        platform TEXT NOT NULL,
        PRIMARY KEY (day, store_id, method)
    ) WITHOUT ROWID""",
    "CREATE INDEX settlements_by_day ON settlements (day)",
    # every key kept so far is looked at once more by the next reconciliation
    """INSERT OR IGNORE INTO sales_checks SELECT DISTINCT day, store_id, method, platform FROM payments""",
    """INSERT OR IGNORE INTO sales_checks SELECT day, store_id, method, platform FROM settlements
       WHERE day >= (SELECT min(day) FROM payments)""",
]


@step(2, 3)
def check_only_what_disagrees(conn: sqlite3.Connection) -> None:
    """2.3: the keys reconciliation still has to look at, and settlements counted per day (#15)."""
    _run(conn, V2_3)


STEPS: tuple[Step, ...] = tuple(_STEPS)
#: The version this release writes.
CURRENT = STEPS[-1].version
#: The same as a ``user_version`` integer (what ``PRAGMA user_version`` reads on a current file).
SCHEMA_VERSION = CURRENT.to_int()


def current_version(conn: sqlite3.Connection) -> int:
    """The raw ``user_version`` integer."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def is_too_new(found: int, current: UserVersion | None = None) -> bool:
    """A file whose major is newer than ours: we would misread it, so it is refused."""
    return UserVersion.from_int(found).major > (current or CURRENT).major


def pending(found: UserVersion) -> list[Step]:
    """The steps a file at ``found`` still needs (none for a newer minor of our major)."""
    return [s for s in STEPS if s.version > found]


def migrate(conn: sqlite3.Connection, path: Path | None) -> int:
    """Bring the schema up to CURRENT; return the ``user_version`` found before.

    Raises DatabaseTooNew, leaving the file untouched, for a newer major. A newer minor of our
    major is opened as it is: it was written to stay readable by this release.
    """
    found = current_version(conn)
    if is_too_new(found):
        raise DatabaseTooNew(path or Path(":memory:"), found, SCHEMA_VERSION)
    for todo in pending(UserVersion.from_int(found)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if UserVersion.from_int(current_version(conn)) >= todo.version:
                conn.execute("ROLLBACK")  # another connection migrated while we waited
                continue
            todo.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {todo.version.to_int()}")
        except BaseException:
            if conn.in_transaction:  # SQLite rolls back by itself after some errors (disk full)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        log.info("database schema %s: applied %s (%s)", path or ":memory:", todo.name, todo.version)
    if UserVersion.from_int(found) > CURRENT:
        log.info(
            "database schema %s is a newer minor (%s) of ours (%s): opened as is",
            path or ":memory:",
            UserVersion.from_int(found),
            CURRENT,
        )
    return found

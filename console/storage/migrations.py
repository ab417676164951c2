"""Schema migrations, numbered by ``PRAGMA user_version``, each applied in one transaction.

Append new migrations to MIGRATIONS; never edit one that has shipped. A database whose
user_version is higher than len(MIGRATIONS) was written by a newer app and is refused untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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

MIGRATIONS: list[list[str]] = [V1, V2]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the schema up to SCHEMA_VERSION; return the version found before."""
    from console.storage.db import DatabaseTooNew  # local: db imports this module

    found = current_version(conn)
    if found > SCHEMA_VERSION:
        raise DatabaseTooNew(path, found, SCHEMA_VERSION)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= version:  # another connection migrated while we waited
                conn.execute("ROLLBACK")
                continue
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return found

"""The stub platform's storage: one SQLite file (WAL) holding every entity as feed-ready JSON.

Each entity row keeps its latest JSON and the merchant-wide version of its last change, so the
change feed is one indexed range scan (a compacted log). Internal bookkeeping the wire must not
see (review outcome, when a time-driven transition is due) lives in ``extra`` and ``due_at``.
All access happens on one thread (the server's event loop) or under ``_lock``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DB_NAME = "platform.sqlite3"
IDEMPOTENCY_TTL_S = 24 * 3600
UPSERT_META = (
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS merchants (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, app_key TEXT NOT NULL UNIQUE,
    app_secret TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS phases (
    n INTEGER PRIMARY KEY, window_opens_at INTEGER NOT NULL, deadline_at INTEGER NOT NULL,
    launch_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS announcements (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    merchant_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
    data TEXT NOT NULL, extra TEXT, due_at INTEGER,
    PRIMARY KEY (merchant_id, kind, id)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS ix_entities_feed ON entities (merchant_id, version);
CREATE INDEX IF NOT EXISTS ix_entities_kind_id ON entities (kind, id);
CREATE INDEX IF NOT EXISTS ix_entities_due ON entities (due_at) WHERE due_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS nonces (
    merchant_id TEXT NOT NULL, nonce TEXT NOT NULL, expires_at REAL NOT NULL,
    PRIMARY KEY (merchant_id, nonce)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_nonces_expiry ON nonces (expires_at);
CREATE TABLE IF NOT EXISTS idempotency (
    merchant_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    created_at REAL NOT NULL, status INTEGER, content_type TEXT, body BLOB,
    PRIMARY KEY (merchant_id, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_idempotency_created ON idempotency (created_at);
"""


def dumps(data: Any) -> str:
    """Compact UTF-8 JSON: what the feed sends byte for byte."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Merchant:
    id: str
    name: str
    app_key: str
    app_secret: str


@dataclass
class Entity:
    merchant_id: str
    kind: str
    id: str
    version: int
    data: dict[str, Any]
    extra: dict[str, Any]
    due_at: int | None


@dataclass(frozen=True)
class StoredResponse:
    status: int
    content_type: str
    body: bytes


class Tx:
    """One write transaction; hands out versions from each merchant's counter."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._versions: dict[str, int] = {}

    def next_version(self, merchant_id: str) -> int:
        if merchant_id not in self._versions:
            row = self.conn.execute("SELECT version FROM merchants WHERE id = ?", (merchant_id,)).fetchone()
            if row is None:
                raise KeyError(merchant_id)
            self._versions[merchant_id] = int(row[0])
        self._versions[merchant_id] += 1
        return self._versions[merchant_id]

    def put(
        self,
        merchant_id: str,
        kind: str,
        entity_id: str,
        data: dict[str, Any],
        extra: dict[str, Any] | None = None,
        due_at: int | None = None,
    ) -> int:
        """Store an entity's new state under a fresh version (moves it to the feed's end)."""
        version = self.next_version(merchant_id)
        self.conn.execute(
            "INSERT INTO entities (merchant_id, kind, id, version, data, extra, due_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (merchant_id, kind, id) DO UPDATE SET version = excluded.version,"
            " data = excluded.data, extra = excluded.extra, due_at = excluded.due_at",
            (merchant_id, kind, entity_id, version, dumps(data), dumps(extra) if extra else None, due_at),
        )
        return version

    def put_many(
        self, rows: Iterable[tuple[str, str, str, dict[str, Any], dict[str, Any] | None, int | None]]
    ) -> None:
        """Bulk insert for seeding: one executemany, versions in the order given."""
        batch = []
        for merchant_id, kind, entity_id, data, extra, due_at in rows:
            version = self.next_version(merchant_id)
            batch.append(
                (merchant_id, kind, entity_id, version, dumps(data), dumps(extra) if extra else None, due_at)
            )
        self.conn.executemany(
            "INSERT INTO entities (merchant_id, kind, id, version, data, extra, due_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            batch,
        )

    def flush(self) -> None:
        for merchant_id, version in self._versions.items():
            self.conn.execute("UPDATE merchants SET version = ? WHERE id = ?", (version, merchant_id))


class StateStore:
    """SQLite-backed platform state. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lock = threading.RLock()

    @classmethod
    def open(cls, data_dir: Path) -> StateStore:
        data_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(data_dir / DB_NAME, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=5000")
        # Feed pages read rows scattered over the file: a bigger cache and mmap keep them cheap.
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA mmap_size=268435456")
        conn.executescript(SCHEMA)
        store = cls(conn)
        # A request that was running when the server died never finished: let its key be reused.
        conn.execute("DELETE FROM idempotency WHERE status IS NULL")
        return store

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    @contextmanager
    def tx(self) -> Iterator[Tx]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            tx = Tx(self.conn)
            try:
                yield tx
                tx.flush()
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # -- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self.conn.execute(
                UPSERT_META,
                (key, value),
            )

    def next_counter(self, tx: Tx, name: str, count: int = 1) -> int:
        """Reserve ``count`` numbers from a named counter; returns the first."""
        row = tx.conn.execute("SELECT value FROM meta WHERE key = ?", (f"counter:{name}",)).fetchone()
        first = int(row[0]) + 1 if row else 1
        tx.conn.execute(
            UPSERT_META,
            (f"counter:{name}", str(first + count - 1)),
        )
        return first

    # -- merchants --------------------------------------------------------------------------

    def merchant_by_key(self, app_key: str) -> Merchant | None:
        row = self.conn.execute(
            "SELECT id, name, app_key, app_secret FROM merchants WHERE app_key = ?", (app_key,)
        ).fetchone()
        return None if row is None else Merchant(*row)

    def merchant(self, merchant_id: str) -> Merchant | None:
        row = self.conn.execute(
            "SELECT id, name, app_key, app_secret FROM merchants WHERE id = ?", (merchant_id,)
        ).fetchone()
        return None if row is None else Merchant(*row)

    def merchant_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM merchants ORDER BY id")]

    def merchant_version(self, merchant_id: str) -> int:
        row = self.conn.execute("SELECT version FROM merchants WHERE id = ?", (merchant_id,)).fetchone()
        return 0 if row is None else int(row[0])

    # -- entities ---------------------------------------------------------------------------

    def get(self, merchant_id: str, kind: str, entity_id: str) -> Entity | None:
        row = self.conn.execute(
            "SELECT version, data, extra, due_at FROM entities WHERE merchant_id = ? AND kind = ? AND id = ?",
            (merchant_id, kind, entity_id),
        ).fetchone()
        if row is None:
            return None
        return Entity(
            merchant_id,
            kind,
            entity_id,
            int(row[0]),
            json.loads(row[1]),
            json.loads(row[2]) if row[2] else {},
            row[3],
        )

    def owner_of(self, kind: str, entity_id: str) -> str | None:
        """The merchant owning a globally unique entity id (stores, invitations)."""
        row = self.conn.execute(
            "SELECT merchant_id FROM entities WHERE kind = ? AND id = ? LIMIT 1", (kind, entity_id)
        ).fetchone()
        return None if row is None else str(row[0])

    def list_kind(self, merchant_id: str, kind: str, prefix: str | None = None) -> list[Entity]:
        sql = "SELECT id, version, data, extra, due_at FROM entities WHERE merchant_id = ? AND kind = ?"
        params: list[Any] = [merchant_id, kind]
        if prefix is not None:
            sql += " AND id >= ? AND id < ?"
            params += [prefix, prefix + "\uffff"]
        return [
            Entity(
                merchant_id, kind, r[0], int(r[1]), json.loads(r[2]), json.loads(r[3]) if r[3] else {}, r[4]
            )
            for r in self.conn.execute(sql + " ORDER BY id", params)
        ]

    def due(self, now: float, limit: int = 500) -> list[Entity]:
        rows = self.conn.execute(
            "SELECT merchant_id, kind, id, version, data, extra, due_at FROM entities"
            " WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, merchant_id, id LIMIT ?",
            (now, limit),
        ).fetchall()
        return [
            Entity(r[0], r[1], r[2], int(r[3]), json.loads(r[4]), json.loads(r[5]) if r[5] else {}, r[6])
            for r in rows
        ]

    def pending(self) -> list[Entity]:
        """Every entity with a scheduled transition (uses the partial index)."""
        rows = self.conn.execute(
            "SELECT merchant_id, kind, id, version, data, extra, due_at FROM entities"
            " WHERE due_at IS NOT NULL ORDER BY due_at, merchant_id, id"
        ).fetchall()
        return [
            Entity(r[0], r[1], r[2], int(r[3]), json.loads(r[4]), json.loads(r[5]) if r[5] else {}, r[6])
            for r in rows
        ]

    def changes(self, merchant_id: str, since: int, limit: int) -> list[tuple[int, str, str, str]]:
        """(version, kind, id, data JSON) after ``since`` in version order: one index range scan."""
        return self.conn.execute(
            "SELECT version, kind, id, data FROM entities WHERE merchant_id = ? AND version > ?"
            " ORDER BY version LIMIT ?",
            (merchant_id, since, limit),
        ).fetchall()

    def all_entities(self, merchant_id: str) -> list[tuple[str, str, str]]:
        return self.conn.execute(
            "SELECT kind, id, data FROM entities WHERE merchant_id = ? ORDER BY version", (merchant_id,)
        ).fetchall()

    # -- nonces -----------------------------------------------------------------------------

    def use_nonce(self, merchant_id: str, nonce: str, now: float, window_s: float) -> bool:
        """Record a nonce; False when it was already used within its window."""
        with self._lock:
            row = self.conn.execute(
                "SELECT expires_at FROM nonces WHERE merchant_id = ? AND nonce = ?", (merchant_id, nonce)
            ).fetchone()
            if row is not None and float(row[0]) > now:
                return False
            self.conn.execute(
                "INSERT INTO nonces (merchant_id, nonce, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (merchant_id, nonce) DO UPDATE SET expires_at = excluded.expires_at",
                (merchant_id, nonce, now + window_s),
            )
            return True

    def prune(self, now: float) -> None:
        """Forget expired nonces and idempotency keys older than their retention."""
        with self._lock:
            self.conn.execute("DELETE FROM nonces WHERE expires_at <= ?", (now,))
            self.conn.execute(
                "DELETE FROM idempotency WHERE created_at < ? AND status IS NOT NULL",
                (now - IDEMPOTENCY_TTL_S,),
            )

    # -- idempotency ------------------------------------------------------------------------

    def idempotency_begin(
        self, merchant_id: str, key: str, fingerprint: str, now: float
    ) -> tuple[str, StoredResponse | None]:
        """Reserve a key. Returns ("new"|"replay"|"mismatch"|"in_progress", stored response)."""
        with self._lock:
            row = self.conn.execute(
                "SELECT fingerprint, created_at, status, content_type, body FROM idempotency"
                " WHERE merchant_id = ? AND key = ?",
                (merchant_id, key),
            ).fetchone()
            if row is not None and row[2] is not None and float(row[1]) < now - IDEMPOTENCY_TTL_S:
                row = None  # expired: the key may be used afresh
            if row is not None:
                if row[2] is None:
                    return "in_progress", None
                if row[0] != fingerprint:
                    return "mismatch", None
                return "replay", StoredResponse(int(row[2]), str(row[3]), bytes(row[4]))
            self.conn.execute(
                "INSERT INTO idempotency (merchant_id, key, fingerprint, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (merchant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                " created_at = excluded.created_at, status = NULL, content_type = NULL, body = NULL",
                (merchant_id, key, fingerprint, now),
            )
            return "new", None

    def idempotency_finish(self, merchant_id: str, key: str, response: StoredResponse) -> None:
        with self._lock:
            self.conn.execute(
                "UPDATE idempotency SET status = ?, content_type = ?, body = ?"
                " WHERE merchant_id = ? AND key = ?",
                (response.status, response.content_type, response.body, merchant_id, key),
            )

    def idempotency_release(self, merchant_id: str, key: str) -> None:
        """Forget a reservation whose request was not applied (injected error, crash)."""
        with self._lock:
            self.conn.execute(
                "DELETE FROM idempotency WHERE merchant_id = ? AND key = ? AND status IS NULL",
                (merchant_id, key),
            )

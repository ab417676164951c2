"""The ``meta`` table: key/value facts about this install and its sync position.

One owner for every key, so the sync engine, the service and the CLI spell them the same way.
Every function is one statement: atomic on its own, and part of the caller's transaction when
there is one.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from console.core.timeutil import format_ts, parse_ts

if TYPE_CHECKING:
    from console.core.sync_state import PassRecord

log = logging.getLogger(__name__)

INSTALL_ID = "install_id"  # a random id naming this device, made on first use
ACCOUNT = "account"  # the platform app key this database's data belongs to
MERCHANT_ID = "merchant_id"  # the merchant the platform speaks for
CURSOR = "cursor"  # the change-feed position already applied
LAST_SYNC_AT = "last_sync_at"  # when the last pull finished
PARKED_FEEDBACK = "parked_feedback"  # feedback waiting for its announcement (JSON list)
LAST_PASS = "last_pass"  # the folded record of sync passes (JSON, see pass_record)
NEWS_AT = "news_at"  # the app-clock time news was last computed up to

#: What belongs to one platform account and goes when the merchant switches account.
ACCOUNT_KEYS = (CURSOR, MERCHANT_ID, LAST_SYNC_AT, PARKED_FEEDBACK)


def get(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else str(row[0])


def put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        """INSERT INTO meta (key, value) VALUES (?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value""",
        (key, value),
    )


def put_if_absent(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Keep the first value written (the merchant id, the install id)."""
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING", (key, value))


def delete(conn: sqlite3.Connection, *keys: str) -> None:
    conn.executemany("DELETE FROM meta WHERE key = ?", [(k,) for k in keys])


def install_id(conn: sqlite3.Connection) -> str:
    """A random id for this installation, made on first use and kept (it names the device)."""
    existing = get(conn, INSTALL_ID)
    if existing:
        return existing
    put_if_absent(conn, INSTALL_ID, uuid.uuid4().hex)
    return str(get(conn, INSTALL_ID))


def cursor(conn: sqlite3.Connection) -> int:
    """The change-feed position; 0 (start over) when absent or unreadable."""
    raw = get(conn, CURSOR)
    try:
        return int(raw) if raw is not None else 0
    except ValueError:
        return 0


def pass_record(conn: sqlite3.Connection) -> PassRecord | None:
    """The folded pass history (``console.core.sync_state.record_pass``); None before any pass
    or when the stored value cannot be read (the next pass writes a good one)."""
    # imported here: the window's clock reads this table before its first paint (issue #14)
    from console.core.sync_state import PassOutcome, PassRecord, PassResult

    raw = get(conn, LAST_PASS)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        last = PassOutcome(
            parse_ts(data["at"]), PassResult(data["result"]), data.get("clock_offset_s")
        )
        since, success = data.get("failing_since"), data.get("last_success_at")
        return PassRecord(last, parse_ts(since) if since else None, parse_ts(success) if success else None)
    except (ValueError, KeyError, TypeError):
        return None


def put_pass_record(conn: sqlite3.Connection, record: PassRecord) -> None:
    """Persist the record so a restart, and a terminal, see the same connection state."""
    data = {
        "at": format_ts(record.last.at),
        "result": record.last.result.value,
        "clock_offset_s": record.last.clock_offset_s,
        "failing_since": format_ts(record.failing_since) if record.failing_since else None,
        "last_success_at": format_ts(record.last_success_at) if record.last_success_at else None,
    }
    put(conn, LAST_PASS, json.dumps(data))


PLATFORM_TIME = "platform_time"  # the platform's business time as last learned (core/clock.py)


class MetaFile:
    """``meta`` through a short connection per call: usable from any thread (the app's clock
    learns on the sync lane and is read on the GUI thread), one small write per sync pass."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        try:
            uri = self.path.resolve().as_uri() + "?mode=ro"  # reading never creates the file
            with closing(sqlite3.connect(uri, uri=True, timeout=5)) as conn:
                return get(conn, key, default)
        except sqlite3.Error:
            return default  # no database yet (or unreadable): the clock starts from the PC's

    def set_meta(self, key: str, value: str) -> None:
        """Best effort: the clock keeps what it learned in memory when the file cannot take it."""
        if not self.path.exists():
            return  # no database yet: nothing opened or created behind the storage's back
        try:
            with closing(sqlite3.connect(self.path, timeout=5)) as conn, conn:
                put(conn, key, value)
        except sqlite3.Error as exc:
            log.warning("platform time not saved: %s", exc)

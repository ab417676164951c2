"""The outbox: one row per change the merchant made, and the one state machine that moves it.

::

    enqueue ──> queued ──claim──> in_flight ──finish──> done
                  ▲  │               │  └────refuse──> refused ──discard/retry──> discarded
                  │  └──discard──> discarded
                  └──release / back_off / recover_in_flight

Why each transition is written the way it is:

* ``claim`` is ``UPDATE … WHERE status = 'queued'`` in its own durable commit before any request:
  a row another engine claimed first has rowcount 0 and is left alone, so no row is ever in
  flight twice. ``attempts`` counts up at claim time: from then on the row may reach the
  platform under its id (the Idempotency-Key), so a later wish never rewrites it.
* ``coalesce`` (inside ``write_wish``) only merges into a queued row that was never attempted.
* ``recover_in_flight`` is only safe while holding the sync pass lock: then "in flight" means
  "its sender died", and resending under the same key makes the platform replay its answer.
* ``finish`` / ``refuse`` run inside the caller's transaction together with the platform's
  answer, so the answer, the local state, the status and the audit row land as one.

Functions that say "own transaction" commit on their own; the others require the caller's.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.core.model import Method
from console.core.timeutil import format_ts, parse_ts
from console.storage import audit
from console.storage.db import transaction

QUEUED, IN_FLIGHT, DONE, REFUSED, DISCARDED = "queued", "in_flight", "done", "refused", "discarded"
#: Statuses that still wait for the platform (shown in "pending").
UNSETTLED = (QUEUED, IN_FLIGHT, REFUSED)
#: Statuses a push pass looks at.
WAITING = (QUEUED, IN_FLIGHT)


class OutboxStateError(ValueError):
    """The outbox row is not in a state that allows the operation (e.g. discarding in_flight)."""

    def __init__(self, outbox_id: str, status: str, operation: str) -> None:
        super().__init__(f"cannot {operation} change {outbox_id}: it is {status}")
        self.outbox_id, self.status, self.operation = outbox_id, status, operation


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: str
    seq: int
    kind: str
    store_id: str | None
    method: Method | None
    announcement_id: str | None
    payload: dict[str, Any]
    status: str
    created_at: datetime
    attempts: int
    last_error: str | None
    refused_code: str | None
    refused_message: str | None
    store_name: str | None = None


def wire_body(payload: dict[str, Any]) -> str:
    """The JSON text stored in the outbox and sent as the request body byte for byte.

    One spelling for every row so the same change always gives the same body (an idempotency key
    replayed with a different body is refused by the platform).
    """
    return json.dumps(payload, ensure_ascii=False)


# -- reads --------------------------------------------------------------------------------------
_COLUMNS = """o.id, o.seq, o.kind, o.store_id, o.method, o.announcement_id, o.payload, o.status,
              o.created_at, o.attempts, o.last_error, o.refused_code, o.refused_message, s.name"""


def _row(r: Sequence[Any]) -> OutboxRow:
    return OutboxRow(
        id=r[0],
        seq=int(r[1]),
        kind=r[2],
        store_id=r[3],
        method=Method(r[4]) if r[4] else None,
        announcement_id=r[5],
        payload=json.loads(r[6]),
        status=r[7],
        created_at=parse_ts(r[8]),
        attempts=int(r[9]),
        last_error=r[10],
        refused_code=r[11],
        refused_message=r[12],
        store_name=r[13],
    )


def get(conn: sqlite3.Connection, outbox_id: str) -> OutboxRow | None:
    row = conn.execute(
        f"""SELECT {_COLUMNS} FROM outbox o LEFT JOIN stores s ON s.id = o.store_id
            WHERE o.id = ?""",
        (outbox_id,),
    ).fetchone()
    return None if row is None else _row(row)


def rows(conn: sqlite3.Connection, statuses: Sequence[str] = UNSETTLED) -> list[OutboxRow]:
    """Outbox rows in send order (seq) with the given statuses."""
    marks = ",".join("?" * len(statuses))
    found = conn.execute(
        f"""SELECT {_COLUMNS} FROM outbox o LEFT JOIN stores s ON s.id = o.store_id
            WHERE o.status IN ({marks}) ORDER BY o.seq""",
        tuple(statuses),
    ).fetchall()
    return [_row(r) for r in found]


def count(conn: sqlite3.Connection, statuses: Sequence[str] = UNSETTLED) -> int:
    marks = ",".join("?" * len(statuses))
    sql = f"SELECT count(*) FROM outbox WHERE status IN ({marks})"
    return int(conn.execute(sql, tuple(statuses)).fetchone()[0])


def statuses(conn: sqlite3.Connection, outbox_ids: Sequence[str]) -> dict[str, str]:
    """id -> status for the given rows (one query, any number of ids); unknown ids are left out.

    A bulk change follows its own rows through the sync with this (saved, sent, confirmed...).
    """
    found = conn.execute(
        "SELECT id, status FROM outbox WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(outbox_ids)),),
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in found}


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def waiting_raw(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Queued and in-flight rows as stored (payload as text), in send order: a push pass's list."""
    return _dicts(conn.execute("SELECT * FROM outbox WHERE status IN ('queued', 'in_flight') ORDER BY seq"))


def pending_targets(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(store_id, method) pairs with a set_method row still waiting (queued or in flight)."""
    return {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT DISTINCT store_id, method FROM outbox WHERE status IN ('queued', 'in_flight') "
            "AND kind = 'set_method'"
        )
    }


def later_waiting(conn: sqlite3.Connection, row: dict[str, Any]) -> bool:
    """Does a newer change of the same store and method still wait? Then its wish stays."""
    return (
        conn.execute(
            "SELECT 1 FROM outbox WHERE kind = 'set_method' AND store_id = ? AND method = ? "
            "AND seq > ? AND status IN ('queued', 'in_flight') LIMIT 1",
            (row["store_id"], row["method"], row["seq"]),
        ).fetchone()
        is not None
    )


# -- the merchant's side (inside the caller's transaction) ------------------------------------
def enqueue(
    conn: sqlite3.Connection,
    *,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    store_id: str | None = None,
    method: Method | None = None,
    announcement_id: str | None = None,
) -> str:
    """A new queued row at the end of the order; its id doubles as the Idempotency-Key."""
    outbox_id = uuid.uuid4().hex
    seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox").fetchone()[0])
    conn.execute(
        """INSERT INTO outbox
               (id, seq, kind, store_id, method, announcement_id, payload, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?)""",
        (
            outbox_id,
            seq,
            kind,
            store_id,
            None if method is None else method.value,
            announcement_id,
            wire_body(payload),
            format_ts(now),
        ),
    )
    return outbox_id


def _set_wanted(conn: sqlite3.Connection, store_id: str, method: str, wanted: bool | None) -> None:
    """The merchant's pending wish on the method row; a new wish clears the last refusal."""
    conn.execute(
        """UPDATE methods SET wanted = ?, refused_code = NULL, refused_message = NULL
           WHERE store_id = ? AND method = ?""",
        (None if wanted is None else int(wanted), store_id, method),
    )


def write_wish(
    conn: sqlite3.Connection, store_id: str, method: Method, enabled: bool, *, confirmed: bool, now: datetime
) -> tuple[str, str | None]:
    """Queue, coalesce or cancel a set_method change; returns (outcome, outbox_id).

    Coalescing: the newest row of this store and method that is still queued and was never
    attempted carries the new value instead of a second row. A row already attempted may have
    reached the platform under its idempotency key, so it is never changed: a new row follows
    it. A wish equal to the ``confirmed`` value with nothing else unsettled deletes the unsent
    row and clears ``wanted``: a net no-op ("cancelled").
    """
    found = conn.execute(
        """SELECT id, status, attempts FROM outbox
           WHERE store_id = ? AND method = ? AND kind = 'set_method' AND status IN ('queued', 'in_flight')
           ORDER BY seq""",
        (store_id, method.value),
    ).fetchall()
    last = found[-1] if found else None
    coalescable = last[0] if last is not None and last[1] == QUEUED and last[2] == 0 else None
    others_unsettled = len(found) - (1 if coalescable else 0) > 0
    outbox_id: str | None
    wanted: bool | None
    if not others_unsettled and enabled == confirmed:
        outcome, outbox_id, wanted = "cancelled", coalescable, None
        if coalescable is not None:
            conn.execute("DELETE FROM outbox WHERE id = ?", (coalescable,))
    elif coalescable is not None:
        outcome, outbox_id, wanted = "coalesced", coalescable, enabled
        conn.execute(
            "UPDATE outbox SET payload = ?, created_at = ? WHERE id = ?",
            (wire_body({"enabled": enabled}), format_ts(now), coalescable),
        )
    else:
        outcome, wanted = "queued", enabled
        outbox_id = enqueue(
            conn, kind="set_method", payload={"enabled": enabled}, now=now, store_id=store_id, method=method
        )
    _set_wanted(conn, store_id, method.value, wanted)
    return outcome, outbox_id


def write_feedback(
    conn: sqlite3.Connection, announcement_id: str, text: str, now: datetime
) -> tuple[str, str]:
    """Store feedback as pending and queue it; returns (feedback_id, outbox_id)."""
    outbox_id = enqueue(
        conn, kind="send_feedback", payload={"text": text}, now=now, announcement_id=announcement_id
    )
    feedback_id = uuid.uuid4().hex
    conn.execute(
        """INSERT INTO feedback (id, announcement_id, text, created_at, sync_state, outbox_id)
           VALUES (?, ?, ?, ?, 'pending', ?)""",
        (feedback_id, announcement_id, text, format_ts(now), outbox_id),
    )
    return feedback_id, outbox_id


def _close(conn: sqlite3.Connection, outbox_id: str, now: datetime) -> None:
    conn.execute(
        "UPDATE outbox SET status = 'discarded', finished_at = ? WHERE id = ?", (format_ts(now), outbox_id)
    )


def requeue_feedback(conn: sqlite3.Connection, old: OutboxRow, now: datetime) -> str:
    """Send refused feedback again under a new key (the old key would replay the refusal)."""
    _close(conn, old.id, now)
    new_id = enqueue(
        conn, kind="send_feedback", payload=old.payload, now=now, announcement_id=old.announcement_id
    )
    conn.execute(
        "UPDATE feedback SET outbox_id = ?, sync_state = 'pending' WHERE outbox_id = ?", (new_id, old.id)
    )
    return new_id


def discard(conn: sqlite3.Connection, outbox_id: str, now: datetime) -> OutboxRow:
    """Drop a queued or refused change and put back what the platform has.

    For a method: ``wanted`` becomes the wish of the newest row still on its way (queued or in
    flight) or NULL, and the refusal is cleared. For feedback: the unsent text is removed (the
    audit keeps it). Raises KeyError (no such row) or OutboxStateError (in flight, done ...).
    """
    row = get(conn, outbox_id)
    if row is None:
        raise KeyError(outbox_id)
    if row.status not in (QUEUED, REFUSED):
        raise OutboxStateError(outbox_id, row.status, "discard")
    _close(conn, outbox_id, now)
    if row.kind == "set_method" and row.store_id and row.method:
        latest = conn.execute(
            """SELECT payload FROM outbox WHERE store_id = ? AND method = ? AND kind = 'set_method'
               AND status IN ('queued', 'in_flight') ORDER BY seq DESC LIMIT 1""",
            (row.store_id, row.method.value),
        ).fetchone()
        _set_wanted(
            conn,
            row.store_id,
            row.method.value,
            None if latest is None else bool(json.loads(latest[0])["enabled"]),
        )
    elif row.kind == "send_feedback":
        conn.execute("DELETE FROM feedback WHERE outbox_id = ?", (outbox_id,))
    return row


# -- the sync engine's side ------------------------------------------------------------------
def claim(conn: sqlite3.Connection, outbox_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """queued -> in_flight for a batch, in one durable commit (own transaction) before any request.

    Returns the rows still queued, as they are now (an unsent row may have been merged with a
    newer wish, so the payload sent is the one read here). One commit per batch, not per row:
    the claim's fsync was the largest cost of a push.
    """
    claimed: dict[str, dict[str, Any]] = {}
    if not outbox_ids:
        return claimed
    with transaction(conn):
        for outbox_id in outbox_ids:
            cur = conn.execute(
                "UPDATE outbox SET status = 'in_flight', attempts = attempts + 1 "
                "WHERE id = ? AND status = 'queued'",
                (outbox_id,),
            )
            if cur.rowcount == 1:
                claimed[outbox_id] = _dicts(conn.execute("SELECT * FROM outbox WHERE id = ?", (outbox_id,)))[
                    0
                ]
    return claimed


def release(conn: sqlite3.Connection, outbox_ids: Sequence[str], *, uncount: bool) -> None:
    """in_flight -> queued for rows a pass claimed and did not settle (own transaction).

    ``uncount``: the request never left this process, so the claim's attempt is taken back and
    the merchant's next wish may still be merged into the row.
    """
    if not outbox_ids:
        return
    minus = ", attempts = attempts - 1" if uncount else ""
    with transaction(conn):
        conn.executemany(
            f"UPDATE outbox SET status = 'queued'{minus} WHERE id = ? AND status = 'in_flight'",
            [(i,) for i in outbox_ids],
        )


def back_off(
    conn: sqlite3.Connection, outbox_id: str, *, attempts: int, next_attempt_at: datetime | None, error: str
) -> None:
    """in_flight -> queued after a failed attempt, due again at ``next_attempt_at`` (own transaction)."""
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET status = 'queued', attempts = ?, next_attempt_at = ?, last_error = ? "
            "WHERE id = ? AND status = 'in_flight'",
            (attempts, None if next_attempt_at is None else format_ts(next_attempt_at), error, outbox_id),
        )


def recover_in_flight(conn: sqlite3.Connection) -> int:
    """in_flight rows left by a sender that died go back to queued (own transaction).

    Only while holding the sync pass lock: the same key makes the resend safe."""
    with transaction(conn):
        cur = conn.execute("UPDATE outbox SET status = 'queued' WHERE status = 'in_flight'")
    return int(cur.rowcount)


def _settle(
    conn: sqlite3.Connection,
    row: dict[str, Any],
    status: str,
    at: datetime,
    code: str | None,
    message: str | None,
) -> None:
    conn.execute(
        "UPDATE outbox SET status = ?, finished_at = ?, last_error = NULL, "
        "next_attempt_at = NULL, refused_code = ?, refused_message = ? WHERE id = ?",
        (status, format_ts(at), code, message, row["id"]),
    )


def finish(conn: sqlite3.Connection, row: dict[str, Any], at: datetime) -> None:
    """in_flight -> done (caller's transaction, with the platform's answer applied).

    A set_method row's wish is cleared unless a newer change of the same method still waits."""
    if row["kind"] == "set_method":
        clear = "" if later_waiting(conn, row) else "wanted = NULL, "
        conn.execute(
            f"UPDATE methods SET {clear}refused_code = NULL, refused_message = NULL "
            "WHERE store_id = ? AND method = ?",
            (row["store_id"], row["method"]),
        )
    _settle(conn, row, DONE, at, None, None)


def refuse(conn: sqlite3.Connection, row: dict[str, Any], at: datetime, *, code: str, message: str) -> None:
    """in_flight -> refused (caller's transaction): the refusal is shown on what it refused."""
    if row["kind"] == "set_method":
        clear = "" if later_waiting(conn, row) else "wanted = NULL, "
        conn.execute(
            f"UPDATE methods SET {clear}refused_code = ?, refused_message = ? "
            "WHERE store_id = ? AND method = ?",
            (code, message, row["store_id"], row["method"]),
        )
    else:
        conn.execute("UPDATE feedback SET sync_state = 'refused' WHERE outbox_id = ?", (row["id"],))
    _settle(conn, row, REFUSED, at, code, message)


def confirm_feedback(
    conn: sqlite3.Connection, row: dict[str, Any], feedback: dict[str, Any], at: datetime
) -> str:
    """The platform accepted a send_feedback row: our copy takes the platform's id (caller's
    transaction, followed by ``finish``). Returns that id."""
    platform_id = str(feedback["id"])
    created = feedback.get("created_at")
    local = conn.execute("SELECT id, created_at FROM feedback WHERE outbox_id = ?", (row["id"],)).fetchone()
    exists = conn.execute("SELECT 1 FROM feedback WHERE id = ?", (platform_id,)).fetchone()
    if local is not None and local[0] != platform_id:
        if exists:
            # The pull brought the platform's copy first: keep it, drop our placeholder.
            conn.execute("DELETE FROM feedback WHERE id = ?", (local[0],))
        else:
            conn.execute("UPDATE feedback SET id = ? WHERE id = ?", (platform_id, local[0]))
    elif local is None and not exists:
        conn.execute(
            "INSERT INTO feedback (id, announcement_id, text, created_at, sync_state) "
            "VALUES (?, ?, ?, ?, 'confirmed')",
            (platform_id, row["announcement_id"], feedback.get("text", ""), created or format_ts(at)),
        )
    conn.execute(
        "UPDATE feedback SET sync_state = 'confirmed', outbox_id = ?, created_at = COALESCE(?, created_at) "
        "WHERE id = ?",
        (row["id"], created if isinstance(created, str) else None, platform_id),
    )
    return platform_id


def record_sync(
    conn: sqlite3.Connection, row: dict[str, Any], at: datetime, result: str, detail: dict[str, Any]
) -> None:
    """The sync engine's audit row for one outbox row's outcome (caller's transaction)."""
    audit.record(
        conn,
        at=at,
        actor="sync",
        action=row["kind"],
        result=result,
        store_id=row["store_id"],
        method=row["method"],
        outbox_id=row["id"],
        detail=detail,
    )

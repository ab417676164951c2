"""The ``audit`` table: every change and every sync outcome, who, what, when and the result.

Rows are only ever added (never updated or deleted, even when an account switch clears the
platform's data): the history is what support reads long after the outbox row is settled.
What the activity log shows (:func:`activity`) is a reading of those rows: a change's later
outcome and the day's routine pulls are worked out when read, never written back.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, tzinfo
from typing import Any

from console.core.model import Method
from console.core.timeutil import format_ts, parse_ts

#: (id, at, actor, action, store_id, method, result, detail)
AuditRow = tuple[int, datetime, str, str, str | None, str | None, str, dict[str, Any]]


def record(
    conn: sqlite3.Connection,
    *,
    at: datetime | str,
    actor: str,
    action: str,
    result: str,
    store_id: str | None = None,
    method: Method | str | None = None,
    outbox_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One audit row; joins the caller's transaction so the record and the change are one."""
    conn.execute(
        """INSERT INTO audit (at, actor, action, store_id, method, outbox_id, result, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            at if isinstance(at, str) else format_ts(at),
            actor,
            action,
            store_id,
            None if method is None else str(method),
            outbox_id,
            result,
            json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
        ),
    )


def rows(
    conn: sqlite3.Connection,
    *,
    store_id: str | None = None,
    method: Method | None = None,
    result: str | None = None,
    limit: int = 1000,
) -> list[AuditRow]:
    """Audit rows, newest first."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("store_id", store_id), ("method", method), ("result", result)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(str(value))
    sql = "SELECT id, at, actor, action, store_id, method, result, detail FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(int(limit))
    return [
        (int(r[0]), parse_ts(r[1]), r[2], r[3], r[4], r[5], r[6], json.loads(r[7] or "{}"))
        for r in conn.execute(sql, params)
    ]


# -- the activity log as a merchant reads it ----------------------------------------------------
#: The last word on an outbox row -> what the merchant's own row now says: the platform applied
#: it, refused it, or the merchant turned back before it was sent (nothing left to send).
SETTLED = {"ok": "confirmed", "refused": "refused", "cancelled": "cancelled"}
#: Results of a merchant's row that the platform's answer may still settle.
UNSETTLED_RESULTS = ("queued", "coalesced")
#: Rows read per round while filling a page of the activity log.
_BATCH = 2000


def _is_routine_pull(action: str, detail: dict[str, Any]) -> bool:
    """A pass that fetched updates but brought no news: worth one line a day, not one a pass."""
    return action == "sync_pull" and not detail.get("news") and not detail.get("folded")


def _settlements(conn: sqlite3.Connection, first_id: int, outbox_ids: set[str]) -> dict[str, str]:
    """The last word on each outbox row (the sync's ok/refused, or the merchant's turning back),
    from rows written after ``first_id``.

    A range over the primary key (answers always follow the wish), not a scan of the table.
    """
    found: dict[str, str] = {}
    ids = sorted(outbox_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for outbox_id, result in conn.execute(
            f"""SELECT outbox_id, result FROM audit
                WHERE id > ? AND outbox_id IN ({marks})
                  AND ((actor != 'merchant' AND result IN ('ok', 'refused'))
                       OR (actor = 'merchant' AND result = 'cancelled'))
                ORDER BY id""",
            [first_id, *chunk],
        ):
            found[outbox_id] = result
    return found


def activity(
    conn: sqlite3.Connection,
    *,
    store_id: str | None = None,
    method: Method | None = None,
    result: str | None = None,
    limit: int = 1000,
    tz: tzinfo | None = None,
) -> list[AuditRow]:
    """Audit rows as the activity log shows them, newest first.

    Two readings on top of :func:`rows`, both at read time (the table stays append-only):

    - the merchant's own change says what became of it: "queued" turns "confirmed" or "refused"
      once the sync recorded the platform's answer for its outbox row;
    - routine pulls (passes that brought no news) fold into one row per day in ``tz`` (the
      machine's zone when None), the newest pass's row, with ``detail`` counting them:
      ``{"folded": True, "passes": n, "pulled": total, "first_at": ISO}``.

    ``result`` filters on the reading ("confirmed", "queued", ...), not on the stored value.
    """
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("store_id", store_id), ("method", method)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(str(value))
    if result is not None:  # stored values that may read as ``result``
        stored = {result} | ({"ok"} if result == "confirmed" else set())
        if result in SETTLED.values() or result in UNSETTLED_RESULTS:
            stored |= set(UNSETTLED_RESULTS)
        where.append(f"result IN ({','.join('?' * len(stored))})")
        params.extend(sorted(stored))
    sql = "SELECT id, at, actor, action, store_id, method, result, detail, outbox_id FROM audit WHERE id < ?"
    if where:
        sql += " AND " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"

    out: list[AuditRow] = []
    folds: dict[Any, int] = {}  # day -> index in ``out`` of that day's folded pull
    before = 2**63 - 1
    full = False  # the page is full: read on only to finish counting its last day's passes
    while True:
        batch = conn.execute(sql, [before, *params, _BATCH]).fetchall()
        if not batch:
            return out
        before = int(batch[-1][0])
        waiting = {r[8] for r in batch if r[2] == "merchant" and r[6] in UNSETTLED_RESULTS and r[8]}
        settled = _settlements(conn, before - 1, waiting) if waiting else {}
        for r in batch:
            at, detail = parse_ts(r[1]), json.loads(r[7] or "{}")
            reading = r[6]
            if r[2] == "merchant" and reading in UNSETTLED_RESULTS and r[8] in settled:
                reading = SETTLED[settled[r[8]]]
            if result is not None and reading != result:
                continue
            routine = _is_routine_pull(r[3], detail)
            day = at.astimezone(tz).date() if routine else None
            if full and day not in folds:
                return out
            if routine:
                if day in folds:
                    i = folds[day]
                    kept = out[i]
                    merged = dict(kept[7])
                    merged["passes"] = int(merged["passes"]) + 1
                    merged["pulled"] = int(merged.get("pulled") or 0) + int(detail.get("pulled") or 0)
                    merged["first_at"] = format_ts(at)
                    out[i] = (*kept[:7], merged)
                    continue
                folds[day] = len(out)
                detail = {
                    "folded": True,
                    "passes": 1,
                    "pulled": int(detail.get("pulled") or 0),
                    "first_at": format_ts(at),
                }
            out.append((int(r[0]), at, r[2], r[3], r[4], r[5], reading, detail))
            full = len(out) >= limit
        if len(batch) < _BATCH:
            return out

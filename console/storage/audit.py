"""The ``audit`` table: every change and every sync outcome, who, what, when and the result.

Rows are only ever added (never updated or deleted, even when an account switch clears the
platform's data): the history is what support reads long after the outbox row is settled.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
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

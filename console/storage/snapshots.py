"""The platform's facts as stored: merchant, stores, methods, invitations, terms, announcements,
feedback. Written only from the platform's answers (a pull page, or the answer to a push).

The sync engine validates and groups entities into row tuples (``console.sync.apply``); this
module owns the SQL that writes them, so the schema and its upserts change in one place.
Everything here joins the caller's transaction (one page, or one pushed row, is all or nothing).

Reconciliation (docs/sync.md): the platform's facts overwrite ours; the merchant's pending wish
(``methods.wanted``), the last refusal (``refused_code``/``refused_message``), ``announcements.read``
and ``feedback.outbox_id`` are the merchant's side and are never written from here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from console.storage import meta, outbox

Row = tuple[Any, ...]

UPSERT_MERCHANT = (
    "INSERT INTO merchant (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name"
)
UPSERT_STORE = """INSERT INTO stores (id, platform, name, category, status, receive_code)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET platform = excluded.platform, name = excluded.name,
    category = excluded.category,
    status = excluded.status, receive_code = excluded.receive_code"""
UPSERT_METHOD = """INSERT INTO methods
    (store_id, method, eligibility, enabled, reason_code, reason_zh, reason_en, launch_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(store_id, method) DO UPDATE SET eligibility = excluded.eligibility, enabled = excluded.enabled,
    reason_code = excluded.reason_code, reason_zh = excluded.reason_zh, reason_en = excluded.reason_en,
    launch_at = excluded.launch_at, updated_at = excluded.updated_at"""
UPSERT_INVITATION = """INSERT INTO invitations (store_id, phase, window_opens_at, deadline_at, launch_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT(store_id) DO UPDATE SET phase = excluded.phase, window_opens_at = excluded.window_opens_at,
    deadline_at = excluded.deadline_at, launch_at = excluded.launch_at"""
INSERT_EVENT = (
    "INSERT INTO invitation_events (store_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)"
)
UPSERT_TERMS = """INSERT INTO method_terms (platform, method, fee_bps, max_amount_fen, devices, display_order)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(platform, method) DO UPDATE SET fee_bps = excluded.fee_bps,
    max_amount_fen = excluded.max_amount_fen,
    devices = excluded.devices, display_order = excluded.display_order"""
UPSERT_ANNOUNCEMENT = """INSERT INTO announcements (id, title_zh, title_en, body_zh, body_en, published_at,
    opinion_opens_at, opinion_closes_at, effective_at, affects_platforms, affects_methods)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
    body_zh = excluded.body_zh, body_en = excluded.body_en, published_at = excluded.published_at,
    opinion_opens_at = excluded.opinion_opens_at, opinion_closes_at = excluded.opinion_closes_at,
    effective_at = excluded.effective_at, affects_platforms = excluded.affects_platforms,
    affects_methods = excluded.affects_methods"""
UPSERT_FEEDBACK = """INSERT INTO feedback (id, announcement_id, text, created_at, sync_state)
VALUES (?, ?, ?, ?, 'confirmed')
ON CONFLICT(id) DO UPDATE SET announcement_id = excluded.announcement_id, text = excluded.text,
    created_at = excluded.created_at, sync_state = 'confirmed'"""

#: Tables holding one platform account's data (methods, invitations and feedback cascade).
ACCOUNT_TABLES = ("stores", "method_terms", "announcements", "merchant", "outbox")


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values))


# -- reads the sync engine reconciles against ------------------------------------------------
def existing_store_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    sql = "SELECT id FROM stores WHERE id IN (SELECT value FROM json_each(?))"
    return {r[0] for r in conn.execute(sql, (_json_list(ids),))}


def existing_announcement_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    sql = "SELECT id FROM announcements WHERE id IN (SELECT value FROM json_each(?))"
    return {r[0] for r in conn.execute(sql, (_json_list(ids),))}


def announcement_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM announcements")}


def wechat_eligibilities(conn: sqlite3.Connection, store_ids: Iterable[str]) -> dict[str, str]:
    """Stored WeChat Pay eligibility of those stores (absent: not known yet)."""
    sql = (
        "SELECT store_id, eligibility FROM methods WHERE method = 'wechat_pay' "
        "AND store_id IN (SELECT value FROM json_each(?))"
    )
    return {r[0]: r[1] for r in conn.execute(sql, (_json_list(store_ids),))}


def store_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM stores").fetchone()[0])


# -- writes (caller's transaction) -----------------------------------------------------------
def upsert_merchants(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Merchant rows; the first merchant id this database sees is kept in meta."""
    rows = list(rows)
    conn.executemany(UPSERT_MERCHANT, rows)
    if rows:
        meta.put_if_absent(conn, meta.MERCHANT_ID, str(rows[0][0]))


def upsert_stores(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    conn.executemany(UPSERT_STORE, rows)


def upsert_terms(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    conn.executemany(UPSERT_TERMS, rows)


def upsert_announcements(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    conn.executemany(UPSERT_ANNOUNCEMENT, rows)


def upsert_methods(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    conn.executemany(UPSERT_METHOD, rows)


def replace_invitations(conn: sqlite3.Connection, invitations: Iterable[tuple[Row, list[Row]]]) -> None:
    """Upsert each invitation and replace its history with the platform's."""
    invitations = list(invitations)
    if not invitations:
        return
    conn.executemany(UPSERT_INVITATION, (inv[0] for inv in invitations))
    conn.execute(
        "DELETE FROM invitation_events WHERE store_id IN (SELECT value FROM json_each(?))",
        (_json_list(str(inv[0][0]) for inv in invitations),),
    )
    conn.executemany(INSERT_EVENT, (ev for inv in invitations for ev in inv[1]))


def upsert_feedback(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    conn.executemany(UPSERT_FEEDBACK, rows)


def clear_stale_wanted(conn: sqlite3.Connection) -> int:
    """Drop a pending wish that no outbox row carries any more (safety net; O(rows))."""
    waiting = outbox.pending_targets(conn)
    stale = [
        (r[0], r[1])
        for r in conn.execute("SELECT store_id, method FROM methods WHERE wanted IS NOT NULL")
        if (r[0], r[1]) not in waiting
    ]
    if stale:
        conn.executemany("UPDATE methods SET wanted = NULL WHERE store_id = ? AND method = ?", stale)
    return len(stale)


def clear_account(conn: sqlite3.Connection, new_account: str) -> int:
    """Forget the previous platform account's data (the audit stays); returns stores cleared.

    The caller checked that nothing of that account still waits or was refused."""
    stores = store_count(conn)
    for table in ACCOUNT_TABLES:
        conn.execute(f"DELETE FROM {table}")  # cascades: methods, invitations, feedback
    meta.delete(conn, *meta.ACCOUNT_KEYS)
    meta.put(conn, meta.ACCOUNT, new_account)
    return stores

"""The ``news`` table: what the merchant should hear, kept so nothing is missed while the app is
closed, and the facts news is computed from.

Rows are deduplicated by the item's stable key (``console.core.news.NewsItem.key``): the same
fact observed by two passes, or by the window and a terminal, is one row. Kinds are open strings
with JSON params (the sales side adds settlement mismatches with kinds of its own); typed values
(times, methods, platforms, eligibilities, bilingual text) are tagged in the JSON so they come
back as the types the words (``console.words.status``) format.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from console.core.model import (
    Announcement,
    Eligibility,
    Invitation,
    InvitationEvent,
    LocalizedText,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
)
from console.core.news import NewsItem, Snapshot
from console.core.timeutil import format_ts, parse_ts

_TAGGED: dict[str, type[Enum]] = {
    "$method": Method,
    "$platform": Platform,
    "$eligibility": Eligibility,
}


@dataclass(frozen=True, slots=True)
class StoredNews:
    """One row: ``kind`` stays a string so kinds this release does not know still list."""

    id: int
    key: str
    kind: str
    store_ids: tuple[str, ...]
    at: datetime
    params: dict[str, Any] = field(default_factory=dict)
    read: bool = False


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$ts": format_ts(value)}
    if isinstance(value, LocalizedText):
        return {"$text": [value.zh, value.en]}
    for tag, enum in _TAGGED.items():
        if isinstance(value, enum):
            return {tag: value.value}
    if isinstance(value, Enum):
        return value.value
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        if tag == "$ts":
            return parse_ts(raw)
        if tag == "$text":
            return LocalizedText(zh=raw[0], en=raw[1])
        if tag in _TAGGED:
            try:
                return _TAGGED[tag](raw)
            except ValueError:
                return raw
    return value


def encode_params(params: dict[str, Any]) -> str:
    return json.dumps({k: _encode(v) for k, v in params.items()}, ensure_ascii=False, sort_keys=True)


def decode_params(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {k: _decode(v) for k, v in data.items()} if isinstance(data, dict) else {}


def add(conn: sqlite3.Connection, items: Iterable[NewsItem], created_at: datetime) -> int:
    """Insert the items not already known by key; returns how many were new."""
    rows = [
        (
            item.key,
            item.kind.value,
            json.dumps(list(item.store_ids)),
            format_ts(item.at),
            encode_params(item.params),
            format_ts(created_at),
        )
        for item in items
    ]
    if not rows:
        return 0
    before = conn.total_changes
    conn.executemany(
        """INSERT INTO news (key, kind, store_ids, at, params, created_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING""",
        rows,
    )
    return conn.total_changes - before


def _row(r: Sequence[Any]) -> StoredNews:
    return StoredNews(
        id=int(r[0]),
        key=r[1],
        kind=r[2],
        store_ids=tuple(json.loads(r[3] or "[]")),
        at=parse_ts(r[4]),
        params=decode_params(r[5]),
        read=r[6] is not None,
    )


def rows(conn: sqlite3.Connection, *, unread_only: bool = False, limit: int = 500) -> list[StoredNews]:
    """Newest first."""
    where = "WHERE read_at IS NULL" if unread_only else ""
    cur = conn.execute(
        f"SELECT id, key, kind, store_ids, at, params, read_at FROM news {where} "
        "ORDER BY at DESC, id DESC LIMIT ?",
        (limit,),
    )
    return [_row(r) for r in cur]


def unread_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM news WHERE read_at IS NULL").fetchone()[0])


def mark_read(conn: sqlite3.Connection, ids: Sequence[int] | None, at: datetime, *, read: bool = True) -> int:
    """Mark the given rows (None: every unread row) read, or unread again; returns rows changed."""
    stamp = format_ts(at) if read else None
    if ids is None:
        cur = conn.execute("UPDATE news SET read_at = ? WHERE read_at IS NULL", (stamp,))
        return cur.rowcount
    changed = 0
    for news_id in ids:
        changed += conn.execute(
            "UPDATE news SET read_at = ? WHERE id = ? AND (read_at IS NULL) = ?",
            (stamp, int(news_id), 1 if read else 0),
        ).rowcount
    return changed


# -- the facts news is computed from ----------------------------------------------------------
def read_snapshot(conn: sqlite3.Connection, at: datetime) -> Snapshot:
    """Everything ``console.core.news.news`` compares, read in a few queries.

    Invitation history is read only for expiries (``rules.expired_at`` needs the real date).
    """
    stores = {
        r[0]: Store(
            id=r[0],
            platform=Platform(r[1]),
            name=r[2],
            category=r[3],
            status=StoreStatus(r[4]),
            receive_code=r[5],
        )
        for r in conn.execute("SELECT id, platform, name, category, status, receive_code FROM stores")
    }
    methods: dict[str, dict[Method, MethodState]] = {}
    for r in conn.execute(
        """SELECT store_id, method, eligibility, enabled, wanted, reason_code, reason_zh, reason_en,
                  launch_at FROM methods"""
    ):
        text = LocalizedText(zh=r[6] or "", en=r[7] or "") if (r[6] or r[7]) else None
        methods.setdefault(r[0], {})[Method(r[1])] = MethodState(
            store_id=r[0],
            method=Method(r[1]),
            eligibility=Eligibility(r[2]),
            enabled=bool(r[3]),
            wanted=None if r[4] is None else bool(r[4]),
            reason_code=r[5],
            reason_text=text,
            launch_at=parse_ts(r[8]) if r[8] else None,
        )
    expiries: dict[str, list[InvitationEvent]] = {}
    for r in conn.execute(
        """SELECT store_id, at, from_state, note FROM invitation_events
           WHERE to_state = 'expired' ORDER BY at, id"""
    ):
        expiries.setdefault(r[0], []).append(
            InvitationEvent(
                at=parse_ts(r[1]),
                from_state=Eligibility(r[2]) if r[2] in Eligibility._value2member_map_ else None,
                to_state=Eligibility.EXPIRED,
                note=r[3],
            )
        )
    invitations = {
        r[0]: Invitation(
            store_id=r[0],
            phase=int(r[1]),
            window_opens_at=parse_ts(r[2]),
            deadline_at=parse_ts(r[3]),
            launch_at=parse_ts(r[4]) if r[4] else None,
            history=tuple(expiries.get(r[0], ())),
        )
        for r in conn.execute(
            "SELECT store_id, phase, window_opens_at, deadline_at, launch_at FROM invitations"
        )
    }
    terms = {
        (Platform(r[0]), Method(r[1])): MethodTerms(
            platform=Platform(r[0]),
            method=Method(r[1]),
            fee_bps=int(r[2]),
            max_amount_fen=None,
            devices=frozenset(),
            display_order=0,
        )
        for r in conn.execute("SELECT platform, method, fee_bps FROM method_terms")
    }
    announcements = {
        r[0]: Announcement(
            id=r[0],
            title=LocalizedText(zh=r[1], en=r[2]),
            body=LocalizedText(),
            published_at=parse_ts(r[3]),
            opinion_opens_at=parse_ts(r[4]),
            opinion_closes_at=parse_ts(r[5]),
            effective_at=parse_ts(r[6]),
        )
        for r in conn.execute(
            """SELECT id, title_zh, title_en, published_at, opinion_opens_at, opinion_closes_at,
                      effective_at FROM announcements"""
        )
    }
    return Snapshot(at, stores, methods, invitations, terms, announcements)

"""Apply platform entities to the local database: fast, validated, reconciling.

Everything here runs inside a transaction the caller opened (a pull page, or one pushed
outbox row), so a crash leaves either all of it or none of it.

Why the shape checks: the local schema has CHECK and NOT NULL constraints and the rest of the
app parses timestamps without guarding; an entity that would break either is refused up front
(``BadResponse``), before anything of its page is written.

Why ``executemany`` per kind: an initial sync brings tens of thousands of entities; one
statement per kind per page keeps that close to the cost of the bare inserts.

Reconciliation (docs/sync.md): the platform's facts overwrite ours; the merchant's pending wish
(``methods.wanted``) and the last refusal (``refused_code``/``refused_message``) are not platform
facts and are left alone here; ``announcements.read`` is local and kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from console.core.timeutil import format_ts, parse_ts
from console.platform.client import Change, StoreSnapshot
from console.platform.errors import BadResponse
from console.sync.report import News

PLATFORMS = frozenset({"taobao", "tmall"})
STORE_STATUSES = frozenset({"open", "frozen", "closed"})
METHODS = frozenset({"alipay", "wechat_pay"})
ELIGIBILITIES = frozenset(
    {"not_invited", "invited", "in_review", "approved", "live", "rejected", "expired", "withdrawn", "frozen"}
)
KNOWN_KINDS = ("merchant", "store", "method_terms", "announcement", "method", "invitation", "feedback")

_TS_FAST = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")


class WrongMerchant(BadResponse):
    """The platform speaks for another merchant than the one whose data this database holds."""


# -- field checks ---------------------------------------------------------------------------
def _str(data: dict[str, Any], key: str, kind: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise BadResponse(f"{kind}: {key} missing or not a string")
    return value


def _opt_str(data: dict[str, Any], key: str, kind: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise BadResponse(f"{kind}: {key} not a string")
    return value


def _int(data: dict[str, Any], key: str, kind: str, *, optional: bool = False) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadResponse(f"{kind}: {key} missing or not an integer")
    return value


def _ts(data: dict[str, Any], key: str, kind: str, *, optional: bool = False) -> str | None:
    """A wire timestamp normalised to our storage form ('...Z'); cheap when already in it."""
    value = data.get(key)
    if value is None:
        if optional:
            return None
        raise BadResponse(f"{kind}: {key} missing")
    if not isinstance(value, str):
        raise BadResponse(f"{kind}: {key} not a string")
    if _TS_FAST.fullmatch(value):
        return value
    try:
        return format_ts(parse_ts(value))
    except ValueError:
        raise BadResponse(f"{kind}: {key} is not an ISO 8601 time") from None


def _text(data: dict[str, Any], key: str, kind: str) -> tuple[str, str]:
    value = data.get(key)
    if value is None:
        return "", ""
    if not isinstance(value, dict):
        raise BadResponse(f"{kind}: {key} is not a {{zh, en}} object")
    zh, en = value.get("zh") or "", value.get("en") or ""
    if not isinstance(zh, str) or not isinstance(en, str):
        raise BadResponse(f"{kind}: {key} texts are not strings")
    return zh, en


def _one_of(value: str, allowed: frozenset[str], what: str) -> str:
    if value not in allowed:
        raise BadResponse(f"{what}: unknown value {value!r}")
    return value


# -- row builders (validate and convert one entity) ------------------------------------------
def store_row(d: dict[str, Any]) -> tuple[Any, ...]:
    return (
        _str(d, "id", "store"),
        _one_of(_str(d, "platform", "store"), PLATFORMS, "store.platform"),
        _str(d, "name", "store"),
        _opt_str(d, "category", "store") or "",
        _one_of(_str(d, "status", "store"), STORE_STATUSES, "store.status"),
        _opt_str(d, "receive_code", "store") or "",
    )


def method_row(d: dict[str, Any]) -> tuple[Any, ...]:
    enabled = d.get("enabled")
    if not isinstance(enabled, bool):
        raise BadResponse("method: enabled missing or not a boolean")
    reason = d.get("reason_text")
    if reason is not None and not isinstance(reason, dict):
        raise BadResponse("method: reason_text is not an object")
    zh, en = _text(d, "reason_text", "method")
    return (
        _str(d, "store_id", "method"),
        _one_of(_str(d, "method", "method"), METHODS, "method.method"),
        _one_of(_str(d, "eligibility", "method"), ELIGIBILITIES, "method.eligibility"),
        int(enabled),
        _opt_str(d, "reason_code", "method"),
        zh if reason is not None else None,
        en if reason is not None else None,
        _ts(d, "launch_at", "method", optional=True),
        _ts(d, "updated_at", "method", optional=True),
    )


def invitation_rows(d: dict[str, Any]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    store_id = _str(d, "store_id", "invitation")
    row = (
        store_id,
        _int(d, "phase", "invitation"),
        _ts(d, "window_opens_at", "invitation"),
        _ts(d, "deadline_at", "invitation"),
        _ts(d, "launch_at", "invitation", optional=True),
    )
    history = d.get("history") or []
    if not isinstance(history, list):
        raise BadResponse("invitation: history is not a list")
    events: list[tuple[Any, ...]] = []
    for h in history:
        if not isinstance(h, dict):
            raise BadResponse("invitation: history entry is not an object")
        events.append(
            (
                store_id,
                _ts(h, "at", "invitation.history"),
                _opt_str(h, "from", "invitation.history"),
                _str(h, "to", "invitation.history"),
                _opt_str(h, "note", "invitation.history") or "",
            )
        )
    return row, events


def terms_row(d: dict[str, Any]) -> tuple[Any, ...]:
    devices = d.get("devices")
    if not isinstance(devices, list) or not all(isinstance(x, str) for x in devices):
        raise BadResponse("method_terms: devices is not a list of names")
    return (
        _one_of(_str(d, "platform", "method_terms"), PLATFORMS, "method_terms.platform"),
        _one_of(_str(d, "method", "method_terms"), METHODS, "method_terms.method"),
        _int(d, "fee_bps", "method_terms"),
        _int(d, "max_amount_fen", "method_terms", optional=True),
        json.dumps(devices),
        _int(d, "display_order", "method_terms"),
    )


def announcement_row(d: dict[str, Any]) -> tuple[Any, ...]:
    title_zh, title_en = _text(d, "title", "announcement")
    body_zh, body_en = _text(d, "body", "announcement")
    affects = d.get("affects") or {}
    if not isinstance(affects, dict):
        raise BadResponse("announcement: affects is not an object")
    platforms = affects.get("platforms") or []
    methods = affects.get("methods") or []
    if not isinstance(platforms, list) or not isinstance(methods, list):
        raise BadResponse("announcement: affects lists are not lists")
    return (
        _str(d, "id", "announcement"),
        title_zh,
        title_en,
        body_zh,
        body_en,
        _ts(d, "published_at", "announcement"),
        _ts(d, "opinion_opens_at", "announcement"),
        _ts(d, "opinion_closes_at", "announcement"),
        _ts(d, "effective_at", "announcement"),
        json.dumps(platforms),
        json.dumps(methods),
    )


def feedback_row(d: dict[str, Any]) -> tuple[Any, ...]:
    return (
        _str(d, "id", "feedback"),
        _str(d, "announcement_id", "feedback"),
        _str(d, "text", "feedback"),
        _ts(d, "created_at", "feedback"),
    )


# -- SQL ------------------------------------------------------------------------------------
UPSERT_MERCHANT = (
    "INSERT INTO merchant (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name"
)
UPSERT_STORE = """INSERT INTO stores (id, platform, name, category, status, receive_code)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET platform = excluded.platform, name = excluded.name,
    category = excluded.category,
    status = excluded.status, receive_code = excluded.receive_code"""
# wanted / refused_code / refused_message are the merchant's side: never written from the feed.
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
# read is the merchant's: kept.
UPSERT_ANNOUNCEMENT = """INSERT INTO announcements (id, title_zh, title_en, body_zh, body_en, published_at,
    opinion_opens_at, opinion_closes_at, effective_at, affects_platforms, affects_methods)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
    body_zh = excluded.body_zh, body_en = excluded.body_en, published_at = excluded.published_at,
    opinion_opens_at = excluded.opinion_opens_at, opinion_closes_at = excluded.opinion_closes_at,
    effective_at = excluded.effective_at, affects_platforms = excluded.affects_platforms,
    affects_methods = excluded.affects_methods"""
# outbox_id is kept: it links the platform's feedback to the merchant's outbox row.
UPSERT_FEEDBACK = """INSERT INTO feedback (id, announcement_id, text, created_at, sync_state)
VALUES (?, ?, ?, ?, 'confirmed')
ON CONFLICT(id) DO UPDATE SET announcement_id = excluded.announcement_id, text = excluded.text,
    created_at = excluded.created_at, sync_state = 'confirmed'"""


# -- batch ----------------------------------------------------------------------------------
@dataclass
class Batch:
    """One page's entities, validated and grouped by kind (latest wins within the page)."""

    merchant: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    stores: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    terms: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)
    announcements: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    methods: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)
    invitations: dict[str, tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = field(default_factory=dict)
    feedback: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    unknown: int = 0

    def __len__(self) -> int:
        return (
            len(self.merchant)
            + len(self.stores)
            + len(self.terms)
            + len(self.announcements)
            + len(self.methods)
            + len(self.invitations)
            + len(self.feedback)
        )

    def add(self, kind: str, data: dict[str, Any]) -> None:
        if kind == "merchant":
            row = (_str(data, "id", "merchant"), _opt_str(data, "name", "merchant") or "")
            self.merchant[row[0]] = row
        elif kind == "store":
            row = store_row(data)
            self.stores[row[0]] = row
        elif kind == "method":
            row = method_row(data)
            self.methods[(row[0], row[1])] = row
        elif kind == "invitation":
            inv = invitation_rows(data)
            self.invitations[inv[0][0]] = inv
        elif kind == "method_terms":
            row = terms_row(data)
            self.terms[(row[0], row[1])] = row
        elif kind == "announcement":
            row = announcement_row(data)
            self.announcements[row[0]] = row
        elif kind == "feedback":
            row = feedback_row(data)
            self.feedback[row[0]] = row
        else:
            self.unknown += 1  # a newer platform's kind: skipped, the cursor still moves on

    def add_changes(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.add(change.kind, change.data)

    def add_snapshot(self, snap: StoreSnapshot) -> None:
        """A store fetched directly (its methods arrived before it in the feed)."""
        self.add("store", snap.store)
        for m in snap.methods:
            self.add("method", m)
        if snap.invitation is not None:
            self.add("invitation", snap.invitation)

    def referenced_store_ids(self) -> set[str]:
        return {k[0] for k in self.methods} | set(self.invitations)


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values))


def existing_store_ids(db: sqlite_utils.Database, ids: Iterable[str]) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            "SELECT id FROM stores WHERE id IN (SELECT value FROM json_each(?))", [_json_list(ids)]
        )
    }


def existing_announcement_ids(db: sqlite_utils.Database, ids: Iterable[str]) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            "SELECT id FROM announcements WHERE id IN (SELECT value FROM json_each(?))", [_json_list(ids)]
        )
    }


def check_merchant(db: sqlite_utils.Database, merchant_ids: Sequence[str]) -> None:
    """Refuse to mix two merchants' data in one database."""
    row = db.execute("SELECT value FROM meta WHERE key = 'merchant_id'").fetchone()
    for mid in merchant_ids:
        if row is not None and row[0] != mid:
            raise WrongMerchant(f"the platform speaks for merchant {mid}, this data belongs to {row[0]}")


def apply_batch(db: sqlite_utils.Database, batch: Batch, *, detect_news: bool) -> list[News]:
    """Write one batch (caller holds the transaction). Returns news when ``detect_news``."""
    conn = db.conn
    news: list[News] = []
    if batch.merchant:
        check_merchant(db, list(batch.merchant))
        conn.executemany(UPSERT_MERCHANT, batch.merchant.values())
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('merchant_id', ?) ON CONFLICT(key) DO NOTHING",
            [next(iter(batch.merchant))],
        )
    if batch.stores:
        conn.executemany(UPSERT_STORE, batch.stores.values())
    if batch.terms:
        conn.executemany(UPSERT_TERMS, batch.terms.values())
    if batch.announcements:
        if detect_news:
            known = existing_announcement_ids(db, batch.announcements)
            for aid, row in batch.announcements.items():
                if aid not in known:
                    news.append(
                        News("announcement", None, {"id": aid, "title_zh": row[1], "title_en": row[2]})
                    )
        conn.executemany(UPSERT_ANNOUNCEMENT, batch.announcements.values())
    if batch.methods:
        if detect_news:
            news.extend(_method_news(db, batch))
        conn.executemany(UPSERT_METHOD, batch.methods.values())
    if batch.invitations:
        ids = _json_list(batch.invitations)
        conn.executemany(UPSERT_INVITATION, (inv[0] for inv in batch.invitations.values()))
        conn.execute(
            "DELETE FROM invitation_events WHERE store_id IN (SELECT value FROM json_each(?))", [ids]
        )
        conn.executemany(INSERT_EVENT, (ev for inv in batch.invitations.values() for ev in inv[1]))
    if batch.feedback:
        conn.executemany(UPSERT_FEEDBACK, batch.feedback.values())
    return news


def _method_news(db: sqlite_utils.Database, batch: Batch) -> list[News]:
    """WeChat Pay eligibility transitions worth telling the merchant, old state vs new."""
    wechat = {sid: row for (sid, m), row in batch.methods.items() if m == "wechat_pay"}
    if not wechat:
        return []
    old = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT store_id, eligibility FROM methods WHERE method = 'wechat_pay' "
            "AND store_id IN (SELECT value FROM json_each(?))",
            [_json_list(wechat)],
        )
    }
    news: list[News] = []
    for sid, row in wechat.items():
        before, after = old.get(sid), row[2]
        if before is None or before == after:
            continue  # a store we did not know yet is not news (initial sync, new store)
        detail: dict[str, Any] = {"method": "wechat_pay", "from": before, "to": after}
        if after == "invited" and before == "not_invited":
            inv = batch.invitations.get(sid)
            if inv is not None:
                detail.update(phase=inv[0][1], window_opens_at=inv[0][2], deadline_at=inv[0][3])
            news.append(News("phase_opened", sid, detail))
        elif before == "in_review" and after == "approved":
            news.append(News("review_approved", sid, detail | {"launch_at": row[7]}))
        elif before == "in_review" and after == "rejected":
            detail.update(reason_code=row[4], reason_zh=row[5], reason_en=row[6])
            news.append(News("review_rejected", sid, detail))
        elif after == "live":
            news.append(News("went_live", sid, detail))
    return news


def apply_method_entity(db: sqlite_utils.Database, data: dict[str, Any]) -> tuple[Any, ...]:
    """Upsert one method entity (the platform's answer to a push). Caller holds the transaction."""
    row = method_row(data)
    db.conn.execute(UPSERT_METHOD, row)
    return row


def apply_invitation_entity(db: sqlite_utils.Database, data: dict[str, Any]) -> None:
    row, events = invitation_rows(data)
    db.conn.execute(UPSERT_INVITATION, row)
    db.conn.execute("DELETE FROM invitation_events WHERE store_id = ?", [row[0]])
    db.conn.executemany(INSERT_EVENT, events)


def pending_keys(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    """(store_id, method) pairs with a set_method row still waiting (queued or in flight)."""
    return {
        (r[0], r[1])
        for r in db.execute(
            "SELECT DISTINCT store_id, method FROM outbox WHERE status IN ('queued', 'in_flight') "
            "AND kind = 'set_method'"
        )
    }


def clear_stale_wanted(db: sqlite_utils.Database) -> int:
    """Drop a pending wish that no outbox row carries any more (safety net; O(rows))."""
    waiting = pending_keys(db)
    stale = [
        (r[0], r[1])
        for r in db.execute("SELECT store_id, method FROM methods WHERE wanted IS NOT NULL")
        if (r[0], r[1]) not in waiting
    ]
    if stale:
        db.conn.executemany("UPDATE methods SET wanted = NULL WHERE store_id = ? AND method = ?", stale)
    return len(stale)

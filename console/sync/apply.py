"""Apply platform entities to the local database: fast, validated, reconciling.

Everything here runs inside a transaction the caller opened (a pull page, or one pushed
outbox row), so a crash leaves either all of it or none of it.

Why the shape checks: the local schema has CHECK and NOT NULL constraints and the rest of the
app parses timestamps without guarding; an entity that would break either is refused up front
(``BadResponse``), before anything of its page is written.

Why ``executemany`` per kind (``console.storage.snapshots`` owns the SQL): an initial sync
brings tens of thousands of entities; one statement per kind per page keeps that close to the
cost of the bare inserts.

Reconciliation (docs/sync.md): the platform's facts overwrite ours; the merchant's pending wish
(``methods.wanted``) and the last refusal (``refused_code``/``refused_message``) are not platform
facts and are left alone (by the upserts in ``console.storage.snapshots``).
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
from console.storage import meta, snapshots
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


def check_merchant(db: sqlite_utils.Database, merchant_ids: Sequence[str]) -> None:
    """Refuse to mix two merchants' data in one database."""
    known = meta.get(db.conn, meta.MERCHANT_ID)
    for mid in merchant_ids:
        if known is not None and known != mid:
            raise WrongMerchant(f"the platform speaks for merchant {mid}, this data belongs to {known}")


def apply_batch(db: sqlite_utils.Database, batch: Batch, *, detect_news: bool) -> list[News]:
    """Write one batch (caller holds the transaction). Returns news when ``detect_news``.

    Kinds go in foreign-key order: stores before their methods, announcements before feedback."""
    conn = db.conn
    news: list[News] = []
    if batch.merchant:
        check_merchant(db, list(batch.merchant))
        snapshots.upsert_merchants(conn, batch.merchant.values())
    snapshots.upsert_stores(conn, batch.stores.values())
    snapshots.upsert_terms(conn, batch.terms.values())
    if batch.announcements:
        if detect_news:
            known = snapshots.existing_announcement_ids(conn, batch.announcements)
            for aid, row in batch.announcements.items():
                if aid not in known:
                    news.append(
                        News("announcement", None, {"id": aid, "title_zh": row[1], "title_en": row[2]})
                    )
        snapshots.upsert_announcements(conn, batch.announcements.values())
    if batch.methods:
        if detect_news:
            news.extend(_method_news(db, batch))
        snapshots.upsert_methods(conn, batch.methods.values())
    snapshots.replace_invitations(conn, batch.invitations.values())
    snapshots.upsert_feedback(conn, batch.feedback.values())
    return news


def _method_news(db: sqlite_utils.Database, batch: Batch) -> list[News]:
    """WeChat Pay eligibility transitions worth telling the merchant, old state vs new."""
    wechat = {sid: row for (sid, m), row in batch.methods.items() if m == "wechat_pay"}
    if not wechat:
        return []
    old = snapshots.wechat_eligibilities(db.conn, wechat)
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
    snapshots.upsert_methods(db.conn, [row])
    return row


def apply_invitation_entity(db: sqlite_utils.Database, data: dict[str, Any]) -> None:
    snapshots.replace_invitations(db.conn, [invitation_rows(data)])

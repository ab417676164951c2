"""Build a populated local database for tests, without the stub server.

Everything is inserted straight into the schema (console/storage/migrations.py), so storage,
service, sync, CLI and GUI tests start from a known state in milliseconds. Times are relative to
``FIXED_NOW`` unless you pass ``now``.

Typical use::

    from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db, make_service

    path = make_db(tmp_path, stores=[StoreSpec("tb-1"), StoreSpec("tb-2", wechat="invited")])
    service = make_service(path)              # ConsoleService with a clock fixed at FIXED_NOW
    make_db(tmp_path, stores=100_000)         # generated stores, a mix of every eligibility

``StoreSpec`` fields are wire values (strings), so a test reads like the platform's data. A store
whose WeChat Pay is not ``not_invited`` gets an invitation (window open since 7 days, deadline in
14 days, launch in 30) unless you pass ``invitation=False`` or your own dates.

Pending wishes are made through the service (``service.set_method``), never faked, so the
outbox and audit always agree with ``methods.wanted``. What the sync engine does afterwards is
mimicked by ``mark_in_flight``, ``mark_refused`` and ``mark_done``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from console.core.timeutil import format_ts
from console.service import ConsoleService
from console.storage.db import open_database, write_transaction

#: The tests' "now": a Tuesday morning in Beijing (02:00 UTC).
FIXED_NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)

ELIGIBILITY_CYCLE = (
    "not_invited",
    "invited",
    "in_review",
    "approved",
    "live",
    "rejected",
    "expired",
    "withdrawn",
    "frozen",
)


@dataclass
class StoreSpec:
    """One store and its two methods, in wire values. Unset dates follow ``now`` (see module doc)."""

    id: str
    platform: str = "taobao"
    name: str | None = None  # default: "Store <id>"
    category: str = "apparel"
    status: str = "open"
    receive_code: str | None = None  # default: "mcpay://receive/<id>"
    # Alipay: live and on by default
    alipay: str = "live"
    alipay_on: bool = True
    # WeChat Pay: not invited by default; ``wechat_on`` None means "what the platform would
    # have": on for in_review/approved/live, off otherwise
    wechat: str = "not_invited"
    wechat_on: bool | None = None
    reason_code: str | None = None  # WeChat Pay's rejection/freeze/withdrawal reason
    reason_zh: str | None = None
    reason_en: str | None = None
    wechat_launch_at: datetime | None = None
    # invitation: None = automatic (present unless not_invited), False = none, True = force one
    invitation: bool | None = None
    phase: int = 1
    window_opens_at: datetime | None = None
    deadline_at: datetime | None = None
    launch_at: datetime | None = None
    events: list[tuple[datetime, str | None, str, str]] = field(default_factory=list)
    with_wechat_row: bool = True  # False: the platform sent no WeChat Pay row for the store


DEFAULT_TERMS: tuple[dict[str, Any], ...] = tuple(
    row
    for platform in ("taobao", "tmall")
    for row in (
        {
            "platform": platform,
            "method": "alipay",
            "fee_bps": 60,
            "max_amount_fen": None,
            "devices": ["mobile_app", "pc_web", "alipay_mini_program"],
            "display_order": 1,
        },
        {
            "platform": platform,
            "method": "wechat_pay",
            "fee_bps": 55 if platform == "taobao" else 50,
            "max_amount_fen": 5_000_000,
            "devices": ["mobile_app", "pc_web", "wechat_mini_program"],
            "display_order": 2,
        },
    )
)


def default_announcements(now: datetime = FIXED_NOW) -> list[dict[str, Any]]:
    """Three announcements: opinion period open ("a-open"), over ("a-closed"), ahead ("a-future")."""
    day = timedelta(days=1)
    return [
        {
            "id": "a-open",
            "title_zh": "微信支付费率调整",
            "title_en": "WeChat Pay fee change",
            "body_zh": "自下月起费率调整。",
            "body_en": "Fees change next month.",
            "published_at": now - 3 * day,
            "opinion_opens_at": now - 3 * day,
            "opinion_closes_at": now + 4 * day,
            "effective_at": now + 10 * day,
            "affects_platforms": ["taobao", "tmall"],
            "affects_methods": ["wechat_pay"],
        },
        {
            "id": "a-closed",
            "title_zh": "支付宝展示顺序",
            "title_en": "Alipay display order",
            "published_at": now - 30 * day,
            "opinion_opens_at": now - 30 * day,
            "opinion_closes_at": now - 20 * day,
            "effective_at": now - 10 * day,
            "affects_platforms": ["taobao"],
            "affects_methods": ["alipay"],
        },
        {
            "id": "a-future",
            "title_zh": "小程序支付",
            "title_en": "Mini program payments",
            "published_at": now - 1 * day,
            "opinion_opens_at": now + 2 * day,
            "opinion_closes_at": now + 9 * day,
            "effective_at": now + 20 * day,
        },
    ]


def generated_stores(n: int, *, prefix: str = "tb-") -> list[StoreSpec]:
    """``n`` stores cycling through platforms and every WeChat Pay eligibility (ids zero-padded)."""
    width = max(6, len(str(n)))
    out = []
    for i in range(1, n + 1):
        wechat = ELIGIBILITY_CYCLE[i % len(ELIGIBILITY_CYCLE)]
        platform = "tmall" if i % 3 == 0 else "taobao"
        pre = "tm-" if platform == "tmall" and prefix == "tb-" else prefix
        out.append(
            StoreSpec(
                id=f"{pre}{i:0{width}d}",
                platform=platform,
                name=f"{'天猫' if platform == 'tmall' else '淘宝'}店铺 {i} Shop",
                category=("apparel", "food", "electronics", "books")[i % 4],
                wechat=wechat,
                reason_code="LICENSE_MISMATCH" if wechat == "rejected" else None,
                phase=1 + i % 3,
            )
        )
    return out


def _wechat_on(spec: StoreSpec) -> bool:
    if spec.wechat_on is not None:
        return spec.wechat_on
    return spec.wechat in ("in_review", "approved", "live")


def _ts(dt: datetime | None) -> str | None:
    return None if dt is None else format_ts(dt)


def populate(
    db: sqlite_utils.Database,
    *,
    stores: int | Iterable[StoreSpec | str] = (),
    terms: Iterable[dict[str, Any]] | None = DEFAULT_TERMS,
    announcements: Iterable[dict[str, Any]] | None = None,
    feedback: Iterable[dict[str, Any]] = (),
    merchant: tuple[str, str] | None = ("m-test", "Test Trading Co."),
    meta: dict[str, str] | None = None,
    now: datetime = FIXED_NOW,
) -> None:
    """Insert data into an open, migrated database in one transaction.

    ``stores``: a count (generated_stores), or StoreSpec objects / plain ids. ``announcements``:
    None gives default_announcements(now); [] gives none. Dates in announcement dicts may be
    datetimes or strings; list fields may be lists.
    """
    specs = (
        generated_stores(stores)
        if isinstance(stores, int)
        else [s if isinstance(s, StoreSpec) else StoreSpec(s) for s in stores]
    )
    day = timedelta(days=1)
    store_rows, method_rows, invitation_rows, event_rows = [], [], [], []
    for s in specs:
        store_rows.append(
            (
                s.id,
                s.platform,
                s.name or f"Store {s.id}",
                s.category,
                s.status,
                s.receive_code if s.receive_code is not None else f"mcpay://receive/{s.id}",
            )
        )
        method_rows.append((s.id, "alipay", s.alipay, int(s.alipay_on), None, None, None, None, _ts(now)))
        launch = s.launch_at or now + 30 * day
        if s.with_wechat_row:
            wechat_launch = s.wechat_launch_at or (launch if s.wechat == "approved" else None)
            reason_zh = s.reason_zh or ("营业执照不符" if s.reason_code else None)
            reason_en = s.reason_en or ("License does not match" if s.reason_code else None)
            method_rows.append(
                (
                    s.id,
                    "wechat_pay",
                    s.wechat,
                    int(_wechat_on(s)),
                    s.reason_code,
                    reason_zh,
                    reason_en,
                    _ts(wechat_launch),
                    _ts(now),
                )
            )
        wants_invitation = s.invitation if s.invitation is not None else s.wechat != "not_invited"
        if wants_invitation:
            invitation_rows.append(
                (
                    s.id,
                    s.phase,
                    _ts(s.window_opens_at or now - 7 * day),
                    _ts(s.deadline_at or now + 14 * day),
                    _ts(launch),
                )
            )
            events = s.events or [(now - 7 * day, "not_invited", "invited", f"phase {s.phase} opened")]
            event_rows.extend((s.id, _ts(at), f, t, note) for at, f, t, note in events)
    conn = db.conn
    with write_transaction(db):
        if merchant is not None:
            conn.execute("INSERT OR REPLACE INTO merchant (id, name) VALUES (?, ?)", merchant)
        conn.executemany(
            "INSERT INTO stores (id, platform, name, category, status, receive_code) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            store_rows,
        )
        conn.executemany(
            """INSERT INTO methods (store_id, method, eligibility, enabled, reason_code, reason_zh, reason_en,
                                    launch_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            method_rows,
        )
        conn.executemany(
            "INSERT INTO invitations (store_id, phase, window_opens_at, deadline_at, launch_at) "
            "VALUES (?, ?, ?, ?, ?)",
            invitation_rows,
        )
        conn.executemany(
            "INSERT INTO invitation_events (store_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)",
            event_rows,
        )
        for t in terms or ():
            conn.execute(
                """INSERT OR REPLACE INTO method_terms (platform, method, fee_bps, max_amount_fen, devices,
                       display_order) VALUES (?, ?, ?, ?, ?, ?)""",
                (
                    t["platform"],
                    t["method"],
                    t["fee_bps"],
                    t.get("max_amount_fen"),
                    json.dumps(list(t.get("devices", []))),
                    t.get("display_order", 1),
                ),
            )
        for a in default_announcements(now) if announcements is None else announcements:
            insert_announcement(db, a)
        for f in feedback:
            conn.execute(
                """INSERT INTO feedback (id, announcement_id, text, created_at, sync_state, outbox_id)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (
                    f["id"],
                    f["announcement_id"],
                    f["text"],
                    _value(f.get("created_at", now)),
                    f.get("sync_state", "confirmed"),
                    f.get("outbox_id"),
                ),
            )
        for key, value in (meta or {}).items():
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _value(v: Any) -> Any:
    if isinstance(v, datetime):
        return format_ts(v)
    if isinstance(v, list | tuple | set | frozenset):
        return json.dumps(sorted(v) if isinstance(v, set | frozenset) else list(v))
    return v


def insert_announcement(db: sqlite_utils.Database, a: dict[str, Any]) -> None:
    """Insert one announcement dict (schema column names; datetimes and lists are converted)."""
    row = {k: _value(v) for k, v in a.items()}
    row.setdefault("affects_platforms", "[]")
    row.setdefault("affects_methods", "[]")
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    db.conn.execute(f"INSERT OR REPLACE INTO announcements ({columns}) VALUES ({marks})", tuple(row.values()))


def make_db(
    tmp_path: Path,
    *,
    stores: int | Iterable[StoreSpec | str] = (),
    filename: str = "console.db",
    **kwargs: Any,
) -> Path:
    """Create ``tmp_path/filename``, migrate it, populate it (see ``populate``) and close it.

    Returns the file's path: open it with ``open_database`` / ``make_service`` in the test, or hand
    ``tmp_path`` to the CLI as ``--data-dir`` (the default filename is the app's).
    """
    path = Path(tmp_path) / filename
    db = open_database(path)
    try:
        populate(db, stores=stores, **kwargs)
    finally:
        db.conn.close()
    return path


def make_service(path: Path, *, now: datetime = FIXED_NOW) -> ConsoleService:
    """A ConsoleService on ``path`` whose clock is fixed at ``now`` (change it with ``set_clock``)."""
    return ConsoleService(open_database(path), clock=lambda: now)


class Clock:
    """A settable clock for tests that move time: ``ConsoleService(db, clock=Clock(FIXED_NOW))``."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


# -- mimicking the sync engine (only what tests of the merchant's side need) ------------------------
def mark_in_flight(db: sqlite_utils.Database, outbox_id: str) -> None:
    """The sync engine has started sending this row."""
    db.conn.execute(
        "UPDATE outbox SET status = 'in_flight', attempts = attempts + 1 WHERE id = ?", (outbox_id,)
    )


def mark_attempted(db: sqlite_utils.Database, outbox_id: str, error: str = "offline") -> None:
    """A send failed with a network error: the row stays queued but has been attempted."""
    db.conn.execute(
        "UPDATE outbox SET status = 'queued', attempts = attempts + 1, last_error = ? WHERE id = ?",
        (error, outbox_id),
    )


def mark_refused(
    db: sqlite_utils.Database, outbox_id: str, code: str = "LAST_LIVE_METHOD", message: str = "refused"
) -> None:
    """The platform refused the row: keep the reason, put back the platform's value (wanted NULL)."""
    with write_transaction(db):
        row = db.conn.execute("SELECT store_id, method FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
        db.conn.execute(
            "UPDATE outbox SET status = 'refused', refused_code = ?, refused_message = ?, "
            "attempts = MAX(attempts, 1) WHERE id = ?",
            (code, message, outbox_id),
        )
        if row is not None and row[0] is not None:
            db.conn.execute(
                "UPDATE methods SET wanted = NULL, refused_code = ?, refused_message = ? "
                "WHERE store_id = ? AND method = ?",
                (code, message, row[0], row[1]),
            )
        db.conn.execute("UPDATE feedback SET sync_state = 'refused' WHERE outbox_id = ?", (outbox_id,))


def mark_done(db: sqlite_utils.Database, outbox_id: str, **method_columns: Any) -> None:
    """The platform applied the row: confirmed value = the wish, wanted NULL (plus any columns)."""
    with write_transaction(db):
        row = db.conn.execute(
            "SELECT store_id, method, payload, kind FROM outbox WHERE id = ?", (outbox_id,)
        ).fetchone()
        db.conn.execute("UPDATE outbox SET status = 'done' WHERE id = ?", (outbox_id,))
        if row is not None and row[3] == "set_method":
            enabled = json.loads(row[2])["enabled"]
            sets = {"enabled": int(enabled), "wanted": None, **method_columns}
            assign = ", ".join(f"{k} = ?" for k in sets)
            db.conn.execute(
                f"UPDATE methods SET {assign} WHERE store_id = ? AND method = ?",
                (*sets.values(), row[0], row[1]),
            )
        db.conn.execute("UPDATE feedback SET sync_state = 'confirmed' WHERE outbox_id = ?", (outbox_id,))


def table_counts(
    db: sqlite_utils.Database, tables: Sequence[str] = ("outbox", "audit", "feedback")
) -> dict[str, int]:
    """Row counts, to assert that a refused or failed change wrote nothing."""
    return {t: int(db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

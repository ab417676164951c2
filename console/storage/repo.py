"""Reads of the local state and the merchant's writes (state + outbox + audit), over the schema.

The repository knows SQL, not rules: ``console.service`` asks ``console.core.rules`` first and
then calls the write methods here *inside* ``Repository.transaction()`` so the check and the write
see the same state and land together. Write methods refuse to run outside a transaction
(``NotInTransaction``): a half-written change is worse than a crash.

Raw SQL on the sqlite3 connection throughout: every call here is on a hot path (the stores list
at 100,000 stores, every toggle), and sqlite-utils' table helpers introspect the schema per call.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypeVar

import sqlite_utils

from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Feedback,
    Invitation,
    InvitationEvent,
    LocalizedText,
    Merchant,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
    SyncState,
)
from console.core.timeutil import format_ts, parse_ts
from console.storage.db import write_transaction

#: Outbox statuses that still wait for the platform (shown in "pending").
UNSETTLED = ("queued", "in_flight", "refused")

INSTALL_ID_KEY = "install_id"

T = TypeVar("T")

_PLATFORMS = {p.value: p for p in Platform}
_ELIGIBILITIES = {e.value: e for e in Eligibility}


class NotInTransaction(RuntimeError):
    """A write method was called outside ``Repository.transaction()``."""


class OutboxStateError(ValueError):
    """The outbox row is not in a state that allows the operation (e.g. discarding in_flight)."""

    def __init__(self, outbox_id: str, status: str, operation: str) -> None:
        super().__init__(f"cannot {operation} change {outbox_id}: it is {status}")
        self.outbox_id, self.status, self.operation = outbox_id, status, operation


@dataclass(frozen=True, slots=True)
class WishWrite:
    """What writing a method wish did to the outbox.

    ``outcome``: "queued" (a new row), "coalesced" (the still unsent row of the same store and
    method now carries the new value) or "cancelled" (the wish equals what the platform confirmed:
    the unsent row was deleted, nothing will be sent).
    """

    outcome: str
    outbox_id: str | None
    state: MethodState


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


@dataclass(frozen=True, slots=True)
class StoreListRow:
    """A stores-list row as stored; the service turns it into its StoreRow."""

    id: str
    platform: Platform
    name: str
    status: str
    wechat_eligibility: Eligibility
    wechat_setting: bool
    alipay_setting: bool
    pending: bool
    phase: int | None
    deadline_at: datetime | None


def _ts(value: str | None) -> datetime | None:
    return parse_ts(value) if value else None


def _localized(zh: str | None, en: str | None) -> LocalizedText | None:
    if not zh and not en:
        return None
    return LocalizedText(zh=zh or "", en=en or "")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Repository:
    """All SQL of the app's own use cases. Cheap: holds the Database and nothing else."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Repository]:
        """BEGIN IMMEDIATE … COMMIT (ROLLBACK on any exception): the unit of a merchant's change."""
        with write_transaction(self.db):
            yield self

    def _require_transaction(self) -> None:
        if not self.conn.in_transaction:
            raise NotInTransaction("write outside Repository.transaction()")

    # -- meta --------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """One statement: atomic on its own, and joins a surrounding transaction if there is one."""
        self.conn.execute(
            """INSERT INTO meta (key, value) VALUES (?, ?)
               ON CONFLICT(key) DO UPDATE SET value = excluded.value""",
            (key, value),
        )

    def delete_meta(self, key: str) -> None:
        self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def install_id(self) -> str:
        """A random id for this installation, made on first use and kept (it names the device)."""
        existing = self.get_meta(INSTALL_ID_KEY)
        if existing:
            return existing
        self.conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (INSTALL_ID_KEY, uuid.uuid4().hex)
        )
        return str(self.get_meta(INSTALL_ID_KEY))

    # -- reads: one store ----------------------------------------------------------------------
    def merchant(self) -> Merchant | None:
        row = self.conn.execute("SELECT id, name FROM merchant ORDER BY id LIMIT 1").fetchone()
        return None if row is None else Merchant(id=row[0], name=row[1])

    def store(self, store_id: str) -> Store | None:
        row = self.conn.execute(
            "SELECT id, platform, name, category, status, receive_code FROM stores WHERE id = ?",
            (store_id,),
        ).fetchone()
        if row is None:
            return None
        return Store(
            id=row[0],
            platform=Platform(row[1]),
            name=row[2],
            category=row[3],
            status=StoreStatus(row[4]),
            receive_code=row[5],
        )

    def methods(self, store_id: str) -> dict[Method, MethodState]:
        rows = self.conn.execute(
            """SELECT store_id, method, eligibility, enabled, wanted, reason_code, reason_zh, reason_en,
                      launch_at, refused_code, refused_message
               FROM methods WHERE store_id = ?""",
            (store_id,),
        ).fetchall()
        return {Method(r[1]): self._method_state(r) for r in rows}

    def method(self, store_id: str, method: Method) -> MethodState | None:
        row = self.conn.execute(
            """SELECT store_id, method, eligibility, enabled, wanted, reason_code, reason_zh, reason_en,
                      launch_at, refused_code, refused_message
               FROM methods WHERE store_id = ? AND method = ?""",
            (store_id, method.value),
        ).fetchone()
        return None if row is None else self._method_state(row)

    @staticmethod
    def _method_state(r: Sequence[Any]) -> MethodState:
        return MethodState(
            store_id=r[0],
            method=Method(r[1]),
            eligibility=Eligibility(r[2]),
            enabled=bool(r[3]),
            wanted=None if r[4] is None else bool(r[4]),
            reason_code=r[5],
            reason_text=_localized(r[6], r[7]),
            launch_at=_ts(r[8]),
            refused_code=r[9],
            refused_message=r[10],
        )

    def invitation(self, store_id: str) -> Invitation | None:
        row = self.conn.execute(
            """SELECT store_id, phase, window_opens_at, deadline_at, launch_at
               FROM invitations WHERE store_id = ?""",
            (store_id,),
        ).fetchone()
        if row is None:
            return None
        events = tuple(
            InvitationEvent(
                at=parse_ts(e[0]),
                from_state=_ELIGIBILITIES.get(e[1]) if e[1] else None,
                to_state=Eligibility(e[2]),
                note=e[3],
            )
            for e in self.conn.execute(
                """SELECT at, from_state, to_state, note FROM invitation_events
                   WHERE store_id = ? ORDER BY at, id""",
                (store_id,),
            )
        )
        return Invitation(
            store_id=row[0],
            phase=int(row[1]),
            window_opens_at=parse_ts(row[2]),
            deadline_at=parse_ts(row[3]),
            launch_at=_ts(row[4]),
            history=events,
        )

    def terms(self, platform: Platform | None = None) -> list[MethodTerms]:
        sql = "SELECT platform, method, fee_bps, max_amount_fen, devices, display_order FROM method_terms"
        params: tuple[str, ...] = ()
        if platform is not None:
            sql += " WHERE platform = ?"
            params = (platform.value,)
        out = []
        for r in self.conn.execute(sql + " ORDER BY platform, display_order, method", params):
            devices = frozenset(d for d in map(Device.parse, json.loads(r[4])) if d is not None)
            out.append(
                MethodTerms(
                    platform=Platform(r[0]),
                    method=Method(r[1]),
                    fee_bps=int(r[2]),
                    max_amount_fen=None if r[3] is None else int(r[3]),
                    devices=devices,
                    display_order=int(r[5]),
                )
            )
        return out

    # -- reads: announcements ------------------------------------------------------------------
    def announcements(self, announcement_id: str | None = None) -> list[Announcement]:
        """All announcements (newest first) with their feedback, or the one with that id."""
        sql = """SELECT id, title_zh, title_en, body_zh, body_en, published_at, opinion_opens_at,
                        opinion_closes_at, effective_at, affects_platforms, affects_methods, read
                 FROM announcements"""
        params: tuple[str, ...] = ()
        if announcement_id is not None:
            sql += " WHERE id = ?"
            params = (announcement_id,)
        rows = self.conn.execute(sql + " ORDER BY published_at DESC, id", params).fetchall()
        feedback: dict[str, list[Feedback]] = {}
        fb_sql = "SELECT id, announcement_id, text, created_at, sync_state FROM feedback"
        if announcement_id is not None:
            fb_sql += " WHERE announcement_id = ?"
        for f in self.conn.execute(fb_sql + " ORDER BY created_at, id", params):
            feedback.setdefault(f[1], []).append(
                Feedback(id=f[0], announcement_id=f[1], text=f[2], created_at=parse_ts(f[3]),
                         sync_state=SyncState(f[4]))
            )
        out = []
        for r in rows:
            platforms = frozenset(Platform(p) for p in json.loads(r[9]) if p in _PLATFORMS)
            methods = frozenset(Method(m) for m in json.loads(r[10]) if m in Method._value2member_map_)
            out.append(
                Announcement(
                    id=r[0],
                    title=LocalizedText(zh=r[1], en=r[2]),
                    body=LocalizedText(zh=r[3], en=r[4]),
                    published_at=parse_ts(r[5]),
                    opinion_opens_at=parse_ts(r[6]),
                    opinion_closes_at=parse_ts(r[7]),
                    effective_at=parse_ts(r[8]),
                    affects_platforms=platforms,
                    affects_methods=methods,
                    read=bool(r[11]),
                    feedback=tuple(feedback.get(r[0], ())),
                )
            )
        return out

    def announcement(self, announcement_id: str) -> Announcement | None:
        found = self.announcements(announcement_id)
        return found[0] if found else None

    # -- reads: the stores list ----------------------------------------------------------------
    def store_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stores").fetchone()[0])

    def store_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM stores ORDER BY id")]

    # The joins of a stores query, by alias: a store without a WeChat Pay row is not_invited, and
    # a method's setting is the merchant's (pending wish if any, else confirmed). Each joins on a
    # unique key, so leaving out one that the query does not use never changes the row count.
    _STORES_JOINS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("w", "LEFT JOIN methods w ON w.store_id = s.id AND w.method = 'wechat_pay'"),
        ("a", "LEFT JOIN methods a ON a.store_id = s.id AND a.method = 'alipay'"),
        ("i", "LEFT JOIN invitations i ON i.store_id = s.id"),
    )
    _STORES_FROM = "FROM stores s " + " ".join(join for _, join in _STORES_JOINS)

    @staticmethod
    def _store_filter(
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
        store_ids: Sequence[str] | None = None,
        deadline_from: datetime | None = None,
        deadline_to: datetime | None = None,
    ) -> tuple[str, list[Any]]:
        """The WHERE clause (with its leading " WHERE ", or "") and its parameters, over
        ``_STORES_FROM`` (aliases s, w, a, i). One place, so a list and a count of the same filter
        always agree."""
        where: list[str] = []
        params: list[Any] = []
        if text:
            pattern = f"%{_like_escape(text.strip())}%"
            where.append("(s.name LIKE ? ESCAPE '\\' OR s.id LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        if platform is not None:
            where.append("s.platform = ?")
            params.append(platform.value)
        if wechat_eligibility is not None:
            where.append("COALESCE(w.eligibility, 'not_invited') = ?")
            params.append(wechat_eligibility.value)
        if method is not None and method_on is not None:
            alias = "w" if method is Method.WECHAT_PAY else "a"
            where.append(f"COALESCE({alias}.wanted, {alias}.enabled, 0) = ?")
            params.append(int(method_on))
        if pending_only:
            where.append("(w.wanted IS NOT NULL OR a.wanted IS NOT NULL)")
        if store_ids is not None:
            where.append("s.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(store_ids)))
        if deadline_from is not None:
            where.append("i.deadline_at >= ?")
            params.append(format_ts(deadline_from.replace(microsecond=0)))
        if deadline_to is not None:
            where.append("i.deadline_at <= ?")
            params.append(format_ts(deadline_to))
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def count_stores(
        self,
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
    ) -> int:
        """How many stores ``list_stores`` would return for the same filter, counted in SQL."""
        where, params = self._store_filter(
            text=text,
            platform=platform,
            wechat_eligibility=wechat_eligibility,
            method=method,
            method_on=method_on,
            pending_only=pending_only,
        )
        # only the joins the filter reads: counting 100,000 stores then skips two lookups per row
        joins = "".join(f" {join}" for alias, join in self._STORES_JOINS if f"{alias}." in where)
        sql = f"SELECT count(*) FROM stores s{joins}{where}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def list_stores(
        self,
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
        store_ids: Sequence[str] | None = None,
        deadline_from: datetime | None = None,
        deadline_to: datetime | None = None,
        limit: int | None = None,
        make: Callable[..., T] = StoreListRow,  # type: ignore[assignment]
    ) -> list[T]:
        """Stores in id order with the columns of the list, filtered in SQL.

        A store without a WeChat Pay row counts as ``not_invited``; settings are the merchant's
        (pending wish if any, else confirmed). One query, joins on primary keys only. ``make``
        builds each row from StoreListRow's fields in order (the service passes its StoreRow, so
        100,000 rows are built once, not converted).
        """
        where, params = self._store_filter(
            text=text,
            platform=platform,
            wechat_eligibility=wechat_eligibility,
            method=method,
            method_on=method_on,
            pending_only=pending_only,
            store_ids=store_ids,
            deadline_from=deadline_from,
            deadline_to=deadline_to,
        )
        sql = f"""SELECT s.id, s.platform, s.name, s.status,
                        COALESCE(w.eligibility, 'not_invited'),
                        COALESCE(w.wanted, w.enabled, 0),
                        COALESCE(a.wanted, a.enabled, 0),
                        (w.wanted IS NOT NULL OR a.wanted IS NOT NULL),
                        i.phase, i.deadline_at
                 {self._STORES_FROM}{where} ORDER BY s.id"""
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        platforms, eligibilities = _PLATFORMS, _ELIGIBILITIES
        # parse each distinct deadline once: at 100k stores there are only a few phases
        deadlines: dict[str, datetime] = {}
        out = []
        for r in self.conn.execute(sql, params):
            deadline = None
            if r[9] is not None:
                deadline = deadlines.get(r[9])
                if deadline is None:
                    deadline = deadlines[r[9]] = parse_ts(r[9])
            out.append(
                make(
                    r[0], platforms[r[1]], r[2], r[3], eligibilities[r[4]], bool(r[5]), bool(r[6]),
                    bool(r[7]), r[8], deadline,
                )
            )
        return out

    def wechat_counts(self) -> dict[Eligibility, int]:
        """Stores per WeChat Pay eligibility (stores without a row count as not invited)."""
        counts = {e: 0 for e in Eligibility}
        for value, n in self.conn.execute(
            """SELECT COALESCE(w.eligibility, 'not_invited'), count(*) FROM stores s
               LEFT JOIN methods w ON w.store_id = s.id AND w.method = 'wechat_pay'
               GROUP BY 1"""
        ):
            if value in _ELIGIBILITIES:
                counts[_ELIGIBILITIES[value]] += n
        return counts

    # -- reads: outbox and audit -----------------------------------------------------------------
    _OUTBOX_COLUMNS = """o.id, o.seq, o.kind, o.store_id, o.method, o.announcement_id, o.payload, o.status,
                         o.created_at, o.attempts, o.last_error, o.refused_code, o.refused_message, s.name"""

    @staticmethod
    def _outbox_row(r: Sequence[Any]) -> OutboxRow:
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

    def outbox_row(self, outbox_id: str) -> OutboxRow | None:
        row = self.conn.execute(
            f"""SELECT {self._OUTBOX_COLUMNS} FROM outbox o LEFT JOIN stores s ON s.id = o.store_id
                WHERE o.id = ?""",
            (outbox_id,),
        ).fetchone()
        return None if row is None else self._outbox_row(row)

    def outbox_rows(self, statuses: Sequence[str] = UNSETTLED) -> list[OutboxRow]:
        """Outbox rows in send order (seq) with the given statuses."""
        marks = ",".join("?" * len(statuses))
        rows = self.conn.execute(
            f"""SELECT {self._OUTBOX_COLUMNS} FROM outbox o LEFT JOIN stores s ON s.id = o.store_id
                WHERE o.status IN ({marks}) ORDER BY o.seq""",
            tuple(statuses),
        ).fetchall()
        return [self._outbox_row(r) for r in rows]

    def outbox_count(self, statuses: Sequence[str] = UNSETTLED) -> int:
        marks = ",".join("?" * len(statuses))
        sql = f"SELECT count(*) FROM outbox WHERE status IN ({marks})"
        return int(self.conn.execute(sql, tuple(statuses)).fetchone()[0])

    def audit_rows(
        self,
        *,
        store_id: str | None = None,
        method: Method | None = None,
        result: str | None = None,
        limit: int = 1000,
    ) -> list[tuple[int, datetime, str, str, str | None, str | None, str, dict[str, Any]]]:
        """Audit rows, newest first: (id, at, actor, action, store_id, method, result, detail)."""
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
            for r in self.conn.execute(sql, params)
        ]

    # -- writes (inside transaction()) -----------------------------------------------------------
    def add_audit(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        result: str,
        store_id: str | None = None,
        method: Method | str | None = None,
        outbox_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """One audit row; joins the caller's transaction so the record and the change are one."""
        self.conn.execute(
            """INSERT INTO audit (at, actor, action, store_id, method, outbox_id, result, detail)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                format_ts(at),
                actor,
                action,
                store_id,
                None if method is None else str(method),
                outbox_id,
                result,
                json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
            ),
        )

    def _next_seq(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox").fetchone()[0])

    def _insert_outbox(
        self,
        *,
        kind: str,
        payload: dict[str, Any],
        now: datetime,
        store_id: str | None = None,
        method: Method | None = None,
        announcement_id: str | None = None,
    ) -> str:
        outbox_id = uuid.uuid4().hex  # doubles as the Idempotency-Key
        self.conn.execute(
            """INSERT INTO outbox
                   (id, seq, kind, store_id, method, announcement_id, payload, status, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?)""",
            (
                outbox_id,
                self._next_seq(),
                kind,
                store_id,
                None if method is None else method.value,
                announcement_id,
                wire_body(payload),
                format_ts(now),
            ),
        )
        return outbox_id

    def write_method_wish(self, store_id: str, method: Method, enabled: bool, now: datetime) -> WishWrite:
        """Record the merchant's wish: methods.wanted, the outbox row and the audit row.

        Coalescing: the newest row of this store and method that is still queued and was never
        attempted carries the new value instead of a second row. A row already attempted may
        have reached the platform under its idempotency key, so it is never changed: a new row
        follows it. A wish equal to the confirmed value with nothing else unsettled deletes the
        unsent row and clears ``wanted``: a net no-op, and the audit row says "cancelled".
        The caller checked the rules (console.core.rules.can_set_method) in the same transaction.
        """
        self._require_transaction()
        before = self.method(store_id, method)
        if before is None:
            raise KeyError(f"{store_id}:{method.value}")
        rows = self.conn.execute(
            """SELECT id, status, attempts FROM outbox
               WHERE store_id = ? AND method = ? AND kind = 'set_method' AND status IN ('queued', 'in_flight')
               ORDER BY seq""",
            (store_id, method.value),
        ).fetchall()
        last = rows[-1] if rows else None
        coalescable = last[0] if last is not None and last[1] == "queued" and last[2] == 0 else None
        others_unsettled = len(rows) - (1 if coalescable else 0) > 0
        outbox_id: str | None
        if not others_unsettled and enabled == before.enabled:
            outcome, outbox_id, wanted = "cancelled", coalescable, None
            if coalescable is not None:
                self.conn.execute("DELETE FROM outbox WHERE id = ?", (coalescable,))
        elif coalescable is not None:
            outcome, outbox_id, wanted = "coalesced", coalescable, enabled
            self.conn.execute(
                "UPDATE outbox SET payload = ?, created_at = ? WHERE id = ?",
                (wire_body({"enabled": enabled}), format_ts(now), coalescable),
            )
        else:
            outcome, wanted = "queued", enabled
            outbox_id = self._insert_outbox(
                kind="set_method", payload={"enabled": enabled}, now=now, store_id=store_id, method=method
            )
        self.conn.execute(
            """UPDATE methods SET wanted = ?, refused_code = NULL, refused_message = NULL
               WHERE store_id = ? AND method = ?""",
            (None if wanted is None else int(wanted), store_id, method.value),
        )
        self.add_audit(
            at=now,
            actor="merchant",
            action="set_method",
            result=outcome,
            store_id=store_id,
            method=method,
            outbox_id=outbox_id,
            detail={"enabled": enabled, "previous_setting": before.setting, "confirmed": before.enabled},
        )
        after = self.method(store_id, method)
        assert after is not None
        return WishWrite(outcome=outcome, outbox_id=outbox_id, state=after)

    def write_feedback(self, announcement_id: str, text: str, now: datetime) -> tuple[str, str]:
        """Store feedback as pending and queue it; returns (feedback_id, outbox_id)."""
        self._require_transaction()
        outbox_id = self._insert_outbox(
            kind="send_feedback", payload={"text": text}, now=now, announcement_id=announcement_id
        )
        feedback_id = uuid.uuid4().hex
        self.conn.execute(
            """INSERT INTO feedback (id, announcement_id, text, created_at, sync_state, outbox_id)
               VALUES (?, ?, ?, ?, 'pending', ?)""",
            (feedback_id, announcement_id, text, format_ts(now), outbox_id),
        )
        self.add_audit(
            at=now,
            actor="merchant",
            action="send_feedback",
            result="queued",
            outbox_id=outbox_id,
            detail={"announcement_id": announcement_id, "feedback_id": feedback_id, "chars": len(text)},
        )
        return feedback_id, outbox_id

    def requeue_feedback(self, old_outbox_id: str, now: datetime) -> str:
        """Send refused feedback again under a new idempotency key (the old key replays the refusal)."""
        self._require_transaction()
        old = self.outbox_row(old_outbox_id)
        if old is None or old.kind != "send_feedback":
            raise KeyError(old_outbox_id)
        self._close_outbox(old_outbox_id, now)
        new_id = self._insert_outbox(
            kind="send_feedback", payload=old.payload, now=now, announcement_id=old.announcement_id
        )
        self.conn.execute(
            "UPDATE feedback SET outbox_id = ?, sync_state = 'pending' WHERE outbox_id = ?",
            (new_id, old_outbox_id),
        )
        self.add_audit(
            at=now,
            actor="merchant",
            action="retry",
            result="queued",
            outbox_id=new_id,
            detail={
                "kind": "send_feedback",
                "replaces": old_outbox_id,
                "announcement_id": old.announcement_id,
            },
        )
        return new_id

    def _close_outbox(self, outbox_id: str, now: datetime) -> None:
        self.conn.execute(
            "UPDATE outbox SET status = 'discarded', finished_at = ? WHERE id = ?",
            (format_ts(now), outbox_id),
        )

    def discard(self, outbox_id: str, now: datetime, *, action: str = "discard") -> OutboxRow:
        """Drop a queued or refused change and put back what the platform has.

        For a method: ``wanted`` becomes the wish of the newest row still on its way (queued or
        in flight) or NULL, and the refusal is cleared. For feedback: the unsent text is removed
        (the audit row keeps it). ``action`` names the audit row ("retry" marks the row a retry
        replaced). Raises KeyError (no such row) or OutboxStateError (in flight, done ...).
        """
        self._require_transaction()
        row = self.outbox_row(outbox_id)
        if row is None:
            raise KeyError(outbox_id)
        if row.status not in ("queued", "refused"):
            raise OutboxStateError(outbox_id, row.status, "discard")
        self._close_outbox(outbox_id, now)
        if row.kind == "set_method" and row.store_id and row.method:
            latest = self.conn.execute(
                """SELECT payload FROM outbox WHERE store_id = ? AND method = ? AND kind = 'set_method'
                   AND status IN ('queued', 'in_flight') ORDER BY seq DESC LIMIT 1""",
                (row.store_id, row.method.value),
            ).fetchone()
            wanted = None if latest is None else bool(json.loads(latest[0])["enabled"])
            self.conn.execute(
                """UPDATE methods SET wanted = ?, refused_code = NULL, refused_message = NULL
                   WHERE store_id = ? AND method = ?""",
                (None if wanted is None else int(wanted), row.store_id, row.method.value),
            )
        elif row.kind == "send_feedback":
            self.conn.execute("DELETE FROM feedback WHERE outbox_id = ?", (outbox_id,))
        self.add_audit(
            at=now,
            actor="merchant",
            action=action,
            result="discarded",
            store_id=row.store_id,
            method=row.method,
            outbox_id=outbox_id,
            detail={"kind": row.kind, "payload": row.payload, "was": row.status},
        )
        return row

    def mark_read(self, announcement_id: str, read: bool = True) -> bool:
        """Returns False when there is no such announcement."""
        cur = self.conn.execute(
            "UPDATE announcements SET read = ? WHERE id = ?", (int(read), announcement_id)
        )
        return cur.rowcount > 0


def wire_body(payload: dict[str, Any]) -> str:
    """The JSON text stored in the outbox and sent as the request body byte for byte.

    One spelling for every row so the same change always gives the same body (an idempotency key
    replayed with a different body is refused by the platform).
    """
    return json.dumps(payload, ensure_ascii=False)

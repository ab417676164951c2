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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
from console.core.timeutil import parse_ts
from console.storage import audit, meta, outbox
from console.storage.db import write_transaction
from console.storage.outbox import UNSETTLED, OutboxRow, OutboxStateError, wire_body
from console.storage.stores_list import StoreListRow, StoresList

__all__ = [
    "UNSETTLED",
    "NotInTransaction",
    "OutboxRow",
    "OutboxStateError",
    "Repository",
    "StoreListRow",
    "WishWrite",
    "wire_body",
]


_PLATFORMS = {p.value: p for p in Platform}
_ELIGIBILITIES = {e.value: e for e in Eligibility}


class NotInTransaction(RuntimeError):
    """A write method was called outside ``Repository.transaction()``."""


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


def _ts(value: str | None) -> datetime | None:
    return parse_ts(value) if value else None


def _localized(zh: str | None, en: str | None) -> LocalizedText | None:
    if not zh and not en:
        return None
    return LocalizedText(zh=zh or "", en=en or "")


class Repository(StoresList):
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

    # -- meta (console.storage.meta owns the table) ---------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return meta.get(self.conn, key, default)

    def set_meta(self, key: str, value: str) -> None:
        """One statement: atomic on its own, and joins a surrounding transaction if there is one."""
        meta.put(self.conn, key, value)

    def delete_meta(self, key: str) -> None:
        meta.delete(self.conn, key)

    def install_id(self) -> str:
        """A random id for this installation, made on first use and kept (it names the device)."""
        return meta.install_id(self.conn)

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

    # -- reads: outbox (console.storage.outbox) and audit (console.storage.audit) -------------------
    def outbox_row(self, outbox_id: str) -> OutboxRow | None:
        return outbox.get(self.conn, outbox_id)

    def outbox_rows(self, statuses: Sequence[str] = UNSETTLED) -> list[OutboxRow]:
        """Outbox rows in send order (seq) with the given statuses."""
        return outbox.rows(self.conn, statuses)

    def outbox_count(self, statuses: Sequence[str] = UNSETTLED) -> int:
        return outbox.count(self.conn, statuses)

    def outbox_statuses(self, outbox_ids: Sequence[str]) -> dict[str, str]:
        """id -> status of the given outbox rows (unknown ids left out)."""
        return outbox.statuses(self.conn, outbox_ids)

    def audit_rows(
        self,
        *,
        store_id: str | None = None,
        method: Method | None = None,
        result: str | None = None,
        limit: int = 1000,
    ) -> list[audit.AuditRow]:
        """Audit rows, newest first: (id, at, actor, action, store_id, method, result, detail)."""
        return audit.rows(self.conn, store_id=store_id, method=method, result=result, limit=limit)

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
        audit.record(
            self.conn,
            at=at,
            actor=actor,
            action=action,
            result=result,
            store_id=store_id,
            method=method,
            outbox_id=outbox_id,
            detail=detail,
        )

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
        outcome, outbox_id = outbox.write_wish(
            self.conn, store_id, method, enabled, confirmed=before.enabled, now=now
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
        feedback_id, outbox_id = outbox.write_feedback(self.conn, announcement_id, text, now)
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
        new_id = outbox.requeue_feedback(self.conn, old, now)
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

    def discard(self, outbox_id: str, now: datetime, *, action: str = "discard") -> OutboxRow:
        """Drop a queued or refused change and put back what the platform has.

        For a method: ``wanted`` becomes the wish of the newest row still on its way (queued or
        in flight) or NULL, and the refusal is cleared. For feedback: the unsent text is removed
        (the audit row keeps it). ``action`` names the audit row ("retry" marks the row a retry
        replaced). Raises KeyError (no such row) or OutboxStateError (in flight, done ...).
        """
        self._require_transaction()
        row = outbox.discard(self.conn, outbox_id, now)
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


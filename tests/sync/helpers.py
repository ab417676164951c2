"""Helpers for sync tests: queue merchant changes, compare local and platform state."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlite_utils

from console.core.model import Method
from console.core.timeutil import format_ts, parse_ts, utcnow
from console.service import ConsoleService
from console.storage.db import write_transaction

# Positions in the stub's ten-store pattern of generated merchants (see the stub's seed).
INVITED, INVITED_2, LIVE, LIVE_2, REJECTED, IN_REVIEW, NOT_INVITED, APPROVED, FROZEN, NO_PHASE = range(10)
OPEN_ANNOUNCEMENT = "a-wechat-rules"  # opinion period open at seed time
CLOSED_ANNOUNCEMENT = "a-qr-interop"  # opinion period already closed


def store_ids(db: sqlite_utils.Database) -> list[str]:
    """Store ids in the stub's creation order (numeric part of the id)."""
    return sorted((r[0] for r in db.execute("SELECT id FROM stores")), key=lambda s: int(s.split("-")[1]))


class LocalRefusal(AssertionError):
    """The service's rules refused the change before anything was queued."""


def queue_set_method(
    db: sqlite_utils.Database,
    store_id: str,
    method: str,
    enabled: bool,
    clock: Callable[[], datetime] = utcnow,
    *,
    raw: bool = False,
) -> str | None:
    """The merchant's change through the real path (ConsoleService.set_method: rules, then wish +
    outbox + audit in one transaction). Returns the outbox id (None when the change cancelled an
    unsent one). ``raw=True`` writes the rows directly, skipping the local rules and coalescing:
    for wishes made on stale local state (another install, rules that changed meanwhile) and for
    several rows of one method in a row."""
    if not raw:
        result = ConsoleService(db, clock=clock).set_method(store_id, Method(method), enabled)
        if not result.applied:
            raise LocalRefusal(str(result.reason))
        return result.outbox_id
    oid = str(uuid.uuid4())
    at = format_ts(clock())
    with write_transaction(db):
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox").fetchone()[0]
        db.conn.execute(
            "INSERT INTO outbox (id, seq, kind, store_id, method, payload, created_at) "
            "VALUES (?, ?, 'set_method', ?, ?, ?, ?)",
            [oid, seq, store_id, method, json.dumps({"enabled": enabled}), at],
        )
        db.conn.execute(
            "UPDATE methods SET wanted = ?, refused_code = NULL, refused_message = NULL "
            "WHERE store_id = ? AND method = ?",
            [int(enabled), store_id, method],
        )
        db.conn.execute(
            "INSERT INTO audit (at, actor, action, store_id, method, outbox_id, result) "
            "VALUES (?, 'merchant', 'set_method', ?, ?, ?, 'queued')",
            [at, store_id, method, oid],
        )
    return oid


def queue_feedback(
    db: sqlite_utils.Database,
    announcement_id: str,
    text: str,
    clock: Callable[[], datetime] = utcnow,
    *,
    raw: bool = False,
) -> str:
    """Feedback through ConsoleService.send_feedback; ``raw=True`` skips the opinion-period check."""
    if not raw:
        result = ConsoleService(db, clock=clock).send_feedback(announcement_id, text)
        if not result.applied or result.outbox_id is None:
            raise LocalRefusal(str(result.reason))
        return result.outbox_id
    oid = str(uuid.uuid4())
    at = format_ts(clock())
    with write_transaction(db):
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox").fetchone()[0]
        db.conn.execute(
            "INSERT INTO outbox (id, seq, kind, announcement_id, payload, created_at) "
            "VALUES (?, ?, 'send_feedback', ?, ?, ?)",
            [oid, seq, announcement_id, json.dumps({"text": text}, ensure_ascii=False), at],
        )
        db.conn.execute(
            "INSERT INTO feedback (id, announcement_id, text, created_at, sync_state, outbox_id) "
            "VALUES (?, ?, ?, ?, 'pending', ?)",
            [oid, announcement_id, text, at, oid],
        )
    return oid


def _ts(value: Any) -> Any:
    return format_ts(parse_ts(value)) if isinstance(value, str) else value


def _pair(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    return (value.get("zh") or "", value.get("en") or "")


def normalise_server(entities: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """The platform's entities in one comparable form (same as ``local_state``)."""
    out: dict[str, dict[str, Any]] = {
        k: {}
        for k in ("merchant", "store", "method", "invitation", "method_terms", "announcement", "feedback")
    }
    for mid, m in entities.get("merchant", {}).items():
        out["merchant"][mid] = (m["name"],)
    for sid, s in entities.get("store", {}).items():
        out["store"][sid] = (
            s["platform"],
            s["name"],
            s.get("category") or "",
            s["status"],
            s.get("receive_code") or "",
        )
    for _key, m in entities.get("method", {}).items():
        out["method"][f"{m['store_id']}:{m['method']}"] = (
            m["eligibility"],
            bool(m["enabled"]),
            m.get("reason_code"),
            _pair(m.get("reason_text")),
            _ts(m.get("launch_at")),
            _ts(m.get("updated_at")),
        )
    for sid, i in entities.get("invitation", {}).items():
        out["invitation"][sid] = (
            i["phase"],
            _ts(i["window_opens_at"]),
            _ts(i["deadline_at"]),
            _ts(i.get("launch_at")),
            tuple(
                (_ts(h["at"]), h.get("from"), h["to"], h.get("note") or "") for h in i.get("history") or []
            ),
        )
    for _key, t in entities.get("method_terms", {}).items():
        out["method_terms"][f"{t['platform']}:{t['method']}"] = (
            t["fee_bps"],
            t.get("max_amount_fen"),
            tuple(t["devices"]),
            t["display_order"],
        )
    for aid, a in entities.get("announcement", {}).items():
        affects = a.get("affects") or {}
        out["announcement"][aid] = (
            _pair(a.get("title")) or ("", ""),
            _pair(a.get("body")) or ("", ""),
            _ts(a["published_at"]),
            _ts(a["opinion_opens_at"]),
            _ts(a["opinion_closes_at"]),
            _ts(a["effective_at"]),
            tuple(affects.get("platforms") or ()),
            tuple(affects.get("methods") or ()),
        )
    for fid, f in entities.get("feedback", {}).items():
        out["feedback"][fid] = (f["announcement_id"], f["text"], _ts(f["created_at"]))
    return out


def local_state(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    out["merchant"] = {r["id"]: (r["name"],) for r in db.query("SELECT * FROM merchant")}
    out["store"] = {
        r["id"]: (r["platform"], r["name"], r["category"], r["status"], r["receive_code"])
        for r in db.query("SELECT * FROM stores")
    }
    out["method"] = {
        f"{r['store_id']}:{r['method']}": (
            r["eligibility"],
            bool(r["enabled"]),
            r["reason_code"],
            None
            if r["reason_zh"] is None and r["reason_en"] is None
            else (r["reason_zh"] or "", r["reason_en"] or ""),
            _ts(r["launch_at"]),
            _ts(r["updated_at"]),
        )
        for r in db.query("SELECT * FROM methods")
    }
    events: dict[str, list[tuple[Any, ...]]] = {}
    for e in db.query("SELECT * FROM invitation_events ORDER BY id"):
        events.setdefault(e["store_id"], []).append((_ts(e["at"]), e["from_state"], e["to_state"], e["note"]))
    out["invitation"] = {
        r["store_id"]: (
            r["phase"],
            _ts(r["window_opens_at"]),
            _ts(r["deadline_at"]),
            _ts(r["launch_at"]),
            tuple(events.get(r["store_id"], ())),
        )
        for r in db.query("SELECT * FROM invitations")
    }
    out["method_terms"] = {
        f"{r['platform']}:{r['method']}": (
            r["fee_bps"],
            r["max_amount_fen"],
            tuple(json.loads(r["devices"])),
            r["display_order"],
        )
        for r in db.query("SELECT * FROM method_terms")
    }
    out["announcement"] = {
        r["id"]: (
            (r["title_zh"], r["title_en"]),
            (r["body_zh"], r["body_en"]),
            _ts(r["published_at"]),
            _ts(r["opinion_opens_at"]),
            _ts(r["opinion_closes_at"]),
            _ts(r["effective_at"]),
            tuple(json.loads(r["affects_platforms"])),
            tuple(json.loads(r["affects_methods"])),
        )
        for r in db.query("SELECT * FROM announcements")
    }
    out["feedback"] = {
        r["id"]: (r["announcement_id"], r["text"], _ts(r["created_at"]))
        for r in db.query("SELECT * FROM feedback WHERE sync_state = 'confirmed'")
    }
    return out


def diff_states(local: dict[str, dict[str, Any]], server: dict[str, dict[str, Any]]) -> list[str]:
    """Human-readable differences (empty when equal)."""
    problems: list[str] = []
    for kind in sorted(set(local) | set(server)):
        a, b = local.get(kind, {}), server.get(kind, {})
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                problems.append(f"{kind} {key}: local={a.get(key)!r} server={b.get(key)!r}")
    return problems


def assert_in_sync(db: sqlite_utils.Database, server_entities: dict[str, Any]) -> None:
    problems = diff_states(local_state(db), normalise_server(server_entities))
    assert not problems, "local != platform:\n" + "\n".join(problems[:20])
    waiting = db.execute("SELECT count(*) FROM methods WHERE wanted IS NOT NULL").fetchone()[0]
    assert (
        waiting == 0
        or db.execute("SELECT count(*) FROM outbox WHERE status IN ('queued', 'in_flight')").fetchone()[0] > 0
    )


def outbox_statuses(db: sqlite_utils.Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT id, status FROM outbox")}

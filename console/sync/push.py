"""Push: send the outbox to the platform, in order, each row exactly once.

Why each step is where it is:

* Rows are claimed (queued → in_flight) in a committed transaction *before* their requests, a
  batch at a time (``console.storage.outbox.claim``, which owns the state machine): a row another
  engine claimed first is left alone, so a row is never in flight twice. Claimed rows this pass
  does not send go back to queued before it ends.
* The platform's answer, the local state, the outbox status and the audit row are written in one
  transaction: a crash before it leaves the row in_flight, the next pass puts it back to queued
  and sends it again with the same Idempotency-Key, and the platform replays its first answer
  instead of applying it twice.
* Rows are ordered per lane (a store, or an announcement for feedback): a lane whose earlier
  row is still waiting blocks its later rows, so "on then off" never arrives as "off then on";
  other lanes go ahead.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from console.core.timeutil import parse_ts
from console.platform.client import PlatformClient
from console.platform.errors import (
    AuthError,
    BadResponse,
    InProgress,
    NotFound,
    PlatformError,
    PlatformOffline,
    RateLimited,
    RefusedByRule,
    ServerError,
)
from console.storage import outbox
from console.storage.db import relaxed_durability, write_transaction
from console.sync.apply import apply_invitation_entity, apply_method_entity
from console.sync.backoff import Uniform, backoff_delay
from console.sync.report import ErrorKind, News

log = logging.getLogger(__name__)

#: Errors after which nothing else is sent this pass: the platform is away or does not trust us.
_STOP_PASS = (PlatformOffline, RateLimited, AuthError, BadResponse)
#: Rows claimed together in one durable commit before they are sent one by one.
CLAIM_BATCH = 32


@dataclass
class PushOutcome:
    pushed: int = 0
    refused: int = 0
    online: bool = False
    error: ErrorKind | None = None
    error_detail: str | None = None
    retry_after: float | None = None
    news: list[News] = field(default_factory=list)


def error_kind(exc: PlatformError) -> ErrorKind:
    if isinstance(exc, PlatformOffline):
        return "offline"
    if isinstance(exc, AuthError):
        return "auth"
    if isinstance(exc, RateLimited):
        return "rate_limited"
    if isinstance(exc, ServerError | InProgress):
        return "server"
    return "bad_response"


def describe(exc: PlatformError) -> str:
    """English one-liner for logs and outbox.last_error (no secrets: messages never hold any)."""
    code = f" {exc.code}" if exc.code else ""
    return f"{type(exc).__name__}{code}: {exc.message}"[:500]


def _lane(row: dict[str, Any]) -> str:
    if row["kind"] == "set_method":
        return f"store:{row['store_id']}"
    return f"announcement:{row['announcement_id']}"


def _wish(row: dict[str, Any]) -> dict[str, Any]:
    """What a set_method row asked for, for the audit: the method and ``enabled`` (when readable).

    Why in the audit: the activity page tells "turn on WeChat Pay — refused" from "turn off", and
    support reads the history long after the outbox row's payload is gone from view.
    """
    if row["kind"] != "set_method":
        return {}
    wish: dict[str, Any] = {"method": row["method"]}
    try:
        payload = json.loads(row["payload"])
    except (TypeError, ValueError):
        return wish
    if isinstance(payload, dict) and isinstance(payload.get("enabled"), bool):
        wish["enabled"] = payload["enabled"]
    return wish


class Pusher:
    """One push pass. ``clock`` stamps the local rows, ``rng`` jitters the backoff."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        client: PlatformClient,
        *,
        clock: Callable[[], datetime],
        rng: Uniform,
        respect_backoff: bool = True,
    ) -> None:
        self.db, self.client, self.clock, self.rng = db, client, clock, rng
        self.respect_backoff = respect_backoff

    def run(self) -> PushOutcome:
        out = PushOutcome()
        rows = outbox.waiting_raw(self.db.conn)
        blocked: set[str] = set()
        position = 0
        while position < len(rows):
            batch, position = self._next_batch(rows, position, blocked)
            if batch and self._send_batch(batch, blocked, out):
                break  # the platform is away or does not trust us: stop this pass
        return out

    def _next_batch(
        self, rows: list[dict[str, Any]], position: int, blocked: set[str]
    ) -> tuple[list[dict[str, Any]], int]:
        """Up to CLAIM_BATCH rows to send next, in order, skipping lanes already blocked."""
        batch: list[dict[str, Any]] = []
        while position < len(rows) and len(batch) < CLAIM_BATCH:
            row = rows[position]
            position += 1
            lane = _lane(row)
            if lane in blocked:
                continue
            now = self.clock()
            if row["status"] != "queued" or (
                self.respect_backoff and row["next_attempt_at"] and parse_ts(row["next_attempt_at"]) > now
            ):
                blocked.add(lane)  # an earlier change of this lane is in flight or waiting
                continue
            batch.append(row)
        return batch, position

    def _send_batch(self, batch: list[dict[str, Any]], blocked: set[str], out: PushOutcome) -> bool:
        """Claim the batch in one durable commit, then send row by row; True: stop the pass.

        Rows claimed but not sent (their lane blocked by an earlier failure in the batch, or the
        pass stopped) go back to queued with their attempt uncounted: they never left this
        process, so the merchant's next wish may still be merged into them.
        """
        claimed = self._claim_many([r["id"] for r in batch])
        touched: set[str] = set()  # rows whose request may have left this process
        stop = False
        try:
            for original in batch:
                lane = _lane(original)
                row = claimed.get(original["id"])
                if row is None:
                    blocked.add(lane)  # another engine took it (or the merchant discarded it)
                    continue
                if lane in blocked:
                    continue
                touched.add(row["id"])
                try:
                    self._send(row, out)
                except PlatformError as exc:
                    self._failed(row, exc, out)
                    if isinstance(exc, _STOP_PASS) or (isinstance(exc, ServerError) and exc.status == 503):
                        stop = True
                        break
                    blocked.add(lane)
        finally:
            # A bug or an interrupt also lands here: leave nothing in flight that this process owns.
            self._release_many([i for i in claimed if i not in touched], uncount=True)
            self._release_many([i for i in claimed if i in touched], uncount=False)
        return stop

    # -- steps ----------------------------------------------------------------------------
    def _claim_many(self, outbox_ids: list[str]) -> dict[str, dict[str, Any]]:
        """queued -> in_flight for a batch, in one committed (durable) transaction before any
        request; returns the rows still queued, as they are now (an unsent row may have been
        merged with a newer wish, so the payload sent is the one read here).
        ``attempts`` counts up here, before the request: from now on a row may reach the
        platform under its key, so the merchant's next wish must not rewrite it (the repository
        merges only rows with no attempt) but follow it as a new row. One commit per batch,
        not per row: the claim's fsync was the largest cost of a push."""
        return outbox.claim(self.db.conn, outbox_ids)

    def _release_many(self, outbox_ids: list[str], *, uncount: bool) -> None:
        """in_flight -> queued for rows this pass claimed and did not settle. ``uncount``: the
        request never left this process, so the claim's attempt is taken back."""
        outbox.release(self.db.conn, outbox_ids, uncount=uncount)

    def _send(self, row: dict[str, Any], out: PushOutcome) -> None:
        body = row["payload"].encode("utf-8")
        try:
            payload = json.loads(row["payload"])
        except ValueError:
            payload = None
        if row["kind"] == "set_method":
            if not isinstance(payload, dict) or not isinstance(payload.get("enabled"), bool):
                self._refuse_locally(row, "INVALID_PAYLOAD", "the stored change cannot be read", out)
                return
            try:
                result = self.client.set_method(
                    row["store_id"], row["method"], payload["enabled"], row["id"], body=body
                )
            except (RefusedByRule, NotFound) as exc:
                out.online = True
                self._method_refused(row, exc, out)
                return
            out.online = True
            self._method_done(row, payload["enabled"], result.method, result.invitation, result.replayed)
            out.pushed += 1
        else:
            if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                self._refuse_locally(row, "INVALID_PAYLOAD", "the stored feedback cannot be read", out)
                return
            try:
                fb = self.client.send_feedback(row["announcement_id"], payload["text"], row["id"], body=body)
            except (RefusedByRule, NotFound) as exc:
                out.online = True
                self._feedback_refused(row, exc, out)
                return
            out.online = True
            self._feedback_done(row, fb.feedback, fb.replayed)
            out.pushed += 1

    def _method_done(
        self,
        row: dict[str, Any],
        enabled: bool,
        method: dict[str, Any],
        invitation: dict[str, Any] | None,
        replayed: bool,
    ) -> None:
        at = self.clock()
        # the platform replays this answer for the same key: losing this commit costs a resend
        with relaxed_durability(self.db), write_transaction(self.db):
            if (method["store_id"], method["method"]) != (row["store_id"], row["method"]):
                raise BadResponse("the platform answered about another store or method")
            apply_method_entity(self.db, method)
            if invitation is not None:
                apply_invitation_entity(self.db, invitation)
            outbox.finish(self.db.conn, row, at)
            outbox.record_sync(
                self.db.conn,
                row,
                at,
                "ok",
                {
                    "method": row["method"],
                    "enabled": enabled,
                    "eligibility": method["eligibility"],
                    "platform_enabled": method["enabled"],
                    "replayed": replayed,
                },
            )

    def _method_refused(self, row: dict[str, Any], exc: RefusedByRule | NotFound, out: PushOutcome) -> None:
        code = exc.code or "PLATFORM_REFUSED"
        at = self.clock()
        platform_state = exc.method if isinstance(exc, RefusedByRule) else None
        with write_transaction(self.db):
            if platform_state is not None:
                try:
                    if (platform_state.get("store_id"), platform_state.get("method")) == (
                        row["store_id"],
                        row["method"],
                    ):
                        apply_method_entity(self.db, platform_state)
                except BadResponse:
                    log.warning("refusal carried an unusable method state; keeping ours")
            outbox.refuse(self.db.conn, row, at, code=code, message=exc.message)
            outbox.record_sync(
                self.db.conn, row, at, "refused", {"code": code, "message": exc.message, **_wish(row)}
            )
        out.refused += 1
        out.news.append(
            News(
                "refused",
                row["store_id"],
                {
                    "outbox_id": row["id"],
                    "kind": row["kind"],
                    "method": row["method"],
                    "code": code,
                    "message": exc.message,
                },
            )
        )

    def _feedback_done(self, row: dict[str, Any], feedback: dict[str, Any], replayed: bool) -> None:
        at = self.clock()
        with relaxed_durability(self.db), write_transaction(self.db):  # replayable, as above
            platform_id = outbox.confirm_feedback(self.db.conn, row, feedback, at)
            outbox.finish(self.db.conn, row, at)
            detail = {"feedback_id": platform_id, "replayed": replayed}
            outbox.record_sync(self.db.conn, row, at, "ok", detail)

    def _feedback_refused(self, row: dict[str, Any], exc: RefusedByRule | NotFound, out: PushOutcome) -> None:
        code = exc.code or "PLATFORM_REFUSED"
        at = self.clock()
        with write_transaction(self.db):
            outbox.refuse(self.db.conn, row, at, code=code, message=exc.message)
            outbox.record_sync(self.db.conn, row, at, "refused", {"code": code, "message": exc.message})
        out.refused += 1
        out.news.append(
            News(
                "refused",
                None,
                {
                    "outbox_id": row["id"],
                    "kind": row["kind"],
                    "announcement_id": row["announcement_id"],
                    "code": code,
                    "message": exc.message,
                },
            )
        )

    def _refuse_locally(self, row: dict[str, Any], code: str, message: str, out: PushOutcome) -> None:
        """A row we cannot even send (corrupt payload): refused, never retried, kept for support."""
        at = self.clock()
        with write_transaction(self.db):
            outbox.refuse(self.db.conn, row, at, code=code, message=message)
            detail = {"code": code, "message": message, **_wish(row)}
            outbox.record_sync(self.db.conn, row, at, "refused", detail)
        out.refused += 1
        out.news.append(
            News(
                "refused",
                row["store_id"],
                {
                    "outbox_id": row["id"],
                    "kind": row["kind"],
                    "method": row["method"],
                    "code": code,
                    "message": message,
                },
            )
        )

    def _failed(self, row: dict[str, Any], exc: PlatformError, out: PushOutcome) -> None:
        """Back to queued. Transient errors wait (backoff, Retry-After); auth and bad answers
        wait for the next pass without a delay of their own: the pass reports them."""
        kind = error_kind(exc)
        if not isinstance(exc, PlatformOffline):
            out.online = True
        if out.error is None or kind != "server":
            out.error, out.error_detail = kind, describe(exc)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            out.retry_after = max(out.retry_after or 0.0, retry_after)
        attempts = int(row["attempts"])  # counted at claim time
        next_at: datetime | None = None
        if isinstance(exc, PlatformOffline | ServerError | RateLimited | InProgress):
            delay = backoff_delay(attempts, self.rng, retry_after=retry_after)
            next_at = self.clock() + timedelta(seconds=delay)
        outbox.back_off(
            self.db.conn, row["id"], attempts=attempts, next_attempt_at=next_at, error=describe(exc)
        )
        log.info("outbox %s not sent: %s", row["id"], describe(exc))

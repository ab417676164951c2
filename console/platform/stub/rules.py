"""The platform's behaviour: method changes and their refusals, time-driven transitions, and
the admin operations tests use to steer it. Everything reads and writes through StateStore.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): the stub platform's whole
rule set over one state, kept together because the stub is deliberately self-contained.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from .clock import ServerClock, iso, parse_iso
from .entities import (
    REASONS,
    due_for,
    history_event,
    invitation_times,
    method_entity,
    reason_text,
)
from .errors import PlatformError, not_found, refusal
from .state import Entity, StateStore, Tx

DEFAULT_REVIEW_DELAY_S = 120
#: The last word of an upcoming event's id: ``phase-3-opens``, ``phase-2-deadline``, ``phase-1-launch``.
EVENT_WORD = {"phase_opens": "opens", "deadline_passes": "deadline", "launch": "launch"}


class FeeSchedule(Protocol):
    """The fee rates in force by date (the sales simulation's table, ``payments.Sales``)."""

    def fee_bps(self, platform: str, method: str, at: float) -> int: ...

    def add_fee_change(self, platform: str, method: str, fee_bps: int, effective_at: float) -> Any: ...


class Platform:
    """The stub platform's rules over one state store and one server clock.

    ``fees`` (set by the sales simulation when it starts) is where announced fee changes are
    scheduled; when the business clock reaches one, the published method terms change too."""

    def __init__(
        self, store: StateStore, clock: ServerClock, review_delay_s: int = DEFAULT_REVIEW_DELAY_S
    ) -> None:
        self.store = store
        self.clock = clock
        self.review_delay_s = review_delay_s
        self.fees: FeeSchedule | None = None
        # per terms: (fee_bps, merchants) last made sure of, so an unchanged fee costs one lookup
        self._terms_fee: dict[tuple[str, str], tuple[int, int]] = {}

    # -- reads ------------------------------------------------------------------------------

    def merchant(self, merchant_id: str) -> dict[str, Any]:
        entity = self.store.get(merchant_id, "merchant", merchant_id)
        if entity is None:
            raise not_found("Unknown merchant.")
        return entity.data

    def store_view(self, merchant_id: str, store_id: str) -> dict[str, Any]:
        store = self.store.get(merchant_id, "store", store_id)
        if store is None:
            raise not_found(f"No store {store_id}.")
        methods = [e.data for e in self.store.list_kind(merchant_id, "method", prefix=f"{store_id}:")]
        invitation = self.store.get(merchant_id, "invitation", store_id)
        return {
            "store": store.data,
            "methods": methods,
            "invitation": invitation.data if invitation else None,
        }

    def changes_json(self, merchant_id: str, since: int, limit: int) -> bytes:
        """A feed page, assembled from the stored JSON without re-encoding any entity."""
        rows = self.store.changes(merchant_id, since, limit + 1)
        has_more = len(rows) > limit
        rows = rows[:limit]
        parts = [
            f'{{"version":{v},"kind":"{k}","id":{json.dumps(i, ensure_ascii=False)},"data":{d}}}'
            for v, k, i, d in rows
        ]
        next_since = rows[-1][0] if rows else since
        text = (
            '{"changes":[' + ",".join(parts) + f'],"next_since":{next_since},'
            f'"has_more":{"true" if has_more else "false"},"server_time":"{iso(self.clock.now())}"}}'
        )
        return text.encode("utf-8")

    def state_dump(self, merchant_id: str) -> dict[str, Any]:
        if self.store.merchant(merchant_id) is None:
            raise not_found(f"No merchant {merchant_id}.")
        entities: dict[str, dict[str, Any]] = {}
        for kind, entity_id, data in self.store.all_entities(merchant_id):
            entities.setdefault(kind, {})[entity_id] = json.loads(data)
        return {
            "merchant_id": merchant_id,
            "version": self.store.merchant_version(merchant_id),
            "entities": entities,
        }

    # -- time-driven transitions ---------------------------------------------------------------

    def apply_due(self) -> int:
        """Apply every transition whose time has come on the business clock, in time order;
        returns how many. Events are taken one due time at a time, so a chain (a phase opens,
        then its deadline passes) lands in the change feed in the order it happened even when
        the clock jumped over all of it."""
        now = self.clock.now()
        applied = self._apply_fee_terms(now)
        while True:
            first = self.store.due(now, limit=1)
            if not first:
                return applied
            step = float(first[0].due_at or 0)
            while due := self.store.due(step):
                with self.store.tx() as tx:
                    for entity in due:
                        self._transition(tx, entity)
                        applied += 1

    def _apply_fee_terms(self, now: float) -> int:
        """Fee changes whose effective date has come: every merchant's ``method_terms`` entity
        carries the new fee (so the change feed brings it and checkout previews follow).
        Cheap when nothing changed: one lookup per terms entity, remembered between calls."""
        if self.fees is None:
            return 0
        from .entities import TERMS

        changed = 0
        merchants = self.store.merchant_ids()  # a merchant added later starts from the seed's terms
        for platform, method in TERMS:
            fee = self.fees.fee_bps(platform, method, now)
            if self._terms_fee.get((platform, method)) == (fee, len(merchants)):
                continue
            with self.store.tx() as tx:
                for merchant_id in merchants:
                    terms = self.store.get(merchant_id, "method_terms", f"{platform}:{method}")
                    if terms is not None and terms.data.get("fee_bps") != fee:
                        tx.put(merchant_id, "method_terms", terms.id, {**terms.data, "fee_bps": fee})
                        changed += 1
            self._terms_fee[(platform, method)] = (fee, len(merchants))
        return changed

    def _transition(self, tx: Tx, entity: Entity) -> None:
        method, extra = entity.data, dict(entity.extra)
        at = float(entity.due_at or 0)
        inv_entity = self.store.get(entity.merchant_id, "invitation", method["store_id"])
        if inv_entity is None or method["method"] != "wechat_pay":
            tx.put(entity.merchant_id, entity.kind, entity.id, method, extra or None, None)
            return
        invitation = inv_entity.data
        _, _, launch = invitation_times(invitation)
        eligibility = method["eligibility"]
        if eligibility == "not_invited":
            new = method_entity(method["store_id"], "wechat_pay", "invited", False, at)
            note = f"phase {invitation['phase']} opened"
        elif eligibility == "invited":
            new = method_entity(method["store_id"], "wechat_pay", "expired", False, at)
            note = "deadline passed without an application"
        elif eligibility == "in_review":
            outcome = extra.pop("review_outcome", "approve")
            extra.pop("review_due_at", None)
            new, note = self._review_result(method, outcome, extra.pop("reason_code", None), at, launch)
        elif eligibility == "approved":
            at = max(at, parse_iso(method["updated_at"]))  # never live before it was approved
            new = method_entity(
                method["store_id"], "wechat_pay", "live", method["enabled"], at, launch_at=launch
            )
            note = "launch date reached: live"
        else:
            tx.put(entity.merchant_id, entity.kind, entity.id, method, extra or None, None)
            return
        self._write_wechat(tx, entity.merchant_id, method, new, extra, inv_entity, note, at)

    def _review_result(
        self, method: dict[str, Any], outcome: str, reason_code: str | None, at: float, launch: float
    ) -> tuple[dict[str, Any], str]:
        store_id = method["store_id"]
        if outcome == "reject":
            code = reason_code or "RISK_REVIEW"
            return (
                method_entity(store_id, "wechat_pay", "rejected", False, at, reason_code=code),
                f"review rejected: {code}",
            )
        return (
            method_entity(store_id, "wechat_pay", "approved", method["enabled"], at, launch_at=launch),
            "review approved",
        )

    def _write_wechat(
        self,
        tx: Tx,
        merchant_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        extra: dict[str, Any],
        inv_entity: Entity | None,
        note: str,
        at: float,
    ) -> tuple[int, dict[str, Any] | None]:
        """Write a WeChat Pay method change and, when eligibility moved, its invitation history."""
        invitation = inv_entity.data if inv_entity else None
        if invitation is not None and old["eligibility"] != new["eligibility"]:
            invitation = dict(invitation)
            invitation["history"] = [
                *invitation["history"],
                history_event(at, old["eligibility"], new["eligibility"], note),
            ]
        version = tx.put(
            merchant_id,
            "method",
            f"{new['store_id']}:wechat_pay",
            new,
            extra or None,
            due_for(new, invitation, extra),
        )
        if invitation is not None and inv_entity is not None and invitation is not inv_entity.data:
            tx.put(merchant_id, "invitation", new["store_id"], invitation)
        return version, invitation

    # -- merchant writes -------------------------------------------------------------------------

    def set_method(self, merchant_id: str, store_id: str, method_name: str, enabled: bool) -> dict[str, Any]:
        """PUT /v1/stores/{id}/methods/{method}: the contract's rules, in the contract's words."""
        store = self.store.get(merchant_id, "store", store_id)
        if store is None:
            raise not_found(f"No store {store_id}.")
        current = self.store.get(merchant_id, "method", f"{store_id}:{method_name}")
        if current is None:
            raise not_found(f"No payment method {method_name} for store {store_id}.")
        inv_entity = self.store.get(merchant_id, "invitation", store_id)
        method = current.data
        eligibility = method["eligibility"]
        details = {"method": method}
        now = self.clock.now()

        if eligibility == "in_review" and enabled:
            raise refusal("REVIEW_PENDING", "WeChat Pay is already under review for this store.", details)
        if method["enabled"] == enabled:
            return self._method_reply(merchant_id, current.version, method, inv_entity)
        status = store.data["status"]
        if status == "frozen":
            raise refusal("STORE_FROZEN", "The store is frozen; its payment methods cannot change.", details)
        if status == "closed":
            raise refusal("STORE_CLOSED", "The store is closed; its payment methods cannot change.", details)
        if eligibility == "frozen":
            raise refusal("METHOD_FROZEN", "The platform froze this payment method for the store.", details)
        if eligibility == "withdrawn":
            raise refusal("INVITATION_WITHDRAWN", "The platform withdrew the WeChat Pay invitation.", details)
        if eligibility == "expired":
            raise refusal(
                "INVITATION_EXPIRED", "The invitation deadline passed without an application.", details
            )
        if eligibility == "not_invited":
            if inv_entity is not None:
                window, _, _ = invitation_times(inv_entity.data)
                if window > now:
                    raise refusal(
                        "WINDOW_NOT_OPEN",
                        "The store's WeChat Pay window has not opened yet.",
                        {**details, "window_opens_at": inv_entity.data["window_opens_at"]},
                    )
            raise refusal("NOT_INVITED", "The store has not been invited to WeChat Pay.", details)
        if eligibility in ("live", "approved"):
            if (
                not enabled
                and eligibility == "live"
                and not self._other_live_on(merchant_id, store_id, method_name)
            ):
                raise refusal(
                    "LAST_LIVE_METHOD",
                    "Turning this off would leave the store with no payment method.",
                    details,
                )
            new = dict(method, enabled=enabled, updated_at=iso(now))
            with self.store.tx() as tx:
                version = tx.put(
                    merchant_id, "method", current.id, new, current.extra or None, current.due_at
                )
            return self._method_reply(merchant_id, version, new, inv_entity)
        # WeChat Pay applications: invited/rejected + on, in_review + off.
        assert inv_entity is not None, "a WeChat Pay application always has an invitation"
        window, deadline, launch = invitation_times(inv_entity.data)
        extra = dict(current.extra)
        if enabled:  # invited or rejected
            if now >= deadline:
                raise refusal("INVITATION_EXPIRED", "The invitation deadline has passed.", details)
            extra["review_due_at"] = int(now) + self.review_delay_s
            new = method_entity(store_id, "wechat_pay", "in_review", True, now, launch_at=launch)
            note = "merchant applied" if eligibility == "invited" else "merchant re-applied"
        else:  # in_review: the merchant withdraws the application
            for key in ("review_due_at", "review_outcome", "reason_code"):
                extra.pop(key, None)
            target = "invited" if now < deadline else "expired"
            new = method_entity(store_id, "wechat_pay", target, False, now)
            note = "merchant withdrew the application"
        with self.store.tx() as tx:
            version, invitation = self._write_wechat(
                tx, merchant_id, method, new, extra, inv_entity, note, now
            )
        return {"method": new, "invitation": invitation, "version": version}

    def _method_reply(
        self, merchant_id: str, version: int, method: dict[str, Any], inv_entity: Entity | None
    ) -> dict[str, Any]:
        invitation = inv_entity.data if inv_entity and method["method"] == "wechat_pay" else None
        return {"method": method, "invitation": invitation, "version": version}

    def _other_live_on(self, merchant_id: str, store_id: str, method_name: str) -> bool:
        return any(
            e.data["method"] != method_name and e.data["eligibility"] == "live" and e.data["enabled"]
            for e in self.store.list_kind(merchant_id, "method", prefix=f"{store_id}:")
        )

    def add_feedback(self, merchant_id: str, announcement_id: str, text: str) -> dict[str, Any]:
        announcement = self.store.get(merchant_id, "announcement", announcement_id)
        if announcement is None:
            raise not_found(f"No announcement {announcement_id}.")
        now = self.clock.now()
        opens = parse_iso(announcement.data["opinion_opens_at"])
        closes = parse_iso(announcement.data["opinion_closes_at"])
        if not opens <= now < closes:
            raise refusal(
                "OPINION_PERIOD_CLOSED",
                "Feedback is accepted only during the opinion period.",
                {
                    "opinion_opens_at": announcement.data["opinion_opens_at"],
                    "opinion_closes_at": announcement.data["opinion_closes_at"],
                },
            )
        with self.store.tx() as tx:
            feedback_id = f"f-{self.store.next_counter(tx, 'feedback')}"
            feedback = {
                "id": feedback_id,
                "announcement_id": announcement_id,
                "text": text,
                "created_at": iso(now),
            }
            version = tx.put(merchant_id, "feedback", feedback_id, feedback)
        return {"feedback": feedback, "version": version}

    # -- admin ------------------------------------------------------------------------------

    def clock_info(self) -> dict[str, Any]:
        return {"now": iso(self.clock.now()), "offset_seconds": round(self.clock.offset, 3)}

    def upcoming_events(self, merchant_id: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """What the business clock will pass next, named the way a merchant thinks of it.

        Store transitions are grouped per phase ("phase 3 opens" for all its stores) except
        reviews, which are per store; announcements add their opinion period and effective date.
        Each event has an ``id`` the admin API accepts to advance to it."""
        now = self.clock.now()
        where = "e.kind = 'method' AND e.due_at IS NOT NULL AND e.due_at > ?"
        params: list[Any] = [int(now)]
        if merchant_id is not None:
            where += " AND e.merchant_id = ?"
            params.append(merchant_id)
        rows = self.store.conn.execute(
            "SELECT e.due_at, json_extract(e.data, '$.eligibility'), json_extract(e.data, '$.store_id'),"
            " json_extract(i.data, '$.phase') FROM entities e LEFT JOIN entities i"
            " ON i.merchant_id = e.merchant_id AND i.kind = 'invitation'"
            " AND i.id = json_extract(e.data, '$.store_id')"
            f" WHERE {where} ORDER BY e.due_at LIMIT 20000",
            params,
        ).fetchall()
        kinds = {"not_invited": "phase_opens", "invited": "deadline_passes", "approved": "launch"}
        grouped: dict[str, dict[str, Any]] = {}
        for due_at, eligibility, store_id, phase in rows:
            if eligibility == "in_review":
                event = {"id": f"review-{store_id}", "kind": "review_finishes", "store_id": store_id}
            elif eligibility in kinds and phase is not None:
                kind = kinds[eligibility]
                event = {"id": f"phase-{phase}-{EVENT_WORD[kind]}", "kind": kind, "phase": int(phase)}
            else:
                continue
            known = grouped.setdefault(event["id"], {**event, "at": int(due_at), "stores": 0})
            known["stores"] += 1
            known["at"] = min(known["at"], int(due_at))
        for (data,) in self.store.conn.execute("SELECT data FROM announcements"):
            announcement = json.loads(data)
            for field, kind in (
                ("opinion_opens_at", "opinion_opens"),
                ("opinion_closes_at", "opinion_closes"),
                ("effective_at", "takes_effect"),
            ):
                at = int(parse_iso(announcement[field]))
                if at > now:
                    event_id = f"{announcement['id']}-{kind.replace('_', '-')}"
                    grouped[event_id] = {
                        "id": event_id,
                        "kind": kind,
                        "announcement_id": announcement["id"],
                        "title": announcement["title"],
                        "at": at,
                    }
        events = sorted(grouped.values(), key=lambda e: (e["at"], e["id"]))[:limit]
        return [dict(e, at=iso(e["at"])) for e in events]

    def advance_to(self, event_id: str | None) -> dict[str, Any]:
        """Move the business clock to an upcoming event (the next one when None) and fire it."""
        events = self.upcoming_events(limit=100_000)
        chosen = next((e for e in events if event_id in (None, e["id"])), None)
        if chosen is None:
            if event_id is None:
                raise PlatformError(422, "NO_UPCOMING_EVENT", "Nothing is scheduled on the platform.")
            raise PlatformError(422, "UNKNOWN_EVENT", f"No upcoming event {event_id}.", {"event": event_id})
        self.clock.set(max(parse_iso(chosen["at"]), self.clock.now()))
        self.apply_due()
        return {"event": chosen, **self.clock_info()}

    def _wechat_of(self, store_id: str) -> tuple[str, Entity, Entity | None]:
        merchant_id = self.store.owner_of("store", store_id)
        if merchant_id is None:
            raise not_found(f"No store {store_id}.")
        method = self.store.get(merchant_id, "method", f"{store_id}:wechat_pay")
        if method is None:
            raise not_found(f"No WeChat Pay method for store {store_id}.")
        return merchant_id, method, self.store.get(merchant_id, "invitation", store_id)

    def finish_reviews(self, store_id: str | None, outcome: str, reason_code: str | None) -> list[str]:
        """Finish one pending review (or all) now, with the given outcome."""
        if store_id is not None:
            _, method, _ = self._wechat_of(store_id)
            if method.data["eligibility"] != "in_review":
                raise PlatformError(
                    422, "NOT_IN_REVIEW", f"Store {store_id} has no review pending.", {"method": method.data}
                )
            pending = [method]
        else:
            pending = [
                e for e in self.store.pending() if e.kind == "method" and e.data["eligibility"] == "in_review"
            ]
        now = int(self.clock.now())
        with self.store.tx() as tx:
            for entity in pending:
                extra = dict(entity.extra, review_due_at=now, review_outcome=outcome)
                if reason_code is not None:
                    extra["reason_code"] = reason_code
                tx.put(entity.merchant_id, "method", entity.id, entity.data, extra, now)
        self.apply_due()
        return [e.data["store_id"] for e in pending]

    def end_invitation(self, store_id: str, target: str, reason_code: str | None) -> dict[str, Any]:
        """Platform-side withdraw or expire of a store's WeChat Pay invitation."""
        merchant_id, method, inv_entity = self._wechat_of(store_id)
        if inv_entity is None:
            raise not_found(f"Store {store_id} has no invitation.")
        now = self.clock.now()
        code = (reason_code or "PLATFORM_WITHDRAWN") if target == "withdrawn" else None
        new = method_entity(store_id, "wechat_pay", target, False, now, reason_code=code)
        note = "withdrawn by the platform" if target == "withdrawn" else "expired by the platform"
        with self.store.tx() as tx:
            version, invitation = self._write_wechat(
                tx, merchant_id, method.data, new, {}, inv_entity, note, now
            )
        return {"method": new, "invitation": invitation, "version": version}

    def set_store_status(self, store_id: str, status: str) -> dict[str, Any]:
        merchant_id = self.store.owner_of("store", store_id)
        if merchant_id is None:
            raise not_found(f"No store {store_id}.")
        store = self.store.get(merchant_id, "store", store_id)
        assert store is not None
        data = dict(store.data, status=status)
        with self.store.tx() as tx:
            version = tx.put(merchant_id, "store", store_id, data)
        return {"store": data, "version": version}

    def open_phase(self, n: int) -> dict[str, Any]:
        """Move phase n's window to now (if still ahead) and invite its stores at once."""
        row = self.store.conn.execute(
            "SELECT window_opens_at, deadline_at, launch_at FROM phases WHERE n = ?", (n,)
        ).fetchone()
        if row is None:
            raise not_found(f"No phase {n}.")
        now = int(self.clock.now())
        window, deadline, launch = (min(int(row[0]), now), int(row[1]), int(row[2]))
        deadline = max(deadline, now + 14 * 86400)
        launch = max(launch, deadline)
        with self.store.tx() as tx:
            tx.conn.execute(
                "UPDATE phases SET window_opens_at = ?, deadline_at = ?, launch_at = ? WHERE n = ?",
                (window, deadline, launch, n),
            )
            rows = tx.conn.execute(
                "SELECT merchant_id, id, data FROM entities WHERE kind = 'invitation'"
                " AND json_extract(data, '$.phase') = ?",
                (n,),
            ).fetchall()
            for merchant_id, store_id, data in rows:
                invitation = json.loads(data)
                old_window, old_deadline, old_launch = invitation_times(invitation)
                if old_window <= now and old_deadline > now:
                    continue  # already open (possibly with its own dates): leave it alone
                invitation.update(
                    window_opens_at=iso(min(old_window, now)),
                    deadline_at=iso(max(old_deadline, deadline)),
                    launch_at=iso(max(old_launch, launch)),
                )
                tx.put(merchant_id, "invitation", store_id, invitation)
                method = self.store.get(merchant_id, "method", f"{store_id}:wechat_pay")
                if method is not None and method.data["eligibility"] == "not_invited":
                    tx.put(
                        merchant_id,
                        "method",
                        method.id,
                        method.data,
                        method.extra or None,
                        due_for(method.data, invitation, method.extra),
                    )
        self.apply_due()
        return {
            "phase": n,
            "window_opens_at": iso(window),
            "deadline_at": iso(deadline),
            "launch_at": iso(launch),
            "stores": len(rows),
        }

    def publish_announcement(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Publish to every merchant (each gets its own copy in its feed)."""
        now = self.clock.now()
        published = parse_iso(payload["published_at"]) if payload.get("published_at") else int(now)
        opens, closes = parse_iso(payload["opinion_opens_at"]), parse_iso(payload["opinion_closes_at"])
        effective = parse_iso(payload["effective_at"])
        if published > now + 1:
            raise PlatformError(422, "VALIDATION_ERROR", "published_at cannot be in the future.")
        if effective - published < 7 * 86400:
            raise PlatformError(
                422, "VALIDATION_ERROR", "effective_at must be at least 7 days after published_at."
            )
        if not published <= opens <= closes <= effective:
            raise PlatformError(
                422, "VALIDATION_ERROR", "The opinion period must lie between published_at and effective_at."
            )
        with self.store.tx() as tx:
            announcement_id = f"a-{self.store.next_counter(tx, 'announcement'):04d}"
            data = {
                "id": announcement_id,
                "title": payload["title"],
                "body": payload["body"],
                "published_at": iso(published),
                "opinion_opens_at": iso(opens),
                "opinion_closes_at": iso(closes),
                "effective_at": iso(effective),
                "affects": payload["affects"],
            }
            tx.conn.execute(
                "INSERT INTO announcements (id, data) VALUES (?, ?)", (announcement_id, json.dumps(data))
            )
            for merchant_id in self.store.merchant_ids():
                tx.put(merchant_id, "announcement", announcement_id, data)
        fee_bps = payload.get("fee_bps")
        if fee_bps is not None and self.fees is not None:  # a fee change: in force at effective_at
            for platform in payload["affects"].get("platforms", []):
                for method in payload["affects"].get("methods", []):
                    self.fees.add_fee_change(platform, method, int(fee_bps), effective)
        return {"announcement": data}


def known_reason_codes() -> list[str]:
    return sorted(REASONS)


__all__ = ["DEFAULT_REVIEW_DELAY_S", "Platform", "known_reason_codes", "reason_text"]

"""Every platform change is news: a pure diff of two snapshots of what the platform told us.

``news(previous, current)`` compares the facts before and after a sync pass and says what the
merchant should hear: a store or method frozen or unfrozen, an invitation withdrawn or expired, a
review finished, a phase opened, a launch reached, a fee changed, an announcement published or
taking effect, and reminders when a deadline or an opinion period is 3 days and 1 day away.

Each item has a stable ``key`` so storage can keep news without duplicates (a reminder is keyed
by what it reminds of and how far ahead, so it is said once however many passes run). Reminders
fire when their moment falls in ``(previous.at, current.at]``, so one missed while the app was
closed is still said on the next pass, and only the nearest one of a pair. Words live in
``console.words.status``. No clock of its own: the snapshots carry their times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from console.core import rules
from console.core.model import (
    Announcement,
    Eligibility,
    Invitation,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
)
from console.core.timeutil import format_ts

#: How far ahead reminders are given, farthest first.
REMIND_BEFORE = (timedelta(days=3), timedelta(days=1))


class NewsKind(StrEnum):
    STORE_FROZEN = "store_frozen"
    STORE_UNFROZEN = "store_unfrozen"
    METHOD_FROZEN = "method_frozen"
    METHOD_UNFROZEN = "method_unfrozen"
    INVITATION_WITHDRAWN = "invitation_withdrawn"
    INVITATION_EXPIRED = "invitation_expired"
    REVIEW_APPROVED = "review_approved"
    REVIEW_REJECTED = "review_rejected"
    PHASE_OPENED = "phase_opened"
    WENT_LIVE = "went_live"
    FEE_CHANGED = "fee_changed"
    ANNOUNCEMENT_PUBLISHED = "announcement_published"
    ANNOUNCEMENT_EFFECTIVE = "announcement_effective"
    DEADLINE_SOON = "deadline_soon"
    OPINION_CLOSING_SOON = "opinion_closing_soon"
    SETTLEMENT_MISMATCH = "settlement_mismatch"  # found by reconciliation (console.sales_service)


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One thing to tell the merchant; ``params`` are plain values a sentence needs."""

    key: str  # stable: the same fact observed again gives the same key
    kind: NewsKind
    store_ids: tuple[str, ...]
    at: datetime
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the platform had told us at ``at``: the inputs of the diff, all plain values."""

    at: datetime
    stores: Mapping[str, Store] = field(default_factory=dict)
    methods: Mapping[str, Mapping[Method, MethodState]] = field(default_factory=dict)
    invitations: Mapping[str, Invitation] = field(default_factory=dict)
    terms: Mapping[tuple[Platform, Method], MethodTerms] = field(default_factory=dict)
    announcements: Mapping[str, Announcement] = field(default_factory=dict)


def _crossed(moment: datetime, previous: Snapshot, current: Snapshot) -> bool:
    return previous.at < moment <= current.at


def _item(
    kind: NewsKind, store_ids: Iterable[str], at: datetime, *key_parts: object, **params: Any
) -> NewsItem:
    ids = tuple(sorted(store_ids))
    key = ":".join([kind.value, *(str(p) for p in key_parts)])
    return NewsItem(key, kind, ids, at, params)


def _store_news(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    at, stamp = current.at, format_ts(current.at)
    for store_id, store in current.stores.items():
        before = previous.stores.get(store_id)
        if before is None or before.status is store.status:
            continue
        if store.status is StoreStatus.FROZEN:
            yield _item(NewsKind.STORE_FROZEN, [store_id], at, store_id, stamp)
        elif before.status is StoreStatus.FROZEN:
            yield _item(NewsKind.STORE_UNFROZEN, [store_id], at, store_id, stamp)


def _reason(state: MethodState) -> dict[str, Any]:
    return {"method": state.method, "reason_code": state.reason_code, "reason_text": state.reason_text}


def _method_news(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    """Eligibility transitions; the key names the transition and when it was seen."""
    at, stamp = current.at, format_ts(current.at)
    for store_id, methods in current.methods.items():
        old_methods = previous.methods.get(store_id)
        if old_methods is None:
            continue  # a store seen for the first time is not a change
        for method, state in methods.items():
            old = old_methods.get(method)
            if old is None or old.eligibility is state.eligibility:
                continue
            e, was = state.eligibility, old.eligibility
            key = (store_id, method.value, stamp)
            if e is Eligibility.FROZEN:
                yield _item(NewsKind.METHOD_FROZEN, [store_id], at, *key, **_reason(state))
            elif was is Eligibility.FROZEN:
                yield _item(NewsKind.METHOD_UNFROZEN, [store_id], at, *key, method=method, eligibility=e)
            if e is Eligibility.WITHDRAWN:
                yield _item(NewsKind.INVITATION_WITHDRAWN, [store_id], at, *key, **_reason(state))
            elif e is Eligibility.EXPIRED:
                invitation = current.invitations.get(store_id)
                expired_at = rules.expired_at(invitation, current.at) or current.at
                yield _item(
                    NewsKind.INVITATION_EXPIRED, [store_id], at, *key, method=method, expired_at=expired_at
                )
            elif e is Eligibility.APPROVED and was is Eligibility.IN_REVIEW:
                invitation = current.invitations.get(store_id)
                launch_at = state.launch_at or (invitation.launch_at if invitation else None)
                yield _item(
                    NewsKind.REVIEW_APPROVED, [store_id], at, *key, method=method, launch_at=launch_at
                )
            elif e is Eligibility.REJECTED and was is Eligibility.IN_REVIEW:
                invitation = current.invitations.get(store_id)
                params = _reason(state)
                params["deadline_at"] = (
                    rules.deadline_that_matters(current.stores[store_id], state, invitation, current.at)
                    if store_id in current.stores
                    else None
                )
                yield _item(NewsKind.REVIEW_REJECTED, [store_id], at, *key, **params)
            elif e is Eligibility.LIVE and was is not Eligibility.FROZEN:
                yield _item(NewsKind.WENT_LIVE, [store_id], at, *key, method=method)


def _phase_news(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    """One item per phase whose window opened since the last snapshot, naming its stores."""
    opened: dict[tuple[int, datetime], list[str]] = {}
    for store_id, invitation in current.invitations.items():
        if _crossed(invitation.window_opens_at, previous, current):
            opened.setdefault((invitation.phase, invitation.window_opens_at), []).append(store_id)
    for (phase, opens_at), store_ids in sorted(opened.items()):
        deadline = min(current.invitations[s].deadline_at for s in store_ids)
        yield _item(
            NewsKind.PHASE_OPENED,
            store_ids,
            opens_at,
            phase,
            format_ts(opens_at),
            phase=phase,
            window_opens_at=opens_at,
            deadline_at=deadline,
            count=len(store_ids),
        )


def _fee_news(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    for (platform, method), terms in sorted(current.terms.items()):
        old = previous.terms.get((platform, method))
        if old is not None and old.fee_bps != terms.fee_bps:
            yield _item(
                NewsKind.FEE_CHANGED,
                (),
                current.at,
                platform.value,
                method.value,
                old.fee_bps,
                terms.fee_bps,
                platform=platform,
                method=method,
                old_fee_bps=old.fee_bps,
                fee_bps=terms.fee_bps,
            )


def _announcement_news(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    for ann_id, ann in sorted(current.announcements.items()):
        if ann_id not in previous.announcements:
            yield _item(
                NewsKind.ANNOUNCEMENT_PUBLISHED,
                (),
                ann.published_at,
                ann_id,
                announcement_id=ann_id,
                title=ann.title,
                effective_at=ann.effective_at,
                opinion_closes_at=ann.opinion_closes_at,
            )
        if _crossed(ann.effective_at, previous, current):
            yield _item(
                NewsKind.ANNOUNCEMENT_EFFECTIVE,
                (),
                ann.effective_at,
                ann_id,
                announcement_id=ann_id,
                title=ann.title,
                effective_at=ann.effective_at,
            )


def _reminder(
    kind: NewsKind, due: datetime, previous: Snapshot, current: Snapshot, subject: str, **params: Any
) -> NewsItem | None:
    """The nearest reminder for ``due`` whose moment was crossed, if ``due`` is still ahead."""
    if current.at >= due:
        return None
    for ahead in reversed(REMIND_BEFORE):  # nearest first: skip a stale 3-day one
        moment = due - ahead
        if _crossed(moment, previous, current):
            days = ahead.days
            return _item(
                kind,
                params.pop("store_ids", ()),
                moment,
                subject,
                format_ts(due),
                f"{days}d",
                days=days,
                one_day=days == 1,
                **params,
            )
    return None


def _reminders(previous: Snapshot, current: Snapshot) -> Iterable[NewsItem]:
    for store_id, invitation in sorted(current.invitations.items()):
        store = current.stores.get(store_id)
        wechat = current.methods.get(store_id, {}).get(Method.WECHAT_PAY)
        if store is None or wechat is None:
            continue
        due = rules.deadline_that_matters(store, wechat, invitation, current.at)
        if due is not None:
            item = _reminder(
                NewsKind.DEADLINE_SOON,
                due,
                previous,
                current,
                store_id,
                store_ids=(store_id,),
                deadline_at=due,
                eligibility=wechat.eligibility,
            )
            if item is not None:
                yield item
    for ann_id, ann in sorted(current.announcements.items()):
        if ann.opinion_open(current.at):
            item = _reminder(
                NewsKind.OPINION_CLOSING_SOON,
                ann.opinion_closes_at,
                previous,
                current,
                ann_id,
                announcement_id=ann_id,
                title=ann.title,
                opinion_closes_at=ann.opinion_closes_at,
            )
            if item is not None:
                yield item


def news(previous: Snapshot, current: Snapshot, now: datetime) -> list[NewsItem]:
    """Everything the merchant should hear about between two snapshots, in a stable order.

    The window is ``(previous.at, now]``: ``now`` is when ``current`` was taken (the end of
    the sync pass that read it).
    """
    current = replace(current, at=now)
    items = [
        *_store_news(previous, current),
        *_method_news(previous, current),
        *_phase_news(previous, current),
        *_fee_news(previous, current),
        *_announcement_news(previous, current),
        *_reminders(previous, current),
    ]
    return items

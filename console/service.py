"""Use cases shared by the GUI and the CLI.

Every method validates with ``console.core.rules`` and, for changes, writes state + outbox +
audit in one ``BEGIN IMMEDIATE`` transaction, then returns a result the caller can show. Nothing
here imports Qt or does network I/O; the sync engine (``console.sync``) sends the outbox.

The service holds one sqlite-utils Database (one connection): create one service per thread.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): the store use cases and
the bulk ones; the planned cut moves bulk (BulkPlan, set_method_bulk, bulk_plan*) into
bulk_service.py, as sales_service.py already is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlite_utils

from console.core import checkout, rules
from console.core.checkout import CheckoutPreview
from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Invitation,
    Merchant,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
)
from console.core.reasons import Reason, ReasonCode
from console.core.sync_state import SyncStatus, summarise
from console.core.timeutil import utcnow
from console.storage import meta
from console.storage import news as news_table
from console.storage.db import write_transaction
from console.storage.news import StoredNews
from console.storage.repo import OutboxRow, OutboxStateError, Repository, StoreListRow

#: One stored news item as the surfaces read it (kind open: kinds this release does not know list).
NewsEntry = StoredNews


@dataclass(frozen=True, slots=True)
class StoreFilter:
    """What the stores list shows. Empty fields mean "any"."""

    text: str = ""  # matched against name and id, case-insensitive
    platform: Platform | None = None
    wechat_eligibility: Eligibility | None = None
    method: Method | None = None  # together with method_on: stores where that method is on/off
    method_on: bool | None = None
    pending_only: bool = False


@dataclass(frozen=True, slots=True)
class StoreRow:
    """One line of the stores list: enough to draw it without another query."""

    id: str
    platform: Platform
    name: str
    status: str
    wechat_eligibility: Eligibility
    wechat_setting: bool
    alipay_setting: bool
    pending: bool  # any change of this store waits to sync
    phase: int | None
    deadline_at: datetime | None
    # what the platform confirmed (the settings above are the merchant's, pending wish first);
    # with the store's status they decide "shown to shoppers" (rules.method_facts)
    wechat_enabled: bool
    alipay_eligibility: Eligibility
    alipay_enabled: bool


@dataclass(frozen=True, slots=True)
class MethodView:
    """The three axes of one method, ready to show."""

    state: MethodState
    terms: MethodTerms | None
    shown_to_shoppers: bool  # effective result (all devices considered: shown on at least one)
    hidden_reasons: tuple[Reason, ...]  # why not shown, as a chain; empty when shown
    toggle_allowed: Reason | None  # None: the merchant may flip it now; else why not


@dataclass(frozen=True, slots=True)
class StoreDetail:
    store: Store
    methods: dict[Method, MethodView]
    invitation: Invitation | None
    next_step: Reason | None  # the next thing the merchant should do, e.g. INVITATION_NOT_ACCEPTED


@dataclass(frozen=True, slots=True)
class ChangeResult:
    """Outcome of one change. ``applied`` False means refused (``reason``) or nothing to do."""

    store_id: str | None
    applied: bool
    reason: Reason | None = None
    outbox_id: str | None = None
    state: MethodState | None = None  # the method's state after the change (as the UI should show)
    # What the write did: "queued" (new outbox row), "coalesced" (the unsent row of the same
    # method now carries the new value), "cancelled" (back to the confirmed value: nothing will
    # be sent), "discarded", or None (refused, nothing to do, or a dry run).
    outcome: str | None = None
    # The platform's eligibility once the change is applied, when it changes it (WeChat Pay:
    # turning on while invited/rejected applies -> in_review; off while in review withdraws).
    expected_eligibility: Eligibility | None = None


@dataclass(frozen=True, slots=True)
class BulkResult:
    method: Method
    enabled: bool
    dry_run: bool
    results: tuple[ChangeResult, ...]
    cancelled: bool = False
    total: int = 0  # how many stores were asked for; len(results) < total when cancelled

    @property
    def changed(self) -> tuple[ChangeResult, ...]:
        """Stores changed (or, in a dry run, that would change)."""
        return tuple(r for r in self.results if r.applied)

    @property
    def refused(self) -> tuple[ChangeResult, ...]:
        """Stores a rule refused. NO_CHANGE is not a refusal: see ``unchanged``."""
        return tuple(
            r for r in self.results
            if not r.applied and r.reason is not None and r.reason.code is not ReasonCode.NO_CHANGE
        )

    @property
    def unchanged(self) -> tuple[ChangeResult, ...]:
        """Stores that already had the value: nothing queued."""
        return tuple(
            r for r in self.results if r.reason is not None and r.reason.code is ReasonCode.NO_CHANGE
        )


class BulkOutcome(StrEnum):
    """What a bulk change does to one store, as its dry run says."""

    CHANGE = "change"  # will change
    ALREADY = "already"  # already has the value: nothing to send
    REFUSED = "refused"  # a rule refuses it now (the reason says which)


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One store of a dry run: what will happen and why."""

    store_id: str
    store_name: str | None  # None: no such store
    outcome: BulkOutcome
    reason: Reason | None = None  # REFUSED: the rule's reason
    setting: bool | None = None  # the method's setting now (None: unknown store)
    expected_eligibility: Eligibility | None = None  # CHANGE with a side effect (applies, withdraws)


@dataclass(frozen=True, slots=True)
class BulkPlan:
    """A dry run over every store of a scope, in the scope's order.

    Why a plan and not only counts: with hundreds of stores the merchant must be able to see
    which ones change (and filter, export) before anything is written.
    """

    method: Method
    enabled: bool
    rows: tuple[PlanRow, ...]
    checked_at: datetime
    cancelled: bool = False

    def count(self, outcome: BulkOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    def store_ids(self, outcome: BulkOutcome) -> list[str]:
        return [r.store_id for r in self.rows if r.outcome is outcome]


#: Which stores a bulk change is about: a filter ("all N matching"), ids (checked rows, a stores
#: file), or None for every store.
BulkScope = StoreFilter | Sequence[str] | None


@dataclass(frozen=True, slots=True)
class SendCounts:
    """Where the rows a bulk run saved stand in the sync (``bulk_send_counts``)."""

    waiting: int = 0  # saved here, not sent yet
    sending: int = 0  # claimed by a sync pass: on its way, answer not yet recorded
    confirmed: int = 0  # the platform accepted it (or it was back to the confirmed value)
    refused: int = 0  # the platform refused it (the pending page says why)
    dropped: int = 0  # discarded by the merchant since, or replaced

    @property
    def sent(self) -> int:
        """Reached the platform or on the way: everything no longer only saved here."""
        return self.sending + self.confirmed + self.refused

    @property
    def settled(self) -> bool:
        """Nothing of the run waits for the platform any more."""
        return self.waiting == 0 and self.sending == 0


@dataclass(frozen=True, slots=True)
class PendingChange:
    """An outbox row as the merchant sees it."""

    id: str
    seq: int
    kind: str  # set_method | send_feedback
    status: str  # queued | in_flight | refused
    created_at: datetime
    store_id: str | None
    store_name: str | None
    method: Method | None
    enabled: bool | None
    announcement_id: str | None
    attempts: int
    last_error: str | None
    refusal: Reason | None


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    id: int
    at: datetime
    actor: str  # merchant | sync | platform
    action: str  # set_method | send_feedback | sync_push | sync_pull | refused | ...
    store_id: str | None
    method: Method | None
    result: str  # ok | queued | refused | failed | ...
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    store_id: str | None = None
    method: Method | None = None
    result: str | None = None
    limit: int = 1000


ProgressCallback = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True, slots=True)
class FeeRow:
    """One line of the monthly fee comparison: what a method would cost for a month's volume."""

    method: Method
    fee_bps: int
    fee_fen: int
    net_fen: int
    available: bool  # shown to this store's shoppers on at least one device


@dataclass(frozen=True, slots=True)
class CheckoutSimulation:
    """Everything the checkout page shows for one store, read in one go on the db lane."""

    store_name: str
    preview: CheckoutPreview
    fee_rows: list[FeeRow]


@dataclass(frozen=True, slots=True)
class Impact:
    """How many of the merchant's stores an announcement reaches."""

    total_stores: int
    affected_stores: int
    method_on: dict[Method, int]  # among the affected stores: where this method is on


class ConsoleService:
    """The use cases. ``clock`` returns an aware UTC datetime (tests pass a fixed one).

    Cheap to construct (no query runs): the GUI makes one per thread. Reads raise KeyError for an
    unknown store; changes answer with a ChangeResult whose reason says why not.
    """

    #: Stores per write transaction in a bulk change: big enough that a 10,000-store change is
    #: a few dozen commits (each an fsync), small enough that the write lock is held briefly and
    #: a cancel takes effect soon.
    BULK_CHUNK = 250

    def __init__(self, db: sqlite_utils.Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.repo = Repository(db)
        self._clock = clock or utcnow

    def now(self) -> datetime:
        return self._clock()

    # -- reading -------------------------------------------------------------------------
    def merchant(self) -> Merchant | None:
        return self.repo.merchant()

    def store_count(self) -> int:
        return self.repo.store_count()

    def store_columns(self, fields: Sequence[str]) -> Iterator[tuple[tuple[Any, ...], ...]]:
        """The stores list column by column, in name order, in chunks (the window's fast load:
        no StoreRow per store; console/storage/store_columns.py has the figures)."""
        from console.storage.store_columns import iter_store_columns

        return iter_store_columns(self.db.conn, fields)

    def offered_methods(self) -> frozenset[tuple[Platform, Method]]:
        """The (platform, method) pairs the platform publishes terms for: a method without terms
        is never shown to shoppers (``rules.hidden_reasons``: NO_TERMS), whatever its state."""
        return frozenset((t.platform, t.method) for t in self.repo.terms())

    def list_stores(self, flt: StoreFilter = StoreFilter(), limit: int | None = None) -> list[StoreRow]:
        rows = self.repo.list_stores(
            text=flt.text,
            platform=flt.platform,
            wechat_eligibility=flt.wechat_eligibility,
            method=flt.method,
            method_on=flt.method_on,
            pending_only=flt.pending_only,
            limit=limit,
            make=StoreRow,
        )
        return rows

    def count_stores(self, flt: StoreFilter = StoreFilter()) -> int:
        """How many stores ``list_stores(flt)`` lists, counted in SQL (no rows are built).

        Same filter semantics as the list (one WHERE clause in the repository serves both), e.g.
        ``count_stores(StoreFilter(platform=Platform.TMALL, method=Method.WECHAT_PAY,
        method_on=True))``: Tmall stores where the merchant has WeChat Pay on (a pending wish
        counts, as in the list).
        """
        return self.repo.count_stores(
            text=flt.text,
            platform=flt.platform,
            wechat_eligibility=flt.wechat_eligibility,
            method=flt.method,
            method_on=flt.method_on,
            pending_only=flt.pending_only,
        )

    def status_counts(self) -> dict[Eligibility, int]:
        """WeChat Pay eligibility -> number of stores (every eligibility present, zeros included)."""
        return self.repo.wechat_counts()

    def deadlines_soon(self, within_days: int = 7) -> list[StoreRow]:
        """Stores that can still apply (invited or rejected) and whose deadline falls in the window."""
        now = self.now()
        rows = self.repo.list_stores(
            deadline_from=now, deadline_to=now + timedelta(days=within_days), make=StoreRow
        )
        actionable = (Eligibility.INVITED, Eligibility.REJECTED)
        soon = [
            r for r in rows
            if r.wechat_eligibility in actionable and r.deadline_at is not None and r.deadline_at > now
        ]
        soon.sort(key=lambda r: (r.deadline_at, r.id))
        return soon

    def _context(self, store_id: str) -> tuple[Store, dict[Method, MethodState], Invitation | None]:
        store = self.repo.store(store_id)
        if store is None:
            raise KeyError(store_id)
        return store, self.repo.methods(store_id), self.repo.invitation(store_id)

    def store_detail(self, store_id: str) -> StoreDetail:
        """The three axes of every method, the invitation and the next step (KeyError if unknown)."""
        now = self.now()
        store, methods, invitation = self._context(store_id)
        terms = {t.method: t for t in self.repo.terms(store.platform)}
        views: dict[Method, MethodView] = {}
        for method in Method:
            state = rules.method_state(methods, store_id, method)
            chain = rules.hidden_reasons(store, state, terms.get(method), invitation, now)
            toggle = rules.can_set_method(store, methods, method, not state.setting, invitation, now)
            views[method] = MethodView(
                state=state,
                terms=terms.get(method),
                shown_to_shoppers=not chain,
                hidden_reasons=chain,
                toggle_allowed=None if toggle.allowed else toggle.reason,
            )
        return StoreDetail(
            store=store,
            methods=views,
            invitation=invitation,
            next_step=rules.next_step(store, methods, invitation, now),
        )

    def why_hidden(self, store_id: str, method: Method, device: Device | None = None) -> list[Reason]:
        """The reason chain for one method ([] when shoppers see it); KeyError for an unknown store."""
        store, methods, invitation = self._context(store_id)
        terms = {t.method: t for t in self.repo.terms(store.platform)}
        state = rules.method_state(methods, store_id, method)
        chain = rules.hidden_reasons(store, state, terms.get(method), invitation, self.now(), device=device)
        return list(chain)

    def checkout_preview(self, store_id: str, amount_fen: int, device: Device) -> CheckoutPreview:
        """KeyError for an unknown store; rules.Refused(AMOUNT_INVALID) for an amount <= 0."""
        store, methods, invitation = self._context(store_id)
        terms = self.repo.terms(store.platform)
        return checkout.preview(store, methods, terms, amount_fen, device, self.now(), invitation=invitation)

    def monthly_fees(self, store_id: str, monthly_volume_fen: int) -> list[FeeRow]:
        """What each method would cost the store for a month's volume, cheapest first.

        The arithmetic is the core's (``monthly_fee_comparison``: same half-up rounding as a single
        payment, so the table and the preview never disagree by a fen). KeyError if unknown.
        """
        detail = self.store_detail(store_id)
        terms = {m: v.terms for m, v in detail.methods.items() if v.terms is not None}
        available = {m for m, v in detail.methods.items() if v.shown_to_shoppers}
        rows = checkout.monthly_fee_comparison(terms, monthly_volume_fen)
        return [FeeRow(m, bps, fee, monthly_volume_fen - fee, m in available) for m, bps, fee in rows]

    def checkout_simulation(
        self, store_id: str, amount_fen: int, device: Device, monthly_volume_fen: int
    ) -> CheckoutSimulation:
        """The checkout page's data: the store's name, the shopper's screen, the month's fees.

        KeyError for an unknown store; rules.Refused(AMOUNT_INVALID) for an amount <= 0.
        """
        store = self.repo.store(store_id)
        if store is None:
            raise KeyError(store_id)
        return CheckoutSimulation(
            store_name=store.name,
            preview=self.checkout_preview(store_id, amount_fen, device),
            fee_rows=self.monthly_fees(store_id, monthly_volume_fen),
        )

    def announcement_impact(self, announcement: Announcement) -> Impact:
        """How many stores an announcement reaches, and where its methods are on.

        SQL counts, no rows built: at 100,000 stores reading every store took about a second,
        holding the db lane that the merchant's next toggle waits on; a handful of
        ``count_stores`` queries take tens of milliseconds. Platforms are disjoint, so
        per-platform counts add up.
        """
        total = self.count_stores()
        platforms = sorted(announcement.affects_platforms, key=lambda p: p.value)
        scopes = [StoreFilter(platform=p) for p in platforms] or [StoreFilter()]
        affected = sum(self.count_stores(f) for f in scopes) if platforms else total
        method_on = {
            m: sum(self.count_stores(replace(f, method=m, method_on=True)) for f in scopes)
            for m in announcement.affects_methods
        }
        return Impact(total, affected, method_on)

    def invited_store_ids(self) -> list[str]:
        """Every store invited to WeChat Pay: the bulk change's "all invited" scope."""
        return [r.id for r in self.list_stores(StoreFilter(wechat_eligibility=Eligibility.INVITED))]

    def store_names(self, store_ids: Sequence[str]) -> dict[str, str]:
        """Names of a few stores by id (one indexed query), e.g. the examples of a bulk review."""
        if not store_ids:
            return {}
        rows: list[StoreListRow] = self.repo.list_stores(store_ids=list(store_ids))
        return {r.id: r.name for r in rows}

    def announcements(self) -> list[Announcement]:
        return self.repo.announcements()

    def announcement(self, announcement_id: str) -> Announcement | None:
        return self.repo.announcement(announcement_id)

    def pending_changes(self) -> list[PendingChange]:
        """Changes still waiting (queued, in flight) or refused, in the order they will be sent."""
        return [_pending_change(r) for r in self.repo.outbox_rows()]

    def pending_count(self) -> int:
        return self.repo.outbox_count()

    # -- the one sync state, and news ---------------------------------------------------------
    def sync_status(self, *, working_offline: bool = False) -> SyncStatus:
        """The one sync state every surface renders: from the outbox rows and the pass record.

        ``working_offline`` is the window's "Work offline" switch (a terminal never has it).
        """
        conn = self.db.conn
        return summarise(self.repo.outbox_rows(), meta.pass_record(conn), working_offline=working_offline)

    def news(self, unread_only: bool = False, limit: int = 500) -> list[NewsEntry]:
        """Stored news, newest first (computed by the sync engine after each pull)."""
        return news_table.rows(self.db.conn, unread_only=unread_only, limit=limit)

    def unread_news_count(self) -> int:
        return news_table.unread_count(self.db.conn)

    def mark_news_read(self, ids: Sequence[int] | None = None, read: bool = True) -> int:
        """Mark these news items (None: all unread) read, or unread again; returns how many changed."""
        with write_transaction(self.db):
            return news_table.mark_read(self.db.conn, ids, self.now(), read=read)

    def activity(self, flt: ActivityFilter = ActivityFilter()) -> list[ActivityEntry]:
        rows = self.repo.activity_rows(
            store_id=flt.store_id, method=flt.method, result=flt.result, limit=flt.limit
        )
        return [
            ActivityEntry(
                id=r[0],
                at=r[1],
                actor=r[2],
                action=r[3],
                store_id=r[4],
                method=Method(r[5]) if r[5] is not None and r[5] in Method._value2member_map_ else None,
                result=r[6],
                detail=r[7],
            )
            for r in rows
        ]

    # -- changing (state + outbox + audit in one transaction) -----------------------------
    def set_method(
        self, store_id: str, method: Method, enabled: bool, *, dry_run: bool = False
    ) -> ChangeResult:
        """Ask the rules, then write the wish + outbox + audit in one transaction.

        A dry run answers the same question without writing: ``applied`` then means "would apply"
        and ``state`` is the state the change would give.
        """
        if dry_run:
            return self._set_one(store_id, method, enabled, self.now(), dry_run=True)
        with self.repo.transaction():
            return self._set_one(store_id, method, enabled, self.now(), dry_run=False)

    def _set_one(
        self, store_id: str, method: Method, enabled: bool, now: datetime, *, dry_run: bool
    ) -> ChangeResult:
        """One store's change; the caller holds the transaction (or none for a dry run)."""
        store = self.repo.store(store_id)
        if store is None:
            return ChangeResult(store_id, False, Reason(ReasonCode.UNKNOWN_STORE, {"store_id": store_id}))
        methods = self.repo.methods(store_id)
        invitation = self.repo.invitation(store_id)
        state = rules.method_state(methods, store_id, method)
        decision = rules.can_set_method(store, methods, method, enabled, invitation, now)
        if not decision.allowed:
            return ChangeResult(store_id, False, decision.reason, state=state)
        expected = rules.expected_eligibility(state, enabled, invitation, now)
        expected_change = expected if expected is not state.eligibility else None
        if dry_run:
            wanted = None if enabled == state.enabled and state.wanted is not None else enabled
            return ChangeResult(
                store_id, True, state=replace(state, wanted=wanted), expected_eligibility=expected_change
            )
        write = self.repo.write_method_wish(store_id, method, enabled, now)
        return ChangeResult(
            store_id,
            True,
            outbox_id=write.outbox_id,
            state=write.state,
            outcome=write.outcome,
            expected_eligibility=expected_change,
        )

    def set_method_bulk(
        self,
        store_ids: Sequence[str],
        method: Method,
        enabled: bool,
        *,
        dry_run: bool = False,
        progress: ProgressCallback | None = None,
        chunk_size: int | None = None,
    ) -> BulkResult:
        """The same change for many stores, each checked by the rules on its own.

        Stores are written in chunks, one transaction per chunk: a store's change is all or
        nothing, and a chunk is committed before ``progress(done, total)`` is called. When
        progress returns False the run stops there: ``cancelled=True`` and ``results`` hold the
        committed stores only. An unexpected error rolls back the current chunk and propagates
        (chunks before it stay committed, as the audit log shows).
        """
        total = len(store_ids)
        size = max(1, chunk_size or self.BULK_CHUNK)
        results: list[ChangeResult] = []
        cancelled = False
        for start in range(0, total, size):
            chunk = store_ids[start : start + size]
            now = self.now()
            if dry_run:
                results.extend(self._set_one(s, method, enabled, now, dry_run=True) for s in chunk)
            else:
                with self.repo.transaction():
                    done = [self._set_one(s, method, enabled, now, dry_run=False) for s in chunk]
                results.extend(done)
            if progress is not None and not progress(len(results), total) and len(results) < total:
                cancelled = True
                break
        return BulkResult(
            method=method,
            enabled=enabled,
            dry_run=dry_run,
            results=tuple(results),
            cancelled=cancelled,
            total=total,
        )

    # -- bulk: scope, dry-run plan, sending progress -------------------------------------
    def bulk_store_ids(self, scope: BulkScope, *, deadline_soon: bool = False) -> list[str]:
        """The stores of a bulk scope, in name order for a filter, as given (first of each
        duplicate kept) for ids, every store for None. ``deadline_soon`` narrows a filter to the
        stores list's "deadline soon" chip (computed there, not in SQL)."""
        if scope is None:
            scope = StoreFilter()
        if isinstance(scope, StoreFilter):
            ids = [r.id for r in self.list_stores(scope)]
            if deadline_soon:
                soon = {r.id for r in self.deadlines_soon()}
                ids = [i for i in ids if i in soon]
            return ids
        return list(dict.fromkeys(str(i) for i in scope))

    def unknown_store_ids(self, store_ids: Sequence[str]) -> list[str]:
        """The ids among ``store_ids`` that name no store (a stores file's typos), in order."""
        known = self.store_names(store_ids)
        return [i for i in dict.fromkeys(store_ids) if i not in known]

    def bulk_plan(
        self,
        store_ids: Sequence[str],
        method: Method,
        enabled: bool,
        *,
        progress: ProgressCallback | None = None,
    ) -> BulkPlan:
        """The dry run of ``set_method_bulk`` as a row per store: will change / already so /
        refused (with the rule's reason), with names. Writes nothing; progress and cancel as in
        ``set_method_bulk``."""
        dry = self.set_method_bulk(store_ids, method, enabled, dry_run=True, progress=progress)
        names = self.store_names([r.store_id for r in dry.results if r.store_id])
        rows = []
        for r in dry.results:
            sid = r.store_id or ""
            setting = r.state.setting if r.state is not None else None
            if r.applied:
                outcome = BulkOutcome.CHANGE
            elif r.reason is not None and r.reason.code is ReasonCode.NO_CHANGE:
                outcome = BulkOutcome.ALREADY
            else:
                outcome = BulkOutcome.REFUSED
            if outcome is BulkOutcome.CHANGE:
                setting = not enabled  # the rules answer NO_CHANGE when it has the value already
            rows.append(
                PlanRow(
                    sid,
                    names.get(sid),
                    outcome,
                    r.reason if outcome is BulkOutcome.REFUSED else None,
                    setting,
                    r.expected_eligibility,
                )
            )
        return BulkPlan(method, enabled, tuple(rows), self.now(), cancelled=dry.cancelled)

    def bulk_send_counts(self, result: BulkResult) -> SendCounts:
        """How far the rows a bulk run saved have got through the sync (one query).

        A store whose wish went back to the value the platform already has ("cancelled") needs
        no sending: it counts as confirmed at once.
        """
        ids = [r.outbox_id for r in result.changed if r.outbox_id and r.outcome != "cancelled"]
        at_once = sum(1 for r in result.changed if r.outcome == "cancelled")
        found = self.repo.outbox_statuses(ids) if ids else {}
        tally: dict[str, int] = {}
        for status in found.values():
            tally[status] = tally.get(status, 0) + 1
        return SendCounts(
            waiting=tally.get("queued", 0),
            sending=tally.get("in_flight", 0),
            confirmed=tally.get("done", 0) + at_once,
            refused=tally.get("refused", 0),
            dropped=tally.get("discarded", 0) + len(ids) - len(found),
        )

    def send_feedback(self, announcement_id: str, text: str) -> ChangeResult:
        """Check the opinion period and the text, then store it as pending and queue it."""
        text = text.strip()
        now = self.now()
        with self.repo.transaction():
            announcement = self.repo.announcement(announcement_id)
            if announcement is None:
                reason = Reason(ReasonCode.UNKNOWN_ANNOUNCEMENT, {"announcement_id": announcement_id})
                return ChangeResult(None, False, reason)
            decision = rules.can_send_feedback(announcement, text, now)
            if not decision.allowed:
                return ChangeResult(None, False, decision.reason)
            _, outbox_id = self.repo.write_feedback(announcement_id, text, now)
        return ChangeResult(None, True, outbox_id=outbox_id, outcome="queued")

    def mark_read(self, announcement_id: str, read: bool = True) -> None:
        """KeyError for an unknown announcement."""
        if not self.repo.mark_read(announcement_id, read):
            raise KeyError(announcement_id)

    def retry_change(self, outbox_id: str) -> ChangeResult:
        """Queue a refused change again, after checking the rules against today's state.

        The refused row is closed and a new row (new idempotency key: the platform replays the
        old key's refusal) is queued, coalescing like any new wish. If the method already has the
        wanted value the refused row is simply closed (NO_CHANGE). KeyError for an unknown id,
        OutboxStateError when the row is not refused.
        """
        now = self.now()
        with self.repo.transaction():
            row = self.repo.outbox_row(outbox_id)
            if row is None:
                raise KeyError(outbox_id)
            if row.status != "refused":
                raise OutboxStateError(outbox_id, row.status, "retry")
            if row.kind == "send_feedback":
                return self._retry_feedback(row, now)
            assert row.store_id is not None and row.method is not None
            enabled = bool(row.payload["enabled"])
            result = self._set_one(row.store_id, row.method, enabled, now, dry_run=True)
            if result.reason is not None and result.reason.code is ReasonCode.NO_CHANGE:
                self.repo.discard(outbox_id, now, action="retry")
                return replace(result, state=self.repo.method(row.store_id, row.method))
            if not result.applied:
                return result
            self.repo.discard(outbox_id, now, action="retry")
            return self._set_one(row.store_id, row.method, enabled, now, dry_run=False)

    def _retry_feedback(self, row: OutboxRow, now: datetime) -> ChangeResult:
        announcement = self.repo.announcement(row.announcement_id or "")
        if announcement is None:
            return ChangeResult(None, False, Reason(ReasonCode.UNKNOWN_ANNOUNCEMENT))
        decision = rules.can_send_feedback(announcement, str(row.payload.get("text", "")), now)
        if not decision.allowed:
            return ChangeResult(None, False, decision.reason)
        new_id = self.repo.requeue_feedback(row.id, now)
        return ChangeResult(None, True, outbox_id=new_id, outcome="queued")

    def discard_change(self, outbox_id: str) -> ChangeResult:
        """Drop a queued or refused change; the method shows the platform's value again.

        KeyError for an unknown id; OutboxStateError for a change in flight or already settled
        (it may have reached the platform: the next sync tells).
        """
        now = self.now()
        with self.repo.transaction():
            row = self.repo.discard(outbox_id, now)
            state = self.repo.method(row.store_id, row.method) if row.store_id and row.method else None
        return ChangeResult(row.store_id, True, outbox_id=outbox_id, state=state, outcome="discarded")


def bulk_plan_table(plan: BulkPlan, lang: str) -> tuple[list[str], list[list[str]]]:
    """The dry run as headings and rows in ``lang``: the CSV export and the terminal's table.

    Store id and name in separate columns; the check time in ISO 8601 with the zone's offset.
    """
    from console.words import method_name, on_off
    from console.words.bulk import bulk_msg, column_titles, outcome_name
    from console.words.dates import format_iso

    method = method_name(plan.method, lang)
    wanted = on_off(plan.enabled, lang)
    at = format_iso(plan.checked_at)
    rows = []
    for r in plan.rows:
        rows.append(
            [
                r.store_id,
                r.store_name if r.store_name is not None else bulk_msg("unknown_store_name", lang),
                method,
                wanted,
                outcome_name(r.outcome, lang),
                plan_row_why(r, plan.enabled, lang),
                at,
            ]
        )
    return column_titles(lang), rows


def plan_row_why(row: PlanRow, enabled: bool, lang: str) -> str:
    """Why a store of a dry run ends as it does, as a sentence in ``lang``."""
    from console.words import on_off, reason_text
    from console.words.bulk import bulk_msg

    if row.outcome is BulkOutcome.REFUSED:
        return reason_text(row.reason, lang)
    wanted = on_off(enabled, lang)
    if row.outcome is BulkOutcome.ALREADY:
        return bulk_msg("already_why", lang, wanted=wanted)
    text = bulk_msg("will_change_why", lang, current=on_off(not enabled, lang), wanted=wanted)
    if row.expected_eligibility is Eligibility.IN_REVIEW:
        text += (" " if lang != "zh_CN" else "") + bulk_msg("applies", lang)
    elif row.expected_eligibility is not None and not enabled:
        text += (" " if lang != "zh_CN" else "") + bulk_msg("withdraws", lang)
    return text


def write_bulk_plan_csv(path: Path, plan: BulkPlan, lang: str) -> int:
    """The dry run as CSV (UTF-8 with BOM, created 0600, replaced whole); returns the row count."""
    from console.storage.exports import write_table

    headers, rows = bulk_plan_table(plan, lang)
    write_table(path, headers, rows, "csv")
    return len(rows)


def refusal_reason(code: str | None, message: str | None) -> Reason | None:
    """A platform refusal code from the outbox as a Reason; unknown codes keep the message."""
    if not code:
        return None
    params: dict[str, object] = {"message": message} if message else {}
    if code in ReasonCode._value2member_map_:
        return Reason(ReasonCode(code), params)
    return Reason(ReasonCode.PLATFORM_REFUSED, {"code": code, "message": message or code})


def _pending_change(r: OutboxRow) -> PendingChange:
    enabled = r.payload.get("enabled") if r.kind == "set_method" else None
    return PendingChange(
        id=r.id,
        seq=r.seq,
        kind=r.kind,
        status=r.status,
        created_at=r.created_at,
        store_id=r.store_id,
        store_name=r.store_name,
        method=r.method,
        enabled=None if enabled is None else bool(enabled),
        announcement_id=r.announcement_id,
        attempts=r.attempts,
        last_error=r.last_error,
        refusal=refusal_reason(r.refused_code, r.refused_message),
    )

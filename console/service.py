"""Use cases shared by the GUI and the CLI.

Every method validates with ``console.core.rules`` and, for changes, writes state + outbox +
audit in one ``BEGIN IMMEDIATE`` transaction, then returns a result the caller can show. Nothing
here imports Qt or does network I/O; the sync engine (``console.sync``) sends the outbox.

The service holds one sqlite-utils Database (one connection): create one service per thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

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
from console.core.reasons import Reason


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


@dataclass(frozen=True, slots=True)
class BulkResult:
    method: Method
    enabled: bool
    dry_run: bool
    results: tuple[ChangeResult, ...]
    cancelled: bool = False

    @property
    def changed(self) -> tuple[ChangeResult, ...]:
        return tuple(r for r in self.results if r.applied)

    @property
    def refused(self) -> tuple[ChangeResult, ...]:
        return tuple(r for r in self.results if not r.applied and r.reason is not None)


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


class ConsoleService:
    """The use cases. ``clock`` returns an aware UTC datetime (tests pass a fixed one)."""

    def __init__(self, db: sqlite_utils.Database, clock: Callable[[], datetime] | None = None) -> None:
        raise NotImplementedError

    # -- reading -------------------------------------------------------------------------
    def merchant(self) -> Merchant | None: ...
    def store_count(self) -> int: ...
    def list_stores(self, flt: StoreFilter = StoreFilter(), limit: int | None = None) -> list[StoreRow]: ...
    def status_counts(self) -> dict[Eligibility, int]: ...  # WeChat Pay eligibility -> stores
    def deadlines_soon(self, within_days: int = 7) -> list[StoreRow]: ...
    def store_detail(self, store_id: str) -> StoreDetail: ...  # KeyError for an unknown store
    def why_hidden(self, store_id: str, method: Method, device: Device | None = None) -> list[Reason]: ...
    def checkout_preview(self, store_id: str, amount_fen: int, device: Device) -> CheckoutPreview: ...
    def announcements(self) -> list[Announcement]: ...
    def pending_changes(self) -> list[PendingChange]: ...
    def pending_count(self) -> int: ...
    def activity(self, flt: ActivityFilter = ActivityFilter()) -> list[ActivityEntry]: ...

    # -- changing (state + outbox + audit in one transaction) -----------------------------
    def set_method(self, store_id: str, method: Method, enabled: bool, *, dry_run: bool = False) -> ChangeResult: ...
    def set_method_bulk(
        self,
        store_ids: Sequence[str],
        method: Method,
        enabled: bool,
        *,
        dry_run: bool = False,
        progress: ProgressCallback | None = None,
    ) -> BulkResult: ...
    def send_feedback(self, announcement_id: str, text: str) -> ChangeResult: ...
    def mark_read(self, announcement_id: str, read: bool = True) -> None: ...
    def retry_change(self, outbox_id: str) -> ChangeResult: ...
    def discard_change(self, outbox_id: str) -> ChangeResult: ...

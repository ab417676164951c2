"""The merchant's rules as pure functions: "may I?" and "why don't shoppers see it?".

Everything here is a function of plain values (``console.core.model``) and ``now``: no Qt, no SQL,
no HTTP, no clock of its own. The service and the CLI ask these functions and never re-implement a
rule, so a rule changes in one place. The rules mirror what the platform does
(docs/platform-api.md, "What a method change does") so a refusal is shown at once instead of
after a sync; the platform stays the authority and may still refuse.

Reason params are plain values a translation can use: ``str``, ``int``, ``bool``, aware
``datetime``, ``LocalizedText`` (for the platform's own bilingual text) or ``None``.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): one concern, the rule
table and its answers, just over the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Invitation,
    Method,
    MethodState,
    MethodTerms,
    Store,
    StoreStatus,
    SyncState,
)
from console.core.reasons import Decision, Reason, ReasonCode

#: The platform's limit on one feedback text (docs/platform-api.md: "1–2000 chars").
FEEDBACK_MAX_CHARS = 2000

#: Eligibilities in which the platform keeps the method off by definition: there the
#: eligibility reason already says why, and "turned off" would only repeat it.
_OFF_BY_ELIGIBILITY = frozenset(
    {
        Eligibility.NOT_INVITED,
        Eligibility.INVITED,
        Eligibility.REJECTED,
        Eligibility.EXPIRED,
        Eligibility.WITHDRAWN,
    }
)


class Refused(Exception):
    """Raised by the few pure functions that cannot return a Decision (e.g. a bad amount)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


def method_state(methods: Mapping[Method, MethodState], store_id: str, method: Method) -> MethodState:
    """The state of ``method``, or "not invited, off" when the platform sent none for the store."""
    found = methods.get(method)
    if found is not None:
        return found
    return MethodState(store_id=store_id, method=method, eligibility=Eligibility.NOT_INVITED, enabled=False)


def store_refusal(store: Store) -> Reason | None:
    """A frozen or closed store changes nothing and shows nothing."""
    if store.status is StoreStatus.FROZEN:
        return Reason(ReasonCode.STORE_FROZEN)
    if store.status is StoreStatus.CLOSED:
        return Reason(ReasonCode.STORE_CLOSED)
    return None


def _platform_reason_params(state: MethodState) -> dict[str, Any]:
    return {"method": state.method, "reason_code": state.reason_code, "reason_text": state.reason_text}


def expired_at(invitation: Invitation | None, now: datetime) -> datetime | None:
    """When the invitation really expired: the platform's EXPIRED event, else the deadline once it
    has passed; None when not known. Never a deadline still ahead: the platform may expire (or the
    demo platform be moved) before it, and "expired on <a future date>" is a lie."""
    if invitation is None:
        return None
    for event in reversed(invitation.history):
        if event.to_state is Eligibility.EXPIRED and event.at <= now:
            return event.at
    return invitation.deadline_at if invitation.deadline_at <= now else None


def _expired(invitation: Invitation | None, now: datetime) -> Reason:
    """``expired_at`` is the real expiry; ``deadline_at`` is given only when that deadline has
    passed (older words say "expired on {deadline_at}")."""
    params: dict[str, Any] = {"expired_at": expired_at(invitation, now)}
    if invitation is not None and invitation.deadline_at <= now:
        params["deadline_at"] = invitation.deadline_at
    return Reason(ReasonCode.INVITATION_EXPIRED, params)


def _window_refusal(invitation: Invitation | None, now: datetime) -> Reason | None:
    """Applying (or re-applying) needs an invitation whose window is open now."""
    if invitation is None:
        return Reason(ReasonCode.NOT_INVITED)
    if now < invitation.window_opens_at:
        return Reason(ReasonCode.WINDOW_NOT_OPEN, {"window_opens_at": invitation.window_opens_at})
    if now >= invitation.deadline_at:
        return _expired(invitation, now)
    return None


def _not_invited(invitation: Invitation | None, now: datetime) -> Reason:
    """A store whose phase is scheduled hears when its window opens, not just "not invited"
    (the platform refuses it with WINDOW_NOT_OPEN too)."""
    if invitation is not None and now < invitation.window_opens_at:
        return Reason(ReasonCode.WINDOW_NOT_OPEN, {"window_opens_at": invitation.window_opens_at})
    return Reason(ReasonCode.NOT_INVITED)


def _turn_on_refusal(state: MethodState, invitation: Invitation | None, now: datetime) -> Reason | None:
    """Why the platform would refuse ``enabled: true`` for this eligibility (None: it accepts)."""
    e = state.eligibility
    if e in (Eligibility.LIVE, Eligibility.APPROVED):
        return None
    if e is Eligibility.NOT_INVITED:
        return _not_invited(invitation, now)
    if e in (Eligibility.INVITED, Eligibility.REJECTED):
        return _window_refusal(invitation, now)
    if e is Eligibility.IN_REVIEW:
        return Reason(ReasonCode.REVIEW_PENDING)
    if e is Eligibility.EXPIRED:
        return _expired(invitation, now)
    if e is Eligibility.WITHDRAWN:
        return Reason(ReasonCode.INVITATION_WITHDRAWN, _platform_reason_params(state))
    return Reason(ReasonCode.METHOD_FROZEN, _platform_reason_params(state))


def _leaves_no_live_method(methods: Mapping[Method, MethodState], turning_off: MethodState) -> bool:
    """True when turning ``turning_off`` off would leave no LIVE method whose setting is on.

    Pending wishes count (``MethodState.setting``): a store whose Alipay waits to be turned off
    must not also lose WeChat Pay before either change reaches the platform.
    """
    if turning_off.eligibility is not Eligibility.LIVE:
        return False  # the platform applies the rule only when a live method goes off
    return not any(
        m.eligibility is Eligibility.LIVE and m.setting
        for method, m in methods.items()
        if method is not turning_off.method
    )


def can_set_method(
    store: Store,
    methods: Mapping[Method, MethodState],
    method: Method,
    enabled: bool,
    invitation: Invitation | None,
    now: datetime,
) -> Decision:
    """May the merchant set ``method`` to ``enabled`` now?

    Order of checks: a value the method already has is NO_CHANGE first (nothing to queue, not an
    error, even on a frozen store); then the store; then, turning off, METHOD_FROZEN and
    LAST_LIVE_METHOD; turning on, the eligibility (invitation window, review, expiry ...).
    Putting back the value the platform already confirmed (cancelling a pending wish) needs no
    eligibility: the platform has that value now.
    """
    state = method_state(methods, store.id, method)
    if state.setting == enabled:
        return Decision.no(ReasonCode.NO_CHANGE, enabled=enabled)
    refusal = store_refusal(store)
    if refusal is not None:
        return Decision(False, refusal)
    if not enabled:
        if state.eligibility is Eligibility.FROZEN:
            return Decision(False, Reason(ReasonCode.METHOD_FROZEN, _platform_reason_params(state)))
        if _leaves_no_live_method(methods, state):
            return Decision.no(ReasonCode.LAST_LIVE_METHOD, method=method)
        return Decision.yes()
    if state.wanted is not None and state.enabled == enabled:
        return Decision.yes()  # cancels a pending "off": the platform still has it on
    refusal = _turn_on_refusal(state, invitation, now)
    return Decision.yes() if refusal is None else Decision(False, refusal)


def expected_eligibility(
    state: MethodState, enabled: bool, invitation: Invitation | None, now: datetime
) -> Eligibility:
    """What the platform's eligibility becomes once the change is applied.

    Turning WeChat Pay on while invited or rejected sends an application (``in_review``); turning
    it off while in review withdraws it (``invited``, or ``expired`` past the deadline). The GUI
    uses this to warn before a change with a side effect; dry runs report it.
    """
    e = state.eligibility
    if enabled and e in (Eligibility.INVITED, Eligibility.REJECTED):
        return Eligibility.IN_REVIEW
    if not enabled and e is Eligibility.IN_REVIEW:
        if invitation is not None and now >= invitation.deadline_at:
            return Eligibility.EXPIRED
        return Eligibility.INVITED
    return e


def eligibility_reason(state: MethodState, invitation: Invitation | None, now: datetime) -> Reason | None:
    """Why the platform's eligibility keeps the method from shoppers (None when live).

    An invited store that has already asked to turn the method on (a pending wish) has applied
    as far as the merchant is concerned: the chain then says PENDING_SYNC, not "not applied".
    """
    e = state.eligibility
    if e is Eligibility.LIVE:
        return None
    if e is Eligibility.NOT_INVITED:
        return _not_invited(invitation, now)
    if e is Eligibility.INVITED:
        if invitation is not None and now < invitation.window_opens_at:
            return Reason(ReasonCode.WINDOW_NOT_OPEN, {"window_opens_at": invitation.window_opens_at})
        if invitation is not None and now >= invitation.deadline_at:
            return _expired(invitation, now)
        if state.wanted and not state.enabled:
            return None  # the chain says PENDING_SYNC instead
        params = {"deadline_at": invitation.deadline_at} if invitation else {}
        return Reason(ReasonCode.INVITATION_NOT_ACCEPTED, params)
    if e is Eligibility.IN_REVIEW:
        return Reason(ReasonCode.REVIEW_PENDING)
    if e is Eligibility.APPROVED:
        launch_at = state.launch_at or (invitation.launch_at if invitation else None)
        return Reason(ReasonCode.AWAITING_LAUNCH, {"launch_at": launch_at})
    if e is Eligibility.REJECTED:
        return Reason(ReasonCode.REJECTED, _platform_reason_params(state))
    if e is Eligibility.EXPIRED:
        return _expired(invitation, now)
    if e is Eligibility.WITHDRAWN:
        return Reason(ReasonCode.INVITATION_WITHDRAWN, _platform_reason_params(state))
    return Reason(ReasonCode.METHOD_FROZEN, _platform_reason_params(state))


def hidden_reasons(
    store: Store,
    state: MethodState,
    terms: MethodTerms | None,
    invitation: Invitation | None,
    now: datetime,
    *,
    device: Device | None = None,
    amount_fen: int | None = None,
) -> tuple[Reason, ...]:
    """Every reason shoppers do not see this method now, most fundamental first; () when shown.

    Order: the store, the platform's eligibility, the merchant's setting (TURNED_OFF, or
    PENDING_SYNC for an "on" the platform has not confirmed), NO_TERMS, then for a given device
    DEVICE_UNSUPPORTED and for a given amount AMOUNT_OVER_LIMIT.

    "Now" means the platform's confirmed facts: a pending "off" does not hide a method until it
    syncs (shoppers still see it), so it adds nothing here; ``MethodState.sync_state`` tells.
    """
    method = state.method
    chain: list[Reason] = []
    refusal = store_refusal(store)
    if refusal is not None:
        chain.append(refusal)
    eligibility = eligibility_reason(state, invitation, now)
    if eligibility is not None:
        chain.append(eligibility)
    if not state.enabled:
        if state.wanted:
            chain.append(Reason(ReasonCode.PENDING_SYNC, {"method": method, "enabled": True}))
        elif state.eligibility not in _OFF_BY_ELIGIBILITY:
            chain.append(Reason(ReasonCode.TURNED_OFF, {"method": method}))
    if terms is None:
        chain.append(Reason(ReasonCode.NO_TERMS, {"method": method}))
    else:
        if device is not None and (device not in terms.devices or method not in device.wallets):
            chain.append(Reason(ReasonCode.DEVICE_UNSUPPORTED, {"method": method, "device": device}))
        if amount_fen is not None and terms.max_amount_fen is not None and amount_fen > terms.max_amount_fen:
            limit = {"method": method, "max_amount_fen": terms.max_amount_fen}
            chain.append(Reason(ReasonCode.AMOUNT_OVER_LIMIT, limit))
    return tuple(chain)


# -- the three facts per method ----------------------------------------------------------------


class Visibility(StrEnum):
    """Filters of the stores list; a method has SHOWN or NOT_SHOWN and any of the others."""

    SHOWN = "shown"
    NOT_SHOWN = "not_shown"
    FROZEN = "frozen"  # the store or the method, by the platform's risk review
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class MethodFacts:
    """Per store and method, the three facts a merchant reads together (as Stripe's payment-method
    list): the platform's state, the merchant's setting, and whether shoppers see it now."""

    store_id: str
    method: Method
    platform_state: Eligibility
    setting: bool  # the merchant's, pending or confirmed
    sync: SyncState
    shown: bool
    hidden_reasons: tuple[Reason, ...]  # why not shown, most fundamental first; () when shown
    visibility: frozenset[Visibility]

    @property
    def as_wanted(self) -> bool:
        """Shoppers see exactly what the merchant set, and the platform confirmed it."""
        return self.shown == self.setting and self.sync is SyncState.CONFIRMED


def method_facts(
    store: Store, state: MethodState, terms: MethodTerms | None, invitation: Invitation | None, now: datetime
) -> MethodFacts:
    """Answer "shown to shoppers?" for one store and method, with the reason chain when not.

    A green "live" platform state with the merchant's setting off is *not* shown: the stores
    list renders ``shown``, never the platform state alone.
    """
    chain = hidden_reasons(store, state, terms, invitation, now)
    e = state.eligibility
    visibility = {Visibility.NOT_SHOWN if chain else Visibility.SHOWN}
    if store.status is StoreStatus.FROZEN or e is Eligibility.FROZEN:
        visibility.add(Visibility.FROZEN)
    if any(r.code is ReasonCode.INVITATION_EXPIRED for r in chain) or e is Eligibility.EXPIRED:
        visibility.add(Visibility.EXPIRED)
    if e is Eligibility.WITHDRAWN:
        visibility.add(Visibility.WITHDRAWN)
    return MethodFacts(
        store_id=store.id,
        method=state.method,
        platform_state=e,
        setting=state.setting,
        sync=state.sync_state,
        shown=not chain,
        hidden_reasons=chain,
        visibility=frozenset(visibility),
    )


def deadline_that_matters(
    store: Store, state: MethodState, invitation: Invitation | None, now: datetime
) -> datetime | None:
    """The application deadline, only while it can still change something: an open store, invited
    or rejected (may re-apply), deadline ahead. Live, approved, in review, frozen, expired and
    withdrawn stores show none."""
    if invitation is None or store.status is not StoreStatus.OPEN:
        return None
    if state.eligibility not in (Eligibility.INVITED, Eligibility.REJECTED) or now >= invitation.deadline_at:
        return None
    return invitation.deadline_at


# -- next step: one rule table ------------------------------------------------------------------


class Timing(StrEnum):
    """Where ``now`` falls in the store's invitation."""

    NONE = "none"  # no phase scheduled for the store
    SCHEDULED = "scheduled"  # the window opens later
    OPEN = "open"
    CLOSED = "closed"  # the deadline passed


class ChangeSync(StrEnum):
    """The merchant's own changes to the store, from the methods' sync states."""

    SYNCED = "synced"
    WAITING = "waiting"
    REFUSED = "refused"


def invitation_timing(invitation: Invitation | None, now: datetime) -> Timing:
    if invitation is None:
        return Timing.NONE
    if now < invitation.window_opens_at:
        return Timing.SCHEDULED
    return Timing.OPEN if now < invitation.deadline_at else Timing.CLOSED


@dataclass(frozen=True, slots=True)
class Situation:
    """The facts that decide a store's next step about WeChat Pay."""

    store_status: StoreStatus
    eligibility: Eligibility
    setting: bool
    sync: ChangeSync
    timing: Timing


@dataclass(frozen=True, slots=True)
class StepRule:
    """One row of the table: every given column must match (None matches anything)."""

    step: ReasonCode | None  # None: nothing to do
    store: StoreStatus | None = None
    eligibility: frozenset[Eligibility] | None = None
    setting: bool | None = None
    sync: ChangeSync | None = None
    timing: frozenset[Timing] | None = None

    def matches(self, s: Situation) -> bool:
        return (
            (self.store is None or s.store_status is self.store)
            and (self.eligibility is None or s.eligibility in self.eligibility)
            and (self.setting is None or s.setting == self.setting)
            and (self.sync is None or s.sync is self.sync)
            and (self.timing is None or s.timing in self.timing)
        )


def _e(*values: Eligibility) -> frozenset[Eligibility]:
    return frozenset(values)


#: First match wins. Nothing to do only for a live WeChat Pay that is on, with nothing unsettled:
#: a frozen, expired, withdrawn or not-invited store always has something to do or to know.
STEP_TABLE: tuple[StepRule, ...] = (
    StepRule(ReasonCode.STORE_FROZEN, store=StoreStatus.FROZEN),
    StepRule(ReasonCode.STORE_CLOSED, store=StoreStatus.CLOSED),
    StepRule(ReasonCode.CHANGE_REFUSED, sync=ChangeSync.REFUSED),
    StepRule(ReasonCode.PENDING_SYNC, sync=ChangeSync.WAITING),
    StepRule(ReasonCode.METHOD_FROZEN, eligibility=_e(Eligibility.FROZEN)),
    StepRule(ReasonCode.INVITATION_WITHDRAWN, eligibility=_e(Eligibility.WITHDRAWN)),
    StepRule(ReasonCode.INVITATION_EXPIRED, eligibility=_e(Eligibility.EXPIRED)),
    StepRule(
        ReasonCode.INVITATION_EXPIRED,
        eligibility=_e(Eligibility.INVITED, Eligibility.REJECTED),
        timing=frozenset({Timing.CLOSED}),
    ),
    StepRule(
        ReasonCode.WINDOW_NOT_OPEN,
        eligibility=_e(Eligibility.NOT_INVITED, Eligibility.INVITED),
        timing=frozenset({Timing.SCHEDULED}),
    ),
    StepRule(ReasonCode.NOT_INVITED, eligibility=_e(Eligibility.NOT_INVITED)),
    StepRule(ReasonCode.INVITATION_NOT_ACCEPTED, eligibility=_e(Eligibility.INVITED)),
    StepRule(ReasonCode.REVIEW_PENDING, eligibility=_e(Eligibility.IN_REVIEW)),
    StepRule(ReasonCode.REJECTED, eligibility=_e(Eligibility.REJECTED)),
    StepRule(ReasonCode.AWAITING_LAUNCH, eligibility=_e(Eligibility.APPROVED)),
    StepRule(ReasonCode.TURNED_OFF, eligibility=_e(Eligibility.LIVE), setting=False),
    StepRule(None, eligibility=_e(Eligibility.LIVE), setting=True),
)


def next_step_code(situation: Situation) -> ReasonCode | None:
    """The table's answer; every situation matches a row (the table test proves it)."""
    for rule in STEP_TABLE:
        if rule.matches(situation):
            return rule.step
    raise AssertionError(f"no next-step rule for {situation}")  # pragma: no cover


def situation(
    store: Store, methods: Mapping[Method, MethodState], invitation: Invitation | None, now: datetime
) -> Situation:
    wechat = method_state(methods, store.id, Method.WECHAT_PAY)
    if any(m.sync_state is SyncState.REFUSED for m in methods.values()):
        sync = ChangeSync.REFUSED
    elif any(m.wanted is not None for m in methods.values()):
        sync = ChangeSync.WAITING
    else:
        sync = ChangeSync.SYNCED
    return Situation(
        store.status, wechat.eligibility, wechat.setting, sync, invitation_timing(invitation, now)
    )


def next_step(
    store: Store,
    methods: Mapping[Method, MethodState],
    invitation: Invitation | None,
    now: datetime,
) -> Reason | None:
    """The one thing the merchant should do (or wait for) next about WeChat Pay; None: nothing.

    The code comes from ``STEP_TABLE``; this adds the facts its sentence needs. Dates are the
    ones that still matter: a deadline only while it is ahead, an expiry when it really happened.
    """
    s = situation(store, methods, invitation, now)
    code = next_step_code(s)
    if code is None:
        return None
    wechat = method_state(methods, store.id, Method.WECHAT_PAY)
    params: dict[str, Any] = {}
    if code is ReasonCode.CHANGE_REFUSED:
        refused = [m for m in methods.values() if m.sync_state is SyncState.REFUSED]
        params = {
            "methods": [m.method.value for m in refused],
            "code": refused[0].refused_code,
            "message": refused[0].refused_message,
        }
    elif code is ReasonCode.PENDING_SYNC:
        params = {"methods": [m.method.value for m in methods.values() if m.wanted is not None]}
    elif code in (ReasonCode.METHOD_FROZEN, ReasonCode.INVITATION_WITHDRAWN):
        params = _platform_reason_params(wechat)
    elif code is ReasonCode.INVITATION_EXPIRED:
        return _expired(invitation, now)
    elif code is ReasonCode.WINDOW_NOT_OPEN and invitation is not None:
        params = {"window_opens_at": invitation.window_opens_at}
    elif code is ReasonCode.INVITATION_NOT_ACCEPTED:
        params = {"deadline_at": deadline_that_matters(store, wechat, invitation, now)}
    elif code is ReasonCode.REJECTED:
        params = _platform_reason_params(wechat)
        params["deadline_at"] = deadline_that_matters(store, wechat, invitation, now)
    elif code is ReasonCode.AWAITING_LAUNCH:
        params = {"launch_at": wechat.launch_at or (invitation.launch_at if invitation else None)}
    elif code is ReasonCode.TURNED_OFF:
        params = {"method": Method.WECHAT_PAY}
    return Reason(code, params)


def can_send_feedback(announcement: Announcement, text: str, now: datetime) -> Decision:
    """Feedback is accepted only during the opinion period, non-empty, at most 2000 characters."""
    if now < announcement.opinion_opens_at:
        return Decision.no(ReasonCode.OPINION_NOT_OPEN, opinion_opens_at=announcement.opinion_opens_at)
    if now >= announcement.opinion_closes_at:
        return Decision.no(ReasonCode.OPINION_PERIOD_CLOSED, opinion_closes_at=announcement.opinion_closes_at)
    if not text.strip():
        return Decision.no(ReasonCode.FEEDBACK_EMPTY)
    if len(text) > FEEDBACK_MAX_CHARS:
        return Decision.no(ReasonCode.FEEDBACK_TOO_LONG, length=len(text), max_length=FEEDBACK_MAX_CHARS)
    return Decision.yes()

"""console.core.rules: every rule and reason code, as tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core import rules
from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Invitation,
    InvitationEvent,
    LocalizedText,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
    SyncState,
)
from console.core.reasons import ReasonCode

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
DAY = timedelta(days=1)
A, W = Method.ALIPAY, Method.WECHAT_PAY
E = Eligibility
R = ReasonCode


def store(status: str = "open") -> Store:
    return Store("tb-1", Platform.TAOBAO, "Shop", "apparel", StoreStatus(status), "mcpay://receive/tb-1")


def state(
    method: Method, eligibility: str, enabled: bool, wanted: bool | None = None, **kw: Any
) -> MethodState:
    return MethodState("tb-1", method, Eligibility(eligibility), enabled, wanted, **kw)


def invitation(opens: float = -7, deadline: float = 14, launch: float | None = 30) -> Invitation:
    return Invitation(
        "tb-1", 2, NOW + opens * DAY, NOW + deadline * DAY, None if launch is None else NOW + launch * DAY
    )


def methods(
    alipay: tuple[Any, ...] = ("live", True), wechat: tuple[Any, ...] | None = ("invited", False)
) -> dict:
    out = {A: state(A, *alipay)}
    if wechat is not None:
        out[W] = state(W, *wechat)
    return out


TERMS = {
    A: MethodTerms(Platform.TAOBAO, A, 60, None, frozenset(Device), 1),
    W: MethodTerms(Platform.TAOBAO, W, 55, 5_000_000, frozenset({Device.MOBILE_APP, Device.PC_WEB}), 2),
}

OPEN = invitation()
NOT_YET = invitation(opens=2, deadline=20)
PAST = invitation(opens=-30, deadline=-1)

# -- can_set_method ----------------------------------------------------------------------

# (case, store status, alipay, wechat, invitation, method, enabled, expected code or None)
SET_CASES = [
    # WeChat Pay on: the invitation rules
    ("not invited", "open", ("live", True), ("not_invited", False), None, W, True, R.NOT_INVITED),
    ("no wechat row", "open", ("live", True), None, None, W, True, R.NOT_INVITED),
    (
        "invited, window not open",
        "open",
        ("live", True),
        ("invited", False),
        NOT_YET,
        W,
        True,
        R.WINDOW_NOT_OPEN,
    ),
    ("invited, window open", "open", ("live", True), ("invited", False), OPEN, W, True, None),
    (
        "invited, deadline passed",
        "open",
        ("live", True),
        ("invited", False),
        PAST,
        W,
        True,
        R.INVITATION_EXPIRED,
    ),
    ("invited but no invitation", "open", ("live", True), ("invited", False), None, W, True, R.NOT_INVITED),
    ("rejected, window open: re-apply", "open", ("live", True), ("rejected", False), OPEN, W, True, None),
    (
        "rejected, window not open",
        "open",
        ("live", True),
        ("rejected", False),
        NOT_YET,
        W,
        True,
        R.WINDOW_NOT_OPEN,
    ),
    (
        "rejected, past deadline",
        "open",
        ("live", True),
        ("rejected", False),
        PAST,
        W,
        True,
        R.INVITATION_EXPIRED,
    ),
    ("in review, off", "open", ("live", True), ("in_review", False), OPEN, W, True, R.REVIEW_PENDING),
    (
        "in review, withdrawal pending: undo",
        "open",
        ("live", True),
        ("in_review", True, False),
        OPEN,
        W,
        True,
        None,
    ),
    ("approved", "open", ("live", True), ("approved", False), OPEN, W, True, None),
    ("live", "open", ("live", True), ("live", False), OPEN, W, True, None),
    ("expired", "open", ("live", True), ("expired", False), PAST, W, True, R.INVITATION_EXPIRED),
    ("withdrawn", "open", ("live", True), ("withdrawn", False), OPEN, W, True, R.INVITATION_WITHDRAWN),
    ("wechat frozen", "open", ("live", True), ("frozen", False), OPEN, W, True, R.METHOD_FROZEN),
    ("alipay frozen", "open", ("frozen", False), ("live", True), OPEN, A, True, R.METHOD_FROZEN),
    # off: the last live method
    ("in review off: withdraws", "open", ("live", True), ("in_review", True), OPEN, W, False, None),
    ("alipay off, wechat live on", "open", ("live", True), ("live", True), OPEN, A, False, None),
    (
        "alipay off, wechat not live",
        "open",
        ("live", True),
        ("approved", True),
        OPEN,
        A,
        False,
        R.LAST_LIVE_METHOD,
    ),
    (
        "alipay off, wechat live off",
        "open",
        ("live", True),
        ("live", False),
        OPEN,
        A,
        False,
        R.LAST_LIVE_METHOD,
    ),
    (
        "alipay off, wechat off pending",
        "open",
        ("live", True),
        ("live", True, False),
        OPEN,
        A,
        False,
        R.LAST_LIVE_METHOD,
    ),
    ("alipay off, wechat on pending", "open", ("live", True), ("live", False, True), OPEN, A, False, None),
    (
        "wechat live off, alipay off pending",
        "open",
        ("live", True, False),
        ("live", True),
        OPEN,
        W,
        False,
        R.LAST_LIVE_METHOD,
    ),
    ("approved off: not live, no rule", "open", ("live", True), ("approved", True), OPEN, W, False, None),
    ("frozen method off", "open", ("live", True), ("frozen", True), OPEN, W, False, R.METHOD_FROZEN),
    ("alipay only, no wechat row", "open", ("live", True), None, None, A, False, R.LAST_LIVE_METHOD),
    # the store
    ("frozen store", "frozen", ("live", True), ("invited", False), OPEN, W, True, R.STORE_FROZEN),
    ("closed store", "closed", ("live", True), ("live", True), OPEN, W, False, R.STORE_CLOSED),
    # no change (checked first: nothing to queue, not an error)
    ("alipay already on", "open", ("live", True), ("live", True), OPEN, A, True, R.NO_CHANGE),
    ("wechat already off", "open", ("live", True), ("not_invited", False), None, W, False, R.NO_CHANGE),
    ("pending wish already on", "open", ("live", True), ("invited", False, True), OPEN, W, True, R.NO_CHANGE),
    ("frozen store, same value", "frozen", ("live", True), ("live", True), OPEN, A, True, R.NO_CHANGE),
    ("no wechat row, off", "open", ("live", True), None, None, W, False, R.NO_CHANGE),
]


@pytest.mark.parametrize(
    ("status", "alipay", "wechat", "inv", "method", "enabled", "expected"),
    [c[1:] for c in SET_CASES],
    ids=[c[0] for c in SET_CASES],
)
def test_can_set_method(status, alipay, wechat, inv, method, enabled, expected) -> None:
    decision = rules.can_set_method(store(status), methods(alipay, wechat), method, enabled, inv, NOW)
    if expected is None:
        assert decision.allowed, decision.reason
        assert decision.reason is None
    else:
        assert not decision.allowed
        assert decision.reason is not None
        assert decision.reason.code is expected


def test_refusal_params_carry_the_facts() -> None:
    d = rules.can_set_method(store(), methods(wechat=("invited", False)), W, True, NOT_YET, NOW)
    assert d.reason is not None and d.reason.params == {"window_opens_at": NOT_YET.window_opens_at}
    d = rules.can_set_method(store(), methods(wechat=("invited", False)), W, True, PAST, NOW)
    assert d.reason is not None
    assert d.reason.params == {"expired_at": PAST.deadline_at, "deadline_at": PAST.deadline_at}
    d = rules.can_set_method(store(), methods(wechat=("approved", True)), A, False, OPEN, NOW)
    assert d.reason is not None and d.reason.params == {"method": A}
    d = rules.can_set_method(store(), methods(), A, True, OPEN, NOW)
    assert d.reason is not None and d.reason.params == {"enabled": True}


def test_window_edges() -> None:
    """The window is [opens, deadline): open at the opening instant, closed at the deadline."""
    ms = methods(wechat=("invited", False))
    at_open = invitation(opens=0, deadline=5)
    assert rules.can_set_method(store(), ms, W, True, at_open, NOW).allowed
    at_deadline = invitation(opens=-5, deadline=0)
    d = rules.can_set_method(store(), ms, W, True, at_deadline, NOW)
    assert d.reason is not None and d.reason.code is R.INVITATION_EXPIRED


@pytest.mark.parametrize(
    ("wechat", "enabled", "inv", "expected"),
    [
        (("invited", False), True, OPEN, E.IN_REVIEW),
        (("rejected", False), True, OPEN, E.IN_REVIEW),
        (("in_review", True), False, OPEN, E.INVITED),
        (("in_review", True), False, PAST, E.EXPIRED),
        (("approved", True), False, OPEN, E.APPROVED),
        (("live", True), False, OPEN, E.LIVE),
    ],
)
def test_expected_eligibility_mirrors_the_platform(wechat, enabled, inv, expected) -> None:
    assert rules.expected_eligibility(state(W, *wechat), enabled, inv, NOW) is expected


# -- hidden_reasons ----------------------------------------------------------------------
REJECTION = {"reason_code": "LICENSE_MISMATCH", "reason_text": LocalizedText("执照不符", "License mismatch")}

# (case, store status, method state args, invitation, device, amount, terms?, expected codes)
HIDDEN_CASES = [
    ("alipay live on: shown", "open", (A, "live", True), None, None, None, True, ()),
    ("alipay off", "open", (A, "live", False), None, None, None, True, (R.TURNED_OFF,)),
    ("on, waiting to sync", "open", (A, "live", False, True), None, None, None, True, (R.PENDING_SYNC,)),
    ("off pending: still shown until sync", "open", (A, "live", True, False), None, None, None, True, ()),
    ("frozen store", "frozen", (A, "live", True), None, None, None, True, (R.STORE_FROZEN,)),
    (
        "closed store, not invited",
        "closed",
        (W, "not_invited", False),
        None,
        None,
        None,
        True,
        (R.STORE_CLOSED, R.NOT_INVITED),
    ),
    ("not invited", "open", (W, "not_invited", False), None, None, None, True, (R.NOT_INVITED,)),
    ("window not open", "open", (W, "invited", False), NOT_YET, None, None, True, (R.WINDOW_NOT_OPEN,)),
    (
        "invited, not applied",
        "open",
        (W, "invited", False),
        OPEN,
        None,
        None,
        True,
        (R.INVITATION_NOT_ACCEPTED,),
    ),
    (
        "invited, applied locally",
        "open",
        (W, "invited", False, True),
        OPEN,
        None,
        None,
        True,
        (R.PENDING_SYNC,),
    ),
    ("invited past deadline", "open", (W, "invited", False), PAST, None, None, True, (R.INVITATION_EXPIRED,)),
    ("in review", "open", (W, "in_review", True), OPEN, None, None, True, (R.REVIEW_PENDING,)),
    (
        "in review, withdrawal pending",
        "open",
        (W, "in_review", True, False),
        OPEN,
        None,
        None,
        True,
        (R.REVIEW_PENDING,),
    ),
    ("approved", "open", (W, "approved", True), OPEN, None, None, True, (R.AWAITING_LAUNCH,)),
    (
        "approved but off",
        "open",
        (W, "approved", False),
        OPEN,
        None,
        None,
        True,
        (R.AWAITING_LAUNCH, R.TURNED_OFF),
    ),
    ("rejected", "open", (W, "rejected", False), OPEN, None, None, True, (R.REJECTED,)),
    (
        "rejected, re-apply pending",
        "open",
        (W, "rejected", False, True),
        OPEN,
        None,
        None,
        True,
        (R.REJECTED, R.PENDING_SYNC),
    ),
    ("expired", "open", (W, "expired", False), PAST, None, None, True, (R.INVITATION_EXPIRED,)),
    ("withdrawn", "open", (W, "withdrawn", False), OPEN, None, None, True, (R.INVITATION_WITHDRAWN,)),
    ("method frozen, on", "open", (W, "frozen", True), OPEN, None, None, True, (R.METHOD_FROZEN,)),
    (
        "method frozen, off",
        "open",
        (W, "frozen", False),
        OPEN,
        None,
        None,
        True,
        (R.METHOD_FROZEN, R.TURNED_OFF),
    ),
    ("no terms", "open", (W, "live", True), OPEN, None, None, False, (R.NO_TERMS,)),
    (
        "device unsupported",
        "open",
        (W, "live", True),
        OPEN,
        Device.ALIPAY_MINI_PROGRAM,
        None,
        True,
        (R.DEVICE_UNSUPPORTED,),
    ),
    ("device supported", "open", (W, "live", True), OPEN, Device.PC_WEB, None, True, ()),
    ("amount over limit", "open", (W, "live", True), OPEN, None, 5_000_001, True, (R.AMOUNT_OVER_LIMIT,)),
    ("amount at limit", "open", (W, "live", True), OPEN, None, 5_000_000, True, ()),
    ("no limit", "open", (A, "live", True), None, None, 10**12, True, ()),
    (
        "everything at once, most fundamental first",
        "frozen",
        (W, "approved", False),
        OPEN,
        Device.ALIPAY_MINI_PROGRAM,
        9_000_000,
        True,
        (R.STORE_FROZEN, R.AWAITING_LAUNCH, R.TURNED_OFF, R.DEVICE_UNSUPPORTED, R.AMOUNT_OVER_LIMIT),
    ),
]


@pytest.mark.parametrize(
    ("status", "args", "inv", "device", "amount", "with_terms", "expected"),
    [c[1:] for c in HIDDEN_CASES],
    ids=[c[0] for c in HIDDEN_CASES],
)
def test_hidden_reasons_chain(status, args, inv, device, amount, with_terms, expected) -> None:
    s = state(*args)
    terms = TERMS[s.method] if with_terms else None
    chain = rules.hidden_reasons(store(status), s, terms, inv, NOW, device=device, amount_fen=amount)
    assert tuple(r.code for r in chain) == expected


def test_hidden_reason_params() -> None:
    s = state(W, "rejected", False, **REJECTION)
    (reason,) = rules.hidden_reasons(store(), s, TERMS[W], OPEN, NOW)
    assert reason.params["reason_code"] == "LICENSE_MISMATCH"
    assert reason.params["reason_text"].en == "License mismatch"
    (launch,) = rules.hidden_reasons(store(), state(W, "approved", True), TERMS[W], OPEN, NOW)
    assert launch.params == {"launch_at": OPEN.launch_at}  # from the invitation when the method has none
    own = NOW + 3 * DAY
    (launch,) = rules.hidden_reasons(store(), state(W, "approved", True, launch_at=own), TERMS[W], OPEN, NOW)
    assert launch.params == {"launch_at": own}
    (limit,) = rules.hidden_reasons(store(), state(W, "live", True), TERMS[W], OPEN, NOW, amount_fen=10**8)
    assert limit.params == {"method": W, "max_amount_fen": 5_000_000}
    (dev,) = rules.hidden_reasons(
        store(), state(W, "live", True), TERMS[W], OPEN, NOW, device=Device.ALIPAY_MINI_PROGRAM
    )
    assert dev.params == {"method": W, "device": Device.ALIPAY_MINI_PROGRAM}


# -- next_step ----------------------------------------------------------------------
NEXT_CASES = [
    ("frozen store", "frozen", ("invited", False), OPEN, R.STORE_FROZEN),
    ("closed store", "closed", ("live", True), OPEN, R.STORE_CLOSED),
    ("pending change", "open", ("invited", False, True), OPEN, R.PENDING_SYNC),
    ("window not open yet: wait", "open", ("invited", False), NOT_YET, R.WINDOW_NOT_OPEN),
    ("invited: apply before deadline", "open", ("invited", False), OPEN, R.INVITATION_NOT_ACCEPTED),
    ("invited, deadline passed: expired", "open", ("invited", False), PAST, R.INVITATION_EXPIRED),
    ("in review: wait", "open", ("in_review", True), OPEN, R.REVIEW_PENDING),
    ("rejected, window open: fix and re-apply", "open", ("rejected", False), OPEN, R.REJECTED),
    ("rejected, too late: expired", "open", ("rejected", False), PAST, R.INVITATION_EXPIRED),
    ("approved: wait for launch", "open", ("approved", True), OPEN, R.AWAITING_LAUNCH),
    ("live: nothing", "open", ("live", True), OPEN, None),
    ("not invited, no phase: wait", "open", ("not_invited", False), None, R.NOT_INVITED),
    ("expired: say so", "open", ("expired", False), PAST, R.INVITATION_EXPIRED),
    ("withdrawn: say so", "open", ("withdrawn", False), OPEN, R.INVITATION_WITHDRAWN),
    ("method frozen: contact risk review", "open", ("frozen", False), OPEN, R.METHOD_FROZEN),
]


@pytest.mark.parametrize(
    ("status", "wechat", "inv", "expected"), [c[1:] for c in NEXT_CASES], ids=[c[0] for c in NEXT_CASES]
)
def test_next_step(status, wechat, inv, expected) -> None:
    step = rules.next_step(store(status), methods(wechat=wechat), inv, NOW)
    assert (step.code if step else None) is expected


def test_next_step_params() -> None:
    step = rules.next_step(store(), methods(wechat=("invited", False)), OPEN, NOW)
    assert step is not None and step.params == {"deadline_at": OPEN.deadline_at}
    step = rules.next_step(store(), methods(wechat=("rejected", False, None)), OPEN, NOW)
    assert step is not None and step.params["deadline_at"] == OPEN.deadline_at
    step = rules.next_step(store(), {A: state(A, "live", True, False), W: state(W, "live", True)}, OPEN, NOW)
    assert step is not None and step.params == {"methods": ["alipay"]}


# -- feedback ----------------------------------------------------------------------
def announcement(opens: float = -1, closes: float = 3) -> Announcement:
    return Announcement(
        "a-1",
        LocalizedText("标题", "Title"),
        LocalizedText(),
        NOW - 5 * DAY,
        NOW + opens * DAY,
        NOW + closes * DAY,
        NOW + 10 * DAY,
    )


@pytest.mark.parametrize(
    ("opens", "closes", "text", "expected"),
    [
        (-1, 3, "Fine by us", None),
        (0, 3, "opens exactly now", None),
        (1, 3, "too early", R.OPINION_NOT_OPEN),
        (-3, 0, "closes exactly now", R.OPINION_PERIOD_CLOSED),
        (-3, -1, "too late", R.OPINION_PERIOD_CLOSED),
        (-1, 3, "", R.FEEDBACK_EMPTY),
        (-1, 3, "   \n\t", R.FEEDBACK_EMPTY),
        (-1, 3, "字" * 2000, None),
        (-1, 3, "字" * 2001, R.FEEDBACK_TOO_LONG),
        (-3, -1, "", R.OPINION_PERIOD_CLOSED),  # the period is the more fundamental answer
    ],
)
def test_can_send_feedback(opens, closes, text, expected) -> None:
    d = rules.can_send_feedback(announcement(opens, closes), text, NOW)
    assert (d.reason.code if d.reason else None) is expected
    assert d.allowed is (expected is None)


def test_feedback_too_long_says_the_limit() -> None:
    d = rules.can_send_feedback(announcement(), "x" * 2001, NOW)
    assert d.reason is not None and d.reason.params == {"length": 2001, "max_length": 2000}


# -- properties ----------------------------------------------------------------------
ELIGIBILITIES = st.sampled_from(list(Eligibility))
STATES = st.tuples(ELIGIBILITIES, st.booleans(), st.one_of(st.none(), st.booleans()))


def _live_on(ms: dict[Method, MethodState]) -> bool:
    return any(m.eligibility is E.LIVE and m.setting for m in ms.values())


@given(
    alipay=STATES,
    wechat=STATES,
    method=st.sampled_from([A, W]),
    enabled=st.booleans(),
    status=st.sampled_from(["open", "frozen", "closed"]),
)
def test_an_allowed_change_never_leaves_no_live_method(alipay, wechat, method, enabled, status) -> None:
    """Whatever the states, a change the rules allow keeps a live method on if there was one."""
    ms = {A: state(A, *alipay), W: state(W, *wechat)}
    decision = rules.can_set_method(store(status), ms, method, enabled, OPEN, NOW)
    if decision.allowed:
        assert status == "open"
        before = _live_on(ms)
        after = dict(ms)
        after[method] = MethodState("tb-1", method, ms[method].eligibility, ms[method].enabled, enabled)
        assert _live_on(after) or not before
    else:
        assert decision.reason is not None


@given(
    s=STATES,
    method=st.sampled_from([A, W]),
    status=st.sampled_from(["open", "frozen", "closed"]),
    device=st.sampled_from(list(Device)),
    amount=st.integers(1, 10**9),
)
def test_hidden_iff_some_reason(s, method, status, device, amount) -> None:
    """Shown exactly when the store is open, the method live and enabled, and terms allow it."""
    ms = state(method, *s)
    terms = TERMS[method]
    chain = rules.hidden_reasons(store(status), ms, terms, OPEN, NOW, device=device, amount_fen=amount)
    shown = (
        status == "open"
        and ms.eligibility is E.LIVE
        and ms.enabled
        and device in terms.devices
        and method in device.wallets
        and (terms.max_amount_fen is None or amount <= terms.max_amount_fen)
    )
    assert (not chain) is shown
    assert len({r.code for r in chain}) == len(chain)  # no reason twice


def test_a_scheduled_phase_says_when_it_opens_not_just_not_invited() -> None:
    """A store in a phase whose window is still ahead is 'not_invited' on the platform; the
    merchant should hear when the window opens (the platform refuses with WINDOW_NOT_OPEN too),
    in the refusal, the hidden-reasons chain and the next step alike."""
    future = invitation(opens=5, deadline=20)
    ms = methods(wechat=("not_invited", False))
    decision = rules.can_set_method(store(), ms, W, True, future, NOW)
    assert not decision.allowed and decision.reason is not None
    assert decision.reason.code is R.WINDOW_NOT_OPEN
    assert decision.reason.params["window_opens_at"] == future.window_opens_at
    chain = rules.hidden_reasons(store(), ms[W], TERMS[W], future, NOW)
    assert R.WINDOW_NOT_OPEN in [r.code for r in chain] and R.NOT_INVITED not in [r.code for r in chain]
    step = rules.next_step(store(), ms, future, NOW)
    assert step is not None and step.code is R.WINDOW_NOT_OPEN
    # no phase at all: plainly not invited, which is news to wait for, not "nothing to do"
    assert rules.can_set_method(store(), ms, W, True, None, NOW).reason.code is R.NOT_INVITED  # type: ignore[union-attr]
    step = rules.next_step(store(), ms, None, NOW)
    assert step is not None and step.code is R.NOT_INVITED


# -- next step: the rule table, every combination --------------------------------------------------
# For an open store with nothing unsettled: eligibility x invitation timing x the merchant's setting.
# "-" is "nothing to do". Columns: eligibility, timing, setting, expected step.
OPEN_SYNCED_TABLE = """
not_invited  none       off  NOT_INVITED
not_invited  none       on   NOT_INVITED
not_invited  scheduled  off  WINDOW_NOT_OPEN
not_invited  scheduled  on   WINDOW_NOT_OPEN
not_invited  open       off  NOT_INVITED
not_invited  open       on   NOT_INVITED
not_invited  closed     off  NOT_INVITED
not_invited  closed     on   NOT_INVITED
invited      none       off  INVITATION_NOT_ACCEPTED
invited      none       on   INVITATION_NOT_ACCEPTED
invited      scheduled  off  WINDOW_NOT_OPEN
invited      scheduled  on   WINDOW_NOT_OPEN
invited      open       off  INVITATION_NOT_ACCEPTED
invited      open       on   INVITATION_NOT_ACCEPTED
invited      closed     off  INVITATION_EXPIRED
invited      closed     on   INVITATION_EXPIRED
in_review    none       off  REVIEW_PENDING
in_review    none       on   REVIEW_PENDING
in_review    scheduled  off  REVIEW_PENDING
in_review    scheduled  on   REVIEW_PENDING
in_review    open       off  REVIEW_PENDING
in_review    open       on   REVIEW_PENDING
in_review    closed     off  REVIEW_PENDING
in_review    closed     on   REVIEW_PENDING
approved     none       off  AWAITING_LAUNCH
approved     none       on   AWAITING_LAUNCH
approved     scheduled  off  AWAITING_LAUNCH
approved     scheduled  on   AWAITING_LAUNCH
approved     open       off  AWAITING_LAUNCH
approved     open       on   AWAITING_LAUNCH
approved     closed     off  AWAITING_LAUNCH
approved     closed     on   AWAITING_LAUNCH
live         none       off  TURNED_OFF
live         none       on   -
live         scheduled  off  TURNED_OFF
live         scheduled  on   -
live         open       off  TURNED_OFF
live         open       on   -
live         closed     off  TURNED_OFF
live         closed     on   -
rejected     none       off  REJECTED
rejected     none       on   REJECTED
rejected     scheduled  off  REJECTED
rejected     scheduled  on   REJECTED
rejected     open       off  REJECTED
rejected     open       on   REJECTED
rejected     closed     off  INVITATION_EXPIRED
rejected     closed     on   INVITATION_EXPIRED
expired      none       off  INVITATION_EXPIRED
expired      none       on   INVITATION_EXPIRED
expired      scheduled  off  INVITATION_EXPIRED
expired      scheduled  on   INVITATION_EXPIRED
expired      open       off  INVITATION_EXPIRED
expired      open       on   INVITATION_EXPIRED
expired      closed     off  INVITATION_EXPIRED
expired      closed     on   INVITATION_EXPIRED
withdrawn    none       off  INVITATION_WITHDRAWN
withdrawn    none       on   INVITATION_WITHDRAWN
withdrawn    scheduled  off  INVITATION_WITHDRAWN
withdrawn    scheduled  on   INVITATION_WITHDRAWN
withdrawn    open       off  INVITATION_WITHDRAWN
withdrawn    open       on   INVITATION_WITHDRAWN
withdrawn    closed     off  INVITATION_WITHDRAWN
withdrawn    closed     on   INVITATION_WITHDRAWN
frozen       none       off  METHOD_FROZEN
frozen       none       on   METHOD_FROZEN
frozen       scheduled  off  METHOD_FROZEN
frozen       scheduled  on   METHOD_FROZEN
frozen       open       off  METHOD_FROZEN
frozen       open       on   METHOD_FROZEN
frozen       closed     off  METHOD_FROZEN
frozen       closed     on   METHOD_FROZEN
"""
_TABLE_ROWS = [line.split() for line in OPEN_SYNCED_TABLE.strip().splitlines()]
#: Above the table: a frozen or closed store first, then the merchant's unsettled changes.
_OVERRIDES = [
    (StoreStatus.FROZEN, None, R.STORE_FROZEN),
    (StoreStatus.CLOSED, None, R.STORE_CLOSED),
    (StoreStatus.OPEN, rules.ChangeSync.REFUSED, R.CHANGE_REFUSED),
    (StoreStatus.OPEN, rules.ChangeSync.WAITING, R.PENDING_SYNC),
]


def _expected(s: rules.Situation) -> ReasonCode | None:
    for store_status, sync, code in _OVERRIDES:
        if s.store_status is store_status and (sync is None or s.sync is sync):
            return code
    setting = "on" if s.setting else "off"
    (step,) = [r[3] for r in _TABLE_ROWS if (r[0], r[1], r[2]) == (s.eligibility, s.timing, setting)]
    return None if step == "-" else ReasonCode(step)


ALL_SITUATIONS = [
    rules.Situation(status, e, setting, sync, timing)
    for status in StoreStatus
    for e in Eligibility
    for setting in (False, True)
    for sync in rules.ChangeSync
    for timing in rules.Timing
]


def test_the_table_names_every_open_synced_combination_once() -> None:
    keys = [(r[0], r[1], r[2]) for r in _TABLE_ROWS]
    assert len(keys) == len(set(keys)) == len(Eligibility) * len(rules.Timing) * 2


@pytest.mark.parametrize(
    "s",
    ALL_SITUATIONS,
    ids=lambda s: "-".join(map(str, (s.store_status, s.eligibility, s.setting, s.sync, s.timing))),
)
def test_next_step_code_for_every_combination(s: rules.Situation) -> None:
    assert rules.next_step_code(s) is _expected(s)


# Each step's words in both languages, for the facts next_step gives it (UTC; dates 2026-12-08 02:00).
STEP_WORDS = {
    None: ("无需操作：买家可以用微信支付付款。", "Nothing to do: shoppers can pay with WeChat Pay."),
    R.STORE_FROZEN: ("店铺已被冻结：请联系平台客服。", "The store is frozen: contact platform support."),
    R.STORE_CLOSED: (
        "店铺已关闭：如需重新营业请联系平台客服。",
        "The store is closed: contact platform support to reopen it.",
    ),
    R.CHANGE_REFUSED: (
        "平台拒绝了您的修改（STORE_FROZEN）：请在待同步页重试或放弃。",
        "The platform refused your change (STORE_FROZEN): retry or discard it on the pending page.",
    ),
    R.PENDING_SYNC: (
        "等待同步：联网后修改会自动发送到平台。",
        "Wait for the sync: your changes are sent when online.",
    ),
    R.METHOD_FROZEN: (
        "微信支付被风控冻结（Risk review）：请联系平台风控申诉。",
        "WeChat Pay is frozen by risk review (Risk review): appeal to the platform's risk team.",
    ),
    R.INVITATION_WITHDRAWN: (
        "平台已撤回邀请（Risk review）：如有疑问请联系平台客服。",
        "The platform withdrew the invitation (Risk review): contact platform support if unsure why.",
    ),
    R.INVITATION_EXPIRED: (
        "邀请已于 2026-12-08 02:00 过期：等待后续批次再次邀请。",
        "The invitation expired on 2026-12-08 02:00: wait for a later phase to invite the store again.",
    ),
    R.WINDOW_NOT_OPEN: (
        "等待申请窗口于 2026-12-08 02:00 开放。",
        "Wait for the application window to open on 2026-12-08 02:00.",
    ),
    R.NOT_INVITED: (
        "尚未受邀，也没有排期：轮到这家店铺的批次时会通知您。",
        "Not invited and no phase scheduled: you will be told when the store's phase opens.",
    ),
    R.INVITATION_NOT_ACCEPTED: (
        "在 2026-12-08 02:00 前开启微信支付以提交申请。",
        "Turn WeChat Pay on before 2026-12-08 02:00 to apply.",
    ),
    R.REVIEW_PENDING: ("等待平台审核结果。", "Wait for the platform's review."),
    R.REJECTED: (
        "申请未通过（Risk review）。请修正后于 2026-12-08 02:00 前重新开启微信支付再次申请。",
        "Rejected (Risk review). Fix it, then turn WeChat Pay on again before 2026-12-08 02:00 to re-apply.",
    ),
    R.AWAITING_LAUNCH: (
        "等待上线：微信支付将于 2026-12-08 02:00 上线。",
        "Wait for the launch: WeChat Pay goes live on 2026-12-08 02:00.",
    ),
    R.TURNED_OFF: (
        "微信支付已上线但被您关闭：买家无法用它付款。如需收款请开启。",
        "WeChat Pay is live but you turned it off: shoppers cannot pay with it. Turn it on to accept it.",
    ),
}
_WHEN = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)
_RISK = LocalizedText("Risk review", "Risk review")
_STEP_PARAMS: dict[ReasonCode, dict[str, Any]] = {
    R.CHANGE_REFUSED: {"code": "STORE_FROZEN"},
    R.METHOD_FROZEN: {"method": W, "reason_text": _RISK},
    R.INVITATION_WITHDRAWN: {"method": W, "reason_text": _RISK},
    R.INVITATION_EXPIRED: {"expired_at": _WHEN},
    R.WINDOW_NOT_OPEN: {"window_opens_at": _WHEN},
    R.INVITATION_NOT_ACCEPTED: {"deadline_at": _WHEN},
    R.REJECTED: {"reason_text": _RISK, "deadline_at": _WHEN},
    R.AWAITING_LAUNCH: {"launch_at": _WHEN},
}


def test_every_step_of_the_table_has_words_in_both_languages() -> None:
    from console.core.reasons import Reason
    from console.words import status as words

    assert {rule.step for rule in rules.STEP_TABLE} == set(STEP_WORDS)
    for code, (zh, en) in STEP_WORDS.items():
        step = None if code is None else Reason(code, _STEP_PARAMS.get(code, {}))
        assert words.next_step_text(step, "zh_CN", UTC) == zh
        assert words.next_step_text(step, "en", UTC) == en
        bare = None if code is None else Reason(code)
        assert words.next_step_text(bare, "en", UTC) and "{" not in words.next_step_text(bare, "zh_CN", UTC)
    said_nothing = [c for c, (_, en) in STEP_WORDS.items() if "nothing to do" in en.lower()]
    assert said_nothing == [None]


_ELIG = st.sampled_from(list(Eligibility))
_MSTATE = st.tuples(
    _ELIG, st.booleans(), st.sampled_from([None, True, False]), st.sampled_from([None, "STORE_FROZEN"])
)
_INV = st.sampled_from(
    [None, invitation(opens=5, deadline=20), invitation(), invitation(opens=-20, deadline=-1)]
)


@given(status=st.sampled_from(list(StoreStatus)), alipay=_MSTATE, wechat=_MSTATE, inv=_INV)
def test_nothing_to_do_only_when_shown_to_shoppers_as_the_merchant_wants(status, alipay, wechat, inv) -> None:
    def mk(method: Method, facts: tuple[Any, ...]) -> MethodState:
        e, enabled, wanted, refused = facts
        wanted = None if wanted == enabled else wanted
        return MethodState("tb-1", method, e, enabled, wanted, refused_code=refused)

    ms = {A: mk(A, alipay), W: mk(W, wechat)}
    s = store(status.value)
    step = rules.next_step(s, ms, inv, NOW)
    if step is None:
        facts = {m: rules.method_facts(s, st_, TERMS[m], inv, NOW) for m, st_ in ms.items()}
        assert facts[W].shown and facts[W].as_wanted
        assert all(f.sync is SyncState.CONFIRMED for f in facts.values())
        assert rules.deadline_that_matters(s, ms[W], inv, NOW) is None


def test_method_facts_live_but_turned_off_is_not_shown() -> None:
    facts = rules.method_facts(store(), state(W, "live", False), TERMS[W], OPEN, NOW)
    assert facts.platform_state is E.LIVE and not facts.setting and not facts.shown
    assert facts.as_wanted and facts.visibility == {rules.Visibility.NOT_SHOWN}
    assert [r.code for r in facts.hidden_reasons] == [R.TURNED_OFF]
    on = rules.method_facts(store(), state(W, "live", True), TERMS[W], OPEN, NOW)
    assert on.shown and on.visibility == {rules.Visibility.SHOWN}
    pending = rules.method_facts(store(), state(W, "live", True, False), TERMS[W], OPEN, NOW)
    assert pending.shown and not pending.setting and not pending.as_wanted  # shoppers still see it


@pytest.mark.parametrize(
    ("status", "wechat", "inv", "expected"),
    [
        ("frozen", ("live", True), OPEN, {rules.Visibility.NOT_SHOWN, rules.Visibility.FROZEN}),
        ("open", ("frozen", False), OPEN, {rules.Visibility.NOT_SHOWN, rules.Visibility.FROZEN}),
        ("open", ("expired", False), PAST, {rules.Visibility.NOT_SHOWN, rules.Visibility.EXPIRED}),
        ("open", ("invited", False), PAST, {rules.Visibility.NOT_SHOWN, rules.Visibility.EXPIRED}),
        ("open", ("withdrawn", False), OPEN, {rules.Visibility.NOT_SHOWN, rules.Visibility.WITHDRAWN}),
        ("open", ("invited", False), OPEN, {rules.Visibility.NOT_SHOWN}),
    ],
)
def test_visibility_filters(status, wechat, inv, expected) -> None:
    assert rules.method_facts(store(status), state(W, *wechat), TERMS[W], inv, NOW).visibility == expected


@pytest.mark.parametrize(
    ("status", "wechat", "inv", "shown"),
    [
        ("open", "invited", OPEN, True),
        ("open", "rejected", OPEN, True),
        ("open", "invited", NOT_YET, True),
        ("open", "invited", PAST, False),
        ("open", "live", OPEN, False),
        ("open", "approved", OPEN, False),
        ("open", "in_review", OPEN, False),
        ("open", "frozen", OPEN, False),
        ("frozen", "invited", OPEN, False),
        ("open", "expired", OPEN, False),
    ],
)
def test_deadlines_only_where_they_still_matter(status, wechat, inv, shown) -> None:
    deadline = rules.deadline_that_matters(store(status), state(W, wechat, False), inv, NOW)
    assert deadline == (inv.deadline_at if shown else None)


def test_an_invitation_expired_early_names_the_real_expiry_not_the_future_deadline() -> None:
    early = NOW - 2 * DAY
    inv = Invitation(
        "tb-1",
        2,
        NOW - 7 * DAY,
        NOW + 4 * DAY,
        None,
        (InvitationEvent(NOW - 7 * DAY, None, E.INVITED), InvitationEvent(early, E.INVITED, E.EXPIRED)),
    )
    ms = methods(wechat=("expired", False))
    step = rules.next_step(store(), ms, inv, NOW)
    assert step is not None and step.params == {"expired_at": early}
    refusal = rules.can_set_method(store(), ms, W, True, inv, NOW).reason
    assert refusal is not None and refusal.params == {"expired_at": early}
    assert rules.deadline_that_matters(store(), ms[W], inv, NOW) is None

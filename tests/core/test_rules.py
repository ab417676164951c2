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
    LocalizedText,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
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
    assert d.reason is not None and d.reason.params == {"deadline_at": PAST.deadline_at}
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
    ("invited, deadline passed: nothing", "open", ("invited", False), PAST, None),
    ("in review: wait", "open", ("in_review", True), OPEN, R.REVIEW_PENDING),
    ("rejected, window open: fix and re-apply", "open", ("rejected", False), OPEN, R.REJECTED),
    ("rejected, too late: nothing", "open", ("rejected", False), PAST, None),
    ("approved: wait for launch", "open", ("approved", True), OPEN, R.AWAITING_LAUNCH),
    ("live: nothing", "open", ("live", True), OPEN, None),
    ("not invited: nothing", "open", ("not_invited", False), None, None),
    ("expired: nothing", "open", ("expired", False), PAST, None),
    ("withdrawn: nothing", "open", ("withdrawn", False), OPEN, None),
    ("method frozen: nothing", "open", ("frozen", False), OPEN, None),
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
    # no phase at all: plainly not invited, and nothing to do yet
    assert rules.can_set_method(store(), ms, W, True, None, NOW).reason.code is R.NOT_INVITED  # type: ignore[union-attr]
    assert rules.next_step(store(), ms, None, NOW) is None

"""console.core.checkout: order, default, fees, devices, limits, QR, and the monthly comparison."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.core.checkout import monthly_fee_comparison, preview
from console.core.model import (
    Device,
    Eligibility,
    Invitation,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
)
from console.core.reasons import ReasonCode
from console.core.rules import Refused

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
A, W = Method.ALIPAY, Method.WECHAT_PAY
R = ReasonCode
STORE = Store("tb-1", Platform.TAOBAO, "Shop", "apparel", StoreStatus.OPEN, "mcpay://receive/tb-1")
INV = Invitation("tb-1", 1, NOW - timedelta(days=7), NOW + timedelta(days=7), NOW + timedelta(days=30))


def terms(a_bps: int = 60, w_bps: int = 55, a_order: int = 1, w_order: int = 2) -> list[MethodTerms]:
    return [
        MethodTerms(Platform.TAOBAO, A, a_bps, None, frozenset(Device), a_order),
        MethodTerms(
            Platform.TAOBAO, W, w_bps, 5_000_000, frozenset({Device.MOBILE_APP, Device.PC_WEB}), w_order
        ),
        # another platform's terms are ignored
        MethodTerms(Platform.TMALL, A, 1, None, frozenset(Device), 9),
    ]


def both_live(a_on: bool = True, w_on: bool = True) -> dict[Method, MethodState]:
    return {
        A: MethodState("tb-1", A, Eligibility.LIVE, a_on),
        W: MethodState("tb-1", W, Eligibility.LIVE, w_on),
    }


def test_both_shown_in_display_order_first_is_default() -> None:
    pv = preview(STORE, both_live(), terms(), 10_000, Device.MOBILE_APP, NOW)
    assert [line.method for line in pv.shown] == [A, W]
    assert pv.default is A
    assert [line.is_default for line in pv.shown] == [True, False]
    assert pv.hidden == ()


def test_display_order_comes_from_the_terms() -> None:
    pv = preview(STORE, both_live(), terms(a_order=5, w_order=1), 10_000, Device.MOBILE_APP, NOW)
    assert [line.method for line in pv.shown] == [W, A]
    assert pv.default is W and pv.shown[0].is_default


def test_default_moves_when_the_first_is_hidden() -> None:
    pv = preview(STORE, both_live(a_on=False), terms(), 10_000, Device.MOBILE_APP, NOW)
    assert pv.default is W
    assert pv.shown[0].is_default
    assert pv.hidden[0].method is A
    assert [r.code for r in pv.hidden[0].reasons] == [R.TURNED_OFF]


@pytest.mark.parametrize(
    ("amount", "bps", "fee"),
    [
        (10_000, 60, 60),  # exact
        (12_345, 60, 74),  # 74.07 -> 74
        (25, 200, 1),  # 0.5 -> 1 (half up)
        (24, 200, 0),  # 0.48 -> 0
        (75, 200, 2),  # 1.5 -> 2 (half up, not banker's)
        (125, 200, 3),  # 2.5 -> 3
        (1, 60, 0),
        (999_999_999, 60, 6_000_000),  # 5,999,999.994 -> 6,000,000
        (10_000, 0, 0),
    ],
)
def test_fee_rounds_half_up_and_net_is_the_rest(amount, bps, fee) -> None:
    pv = preview(STORE, both_live(w_on=False), terms(a_bps=bps), amount, Device.MOBILE_APP, NOW)
    (line,) = pv.shown
    assert line.fee_bps == bps
    assert line.fee_fen == fee
    assert line.net_fen == amount - fee


def test_device_hides_what_it_cannot_show() -> None:
    pv = preview(STORE, both_live(), terms(), 10_000, Device.ALIPAY_MINI_PROGRAM, NOW)
    assert [line.method for line in pv.shown] == [A]
    assert pv.hidden[0].method is W
    assert [r.code for r in pv.hidden[0].reasons] == [R.DEVICE_UNSUPPORTED]


# -- channels as shoppers meet them ---------------------------------------------------------
APP, WEB = Device.MOBILE_APP, Device.PC_WEB
WX_MINI, ALI_MINI = Device.WECHAT_MINI_PROGRAM, Device.ALIPAY_MINI_PROGRAM


def platform_terms() -> list[MethodTerms]:
    """The terms as the platform publishes them: each method on every channel that carries it."""
    return [
        MethodTerms(Platform.TAOBAO, A, 60, None, frozenset({APP, WEB, ALI_MINI}), 1),
        MethodTerms(Platform.TAOBAO, W, 55, 5_000_000, frozenset({APP, WEB, WX_MINI}), 2),
    ]


# method state -> (MethodState fields, the reason it is hidden everywhere or None when it is not)
STATES = {
    "live, on": (Eligibility.LIVE, True, None),
    "live, off": (Eligibility.LIVE, False, R.TURNED_OFF),
    "approved, on": (Eligibility.APPROVED, True, R.AWAITING_LAUNCH),
    "rejected": (Eligibility.REJECTED, False, R.REJECTED),
    "frozen, on": (Eligibility.FROZEN, True, R.METHOD_FROZEN),
}
# which channels can carry which method: the whole point of splitting the mini programs
CARRIES = {
    (APP, A): True,
    (APP, W): True,
    (WEB, A): True,
    (WEB, W): True,
    (WX_MINI, A): False,
    (WX_MINI, W): True,
    (ALI_MINI, A): True,
    (ALI_MINI, W): False,
}
CHANNEL_CASES = [
    (device, method, state_name) for device in Device for method in Method for state_name in STATES
]


@pytest.mark.parametrize(
    ("device", "method", "state_name"),
    CHANNEL_CASES,
    ids=[f"{d.value}-{m.value}-{s}" for d, m, s in CHANNEL_CASES],
)
def test_every_channel_method_and_state(device: Device, method: Method, state_name: str) -> None:
    eligibility, enabled, state_reason = STATES[state_name]
    other = W if method is A else A
    methods = {
        method: MethodState("tb-1", method, eligibility, enabled),
        other: MethodState("tb-1", other, Eligibility.LIVE, False),
    }
    pv = preview(STORE, methods, platform_terms(), 10_000, device, NOW, invitation=INV)
    carried = CARRIES[(device, method)]
    expected: list[ReasonCode] = [] if state_reason is None else [state_reason]
    if not carried:
        expected.append(R.DEVICE_UNSUPPORTED)
    if expected:
        assert method not in [line.method for line in pv.shown]
        (hidden,) = [h for h in pv.hidden if h.method is method]
        assert [r.code for r in hidden.reasons] == expected
    else:
        assert [line.method for line in pv.shown] == [method]
        assert pv.shown[0].is_default and pv.shown[0].as_qr is (device is WEB)
    # the receiving code does not depend on the channel: any wallet the store has live pays it
    assert pv.qr_wallets == (() if state_reason else (method,))


def test_channel_wallets_table() -> None:
    assert {(d, m): m in d.wallets for d in Device for m in Method} == CARRIES
    assert [d for d in Device if d.is_mini_program] == [WX_MINI, ALI_MINI]
    assert [d for d in Device if d.scans_codes] == [WEB]


def test_a_channel_never_carries_another_wallet_even_if_the_terms_say_so() -> None:
    # terms that wrongly list every channel for both methods: the channel still decides
    loose = [MethodTerms(Platform.TAOBAO, m, 60, None, frozenset(Device), i) for i, m in enumerate(Method)]
    wx = preview(STORE, both_live(), loose, 100, WX_MINI, NOW)
    assert [line.method for line in wx.shown] == [W]
    ali = preview(STORE, both_live(), loose, 100, ALI_MINI, NOW)
    assert [line.method for line in ali.shown] == [A]


def test_terms_can_narrow_a_channel() -> None:
    narrow = [
        MethodTerms(Platform.TAOBAO, A, 60, None, frozenset({APP}), 1),
        MethodTerms(Platform.TAOBAO, W, 55, None, frozenset({APP}), 2),
    ]
    pv = preview(STORE, both_live(), narrow, 100, WX_MINI, NOW)
    assert pv.shown == ()
    assert {h.method: [r.code for r in h.reasons] for h in pv.hidden} == {
        A: [R.DEVICE_UNSUPPORTED],
        W: [R.DEVICE_UNSUPPORTED],
    }


@pytest.mark.parametrize("value", ["mini_program", "alipay_mini_program"])
def test_the_0_1_mini_program_value_reads_as_the_alipay_mini_program(value: str) -> None:
    assert Device(value) is ALI_MINI
    assert Device.parse(value) is ALI_MINI
    assert Device.parse("smart_tv") is None


def test_amount_over_the_limit_hides_the_method() -> None:
    pv = preview(STORE, both_live(), terms(), 5_000_001, Device.MOBILE_APP, NOW)
    assert [line.method for line in pv.shown] == [A]
    assert [r.code for r in pv.hidden[0].reasons] == [R.AMOUNT_OVER_LIMIT]
    at_limit = preview(STORE, both_live(), terms(), 5_000_000, Device.MOBILE_APP, NOW)
    assert len(at_limit.shown) == 2


@pytest.mark.parametrize(
    ("device", "qr"),
    [(Device.PC_WEB, True), (Device.MOBILE_APP, False), (Device.ALIPAY_MINI_PROGRAM, False)],
)
def test_pc_web_shows_methods_as_qr(device, qr) -> None:
    pv = preview(STORE, both_live(), terms(), 100, device, NOW)
    assert pv.shown and all(line.as_qr is qr for line in pv.shown)


def test_receiving_code_and_the_wallets_that_can_pay_it() -> None:
    pv = preview(STORE, both_live(), terms(), 100, Device.PC_WEB, NOW)
    assert pv.receive_code == "mcpay://receive/tb-1"
    assert pv.qr_wallets == (A, W)
    only_alipay = preview(STORE, both_live(w_on=False), terms(), 100, Device.PC_WEB, NOW)
    assert only_alipay.qr_wallets == (A,)


def test_hidden_methods_carry_their_whole_chain() -> None:
    ms = {
        A: MethodState("tb-1", A, Eligibility.LIVE, True),
        W: MethodState("tb-1", W, Eligibility.APPROVED, False),
    }
    pv = preview(STORE, ms, terms(), 9_000_000, Device.ALIPAY_MINI_PROGRAM, NOW, invitation=INV)
    (hidden,) = pv.hidden
    assert [r.code for r in hidden.reasons] == [
        R.AWAITING_LAUNCH,
        R.TURNED_OFF,
        R.DEVICE_UNSUPPORTED,
        R.AMOUNT_OVER_LIMIT,
    ]
    assert hidden.reasons[0].params["launch_at"] == INV.launch_at


def test_no_terms_hides_the_method() -> None:
    pv = preview(STORE, both_live(), terms()[:1], 100, Device.MOBILE_APP, NOW)
    assert [line.method for line in pv.shown] == [A]
    assert [r.code for r in pv.hidden[0].reasons] == [R.NO_TERMS]


def test_missing_method_row_is_not_invited() -> None:
    pv = preview(
        STORE, {A: MethodState("tb-1", A, Eligibility.LIVE, True)}, terms(), 100, Device.MOBILE_APP, NOW
    )
    assert [r.code for r in pv.hidden[0].reasons] == [R.NOT_INVITED]


def test_frozen_store_shows_nothing() -> None:
    frozen = Store("tb-1", Platform.TAOBAO, "Shop", "", StoreStatus.FROZEN)
    pv = preview(frozen, both_live(), terms(), 100, Device.MOBILE_APP, NOW)
    assert pv.shown == () and pv.default is None and pv.qr_wallets == ()
    assert all(h.reasons[0].code is R.STORE_FROZEN for h in pv.hidden)


@pytest.mark.parametrize("amount", [0, -1, -10_000])
def test_amount_must_be_positive(amount) -> None:
    with pytest.raises(Refused) as err:
        preview(STORE, both_live(), terms(), amount, Device.MOBILE_APP, NOW)
    assert err.value.reason.code is R.AMOUNT_INVALID


def test_monthly_fee_comparison_cheapest_first() -> None:
    t = {m.method: m for m in terms()[:2]}
    assert monthly_fee_comparison(t, 1_000_000) == [(W, 55, 5_500), (A, 60, 6_000)]
    assert monthly_fee_comparison(t, 0) == [(W, 55, 0), (A, 60, 0)]
    assert monthly_fee_comparison({}, 100) == []
    same = {m.method: m for m in terms(a_bps=50, w_bps=50)[:2]}
    assert [r[0] for r in monthly_fee_comparison(same, 1_000)] == [A, W]  # tie: display order
    with pytest.raises(Refused):
        monthly_fee_comparison(t, -1)

"""Checkout preview as data: what a shopper sees for a store, an amount and a channel.

The channel (``Device``) decides which wallets can appear at all (``Device.wallets``: a WeChat
mini program carries WeChat Pay only, an Alipay mini program Alipay only); the platform's terms
and the store's states decide the rest (``rules.hidden_reasons``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from console.core.model import Device, Invitation, Method, MethodState, MethodTerms, Store
from console.core.money import fee_fen
from console.core.reasons import Reason, ReasonCode
from console.core.rules import Refused, hidden_reasons, method_state


@dataclass(frozen=True, slots=True)
class CheckoutLine:
    method: Method
    fee_bps: int
    fee_fen: int
    net_fen: int
    is_default: bool
    as_qr: bool  # shown as "scan to pay" (PC web) instead of an in-app button


@dataclass(frozen=True, slots=True)
class HiddenMethod:
    method: Method
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class CheckoutPreview:
    store_id: str
    amount_fen: int
    device: Device
    shown: tuple[CheckoutLine, ...]  # in display order; the first is the default
    hidden: tuple[HiddenMethod, ...]
    receive_code: str  # payload of the store's receiving QR code
    # wallets that can pay that one code (interoperability): any channel, any amount, so the
    # printed sign names the same wallets whichever channel the preview is for
    qr_wallets: tuple[Method, ...]

    @property
    def default(self) -> Method | None:
        return self.shown[0].method if self.shown else None


def preview(
    store: Store,
    methods: Mapping[Method, MethodState],
    terms: Iterable[MethodTerms],
    amount_fen: int,
    device: Device,
    now: datetime,
    *,
    invitation: Invitation | None = None,
) -> CheckoutPreview:
    """What a shopper of ``store`` sees paying ``amount_fen`` on ``device`` at ``now``.

    Shown methods come in the platform's display order and the first is the default; fees are
    rounded half up to the fen. Hidden methods carry their whole reason chain (rules.hidden_reasons).
    ``terms`` may hold every platform's terms: only the store's platform is used. Raises
    rules.Refused(AMOUNT_INVALID) for an amount that is not positive.
    """
    if amount_fen <= 0:
        raise Refused(Reason(ReasonCode.AMOUNT_INVALID, {"amount_fen": amount_fen}))
    by_method = {t.method: t for t in terms if t.platform == store.platform}
    as_qr = device.scans_codes

    def order(method: Method) -> tuple[int, str]:
        t = by_method.get(method)
        return (t.display_order if t is not None else 1 << 30, method.value)

    shown: list[CheckoutLine] = []
    hidden: list[HiddenMethod] = []
    scannable: list[Method] = []
    for method in sorted(Method, key=order):
        state = method_state(methods, store.id, method)
        t = by_method.get(method)
        if t is not None and not hidden_reasons(store, state, t, invitation, now):
            scannable.append(method)
        chain = hidden_reasons(store, state, t, invitation, now, device=device, amount_fen=amount_fen)
        if chain or t is None:
            hidden.append(HiddenMethod(method, chain))
            continue
        fee = fee_fen(amount_fen, t.fee_bps)
        shown.append(
            CheckoutLine(
                method=method,
                fee_bps=t.fee_bps,
                fee_fen=fee,
                net_fen=amount_fen - fee,
                is_default=not shown,
                as_qr=as_qr,
            )
        )
    return CheckoutPreview(
        store_id=store.id,
        amount_fen=amount_fen,
        device=device,
        shown=tuple(shown),
        hidden=tuple(hidden),
        receive_code=store.receive_code,
        qr_wallets=tuple(scannable),
    )


def monthly_fee_comparison(
    terms_by_method: Mapping[Method, MethodTerms], monthly_volume_fen: int
) -> list[tuple[Method, int, int]]:
    """(method, fee_bps, fee_fen) for a month's volume, cheapest first (ties: display order).

    Helps a merchant see what WeChat Pay would cost beside Alipay before applying.
    """
    if monthly_volume_fen < 0:
        raise Refused(Reason(ReasonCode.AMOUNT_INVALID, {"amount_fen": monthly_volume_fen}))
    rows = [
        (method, t.fee_bps, fee_fen(monthly_volume_fen, t.fee_bps), t.display_order)
        for method, t in terms_by_method.items()
    ]
    rows.sort(key=lambda r: (r[2], r[1], r[3], r[0].value))
    return [(method, bps, fee) for method, bps, fee, _ in rows]

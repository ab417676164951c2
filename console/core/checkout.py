"""Checkout preview as data: what a shopper sees for a store, an amount and a device."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.model import Device, Method
from console.core.reasons import Reason


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
    qr_wallets: tuple[Method, ...]  # wallets that can pay that one code (interoperability)

    @property
    def default(self) -> Method | None:
        return self.shown[0].method if self.shown else None

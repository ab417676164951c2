"""What a printed receiving-code sign shows, as data: public facts only.

A sign hangs at the till where any shopper (and competitor) can read it, so it is built from
the store's name, its receiving code and the wallets that can pay that code, and nothing else:
there is deliberately no field for a fee, a rate or an amount the merchant receives.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.core.checkout import CheckoutPreview
from console.core.model import Method


@dataclass(frozen=True, slots=True)
class ReceivingSign:
    store_name: str
    payload: str  # the receiving code's content, e.g. "mcpay://receive/tb-000001"
    wallets: tuple[Method, ...]  # display order; empty when no wallet can pay the code now


def sign_for(store_name: str, preview: CheckoutPreview) -> ReceivingSign:
    """The sign for a store from its checkout preview (only its public parts are read).

    Raises ValueError when the store has no receiving code: an empty sign would look printable.
    """
    if not preview.receive_code:
        raise ValueError("the store has no receiving code")
    return ReceivingSign(store_name.strip(), preview.receive_code, tuple(preview.qr_wallets))

"""The stub platform's checkout channels and the wallets each can carry (platform-api.md, "Channels").

Kept apart from the time engineer's rules: this is a fact about where shoppers pay, not a rule
about stores. A mini program lives inside one wallet's super-app, so it carries that wallet
only; the app and PC web carry both. The published terms are derived from this table, so the
stub can never offer WeChat Pay inside an Alipay mini program (or the reverse).
"""

from __future__ import annotations

#: Channel -> the methods it can carry, in the order of the contract's vocabulary table.
CHANNEL_WALLETS: dict[str, tuple[str, ...]] = {
    "mobile_app": ("alipay", "wechat_pay"),
    "pc_web": ("alipay", "wechat_pay"),
    "wechat_mini_program": ("wechat_pay",),
    "alipay_mini_program": ("alipay",),
}

CHANNELS: tuple[str, ...] = tuple(CHANNEL_WALLETS)


def channels_for(method: str) -> list[str]:
    """Every channel that can carry ``method``, in contract order (the terms' ``devices``)."""
    return [channel for channel, wallets in CHANNEL_WALLETS.items() if method in wallets]


def offers(channel: str, method: str) -> bool:
    """True when ``channel`` can carry ``method`` at all (unknown channels carry nothing)."""
    return method in CHANNEL_WALLETS.get(channel, ())

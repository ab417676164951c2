"""Words for checkout channels, wallets and the printed receiving-code sign, in zh_CN and en.

Qt-free so the command line, exports and the window name a channel the same way. A printed sign
is read by shoppers, so its words are short and use the wallets' own names (微信支付, 支付宝).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.core.model import Device, Method

ZH = "zh_CN"
EN = "en"

_CHANNEL: dict[Device, tuple[str, str]] = {
    Device.MOBILE_APP: ("手机 App", "mobile app"),
    Device.PC_WEB: ("电脑网页", "PC web"),
    Device.WECHAT_MINI_PROGRAM: ("微信小程序", "WeChat mini program"),
    Device.ALIPAY_MINI_PROGRAM: ("支付宝小程序", "Alipay mini program"),
}
_WALLET: dict[Method, tuple[str, str]] = {
    Method.ALIPAY: ("支付宝", "Alipay"),
    Method.WECHAT_PAY: ("微信支付", "WeChat Pay"),
}


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def channel_name(device: Device | str, lang: str) -> str:
    """ "微信小程序" / "WeChat mini program"; 0.1's "mini_program" reads as the Alipay one."""
    return _pick(lang, *_CHANNEL[Device(device)])


def wallet_name(method: Method | str, lang: str) -> str:
    return _pick(lang, *_WALLET[Method(method)])


@dataclass(frozen=True, slots=True)
class SignWords:
    """Every phrase printed on a receiving-code sign, in one language."""

    headline: str  # the big call to action
    wallets_intro: str  # before the wallet names, with its own spacing
    no_wallet: str  # when no wallet can pay the code yet
    separator: str  # between wallet names
    footer: str  # small print under the code


def sign_words(lang: str) -> SignWords:
    if lang.startswith("zh"):
        return SignWords(
            headline="扫码付款",
            wallets_intro="支持",
            no_wallet="暂不可用：本店尚未开通收款",
            separator="、",
            footer="请核对店铺名称后付款",
        )
    return SignWords(
        headline="Scan to pay",
        wallets_intro="Pay with ",
        no_wallet="Not available yet: this store cannot take payments",
        separator=", ",
        footer="Check the store name before you pay",
    )


def sign_wallets_line(wallets: tuple[Method, ...], lang: str) -> str:
    """ "支持微信支付、支付宝" / "Pay with WeChat Pay, Alipay"; the no-wallet warning when empty."""
    words = sign_words(lang)
    if not wallets:
        return words.no_wallet
    return f"{words.wallets_intro}{words.separator.join(wallet_name(m, lang) for m in wallets)}"

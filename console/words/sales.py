"""The words of sales and reconciliation in Chinese (zh_CN) and English, for the terminal and
the exports (the GUI has its own Qt-translated strings with the same terms).

One word per concept, as the UI uses them: 结算 settlement, 对账 reconciliation, 手续费 fees,
退款 refunds, 渠道 channel.
"""

from __future__ import annotations

from console.core.money import format_fen
from console.core.reconcile import Difference, Mismatch, Reconciliation
from console.core.sales import Channel

ZH = "zh_CN"


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang == ZH else en


_CHANNEL = {
    Channel.MOBILE_APP: ("手机 App", "mobile app"),
    Channel.PC_WEB: ("电脑网页", "PC web"),
    Channel.WECHAT_MINI_PROGRAM: ("微信小程序", "WeChat mini program"),
    Channel.ALIPAY_MINI_PROGRAM: ("支付宝小程序", "Alipay mini program"),
}

_DIFFERENCE = {
    Difference.MISSING_PAYMENT: ("结算漏掉了付款", "payment missing from the settlement"),
    Difference.UNKNOWN_PAYMENT: ("结算包含未同步的付款", "settlement covers a payment not synced"),
    Difference.AMOUNT_DIFFERENCE: ("金额不符", "amount difference"),
    Difference.FEE_DIFFERENCE: ("手续费不符", "fee difference"),
    Difference.LATE_SETTLEMENT: ("结算延迟", "late settlement"),
    Difference.NOT_SETTLED: ("逾期未结算", "not settled when due"),
}

#: Column headings of the reconciliation export, in the order accountants read them.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("date", "结算日期", "Settlement date"),
    ("store_id", "店铺", "Store"),
    ("method", "支付方式", "Payment method"),
    ("count", "笔数", "Payments"),
    ("gross", "交易金额", "Gross"),
    ("refunds", "退款", "Refunds"),
    ("fees", "手续费", "Fees"),
    ("net", "结算金额", "Net settled"),
    ("status", "对账结果", "Reconciliation"),
    ("explanation", "差异说明", "Difference"),
)


def channel_name(channel: Channel | str, lang: str) -> str:
    return _pick(lang, *_CHANNEL[Channel(channel)])


def difference_name(kind: Difference | str, lang: str) -> str:
    return _pick(lang, *_DIFFERENCE[Difference(kind)])


def column_titles(lang: str) -> list[str]:
    return [_pick(lang, zh, en) for _, zh, en in COLUMNS]


def status_word(result: Reconciliation, lang: str) -> str:
    return _pick(lang, "相符", "matched") if result.matched else _pick(lang, "不符", "mismatched")


def explain(mismatch: Mismatch, lang: str) -> str:
    """One sentence a merchant can act on: what differs, by how much, which payments."""
    ids = "、".join(mismatch.payment_ids[:3]) if lang == ZH else ", ".join(mismatch.payment_ids[:3])
    more = len(mismatch.payment_ids) - 3
    if more > 0:
        ids += _pick(lang, f" 等 {len(mismatch.payment_ids)} 笔", f" and {more} more")
    amount = format_fen(abs(mismatch.delta_fen))
    kind = mismatch.kind
    if kind is Difference.MISSING_PAYMENT:
        return _pick(
            lang, f"结算漏掉了付款 {ids}（{amount}）。", f"The settlement leaves out {ids} ({amount})."
        )
    if kind is Difference.UNKNOWN_PAYMENT:
        return _pick(
            lang,
            f"结算包含尚未同步的付款 {ids}；请先同步再对账。",
            f"The settlement covers {ids}, not synced yet; sync, then reconcile again.",
        )
    if kind is Difference.AMOUNT_DIFFERENCE:
        more_or_less = _pick(
            lang, "多" if mismatch.delta_fen > 0 else "少", "more" if mismatch.delta_fen > 0 else "less"
        )
        return _pick(
            lang,
            f"结算金额比付款合计{more_or_less} {amount}。",
            f"The settlement shows {amount} {more_or_less} than its payments.",
        )
    if kind is Difference.FEE_DIFFERENCE:
        more_or_less = _pick(
            lang, "多" if mismatch.delta_fen > 0 else "少", "more" if mismatch.delta_fen > 0 else "less"
        )
        return _pick(
            lang,
            f"结算手续费比按费率计算的{more_or_less} {amount}（舍入方式不同或费率不同）。",
            f"The settlement charges {amount} {more_or_less} in fees than the rate gives "
            "(different rounding or rate).",
        )
    if kind is Difference.LATE_SETTLEMENT:
        hours = int(mismatch.late_by.total_seconds() // 3600) if mismatch.late_by else 0
        return _pick(lang, f"结算晚到 {hours} 小时。", f"The settlement came {hours} h late.")
    return _pick(
        lang,
        f"已过结算时间，仍未收到结算（{amount}）。",
        f"Due but not settled yet ({amount}).",
    )


__all__ = ["COLUMNS", "channel_name", "column_titles", "difference_name", "explain", "status_word"]

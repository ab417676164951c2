"""The words of sales and reconciliation in Chinese (zh_CN) and English, for the terminal and
the exports (the GUI has its own Qt-translated strings with the same terms).

One word per concept, as the UI uses them: 结算 settlement, 对账 reconciliation, 手续费 fees,
退款 refunds, 渠道 channel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.core.money import format_fen

if TYPE_CHECKING:
    from console.core.reconcile import Difference, Mismatch, Reconciliation
    from console.core.sales import Channel

ZH = "zh_CN"


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang == ZH else en


# Keyed by the enums' wire values (StrEnum members look up as their value), so this module
# imports neither the sales nor the reconciliation core: the window names its sales pages from
# here before its first paint (issue #14).
_CHANNEL: dict[str, tuple[str, str]] = {
    "mobile_app": ("手机 App", "mobile app"),
    "pc_web": ("电脑网页", "PC web"),
    "wechat_mini_program": ("微信小程序", "WeChat mini program"),
    "alipay_mini_program": ("支付宝小程序", "Alipay mini program"),
}

_DIFFERENCE: dict[str, tuple[str, str]] = {
    "missing_payment": ("结算漏掉了付款", "payment missing from the settlement"),
    "unknown_payment": ("结算包含未同步的付款", "settlement covers a payment not synced"),
    "amount_difference": ("金额不符", "amount difference"),
    "fee_difference": ("手续费不符", "fee difference"),
    "late_settlement": ("结算延迟", "late settlement"),
    "not_settled": ("逾期未结算", "not settled when due"),
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
    from console.core.sales import Channel

    return _pick(lang, *_CHANNEL[Channel(channel)])


def difference_name(kind: Difference | str, lang: str) -> str:
    from console.core.reconcile import Difference

    return _pick(lang, *_DIFFERENCE[Difference(kind)])


def column_titles(lang: str) -> list[str]:
    return [_pick(lang, zh, en) for _, zh, en in COLUMNS]


def status_word(result: Reconciliation, lang: str) -> str:
    return _pick(lang, "相符", "matched") if result.matched else _pick(lang, "不符", "mismatched")


def explain(mismatch: Mismatch, lang: str) -> str:
    """One sentence a merchant can act on: what differs, by how much, which payments."""
    from console.core.reconcile import Difference

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


#: Column headings of the sales export (one row per day, store, method and channel).
SALES_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("date", "日期", "Date"),
    ("store_id", "店铺", "Store"),
    ("platform", "平台", "Platform"),
    ("method", "支付方式", "Payment method"),
    ("channel", "渠道", "Channel"),
    ("count", "笔数", "Payments"),
    ("gross", "交易金额", "Gross"),
    ("refunds", "退款", "Refunds"),
    ("fees", "手续费", "Fees"),
    ("net", "净额", "Net"),
)


def sales_column_titles(lang: str) -> list[str]:
    return [_pick(lang, zh, en) for _, zh, en in SALES_COLUMNS]


#: Why a period or a scope cannot be asked about (``console.sales_service.PeriodError`` codes).
_PERIOD = {
    "reversed": (
        "开始日期 {first} 晚于结束日期 {last}。",
        "The period starts ({first}) after it ends ({last}).",
    ),
    "future": (
        "开始日期 {first} 在未来（今天是 {today}）。",
        "The period starts in the future ({first}; today is {today}).",
    ),
    "too_long": (
        "时间段太长（{days} 天，最多 {most} 天）。",
        "The period is too long ({days} days; at most {most}).",
    ),
    "bad_date": (
        "无法识别日期“{text}”，请写成 2026-11-24。",
        "Cannot read the date “{text}”; write it as 2026-11-24.",
    ),
    "unknown_store": ("没有店铺 {store_id}。", "No store {store_id}."),
    "unknown_channel": (
        "没有渠道“{channel}”（可选：mobile_app、pc_web、wechat_mini_program、alipay_mini_program）。",
        "No channel “{channel}” (one of mobile_app, pc_web, wechat_mini_program, alipay_mini_program).",
    ),
    "unknown_platform": (
        "没有平台“{platform}”（可选：taobao、tmall）。",
        "No platform “{platform}” (taobao or tmall).",
    ),
    "unknown_grouping": ("无法按“{by}”汇总。", "Cannot group by “{by}”."),
}


def period_problem(code: str, lang: str, **facts: object) -> str:
    return _pick(lang, *_PERIOD[code]).format(**facts)


_MESSAGES = {
    "no_sales": (
        "这段时间没有已同步的交易。先同步：main.py sync",
        "No synced sales in this period. Sync first: main.py sync",
    ),
    "no_settlements": ("{day} 没有已同步的结算。", "No synced settlements for {day}."),
    "all_matched": ("{count} 笔结算全部相符。", "All {count} settlements matched."),
    "mismatched": ("{count} 笔结算不符：", "{count} settlement(s) do not match:"),
    "nothing_to_reconcile": (
        "这段时间没有可对账的付款（付款只保留最近 {days} 天）。",
        "Nothing to reconcile in this period (payments are kept for the last {days} days).",
    ),
    "exported": ("已导出 {count} 行到 {path}", "Exported {count} rows to {path}"),
    "total": ("合计", "Total"),
    "share": ("微信支付占比", "WeChat Pay share"),
    "group": ("分组", "Group"),
    "offline": (
        "无法连接平台；以下是上次同步的数据。",
        "The platform cannot be reached; this is the last synced data.",
    ),
    "card": (
        "微信支付自 {day} 开通以来：{count} 笔付款，占销售额 {share}，手续费 {fees}",
        "Since WeChat Pay went live on {day}: {count} payments, {share} of sales, {fees} in fees",
    ),
}


def sales_msg(key: str, lang: str, **facts: object) -> str:
    return _pick(lang, *_MESSAGES[key]).format(**facts)


#: The two pages' names, for the window's navigation (the pages' own widget strings go through
#: Qt's tr and tools/zh_CN.py like every other page).
_PAGE = {
    "sales_title": ("销售", "Sales"),
    "recon_title": ("对账", "Reconciliation"),
}


def page_text(key: str, lang: str, **facts: object) -> str:
    text = _pick(lang, *_PAGE[key])
    return text.format(**facts) if facts else text


__all__ = [
    "COLUMNS",
    "SALES_COLUMNS",
    "channel_name",
    "column_titles",
    "difference_name",
    "explain",
    "page_text",
    "period_problem",
    "sales_column_titles",
    "sales_msg",
    "status_word",
]

"""The words of the status a merchant can trust, in Chinese (zh_CN) and English.

Sync headlines (``console.core.sync_state.Headline``), next steps (the codes of
``console.core.rules.STEP_TABLE``) and news (``console.core.news.NewsKind``). Each entry is a
list of variants tried in order, ``(params the sentence needs, zh, en)``; the first whose
params are all present is used, so a missing date gives a shorter sentence, never "None".
Plain Python so the CLI can use it; the GUI renders the same codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.core.news import NewsItem
    from console.core.reasons import Reason
    from console.core.sync_state import SyncStatus

# The tables are keyed by the enums' wire values (a StrEnum member looks up as its value), so
# importing this module imports no core module: the window's sidebar and status bar take their
# words from here before its first paint (issue #14).

ZH = "zh_CN"
EN = "en"

_Variants = tuple[tuple[tuple[str, ...], str, str], ...]

_METHOD = {"alipay": ("支付宝", "Alipay"), "wechat_pay": ("微信支付", "WeChat Pay")}
_PLATFORM = {"taobao": ("淘宝", "Taobao"), "tmall": ("天猫", "Tmall")}

#: The one sentence that means "nothing to do"; said only when the rule table answers None.
NOTHING_TO_DO = ("无需操作：买家可以用微信支付付款。", "Nothing to do: shoppers can pay with WeChat Pay.")

HEADLINES: dict[str, _Variants] = {
    "all_synced": (((), "所有修改已同步", "All changes synced"),),
    "not_synced_yet": (((), "尚未与平台同步", "Not synced with the platform yet"),),
    "sending": ((("sending",), "正在发送 {sending} 项修改", "Sending {sending} changes"),),
    "waiting": ((("waiting",), "{waiting} 项修改等待同步", "{waiting} changes waiting to sync"),),
    "working_offline": (
        (
            ("unsettled",),
            "离线工作中：{unsettled} 项修改未同步",
            "Working offline: {unsettled} changes not synced",
        ),
        ((), "离线工作中", "Working offline"),
    ),
    "offline": (
        (
            ("offline_since",),
            "自 {offline_since} 起无法连接平台，稍后自动重试",
            "Offline since {offline_since}; retrying",
        ),
        ((), "无法连接平台，稍后自动重试", "Offline; retrying"),
    ),
    "platform_error": (((), "平台暂时出错，稍后自动重试", "The platform had a problem; retrying"),),
    "refused": (
        (
            ("refused",),
            "平台拒绝了 {refused} 项修改：请重试或放弃",
            "The platform refused {refused} changes: retry or discard them",
        ),
    ),
    "demo_stopped": (((), "本机演示平台已停止", "The demo platform on this computer stopped"),),
    "clock": (
        (
            ("offset",),
            "电脑时钟与平台相差 {offset} 秒：请校准时间",
            "This computer's clock is {offset} s off the platform's: set the clock",
        ),
        ((), "电脑时钟不准，平台拒绝了请求：请校准时间", "The platform refused our clock: set the clock"),
    ),
    "auth_refused": (
        (
            (),
            "平台拒绝了 App Key：请在设置中检查 App Key 和 App Secret",
            "The platform refused our credentials: check the app key and secret in Settings",
        ),
    ),
    "other_account": (
        (
            (),
            "平台账号已更换：请先处理上一个账号未同步的修改",
            "The platform account changed: settle the previous account's changes first",
        ),
    ),
}

NEXT_STEPS: dict[str, _Variants] = {
    'STORE_FROZEN': (
        ((), "店铺已被冻结：请联系平台客服。", "The store is frozen: contact platform support."),
    ),
    'STORE_CLOSED': (
        (
            (),
            "店铺已关闭：如需重新营业请联系平台客服。",
            "The store is closed: contact platform support to reopen it.",
        ),
    ),
    'CHANGE_REFUSED': (
        (
            ("reason",),
            "平台拒绝了您的修改（{reason}）：请在待同步页重试或放弃。",
            "The platform refused your change ({reason}): retry or discard it on the pending page.",
        ),
        (
            (),
            "平台拒绝了您的修改：请在待同步页重试或放弃。",
            "The platform refused your change: retry or discard it on the pending page.",
        ),
    ),
    'PENDING_SYNC': (
        (
            (),
            "等待同步：联网后修改会自动发送到平台。",
            "Wait for the sync: your changes are sent when online.",
        ),
    ),
    'METHOD_FROZEN': (
        (
            ("reason",),
            "微信支付被风控冻结（{reason}）：请联系平台风控申诉。",
            "WeChat Pay is frozen by risk review ({reason}): appeal to the platform's risk team.",
        ),
        (
            (),
            "微信支付被风控冻结：请联系平台风控申诉。",
            "WeChat Pay is frozen by risk review: appeal to the platform's risk team.",
        ),
    ),
    'INVITATION_WITHDRAWN': (
        (
            ("reason",),
            "平台已撤回邀请（{reason}）：如有疑问请联系平台客服。",
            "The platform withdrew the invitation ({reason}): contact platform support if unsure why.",
        ),
        (
            (),
            "平台已撤回邀请：如有疑问请联系平台客服。",
            "The platform withdrew the invitation: contact platform support if unsure why.",
        ),
    ),
    'INVITATION_EXPIRED': (
        (
            ("expired_at",),
            "邀请已于 {expired_at} 过期：等待后续批次再次邀请。",
            "The invitation expired on {expired_at}: wait for a later phase to invite the store again.",
        ),
        (
            (),
            "邀请已过期：等待后续批次再次邀请。",
            "The invitation expired: wait for a later phase to invite the store again.",
        ),
    ),
    'WINDOW_NOT_OPEN': (
        (
            ("window_opens_at",),
            "等待申请窗口于 {window_opens_at} 开放。",
            "Wait for the application window to open on {window_opens_at}.",
        ),
        ((), "等待申请窗口开放。", "Wait for the application window to open."),
    ),
    'NOT_INVITED': (
        (
            (),
            "尚未受邀，也没有排期：轮到这家店铺的批次时会通知您。",
            "Not invited and no phase scheduled: you will be told when the store's phase opens.",
        ),
    ),
    'INVITATION_NOT_ACCEPTED': (
        (
            ("deadline_at",),
            "在 {deadline_at} 前开启微信支付以提交申请。",
            "Turn WeChat Pay on before {deadline_at} to apply.",
        ),
        ((), "开启微信支付以提交申请。", "Turn WeChat Pay on to apply."),
    ),
    'REVIEW_PENDING': (((), "等待平台审核结果。", "Wait for the platform's review."),),
    'REJECTED': (
        (
            ("reason", "deadline_at"),
            "申请未通过（{reason}）。请修正后于 {deadline_at} 前重新开启微信支付再次申请。",
            "Rejected ({reason}). Fix it, then turn WeChat Pay on again before {deadline_at} to re-apply.",
        ),
        (
            ("reason",),
            "申请未通过（{reason}）：请联系平台客服。",
            "Rejected ({reason}): contact platform support.",
        ),
        ((), "申请未通过：请联系平台客服。", "Rejected: contact platform support."),
    ),
    'AWAITING_LAUNCH': (
        (
            ("launch_at",),
            "等待上线：微信支付将于 {launch_at} 上线。",
            "Wait for the launch: WeChat Pay goes live on {launch_at}.",
        ),
        ((), "等待上线：平台将公布上线日期。", "Wait for the launch: the platform will announce the date."),
    ),
    'TURNED_OFF': (
        (
            (),
            "微信支付已上线但被您关闭：买家无法用它付款。如需收款请开启。",
            "WeChat Pay is live but you turned it off: shoppers cannot pay with it. Turn it on to accept it.",
        ),
    ),
}

NEWS: dict[str, _Variants] = {
    "settlement_mismatch": (
        (
            ("day", "method", "difference"),
            "{day} 的{method}结算与付款不符：{difference}",
            "The {method} settlement of {day} does not match the payments: {difference}",
        ),
    ),
    "store_frozen": (((), "平台冻结了这家店铺。", "The platform froze the store."),),
    "store_unfrozen": (((), "平台解冻了这家店铺。", "The platform unfroze the store."),),
    "method_frozen": (
        (("method", "reason"), "平台冻结了{method}：{reason}", "The platform froze {method}: {reason}"),
        (("method",), "平台冻结了{method}。", "The platform froze {method}."),
    ),
    "method_unfrozen": ((("method",), "平台解冻了{method}。", "The platform unfroze {method}."),),
    "invitation_withdrawn": (
        (
            ("reason",),
            "平台撤回了微信支付邀请：{reason}",
            "The platform withdrew the WeChat Pay invitation: {reason}",
        ),
        ((), "平台撤回了微信支付邀请。", "The platform withdrew the WeChat Pay invitation."),
    ),
    "invitation_expired": (
        (
            ("expired_at",),
            "微信支付邀请已于 {expired_at} 过期。",
            "The WeChat Pay invitation expired on {expired_at}.",
        ),
    ),
    "review_approved": (
        (
            ("launch_at",),
            "审核通过：微信支付将于 {launch_at} 上线。",
            "Approved: WeChat Pay goes live on {launch_at}.",
        ),
        ((), "审核通过。", "Approved."),
    ),
    "review_rejected": (
        (
            ("reason", "deadline_at"),
            "审核未通过（{reason}）：可在 {deadline_at} 前修正后重新申请。",
            "Rejected ({reason}): fix it and re-apply before {deadline_at}.",
        ),
        (("reason",), "审核未通过（{reason}）。", "Rejected ({reason})."),
    ),
    "phase_opened": (
        (
            ("phase", "count", "deadline_at"),
            "第 {phase} 批申请窗口已开放：{count} 家店铺可在 {deadline_at} 前申请微信支付。",
            "Phase {phase} opened: {count} stores can apply for WeChat Pay before {deadline_at}.",
        ),
    ),
    "went_live": (
        (("method",), "{method}已上线，买家现在可以使用。", "{method} is live: shoppers can use it now."),
    ),
    "fee_changed": (
        (
            ("platform", "method", "old_fee", "fee"),
            "{platform}的{method}费率由 {old_fee} 调整为 {fee}。",
            "The {method} fee on {platform} changed from {old_fee} to {fee}.",
        ),
    ),
    "announcement_published": (
        (
            ("title", "opinion_closes_at"),
            "新公告：{title}（意见征集至 {opinion_closes_at}）",
            "New announcement: {title} (comments until {opinion_closes_at})",
        ),
        (("title",), "新公告：{title}", "New announcement: {title}"),
    ),
    "announcement_effective": ((("title",), "规则已生效：{title}", "Now in effect: {title}"),),
    "deadline_soon": (
        (
            ("one_day", "deadline_at"),
            "还剩 1 天：请在 {deadline_at} 前申请微信支付。",
            "1 day left: apply for WeChat Pay before {deadline_at}.",
        ),
        (
            ("days", "deadline_at"),
            "还剩 {days} 天：请在 {deadline_at} 前申请微信支付。",
            "{days} days left: apply for WeChat Pay before {deadline_at}.",
        ),
    ),
    "opinion_closing_soon": (
        (
            ("one_day", "title", "opinion_closes_at"),
            "还剩 1 天：“{title}”的意见征集于 {opinion_closes_at} 截止。",
            '1 day left to comment on "{title}": closes {opinion_closes_at}.',
        ),
        (
            ("days", "title", "opinion_closes_at"),
            "还剩 {days} 天：“{title}”的意见征集于 {opinion_closes_at} 截止。",
            '{days} days left to comment on "{title}": closes {opinion_closes_at}.',
        ),
    ),
}


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def _when(value: datetime, tz: tzinfo | None) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _percent(bps: int) -> str:
    return f"{bps / 100:.2f}%"


def _facts(params: Mapping[str, Any], lang: str, tz: tzinfo | None) -> dict[str, str]:
    """Params as text: dates in local time, names in ``lang``, the platform's reason in ``lang``."""
    from console.core.model import LocalizedText, Method, Platform

    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None or value == "" or value is False:
            continue  # a missing fact picks a shorter variant
        if isinstance(value, bool):
            out[key] = str(value)
        elif isinstance(value, datetime):
            out[key] = _when(value, tz)
        elif isinstance(value, Method):
            out[key] = _pick(lang, *_METHOD[value])
        elif isinstance(value, Platform):
            out[key] = _pick(lang, *_PLATFORM[value])
        elif isinstance(value, LocalizedText):
            out[key] = value.get(lang)
        else:
            out[key] = str(value)
    for bps_key, text_key in (("old_fee_bps", "old_fee"), ("fee_bps", "fee")):
        if isinstance(params.get(bps_key), int):
            out[text_key] = _percent(params[bps_key])
    reason = out.get("reason_text") or out.get("reason_code") or out.get("message") or out.get("code")
    if reason:
        out["reason"] = reason
    return out


def _render(variants: _Variants, params: Mapping[str, Any], lang: str, tz: tzinfo | None) -> str:
    facts = _facts(params, lang, tz)
    for needed, zh, en in variants:
        if all(facts.get(k) for k in needed):
            return _pick(lang, zh, en).format_map(facts)
    return ""


def headline_text(status: SyncStatus, lang: str, tz: tzinfo | None = None) -> str:
    """The status bar's sentence for ``status``."""
    params: dict[str, Any] = {
        "waiting": status.waiting,
        "sending": status.sending,
        "refused": len(status.refused),
        "unsettled": status.unsettled,
        "offline_since": status.offline_since,
        "offset": None if status.clock_offset_s is None else round(status.clock_offset_s),
    }
    return _render(HEADLINES[status.headline], params, lang, tz)


def next_step_text(step: Reason | None, lang: str, tz: tzinfo | None = None) -> str:
    """The store's next step as advice; None (the table's "nothing to do") has its own sentence."""
    if step is None:
        return _pick(lang, *NOTHING_TO_DO)
    return _render(NEXT_STEPS[step.code], step.params, lang, tz)


def news_text(item: NewsItem, lang: str, tz: tzinfo | None = None) -> str:
    return _render(NEWS[item.kind], item.params, lang, tz)


#: The way forward for each headline that needs the merchant: (zh, en) for a terminal, and the
#: key of the window's button (``FORWARD_BUTTONS``). Headlines that merely wait have none.
FORWARD: dict[str, tuple[str, str]] = {
    "refused": (
        "查看：main.py pending；重试：main.py retry 编号；放弃：main.py discard 编号",
        "See them: main.py pending; then main.py retry ID or main.py discard ID",
    ),
    "offline": ("联网后自动重试；立即重试：main.py sync", "Retries by itself; now: main.py sync"),
    "platform_error": ("稍后自动重试；立即重试：main.py sync", "Retries by itself; now: main.py sync"),
    "demo_stopped": (
        "重新启动本程序即可重启演示平台",
        "Start the app again to restart the demo platform",
    ),
    "clock": (
        "在系统设置中开启“自动设置时间”，然后运行 main.py sync",
        "Turn on automatic time in the system settings, then run main.py sync",
    ),
    "auth_refused": (
        "在设置中重新输入 App Key 和 App Secret，或：main.py sync --platform 地址 --app-key KEY",
        "Enter the app key and secret again in Settings, or: main.py sync --platform URL --app-key KEY",
    ),
    "other_account": (
        "查看：main.py pending；放弃：main.py discard 编号",
        "See them: main.py pending; then main.py discard ID",
    ),
}

#: The window's button for each way forward (the GUI translates these through the same table).
FORWARD_BUTTONS: dict[str, tuple[str, str]] = {
    "refused": ("查看被拒绝的修改", "Review refused changes"),
    "offline": ("立即重试", "Retry now"),
    "platform_error": ("立即重试", "Retry now"),
    "demo_stopped": ("重启演示平台", "Restart the demo platform"),
    "clock": ("重试", "Try again"),
    "auth_refused": ("打开设置", "Open Settings"),
    "other_account": ("查看待同步修改", "Review waiting changes"),
    "working_offline": ("恢复联网", "Go online"),
}

#: Labels of the terminal's ``status`` and ``news`` and of the window's notification list.
LABELS: dict[str, tuple[str, str]] = {
    "waiting": ("等待同步", "Waiting to sync"),
    "sending": ("正在发送", "Sending"),
    "refused": ("被拒绝", "Refused"),
    "offline_since": ("离线起始", "Offline since"),
    "last_pass": ("上次同步尝试", "Last sync attempt"),
    "last_success": ("上次成功同步", "Last successful sync"),
    "never": ("从未", "never"),
    "platform": ("使用的平台", "Platform in use"),
    "platform_embedded": ("本机演示平台", "Demo platform on this computer"),
    "platform_args": ("{url}（命令行 --platform）", "{url} (--platform on the command line)"),
    "platform_config": ("{url}（设置）", "{url} (settings)"),
    "unread_news": ("未读通知", "Unread notifications"),
    "way_forward": ("下一步", "What to do"),
    "no_news": ("没有通知。", "No notifications."),
    "no_unread_news": ("没有未读通知。", "No unread notifications."),
    "news_marked": ("已将 {count} 条通知标为已读。", "Marked {count} notifications read."),
    "unknown_news": ("没有编号为 {id} 的通知。", "No notification with id {id}."),
    "news_col_id": ("编号", "ID"),
    "news_col_when": ("时间", "When"),
    "news_col_store": ("店铺", "Store"),
    "news_col_text": ("内容", "What happened"),
    "news_col_unread": ("未读", "Unread"),
    "unread_mark": ("●", "●"),
    "news_title": ("通知", "Notifications"),
    "all_stores": ("全部店铺", "All stores"),
    "other_news": ("平台消息（{kind}）", "Platform message ({kind})"),
    "news_unread_only": ("只看未读", "Unread only"),
    "news_mark_read": ("标为已读", "Mark read"),
    "news_mark_all_read": ("全部标为已读", "Mark all read"),
    "news_open_store": ("查看店铺", "Show the store"),
    "news_intro": (
        "平台的每一项变化和临近的截止日期都会记录在这里，即使当时程序没有打开。",
        "Every change the platform made and every deadline coming up is kept here, "
        "even when the app was closed at the time.",
    ),
    "news_sidebar": ("通知", "Notifications"),
    "news_sidebar_unread": ("通知（{count}）", "Notifications ({count})"),
    "tray_unread": ("{count} 条未读通知", "{count} unread notifications"),
}


def label(key: str, lang: str, **params: Any) -> str:
    zh, en = LABELS[key]
    text = _pick(lang, zh, en)
    return text.format(**params) if params else text


def forward_text(status: SyncStatus, lang: str) -> str:
    """The terminal's way forward for the headline ("" when nothing needs the merchant)."""
    pair = FORWARD.get(status.headline)
    return _pick(lang, *pair) if pair else ""


def forward_button(status: SyncStatus, lang: str) -> str:
    """The window's button for the headline ("" when there is none)."""
    pair = FORWARD_BUTTONS.get(status.headline)
    return _pick(lang, *pair) if pair else ""


def stored_news_text(kind: str, params: Mapping[str, Any], lang: str, tz: tzinfo | None = None) -> str:
    """A stored news row in words. Kinds this release does not know (added by a newer one, or
    by another part of the app before its words land) still say something true."""
    if kind in NEWS:
        text = _render(NEWS[kind], params, lang, tz)
        if text:
            return text
    return label("other_news", lang, kind=kind)

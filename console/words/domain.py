"""The domain's words: names of things, statuses, and the sentence for every reason code.

The core answers with reason codes and facts (``console.core.reasons``); this module is the one
place that turns them into sentences, in the merchant's language. Each sentence says what is
true and, where the merchant can act, what to do next.

Reasons map to variants tried in order: (facts the sentence needs, zh, en). The first whose facts
are all present is used, so a missing date gives a shorter sentence, never "None". Placeholders:
{method} {device} {window_opens_at} {deadline_at} {launch_at} {max_amount} {reason} {message}
{max_length} {opinion_opens_at} {opinion_closes_at} {store_id} {announcement_id}.
"""

# ruff: noqa: E501  (tables of sentences: one line per language reads best)
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from console.core.model import Device, Eligibility, LocalizedText, Method, Platform
from console.core.money import format_fen
from console.core.reasons import Reason, ReasonCode
from console.words.dates import format_when
from console.words.lang import pick

#: How a reason's dates are written: the terminal's sortable form unless the caller says otherwise
#: (the window passes ``functools.partial(format_datetime, lang=...)``).
WhenFormat = Callable[[datetime], str]

# -- names ------------------------------------------------------------------------------------
_PLATFORM = {Platform.TAOBAO: ("淘宝", "Taobao"), Platform.TMALL: ("天猫", "Tmall")}
_METHOD = {Method.ALIPAY: ("支付宝", "Alipay"), Method.WECHAT_PAY: ("微信支付", "WeChat Pay")}
_DEVICE = {
    Device.MOBILE_APP: ("手机 App", "mobile app"),
    Device.PC_WEB: ("电脑网页", "PC web"),
    Device.WECHAT_MINI_PROGRAM: ("微信小程序", "WeChat mini program"),
    Device.ALIPAY_MINI_PROGRAM: ("支付宝小程序", "Alipay mini program"),
}
# English names are in running-text case ("in review"); a view showing one alone uses label()
_ELIGIBILITY = {
    Eligibility.NOT_INVITED: ("未受邀", "not invited"),
    Eligibility.INVITED: ("已受邀", "invited"),
    Eligibility.IN_REVIEW: ("审核中", "in review"),
    Eligibility.APPROVED: ("已通过", "approved"),
    Eligibility.LIVE: ("已上线", "live"),
    Eligibility.REJECTED: ("未通过", "rejected"),
    Eligibility.EXPIRED: ("已过期", "expired"),
    Eligibility.WITHDRAWN: ("已撤回", "withdrawn"),
    Eligibility.FROZEN: ("已冻结", "frozen"),
}
# one sentence each: what the platform status means for the merchant
_ELIGIBILITY_EXPLAINED = {
    Eligibility.NOT_INVITED: ("这家店铺尚未受邀开通微信支付。", "This store has not been invited to offer WeChat Pay yet."),
    Eligibility.INVITED: ("这家店铺已受邀：请在截止前申请开通微信支付。", "This store is invited: apply before the deadline to offer WeChat Pay."),
    Eligibility.IN_REVIEW: ("平台正在审核申请。", "The platform is reviewing the application."),
    Eligibility.APPROVED: ("已通过：微信支付将在上线日期上线。", "Approved: WeChat Pay goes live on the launch date."),
    Eligibility.LIVE: ("已上线：买家可以用它付款。", "Live: shoppers can pay with it."),
    Eligibility.REJECTED: ("申请未通过。", "The application was rejected."),
    Eligibility.EXPIRED: ("邀请已过期，期间未提交申请。", "The invitation expired before an application was made."),
    Eligibility.WITHDRAWN: ("平台已撤回邀请。", "The platform withdrew the invitation."),
    Eligibility.FROZEN: ("平台已冻结这家店铺的这种支付方式。", "The platform froze this payment method for the store."),
}
_STORE_STATUS = {"open": ("营业中", "open"), "frozen": ("已冻结", "frozen"), "closed": ("已关闭", "closed")}
_SYNC_STATE = {"confirmed": ("已确认", "confirmed"), "pending": ("待同步", "waiting to sync"), "refused": ("被拒绝", "refused")}
_OUTBOX_STATUS = {
    "queued": ("待同步", "waiting to sync"),
    "in_flight": ("发送中", "sending"),
    "refused": ("被拒绝", "refused by the platform"),
    "done": ("已完成", "done"),
    "discarded": ("已放弃", "discarded"),
}
# the platform's rejection codes we can explain, with what to do
_REJECTION = {
    "LICENSE_MISMATCH": (
        "营业执照与店铺登记的公司不一致。请在店铺资料中更新营业执照后重新申请。",
        "The business licence does not match the store's registered company. Update the licence in the store's profile, then apply again.",
    ),
    "CATEGORY_NOT_SUPPORTED": ("这家店铺所在的类目暂不支持微信支付。", "WeChat Pay is not available for this store's category yet."),
    "RISK_REVIEW": ("未通过平台的风险审核。请联系平台客服了解详情。", "The platform's risk review did not pass. Contact platform support for details."),
    "INCOMPLETE_PROFILE": ("店铺资料不完整。请补全资料后重新申请。", "The store profile is incomplete. Fill in the missing details, then apply again."),
}
_SYNC_ERROR = {
    "offline": ("无法连接平台。修改已保留，恢复连接后发送。", "Cannot reach the platform. Changes are kept and sent when it is back."),
    "auth": ("平台不接受应用 Key 或 Secret，请在设置中检查。", "The platform did not accept the app key or secret. Check them in Settings."),
    "clock": (
        "平台提示本机时间不准确。请校正电脑的日期和时间；在此之前修改会保留在本机。",
        "The platform says this computer's clock is wrong. Set the date and time correctly; changes are kept until then.",
    ),
    "server": ("平台出现问题，稍后自动重试。", "The platform had a problem. Trying again shortly."),
    "rate_limited": ("平台要求放慢请求速度，稍后自动重试。", "The platform asked us to slow down. Trying again shortly."),
    "bad_response": ("平台的应答无法通过校验，稍后自动重试。", "The platform sent an answer we could not check. Trying again shortly."),
    "other_account": (
        "您已更换平台账号，但还有为之前账号做的修改待同步或被拒绝。请在“待同步”中放弃这些修改，以完成切换。",
        "You switched platform accounts, but changes made for the previous one are still waiting or refused. Discard them under Waiting to sync to finish the switch.",
    ),
    "busy": ("另一个同步正在处理这份数据（可能来自命令行），稍后自动重试。", "Another sync of this data is running (perhaps from the command line). Trying again shortly."),
}
# the audit log's words: who, what, outcome
_ACTIVITY = {
    "actor_merchant": ("您", "You"),
    "actor_sync": ("同步", "Sync"),
    "actor_platform": ("平台", "Platform"),
    "action_set_method": ("修改支付方式", "Change a payment method"),
    "action_send_feedback": ("提交反馈", "Send feedback"),
    "action_sync_pull": ("获取平台更新", "Fetch updates"),
    "action_retry": ("重试修改", "Retry a change"),
    "action_discard": ("放弃修改", "Discard a change"),
    "result_ok": ("完成", "Done"),
    "result_queued": ("待同步", "Waiting to sync"),
    "result_coalesced": ("已与未发送的修改合并", "Merged with an unsent change"),
    "result_cancelled": ("已撤销（无变化）", "Cancelled (no change)"),
    "result_refused": ("被拒绝", "Refused"),
    "result_discarded": ("已放弃", "Discarded"),
    "result_failed": ("失败", "Failed"),
}


def label(word: str) -> str:
    """A name shown on its own (a pill, a column): first letter up in English, Chinese as is."""
    return word[:1].upper() + word[1:]


def _name(table: Mapping[Any, tuple[str, str]], key: Any, lang: str) -> str:
    """The word for ``key``; an unknown wire value (a newer platform) shows as itself."""
    pair = table.get(str(key))
    return pick(lang, *pair) if pair else str(key)


def platform_name(platform: Platform | str, lang: str) -> str:
    return _name(_PLATFORM, platform, lang)


def method_name(method: Method | str, lang: str) -> str:
    return _name(_METHOD, method, lang)


def device_name(device: Device | str, lang: str) -> str:
    return _name(_DEVICE, device, lang)


def eligibility_name(eligibility: Eligibility | str, lang: str) -> str:
    """A short label for a status pill or a table cell."""
    return _name(_ELIGIBILITY, eligibility, lang)


def eligibility_explained(eligibility: Eligibility | str, lang: str) -> str:
    """One sentence: what this platform status means for the merchant."""
    return _name(_ELIGIBILITY_EXPLAINED, eligibility, lang)


def store_status_name(status: str, lang: str) -> str:
    return _name(_STORE_STATUS, status, lang)


def sync_state_name(state: str, lang: str) -> str:
    """Confirmed / waiting to sync / refused: where the merchant's last change stands."""
    return _name(_SYNC_STATE, state, lang)


def outbox_status_name(status: str, lang: str) -> str:
    return _name(_OUTBOX_STATUS, status, lang)


def on_off(value: bool | None, lang: str) -> str:
    if value is None:
        return "-"
    return pick(lang, "开", "on") if value else pick(lang, "关", "off")


def rejection_reason(code: str | None, text: LocalizedText | Mapping[str, str] | None, lang: str) -> str:
    """Why the platform rejected or froze: our words for known codes, else the platform's own."""
    if code and code in _REJECTION:
        return pick(lang, *_REJECTION[code])
    localized = _localized(text)
    if localized is not None and (localized.zh or localized.en):
        return localized.get(lang)
    if code:
        return pick(lang, "平台给出的原因代码为 {code}。", "The platform gave the reason code {code}.").format(code=code)
    return pick(lang, "平台未说明原因。", "The platform gave no reason.")


def sync_error_text(error: str | None, lang: str, detail: str | None = None) -> str:
    """The sync engine's error word as plain words for a status line.

    ``detail`` is the engine's English detail; it is only searched for the one auth code the
    merchant can fix on their own computer (a wrong clock), never shown.
    """
    if error is None:
        return ""
    if error == "auth" and detail and "AUTH_TIMESTAMP_SKEW" in detail:
        error = "clock"
    return _name(_SYNC_ERROR, error, lang)


def activity_words(actor: str, action: str, result: str, lang: str) -> tuple[str, str, str]:
    """(who, what, outcome) of an audit row in the user's language; unknown words pass through."""
    return (
        _name(_ACTIVITY, f"actor_{actor}", lang) if f"actor_{actor}" in _ACTIVITY else actor,
        _name(_ACTIVITY, f"action_{action}", lang) if f"action_{action}" in _ACTIVITY else action,
        _name(_ACTIVITY, f"result_{result}", lang) if f"result_{result}" in _ACTIVITY else result,
    )


# -- reasons --------------------------------------------------------------------------------------
_Variants = tuple[tuple[tuple[str, ...], str, str], ...]

_REASONS: dict[ReasonCode, _Variants] = {
    ReasonCode.STORE_FROZEN: (((), "店铺已被平台冻结，无法修改支付方式。", "The store is frozen by the platform; its payment methods cannot be changed."),),
    ReasonCode.STORE_CLOSED: (((), "店铺已关闭，无法作任何修改。", "The store is closed; nothing can be changed."),),
    ReasonCode.NOT_INVITED: (
        (
            (),
            "这家店铺尚未受邀开通微信支付。邀请分批开放，轮到这家店铺时会通知您。",
            "This store has not been invited to WeChat Pay yet. Invitations open in phases; you will be told when its phase opens.",
        ),
    ),
    ReasonCode.WINDOW_NOT_OPEN: (
        (("window_opens_at",), "这家店铺的申请窗口将于 {window_opens_at} 开放。", "This store's application window opens on {window_opens_at}."),
        ((), "这家店铺的申请窗口尚未开放。", "This store's application window has not opened yet."),
    ),
    ReasonCode.INVITATION_NOT_ACCEPTED: (
        (
            ("deadline_at",),
            "店铺已受邀但尚未申请。请在 {deadline_at} 前开启微信支付以提交申请。",
            "The store is invited but has not applied yet. Turn WeChat Pay on before {deadline_at} to apply.",
        ),
        ((), "店铺已受邀但尚未申请。开启微信支付即可提交申请。", "The store is invited but has not applied yet. Turn WeChat Pay on to apply."),
    ),
    ReasonCode.INVITATION_EXPIRED: (
        (
            ("deadline_at",),
            "邀请已于 {deadline_at} 过期，期间未提交申请。之后的批次可能会再次邀请这家店铺。",
            "The invitation expired on {deadline_at} without an application. A later phase may invite this store again.",
        ),
        (
            (),
            "邀请已过期，期间未提交申请。之后的批次可能会再次邀请这家店铺。",
            "The invitation expired without an application. A later phase may invite this store again.",
        ),
    ),
    ReasonCode.INVITATION_WITHDRAWN: (
        (("reason",), "平台撤回了这家店铺的邀请：{reason}", "The platform withdrew this store's invitation: {reason}"),
        ((), "平台撤回了这家店铺的邀请。请联系平台客服了解原因。", "The platform withdrew this store's invitation. Contact platform support to ask why."),
    ),
    ReasonCode.REVIEW_PENDING: (((), "平台正在审核申请，通常需要几天时间。", "The application is being reviewed by the platform. This usually takes a few days."),),
    ReasonCode.AWAITING_LAUNCH: (
        (("launch_at",), "已通过。微信支付将于 {launch_at} 对买家上线。", "Approved. WeChat Pay goes live for shoppers on {launch_at}."),
        ((), "已通过。微信支付将在上线日期对买家上线。", "Approved. WeChat Pay goes live for shoppers on the launch date."),
    ),
    ReasonCode.REJECTED: (
        (("reason",), "申请未通过：{reason}", "The application was rejected: {reason}"),
        ((), "申请未通过。", "The application was rejected."),
    ),
    ReasonCode.METHOD_FROZEN: (
        (("method", "reason"), "平台冻结了这家店铺的{method}：{reason}", "The platform froze {method} for this store: {reason}"),
        (("method",), "平台冻结了这家店铺的{method}。请联系平台客服解除。", "The platform froze {method} for this store. Contact platform support to lift it."),
        ((), "平台冻结了这种支付方式。请联系平台客服解除。", "The platform froze this payment method. Contact platform support to lift it."),
    ),
    ReasonCode.TURNED_OFF: (
        (("method",), "您在设置中关闭了{method}。", "{method} is turned off in your settings."),
        ((), "您在设置中关闭了这种支付方式。", "This payment method is turned off in your settings."),
    ),
    ReasonCode.LAST_LIVE_METHOD: (
        (
            (),
            "这是店铺最后一个已上线并开启的支付方式。请先开启另一种，否则买家将无法付款。",
            "This is the store's last live payment method that is on. Turn another one on first, or shoppers could not pay at all.",
        ),
    ),
    ReasonCode.PENDING_SYNC: (
        (
            (),
            "您的修改已保存在本机，正等待发送到平台；联网后会自动发送。",
            "Your change is saved here and waits to be sent to the platform; it is sent automatically when online.",
        ),
    ),
    ReasonCode.CHANGE_REFUSED: (
        ((), "平台拒绝了您的修改：请重试或放弃。", "The platform refused your change: retry or discard it."),
    ),
    ReasonCode.NO_CHANGE: (((), "无需修改：已经是这个设置。", "Nothing to change: it already has this setting."),),
    ReasonCode.DEVICE_UNSUPPORTED: (
        (("method", "device"), "{method}不支持{device}。", "{method} is not offered on {device}."),
        (("method",), "{method}不支持这种设备。", "{method} is not offered on this device."),
        ((), "这种设备不支持这种支付方式。", "This payment method is not offered on this device."),
    ),
    ReasonCode.AMOUNT_OVER_LIMIT: (
        (("method", "max_amount"), "金额超过{method}的单笔上限 {max_amount}。", "The amount is above the {max_amount} limit for {method}."),
        ((), "金额超过单笔上限。", "The amount is above the limit."),
    ),
    ReasonCode.AMOUNT_INVALID: (((), "请输入大于零的金额。", "Enter an amount greater than zero."),),
    ReasonCode.NO_TERMS: (
        (("method",), "平台尚未发布{method}的费率和限额；同步后即可获取。", "The platform has not published terms for {method} yet; sync to fetch them."),
        ((), "平台尚未发布这种支付方式的费率和限额；同步后即可获取。", "The platform has not published terms for this method yet; sync to fetch them."),
    ),
    ReasonCode.OPINION_NOT_OPEN: (
        (("opinion_opens_at",), "意见征集期将于 {opinion_opens_at} 开始。", "The opinion period starts on {opinion_opens_at}."),
        ((), "意见征集期尚未开始。", "The opinion period has not started yet."),
    ),
    ReasonCode.OPINION_PERIOD_CLOSED: (
        (
            ("opinion_closes_at",),
            "意见征集期已于 {opinion_closes_at} 结束，无法再提交反馈。",
            "The opinion period ended on {opinion_closes_at}; feedback can no longer be sent.",
        ),
        ((), "意见征集期已结束，无法再提交反馈。", "The opinion period is over; feedback can no longer be sent."),
    ),
    ReasonCode.FEEDBACK_EMPTY: (((), "请先填写反馈内容。", "Write your feedback first."),),
    ReasonCode.FEEDBACK_TOO_LONG: (
        (("max_length",), "反馈最多 {max_length} 个字。", "Feedback can be at most {max_length} characters."),
        ((), "反馈太长了。", "The feedback is too long."),
    ),
    ReasonCode.UNKNOWN_STORE: (
        (("store_id",), "找不到店铺 {store_id}。", "No store {store_id} here."),
        ((), "这家店铺已不在您的列表中。", "This store is not in your list any more."),
    ),
    ReasonCode.UNKNOWN_ANNOUNCEMENT: (
        (("announcement_id",), "找不到公告 {announcement_id}。", "No announcement {announcement_id} here."),
        ((), "这条公告已不存在。", "This announcement is not available any more."),
    ),
    ReasonCode.PLATFORM_REFUSED: (
        (("message",), "平台拒绝了这项修改：{message}", "The platform refused the change: {message}"),
        ((), "平台拒绝了这项修改。", "The platform refused the change."),
    ),
}

# The next step, phrased as advice. Codes not listed fall back to the reason sentence.
_NEXT: dict[ReasonCode, _Variants] = {
    ReasonCode.STORE_FROZEN: (((), "店铺已冻结：请联系平台客服。", "The store is frozen: contact platform support."),),
    ReasonCode.STORE_CLOSED: (((), "店铺已关闭：无需操作。", "The store is closed: nothing to do."),),
    ReasonCode.PENDING_SYNC: (((), "等待同步：联网后修改会自动发送到平台。", "Wait for the sync: your changes are sent when online."),),
    ReasonCode.WINDOW_NOT_OPEN: (
        (("window_opens_at",), "等待申请窗口于 {window_opens_at} 开放。", "Wait for the application window to open on {window_opens_at}."),
    ),
    ReasonCode.INVITATION_NOT_ACCEPTED: (
        (("deadline_at",), "在 {deadline_at} 前开启微信支付以提交申请。", "Turn WeChat Pay on before {deadline_at} to apply."),
    ),
    ReasonCode.REVIEW_PENDING: (((), "等待平台审核结果。", "Wait for the platform's review."),),
    ReasonCode.REJECTED: (
        (
            ("reason", "deadline_at"),
            "申请未通过：{reason}请在 {deadline_at} 前重新开启微信支付再次申请。",
            "Rejected: {reason} Turn WeChat Pay on again before {deadline_at} to re-apply.",
        ),
    ),
    ReasonCode.AWAITING_LAUNCH: (
        (("launch_at",), "无需操作：微信支付将于 {launch_at} 上线。", "Nothing to do: WeChat Pay goes live on {launch_at}."),
    ),
}


def _localized(value: Any) -> LocalizedText | None:
    if isinstance(value, LocalizedText) or value is None:
        return value
    if isinstance(value, Mapping):
        return LocalizedText(zh=str(value.get("zh", "")), en=str(value.get("en", "")))
    return LocalizedText(zh=str(value), en=str(value))


def _facts(params: Mapping[str, Any], lang: str, when: WhenFormat) -> dict[str, str]:
    """A reason's params rendered as text for str.format_map; None facts are left out."""
    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            out[key] = when(value)
        elif key == "method":
            out[key] = method_name(value, lang)
        elif key == "device":
            out[key] = device_name(value, lang)
        elif isinstance(value, LocalizedText | Mapping):
            out[key] = (_localized(value) or LocalizedText("", "")).get(lang)
        else:
            out[key] = str(value)
    if params.get("max_amount_fen") is not None:
        out["max_amount"] = format_fen(int(params["max_amount_fen"]))
    if params.get("reason_code") or params.get("reason_text"):
        out["reason"] = rejection_reason(params.get("reason_code"), params.get("reason_text"), lang)
    return out


def _render(variants: _Variants, facts: Mapping[str, str], lang: str) -> str:
    for needed, zh, en in variants:
        if all(facts.get(k) for k in needed):
            return pick(lang, zh, en).format_map(facts)
    return ""


def _when_for(tz: tzinfo | None, when: WhenFormat | None) -> WhenFormat:
    return when if when is not None else (lambda value: format_when(value, tz))


def reason_text(reason: Reason | None, lang: str, tz: tzinfo | None = None, *, when: WhenFormat | None = None) -> str:
    """A full sentence for a reason in ``lang``; unknown codes show the platform's message.

    Dates are written by ``when`` (default: the terminal's "2026-12-08 10:00" in ``tz``).
    """
    if reason is None:
        return ""
    facts = _facts(reason.params or {}, lang, _when_for(tz, when))
    variants = _REASONS.get(reason.code)
    text = _render(variants, facts, lang) if variants else ""
    return text or facts.get("message") or str(reason.code)


def next_step_text(reason: Reason | None, lang: str, tz: tzinfo | None = None, *, when: WhenFormat | None = None) -> str:
    """The store's next step as advice; None means there is nothing to do."""
    if reason is None:
        return pick(lang, "无需操作，一切已设置妥当。", "Nothing to do, everything is set up.")
    variants = _NEXT.get(reason.code)
    text = _render(variants, _facts(reason.params or {}, lang, _when_for(tz, when)), lang) if variants else ""
    return text or reason_text(reason, lang, tz, when=when)


def refusal_code_text(code: str | None, message: str | None, lang: str) -> str:
    """A platform refusal code from the outbox (wire spelling) as a sentence."""
    if not code:
        return message or ""
    try:
        known = ReasonCode(code)
    except ValueError:
        return reason_text(Reason(ReasonCode.PLATFORM_REFUSED, {"message": message or code}), lang)
    return reason_text(Reason(known, {"message": message} if message else {}), lang)

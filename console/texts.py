"""The CLI's words in Chinese (zh_CN) and English, as plain Python (no Qt in a terminal).

The core answers with reason codes and facts (``console.core.reasons``); this module turns them
into sentences. The GUI has its own Qt-translated texts (``console/ui/texts.py``) because its
words follow Qt's translation system; the codes and parameter names are the same.

Language: ``--lang`` first, then LC_ALL, LC_MESSAGES, LANG. Chinese when the locale says zh,
English otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from console.core.model import Device, Eligibility, LocalizedText, Method, Platform
from console.core.money import AmountProblem, format_fen
from console.core.reasons import Reason, ReasonCode

ZH = "zh_CN"
EN = "en"
LANGS = (ZH, EN)


def detect_lang(cli_lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """zh_CN or en: --lang wins, then the POSIX locale variables in their order of precedence."""
    env = os.environ if environ is None else environ
    for value in (cli_lang, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG")):
        if value:
            return ZH if value.lower().replace("-", "_").startswith("zh") else EN
    return EN


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang == ZH else en


# -- names ------------------------------------------------------------------------------------
_METHOD = {Method.ALIPAY: ("支付宝", "Alipay"), Method.WECHAT_PAY: ("微信支付", "WeChat Pay")}
_PLATFORM = {Platform.TAOBAO: ("淘宝", "Taobao"), Platform.TMALL: ("天猫", "Tmall")}
_DEVICE = {
    Device.MOBILE_APP: ("手机 App", "mobile app"),
    Device.PC_WEB: ("电脑网页", "PC web"),
    Device.WECHAT_MINI_PROGRAM: ("微信小程序", "WeChat mini program"),
    Device.ALIPAY_MINI_PROGRAM: ("支付宝小程序", "Alipay mini program"),
}
_ELIGIBILITY = {
    Eligibility.NOT_INVITED: ("未受邀", "not invited"),
    Eligibility.INVITED: ("已受邀", "invited"),
    Eligibility.IN_REVIEW: ("审核中", "in review"),
    Eligibility.APPROVED: ("已通过，待上线", "approved, awaiting launch"),
    Eligibility.LIVE: ("已上线", "live"),
    Eligibility.REJECTED: ("未通过", "rejected"),
    Eligibility.EXPIRED: ("邀请已过期", "invitation expired"),
    Eligibility.WITHDRAWN: ("邀请已撤回", "invitation withdrawn"),
    Eligibility.FROZEN: ("已冻结", "frozen"),
}
_STORE_STATUS = {"open": ("营业中", "open"), "frozen": ("已冻结", "frozen"), "closed": ("已关闭", "closed")}
_OUTBOX_STATUS = {
    "queued": ("等待同步", "waiting to sync"),
    "in_flight": ("发送中", "sending"),
    "refused": ("被平台拒绝", "refused by the platform"),
    "done": ("已完成", "done"),
    "discarded": ("已放弃", "discarded"),
}


def method_name(method: Method | str, lang: str) -> str:
    m = Method(method)
    return _pick(lang, *_METHOD[m])


def platform_name(platform: Platform | str, lang: str) -> str:
    return _pick(lang, *_PLATFORM[Platform(platform)])


def device_name(device: Device | str, lang: str) -> str:
    return _pick(lang, *_DEVICE[Device(device)])


def eligibility_name(eligibility: Eligibility | str, lang: str) -> str:
    return _pick(lang, *_ELIGIBILITY[Eligibility(eligibility)])


def store_status_name(status: str, lang: str) -> str:
    pair = _STORE_STATUS.get(str(status))
    return _pick(lang, *pair) if pair else str(status)


def outbox_status_name(status: str, lang: str) -> str:
    pair = _OUTBOX_STATUS.get(status)
    return _pick(lang, *pair) if pair else status


def on_off(value: bool | None, lang: str) -> str:
    if value is None:
        return "-"
    return _pick(lang, "开", "on") if value else _pick(lang, "关", "off")


def format_when(value: datetime | None, tz: tzinfo | None = None) -> str:
    """Local time (the machine's zone unless ``tz``), to the minute: "2026-12-08 10:00"."""
    if value is None:
        return "-"
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


# -- reasons --------------------------------------------------------------------------------------
# Each code maps to variants tried in order: (params the sentence needs, zh, en). The first whose
# params are all present (not None) is used, so a missing date gives a shorter sentence, never
# "None". Placeholders: {method} {device} {window_opens_at} {deadline_at} {launch_at}
# {max_amount} {reason} {message} {max_length} {opinion_opens_at} {opinion_closes_at} {store_id}
# {announcement_id}.
_Variants = tuple[tuple[tuple[str, ...], str, str], ...]

_REASONS: dict[ReasonCode, _Variants] = {
    ReasonCode.STORE_FROZEN: (
        (
            (),
            "店铺已被平台冻结，无法更改支付方式。",
            "The store is frozen by the platform; its payment methods cannot be changed.",
        ),
    ),
    ReasonCode.STORE_CLOSED: (
        ((), "店铺已关闭，无法更改。", "The store is closed; nothing can be changed."),
    ),
    ReasonCode.NOT_INVITED: (
        (
            (),
            "该店铺尚未受邀开通微信支付。邀请分批开放，轮到时会通知您。",
            "This store has not been invited to WeChat Pay yet. "
            "Invitations open in phases; you will be told when its phase opens.",
        ),
    ),
    ReasonCode.WINDOW_NOT_OPEN: (
        (
            ("window_opens_at",),
            "该店铺的申请窗口将于 {window_opens_at} 开放。",
            "This store's application window opens on {window_opens_at}.",
        ),
        ((), "该店铺的申请窗口尚未开放。", "This store's application window has not opened yet."),
    ),
    ReasonCode.INVITATION_NOT_ACCEPTED: (
        (
            ("deadline_at",),
            "店铺已受邀但尚未申请。请在 {deadline_at} 前开启微信支付以提交申请。",
            "The store is invited but has not applied yet. Turn WeChat Pay on before {deadline_at} to apply.",
        ),
        (
            (),
            "店铺已受邀但尚未申请。开启微信支付即可提交申请。",
            "The store is invited but has not applied yet. Turn WeChat Pay on to apply.",
        ),
    ),
    ReasonCode.INVITATION_EXPIRED: (
        (
            ("deadline_at",),
            "邀请已于 {deadline_at} 过期，未提交申请。后续批次可能会再次邀请该店铺。",
            "The invitation expired on {deadline_at} without an application. "
            "A later phase may invite this store again.",
        ),
        (
            (),
            "邀请已过期，未提交申请。后续批次可能会再次邀请该店铺。",
            "The invitation expired without an application. A later phase may invite this store again.",
        ),
    ),
    ReasonCode.INVITATION_WITHDRAWN: (
        (
            ("reason",),
            "平台已撤回该店铺的邀请：{reason}",
            "The platform withdrew this store's invitation: {reason}",
        ),
        (
            (),
            "平台已撤回该店铺的邀请。如需了解原因，请联系平台客服。",
            "The platform withdrew this store's invitation. Contact platform support to ask why.",
        ),
    ),
    ReasonCode.REVIEW_PENDING: (
        (
            (),
            "申请正在平台审核中，通常需要几天。",
            "The application is being reviewed by the platform. This usually takes a few days.",
        ),
    ),
    ReasonCode.AWAITING_LAUNCH: (
        (
            ("launch_at",),
            "已通过审核，微信支付将于 {launch_at} 对顾客上线。",
            "Approved. WeChat Pay goes live for shoppers on {launch_at}.",
        ),
        ((), "已通过审核，将在上线日对顾客开放。", "Approved. It goes live for shoppers on the launch date."),
    ),
    ReasonCode.REJECTED: (
        (("reason",), "申请未通过：{reason}", "The application was rejected: {reason}"),
        ((), "申请未通过。", "The application was rejected."),
    ),
    ReasonCode.METHOD_FROZEN: (
        (
            ("method", "reason"),
            "平台已冻结该店铺的{method}：{reason}",
            "The platform froze {method} for this store: {reason}",
        ),
        (
            ("method",),
            "平台已冻结该店铺的{method}。请联系平台客服解冻。",
            "The platform froze {method} for this store. Contact platform support to lift it.",
        ),
        (
            (),
            "平台已冻结该支付方式。请联系平台客服解冻。",
            "The platform froze this payment method. Contact platform support to lift it.",
        ),
    ),
    ReasonCode.TURNED_OFF: (
        (("method",), "{method}已在您的设置中关闭。", "{method} is turned off in your settings."),
        ((), "该支付方式已在您的设置中关闭。", "This payment method is turned off in your settings."),
    ),
    ReasonCode.LAST_LIVE_METHOD: (
        (
            (),
            "这是店铺最后一个已上线并开启的支付方式。请先开启另一个，否则顾客将无法付款。",
            "This is the store's last live payment method that is on. "
            "Turn another one on first, or shoppers could not pay at all.",
        ),
    ),
    ReasonCode.PENDING_SYNC: (
        (
            (),
            "您的更改已保存在本机，正在等待同步到平台；联网后会自动发送。",
            "Your change is saved here and waits to be sent to the platform; "
            "it is sent automatically when online.",
        ),
    ),
    ReasonCode.CHANGE_REFUSED: (
        ((), "平台拒绝了您的更改：请重试或放弃。", "The platform refused your change: retry or discard it."),
    ),
    ReasonCode.NO_CHANGE: (
        ((), "无需更改：已经是这个设置。", "Nothing to change: it already has this setting."),
    ),
    ReasonCode.DEVICE_UNSUPPORTED: (
        (("method", "device"), "{method}不支持{device}。", "{method} is not offered on {device}."),
        ((), "该设备不支持此支付方式。", "This payment method is not offered on this device."),
    ),
    ReasonCode.AMOUNT_OVER_LIMIT: (
        (
            ("method", "max_amount"),
            "金额超过{method}的单笔上限 {max_amount}。",
            "The amount is above the {max_amount} limit for {method}.",
        ),
        ((), "金额超过单笔上限。", "The amount is above the limit."),
    ),
    ReasonCode.AMOUNT_INVALID: (((), "请输入大于零的金额。", "Enter an amount greater than zero."),),
    ReasonCode.NO_TERMS: (
        (
            ("method",),
            "平台尚未公布{method}的费率和限额；请先同步。",
            "The platform has not published terms for {method} yet; sync to fetch them.",
        ),
        (
            (),
            "平台尚未公布该支付方式的费率和限额；请先同步。",
            "The platform has not published terms for this method yet; sync to fetch them.",
        ),
    ),
    ReasonCode.OPINION_NOT_OPEN: (
        (
            ("opinion_opens_at",),
            "意见征集期将于 {opinion_opens_at} 开始。",
            "The opinion period starts on {opinion_opens_at}.",
        ),
        ((), "意见征集期尚未开始。", "The opinion period has not started yet."),
    ),
    ReasonCode.OPINION_PERIOD_CLOSED: (
        (
            ("opinion_closes_at",),
            "意见征集期已于 {opinion_closes_at} 结束，无法再提交意见。",
            "The opinion period ended on {opinion_closes_at}; feedback can no longer be sent.",
        ),
        (
            (),
            "意见征集期已结束，无法再提交意见。",
            "The opinion period is over; feedback can no longer be sent.",
        ),
    ),
    ReasonCode.FEEDBACK_EMPTY: (((), "请先填写意见内容。", "Write your feedback first."),),
    ReasonCode.FEEDBACK_TOO_LONG: (
        (("max_length",), "意见最多 {max_length} 个字。", "Feedback can be at most {max_length} characters."),
        ((), "意见太长了。", "The feedback is too long."),
    ),
    ReasonCode.UNKNOWN_STORE: (
        (("store_id",), "找不到店铺 {store_id}。", "No store {store_id} here."),
        ((), "找不到该店铺。", "No such store here."),
    ),
    ReasonCode.UNKNOWN_ANNOUNCEMENT: (
        (("announcement_id",), "找不到公告 {announcement_id}。", "No announcement {announcement_id} here."),
        ((), "找不到该公告。", "No such announcement here."),
    ),
    ReasonCode.PLATFORM_REFUSED: (
        (("message",), "平台拒绝了此更改：{message}", "The platform refused the change: {message}"),
        ((), "平台拒绝了此更改。", "The platform refused the change."),
    ),
}

# The next step, phrased as advice. Codes not listed fall back to the reason sentence.
_NEXT: dict[ReasonCode, _Variants] = {
    ReasonCode.STORE_FROZEN: (
        ((), "店铺已冻结：请联系平台客服。", "The store is frozen: contact platform support."),
    ),
    ReasonCode.STORE_CLOSED: (((), "店铺已关闭：无需操作。", "The store is closed: nothing to do."),),
    ReasonCode.PENDING_SYNC: (
        (
            (),
            "等待同步：联网后更改会自动发送到平台。",
            "Wait for the sync: your changes are sent when online.",
        ),
    ),
    ReasonCode.WINDOW_NOT_OPEN: (
        (
            ("window_opens_at",),
            "等待申请窗口于 {window_opens_at} 开放。",
            "Wait for the application window to open on {window_opens_at}.",
        ),
    ),
    ReasonCode.INVITATION_NOT_ACCEPTED: (
        (
            ("deadline_at",),
            "在 {deadline_at} 前开启微信支付以提交申请。",
            "Turn WeChat Pay on before {deadline_at} to apply.",
        ),
    ),
    ReasonCode.REVIEW_PENDING: (((), "等待平台审核结果。", "Wait for the platform's review."),),
    ReasonCode.REJECTED: (
        (
            ("reason", "deadline_at"),
            "申请未通过（{reason}）。请修正后于 {deadline_at} 前重新开启微信支付再次申请。",
            "Rejected ({reason}). Fix it, then turn WeChat Pay on again before {deadline_at} to re-apply.",
        ),
    ),
    ReasonCode.AWAITING_LAUNCH: (
        (
            ("launch_at",),
            "无需操作：微信支付将于 {launch_at} 上线。",
            "Nothing to do: WeChat Pay goes live on {launch_at}.",
        ),
    ),
}

_AMOUNT: dict[AmountProblem, tuple[str, str]] = {
    AmountProblem.EMPTY: ("请输入金额。", "Enter an amount."),
    AmountProblem.NOT_A_NUMBER: (
        "“{text}”不是金额，例如 12.50。",
        '"{text}" is not an amount; write it like 12.50.',
    ),
    AmountProblem.NEGATIVE: ("金额不能为负数。", "The amount cannot be negative."),
    AmountProblem.TOO_MANY_DECIMALS: (
        "金额最多两位小数（分）。",
        "An amount has at most two decimals (fen).",
    ),
    AmountProblem.BAD_GROUPING: (
        "千位分隔符位置不对：“{text}”。",
        'The thousands separators in "{text}" are misplaced.',
    ),
    AmountProblem.TOO_LARGE: ("金额过大。", "The amount is too large."),
    AmountProblem.ZERO: ("请输入大于零的金额。", "Enter an amount greater than zero."),
}


class _Facts(dict[str, str]):
    """Params rendered as text for str.format_map."""


def _facts(params: Mapping[str, Any], lang: str, tz: tzinfo | None) -> _Facts:
    out = _Facts()
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            out[key] = format_when(value, tz)
        elif isinstance(value, Method) or (key == "method" and value in Method._value2member_map_):
            out[key] = method_name(value, lang)
        elif isinstance(value, Device) or (key == "device" and value in Device._value2member_map_):
            out[key] = device_name(value, lang)
        elif isinstance(value, LocalizedText):
            out[key] = value.get(lang)
        elif isinstance(value, Mapping):
            out[key] = LocalizedText(zh=str(value.get("zh", "")), en=str(value.get("en", ""))).get(lang)
        else:
            out[key] = str(value)
    if "max_amount_fen" in params and params["max_amount_fen"] is not None:
        out["max_amount"] = format_fen(int(params["max_amount_fen"]))
    # a platform reason: its own text in the merchant's language, else its code
    reason = out.get("reason_text") or out.get("reason_code")
    if reason:
        out["reason"] = reason
    return out


def _render(variants: _Variants, facts: _Facts, lang: str) -> str:
    for needed, zh, en in variants:
        if all(facts.get(k) for k in needed):
            return _pick(lang, zh, en).format_map(facts)
    return ""


def reason_text(reason: Reason | None, lang: str, tz: tzinfo | None = None) -> str:
    """A full sentence for a reason in ``lang``; unknown codes show the platform's message."""
    if reason is None:
        return ""
    facts = _facts(reason.params, lang, tz)
    variants = _REASONS.get(reason.code)
    text = _render(variants, facts, lang) if variants else ""
    return text or facts.get("message") or str(reason.code)


def next_step_text(reason: Reason | None, lang: str, tz: tzinfo | None = None) -> str:
    """The store's next step as advice; None means there is nothing to do."""
    if reason is None:
        return _pick(lang, "无需操作。", "Nothing to do.")
    variants = _NEXT.get(reason.code)
    text = _render(variants, _facts(reason.params, lang, tz), lang) if variants else ""
    return text or reason_text(reason, lang, tz)


def amount_problem_text(problem: AmountProblem, text: str, lang: str) -> str:
    return _pick(lang, *_AMOUNT[problem]).format(text=text)


NO_DISPLAY = (
    "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen "
    "for a headless check (see README)."
)

# -- CLI messages --------------------------------------------------------------------------------
_MESSAGES: dict[str, tuple[str, str]] = {
    # the same words in both languages: the brief for support staff quotes them verbatim
    "no_display": (NO_DISPLAY, NO_DISPLAY),
    "gui_missing": ("无法启动图形界面：{error}", "Cannot start the window: {error}"),
    "db_too_new": (
        "数据文件 {path} 由更新版本的应用写入（版本 {found}，本应用支持 {supported}）。"
        "请升级应用；文件未被改动。",
        "The data file {path} was written by a newer version of the app "
        "(schema {found}, this app knows {supported}). Update the app; the file was not changed.",
    ),
    "db_busy": (
        "数据文件 {path} 正被另一个程序占用，请稍后再试（文件未作任何改动）。",
        "The data file {path} is in use by another program; try again shortly (the file was not changed).",
    ),
    "db_damaged": (
        "数据文件 {path} 已损坏或不是本应用的数据库（{detail}）。"
        "文件未被改动；请从备份恢复或换一个 --data-dir。",
        "The data file {path} is damaged or not this app's database ({detail}). "
        "It was not changed; restore a backup or use another --data-dir.",
    ),
    "storage_error": ("无法读写数据文件：{error}", "Cannot read or write the data file: {error}"),
    "unexpected": (
        "出现意外错误（{error}）。这是程序缺陷，请把上面的信息发给支持人员。",
        "Unexpected error ({error}). This is a bug; please send the text above to support.",
    ),
    "unknown_store": (
        "找不到店铺 {store_id}。用 stores 命令列出店铺。",
        "No store {store_id} here. List stores with the stores command.",
    ),
    "unknown_announcement": (
        "找不到公告 {announcement_id}。用 announcements 命令列出公告。",
        "No announcement {announcement_id} here. List them with the announcements command.",
    ),
    "sync_missing": (
        "此版本没有同步功能（{error}）。",
        "Sync is not available in this build ({error}).",
    ),
    "stub_missing": (
        "此版本没有模拟平台服务器（{error}）。",
        "The stub platform server is not available in this build ({error}).",
    ),
    "queued": (
        "已保存，等待同步：{store_id} {method} → {value}",
        "Saved, waiting to sync: {store_id} {method} → {value}",
    ),
    "coalesced": (
        "已更新尚未发送的更改：{store_id} {method} → {value}",
        "Updated the unsent change: {store_id} {method} → {value}",
    ),
    "cancelled": (
        "已撤销尚未发送的更改：{store_id} {method} 保持 {value}",
        "Cancelled the unsent change: {store_id} {method} stays {value}",
    ),
    "would_apply": (
        "（试运行）可以更改：{store_id} {method} → {value}",
        "(dry run) Would change: {store_id} {method} → {value}",
    ),
    "effect": (
        "平台处理后资格将变为：{eligibility}",
        "Once the platform applies it, eligibility becomes: {eligibility}",
    ),
    "refused": ("不能更改 {store_id} {method}：{reason}", "Cannot change {store_id} {method}: {reason}"),
    "no_change": (
        "{store_id} {method} 已经是 {value}，无需更改。",
        "{store_id} {method} is already {value}; nothing to change.",
    ),
    "feedback_queued": ("意见已保存，等待同步。", "Feedback saved; it waits to be sent."),
    "feedback_refused": ("不能提交意见：{reason}", "Cannot send the feedback: {reason}"),
    "no_stores": ("没有符合条件的店铺。", "No stores match."),
    "no_pending": ("没有等待同步的更改。", "Nothing waits to sync."),
    "no_activity": ("没有记录。", "No activity."),
    "no_announcements": ("没有公告。", "No announcements."),
    "stores_total": ("共 {count} 家店铺", "{count} stores"),
    "store": ("店铺", "Store"),
    "platform": ("平台", "Platform"),
    "status": ("状态", "Status"),
    "category": ("类目", "Category"),
    "receive_code": ("收款码", "Receiving code"),
    "name": ("名称", "Name"),
    "id": ("编号", "ID"),
    "wechat": ("微信支付", "WeChat Pay"),
    "alipay": ("支付宝", "Alipay"),
    "pending": ("待同步", "Pending"),
    "deadline": ("截止", "Deadline"),
    "phase": ("批次", "Phase"),
    "method": ("支付方式", "Method"),
    "eligibility": ("资格", "Eligibility"),
    "setting": ("设置", "Setting"),
    "shown": ("顾客可见", "Shown to shoppers"),
    "why_hidden": ("原因", "Why not"),
    "fee": ("费率", "Fee"),
    "fee_fen": ("手续费", "Fee amount"),
    "net": ("到账", "Net"),
    "default": ("默认", "Default"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "invitation": ("邀请", "Invitation"),
    "window": ("申请窗口", "Application window"),
    "launch": ("上线日", "Launch"),
    "next_step": ("下一步", "Next step"),
    "amount": ("金额", "Amount"),
    "device": ("设备", "Device"),
    "as_qr": ("扫码支付", "Scan to pay"),
    "hidden": ("不可见", "Hidden"),
    "qr_wallets": ("收款码可用钱包", "Wallets for the receiving code"),
    "when": ("时间", "When"),
    "actor": ("操作方", "By"),
    "action": ("操作", "Action"),
    "result": ("结果", "Result"),
    "change": ("更改", "Change"),
    "attempts": ("尝试", "Tries"),
    "note": ("说明", "Note"),
    "title": ("标题", "Title"),
    "opinion": ("意见征集", "Opinion period"),
    "effective": ("生效", "Effective"),
    "feedback": ("意见", "Feedback"),
    "open_now": ("进行中", "open now"),
    "not_yet": ("未开始", "not yet"),
    "closed": ("已结束", "closed"),
    "short_notice": ("公示期不足 7 天", "less than 7 days' notice"),
    "waiting_sync": ("（待同步）", " (waiting to sync)"),
    "refusal": ("平台拒绝：{reason}", "Refused: {reason}"),
    "bulk_summary": (
        "已更改 {changed}，被拒绝 {refused}，无需更改 {unchanged}",
        "{changed} changed, {refused} refused, {unchanged} unchanged",
    ),
    "unknown_change": (
        "没有编号为 {change} 的待同步修改（用 pending 查看编号）。",
        "No waiting change has the id {change} (see `pending` for ids).",
    ),
    "change_not_settleable": (
        "修改 {change} 当前为“{status}”，不能这样处理。",
        "Change {change} is {status} and cannot be handled that way.",
    ),
    "retry_done": (
        "已重新排队：修改 {change} 会在下次同步时发送。",
        "Queued again: change {change} is sent at the next sync.",
    ),
    "discard_done": (
        "已放弃修改 {change}，恢复为平台上的设置。",
        "Discarded change {change}; the platform's setting shows again.",
    ),
    # activity log words (the GUI's activity view says the same through Qt's translator)
    "actor_merchant": ("您", "You"),
    "actor_sync": ("同步", "Sync"),
    "actor_platform": ("平台", "Platform"),
    "action_set_method": ("更改支付方式", "Change a payment method"),
    "action_send_feedback": ("提交意见", "Send feedback"),
    "action_sync_pull": ("获取平台更新", "Fetch updates"),
    "action_retry": ("重试更改", "Retry a change"),
    "action_discard": ("放弃更改", "Discard a change"),
    "result_ok": ("完成", "Done"),
    "result_queued": ("待同步", "Waiting to sync"),
    "result_coalesced": ("已与未发送的更改合并", "Merged with an unsent change"),
    "result_cancelled": ("已撤销（无变化）", "Cancelled (no change)"),
    "result_refused": ("被拒绝", "Refused"),
    "result_discarded": ("已放弃", "Discarded"),
    "result_failed": ("失败", "Failed"),
    "note_updates": ("收到 {count} 项更新", "{count} updates received"),
    "note_platform_status": ("平台状态：{eligibility}", "Platform status: {eligibility}"),
    "note_replayed": ("平台已处理过此请求", "the platform already had it"),
}


def activity_words(actor: str, action: str, result: str, lang: str) -> tuple[str, str, str]:
    """(who, what, outcome) of an audit row in the user's language; unknown words pass through."""

    def word(key: str, fallback: str) -> str:
        return msg(key, lang) if key in _MESSAGES else fallback

    return (
        word(f"actor_{actor}", actor),
        word(f"action_{action}", action),
        word(f"result_{result}", result),
    )


def msg(key: str, lang: str, **params: Any) -> str:
    """A CLI message by key, formatted with ``params``."""
    zh, en = _MESSAGES[key]
    return _pick(lang, zh, en).format(**params) if params else _pick(lang, zh, en)

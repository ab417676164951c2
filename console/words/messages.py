"""Messages: what the command line says, its table headings, and why an amount was refused.

Keys, not sentences, travel through the code; ``msg(key, lang, **facts)`` gives the sentence.
Domain words (names, statuses, reasons) are in ``console.words.domain``.
"""

from __future__ import annotations

from typing import Any

from console.core.money import AmountProblem
from console.words.lang import pick

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
        "千位分隔符位置不对：“{text}”。应每三位一个，例如 1,234.50。",
        'The thousands separators in "{text}" are misplaced: they go every three digits, e.g. 1,234.50.',
    ),
    AmountProblem.TOO_LARGE: ("金额过大。", "The amount is too large."),
    AmountProblem.ZERO: ("请输入大于零的金额。", "Enter an amount greater than zero."),
}

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
        "已保存，待同步：{store_id} {method} → {value}",
        "Saved, waiting to sync: {store_id} {method} → {value}",
    ),
    "coalesced": (
        "已更新尚未发送的修改：{store_id} {method} → {value}",
        "Updated the unsent change: {store_id} {method} → {value}",
    ),
    "cancelled": (
        "已撤销尚未发送的修改：{store_id} {method} 保持 {value}",
        "Cancelled the unsent change: {store_id} {method} stays {value}",
    ),
    "would_apply": (
        "（试运行）可以修改：{store_id} {method} → {value}",
        "(dry run) Would change: {store_id} {method} → {value}",
    ),
    "effect": (
        "平台处理后资格将变为：{eligibility}",
        "Once the platform applies it, eligibility becomes: {eligibility}",
    ),
    "refused": ("不能修改 {store_id} {method}：{reason}", "Cannot change {store_id} {method}: {reason}"),
    "no_change": (
        "{store_id} {method} 已经是 {value}，无需修改。",
        "{store_id} {method} is already {value}; nothing to change.",
    ),
    "feedback_queued": ("反馈已保存，等待同步。", "Feedback saved; it waits to be sent."),
    "feedback_refused": ("不能提交反馈：{reason}", "Cannot send the feedback: {reason}"),
    "no_stores": ("没有符合条件的店铺。", "No stores match."),
    "no_pending": ("没有等待同步的修改。", "Nothing waits to sync."),
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
    "shown": ("买家可见", "Shown to shoppers"),
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
    "change": ("修改", "Change"),
    "attempts": ("尝试", "Tries"),
    "note": ("说明", "Note"),
    "title": ("标题", "Title"),
    "opinion": ("意见征集", "Opinion period"),
    "effective": ("生效", "Effective"),
    "feedback": ("反馈", "Feedback"),
    "open_now": ("进行中", "open now"),
    "not_yet": ("未开始", "not yet"),
    "closed": ("已结束", "closed"),
    "short_notice": ("公示期不足 7 天", "less than 7 days' notice"),
    "waiting_sync": ("（待同步）", " (waiting to sync)"),
    "refusal": ("平台拒绝：{reason}", "Refused: {reason}"),
    "bulk_summary": (
        "已修改 {changed}，被拒绝 {refused}，无需修改 {unchanged}",
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
    # notes on activity rows
    "note_updates": ("收到 {count} 项更新", "{count} updates received"),
    "note_platform_status": ("平台状态：{eligibility}", "Platform status: {eligibility}"),
    "note_replayed": ("平台已处理过此请求", "the platform already had it"),
}


def msg(key: str, lang: str, **params: Any) -> str:
    """A message by key, formatted with ``params``."""
    zh, en = _MESSAGES[key]
    text = pick(lang, zh, en)
    return text.format(**params) if params else text


def amount_problem_text(problem: AmountProblem, text: str, lang: str) -> str:
    """Why typed text is not an amount, quoting what was typed."""
    return pick(lang, *_AMOUNT[problem]).format(text=text)

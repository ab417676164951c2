"""Words of a sync pass as a terminal reports it: the summary, each piece of news, the problems.

Keys of the summary are ``SyncReport.error`` values (``offline``, ``auth`` …) or ``synced``.
"""

from __future__ import annotations

from typing import Any

from console.words.table import Words, say

SYNC: Words = {
    "synced": (
        "同步完成：发送 {pushed} 项，平台拒绝 {refused} 项，收到 {pulled} 项更新，仍在等待 {pending} 项。",
        "Synced: {pushed} sent, {refused} refused, {pulled} updates received, {pending} still waiting.",
    ),
    "offline": (
        "无法连接平台。您的修改已保存在本机，{pending} 项等待同步，联网后会自动发送。",
        "The platform cannot be reached. Your changes are kept on this computer; "
        "{pending} wait to sync and will be sent when it is back.",
    ),
    "server": (
        "平台暂时出错，稍后会重试。{pending} 项等待同步。",
        "The platform is having trouble; we will retry later. {pending} wait to sync.",
    ),
    "rate_limited": (
        "平台要求稍后再试（{retry_after} 秒后）。{pending} 项等待同步。",
        "The platform asked us to wait ({retry_after} s). {pending} wait to sync.",
    ),
    "auth": (
        "平台不接受此 App Key 或签名（请检查 App Key、App Secret 和电脑时间）。修改已保留。",
        "The platform did not accept our credentials (check the app key, the secret and this "
        "computer's clock). Your changes are kept.",
    ),
    "bad_response": (
        "平台的回复无法验证，未应用任何内容。修改已保留。",
        "The platform's answer could not be verified; nothing from it was applied. Your changes are kept.",
    ),
    "busy": (
        "另一个同步正在进行，请稍后再试。",
        "Another sync is running; try again in a moment.",
    ),
    "other_account": (
        "平台账号已更换，但还有为之前账号做的修改未处理（待同步或被拒绝）。"
        "请先放弃这些修改（main.py pending 查看，main.py discard 编号 放弃），再同步。",
        "The platform account changed, but changes made for the previous account are still waiting "
        "or refused. Discard them first (main.py pending, then main.py discard ID), then sync.",
    ),
    "refused": ("被拒绝：{target}：{message}（{code}）", "Refused: {target}: {message} ({code})"),
    "phase_opened": ("{store_id}：微信支付邀请已开放", "{store_id}: WeChat Pay invitation opened"),
    "review_approved": ("{store_id}：微信支付审核通过", "{store_id}: WeChat Pay review approved"),
    "review_rejected": (
        "{store_id}：微信支付审核未通过（{reason}）",
        "{store_id}: WeChat Pay review rejected ({reason})",
    ),
    "went_live": ("{store_id}：微信支付已上线", "{store_id}: WeChat Pay is live"),
    "announcement": ("新公告：{title}", "New announcement: {title}"),
    "no_platform": ("无法确定要连接的平台：{error}", "Cannot choose the platform: {error}"),
    "config_problem": ("设置文件有问题：{problem}", "Settings problem: {problem}"),
}


def sync_text(key: str, lang: str, **params: Any) -> str:
    return say(SYNC, key, lang, **params)

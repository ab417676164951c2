"""Words about time: the demo platform's events and controls, and what the app knows of the clock.

One owner for these words: the CLI ``demo`` verb, the Demo controls panel and the status line
all say them through :func:`time_text` / :func:`event_name` with their current language.
"""

from __future__ import annotations

from typing import Any

from console.words.table import Words, say

TIME: Words = {
    # events the business clock passes (console.demo.Event.kind)
    "phase_opens": ("第 {phase} 期开放（{stores} 家店铺）", "phase {phase} opens (stores: {stores})"),
    "deadline_passes": (
        "第 {phase} 期申请截止（{stores} 家店铺）",
        "phase {phase} application deadline passes (stores: {stores})",
    ),
    "launch": ("第 {phase} 期上线日（{stores} 家店铺）", "phase {phase} launch date (stores: {stores})"),
    "review_finishes": ("{store_id} 的审核完成", "review of {store_id} finishes"),
    "opinion_opens": ("“{title}”征求意见开始", "opinion period of “{title}” opens"),
    "opinion_closes": ("“{title}”征求意见结束", "opinion period of “{title}” closes"),
    "takes_effect": ("“{title}”生效", "“{title}” takes effect"),
    # what an action did
    "advanced": ("平台时间已前进到 {now}。", "The platform clock now reads {now}."),
    "passed_none": ("期间没有发生平台事件。", "No platform events were passed."),
    "passed_header": ("经过的事件：", "Events passed:"),
    "passed_item": ("  {at}  {name}", "  {at}  {name}"),
    "upcoming_header": ("即将发生（平台时间 {now}）：", "Coming up (platform time {now}):"),
    "upcoming_none": ("平台上没有安排中的事件。", "Nothing is scheduled on the platform."),
    "upcoming_item": ("  {at}  {name}  [{id}]", "  {at}  {name}  [{id}]"),
    "reviewed_approve": ("{store_id} 的审核已通过。", "The review of {store_id} was approved."),
    "reviewed_reject": (
        "{store_id} 的审核未通过，原因：{reason}。",
        "The review of {store_id} was rejected: {reason}.",
    ),
    "announced": (
        "已发布规则变更 {id}：征求意见至 {closes}，{effective} 生效。",
        "Published rule change {id}: opinions until {closes}, in effect from {effective}.",
    ),
    "offline": (
        "演示平台已离线：同步会失败，修改保留在本机。",
        "The demo platform is offline: syncs fail, changes stay here.",
    ),
    "online": ("演示平台已恢复在线。", "The demo platform is back online."),
    "announce_title": ("费率调整 {fee}", "Fee change to {fee}"),
    "announce_body": (
        "微信支付费率将调整为 {fee}。欢迎在征求意见期内反馈。",
        "The WeChat Pay fee changes to {fee}. Send your feedback during the opinion period.",
    ),
    # refusals (console.demo.DemoError.code)
    "NOT_DEMO": (
        "演示命令只能用于演示平台（当前连接的是真实平台）。",
        "Demo commands exist only on the demo platform (this is a real platform).",
    ),
    "BAD_DURATION": (
        "无法识别时长“{text}”：请写成数字加单位，例如 90m、12h、1d、7d、2w。",
        "“{text}” is not a duration: write a number and a unit, e.g. 90m, 12h, 1d, 7d, 2w.",
    ),
    "NEGATIVE_DURATION": (
        "平台时间只能向前：“{text}”是负数或零。",
        "The platform clock only moves forward: “{text}” is not a positive duration.",
    ),
    "DURATION_TOO_LONG": (
        "“{text}”太长：一次最多前进 {max_days} 天。",
        "“{text}” is too long: the clock moves at most {max_days} days at a time.",
    ),
    "UNKNOWN_EVENT": (
        "没有名为 {event} 的即将发生事件（用 demo events 查看）。",
        "No upcoming event called {event} (see demo events).",
    ),
    "NO_UPCOMING_EVENT": ("平台上没有安排中的事件。", "Nothing is scheduled on the platform."),
    "UNKNOWN_STORE": ("演示平台上没有店铺 {store_id}。", "The demo platform has no store {store_id}."),
    "NOT_IN_REVIEW": ("{store_id} 没有待完成的审核。", "{store_id} has no review pending."),
    "UNKNOWN_REASON": (
        "未知的拒绝原因 {reason}；可用：{known}。",
        "Unknown rejection reason {reason}; known: {known}.",
    ),
    "BAD_FEE": ("无法识别费率“{text}”：例如 0.6%。", "“{text}” is not a fee rate: e.g. 0.6%."),
    "CLOCK_BACKWARDS": (
        "平台时间只能向前，它现在是 {now}。",
        "The platform clock only moves forward; it reads {now}.",
    ),
    "UNREACHABLE": ("无法连接演示平台：{detail}", "The demo platform cannot be reached: {detail}"),
    "REFUSED": ("演示平台拒绝了此操作：{detail}", "The demo platform refused: {detail}"),
    # the app's knowledge of platform time
    "clock_off": ("本机时钟偏差 {minutes} 分钟。", "This PC's clock is off by {minutes} minutes."),
    "clock_off_one": ("本机时钟偏差 1 分钟。", "This PC's clock is off by 1 minute."),
    "time_as_of": ("平台时间（{age}前获知）", "platform time as of {age} ago"),
}


def time_text(key: str, lang: str, **params: Any) -> str:
    return say(TIME, key, lang, **params)


def event_name(kind: str, lang: str, **params: Any) -> str:
    """An event as a merchant reads it ("phase 3 opens", "review of tb-000005 finishes")."""
    title = params.get("title")
    if isinstance(title, dict):  # announcements carry {"zh": ..., "en": ...}
        params = dict(params, title=title.get("zh" if lang.lower().startswith("zh") else "en", ""))
    return time_text(kind, lang, **params)


__all__ = ["TIME", "event_name", "time_text"]

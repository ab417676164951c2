"""The words of a bulk change, in Chinese (zh_CN) and English, for the window, the terminal and
the dry run's CSV alike.

What a dry run says about each store (will change / already so / refused), the progress counts
of a run (saved, sent, confirmed, refused, skipped), the plan's column headings, and the
terminal's messages about scopes and stores files. Terms follow the glossary: 店铺, 修改, 被拒绝,
待同步.
"""

from __future__ import annotations

from typing import Any

from console.words.lang import pick

#: Outcome of one store in a dry run (``console.service.BulkOutcome`` values).
_OUTCOME: dict[str, tuple[str, str]] = {
    "change": ("将修改", "will change"),
    "already": ("已是如此", "already so"),
    "refused": ("被拒绝", "refused"),
}

#: Progress counts of a run, in the order they are shown.
COUNTS: tuple[str, ...] = ("saved", "sent", "confirmed", "refused", "skipped")
_COUNT: dict[str, tuple[str, str]] = {
    "saved": ("已保存", "saved"),
    "sent": ("已发送", "sent"),
    "confirmed": ("平台已确认", "confirmed"),
    "refused": ("被拒绝", "refused"),
    "skipped": ("已跳过", "skipped"),
    "not_reached": ("未处理", "not reached"),
}

#: Columns of the dry run's table and CSV: key, Chinese, English.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("store_id", "店铺编号", "Store ID"),
    ("store_name", "店铺名称", "Store name"),
    ("method", "支付方式", "Payment method"),
    ("change", "修改为", "Change to"),
    ("outcome", "结果", "Outcome"),
    ("why", "原因", "Why"),
    ("checked_at", "检查时间", "Checked at"),
)

_MESSAGES: dict[str, tuple[str, str]] = {
    "will_change_why": ("现在为{current}，将改为{wanted}。", "It is {current} now and will be {wanted}."),
    "applies": ("将提交开通申请（进入审核）。", "This sends an application (it goes into review)."),
    "withdraws": ("将撤回正在审核的申请。", "This withdraws the application in review."),
    "already_why": ("已经是{wanted}，无需修改。", "It is {wanted} already: nothing to change."),
    "unknown_store_name": ("（未知店铺）", "(unknown store)"),
    "plan_head": (
        "{action}：共 {total} 家店铺，{change} 家将修改，{already} 家已是如此，{refused} 家被拒绝。",
        "{action}: {total} stores, {change} will change, {already} already so, {refused} refused.",
    ),
    "turn_on": ("开启{method}", "Turn on {method}"),
    "turn_off": ("关闭{method}", "Turn off {method}"),
    "run_counts": (
        "已保存 {saved} 家，跳过 {skipped} 家（已是如此），被拒绝 {refused} 家。",
        "{saved} saved, {skipped} skipped (already so), {refused} refused.",
    ),
    "run_sent_later": (
        "修改已保存在本机，会在下次同步时发送到平台（sync 命令或打开窗口）。",
        "The changes are saved here and go to the platform at the next sync (`sync`, or the window).",
    ),
    "run_cancelled": (
        "已按您的要求停止：已保存的 {saved} 家保持修改，其余 {left} 家未修改。",
        "Stopped at your request: the {saved} stores saved stay changed; the other {left} were not changed.",
    ),
    "refused_list": ("以下 {count} 家店铺被拒绝：", "{count} stores were refused:"),
    "nothing_to_change": ("没有需要修改的店铺。", "Nothing to change."),
    "no_stores": ("没有符合条件的店铺，未做任何修改。", "No store matches: nothing was changed."),
    "scope_missing": (
        "请指定店铺范围：--filter、--platform-filter、--stores-file 或 --all 之一。",
        "Say which stores: one of --filter, --platform-filter, --stores-file or --all.",
    ),
    "file_unreadable": (
        "无法读取店铺文件 {path}：{problem}。未做任何修改。",
        "Cannot read the stores file {path}: {problem}. Nothing was changed.",
    ),
    "file_not_csv": (
        "店铺文件 {path} 不是有效的 CSV（第 {line} 行：{problem}）。未做任何修改。",
        "The stores file {path} is not valid CSV (line {line}: {problem}). Nothing was changed.",
    ),
    "file_no_column": (
        "店铺文件 {path} 没有店铺编号列：第一行应为 store_id（或“店铺编号”），"
        "或每行只有一个编号。未做任何修改。",
        "The stores file {path} has no store ID column: its first line should say store_id "
        "(or 店铺编号), or each line hold one ID. Nothing was changed.",
    ),
    "file_empty": (
        "店铺文件 {path} 中没有店铺编号。未做任何修改。",
        "The stores file {path} lists no store ID. Nothing was changed.",
    ),
    "file_unknown_ids": (
        "店铺文件 {path} 中有 {count} 个未知的店铺编号：{ids}。未做任何修改。",
        "The stores file {path} has {count} unknown store IDs: {ids}. Nothing was changed.",
    ),
    "exported": ("已导出 {count} 行到 {path}。", "Exported {count} rows to {path}."),
}


def outcome_name(outcome: str, lang: str) -> str:
    """ "will change" / "already so" / "refused" (an outcome's value)."""
    return pick(lang, *_OUTCOME[str(outcome)])


def count_name(key: str, lang: str) -> str:
    """The name of one progress count (``COUNTS``, or ``not_reached``)."""
    return pick(lang, *_COUNT[key])


def column_titles(lang: str) -> list[str]:
    return [pick(lang, zh, en) for _, zh, en in COLUMNS]


def bulk_msg(key: str, lang: str, **facts: Any) -> str:
    return pick(lang, *_MESSAGES[key]).format(**facts)

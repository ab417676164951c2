"""Errors worded once, by blame, for both faces (CLI and window): storage, network, last resort.

Each sentence says what happened and what the merchant can do, and never that data is damaged
unless the file itself says so (``StorageProblem.DAMAGED`` comes only from SQLite's corruption
codes or the header check). ``{path}`` is the data file or folder, ``{log}`` the log file.

Network trouble during a pass is worded by the sync report's kind (offline, refused credentials
or clock, server trouble: console/words/sync.py); here only what is refused before any network
is tried, a malformed address.
"""

from __future__ import annotations

from typing import Any

from console.words.table import Words, say

STORAGE: Words = {
    "full": (
        "磁盘空间不足，无法写入 {path}。请在该文件所在的磁盘上腾出一些空间后重试；您的修改都还在。",
        "The drive holding {path} is full. Free some space on that drive and try again; "
        "your changes are kept.",
    ),
    "read_only": (
        "文件夹 {path} 是只读的，无法保存。请换一个可写的数据文件夹（--data-dir 或设置），或修改其权限。",
        "The folder {path} is read-only, so nothing can be saved. Choose a writable data folder "
        "(--data-dir or Settings) or change its permissions.",
    ),
    "busy": (
        "另一个程序正在使用数据文件 {path}。请关闭它（或等它完成）后重试；文件未被改动。",
        "Another program is using the data file {path}. Close it (or wait for it) and try again; "
        "the file was not changed.",
    ),
    "io": (
        "读写 {path} 时磁盘出错。请检查磁盘或网络驱动器后重试；已保存的内容不会丢失。",
        "The drive reported an error while reading or writing {path}. Check the drive (or network "
        "share) and try again; what was saved is kept.",
    ),
    "damaged": (
        "数据文件 {path} 已损坏或不是本应用的数据库。文件未被改动；请从备份恢复或换一个数据文件夹。",
        "The data file {path} is damaged or not this app's database. It was not changed; restore "
        "a backup or use another data folder.",
    ),
    "too_new": (
        "数据文件 {path} 由更新版本的应用写入。请升级应用；文件未被改动。",
        "The data file {path} was written by a newer version of the app. Update the app; the file "
        "was not changed.",
    ),
    "cannot_open": (
        "无法打开数据文件 {path}。请检查该文件夹是否存在、可写，或换一个数据文件夹。",
        "The data file {path} cannot be opened. Check that its folder exists and is writable, or "
        "use another data folder.",
    ),
    "input": (
        "输入的内容无法处理（{detail}）。数据文件没有问题。",
        "That input cannot be handled ({detail}). The data file is fine.",
    ),
}

NETWORK: Words = {
    "bad_address": (
        "平台地址 {url} 无法使用：{why}。请写成 https://主机[:端口] 的形式。未尝试任何连接。",
        "The platform address {url} cannot be used: {why}. Write it as https://host[:port]. "
        "Nothing was sent.",
    ),
    "why_scheme": ("只支持 http 和 https", "only http and https are supported"),
    "why_host": ("缺少主机名", "it has no host name"),
    "why_syntax": ("格式不正确", "it is not a valid address"),
}

#: A file the merchant asked to save (a CSV or PNG export) could not be written: the app's own
#: data is not involved, so these never speak of it.
EXPORT: Words = {
    "full": (
        "磁盘空间不足，无法保存到 {path}。请腾出空间或换一个位置后重试。",
        "The drive is full, so {path} could not be saved. Free some space or choose another place.",
    ),
    "read_only": (
        "无法在此位置保存 {path}（只读或没有权限）。请换一个位置。",
        "{path} cannot be saved there (read-only or not allowed). Choose another place.",
    ),
    "other": (
        "无法保存到 {path}。请换一个位置后重试。",
        "{path} could not be saved. Try again or choose another place.",
    ),
}

LAST_RESORT: Words = {
    "unexpected": (
        "出现意外错误，操作未完成。详细信息已写入日志：{log}。请把该文件发给支持人员。",
        "Something unexpected went wrong and the action did not finish. The details are in the log: "
        "{log}. Please send that file to support.",
    ),
    "unexpected_no_log": (
        "出现意外错误，操作未完成（无法写入日志）。请用 --json 重新运行并把输出发给支持人员。",
        "Something unexpected went wrong and the action did not finish (no log could be written). "
        "Run it again and send the output to support.",
    ),
}


def storage_text(problem: str, lang: str, **params: Any) -> str:
    """One sentence for a ``StorageProblem`` value (``path``/``detail`` filled in)."""
    params.setdefault("path", "")
    params.setdefault("detail", "")
    return say(STORAGE, str(problem), lang, **params)


def export_text(problem: str, path: object, lang: str) -> str:
    """``problem`` is ``full``, ``read_only`` or ``other``."""
    return say(EXPORT, problem if problem in EXPORT else "other", lang, path=path)


def bad_address_text(url: str, why: str, lang: str) -> str:
    """``why`` is ``scheme``, ``host`` or ``syntax``."""
    return say(NETWORK, "bad_address", lang, url=url, why=say(NETWORK, f"why_{why}", lang))


def unexpected_text(lang: str, log_file: object | None) -> str:
    if log_file is None:
        return say(LAST_RESORT, "unexpected_no_log", lang)
    return say(LAST_RESORT, "unexpected", lang, log=log_file)

"""Words of the command line itself (argument checks, the secret prompt), Chinese first.

Domain words (stores, methods, reasons) live in the shared vocabulary; errors by blame in
console/words/errors.py. Here: what only a terminal says.
"""

from __future__ import annotations

from typing import Any

from console.words.table import Words, say

CLI: Words = {
    "limit_too_small": (
        "--limit 必须至少为 1（收到 {value}）。",
        "--limit must be at least 1 (got {value}).",
    ),
    "limit_too_large": (
        "--limit 的值太大（最大 {maximum}）。",
        "This value is too large for --limit (at most {maximum}).",
    ),
    "filter_too_long": (
        "--filter 太长（{length} 个字符，最多 {maximum} 个）。请输入店铺名称或编号的一部分。",
        "--filter is too long ({length} characters, at most {maximum}). Type part of a store's name or id.",
    ),
    "ask_secret": (
        "请输入 {url} 的应用 Secret（应用 Key {app_key}；输入内容不显示，只需输入一次）：",
        "App secret for {url} (app key {app_key}; not shown, asked only once): ",
    ),
    "secret_saved_keyring": ("已保存到系统钥匙串。", "Saved in the system keyring."),
    "secret_saved_file": (
        "没有可用的系统钥匙串：Secret 已保存到仅您可读的文件 {path}。",
        "No system keyring: the secret was saved in a file only you can read: {path}.",
    ),
    "secret_not_saved": (
        "没有可用的系统钥匙串，Secret 只用于本次同步：{error}",
        "No usable system keyring, so the secret is used for this sync only: {error}",
    ),
}


def cli_text(key: str, lang: str, **params: Any) -> str:
    return say(CLI, key, lang, **params)

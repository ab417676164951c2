"""Which platform is in use and where that choice came from, for Settings and the terminal.

Why: a ``--platform`` on the command line or a secret from the environment wins over the
settings file, and the merchant must see what is really used, not what the form says.
"""

from __future__ import annotations

from console.words.table import Words, say

IN_USE: Words = {
    "unknown": ("正在连接平台…", "Connecting to the platform…"),
    "embedded": ("正在使用：本机上的演示平台", "In use: the demo platform on this computer"),
    "args": (
        "正在使用：{url}（来自命令行 --platform）",
        "In use: {url} (from --platform on the command line)",
    ),
    "config": ("正在使用：{url}（来自设置）", "In use: {url} (from the settings)"),
    "secret_env": (
        "应用 Secret 来自环境变量 MERCHANT_CONSOLE_APP_SECRET。",
        "The app secret comes from the environment (MERCHANT_CONSOLE_APP_SECRET).",
    ),
    "secret_file": (
        "应用 Secret 保存在数据文件夹中的文件里（没有系统钥匙串）。",
        "The app secret is kept in a file in the data folder (no system keyring).",
    ),
}


def platform_in_use_text(url: str | None, source: str | None, secret_source: str | None, lang: str) -> str:
    """One or two sentences: the platform really connected to, and where the choice came from."""
    if source not in ("embedded", "args", "config"):
        return say(IN_USE, "unknown", lang)
    text = say(IN_USE, source, lang, url=url or "")
    if secret_source in ("env", "file"):
        text += " " + say(IN_USE, f"secret_{secret_source}", lang)
    return text

"""``main.py sync``: one sync pass from a terminal (scripts, support, cron).

Exit codes (console/cli.py lists them all):

* 0 — everything is synced: nothing waits, nothing was refused in this pass.
* 2 — the platform cannot be chosen: no app key or secret, no usable keyring (message says how).
* 4 — not (fully) synced: the platform is unreachable, failing, rate limiting, did not accept
  our credentials, or answered something we cannot trust. The changes are kept for next time.
* 5 — some changes were refused by the platform in this pass (reasons printed).
* 1 — the local data file cannot be used (too new or damaged; left untouched).

The summary is printed in the user's language (``--lang`` or the locale); ``--json`` prints the
report for machines. The secret comes from the OS keyring or ``MERCHANT_CONSOLE_APP_SECRET``;
it is never printed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from console.config import load_config
from console.connection import resolve_connection
from console.core.timeutil import format_ts
from console.credentials import CredentialError, NoKeyring, SecretStore
from console.paths import database_path
from console.storage.db import StorageError, open_database
from console.sync.engine import SyncEngine
from console.sync.report import News, SyncReport

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_DATA = 1
EXIT_CONFIG = 2
EXIT_UNREACHABLE = 4
EXIT_REFUSED = 5

_TEXT: dict[str, tuple[str, str]] = {
    "synced": (
        "同步完成：发送 {pushed} 项，平台拒绝 {refused} 项，收到 {pulled} 项更新，仍在等待 {pending} 项。",
        "Synced: {pushed} sent, {refused} refused, {pulled} updates received, {pending} still waiting.",
    ),
    "offline": (
        "无法连接平台。您的更改已保存在本机，{pending} 项等待同步，联网后会自动发送。",
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
        "平台不接受此应用密钥或签名（请检查应用密钥、密钥和电脑时间）。更改已保留。",
        "The platform did not accept our credentials (check the app key, the secret and this "
        "computer's clock). Your changes are kept.",
    ),
    "bad_response": (
        "平台的回复无法验证，未应用任何内容。更改已保留。",
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
    "ask_secret": (
        "请输入 {url} 的应用 Secret（应用 Key {app_key}；输入内容不显示，只需输入一次）：",
        "App secret for {url} (app key {app_key}; not shown, asked only once): ",
    ),
    "secret_saved": ("已保存到系统钥匙串。", "Saved in the system keyring."),
    "secret_not_saved": (
        "没有可用的系统钥匙串，Secret 只用于本次同步：{error}",
        "No usable system keyring, so the secret is used for this sync only: {error}",
    ),
    "no_platform": ("无法确定要连接的平台：{error}", "Cannot choose the platform: {error}"),
    "data_error": (
        "本地数据文件无法使用（未做任何改动）：{error}",
        "The local data file cannot be used (left untouched): {error}",
    ),
    "config_problem": ("设置文件有问题：{problem}", "Settings problem: {problem}"),
}


def _lang(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", None)
    if lang:
        return "zh_CN" if str(lang).startswith("zh") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.startswith("zh") else "en"
    return "en"


def text(key: str, lang: str, **params: Any) -> str:
    zh, en = _TEXT[key]
    return (zh if lang.startswith("zh") else en).format(**params)


def add_sync_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``sync`` (the global --platform/--app-key/--json/--lang come from console.cli)."""
    if "--json" not in parser._option_string_actions:
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--respect-backoff",
        action="store_true",
        help="leave changes that are still backing off for a later pass (default: send them now)",
    )
    parser.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="network read timeout (default 20)"
    )


def news_line(news: News, lang: str) -> str:
    d = news.detail
    if news.kind == "refused":
        target = news.store_id or d.get("announcement_id") or ""
        if d.get("method"):
            target = f"{target} {d['method']}"
        return text("refused", lang, target=target, message=d.get("message") or "", code=d.get("code"))
    if news.kind == "announcement":
        title = (d.get("title_zh") if lang.startswith("zh") else d.get("title_en")) or d.get("id")
        return text("announcement", lang, title=title)
    if news.kind == "review_rejected":
        reason = (d.get("reason_zh") if lang.startswith("zh") else d.get("reason_en")) or d.get("reason_code")
        return text("review_rejected", lang, store_id=news.store_id, reason=reason)
    return text(news.kind, lang, store_id=news.store_id)


def exit_code(report: SyncReport) -> int:
    if report.error is not None or report.pending > 0:
        return EXIT_UNREACHABLE
    if report.refused > 0:
        return EXIT_REFUSED
    return EXIT_OK


def report_json(report: SyncReport, code: int) -> dict[str, Any]:
    data = asdict(report)
    data["finished_at"] = format_ts(report.finished_at)
    data["exit_code"] = code
    return data


def summary(report: SyncReport, lang: str) -> str:
    params = {
        "pushed": report.pushed,
        "refused": report.refused,
        "pulled": report.pulled,
        "pending": report.pending,
        "retry_after": int(report.retry_after or 0),
    }
    lines = [text(report.error or "synced", lang, **params)]
    lines += [news_line(n, lang) for n in report.news]
    return "\n".join(lines)


def _ask_secret_once(
    data_dir: Path, url: str | None, key: str | None, config: Any, lang: str, err: TextIO
) -> str | None:
    """At a terminal, a known platform and key but no stored secret: ask for it once (not
    echoed) and keep it in the OS keyring, so the next run does not ask. None: cannot ask."""
    url = url or config.platform_url
    key = key or config.app_key
    if not (url and key) or not sys.stdin.isatty():
        return None
    import getpass

    secret = getpass.getpass(text("ask_secret", lang, url=url, app_key=key), stream=err).strip()
    if not secret:
        return None
    try:
        SecretStore(Path(data_dir), allow_file_secret=config.allow_file_secret).set(url, key, secret)
        print(text("secret_saved", lang), file=err)
    except NoKeyring as exc:
        print(text("secret_not_saved", lang, error=exc), file=err)
    return secret


def run_sync_command(
    args: argparse.Namespace, data_dir: Path, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """One pass: resolve the platform, open the database, push and pull, print, exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    lang = _lang(args)
    as_json = bool(getattr(args, "json", False))
    loaded = load_config(Path(data_dir))
    if loaded.problem:
        print(text("config_problem", lang, problem=loaded.problem), file=err)
    url = getattr(args, "platform_url", None)
    key = getattr(args, "app_key", None)
    try:
        connection = resolve_connection(Path(data_dir), platform_url=url, app_key=key, config=loaded.config)
    except CredentialError as exc:
        secret = None if as_json else _ask_secret_once(data_dir, url, key, loaded.config, lang, err)
        if secret is None:
            print(text("no_platform", lang, error=exc), file=err)
            return EXIT_CONFIG
        connection = resolve_connection(
            Path(data_dir), platform_url=url, app_key=key, app_secret=secret, config=loaded.config
        )
    try:
        try:
            db = open_database(database_path(Path(data_dir)))
        except StorageError as exc:
            print(text("data_error", lang, error=exc), file=err)
            return EXIT_DATA
        try:
            with connection.client(timeout=float(getattr(args, "timeout", 20.0))) as client:
                engine = SyncEngine(db, client)
                report = engine.run_once(force=not getattr(args, "respect_backoff", False))
        finally:
            db.close()
    finally:
        connection.close()
    if report.error_detail:
        log.info("sync: %s", report.error_detail)
    code = exit_code(report)
    if as_json:
        print(json.dumps(report_json(report, code), ensure_ascii=False, indent=2), file=out)
    else:
        print(summary(report, lang), file=out)
    return code

"""``sync``: one sync pass from a terminal (scripts, support, cron).

Exit codes: 0 synced (nothing waits, nothing refused in this pass); 2 the platform cannot be
chosen (no app key or secret, no usable keyring: the message says how); 4 not (fully) synced
(unreachable, failing, rate limiting, an answer we cannot trust: the changes are kept); 5 some
changes refused by the platform in this pass (reasons printed); 6 the platform refused our
credentials (app key or secret); 8 the platform refused this computer's clock. A data file that
cannot be used is worded at the edge (console/cli/__init__.py), exit 1.

The summary is in the user's language and ends with the one sync state as ``status`` says it
(console/cli/status.py); ``--json`` prints the report with that state under ``"status"``.
The secret comes from the OS keyring or ``MERCHANT_CONSOLE_APP_SECRET`` (or is asked once at
a terminal); never printed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from console.cli.common import (
    EXIT_CLOCK,
    EXIT_CREDENTIALS,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_SYNC_REFUSED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    Context,
)
from console.cli.parser import add_verb
from console.cli.render import Out

if TYPE_CHECKING:
    from console.core.sync_state import SyncStatus
    from console.sync.report import News, SyncReport

log = logging.getLogger(__name__)


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "sync", "send waiting changes and fetch the platform's news")
    p.add_argument(
        "--respect-backoff",
        action="store_true",
        help="leave changes that are still backing off for a later pass (default: send them now)",
    )
    p.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="network read timeout (default 20)"
    )
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    try:
        import console.sync.engine  # noqa: F401  (a build without the sync engine says so)
    except ImportError as exc:
        from console.words import msg

        ctx.out.error(msg("sync_missing", ctx.lang, error=exc))
        return EXIT_ERROR
    return run_sync_command(
        args, ctx.data_dir, out=ctx.out.stdout, err=ctx.out.stderr, lang=ctx.lang, clock=ctx.clock
    )


def news_line(news: News, lang: str) -> str:
    from console.words.sync import sync_text

    d = news.detail
    if news.kind == "refused":
        target = news.store_id or d.get("announcement_id") or ""
        if d.get("method"):
            target = f"{target} {d['method']}"
        return sync_text("refused", lang, target=target, message=d.get("message") or "", code=d.get("code"))
    if news.kind == "announcement":
        title = (d.get("title_zh") if lang.startswith("zh") else d.get("title_en")) or d.get("id")
        return sync_text("announcement", lang, title=title)
    if news.kind == "review_rejected":
        reason = (d.get("reason_zh") if lang.startswith("zh") else d.get("reason_en")) or d.get("reason_code")
        return sync_text("review_rejected", lang, store_id=news.store_id, reason=reason)
    return sync_text(news.kind, lang, store_id=news.store_id)


def exit_code(report: SyncReport) -> int:
    from console.core.sync_state import PassResult

    if report.result is PassResult.CLOCK:
        return EXIT_CLOCK
    if report.error == "auth":
        return EXIT_CREDENTIALS
    if report.error is not None or report.pending > 0:
        return EXIT_UNREACHABLE
    if report.refused > 0:
        return EXIT_SYNC_REFUSED
    return EXIT_OK


def summary(report: SyncReport, lang: str, status: SyncStatus | None = None) -> str:
    """The pass in words, then the one state (so the terminal says what the status bar says)."""
    from console.cli.status import status_lines
    from console.words.sync import sync_text

    params = {
        "pushed": report.pushed,
        "refused": report.refused,
        "pulled": report.pulled,
        "pending": report.pending,
        "retry_after": int(report.retry_after or 0),
    }
    # credentials and the clock have a sentence each in the state: not one blaming both
    lines = [] if report.error == "auth" and status is not None else [
        sync_text(report.error or "synced", lang, **params)
    ]
    lines += [news_line(n, lang) for n in report.news]
    if status is not None:
        lines += status_lines(status, lang)
    return "\n".join(lines)


def run_sync_command(
    args: argparse.Namespace,
    data_dir: Path,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    lang: str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> int:
    """One pass: resolve the platform, open the database, push and pull, print, exit code."""
    from console.cli.status import status_json
    from console.core.clock import PlatformClock, system_now
    from console.core.timeutil import utcnow
    from console.service import ConsoleService
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine
    from console.wiring.config import load_config
    from console.wiring.connection import resolve_connection
    from console.wiring.credentials import CredentialError, ask_secret_once
    from console.wiring.paths import database_path
    from console.words import detect_lang
    from console.words.sync import sync_text

    out = out or sys.stdout
    err = err or sys.stderr
    lang = lang or detect_lang(getattr(args, "lang", None))
    as_json = bool(getattr(args, "json", False))
    loaded = load_config(Path(data_dir))
    if loaded.problem:
        print(sync_text("config_problem", lang, problem=loaded.problem), file=err)
    url = getattr(args, "platform_url", None)
    key = getattr(args, "app_key", None)
    config = loaded.config
    try:
        connection = resolve_connection(Path(data_dir), platform_url=url, app_key=key, config=config)
    except CredentialError as exc:
        secret = None
        if not as_json:
            secret = ask_secret_once(
                Path(data_dir),
                url or config.platform_url,
                key or config.app_key,
                allow_file_secret=config.allow_file_secret,
                lang=lang,
                err=err,
            )
        if secret is None:
            Out(lang, as_json, out, err).fail(
                "no_platform", sync_text("no_platform", lang, error=exc), EXIT_USAGE
            )
            return EXIT_USAGE
        connection = resolve_connection(
            Path(data_dir), platform_url=url, app_key=key, app_secret=secret, config=config
        )
    try:
        db = open_database(database_path(Path(data_dir)))
        try:
            now = clock or utcnow
            # requests are signed with this PC's clock; the app's clock is the platform's time
            signing = system_now if isinstance(now, PlatformClock) else now
            with connection.client(timeout=float(getattr(args, "timeout", 20.0)), clock=signing) as client:
                engine = SyncEngine(db, client, clock=now, sales=True)
                report = engine.run_once(force=not getattr(args, "respect_backoff", False))
                offset = float(getattr(client, "clock_offset", 0.0) or 0.0)
            status = ConsoleService(db, clock=now).sync_status()
        finally:
            db.close()
    finally:
        connection.close()
    if report.error_detail:
        log.info("sync: %s", report.error_detail)
    code = exit_code(report)
    if as_json:
        Out(lang, True, out, err).json(
            {**asdict(report), "status": status_json(status, lang), "exit_code": code}
        )
    else:
        print(summary(report, lang, status), file=out)
        if abs(offset) >= 60:  # learned from a signed refusal: say it, the merchant can fix it
            from console.words.time import time_text

            print(time_text("clock_off", lang, minutes=round(abs(offset) / 60)), file=out)
    return code

"""``status``: the one sync state, as the window's status bar says it, for a terminal or a script.

What waits, what is being sent, what the platform refused and why, offline since when, a
credentials or clock problem (with the offset), the last success, and the platform in use. It
reads the database only (no network): ``sync`` runs a pass, ``status`` says where things stand.

Exit codes follow the state, so a script can branch without parsing: 0 nothing needs the
merchant (synced, or changes simply waiting), 4 the platform is not reachable or failing,
5 changes were refused, 6 the platform refused our credentials, 8 the platform refused this
computer's clock (7 is ``reconcile``'s). ``sync`` and ``pending`` render the same state with the
same helpers.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import (
    EXIT_CLOCK,
    EXIT_CREDENTIALS,
    EXIT_OK,
    EXIT_SYNC_REFUSED,
    EXIT_UNREACHABLE,
    Context,
)
from console.cli.parser import add_verb

if TYPE_CHECKING:
    from console.core.sync_state import SyncStatus
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    add_verb(sub, "status", "where sync stands: waiting, refused, offline, credentials, clock").set_defaults(
        run=run
    )


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.wiring.config import load_config

    config = load_config(ctx.data_dir).config
    platform = platform_in_use(getattr(args, "platform_url", None), config.platform_url)
    with ctx.service() as service:
        status = service.sync_status(working_offline=config.work_offline)
        unread = service.unread_news_count()
    code = state_exit_code(status)
    if ctx.out.as_json:
        ctx.out.json(
            {**status_json(status, ctx.lang), "platform": platform, "unread_news": unread, "exit_code": code}
        )
        return code
    ctx.out.print("\n".join(status_lines(status, ctx.lang, platform=platform, unread_news=unread)))
    return code


def platform_in_use(args_url: str | None, config_url: str | None) -> dict[str, Any]:
    """Which platform a pass would use, by the precedence of ``console.wiring.connection``."""
    if args_url:
        return {"source": "args", "url": args_url, "demo": False}
    if config_url:
        return {"source": "config", "url": config_url, "demo": False}
    return {"source": "embedded", "url": None, "demo": True}


def state_exit_code(status: SyncStatus) -> int:
    """The exit code of a state (the module docstring): blocking problems first, as the headline."""
    from console.core.sync_state import Connection

    if status.connection is Connection.AUTH_REFUSED:
        return EXIT_CREDENTIALS
    if status.connection is Connection.CLOCK:
        return EXIT_CLOCK
    if status.refused:
        return EXIT_SYNC_REFUSED
    unreachable = (
        Connection.OFFLINE,
        Connection.DEMO_STOPPED,
        Connection.PLATFORM_ERROR,
        Connection.OTHER_ACCOUNT,
    )
    if status.connection in unreachable:
        return EXIT_UNREACHABLE
    return EXIT_OK


def status_json(status: SyncStatus, lang: str) -> dict[str, Any]:
    """The state as JSON (times ISO 8601 UTC, by ``Out.json``); ``text`` is the status bar's sentence."""
    from console.words.status import forward_text, headline_text

    return {
        "headline": status.headline.value,
        "severity": status.severity.name.lower(),
        "text": headline_text(status, lang),
        "way_forward": forward_text(status, lang) or None,
        "connection": status.connection.value,
        "all_synced": status.all_synced,
        "unsettled": status.unsettled,
        "waiting": status.waiting,
        "sending": status.sending,
        "refused": [
            {
                "outbox_id": r.outbox_id,
                "kind": r.kind,
                "store_id": r.store_id,
                "method": r.method,
                "code": r.code,
                "message": r.message,
                "created_at": r.created_at,
            }
            for r in status.refused
        ],
        "waiting_stores": sorted(status.waiting_stores),
        "refused_stores": sorted(status.refused_stores),
        "offline_since": status.offline_since,
        "clock_offset_s": status.clock_offset_s,
        "last_pass_at": status.last_pass_at,
        "last_success_at": status.last_success_at,
    }


def status_lines(
    status: SyncStatus,
    lang: str,
    *,
    platform: dict[str, Any] | None = None,
    unread_news: int | None = None,
) -> list[str]:
    """The state for people: the headline, the counts, the refusals with reasons, the way forward."""
    from console.service import refusal_reason
    from console.words import format_when, method_name, reason_text
    from console.words.status import forward_text, headline_text, label

    def when(value: Any) -> str:
        return format_when(value) if value is not None else label("never", lang)

    lines = [headline_text(status, lang)]
    lines.append(
        f"  {label('waiting', lang)}: {status.waiting}    {label('sending', lang)}: {status.sending}"
        f"    {label('refused', lang)}: {len(status.refused)}"
    )
    for r in status.refused:
        target = " ".join(x for x in (r.store_id, method_name(r.method, lang) if r.method else None) if x)
        why = reason_text(refusal_reason(r.code, r.message), lang) if r.code else (r.message or "")
        lines.append(f"    {r.outbox_id[:8]}  {target}: {why}")
    if status.offline_since is not None:
        lines.append(f"  {label('offline_since', lang)}: {when(status.offline_since)}")
    lines.append(f"  {label('last_pass', lang)}: {when(status.last_pass_at)}")
    lines.append(f"  {label('last_success', lang)}: {when(status.last_success_at)}")
    if platform is not None:
        where = label(f"platform_{platform['source']}", lang, url=platform.get("url") or "")
        lines.append(f"  {label('platform', lang)}: {where}")
    if unread_news:
        lines.append(f"  {label('unread_news', lang)}: {unread_news}  (main.py news --unread)")
    forward = forward_text(status, lang)
    if forward:
        lines.append(f"  {label('way_forward', lang)}: {forward}")
    return lines


def current_status(service: ConsoleService, data_dir: Any) -> SyncStatus:
    """The state with the window's "Work offline" switch, as ``status`` shows it."""
    from console.wiring.config import load_config

    return service.sync_status(working_offline=load_config(data_dir).config.work_offline)

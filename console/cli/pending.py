"""``pending``, ``retry``, ``discard``: the changes waiting to sync, and what to do with refused ones."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Context
from console.cli.parser import add_verb
from console.cli.render import Out, fields_of, format_table

if TYPE_CHECKING:
    from console.core.sync_state import SyncStatus
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    add_verb(sub, "pending", "changes waiting to sync, and refused ones").set_defaults(run=run)
    p = add_verb(sub, "retry", "queue a refused change again (after fixing its cause)")
    p.add_argument("change", help="its id from `pending` (a unique prefix is enough)")
    p.set_defaults(run=run_retry)
    p = add_verb(sub, "discard", "drop a waiting or refused change; the platform's value shows again")
    p.add_argument("change", help="its id from `pending` (a unique prefix is enough)")
    p.set_defaults(run=run_discard)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli.status import current_status

    with ctx.service() as service:
        return cmd_pending(service, args, ctx.out, current_status(service, ctx.data_dir))


def run_retry(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return _settle(service, args, ctx.out, "retry")


def run_discard(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return _settle(service, args, ctx.out, "discard")


def cmd_pending(
    service: ConsoleService, args: argparse.Namespace, out: Out, status: SyncStatus | None = None
) -> int:
    """The changes, then the one state (the same counts the status bar and ``status`` show)."""
    from console.cli.status import status_json, status_lines
    from console.words import format_when, method_name, msg, on_off, outbox_status_name, reason_text

    changes = service.pending_changes()
    status = status or service.sync_status()
    if out.as_json:
        out.json(
            {
                "count": len(changes),
                "pending": [fields_of(c) for c in changes],
                "status": status_json(status, out.lang),
            }
        )
        return EXIT_OK
    lang = out.lang
    if not changes:
        out.print(msg("no_pending", lang))
        out.print(status_lines(status, lang)[0])
        return EXIT_OK
    headers = [msg(k, lang) for k in ("id", "when", "store", "change", "status", "attempts", "note")]
    rows = []
    for c in changes:
        if c.kind == "set_method" and c.method is not None:
            what = f"{method_name(c.method, lang)} → {on_off(c.enabled, lang)}"
        else:
            what = f"{msg('feedback', lang)} {c.announcement_id}"
        note = reason_text(c.refusal, lang) if c.refusal else (c.last_error or "")
        rows.append(
            [
                c.id[:8],
                format_when(c.created_at),
                c.store_id or "-",
                what,
                outbox_status_name(c.status, lang),
                str(c.attempts),
                note,
            ]
        )
    out.print(format_table(headers, rows))
    out.print("\n".join(status_lines(status, lang)[:2]))
    return EXIT_OK


def _change_id(service: ConsoleService, given: str) -> str | None:
    """The full id of a pending change from an id or a unique prefix of one."""
    ids = [c.id for c in service.pending_changes()]
    if given in ids:
        return given
    matches = [i for i in ids if i.startswith(given)] if len(given) >= 4 else []
    return matches[0] if len(matches) == 1 else None


def _settle(service: ConsoleService, args: argparse.Namespace, out: Out, operation: str) -> int:
    from console.storage.repo import OutboxStateError
    from console.words import msg, reason_text

    change = _change_id(service, args.change)
    if change is None:
        return out.fail("UNKNOWN_CHANGE", msg("unknown_change", out.lang, change=args.change), EXIT_USAGE)
    try:
        result = service.retry_change(change) if operation == "retry" else service.discard_change(change)
    except OutboxStateError as exc:
        text = msg("change_not_settleable", out.lang, change=change[:8], status=exc.status)
        return out.fail("CHANGE_STATE", text, EXIT_USAGE)
    if out.as_json:
        out.json(
            {
                "change": change,
                "operation": operation,
                "applied": result.applied,
                "outbox_id": result.outbox_id,
                "reason": result.reason,
            }
        )
        return EXIT_OK if result.applied else EXIT_REFUSED
    if not result.applied:
        out.error(msg("refusal", out.lang, reason=reason_text(result.reason, out.lang)))
        return EXIT_REFUSED
    out.print(msg(f"{operation}_done", out.lang, change=change[:8]))
    return EXIT_OK

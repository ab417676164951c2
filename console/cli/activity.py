"""``activity``: the audit log, newest first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, Context
from console.cli.parser import add_verb
from console.cli.render import Out, fields_of, format_table

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "activity", "the audit log, newest first")
    p.add_argument("--store", default=None)
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (1 … 2**63-1)")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli import check

    args.limit = check.limit(args.limit, ctx.lang)
    with ctx.service() as service:
        return cmd_activity(service, args, ctx.out)


def cmd_activity(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.service import ActivityFilter
    from console.words import activity_words, format_when, method_name, msg, on_off

    entries = service.activity(ActivityFilter(store_id=args.store, limit=args.limit))
    if out.as_json:
        out.json(
            {
                "count": len(entries),
                "activity": [fields_of(e) for e in entries],
            }
        )
        return EXIT_OK
    lang = out.lang
    if not entries:
        out.print(msg("no_activity", lang))
        return EXIT_OK
    headers = [msg(k, lang) for k in ("when", "actor", "action", "store", "method", "result", "note")]
    rows = []
    for e in entries:
        who, what, outcome = activity_words(e.actor, e.action, e.result, lang)
        enabled = e.detail.get("enabled")
        if e.action == "set_method" and isinstance(enabled, bool):
            what = f"{what} → {on_off(enabled, lang)}"
        rows.append(
            [
                format_when(e.at),
                who,
                what,
                e.store_id or "-",
                method_name(e.method, lang) if e.method else "-",
                outcome,
                _activity_note(e.detail, lang),
            ]
        )
    out.print(format_table(headers, rows))
    return EXIT_OK


def _activity_note(detail: dict[str, Any], lang: str) -> str:
    """The facts of an audit row worth a merchant's eye, in words (the JSON stays in --json)."""
    from console.core.reasons import Reason, ReasonCode
    from console.words import eligibility_name, msg, reason_text

    parts: list[str] = []
    code, message = detail.get("code"), detail.get("message")
    if isinstance(code, str) and code in ReasonCode.__members__:
        parts.append(reason_text(Reason(ReasonCode(code), {"message": message} if message else {}), lang))
    elif code or message:
        parts.append(reason_text(Reason(ReasonCode.PLATFORM_REFUSED, {"message": message or code}), lang))
    if isinstance(detail.get("pulled"), int):
        parts.append(msg("note_updates", lang, count=detail["pulled"]))
    if isinstance(detail.get("eligibility"), str):
        status = eligibility_name(detail["eligibility"], lang)
        parts.append(msg("note_platform_status", lang, eligibility=status))
    if detail.get("replayed"):
        parts.append(msg("note_replayed", lang))
    return " · ".join(parts)

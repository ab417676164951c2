"""``feedback``: send feedback on an announcement during its opinion period."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Context
from console.cli.parser import add_verb
from console.cli.render import Out

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "feedback", "send feedback on an announcement during its opinion period")
    p.add_argument("announcement")
    p.add_argument("text")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_feedback(service, args, ctx.out)


def cmd_feedback(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.reasons import ReasonCode
    from console.words import msg, reason_text

    result = service.send_feedback(args.announcement, args.text)
    if result.reason is not None and result.reason.code is ReasonCode.UNKNOWN_ANNOUNCEMENT:
        text = msg("unknown_announcement", out.lang, announcement_id=args.announcement)
        return out.fail("UNKNOWN_ANNOUNCEMENT", text, EXIT_USAGE, announcement_id=args.announcement)
    exit_code = EXIT_OK if result.applied else EXIT_REFUSED
    if out.as_json:
        out.json(
            {
                "announcement_id": args.announcement,
                "applied": result.applied,
                "outbox_id": result.outbox_id,
                "reason": result.reason,
            }
        )
    elif result.applied:
        out.print(msg("feedback_queued", out.lang))
    else:
        out.error(msg("feedback_refused", out.lang, reason=reason_text(result.reason, out.lang)))
    return exit_code

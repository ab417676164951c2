"""``announcements``: rule-change announcements and their opinion periods."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, Context
from console.cli.parser import add_verb
from console.cli.render import Out, format_table

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "announcements", "rule-change announcements and their opinion periods")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_announcements(service, args, ctx.out)


def cmd_announcements(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.words import format_when, msg

    now = service.now()
    items = service.announcements()

    def opinion_state(a: Any) -> str:
        if now < a.opinion_opens_at:
            return "not_yet"
        return "open_now" if a.opinion_open(now) else "closed"

    if out.as_json:
        out.json(
            {
                "count": len(items),
                "announcements": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "body": a.body,
                        "published_at": a.published_at,
                        "opinion_opens_at": a.opinion_opens_at,
                        "opinion_closes_at": a.opinion_closes_at,
                        "effective_at": a.effective_at,
                        "opinion": opinion_state(a),
                        "opinion_open": a.opinion_open(now),
                        "meets_notice_period": a.meets_notice_period,
                        "affects_platforms": a.affects_platforms,
                        "affects_methods": a.affects_methods,
                        "read": a.read,
                        "feedback": [
                            {
                                "id": f.id,
                                "text": f.text,
                                "created_at": f.created_at,
                                "sync_state": f.sync_state,
                            }
                            for f in a.feedback
                        ],
                    }
                    for a in items
                ],
            }
        )
        return EXIT_OK
    lang = out.lang
    if not items:
        out.print(msg("no_announcements", lang))
        return EXIT_OK
    headers = [msg(k, lang) for k in ("id", "title", "opinion", "effective", "feedback", "note")]
    rows = [
        [
            a.id,
            a.title.get(lang),
            f"{format_when(a.opinion_opens_at)} – {format_when(a.opinion_closes_at)} "
            f"({msg(opinion_state(a), lang)})",
            format_when(a.effective_at),
            str(len(a.feedback)),
            "" if a.meets_notice_period else msg("short_notice", lang),
        ]
        for a in items
    ]
    out.print(format_table(headers, rows))
    return EXIT_OK

"""``news``: what the platform changed and what comes due, kept in the database (read/unread).

News is computed by every sync pass (the window's or ``main.py sync``) and stored, so nothing is
missed while the app is closed. ``--mark-read ID ...`` / ``--mark-all-read`` mark items read, as
the window's notification list does; ``--unread`` lists only unread ones.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_USAGE, Context
from console.cli.parser import add_verb
from console.cli.render import Out, format_table

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "news", "platform changes and reminders (freezes, expiries, deadlines ...)")
    p.add_argument("--unread", action="store_true", help="only unread items")
    p.add_argument("--mark-read", nargs="+", type=int, metavar="ID", help="mark these items read")
    p.add_argument("--mark-all-read", action="store_true", help="mark every unread item read")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_news(service, args, ctx.out)


def cmd_news(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.words.status import label

    lang = out.lang
    if args.mark_read or args.mark_all_read:
        ids = None if args.mark_all_read else list(args.mark_read)
        if ids is not None:
            known = {n.id for n in service.news(limit=100_000)}
            missing = [i for i in ids if i not in known]
            if missing:
                return out.fail("UNKNOWN_NEWS", label("unknown_news", lang, id=missing[0]), EXIT_USAGE)
        changed = service.mark_news_read(ids)
        if out.as_json:
            out.json({"marked_read": changed, "unread": service.unread_news_count()})
        else:
            out.print(label("news_marked", lang, count=changed))
        return EXIT_OK
    items = service.news(unread_only=bool(args.unread))
    if out.as_json:
        out.json(
            {
                "count": len(items),
                "unread": service.unread_news_count(),
                "news": [_json(n, lang) for n in items],
            }
        )
        return EXIT_OK
    if not items:
        out.print(label("no_unread_news" if args.unread else "no_news", lang))
        return EXIT_OK
    from console.words import format_when
    from console.words.status import stored_news_text

    headers = [label(k, lang) for k in ("news_col_id", "news_col_when", "news_col_store", "news_col_text")]
    rows = [
        [
            f"{label('unread_mark', lang) if not n.read else ' '} {n.id}",
            format_when(n.at),
            ", ".join(n.store_ids) or label("all_stores", lang),
            stored_news_text(n.kind, n.params, lang),
        ]
        for n in items
    ]
    out.print(format_table(headers, rows))
    return EXIT_OK


def _json(n: Any, lang: str) -> dict[str, Any]:
    from console.words.status import stored_news_text

    return {
        "id": n.id,
        "key": n.key,
        "kind": n.kind,
        "store_ids": list(n.store_ids),
        "at": n.at,
        "read": n.read,
        "params": n.params,
        "text": stored_news_text(n.kind, n.params, lang),
    }

"""``settlements``: each wallet's settlement of one day, per store and method (#15)."""

from __future__ import annotations

import argparse
from typing import Any

from console.cli.common import EXIT_OK, Context
from console.cli.parser import add_verb


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "settlements", "the settlements of one day, per store and method")
    p.add_argument("--date", dest="day", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--store", action="append", default=[], metavar="ID")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli.render import format_table
    from console.cli.sales import checked, parse_day, sales_service
    from console.core.money import format_fen
    from console.words.domain import method_name
    from console.words.sales import column_titles, sales_msg

    lang = ctx.lang
    day = parse_day(args.day, lang)
    args.first = args.last = day.isoformat()
    args.sales_platform, args.channel = [], []
    with ctx.service() as base:
        service = sales_service(ctx, base)
        _, _, scope = checked(service, args, lang)
        rows = service.settlements(day, day, scope)
    if ctx.out.as_json:
        ctx.out.json(
            {
                "date": day.isoformat(),
                "settlements": [
                    {
                        "store_id": s.store_id,
                        "method": s.method,
                        "count": s.count,
                        "gross_fen": s.gross_fen,
                        "refunds_fen": s.refunds_fen,
                        "fees_fen": s.fees_fen,
                        "net_fen": s.net_fen,
                        "settled_at": s.settled_at,
                        "payment_ids": list(s.payment_ids),
                    }
                    for s in rows
                ],
            }
        )
        return EXIT_OK
    if not rows:
        ctx.out.print(sales_msg("no_settlements", lang, day=day.isoformat()))
        return EXIT_OK
    headers = column_titles(lang)[1:8]
    ctx.out.print(
        format_table(
            headers,
            [
                [
                    s.store_id,
                    method_name(s.method, lang),
                    str(s.count),
                    format_fen(s.gross_fen),
                    format_fen(s.refunds_fen),
                    format_fen(s.fees_fen),
                    format_fen(s.net_fen),
                ]
                for s in rows
            ],
        )
    )
    return EXIT_OK

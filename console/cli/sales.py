"""``sales``: gross, refunds and fees per method, store or channel over a period (#15).

Also the helpers the other sales verbs share (``settlements``, ``reconcile``, ``export``): the
period and scope options, and turning the service's ``PeriodError`` into a usage error (exit 2)
in the user's language.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, Context, UsageError
from console.cli.parser import add_verb

if TYPE_CHECKING:
    from console.sales_service import SalesService
    from console.storage.sales import Scope


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "sales", "gross, refunds and fees by payment method, store or channel")
    period_options(p)
    p.add_argument("--by", default="method", help="method | store | channel")
    p.set_defaults(run=run)


def period_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("--from", dest="first", required=required, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="last", required=required, metavar="YYYY-MM-DD")
    p.add_argument("--store", action="append", default=[], metavar="ID", help="repeat for several")
    p.add_argument("--platform", dest="sales_platform", action="append", default=[], help="taobao | tmall")
    p.add_argument("--channel", action="append", default=[], help="mobile_app | pc_web | ...")


def problem(code: str, lang: str, **facts: Any) -> UsageError:
    from console.words.sales import period_problem

    return UsageError(code.upper(), period_problem(code, lang, **facts))


def parse_day(text: str, lang: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise problem("bad_date", lang, text=text) from None


def checked(service: SalesService, args: argparse.Namespace, lang: str) -> tuple[date, date, Scope]:
    """The period and scope of the command line, refused with exit 2 when they make no sense."""
    from console.sales_service import PeriodError

    first, last = parse_day(args.first, lang), parse_day(args.last, lang)
    try:
        service.check_period(first, last)
        scope = service.scope(args.store, args.sales_platform, args.channel)
    except PeriodError as exc:
        raise problem(exc.code, lang, **exc.facts) from None
    return first, last, scope


def sales_service(ctx: Context, service: Any) -> SalesService:
    from console.sales_service import SalesService

    return SalesService(service.db, clock=ctx.clock)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli.render import format_table
    from console.core.money import format_fen
    from console.sales_service import PeriodError
    from console.words.domain import method_name
    from console.words.sales import channel_name, sales_column_titles, sales_msg

    lang = ctx.lang
    with ctx.service() as base:
        service = sales_service(ctx, base)
        first, last, scope = checked(service, args, lang)
        try:
            rows = service.totals(first, last, args.by, scope)
        except PeriodError as exc:
            raise problem(exc.code, lang, **exc.facts) from None
    if ctx.out.as_json:
        ctx.out.json(
            {
                "from": first.isoformat(),
                "to": last.isoformat(),
                "by": args.by,
                "rows": [
                    {
                        "group": g,
                        "method": m,
                        "payments": n,
                        "gross_fen": gross,
                        "refunds_fen": refunds,
                        "fees_fen": fees,
                        "net_fen": gross - refunds - fees,
                    }
                    for g, m, n, gross, refunds, fees in rows
                ],
            }
        )
        return EXIT_OK
    if not rows:
        ctx.out.print(sales_msg("no_sales", lang))
        return EXIT_OK
    titles = sales_column_titles(lang)
    headers = [sales_msg("group", lang), titles[3], *titles[5:]]
    table = []
    for g, m, n, gross, refunds, fees in rows:
        group = (
            channel_name(g, lang)
            if args.by == "channel"
            else method_name(g, lang)
            if args.by == "method"
            else g
        )
        table.append(
            [
                group,
                method_name(m, lang),
                str(n),
                format_fen(gross),
                format_fen(refunds),
                format_fen(fees),
                format_fen(gross - refunds - fees),
            ]
        )
    n_all = sum(r[2] for r in rows)
    gross_all, refunds_all, fees_all = (sum(r[i] for r in rows) for i in (3, 4, 5))
    table.append(
        [
            sales_msg("total", lang),
            "",
            str(n_all),
            format_fen(gross_all),
            format_fen(refunds_all),
            format_fen(fees_all),
            format_fen(gross_all - refunds_all - fees_all),
        ]
    )
    ctx.out.print(format_table(headers, table))
    return EXIT_OK

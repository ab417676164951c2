"""``export sales|settlements``: a period as CSV (UTF-8 with BOM) or XLSX for the accountant (#15).

Sales: one row per day, store, method and channel. Settlements: one row per settlement with its
reconciliation result and the difference explained. Files are created 0600.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console.cli.common import EXIT_OK, Context
from console.cli.parser import add_verb


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "export", "sales or settlements of a period as CSV or XLSX")
    p.add_argument("what", choices=("sales", "settlements"))
    p.add_argument("--format", dest="fmt", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--out", required=True, metavar="FILE")
    from console.cli.sales import period_options

    period_options(p)
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli.sales import checked, sales_service
    from console.sales_service import write_table
    from console.words.sales import sales_msg

    lang = ctx.lang
    out_path = Path(args.out).expanduser()
    with ctx.service() as base:
        service = sales_service(ctx, base)
        first, last, scope = checked(service, args, lang)
        if args.what == "sales":
            headers, rows = service.sales_export(first, last, scope, lang)
        else:
            headers, rows = service.settlements_export(first, last, scope, lang)
    write_table(out_path, headers, rows, args.fmt)
    if ctx.out.as_json:
        ctx.out.json({"path": str(out_path), "rows": len(rows), "format": args.fmt})
    else:
        ctx.out.print(sales_msg("exported", lang, count=len(rows), path=out_path))
    return EXIT_OK

"""``reconcile``: each day's settlement against the synced payments (#15).

Exit 0 when everything matched, 7 (``EXIT_MISMATCH``) when some settlement does not; the
differences are printed and kept (the Reconciliation page and ``--json`` show the same).
"""

from __future__ import annotations

import argparse
from typing import Any

from console.cli.common import EXIT_MISMATCH, EXIT_OK, Context
from console.cli.parser import add_verb


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "reconcile", "settlements against the synced payments; exit 7 on a mismatch")
    from console.cli.sales import period_options

    period_options(p)
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli.render import format_table
    from console.cli.sales import checked, sales_service
    from console.storage.sales import DEFAULT_RETENTION_DAYS
    from console.words.domain import method_name
    from console.words.sales import column_titles, explain, sales_msg

    lang = ctx.lang
    with ctx.service() as base:
        service = sales_service(ctx, base)
        first, last, scope = checked(service, args, lang)
        report = service.reconcile(first, last, scope)
    bad = report.mismatched
    if ctx.out.as_json:
        ctx.out.json(
            {
                "from": first.isoformat(),
                "to": last.isoformat(),
                "checked": report.checked,
                "mismatched": [
                    {
                        "date": r.key.day.isoformat(),
                        "store_id": r.key.store_id,
                        "method": r.key.method,
                        "differences": [
                            {
                                "kind": m.kind.value,
                                "delta_fen": m.delta_fen,
                                "payment_ids": list(m.payment_ids),
                                "explanation": explain(m, lang),
                            }
                            for m in r.mismatches
                        ],
                    }
                    for r in bad
                ],
            }
        )
        return EXIT_MISMATCH if bad else EXIT_OK
    if not report.checked:
        ctx.out.print(sales_msg("nothing_to_reconcile", lang, days=DEFAULT_RETENTION_DAYS))
        return EXIT_OK
    if not bad:
        ctx.out.print(sales_msg("all_matched", lang, count=report.checked))
        return EXIT_OK
    ctx.out.print(sales_msg("mismatched", lang, count=len(bad)))
    titles = column_titles(lang)
    rows = [
        [r.key.day.isoformat(), r.key.store_id, method_name(r.key.method, lang), explain(m, lang)]
        for r in bad
        for m in r.mismatches
    ]
    ctx.out.print(format_table([titles[0], titles[1], titles[2], titles[9]], rows))
    return EXIT_MISMATCH

"""``bulk set-method``: one method on or off for many stores, by filter, stores file or all (#16).

::

    main.py bulk set-method wechat_pay on --filter TEXT [--platform-filter tmall] [--dry-run]
    main.py bulk set-method alipay off --stores-file stores.csv [--json]
    main.py bulk set-method wechat_pay on --all --dry-run --csv plan.csv

The dry run prints the plan, a row per store (will change / already so / refused and why), and
can write it as CSV; the real run saves the changes in chunks (the sync sends them) and prints
the counts and the refused stores. Exit 0 when nothing was refused, 3 when some stores were
refused by a rule (dry run or not, as ``set-method``), 2 for a missing scope or a stores file
that cannot be used (unreadable, not CSV, no id column, unknown ids): then nothing is changed.

A stores file is CSV (UTF-8, a BOM welcome): a header naming a ``store_id`` column (the dry run's
own CSV, ``店铺编号`` or ``Store ID``, works as input), or one id per line without a header.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_REFUSED, Context, UsageError
from console.cli.parser import add_verb

if TYPE_CHECKING:
    from console.service import BulkPlan, BulkResult, ConsoleService

#: Header cells that name the store id column of a stores file.
ID_HEADERS = frozenset({"store_id", "store id", "id", "店铺编号", "店铺id", "店铺 id"})
#: Unknown ids quoted in the error message (the count says how many there are in all).
QUOTED_IDS = 20


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    from console.cli.set_method import METHOD_ALIASES
    from console.core.model import Method, Platform

    p = add_verb(sub, "bulk", "change many stores at once (dry run first)")
    verbs = p.add_subparsers(dest="bulk_command", metavar="ACTION", required=True)
    names = sorted([m.value for m in Method] + list(METHOD_ALIASES))
    s = add_verb(verbs, "set-method", "turn a payment method on or off for many stores")
    s.add_argument("method", choices=names, metavar="METHOD", help=" | ".join(m.value for m in Method))
    s.add_argument("value", choices=("on", "off"))
    s.add_argument(
        "--filter", dest="text", default=None, metavar="TEXT", help="stores whose name or id has TEXT"
    )
    s.add_argument(
        "--platform-filter",
        dest="store_platform",
        choices=[x.value for x in Platform],
        help="stores of one platform",
    )
    s.add_argument(
        "--stores-file", metavar="FILE.csv", help="the stores listed in a CSV file (a store_id column)"
    )
    s.add_argument("--all", dest="all_stores", action="store_true", help="every store")
    s.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    s.add_argument("--csv", dest="csv_out", metavar="FILE", help="also write the plan (dry run) as CSV")
    s.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli import check
    from console.cli.set_method import METHOD_ALIASES
    from console.core.model import Method
    from console.words.bulk import bulk_msg

    lang = ctx.lang
    filtered = args.text is not None or args.store_platform is not None
    scopes = sum((filtered, args.stores_file is not None, bool(args.all_stores)))
    if scopes != 1:
        raise UsageError("usage", bulk_msg("scope_missing", lang))
    if args.text is not None:
        args.text = check.filter_text(args.text, lang)
    file_ids = read_stores_file(Path(args.stores_file).expanduser(), lang) if args.stores_file else None
    method = Method(METHOD_ALIASES.get(args.method, args.method))
    enabled = args.value == "on"
    with ctx.service() as service:
        ids = _scope_ids(service, args, file_ids)
        if file_ids is not None:
            unknown = service.unknown_store_ids(ids)
            if unknown:
                shown = ", ".join(unknown[:QUOTED_IDS]) + (" …" if len(unknown) > QUOTED_IDS else "")
                text = bulk_msg(
                    "file_unknown_ids", lang, path=args.stores_file, count=len(unknown), ids=shown
                )
                raise UsageError("UNKNOWN_STORE", text, unknown_ids=unknown)
        if args.dry_run:
            plan = service.bulk_plan(ids, method, enabled)
            return _print_plan(ctx, plan, args)
        result = service.set_method_bulk(ids, method, enabled)
        names = service.store_names([r.store_id for r in result.refused if r.store_id])
        return _print_run(ctx, result, names)


def _scope_ids(service: ConsoleService, args: argparse.Namespace, file_ids: list[str] | None) -> list[str]:
    from console.core.model import Platform
    from console.service import StoreFilter

    if file_ids is not None:
        return service.bulk_store_ids(file_ids)
    if args.all_stores:
        return service.bulk_store_ids(None)
    flt = StoreFilter(
        text=args.text or "", platform=Platform(args.store_platform) if args.store_platform else None
    )
    return service.bulk_store_ids(flt)


def read_stores_file(path: Path, lang: str) -> list[str]:
    """The store ids of a stores file, in order; UsageError (exit 2) when it cannot be used."""
    import csv

    from console.words.bulk import bulk_msg

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            "BAD_STORES_FILE", bulk_msg("file_not_csv", lang, path=path, line=1, problem="UTF-8")
        ) from None
    except OSError as exc:
        problem = exc.strerror or type(exc).__name__
        raise UsageError(
            "BAD_STORES_FILE", bulk_msg("file_unreadable", lang, path=path, problem=problem)
        ) from None
    reader = csv.reader(text.splitlines(), strict=True)
    try:
        rows = [[cell.strip() for cell in row] for row in reader]
    except csv.Error as exc:
        line = reader.line_num or 1
        raise UsageError(
            "BAD_STORES_FILE", bulk_msg("file_not_csv", lang, path=path, line=line, problem=exc)
        ) from None
    rows = [r for r in rows if any(r)]
    if not rows:
        raise UsageError("BAD_STORES_FILE", bulk_msg("file_empty", lang, path=path))
    header = [c.lower() for c in rows[0]]
    column = next((i for i, c in enumerate(header) if c in ID_HEADERS), None)
    if column is None:
        if any(len(r) != 1 for r in rows):
            raise UsageError("BAD_STORES_FILE", bulk_msg("file_no_column", lang, path=path))
        return [r[0] for r in rows]
    ids = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) <= column:
            problem = bulk_msg("file_no_column", lang, path=path)
            raise UsageError(
                "BAD_STORES_FILE", bulk_msg("file_not_csv", lang, path=path, line=number, problem=problem)
            )
        if row[column]:
            ids.append(row[column])
    if not ids:
        raise UsageError("BAD_STORES_FILE", bulk_msg("file_empty", lang, path=path))
    return ids


def _action(method: Any, enabled: bool, lang: str) -> str:
    from console.words import method_name
    from console.words.bulk import bulk_msg

    return bulk_msg("turn_on" if enabled else "turn_off", lang, method=method_name(method, lang))


def _print_plan(ctx: Context, plan: BulkPlan, args: argparse.Namespace) -> int:
    from console.cli.render import format_table
    from console.service import BulkOutcome, bulk_plan_table, plan_row_why, write_bulk_plan_csv
    from console.words.bulk import bulk_msg

    out, lang = ctx.out, ctx.lang
    refused = plan.count(BulkOutcome.REFUSED)
    code = EXIT_REFUSED if refused else EXIT_OK
    if args.csv_out:
        write_bulk_plan_csv(Path(args.csv_out).expanduser(), plan, lang)
    counts = {o.value: plan.count(o) for o in BulkOutcome}
    if out.as_json:
        out.json(
            {
                "method": plan.method,
                "enabled": plan.enabled,
                "dry_run": True,
                "checked_at": plan.checked_at,
                "total": len(plan.rows),
                "counts": counts,
                "stores": [
                    {
                        "store_id": r.store_id,
                        "name": r.store_name,
                        "outcome": r.outcome.value,
                        "reason": r.reason,
                        "why": plan_row_why(r, plan.enabled, lang),
                        "expected_eligibility": r.expected_eligibility,
                    }
                    for r in plan.rows
                ],
            }
        )
        return code
    if not plan.rows:
        out.print(bulk_msg("no_stores", lang))
        return EXIT_OK
    headers, rows = bulk_plan_table(plan, lang)
    out.print(format_table(headers[:2] + headers[4:6], [r[:2] + r[4:6] for r in rows]))
    out.print(
        bulk_msg(
            "plan_head",
            lang,
            action=_action(plan.method, plan.enabled, lang),
            total=len(plan.rows),
            **counts,
        )
    )
    if args.csv_out:
        out.print(bulk_msg("exported", lang, count=len(rows), path=args.csv_out))
    return code


def _print_run(ctx: Context, result: BulkResult, names: dict[str, str]) -> int:
    from console.cli.render import format_table
    from console.words import reason_text
    from console.words.bulk import bulk_msg, column_titles

    out, lang = ctx.out, ctx.lang
    refused = result.refused
    code = EXIT_REFUSED if refused else EXIT_OK
    counts = {"saved": len(result.changed), "skipped": len(result.unchanged), "refused": len(refused)}
    if out.as_json:
        out.json(
            {
                "method": result.method,
                "enabled": result.enabled,
                "dry_run": False,
                "total": result.total,
                "cancelled": result.cancelled,
                "counts": counts,
                "saved": [
                    {"store_id": r.store_id, "outcome": r.outcome, "outbox_id": r.outbox_id}
                    for r in result.changed
                ],
                "refused": [
                    {"store_id": r.store_id, "name": names.get(r.store_id or ""), "reason": r.reason}
                    for r in refused
                ],
            }
        )
        return code
    if not result.total:
        out.print(bulk_msg("no_stores", lang))
        return EXIT_OK
    sep = "：" if lang == "zh_CN" else ": "
    out.print(_action(result.method, result.enabled, lang) + sep + bulk_msg("run_counts", lang, **counts))
    if result.changed:
        out.print(bulk_msg("run_sent_later", lang))
    if refused:
        titles = column_titles(lang)
        out.error(bulk_msg("refused_list", lang, count=len(refused)))
        table = [
            [r.store_id or "", names.get(r.store_id or "", ""), reason_text(r.reason, lang)] for r in refused
        ]
        out.error(format_table([titles[0], titles[1], titles[5]], table))
    return code

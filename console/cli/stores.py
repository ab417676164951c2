"""``stores``: the stores, filtered (text, platform, WeChat Pay status, pending)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, Context
from console.cli.parser import add_verb
from console.cli.render import Out, format_table

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    from console.core.model import Eligibility, Platform

    p = add_verb(sub, "stores", "list stores, filtered")
    p.add_argument("--filter", dest="text", default="", metavar="TEXT", help="part of the name or id")
    p.add_argument("--platform", dest="store_platform", choices=[x.value for x in Platform])
    p.add_argument("--status", choices=[e.value for e in Eligibility], help="WeChat Pay eligibility")
    p.add_argument("--pending", action="store_true", help="only stores with changes waiting to sync")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows (1 … 2**63-1)")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.cli import check

    args.text = check.filter_text(args.text or "", ctx.lang)
    args.limit = check.limit(args.limit, ctx.lang)
    with ctx.service() as service:
        return cmd_stores(service, args, ctx.out)


def cmd_stores(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.model import Eligibility, Platform
    from console.service import StoreFilter
    from console.words import eligibility_name, format_when, msg, on_off, platform_name, store_status_name

    flt = StoreFilter(
        text=args.text or "",
        platform=Platform(args.store_platform) if args.store_platform else None,
        wechat_eligibility=Eligibility(args.status) if args.status else None,
        pending_only=bool(args.pending),
    )
    rows = service.list_stores(flt, limit=args.limit)
    if out.as_json:
        out.json({"count": len(rows), "stores": [_store_row_json(r) for r in rows]})
        return EXIT_OK
    if not rows:
        out.print(msg("no_stores", out.lang))
        return EXIT_OK
    lang = out.lang
    headers = [
        msg(k, lang)
        for k in ("id", "platform", "name", "status", "alipay", "wechat", "setting", "deadline", "pending")
    ]
    table = [
        [
            r.id,
            platform_name(r.platform, lang),
            r.name,
            store_status_name(r.status, lang),
            on_off(r.alipay_setting, lang),
            eligibility_name(r.wechat_eligibility, lang),
            on_off(r.wechat_setting, lang),
            format_when(r.deadline_at) if r.deadline_at else "-",
            msg("yes", lang) if r.pending else "",
        ]
        for r in rows
    ]
    out.print(format_table(headers, table))
    out.print(msg("stores_total", lang, count=len(rows)))
    return EXIT_OK


def _store_row_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "platform": r.platform,
        "name": r.name,
        "status": r.status,
        "wechat_eligibility": r.wechat_eligibility,
        "wechat_setting": r.wechat_setting,
        "alipay_setting": r.alipay_setting,
        "pending": r.pending,
        "phase": r.phase,
        "deadline_at": r.deadline_at,
    }

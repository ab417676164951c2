"""``preview``: what a shopper sees at checkout for an amount and a device."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_USAGE, Context, unknown_store
from console.cli.parser import add_verb
from console.cli.render import Out, format_table

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    from console.core.model import LEGACY_MINI_PROGRAM, Device

    p = add_verb(sub, "preview", "what a shopper sees at checkout")
    p.add_argument("store")
    p.add_argument("--amount", required=True, metavar="N", help='in yuan, e.g. 12.50 or "¥1,234.5"')
    # 0.1's "mini_program" still works: it was, and is, the Alipay mini program
    p.add_argument(
        "--device", choices=[*(d.value for d in Device), LEGACY_MINI_PROGRAM], default=Device.MOBILE_APP.value
    )
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_preview(service, args, ctx.out)


def cmd_preview(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.model import Device
    from console.core.money import AmountParseError, format_bps, format_fen, parse_fen
    from console.core.rules import Refused
    from console.words import amount_problem_text, device_name, method_name, msg, reason_text

    try:
        amount = parse_fen(args.amount, allow_zero=False)
    except AmountParseError as exc:
        return out.fail(
            "AMOUNT_INVALID",
            amount_problem_text(exc.problem, args.amount, out.lang),
            EXIT_USAGE,
            problem=exc.problem.value,
        )
    try:
        pv = service.checkout_preview(args.store, amount, Device(args.device))
    except KeyError:
        return unknown_store(out, args.store)
    except Refused as exc:
        return out.fail(exc.reason.code.value, reason_text(exc.reason, out.lang), EXIT_USAGE)
    if out.as_json:
        out.json(
            {
                "store_id": pv.store_id,
                "amount_fen": pv.amount_fen,
                "device": pv.device,
                "default": pv.default,
                "shown": [
                    {
                        "method": line.method,
                        "fee_bps": line.fee_bps,
                        "fee_fen": line.fee_fen,
                        "net_fen": line.net_fen,
                        "is_default": line.is_default,
                        "as_qr": line.as_qr,
                    }
                    for line in pv.shown
                ],
                "hidden": [{"method": h.method, "reasons": list(h.reasons)} for h in pv.hidden],
                "receive_code": pv.receive_code,
                "qr_wallets": list(pv.qr_wallets),
            }
        )
        return EXIT_OK
    lang = out.lang
    out.print(
        f"{msg('store', lang)}: {pv.store_id}    {msg('amount', lang)}: {format_fen(pv.amount_fen)}    "
        f"{msg('device', lang)}: {device_name(pv.device, lang)}"
    )
    headers = [msg(k, lang) for k in ("method", "fee", "fee_fen", "net", "default", "as_qr")]
    rows = [
        [
            method_name(line.method, lang),
            format_bps(line.fee_bps),
            format_fen(line.fee_fen),
            format_fen(line.net_fen),
            msg("yes", lang) if line.is_default else "",
            msg("yes", lang) if line.as_qr else "",
        ]
        for line in pv.shown
    ]
    out.print(format_table(headers, rows))
    for h in pv.hidden:
        why = "; ".join(reason_text(r, lang) for r in h.reasons)
        out.print(f"{msg('hidden', lang)}: {method_name(h.method, lang)} — {why}")
    if pv.qr_wallets:
        wallets = ", ".join(method_name(m, lang) for m in pv.qr_wallets)
        out.print(f"{msg('receive_code', lang)}: {pv.receive_code}  ({msg('qr_wallets', lang)}: {wallets})")
    return EXIT_OK

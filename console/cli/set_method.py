"""``set-method``: turn a payment method on or off (saved now, synced later)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_REFUSED, Context, unknown_store
from console.cli.parser import add_verb
from console.cli.render import Out, state_json

if TYPE_CHECKING:
    from console.service import ConsoleService


#: Other names merchants type for a method (the canonical names come from core's Method).
METHOD_ALIASES = {"wechat": "wechat_pay", "weixin": "wechat_pay"}


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    from console.core.model import Method

    names = sorted([m.value for m in Method] + list(METHOD_ALIASES))
    p = add_verb(sub, "set-method", "turn a payment method on or off (saved now, synced later)")
    p.add_argument("store")
    p.add_argument("method", choices=names, metavar="METHOD", help=" | ".join(m.value for m in Method))
    p.add_argument("value", choices=("on", "off"))
    p.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_set_method(service, args, ctx.out)


def cmd_set_method(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.model import Method
    from console.core.reasons import ReasonCode
    from console.words import eligibility_name, method_name, msg, on_off, reason_text

    method = Method(METHOD_ALIASES.get(args.method, args.method))
    enabled = args.value == "on"
    result = service.set_method(args.store, method, enabled, dry_run=bool(args.dry_run))
    reason = result.reason
    code = reason.code if reason is not None else None
    if code is ReasonCode.UNKNOWN_STORE:
        return unknown_store(out, args.store)
    exit_code = EXIT_OK if result.applied or code is ReasonCode.NO_CHANGE else EXIT_REFUSED
    if out.as_json:
        out.json(
            {
                "store_id": args.store,
                "method": method,
                "enabled": enabled,
                "dry_run": bool(args.dry_run),
                "applied": result.applied,
                "outcome": result.outcome,
                "outbox_id": result.outbox_id,
                "reason": reason,
                "expected_eligibility": result.expected_eligibility,
                "state": None if result.state is None else state_json(result.state),
            }
        )
        return exit_code
    lang = out.lang
    facts = {"store_id": args.store, "method": method_name(method, lang), "value": on_off(enabled, lang)}
    if code is ReasonCode.NO_CHANGE:
        out.print(msg("no_change", lang, **facts))
    elif not result.applied:
        out.error(msg("refused", lang, reason=reason_text(reason, lang), **facts))
    else:
        key = "would_apply" if args.dry_run else (result.outcome or "queued")
        out.print(msg(key, lang, **facts))
        if result.expected_eligibility is not None:
            out.print(msg("effect", lang, eligibility=eligibility_name(result.expected_eligibility, lang)))
    return exit_code

"""``show``: one store: its methods' eligibility, setting and effect, and the next step."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, Context, unknown_store
from console.cli.parser import add_verb
from console.cli.render import Out, format_table, state_json, terms_json

if TYPE_CHECKING:
    from console.service import ConsoleService


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "show", "one store: its methods' eligibility, setting and effect, and the next step")
    p.add_argument("store")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.service() as service:
        return cmd_show(service, args, ctx.out)


def cmd_show(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.money import format_bps
    from console.words import (
        eligibility_name,
        format_when,
        method_name,
        msg,
        next_step_text,
        on_off,
        platform_name,
        reason_text,
        store_status_name,
    )

    try:
        detail = service.store_detail(args.store)
    except KeyError:
        return unknown_store(out, args.store)
    store, inv = detail.store, detail.invitation
    if out.as_json:
        out.json(
            {
                "store": {
                    "id": store.id,
                    "platform": store.platform,
                    "name": store.name,
                    "category": store.category,
                    "status": store.status,
                    "receive_code": store.receive_code,
                },
                "methods": {
                    method.value: {
                        **state_json(view.state),
                        "terms": terms_json(view.terms),
                        "shown_to_shoppers": view.shown_to_shoppers,
                        "hidden_reasons": list(view.hidden_reasons),
                        "toggle_allowed": view.toggle_allowed is None,
                        "toggle_refusal": view.toggle_allowed,
                    }
                    for method, view in detail.methods.items()
                },
                "invitation": None
                if inv is None
                else {
                    "phase": inv.phase,
                    "window_opens_at": inv.window_opens_at,
                    "deadline_at": inv.deadline_at,
                    "launch_at": inv.launch_at,
                    "history": [
                        {"at": e.at, "from": e.from_state, "to": e.to_state, "note": e.note}
                        for e in inv.history
                    ],
                },
                "next_step": detail.next_step,
            }
        )
        return EXIT_OK
    lang = out.lang
    out.print(f"{store.name}  ({store.id})")
    out.print(
        f"{msg('platform', lang)}: {platform_name(store.platform, lang)}    "
        f"{msg('status', lang)}: {store_status_name(store.status, lang)}    "
        f"{msg('category', lang)}: {store.category}"
    )
    out.print(f"{msg('receive_code', lang)}: {store.receive_code or '-'}")
    out.print()
    headers = [msg(k, lang) for k in ("method", "eligibility", "setting", "shown", "fee", "why_hidden")]
    rows = []
    for method, view in detail.methods.items():
        setting = on_off(view.state.setting, lang)
        if view.state.wanted is not None:
            setting += msg("waiting_sync", lang)
        why = "; ".join(reason_text(r, lang) for r in view.hidden_reasons)
        rows.append(
            [
                method_name(method, lang),
                eligibility_name(view.state.eligibility, lang),
                setting,
                msg("yes", lang) if view.shown_to_shoppers else msg("no", lang),
                format_bps(view.terms.fee_bps) if view.terms else "-",
                why,
            ]
        )
    out.print(format_table(headers, rows))
    for method, view in detail.methods.items():
        if view.state.refused_code:
            from console.service import refusal_reason

            refusal = refusal_reason(view.state.refused_code, view.state.refused_message)
            out.print(
                f"{method_name(method, lang)}: {msg('refusal', lang, reason=reason_text(refusal, lang))}"
            )
    if inv is not None:
        out.print()
        out.print(
            f"{msg('invitation', lang)}: {msg('phase', lang)} {inv.phase}    "
            f"{msg('window', lang)}: {format_when(inv.window_opens_at)} – {format_when(inv.deadline_at)}    "
            f"{msg('launch', lang)}: {format_when(inv.launch_at)}"
        )
    out.print()
    out.print(f"{msg('next_step', lang)}: {next_step_text(detail.next_step, lang)}")
    return EXIT_OK

"""``demo``: play the rollout on the demo platform from a terminal (issue #10).

``demo events`` lists what the platform's business clock passes next; ``demo advance 7d`` /
``demo advance --to-next-event`` / ``demo advance --to EVENT`` move it (never back);
``demo review STORE approve|reject [--reason CODE]`` finishes a review; ``demo announce 0.6%``
publishes a fee change with an opinion period; ``demo offline`` / ``demo online``. Each action
that changes the platform syncs afterwards and prints the events it passed and what the sync
brought. The operations themselves are ``console.demo`` (shared with the window).

Exit codes: 0 done (and synced); 2 bad input (a duration like ``-5d`` or ``900y``, an unknown
event or store, a review not pending) or not the demo platform: nothing changed; 4 the demo
platform cannot be reached, or the sync afterwards was not complete; otherwise the sync's code.
"""

from __future__ import annotations

import argparse
import io
import json
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, Context
from console.cli.parser import add_verb
from console.cli.render import Out

if TYPE_CHECKING:
    from console.demo import DemoPlatform, Outcome


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p = add_verb(sub, "demo", "move the demo platform's clock and play the rollout (demo platform only)")
    actions = p.add_subparsers(dest="demo_action", metavar="ACTION", parser_class=type(p))
    actions.required = True
    a = add_verb(actions, "advance", "move the platform clock forward by DURATION or to an event")
    a.add_argument("duration", nargs="?", help="90m, 12h, 1d, 7d, 2w (forward only, at most 3650d)")
    a.add_argument("--to-next-event", action="store_true", help="to the next event on the calendar")
    a.add_argument(
        "--to", dest="event", metavar="EVENT", help="to the event with this id (see `demo events`)"
    )
    add_verb(actions, "events", "what the platform clock passes next")
    r = add_verb(actions, "review", "finish a store's pending WeChat Pay review now")
    r.add_argument("store_id", metavar="STORE")
    r.add_argument("outcome", choices=("approve", "reject"))
    r.add_argument("--reason", metavar="CODE", help="rejection reason code (default RISK_REVIEW)")
    n = add_verb(actions, "announce", "publish a WeChat Pay fee change with an opinion period")
    n.add_argument("fee", help="the new fee rate, e.g. 0.6%%")
    n.add_argument("--opinion-days", type=int, default=7, metavar="N", help="opinion period (default 7)")
    n.add_argument("--effective-days", type=int, default=14, metavar="N", help="in effect after N days (14)")
    add_verb(actions, "offline", "take the demo platform offline (syncs fail until `demo online`)")
    add_verb(actions, "online", "bring the demo platform back online")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.demo import DemoError

    action = str(args.demo_action)
    try:
        _check(args)
        with _open(ctx, args) as demo:
            outcome = _act(demo, action, args, ctx.out)
    except DemoError as exc:
        code = EXIT_UNREACHABLE if exc.code == "UNREACHABLE" else EXIT_USAGE
        return ctx.out.fail(exc.code, exc.text(ctx.lang), code)
    if outcome is None:  # events: a listing, nothing to sync
        return EXIT_OK
    sync_code, sync_doc, sync_text = _sync(ctx, args) if action != "offline" else (EXIT_OK, None, "")
    if ctx.out.as_json:
        ctx.out.json({"demo": outcome.as_json(), "sync": sync_doc, "exit_code": sync_code})
    else:
        ctx.out.print(_outcome_text(outcome, ctx.lang))
        if sync_text:
            ctx.out.print(sync_text.rstrip("\n"))
    return sync_code


def _check(args: argparse.Namespace) -> None:
    """Bad input is refused before any platform is started or asked."""
    from console.demo import DemoError, parse_duration

    if args.demo_action == "advance":
        chosen = [bool(args.duration), bool(args.to_next_event), bool(args.event)]
        if sum(chosen) != 1:
            raise DemoError("BAD_DURATION", text=args.duration or "")
        if args.duration:
            args.parsed_duration = parse_duration(args.duration)
    if args.demo_action == "announce":
        from console.demo import parse_fee

        parse_fee(args.fee)


class _Session:
    """The demo platform for one command: the embedded one (started with its admin API) or the
    configured local one; stopped again before the sync starts its own connection."""

    def __init__(self, ctx: Context, args: argparse.Namespace) -> None:
        self.ctx, self.args = ctx, args
        self.demo: DemoPlatform | None = None
        self.connection: Any = None

    def __enter__(self) -> DemoPlatform:
        from console.demo import DemoError, connect, is_loopback
        from console.storage.meta import MERCHANT_ID, MetaFile
        from console.wiring.config import load_config
        from console.wiring.connection import start_embedded
        from console.wiring.paths import database_path

        url = self.args.platform_url or load_config(self.ctx.data_dir).config.platform_url
        merchant_id = MetaFile(database_path(self.ctx.data_dir)).get_meta(MERCHANT_ID)
        if url is not None and not is_loopback(url):
            raise DemoError("NOT_DEMO")  # a real platform: not a single request sent
        if url is None:
            try:
                self.connection = start_embedded(self.ctx.data_dir)
            except Exception as exc:
                raise DemoError("UNREACHABLE", detail=str(exc).splitlines()[0][:200]) from None
            url, merchant_id = self.connection.url, self.connection.merchant_id or merchant_id
        try:
            self.demo = connect(url, merchant_id=merchant_id)
        except BaseException:
            self.__exit__()
            raise
        return self.demo

    def __exit__(self, *exc: object) -> None:
        if self.demo is not None:
            self.demo.close()
        if self.connection is not None:
            self.connection.close()


def _open(ctx: Context, args: argparse.Namespace) -> _Session:
    return _Session(ctx, args)


def _act(demo: DemoPlatform, action: str, args: argparse.Namespace, out: Out) -> Outcome | None:
    if action == "events":
        _print_events(demo, out)
        return None
    if action == "advance":
        if args.duration:
            return demo.advance(args.parsed_duration)
        return demo.advance_to_event(args.event)
    if action == "review":
        return demo.finish_review(args.store_id, args.outcome, args.reason)
    if action == "announce":
        return demo.announce(args.fee, opinion_days=args.opinion_days, effective_days=args.effective_days)
    return demo.set_offline(action == "offline")


def _when(value: Any, lang: str) -> str:
    from console.words.dates import format_datetime

    return format_datetime(value, lang)


def _print_events(demo: DemoPlatform, out: Out) -> None:
    from console.words.time import time_text

    now, events = demo.events()
    if out.as_json:
        out.json({"platform_time": now, "events": [e.as_json() for e in events]})
        return
    lang = out.lang
    if not events:
        out.print(time_text("upcoming_none", lang))
        return
    out.print(time_text("upcoming_header", lang, now=_when(now, lang)))
    for e in events:
        out.print(time_text("upcoming_item", lang, at=_when(e.at, lang), name=e.name(lang), id=e.id))


def _outcome_text(outcome: Outcome, lang: str) -> str:
    return outcome.describe(lang)  # one wording for the terminal and the Demo controls page


def _sync(ctx: Context, args: argparse.Namespace) -> tuple[int, dict[str, Any] | None, str]:
    """One sync pass after the action (the same as ``main.py sync``), captured for our output."""
    from console.cli.sync import run_sync_command

    sync_args = argparse.Namespace(**vars(args))
    sync_args.json = ctx.out.as_json
    sync_args.respect_backoff = False
    sync_args.timeout = 20.0
    out, err = io.StringIO(), io.StringIO()
    code = run_sync_command(sync_args, ctx.data_dir, out=out, err=err, lang=ctx.lang, clock=ctx.clock)
    if err.getvalue():
        ctx.out.error(err.getvalue().rstrip("\n"))
    if ctx.out.as_json:
        try:
            doc = json.loads(out.getvalue())
        except ValueError:
            return code, None, ""
        doc.pop("schema", None)
        return code, doc, ""
    return code, None, out.getvalue()

"""The command line: the GUI by default, the service's use cases as sub-commands.

Exit codes (stable, for scripts):

====  ==========================================================================================
0     done (also: "nothing to change", a dry run, an empty list)
1     unexpected error, or the data file cannot be used (too new, damaged): the file is untouched
2     the command line is wrong: bad usage (argparse), an unknown store or announcement id, an
      amount that cannot be read, no display for the GUI
3     refused by a rule (the message says why, in the user's language)
4, 5  ``sync`` only: platform unreachable / some changes refused (from console.sync.command)
====  ==========================================================================================

Unknown ids exit 2, not 3: nothing was refused, the caller named something that is not there.

Importing this module is cheap (argparse only): the service, sqlite-utils and Qt are imported in
the branch that needs them, so ``main.py --version`` and ``--help`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console import __version__

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3

METHOD_ALIASES = {
    "alipay": "alipay",
    "wechat_pay": "wechat_pay",
    "wechat": "wechat_pay",
    "weixin": "wechat_pay",
}
PLATFORMS = ("taobao", "tmall")
DEVICES = ("mobile_app", "pc_web", "mini_program")
ELIGIBILITIES = (
    "not_invited",
    "invited",
    "in_review",
    "approved",
    "live",
    "rejected",
    "expired",
    "withdrawn",
    "frozen",
)
COMMANDS = (
    "stores",
    "show",
    "set-method",
    "preview",
    "pending",
    "retry",
    "discard",
    "activity",
    "feedback",
    "announcements",
    "sync",
    "stub-server",
)
#: Global options that take a value (to find the command word before parsing).
_VALUE_OPTIONS = {"--data-dir", "--lang", "--platform", "--app-key", "--screenshot", "--view", "--store"}


# -- parsing ----------------------------------------------------------------------------------------
def find_command(argv: Sequence[str]) -> tuple[str | None, int]:
    """The sub-command word and its index, skipping global options and their values."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return (argv[i + 1], i + 1) if i + 1 < len(argv) else (None, -1)
        if token.startswith("-"):
            if token in _VALUE_OPTIONS:
                i += 1  # skip its value
            i += 1
            continue
        return token, i
    return None, -1


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--data-dir, --lang, --json: accepted before and after the command word.

    On sub-commands the defaults are SUPPRESS so a sub-parser never overwrites a value given
    before the command (argparse copies a sub-parser's defaults over the main namespace).
    """
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data directory (default: $MERCHANT_CONSOLE_DATA_DIR, else the per-user data dir)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "zh", "en"),
        default=default,
        help="language of messages (default: from LC_ALL / LC_MESSAGES / LANG)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="machine-readable output",
    )


def build_parser(
    *, with_sync: Callable[[argparse.ArgumentParser], None] | None = None
) -> argparse.ArgumentParser:
    """The whole command line. ``with_sync`` adds the sync engine's own options to ``sync``."""
    parser = argparse.ArgumentParser(
        prog="merchant-console",
        description="Merchant Console: WeChat Pay and Alipay for Taobao and Tmall stores. "
        "Without a command it opens the window.",
    )
    _common_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--platform",
        dest="platform_url",
        metavar="URL",
        help="platform API base URL (default: settings, else the embedded demo platform)",
    )
    parser.add_argument("--app-key", dest="app_key", metavar="KEY", help="the merchant app key")
    parser.add_argument("--screenshot", metavar="FILE", help="GUI: render offscreen, save a PNG and quit")
    parser.add_argument("--view", metavar="NAME", help="GUI: the view to open (with --screenshot)")
    parser.add_argument("--store", metavar="ID", help="GUI: the store to open (with --view store)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common_options(p, suppress=True)
        return p

    p = command("stores", "list stores, filtered")
    p.add_argument("--filter", dest="text", default="", metavar="TEXT", help="part of the name or id")
    p.add_argument("--platform", dest="store_platform", choices=PLATFORMS)
    p.add_argument("--status", choices=ELIGIBILITIES, help="WeChat Pay eligibility")
    p.add_argument("--pending", action="store_true", help="only stores with changes waiting to sync")
    p.add_argument("--limit", type=int, default=None, metavar="N")

    p = command("show", "one store: its methods' eligibility, setting and effect, and the next step")
    p.add_argument("store")

    p = command("set-method", "turn a payment method on or off (saved now, synced later)")
    p.add_argument("store")
    p.add_argument("method", choices=sorted(METHOD_ALIASES), metavar="METHOD", help="alipay | wechat_pay")
    p.add_argument("value", choices=("on", "off"))
    p.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")

    p = command("preview", "what a shopper sees at checkout")
    p.add_argument("store")
    p.add_argument("--amount", required=True, metavar="N", help='in yuan, e.g. 12.50 or "¥1,234.5"')
    p.add_argument("--device", choices=DEVICES, default="mobile_app")

    command("pending", "changes waiting to sync, and refused ones")

    p = command("retry", "queue a refused change again (after fixing its cause)")
    p.add_argument("change", help="its id from `pending` (a unique prefix is enough)")
    p = command("discard", "drop a waiting or refused change; the platform's value shows again")
    p.add_argument("change", help="its id from `pending` (a unique prefix is enough)")

    p = command("activity", "the audit log, newest first")
    p.add_argument("--store", default=None)
    p.add_argument("--limit", type=int, default=50, metavar="N")

    p = command("feedback", "send feedback on an announcement during its opinion period")
    p.add_argument("announcement")
    p.add_argument("text")

    command("announcements", "rule-change announcements and their opinion periods")

    p = command("sync", "send waiting changes and fetch the platform's news")
    if with_sync is not None:
        with_sync(p)

    sub.add_parser(
        "stub-server", help="run the stub platform server (its own options follow)", add_help=False
    )
    return parser


# -- output helpers -----------------------------------------------------------------------------------
def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns that stay aligned with Chinese text."""
    widths = [_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    return "\n".join(out)


def _fields(obj: Any) -> dict[str, Any]:
    """A result dataclass as a flat dict for --json (to_jsonable words the values)."""
    from dataclasses import fields

    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def to_jsonable(value: Any, lang: str) -> Any:
    """Model values as JSON: datetimes ISO 'Z', enums by wire value, reasons with a sentence."""
    from console.core.model import LocalizedText
    from console.core.reasons import Reason
    from console.core.timeutil import format_ts
    from console.words import reason_text

    if isinstance(value, Reason):
        return {
            "code": value.code.value,
            "params": to_jsonable(value.params, lang),
            "message": reason_text(value, lang),
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_ts(value)
    if isinstance(value, LocalizedText):
        return {"zh": value.zh, "en": value.en}
    if isinstance(value, Mapping):
        return {str(to_jsonable(k, lang)): to_jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v, lang) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(to_jsonable(v, lang) for v in value)
    return value


@dataclass
class Out:
    """Where a command writes: stdout/stderr, the language and the format."""

    lang: str
    as_json: bool
    stdout: Any = None
    stderr: Any = None

    def print(self, text: str = "") -> None:
        print(text, file=self.stdout or sys.stdout)

    def error(self, text: str) -> None:
        print(text, file=self.stderr or sys.stderr)

    def json(self, value: Any) -> None:
        print(
            json.dumps(to_jsonable(value, self.lang), ensure_ascii=False, indent=2),
            file=self.stdout or sys.stdout,
        )

    def fail(self, code: str, message: str, exit_code: int, **extra: Any) -> int:
        """An error as one line on stderr, or as {"error": ...} on stdout with --json."""
        if self.as_json:
            self.json({"error": {"code": code, "message": message, **extra}})
        else:
            self.error(message)
        return exit_code


# -- entry point --------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None, *, environ: Mapping[str, str] | None = None) -> int:
    """Run the command line; returns the exit code (never calls sys.exit except via argparse)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    env = os.environ if environ is None else environ
    command, index = find_command(args_list)
    if command == "stub-server":
        return _run_stub_server(args_list[index + 1 :], env)
    with_sync = None
    sync_module: Any = None
    if command == "sync":
        try:
            sync_module = importlib.import_module("console.sync.command")
        except ImportError as exc:
            from console.words import detect_lang, msg

            lang = detect_lang(_peek_lang(args_list), env)
            print(msg("sync_missing", lang, error=exc), file=sys.stderr)
            return EXIT_ERROR
        with_sync = sync_module.add_sync_arguments
    parser = build_parser(with_sync=with_sync)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help/--version (0) or bad usage (2)
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    from console.words import detect_lang

    lang = detect_lang(args.lang, env)
    if args.lang:
        args.lang = lang  # "zh" -> "zh_CN"; when not given the GUI falls back to its settings
    if args.command is None:
        return _run_gui(args, env, lang)
    out = Out(lang=lang, as_json=bool(args.json))
    from console.paths import data_dir

    directory = data_dir(args.data_dir, env)
    if args.command == "sync":
        return int(sync_module.run_sync_command(args, directory))
    return run_command(args, directory, out)


def _peek_lang(argv: Sequence[str]) -> str | None:
    for i, token in enumerate(argv):
        if token == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
    return None


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Can Qt open a window here? Only X11/Wayland systems can lack one (Qt then aborts)."""
    if environ.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def _run_gui(args: argparse.Namespace, env: Mapping[str, str], lang: str) -> int:
    from console.words import NO_DISPLAY, msg

    if not args.screenshot and not has_display(env):
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_USAGE
    try:
        from console.ui.app import run_gui
    except ImportError as exc:
        print(msg("gui_missing", lang, error=exc), file=sys.stderr)
        return EXIT_ERROR
    return int(run_gui(args) or 0)


def _run_stub_server(argv: Sequence[str], env: Mapping[str, str]) -> int:
    try:
        from console.platform.stub.__main__ import main as stub_main
    except ImportError as exc:
        from console.words import detect_lang, msg

        print(msg("stub_missing", detect_lang(None, env), error=exc), file=sys.stderr)
        return EXIT_ERROR
    return int(stub_main(list(argv)) or 0)


def run_command(args: argparse.Namespace, directory: Path, out: Out) -> int:
    """Open the database and run one read or change command; storage errors end here."""
    from console.paths import database_path
    from console.service import ConsoleService
    from console.storage.db import DatabaseBusy, DatabaseDamaged, DatabaseTooNew, open_database
    from console.words import msg

    path = database_path(directory)
    try:
        db = open_database(path)
    except DatabaseTooNew as exc:
        return out.fail(
            "DATABASE_TOO_NEW",
            msg("db_too_new", out.lang, path=exc.path, found=exc.found, supported=exc.supported),
            EXIT_ERROR,
        )
    except DatabaseBusy as exc:
        return out.fail("DATABASE_BUSY", msg("db_busy", out.lang, path=exc.path), EXIT_ERROR)
    except DatabaseDamaged as exc:
        return out.fail(
            "DATABASE_DAMAGED", msg("db_damaged", out.lang, path=exc.path, detail=exc.detail), EXIT_ERROR
        )
    except OSError as exc:
        return out.fail("STORAGE_ERROR", msg("storage_error", out.lang, error=exc), EXIT_ERROR)
    try:
        service = ConsoleService(db)
        handler = _HANDLERS[args.command]
        return handler(service, args, out)
    except sqlite3.DatabaseError as exc:  # a file that opened but breaks on reading (truncated ...)
        return out.fail("DATABASE_DAMAGED", msg("db_damaged", out.lang, path=path, detail=exc), EXIT_ERROR)
    finally:
        db.conn.close()


# -- commands -----------------------------------------------------------------------------------------
if TYPE_CHECKING:
    from console.service import ConsoleService

Handler = Callable[["ConsoleService", argparse.Namespace, Out], int]


def _unknown_store(out: Out, store_id: str) -> int:
    from console.words import msg

    return out.fail(
        "UNKNOWN_STORE", msg("unknown_store", out.lang, store_id=store_id), EXIT_USAGE, store_id=store_id
    )


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


def _state_json(state: Any) -> dict[str, Any]:
    return {
        "eligibility": state.eligibility,
        "enabled": state.enabled,
        "wanted": state.wanted,
        "setting": state.setting,
        "sync_state": state.sync_state,
        "reason_code": state.reason_code,
        "reason_text": state.reason_text,
        "launch_at": state.launch_at,
        "refused_code": state.refused_code,
        "refused_message": state.refused_message,
    }


def _terms_json(terms: Any) -> dict[str, Any] | None:
    if terms is None:
        return None
    return {
        "fee_bps": terms.fee_bps,
        "max_amount_fen": terms.max_amount_fen,
        "devices": sorted(d.value for d in terms.devices),
        "display_order": terms.display_order,
    }


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
        return _unknown_store(out, args.store)
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
                        **_state_json(view.state),
                        "terms": _terms_json(view.terms),
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


def cmd_set_method(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.model import Method
    from console.core.reasons import ReasonCode
    from console.words import eligibility_name, method_name, msg, on_off, reason_text

    method = Method(METHOD_ALIASES[args.method])
    enabled = args.value == "on"
    result = service.set_method(args.store, method, enabled, dry_run=bool(args.dry_run))
    reason = result.reason
    code = reason.code if reason is not None else None
    if code is ReasonCode.UNKNOWN_STORE:
        return _unknown_store(out, args.store)
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
                "state": None if result.state is None else _state_json(result.state),
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
        return _unknown_store(out, args.store)
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


def cmd_pending(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.words import format_when, method_name, msg, on_off, outbox_status_name, reason_text

    changes = service.pending_changes()
    if out.as_json:
        out.json(
            {
                "count": len(changes),
                "pending": [_fields(c) for c in changes],
            }
        )
        return EXIT_OK
    lang = out.lang
    if not changes:
        out.print(msg("no_pending", lang))
        return EXIT_OK
    headers = [msg(k, lang) for k in ("id", "when", "store", "change", "status", "attempts", "note")]
    rows = []
    for c in changes:
        if c.kind == "set_method" and c.method is not None:
            what = f"{method_name(c.method, lang)} → {on_off(c.enabled, lang)}"
        else:
            what = f"{msg('feedback', lang)} {c.announcement_id}"
        note = reason_text(c.refusal, lang) if c.refusal else (c.last_error or "")
        rows.append(
            [
                c.id[:8],
                format_when(c.created_at),
                c.store_id or "-",
                what,
                outbox_status_name(c.status, lang),
                str(c.attempts),
                note,
            ]
        )
    out.print(format_table(headers, rows))
    return EXIT_OK


def cmd_activity(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.service import ActivityFilter
    from console.words import activity_words, format_when, method_name, msg, on_off

    entries = service.activity(ActivityFilter(store_id=args.store, limit=max(1, args.limit)))
    if out.as_json:
        out.json(
            {
                "count": len(entries),
                "activity": [_fields(e) for e in entries],
            }
        )
        return EXIT_OK
    lang = out.lang
    if not entries:
        out.print(msg("no_activity", lang))
        return EXIT_OK
    headers = [msg(k, lang) for k in ("when", "actor", "action", "store", "method", "result", "note")]
    rows = []
    for e in entries:
        who, what, outcome = activity_words(e.actor, e.action, e.result, lang)
        enabled = e.detail.get("enabled")
        if e.action == "set_method" and isinstance(enabled, bool):
            what = f"{what} → {on_off(enabled, lang)}"
        rows.append(
            [
                format_when(e.at),
                who,
                what,
                e.store_id or "-",
                method_name(e.method, lang) if e.method else "-",
                outcome,
                _activity_note(e.detail, lang),
            ]
        )
    out.print(format_table(headers, rows))
    return EXIT_OK


def _activity_note(detail: dict[str, Any], lang: str) -> str:
    """The facts of an audit row worth a merchant's eye, in words (the JSON stays in --json)."""
    from console.core.reasons import Reason, ReasonCode
    from console.words import eligibility_name, msg, reason_text

    parts: list[str] = []
    code, message = detail.get("code"), detail.get("message")
    if isinstance(code, str) and code in ReasonCode.__members__:
        parts.append(reason_text(Reason(ReasonCode(code), {"message": message} if message else {}), lang))
    elif code or message:
        parts.append(reason_text(Reason(ReasonCode.PLATFORM_REFUSED, {"message": message or code}), lang))
    if isinstance(detail.get("pulled"), int):
        parts.append(msg("note_updates", lang, count=detail["pulled"]))
    if isinstance(detail.get("eligibility"), str):
        status = eligibility_name(detail["eligibility"], lang)
        parts.append(msg("note_platform_status", lang, eligibility=status))
    if detail.get("replayed"):
        parts.append(msg("note_replayed", lang))
    return " · ".join(parts)


def cmd_feedback(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.core.reasons import ReasonCode
    from console.words import msg, reason_text

    result = service.send_feedback(args.announcement, args.text)
    if result.reason is not None and result.reason.code is ReasonCode.UNKNOWN_ANNOUNCEMENT:
        text = msg("unknown_announcement", out.lang, announcement_id=args.announcement)
        return out.fail("UNKNOWN_ANNOUNCEMENT", text, EXIT_USAGE, announcement_id=args.announcement)
    exit_code = EXIT_OK if result.applied else EXIT_REFUSED
    if out.as_json:
        out.json(
            {
                "announcement_id": args.announcement,
                "applied": result.applied,
                "outbox_id": result.outbox_id,
                "reason": result.reason,
            }
        )
    elif result.applied:
        out.print(msg("feedback_queued", out.lang))
    else:
        out.error(msg("feedback_refused", out.lang, reason=reason_text(result.reason, out.lang)))
    return exit_code


def cmd_announcements(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    from console.words import format_when, msg

    now = service.now()
    items = service.announcements()

    def opinion_state(a: Any) -> str:
        if now < a.opinion_opens_at:
            return "not_yet"
        return "open_now" if a.opinion_open(now) else "closed"

    if out.as_json:
        out.json(
            {
                "count": len(items),
                "announcements": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "body": a.body,
                        "published_at": a.published_at,
                        "opinion_opens_at": a.opinion_opens_at,
                        "opinion_closes_at": a.opinion_closes_at,
                        "effective_at": a.effective_at,
                        "opinion": opinion_state(a),
                        "opinion_open": a.opinion_open(now),
                        "meets_notice_period": a.meets_notice_period,
                        "affects_platforms": a.affects_platforms,
                        "affects_methods": a.affects_methods,
                        "read": a.read,
                        "feedback": [
                            {
                                "id": f.id,
                                "text": f.text,
                                "created_at": f.created_at,
                                "sync_state": f.sync_state,
                            }
                            for f in a.feedback
                        ],
                    }
                    for a in items
                ],
            }
        )
        return EXIT_OK
    lang = out.lang
    if not items:
        out.print(msg("no_announcements", lang))
        return EXIT_OK
    headers = [msg(k, lang) for k in ("id", "title", "opinion", "effective", "feedback", "note")]
    rows = [
        [
            a.id,
            a.title.get(lang),
            f"{format_when(a.opinion_opens_at)} – {format_when(a.opinion_closes_at)} "
            f"({msg(opinion_state(a), lang)})",
            format_when(a.effective_at),
            str(len(a.feedback)),
            "" if a.meets_notice_period else msg("short_notice", lang),
        ]
        for a in items
    ]
    out.print(format_table(headers, rows))
    return EXIT_OK


def _change_id(service: ConsoleService, given: str) -> str | None:
    """The full id of a pending change from an id or a unique prefix of one."""
    ids = [c.id for c in service.pending_changes()]
    if given in ids:
        return given
    matches = [i for i in ids if i.startswith(given)] if len(given) >= 4 else []
    return matches[0] if len(matches) == 1 else None


def _settle(service: ConsoleService, args: argparse.Namespace, out: Out, operation: str) -> int:
    from console.storage.repo import OutboxStateError
    from console.words import msg, reason_text

    change = _change_id(service, args.change)
    if change is None:
        return out.fail("UNKNOWN_CHANGE", msg("unknown_change", out.lang, change=args.change), EXIT_USAGE)
    try:
        result = service.retry_change(change) if operation == "retry" else service.discard_change(change)
    except OutboxStateError as exc:
        text = msg("change_not_settleable", out.lang, change=change[:8], status=exc.status)
        return out.fail("CHANGE_STATE", text, EXIT_USAGE)
    if out.as_json:
        out.json({"change": change, "operation": operation, "applied": result.applied,
                  "outbox_id": result.outbox_id, "reason": result.reason})
        return EXIT_OK if result.applied else EXIT_REFUSED
    if not result.applied:
        out.error(msg("refusal", out.lang, reason=reason_text(result.reason, out.lang)))
        return EXIT_REFUSED
    out.print(msg(f"{operation}_done", out.lang, change=change[:8]))
    return EXIT_OK


def cmd_retry(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    return _settle(service, args, out, "retry")


def cmd_discard(service: ConsoleService, args: argparse.Namespace, out: Out) -> int:
    return _settle(service, args, out, "discard")


_HANDLERS: dict[str, Handler] = {
    "stores": cmd_stores,
    "show": cmd_show,
    "set-method": cmd_set_method,
    "preview": cmd_preview,
    "pending": cmd_pending,
    "retry": cmd_retry,
    "discard": cmd_discard,
    "activity": cmd_activity,
    "feedback": cmd_feedback,
    "announcements": cmd_announcements,
}

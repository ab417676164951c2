'''The command line: the window by default, the service's use cases as sub-commands.

Adding a verb
=============

One module per verb in this package, listed once in ``VERBS`` below. A verb module exposes::

    def register(sub, root) -> None:
        """Add its sub-parser(s) with ``parser.add_verb(sub, name, help)`` and
        ``set_defaults(run=...)``. ``root`` is the top-level parser (only ``gui`` uses it)."""

    def run(ctx: Context, args: argparse.Namespace) -> int:
        """Do it; return an exit code. ``ctx.out`` prints tables / JSON (render.py),
        ``ctx.service()`` opens the database, ``check`` validates arguments."""

Import only argparse and this package at module level: every verb module is imported to build
the parser, so ``main.py --version`` / ``--help`` stay cheap; the service, sqlite-utils, httpx
and Qt are imported inside ``run``. A module may register several verbs (``pending`` also
registers ``retry`` and ``discard``), each with its own ``run`` default.

Errors end at the edge (``main``): ``UsageError`` → exit 2; a storage fault, classified once by
``console.storage.errors.classify`` and worded once in ``console.words.errors``; anything else
is logged with its traceback to ``<data>/logs/console.log`` and the merchant reads one sentence
naming that file (exit 1). No traceback reaches a terminal.

Exit codes (stable, for scripts)
================================

====  ==========================================================================================
0     done (also: "nothing to change", a dry run, an empty list, a synced pass)
1     unexpected error (logged), or the data file cannot be used (full disk, read-only folder,
      in use, I/O error, too new, damaged): what was saved is kept
2     the command line is wrong: bad usage, an unknown store / announcement / change id, an
      amount that cannot be read, an out-of-range ``--limit``, a too-long ``--filter``, a
      malformed ``--platform`` address (no network tried), no platform or secret for ``sync``,
      no display for the window
3     refused by a rule (the message says why, in the user's language)
4     ``sync``/``status``: not (fully) synced — platform unreachable (the demo platform stopped),
      failing, rate limiting or answering something we cannot trust; the changes are kept
5     ``sync``/``status``: changes were refused by the platform (reasons printed)
6     ``sync``/``status``: the platform refused our credentials (app key or secret)
7     ``reconcile``: some settlement does not match its payments (each difference is printed)
8     ``sync``/``status``: the platform refused this computer's clock (the offset is said)
====  ==========================================================================================

JSON (``--json``)
=================

Every document has ``"schema": 1`` and ISO 8601 UTC timestamps ending in ``Z``. Errors, usage
errors included, are ``{"schema": 1, "error": {"code": ..., "message": ...}}`` on **stdout**
(one stream for scripts), with the exit code above. ``code`` is ``usage``, ``bad_address``,
``DATABASE_<PROBLEM>`` (``FULL``, ``READ_ONLY``, ``BUSY``, ``IO``, ``DAMAGED``, ``TOO_NEW``,
``CANNOT_OPEN``), ``unexpected``, or a domain code such as ``UNKNOWN_STORE``.
'''

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TextIO

from console.cli.common import EXIT_ERROR, EXIT_USAGE, Context, UsageError
from console.cli.render import Out

#: The verb modules, in ``--help`` order (a new verb: one module, one line here).
VERBS = (
    "stores",
    "show",
    "set_method",
    "bulk",
    "preview",
    "pending",
    "activity",
    "feedback",
    "announcements",
    "news",
    "sales",
    "settlements",
    "reconcile",
    "export",
    "sync",
    "status",
    "demo",
    "stub_server",
    "gui",
)


def verb_modules() -> list[ModuleType]:
    return [importlib.import_module(f"console.cli.{name}") for name in VERBS]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (also what the window parses its options with)."""
    from console.cli.parser import build_parser as build

    return build(verb_modules())


def _parse(args_list: list[str]) -> argparse.Namespace:
    """Opening the window (no command) needs only the window's options: importing and building
    every verb's sub-parser was ~15 % of the time to the window's first paint (issue #14).
    Anything the window's parser does not take (a command, --help, a typo) gets the whole tree."""
    from console.cli.parser import build_parser as build

    if not {"-h", "--help", "--version"} & set(args_list):
        try:
            return build([importlib.import_module("console.cli.gui")]).parse_args(args_list)
        except UsageError:
            pass
    return build_parser().parse_args(args_list)


def _wants_json(argv: Sequence[str]) -> bool:
    """--json asked for, even when the rest of the line does not parse (to word the error)."""
    words = list(argv)
    if "--" in words:
        words = words[: words.index("--")]
    return "--json" in words


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    clock: Callable[[], datetime] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code (never raises, never calls sys.exit)."""
    import os

    args_list = list(sys.argv[1:] if argv is None else argv)
    env = os.environ if environ is None else environ
    try:
        args = _parse(args_list)
    except SystemExit as exc:  # --help / --version: answered before anything heavy is imported
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except UsageError as exc:
        from console.words.lang import detect_lang

        out = Out(detect_lang(None, env), _wants_json(args_list), stdout, stderr)
        if not out.as_json:
            out.error(exc.extra.get("usage", ""))
        return out.fail(exc.code, exc.message, EXIT_USAGE, **exc.extra)
    from console.words.lang import detect_lang

    given_lang = args.lang if args.lang != "system" else None
    lang = detect_lang(given_lang, env)
    args.lang = lang if given_lang else None  # None: the window's own setting decides
    out = Out(lang, bool(args.json), stdout, stderr)
    directory: Path | None = None
    try:
        from console.cli import check
        from console.wiring.paths import data_dir

        args.platform_url = check.platform_url(args.platform_url, lang)
        directory = data_dir(args.data_dir, env)
        run: Callable[[Context, argparse.Namespace], int] = args.run
        return int(run(Context(out, directory, env, clock), args))
    except UsageError as exc:
        return out.fail(exc.code, exc.message, EXIT_USAGE, **exc.extra)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the edge: nothing below may show a traceback to a merchant
        return fail_by_blame(exc, out, directory)


def fail_by_blame(exc: BaseException, out: Out, directory: Path | None) -> int:
    """A storage fault in its own words; anything else logged, and one sentence with the log."""
    from console.storage.errors import StorageProblem, classify
    from console.wiring.paths import database_path

    problem = classify(exc, database_path(directory) if directory else None)
    if problem is not None:
        from console.words.errors import storage_text

        path = problem.path or (database_path(directory) if directory else "")
        if problem.problem is StorageProblem.READ_ONLY and directory is not None:
            path = directory
        text = storage_text(problem.problem, out.lang, path=path, detail=problem.detail)
        code = EXIT_USAGE if problem.problem is StorageProblem.INPUT else EXIT_ERROR
        code_name = f"DATABASE_{problem.problem.value.upper()}"
        return out.fail(code_name, text, code, problem=problem.problem.value)
    from console.wiring.logfile import record_crash
    from console.words.errors import unexpected_text

    log_file = record_crash(exc, directory)
    return out.fail("unexpected", unexpected_text(out.lang, log_file), EXIT_ERROR)

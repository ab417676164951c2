"""``stub-server``: run the stub platform server; every following word is its own option."""

from __future__ import annotations

import argparse
from typing import Any

from console.cli.common import EXIT_ERROR, Context
from console.cli.parser import CliParser


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    p: CliParser = sub.add_parser(
        "stub-server", help="run the stub platform server (its own options follow)", add_help=False
    )
    p.pass_through = True  # ``--port``, ``--help`` … belong to the stub's own parser
    p.set_defaults(run=run, rest=[])


def run(ctx: Context, args: argparse.Namespace) -> int:
    try:
        from console.platform.stub.__main__ import main as stub_main
    except ImportError as exc:
        from console.words import msg

        ctx.out.error(msg("stub_missing", ctx.lang, error=exc))
        return EXIT_ERROR
    return int(stub_main(list(args.rest)) or 0)

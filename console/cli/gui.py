"""The window: what runs without a command (or with ``gui``), and its few options.

The options are on the top-level parser too, so ``main.py --screenshot FILE`` keeps working;
the window reads the same namespace (console/ui/app.py parses nothing itself).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from console.cli.common import EXIT_ERROR, EXIT_USAGE, Context
from console.cli.parser import add_verb

VIEWS = ("stores", "store", "checkout", "announcements", "activity", "pending", "settings")


def _options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--screenshot", metavar="FILE", default=default, help="window: render offscreen, save a PNG and quit"
    )
    parser.add_argument(
        "--view", metavar="NAME", default=default, help=f"window: the page to open ({', '.join(VIEWS)})"
    )
    parser.add_argument("--store", metavar="ID", default=default, help="window: the store to select")


def register(sub: Any, root: argparse.ArgumentParser) -> None:
    _options(root, suppress=False)
    root.set_defaults(run=run)
    _options(add_verb(sub, "gui", "open the window (the default without a command)"), suppress=True)


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Can Qt open a window here? Only X11/Wayland systems can lack one (Qt then aborts)."""
    if environ.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def run(ctx: Context, args: argparse.Namespace) -> int:
    from console.words.messages import NO_DISPLAY, msg

    if not args.screenshot and not has_display(ctx.environ):
        ctx.out.error(NO_DISPLAY)
        return EXIT_USAGE
    try:
        from console.ui.app import run_gui
    except ImportError as exc:
        ctx.out.error(msg("gui_missing", ctx.lang, error=exc))
        return EXIT_ERROR
    return int(run_gui(args) or 0)

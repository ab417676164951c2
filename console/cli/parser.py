"""The one argparse tree: global options, then one sub-parser per verb module.

Options every face shares (``--data-dir``, ``--lang``, ``--json``) are accepted before and after
the verb. ``CliParser.error`` raises ``UsageError`` instead of printing and exiting, so
``cli.main`` can say it as JSON under ``--json``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn

from console import __version__
from console.cli.common import UsageError


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are exceptions; ``pass_through`` hands the rest on.

    A ``pass_through`` sub-parser (``stub-server``) keeps every following word, ``--help``
    included, for the program it starts: its own parser owns those options.
    """

    pass_through = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.pass_through:
            parsed, _ = super().parse_known_args([], namespace)  # its defaults (``run``)
            assert parsed is not None
            parsed.rest = list(args or [])
            return parsed, []
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        raise UsageError("usage", f"{self.prog}: error: {message}", usage=self.format_usage().strip())


def common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--data-dir, --lang, --json: accepted before and after the command word.

    On sub-commands the defaults are SUPPRESS so a sub-parser never overwrites a value given
    before the command (argparse copies a sub-parser's defaults over the main namespace).
    """
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder (default: $MERCHANT_CONSOLE_DATA_DIR, else the folder chosen in "
        "Settings, else the per-user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "zh", "en", "system"),
        default=default,
        help="language of messages (default: from LC_ALL / LC_MESSAGES / LANG)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="machine-readable output (errors too, on stdout)",
    )


def build_parser(verbs: Sequence[ModuleType]) -> CliParser:
    """The whole command line: global options, then each verb module's ``register``."""
    parser = CliParser(
        prog="merchant-console",
        description="Merchant Console: WeChat Pay and Alipay for Taobao and Tmall stores. "
        "Without a command it opens the window.",
    )
    common_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--platform",
        dest="platform_url",
        metavar="URL",
        help="platform API base URL, http(s)://host[:port] (default: settings, else the demo platform)",
    )
    parser.add_argument("--app-key", dest="app_key", metavar="KEY", help="the merchant app key")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    for verb in verbs:
        verb.register(sub, parser)
    return parser


def add_verb(sub: Any, name: str, help_text: str, **kwargs: Any) -> CliParser:
    """A sub-parser with the shared options (what a verb module's ``register`` calls)."""
    p: CliParser = sub.add_parser(name, help=help_text, description=help_text, **kwargs)
    common_options(p, suppress=True)
    return p

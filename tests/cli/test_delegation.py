"""The window, sync and the stub server reached through the one parser."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from console import cli
from console.cli.gui import has_display
from tests.cli.conftest import Run, fake_module


# -- delegation: GUI, sync, stub server ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
        ({}, "freebsd14", False),
    ],
)
def test_has_display(env: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(env, platform) is expected


def test_gui_without_display_says_so(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert run(env={}) == 2
    assert run.err == cli_no_display() + "\n"


def cli_no_display() -> str:
    from console.words import NO_DISPLAY

    assert NO_DISPLAY == (
        "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check "
        "(see README)."
    )
    return NO_DISPLAY


def test_gui_gets_the_parsed_arguments(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Any] = []
    fake_module(monkeypatch, "console.ui.app", run_gui=lambda args: seen.append(args) or 7)
    shot = str(tmp_path / "shot.png")
    assert run("--screenshot", shot, "--lang", "zh", "--view", "checkout", env={}) == 7
    (args,) = seen
    assert (args.screenshot, args.view, args.lang, args.command) == (shot, "checkout", "zh_CN", None)
    assert args.data_dir == str(run.data_dir)
    assert run(env={"DISPLAY": ":0"}) == 7 and seen[1].lang is None  # the GUI's own settings decide


def test_sync_gets_the_global_and_its_own_options(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    def fake(args: Any, data_dir: Path, **kw: Any) -> int:
        seen.append((args, data_dir))
        return 4

    monkeypatch.setattr("console.cli.sync.run_sync_command", fake)
    assert run("--platform", "http://127.0.0.1:9", "--app-key", "k", "sync", "--respect-backoff") == 4
    ((args, directory),) = seen
    assert directory == run.data_dir
    assert (args.platform_url, args.app_key, args.respect_backoff, args.json) == (
        "http://127.0.0.1:9",
        "k",
        True,
        False,
    )


def test_sync_missing_is_a_clear_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "console.sync.engine", None)  # import fails
    assert run("sync", env={"LANG": "zh_CN.UTF-8"}) == 1
    assert "此版本没有同步功能" in run.err


def test_stub_server_gets_the_rest_of_the_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    fake_module(monkeypatch, "console.platform.stub.__main__", main=lambda argv: seen.append(argv) or 0)
    assert run("stub-server", "--port", "0", "--seed", "demo", "--help") == 0
    assert seen == [["--port", "0", "--seed", "demo", "--help"]]


def test_version_and_help(run: Run) -> None:
    assert run("--version", data_dir=False) == 0 and run.out.strip() == "merchant-console 0.1.0"
    assert run("--help", data_dir=False) == 0 and "set-method" in run.out


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["stores"], "stores"),
        (["--data-dir", "stores", "show", "x"], "show"),
        (["--json", "--lang", "en", "sync"], "sync"),
        (["--lang=en", "stub-server", "--port", "1"], "stub-server"),
        (["--json"], None),
    ],
)
def test_the_one_parser_finds_the_command(argv: list[str], command: str | None) -> None:
    assert cli.build_parser().parse_args(argv).command == command

"""The embedded demo platform comes back by itself when it dies, with backoff, and says when it
cannot (so the status bar can tell the merchant that restarting the app is the way forward).

The backoff is driven by an injected monotonic clock: no test waits for it.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import httpx

from console.platform.stub.embedded import EmbeddedPlatform, Health


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_killed_demo_platform_is_restarted_at_the_same_address(tmp_path: Path) -> None:
    ticks = Ticks()
    platform = EmbeddedPlatform(tmp_path, seed="demo", monotonic=ticks, restart_backoff_s=(0.0, 5.0))
    with platform:
        url, creds = platform.url, platform.credentials
        assert platform.keep_alive() is Health.RUNNING
        pid = platform.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        platform._proc.wait(10)  # type: ignore[union-attr]  # reaped: it is dead now
        assert not platform.is_running()
        assert platform.keep_alive() is Health.RESTARTED
        assert platform.url == url and platform.credentials == creds and platform.pid != pid
        assert httpx.get(f"{url}/v1/health", timeout=5).status_code == 200
    assert platform.keep_alive() is Health.STOPPED  # stopped on purpose: never brought back


def test_a_demo_platform_that_cannot_start_is_retried_with_backoff_then_given_up(tmp_path: Path) -> None:
    ticks = Ticks()
    marker = tmp_path / "broken"
    # starts once (a real stub), then every restart runs a command that exits at once
    platform = EmbeddedPlatform(
        tmp_path / "data", seed="demo", monotonic=ticks, restart_backoff_s=(0.0, 2.0, 4.0), max_restarts=3
    )
    platform.start()
    try:
        platform.command = [sys.executable, "-c", f"open({str(marker)!r}, 'a').write('x')"]
        pid = platform.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        platform._proc.wait(10)  # type: ignore[union-attr]
        assert platform.keep_alive() is Health.WAITING  # first attempt failed
        assert marker.read_text() == "x"
        assert platform.keep_alive() is Health.WAITING  # 2 s not passed: no attempt
        assert marker.read_text() == "x"
        ticks.now += 2.0
        assert platform.keep_alive() is Health.WAITING
        assert marker.read_text() == "xx"
        ticks.now += 3.9
        assert platform.keep_alive() is Health.WAITING and marker.read_text() == "xx"
        ticks.now += 0.1
        assert platform.keep_alive() is Health.GAVE_UP and marker.read_text() == "xxx"
        assert platform.gave_up and platform.last_error
        ticks.now += 1000
        assert platform.keep_alive() is Health.GAVE_UP and marker.read_text() == "xxx"
    finally:
        platform.stop()

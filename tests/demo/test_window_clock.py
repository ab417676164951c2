"""The window runs on the platform's clock (issue #10): after a sync pass, "now" in the window is
the demo platform's business time, even when that is weeks ahead of this PC; it survives a
restart, and the status bar's facts say how old it is and how wrong this PC's clock is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from console.core.clock import PlatformClock
from console.ui.app import build_context
from console.ui.context import UiContext
from console.ui.sync_worker import PlatformChoice, SyncWorker
from tests.sync.stubproc import StubProcess


def _context(qapp: Any, data_dir: Path) -> UiContext:
    return build_context(qapp, data_dir, "en")  # no clock given: the app's own


@pytest.fixture
def window_ctx(qapp: Any, tmp_path: Path) -> Iterator[UiContext]:
    ctx = _context(qapp, tmp_path / "console")
    yield ctx
    ctx.tasks.shutdown()


def _sync_once(qtbot: Any, ctx: UiContext, stub: StubProcess) -> SyncWorker:
    demo = stub.demo
    assert demo is not None
    worker = SyncWorker(ctx, choice=PlatformChoice(stub.url, demo.app_key, demo.app_secret))
    with qtbot.waitSignal(worker.report_ready, timeout=30000) as blocker:
        worker.start()
    assert blocker.args[0].ok, blocker.args[0].error_detail
    return worker


def test_the_window_learns_the_platform_time(
    qtbot: Any, window_ctx: UiContext, demo_stub: StubProcess
) -> None:
    assert isinstance(window_ctx.clock, PlatformClock)
    assert window_ctx.time_facts().age is None  # nothing learned yet: the PC's clock
    demo_stub.advance(30 * 86400)
    worker = _sync_once(qtbot, window_ctx, demo_stub)
    try:
        platform_now = demo_stub.clock()
        facts = window_ctx.time_facts()
        assert abs(facts.now - platform_now) < timedelta(minutes=2)
        assert facts.age is not None and facts.age < timedelta(minutes=2)
        assert facts.clock_offset_s == 0.0  # this PC's clock is right
        # the service (the window's deadlines, countdowns) reads the same clock
        assert abs(window_ctx.service.now() - platform_now) < timedelta(minutes=2)
    finally:
        worker.shutdown()
        window_ctx.tasks.shutdown()
        worker.close()


def test_platform_time_survives_a_restart(
    qapp: Any, qtbot: Any, tmp_path: Path, demo_stub: StubProcess
) -> None:
    first = _context(qapp, tmp_path / "console")
    demo_stub.advance(10 * 86400)
    worker = _sync_once(qtbot, first, demo_stub)
    worker.shutdown()
    first.tasks.shutdown()
    worker.close()

    again = _context(qapp, tmp_path / "console")  # the platform is not running any more
    try:
        assert abs(again.clock() - demo_stub.clock()) < timedelta(minutes=2)
        age = again.time_facts().age
        assert age is not None and age < timedelta(minutes=2)
    finally:
        again.tasks.shutdown()

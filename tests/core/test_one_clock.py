"""One clock in the app: ``console/core/clock.py`` is the only module that reads the wall clock,
and the app's "now" follows the platform's business time, carried by the monotonic clock."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.core.clock import ENV_NOW, META_KEY, PlatformClock, system_now

ROOT = Path(__file__).resolve().parents[2]
#: Who may read the wall clock: the app's clock, and the stub (the platform has its own clocks).
ALLOWED = ("console/core/clock.py", "console/platform/stub/")
WALL_READS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}


def _wall_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in WALL_READS
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.value.id}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_wall_clock() -> None:
    """Monotonic timers (time.monotonic) are fine: they time waits, not dates."""
    offenders = [
        hit
        for path in sorted((ROOT / "console").rglob("*.py"))
        if not str(path.relative_to(ROOT)).startswith(ALLOWED)
        for hit in _wall_reads(path)
    ]
    assert offenders == []


class Meta:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return self.values.get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self.values[key] = value


PC = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
PLATFORM = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a demo platform moved ahead


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_before_the_first_contact_now_is_the_pc_clock() -> None:
    clock = PlatformClock(wall=lambda: PC, monotonic=Ticks())
    assert clock() == PC and clock.knowledge is None and clock.knowledge_age() is None


def test_now_is_the_platform_time_carried_by_the_monotonic_clock() -> None:
    ticks, wall = Ticks(), [PC]
    clock = PlatformClock(wall=lambda: wall[0], monotonic=ticks)
    clock.learn(PLATFORM)
    ticks.t += 90
    wall[0] = PC - timedelta(days=3)  # someone sets the PC clock back: "now" does not care
    assert clock() == PLATFORM + timedelta(seconds=90)
    assert clock.knowledge_age() == timedelta(seconds=90)


def test_the_knowledge_survives_a_restart_with_its_age() -> None:
    meta, wall = Meta(), [PC]
    PlatformClock(meta=meta, wall=lambda: wall[0], monotonic=Ticks()).learn(PLATFORM)
    assert META_KEY in meta.values
    wall[0] = PC + timedelta(hours=3)  # offline for three hours, then the app starts again
    again = PlatformClock(meta=meta, wall=lambda: wall[0], monotonic=Ticks())
    assert again() == PLATFORM + timedelta(hours=3)
    assert again.knowledge_age() == timedelta(hours=3)  # "as of 3 hours ago"


def test_unreadable_knowledge_falls_back_to_the_pc_clock() -> None:
    meta = Meta()
    meta.set_meta(META_KEY, "{not json")
    assert PlatformClock(meta=meta, wall=lambda: PC, monotonic=Ticks())() == PC


def test_the_environment_pins_the_pc_clock_for_a_child_process() -> None:
    assert system_now({ENV_NOW: "2026-11-24T02:00:00Z"}) == PC
    with pytest.raises(ValueError, match=ENV_NOW):
        system_now({ENV_NOW: "next tuesday"})

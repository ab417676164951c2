"""The platform's two clocks: the movable *business* clock and the real *authentication* clock.

The business clock (real time plus a persisted offset) drives everything on the platform's
calendar: phase windows, deadlines, reviews, launches, opinion periods, fee effective dates.
Tests and demos move it (like Stripe's test clocks) without touching the OS clock; the offset is
saved so a restart keeps the same platform time, and it only ever moves forward.

Authentication time (request timestamps, nonce and idempotency windows, response timestamps) is
always the real clock, so a moved business clock never makes signed requests look skewed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache


class ServerClock:
    """Real time shifted by ``offset`` seconds; ``on_change`` persists a new offset."""

    def __init__(
        self,
        offset: float = 0.0,
        on_change: Callable[[float], None] | None = None,
        time_source: Callable[[], float] = time.time,
    ) -> None:
        self._offset = offset
        self._on_change = on_change
        self._time = time_source

    @property
    def offset(self) -> float:
        return self._offset

    def now(self) -> float:
        """The platform's business time: Unix seconds on its (movable) calendar."""
        return self._time() + self._offset

    def real(self) -> float:
        """Authentication time: the real clock, whatever the business clock says."""
        return self._time()

    def set(self, now: float) -> None:
        """Make the business clock read ``now`` from this instant on (never earlier than it reads)."""
        if now < self.now() - 1:  # a second of slack for "set it to what it says"
            raise ValueError("the business clock only moves forward")
        self._set_offset(now - self._time())

    def advance(self, seconds: float) -> None:
        """Move forward only: going back would leave history and versions dated in the future."""
        if seconds < 0:
            raise ValueError("the business clock only moves forward")
        self._set_offset(self._offset + seconds)

    def _set_offset(self, offset: float) -> None:
        self._offset = offset
        if self._on_change is not None:
            self._on_change(offset)


def iso(ts: float) -> str:
    """Whole-second ISO 8601 UTC with a ``Z`` suffix, the only time format on the wire."""
    return _iso(int(ts))


@lru_cache(maxsize=8192)
def _iso(ts: int) -> str:
    """Cached: seeding formats the same few phase dates hundreds of thousands of times."""
    return datetime.fromtimestamp(int(ts), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> float:
    """Parse an ISO 8601 time; naive times are taken as UTC. Raises ValueError when malformed."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()

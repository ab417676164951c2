"""The app's one "now".

Everything the console shows or decides about time (countdowns, "deadline within 7 days",
opinion periods, fee effective dates) is about the *platform's* calendar, not this PC's. So "now"
is the platform's business time as last learned from a signed answer, carried forward by the
local monotonic clock between syncs (a PC clock changed by hand, or wrong by hours, does not
move it). Before the first contact it falls back to the PC clock.

This module is the only place in ``console/`` (outside the stub, which has its own platform clock)
that reads the wall clock; ``tests/test_layers.py`` enforces that. Everything else receives a
``Callable[[], datetime]`` (a :class:`PlatformClock` is one).

``MERCHANT_CONSOLE_NOW`` (ISO 8601, e.g. ``2026-11-24T02:00:00Z``) pins the PC clock for a whole
process: tests that run ``main.py`` as a subprocess use it so their fixtures are read at the
date they were built for, whatever the machine's date.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

#: Environment variable that pins the PC clock (tests, reproducible demos).
ENV_NOW = "MERCHANT_CONSOLE_NOW"
#: Local meta key under which the last learned platform time is kept across restarts.
META_KEY = "platform_time"


def _parse(text: str) -> datetime:
    parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def system_now(environ: Mapping[str, str] | None = None) -> datetime:
    """This PC's wall clock as an aware UTC datetime, or ``MERCHANT_CONSOLE_NOW`` when set."""
    env = os.environ if environ is None else environ
    pinned = env.get(ENV_NOW)
    if pinned:
        try:
            return _parse(pinned)
        except ValueError:
            raise ValueError(f"{ENV_NOW} is not an ISO 8601 time: {pinned!r}") from None
    return datetime.now(UTC)


def fixed(at: datetime) -> Callable[[], datetime]:
    """A clock that always reads ``at`` (tests, screenshots)."""
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return lambda: at


class MetaStore(Protocol):
    """What the clock needs from local storage (``console.storage.repo.Repository`` fits)."""

    def get_meta(self, key: str, default: str | None = None) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class Knowledge:
    """The platform's time as last learned: what it said, and when (by this PC's clock)."""

    platform_time: datetime
    learned_at: datetime  # PC wall clock at that moment


class PlatformClock:
    """``now()`` = platform business time last learned + monotonic time elapsed since.

    Callable with no argument, so it is a drop-in for the ``clock`` parameters of the service,
    the sync engine and the UI. ``learn`` is called with the business time of signed answers.
    """

    def __init__(
        self,
        *,
        meta: MetaStore | None = None,
        wall: Callable[[], datetime] = system_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._meta = meta
        self._wall = wall
        self._monotonic = monotonic
        self._anchor: tuple[datetime, float] | None = None  # (platform time, monotonic then)
        self._knowledge: Knowledge | None = None
        self._age_at_anchor = timedelta(0)
        self._lock = threading.Lock()  # learned on the sync lane, read on the GUI thread
        if meta is not None:
            self._restore(meta)

    def __call__(self) -> datetime:
        return self.now()

    def now(self) -> datetime:
        with self._lock:
            anchor = self._anchor
        if anchor is None:
            return self._wall()
        platform_time, mono = anchor
        return platform_time + timedelta(seconds=max(0.0, self._monotonic() - mono))

    def learn(self, platform_time: datetime) -> None:
        """Adopt the platform's business time (from a signed answer) as "now"."""
        if platform_time.tzinfo is None:
            raise ValueError("naive datetime")
        with self._lock:
            self._anchor = (platform_time.astimezone(UTC), self._monotonic())
            self._knowledge = Knowledge(platform_time.astimezone(UTC), self._wall())
            self._age_at_anchor = timedelta(0)
        if self._meta is not None:
            self._meta.set_meta(
                META_KEY,
                json.dumps(
                    {
                        "platform_time": self._knowledge.platform_time.isoformat(),
                        "learned_at": self._knowledge.learned_at.isoformat(),
                    }
                ),
            )

    @property
    def knowledge(self) -> Knowledge | None:
        """None before the first contact: "now" is then this PC's clock."""
        return self._knowledge

    def knowledge_age(self) -> timedelta | None:
        """How old the platform time is (for "as of 3 hours ago" while offline)."""
        if self._knowledge is None or self._anchor is None:
            return None
        return self._age_at_anchor + timedelta(seconds=max(0.0, self._monotonic() - self._anchor[1]))

    def _restore(self, meta: MetaStore) -> None:
        """After a restart the monotonic clock is new: carry forward by the PC clock instead."""
        raw = meta.get_meta(META_KEY)
        if not raw:
            return
        try:
            data = json.loads(raw)
            known = Knowledge(_parse(data["platform_time"]), _parse(data["learned_at"]))
        except (ValueError, KeyError, TypeError):
            return  # unreadable: behave as before the first contact
        elapsed = max(timedelta(0), self._wall() - known.learned_at)
        self._knowledge = known
        self._age_at_anchor = elapsed
        self._anchor = (known.platform_time + elapsed, self._monotonic())


__all__ = ["ENV_NOW", "META_KEY", "Knowledge", "MetaStore", "PlatformClock", "fixed", "system_now"]

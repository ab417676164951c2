"""When to try a failed outbox row again: exponential backoff with full jitter.

Full jitter (a uniform delay between 0 and the exponential ceiling) spreads many consoles that
lost the platform at the same moment, so they do not all come back in the same second. The
platform's Retry-After, when given, is a floor: we never come back earlier than it asked.
"""

from __future__ import annotations

from typing import Protocol

BASE_DELAY_S = 2.0
MAX_DELAY_S = 300.0


class Uniform(Protocol):
    """The part of ``random.Random`` we use (tests pass a seeded one)."""

    def uniform(self, a: float, b: float) -> float: ...


def backoff_delay(
    attempts: int,
    rng: Uniform,
    *,
    retry_after: float | None = None,
    base: float = BASE_DELAY_S,
    cap: float = MAX_DELAY_S,
) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1 = the first failure)."""
    exponent = min(max(attempts - 1, 0), 30)  # 2**30 * base is far above any cap
    ceiling = min(cap, base * (2**exponent))
    delay = rng.uniform(0.0, ceiling)
    if retry_after is not None and retry_after > delay:
        delay = retry_after
    return delay

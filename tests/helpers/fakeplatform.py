"""An in-process platform for tests that need thousands of sync passes in seconds.

It speaks to the real ``SyncEngine`` through the client's interface (``set_method``,
``changes``, ``store``, ``app_key``, ``clock_offset``) and raises the client's real typed errors,
so the engine classifies an outage, a wrong secret or a clock refusal exactly as it does with a
real platform. Platform-side changes go into its change feed (``push``); the real stub process is
used by tests/sync for the wire itself.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from console.platform.client import Change, ChangesPage, MethodChangeResult
from console.platform.errors import AuthError, PlatformOffline, RefusedByRule
from console.platform.sales_feed import PaymentsPage, SettlementsPage


class FakePlatform:
    """Modes: ``online``, ``offline``, ``auth`` (wrong secret), ``clock`` (PC clock refused)."""

    def __init__(self, db: sqlite_utils.Database, *, app_key: str = "app-fake") -> None:
        self.app_key = app_key
        self.mode = "online"
        self.refuse_all = False  # refuse every method change with a rule code
        self.clock_offset = 0.0
        self.platform_time = None
        self.version = 0
        self.feed: list[Change] = []
        self.methods: dict[tuple[str, str], dict[str, Any]] = {}
        for r in db.execute(
            "SELECT store_id, method, eligibility, enabled, reason_code FROM methods"
        ).fetchall():
            self.methods[(r[0], r[1])] = {
                "store_id": r[0],
                "method": r[1],
                "eligibility": r[2],
                "enabled": bool(r[3]),
                "reason_code": r[4],
            }

    def __enter__(self) -> FakePlatform:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None

    def _gate(self) -> None:
        if self.mode == "offline":
            raise PlatformOffline("connection refused")
        if self.mode == "auth":
            raise AuthError("The signature does not match.", code="AUTH_BAD_SIGNATURE", status=401)
        if self.mode == "clock":
            raise AuthError("X-Timestamp is too far off.", code="AUTH_TIMESTAMP_SKEW", status=401)

    def push(self, kind: str, entity_id: str, data: dict[str, Any]) -> None:
        """A change made on the platform's side: it reaches the app with the next pull."""
        self.version += 1
        self.feed.append(Change(self.version, kind, entity_id, copy.deepcopy(data)))

    def set_method(
        self, store_id: str, method: str, enabled: bool, key: str, *, body: bytes | None = None
    ) -> MethodChangeResult:
        self._gate()
        current = self.methods[(store_id, method)]
        if self.refuse_all:
            raise RefusedByRule(
                "refused by a rule", code="LAST_LIVE_METHOD", status=422, details={"method": dict(current)}
            )
        current["enabled"] = enabled
        self.version += 1
        return MethodChangeResult(dict(current), None, self.version, False)

    def changes(self, *, since: int, limit: int) -> ChangesPage:
        self._gate()
        page = [c for c in self.feed if c.version > since][:limit]
        next_since = page[-1].version if page else max(since, self.version)
        more = bool(page) and page[-1].version < max((c.version for c in self.feed), default=0)
        return ChangesPage(page, next_since, more, None)

    def payments(self, since: str = "", limit: int = 500) -> PaymentsPage:
        """No sales here (the sales feeds have tests of their own): an empty, final page."""
        self._gate()
        return PaymentsPage([], since, False, None)

    def settlements(self, *args: Any, after: str = "", **kw: Any) -> SettlementsPage:
        self._gate()
        return SettlementsPage([], after, False, None)

    @contextmanager
    def down(self) -> Iterator[None]:
        previous, self.mode = self.mode, "offline"
        try:
            yield
        finally:
            self.mode = previous
